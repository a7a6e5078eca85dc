import assert from 'node:assert/strict';
import { sliceRange, where, only, lint } from './helpers';

describe('rule action-item-overdue', () => {
  const text = [
    '## Action Items',
    '',
    '- [ ] Review alert thresholds — @kim, due 2025-01-10', //  3: 434 days
    '- [ ] Rotate keys — @ana, due 2026-03-19', //              4: 1 day
    '- [ ] Due today — @bo, due 2026-03-20', //                 5: not overdue
    '- [x] Done long ago — @cy, due 2025-01-01', //             6: done
  ].join('\n');

  it('reports open items past their deadline as info, ranging over the date', () => {
    const found = lint(text, only('action-item-overdue'));
    assert.deepEqual(found.map(where), ['3:43-3:53', '4:31-4:41']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['2025-01-10', '2026-03-19']);
    assert.deepEqual(found.map((f) => f.message), [
      'Deadline 2025-01-10 passed: overdue by 434 days. Finish, re-plan or close this item.',
      'Deadline 2026-03-19 passed: overdue by 1 day. Finish, re-plan or close this item.',
    ]);
    assert.ok(found.every((f) => f.severity === 'info'));
  });

  it('is measured against `today`', () => {
    assert.deepEqual(lint(text, only('action-item-overdue'), '2025-01-10'), []);
  });
});

