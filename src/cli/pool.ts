// A pool of worker threads over files, driven synchronously (runCli stays synchronous): workers and the
// main thread claim files from a shared counter (biggest first), workers post each file's small result
// piece on their own MessagePort and bump a shared counter; the main thread sleeps in Atomics.wait on that
// counter and reads the ports with receiveMessageOnPort. Whatever a worker cannot do (it failed to start,
// a file threw, it stopped answering) the main thread does itself, so the results are always those of
// the serial path; results are put back by index, so their order is the files' order.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { MessageChannel, type MessagePort, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { AnalysisOptions } from '../core/analyze';
import type { FileJobKind, FileJobResult } from './fileJobs';

/** What a worker is given (workerData). */
export interface PoolWorkerData {
  kind: FileJobKind;
  files: string[];
  /** The distinct analysis options of the run; `optionIds[i]` picks file i's. */
  options: AnalysisOptions[];
  optionIds: number[];
  /** With --cache: the key prefix per options id; the worker returns the key of the text it read. */
  keyPrefixes?: string[];
  /** Claim order (file indices, biggest first). */
  order: number[];
  /** Int32Array over it: [0] next claim position, [1] messages posted. */
  control: SharedArrayBuffer;
  port: MessagePort;
}

export type PoolMessage<K extends FileJobKind = FileJobKind> = { i: number; result: FileJobResult<K>; key?: string } | { i: number; failed: true };

export interface PoolOptions<K extends FileJobKind> {
  kind: K;
  files: string[];
  options: AnalysisOptions[];
  optionIds: number[];
  keyPrefixes?: string[];
  /** File sizes (bytes or characters), for the claim order. */
  sizes: number[];
  /** Worker threads to start; the main thread works too unless `mainShare` is false. */
  workers: number;
  mainShare?: boolean;
  /** File i on the main thread. May throw: the caller redoes such files in order, outside the pool. */
  local: (i: number) => { result: FileJobResult<K>; key?: string };
  /** Without a message for this long, the main thread does the first unfinished file itself (default 15 s). */
  stallMs?: number;
}

export interface PoolRun<K extends FileJobKind> {
  /** undefined where the file failed (the caller redoes it to raise the error the serial path raises). */
  results: Array<FileJobResult<K> | undefined>;
  keys: Array<string | undefined>;
  workers: number;
  /** How many results came from workers. */
  fromWorkers: number;
}

/** The worker script next to this bundle (dist/cliWorker.js), or, running from the sources (tests), poolWorker.ts through tsx. */
function startWorker(data: PoolWorkerData): Worker | undefined {
  const here = import.meta.url;
  const options = { workerData: data, transferList: [data.port] as never[], stdout: false, stderr: false };
  if (here.endsWith('.ts')) {
    const entry = fileURLToPath(new URL('./poolWorker.ts', here));
    const tsx = createRequire(here).resolve('tsx/cjs/api');
    // The parent's --import=tsx hooks do not carry over into a worker on Node 20; tsx's require hook does.
    return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, { ...options, eval: true, execArgv: [] });
  }
  const script = new URL('./cliWorker.js', here);
  if (!existsSync(script)) return undefined;
  return new Worker(script, options);
}

/** Whether this build can start pool workers at all (the worker script exists). */
export function poolAvailable(): boolean {
  const here = import.meta.url;
  return here.endsWith('.ts') || existsSync(new URL('./cliWorker.js', here));
}

export function runPool<K extends FileJobKind>(job: PoolOptions<K>): PoolRun<K> {
  const n = job.files.length;
  const order = [...job.files.keys()].sort((a, b) => job.sizes[b] - job.sizes[a] || a - b);
  const control = new SharedArrayBuffer(8);
  const ctl = new Int32Array(control);
  const ports: MessagePort[] = [];
  const workers: Worker[] = [];
  const options = job.options.map((o) => {
    const { cache: _cache, ...plain } = o;
    return plain;
  });
  for (let w = 0; w < job.workers; w++) {
    const { port1, port2 } = new MessageChannel();
    let worker: Worker | undefined;
    try {
      worker = startWorker({ kind: job.kind, files: job.files, options, optionIds: job.optionIds, ...(job.keyPrefixes ? { keyPrefixes: job.keyPrefixes } : {}), order, control, port: port2 });
    } catch {
      worker = undefined;
    }
    if (!worker) {
      port1.close();
      break;
    }
    worker.on('error', () => {}); // a failing worker is made up for by the main thread
    worker.unref();
    workers.push(worker);
    ports.push(port1);
  }

  const results: Array<FileJobResult<K> | undefined> = new Array(n);
  const keys: Array<string | undefined> = new Array(n);
  const done = new Uint8Array(n);
  let remaining = n;
  let fromWorkers = 0;
  /** The last time a file was finished, here or in a worker. */
  let lastProgress = performance.now();
  const finish = (i: number) => {
    done[i] = 1;
    remaining--;
  };
  const take = (m: PoolMessage<K>) => {
    if (done[m.i]) return;
    if (!('failed' in m)) {
      results[m.i] = m.result;
      keys[m.i] = m.key;
      fromWorkers++;
    }
    finish(m.i);
  };
  const drain = () => {
    for (const port of ports) for (let m = receiveMessageOnPort(port); m; m = receiveMessageOnPort(port)) take(m.message as PoolMessage<K>);
  };
  const runHere = (i: number) => {
    try {
      const { result, key } = job.local(i);
      results[i] = result;
      keys[i] = key;
    } catch {
      // left undefined: redone by the caller, in order, so the error is the serial path's
    }
    finish(i);
    lastProgress = performance.now();
  };

  let mainShare = job.mainShare !== false || workers.length === 0;
  const stallMs = job.stallMs ?? 15_000;
  while (remaining > 0) {
    drain();
    if (remaining === 0) break;
    if (mainShare) {
      const p = Atomics.add(ctl, 0, 1);
      if (p < n) {
        if (!done[order[p]]) runHere(order[p]);
        continue;
      }
    }
    const seen = Atomics.load(ctl, 1);
    const before = remaining;
    drain();
    if (remaining !== before) {
      lastProgress = performance.now();
      continue;
    }
    Atomics.wait(ctl, 1, seen, Math.min(200, stallMs));
    if (Atomics.load(ctl, 1) !== seen) {
      lastProgress = performance.now();
      continue;
    }
    if (performance.now() - lastProgress >= stallMs) {
      // No word from any worker for a long time: take over, first unclaimed files, then the first unfinished one.
      mainShare = true;
      if (Atomics.load(ctl, 0) >= n) {
        const i = done.indexOf(0);
        if (i >= 0) runHere(i);
      }
      lastProgress = performance.now();
    }
  }
  for (const worker of workers) worker.terminate().catch(() => {});
  for (const port of ports) port.close();
  return { results, keys, workers: workers.length, fromWorkers };
}
