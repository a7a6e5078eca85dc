import type { Fix, RuleDefinition } from './types';

/** Owners that are still the template's placeholder. */
const PLACEHOLDER_OWNER = /^@?(?:owner|handle|someone|somebody|name|tbd|tba|todo|who|x+|\?+)$/i;
import { endOfFirstLine, textOf } from '../model/text';
import { exampleDocument } from './examples';

export const actionItemOwner: RuleDefinition = {
  id: 'action-item-owner',
  defaultSeverity: 'warning',
  description: 'An action item has no owner.',
  rationale: 'Work that belongs to everyone belongs to no one: each action item needs one person or team who drives it to done.',
  bad: exampleDocument({ actionItems: '- [ ] Add config validation to the deploy pipeline, due 2026-04-01' }),
  good: exampleDocument({ actionItems: '- [ ] Add config validation to the deploy pipeline — @sam, due 2026-04-01' }),
  check({ doc, report }) {
    for (const item of doc.actionItems) {
      if (item.done) continue;
      if (item.owner && PLACEHOLDER_OWNER.test(item.owner)) {
        const range = item.ownerRange ?? item.textRange;
        report({ message: `\`${item.owner}\` is a placeholder: name the person or team who drives this item to done.`, range, fixes: [{ title: 'Replace the placeholder owner', edits: [{ range, newText: '${1:@owner}', snippet: true }] }] });
        continue;
      }
      if (item.owner) continue;
      const fixes: Fix[] = [];
      if (item.form === 'table' && item.ownerRange) {
        fixes.push({ title: 'Add an owner', edits: [{ range: item.ownerRange, newText: '${1:@owner}', snippet: true }], preferred: true });
      } else if (item.form === 'task') {
        const lineEnd = endOfFirstLine(doc, item.textRange);
        const after = item.textRange.end.line === lineEnd.line ? textOf(doc, { start: item.textRange.end, end: lineEnd }) : '';
        const separator = /^\s[—–-]\s/.test(after);
        const at = separator ? { line: item.textRange.end.line, character: item.textRange.end.character + 3 } : item.textRange.end;
        fixes.push({ title: 'Add an owner', edits: [{ range: { start: at, end: at }, newText: separator ? '${1:@owner}, ' : ' — ${1:@owner}', snippet: true }], preferred: true });
      }
      report({ message: 'Action item has no owner: add `@handle` or `owner: Name` so one person or team drives it to done.', range: item.textRange, fixes });
    }
  },
};
