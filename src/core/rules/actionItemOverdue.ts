import { dueState } from '../model/due';
import type { RuleDefinition } from './types';
import { exampleDocument } from './examples';

export const actionItemOverdue: RuleDefinition = {
  id: 'action-item-overdue',
  defaultSeverity: 'info',
  description: 'An open action item is past its deadline.',
  rationale: 'Overdue items are the ones a follow-up review should talk about: finish, re-plan or drop them explicitly.',
  bad: exampleDocument({ actionItems: '- [ ] Review alert thresholds — @kim, due 2026-03-10' }),
  good: exampleDocument({ actionItems: '- [x] Review alert thresholds — @kim, due 2026-03-10' }),
  check({ doc, report, today }) {
    for (const item of doc.actionItems) {
      const due = dueState(item, today);
      if (due.state !== 'overdue') continue;
      report({ message: `Deadline ${item.due} passed: ${due.label}. Finish, re-plan or close this item.`, range: item.dueRange ?? item.textRange });
    }
  },
};
