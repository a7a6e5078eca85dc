import assert from 'node:assert/strict';
import { sliceRange, where, only, lint } from './helpers';

describe('rule action-item-deadline-invalid', () => {
  it('flags impossible and unreadable deadlines, ranging over the value', () => {
    const text = '## Action Items\n\n- [ ] Cap the queue — @kim, due 2026-13-01\n- [ ] Share limits — @ana, due next sprint\n- [ ] Fine — @bo, due Apr 1, 2026\n';
    const found = lint(text, only('action-item-deadline-invalid'));
    assert.deepEqual(found.map(where), ['3:33-3:43', '4:32-4:43']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['2026-13-01', 'next sprint']);
    assert.deepEqual(found.map((f) => f.message), ['Deadline 2026-13-01 is not a real date.', 'Deadline `next sprint` is not a date (write YYYY-MM-DD).']);
    assert.ok(found.every((f) => f.severity === 'error'));
  });

  it('flags a table Due cell that is not a real date', () => {
    const text = '## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n| Gate rollouts | @lena | 2026-02-30 |\n';
    const found = lint(text, only('action-item-deadline-invalid'));
    assert.deepEqual(found.map(where), ['5:27-5:37']);
    assert.equal(sliceRange(text, found[0].range), '2026-02-30');
    assert.equal(found[0].message, 'Deadline 2026-02-30 is not a real date.');
  });
});

