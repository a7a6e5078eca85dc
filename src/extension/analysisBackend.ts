import type { Analysis, AnalysisOptions } from '../core/analyze';

/** Analysis request sent off the extension host's thread (options are plain data). */
export interface AnalysisRequest {
  key: string;
  version: number;
  text: string;
  options: Omit<AnalysisOptions, 'cache'>;
}

/**
 * Runs analyses away from the typing path. The node host uses a worker thread; a backend may
 * answer `undefined` for a request that a newer one for the same key superseded.
 */
export interface AnalysisBackend {
  analyze(request: AnalysisRequest): Promise<Analysis | undefined>;
  forget(key: string): void;
  dispose(): void;
}

/** The backend gave up on a request that ran past its time limit (the worker was restarted). */
export class AnalysisTimeout extends Error {
  constructor(readonly limitMs: number) {
    super(`Analysis took longer than ${limitMs / 1000} s and was stopped`);
    this.name = 'AnalysisTimeout';
  }
}

/** The worker ran out of its heap (ERR_WORKER_OUT_OF_MEMORY) on a request; it is restarted for the next one. */
export class AnalysisOverMemory extends Error {
  constructor(readonly limitMb: number) {
    super(`Analysis needed more than ${limitMb} MB of memory and was stopped`);
    this.name = 'AnalysisOverMemory';
  }
}
