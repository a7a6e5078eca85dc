// The file-analysis step of lint, stats and actions: each file's result piece (fileJobs.ts), from the cache
// (--cache), a worker pool (pool.ts) or this thread, always in the files' order and always equal to what
// the serial path gives.
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { statSync } from 'node:fs';
import type { AnalysisOptions } from '../core/analyze';
import type { CommandIO } from './args';
import { cacheKey, cacheKeyPrefix, DEFAULT_CACHE_LOCATION, ResultCache } from './cache';
import { type FileJobKind, type FileJobResult, runFileJob } from './fileJobs';
import { readText, UsageError } from './files';
import { poolAvailable, runPool } from './pool';

/** Options every many-file command takes (parseArgs shape). */
export const FILE_JOB_FLAGS = {
  cache: { type: 'boolean' },
  'cache-location': { type: 'string' },
  concurrency: { type: 'string' },
} as const;

export const FILE_JOB_USAGE = `  --cache                       keep per-file results and reuse them for unchanged files
  --cache-location dir          cache directory (default: node_modules/.cache/postmortem in the working directory)
  --concurrency N|auto|off      threads analysing files (default: auto, one per free core when there is enough to do)`;

/**
 * Below this many bytes of files to analyse, starting workers (each loads the engine and warms it up:
 * 0.3–0.5 s of CPU measured with the built CLI on a 2-core machine) costs more than it saves.
 */
export const POOL_MIN_BYTES = 512 * 1024;

/**
 * Threads for `--concurrency auto`: one per core that is free, i.e. the cores minus the 1-minute load
 * average (as `make -l` does), at least one. On a machine busy with other work, extra threads only
 * add their start-up and contention: measured 1.15–2× slower wall time at load 7–12 on 2 cores.
 */
export function autoThreads(cores = availableParallelism(), load = loadavg()[0]): number {
  return Math.max(1, Math.min(cores, Math.ceil(cores - load)));
}

export interface FileJobSettings {
  /** Threads analysing files, the main thread included; 'auto': one per free core (autoThreads), when there is enough to do. */
  concurrency: number | 'auto';
  /** With --cache: the cache directory. */
  cacheLocation?: string;
  /** The date the run measures against (part of the cache key where a command's result depends on it). */
  today: string;
  /** Internal (tests): the main thread only coordinates, so every file goes through a worker. */
  mainShare?: boolean;
  /** Internal (tests): start the pool even for little work. */
  minPoolBytes?: number;
}

export function fileJobSettings(values: { cache?: boolean | undefined; 'cache-location'?: string | undefined; concurrency?: string | undefined }, today: string): FileJobSettings {
  const raw = values.concurrency ?? 'auto';
  let concurrency: number | 'auto';
  if (raw === 'auto') concurrency = 'auto';
  else if (raw === 'off') concurrency = 1;
  else if (/^\d+$/.test(raw) && Number(raw) >= 1) concurrency = Number(raw);
  else throw new UsageError(`--concurrency expects a number, auto or off, got '${raw}'`);
  if (values['cache-location'] !== undefined && !values.cache) throw new UsageError('--cache-location needs --cache');
  return { concurrency, today, ...(values.cache ? { cacheLocation: resolve(values['cache-location'] ?? DEFAULT_CACHE_LOCATION) } : {}) };
}

export interface AnalyzedFiles<K extends FileJobKind> {
  results: Array<FileJobResult<K>>;
  /** How the results were obtained (tests, the bench). */
  report: { cacheHits: number; analysed: number; workers: number; fromWorkers: number };
}

export function analyzeFiles<K extends FileJobKind>(kind: K, files: string[], optionsFor: (file: string) => AnalysisOptions, settings: FileJobSettings, io: CommandIO): AnalyzedFiles<K> {
  // The distinct options of the run (one per configuration file), by identity.
  const table: AnalysisOptions[] = [];
  const ids = new Map<AnalysisOptions, number>();
  const optionIds = files.map((file) => {
    const options = optionsFor(file);
    let id = ids.get(options);
    if (id === undefined) ids.set(options, (id = table.push(options) - 1));
    return id;
  });

  const results: Array<FileJobResult<K> | undefined> = new Array(files.length);
  const cache = settings.cacheLocation !== undefined ? ResultCache.open(kind, settings.cacheLocation) : undefined;
  const prefixes = cache ? table.map((options) => cacheKeyPrefix(kind, options, settings.today)) : undefined;
  const texts: Array<string | undefined> = new Array(files.length);
  const keys: Array<string | undefined> = new Array(files.length);
  let todo: number[] = [...files.keys()];
  if (cache && prefixes) {
    todo = [];
    for (let i = 0; i < files.length; i++) {
      const text = readText(files[i]);
      const key = cacheKey(prefixes[optionIds[i]], text);
      const hit = cache.get(files[i], key);
      if (hit) results[i] = hit;
      else {
        texts[i] = text;
        keys[i] = key;
        todo.push(i);
      }
    }
  }

  const here = (i: number): { result: FileJobResult<K>; key?: string } => {
    const text = texts[i] ?? readText(files[i]);
    texts[i] = undefined;
    const result = runFileJob(kind, text, table[optionIds[i]]);
    return { result, ...(prefixes ? { key: keys[i] ?? cacheKey(prefixes[optionIds[i]], text) } : {}) };
  };

  // Tests of the built CLI: every file through a worker, and say so when the main thread had to step in.
  const workersOnly = process.env.POSTMORTEM_POOL_WORKERS_ONLY === '1';
  if (workersOnly) settings = { ...settings, mainShare: false };
  const sizes = todo.length >= 2 && settings.concurrency !== 1 ? todo.map((i) => sizeOf(files[i], texts[i])) : [];
  const threads = threadsFor(settings, sizes);
  let workers = 0;
  let fromWorkers = 0;
  if (threads > 1) {
    const run = runPool({
      kind,
      files: todo.map((i) => files[i]),
      options: table,
      optionIds: todo.map((i) => optionIds[i]),
      ...(prefixes ? { keyPrefixes: prefixes } : {}),
      sizes,
      workers: settings.mainShare === false ? threads : threads - 1,
      ...(settings.mainShare !== undefined ? { mainShare: settings.mainShare } : {}),
      local: (j) => here(todo[j]),
    });
    workers = run.workers;
    fromWorkers = run.fromWorkers;
    todo.forEach((i, j) => {
      results[i] = run.results[j];
      if (run.keys[j] !== undefined) keys[i] = run.keys[j];
    });
  }
  if (workersOnly && fromWorkers < todo.length) io.err(`postmortem: pool: ${todo.length - fromWorkers} of ${todo.length} files analysed on the main thread`);
  // The serial path, and whatever the pool could not do: in order, so a failing file raises what it raises serially.
  for (const i of todo) {
    if (results[i] !== undefined) continue;
    const { result, key } = here(i);
    results[i] = result;
    if (key !== undefined) keys[i] = key;
  }
  if (cache) {
    for (const i of todo) cache.set(files[i], keys[i]!, results[i]!);
    const problem = cache.save();
    if (problem) io.err(`postmortem: cache: ${problem}`);
  }
  return { results: results as Array<FileJobResult<K>>, report: { cacheHits: files.length - todo.length, analysed: todo.length, workers, fromWorkers } };
}

function sizeOf(file: string, text: string | undefined): number {
  if (text !== undefined) return text.length;
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Threads for files of these sizes: 1 (no pool) for one file or little text, else up to one per free core. */
function threadsFor(settings: FileJobSettings, sizes: number[]): number {
  if (sizes.length < 2 || !poolAvailable()) return 1;
  const wanted = settings.concurrency === 'auto' ? autoThreads() : settings.concurrency;
  const threads = Math.min(wanted, sizes.length);
  if (threads < 2) return 1;
  if (settings.concurrency === 'auto' && sizes.reduce((a, b) => a + b, 0) < (settings.minPoolBytes ?? POOL_MIN_BYTES)) return 1;
  return threads;
}
