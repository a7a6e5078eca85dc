import { daysUntil } from '../model/time';
import type { RuleDefinition } from './types';

export const actionItemOverdue: RuleDefinition = {
  id: 'action-item-overdue',
  defaultSeverity: 'info',
  description: 'An open action item is past its deadline.',
  rationale: 'Overdue items are the ones a follow-up review should talk about: finish, re-plan or drop them explicitly.',
  bad: '- [ ] Review alert thresholds — @kim, due 2025-01-10',
  good: '- [x] Review alert thresholds — @kim, due 2025-01-10',
  check({ doc, report, today }) {
    for (const item of doc.actionItems) {
      if (item.done || !item.due) continue;
      const days = daysUntil(item.due, today);
      if (days >= 0) continue;
      report({ message: `Deadline ${item.due} passed ${-days} day${days === -1 ? '' : 's'} ago: finish, re-plan or close this item.`, range: item.dueRange ?? item.textRange });
    }
  },
};
