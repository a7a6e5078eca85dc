import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/core/analyze';
import { resolveConfig } from '../../../../src/core/config';
import { actionItemCounts } from '../../../../src/core/features/actionItemStatus';

const TODAY = '2026-03-20';
const text = `# Queue outage

## Action items

- [x] Cap the retry queue — @kim, due 2026-13-01
- [ ] Page on queue depth — due 2026-03-10
- [ ] Write the runbook — @sam
`;

describe('action item counts (status bar)', () => {
  it('counts open items only: a done item with an invalid date is not an open item without deadline', () => {
    const counts = actionItemCounts(analyzeText(text, { today: TODAY }));
    assert.deepEqual(counts, { total: 3, open: 2, failing: { withoutOwner: 1, withoutDeadline: 1, overdue: 1 } });
  });

  it('leaves out a check whose rule is off instead of claiming it passes', () => {
    const { config } = resolveConfig({ rules: { 'action-item-owner': 'off' } });
    const counts = actionItemCounts(analyzeText(text, { today: TODAY, config }));
    assert.equal(counts.failing.withoutOwner, undefined);
    assert.equal(counts.failing.withoutDeadline, 1);
  });

  it('uses the date the analysis was made with', () => {
    assert.equal(actionItemCounts(analyzeText(text, { today: '2026-03-01' })).failing.overdue, 0);
  });
});
