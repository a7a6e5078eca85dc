import assert from 'node:assert/strict';
import { fixture } from '../../helpers';
import { sliceRange, where, only, lint } from './helpers';

describe('rule timeline-order', () => {
  it('flags an event earlier than the one before it, at its time', () => {
    const text = '## Timeline\n\n- 10:05 — Config change deployed\n- 10:20 — Users report errors\n- 10:12 — On-call acknowledges the page\n';
    const found = lint(text, only('timeline-order'));
    assert.deepEqual(found.map(where), ['5:3-5:8']);
    assert.equal(sliceRange(text, found[0].range), '10:12');
    assert.equal(found[0].message, '10:12 is earlier than the event before it (10:20, line 4): reorder the events or correct the time.');
    assert.equal(found[0].severity, 'warning');
  });

  // Regression (fixed; src/core/rules/timelineOrder.ts comparable): without any date, 23:30 followed by 00:40 is reported as out of
  // order, although a backward jump of 12 h or more is read as crossing midnight once a date is known.
  it('accepts a midnight crossing in an undated timeline', () => {
    const text = '## Timeline\n\n- 23:30 — [started] Batch starts late\n- 00:40 — [mitigated] Batch split\n';
    assert.deepEqual(lint(text, only('timeline-order')), []);
  });

  it('works in tables, and accepts midnight crossings and day headings', () => {
    const table = '## Timeline\n\n| Time | Event |\n|---|---|\n| 10:00 | b |\n| 09:00 | c |\n';
    assert.deepEqual(lint(table, only('timeline-order')).map(where), ['6:3-6:8']);
    const midnight = '---\ndate: 2026-04-10\n---\n\n## Timeline\n\n- 23:30 — [started] Batch starts late\n- 00:40 — [mitigated] Batch split\n- 01:15 — [resolved] Done\n';
    assert.deepEqual(lint(midnight, only('timeline-order')), []);
    const days = '## Timeline\n\n### 2026-05-02\n\n- 23:30 — a\n\n### 2026-05-03\n\n- 08:10 — b\n';
    assert.deepEqual(lint(days, only('timeline-order')), []);
    assert.deepEqual(lint(fixture('examples/firmware-ota.postmortem.md'), only('timeline-order')), []);
  });
});

