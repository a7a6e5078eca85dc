import assert from 'node:assert/strict';
import { sliceRange, where, only, lint } from './helpers';

describe('rule action-item-deadline', () => {
  const text = [
    '## Action Items',
    '',
    '- [ ] Write a runbook — @sam', //                 3: no deadline
    '- [ ] Add config validation', //                  4: no deadline, no owner
    '- [ ] Cap the queue — @kim, due 2026-04-01', //   5
    '- [ ] Add jitter — @bo, by 2026-04-01', //        6
    '- [ ] Alert on lag — @ops, deadline 1 April 2026', // 7
    '- [x] Roll back the client — @oncall', //         8: done
    '- [ ] Fix the date — @kim, due 2026-13-01', //    9: invalid, reported by another rule
  ].join('\n');

  it('flags open items without a deadline', () => {
    const found = lint(text, only('action-item-deadline'));
    assert.deepEqual(found.map(where), ['3:7-3:22', '4:7-4:28']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['Write a runbook', 'Add config validation']);
    assert.equal(found[0].message, 'Open action item has no deadline: add `due YYYY-MM-DD`.');
    assert.equal(found[0].severity, 'warning');
  });

  it('does not flag done items, written deadlines, or invalid deadlines (action-item-deadline-invalid does)', () => {
    const found = lint(text, only('action-item-deadline'));
    assert.ok(found.every((f) => f.range.start.line + 1 <= 4));
  });

  it('flags an empty Due cell in a table', () => {
    const table = '## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n| Add rev C units | @tom |  |\n| Gate rollouts | @lena | 2026-06-01 |\n';
    const found = lint(table, only('action-item-deadline'));
    assert.deepEqual(found.map(where), ['5:3-5:18']);
  });
});

