// Performance benchmark: `npm run bench`. Not a test: it prints a table and writes bench/results.json.
// See bench/README.md for what each row measures.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { buildNodeExtension } from '../scripts/lazyChunks.mjs';
import { lint as markdownlintSync } from 'markdownlint/sync';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyzeText, ChunkCache } from '../src/core/analyze';
import { buildTimelineViewModel } from '../src/core/timelineView/viewModel';
import { globalStoragePath } from './fakeVscode';
import { editMiddleEvent, generatePostmortem, generateSized, type GeneratedDoc, SIZE_TOLERANCE, SIZES, type SizeName } from './generate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TODAY = '2026-06-01';
const argv = process.argv.slice(2);
/** `--name=value` or `--name value`. */
function option(name: string): string | undefined {
  const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  const value = argv[at].includes('=') ? argv[at].slice(argv[at].indexOf('=') + 1) : argv[at + 1];
  if (!value || value.startsWith('--')) throw new Error(`--${name} needs a file name`);
  return value;
}
/** `--baseline <results.json>`: an earlier run's results, printed as a "before" column. */
const BASELINE = option('baseline');
/** `--out <file>`: where the results go (any run; by default only complete runs write bench/results.json). */
const OUT = option('out');
const args = new Set(argv);
/** `--quick`: fewer runs, for checking the script itself. */
const QUICK = args.has('--quick');
const only = (name: string) => ![...args].some((a) => a.startsWith('--only=')) || args.has(`--only=${name}`);

const RUNS: Record<SizeName, { warmup: number; runs: number }> = QUICK
  ? { small: { warmup: 2, runs: 3 }, medium: { warmup: 1, runs: 3 }, large: { warmup: 1, runs: 1 } }
  : { small: { warmup: 5, runs: 15 }, medium: { warmup: 3, runs: 9 }, large: { warmup: 1, runs: 3 } };
const CLI_FILES = 500;
const CLI_RUNS = QUICK ? 1 : 3;
/** Timelines the first-paint bench opens: issue 20's 2,000 events, and 200,000 (the preview draws the first 5,000 and every phase). */
const PAINT_SIZES = [2000, 200_000] as const;
const PAINT_RUNS = QUICK ? 2 : 5;
const ACTIVATION_RUNS = QUICK ? 2 : 7;

const TARGETS = {
  fullVsMarkdownlint: 0.5,
  // Issue 20's targets.
  incrementalVsMarkdownlint: 0.05,
  cliVsMarkdownlintCli2: 0.5,
  bundleBytes: 400 * 1000,
  activationMs: 150,
  /** Issue 20: the first paint at most this far above the one-line page's (the browser + CSS floor), by timeline size. */
  firstPaintAboveFloorMs: { 2000: 100, 200000: 300 } as Record<number, number>,
  /** Issue 20: no task longer than this while scrolling the timeline. */
  scrollLongTaskMs: 50,
};

// ---------------------------------------------------------------------------------------------
// Helpers

interface Stats {
  median: number;
  min: number;
  max: number;
  runs: number;
  samples: number[];
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], runs: samples.length, samples: samples.map(round) };
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

/** Wall time and CPU time (this process, user + system) of one call, in ms. */
interface Sample {
  wall: number;
  cpu: number;
}

function time(fn: () => unknown): Sample {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

/** Medians of wall and CPU time. On a loaded machine CPU time is the steadier of the two. */
interface Timing {
  wall: Stats;
  cpu: Stats;
}

const timing = (samples: Sample[]): Timing => ({ wall: stats(samples.map((x) => x.wall)), cpu: stats(samples.map((x) => x.cpu)) });
const ratios = (a: Timing, b: Timing) => ({ wall: a.wall.median / b.wall.median, cpu: a.cpu.median / b.cpu.median });

function ms(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return 'n/a';
  if (n >= 1000) return `${(n / 1000).toFixed(2)} s`;
  if (n >= 100) return `${n.toFixed(0)} ms`;
  if (n >= 10) return `${n.toFixed(1)} ms`;
  return `${n.toFixed(2)} ms`;
}

const kib = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(2)} MiB` : `${(bytes / 1024).toFixed(1)} KiB`);
const ratio = (r: number | undefined) => (r === undefined ? 'n/a' : `${r.toFixed(r < 0.1 ? 3 : 2)}×`);
const verdict = (ok: boolean | undefined) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
const spread = (s: Stats) => (s.median > 0 ? (s.max - s.min) / s.median : 0);

function table(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')).join('\n');
}

function log(message: string): void {
  process.stderr.write(`${message}\n`);
}

function run(command: string, argv: string[], cwd: string): { ms: number; code: number; stdout: string; stderr: string } {
  const t0 = performance.now();
  try {
    const stdout = execFileSync(command, argv, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
    return { ms: performance.now() - t0, code: 0, stdout, stderr: '' };
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    return { ms: performance.now() - t0, code: e.status ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

/**
 * Wall time and CPU time (user + system, with its own children) of a child process, its output
 * discarded (no pipe to drain). CPU time comes from bash's `times` builtin.
 */
function timeProcess(command: string, argv: string[], cwd: string): Promise<Sample & { code: number }> {
  return new Promise((resolve, reject) => {
    const script = '"$@" >/dev/null 2>&1; code=$?; times; exit $code';
    const t0 = performance.now();
    const child = spawn('bash', ['-c', script, 'bash', command, ...argv], { cwd, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const wall = performance.now() - t0;
      // Second line of `times`: children's user and system time, e.g. "0m12.345s 0m0.678s".
      const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s\s*$/.exec(out.trim().split('\n')[1] ?? '');
      const cpu = m ? (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000 : NaN;
      resolve({ wall, cpu, code: code ?? -1 });
    });
  });
}

function git(...argv: string[]): string {
  try {
    return execFileSync('git', argv, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------------------------------------
// (1)–(3) In-process: full analysis, incremental re-analysis, markdownlint, remark parse

const remark = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

interface SizeResult {
  bytes: number;
  events: number;
  actionItems: number;
  findings: number;
  markdownlintIssues: number;
  full: Timing;
  incremental: Timing;
  incrementalCache: { hits: number; misses: number };
  markdownlint: Timing;
  remarkParse: Timing;
  fullVsMarkdownlint: { wall: number; cpu: number };
  incrementalVsMarkdownlint: { wall: number; cpu: number };
  fullVsRemark: { wall: number; cpu: number };
}

function benchSize(size: SizeName, doc: GeneratedDoc): SizeResult {
  const edit = editMiddleEvent(doc);
  const full = () => analyzeText(doc.text, { today: TODAY });
  const markdownlint = () => markdownlintSync({ strings: { doc: doc.text } });
  const parse = () => remark.parse(doc.text);
  let cacheCounts = { hits: 0, misses: 0 };
  /** Fresh cache primed with the original (not timed), then the edited text (timed). */
  const incremental = () => {
    const cache = new ChunkCache();
    analyzeText(doc.text, { cache, today: TODAY });
    const before = { hits: cache.hits, misses: cache.misses };
    const t = time(() => analyzeText(edit.text, { cache, today: TODAY }));
    cacheCounts = { hits: cache.hits - before.hits, misses: cache.misses - before.misses };
    return t;
  };
  const findings = full().findings.length;
  const issues = markdownlint().doc.length;
  const { warmup, runs } = RUNS[size];
  // One forced collection per size, before the warm-up. Not before every run: a forced full GC makes
  // the next run slower (a shrunk heap means more scavenges), which measured ~1.5× on the small doc.
  gc();
  for (let i = 0; i < warmup; i++) {
    full();
    markdownlint();
    parse();
    incremental();
  }
  // Interleaved, so that a burst of load from other processes hits every contender alike.
  const samples = { full: [] as Sample[], incremental: [] as Sample[], markdownlint: [] as Sample[], remark: [] as Sample[] };
  for (let i = 0; i < runs; i++) {
    samples.full.push(time(full));
    samples.markdownlint.push(time(markdownlint));
    samples.incremental.push(incremental());
    samples.remark.push(time(parse));
  }
  const s = { full: timing(samples.full), incremental: timing(samples.incremental), markdownlint: timing(samples.markdownlint), remark: timing(samples.remark) };
  return {
    bytes: doc.bytes,
    events: doc.events,
    actionItems: doc.actionItems,
    findings,
    markdownlintIssues: issues,
    full: s.full,
    incremental: s.incremental,
    incrementalCache: cacheCounts,
    markdownlint: s.markdownlint,
    remarkParse: s.remark,
    fullVsMarkdownlint: ratios(s.full, s.markdownlint),
    incrementalVsMarkdownlint: ratios(s.incremental, s.markdownlint),
    fullVsRemark: ratios(s.full, s.remark),
  };
}

// ---------------------------------------------------------------------------------------------
// (4) CLI over 500 files vs markdownlint-cli2

interface CliResult {
  files: number;
  mix: Record<SizeName, number>;
  totalBytes: number;
  postmortem: Timing;
  markdownlintCli2: Timing;
  ratio: { wall: number; cpu: number };
  postmortemFindings: number;
  markdownlintCli2Summary: string;
  cliBuiltAt: string;
  cliStale: boolean;
  /** More rows: one thread vs the pool, a second run with --cache, one small file, stats. */
  rows: CliRow[];
}

interface CliRow {
  label: string;
  timing: Timing;
  /** The row this one is compared with (its label), and the ratio. */
  versus?: string;
  ratio?: { wall: number; cpu: number };
}

function newestMtime(dir: string): number {
  let newest = 0;
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  walk(dir);
  return newest;
}

async function benchCli(tmp: string): Promise<CliResult | { skipped: string }> {
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (!existsSync(cli)) return { skipped: 'dist/cli.js not built (run `node esbuild.mjs`)' };
  const cliMtime = statSync(cli).mtimeMs;
  const cliStale = newestMtime(path.join(ROOT, 'src')) > cliMtime;
  const dir = path.join(tmp, 'corpus');
  mkdirSync(dir);
  // Mostly small and medium, plus two large ones: like a repository's post-mortem folder.
  const mix: Record<SizeName, number> = { small: 0, medium: 0, large: 0 };
  let totalBytes = 0;
  for (let i = 0; i < CLI_FILES; i++) {
    const size: SizeName = i % 250 === 249 ? 'large' : i % 5 < 3 ? 'small' : 'medium';
    mix[size]++;
    const doc = generatePostmortem({ seed: 10_000 + i, targetBytes: SIZES[size] });
    if (Math.abs(doc.bytes - SIZES[size]) / SIZES[size] > SIZE_TOLERANCE) throw new Error(`corpus file ${i} (${size}) is ${doc.bytes} bytes`);
    totalBytes += doc.bytes;
    writeFileSync(path.join(dir, `pm-${String(i).padStart(4, '0')}-${size}.postmortem.md`), doc.text);
  }
  // Empty configuration: markdownlint's default rules.
  writeFileSync(path.join(dir, '.markdownlint-cli2.jsonc'), '{}\n');
  const ours = [cli, 'lint', dir, '--format', 'json'];
  const theirs = [path.join(ROOT, 'node_modules', 'markdownlint-cli2', 'markdownlint-cli2-bin.mjs'), '**/*.postmortem.md'];

  // One checked run of each (also warms the file cache), then timed runs with output discarded.
  const check = run(process.execPath, ours, dir);
  if (check.code !== 0 && check.code !== 1) throw new Error(`postmortem lint exited ${check.code}: ${check.stderr.slice(0, 500)}`);
  const parsed = JSON.parse(check.stdout) as Array<{ findings: unknown[] }>;
  if (parsed.length !== CLI_FILES) throw new Error(`postmortem lint reported ${parsed.length} files, expected ${CLI_FILES}`);
  const checkTheirs = run(process.execPath, theirs, dir);
  const output = `${checkTheirs.stdout}\n${checkTheirs.stderr}`;
  if (!new RegExp(`Linting: ${CLI_FILES} file`).test(output)) throw new Error(`markdownlint-cli2 did not lint ${CLI_FILES} files:\n${output.slice(0, 800)}`);
  const summary = /Summary: .*/.exec(output)?.[0] ?? '';

  // One small file (the checkout example size, ~5 KiB), where start-up is everything.
  const oneDir = path.join(tmp, 'one');
  mkdirSync(oneDir);
  writeFileSync(path.join(oneDir, 'one.postmortem.md'), generatePostmortem({ seed: 10_000, targetBytes: SIZES.small }).text);
  writeFileSync(path.join(oneDir, '.markdownlint-cli2.jsonc'), '{}\n');
  // --cache: the checked run below fills it, so every timed run is a second run over unchanged files.
  const cacheDir = path.join(tmp, 'cli-cache');
  const variants: Array<{ label: string; argv: string[]; cwd: string; versus?: string; fill?: boolean }> = [
    { label: 'node dist/cli.js lint <dir> --format json', argv: ours, cwd: dir },
    { label: 'markdownlint-cli2 "**/*.postmortem.md" ({})', argv: theirs, cwd: dir },
    { label: '  lint, one thread (--concurrency off)', argv: [...ours, '--concurrency', 'off'], cwd: dir, versus: 'node dist/cli.js lint <dir> --format json' },
    { label: '  lint, second run with --cache', argv: [...ours, '--cache', '--cache-location', cacheDir], cwd: dir, versus: 'markdownlint-cli2 "**/*.postmortem.md" ({})', fill: true },
    { label: 'lint, one small file', argv: [cli, 'lint', oneDir, '--format', 'json'], cwd: oneDir, versus: 'markdownlint-cli2, one small file' },
    { label: 'markdownlint-cli2, one small file', argv: [theirs[0], '**/*.postmortem.md'], cwd: oneDir },
    { label: `stats <dir> --format json`, argv: [cli, 'stats', dir, '--format', 'json'], cwd: dir },
    { label: '  stats, one thread (--concurrency off)', argv: [cli, 'stats', dir, '--format', 'json', '--concurrency', 'off'], cwd: dir, versus: 'stats <dir> --format json' },
    { label: '  stats, second run with --cache', argv: [cli, 'stats', dir, '--format', 'json', '--cache', '--cache-location', cacheDir], cwd: dir, versus: 'stats <dir> --format json', fill: true },
  ];
  for (const v of variants.filter((x) => x.fill)) {
    const filled = run(process.execPath, v.argv, v.cwd);
    if (filled.code !== 0 && filled.code !== 1) throw new Error(`${v.label} exited ${filled.code}: ${filled.stderr.slice(0, 500)}`);
  }
  // Interleaved: one run of each per round, so a burst of load from other processes hits them alike.
  const variantSamples = variants.map(() => [] as Sample[]);
  for (let i = 0; i < CLI_RUNS; i++) {
    for (const [k, v] of variants.entries()) variantSamples[k].push(await timeProcess(process.execPath, v.argv, v.cwd));
  }
  const timings = new Map(variants.map((v, k) => [v.label, timing(variantSamples[k])]));
  const o = timings.get(variants[0].label)!;
  const t = timings.get(variants[1].label)!;
  const rows: CliRow[] = variants.slice(2).map((v) => {
    const own = timings.get(v.label)!;
    const other = v.versus ? timings.get(v.versus) : undefined;
    return { label: v.label, timing: own, ...(v.versus && other ? { versus: v.versus, ratio: ratios(own, other) } : {}) };
  });
  return {
    files: CLI_FILES,
    mix,
    totalBytes,
    postmortem: o,
    markdownlintCli2: t,
    ratio: ratios(o, t),
    postmortemFindings: parsed.reduce((n, f) => n + f.findings.length, 0),
    markdownlintCli2Summary: summary,
    cliBuiltAt: new Date(cliMtime).toISOString(),
    cliStale,
    rows,
  };
}

// ---------------------------------------------------------------------------------------------
// (5) Timeline webview first paint (2,000 events) in headless Chromium

interface PaintResult {
  events: number;
  htmlBytes: number;
  /** navigation start -> first contentful paint. The page is server-rendered, so this paint shows the timeline. */
  firstContentfulPaint: Stats;
  firstPaint: Stats;
  domContentLoaded: Stats;
  /** navigation start -> the webview script has rendered the timeline (on a long one, the rows near the viewport) and posted `ready` (timeline interactive). */
  scriptReady: Stats;
  eventsInDom: number;
  /** Scrolling the whole timeline a screen per frame after `ready` (last run): tasks over 50 ms, and the longest. */
  scroll: { steps: number; longTasks: number; longestTaskMs: number; eventsInDomAtEnd: number; lastEventShown: boolean };
  /** Reference: first contentful paint of a one-line page with the same stylesheets (browser + CSS floor). */
  referencePage: Stats;
  /** Per run, the timeline's first contentful paint minus the reference page's, measured right after it. */
  aboveFloor: Stats;
  /** Renderer main-thread time by kind up to the `load` event (CDP Performance.getMetrics), medians in ms. */
  rendererMs: Record<string, number>;
}

/** What bench needs from test/support/timelinePage.ts (imported dynamically: it may not exist yet). */
interface TimelinePageSupport {
  buildTimelinePageHtml(analysis: unknown, options: { baseUrl: string; today: string; theme?: 'light' | 'dark' }): string;
  startTimelineServer(): Promise<{ url: string; addPage(name: string, html: string): string; close(): Promise<void> }>;
  CHROMIUM_PATH?: string;
  CHROMIUM_ARGS?: string[];
}

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const RENDERER_METRICS = ['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'];

/** Stands in for VS Code's acquireVsCodeApi: marks when the script posts `ready`. */
const READY_MARK_SCRIPT = `window.acquireVsCodeApi = () => ({
  postMessage: (m) => { if (m && m.type === 'ready' && !performance.getEntriesByName('pm-ready').length) performance.mark('pm-ready'); },
  getState: () => undefined,
  setState: () => undefined,
});`;

/** Scrolls the page to its end a screen per frame, recording long tasks (runs in the page). */
const SCROLL_SCRIPT = `(async () => {
  const tasks = [];
  new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); }).observe({ type: 'longtask' });
  let steps = 0;
  while (steps < 2000 && window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2) {
    window.scrollBy(0, window.innerHeight);
    steps++;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  const rows = document.querySelectorAll('.pm-event');
  return { steps, tasks, eventsInDomAtEnd: rows.length, lastRow: rows.length ? rows[rows.length - 1].getAttribute('data-row') : null };
})()`;

async function benchFirstPaint(events: number): Promise<PaintResult | { skipped: string }> {
  const pageModule = path.join(ROOT, 'test', 'support', 'timelinePage.ts');
  const script = path.join(ROOT, 'dist', 'media', 'timeline.js');
  if (!existsSync(pageModule)) return { skipped: 'timeline preview not built: no test/support/timelinePage.ts' };
  if (!existsSync(script)) return { skipped: 'timeline preview not built: no dist/media/timeline.js' };
  const support = (await import(pathToFileURL(pageModule).href)) as Partial<TimelinePageSupport>;
  if (typeof support.buildTimelinePageHtml !== 'function' || typeof support.startTimelineServer !== 'function') {
    return { skipped: 'timeline preview not built: test/support/timelinePage.ts has no buildTimelinePageHtml/startTimelineServer' };
  }
  const chromiumPath = support.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromiumPath)) return { skipped: `no Chromium at ${chromiumPath}` };
  const doc = generatePostmortem({ seed: 42, targetBytes: 64 * 1024, events });
  // 200,000 events are 14 MB of Markdown: over the default postmortem.maxFileSize, which a user can raise.
  const analysis = analyzeText(doc.text, { today: TODAY, maxFileSize: doc.text.length + 1 });
  if (analysis.doc.timeline.length !== events) throw new Error(`timeline document has ${analysis.doc.timeline.length} events, expected ${events}`);

  const { chromium } = await import('playwright-core');
  const server = await support.startTimelineServer();
  const browser = await chromium.launch({ executablePath: chromiumPath, args: support.CHROMIUM_ARGS ?? CHROMIUM_ARGS, headless: true });
  const html = support.buildTimelinePageHtml(analysis, { baseUrl: server.url, today: TODAY, theme: 'dark' });
  const url = server.addPage(`bench-${events}`, html);
  const styles = ['theme-dark.css', 'dist/media/codicon.css', 'media/timeline.css'].map((f) => `<link rel="stylesheet" href="${server.url}/${f}">`).join('');
  const referenceUrl = server.addPage('bench-reference', `<!DOCTYPE html><html><head>${styles}</head><body class="vscode-dark"><p><i class="codicon codicon-flame"></i> Timeline</p></body></html>`);
  const samples = { fcp: [] as number[], fp: [] as number[], dcl: [] as number[], ready: [] as number[], reference: [] as number[] };
  let eventsInDom = 0;
  let scroll: PaintResult['scroll'] | undefined;
  const renderer: Record<string, number[]> = {};
  const fcpOf = () =>
    new Promise<number>((resolve) => {
      new PerformanceObserver((list) => {
        const entry = list.getEntriesByName('first-contentful-paint')[0];
        if (entry) resolve(entry.startTime);
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => resolve(NaN), 10_000);
    });
  const referenceFcp = async () => {
    const page = await browser.newPage({ viewport: { width: 960, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(referenceUrl, { waitUntil: 'load' });
    const fcp = await page.evaluate(fcpOf);
    await page.close();
    return fcp;
  };
  try {
    for (let i = 0; i < PAINT_RUNS + 1; i++) {
      const page = await browser.newPage({ viewport: { width: 960, height: 900 }, deviceScaleFactor: 1 });
      await page.addInitScript(READY_MARK_SCRIPT);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      await page.goto(url, { waitUntil: 'load' });
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: Array<{ name: string; value: number }> };
      const metric = (name: string) => (metrics.find((x) => x.name === name)?.value ?? NaN) * 1000;
      const m = await page.evaluate(async () => {
        const fcp = await new Promise<number | null>((resolve) => {
          new PerformanceObserver((list) => {
            const entry = list.getEntriesByName('first-contentful-paint')[0];
            if (entry) resolve(entry.startTime);
          }).observe({ type: 'paint', buffered: true });
          setTimeout(() => resolve(null), 10_000);
        });
        // The page holds the first screenful; the script renders the rest, then posts `ready`.
        for (let waited = 0; !performance.getEntriesByName('pm-ready').length && waited < 10_000; waited += 5) await new Promise((resolve) => setTimeout(resolve, 5));
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return {
          fcp,
          fp: performance.getEntriesByName('first-paint')[0]?.startTime ?? null,
          dcl: nav.domContentLoadedEventEnd,
          ready: performance.getEntriesByName('pm-ready')[0]?.startTime ?? null,
          events: document.querySelectorAll('.pm-event').length,
        };
      });
      if (i === PAINT_RUNS) {
        const r = (await page.evaluate(SCROLL_SCRIPT)) as { steps: number; tasks: number[]; eventsInDomAtEnd: number; lastRow: string | null };
        const lastEvent = String(buildTimelineViewModel(analysis, { today: TODAY }).timeline.rows.map((row) => row.kind).lastIndexOf('event'));
        scroll = { steps: r.steps, longTasks: r.tasks.filter((t) => t > TARGETS.scrollLongTaskMs).length, longestTaskMs: Math.max(0, ...r.tasks), eventsInDomAtEnd: r.eventsInDomAtEnd, lastEventShown: lastEvent !== null && r.lastRow === lastEvent };
      }
      await page.close();
      if (i === 0) continue; // warm-up: browser process, HTTP connection, font and disk caches
      if (m.fcp === null) throw new Error('no first-contentful-paint entry');
      samples.fcp.push(m.fcp);
      for (const k of RENDERER_METRICS) (renderer[k] ??= []).push(metric(k));
      samples.reference.push(await referenceFcp());
      if (m.fp !== null) samples.fp.push(m.fp);
      samples.dcl.push(m.dcl);
      if (m.ready !== null) samples.ready.push(m.ready);
      eventsInDom = m.events;
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (!(eventsInDom > 0)) throw new Error('the page shows no .pm-event element');
  if (!scroll?.lastEventShown) throw new Error('scrolled to the end, the last event was not in the page');
  return {
    events,
    scroll,
    htmlBytes: Buffer.byteLength(html),
    firstContentfulPaint: stats(samples.fcp),
    firstPaint: stats(samples.fp),
    domContentLoaded: stats(samples.dcl),
    scriptReady: stats(samples.ready),
    eventsInDom,
    referencePage: stats(samples.reference),
    aboveFloor: stats(samples.fcp.map((fcp, i) => fcp - samples.reference[i])),
    rendererMs: Object.fromEntries(Object.entries(renderer).map(([k, v]) => [k, stats(v).median])),
  };
}

// ---------------------------------------------------------------------------------------------
// (6) Production bundle size and activation time

interface BundleResult {
  bytes: number;
  workerBytes?: number;
  /** The lazy chunks beside the bundle (scripts/lazyChunks.mjs), loaded on first use. */
  chunks: Array<{ name: string; bytes: number }>;
  topInputs: Array<{ package: string; bytes: number }>;
  /** The chunks loaded by the time of the first diagnostics, and of the complete ones. */
  chunksAtFirst: string[];
  chunksAtComplete: string[];
  activation: { firstStartTotalMs?: Stats; loadMs: Stats; activateMs: Stats; firstAnalysisMs: Stats; totalMs: Stats; cpuMs: Stats; bootMs: Stats; diagnostics: number; completeMs?: Stats; completeDiagnostics?: number };
}

function packageOf(file: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (m) return m[1];
  const s = /^src\/([^/]+(?:\/[^/]+)?)/.exec(file);
  return s ? `src/${s[1].replace(/\.ts$/, '')}` : file;
}

async function benchBundle(tmp: string, mediumPath: string): Promise<BundleResult> {
  const outdir = path.join(tmp, 'ext', 'dist');
  // The extension build of esbuild.mjs (scripts/lazyChunks.mjs), with --production (minify, no source map).
  const { result, chunkFiles } = await buildNodeExtension({ root: ROOT, outdir, common: { bundle: true, minify: true, sourcemap: false, legalComments: 'none', logLevel: 'silent' }, metafile: true });
  const chunks = chunkFiles.map((file) => ({ name: path.basename(file, '.cjs').replace(/^lazy-/, ''), bytes: statSync(file).size })).sort((a, b) => b.bytes - a.bytes);
  const bundle = path.join(outdir, 'extension.cjs');
  const bytes = statSync(bundle).size + statSync(path.join(outdir, 'extensionMain.cjs')).size;
  const byPackage = new Map<string, number>();
  const mainOutput = Object.keys(result.metafile.outputs).find((o) => o.endsWith('extensionMain.cjs'))!;
  for (const [file, { bytesInOutput }] of Object.entries(result.metafile.outputs[mainOutput].inputs)) {
    byPackage.set(packageOf(file), (byPackage.get(packageOf(file)) ?? 0) + bytesInOutput);
  }
  const topInputs = [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([pkg, b]) => ({ package: pkg, bytes: b }));
  // The analysis worker, if the extension has one: shipped beside the bundle, loaded on demand.
  let workerBytes: number | undefined;
  if (existsSync(path.join(ROOT, 'src', 'extension', 'analysisWorker.ts'))) {
    await esbuild.build({
      absWorkingDir: ROOT,
      entryPoints: ['src/extension/analysisWorker.ts'],
      outfile: path.join(outdir, 'analysisWorker.cjs'),
      bundle: true,
      minify: true,
      sourcemap: false,
      legalComments: 'none',
      platform: 'node',
      format: 'cjs',
      target: 'node18',
      logLevel: 'silent',
    });
    workerBytes = statSync(path.join(outdir, 'analysisWorker.cjs')).size;
  }

  // The activation harness, bundled to plain CommonJS with the fake vscode.
  const harness = path.join(tmp, 'activate.cjs');
  await esbuild.build({ absWorkingDir: ROOT, entryPoints: ['bench/activate.ts'], outfile: harness, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent' });
  const workspace = path.join(tmp, 'workspace');
  mkdirSync(workspace, { recursive: true });
  const activateOnce = () => {
    const r = run(process.execPath, [harness, bundle, mediumPath, workspace, path.join(ROOT, 'node_modules', '@types', 'vscode', 'index.d.ts')], tmp);
    if (r.code !== 0) throw new Error(`activation harness failed (${r.code}):\n${r.stderr.slice(0, 2000)}`);
    return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number> & { chunksAtFirst?: string[]; chunksAtComplete?: string[] };
  };
  // The extension's global storage holds the loader's V8 code cache.
  const storage = globalStoragePath(path.dirname(outdir));
  activateOnce(); // warms the file system cache; discarded
  const firstStarts: Array<ReturnType<typeof activateOnce>> = [];
  for (let i = 0; i < ACTIVATION_RUNS; i++) {
    rmSync(storage, { recursive: true, force: true });
    firstStarts.push(activateOnce());
  }
  // The last first start wrote the code cache: every start below is a later one.
  const samples: Array<ReturnType<typeof activateOnce>> = [];
  for (let i = 0; i < ACTIVATION_RUNS; i++) samples.push(activateOnce());
  const pick = (k: string) => stats(samples.map((s) => s[k]));
  return {
    bytes,
    ...(workerBytes !== undefined ? { workerBytes } : {}),
    chunks,
    chunksAtFirst: samples[0].chunksAtFirst ?? [],
    chunksAtComplete: samples[0].chunksAtComplete ?? [],
    topInputs,
    activation: {
      firstStartTotalMs: stats(firstStarts.map((s) => s.totalMs)),
      loadMs: pick('loadMs'), activateMs: pick('activateMs'), firstAnalysisMs: pick('firstAnalysisMs'), totalMs: pick('totalMs'), cpuMs: pick('cpuMs'), bootMs: pick('bootMs'), diagnostics: samples[0].diagnostics,
      // A second pass (the first analysis's deferred rules), when every run had one.
      ...(samples.every((s) => s.completeMs !== undefined) ? { completeMs: pick('completeMs'), completeDiagnostics: samples[0].completeDiagnostics } : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = new Date();
  const loadBefore = os.loadavg();
  const commit = git('rev-parse', 'HEAD');
  const dirty = git('status', '--porcelain').split('\n').filter(Boolean).length;
  const cpus = os.cpus();
  const machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    platform: `${os.platform()} ${os.release()}`,
    node: process.version,
    v8: process.versions.v8,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
  };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'postmortem-bench-'));
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
  log(`postmortem bench: temp dir ${tmp}${QUICK ? ' (quick)' : ''}`);

  const docs = { small: generateSized('small', 1), medium: generateSized('medium', 2), large: generateSized('large', 3) };
  const mediumPath = path.join(tmp, 'medium.postmortem.md');
  writeFileSync(mediumPath, docs.medium.text);

  const sizes: Partial<Record<SizeName, SizeResult>> = {};
  if (only('analysis')) {
    for (const size of ['small', 'medium', 'large'] as const) {
      log(`analysis: ${size} (${kib(docs[size].bytes)})`);
      sizes[size] = benchSize(size, docs[size]);
    }
  }
  let cli: Awaited<ReturnType<typeof benchCli>> | undefined;
  if (only('cli')) {
    log(`cli: ${CLI_FILES} files`);
    cli = await benchCli(tmp);
  }
  let paints: Array<{ events: number; paint: Awaited<ReturnType<typeof benchFirstPaint>> }> | undefined;
  if (only('paint')) {
    paints = [];
    for (const events of PAINT_SIZES) {
      log(`webview: first paint, ${events} events`);
      try {
        paints.push({ events, paint: await benchFirstPaint(events) });
      } catch (error) {
        paints.push({ events, paint: { skipped: `failed: ${(error as Error).message.split('\n')[0]}` } });
      }
    }
  }
  let bundle: BundleResult | { skipped: string } | undefined;
  if (only('bundle')) {
    log('bundle: production build and activation');
    try {
      bundle = await benchBundle(tmp, mediumPath);
    } catch (error) {
      bundle = { skipped: `failed: ${(error as Error).message}` };
    }
  }
  const loadAfter = os.loadavg();

  // ---- Report
  const out: string[] = [];
  out.push(`Postmortem benchmark  ${started.toISOString()}  commit ${commit.slice(0, 10)}${dirty ? ` (+${dirty} uncommitted changes)` : ''}`);
  out.push(`node ${machine.node}  ${machine.cpus}× ${machine.cpuModel}  load avg ${loadBefore.map((l) => l.toFixed(2)).join(' ')} → ${loadAfter.map((l) => l.toFixed(2)).join(' ')}${machine.gcExposed ? '' : '  (no --expose-gc)'}`);
  out.push(`documents: ${(['small', 'medium', 'large'] as const).map((s) => `${s} ${kib(docs[s].bytes)} (${docs[s].events} events, ${docs[s].actionItems} action items)`).join(', ')}`);
  out.push('');

  /** `pass` judges wall time (what the targets ask); `cpuPass`, where measured, the same ratio in CPU time. */
  const targets: Array<{ name: string; value: string; target: string; pass: boolean | undefined; cpuPass?: boolean }> = [];
  if (sizes.small && sizes.medium && sizes.large) {
    const S = sizes as Record<SizeName, SizeResult>;
    const cols = ['small', 'medium', 'large'] as const;
    const cell = (t: Timing) => `${ms(t.wall.median)} ±${Math.round(spread(t.wall) * 50)}%  cpu ${ms(t.cpu.median)}`;
    const judged = (r: { wall: number; cpu: number }, limit: number) => `${ratio(r.wall)} ${verdict(r.wall <= limit)}  cpu ${ratio(r.cpu)} ${verdict(r.cpu <= limit)}`;
    const plain = (r: { wall: number; cpu: number }) => `${ratio(r.wall)}  cpu ${ratio(r.cpu)}`;
    out.push(table([
      ['median wall time (± half the min–max spread), CPU time', ...cols.map((c) => `${c} ${kib(S[c].bytes)} ×${RUNS[c].runs}`)],
      ['(1) full analysis, analyzeText, no cache', ...cols.map((c) => cell(S[c].full))],
      ['    markdownlint, default rules (sync)', ...cols.map((c) => cell(S[c].markdownlint))],
      ['    ratio  (target ≤ 0.5×)', ...cols.map((c) => judged(S[c].fullVsMarkdownlint, TARGETS.fullVsMarkdownlint))],
      ['(2) incremental, one-char timeline edit', ...cols.map((c) => cell(S[c].incremental))],
      [`    ratio to markdownlint  (target ≤ ${TARGETS.incrementalVsMarkdownlint}× at 45 KiB)`, ...cols.map((c) => (c === 'medium' ? judged(S[c].incrementalVsMarkdownlint, TARGETS.incrementalVsMarkdownlint) : plain(S[c].incrementalVsMarkdownlint)))],
      ['    chunks re-parsed / reused', ...cols.map((c) => `${S[c].incrementalCache.misses} / ${S[c].incrementalCache.hits}`)],
      ['(3) remark parse alone (reference)', ...cols.map((c) => cell(S[c].remarkParse))],
      ['    full analysis / remark parse', ...cols.map((c) => plain(S[c].fullVsRemark))],
      ['    findings: postmortem / markdownlint', ...cols.map((c) => `${S[c].findings} / ${S[c].markdownlintIssues}`)],
    ]));
    out.push('');
    for (const c of cols) targets.push({ name: `full analysis ${c}`, value: plain(S[c].fullVsMarkdownlint), target: '≤ 0.5× markdownlint', pass: S[c].fullVsMarkdownlint.wall <= TARGETS.fullVsMarkdownlint, cpuPass: S[c].fullVsMarkdownlint.cpu <= TARGETS.fullVsMarkdownlint });
    targets.push({ name: 'incremental edit, 45 KiB', value: plain(S.medium.incrementalVsMarkdownlint), target: `≤ ${TARGETS.incrementalVsMarkdownlint}× markdownlint full`, pass: S.medium.incrementalVsMarkdownlint.wall <= TARGETS.incrementalVsMarkdownlint, cpuPass: S.medium.incrementalVsMarkdownlint.cpu <= TARGETS.incrementalVsMarkdownlint });
  }

  if (cli) {
    if ('skipped' in cli) {
      out.push(`(4) CLI lint, ${CLI_FILES} files: n/a (${cli.skipped})`);
      targets.push({ name: `CLI lint ${CLI_FILES} files`, value: 'n/a', target: '≤ 0.5× markdownlint-cli2', pass: undefined });
    } else {
      out.push(`(4) CLI lint, ${cli.files} files (${cli.mix.small} small, ${cli.mix.medium} medium, ${cli.mix.large} large; ${kib(cli.totalBytes)}), wall time, median of ${CLI_RUNS}`);
      out.push(table([
        ['', 'wall', '[min – max]', 'CPU', ''],
        ['    node dist/cli.js lint <dir> --format json', ms(cli.postmortem.wall.median), `[${ms(cli.postmortem.wall.min)} – ${ms(cli.postmortem.wall.max)}]`, ms(cli.postmortem.cpu.median), `${cli.postmortemFindings} findings`],
        ['    markdownlint-cli2 "**/*.postmortem.md" ({})', ms(cli.markdownlintCli2.wall.median), `[${ms(cli.markdownlintCli2.wall.min)} – ${ms(cli.markdownlintCli2.wall.max)}]`, ms(cli.markdownlintCli2.cpu.median), cli.markdownlintCli2Summary],
        ['    ratio  (target ≤ 0.5×)', `${ratio(cli.ratio.wall)} ${verdict(cli.ratio.wall <= TARGETS.cliVsMarkdownlintCli2)}`, '', `${ratio(cli.ratio.cpu)} ${verdict(cli.ratio.cpu <= TARGETS.cliVsMarkdownlintCli2)}`, cli.cliStale ? `dist/cli.js (${cli.cliBuiltAt}) is OLDER than src/` : `dist/cli.js built ${cli.cliBuiltAt}`],
      ]));
      out.push(table([
        ['', 'wall', '[min – max]', 'CPU', 'ratio (wall, CPU)'],
        ...cli.rows.map((r) => [
          `    ${r.label}`,
          ms(r.timing.wall.median),
          `[${ms(r.timing.wall.min)} – ${ms(r.timing.wall.max)}]`,
          ms(r.timing.cpu.median),
          r.ratio ? `${ratio(r.ratio.wall)}, ${ratio(r.ratio.cpu)} of ${r.versus}` : '',
        ]),
      ]));
      targets.push({ name: `CLI lint ${CLI_FILES} files`, value: `${ratio(cli.ratio.wall)}  cpu ${ratio(cli.ratio.cpu)}`, target: '≤ 0.5× markdownlint-cli2', pass: cli.ratio.wall <= TARGETS.cliVsMarkdownlintCli2, cpuPass: cli.ratio.cpu <= TARGETS.cliVsMarkdownlintCli2 });
    }
    out.push('');
  }

  for (const { events, paint } of paints ?? []) {
    const floor = TARGETS.firstPaintAboveFloorMs[events];
    const name = `first paint, ${events.toLocaleString('en')} events`;
    if ('skipped' in paint) {
      out.push(`(5) timeline webview first paint, ${events} events: n/a (${paint.skipped})`);
      targets.push({ name, value: 'n/a', target: `≤ ${floor} ms above the floor`, pass: undefined });
    } else {
      const row = (label: string, st: Stats, extra = '') => [label, ms(st.median), `[${ms(st.min)} – ${ms(st.max)}]`, extra];
      const smooth = paint.scroll.longTasks === 0;
      out.push(`(5) timeline webview, ${paint.events} events (${kib(paint.htmlBytes)} server-rendered page), headless Chromium, from navigation start, median of ${PAINT_RUNS}`);
      out.push(table([
        row('    first paint', paint.firstPaint),
        row('    first contentful paint = timeline painted', paint.firstContentfulPaint),
        row('    DOMContentLoaded', paint.domContentLoaded),
        row('    webview script ready (posted "ready")', paint.scriptReady, `${paint.eventsInDom} .pm-event in the DOM`),
        row('    reference: one-line page, same stylesheets', paint.referencePage, 'browser + CSS floor on this machine'),
        row(`    timeline painted, above the floor (per run; target ≤ ${floor} ms)`, paint.aboveFloor, verdict(paint.aboveFloor.median <= floor)),
        ['    renderer main thread until load', ms(paint.rendererMs.TaskDuration), '', `script ${ms(paint.rendererMs.ScriptDuration)}, style ${ms(paint.rendererMs.RecalcStyleDuration)}, layout ${ms(paint.rendererMs.LayoutDuration)}`],
        [`    scrolling to the end (${paint.scroll.steps} screens, one per frame): longest task over ${TARGETS.scrollLongTaskMs} ms`, smooth ? 'none' : ms(paint.scroll.longestTaskMs), verdict(smooth), `${paint.scroll.longTasks} tasks over ${TARGETS.scrollLongTaskMs} ms; ${paint.scroll.eventsInDomAtEnd} .pm-event in the DOM at the end`],
      ]));
      targets.push({ name, value: `${ms(paint.aboveFloor.median)} above`, target: `≤ ${floor} ms above the floor`, pass: paint.aboveFloor.median <= floor });
      targets.push({ name: `scrolling, ${events.toLocaleString('en')} events`, value: `${paint.scroll.longTasks} long tasks`, target: `no task over ${TARGETS.scrollLongTaskMs} ms`, pass: smooth });
    }
    out.push('');
  }

  if (bundle && 'skipped' in bundle) {
    out.push(`(6) extension bundle and activation: n/a (${bundle.skipped})`, '');
    targets.push({ name: 'bundle size', value: 'n/a', target: `≤ ${TARGETS.bundleBytes / 1000} KB`, pass: undefined });
    targets.push({ name: 'activation + first analysis', value: 'n/a', target: `≤ ${TARGETS.activationMs} ms`, pass: undefined });
  } else if (bundle) {
    const a = bundle.activation;
    out.push(`(6) extension bundle (esbuild, --production options) and activation (fresh node process, fake vscode, median of ${ACTIVATION_RUNS})`);
    out.push(table([
      ['    dist/extension.cjs + extensionMain.cjs minified', `${(bundle.bytes / 1000).toFixed(1)} KB`, verdict(bundle.bytes <= TARGETS.bundleBytes), `largest: ${bundle.topInputs.slice(0, 5).map((t) => `${t.package} ${(t.bytes / 1000).toFixed(0)} KB`).join(', ')}`],
      ['    lazy chunks (dist/lazy-*.cjs, loaded on first use)', `${(bundle.chunks.reduce((n, c) => n + c.bytes, 0) / 1000).toFixed(1)} KB`, '', bundle.chunks.map((c) => `${c.name} ${(c.bytes / 1000).toFixed(1)} KB`).join(', ')],
      ['    of them loaded by the first diagnostics', `${bundle.chunksAtFirst.length}`, '', bundle.chunksAtFirst.join(', ') || 'none'],
      ['    … and by the complete diagnostics', `${bundle.chunksAtComplete.length}`, '', bundle.chunksAtComplete.join(', ') || 'none'],
      ...(bundle.workerBytes !== undefined ? [['    dist/analysisWorker.cjs minified (not loaded at activation)', `${(bundle.workerBytes / 1000).toFixed(1)} KB`, '', '']] : []),
      ['    load bundle (require)', ms(a.loadMs.median), '', `node boot before it: ${ms(a.bootMs.median)}`],
      ['    activate(context)', ms(a.activateMs.median), '', ''],
      ['    first analysis of the medium doc (open → diagnostics)', ms(a.firstAnalysisMs.median), '', `${a.diagnostics} diagnostics`],
      ...(a.completeMs ? [['    open → complete diagnostics (second pass: the deferred rules)', ms(a.completeMs.median), '', `${a.completeDiagnostics} diagnostics`]] : []),
      ...(a.firstStartTotalMs ? [['    activation total, first start (no code cache yet: after install or update)', ms(a.firstStartTotalMs.median), '', `[${ms(a.firstStartTotalMs.min)} – ${ms(a.firstStartTotalMs.max)}]`]] : []),
      [`    activation total, later starts  (target ≤ ${TARGETS.activationMs} ms)`, ms(a.totalMs.median), verdict(a.totalMs.median <= TARGETS.activationMs), `[${ms(a.totalMs.min)} – ${ms(a.totalMs.max)}]; CPU ${ms(a.cpuMs.median)} ${verdict(a.cpuMs.median <= TARGETS.activationMs)}`],
    ]));
    out.push('');
    targets.push({ name: 'bundle size', value: `${(bundle.bytes / 1000).toFixed(1)} KB`, target: `≤ ${TARGETS.bundleBytes / 1000} KB`, pass: bundle.bytes <= TARGETS.bundleBytes });
    targets.push({ name: 'activation + first analysis', value: `${ms(a.totalMs.median)}  cpu ${ms(a.cpuMs.median)}`, target: `≤ ${TARGETS.activationMs} ms`, pass: a.totalMs.median <= TARGETS.activationMs, cpuPass: a.cpuMs.median <= TARGETS.activationMs });
  }

  out.push('Targets');
  out.push(table(targets.map((t) => [`  ${t.name}`, t.value, t.target, verdict(t.pass), t.cpuPass === undefined ? '' : `cpu ${verdict(t.cpuPass)}`])));
  if (BASELINE) out.push('', ...beforeAfter(BASELINE, sizes, targets));
  process.stdout.write(`${out.join('\n')}\n`);

  const results = {
    date: started.toISOString(),
    commit,
    uncommittedChanges: dirty,
    machine,
    loadAverage: { before: loadBefore, after: loadAfter },
    quick: QUICK,
    runs: RUNS,
    documents: Object.fromEntries((['small', 'medium', 'large'] as const).map((s) => [s, { bytes: docs[s].bytes, events: docs[s].events, actionItems: docs[s].actionItems }])),
    analysis: sizes,
    cli,
    firstPaint: paints,
    bundle,
    targets,
  };
  // Only complete runs replace bench/results.json; --quick / --only runs are for checking the script,
  // or for a before/after comparison with --out.
  const partial = QUICK || [...args].some((a) => a.startsWith('--only='));
  const outFile = OUT ? path.resolve(OUT) : partial ? undefined : path.join(ROOT, 'bench', 'results.json');
  if (!outFile) log('partial run (--quick / --only): bench/results.json not written (--out <file> writes it anywhere)');
  else {
    writeFileSync(outFile, `${JSON.stringify(results, (_k, v: unknown) => (typeof v === 'number' ? round(v) : v), 2)}\n`);
    log(`wrote ${path.relative(process.cwd(), outFile) || outFile}`);
  }
}

interface BaselineResults {
  commit?: string;
  date?: string;
  loadAverage?: { before?: number[] };
  analysis?: Partial<Record<SizeName, Partial<SizeResult>>>;
  targets?: Array<{ name: string; value: string }>;
}

/** The "before" columns: the baseline's analysis times and targets next to this run's. */
function beforeAfter(file: string, sizes: Partial<Record<SizeName, SizeResult>>, targets: Array<{ name: string; value: string; target: string }>): string[] {
  let base: BaselineResults;
  try {
    base = JSON.parse(readFileSync(file, 'utf8')) as BaselineResults;
  } catch (error) {
    return [`Before / after: cannot read the baseline ${file}: ${(error as Error).message}`];
  }
  const lines = [`Before / after  (before: ${file}, commit ${base.commit?.slice(0, 10) ?? '?'}, ${base.date ?? '?'}, load avg ${base.loadAverage?.before?.[0]?.toFixed(2) ?? '?'})`];
  const rows: string[][] = [['', 'before', 'after', 'after / before']];
  const change = (before: number | undefined, after: number | undefined) => (before && after !== undefined ? ratio(after / before) : 'n/a');
  for (const size of ['small', 'medium', 'large'] as const) {
    const [b, a] = [base.analysis?.[size], sizes[size]];
    if (!a) continue;
    for (const [label, pick] of [
      ['full analysis', (r: Partial<SizeResult>) => r.full?.wall.median],
      ['  cpu', (r: Partial<SizeResult>) => r.full?.cpu.median],
      ['incremental edit', (r: Partial<SizeResult>) => r.incremental?.wall.median],
      ['markdownlint (same run)', (r: Partial<SizeResult>) => r.markdownlint?.wall.median],
    ] as const) {
      const before = b ? pick(b) : undefined;
      rows.push([`  ${size} ${label}`, ms(before), ms(pick(a)), change(before, pick(a))]);
    }
  }
  const baseTargets = new Map((base.targets ?? []).map((t) => [t.name, t.value]));
  for (const t of targets) rows.push([`  ${t.name}  (${t.target})`, baseTargets.get(t.name) ?? 'n/a', t.value, '']);
  lines.push(table(rows));
  return lines;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`);
  process.exit(1);
});
