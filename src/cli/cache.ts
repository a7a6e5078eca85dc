// `--cache`: per-file results of lint, stats and actions, kept in one JSON file per command under the
// cache location (default node_modules/.cache/postmortem). An entry is used only when its key, the sha256 of
// (cache format, command, tool version and build, the file's resolved options, the date where the command's
// result depends on it, the file's text), matches; anything unreadable, foreign or malformed is a miss.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AnalysisOptions } from '../core/analyze';
import { type FileJobKind, type FileJobResult, isFileJobResult, jobUsesToday } from './fileJobs';

declare const __VERSION__: string | undefined;
declare const __BUILD_ID__: string | undefined;

/** Bumped when the file layout or a piece's shape changes. */
export const CACHE_FORMAT = 1;
const TOOL = 'postmortem';

export const DEFAULT_CACHE_LOCATION = join('node_modules', '.cache', 'postmortem');

/** The version and build of the running tool: a rebuilt bundle (other sources or dependencies) never reads an older one's results. */
export function toolId(): string {
  return `${typeof __VERSION__ === 'string' ? __VERSION__ : 'dev'}+${typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : 'dev'}`;
}

/** JSON with object keys sorted, so equal options give equal text whatever the order they were built in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
    if (v && typeof v === 'object' && !Array.isArray(v)) return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    return v;
  });
}

/**
 * Everything a file's result depends on besides its text: the resolved configuration, size limit and time
 * zone, and `today` only for the commands whose pieces use it (lint's overdue rule).
 */
export function cacheKeyPrefix(kind: FileJobKind, options: AnalysisOptions, today: string): string {
  const { cache: _cache, today: _today, ...rest } = options;
  return canonical([TOOL, CACHE_FORMAT, kind, toolId(), rest, jobUsesToday(kind) ? today : null]);
}

export function cacheKey(prefix: string, text: string): string {
  return createHash('sha256').update(prefix).update('\u0000').update(text).digest('hex');
}

interface Entry {
  key: string;
  result: unknown;
}

/** One command's cache file. Never throws on reading; `save` reports a write problem as a message. */
export class ResultCache<K extends FileJobKind> {
  private readonly entries = new Map<string, Entry>();
  private readonly touched = new Set<string>();
  private changed = false;
  /** Hits and misses of this run (for tests and the bench). */
  hits = 0;
  misses = 0;

  private constructor(
    readonly kind: K,
    readonly file: string,
  ) {}

  static open<K extends FileJobKind>(kind: K, location: string): ResultCache<K> {
    const cache = new ResultCache(kind, join(resolve(location), `${kind}.json`));
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(cache.file, 'utf8'));
    } catch {
      return cache; // missing or not JSON: start empty
    }
    const d = data as { tool?: unknown; format?: unknown; command?: unknown; entries?: unknown };
    if (typeof data !== 'object' || data === null || d.tool !== TOOL || d.format !== CACHE_FORMAT || d.command !== kind) return cache;
    if (typeof d.entries !== 'object' || d.entries === null || Array.isArray(d.entries)) return cache;
    for (const [file, entry] of Object.entries(d.entries as Record<string, unknown>)) {
      const e = entry as Partial<Entry> | null;
      if (e && typeof e === 'object' && typeof e.key === 'string' && 'result' in e) cache.entries.set(file, { key: e.key, result: e.result });
      else cache.changed = true; // drop it on the next save
    }
    return cache;
  }

  /** The stored piece for this file when its key matches and it is well formed; else undefined (a miss). */
  get(file: string, key: string): FileJobResult<K> | undefined {
    const path = resolve(file);
    this.touched.add(path);
    const entry = this.entries.get(path);
    if (entry && entry.key === key && isFileJobResult(this.kind, entry.result)) {
      this.hits++;
      return entry.result as FileJobResult<K>;
    }
    this.misses++;
    return undefined;
  }

  set(file: string, key: string, result: FileJobResult<K>): void {
    const path = resolve(file);
    this.touched.add(path);
    this.entries.set(path, { key, result });
    this.changed = true;
  }

  /** Writes the file when anything changed (entries of files no longer on disk are dropped). Returns a problem, or undefined. */
  save(): string | undefined {
    const entries: Record<string, Entry> = {};
    for (const [path, entry] of this.entries) {
      if (this.touched.has(path) || existsSync(path)) entries[path] = entry;
      else this.changed = true;
    }
    if (!this.changed) return undefined;
    const temp = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(resolve(this.file, '..'), { recursive: true });
      writeFileSync(temp, JSON.stringify({ tool: TOOL, format: CACHE_FORMAT, command: this.kind, version: toolId(), entries }));
      renameSync(temp, this.file);
      this.changed = false;
      return undefined;
    } catch (error) {
      try {
        rmSync(temp, { force: true });
      } catch {
        // nothing more to do
      }
      return `cannot write ${this.file} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
  }
}
