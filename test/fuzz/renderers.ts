// Every renderer a document's text can reach, imported directly: the fuzz, XSS and hostile suites run
// each of them, and a renamed or removed renderer breaks the build instead of silently skipping cases.
import type { Analysis } from '../../src/core/analyze';
import { createSummary, type SummaryFormat } from '../../src/core/summary/index';
import { buildTimelineViewModel, renderTimelineHtml, renderTimelinePage, renderTimelineSvg, type TimelineViewModel } from '../../src/core/timelineView/index';

export type { SummaryFormat };

export interface Renderers {
  /** The stakeholder summary of an analysis in one format (with the author's notes, so the most document text reaches the output). */
  summary: (analysis: Analysis, format: SummaryFormat, today: string) => string;
  /** Timeline preview body (HTML fragment). */
  timelineHtml: (analysis: Analysis, today: string) => string;
  /** Standalone timeline SVG. */
  timelineSvg: (analysis: Analysis, today: string) => string;
  /** The timeline view model (what the extension posts to the webview). */
  timelineModel: (analysis: Analysis, today: string) => TimelineViewModel;
  /** The whole timeline webview document (CSP, styles, state JSON, script). */
  timelinePage: (analysis: Analysis, today: string, page: { cspSource: string; nonce: string; scriptUri: string; styleUris: string[] }) => string;
}

export const RENDERERS: Renderers = {
  summary: (analysis, format, today) => createSummary(analysis, { format, today, showNotes: true }).output,
  timelineModel: (analysis, today) => buildTimelineViewModel(analysis, { today }),
  timelineHtml: (analysis, today) => renderTimelineHtml(buildTimelineViewModel(analysis, { today }), {}),
  timelineSvg: (analysis, today) => renderTimelineSvg(buildTimelineViewModel(analysis, { today }), {}),
  timelinePage: (analysis, today, page) => renderTimelinePage({ ...page, model: buildTimelineViewModel(analysis, { today }), resource: 'file:///x.postmortem.md' }),
};

/** For callers written against the old loader. */
export function loadRenderers(): Promise<Renderers> {
  return Promise.resolve(RENDERERS);
}
