import type { RuleDefinition } from './types';
import { exampleDocument } from './examples';

export const actionItemDeadlineInvalid: RuleDefinition = {
  id: 'action-item-deadline-invalid',
  defaultSeverity: 'error',
  description: 'A deadline is not a real date.',
  rationale: 'A deadline nobody can put in a calendar is no deadline; dates are written as YYYY-MM-DD.',
  bad: exampleDocument({ actionItems: '- [ ] Cap the retry queue — @kim, due 2026-13-01' }),
  good: exampleDocument({ actionItems: '- [ ] Cap the retry queue — @kim, due 2026-12-01' }),
  check({ doc, report }) {
    for (const problem of doc.problems) {
      if (problem.code === 'action-item-deadline-invalid') report({ message: problem.message, range: problem.range });
    }
  },
};
