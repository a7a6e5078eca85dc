// Where a document's action items stand, for the status bar: counted from the model with the one
// due-state function, and only for the checks whose rule is on.
import type { AnalysisContext } from '../analyze';
import { dueState } from '../model/due';
import type { PostmortemDocument } from '../model/types';
import type { RuleId } from '../rules/types';

export type ActionItemCheck = 'withoutOwner' | 'withoutDeadline' | 'overdue';

export interface ActionItemCounts {
  total: number;
  open: number;
  /** Open items failing each check; a check whose rules are all off is absent. */
  failing: Partial<Record<ActionItemCheck, number>>;
}

const CHECK_RULES: Record<ActionItemCheck, RuleId[]> = {
  withoutOwner: ['action-item-owner'],
  withoutDeadline: ['action-item-deadline', 'action-item-deadline-invalid'],
  overdue: ['action-item-overdue'],
};

export function actionItemCounts(analysis: AnalysisContext & { doc: PostmortemDocument }): ActionItemCounts {
  const open = analysis.doc.actionItems.filter((item) => !item.done);
  const fails: Record<ActionItemCheck, (item: (typeof open)[number]) => boolean> = {
    withoutOwner: (item) => !item.owner,
    withoutDeadline: (item) => !item.due,
    overdue: (item) => dueState(item, analysis.today).state === 'overdue',
  };
  const failing: ActionItemCounts['failing'] = {};
  for (const check of Object.keys(CHECK_RULES) as ActionItemCheck[]) {
    if (CHECK_RULES[check].every((rule) => analysis.config.rules[rule] === 'off')) continue;
    failing[check] = open.filter(fails[check]).length;
  }
  return { total: analysis.doc.actionItems.length, open: open.length, failing };
}
