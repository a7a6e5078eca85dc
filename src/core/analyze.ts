import type { ResolvedConfig } from './rules/types';
import { defaultConfig } from './config';
import type { PostmortemDocument } from './model/types';
import { ChunkCache, parsePostmortem } from './model/parse';
import { type Finding, lintDocument } from './rules/index';

export interface AnalysisOptions {
  config?: ResolvedConfig;
  today?: string;
  cache?: ChunkCache;
  maxFileSize?: number;
  timezone?: string;
}

export interface Analysis {
  doc: PostmortemDocument;
  findings: Finding[];
}

/** text -> model -> findings: the one pipeline used by the CLI and the extension. */
export function analyzeText(text: string, options: AnalysisOptions = {}): Analysis {
  const doc = parsePostmortem(text, {
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
    ...(options.timezone ? { defaultTimezone: options.timezone } : {}),
  });
  const cache = options.cache;
  const findings = lintDocument(doc, options.config ?? defaultConfig(), {
    ...(options.today ? { today: options.today } : {}),
    ...(cache ? { memo: <T>(key: string, compute: () => T) => cache.memo(key, compute) } : {}),
  });
  cache?.sweepMemos();
  return { doc, findings };
}

export { ChunkCache };
