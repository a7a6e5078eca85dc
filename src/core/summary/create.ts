// Stakeholder summary: analysis -> summary data -> Markdown / HTML / plain text.
// Shared by the CLI (`postmortem summary`) and the extension (export and preview commands).
// Pure TypeScript, no `vscode` import.
import type { Analysis } from '../analyze';
import { buildSummary } from './build';
import { type HtmlOptions, renderHtml, renderMarkdown, renderText } from './render';
import type { SummaryFormat, SummaryOptions, SummaryResult } from './types';

/** File name extension of each format, for "save next to the post-mortem" and `--out` defaults. */
export const SUMMARY_EXTENSIONS: Record<SummaryFormat, string> = { md: 'md', html: 'html', text: 'txt' };

export interface CreateSummaryOptions extends SummaryOptions, HtmlOptions {
  format: SummaryFormat;
  /** A Markdown template (the text of `.postmortem/summary.md`); used for `md` only. */
  template?: string;
}

/** Builds and renders the summary in one call. */
export function createSummary(analysis: Analysis, options: CreateSummaryOptions): SummaryResult {
  const summary = buildSummary(analysis, options);
  let output: string;
  let notes = summary.notes;
  if (options.format === 'html') {
    output = renderHtml(summary, { showNotes: options.showNotes === true, ...(options.contentSecurityPolicy ? { contentSecurityPolicy: options.contentSecurityPolicy } : {}) });
  }
  else if (options.format === 'text') output = renderText(summary);
  else {
    const md = renderMarkdown(summary, options.template);
    output = md.output;
    notes = [...notes, ...md.templateNotes];
  }
  return { summary, format: options.format, output, notes, blameSentences: summary.blameSentences };
}

/** `summary.md`, `.html`, `.txt` name for a post-mortem file name: `x.postmortem.md` -> `x.summary.md`. */
export function summaryFileName(postmortemFileName: string, format: SummaryFormat): string {
  const base = postmortemFileName.replace(/(?:\.postmortem)?\.(?:md|markdown)$/i, '');
  return `${base || 'postmortem'}.summary.${SUMMARY_EXTENSIONS[format]}`;
}
