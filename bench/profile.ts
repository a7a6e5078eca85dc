// CPU profile of the analysis, summarised by package and by function (self time).
//   npx tsx bench/profile.ts [full|incremental]-[small|medium|large] [--runs N]
//   npx tsx bench/profile.ts activation|activation-first
//   npx tsx bench/profile.ts cli-small
// full/incremental: bundles src/core/analyze.ts with esbuild (not minified, with a source map: like the
// shipped CLI and extension bundles), runs the analysis under the inspector's Profiler after a warm-up
// run. activation: builds the production extension bundle (minified, plus a source map) and the
// bench/activate.ts harness, and runs the harness under `node --cpu-prof` (load + activate + first
// analysis of the medium document, cold, as in bench/run.ts); activation-first stops at the first diagnostics,
// leaving out the deferred rules' pass. cli-small: `node dist/cli.js lint` of the small document in a fresh
// process under --cpu-prof (run `npm run build` first), the bench's "one small file".
// Writes bench/<mode>.cpuprofile (git-ignored; open it in Chrome DevTools or VS Code) and prints the
// top self-time packages, files and functions, mapped back to their original source files and lines.
import { execFileSync, spawnSync } from 'node:child_process';
import { Session } from 'node:inspector/promises';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire, SourceMap } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { buildNodeExtension } from '../scripts/lazyChunks.mjs';
import type { analyzeText as AnalyzeText, ChunkCache as ChunkCacheClass } from '../src/core/analyze';
import { editMiddleEvent, generateSized } from './generate';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const TODAY = '2026-06-01';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Which package (or our source file) a frame belongs to. */
export function ownerOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8 builtins)';
  const file = url.startsWith('file://') ? fileURLToPath(url) : url;
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (m) return m[1];
  if (file.startsWith('node:')) return 'node internals';
  const rel = path.relative(ROOT, file);
  if (!rel.startsWith('..')) {
    const parts = rel.split(path.sep);
    // src/core/rules/* -> "src/core/rules (our rules)", other source files by file.
    if (parts[0] === 'src' && parts[2] === 'rules') return 'src/core/rules (our rules)';
    return rel.replace(/\.ts$/, '');
  }
  return file;
}

export interface ProfileSummary {
  totalMs: number;
  byOwner: Array<{ owner: string; ms: number; share: number }>;
  byFunction: Array<{ fn: string; owner: string; ms: number; share: number }>;
  /** Time with the function on the stack (callees included, recursion counted once). */
  inclusive: Array<{ fn: string; owner: string; ms: number; share: number }>;
}

type Frame = ProfileNode['callFrame'];
/** Maps a frame of the bundle to its original file and line (identity for other frames). */
type FrameMapper = (frame: Frame) => { url: string; line: number; name?: string };

/** Self time per owner and per function, from the samples (timeDeltas[i + 1] belongs to sample i). */
export function summarize(profile: Profile, map: FrameMapper = (f) => ({ url: f.url, line: f.lineNumber + 1 })): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + dt);
  }
  const owners = new Map<string, number>();
  const fns = new Map<string, { owner: string; ms: number }>();
  const keyed = new Map<number, { key: string; owner: string }>();
  const keyOf = (id: number) => {
    let k = keyed.get(id);
    if (!k) {
      const { callFrame } = byId.get(id)!;
      const { url, line, name } = map(callFrame);
      const file = url ? path.basename(url) : '';
      k = { key: `${name ?? (callFrame.functionName || '(anonymous)')} ${file}${file ? `:${line}` : ''}`, owner: ownerOf(url, callFrame.functionName) };
      keyed.set(id, k);
    }
    return k;
  };
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const inclusive = new Map<string, { owner: string; ms: number }>();
  let total = 0;
  for (const [id, t] of self) {
    const { callFrame } = byId.get(id)!;
    if (callFrame.functionName === '(idle)') continue;
    total += t;
    const { key, owner } = keyOf(id);
    owners.set(owner, (owners.get(owner) ?? 0) + t);
    const entry = fns.get(key) ?? { owner, ms: 0 };
    entry.ms += t;
    fns.set(key, entry);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = keyOf(at);
      if (seen.has(k.key)) continue;
      seen.add(k.key);
      const inc = inclusive.get(k.key) ?? { owner: k.owner, ms: 0 };
      inc.ms += t;
      inclusive.set(k.key, inc);
    }
  }
  return {
    totalMs: total,
    byOwner: [...owners].sort((a, b) => b[1] - a[1]).map(([owner, ms]) => ({ owner, ms, share: ms / total })),
    byFunction: [...fns].sort((a, b) => b[1].ms - a[1].ms).map(([fn, { owner, ms }]) => ({ fn, owner, ms, share: ms / total })),
    inclusive: [...inclusive].sort((a, b) => b[1].ms - a[1].ms).map(([fn, { owner, ms }]) => ({ fn, owner, ms, share: ms / total })),
  };
}

/** Maps frames of `bundle` (with `bundle.map` beside it) to original files and lines. */
function bundleMapper(bundle: string): FrameMapper {
  const sourceMap = new SourceMap(JSON.parse(readFileSync(`${bundle}.map`, 'utf8')));
  const bundleUrl = pathToFileURL(bundle).href;
  return (f) => {
    if (f.url !== bundleUrl && f.url !== bundle) return { url: f.url, line: f.lineNumber + 1 };
    const entry = sourceMap.findEntry(f.lineNumber, f.columnNumber) as { originalSource?: string; originalLine?: number; name?: string };
    if (!entry.originalSource) return { url: f.url, line: f.lineNumber + 1 };
    const source = entry.originalSource.startsWith('file:') ? fileURLToPath(entry.originalSource) : path.resolve(path.dirname(bundle), entry.originalSource);
    return { url: pathToFileURL(source).href, line: (entry.originalLine ?? 0) + 1, ...(entry.name ? { name: entry.name } : {}) };
  };
}

function report(mode: string, title: string, profile: Profile, map: FrameMapper): void {
  const file = path.join(HERE, `${mode}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  const s = summarize(profile, map);
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
  const out = [
    `${title}; ${s.totalMs.toFixed(0)} ms sampled`,
    `profile: ${path.relative(ROOT, file)}`,
    '',
    'self time by package / source file:',
    ...s.byOwner.slice(0, 16).map((o) => `  ${pct(o.share)}  ${o.ms.toFixed(0).padStart(6)} ms  ${o.owner}`),
    '',
    'top functions (self time):',
    ...s.byFunction.slice(0, 30).map((f) => `  ${pct(f.share)}  ${f.ms.toFixed(0).padStart(6)} ms  ${f.fn}  [${f.owner}]`),
    '',
    'our functions, inclusive time (callees included):',
    ...s.inclusive.filter((f) => f.owner.startsWith('src/')).slice(0, 40).map((f) => `  ${pct(f.share)}  ${f.ms.toFixed(0).padStart(6)} ms  ${f.fn}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

/** Cold activation in a child process under --cpu-prof (the same harness as bench/run.ts). */
async function profileActivation(firstOnly: boolean): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'postmortem-profile-'));
  try {
    const bundle = path.join(tmp, 'ext', 'dist', 'extension.cjs');
    await buildNodeExtension({ root: ROOT, outdir: path.dirname(bundle), common: { bundle: true, minify: true, sourcemap: 'external', legalComments: 'none', logLevel: 'silent' } });
    const harness = path.join(tmp, 'activate.cjs');
    await esbuild.build({ absWorkingDir: ROOT, entryPoints: ['bench/activate.ts'], outfile: harness, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
    const documentPath = path.join(tmp, 'medium.postmortem.md');
    writeFileSync(documentPath, generateSized('medium', 2).text);
    const workspace = path.join(tmp, 'workspace');
    mkdirSync(workspace);
    const profDir = path.join(tmp, 'prof');
    const harnessArgs = [harness, bundle, documentPath, workspace, path.join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts'), ...(firstOnly ? ['--first-only'] : [])];
    execFileSync(process.execPath, harnessArgs, { cwd: tmp }); // warm the disk cache
    const phases = execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=100', ...harnessArgs], { cwd: tmp, encoding: 'utf8' }).trim();
    const profile = JSON.parse(readFileSync(path.join(profDir, readdirSync(profDir)[0]), 'utf8')) as Profile;
    // The warm-up run wrote the loader's code cache: this is a later start, the code in extensionMain.cjs.
    report(firstOnly ? 'activation-first' : 'activation', `activation${firstOnly ? ' to the first diagnostics' : ''} (fresh process, code cache written by the run before, under --cpu-prof): ${phases}`, profile, bundleMapper(path.join(path.dirname(bundle), 'extensionMain.cjs')));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** One `postmortem lint` of the small document in a fresh process, as the bench's "one small file" runs it. */
function profileCli(): void {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'postmortem-profile-'));
  try {
    const cli = path.join(ROOT, 'dist', 'cli.js');
    const documentPath = path.join(tmp, 'small.postmortem.md');
    writeFileSync(documentPath, generateSized('small', 1).text);
    const profDir = path.join(tmp, 'prof');
    const run = (extra: string[]) => spawnSync(process.execPath, [...extra, cli, 'lint', documentPath], { cwd: tmp });
    run([]); // warm the disk cache
    run(['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--cpu-prof-interval=100']);
    const profile = JSON.parse(readFileSync(path.join(profDir, readdirSync(profDir)[0]), 'utf8')) as Profile;
    report('cli-small', 'postmortem lint, one small file (fresh process, under --cpu-prof)', profile, bundleMapper(cli));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const mode = argv.find((a) => !a.startsWith('--')) ?? 'full-large';
  if (mode === 'activation' || mode === 'activation-first') return profileActivation(mode === 'activation-first');
  if (mode === 'cli-small') return profileCli();
  const runsArg = argv.indexOf('--runs');
  const [kind, size] = mode.split('-') as ['full' | 'incremental', 'small' | 'medium' | 'large'];
  if (!['full', 'incremental'].includes(kind) || !['small', 'medium', 'large'].includes(size)) throw new Error(`unknown mode ${mode}`);
  const runs = runsArg >= 0 ? Number(argv[runsArg + 1]) : size === 'large' ? 2 : 20;
  const doc = generateSized(size, { small: 1, medium: 2, large: 3 }[size]);
  const edited = editMiddleEvent(doc).text;

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'postmortem-profile-'));
  const bundle = path.join(tmp, 'analysis.cjs');
  await esbuild.build({
    stdin: { contents: "export { analyzeText, ChunkCache } from './src/core/analyze';", resolveDir: ROOT, loader: 'ts' },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'external',
    logLevel: 'silent',
  });
  const { analyzeText, ChunkCache } = createRequire(import.meta.url)(bundle) as { analyzeText: typeof AnalyzeText; ChunkCache: typeof ChunkCacheClass };
  const mapFrame = bundleMapper(bundle);

  const work = () => {
    if (kind === 'full') analyzeText(doc.text, { today: TODAY });
    else {
      const cache = new ChunkCache();
      analyzeText(doc.text, { cache, today: TODAY });
      analyzeText(edited, { cache, today: TODAY });
    }
  };
  work(); // warm-up: the profile shows steady-state code, not the first JIT pass

  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  let profile: Profile;
  const t0 = performance.now();
  if (kind === 'full') {
    await session.post('Profiler.start');
    for (let i = 0; i < runs; i++) work();
    profile = ((await session.post('Profiler.stop')) as { profile: Profile }).profile;
  } else {
    // Only the edited analysis is profiled; priming the cache is not.
    const caches: ChunkCacheClass[] = [];
    for (let i = 0; i < runs; i++) {
      const cache = new ChunkCache();
      analyzeText(doc.text, { cache, today: TODAY });
      caches.push(cache);
    }
    await session.post('Profiler.start');
    for (const cache of caches) analyzeText(edited, { cache, today: TODAY });
    profile = ((await session.post('Profiler.stop')) as { profile: Profile }).profile;
  }
  const wall = performance.now() - t0;
  session.disconnect();

  rmSync(tmp, { recursive: true, force: true });
  const what = kind === 'full' ? 'analyzeText (no cache)' : 'analyzeText after a one-character edit (primed cache)';
  report(mode, `${mode}: ${runs} run(s) of ${what} on ${(doc.bytes / 1024).toFixed(0)} KiB (wall ${wall.toFixed(0)} ms incl. setup)`, profile, mapFrame);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
