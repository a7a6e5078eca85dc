// Renders a StakeholderSummary as Markdown, self-contained HTML or plain text. Every string from the
// document is escaped for the target format here, and only here. Pure TypeScript, no `vscode` import.

import { applyTemplate, templateProblem, type TemplatePlaceholder } from './template';
import type { ImpactEntry, Span, StakeholderSummary, SummaryActionItem, SummaryMetric } from './types';
import { escapeHtml as escapeHtmlText, escapeMarkdown, oneLine } from '../util/escape';

// ── Escaping ────────────────────────────────────────────────────────────────────────────────

export { escapeMarkdown } from '../util/escape';

/** HTML text on one line. */
export function escapeHtml(text: string): string {
  return escapeHtmlText(oneLine(text));
}

/** Text inside an HTML/Markdown comment: `--` may not appear (it could end the comment). */
function commentSafe(text: string): string {
  return oneLine(text).replace(/-(?=-)/g, '- ').replace(/-$/, '- ');
}

// ── Shared wording ──────────────────────────────────────────────────────────────────────────

function doneLine(s: StakeholderSummary): string | undefined {
  const { done, doneListed, items } = s.actionItems;
  if (done === 0 || doneListed) return undefined;
  return items.length === 0 ? `All ${done} action item${done === 1 ? ' is' : 's are'} done.` : `${done} more action item${done === 1 ? ' is' : 's are'} already done.`;
}

interface MetaPart {
  label: string;
  value: string;
}

function metaParts(s: StakeholderSummary): MetaPart[] {
  const parts: MetaPart[] = [];
  if (s.severity) parts.push({ label: 'Severity', value: s.severity });
  if (s.date) parts.push({ label: 'Date', value: s.date });
  if (s.status) parts.push({ label: 'Status', value: s.status });
  if (s.incidentId) parts.push({ label: 'Incident', value: s.incidentId });
  return parts;
}

// ── Markdown ────────────────────────────────────────────────────────────────────────────────

function mdSpans(spans: Span[]): string {
  return spans.map((sp) => (sp.strong && sp.text.trim() ? `**${escapeMarkdown(sp.text)}**` : keepEdges(sp.text, escapeMarkdown(sp.text)))).join('');
}

/** Escapers trim; inside a run of spans the spaces at the edges matter. */
function keepEdges(raw: string, escaped: string): string {
  if (!escaped) return raw ? ' ' : '';
  return (/^\s/.test(raw) ? ' ' : '') + escaped + (/\s$/.test(raw) ? ' ' : '');
}

function mdEntry(entry: ImpactEntry): string {
  return `- ${entry.label ? `**${escapeMarkdown(entry.label)}:** ` : ''}${mdSpans(entry.spans)}`;
}

function mdActionTable(items: SummaryActionItem[]): string[] {
  if (items.length === 0) return [];
  return [
    '| Action | Owner | Due | Status |',
    '|---|---|---|---|',
    ...items.map((i) => `| ${escapeMarkdown(i.text)} | ${escapeMarkdown(i.owner)} | ${escapeMarkdown(i.due)} | ${i.overdueDays !== undefined ? `**${escapeMarkdown(i.status)}**` : escapeMarkdown(i.status)} |`),
  ];
}

export function markdownNotes(notes: string[]): string {
  if (notes.length === 0) return '';
  return ['<!--', 'Notes for the author (not shown to readers):', ...notes.map((n) => `- ${commentSafe(n)}`), '-->'].join('\n');
}

/** The Markdown of each template placeholder (without headings). */
export function markdownParts(s: StakeholderSummary): Record<Exclude<TemplatePlaceholder, 'notes'>, string> {
  const actionLines = [...mdActionTable(s.actionItems.items)];
  const done = doneLine(s);
  if (done) actionLines.push(...(actionLines.length ? ['', done] : [done]));
  return {
    title: escapeMarkdown(s.title),
    severity: s.severity ? escapeMarkdown(s.severity) : '',
    date: s.date ? escapeMarkdown(s.date) : '',
    status: s.status ? escapeMarkdown(s.status) : '',
    summary: s.summary ? escapeMarkdown(s.summary) : '',
    impact: s.impact.entries.map(mdEntry).join('\n'),
    keyTimes: s.keyTimes.map((k) => `- **${k.label}:** ${escapeMarkdown(k.display)}`).join('\n'),
    metrics: s.metrics.map((m) => `**${escapeMarkdown(m.label)}:** ${escapeMarkdown(m.human)}`).join(' · '),
    rootCause: s.rootCause ? escapeMarkdown(s.rootCause) : '',
    lessons: s.lessons.map((l) => `- ${escapeMarkdown(l)}`).join('\n'),
    actionItems: actionLines.join('\n'),
    followUp: s.followUp ? escapeMarkdown(s.followUp.display) : '',
  };
}

/** Key times with each metric on the line of the time it ends at ("Resolved: 15:20 UTC — TTR ..."), plus metrics left over. */
function keyTimeRows(s: StakeholderSummary): { rows: Array<{ label: string; display: string; metric?: SummaryMetric }>; rest: SummaryMetric[] } {
  const ends: Record<SummaryMetric['id'], string> = { ttd: 'detected', ttm: 'mitigated', ttr: 'resolved' };
  const placed = new Set<string>();
  const rows = s.keyTimes.map((k) => {
    const metric = s.metrics.find((m) => ends[m.id] === k.phase);
    if (metric) placed.add(metric.id);
    return { label: k.label, display: k.display, ...(metric ? { metric } : {}) };
  });
  return { rows, rest: s.metrics.filter((m) => !placed.has(m.id)) };
}

/** Default layout: key times with their metrics. */
function keyTimesWithMetrics(s: StakeholderSummary): string {
  const { rows, rest } = keyTimeRows(s);
  const lines = rows.map((r) => `- **${r.label}:** ${escapeMarkdown(r.display)}${r.metric ? ` — ${escapeMarkdown(r.metric.label)}: ${escapeMarkdown(r.metric.human)}` : ''}`);
  if (rest.length) lines.push(...(lines.length ? [''] : []), rest.map((m) => `**${escapeMarkdown(m.label)}:** ${escapeMarkdown(m.human)}`).join(' · '));
  return lines.join('\n');
}

export interface MarkdownResult {
  output: string;
  /** Notes of the template (unknown placeholders, unusable template). */
  templateNotes: string[];
}

/** Markdown, in the default layout or in `template` (a `.postmortem/summary.md` text). */
export function renderMarkdown(s: StakeholderSummary, template?: string): MarkdownResult {
  const parts = markdownParts(s);
  if (template !== undefined) {
    const problem = templateProblem(template);
    if (!problem) {
      const result = applyTemplate(template, parts, (templateNotes) => markdownNotes([...s.notes, ...templateNotes]));
      // Notes reach the exported text only where the template asks for them ({{notes}}); otherwise they are reported beside it.
      return { output: result.text.trimEnd() + '\n', templateNotes: result.notes };
    }
    const fallback = renderMarkdown({ ...s, notes: [...s.notes, problem] });
    return { output: fallback.output, templateNotes: [problem] };
  }
  // The notes for the author are not part of what stakeholders read: callers report them (editor, stderr).
  const out: string[] = [`# ${parts.title}`];
  const meta = metaParts(s);
  if (meta.length) out.push('', meta.map((p) => `**${p.label}:** ${escapeMarkdown(p.value)}`).join(' · '));
  const section = (heading: string, body: string) => {
    if (body) out.push('', `## ${heading}`, '', body);
  };
  section('Summary', parts.summary);
  section('Business impact', parts.impact);
  section('Key times', keyTimesWithMetrics(s));
  section('Root cause', parts.rootCause);
  section('Lessons learned', parts.lessons);
  section('Action items', parts.actionItems);
  if (parts.followUp) out.push('', `**Follow-up review:** ${parts.followUp}`);
  return { output: out.join('\n') + '\n', templateNotes: [] };
}

// ── Plain text ──────────────────────────────────────────────────────────────────────────────

function textSpans(spans: Span[]): string {
  return oneLine(spans.map((sp) => sp.text).join(''));
}

/** Plain text for chat and e-mail: no markup, one paragraph per line, `-` bullets. */
export function renderText(s: StakeholderSummary): string {
  const out: string[] = [oneLine(s.title)];
  const meta = metaParts(s);
  if (meta.length) out.push(meta.map((p) => `${p.label}: ${oneLine(p.value)}`).join(' | '));
  const section = (heading: string, lines: string[]) => {
    if (lines.length) out.push('', heading.toUpperCase(), ...lines);
  };
  section('Summary', s.summary ? [oneLine(s.summary)] : []);
  section('Business impact', s.impact.entries.map((e) => `- ${e.label ? `${e.label}: ` : ''}${textSpans(e.spans)}`));
  const { rows, rest } = keyTimeRows(s);
  section('Key times', [
    ...rows.map((r) => `- ${r.label}: ${oneLine(r.display)}${r.metric ? ` — ${oneLine(r.metric.label)}: ${r.metric.human}` : ''}`),
    ...(rest.length ? [rest.map((m) => `${oneLine(m.label)}: ${m.human}`).join(' | ')] : []),
  ]);
  section('Root cause', s.rootCause ? [oneLine(s.rootCause)] : []);
  section('Lessons learned', s.lessons.map((l) => `- ${oneLine(l)}`));
  const done = doneLine(s);
  section('Action items', [
    ...s.actionItems.items.map((i) => {
      const due = i.dueDate ? `due ${i.dueDate}` : /^no deadline$/i.test(i.due) ? 'no deadline' : `due ${oneLine(i.due)}`;
      const status = i.overdueDays !== undefined ? oneLine(i.status).replace(/^overdue/i, 'OVERDUE') : oneLine(i.status).toLowerCase();
      return `- ${oneLine(i.text)} — ${oneLine(i.owner)}, ${due} (${status})`;
    }),
    ...(done ? [done] : []),
  ]);
  if (s.followUp) out.push('', `Follow-up review: ${oneLine(s.followUp.display)}`);
  return out.join('\n') + '\n';
}

// ── HTML ────────────────────────────────────────────────────────────────────────────────────

const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f4f5f7; color: #1f2328; font: 15px/1.55 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 46rem; margin: 1.5rem auto; padding: 2rem 2.25rem; background: #fff; border: 1px solid #d8dce1; border-radius: 8px; }
h1 { font-size: 1.55rem; line-height: 1.25; margin: 0 0 .5rem; }
h2 { font-size: 1.05rem; text-transform: uppercase; letter-spacing: .04em; color: #46515e; margin: 1.6rem 0 .5rem; padding-bottom: .25rem; border-bottom: 1px solid #e4e7eb; }
p, ul { margin: .4rem 0; }
ul { padding-left: 1.25rem; }
li { margin: .2rem 0; }
.meta { display: flex; flex-wrap: wrap; gap: .4rem; margin: 0; padding: 0; list-style: none; }
.meta li { margin: 0; padding: .15rem .6rem; border-radius: 999px; background: #eef1f4; font-size: .85rem; }
.meta .sev { background: #fde8e8; color: #8a1c1c; font-weight: 600; }
.label { font-weight: 600; }
.metrics { display: flex; flex-wrap: wrap; gap: .5rem 1.5rem; margin: .6rem 0 0; padding: 0; list-style: none; }
.metrics li { margin: 0; }
.metrics .value { font-size: 1.15rem; font-weight: 600; display: block; }
table { width: 100%; border-collapse: collapse; margin: .5rem 0; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid #e4e7eb; }
th { font-size: .8rem; text-transform: uppercase; letter-spacing: .03em; color: #46515e; }
tr.overdue td { background: #fff4e5; }
.status-overdue { color: #9a3b00; font-weight: 600; }
.status-done { color: #1a7f37; }
.muted { color: #59636e; }
.author-notes { max-width: 46rem; margin: 1rem auto; padding: .75rem 1rem; border: 1px dashed #b08800; border-radius: 6px; background: #fff8c5; font-size: .9rem; }
.author-notes ul { margin: .25rem 0 0; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; margin: 0; padding: 0; border: 0; border-radius: 0; }
  .author-notes { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  table, tr, li { break-inside: avoid; page-break-inside: avoid; }
  tr.overdue td { background: none; }
  .meta li { border: 1px solid #999; background: none; color: #000; }
}
`.trim();

function htmlSpans(spans: Span[]): string {
  return spans.map((sp) => (sp.strong && sp.text.trim() ? `<strong>${escapeHtml(sp.text)}</strong>` : keepEdges(sp.text, escapeHtml(sp.text)))).join('');
}

export interface HtmlOptions {
  /** Show the notes for the author in a visible box (never printed); used by the editor preview. */
  showNotes?: boolean;
  /** A Content-Security-Policy for a `<meta http-equiv>` tag (the editor preview sets a strict one). */
  contentSecurityPolicy?: string;
}

/** A self-contained HTML page: inline CSS, no scripts, no external resources, print-friendly. */
export function renderHtml(s: StakeholderSummary, options: HtmlOptions = {}): string {
  const out: string[] = [];
  const section = (heading: string, body: string[]) => {
    if (body.length) out.push(`<section>`, `<h2>${escapeHtml(heading)}</h2>`, ...body, `</section>`);
  };
  out.push('<!DOCTYPE html>', '<html lang="en">', '<head>', '<meta charset="utf-8">');
  if (options.contentSecurityPolicy) out.push(`<meta http-equiv="Content-Security-Policy" content="${escapeHtml(options.contentSecurityPolicy)}">`);
  out.push('<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${escapeHtml(s.title)}</title>`, `<style>\n${CSS}\n</style>`, '</head>', '<body>');
  if (s.notes.length) {
    // Shown in the editor's preview only; an exported page has no trace of them.
    if (options.showNotes) {
      out.push('<aside class="author-notes" aria-label="Notes for the author">', '<strong>Notes for the author</strong> (not part of the exported summary):', '<ul>', ...s.notes.map((n) => `<li>${escapeHtml(n)}</li>`), '</ul>', '</aside>');
    }
  }
  out.push('<main>', '<header>', `<h1>${escapeHtml(s.title)}</h1>`);
  const meta = metaParts(s);
  if (meta.length) {
    out.push('<ul class="meta">', ...meta.map((p) => `<li${p.label === 'Severity' ? ' class="sev"' : ''}><span class="label">${escapeHtml(p.label)}:</span> ${escapeHtml(p.value)}</li>`), '</ul>');
  }
  out.push('</header>');
  section('Summary', s.summary ? [`<p>${escapeHtml(s.summary)}</p>`] : []);
  section(
    'Business impact',
    s.impact.entries.length ? ['<ul>', ...s.impact.entries.map((e) => `<li>${e.label ? `<span class="label">${escapeHtml(e.label)}:</span> ` : ''}${htmlSpans(e.spans)}</li>`), '</ul>'] : [],
  );
  const times: string[] = [];
  if (s.keyTimes.length) times.push('<ul>', ...s.keyTimes.map((k) => `<li><span class="label">${escapeHtml(k.label)}:</span> ${escapeHtml(k.display)}</li>`), '</ul>');
  if (s.metrics.length) times.push('<ul class="metrics">', ...s.metrics.map((m) => `<li><span class="muted">${escapeHtml(m.label)}</span><span class="value">${escapeHtml(m.human)}</span></li>`), '</ul>');
  section('Key times', times);
  section('Root cause', s.rootCause ? [`<p>${escapeHtml(s.rootCause)}</p>`] : []);
  section('Lessons learned', s.lessons.length ? ['<ul>', ...s.lessons.map((l) => `<li>${escapeHtml(l)}</li>`), '</ul>'] : []);
  const actions: string[] = [];
  if (s.actionItems.items.length) {
    actions.push('<table>', '<thead><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Status</th></tr></thead>', '<tbody>');
    for (const i of s.actionItems.items) {
      const cls = i.overdueDays !== undefined ? 'status-overdue' : i.done ? 'status-done' : '';
      actions.push(`<tr${i.overdueDays !== undefined ? ' class="overdue"' : ''}><td>${escapeHtml(i.text)}</td><td>${escapeHtml(i.owner)}</td><td>${escapeHtml(i.due)}</td><td${cls ? ` class="${cls}"` : ''}>${escapeHtml(i.status)}</td></tr>`);
    }
    actions.push('</tbody>', '</table>');
  }
  const done = doneLine(s);
  if (done) actions.push(`<p class="muted">${escapeHtml(done)}</p>`);
  section('Action items', actions);
  if (s.followUp) out.push(`<p><span class="label">Follow-up review:</span> ${escapeHtml(s.followUp.display)}</p>`);
  out.push('</main>', '</body>', '</html>');
  return out.join('\n') + '\n';
}
