// Worker thread entry (node host): keeps one parse cache per document and answers only the newest
// request per document; older queued ones are reported as superseded.
import { parentPort } from 'node:worker_threads';
import { analyzeText, ChunkCache } from '../core/analyze';
import type { AnalysisRequest } from './analysisBackend';

type Message = ({ type: 'analyze'; id: number } & AnalysisRequest) | { type: 'forget'; key: string };

const caches = new Map<string, ChunkCache>();
const latest = new Map<string, { id: number } & AnalysisRequest>();
let scheduled = false;

function drain(): void {
  scheduled = false;
  const requests = [...latest.values()];
  latest.clear();
  for (const request of requests) {
    let cache = caches.get(request.key);
    if (!cache) caches.set(request.key, (cache = new ChunkCache()));
    try {
      parentPort!.postMessage({ id: request.id, analysis: analyzeText(request.text, { ...request.options, cache }) });
    } catch (error) {
      parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
}

parentPort?.on('message', (message: Message) => {
  if (message.type === 'forget') {
    caches.delete(message.key);
    return;
  }
  const older = latest.get(message.key);
  if (older) parentPort!.postMessage({ id: older.id, superseded: true });
  latest.set(message.key, message);
  if (!scheduled) {
    scheduled = true;
    setImmediate(drain);
  }
});
