// Worker thread entry (node host): keeps one parse cache per document and answers only the newest
// request per document; older queued ones are reported as superseded.
import { type MessagePort, parentPort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import { AnalysisCancelled, analyzeText, ChunkCache } from '../core/analyze';
import type { AnalysisRequest } from './analysisBackend';

type Message = ({ type: 'analyze'; id: number } & AnalysisRequest) | { type: 'forget'; key: string };

const caches = new Map<string, ChunkCache>();
const latest = new Map<string, { id: number } & AnalysisRequest>();
let scheduled = false;
/**
 * The host announces every request here too ({ key, id }); read synchronously between chunks, so that
 * the analysis of a version that is no longer current stops as soon as a newer one was sent.
 */
const announcements: MessagePort | undefined = (workerData as { announcements?: MessagePort } | null)?.announcements;
const newestId = new Map<string, number>();

function newerThan(request: { key: string; id: number }): boolean {
  for (let m = announcements && receiveMessageOnPort(announcements); m; m = receiveMessageOnPort(announcements!)) {
    const { key, id } = m.message as { key: string; id: number };
    if (id > (newestId.get(key) ?? 0)) newestId.set(key, id);
  }
  return (newestId.get(request.key) ?? 0) > request.id;
}

function drain(): void {
  scheduled = false;
  const requests = [...latest.values()];
  latest.clear();
  for (const request of requests) {
    let cache = caches.get(request.key);
    if (!cache) caches.set(request.key, (cache = new ChunkCache()));
    try {
      parentPort!.postMessage({ id: request.id, analysis: analyzeText(request.text, { ...request.options, cache, isCancelled: () => newerThan(request) }) });
    } catch (error) {
      if (error instanceof AnalysisCancelled) parentPort!.postMessage({ id: request.id, superseded: true });
      else parentPort!.postMessage({ id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    }
  }
}

parentPort?.on('message', (message: Message) => {
  if (message.type === 'forget') {
    caches.delete(message.key);
    newestId.delete(message.key);
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
