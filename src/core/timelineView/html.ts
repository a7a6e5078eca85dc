// Timeline preview body as an HTML string. Used for the webview's first paint and for every update
// (the webview script bundles this module). Every document string goes through escapeHtml; nothing
// from the document becomes a URL, an attribute name, a class name or a style.
import type { Phase } from '../model/types';
import { escapeHtml } from '../util/escape';
import { plural } from '../util/words';
import { BAND_NAMES, type BandKind, hiddenEventsNote, PHASE_NAMES } from './labels';
import type { ActionItemView, EventRow, MetricTile, TimelineRow, TimelineViewModel } from './viewModel';

export interface TimelineHtmlOptions {
  /** The preview is locked to its document (shown in the toolbar). */
  locked?: boolean;
  /**
   * For the page's first paint: at most this many timeline rows and, when rows are left out, no action items
   * (they would show above rows still to come). The webview script renders the whole timeline once that paint is up.
   */
  firstRows?: number;
  /**
   * For the webview script on a timeline of more than WINDOWED_TIMELINE_ROWS rows: the list is left empty, marked
   * `data-windowed`, and the script fills it a block of rows at a time near the viewport (media/timeline/window.ts).
   */
  windowed?: boolean;
}

/** Rows the page's first paint holds: a screenful on a tall monitor (rows are 30 px high or more). */
export const FIRST_PAINT_ROWS = 50;

/** Matches the timeline list of a first paint that holds only its first rows. */
export const PARTIAL_ROWS_SELECTOR = '.pm-rows[data-partial]';

/**
 * Above this many rows the webview keeps only the rows near the viewport in the page: thousands of rows re-rendered on every
 * edit were a long task of their own (2,000 events: ~300 ms), and memory grows with them.
 */
export const WINDOWED_TIMELINE_ROWS = 1000;
/** Rows rendered or dropped together (a screenful is 20–30 rows). */
export const WINDOW_BLOCK_ROWS = 100;
/** Matches a windowed timeline list. */
export const WINDOWED_ROWS_SELECTOR = '.pm-rows[data-windowed]';

const e = escapeHtml;
/** Above this many rows, rows get `content-visibility: auto`. */
export const LARGE_TIMELINE_ROWS = 300;

const BAND_CLASSES: Record<BandKind, string> = { undetected: 'band-undetected', responding: 'band-responding', recovering: 'band-recovering' };
const PHASE_CLASSES: Record<Phase, string> = { started: 'phase-started', detected: 'phase-detected', mitigated: 'phase-mitigated', resolved: 'phase-resolved' };
const PHASE_ICONS: Record<Phase, string> = { started: 'flame', detected: 'bell', mitigated: 'shield', resolved: 'pass-filled' };
const TONES = new Set(['critical', 'high', 'medium', 'low', 'neutral']);
const STATES = new Set(['done', 'overdue', 'due-soon', 'open']);

function icon(name: string, extra = ''): string {
  return `<i class="codicon codicon-${name}${extra ? ` ${extra}` : ''}" aria-hidden="true"></i>`;
}

function bandClass(band: BandKind | null | undefined, prefix = ''): string {
  return band && BAND_CLASSES[band] ? `${prefix}${BAND_CLASSES[band]}` : `${prefix}band-none`;
}

/** A number for an attribute value, whatever the model holds. */
function num(value: unknown): number {
  const n = Math.trunc(Number(value));
  return Number.isFinite(n) ? n : 0;
}

/** Both band classes of a row: the band from its time on, and the band of the gap above it. */
function bands(row: TimelineRow): string {
  return `${bandClass(row.band)} ${bandClass(row.gapBand, 'gap')}`;
}


/**
 * For the built-in Markdown preview (no script there): the incident header (title, badges, key-time
 * tiles, blast radius) without the export toolbar.
 */
export function renderIncidentHeaderHtml(model: TimelineViewModel): string {
  return [
    `<header class="pm-header pm-md-header">`,
    `<div class="pm-heading"><h1 class="pm-title">${e(model.title)}</h1><div class="pm-meta">${headerMeta(model).join('')}</div></div>`,
    `</header>`,
    renderTiles(model.tiles),
    model.impact ? `<section class="pm-impact" aria-label="Blast radius">${icon('flame')}<div><h2 class="pm-impact-label">Blast radius</h2><p class="pm-impact-text">${e(model.impact)}</p></div></section>` : '',
    model.truncated ? `<p class="pm-note" role="note">${icon('warning')} This file is too large to analyse fully; the timeline may be incomplete.</p>` : '',
  ].join('');
}

/** For the built-in Markdown preview: the visual timeline alone, rows as static elements (no buttons). */
export function renderTimelineSectionHtml(model: TimelineViewModel): string {
  return renderTimeline(model, true);
}

export function renderTimelineHtml(model: TimelineViewModel, options: TimelineHtmlOptions = {}): string {
  const firstRows = options.firstRows !== undefined && model.timeline.rows.length > options.firstRows ? options.firstRows : undefined;
  return [
    `<main class="pm" aria-label="${e(`Timeline preview: ${model.title}`)}">`,
    renderHeader(model, options),
    renderTiles(model.tiles),
    model.impact ? `<section class="pm-impact" aria-label="Blast radius">${icon('flame')}<div><h2 class="pm-impact-label">Blast radius</h2><p class="pm-impact-text">${e(model.impact)}</p></div></section>` : '',
    model.truncated ? `<p class="pm-note" role="note">${icon('warning')} This file is too large to analyse fully; the timeline may be incomplete.</p>` : '',
    renderTimeline(model, false, options.windowed ? 0 : firstRows, options.windowed === true),
    firstRows === undefined || options.windowed ? renderActions(model) : '',
    `</main>`,
  ].join('');
}

function headerMeta(model: TimelineViewModel): string[] {
  const meta: string[] = [];
  if (model.severity) {
    const tone = TONES.has(model.severity.tone) ? model.severity.tone : 'neutral';
    meta.push(`<span class="pm-badge pm-sev tone-${tone}" title="Severity">${e(model.severity.label)}</span>`);
  }
  if (model.status) meta.push(`<span class="pm-badge pm-status" title="Status">${e(model.status.label)}</span>`);
  if (model.incidentId) meta.push(`<span class="pm-meta-item" title="Incident">${icon('issues')}${e(model.incidentId)}</span>`);
  if (model.date) meta.push(`<span class="pm-meta-item" title="Date">${icon('calendar')}${e(model.date)}</span>`);
  meta.push(`<span class="pm-meta-item" title="Time zone">${icon('globe')}${e(model.zoneLabel)}</span>`);
  return meta;
}

function renderHeader(model: TimelineViewModel, options: TimelineHtmlOptions): string {
  const meta = headerMeta(model);
  const lock = options.locked ? `<span class="pm-locked" title="Locked: this preview stays on its document">${icon('lock')}<span>Locked</span></span>` : '';
  return [
    `<header class="pm-header">`,
    `<div class="pm-heading"><h1 class="pm-title">${e(model.title)}</h1><div class="pm-meta">${meta.join('')}</div></div>`,
    `<div class="pm-toolbar" role="group" aria-label="Export the timeline">${lock}`,
    `<button type="button" class="pm-tool" data-action="export" data-format="svg" title="Export the timeline as SVG">${icon('export')}<span>SVG</span></button>`,
    `<button type="button" class="pm-tool" data-action="export" data-format="png" title="Export the timeline as PNG">${icon('device-camera')}<span>PNG</span></button>`,
    `</div></header>`,
  ].join('');
}

function renderTiles(tiles: MetricTile[]): string {
  const items = tiles.map((tile) => {
    const unknown = tile.minutes === null;
    const basis = tile.basis === 'inferred' ? ' is-inferred' : tile.basis === 'doubtful' ? ' is-doubtful' : '';
    const mark = tile.basis === 'doubtful' ? icon('warning', 'pm-tile-mark') : tile.basis === 'inferred' ? icon('lightbulb', 'pm-tile-mark') : '';
    const spoken = unknown ? 'unknown' : tile.note ? `${tile.value}. ${tile.note}` : tile.value;
    return (
      `<div class="pm-tile pm-tile-${e(tile.id)}${unknown ? ' is-unknown' : ''}${basis}" role="group" aria-label="${e(`${tile.label}: ${spoken}`)}"${tile.note ? ` title="${e(tile.note)}"` : ''}>` +
      `<span class="pm-tile-abbr" title="${e(tile.label)}">${e(tile.abbr)}${mark}</span>` +
      `<span class="pm-tile-value">${e(tile.value)}</span>` +
      `<span class="pm-tile-detail">${e(tile.detail)}</span></div>`
    );
  });
  return `<section class="pm-tiles" aria-label="Key times">${items.join('')}</section>`;
}

/**
 * `firstRows`: only the first rows, in a list marked `data-partial` (the webview script renders the rest). `windowed`: an empty
 * list marked `data-windowed` that the webview script fills.
 */
function renderTimeline(model: TimelineViewModel, staticRows = false, firstRows?: number, windowed = false): string {
  const { timeline } = model;
  const count = [plural(timeline.eventCount, 'event')];
  if (timeline.dayCount > 1) count.push(plural(timeline.dayCount, 'day'));
  if (timeline.problemCount) count.push(`${plural(timeline.problemCount, 'event')} with problems`);
  const legend = timeline.bands.length
    ? `<ul class="pm-legend" aria-label="Phases">${timeline.bands.map((band) => `<li><span class="pm-swatch ${bandClass(band.kind)}" aria-hidden="true"></span>${e(BAND_NAMES[band.kind] ?? band.label)}</li>`).join('')}</ul>`
    : '';
  const head = `<div class="pm-section-head"><h2 id="pm-timeline-heading">Timeline</h2><span class="pm-count">${e(count.join(' · '))}</span>${legend}</div>`;
  let body: string;
  if (model.empty) {
    const empty = model.empty;
    body =
      `<div class="pm-empty" role="note">${icon('graph-line', 'pm-empty-icon')}<h3>${e(empty.title)}</h3><p>${e(empty.body)}</p>` +
      `<pre class="pm-example"><code>${e(empty.example)}</code></pre><p class="pm-muted">${e(empty.hint)}</p></div>`;
  } else {
    const shown = Math.min(timeline.rows.length, firstRows ?? timeline.rows.length);
    const rows = staticRows ? timeline.rows.slice(0, shown).map((row) => renderRow(row, false, true)).join('') : renderTimelineRowsHtml(model, 0, shown);
    // Long timelines let the browser skip layout and paint of off-screen rows (see timeline.css); a windowed one has few rows in the page.
    const large = timeline.rows.length > LARGE_TIMELINE_ROWS && !windowed ? ' is-large' : '';
    const mark = windowed ? ' data-windowed="true"' : firstRows === undefined ? '' : ' data-partial="true"';
    body = `<ol class="pm-rows${large}"${mark} aria-label="Timeline events">${rows}</ol>`;
  }
  const hidden = hiddenEventsNote(timeline);
  const note = hidden ? `<p class="pm-note" role="note">${icon('info')} ${e(hidden)}</p>` : '';
  return `<section class="pm-section pm-timeline" aria-labelledby="pm-timeline-heading">${head}${note}${body}</section>`;
}

/**
 * The interactive rows `from` to `to` (exclusive) of the timeline, each marked with its index (`data-row`); the document's
 * first event is the one tabbable row.
 */
export function renderTimelineRowsHtml(model: TimelineViewModel, from: number, to: number): string {
  const rows = model.timeline.rows;
  const firstEvent = rows.findIndex((row) => row.kind === 'event');
  let html = '';
  for (let i = Math.max(0, from); i < Math.min(rows.length, to); i++) html += renderRow(rows[i], i === firstEvent, false, i);
  return html;
}

/** Gap above a row: an SVG spacer (its height attribute is not a style, so the webview CSP allows it). */
function gap(row: TimelineRow): string {
  const height = Math.max(0, num(Math.round(Number(row.gap))));
  if (height === 0) return '';
  return `<div class="pm-gap ${bandClass(row.gapBand, 'gap')}" aria-hidden="true"><svg class="pm-spacer" width="1" height="${height}" focusable="false"></svg></div>`;
}

function renderRow(row: TimelineRow, firstEvent: boolean, staticRows = false, index?: number): string {
  switch (row.kind) {
    case 'event':
      return `<li class="pm-row pm-row-event">${gap(row)}${renderEvent(row, firstEvent, staticRows, index)}</li>`;
    case 'phase': {
      const phase = PHASE_CLASSES[row.phase] ? row.phase : 'started';
      return (
        `<li class="pm-row pm-row-phase">${gap(row)}<div class="pm-line pm-marker ${PHASE_CLASSES[phase]} ${bands(row)}">` +
        `<span class="pm-time" title="${e(row.timeTitle)}">${e(row.time)}</span>` +
        `<span class="pm-rail" aria-hidden="true"><span class="pm-node pm-node-phase">${icon(PHASE_ICONS[phase])}</span></span>` +
        `<span class="pm-body"><span class="pm-phase-badge ${PHASE_CLASSES[phase]}">${e(PHASE_NAMES[phase])}</span><span class="pm-muted">from the document header</span></span></div></li>`
      );
    }
    case 'break':
      return (
        `<li class="pm-row pm-row-break">${gap(row)}<div class="pm-line pm-break ${bands(row)}">` +
        `<span class="pm-time"></span><span class="pm-rail" aria-hidden="true"></span>` +
        `<span class="pm-body"><span class="pm-break-label">${icon('fold')}<span class="pm-visually-hidden">Quiet period, not drawn to scale: </span>${e(row.label)}</span></span></div></li>`
      );
    case 'day':
      return (
        `<li class="pm-row pm-row-day">${gap(row)}<div class="pm-line pm-day ${bands(row)}">` +
        `<span class="pm-time"></span><span class="pm-rail" aria-hidden="true"></span>` +
        `<span class="pm-day-label" role="heading" aria-level="3">${icon('calendar')}<span>${e(row.label)}</span></span></div></li>`
      );
    default:
      return '';
  }
}

function renderEvent(row: EventRow, firstEvent: boolean, staticRows = false, index?: number): string {
  const phase = row.phase && PHASE_CLASSES[row.phase] ? row.phase : null;
  const classes = ['pm-line', 'pm-event', bands(row)];
  if (phase) classes.push(PHASE_CLASSES[phase]);
  const worst = row.problems.some((p) => p.severity === 'error') ? 'error' : row.problems.length ? 'warning' : null;
  if (worst) classes.push(`has-${worst}`);
  const node = phase ? `<span class="pm-node pm-node-phase">${icon(PHASE_ICONS[phase])}</span>` : `<span class="pm-node"></span>`;
  const inferred = phase && row.phaseInferred ? ` title="${e(`Inferred from “${row.phaseInferred.cue}”; tag the event [${phase}] to make it a fact`)}"` : '';
  const badge = phase ? `<span class="pm-phase-badge ${PHASE_CLASSES[phase]}${inferred ? ' is-inferred' : ''}"${inferred}>${e(PHASE_NAMES[phase])}${inferred ? '<span class="pm-inferred"> · inferred</span>' : ''}</span>` : '';
  const problems = row.problems
    .map((p) => `<span class="pm-problem is-${p.severity === 'error' ? 'error' : 'warning'}">${icon(p.severity === 'error' ? 'error' : 'warning')}<span>${e(p.message)}</span></span>`)
    .join('');
  const open = staticRows
    ? `<div class="${classes.join(' ')}" role="group" aria-label="${e(row.label)}">`
    : `<button type="button" class="${classes.join(' ')}" data-line="${num(row.line)}" data-end-line="${num(row.endLine)}"${index === undefined ? '' : ` data-row="${num(index)}"`} tabindex="${firstEvent ? 0 : -1}" aria-label="${e(row.label)}">`;
  return (
    open +
    `<span class="pm-time${row.timeInvalid ? ' is-invalid' : ''}" title="${e(row.timeTitle)}">${e(row.time)}</span>` +
    `<span class="pm-rail" aria-hidden="true">${node}</span>` +
    `<span class="pm-body">${badge}<span class="pm-text">${e(row.text || '(no description)')}</span>${problems}</span>` +
    (staticRows ? `</div>` : `</button>`)
  );
}

const STATE_ICONS: Record<string, string> = { done: 'pass-filled', overdue: 'warning', 'due-soon': 'clock', open: 'circle-large-outline' };

function renderActions(model: TimelineViewModel): string {
  const { actions } = model;
  const summary: string[] = [`${actions.open} open`, `${actions.done} done`];
  if (actions.overdue) summary.push(`${actions.overdue} overdue`);
  const head = `<div class="pm-section-head"><h2 id="pm-actions-heading">Action items</h2><span class="pm-count">${e(summary.join(' · '))}</span></div>`;
  if (actions.items.length === 0) {
    return `<section class="pm-section pm-actions-section" aria-labelledby="pm-actions-heading">${head}<p class="pm-muted">No action items yet. Add them as tasks: <code>- [ ] Alert on connection count — @owner, due 2026-03-21</code></p></section>`;
  }
  const items = actions.items.map((item, i) => `<li>${renderAction(item, i === 0)}</li>`).join('');
  return `<section class="pm-section pm-actions-section" aria-labelledby="pm-actions-heading">${head}<ul class="pm-actions" aria-label="Action items">${items}</ul></section>`;
}

function renderAction(item: ActionItemView, first: boolean): string {
  const state = STATES.has(item.state) ? item.state : 'open';
  const owner = item.owner ? `<span class="pm-chip pm-owner">${icon('account')}${e(item.owner)}</span>` : `<span class="pm-chip pm-owner is-missing">${icon('account')}no owner</span>`;
  const due = `<span class="pm-chip pm-due${item.dueInvalid || !item.due ? ' is-missing' : ''}">${icon('calendar')}${e(item.dueLabel)}</span>`;
  const status = item.status && item.status.toLowerCase() !== item.stateLabel.toLowerCase() ? `<span class="pm-chip pm-status-chip">${e(item.status)}</span>` : '';
  return (
    `<button type="button" class="pm-action state-${state}" data-line="${num(item.line)}" data-end-line="${num(item.endLine)}" tabindex="${first ? 0 : -1}" aria-label="${e(item.label)}">` +
    `${icon(STATE_ICONS[state], 'pm-action-icon')}` +
    `<span class="pm-action-main"><span class="pm-action-text">${e(item.text)}</span>` +
    `<span class="pm-action-meta">${owner}${due}<span class="pm-chip pm-state">${e(item.stateLabel)}</span>${status}</span></span>` +
    `</button>`
  );
}
