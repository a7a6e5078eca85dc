import assert from 'node:assert/strict';
import { sliceRange, where, only, lint } from './helpers';

describe('rule empty-section', () => {
  const text = '# T\n\n## Summary\n\nTBD\n\n## Impact\n\n## Random notes\n\n## Timeline\n\n### Day 1\n\n- 10:00 — x\n\n## Root Cause\n\n...\n';

  it('flags recognised sections that are empty or placeholders, at their heading', () => {
    const found = lint(text, only('empty-section'));
    assert.deepEqual(found.map(where), ['3:1-3:11', '7:1-7:10', '17:1-17:14']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['## Summary', '## Impact', '## Root Cause']);
    assert.deepEqual(found.map((f) => f.message), ['"Summary" holds only placeholder text: say what happened, who was affected and for how long.', '"Impact" is empty: describe who and what was affected, for how long, and the blast radius.', '"Root Cause" holds only placeholder text: explain which conditions in the system allowed this to happen.']);
    assert.ok(found.every((f) => f.severity === 'info'));
  });

  it('ignores unrecognised headings and sections whose content is in subsections', () => {
    const lines = lint(text, only('empty-section')).map((f) => f.range.start.line + 1);
    assert.ok(!lines.includes(9) && !lines.includes(11));
  });
});

