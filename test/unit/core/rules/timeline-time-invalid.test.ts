import assert from 'node:assert/strict';
import { sliceRange, where, only, lint } from './helpers';

describe('rule timeline-time-invalid', () => {
  it('flags unreadable times in lists and tables as errors', () => {
    const list = '## Timeline\n\n- 10:05 — a\n- 25:61 — Rollback finished\n';
    const found = lint(list, only('timeline-time-invalid'));
    assert.deepEqual(found.map(where), ['4:3-4:8']);
    assert.equal(sliceRange(list, found[0].range), '25:61');
    assert.equal(found[0].message, '25:61 is not a valid time of day.');
    assert.equal(found[0].severity, 'error');
    const table = '## Timeline\n\n| Time | Event |\n|---|---|\n| soon | a |\n';
    const inTable = lint(table, only('timeline-time-invalid'));
    assert.deepEqual(inTable.map(where), ['5:3-5:7']);
    assert.equal(inTable[0].message, '`soon` is not a time of day (expected HH:MM).');
  });

  it('accepts valid times with dates, zones and am/pm', () => {
    const text = '## Timeline\n\n- **2026-03-14 14:02 UTC** — a\n- 2:10 pm — b\n- 14:30:15 +02:00 — c\n';
    assert.deepEqual(lint(text, only('timeline-time-invalid')), []);
  });
});

