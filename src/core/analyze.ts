import type { ResolvedConfig } from './rules/types';
import { type ConfigResult, defaultConfig } from './config';
import type { PostmortemDocument } from './model/types';
import { AnalysisCancelled, ChunkCache, parsePostmortem } from './model/parse';
import { todayIso } from './model/time';
import { type Finding, lintDocument, type RuleId } from './rules/index';

export interface AnalysisOptions {
  config?: ResolvedConfig;
  today?: string;
  cache?: ChunkCache;
  maxFileSize?: number;
  timezone?: string;
  /** Parse time allowed; past it the rest of the document is read as plain text with one finding. */
  timeBudgetMs?: number;
  /** Polled between chunks; true abandons the analysis with AnalysisCancelled (a newer text is coming). */
  isCancelled?: () => boolean;
  /** A full reading of this text ran out of this many MB: read it as plain text, saying so (see ParseOptions). */
  memoryLimitMb?: number;
  /** Rules to leave out of this analysis (the editor's first one, see {@link Analysis.deferred}). */
  deferRules?: readonly RuleId[];
}

/** Parse time allowed to one analysis in the CLI and the editor's worker (the editor's own thread gets less). */
export const DEFAULT_TIME_BUDGET_MS = 10_000;

/** What an analysis was computed with, so consumers never re-resolve it. */
export interface AnalysisContext {
  config: ResolvedConfig;
  today: string;
  timezone?: string;
}

export interface Analysis extends AnalysisContext {
  doc: PostmortemDocument;
  findings: Finding[];
  /** Enabled rules that did not run (`deferRules`): the findings are complete only without them. */
  deferred?: RuleId[];
}

/**
 * The one way from resolved settings to analysis options, used by every CLI command and the extension,
 * so that `timeline`, `actions`, `lint` and `summary` agree on time zone, size limit and rules.
 */
export function analysisOptionsFor(
  settings: Pick<ConfigResult, 'config' | 'maxFileSize' | 'timezone'>,
  extra: { today?: string | undefined; cache?: ChunkCache | undefined; timeBudgetMs?: number } = {},
): AnalysisOptions {
  return {
    config: settings.config,
    timeBudgetMs: extra.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS,
    ...(settings.maxFileSize ? { maxFileSize: settings.maxFileSize } : {}),
    ...(settings.timezone ? { timezone: settings.timezone } : {}),
    ...(extra.today ? { today: extra.today } : {}),
    ...(extra.cache ? { cache: extra.cache } : {}),
  };
}

/** text -> model with the same options as analyzeText, without the rules (for figures across many files). */
export function modelOf(text: string, options: AnalysisOptions = {}): PostmortemDocument {
  return parsePostmortem(text, {
    ...(options.cache ? { cache: options.cache } : {}),
    ...(options.maxFileSize ? { maxFileSize: options.maxFileSize } : {}),
    ...(options.timezone ? { defaultTimezone: options.timezone } : {}),
    ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
    ...(options.isCancelled ? { isCancelled: options.isCancelled } : {}),
    ...(options.memoryLimitMb !== undefined ? { memoryLimitMb: options.memoryLimitMb } : {}),
  });
}

/** text -> model -> findings: the one pipeline used by the CLI and the extension. */
export function analyzeText(text: string, options: AnalysisOptions = {}): Analysis {
  const doc = modelOf(text, options);
  const cache = options.cache;
  const config = options.config ?? defaultConfig();
  const today = options.today ?? todayIso();
  const deferred = options.deferRules?.filter((id) => config.rules[id] !== 'off') ?? [];
  const findings = lintDocument(doc, config, {
    today,
    ...(cache ? { memo: <T>(space: string, key: string, compute: () => T) => cache.memo(space, key, compute) } : {}),
    ...(deferred.length ? { skip: new Set(deferred) } : {}),
  });
  // A run without some rules keeps their memos for the run that has them.
  if (!deferred.length) cache?.sweepMemos();
  return { doc, findings, config, today, ...(options.timezone ? { timezone: options.timezone } : {}), ...(deferred.length ? { deferred } : {}) };
}

export { AnalysisCancelled, ChunkCache };
