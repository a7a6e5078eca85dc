// What the engine took each part of a document to be: sections and why, which blocks became
// timeline events (with their parsed times, dates, zones and phases), which became action items, and
// the key times and metrics built on them. For `postmortem explain` and the heading hover; this is how
// an author fixes a document the tool misreads. Reads the model only.
import type { AnalysisContext } from '../analyze';
import { PHASE_LABELS, zoneLabel } from '../model/labels';
import { sectionDefinition } from '../model/sections';
import { formatClock, formatDuration } from '../model/time';
import { PHASES, type ActionItem, type EventSource, type KeyTimeSource, type MetricId, type Phase, type PhaseSource, type PostmortemDocument, type Section, type SectionKind, type TimelineEvent, type TimeValue } from '../model/types';
import { escapeTerminal } from '../util/escape';
import { plural } from '../util/words';

export const EXPLANATION_SCHEMA = 1;

export interface ExplainedSection {
  /** 1-based line of the heading. */
  line: number;
  depth: number;
  heading: string;
  kind: SectionKind | null;
  /** `Timeline`, or null for a heading that names no known part. */
  readAs: string | null;
  /** Why: `heading word “timeline”`, `inside Action items`, `the document title`. */
  why: string;
}

export interface ExplainedPart {
  kind: SectionKind;
  readAs: string;
  how: 'heading' | 'label' | 'intro' | 'content';
  line: number;
  label: string;
}

export interface ExplainedEvent {
  line: number;
  endLine: number;
  /** The kind of block: `listItem`, `tableRow`, `heading`, `paragraph`, `line`, `code`. */
  from: EventSource;
  /** The time as written. */
  written: string;
  /** `2026-03-14 14:02 UTC`, or null when unreadable or unknown. */
  time: string | null;
  dateFrom?: 'event' | 'heading' | 'previous' | 'document';
  zoneFrom?: TimelineEvent['zoneSource'];
  phase: Phase | null;
  phaseFrom?: PhaseSource;
  /** Inferred phases: the words that suggested it. */
  cue?: string;
  flags: Array<'invalid' | 'unknown' | 'approximate' | 'relative' | 'range'>;
  text: string;
}

export interface ExplainedKeyTime {
  phase: Phase;
  time: string;
  from: KeyTimeSource['from'];
  line?: number;
  cue?: string;
}

export interface ExplainedMetric {
  id: MetricId;
  minutes: number | null;
  value: string;
  /** Why the value is not a fact (key times out of order). */
  doubt?: string;
}

export interface ExplainedActionItem {
  line: number;
  form: ActionItem['form'];
  text: string;
  owner: string | null;
  due: string | null;
  /** The deadline as written, when it is not a date. */
  dueWritten?: string;
  done: boolean;
  /** What marked it done (`[x]`, `✅`, `~~struck~~`, a Completed heading). */
  doneBy?: string;
  tickets: string[];
}

export interface Explanation {
  schema: typeof EXPLANATION_SCHEMA;
  title: string | null;
  frontMatter: { fields: string[] } | null;
  sections: ExplainedSection[];
  /** Parts found without a heading of their own (a label, the intro, content), and headings that name them. */
  found: ExplainedPart[];
  /** Required parts found nowhere. */
  missing: Array<{ kind: SectionKind; readAs: string }>;
  timeline: {
    events: ExplainedEvent[];
    /** The zone assumed for times without one, and where it came from. */
    zone: { zone: string; from: string; line?: number } | null;
    /** The date assumed for times without one, and where it came from. */
    baseDate: { date: string; from: string } | null;
  };
  keyTimes: ExplainedKeyTime[];
  metrics: ExplainedMetric[];
  actionItems: ExplainedActionItem[];
  problems: Array<{ line: number; code: string; message: string }>;
}

const HOW_WORDS: Record<ExplainedPart['how'], string> = { heading: 'heading', label: 'label', intro: 'text before the first heading', content: 'content' };
const KEY_TIME_WORDS: Record<KeyTimeSource['from'], string> = {
  frontMatter: 'front matter',
  keyLine: 'key line',
  tag: 'tag',
  word: 'leading word',
  inferred: 'inferred',
  firstEvent: 'first event',
  lastEvent: 'last event',
};

function readAs(kind: SectionKind): string {
  return sectionDefinition(kind).label;
}

function timeText(time: TimeValue | undefined): string | null {
  if (!time) return null;
  const zone = zoneLabel(time.zone);
  return [time.date ?? '', formatClock(time.minutes), zone].filter(Boolean).join(' ');
}

function line(doc: PostmortemDocument, block: number): number {
  const start = doc.blocks[block]?.start ?? 0;
  let lo = 0;
  let hi = doc.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.lineStarts[mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

function sectionWhy(section: Section, parent: Section | undefined, doc: PostmortemDocument): string {
  if (section.kind && section.match) return `heading word${/\s/.test(section.match.cue) ? 's' : ''} “${section.match.cue}”${section.match.also ? `; it also holds ${readAs(section.match.also)}` : ''}`;
  if (section.kind && parent?.kind === section.kind) return `inside ${readAs(section.kind)}`;
  if (section.depth === 1 && !section.kind && doc.allSections.filter((s) => s.depth === 1).length === 1) return 'the document title';
  if (parent?.kind) return `part of ${readAs(parent.kind)}`;
  return 'not a known part; its content is still read';
}

function explainEvent(event: TimelineEvent): ExplainedEvent {
  const flags: ExplainedEvent['flags'] = [];
  if (event.timeInvalid) flags.push('invalid');
  if (event.timeUnknown) flags.push('unknown');
  if (event.approximate) flags.push('approximate');
  if (event.relative) flags.push('relative');
  if (event.endTime) flags.push('range');
  return {
    line: event.range.start.line + 1,
    endLine: event.range.end.line + 1,
    from: event.source,
    written: event.time?.raw ?? '',
    time: timeText(event.time),
    ...(event.dateSource ? { dateFrom: event.dateSource } : {}),
    ...(event.zoneSource ? { zoneFrom: event.zoneSource } : {}),
    phase: event.phase,
    ...(event.phase && event.phaseSource ? { phaseFrom: event.phaseSource } : {}),
    ...(event.phase && event.phaseCue ? { cue: event.phaseCue } : {}),
    flags,
    text: event.text.replace(/\s+/g, ' ').trim(),
  };
}

export function explainDocument(analysis: AnalysisContext & { doc: PostmortemDocument }): Explanation {
  const { doc, config } = analysis;
  const parents = new Map<Section, Section>();
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      for (const c of s.children) parents.set(c, s);
      walk(s.children);
    }
  };
  walk(doc.sections);
  const sections = doc.allSections.map((s): ExplainedSection => ({
    line: s.headingRange.start.line + 1,
    depth: s.depth,
    heading: s.heading,
    kind: s.kind ?? null,
    readAs: s.kind ? readAs(s.kind) : null,
    why: sectionWhy(s, parents.get(s), doc),
  }));
  const found = doc.found.filter((f) => f.how !== 'heading').map((f): ExplainedPart => ({ kind: f.kind, readAs: readAs(f.kind), how: f.how, line: line(doc, f.block), label: f.label }));
  const present = new Set(doc.found.map((f) => f.kind));
  const missing = config.requiredSections.filter((k) => !present.has(k)).map((kind) => ({ kind, readAs: readAs(kind) }));
  const keyTimes: ExplainedKeyTime[] = [];
  for (const phase of PHASES) {
    const time = doc.metrics[phase];
    const source = doc.metrics.sources[phase];
    if (!time || !source) continue;
    const event = source.event !== undefined ? doc.timeline[source.event] : undefined;
    const field = doc.metadata[phase];
    const at = event ? event.range.start.line + 1 : field ? field.range.start.line + 1 : undefined;
    keyTimes.push({ phase, time: timeText(time) ?? '', from: source.from, ...(at !== undefined ? { line: at } : {}), ...(source.cue ? { cue: source.cue } : {}) });
  }
  const m = doc.metrics;
  const metrics: ExplainedMetric[] = (
    [
      ['ttd', m.ttdMinutes],
      ['ttm', m.ttmMinutes],
      ['ttr', m.ttrMinutes],
      ['duration', m.durationMinutes],
    ] as const
  ).map(([id, minutes]) => ({ id, minutes, value: formatDuration(minutes), ...(m.doubts[id] ? { doubt: m.doubts[id] } : {}) }));
  const reading = doc.reading;
  return {
    schema: EXPLANATION_SCHEMA,
    title: doc.title ?? doc.metadata.title?.value ?? null,
    frontMatter: doc.frontMatterRange ? { fields: (Object.keys(doc.metadata) as Array<keyof typeof doc.metadata>).filter((k) => doc.metadata[k]?.source === 'frontMatter') } : null,
    sections,
    found,
    missing,
    timeline: {
      events: doc.timeline.map(explainEvent),
      zone: reading.zone ? { zone: zoneLabel(reading.zone.zone), from: reading.zone.from, ...(reading.zone.line !== undefined ? { line: reading.zone.line + 1 } : {}) } : null,
      baseDate: reading.baseDate ? { date: reading.baseDate.date, from: reading.baseDate.from } : null,
    },
    keyTimes,
    metrics,
    actionItems: doc.actionItems.map((item) => ({
      line: item.range.start.line + 1,
      form: item.form,
      text: item.text.replace(/\s+/g, ' ').trim(),
      owner: item.owner,
      due: item.due,
      ...(item.dueInvalid && item.dueRaw ? { dueWritten: item.dueRaw } : {}),
      done: item.done,
      ...(item.done && item.doneMarker ? { doneBy: item.doneMarker } : {}),
      tickets: item.tickets,
    })),
    problems: doc.problems.map((p) => ({ line: p.range.start.line + 1, code: p.code, message: p.message })),
  };
}

/** How a section heading was read, for the heading hover (Markdown). */
export function explainSectionHeading(doc: PostmortemDocument, section: Section): string {
  const parent = doc.allSections.find((p) => p.children.includes(section));
  const why = sectionWhy(section, parent, doc);
  const lines = [section.kind ? `**Read as ${readAs(section.kind)}** (${why}).` : `**${why.charAt(0).toUpperCase()}${why.slice(1)}.**`];
  const within = (block: number) => block > section.block && block < section.blockEnd;
  const events = doc.timeline.filter((e) => within(e.block));
  if (events.length) {
    const inferred = events.filter((e) => e.phase && e.phaseSource === 'inferred').length;
    lines.push(`${plural(events.length, 'timeline event')}${inferred ? `, ${inferred} with a phase inferred from its words` : ''}.`);
  }
  const items = doc.actionItems.filter((i) => within(i.block));
  if (items.length) lines.push(`${plural(items.length, 'action item')}, ${items.filter((i) => i.done).length} done.`);
  for (const part of doc.found) {
    if (part.how === 'heading' || part.kind === section.kind || !within(part.block)) continue;
    lines.push(`Also holds ${readAs(part.kind)} (${HOW_WORDS[part.how]} “${part.label}”, line ${line(doc, part.block)}).`);
  }
  lines.push('Run `postmortem explain` for the whole reading.');
  return lines.join(' ');
}

/** `postmortem explain` as text for a terminal. */
export function renderExplanation(x: Explanation, file: string): string {
  const out: string[] = [];
  const t = (text: string) => escapeTerminal(text.replace(/[\r\n\t]+/g, ' '));
  out.push(`${t(file)}${x.title ? ` — “${t(x.title)}”` : ''}`);
  if (x.frontMatter) out.push(`Front matter: ${x.frontMatter.fields.length ? x.frontMatter.fields.join(', ') : 'no known fields'}`);

  out.push('', 'Sections');
  if (x.sections.length === 0) out.push('  (no headings)');
  for (const s of x.sections) out.push(`  L${String(s.line).padEnd(5)}${'  '.repeat(Math.max(0, s.depth - 1))}${'#'.repeat(s.depth)} ${t(s.heading)}  →  ${s.readAs ?? '—'} (${s.why})`);
  for (const f of x.found) out.push(`  L${String(f.line).padEnd(5)}${f.readAs} found by ${HOW_WORDS[f.how]}: ${t(f.label)}`);
  if (x.missing.length) out.push(`  Not found: ${x.missing.map((m) => m.readAs).join(', ')}`);

  const tl = x.timeline;
  out.push('', `Timeline: ${plural(tl.events.length, 'event')}`);
  const assumed = [tl.baseDate ? `date ${tl.baseDate.date} (from ${tl.baseDate.from === 'frontMatter' ? 'the front matter' : tl.baseDate.from === 'title' ? 'the title' : 'the first date written'})` : '', tl.zone ? `zone ${tl.zone.zone} (from ${tl.zone.from === 'statement' ? `the statement on line ${tl.zone.line ?? '?'}` : tl.zone.from === 'document' ? 'the front matter' : 'settings'})` : ''].filter(Boolean);
  if (assumed.length) out.push(`  Assumed for times without them: ${assumed.join(', ')}`);
  for (const e of tl.events) {
    const when = e.flags.includes('unknown') ? 'time unknown' : e.flags.includes('invalid') ? `unreadable “${t(e.written)}”` : `${e.flags.includes('approximate') ? '~' : ''}${e.time ?? '—'}`;
    const phase = e.phase ? ` [${PHASE_LABELS[e.phase].toLowerCase()}${e.phaseFrom === 'inferred' ? `, inferred from “${t(e.cue ?? '')}”` : e.phaseFrom ? `, ${e.phaseFrom}` : ''}]` : '';
    const where = [e.from, e.flags.includes('relative') ? `“${t(e.written)}” from the clock time above` : '', e.dateFrom && e.dateFrom !== 'event' ? `date: ${e.dateFrom}` : '', e.zoneFrom && e.zoneFrom !== 'event' ? `zone: ${e.zoneFrom}` : ''].filter(Boolean).join(', ');
    out.push(`  L${String(e.line).padEnd(5)}${when.padEnd(24)}${phase} ${t(truncate(e.text, 80))}  (${where})`);
  }
  if (x.keyTimes.length) out.push('', `Key times: ${x.keyTimes.map((k) => `${k.phase} ${k.time} (${KEY_TIME_WORDS[k.from]}${k.line ? `, line ${k.line}` : ''}${k.cue ? `: “${t(k.cue)}”` : ''})`).join(' · ')}`);
  out.push(`Metrics: ${x.metrics.map((m) => `${m.id.toUpperCase()} ${m.value}${m.doubt ? ' (not a fact: key times out of order)' : ''}`).join(' · ')}`);

  const open = x.actionItems.filter((i) => !i.done).length;
  out.push('', `Action items: ${x.actionItems.length} (${open} open, ${x.actionItems.length - open} done)`);
  for (const i of x.actionItems) {
    const due = i.due ? `due ${i.due}` : i.dueWritten ? `deadline “${t(i.dueWritten)}” is not a date` : 'no deadline';
    out.push(`  L${String(i.line).padEnd(5)}${i.done ? `[x]${i.doneBy && i.doneBy !== '[x]' ? ` (done: ${t(i.doneBy)})` : ''}` : '[ ]'} ${t(truncate(i.text, 70))} — ${i.owner ? t(i.owner) : 'no owner'}, ${due}${i.tickets.length ? `, ${plural(i.tickets.length, 'ticket')}` : ''} (${i.form})`);
  }
  if (x.problems.length) {
    out.push('', 'Problems');
    for (const p of x.problems) out.push(`  L${String(p.line).padEnd(5)}${p.code}: ${t(p.message)}`);
  }
  return out.join('\n');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
