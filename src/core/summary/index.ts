// Stakeholder summary: analysis -> summary data -> Markdown / HTML / plain text.
export { buildSummary } from './build';
export { createSummary, type CreateSummaryOptions, SUMMARY_EXTENSIONS, summaryFileName } from './create';
export { escapeHtml, escapeMarkdown, markdownParts, renderHtml, renderMarkdown, renderText, type HtmlOptions } from './render';
export { applyTemplate, MAX_TEMPLATE_SIZE, SUMMARY_TEMPLATE_PATH, TEMPLATE_PLACEHOLDERS, type TemplatePlaceholder } from './template';
export * from './types';
