import type { List, ListItem, Table, TableRow, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ModelProblem, Phase, TimelineEvent, TimeValue } from './types';
import type { LineIndex } from './text';
import { addDays, isKnownZone, makeTime, parseClock, parseDate, ZONE_SOURCE } from './time';
import { cellContent, type Located, nodeEnd, nodeStart } from './nodes';

const PHASE_WORDS: Record<string, Phase> = {
  started: 'started', start: 'started', began: 'started', begin: 'started', 'impact start': 'started', 'impact started': 'started', trigger: 'started',
  detected: 'detected', detection: 'detected', alerted: 'detected', identified: 'detected',
  mitigated: 'mitigated', mitigation: 'mitigated', contained: 'mitigated',
  resolved: 'resolved', resolution: 'resolved', closed: 'resolved', recovered: 'resolved', 'all clear': 'resolved',
};
const PHASE_ALTERNATION = Object.keys(PHASE_WORDS).sort((a, b) => b.length - a.length).join('|');
const PHASE_TAG = new RegExp(String.raw`\[(${PHASE_ALTERNATION})\]\s*`, 'i');
const PHASE_LEAD = new RegExp(String.raw`^(${PHASE_ALTERNATION})\s*[:—–-]\s*`, 'i');

/** `- **2026-03-14 14:02 UTC** — text`: optional date, a clock time (valid or not), optional zone, a separator. */
const EVENT_LINE = new RegExp(
  String.raw`^(\*\*|__|\x60)?((?:(\d{4}-\d{1,2}-\d{1,2})(?:[T ]|,\s*))?(\d{1,2}:\d{2}(?::\d{2})?(?:\s?[ap]\.?m\.?)?)(?:\s?(${ZONE_SOURCE}))?)(?:\*\*|__|\x60)?(?:\s*(?:—|–|--|-|:|\|)\s*|\s+|$)`,
  'i',
);
const ALL_TIMES = new RegExp(String.raw`\b(?:all\s+)?times?\s+(?:are\s+)?(?:in\s+)?(${ZONE_SOURCE}|[A-Za-z_]+\/[A-Za-z_]+)\b`, 'i');
const DAY_HEADING = /^(?:day\s+(\d+)|(\d{4}-\d{1,2}-\d{1,2})|(.*\d{4}.*))/i;

export interface TimelineContext {
  lines: LineIndex;
  problems: ModelProblem[];
  baseDate?: string;
  zone?: string;
}

interface Pending {
  event: TimelineEvent;
  clockMinutes?: number;
  /** Date written on the event itself. */
  explicitDate?: string;
  /** Date of the day subheading above the event. */
  dayDate?: string;
  zone?: string;
}

export function readPhase(text: string): { phase: Phase | null; text: string } {
  const tag = PHASE_TAG.exec(text);
  if (tag) return { phase: PHASE_WORDS[tag[1].toLowerCase()], text: (text.slice(0, tag.index) + text.slice(tag.index + tag[0].length)).trim() };
  const lead = PHASE_LEAD.exec(text);
  if (lead) return { phase: PHASE_WORDS[lead[1].toLowerCase()], text: text.trim() };
  return { phase: null, text: text.trim() };
}

/** Extracts events from the blocks of a timeline section (headings included, for day labels). */
export function extractTimeline(blocks: Located<RootContent>[], ctx: TimelineContext): TimelineEvent[] {
  const pending: Pending[] = [];
  let dayLabel: string | undefined;
  let dayDate: string | undefined;
  let sectionZone = ctx.zone;
  for (const { node, offset } of blocks) {
    if (node.type === 'heading') {
      const label = toString(node).trim();
      const m = DAY_HEADING.exec(label);
      if (m) {
        dayLabel = label;
        if (m[1] && ctx.baseDate) dayDate = addDays(ctx.baseDate, Number(m[1]) - 1);
        else if (m[2]) dayDate = parseDate(m[2], false)?.ok ? (parseDate(m[2], false) as { iso: string }).iso : dayDate;
        else if (m[3]) {
          const tolerant = parseDate(m[3].replace(/^[A-Za-z]+day,?\s+/i, ''), true);
          if (tolerant?.ok) dayDate = tolerant.iso;
        }
      }
    } else if (node.type === 'paragraph') {
      const zone = ALL_TIMES.exec(toString(node));
      if (zone && isKnownZone(zone[1])) sectionZone = zone[1];
    } else if (node.type === 'list') {
      for (const item of (node as List).children) {
        const event = readListEvent(item, offset, ctx, sectionZone);
        if (event) pending.push({ ...event, event: { ...event.event, ...(dayLabel ? { day: dayLabel } : {}) }, dayDate });
      }
    } else if (node.type === 'table') {
      for (const event of readTableEvents(node as Table, offset, ctx, sectionZone)) {
        pending.push({ ...event, event: { ...event.event, ...(dayLabel ? { day: dayLabel } : {}) }, dayDate });
      }
    }
  }
  return resolveDates(pending, ctx);
}

function readListEvent(item: ListItem, chunkOffset: number, ctx: TimelineContext, zone: string | undefined): Pending | undefined {
  const first = item.children[0];
  if (!first || first.type !== 'paragraph') return undefined;
  const start = nodeStart(first, chunkOffset);
  const end = nodeEnd(first, chunkOffset);
  const raw = ctx.lines.text.slice(start, end);
  const m = EVENT_LINE.exec(raw);
  if (!m) return undefined;
  const timeStart = start + (m[1]?.length ?? 0);
  const timeEnd = timeStart + m[2].length;
  const descStart = start + m[0].length;
  const itemStart = nodeStart(item, chunkOffset);
  const itemEnd = nodeEnd(item, chunkOffset);
  return buildEvent({ ctx, dateText: m[3], clockText: m[4], zoneText: m[5], timeText: m[2], timeStart, timeEnd, descText: raw.slice(m[0].length), descStart, descEnd: end, itemStart, itemEnd, zone });
}

const TIME_COLUMN = /^(?:time|timestamp|when|time\s*\(([^)]*)\)|clock)$/i;
const DATE_COLUMN = /^(?:date|day)$/i;
const EVENT_COLUMN = /^(?:event|events|description|what|what happened|details?|action|activity|notes?)$/i;

function readTableEvents(table: Table, chunkOffset: number, ctx: TimelineContext, zone: string | undefined): Pending[] {
  const [header, ...rows] = table.children;
  if (!header) return [];
  const names = header.children.map((cell) => toString(cell).trim());
  const timeCol = names.findIndex((n) => TIME_COLUMN.test(n));
  if (timeCol === -1) return [];
  const headerZone = TIME_COLUMN.exec(names[timeCol])?.[1];
  const tableZone = headerZone && isKnownZone(headerZone) ? headerZone : zone;
  const dateCol = names.findIndex((n) => DATE_COLUMN.test(n));
  let eventCol = names.findIndex((n) => EVENT_COLUMN.test(n));
  if (eventCol === -1) eventCol = names.findIndex((_, i) => i !== timeCol && i !== dateCol);
  const events: Pending[] = [];
  for (const row of rows) {
    const pending = readTableRow(row, chunkOffset, ctx, tableZone, timeCol, dateCol, eventCol);
    if (pending) events.push(pending);
  }
  return events;
}

function readTableRow(row: TableRow, chunkOffset: number, ctx: TimelineContext, zone: string | undefined, timeCol: number, dateCol: number, eventCol: number): Pending | undefined {
  const timeCell = cellContent(row, timeCol, chunkOffset, ctx.lines.text);
  if (!timeCell || !timeCell.text) return undefined;
  const bare = timeCell.text.replace(/^(\*\*|__|`)(.*)\1$/, '$2');
  const inset = timeCell.text.indexOf(bare);
  const m = EVENT_LINE.exec(bare);
  const event = eventCol >= 0 ? cellContent(row, eventCol, chunkOffset, ctx.lines.text) : undefined;
  const dateCell = dateCol >= 0 ? cellContent(row, dateCol, chunkOffset, ctx.lines.text) : undefined;
  const rowStart = nodeStart(row, chunkOffset);
  const rowEnd = nodeEnd(row, chunkOffset);
  if (!m) {
    // A time cell we cannot read at all is still an event, flagged as unreadable.
    const timeStart = timeCell.start + inset;
    return buildEvent({ ctx, clockText: bare, timeText: bare, timeStart, timeEnd: timeStart + bare.length, descText: event?.text ?? '', descStart: event?.start ?? rowStart, descEnd: event?.end ?? rowEnd, itemStart: rowStart, itemEnd: rowEnd, zone, unreadable: true });
  }
  return buildEvent({
    ctx,
    dateText: m[3] ?? dateCell?.text,
    clockText: m[4],
    zoneText: m[5],
    timeText: m[2],
    timeStart: timeCell.start + inset + (m[1]?.length ?? 0),
    timeEnd: timeCell.start + inset + (m[1]?.length ?? 0) + m[2].length,
    descText: event?.text ?? '',
    descStart: event?.start ?? rowStart,
    descEnd: event?.end ?? rowEnd,
    itemStart: rowStart,
    itemEnd: rowEnd,
    zone,
  });
}

interface EventParts {
  ctx: TimelineContext;
  dateText?: string;
  clockText: string;
  zoneText?: string;
  timeText: string;
  timeStart: number;
  timeEnd: number;
  descText: string;
  descStart: number;
  descEnd: number;
  itemStart: number;
  itemEnd: number;
  zone?: string;
  unreadable?: boolean;
}

function buildEvent(p: EventParts): Pending {
  const { lines } = p.ctx;
  const { phase, text } = readPhase(p.descText.replace(/\s+/g, ' '));
  const event: TimelineEvent = {
    timeInvalid: false,
    text,
    phase,
    range: lines.range(p.itemStart, p.itemEnd),
    timeRange: lines.range(p.timeStart, p.timeEnd),
    textRange: lines.range(p.descStart, Math.max(p.descStart, p.descEnd)),
  };
  const clock = p.unreadable ? undefined : parseClock(p.clockText);
  let explicitDate: string | undefined;
  if (p.dateText) {
    const d = parseDate(p.dateText, true);
    if (d?.ok) explicitDate = d.iso;
    else {
      event.timeInvalid = true;
      p.ctx.problems.push({ code: 'timeline-time-invalid', message: d && !d.ok ? `${d.reason}.` : `\`${p.dateText}\` is not a date.`, range: event.timeRange });
      return { event };
    }
  }
  if (!clock || !clock.ok) {
    event.timeInvalid = true;
    const reason = clock && !clock.ok ? clock.reason : `\`${p.timeText}\` is not a time of day (expected HH:MM)`;
    p.ctx.problems.push({ code: 'timeline-time-invalid', message: `${reason}.`, range: event.timeRange });
    return { event };
  }
  return { event, clockMinutes: clock.minutes, explicitDate, zone: p.zoneText ?? p.zone };
}

/** Gives dates to clock-only events: explicit date, else the previous event's date, crossing midnight on a large backward jump. */
function resolveDates(pending: Pending[], ctx: TimelineContext): TimelineEvent[] {
  let currentDate = ctx.baseDate;
  let previousMinutes: number | undefined;
  let previousDay: string | undefined;
  for (const item of pending) {
    if (item.clockMinutes === undefined) continue;
    let date: string | undefined;
    if (item.explicitDate) date = item.explicitDate;
    else if (item.dayDate && item.dayDate !== previousDay) date = item.dayDate;
    else {
      date = currentDate;
      // 23:30 followed by 00:15 is the next day; a small backward step is an ordering mistake instead.
      if (date && previousMinutes !== undefined && previousMinutes - item.clockMinutes >= 12 * 60) date = addDays(date, 1);
    }
    previousDay = item.dayDate;
    currentDate = date;
    previousMinutes = item.clockMinutes;
    const time: TimeValue = makeTime(item.event.timeRange ? sliceRaw(ctx, item) : '', item.clockMinutes, date, item.zone);
    item.event.time = time;
  }
  return pending.map((p) => p.event);
}

function sliceRaw(ctx: TimelineContext, item: Pending): string {
  const { timeRange } = item.event;
  return ctx.lines.text.slice(ctx.lines.offsetAt(timeRange.start), ctx.lines.offsetAt(timeRange.end));
}
