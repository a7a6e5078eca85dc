// What each many-file command needs from one file, computed by one pure function (`runFileJob`) on the
// main thread, in a pool worker (poolWorker.ts) or read back from the cache (cache.ts): small, plain,
// JSON-safe pieces, never the whole model.
import { type AnalysisOptions, analyzeText, modelOf } from '../core/analyze';
import { type InsightRecord, insightRecord } from '../core/insights/record';
import type { Finding } from '../core/rules/types';

/** The commands that analyse many files. */
export type FileJobKind = 'lint' | 'stats' | 'actions';

export const FILE_JOB_KINDS: readonly FileJobKind[] = ['lint', 'stats', 'actions'];

/** What `lint` prints of a finding. */
export type LintFinding = Pick<Finding, 'rule' | 'severity' | 'message' | 'range'>;

/** An action item as `actions` lists it; its due state is computed from `--today` afterwards, so it is not part of the piece. */
export interface ActionPiece {
  line: number;
  text: string;
  owner: string | null;
  due: string | null;
  done: boolean;
}

export interface FileJobResults {
  lint: { findings: LintFinding[] };
  /** The insight record without its `uri` (the file as named on this command line is put back). */
  stats: Omit<InsightRecord, 'uri'>;
  actions: { items: ActionPiece[] };
}

export type FileJobResult<K extends FileJobKind = FileJobKind> = FileJobResults[K];

/** Whether a command's piece depends on the date: lint's `action-item-overdue` does; stats and actions apply `--today` to the pieces. */
export function jobUsesToday(kind: FileJobKind): boolean {
  return kind === 'lint';
}

/** The one function from a file's text to what a command needs of it. */
export function runFileJob<K extends FileJobKind>(kind: K, text: string, options: AnalysisOptions): FileJobResults[K] {
  switch (kind) {
    case 'lint': {
      const { findings } = analyzeText(text, options);
      return { findings: findings.map(({ rule, severity, message, range }) => ({ rule, severity, message, range: { start: { ...range.start }, end: { ...range.end } } })) } as FileJobResults[K];
    }
    case 'stats': {
      const { uri: _uri, ...record } = insightRecord('', modelOf(text, options));
      return record as FileJobResults[K];
    }
    case 'actions': {
      // The model alone: the rules add nothing to the action items.
      const doc = modelOf(text, options);
      return { items: doc.actionItems.map((item) => ({ line: item.range.start.line + 1, text: item.text, owner: item.owner, due: item.due, done: item.done })) } as FileJobResults[K];
    }
    default:
      throw new Error(`unknown file job '${String(kind)}'`);
  }
}

// ---- Shape checks for pieces read back from a cache file (which may be corrupt or written by anything).

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStringOrNull = (v: unknown) => v === null || typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const isPosition = (v: unknown) => isObject(v) && isCount(v.line) && isCount(v.character);
const isNumberOrNull = (v: unknown) => v === null || (typeof v === 'number' && Number.isFinite(v));
const SEVERITIES = new Set(['error', 'warning', 'info']);

function isLintFinding(v: unknown): boolean {
  return isObject(v) && isString(v.rule) && isString(v.severity) && SEVERITIES.has(v.severity) && isString(v.message) && isObject(v.range) && isPosition(v.range.start) && isPosition(v.range.end);
}

function isAction(v: unknown): boolean {
  return isObject(v) && isCount(v.line) && isString(v.text) && isStringOrNull(v.owner) && isStringOrNull(v.due) && typeof v.done === 'boolean';
}

function isInsightItem(v: unknown): boolean {
  return isObject(v) && isString(v.text) && isStringOrNull(v.owner) && isStringOrNull(v.due) && typeof v.done === 'boolean' && isCount(v.line);
}

function isStatsRecord(v: unknown): boolean {
  if (!isObject(v) || !isObject(v.metrics)) return false;
  for (const key of ['title', 'id', 'severity', 'status', 'date', 'review']) if (v[key] !== undefined && !isString(v[key])) return false;
  const metrics = v.metrics;
  return (
    ['ttd', 'ttm', 'ttr', 'duration'].every((k) => isNumberOrNull(metrics[k])) &&
    [v.doubted, v.tags, v.services, v.causeWords, v.causeTerms].every((list) => Array.isArray(list) && list.every(isString)) &&
    Array.isArray(v.items) &&
    v.items.every(isInsightItem)
  );
}

/** Whether a value read back from a cache is a well-formed piece of this kind. */
export function isFileJobResult(kind: FileJobKind, v: unknown): boolean {
  switch (kind) {
    case 'lint':
      return isObject(v) && Array.isArray(v.findings) && v.findings.every(isLintFinding);
    case 'stats':
      return isStatsRecord(v);
    case 'actions':
      return isObject(v) && Array.isArray(v.items) && v.items.every(isAction);
    default:
      return false;
  }
}
