// The timeline preview's view model: plain JSON computed from an analysis (the model and its findings),
// shared by the HTML renderer (webview), the SVG renderer (export) and tests. No VS Code API here.
import type { Analysis } from '../analyze';
import type { Phase, PostmortemDocument, TimelineEvent, TimeValue } from '../model/types';
import type { Finding, FindingSeverity } from '../rules/types';
import { dueState } from '../model/due';
import { DOC_STATUS_LABELS, zoneLabel } from '../model/labels';
import { sectionLead } from '../model/prose';
import { textOf } from '../model/text';
import { capitalize } from '../util/words';
import { formatClock, formatDuration, formatTimeValue, minutesBetween } from '../model/time';
import { readPhase } from '../model/timeline';
import { BAND_NAMES, type BandKind, MAX_DRAWN_EVENTS, PHASE_NAMES } from './labels';
import { pushAll } from '../util/arrays';

export const TIMELINE_VIEW_SCHEMA = 1;

/** Nominal heights (px) of the rows; `y` positions are computed with them. */
export const ROW_HEIGHT = { event: 44, phase: 30, day: 40, break: 40 } as const;
/** A quiet gap longer than this is always compressed. */
export const BREAK_MINUTES = 120;
/** A gap taller than this (at the chosen scale) and > 3× the median gap is compressed too. */
export const MAX_GAP_PX = 240;

export type Tone = 'critical' | 'high' | 'medium' | 'low' | 'neutral';

/** impact→detect, detect→mitigate, mitigate→resolve. */
export type { BandKind };
export { BAND_NAMES, PHASE_NAMES };

export interface MetricTile {
  id: 'ttd' | 'ttm' | 'ttr' | 'duration';
  abbr: string;
  label: string;
  /** Human form, `1 h 32 min`, or `—` when unknown. */
  value: string;
  minutes: number | null;
  /** What the tile measures, or how to get it when unknown. */
  detail: string;
  /** `stated`: from tags, words or metadata; `inferred`: a phase read from what an event says; `doubtful`: key times out of order. */
  basis: 'stated' | 'inferred' | 'doubtful';
  /** For inferred and doubtful values: why (`Detected inferred from “alert fired” at 14:02`, or the order problem). */
  note?: string;
}

export interface Problem {
  severity: FindingSeverity;
  message: string;
}

interface RowBase {
  /** Top of the row (after its gap), px from the top of the timeline. Never decreases. */
  y: number;
  /** Nominal row height, px. */
  height: number;
  /** Space above the row (proportional to the time since the row before), px. */
  gap: number;
  /** Phase band the row sits in (from its time on), or null outside the incident. */
  band: BandKind | null;
  /** Phase band of the gap above the row. */
  gapBand: BandKind | null;
}

export interface EventRow extends RowBase {
  kind: 'event';
  /** Index in the document's timeline. */
  index: number;
  /** 0-based first and last line of the event. */
  line: number;
  endLine: number;
  /** `14:02`, the unreadable text as written (`25:61`), or `—`. */
  time: string;
  /** Full time (ISO with offset when a date is known) for tooltips. */
  timeTitle: string;
  timeInvalid: boolean;
  text: string;
  phase: Phase | null;
  /** The phase was inferred from the event's words (shown as such), with the words. */
  phaseInferred?: { cue: string };
  problems: Problem[];
  /** Screen-reader label. */
  label: string;
}

export interface PhaseRow extends RowBase {
  kind: 'phase';
  phase: Phase;
  time: string;
  timeTitle: string;
  label: string;
}

export interface BreakRow extends RowBase {
  kind: 'break';
  /** Length of the compressed quiet period. */
  minutes: number;
  label: string;
}

export interface DayRow extends RowBase {
  kind: 'day';
  /** ISO date when known. */
  date: string | null;
  label: string;
}

export type TimelineRow = EventRow | PhaseRow | BreakRow | DayRow;

export interface PhaseBand {
  kind: BandKind;
  label: string;
  from: number;
  to: number;
  minutes: number | null;
}

export type ActionState = 'done' | 'overdue' | 'due-soon' | 'open';

export interface ActionItemView {
  line: number;
  endLine: number;
  text: string;
  owner: string | null;
  due: string | null;
  /** `2026-03-21`, `2026-13-01 (not a date)`, `no deadline`. */
  dueLabel: string;
  dueInvalid: boolean;
  state: ActionState;
  /** `Done`, `Overdue by 11 days`, `Due in 3 days`, `Open`. */
  stateLabel: string;
  status: string | null;
  label: string;
}

export interface EmptyState {
  title: string;
  body: string;
  example: string;
  hint: string;
}

export interface TimelineViewModel {
  schema: typeof TIMELINE_VIEW_SCHEMA;
  title: string;
  incidentId: string | null;
  severity: { label: string; tone: Tone } | null;
  status: { label: string; value: string } | null;
  date: string | null;
  /** `All times UTC`, `Times in UTC+02:00`, `Times as written (no time zone)`. */
  zoneLabel: string;
  tiles: MetricTile[];
  /** Blast radius: `impact:` metadata, else the Impact section's first paragraph or line. */
  impact: string | null;
  timeline: {
    rows: TimelineRow[];
    bands: PhaseBand[];
    /** Total height of the rows, px. */
    height: number;
    eventCount: number;
    /** Events not drawn (past MAX_DRAWN_EVENTS). */
    hiddenEventCount: number;
    problemCount: number;
    dayCount: number;
    /** Scale of the proportional gaps. */
    pxPerMinute: number;
  };
  /** Set when there are no timeline entries. */
  empty: EmptyState | null;
  actions: { items: ActionItemView[]; open: number; done: number; overdue: number };
  today: string;
  truncated: boolean;
}

export interface TimelineViewOptions {
  /** `YYYY-MM-DD` the overdue state is measured against. */
  today: string;
}

const PHASE_LABELS = PHASE_NAMES;
const BAND_LABELS = BAND_NAMES;

const TIMELINE_RULES = new Set(['timeline-order', 'timeline-time-invalid', 'key-time-order']);
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function buildTimelineViewModel(analysis: Analysis, options: TimelineViewOptions): TimelineViewModel {
  const { doc, findings } = analysis;
  const timeline = layoutTimeline(doc, findings);
  const severity = doc.metadata.severity?.value;
  const status = doc.metadata.status?.value;
  const actions = actionItems(doc, options.today);
  return {
    schema: TIMELINE_VIEW_SCHEMA,
    title: clean(doc.title ?? doc.metadata.title?.value ?? '') || 'Untitled post-mortem',
    incidentId: doc.metadata.id?.value ? clean(doc.metadata.id.value) : null,
    severity: severity ? { label: severity, tone: severityTone(severity) } : null,
    status: status ? { label: DOC_STATUS_LABELS[status] ?? status, value: status } : null,
    date: doc.metadata.date?.value ?? null,
    zoneLabel: zoneText(doc),
    tiles: [
      tile(doc, 'ttd', 'TTD', 'Time to detect', 'impact start → detection', 'Tag the alert event [detected]'),
      tile(doc, 'ttm', 'TTM', 'Time to mitigate', 'impact start → mitigation', 'Tag an event [mitigated]'),
      tile(doc, 'ttr', 'TTR', 'Time to resolve', 'impact start → resolution', 'Tag an event [resolved]'),
      tile(doc, 'duration', 'Duration', 'Incident duration', 'impact start → last known point', 'Needs a start and a later time'),
    ],
    impact: impactText(doc),
    timeline,
    empty: timeline.eventCount === 0 ? emptyState(doc) : null,
    actions,
    today: options.today,
    truncated: doc.truncated === true,
  };
}

/** The event rows of a view model, in order. */
export function timelineEvents(model: TimelineViewModel): EventRow[] {
  return model.timeline.rows.filter((row): row is EventRow => row.kind === 'event');
}

function severityTone(severity: string): Tone {
  switch (severity) {
    case 'SEV1':
    case 'P0':
    case 'critical':
      return 'critical';
    case 'SEV2':
    case 'P1':
    case 'high':
      return 'high';
    case 'SEV3':
    case 'P2':
    case 'medium':
      return 'medium';
    case 'SEV4':
    case 'SEV5':
    case 'P3':
    case 'P4':
    case 'low':
      return 'low';
    default:
      return 'neutral';
  }
}

const TILE_PHASE: Record<MetricTile['id'], Phase | null> = { ttd: 'detected', ttm: 'mitigated', ttr: 'resolved', duration: null };
const TILE_MINUTES = { ttd: 'ttdMinutes', ttm: 'ttmMinutes', ttr: 'ttrMinutes', duration: 'durationMinutes' } as const;

function tile(doc: PostmortemDocument, id: MetricTile['id'], abbr: string, label: string, detail: string, missing: string): MetricTile {
  const metrics = doc.metrics;
  const minutes = metrics[TILE_MINUTES[id]];
  const base = { id, abbr, label, value: formatDuration(minutes), minutes, detail: minutes === null ? missing : detail };
  if (minutes === null) return { ...base, basis: 'stated' };
  const doubt = id === 'duration' ? undefined : metrics.doubts[id];
  if (doubt) return { ...base, value: `${base.value}?`, detail: 'key times out of order', basis: 'doubtful', note: doubt };
  const phase = TILE_PHASE[id];
  const source = phase ? metrics.sources[phase] : undefined;
  if (phase && source?.from === 'inferred') {
    const event = source.event !== undefined ? doc.timeline[source.event] : undefined;
    const at = event?.time ? ` at ${clockLabel(event.time)} (line ${event.range.start.line + 1})` : '';
    return { ...base, value: `≈ ${base.value}`, detail: `${detail}, inferred`, basis: 'inferred', note: `${PHASE_LABELS[phase]} inferred from “${source.cue ?? 'the event'}”${at}; tag the event [${phase}] to make it a fact.` };
  }
  return { ...base, basis: 'stated' };
}

function zoneText(doc: PostmortemDocument): string {
  const zone = zoneLabel(doc.metadata.timezone?.value ?? doc.timeline.find((e) => e.time?.zone)?.time?.zone ?? doc.metrics.started?.zone);
  if (!zone) return 'Times as written (no time zone)';
  return zone === 'UTC' ? 'All times UTC' : `Times in ${clean(zone)}`;
}

/** Collapses whitespace; the view shows plain one-line strings. */
function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function impactText(doc: PostmortemDocument): string | null {
  const fromMetadata = doc.metadata.impact?.value;
  if (fromMetadata && clean(fromMetadata)) return clean(fromMetadata);
  const section = doc.allSections.find((s) => s.kind === 'impact');
  const lead = section ? sectionLead(doc, section) : null;
  return lead ? clean(lead) : null;
}

function emptyState(doc: PostmortemDocument): EmptyState {
  const hasSection = doc.allSections.some((s) => s.kind === 'timeline');
  return {
    title: hasSection ? 'No timeline entries yet' : 'This post-mortem has no timeline yet',
    body: hasSection
      ? 'The Timeline section has no entries that start with a time. Write one event per list item or table row, time first:'
      : 'Add a “## Timeline” section with one event per list item (or a table with a Time column), time first:',
    example: '- 13:48 — [started] p99 checkout latency rises above the 2 s SLO\n- 14:02 — [detected] Latency alert pages the on-call engineer\n- 14:41 — [mitigated] Rollback complete\n- 15:20 — [resolved] Backlog processed; incident closed',
    hint: 'Tag key moments with [started], [detected], [mitigated] and [resolved] to get time to detect, mitigate and resolve. Put dates in day subheadings (### 2026-03-14) for incidents that span days.',
  };
}

function dayLabel(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, m - 1, d)).getUTCDay()];
  return `${weekday}, ${d} ${MONTHS[m - 1]} ${y}`;
}

function actionItems(doc: PostmortemDocument, today: string): TimelineViewModel['actions'] {
  const items = doc.actionItems.map((item): ActionItemView => {
    const due = dueState(item, today);
    const state: ActionState = due.state === 'done' ? 'done' : due.state === 'overdue' ? 'overdue' : due.state === 'dueSoon' ? 'due-soon' : 'open';
    const stateLabel = due.state === 'noDate' ? 'Open' : capitalize(due.label);
    const dueLabel = item.due ?? (item.dueRaw ? `${item.dueRaw} (not a date)` : 'no deadline');
    const text = clean(item.text);
    const owner = item.owner ? clean(item.owner) : null;
    return {
      line: item.range.start.line,
      endLine: item.range.end.line,
      text,
      owner,
      due: item.due,
      dueLabel,
      dueInvalid: item.dueInvalid,
      state,
      stateLabel,
      status: item.status ? clean(item.status) : null,
      label: `${stateLabel}: ${text}. Owner: ${owner ?? 'none'}. Deadline: ${dueLabel}.`,
    };
  });
  return {
    items,
    open: items.filter((i) => i.state !== 'done').length,
    done: items.filter((i) => i.state === 'done').length,
    overdue: items.filter((i) => i.state === 'overdue').length,
  };
}

// ---------------------------------------------------------------------------------------------
// Layout: rows in reading order with proportional gaps, compressed quiet periods and day rows.

interface Item {
  kind: 'event' | 'phase';
  event?: TimelineEvent;
  index?: number;
  phase?: Phase;
  time?: TimeValue;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function clockLabel(time: TimeValue): string {
  return formatClock(time.minutes);
}

function timeTitle(time: TimeValue): string {
  const value = formatTimeValue(time);
  return time.instant === undefined && time.zone ? `${value} ${time.zone}` : value;
}

function dateOf(item: Item): string | null {
  return item.time?.date ?? null;
}

function layoutTimeline(doc: PostmortemDocument, findings: Finding[]): TimelineViewModel['timeline'] {
  // `kept[i]`: the index in doc.timeline of drawn event i, when some are left out.
  const kept = doc.timeline.length > MAX_DRAWN_EVENTS ? doc.timeline.flatMap((e, i) => (i < MAX_DRAWN_EVENTS || e.phase !== null ? [i] : [])) : undefined;
  const events = kept ? kept.map((i) => doc.timeline[i]) : doc.timeline;
  const problemsByLine = new Map<number, Problem[]>();
  for (const finding of findings) {
    if (!TIMELINE_RULES.has(finding.rule)) continue;
    const list = problemsByLine.get(finding.range.start.line) ?? [];
    list.push({ severity: finding.severity, message: finding.message });
    problemsByLine.set(finding.range.start.line, list);
  }

  // Phase markers: a tagged event carries its own; a phase known only from metadata gets a marker row.
  const metrics = doc.metrics;
  const phaseTimes: Partial<Record<Phase, TimeValue>> = {
    started: metrics.started,
    detected: metrics.detected,
    mitigated: metrics.mitigated,
    resolved: metrics.resolved,
  };
  const items: Item[] = events.map((event, index) => ({ kind: 'event', event, index, ...(event.time ? { time: event.time } : {}) }));
  const eventPhase = new Map<number, Phase>();
  for (const phase of ['started', 'detected', 'mitigated', 'resolved'] as const) {
    const time = phaseTimes[phase];
    const tagged = events.findIndex((e) => e.phase === phase);
    if (tagged !== -1) {
      eventPhase.set(tagged, phase);
      continue;
    }
    if (!time) continue;
    // Same moment as an untagged event: that event marks the phase.
    const same = events.findIndex((e, i) => !eventPhase.has(i) && e.phase === null && minutesBetween(e.time, time) === 0);
    if (same !== -1) {
      eventPhase.set(same, phase);
      continue;
    }
    // Otherwise a marker row, before the first event that is later than the phase time.
    const comparable = items.some((it) => it.time && minutesBetween(it.time, time) !== null);
    if (!comparable && items.length > 0) continue;
    let at = items.findIndex((it) => {
      const delta = it.time ? minutesBetween(time, it.time) : null;
      return delta !== null && delta > 0;
    });
    if (at === -1) at = items.length;
    items.splice(at, 0, { kind: 'phase', phase, time });
  }

  // Band boundaries on the same scale as the rows.
  const bandDefs: { kind: BandKind; from?: TimeValue; to?: TimeValue }[] = [
    { kind: 'undetected', from: phaseTimes.started, to: phaseTimes.detected },
    { kind: 'responding', from: phaseTimes.detected, to: phaseTimes.mitigated },
    { kind: 'recovering', from: phaseTimes.mitigated, to: phaseTimes.resolved },
  ];
  const bandAt = (time: TimeValue | undefined, offsetMinutes = 0): BandKind | null => {
    if (!time) return null;
    for (const band of bandDefs) {
      if (!band.from || !band.to) continue;
      const sinceStart = minutesBetween(band.from, time);
      const untilEnd = minutesBetween(time, band.to);
      if (sinceStart === null || untilEnd === null) continue;
      if (sinceStart + offsetMinutes >= 0 && untilEnd - offsetMinutes > 0) return band.kind;
    }
    return null;
  };

  // Gaps between consecutive timed items, measured from the latest time so far.
  const deltas: (number | null)[] = [];
  let anchor: TimeValue | undefined;
  for (const item of items) {
    if (!item.time) {
      deltas.push(null);
      continue;
    }
    const delta = anchor ? minutesBetween(anchor, item.time) : null;
    deltas.push(delta);
    if (!anchor || delta === null || delta > 0) anchor = item.time;
  }
  const positive = deltas.filter((d): d is number => d !== null && d > 0);
  const medianGap = median(positive);
  const shortGaps = positive.filter((d) => d <= BREAK_MINUTES);
  const typical = median(shortGaps) ?? medianGap ?? 60;
  const pxPerMinute = Math.min(6, Math.max(0.25, ROW_HEIGHT.event / Math.max(typical, 1)));
  const isQuiet = (delta: number) => delta > BREAK_MINUTES || (medianGap !== null && delta > 3 * medianGap && delta * pxPerMinute > MAX_GAP_PX);

  const dates = new Set<string>();
  for (const item of items) {
    const date = dateOf(item);
    if (date) dates.add(date);
  }
  const dayLabels = new Set(events.map((e) => e.day).filter((d): d is string => !!d));
  const multiDay = dates.size > 1 || (dates.size === 0 && dayLabels.size > 1);

  const rows: TimelineRow[] = [];
  let y = 0;
  let previousHeight = 0;
  let previousBand: BandKind | null = null;
  let lastTime: TimeValue | undefined;
  let currentDay: string | undefined;
  let problemCount = 0;
  const push = <R extends TimelineRow>(row: Omit<R, 'y' | 'gap'> & { gap?: number }): R => {
    const gap = Math.round(row.gap ?? 0);
    const top = rows.length === 0 ? 0 : y + previousHeight + gap;
    const full = { ...row, gap: rows.length === 0 ? 0 : gap, y: top } as R;
    rows.push(full);
    y = top;
    previousHeight = row.height;
    previousBand = row.band;
    return full;
  };

  items.forEach((item, i) => {
    const delta = deltas[i];
    const time = item.time;
    let gapPx = 0;
    let gapBand: BandKind | null = previousBand;
    if (delta !== null && delta > 0 && lastTime) {
      gapBand = bandAt(lastTime, delta / 2);
      if (isQuiet(delta)) {
        push<BreakRow>({ kind: 'break', height: ROW_HEIGHT.break, gap: 8, band: gapBand, gapBand, minutes: delta, label: `${formatDuration(delta)} later` });
        gapPx = 8;
      } else {
        gapPx = Math.max(0, delta * pxPerMinute - previousHeight);
      }
    }
    // Day separators for incidents spanning days.
    const day = multiDay ? (dateOf(item) ?? (dates.size === 0 ? item.event?.day : undefined)) : undefined;
    if (day && day !== currentDay) {
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : null;
      push<DayRow>({ kind: 'day', height: ROW_HEIGHT.day, gap: rows.length ? Math.min(gapPx, 24) : 0, band: gapBand, gapBand, date: iso, label: iso ? dayLabel(iso) : clean(day) });
      gapPx = Math.max(0, gapPx - 24);
      currentDay = day;
    }
    const band = time ? bandAt(time) : previousBand;
    if (time && (delta === null || delta > 0 || !lastTime)) lastTime = time;
    if (item.kind === 'phase' && item.phase && time) {
      push<PhaseRow>({
        kind: 'phase',
        height: ROW_HEIGHT.phase,
        gap: gapPx,
        band,
        gapBand,
        phase: item.phase,
        time: clockLabel(time),
        timeTitle: timeTitle(time),
        label: `${PHASE_LABELS[item.phase]} at ${clockLabel(time)} (from the document header)`,
      });
      return;
    }
    const event = item.event!;
    const problems = eventProblems(event, problemsByLine);
    if (problems.length) problemCount++;
    const phase = event.phase ?? eventPhase.get(item.index!) ?? null;
    const timeText = time ? clockLabel(time) : event.timeInvalid ? clean(textOf(doc, event.timeRange)) || '—' : '—';
    const text = withoutPhaseLead(clean(event.text), phase);
    push<EventRow>({
      kind: 'event',
      height: ROW_HEIGHT.event,
      gap: gapPx,
      band,
      gapBand,
      index: kept ? kept[item.index!] : item.index!,
      line: event.range.start.line,
      endLine: event.range.end.line,
      time: timeText,
      timeTitle: time ? timeTitle(time) : event.timeInvalid ? `${timeText} cannot be read as a time` : 'No time',
      timeInvalid: event.timeInvalid,
      text,
      phase,
      ...(event.phase && event.phaseSource === 'inferred' ? { phaseInferred: { cue: event.phaseCue ?? '' } } : {}),
      problems,
      label: [`${timeText}${phase ? `, ${PHASE_LABELS[phase]}${event.phaseSource === 'inferred' ? ' (inferred)' : ''}` : ''}: ${text || '(no description)'}`, ...problems.map((p) => `${p.severity === 'error' ? 'Error' : 'Warning'}: ${p.message}`)].join('. '),
    });
  });

  const bands: PhaseBand[] = [];
  for (const def of bandDefs) {
    const rowsIn = rows.filter((r) => r.band === def.kind);
    const gapsIn = rows.filter((r) => r.gapBand === def.kind);
    if (rowsIn.length === 0 && gapsIn.length === 0) continue;
    // One pass, no spread: a band may hold every row of a 200,000-event timeline.
    let from = Infinity;
    let to = -Infinity;
    for (const r of rowsIn) [from, to] = [Math.min(from, r.y), Math.max(to, r.y + r.height)];
    for (const r of gapsIn) [from, to] = [Math.min(from, r.y - r.gap), Math.max(to, r.y)];
    bands.push({ kind: def.kind, label: BAND_LABELS[def.kind], from, to, minutes: minutesBetween(def.from, def.to) });
  }

  const height = rows.length ? rows[rows.length - 1].y + rows[rows.length - 1].height : 0;
  return {
    rows,
    bands,
    height,
    eventCount: events.length,
    hiddenEventCount: doc.timeline.length - events.length,
    problemCount,
    dayCount: rows.filter((r) => r.kind === 'day').length,
    pxPerMinute: Math.round(pxPerMinute * 1000) / 1000,
  };
}

function eventProblems(event: TimelineEvent, byLine: Map<number, Problem[]>): Problem[] {
  const problems: Problem[] = [];
  for (let line = event.range.start.line; line <= event.range.end.line; line++) pushAll(problems, byLine.get(line) ?? []);
  return problems;
}

/** `Detected: support tickets…` shown under a Detected badge reads `support tickets…`. */
function withoutPhaseLead(text: string, phase: Phase | null): string {
  if (!phase) return text;
  const lead = /^([A-Za-z][A-Za-z ]{2,20}?)\s*[:—–-]\s*(?=\S)/.exec(text);
  if (!lead || readPhase(`${lead[0]}x`).phase !== phase) return text;
  const rest = text.slice(lead[0].length);
  return rest.charAt(0).toUpperCase() + rest.slice(1);
}
