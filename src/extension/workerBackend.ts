import { Worker } from 'node:worker_threads';
import type { Analysis } from '../core/analyze';
import type { AnalysisBackend, AnalysisRequest } from './analysisBackend';

type Reply = { id: number; analysis?: Analysis; superseded?: boolean; error?: string };

/** Node host: analyses run in a worker thread, so a 2 MB document never blocks the extension host. */
export class WorkerBackend implements AnalysisBackend {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (a: Analysis | undefined) => void; reject: (e: Error) => void }>();

  constructor(private readonly script: string, private readonly onError: (message: string, error?: unknown) => void) {}

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.on('message', (reply: Reply) => {
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.error) waiter.reject(new Error(reply.error));
      else waiter.resolve(reply.superseded ? undefined : reply.analysis);
    });
    const fail = (error: unknown) => {
      this.onError('Analysis worker stopped; it restarts on the next edit', error);
      for (const waiter of this.pending.values()) waiter.resolve(undefined);
      this.pending.clear();
      this.worker = undefined;
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
      this.pending.set(id, { resolve, reject });
      this.ensure().postMessage({ type: 'analyze', id, ...request });
    });
  }

  forget(key: string): void {
    this.worker?.postMessage({ type: 'forget', key });
  }

  dispose(): void {
    const worker = this.worker;
    this.worker = undefined;
    void worker?.terminate();
  }
}
