// Hand-written SVG charts of the insights: TTR trend per month, incidents per month by severity, open
// and overdue action items per owner. Colours are CSS classes (theme variables in the stylesheet), every
// document string is escaped, and in the dashboard each bar or point is a focusable button whose
// `data-key` names the post-mortems behind it (ChartSet.files).
import { formatDuration } from '../model/time';
import { escapeHtml as e } from '../util/escape';
import { type Insights, NO_VALUE } from './compute';

export interface ChartOptions {
  /** Bars and points are buttons (tabindex, role, data-key) that the dashboard script opens. */
  interactive?: boolean;
}

export interface Chart {
  id: string;
  title: string;
  svg: string;
  /** The same figures as a table, for screen readers and for reading exact values. */
  table: { head: string[]; rows: string[][] };
}

export interface ChartSet {
  charts: Chart[];
  /** `data-key` → the post-mortems behind that bar or point. */
  files: Record<string, string[]>;
}

const W = 640;
const H = 240;
const PAD = { left: 78, right: 30, top: 16, bottom: 44 };
const SEVERITY_CLASSES = ['s1', 's2', 's3', 's4', 's5'];

/** Severity → colour class: the most severe first (SEV1/P0/critical → s1), no severity → s0. */
export function severityClass(severity: string): string {
  if (severity === NO_VALUE) return 's0';
  const m = /^(?:SEV([1-5])|P([0-4]))$/.exec(severity);
  if (m) return SEVERITY_CLASSES[m[1] ? Number(m[1]) - 1 : Number(m[2])];
  return { critical: 's1', high: 's2', medium: 's3', low: 's4' }[severity] ?? 's0';
}

function niceMax(max: number): number {
  if (max <= 0) return 1;
  const pow = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * pow >= max) return step * pow;
  return 10 * pow;
}

function axes(yMax: number, yLabel: (v: number) => string): string {
  const parts: string[] = [];
  const innerH = H - PAD.top - PAD.bottom;
  for (let i = 0; i <= 4; i++) {
    const v = (yMax * i) / 4;
    const y = PAD.top + innerH - (innerH * i) / 4;
    parts.push(`<line class="pm-grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}"/>`);
    parts.push(`<text class="pm-axis" x="${PAD.left - 6}" y="${y + 4}" text-anchor="end">${e(yLabel(v))}</text>`);
  }
  return parts.join('');
}

function xLabels(labels: string[], x: (i: number) => number): string {
  const every = Math.max(1, Math.ceil(labels.length / 12));
  return labels
    .map((l, i) => (i % every ? '' : `<text class="pm-axis" x="${x(i)}" y="${H - PAD.bottom + 16}" text-anchor="middle">${e(l)}</text>`))
    .join('');
}

function button(interactive: boolean | undefined, key: string, label: string): string {
  return interactive ? ` tabindex="0" role="button" data-key="${e(key)}" aria-label="${e(label)}"` : '';
}

function svgOpen(id: string, title: string, interactive: boolean | undefined): string {
  // In the dashboard the chart is a group of buttons; in the report a picture described by its title.
  const role = interactive ? 'group' : 'img';
  return `<svg class="pm-chart" id="${e(id)}" viewBox="0 0 ${W} ${H}" role="${role}" aria-label="${e(title)}" xmlns="http://www.w3.org/2000/svg"><title>${e(title)}</title>`;
}

function empty(id: string, title: string, text: string): string {
  return `${svgOpen(id, title, false)}<text class="pm-axis" x="${W / 2}" y="${H / 2}" text-anchor="middle">${e(text)}</text></svg>`;
}

function hoursLabel(minutes: number): string {
  return minutes >= 120 ? formatDuration(minutes) : `${Math.round(minutes)} min`;
}

export function buildCharts(insights: Insights, options: ChartOptions = {}): ChartSet {
  const files: Record<string, string[]> = {};
  return { charts: [ttrTrend(insights, options, files), severityPerMonth(insights, options, files), ownerItems(insights, options, files)], files };
}

function ttrTrend(insights: Insights, options: ChartOptions, files: Record<string, string[]>): Chart {
  const id = 'pm-chart-ttr';
  const title = 'Time to resolve per month (mean and median)';
  const points = insights.trend.month;
  const table = {
    head: ['Month', 'Incidents', 'Mean TTR', 'Median TTR', 'p90 TTR', 'Without the times'],
    rows: points.map((p) => [p.period, String(p.incidents), formatDuration(p.ttr.mean), formatDuration(p.ttr.median), formatDuration(p.ttr.p90), String(p.ttr.missing)]),
  };
  const timed = points.filter((p) => p.ttr.mean !== null);
  if (!timed.length) return { id, title, svg: empty(id, title, 'No incident gives the start and resolve times yet.'), table };
  const top = Math.max(...timed.map((p) => Math.max(p.ttr.mean ?? 0, p.ttr.median ?? 0)));
  // Whole hours per grid line above two hours, else nice minutes.
  const yMax = top > 120 ? Math.ceil(top / 240) * 240 : niceMax(top);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length === 1 ? innerW / 2 : (innerW * i) / (points.length - 1));
  const y = (v: number) => PAD.top + innerH - (innerH * v) / yMax;
  const line = (pick: 'mean' | 'median') => {
    const d = points
      .map((p, i) => [p.ttr[pick], i] as const)
      .filter(([v]) => v !== null)
      .map(([v, i], n) => `${n ? 'L' : 'M'}${x(i).toFixed(1)},${y(v!).toFixed(1)}`)
      .join(' ');
    return `<path class="pm-line pm-${pick}" d="${d}"/>`;
  };
  const dots = points
    .map((p, i) => {
      if (p.ttr.mean === null) return '';
      const key = `month:${p.period}`;
      files[key] = p.files;
      const label = `${p.period}: mean TTR ${formatDuration(p.ttr.mean)}, median ${formatDuration(p.ttr.median)} over ${p.ttr.count} of ${p.incidents} incidents`;
      return `<circle class="pm-point" cx="${x(i).toFixed(1)}" cy="${y(p.ttr.mean).toFixed(1)}" r="5"${button(options.interactive, key, label)}><title>${e(label)}</title></circle>`;
    })
    .join('');
  const legend = `<g class="pm-legend"><path class="pm-line pm-mean" d="M${W - 200},${PAD.top + 4} h18"/><text class="pm-axis" x="${W - 176}" y="${PAD.top + 8}">mean</text><path class="pm-line pm-median" d="M${W - 120},${PAD.top + 4} h18"/><text class="pm-axis" x="${W - 96}" y="${PAD.top + 8}">median</text></g>`;
  const svg = `${svgOpen(id, title, options.interactive)}${axes(yMax, hoursLabel)}${xLabels(points.map((p) => p.period), x)}${line('median')}${line('mean')}${dots}${legend}</svg>`;
  return { id, title, svg, table };
}

function severityPerMonth(insights: Insights, options: ChartOptions, files: Record<string, string[]>): Chart {
  const id = 'pm-chart-severity';
  const title = 'Incidents per month by severity';
  const months = insights.trend.month;
  const severities = Object.keys(insights.bySeverity);
  const table = {
    head: ['Month', ...severities, 'Total'],
    rows: months.map((m) => [m.period, ...severities.map((s) => String(m.bySeverity[s] ?? 0)), String(m.incidents)]),
  };
  if (!months.length) return { id, title, svg: empty(id, title, 'No dated incidents yet.'), table };
  const bySeverityFiles = new Map<string, string[]>();
  for (const p of insights.postmortems) {
    if (!p.date) continue;
    const key = `month:${p.date.slice(0, 7)}:${p.severity ?? NO_VALUE}`;
    const list = bySeverityFiles.get(key);
    if (list) list.push(p.file);
    else bySeverityFiles.set(key, [p.file]);
  }
  // Counts: a multiple of 4, so that the four grid lines fall on whole incidents.
  const yMax = Math.max(4, Math.ceil(Math.max(...months.map((m) => m.incidents)) / 4) * 4);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const slot = innerW / months.length;
  const bw = Math.max(2, Math.min(40, slot * 0.7));
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const bars = months
    .map((m, i) => {
      let base = 0;
      return severities
        .map((s) => {
          const n = m.bySeverity[s] ?? 0;
          if (!n) return '';
          const key = `month:${m.period}:${s}`;
          files[key] = bySeverityFiles.get(key) ?? [];
          const h = (innerH * n) / yMax;
          const y0 = PAD.top + innerH - (innerH * base) / yMax - h;
          base += n;
          const label = `${m.period}: ${n} ${s === NO_VALUE ? 'without severity' : s}`;
          return `<rect class="pm-bar pm-${severityClass(s)}" x="${(x(i) - bw / 2).toFixed(1)}" y="${y0.toFixed(1)}" width="${bw.toFixed(1)}" height="${h.toFixed(1)}"${button(options.interactive, key, label)}><title>${e(label)}</title></rect>`;
        })
        .join('');
    })
    .join('');
  const legend = severities
    .map((s, i) => `<rect class="pm-${severityClass(s)}" x="${PAD.left + i * 84}" y="${H - 16}" width="10" height="10"/><text class="pm-axis" x="${PAD.left + i * 84 + 14}" y="${H - 7}">${e(s === NO_VALUE ? 'no severity' : s)}</text>`)
    .join('');
  const svg = `${svgOpen(id, title, options.interactive)}${axes(yMax, (v) => String(Math.round(v)))}${xLabels(months.map((m) => m.period), x)}${bars}${legend}</svg>`;
  return { id, title, svg, table };
}

const MAX_OWNERS = 12;

function ownerItems(insights: Insights, options: ChartOptions, files: Record<string, string[]>): Chart {
  const id = 'pm-chart-owners';
  const title = 'Open and overdue action items per owner';
  const owners = insights.actionItems.byOwner.filter((o) => o.open > 0);
  const table = { head: ['Owner', 'Open', 'Overdue', 'Done'], rows: insights.actionItems.byOwner.map((o) => [o.owner, String(o.open), String(o.overdue), String(o.done)]) };
  if (!owners.length) return { id, title, svg: empty(id, title, 'No open action items.'), table };
  const shown = owners.slice(0, MAX_OWNERS);
  const rowH = 22;
  const height = PAD.top + shown.length * rowH + 36;
  const left = 150;
  // Room for the "12 (3 overdue)" label after the longest bar.
  const innerW = W - left - PAD.right - 90;
  const xMax = niceMax(Math.max(...shown.map((o) => o.open)));
  const bars = shown
    .map((o, i) => {
      const key = `owner:${i}`;
      files[key] = o.files;
      const y = PAD.top + i * rowH;
      const wOpen = (innerW * o.open) / xMax;
      const wOver = (innerW * o.overdue) / xMax;
      const label = `${o.owner}: ${o.open} open, ${o.overdue} overdue`;
      const name = o.owner.length > 22 ? `${o.owner.slice(0, 21)}…` : o.owner;
      return `<g${button(options.interactive, key, label)} class="pm-owner"><title>${e(label)}</title><text class="pm-axis" x="${left - 6}" y="${y + 14}" text-anchor="end">${e(name)}</text><rect class="pm-bar pm-open" x="${left}" y="${y + 2}" width="${wOpen.toFixed(1)}" height="${rowH - 6}"/>${o.overdue ? `<rect class="pm-bar pm-overdue" x="${left}" y="${y + 2}" width="${wOver.toFixed(1)}" height="${rowH - 6}"/>` : ''}<text class="pm-axis" x="${(left + wOpen + 4).toFixed(1)}" y="${y + 14}">${o.open}${o.overdue ? ` (${o.overdue} overdue)` : ''}</text></g>`;
    })
    .join('');
  const legendY = height - 14;
  const legend = `<rect class="pm-open" x="${left}" y="${legendY}" width="10" height="10"/><text class="pm-axis" x="${left + 14}" y="${legendY + 9}">open</text><rect class="pm-overdue" x="${left + 70}" y="${legendY}" width="10" height="10"/><text class="pm-axis" x="${left + 84}" y="${legendY + 9}">of which overdue</text>${owners.length > shown.length ? `<text class="pm-axis" x="${W - PAD.right}" y="${legendY + 9}" text-anchor="end">${owners.length - shown.length} more owners in the table</text>` : ''}`;
  const svg = `${svgOpen(id, title, options.interactive).replace(`viewBox="0 0 ${W} ${H}"`, `viewBox="0 0 ${W} ${height}"`)}${bars}${legend}</svg>`;
  return { id, title, svg, table };
}
