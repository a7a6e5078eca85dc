// Summary templates: plain `{{placeholder}}` substitution, nothing else. A template is never evaluated:
// values are inserted in one pass (so a value that contains `{{title}}` stays as written), unknown
// placeholders are left visibly as they are and reported. Pure TypeScript, no `vscode` import.

/** Workspace-relative path of the Markdown summary template. */
export const SUMMARY_TEMPLATE_PATH = '.postmortem/summary.md';

export const TEMPLATE_PLACEHOLDERS = [
  'title',
  'severity',
  'date',
  'status',
  'summary',
  'impact',
  'keyTimes',
  'metrics',
  'rootCause',
  'lessons',
  'actionItems',
  'followUp',
  'notes',
] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

/** Templates larger than this are not used (a summary template is a page, not a book). */
export const MAX_TEMPLATE_SIZE = 256 * 1024;

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_.-]{0,60})\s*\}\}/g;
const BY_LOWER = new Map<string, TemplatePlaceholder>(TEMPLATE_PLACEHOLDERS.map((p) => [p.toLowerCase(), p]));

export interface TemplateResult {
  text: string;
  /** Problems for the author (unknown placeholders, oversized template). */
  notes: string[];
  /** Whether the template has a `{{notes}}` placeholder. */
  usesNotes: boolean;
}

/**
 * Fills a template. Placeholder names are matched case-insensitively and may have spaces inside the
 * braces (`{{ rootCause }}`). Values are used exactly as given (already rendered Markdown).
 * `renderNotes` renders the notes placeholder from the template's own problems (unknown placeholders).
 */
export function applyTemplate(
  template: string,
  values: Record<Exclude<TemplatePlaceholder, 'notes'>, string>,
  renderNotes: (templateNotes: string[]) => string,
): TemplateResult {
  const unknown = new Set<string>();
  let usesNotes = false;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const key = BY_LOWER.get(m[1].toLowerCase());
    if (!key) unknown.add(m[0]);
    else if (key === 'notes') usesNotes = true;
  }
  const notes = [...unknown].map((p) => `The summary template has an unknown placeholder ${p}; it was left as written. Known placeholders: ${TEMPLATE_PLACEHOLDERS.map((k) => `{{${k}}}`).join(', ')}.`);
  const notesText = usesNotes ? renderNotes(notes) : '';
  const text = template.replace(PLACEHOLDER, (whole: string, name: string) => {
    const key = BY_LOWER.get(name.toLowerCase());
    if (!key) return whole;
    if (key === 'notes') return notesText;
    const value = values[key];
    return typeof value === 'string' ? value : '';
  });
  return { text, notes, usesNotes };
}

/** Checks that a template can be used; returns a note for the author when it cannot. */
export function templateProblem(template: string): string | undefined {
  if (template.length > MAX_TEMPLATE_SIZE) return `The summary template is larger than ${MAX_TEMPLATE_SIZE / 1024} KB; the default layout was used.`;
  if (template.includes('\u0000')) return 'The summary template is not a text file; the default layout was used.';
  return undefined;
}
