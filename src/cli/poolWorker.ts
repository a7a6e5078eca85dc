// Pool worker (bundled as dist/cliWorker.js): claims files from the shared counter until none are left and
// posts each file's result piece; see pool.ts. It reads the files itself, so no text crosses threads.
import { readFileSync } from 'node:fs';
import { workerData } from 'node:worker_threads';
import { cacheKey } from './cache';
import { runFileJob } from './fileJobs';
import type { PoolMessage, PoolWorkerData } from './pool';

const data = workerData as PoolWorkerData | null;
if (data) {
  const ctl = new Int32Array(data.control);
  for (;;) {
    const p = Atomics.add(ctl, 0, 1);
    if (p >= data.order.length) break;
    const i = data.order[p];
    let message: PoolMessage;
    try {
      const text = readFileSync(data.files[i], 'utf8');
      const id = data.optionIds[i];
      message = { i, result: runFileJob(data.kind, text, data.options[id]), ...(data.keyPrefixes ? { key: cacheKey(data.keyPrefixes[id], text) } : {}) };
    } catch {
      message = { i, failed: true }; // the main thread redoes it and reports the error as the serial path does
    }
    try {
      data.port.postMessage(message);
    } catch {
      data.port.postMessage({ i, failed: true });
    }
    Atomics.add(ctl, 1, 1);
    Atomics.notify(ctl, 1);
  }
  data.port.close();
}
