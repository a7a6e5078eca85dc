import { sectionDefinition } from '../model/sections';
import type { RuleDefinition } from './types';
import { exampleDocument } from './examples';

const PLACEHOLDER = /^(?:todo|tbd|tba|tbc|wip|n\/?a|fixme|xxx|coming soon|to be (?:written|decided|done|added)|placeholder|\.{2,}|…|-+|\?+)[.!:]*$/i;

export function isPlaceholderText(text: string): boolean {
  const lines = text.split(/\n+/).map((l) => l.trim()).filter(Boolean);
  return lines.length === 0 || lines.every((l) => PLACEHOLDER.test(l.replace(/^[-*+]\s+(?:\[.\]\s*)?/, '')));
}

export const emptySection: RuleDefinition = {
  id: 'empty-section',
  defaultSeverity: 'info',
  description: 'A section has no content, or only placeholder text (TODO, TBD, ...).',
  rationale: 'An empty section looks finished in a table of contents but tells the reader nothing.',
  bad: exampleDocument({ rootCause: 'TBD' }),
  good: exampleDocument({ rootCause: 'The client changed its default connection limit, and nothing alerts on pool exhaustion.' }),
  check({ doc, report }) {
    for (const section of doc.allSections) {
      if (!section.kind) continue;
      if (!isPlaceholderText(section.bodyText)) continue;
      report({ message: `"${section.heading}" ${section.bodyText.trim() ? 'holds only placeholder text' : 'is empty'}: ${sectionDefinition(section.kind).hint}`, range: section.headingRange });
    }
  },
};
