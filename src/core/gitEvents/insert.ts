// Where and how repository events go into a post-mortem's timeline: in the document's own form (a list
// line, a table row, a line under the right day heading), in its time zone, in order with the events
// already there. The result is text edits, like the fixes in ../features.
import type { PostmortemDocument, Position, Section, TimelineEvent } from '../model/types';
import type { TextEdit } from '../rules/types';
import { eol } from '../model/text';
import { readPhase } from '../model/timeline';
import { zoneOffsetMinutes } from '../model/time';
import { hasDate, scanTime } from '../model/timeExpr';
import type { RepoEvent } from './git';

/** The default window around an incident: started − 6 h to resolved; `missing` names what the document lacks. */
export interface EventWindow {
  since?: string;
  until?: string;
  missing: Array<'started' | 'resolved'>;
}

export const WINDOW_LEAD_HOURS = 6;

export function defaultWindow(doc: PostmortemDocument): EventWindow {
  const started = doc.metadata.started?.value ?? doc.metrics.started;
  const resolved = doc.metadata.resolved?.value ?? doc.metrics.resolved;
  const window: EventWindow = { missing: [] };
  if (started?.instant !== undefined) window.since = new Date(started.instant - WINDOW_LEAD_HOURS * 3600_000).toISOString();
  else window.missing.push('started');
  if (resolved?.instant !== undefined) window.until = new Date(resolved.instant).toISOString();
  else window.missing.push('resolved');
  return window;
}

/**
 * A window bound typed by a person: `2026-03-14 13:05`, `2026-03-14T13:05+01:00`, `14:05 UTC`
 * (clock-only takes `date`), read in `zone` when it names none. An ISO instant, or a reason.
 */
export function parseWindowBound(text: string, zone: string | undefined, date?: string): { ok: true; iso: string } | { ok: false; reason: string } {
  // Typed by a user: one space for each run of blanks keeps the patterns below linear.
  const raw = text.trim().replace(/\s+/g, ' ').slice(0, 200);
  if (!raw) return { ok: false, reason: 'Enter a date and time, e.g. 2026-03-14 13:05' };
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i.test(raw)) {
    const t = Date.parse(raw);
    return Number.isFinite(t) ? { ok: true, iso: new Date(t).toISOString() } : { ok: false, reason: `${raw} is not a real time` };
  }
  const m = /^(?:(\d{4})-(\d{1,2})-(\d{1,2})(?:T ?| |$))?(?:(\d{1,2}):(\d{2}))? ?([A-Za-z][\w/+-]*|[+-]\d{2}:?\d{2})?$/.exec(raw);
  if (!m || (!m[1] && !m[4])) return { ok: false, reason: 'Expected a date and time such as 2026-03-14 13:05 (optionally with a zone: UTC, +01:00, Europe/Berlin)' };
  const day = m[1] ? `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}` : date;
  if (!day) return { ok: false, reason: 'The document has no date: write the date too, e.g. 2026-03-14 13:05' };
  const [y, mo, d] = day.split('-').map(Number);
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return { ok: false, reason: `${day} is not a real date` };
  const hours = m[4] ? +m[4] : 0;
  const minutes = m[5] ? +m[5] : 0;
  if (hours > 23 || minutes > 59) return { ok: false, reason: `${m[4]}:${m[5]} is not a time of day` };
  const zoneText = m[6] ?? zone ?? 'UTC';
  const wall = Date.UTC(y, mo - 1, d, hours, minutes);
  let offset = zoneOffsetMinutes(zoneText, wall);
  if (offset === undefined) return { ok: false, reason: `Unknown time zone ${zoneText}` };
  offset = zoneOffsetMinutes(zoneText, wall - offset * 60000) ?? offset;
  return { ok: true, iso: new Date(wall - offset * 60000).toISOString() };
}

/** One event as it would be inserted. */
export interface PlannedEvent {
  event: RepoEvent;
  /** Line text as inserted (a list line, a table row). */
  line: string;
  /** Local date and clock in the document's zone. */
  date: string;
  clock: string;
  zone: string;
}

export interface Insertion {
  edits: TextEdit[];
  planned: PlannedEvent[];
  /** The form the lines were written in. */
  form: 'list' | 'table' | 'lines' | 'headings' | 'new-section';
  zone: string;
}

interface Local {
  instant: number;
  date: string;
  clock: string;
  minutes: number;
}

/** The description of an event: kind, short hash (linked when the remote is known), subject, author. */
export function describeEvent(e: RepoEvent, table = false): string {
  const hash = e.url ? `[\`${e.shortHash}\`](${e.url})` : `\`${e.shortHash}\``;
  const word = e.kind === 'merge' ? 'Merged' : e.kind === 'tag' ? 'Tagged' : 'Committed';
  const author = e.author ? ` (${escapeMarkdown(e.author, table)})` : '';
  return `${word} ${hash}: ${escapeMarkdown(e.subject, table)}${author}`;
}

/** Plain text from git in markdown: no markup, no HTML, no table cell breaks, no phase tags. */
export function escapeMarkdown(text: string, table = false): string {
  // A `[resolved]` in a commit subject must not set the incident's key times: it becomes `(resolved)`.
  const one = text.replace(/[\r\n\t]+/g, ' ').replace(/\[([^\][]{1,30})\]/g, (m, word: string) => (readPhase(m).source === 'tag' ? `(${word})` : m));
  // `|` only ends a cell in a table, but escaped it reads the same everywhere.
  void table;
  return one.replace(/[\\`*_[\]<>#~|!&$]/g, (c) => (c === '&' ? '&amp;' : `\\${c}`));
}

/** Computes the insertion of `events` into the document's timeline. */
export function planInsertion(doc: PostmortemDocument, events: RepoEvent[], options: { zone?: string } = {}): Insertion {
  const nl = eol(doc);
  const timed = doc.timeline.filter((e) => e.time && !e.timeInvalid && !e.timeUnknown);
  const templates = doc.timeline.filter((e) => !e.timeInvalid && e.range.start.line === e.range.end.line && e.source !== 'heading' && e.source !== 'code');
  const template = mostCommon(templates.filter((e) => !e.timeUnknown)) ?? mostCommon(templates);
  const zone = options.zone ?? template?.time?.zone ?? timed[0]?.time?.zone ?? doc.reading.zone?.zone ?? 'UTC';
  const zoneWritten = !template || template.zoneSource === 'event' || (!template.time?.zone && !doc.reading.zone);
  const locals = events
    .map((event) => ({ event, local: localTime(event.time, zone) }))
    .filter((x): x is { event: RepoEvent; local: Local } => !!x.local)
    .sort((a, b) => a.local.instant - b.local.instant);
  const headings = !!template && template.dateSource === 'heading' && template.day !== undefined;
  const form: Insertion['form'] = !template ? 'new-section' : headings ? 'headings' : template.source === 'tableRow' ? 'table' : template.source === 'listItem' ? 'list' : 'lines';
  const inserts: Array<{ at: Position; before: boolean; text: string; order: number; raw?: boolean }> = [];
  const dated = new Set<TimelineEvent>();
  const planned: PlannedEvent[] = [];
  const sameForm = template ? timed.filter((e) => e.source === template.source && (template.source !== 'tableRow' || e.block === template.block)) : [];
  const newHeadings = new Map<string, { at: Position; before: boolean; lines: string[]; depth: number; order: number }>();

  locals.forEach(({ event, local }, order) => {
    const zoneSuffix = zoneWritten ? zoneSuffixFor(template, zone) : '';
    if (!template) {
      const line = `- ${local.date} ${local.clock}${zoneSuffix} — ${describeEvent(event)}`;
      planned.push({ event, line, date: local.date, clock: local.clock, zone });
      return;
    }
    let candidates = sameForm;
    if (headings) {
      candidates = sameForm.filter((e) => e.time?.date === local.date);
      if (candidates.length === 0) {
        const line = formatLine(doc, template, local, zoneSuffix, false, event);
        planned.push({ event, line, date: local.date, clock: local.clock, zone });
        const section = daySection(doc, local.date);
        if (section) {
          inserts.push({ at: afterLine(doc, lastContentLine(doc, section)), before: false, text: line, order });
          return;
        }
        const existing = newHeadings.get(local.date);
        if (existing) existing.lines.push(line);
        else newHeadings.set(local.date, { ...headingPlace(doc, template, local.date), lines: [line], order });
        return;
      }
    }
    // After the last event at or before it, else before the first one.
    let anchor: TimelineEvent | undefined;
    for (const e of candidates) if (compare(e, local) <= 0) anchor = e;
    const before = !anchor;
    const target = anchor ?? candidates[0] ?? template;
    const neighbourDate = target.time?.date;
    const needDate = !headings && (hasWrittenDate(template) || (neighbourDate !== undefined && neighbourDate !== local.date));
    const line = formatLine(doc, template, local, zoneSuffix, needDate, event, target);
    planned.push({ event, line, date: local.date, clock: local.clock, zone });
    inserts.push(before ? { at: { line: target.range.start.line, character: 0 }, before: true, text: line, order } : { at: afterLine(doc, target.range.end.line), before: false, text: line, order });
    // A clock-only event after a new line of another day would take that day: its own date is written.
    const next = before ? target : candidates[candidates.indexOf(target) + 1];
    if (needDate && next?.time?.date && next.time.date !== local.date && (next.dateSource === 'previous' || next.dateSource === 'document') && !dated.has(next)) {
      dated.add(next);
      inserts.push({ at: next.timeRange.start, before: true, text: `${next.time.date} `, order: Number.MAX_SAFE_INTEGER, raw: true });
    }
  });

  const edits: TextEdit[] = [];
  if (!template) {
    if (planned.length) {
      const section = doc.allSections.find((s) => s.kind === 'timeline');
      const lines = planned.map((p) => p.line);
      if (section) {
        const at = afterLine(doc, lastContentLine(doc, section));
        const text = lines.join(nl) + nl;
        edits.push(insertEdit(doc, at, section.range.end.line === section.headingRange.end.line ? `${nl}${text}` : text));
      } else {
        const end = endPosition(doc);
        const lead = doc.text.length === 0 ? '' : doc.text.endsWith('\n') ? nl : nl + nl;
        edits.push({ range: { start: end, end }, newText: `${lead}## Timeline${nl}${nl}${lines.join(nl)}${nl}` });
      }
    }
    return { edits, planned, form, zone };
  }
  for (const [date, h] of newHeadings) {
    const marks = '#'.repeat(h.depth);
    const block = `${marks} ${date}${nl}${nl}${h.lines.join(nl)}${nl}`;
    inserts.push({ at: h.at, before: h.before, text: h.before ? `${block}${nl}` : `${nl}${block}`, order: h.order });
  }
  // One edit per position, the lines in time order.
  const byPosition = new Map<string, typeof inserts>();
  for (const i of inserts) {
    const key = `${i.at.line}:${i.at.character}`;
    const list = byPosition.get(key);
    if (list) list.push(i);
    else byPosition.set(key, [i]);
  }
  for (const list of byPosition.values()) {
    list.sort((a, b) => a.order - b.order);
    const text = list.map((i) => (i.raw || i.text.endsWith(nl) || i.text.startsWith(nl) ? i.text : i.text + nl)).join('');
    edits.push(insertEdit(doc, list[0].at, text));
  }
  edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { edits, planned, form, zone };
}

/** An insertion at `at`; at the end of a document without a final line break, the break comes first. */
function insertEdit(doc: PostmortemDocument, at: Position, text: string): TextEdit {
  const nl = eol(doc);
  if (at.line >= doc.lineCount) {
    const end = endPosition(doc);
    const body = text.endsWith(nl) ? text.slice(0, -nl.length) : text;
    return { range: { start: end, end }, newText: (doc.text.endsWith('\n') ? '' : nl) + body + (doc.text.endsWith('\n') ? nl : '') };
  }
  return { range: { start: at, end: at }, newText: text };
}

function endPosition(doc: PostmortemDocument): Position {
  const last = doc.lineCount - 1;
  return { line: Math.max(0, last), character: doc.text.length - (doc.lineStarts[last] ?? 0) };
}

/** The start of the line after `line` (may be past the end: insertEdit handles it). */
function afterLine(_doc: PostmortemDocument, line: number): Position {
  return { line: line + 1, character: 0 };
}

function lineText(doc: PostmortemDocument, line: number): string {
  const start = doc.lineStarts[line] ?? doc.text.length;
  const end = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] : doc.text.length;
  return doc.text.slice(start, end).replace(/\r?\n$/, '');
}

/** The last non-blank line of a section (its heading when the body is empty). */
function lastContentLine(doc: PostmortemDocument, section: Section): number {
  let line = Math.min(section.range.end.line, doc.lineCount - 1);
  if (section.range.end.character === 0 && line > section.headingRange.end.line) line--;
  while (line > section.headingRange.end.line && !lineText(doc, line).trim()) line--;
  return line;
}

function mostCommon(events: TimelineEvent[]): TimelineEvent | undefined {
  if (events.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const e of events) counts.set(e.source, (counts.get(e.source) ?? 0) + 1);
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
  return events.find((e) => e.source === best);
}

function localTime(iso: string, zone: string): Local | undefined {
  const instant = Date.parse(iso);
  if (!Number.isFinite(instant)) return undefined;
  const offset = zoneOffsetMinutes(zone, instant) ?? 0;
  const wall = new Date(instant + offset * 60000).toISOString();
  const minutes = Number(wall.slice(11, 13)) * 60 + Number(wall.slice(14, 16));
  return { instant, date: wall.slice(0, 10), clock: wall.slice(11, 16), minutes };
}

/** An existing event against a new one: by instant when both have one, else by clock. */
function compare(e: TimelineEvent, local: Local): number {
  const t = e.time!;
  if (t.instant !== undefined) return t.instant - local.instant;
  return t.minutes - local.minutes;
}

function hasWrittenDate(template: TimelineEvent): boolean {
  return template.dateSource === 'event' && !!template.time && /\d{4}-\d{1,2}-\d{1,2}/.test(template.time.raw);
}

/** The zone as the template writes it after the clock (`14:02 UTC` → ` UTC`, `14:02Z` → `Z`). */
function zoneSuffixFor(template: TimelineEvent | undefined, zone: string): string {
  if (template?.zoneSource === 'event' && template.time) {
    const m = /\d{1,2}:\d{2}(?::\d{2})?(\s*[ap]\.?m\.?)?(\s*\S.*)?$/i.exec(template.time.raw);
    if (m?.[2] && !/^\s*[ap]\.?m/i.test(m[2])) return m[2];
  }
  return ` ${/^(?:z|utc)$/i.test(zone) ? 'UTC' : zone}`;
}

/** The new event written like the template: same bullet and separators, or the same table columns. */
function formatLine(doc: PostmortemDocument, template: TimelineEvent, local: Local, zoneSuffix: string, needDate: boolean, event: RepoEvent, neighbour?: TimelineEvent): string {
  const written = template.time ? /\d{4}-\d{1,2}-\d{1,2}/.exec(template.time.raw) : null;
  const sep = template.time && /\d{4}-\d{1,2}-\d{1,2}T/.test(template.time.raw) ? 'T' : ' ';
  const time = `${written || needDate ? `${local.date}${sep}` : ''}${local.clock}${zoneSuffix}`;
  const src = lineText(doc, template.range.start.line);
  const lineStart = doc.lineStarts[template.range.start.line];
  if (template.source === 'tableRow') return tableRow(src, template, time, local, event, lineStart);
  void neighbour;
  const timeStart = template.timeRange.start.character;
  const timeEnd = template.timeRange.end.line === template.range.start.line ? template.timeRange.end.character : timeStart;
  const textStart = template.textRange.start.line === template.range.start.line && template.textRange.start.character >= timeEnd ? template.textRange.start.character : src.length;
  let prefix = src.slice(0, timeStart).replace(/~\s*$/, '');
  // A checkbox or phase tag before the time belongs to that event, not to the form.
  prefix = prefix.replace(/\[[ xX]\]\s*$/, '');
  let between = src.slice(timeEnd, textStart);
  // Any zone written after the time is already in `time`.
  between = between.replace(/^\s*(?:Z\b|UTC\b|GMT\b|[A-Z]{2,5}\b|[+-]\d{2}:?\d{2})/, '');
  if (!between.trim() && !/\s$/.test(between)) between = ' — ';
  if (!/\s$/.test(between) && !/[(]$/.test(between)) between += ' ';
  return `${prefix}${time}${between}${describeEvent(event)}`;
}

function tableRow(src: string, template: TimelineEvent, time: string, local: Local, event: RepoEvent, _lineStart: number): string {
  const cells = splitRow(src);
  const timeAt = template.timeRange.start.character;
  const textAt = template.textRange.start.character;
  const timeCell = cells.findIndex((c) => c.start <= timeAt && timeAt <= c.end);
  let textCell = template.textRange.start.line === template.range.start.line ? cells.findIndex((c) => c.start <= textAt && textAt <= c.end && textAt !== timeAt) : -1;
  if (textCell === -1 || textCell === timeCell) textCell = cells.length - 1 === timeCell ? -1 : cells.length - 1;
  const parts = cells.map((c, k) => {
    if (k === timeCell) return ` ${time.trim()} `;
    if (k === textCell) return ` ${describeEvent(event, true)} `;
    const content = c.text.trim();
    const expr = content ? scanTime(content) : undefined;
    if (expr && hasDate(expr) && expr.minutes === undefined) return ` ${local.date} `;
    return ' ';
  });
  const lead = /^\s*\|/.test(src) ? `${/^\s*/.exec(src)![0]}|` : '';
  const tail = /\|\s*$/.test(src) ? '|' : '';
  return `${lead}${parts.join('|')}${tail}`;
}

/** Cells of a table row line: text and character span, escaped pipes kept inside. */
function splitRow(src: string): Array<{ text: string; start: number; end: number }> {
  const cells: Array<{ text: string; start: number; end: number }> = [];
  let p = 0;
  while (p < src.length && /\s/.test(src[p])) p++;
  if (src[p] === '|') p++;
  let start = p;
  let inCode = false;
  for (; p <= src.length; p++) {
    const c = src[p];
    if (c === '`') inCode = !inCode;
    if (p === src.length || (c === '|' && src[p - 1] !== '\\' && !inCode)) {
      const text = src.slice(start, p);
      if (p < src.length || text.trim()) cells.push({ text, start, end: p });
      start = p + 1;
    }
  }
  return cells;
}

/** A day section whose heading is `date` (any date form the reader understands). */
function daySection(doc: PostmortemDocument, date: string): Section | undefined {
  return doc.allSections.find((s) => headingDate(s.heading, date) === date);
}

function headingDate(heading: string, reference: string): string | undefined {
  const expr = scanTime(heading.trim());
  if (!expr || !hasDate(expr) || expr.minutes !== undefined || expr.month === undefined || expr.day === undefined) return undefined;
  const year = expr.year ?? Number(reference.slice(0, 4));
  return `${String(year).padStart(4, '0')}-${String(expr.month).padStart(2, '0')}-${String(expr.day).padStart(2, '0')}`;
}

/** Where a new day heading goes: before the first later day section, else after the last earlier one. */
function headingPlace(doc: PostmortemDocument, template: TimelineEvent, date: string): { at: Position; before: boolean; depth: number } {
  const days = doc.allSections.map((s) => ({ s, d: headingDate(s.heading, date) })).filter((x): x is { s: Section; d: string } => !!x.d);
  const templateSection = days.find((x) => x.s.range.start.line <= template.range.start.line && template.range.start.line <= x.s.range.end.line);
  const depth = templateSection?.s.depth ?? 3;
  const same = days.filter((x) => x.s.depth === depth);
  const later = same.find((x) => x.d > date);
  if (later) return { at: { line: later.s.headingRange.start.line, character: 0 }, before: true, depth };
  const earlier = same.filter((x) => x.d < date).pop() ?? templateSection;
  return { at: afterLine(doc, earlier ? lastContentLine(doc, earlier.s) : template.range.end.line), before: false, depth };
}
