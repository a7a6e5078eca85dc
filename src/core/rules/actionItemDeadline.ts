import type { ActionItem, PostmortemDocument } from '../model/types';
import { endOfFirstLine } from '../model/text';
import { addDays } from '../model/time';
import type { Fix, RuleDefinition } from './types';
import { exampleDocument } from './examples';

/** Default deadline offered by the quick fix: two weeks out. */
const DEFAULT_DAYS = 14;

export function deadlineFix(doc: PostmortemDocument, item: ActionItem, today: string): Fix | undefined {
  const date = addDays(today, DEFAULT_DAYS);
  if (item.form === 'table') {
    return item.dueRange ? { title: 'Add a deadline', edits: [{ range: item.dueRange, newText: `\${1:${date}}`, snippet: true }], preferred: true } : undefined;
  }
  // After the owner (or the text) so a wrapped item gets its deadline at the end of what was written.
  const anchor = item.ownerRange ?? item.textRange;
  const end = endOfFirstLine(doc, { start: anchor.end, end: anchor.end });
  const tail = item.owner ? `, due \${1:${date}}` : ` — due \${1:${date}}`;
  return { title: 'Add a deadline', edits: [{ range: { start: end, end }, newText: tail, snippet: true }], preferred: true };
}

export const actionItemDeadline: RuleDefinition = {
  id: 'action-item-deadline',
  defaultSeverity: 'warning',
  description: 'An open action item has no deadline.',
  rationale: 'Without a date, follow-up work loses to every other priority; a deadline makes the follow-up review possible.',
  bad: exampleDocument({ actionItems: '- [ ] Write a runbook for queue outages — @sam' }),
  good: exampleDocument({ actionItems: '- [ ] Write a runbook for queue outages — @sam, due 2026-04-01' }),
  check({ doc, report, today }) {
    for (const item of doc.actionItems) {
      if (item.done || item.due || item.dueInvalid) continue;
      const fix = deadlineFix(doc, item, today);
      report({ message: 'Open action item has no deadline: add `due YYYY-MM-DD`.', range: item.textRange, fixes: fix ? [fix] : [] });
    }
  },
};
