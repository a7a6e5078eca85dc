import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { Analysis } from '../core/analyze';
import { type AnalysisBackend, AnalysisOverMemory, type AnalysisRequest, AnalysisTimeout } from './analysisBackend';

/**
 * A request still unanswered after this long means a runaway (the parse budget is 10 s, rules are
 * linear): the worker is stopped and started anew, and the request fails with AnalysisTimeout.
 */
export const WORKER_TIME_LIMIT_MS = 30_000;

/**
 * The worker's heap (old generation). A post-mortem at the 5 M-character size limit needs well under half of it; a hostile one
 * that needs more normally stops the worker (ERR_WORKER_OUT_OF_MEMORY) and is shown as plain text. A guard, not a sandbox: Node
 * ends the whole process instead when one array grows past the limit.
 */
export const WORKER_HEAP_LIMIT_MB = 768;

type Reply = { id: number; analysis?: Analysis; superseded?: boolean; error?: string };

/** Node host: analyses run in a worker thread, so a 2 MB document never blocks the extension host. */
export class WorkerBackend implements AnalysisBackend {
  private worker: Worker | undefined;
  /** Every request is announced here as well, for the worker to notice mid-analysis (see analysisWorker.ts). */
  private announcements: MessagePort | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { key: string; size: number; resolve: (a: Analysis | undefined) => void; reject: (e: Error) => void }>();
  private watchdog: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly script: string,
    private readonly onError: (message: string, error?: unknown) => void,
    private readonly timeLimitMs = WORKER_TIME_LIMIT_MS,
    private readonly heapLimitMb = WORKER_HEAP_LIMIT_MB,
  ) {}

  /** Re-armed on every reply: the worker answers requests one by one, so silence this long is a runaway. */
  private arm(): void {
    clearTimeout(this.watchdog);
    this.watchdog = undefined;
    if (!this.pending.size) return;
    this.watchdog = setTimeout(() => this.stopRunaway(), this.timeLimitMs);
    this.watchdog.unref?.();
  }

  private stopRunaway(): void {
    const worker = this.worker;
    this.worker = undefined;
    this.watchdog = undefined;
    void worker?.terminate();
    this.onError(`Analysis worker gave no answer for ${this.timeLimitMs / 1000} s; it was stopped and restarts on the next edit`);
    const waiters = [...this.pending.values()];
    this.pending.clear();
    for (const waiter of waiters) waiter.reject(new AnalysisTimeout(this.timeLimitMs));
  }

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const channel = new MessageChannel();
    const worker = new Worker(this.script, {
      workerData: { announcements: channel.port2 },
      transferList: [channel.port2],
      resourceLimits: { maxOldGenerationSizeMb: this.heapLimitMb },
    });
    this.announcements = channel.port1;
    worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      this.arm();
      if (reply.error) waiter.reject(new Error(reply.error));
      else waiter.resolve(reply.superseded ? undefined : reply.analysis);
    });
    const fail = (error: unknown) => {
      const outOfMemory = (error as { code?: string } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.onError(outOfMemory ? `Analysis worker ran out of its ${this.heapLimitMb} MB heap; it restarts on the next edit` : 'Analysis worker stopped; it restarts on the next edit', error);
      // Out of memory: the largest text waiting is taken as the one that did it (its requests fail with AnalysisOverMemory and
      // are not retried on the extension host's thread); the other requests are answered as after any stop of the worker.
      let culprit: string | undefined;
      let largest = -1;
      if (outOfMemory) for (const waiter of this.pending.values()) if (waiter.size > largest) [culprit, largest] = [waiter.key, waiter.size];
      for (const waiter of this.pending.values()) {
        if (outOfMemory && waiter.key === culprit) waiter.reject(new AnalysisOverMemory(this.heapLimitMb));
        else waiter.resolve(undefined);
      }
      this.pending.clear();
      this.worker = undefined;
      this.arm();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (this.worker === worker && code !== 0) fail(new Error(`exit code ${code}`));
    });
    this.worker = worker;
    return worker;
  }

  analyze(request: AnalysisRequest): Promise<Analysis | undefined> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { key: request.key, size: request.text.length, resolve, reject });
      if (!this.watchdog) this.arm();
      const worker = this.ensure();
      this.announcements?.postMessage({ key: request.key, id });
      worker.postMessage({ type: 'analyze', id, ...request });
    });
  }

  forget(key: string): void {
    this.worker?.postMessage({ type: 'forget', key });
  }

  dispose(): void {
    clearTimeout(this.watchdog);
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
