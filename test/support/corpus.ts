// The real post-mortem corpus (test/fixtures/real) and its hand-written labels, and the comparison
// of what the engine reads with what a reader labelled. Used by test/unit/corpus.test.ts and by
// `npx tsx test/support/corpus.ts [dev|dev3…dev11|test|test2…test10] [file]` (per-document report of the dev splits; totals only
// for the test splits).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { analyzeText } from '../../src/core/analyze';
import type { SectionKind } from '../../src/core/model/types';

export const REAL = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real');
const REQUIRED: SectionKind[] = ['summary', 'impact', 'timeline', 'rootCause', 'actionItems'];
export const CORPUS_TODAY = '2026-12-01';

export interface LabelledItem {
  text: string;
  owner: string | null;
  done: boolean;
  due: string | null;
  ticket: string | null;
}

export interface Label {
  source: string;
  file: string;
  split: 'dev' | 'dev3' | 'dev4' | 'dev5' | 'dev6' | 'dev7' | 'dev8' | 'dev9' | 'dev10' | 'dev11' | 'test' | 'test2' | 'test3' | 'test4' | 'test5' | 'test6' | 'test7' | 'test8' | 'test9' | 'test10';
  sections: Partial<Record<SectionKind, string>>;
  timeline: 'absent' | { events: number; dateOnly?: number; zone?: string | null; detected?: string | null; mitigated?: string | null; resolved?: string | null };
  actionItems: LabelledItem[];
  /** Sentences that put a failure on a person, by line (labelled for dev7 and test6 on; absent before). */
  blame?: Array<{ line: number; text: string }>;
  notes?: string;
}

export function loadLabels(): Label[] {
  const labels: Label[] = [];
  for (const name of readdirSync(join(REAL, 'labels')).sort()) {
    if (!name.endsWith('.yaml')) continue;
    const source = name.replace(/\.yaml$/, '');
    for (const entry of parse(readFileSync(join(REAL, 'labels', name), 'utf8')) as Array<Omit<Label, 'source'>>) labels.push({ ...entry, source, actionItems: entry.actionItems ?? [] });
  }
  return labels;
}

export interface DocResult {
  label: Label;
  crashed?: string;
  eventsLabelled: number;
  eventsRead: number;
  /** The labelled timeline was read with 80–120% of its events. */
  timelineRead: boolean | null;
  phases: boolean | null;
  itemsLabelled: number;
  itemsFound: number;
  itemsExtra: number;
  doneLabelled: number;
  doneFound: number;
  /** Items the engine marks done that the label says are open. */
  doneWrong: number;
  ownersLabelled: number;
  ownersFound: number;
  falseMissing: SectionKind[];
  invalidTimes: string[];
  blameFindings: string[];
  /** With blame labels: labelled blame sentences, those with a finding on their line, and findings on no labelled line. */
  blameLabelled: number | null;
  blameFound: number;
  blameUnlabelled: string[];
}

/** Words of an item's text without ticket references (`flutter/flutter#27110 - Test …` reads as `test …`). */
const words = (s: string) =>
  s
    .replace(/(?:[\w.-]+\/[\w.-]+)?#\d+|\b[A-Z][A-Z0-9]+-\d+\b/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);

/** An engine item matches a labelled one when most of the label's first words are at the start of the item. */
function matches(label: string, found: string): boolean {
  const bare = words(label).length === 0;
  const tokens = (s: string) => (bare ? s.toLowerCase().split(/\s+/).filter(Boolean) : words(s));
  const a = tokens(label).slice(0, 6);
  const b = new Set(tokens(found).slice(0, 14));
  if (a.length === 0) return false;
  return a.filter((w) => b.has(w)).length / a.length >= 0.6;
}

export function evaluate(label: Label): DocResult {
  const text = readFileSync(join(REAL, label.source, label.file), 'utf8');
  const timeline = label.timeline === 'absent' ? undefined : label.timeline;
  const base: DocResult = {
    label,
    eventsLabelled: timeline?.events ?? 0,
    eventsRead: 0,
    timelineRead: null,
    phases: null,
    itemsLabelled: label.actionItems.length,
    itemsFound: 0,
    itemsExtra: 0,
    doneLabelled: label.actionItems.filter((i) => i.done).length,
    doneFound: 0,
    doneWrong: 0,
    ownersLabelled: label.actionItems.filter((i) => i.owner).length,
    ownersFound: 0,
    falseMissing: [],
    invalidTimes: [],
    blameFindings: [],
    blameLabelled: label.blame ? label.blame.length : null,
    blameFound: 0,
    blameUnlabelled: [],
  };
  let analysis;
  try {
    analysis = analyzeText(text, { today: CORPUS_TODAY });
  } catch (error) {
    return { ...base, crashed: (error as Error).stack ?? String(error) };
  }
  const { doc, findings } = analysis;
  const read = doc.timeline.length;
  base.eventsRead = read;
  if (timeline && timeline.events > 0) {
    base.timelineRead = read >= 0.8 * timeline.events && read <= 1.2 * timeline.events;
    base.phases = doc.timeline.some((e) => e.phase && e.phase !== 'started') || !!(doc.metadata.detected || doc.metadata.mitigated || doc.metadata.resolved);
  }
  const used = new Set<number>();
  for (const item of label.actionItems) {
    const index = doc.actionItems.findIndex((a, i) => !used.has(i) && matches(item.text, a.text));
    if (index === -1) continue;
    used.add(index);
    base.itemsFound++;
    const found = doc.actionItems[index];
    if (item.done && found.done) base.doneFound++;
    if (!item.done && found.done) base.doneWrong++;
    if (item.owner && found.owner) base.ownersFound++;
  }
  base.itemsExtra = doc.actionItems.length - used.size;
  for (const f of findings) {
    if (f.rule === 'required-section' && f.severity !== 'info') {
      const kind = REQUIRED.find((k) => f.message.includes(`"${kindLabel(k)}"`));
      if (kind && label.sections[kind] && label.sections[kind] !== 'absent') base.falseMissing.push(kind);
    }
    if (f.rule === 'timeline-time-invalid' && f.severity !== 'info') base.invalidTimes.push(`L${f.range.start.line + 1}: ${f.message}`);
    if (f.rule === 'blame-wording') base.blameFindings.push(`L${f.range.start.line + 1}: ${f.message.slice(0, 120)}`);
  }
  if (label.blame) {
    // A finding counts for a labelled sentence on its line or the next (a sentence wrapped over two lines).
    const lines = findings.filter((f) => f.rule === 'blame-wording').map((f) => f.range.start.line + 1);
    const near = (a: number, b: number) => a === b || a === b + 1;
    base.blameFound = label.blame.filter((b) => lines.some((l) => near(l, b.line))).length;
    base.blameUnlabelled = base.blameFindings.filter((_, i) => !label.blame!.some((b) => near(lines[i], b.line)));
  }
  return base;
}

function kindLabel(kind: SectionKind): string {
  return { summary: 'Summary', impact: 'Impact', timeline: 'Timeline', rootCause: 'Root Cause', actionItems: 'Action Items' }[kind as 'summary'] ?? kind;
}

export interface Totals {
  documents: number;
  crashes: number;
  timelines: number;
  timelinesRead: number;
  withTimeline: number;
  withPhases: number;
  itemsLabelled: number;
  itemsFound: number;
  itemsExtra: number;
  doneLabelled: number;
  doneFound: number;
  /** Items the engine marks done that the label says are open. */
  doneWrong: number;
  ownersLabelled: number;
  ownersFound: number;
  falseMissing: number;
  invalidTimes: number;
  blameFindings: number;
  blameLabelled: number;
  blameFound: number;
  blameUnlabelled: number;
}

export function totals(results: DocResult[]): Totals {
  const t: Totals = { documents: results.length, crashes: 0, timelines: 0, timelinesRead: 0, withTimeline: 0, withPhases: 0, itemsLabelled: 0, itemsFound: 0, itemsExtra: 0, doneLabelled: 0, doneFound: 0, doneWrong: 0, ownersLabelled: 0, ownersFound: 0, falseMissing: 0, invalidTimes: 0, blameFindings: 0, blameLabelled: 0, blameFound: 0, blameUnlabelled: 0 };
  for (const r of results) {
    if (r.crashed) t.crashes++;
    if (r.timelineRead !== null) {
      t.timelines++;
      if (r.timelineRead) t.timelinesRead++;
      t.withTimeline++;
      if (r.phases) t.withPhases++;
    }
    t.itemsLabelled += r.itemsLabelled;
    t.itemsFound += r.itemsFound;
    t.itemsExtra += r.itemsExtra;
    t.doneLabelled += r.doneLabelled;
    t.doneFound += r.doneFound;
    t.doneWrong += r.doneWrong;
    t.ownersLabelled += r.ownersLabelled;
    t.ownersFound += r.ownersFound;
    t.falseMissing += r.falseMissing.length;
    t.invalidTimes += r.invalidTimes.length;
    t.blameFindings += r.blameFindings.length;
    t.blameLabelled += r.blameLabelled ?? 0;
    t.blameFound += r.blameFound;
    t.blameUnlabelled += r.blameUnlabelled.length;
  }
  return t;
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(0)}%`);

export function formatTotals(name: string, t: Totals): string {
  return [
    `${name}: ${t.documents} documents, ${t.crashes} crashes`,
    `  timelines read (80–120% of events): ${t.timelinesRead}/${t.timelines} (${pct(t.timelinesRead, t.timelines)})`,
    `  phases found: ${t.withPhases}/${t.withTimeline} documents with a timeline (${pct(t.withPhases, t.withTimeline)})`,
    `  action items found: ${t.itemsFound}/${t.itemsLabelled} (${pct(t.itemsFound, t.itemsLabelled)}), extra ${t.itemsExtra} (${pct(t.itemsExtra, t.itemsLabelled)})`,
    `  done items recognised: ${t.doneFound}/${t.doneLabelled} (open items taken as done: ${t.doneWrong}); owners found: ${t.ownersFound}/${t.ownersLabelled}`,
    `  "required section missing" where the content exists: ${t.falseMissing}; timeline-time-invalid findings: ${t.invalidTimes}; blame-wording findings: ${t.blameFindings}`,
    ...(t.blameLabelled || t.blameUnlabelled ? [`  labelled blame sentences found: ${t.blameFound}/${t.blameLabelled}; findings on no labelled sentence: ${t.blameUnlabelled}`] : []),
  ].join('\n');
}

export function formatRow(r: DocResult): string {
  if (r.crashed) return `  ${r.label.source}/${r.label.file}: CRASH ${r.crashed.split('\n')[0]}`;
  const events = r.timelineRead === null ? `events -/${r.eventsRead}` : `events ${r.eventsLabelled}/${r.eventsRead}${r.timelineRead ? '' : ' ✗'}`;
  const items = `items ${r.itemsFound}/${r.itemsLabelled}${r.itemsExtra ? ` +${r.itemsExtra}` : ''}${r.itemsFound < r.itemsLabelled ? ' ✗' : ''}`;
  const extra = [r.phases === false ? 'no phases' : '', r.falseMissing.length ? `missing? ${r.falseMissing.join(',')}` : '', r.invalidTimes.length ? `invalid ${r.invalidTimes.length}` : '', r.blameFindings.length ? `blame ${r.blameFindings.length}` : ''].filter(Boolean).join(' · ');
  return `  ${`${r.label.source}/${r.label.file}`.slice(0, 70).padEnd(70)} ${events.padEnd(16)} ${items.padEnd(16)} done ${r.doneFound}/${r.doneLabelled}${r.doneWrong ? ` (+${r.doneWrong} wrong)` : ''} ${extra}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const split = ['dev3', 'dev4', 'dev5', 'dev6', 'dev7', 'dev8', 'dev9', 'dev10', 'dev11', 'test', 'test2', 'test3', 'test4', 'test5', 'test6', 'test7', 'test8', 'test9', 'test10'].includes(process.argv[2]) ? process.argv[2] : 'dev';
  const only = process.argv[3];
  const results = loadLabels().filter((l) => l.split === split && (!only || `${l.source}/${l.file}`.includes(only))).map(evaluate);
  // The test splits are never tuned on: only their totals are printed.
  for (const r of split.startsWith('dev') ? results : []) {
    console.log(formatRow(r));
    if (only) {
      for (const line of [...r.invalidTimes, ...r.blameFindings]) console.log(`      ${line}`);
      for (const item of r.label.actionItems) console.log(`      label: ${item.done ? '[x]' : '[ ]'} ${item.owner ?? '-'} :: ${item.text}`);
      const { doc } = analyzeText(readFileSync(join(REAL, r.label.source, r.label.file), 'utf8'), { today: CORPUS_TODAY });
      for (const a of doc.actionItems) console.log(`      found: L${a.range.start.line + 1} ${a.done ? `[x ${a.doneMarker}]` : '[ ]'} ${a.owner ?? '-'} :: ${a.text.slice(0, 90)}`);
    }
  }
  console.log(formatTotals(split, totals(results)));
}
