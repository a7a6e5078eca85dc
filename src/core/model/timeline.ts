// Reads the timeline from the blocks, by content: a list item, table row, paragraph, line, heading or
// code line that starts with (or ends with, or follows a short label with) a date and time is an
// event. Inside a section named like a timeline every such block counts; elsewhere only runs of them
// do (a single time in the summary is not a timeline). Dates come from the event, a day heading or
// date line above it, the previous event or the document; zones from the event, a table header, a
// statement such as "All times are UTC", the front matter or the settings.
import type { Block, TableCell } from './blocks';
import { type InlineText, oneLineText, sliceInline, sourceSpan, trimInline } from './inline';
import { matchSectionHeading } from './sections';
import type { LineIndex } from './text';
import { addDays, isKnownZone, isoDate, makeTime, normalizeZone } from './time';
import { cityZone, hasDate, scanCompactClock, scanCompactLead, scanDayNumber, scanTime, type TimeExpr } from './timeExpr';
import { trimTrailing } from '../util/strings';
import type { EventSource, FoundPart, ModelProblem, Phase, PhaseSource, PostmortemDocument, Section, SectionKind, TimelineEvent, TimeValue } from './types';
import { maxOf, pushAll } from '../util/arrays';

const PHASE_WORDS: Record<string, Phase> = {
  started: 'started', start: 'started', began: 'started', begin: 'started', 'impact start': 'started', 'impact started': 'started', trigger: 'started',
  detected: 'detected', detection: 'detected', alerted: 'detected', identified: 'detected',
  mitigated: 'mitigated', mitigation: 'mitigated', contained: 'mitigated',
  resolved: 'resolved', resolution: 'resolved', closed: 'resolved', recovered: 'resolved', 'all clear': 'resolved',
};
const PHASE_ALTERNATION = Object.keys(PHASE_WORDS).sort((a, b) => b.length - a.length).join('|');
const PHASE_TAG = new RegExp(String.raw`\[(${PHASE_ALTERNATION})\]\s*`, 'i');
const PHASE_LEAD = new RegExp(String.raw`^(${PHASE_ALTERNATION})\s*[:—–-]\s*`, 'i');

/** `[detected]` anywhere, or `Detected:` at the start. */
export function readPhase(text: string): { phase: Phase | null; text: string; source?: PhaseSource } {
  const tag = PHASE_TAG.exec(text);
  if (tag) return { phase: PHASE_WORDS[tag[1].toLowerCase()], text: (text.slice(0, tag.index) + text.slice(tag.index + tag[0].length)).trim(), source: 'tag' };
  const lead = PHASE_LEAD.exec(text);
  if (lead) return { phase: PHASE_WORDS[lead[1].toLowerCase()], text: text.trim(), source: 'word' };
  return { phase: null, text: text.trim() };
}

/** "All times UTC", "times are in PDT", "Timeline (UTC)", "UTC times". */
const ZONE_STATEMENT = /\b(?:all\s+)?(?:times?|timestamps?|hours)\b(?:[\s,]+(?:shown|listed|given|below|above|here|are|is|were|approximate|approx\.?|and|:))*[\s:]+(?:in\s+)?([A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z][a-z]+\/[A-Z][A-Za-z_]+)\b|\b(UTC|GMT|[A-Z]{2,4}T)\s+(?:times?|timestamps?)\b/;
const SEPARATOR = /^\s*(?:[-–—:|>•=]+\s*|\)\s*)?/;
/** Sections where a date in a list means a deadline or a lesson, never an event. */
const CLOSED_KINDS: ReadonlySet<SectionKind> = new Set(['actionItems', 'lessonsLearned', 'followUpReview', 'metrics']);

export interface TimelineInput {
  doc: Pick<PostmortemDocument, 'text' | 'blocks' | 'allSections'>;
  lines: LineIndex;
  problems: ModelProblem[];
  /** ISO date of the incident (front matter), the date clock-only events fall back to. */
  baseDate?: string;
  /** Title, for a date in it ("Incident on 2023-01-11 – …"). */
  title?: string;
  /** Zone from the front matter, and from the settings. */
  documentZone?: string;
  defaultZone?: string;
  /** The analysis cache's memo: time expressions of unchanged text are not scanned again after an edit. */
  memo?: <T>(space: string, key: string, compute: () => T) => T;
}

export interface TimelineReading {
  events: TimelineEvent[];
  found: FoundPart[];
  reading: PostmortemDocument['reading'];
}

/** `timeline`: a section named like a timeline; `labelled`: under a label such as **Key events**; `open`: anywhere else; `closed`: follow-up sections. */
type Zone = 'timeline' | 'labelled' | 'open' | 'closed';

/** One event as read from its block, before dates and zones are resolved. */
interface Candidate {
  block: number;
  source: EventSource;
  expr: TimeExpr;
  /** The inline text the expression was read from (to map its span back to the document). */
  inline: InlineText;
  /** Description (plain), and where it is. */
  desc: InlineText;
  /** Whole event span (list item, row, line, heading with its body). */
  start: number;
  end: number;
  /** Date from a separate table column. */
  dateExpr?: { expr: TimeExpr; inline: InlineText };
  /** Zone from the table header. */
  tableZone?: string;
  /** Group for run detection (a list, a table, a paragraph, a section's paragraphs). */
  group: string;
  zone: Zone;
  /** A status update stamped at its end with its date and time. */
  stamped?: true;
}

/** A date context: a day heading, a date line, a date-only list item with nested events. */
interface DateMark {
  block: number;
  /** Blocks it applies to: `[from, to)`. */
  from: number;
  to: number;
  expr?: TimeExpr;
  dayNumber?: number;
  label: string;
}

/**
 * A log written newest first, as status pages post their updates: at least three events, each dated on itself (no date
 * carried from a heading or the event before, no offset), every one at or before the one above it, and time going back.
 */
export function newestFirst(events: readonly TimelineEvent[]): boolean {
  if (events.length < 3) return false;
  let back = false;
  for (let k = 0; k < events.length; k++) {
    const e = events[k];
    if (e.time?.instant === undefined || e.dateSource !== 'event' || e.relative || e.timeInvalid) return false;
    if (k === 0) continue;
    const step = e.time.instant - events[k - 1].time!.instant!;
    if (step > 0) return false;
    if (step < 0) back = true;
  }
  return back;
}

export function readTimeline(input: TimelineInput): TimelineReading {
  const memo = input.memo;
  // Without a cache, the scans are still kept for this reading: a heading or cell is scanned by several readers.
  const local = memo ? undefined : new Map<string, Map<number, TimeExpr | null>>();
  scanMemo = memo
    ? (text) => memo('timeline:scan', text, () => new Map())
    : (text) => {
        let byPosition = local!.get(text);
        if (!byPosition) local!.set(text, (byPosition = new Map()));
        return byPosition;
      };
  try {
    return readTimelineOnce(input);
  } finally {
    scanMemo = undefined;
  }
}

/** scanTime's results by position, for one text (set while readTimeline runs). */
let scanMemo: ((text: string) => Map<number, TimeExpr | null>) | undefined;

/** scanTime, memoized by text and position (its results are never mutated). */
function scan(text: string, pos = 0): TimeExpr | undefined {
  if (!scanMemo) return scanTime(text, pos);
  const byPosition = scanMemo(text);
  let expr = byPosition.get(pos);
  if (expr === undefined) byPosition.set(pos, (expr = scanTime(text, pos) ?? null));
  return expr ?? undefined;
}

function readTimelineOnce(input: TimelineInput): TimelineReading {
  const { doc } = input;
  const blocks = doc.blocks;
  const zones = blockZones(doc.blocks, doc.allSections);
  const candidates: Candidate[] = [];
  const marks: DateMark[] = [];
  const statements: Array<{ block: number; zone: string }> = [];
  const sectionOf = sectionIndex(doc.blocks, doc.allSections);
  const parents = parentHeadings(doc.blocks);
  const compact = compactRuns(blocks, sectionOf);

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i];
    const zone = zones[i];
    if (block.kind === 'frontMatter') continue;
    const statement = zoneStatement(block);
    if (statement) statements.push({ block: i, zone: statement });
    if (zone === 'closed' || block.quoteDepth > 0 || block.flattened) continue;
    switch (block.kind) {
      case 'heading':
        readHeading(i, block, zone, blocks, candidates, marks, parents, sectionOf);
        break;
      case 'paragraph':
        if (compact.has(i)) readCompactParagraph(i, block, compact.get(i)!, zone, candidates, sectionOf);
        else readParagraph(i, block, zone, candidates, marks, sectionOf, blocks);
        break;
      case 'listItem':
        readListItem(i, block, zone, candidates, marks, blocks);
        break;
      case 'table':
        readTable(i, block, zone, candidates);
        break;
      case 'code':
        if (zone === 'timeline' || zone === 'labelled') readCode(i, block, input.doc.text, candidates);
        break;
      default:
        break;
    }
  }

  const accepted = acceptRuns(candidates, blocks, sectionOf);
  // A heading whose own section holds events is a group label ("### 22:04-23:00: Network split"), not an event.
  // Sorted by position, so the next event after a heading tells whether its body holds events.
  const events = accepted.filter((c, k) => c.source !== 'heading' || !(k + 1 < accepted.length && accepted[k + 1].block > c.block && accepted[k + 1].block < headingBodyEnd(c.block, blocks)));
  // Group headings count too ("### 1:42-1:59 PM" above "- 1:42 …"): they show how the document writes its clocks.
  return resolve(events, marks, statements, input, sectionOf, accepted.some((c) => c.expr.meridiem));
}

// ── Zones ────────────────────────────────────────────────────────────────────────────────────────

const NARRATIVE_CUES = new Set(['what happened', 'what happens']);

/** Which blocks may hold events freely (timeline sections), as runs (elsewhere), or not at all. */
function blockZones(blocks: Block[], sections: Section[]): Zone[] {
  const zones: Zone[] = new Array(blocks.length).fill('open');
  // Sections are in document order, so an inner kinded section overwrites its parent's kind.
  const kindAt: Array<SectionKind | undefined> = new Array(blocks.length).fill(undefined);
  for (const section of sections) {
    if (!section.kind) continue;
    for (let b = section.block + 1; b < section.blockEnd; b++) kindAt[b] = section.kind;
  }
  for (let b = 0; b < blocks.length; b++) {
    const kind = kindAt[b];
    if (kind === 'timeline') zones[b] = 'timeline';
    else if (kind && CLOSED_KINDS.has(kind)) zones[b] = 'closed';
  }
  // Without a timeline section, a "What happened" narrative is where the chronology is told: its timed
  // paragraphs and lines are events (as in a timeline section), not only runs of them.
  if (!sections.some((s) => s.kind === 'timeline')) {
    for (const section of sections) {
      if (section.kind !== 'summary' || !NARRATIVE_CUES.has(section.match?.cue ?? '')) continue;
      for (let b = section.block + 1; b < section.blockEnd; b++) if (zones[b] === 'open') zones[b] = 'timeline';
    }
  }
  // Day sections right after a timeline section ("## Timeline", then "## May 12", "## May 13") continue it.
  let afterTimeline = false;
  for (const section of sections) {
    if (section.kind === 'timeline') {
      afterTimeline = true;
      continue;
    }
    const day = isDayHeading(section.heading);
    if (afterTimeline && day && !section.kind) {
      for (let b = section.block; b < section.blockEnd; b++) if (zones[b] === 'open') zones[b] = 'timeline';
    } else if (section.kind || !day) {
      if (section.depth <= 2 || section.kind) afterTimeline = false;
    }
  }
  // Bold labels: "- **Key events**" opens a timeline for what is nested in it; "**Review actions:**" closes.
  for (let b = 0; b < blocks.length; b++) {
    const label = labelKind(blocks[b]);
    if (!label) continue;
    const zone: Zone | undefined = label === 'timeline' ? 'labelled' : CLOSED_KINDS.has(label) ? 'closed' : undefined;
    if (!zone) continue;
    const block = blocks[b];
    if (block.kind === 'listItem') {
      for (let c = b + 1; c < blocks.length && blocks[c].start < block.end; c++) zones[c] = zone;
      if (zone === 'closed') zones[b] = 'closed';
    } else if (block.kind === 'paragraph' && block.inline.text.length <= 60) {
      // A label on its own line: up to the next heading or label.
      for (let c = b + 1; c < blocks.length && blocks[c].kind !== 'heading' && !labelKind(blocks[c]); c++) zones[c] = zone;
    }
  }
  return zones;
}

/** "May 12", "2026-03-14", "Day 2", "Monday, March 3": a heading that is a date. */
function isDayHeading(heading: string): boolean {
  if (scanDayNumber(heading)?.end === heading.length) return true;
  const expr = scan(heading);
  return !!expr && hasDate(expr) && expr.minutes === undefined;
}

/** The section kind a bold label (`**Key events**`, `**Review actions:**`) or a short `Label:` names. */
export function labelKind(block: Block): SectionKind | undefined {
  return readLabel(block)?.kind;
}

/** A leading bold label or a short `Label:` at the start of a block's text. */
export function leadingLabel(block: Block): { text: string; end: number } | undefined {
  return readLabel(block)?.label;
}

interface BlockLabel {
  label: { text: string; end: number };
  kind?: SectionKind;
}

/**
 * What is read from a block's own text (its label, its zone statement), remembered by that text: the zones, sections and
 * action items ask for a block's label several times per analysis, and after an edit the blocks of the moved chunks are
 * copies with the same text. Bounded: blocks of up to 1,024 characters, cleared at 20,000 entries (at most 20 M characters kept).
 */
class BlockTextMemo<T> {
  private readonly entries = new Map<string, { kind: Block['kind']; lead: number; value: T }>();

  get(block: Block, read: (block: Block) => T): T {
    const text = block.inline.text;
    const known = this.entries.get(text);
    if (known && known.kind === block.kind && known.lead === block.leadEmphasis) return known.value;
    const value = read(block);
    // A long block is read once per analysis anyway; keeping its text alive across documents would pin megabytes.
    if (text.length > 1024) return value;
    if (this.entries.size >= 20_000) this.entries.clear();
    this.entries.set(text, { kind: block.kind, lead: block.leadEmphasis, value });
    return value;
  }
}

const LABELS = new BlockTextMemo<BlockLabel | null>();

function readLabel(block: Block): BlockLabel | undefined {
  if (block.kind !== 'paragraph' && block.kind !== 'listItem') return undefined;
  return LABELS.get(block, labelOf) ?? undefined;
}

function labelOf(block: Block): BlockLabel | null {
  const label = findLeadingLabel(block);
  // "A remediation was applied: DigitalOcean is now used…" is a sentence about what was done, not a label.
  const kind = !label || /\b(?:was|were|has been|have been)\s+\p{L}+ed$/iu.test(label.text) ? undefined : matchSectionHeading(label.text)?.kind;
  return label ? { label, ...(kind ? { kind } : {}) } : null;
}

function findLeadingLabel(block: Block): { text: string; end: number } | undefined {
  const text = block.inline.text;
  if (block.leadEmphasis > 0) {
    const raw = trimTrailing(text.slice(0, block.leadEmphasis), ': ');
    if (raw.split(/\s+/).length > 6) return undefined;
    let end = block.leadEmphasis;
    const colon = /^\s*:/.exec(text.slice(end));
    if (colon) end += colon[0].length;
    return { text: raw, end };
  }
  const m = /^([\p{L}][\p{L}\p{N} '’/&()-]{0,40}?):(?:\s|$)/u.exec(text);
  if (m && m[1].split(/\s+/).length <= 5) return { text: m[1], end: m[0].length };
  // A short line that is just a section name ("Action Items" above a list, without markup).
  if (block.kind === 'paragraph' && text.length <= 40 && !/[.!?,;]$/.test(text) && !text.includes('\n') && (matchSectionHeading(text)?.score ?? 0) >= 3) return { text, end: text.length };
  return undefined;
}

/** Each block's zone statement, remembered by its text (see BlockTextMemo). */
const ZONE_STATEMENTS = new BlockTextMemo<string | null>();

function zoneStatement(block: Block): string | undefined {
  return ZONE_STATEMENTS.get(block, (b) => readZoneStatement(b) ?? null) ?? undefined;
}

function readZoneStatement(block: Block): string | undefined {
  if (block.kind !== 'paragraph' && block.kind !== 'heading' && block.kind !== 'listItem') return undefined;
  const text = block.inline.text;
  if (text.length > 400 && block.kind !== 'paragraph') return undefined;
  const m = ZONE_STATEMENT.exec(text.slice(0, 600));
  if (m) {
    const zone = m[1] ?? m[2];
    if (zone && isKnownZone(zone)) return zone;
  }
  if (block.kind === 'heading') {
    // "Timeline (UTC)", "Timeline (all times PDT)".
    const paren = /\(([^()]{1,40})\)/.exec(text);
    const word = paren && /(?:^|\s)([A-Z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z][a-z]+\/[A-Z][A-Za-z_]+)\s*$/.exec(paren[1]);
    if (word && isKnownZone(word[1])) return word[1];
  }
  return undefined;
}

function sectionIndex(blocks: Block[], sections: Section[]): Int32Array {
  const of = new Int32Array(blocks.length).fill(-1);
  sections.forEach((s, index) => {
    for (let b = s.block; b < s.ownEnd; b++) of[b] = index;
  });
  return of;
}

function headingBodyEnd(block: number, blocks: Block[]): number {
  const depth = blocks[block].depth ?? 6;
  let b = block + 1;
  while (b < blocks.length && !(blocks[b].kind === 'heading' && blocks[b].listDepth === 0 && (blocks[b].depth ?? 6) <= depth)) b++;
  return b;
}

// ── Block readers ───────────────────────────────────────────────────────────────────────────────

/** A time at the start of `inline.text` (after an optional list-like bullet character). */
function leadingTime(inline: InlineText, from = 0): TimeExpr | undefined {
  const text = inline.text;
  let p = from;
  while (p < text.length && (text[p] === ' ' || text[p] === '•' || text[p] === '*')) p++;
  // A template's placeholder braces left around the time: "### {{ 06:10 }}".
  if (text.startsWith('{{', p)) {
    p += 2;
    while (p < text.length && text[p] === ' ') p++;
  }
  const expr = scan(text, p);
  if (!expr) return undefined;
  // A bare date or a year-less date must be followed by a separator or the end: "2021 was a year" is not a date.
  return expr;
}

/** A clock time, a placeholder for one, or an impossible time (reported): what makes a block an event. */
function isEventExpr(expr: TimeExpr): boolean {
  return expr.minutes !== undefined || expr.placeholder || expr.invalid !== undefined || expr.offsetMinutes !== undefined;
}

/** The description after the time, without the separator. */
function descriptionAfter(inline: InlineText, end: number): InlineText {
  const rest = inline.text.slice(end);
  const sep = SEPARATOR.exec(rest);
  return trimInline(sliceInline(inline, end + (sep ? sep[0].length : 0), inline.text.length));
}

function readHeading(i: number, block: Block, zone: Zone, blocks: Block[], out: Candidate[], marks: DateMark[], parents: Int32Array, sectionOf: Int32Array): void {
  if (block.listDepth > 0) return;
  const text = block.inline.text;
  const day = scanDayNumber(text);
  const expr = leadingTime(block.inline);
  const end = headingBodyEnd(i, blocks);
  if (day && !expr) {
    marks.push({ block: i, from: i + 1, to: end, dayNumber: day.day, label: text });
    return;
  }
  if (!expr) return;
  if (hasDate(expr) && expr.minutes === undefined && !expr.placeholder) {
    marks.push({ block: i, from: i + 1, to: end, expr, label: text });
    return;
  }
  if (!looksLikeEventTime(expr, text, zone)) return;
  let desc = descriptionAfter(block.inline, expr.end);
  if (!desc.text) {
    // "### 12:35" with the description in the paragraph below.
    const next = blocks[i + 1];
    if (next && next.kind === 'paragraph' && i + 1 < end) desc = firstLine(next.inline);
  }
  out.push({ block: i, source: 'heading', expr, inline: block.inline, desc, start: block.start, end: end < blocks.length ? trimEnd(blocks, i, end) : blocks[blocks.length - 1].end, group: parents[i] === -1 ? 'h:-1' : `s:${sectionOf[parents[i]]}`, zone });
  if (hasDate(expr)) marks.push({ block: i, from: i + 1, to: end, expr: { ...expr, minutes: undefined }, label: text });
}

/** For each heading block, the heading above it of a lower level (-1 at the top); linear with a stack. */
function parentHeadings(blocks: Block[]): Int32Array {
  const parents = new Int32Array(blocks.length).fill(-1);
  const stack: number[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    if (block.kind !== 'heading' || block.listDepth !== 0) continue;
    const depth = block.depth ?? 6;
    while (stack.length && (blocks[stack[stack.length - 1]].depth ?? 6) >= depth) stack.pop();
    parents[b] = stack.length ? stack[stack.length - 1] : -1;
    stack.push(b);
  }
  return parents;
}

function trimEnd(blocks: Block[], from: number, to: number): number {
  return blocks[Math.max(from, to - 1)].end;
}

function firstLine(inline: InlineText): InlineText {
  const nl = inline.text.indexOf('\n');
  return nl === -1 ? inline : trimInline(sliceInline(inline, 0, nl));
}

/** Paragraphs that open with a four-digit clock (`1324: …`, `~1442: …`), in runs of at least this many in one section. */
const COMPACT_RUN = 3;

/**
 * The paragraphs read with four-digit clocks, with their clocks: consecutive ones in one section, at least COMPACT_RUN of
 * them, and not all of them plausible years (1900–2099), so that "2016: … 2017: … 2018: …" stays a list of years.
 */
function compactRuns(blocks: Block[], sectionOf: Int32Array): Map<number, TimeExpr> {
  const out = new Map<number, TimeExpr>();
  let run: Array<[number, TimeExpr]> = [];
  let anyNotYear = false;
  const close = () => {
    if (run.length >= COMPACT_RUN && anyNotYear) for (const [b, expr] of run) out.set(b, expr);
    run = [];
    anyNotYear = false;
  };
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const expr = block.kind === 'paragraph' && block.listDepth === 0 && block.quoteDepth === 0 ? scanCompactLead(block.inline.text) : undefined;
    if (!expr || (run.length && sectionOf[run[run.length - 1][0]] !== sectionOf[b])) close();
    if (!expr) continue;
    run.push([b, expr]);
    const digits = +block.inline.text.slice(expr.coreStart, expr.coreEnd);
    if (digits < 1900 || digits > 2099) anyNotYear = true;
  }
  close();
  return out;
}

function readCompactParagraph(i: number, block: Block, expr: TimeExpr, zone: Zone, out: Candidate[], sectionOf: Int32Array): void {
  out.push({ block: i, source: 'paragraph', expr, inline: block.inline, desc: descriptionAfter(block.inline, expr.end), start: block.start, end: block.end, group: `s:${sectionOf[i]}`, zone });
}

function readParagraph(i: number, block: Block, zone: Zone, out: Candidate[], marks: DateMark[], sectionOf: Int32Array, blocks: Block[]): void {
  const inline = block.inline;
  const text = inline.text;
  if (!text) return;
  const lines = splitLines(text);
  if (lines.length > 1) {
    // A block of lines: each line that starts with a time is an event; other lines continue the one before.
    const timed = lines.map(([a]) => leadingTime(inline, a));
    const eventLines = timed.filter((e) => e && isEventExpr(e)).length;
    if (eventLines >= 2 || (eventLines >= 1 && zone !== 'open')) {
      let open: Candidate | undefined;
      let mid: TimeExpr | undefined;
      lines.forEach(([a, b], k) => {
        const expr = timed[k];
        if (expr && isEventExpr(expr) && looksLikeEventTime(expr, text.slice(a, b), zone)) {
          const line = sliceInline(inline, a, b);
          const [s, e] = sourceSpan(inline, a, b);
          open = { block: i, source: 'line', expr: shift(expr, -a), inline: line, desc: descriptionAfter(line, expr.end - a), start: s, end: e, group: `p:${i}`, zone };
          out.push(open);
        } else if (!expr && open && zone === 'timeline' && (mid = midLineClock(text, a, b))) {
          // "Eventually we reverted the changes and at 11:58 the server was up again": a step of its own.
          const line = sliceInline(inline, a, b);
          const [s, e] = sourceSpan(inline, a, b);
          open = { block: i, source: 'line', expr: shift(mid, -a), inline: line, desc: line, start: s, end: e, group: `p:${i}`, zone };
          out.push(open);
        } else if (expr && hasDate(expr) && expr.minutes === undefined && !expr.placeholder && text.slice(expr.end, b).trim().length < 3) {
          marks.push({ block: i, from: i, to: blocks.length, expr, label: text.slice(a, b) });
          open = undefined;
        } else if (open) {
          const [, e] = sourceSpan(inline, a, b);
          open.end = e;
          // "1:03" on its own line, the description below it.
          if (!open.desc.text) open.desc = trimInline(sliceInline(inline, a, b));
        }
      });
      return;
    }
  }
  const expr = leadingTime(inline);
  if (!expr) {
    // A status update stamped at its end with its date and time ("… {{< track "2022-10-19T13:23Z" >}}", "… Oct 19, 2022 13:23 MDT"):
    // in a timeline section an event; elsewhere one of a run of them (at least two). A sentence ending in the date it names is not.
    if (zone === 'open' || zone === 'timeline') {
      const stamp = trailingTime(inline);
      if (stamp && stamp.minutes !== undefined && hasDate(stamp) && !DATE_IN_SENTENCE.test(text.slice(Math.max(0, stamp.start - 16), stamp.start))) {
        out.push({ block: i, source: 'paragraph', expr: stamp, inline, desc: descriptionBefore(inline, stamp), start: block.start, end: block.end, group: zone === 'open' ? STAMPED_UPDATES : `s:${sectionOf[i]}`, zone, stamped: true });
        return;
      }
    }
    if (zone === 'open') return;
    // Narrative in a timeline section: "We deployed the bot at 2:55 UTC on 12th January and…" is an
    // event at its first time that carries a zone or a date (a bare "3:40" in prose is only a mention);
    // "…to 10:10 GMT, validators upgraded, with consensus reached at 10:19 GMT" is one step, at 10:10.
    if (zone !== 'timeline') return;
    let inner: TimeExpr | undefined;
    for (const clock of text.matchAll(/(?<![\d:.])\d{1,2}:\d{2}(?![\d:])/g)) {
      const at = scan(text, clock.index);
      if (at && at.minutes !== undefined && !at.invalid && (at.zone || hasDate(at))) {
        inner = at;
        break;
      }
    }
    if (!inner) return;
    out.push({ block: i, source: 'paragraph', expr: inner, inline, desc: inline, start: block.start, end: block.end, group: `s:${sectionOf[i]}`, zone });
    return;
  }
  if (hasDate(expr) && expr.minutes === undefined && !expr.placeholder) {
    // A date on its own line ("**March 14, 2026**"): the date of the events below.
    if (text.slice(expr.end).replace(/\([^()]*\)/g, '').replace(/[\s:.\-–—]+/g, '').length === 0) marks.push({ block: i, from: i + 1, to: blocks.length, expr, label: text });
    return;
  }
  if (!isEventExpr(expr) || !looksLikeEventTime(expr, text, zone)) return;
  const desc = descriptionAfter(inline, expr.end);
  // A status update's stamp on a line of its own ("### Monitoring", "2026-02-09T16:30:00Z", then what was posted): the
  // paragraph below, in the same section and without a time of its own, is its description.
  const next = blocks[i + 1];
  if (!desc.text && hasDate(expr) && next?.kind === 'paragraph' && next.listDepth === block.listDepth && next.quoteDepth === block.quoteDepth && sectionOf[i + 1] === sectionOf[i] && !leadingTime(next.inline)) {
    // Under a status word ("## Monitoring", "*Posted Mar 15, 2025 - 11:21 UTC*"), as status pages export their updates: one
    // update of the page's log, wherever it is.
    const heading = blocks[i - 1];
    const update = zone === 'open' && heading?.kind === 'heading' && STATUS_WORD.test(heading.inline.text.trim());
    out.push({ block: i, source: 'paragraph', expr, inline, desc: next.inline, start: block.start, end: next.end, group: update ? STAMPED_UPDATES : `s:${sectionOf[i]}`, zone, ...(update ? { stamped: true as const } : {}) });
    return;
  }
  out.push({ block: i, source: 'paragraph', expr, inline, desc, start: block.start, end: block.end, group: `s:${sectionOf[i]}`, zone });
}

/** A clock after "at" inside a line (`… and at 11:58 the server was up again`), in the block's coordinates. */
function midLineClock(text: string, from: number, to: number): TimeExpr | undefined {
  const m = /\bat\s+(?=\d{1,2}:\d{2}(?![\d:]))/i.exec(text.slice(from, to));
  if (!m) return undefined;
  const expr = scan(text, from + m.index + m[0].length);
  return expr && expr.minutes !== undefined && !expr.invalid ? expr : undefined;
}

function shift(expr: TimeExpr, delta: number): TimeExpr {
  return { ...expr, start: expr.start + delta, end: expr.end + delta, coreStart: expr.coreStart + delta, coreEnd: expr.coreEnd + delta };
}

function splitLines(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let a = 0;
  for (let k = 0; k <= text.length; k++) {
    if (k === text.length || text[k] === '\n') {
      if (k > a) out.push([a, k]);
      a = k + 1;
    }
  }
  return out;
}

function readListItem(i: number, block: Block, zone: Zone, out: Candidate[], marks: DateMark[], blocks: Block[]): void {
  const inline = block.inline;
  const text = inline.text;
  if (!text) return;
  const group = `l:${block.list ?? i}`;
  let expr = leadingTime(inline);
  // "- 2021-05-03" with events nested below: the date of those events.
  if (expr && hasDate(expr) && expr.minutes === undefined && !expr.placeholder) {
    const nestedEnd = nestedBlocksEnd(i, blocks);
    if (text.slice(expr.end).replace(/[\s:.\-–—]+/g, '').length < 3 || nestedEnd > i + 1) marks.push({ block: i, from: i + 1, to: nestedEnd, expr, label: text });
    if (nestedEnd > i + 1) return;
  }
  if (expr && isEventExpr(expr) && looksLikeEventTime(expr, text, zone)) {
    out.push({ block: i, source: 'listItem', expr, inline, desc: descriptionAfter(inline, expr.end), start: block.start, end: block.end, group, zone });
    return;
  }
  // "First detected: 2023-01-11 14:22", "Resolved 2023-01-11 15:51", "… (14:02)": a time after a short label or at the end.
  expr = trailingTime(inline);
  if (expr) out.push({ block: i, source: 'listItem', expr, inline, desc: descriptionBefore(inline, expr), start: block.start, end: block.end, group, zone });
}

/** The description before a time that ends the text, without the word or the shortcode that led to it. */
function descriptionBefore(inline: InlineText, expr: TimeExpr): InlineText {
  const before = trimInline(sliceInline(inline, 0, expr.start));
  // "… updated between ~8-9 PM": the word that led to the time is not part of the description.
  // Read on the last characters only: a long run of spaces must not make the search quadratic.
  const tail = before.text.slice(-48);
  const lead = /(?:^|\s)(?:at|around|about|between|from|by|until|approx\.?|approximately)$/i.exec(tail) ?? SHORTCODE_OPEN.exec(tail);
  const kept = trimTrailing(lead ? before.text.slice(0, before.text.length - tail.length + lead.index) : before.text, ': –—-').length;
  return kept ? trimInline(sliceInline(before, 0, kept)) : before;
}

function nestedBlocksEnd(i: number, blocks: Block[]): number {
  let b = i + 1;
  while (b < blocks.length && blocks[b].start < blocks[i].end) b++;
  return b;
}

/** What may follow a time that ends the text: closing punctuation, or the end of a template shortcode whose argument it is. */
const TRAILING_REST = /^(?:"\s*(?:[>%]\}\}|%\}))?[\s.)\]]*$/;
/** A template shortcode up to its quoted argument: Hugo's `{{< track "`, `{{% stamp "`, Liquid's `{% include t.html at="`. */
const SHORTCODE_OPEN = /\{[{%][<%]?\s*[\w.-]+(?:\s+[\w.-]+(?:=["'][^"']*["'])?)*?(?:\s+[\w-]+=|\s+)"$/;

/** A clock time that ends the text (`… (14:02)`, `Resolved 2023-01-11 15:51`, a status update's `{{< track "2022-10-19T13:23Z" >}}`). */
function trailingTime(inline: InlineText): TimeExpr | undefined {
  const text = inline.text;
  const from = Math.max(0, text.length - 64);
  for (let p = from; p < text.length; p++) {
    if (p > 0 && !/[\s([:"]/.test(text[p - 1])) continue;
    if (!/[\d~[(A-Za-z]/.test(text[p])) continue;
    const expr = scan(text, p);
    // "First detected 2023-01-04 (Time TBC)": a date whose time is to be confirmed is an event too.
    if (!expr || (expr.minutes === undefined && !(expr.placeholder && hasDate(expr))) || expr.invalid) continue;
    if (!TRAILING_REST.test(text.slice(expr.end)) || (text[p - 1] === '"' && !SHORTCODE_OPEN.test(text.slice(Math.max(0, p - 48), p)))) continue;
    // At least a word of description before it.
    if (!/\p{L}{2}/u.test(text.slice(0, expr.start))) return undefined;
    return expr;
  }
  return undefined;
}

/** A cell that is only a clock written with a dot ("15.15", "~9.05"): same length as with a colon, so offsets hold. */
const DOTTED_CLOCK_CELL = /^\s*~?(?:[01]?\d|2[0-3])\.[0-5]\d\s*$/;

function readTable(i: number, block: Block, zone: Zone, out: Candidate[]): void {
  const rows = block.rows ?? [];
  const header = block.header ?? [];
  if (rows.length === 0) return;
  const width = maxOf(rows, (r) => r.length, header.length);
  const clockShare: number[] = [];
  const dottedShare: number[] = [];
  const dateShare: number[] = [];
  const lengths: number[] = [];
  for (let c = 0; c < width; c++) {
    let clocks = 0;
    let dotted = 0;
    let dates = 0;
    let filled = 0;
    let length = 0;
    for (const row of rows) {
      const cell = row[c];
      if (!cell || !cell.inline.text) continue;
      filled++;
      length += cell.inline.text.length;
      const expr = scan(cell.inline.text);
      if (expr && (expr.minutes !== undefined || expr.placeholder || expr.invalid)) clocks++;
      else if (expr && hasDate(expr)) dates++;
      else if (DOTTED_CLOCK_CELL.test(cell.inline.text)) dotted++;
    }
    clockShare.push(filled ? clocks / rows.length : 0);
    dottedShare.push(filled ? (clocks + dotted) / rows.length : 0);
    dateShare.push(filled ? dates / rows.length : 0);
    lengths.push(filled ? length / filled : 0);
  }
  let timeCol = -1;
  for (let c = 0; c < width; c++) if (clockShare[c] >= 0.5 && (timeCol === -1 || clockShare[c] > clockShare[timeCol])) timeCol = c;
  // In a timeline section, a column headed Time/Timestamp/When is the time column even when its cells do not read as times.
  const byHeader = zone !== 'open' && timeCol === -1 ? header.findIndex((h) => /^(?:time|timestamp|when|clock)\b/i.test(h.inline.text.trim())) : -1;
  if (timeCol === -1) timeCol = byHeader;
  // "| 15.15 | Feil påvist … |" in a timeline section: a column of dotted clocks is the time column (elsewhere, a
  // column of "1.12", "2.04" is versions or numbers).
  let dottedCol = -1;
  if (timeCol === -1 && zone !== 'open' && rows.length >= 2) for (let c = 0; c < width; c++) if (dottedShare[c] >= 0.5 && (dottedCol === -1 || dottedShare[c] > dottedShare[dottedCol])) dottedCol = c;
  if (timeCol === -1) timeCol = dottedCol;
  if (timeCol === -1) return;
  let dateCol = -1;
  for (let c = 0; c < width; c++) if (c !== timeCol && dateShare[c] >= 0.5 && (dateCol === -1 || dateShare[c] > dateShare[dateCol])) dateCol = c;
  const headerNames = header.map((h) => h.inline.text.toLowerCase());
  // "Event Type", "Source", "Severity" name a category of the event, not what happened.
  let descCol = headerNames.findIndex((n, c) => c !== timeCol && c !== dateCol && /\b(?:event|events|description|what|details?|activity|notes?|update|summary|message|action)\b/.test(n) && !/\b(?:type|types|kind|category|class|severity|source|status|owner|who)\b/.test(n));
  if (descCol === -1) {
    for (let c = 0; c < width; c++) if (c !== timeCol && c !== dateCol && (descCol === -1 || lengths[c] > lengths[descCol])) descCol = c;
  }
  // A table written without a header row has its first event in the header (`| Sun | Oct 31 | 21:33 | … |`).
  const headerExpr = header[timeCol] ? scan(header[timeCol].inline.text) : undefined;
  const headerIsEvent = headerExpr?.minutes !== undefined && headerExpr.start === 0;
  const headerZone = headerIsEvent ? undefined : header[timeCol] ? headerZoneOf(header[timeCol].inline.text) ?? (dateCol >= 0 && header[dateCol] ? headerZoneOf(header[dateCol].inline.text) : undefined) : undefined;
  const dataRows = headerIsEvent ? [header, ...rows] : rows;
  const headerSpan: [number, number] = [block.start, header.length ? header[header.length - 1].end : block.start];
  dataRows.forEach((row, index) => {
    const r = headerIsEvent ? index - 1 : index;
    const timeCell = row[timeCol];
    if (!timeCell || !timeCell.inline.text) return;
    const expr = scan(timeCell.inline.text) ?? (timeCol === byHeader ? scanCompactClock(timeCell.inline.text) : timeCol === dottedCol && DOTTED_CLOCK_CELL.test(timeCell.inline.text) ? scan(timeCell.inline.text.replace('.', ':')) : undefined);
    const [start, end] = r < 0 ? headerSpan : (block.rowSpans?.[r] ?? [block.start, block.end]);
    const desc: InlineText = descCol >= 0 && row[descCol] ? row[descCol].inline : { text: '', map: [0, start, 0], code: [], links: [], struck: false };
    // "+2 business days later": a date relative to the events above, not an event with a time.
    if (expr?.offsetDays !== undefined) return;
    if (!expr) {
      // Something stands in the time column that is not a time: unreadable only when it looks like one.
      if (/\d{1,2}:\d/.test(timeCell.inline.text) || timeCol === byHeader) out.push(unreadableCell(i, timeCell, desc, start, end, zone));
      return;
    }
    const dateCell = dateCol >= 0 ? row[dateCol] : undefined;
    const dateExpr = dateCell && dateCell.inline.text ? scan(dateCell.inline.text) : undefined;
    out.push({
      block: i,
      source: 'tableRow',
      expr,
      inline: timeCell.inline,
      desc,
      start,
      end,
      ...(dateExpr && hasDate(dateExpr) ? { dateExpr: { expr: dateExpr, inline: dateCell!.inline } } : {}),
      ...(headerZone ? { tableZone: headerZone } : {}),
      group: `t:${i}`,
      zone,
    });
  });
}

function unreadableCell(block: number, cell: TableCell, desc: InlineText, start: number, end: number, zone: Zone): Candidate {
  const text = cell.inline.text;
  return { block, source: 'tableRow', expr: { start: 0, end: text.length, coreStart: 0, coreEnd: text.length, approximate: false, placeholder: false, invalid: `\`${text}\` is not a time of day (expected HH:MM)` }, inline: cell.inline, desc, start, end, group: `t:${block}`, zone };
}

function headerZoneOf(header: string): string | undefined {
  const paren = /\(([^()]{1,30})\)/.exec(header);
  const candidates = [paren?.[1], ...header.split(/[\s,()/]+/)].filter((s): s is string => !!s);
  for (const c of candidates) {
    const z = c.trim();
    if (/^(?:in|and|date|time|timestamp|the)$/i.test(z)) continue;
    if (/^[A-Za-z]{1,5}(?:[+-]\d{1,2}(?::?\d{2})?)?$|^[+-]\d{2}:?\d{2}$|^[A-Z][a-z]+\/[A-Z][A-Za-z_]+$/.test(z) && z !== z.toLowerCase() && isKnownZone(z)) return z;
  }
  return undefined;
}

function readCode(i: number, block: Block, source: string, out: Candidate[]): void {
  const value = block.value ?? '';
  if (!value) return;
  // Code values do not carry a map: find the value in the source to place lines exactly.
  const at = source.indexOf(value.split('\n')[0], block.start);
  if (at === -1) return;
  let offset = at;
  // A timeline kept in a code block has several timed lines; one timed line is a log excerpt.
  const found: Candidate[] = [];
  for (const line of value.split('\n')) {
    const lineStart = source.indexOf(line, offset);
    if (lineStart === -1) break;
    offset = lineStart + line.length;
    const inline: InlineText = { text: line, map: [0, lineStart, line.length], code: [], links: [], struck: false };
    const expr = leadingTime(inline);
    if (expr && isEventExpr(expr) && expr.start <= 2) found.push({ block: i, source: 'code', expr, inline, desc: descriptionAfter(inline, expr.end), start: lineStart, end: lineStart + line.length, group: `c:${i}`, zone: 'timeline' });
  }
  if (found.length >= 2) pushAll(out, found);
}

/** A leading number is an event time only when it reads as one: a clock, or a date with a time. */
function looksLikeEventTime(expr: TimeExpr, text: string, zone: Zone): boolean {
  const strict = zone !== 'timeline' && zone !== 'labelled';
  // "+2 hours" starts an event only in a timeline ("+1 from me" is no time).
  if (expr.offsetMinutes !== undefined) return !strict;
  if (expr.placeholder) return !strict || /[:?]/.test(text.slice(expr.coreStart, expr.coreEnd));
  if (expr.minutes === undefined && !expr.invalid) return false;
  if (expr.invalid && strict) return false;
  // "3 pm" alone in a sentence is fine; "1. Something" is a numbered list (never reaches here: not a clock).
  return true;
}

// ── Runs ────────────────────────────────────────────────────────────────────────────────────────

/**
 * A date and time that the sentence itself leads to ("the review meeting is on March 10, 2023 at 10:00", "… window is March 12 at
 * 02:00"): part of what it says, not the update's stamp ("… back online. Oct 19, 2022 13:23 MDT", a shortcode's argument).
 */
const DATE_IN_SENTENCE = /\b(?:on|at|for|until|till|by|from|is|are|was|were|be|starting|between|before|after|of)\s*$/i;

/** The headings status pages give their updates. */
const STATUS_WORD = /^(?:investigating|identified|monitoring|update|updated|resolved|partially resolved|completed|scheduled|in progress|verifying|postmortem|post-mortem)$/i;

/** The group of the document's stamped status updates outside a timeline section. */
const STAMPED_UPDATES = 'u:stamped';

/**
 * Keeps every candidate of a timeline section; elsewhere keeps groups (a list, a table, a block of
 * lines, a section's paragraphs) with at least three events, or two that make up most of the group.
 * Content found outside timeline sections is only used when the timeline sections hold no events.
 */
function acceptRuns(candidates: Candidate[], blocks: Block[], sectionOf: Int32Array): Candidate[] {
  const labelled = candidates.filter((c) => c.zone === 'labelled');
  // Group sizes: items of each list, paragraphs of each section.
  const sizes = new Map<string, number>();
  blocks.forEach((b, i) => {
    const key = b.kind === 'listItem' && b.list !== undefined ? `l:${b.list}` : b.kind === 'paragraph' && b.listDepth === 0 ? `s:${sectionOf[i]}` : undefined;
    if (key) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  });
  const inTimeline = candidates.filter((c) => c.zone === 'timeline');
  const groups = new Map<string, Candidate[]>();
  for (const c of candidates) {
    if (c.zone !== 'open') continue;
    const list = groups.get(c.group);
    if (list) list.push(c);
    else groups.set(c.group, [c]);
  }
  // Updates stamped like the timeline section's ("## Update … {{< track >}}", then "## Postmortem … {{< track >}}") continue it.
  const stampedLog = inTimeline.some((c) => c.stamped);
  const open: Candidate[] = [];
  for (const [key, list] of groups) {
    const timed = list.filter((c) => c.expr.minutes !== undefined && !c.expr.invalid).length;
    if (timed >= 3 || (timed >= 2 && (key === STAMPED_UPDATES || groupShare(key, list, blocks, sizes) >= 0.5)) || (key === STAMPED_UPDATES && stampedLog)) pushAll(open, list.filter((c) => !c.expr.invalid));
  }
  // With a timeline section that holds events, dated runs elsewhere (an appendix, a chat log, the status page's own log of the
  // same moments) are not the timeline.
  const runs = inTimeline.some((c) => c.expr.minutes !== undefined) ? open.filter((c) => c.stamped && stampedLog) : open;
  return [...inTimeline, ...labelled, ...runs].sort((a, b) => a.start - b.start || a.block - b.block);
}

/** Share of a group's items that are events (list items of the same list, rows of the table). */
function groupShare(key: string, list: Candidate[], blocks: Block[], sizes: Map<string, number>): number {
  if (key.startsWith('l:') || key.startsWith('s:')) return list.length / (sizes.get(key) ?? list.length);
  if (key.startsWith('t:')) return list.length / Math.max(1, blocks[list[0].block].rows?.length ?? 1);
  return 0;
}

// ── Dates, zones, events ────────────────────────────────────────────────────────────────────────

function resolve(candidates: Candidate[], marks: DateMark[], statements: Array<{ block: number; zone: string }>, input: TimelineInput, sectionOf: Int32Array, twelveHour: boolean): TimelineReading {
  const { lines, problems } = input;
  const base = baseDate(input, candidates, marks);
  const events: TimelineEvent[] = [];
  const found: FoundPart[] = [];
  let previousDate: string | undefined;
  let previousMinutes: number | undefined;
  let previousMark: DateMark | undefined;
  const unknownReported = new Set<number>();
  const invalidMarks = new Set<DateMark>();
  const docZone = input.documentZone ?? input.defaultZone;
  const firstEventBlock = candidates[0]?.block ?? 0;
  // A zone statement applies to the events after it, and one in the timeline's first lines to the whole timeline.
  const statementFor = (block: number) => {
    let best: { block: number; zone: string } | undefined;
    for (const s of statements) if (s.block <= block) best = s;
    return best ?? statements.find((s) => s.block > block && s.block - firstEventBlock < 3);
  };
  const documentStatement = statementFor(firstEventBlock);
  let previousZone: string | undefined;
  const firstClock = candidates.findIndex((c) => c.expr.minutes !== undefined && !c.expr.invalid);
  let anchor: { minutes: number; date: string | undefined; zone: string | undefined; dateSource: TimelineEvent['dateSource']; zoneSource: TimelineEvent['zoneSource'] } | undefined;
  for (const c of candidates) {
    const mark = markFor(marks, c.block);
    const [timeStart, timeEnd] = sourceSpan(c.inline, c.expr.coreStart, c.expr.coreEnd);
    const descText = oneLineText(c.desc.text).replace(/\s+/g, ' ').trim();
    const [descStart, descEnd] = c.desc.text ? sourceSpan(c.desc, 0, c.desc.text.length) : [timeEnd, timeEnd];
    const { phase, text, source } = readPhase(descText);
    const event: TimelineEvent = {
      timeInvalid: false,
      text,
      phase,
      range: lines.range(c.start, c.end),
      timeRange: lines.range(timeStart, timeEnd),
      textRange: lines.range(descStart, Math.max(descStart, descEnd)),
      source: c.source,
      block: c.block,
      ...(source ? { phaseSource: source } : {}),
      ...(mark ? { day: mark.label } : {}),
      ...(c.expr.approximate ? { approximate: true } : {}),
    };
    if (c.expr.invalid) {
      event.timeInvalid = true;
      problems.push({ code: 'timeline-time-invalid', message: `${c.expr.invalid}.`, range: event.timeRange });
      events.push(event);
      continue;
    }
    // "+90 minutes": from the last event with a clock time (the table's or list's anchor).
    if (c.expr.offsetMinutes !== undefined && anchor) {
      const total = anchor.minutes + c.expr.offsetMinutes;
      const date = anchor.date ? addDays(anchor.date, Math.floor(total / 1440)) : undefined;
      event.time = makeTime(input.doc.text.slice(timeStart, timeEnd), total % 1440, date, anchor.zone);
      event.relative = true;
      // The next clock time follows this one ("09:00" after "+25h" from 23:10 is on the day after).
      if (date) previousDate = date;
      previousMinutes = total % 1440;
      if (anchor.dateSource) event.dateSource = anchor.dateSource;
      if (anchor.zoneSource) event.zoneSource = anchor.zoneSource;
      events.push(event);
      continue;
    }
    if (c.expr.placeholder || c.expr.minutes === undefined) {
      event.timeUnknown = true;
      const section = sectionOf[c.block];
      if (!unknownReported.has(section)) {
        unknownReported.add(section);
        // An offset is timed once a clock time came before it (see `anchor`).
        const count = candidates.filter((o, k) => sectionOf[o.block] === section && (o.expr.placeholder || o.expr.minutes === undefined) && !o.expr.invalid && (o.expr.offsetMinutes === undefined || firstClock === -1 || k < firstClock)).length;
        problems.push({ code: 'timeline-time-unknown', message: count > 1 ? `${count} events have no time yet: fill in the times.` : 'This event has no time yet: fill in the time.', range: event.timeRange });
      }
      events.push(event);
      continue;
    }
    // Date: on the event (or its date column), else the day heading or date line above, else the previous event's.
    const own = hasDate(c.expr) ? c.expr : c.dateExpr?.expr;
    let minutes = c.expr.minutes;
    let endMinutes = c.expr.endMinutes;
    const afternoon = minutes + 12 * 60;
    // Where clocks are written with am/pm, "1:17" after "11:57" is 13:17, not a step back of ten hours.
    if (twelveHour && !c.expr.meridiem && !own && previousMinutes !== undefined && previousMinutes >= 11 * 60 && minutes >= 60 && minutes < 12 * 60 && afternoon >= previousMinutes && afternoon - previousMinutes <= 6 * 60) {
      minutes = afternoon;
      if (endMinutes !== undefined && endMinutes >= 60 && endMinutes < 12 * 60) endMinutes += 12 * 60;
    }
    let date: string | undefined;
    let dateSource: TimelineEvent['dateSource'];
    if (own) {
      date = isoOf(own, previousDate ?? base);
      dateSource = 'event';
    } else if (mark && mark !== previousMark) {
      const day = mark.expr ? undefined : dayOf(mark, base);
      if (day?.invalid && !invalidMarks.has(mark)) {
        invalidMarks.add(mark);
        problems.push({ code: 'timeline-time-invalid', message: `${day.invalid}.`, range: lines.range(input.doc.blocks[mark.block].start, input.doc.blocks[mark.block].end) });
      }
      date = mark.expr ? isoOf(mark.expr, previousDate ?? base) : day?.date;
      dateSource = 'heading';
    }
    if (!date) {
      date = previousDate ?? base;
      dateSource = previousDate ? 'previous' : base ? 'document' : undefined;
      // 23:30 followed by 00:15 is the next day; a small step back is an ordering mistake.
      if (date && previousDate && previousMinutes !== undefined && previousMinutes - minutes >= 12 * 60) date = addDays(date, 1);
    }
    previousMark = mark ?? previousMark;
    previousDate = date;
    previousMinutes = minutes;
    // Zone: on the event, the table header, a statement, the document.
    let zone = c.expr.zone ? normalizeZone(c.expr.zone) : undefined;
    let zoneSource: TimelineEvent['zoneSource'] = zone ? 'event' : undefined;
    if (!zone && c.tableZone) {
      zone = c.tableZone;
      zoneSource = 'table';
    }
    if (!zone) {
      const statement = statementFor(c.block);
      if (statement) {
        zone = statement.zone;
        zoneSource = 'statement';
      }
    }
    // A zone written on the events before applies until another is written ("16:37 Denver", then "20:09").
    if (!zone && previousZone) {
      zone = previousZone;
      zoneSource = 'previous';
    }
    if (!zone && docZone) {
      zone = docZone;
      zoneSource = input.documentZone ? 'document' : 'settings';
    }
    if (zoneSource === 'event') previousZone = zone;
    if (zone && !isKnownZone(zone)) zone = cityZone(zone) ?? zone;
    const raw = input.doc.text.slice(timeStart, timeEnd);
    const time: TimeValue = makeTime(raw, minutes, date, zone);
    event.time = time;
    if (endMinutes !== undefined) event.endTime = makeTime(raw, endMinutes, endMinutes < minutes && date ? addDays(date, 1) : date, zone);
    if (dateSource) event.dateSource = dateSource;
    if (zoneSource) event.zoneSource = zoneSource;
    anchor = { minutes, date, zone, dateSource, zoneSource };
    events.push(event);
  }
  const first = events[0];
  if (first) {
    found.push({ kind: 'timeline', how: 'content', block: first.block, label: `${events.length} event${events.length === 1 ? '' : 's'}` });
  }
  const reading: PostmortemDocument['reading'] = {};
  if (base) reading.baseDate = { date: base, from: input.baseDate ? 'frontMatter' : baseFromTitle(input) ? 'title' : 'firstDate' };
  if (documentStatement) reading.zone = { zone: documentStatement.zone, from: 'statement', line: lines.positionAt(input.doc.blocks[documentStatement.block].start).line };
  else if (docZone) reading.zone = { zone: docZone, from: input.documentZone ? 'document' : 'settings' };
  return { events, found, reading };
}

/** Longest incident a "Day N" heading can count (about three years); beyond is a typo or hostile input. */
const MAX_DAY_NUMBER = 999;

/** The date of a "Day N" heading (N counted from the base date), or why it has none. */
function dayOf(mark: DateMark, base: string | undefined): { date?: string; invalid?: string } | undefined {
  if (mark.dayNumber === undefined) return undefined;
  const n = mark.dayNumber;
  if (!Number.isSafeInteger(n) || n < 1 || n > MAX_DAY_NUMBER) return { invalid: `Day ${n} is not a day of an incident (expected Day 1 to Day ${MAX_DAY_NUMBER})` };
  if (!base) return {};
  const date = addDays(base, n - 1);
  // addDays stays inside years 1000–9999 and returns the base day beyond them.
  if (date === base && n > 1) return { invalid: `Day ${n} after ${base} is past the year 9999` };
  return { date };
}

function markFor(marks: DateMark[], block: number): DateMark | undefined {
  let best: DateMark | undefined;
  for (const m of marks) if (m.from <= block && block < m.to && (!best || m.block > best.block)) best = m;
  return best;
}

/** ISO date of an expression; a year-less date takes the year of the reference date (the next one when it would go back by months). */
function isoOf(expr: TimeExpr, reference: string | undefined): string | undefined {
  if (expr.month === undefined || expr.day === undefined || expr.invalid) return undefined;
  let year = expr.year;
  if (year === undefined) {
    if (!reference) return undefined;
    const [ry, rm] = reference.split('-').map(Number);
    year = expr.month < rm - 6 ? ry + 1 : ry;
  }
  if (year < 1000 || year > 9999) return undefined;
  return isoDate(year, expr.month, expr.day);
}

function baseFromTitle(input: TimelineInput): string | undefined {
  if (!input.title) return undefined;
  for (let p = 0; p < input.title.length; p++) {
    if (p > 0 && !/[\s(,–—-]/.test(input.title[p - 1])) continue;
    const expr = scan(input.title, p);
    if (expr && hasDate(expr) && expr.year !== undefined && !expr.invalid) return isoOf(expr, undefined);
  }
  return undefined;
}

function baseDate(input: TimelineInput, candidates: Candidate[], marks: DateMark[]): string | undefined {
  if (input.baseDate) return input.baseDate;
  const fromTitle = baseFromTitle(input);
  if (fromTitle) return fromTitle;
  for (const c of candidates) {
    const expr = hasDate(c.expr) ? c.expr : c.dateExpr?.expr;
    if (expr && expr.year !== undefined && !expr.invalid) return isoOf(expr, undefined);
  }
  for (const m of marks) if (m.expr && m.expr.year !== undefined && !m.expr.invalid) return isoOf(m.expr, undefined);
  return undefined;
}

