// The insights as Markdown, as a self-contained HTML report (inline styles, light and dark through
// prefers-color-scheme, no script) and as the dashboard webview page (strict CSP with a nonce, VS Code
// theme colours, bars that open their post-mortems). The same body and charts in both.
import { formatDuration } from '../model/time';
import { escapeHtml as e, escapeMarkdown as md, jsonForScript } from '../util/escape';
import { buildCharts, type Chart, type ChartSet } from './charts';
import { type Count, type Insights, type MetricStats, NO_VALUE } from './compute';
import { metricSummaryText, percentText } from './text';

const METRICS: Array<['ttd' | 'ttm' | 'ttr' | 'duration', string]> = [
  ['ttd', 'Time to detect (MTTD)'],
  ['ttm', 'Time to mitigate (MTTM)'],
  ['ttr', 'Time to resolve (MTTR)'],
  ['duration', 'Duration'],
];

/** Stylesheet of the report and the dashboard: VS Code theme variables when present, else light or dark by the reader's preference. */
export const INSIGHTS_CSS = `
:root { --pm-fg-0: #1f2328; --pm-bg-0: #ffffff; --pm-muted-0: #59636e; --pm-grid-0: #d1d9e0; --pm-card-0: #f6f8fa; --pm-accent-0: #0969da;
  --pm-c1-0: #cf222e; --pm-c2-0: #bc4c00; --pm-c3-0: #9a6700; --pm-c4-0: #0969da; --pm-c5-0: #1a7f37; --pm-c0-0: #818b98; color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --pm-fg-0: #e6edf3; --pm-bg-0: #0d1117; --pm-muted-0: #9198a1; --pm-grid-0: #3d444d; --pm-card-0: #151b23; --pm-accent-0: #4493f8;
  --pm-c1-0: #f85149; --pm-c2-0: #db6d28; --pm-c3-0: #d29922; --pm-c4-0: #4493f8; --pm-c5-0: #3fb950; --pm-c0-0: #9198a1; } }
:root { --pm-fg: var(--vscode-foreground, var(--pm-fg-0)); --pm-bg: var(--vscode-editor-background, var(--pm-bg-0)); --pm-muted: var(--vscode-descriptionForeground, var(--pm-muted-0));
  --pm-grid: var(--vscode-editorWidget-border, var(--pm-grid-0)); --pm-card: var(--vscode-editorWidget-background, var(--pm-card-0)); --pm-accent: var(--vscode-focusBorder, var(--pm-accent-0));
  --pm-c1: var(--vscode-charts-red, var(--pm-c1-0)); --pm-c2: var(--vscode-charts-orange, var(--pm-c2-0)); --pm-c3: var(--vscode-charts-yellow, var(--pm-c3-0));
  --pm-c4: var(--vscode-charts-blue, var(--pm-c4-0)); --pm-c5: var(--vscode-charts-green, var(--pm-c5-0)); --pm-c0: var(--vscode-charts-foreground, var(--pm-c0-0)); }
body { background: var(--pm-bg); color: var(--pm-fg); font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); font-size: var(--vscode-font-size, 14px); margin: 0; padding: 16px 24px; line-height: 1.45; }
h1 { font-size: 1.5em; margin: 0 0 4px; } h2 { font-size: 1.15em; margin: 24px 0 8px; } .pm-sub { color: var(--pm-muted); margin: 0 0 16px; }
.pm-cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(190px, 1fr)); gap: 12px; }
.pm-card { background: var(--pm-card); border: 1px solid var(--pm-grid); border-radius: 6px; padding: 10px 12px; }
.pm-card .pm-big { font-size: 1.6em; font-weight: 600; } .pm-card .pm-note { color: var(--pm-muted); font-size: 0.9em; }
.pm-charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
figure { margin: 0; background: var(--pm-card); border: 1px solid var(--pm-grid); border-radius: 6px; padding: 10px 12px; }
figcaption { font-weight: 600; margin-bottom: 6px; }
.pm-chart { width: 100%; height: auto; display: block; }
.pm-chart text { font-size: 11px; }
.pm-axis { fill: var(--pm-muted); } .pm-grid { stroke: var(--pm-grid); stroke-width: 1; }
.pm-line { fill: none; stroke-width: 2.5; } .pm-mean { stroke: var(--pm-c4); } .pm-median { stroke: var(--pm-c0); stroke-dasharray: 5 4; }
.pm-point { fill: var(--pm-c4); stroke: var(--pm-bg); stroke-width: 2; }
.pm-s1 { fill: var(--pm-c1); } .pm-s2 { fill: var(--pm-c2); } .pm-s3 { fill: var(--pm-c3); } .pm-s4 { fill: var(--pm-c4); } .pm-s5 { fill: var(--pm-c5); } .pm-s0 { fill: var(--pm-c0); }
.pm-open { fill: var(--pm-c4); } .pm-overdue { fill: var(--pm-c1); }
[data-key] { cursor: pointer; outline: none; }
[data-key]:hover, [data-key]:focus-visible { filter: brightness(1.2); stroke: var(--pm-fg); stroke-width: 2; }
g[data-key]:focus-visible rect.pm-open { stroke: var(--pm-fg); stroke-width: 2; }
details { margin-top: 6px; } summary { cursor: pointer; color: var(--pm-muted); }
table { border-collapse: collapse; margin: 6px 0; font-size: 0.92em; } th, td { border-bottom: 1px solid var(--pm-grid); padding: 3px 10px 3px 0; text-align: left; }
td.pm-num, th.pm-num { text-align: right; padding-right: 14px; }
ul.pm-list { margin: 4px 0; padding-left: 20px; } .pm-muted { color: var(--pm-muted); }
a { color: var(--pm-accent); } button.pm-link { background: none; border: none; color: var(--pm-accent); padding: 0; font: inherit; cursor: pointer; text-decoration: underline; }
:focus-visible { outline: 2px solid var(--pm-accent); outline-offset: 2px; }
`;

export interface BodyOptions {
  /** Dashboard: bars are buttons and file names open the file. */
  interactive?: boolean;
  /** How a file is shown (a relative path in the CLI, a workspace-relative path in the editor). */
  label?: (file: string) => string;
  /** Charts built already (the dashboard keeps their `files` map). */
  charts?: ChartSet;
}

function tableHtml(table: Chart['table']): string {
  const numeric = (i: number) => i > 0;
  return `<table><thead><tr>${table.head.map((h, i) => `<th scope="col"${numeric(i) ? ' class="pm-num"' : ''}>${e(h)}</th>`).join('')}</tr></thead><tbody>${table.rows
    .map((r) => `<tr>${r.map((c, i) => (i ? `<td class="pm-num">${e(c)}</td>` : `<th scope="row">${e(c)}</th>`)).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function card(title: string, stats: MetricStats): string {
  return `<div class="pm-card"><div>${e(title)}</div><div class="pm-big">${e(formatDuration(stats.mean))}</div><div class="pm-note">${e(metricSummaryText(stats))}${stats.p90 !== null ? `; p90 ${e(formatDuration(stats.p90))}` : ''}</div></div>`;
}

function countList(counts: Count[], empty: string): string {
  if (!counts.length) return `<p class="pm-muted">${e(empty)}</p>`;
  return `<ul class="pm-list">${counts.map((c) => `<li>${e(c.value)} <span class="pm-muted">(${c.count})</span></li>`).join('')}</ul>`;
}

/** The report's content: headline figures, charts (each with its table), action items, themes, follow-ups. */
export function renderInsightsBody(insights: Insights, options: BodyOptions = {}): string {
  const label = options.label ?? ((f: string) => f);
  const charts = options.charts ?? buildCharts(insights, { interactive: options.interactive === true });
  const a = insights.actionItems;
  const fileLink = (file: string) => (options.interactive ? `<button class="pm-link" data-file="${e(file)}">${e(label(file))}</button>` : e(label(file)));
  const sev = Object.entries(insights.bySeverity).map(([k, n]) => `${k === NO_VALUE ? 'no severity' : k}: ${n}`).join(', ');
  const status = Object.entries(insights.byStatus).map(([k, n]) => `${k === NO_VALUE ? 'no status' : k}: ${n}`).join(', ');
  const excluded = insights.excluded.beforeSince + insights.excluded.undated;
  const parts = [
    `<p class="pm-sub">${e(`${insights.incidents} post-mortem${insights.incidents === 1 ? '' : 's'}${insights.since ? ` since ${insights.since}` : ''}`)}${excluded ? e(` (${insights.excluded.beforeSince} earlier and ${insights.excluded.undated} without a date left out)`) : ''}${sev ? ` · ${e(sev)}` : ''}${status ? ` · ${e(status)}` : ''} · action items as of ${e(insights.today)}</p>`,
    `<div class="pm-cards">${METRICS.map(([id, title]) => card(title, insights[id])).join('')}<div class="pm-card"><div>Action items</div><div class="pm-big">${a.open} open</div><div class="pm-note">${e(`${a.overdue} overdue, ${a.done} done, ${a.noDeadline} open without a deadline; done on time ${percentText(a.doneOnTimeRate)}`)}</div></div></div>`,
    `<h2>Charts</h2><div class="pm-charts">${charts.charts
      .map((c) => `<figure aria-labelledby="${e(c.id)}-caption"><figcaption id="${e(c.id)}-caption">${e(c.title)}</figcaption>${c.svg}<details><summary>Table of the figures</summary>${tableHtml(c.table)}</details></figure>`)
      .join('')}</div>`,
    '<h2>Action items</h2>',
    a.oldestOpen
      ? `<p>Oldest open: “${e(a.oldestOpen.text)}” (${e(a.oldestOpen.owner ?? 'no owner')}${a.oldestOpen.due ? `, due ${e(a.oldestOpen.due)}` : ''}${a.oldestOpen.ageDays !== undefined ? `, open ${a.oldestOpen.ageDays} days since the incident` : ''}) in ${fileLink(a.oldestOpen.file)}</p>`
      : '<p class="pm-muted">No open action items.</p>',
    '<h2>Recurring themes</h2>',
    `<div class="pm-cards"><div class="pm-card"><div>Services</div>${countList(insights.themes.services, 'No post-mortem names its services (add services: to the front matter).')}</div><div class="pm-card"><div>Tags</div>${countList(insights.themes.tags, 'No post-mortem has tags.')}</div><div class="pm-card"><div>Root-cause words in 2+ post-mortems</div>${countList(insights.themes.causeWords, 'None recur.')}</div><div class="pm-card"><div>Glossary terms in 2+ root causes</div>${countList(insights.themes.causeTerms, 'None recur.')}</div></div>`,
    '<h2>Follow-up</h2>',
    insights.followUp.withoutReviewDate.length
      ? `<p>${insights.followUp.withoutReviewDate.length} without a review date:</p><ul class="pm-list">${insights.followUp.withoutReviewDate.slice(0, 50).map((f) => `<li>${fileLink(f)}</li>`).join('')}${insights.followUp.withoutReviewDate.length > 50 ? `<li class="pm-muted">and ${insights.followUp.withoutReviewDate.length - 50} more</li>` : ''}</ul>`
      : '<p>Every post-mortem names its review date.</p>',
    '<p class="pm-muted">Whether each stakeholder summary went out within 24 hours is not recorded in the documents, so it is not shown.</p>',
  ];
  return parts.join('\n');
}

/** A self-contained HTML report (no script, no external resources) a team can publish from CI. */
export function renderInsightsReport(insights: Insights, options: { title?: string; label?: (file: string) => string } = {}): string {
  const title = options.title ?? 'Incident insights';
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    `<title>${e(title)}</title>`,
    `<style>${INSIGHTS_CSS}</style>`,
    '</head>',
    '<body>',
    `<h1>${e(title)}</h1>`,
    renderInsightsBody(insights, options.label ? { label: options.label } : {}),
    '</body>',
    '</html>',
  ].join('\n');
}

export interface DashboardPageOptions {
  cspSource: string;
  nonce: string;
  scriptUri: string;
  insights: Insights;
  label?: (file: string) => string;
  /** Body class for a rendering outside VS Code (`vscode-dark`). */
  bodyClass?: string;
}

/** The dashboard webview page, and the `data-key` → files map of its charts (kept by the host). */
export function renderDashboardPage(options: DashboardPageOptions): { html: string; files: Record<string, string[]> } {
  const charts = buildCharts(options.insights, { interactive: true });
  const csp = `default-src 'none'; style-src 'nonce-${options.nonce}'; script-src 'nonce-${options.nonce}'; img-src ${options.cspSource} data:;`;
  const html = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="UTF-8">',
    `<meta http-equiv="Content-Security-Policy" content="${e(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1.0">',
    '<title>Incident insights</title>',
    `<style nonce="${e(options.nonce)}">${INSIGHTS_CSS}</style>`,
    '</head>',
    `<body${options.bodyClass ? ` class="${e(options.bodyClass)}"` : ''}>`,
    '<h1>Incident insights</h1>',
    `<div id="pm-root">${renderInsightsBody(options.insights, { interactive: true, charts, ...(options.label ? { label: options.label } : {}) })}</div>`,
    '<div id="pm-status" class="pm-muted" role="status" aria-live="polite"></div>',
    `<script type="application/json" id="pm-state" nonce="${e(options.nonce)}">${jsonForScript({ incidents: options.insights.incidents })}</script>`,
    `<script nonce="${e(options.nonce)}" src="${e(options.scriptUri)}"></script>`,
    '</body>',
    '</html>',
  ].join('\n');
  return { html, files: charts.files };
}

/** The body alone, for updates posted to an open dashboard. */
export function renderDashboardUpdate(insights: Insights, label?: (file: string) => string): { body: string; files: Record<string, string[]> } {
  const charts = buildCharts(insights, { interactive: true });
  return { body: renderInsightsBody(insights, { interactive: true, charts, ...(label ? { label } : {}) }), files: charts.files };
}

function mdTable(head: string[], rows: string[][]): string {
  return [`| ${head.map(md).join(' | ')} |`, `|${head.map((_, i) => (i ? '---:' : '---')).join('|')}|`, ...rows.map((r) => `| ${r.map(md).join(' | ')} |`)].join('\n');
}

/** Markdown for a wiki page or a CI summary. */
export function renderInsightsMarkdown(insights: Insights, label: (file: string) => string = (f) => f): string {
  const a = insights.actionItems;
  const lines = [
    '# Incident insights',
    '',
    `${insights.incidents} post-mortem${insights.incidents === 1 ? '' : 's'}${insights.since ? ` since ${insights.since}` : ''}; action items as of ${insights.today}.`,
    '',
    mdTable(
      ['Metric', 'Mean', 'Median', 'p90', 'Incidents', 'Without the times'],
      METRICS.map(([id, title]) => [title, formatDuration(insights[id].mean), formatDuration(insights[id].median), formatDuration(insights[id].p90), String(insights[id].count), String(insights[id].missing)]),
    ),
    '',
    `**By severity:** ${Object.entries(insights.bySeverity).map(([k, n]) => `${k} ${n}`).join(', ') || '—'}  `,
    `**By status:** ${Object.entries(insights.byStatus).map(([k, n]) => `${k} ${n}`).join(', ') || '—'}`,
    '',
    '## Trend per quarter',
    '',
    mdTable(['Quarter', 'Incidents', 'Mean TTR', 'Median TTR'], insights.trend.quarter.map((q) => [q.period, String(q.incidents), formatDuration(q.ttr.mean), formatDuration(q.ttr.median)])),
    '',
    '## Action items',
    '',
    `${a.open} open (${a.overdue} overdue, ${a.noDeadline} without a deadline), ${a.done} done; done on time: ${percentText(a.doneOnTimeRate)}.`,
    ...(a.oldestOpen ? ['', `Oldest open: “${md(a.oldestOpen.text)}” (${md(a.oldestOpen.owner ?? 'no owner')}) in ${md(label(a.oldestOpen.file))}:${a.oldestOpen.line + 1}`] : []),
    '',
    mdTable(['Owner', 'Open', 'Overdue', 'Done'], a.byOwner.map((o) => [o.owner, String(o.open), String(o.overdue), String(o.done)])),
  ];
  if (insights.groups) {
    lines.push('', `## By ${insights.groupBy}`, '', mdTable([String(insights.groupBy), 'Incidents', 'Mean TTR', 'Median TTR', 'Open items', 'Overdue'], insights.groups.map((g) => [g.key, String(g.incidents), formatDuration(g.ttr.mean), formatDuration(g.ttr.median), String(g.actionItems.open), String(g.actionItems.overdue)])));
  }
  const theme = (title: string, counts: Count[]) => (counts.length ? [`**${title}:** ${counts.map((c) => `${md(c.value)} (${c.count})`).join(', ')}`, ''] : []);
  lines.push('', '## Recurring themes', '', ...theme('Services', insights.themes.services), ...theme('Tags', insights.themes.tags), ...theme('Root-cause words', insights.themes.causeWords), ...theme('Glossary terms in root causes', insights.themes.causeTerms));
  lines.push('## Follow-up', '', insights.followUp.withoutReviewDate.length ? `Without a review date: ${insights.followUp.withoutReviewDate.map((f) => md(label(f))).join(', ')}` : 'Every post-mortem names its review date.');
  return lines.join('\n');
}
