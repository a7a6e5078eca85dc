import assert from 'node:assert/strict';
import { sliceRange, where, only, lint, ofRule } from './helpers';

describe('rule action-item-owner', () => {
  const text = [
    '## Action Items', //                                       1
    '',
    '- [ ] Add config validation — due 2026-04-01', //          3: no owner
    '- [ ] Write a runbook — @sam, due 2026-04-01', //          4
    '- [ ] Cap the queue — owner: Kim Lee, due 2026-04-01', //  5
    '- [ ] Add jitter (Owner: Bo Chen) due: 2026-04-01', //     6
    '- [ ] Share rate limits — assigned to Priya, due 2026-04-01', // 7
    '- [x] Roll back the client', //                            8: done, no owner: fine
    '- [ ] Add config validation', //                           9: no owner, last line
  ].join('\n');

  it('flags open items without an owner, with the item text as range', () => {
    const found = ofRule(lint(text, only('action-item-owner')), 'action-item-owner');
    assert.deepEqual(found.map(where), ['3:7-3:28', '9:7-9:28']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['Add config validation', 'Add config validation']);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].message, 'Action item has no owner: add `@handle` or `owner: Name` so one person or team drives it to done.');
  });

  it('accepts @handles, owner:, (Owner: ...), assigned to, and done items', () => {
    const found = ofRule(lint(text, only('action-item-owner')), 'action-item-owner');
    assert.ok(found.every((f) => ![4, 5, 6, 7, 8].includes(f.range.start.line + 1)));
  });

  it('flags a placeholder owner left from the template, at the owner', () => {
    const placeholder = '## Action Items\n\n- [ ] Describe the change — @owner, due 2026-04-01\n';
    const found = lint(placeholder, only('action-item-owner'));
    assert.deepEqual(found.map(where), ['3:29-3:35']);
    assert.equal(sliceRange(placeholder, found[0].range), '@owner');
    assert.match(found[0].message, /^`@owner` is a placeholder/);
  });

  it('flags a table row with an empty Owner cell, ranging over the Action cell', () => {
    const table = '## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n| Add rev C units |  | 2026-05-20 |\n| Gate rollouts | @lena | 2026-06-01 |\n| Link revisions | TBD | 2026-06-15 |\n';
    const found = lint(table, only('action-item-owner'));
    assert.deepEqual(found.map(where), ['5:3-5:18', '7:3-7:17']);
    assert.deepEqual(found.map((f) => sliceRange(table, f.range)), ['Add rev C units', 'Link revisions']);
  });
});

