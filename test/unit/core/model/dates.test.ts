import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { analyzeText } from '../../../../src/core/analyze';
import { parseConfigFile } from '../../../../src/core/config';
import { addDays, formatTimeValue, makeTime, MAX_INSTANT, parseTimeValue } from '../../../../src/core/model/time';
import { createSummary } from '../../../../src/core/summary/index';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../../src/cli/main';

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/bugs/${name}`, import.meta.url), 'utf8');
const lines = (text: string, rule: string) =>
  analyzeText(text, { today: '2026-03-20' })
    .findings.filter((f) => f.rule === rule)
    .map((f) => `${f.range.start.line + 1}: ${f.message}`);

describe('dates and zones stay inside the valid Date range and are never read silently', () => {
  it('impossible day numbers are flagged on their heading, never thrown or printed as NaN', () => {
    const text = fixture('dates-impossible-day.postmortem.md');
    assert.deepEqual(lines(text, 'timeline-time-invalid'), [
      '13: Day 99979475 is not a day of an incident (expected Day 1 to Day 999).',
      '17: Day 99999999 is not a day of an incident (expected Day 1 to Day 999).',
      '21: Day 0 is not a day of an incident (expected Day 1 to Day 999).',
    ]);
    const analysis = analyzeText(text, { today: '2026-03-20' });
    for (const event of analysis.doc.timeline) if (event.time) assert.doesNotThrow(() => formatTimeValue(event.time!));
    for (const format of ['md', 'text', 'html'] as const) {
      const { output } = createSummary(analysis, { format, today: '2026-03-20', all: false, applyRewording: false });
      assert.doesNotMatch(output, /NaN|Invalid Date/, format);
    }
    for (const command of ['timeline', 'summary', 'explain', 'lint']) {
      let out = '';
      const code = runCli([command, fileURLToPath(new URL('../../../fixtures/bugs/dates-impossible-day.postmortem.md', import.meta.url))], { out: (t) => (out += t), err: (t) => (out += t) });
      assert.ok(code === 0 || code === 1, `${command} exits ${code}: ${out}`);
      assert.doesNotMatch(out, /NaN|Invalid Date|RangeError/, command);
    }
  });

  it('a day past the year 9999 is flagged, not clamped silently', () => {
    const text = '---\ndate: 9999-12-30\n---\n# X\n\n## Timeline\n\n### Day 1\n\n- 23:00 a\n\n### Day 5\n\n- 10:00 b\n';
    assert.deepEqual(lines(text, 'timeline-time-invalid'), ['12: Day 5 after 9999-12-30 is past the year 9999.']);
  });

  it('offsets beyond ±14:00 are diagnostics in the timeline and in front matter, not UTC', () => {
    const text = fixture('dates-bad-zones.postmortem.md');
    assert.deepEqual(lines(text, 'timeline-time-invalid'), [
      '12: `+99:99` is not a time zone offset (offsets run from -14:00 to +14:00).',
      '13: `UTC+99` is not a time zone offset (offsets run from -14:00 to +14:00).',
      '15: 10:15:60 is not a valid time of day.',
    ]);
    assert.deepEqual(lines(text, 'front-matter'), [
      '4: Resolved: 23:59:60 is not a valid time of day.',
      '5: Detected: `+99:99` is not a time zone offset (offsets run from -14:00 to +14:00).',
    ]);
    const events = analyzeText(text, { today: '2026-03-20' }).doc.timeline;
    assert.deepEqual(events.map((e) => e.timeInvalid), [false, true, true, false, true]);
    assert.equal(events[3].time?.offsetMinutes, 120);
  });

  it('leap seconds are refused the same way in front matter and in the timeline', () => {
    assert.deepEqual(parseTimeValue('23:59:60', '2026-03-14'), { ok: false, reason: '23:59:60 is not a valid time of day' });
    assert.equal(parseTimeValue('23:59:59.5', '2026-03-14')?.ok, true);
    assert.deepEqual(lines('## Timeline\n\n- 10:00 a\n- 23:59:60 b\n', 'timeline-time-invalid'), ['4: 23:59:60 is not a valid time of day.']);
  });

  it('date arithmetic clamps: addDays, makeTime and formatTimeValue never throw', () => {
    assert.equal(addDays('2026-03-14', 1e15), '2026-03-14');
    assert.equal(addDays('2026-03-14', Number.NaN), '2026-03-14');
    assert.equal(addDays('9999-12-31', 1), '9999-12-31');
    assert.equal(addDays('1000-01-01', -1), '1000-01-01');
    assert.equal(formatTimeValue({ raw: 'x', minutes: 600, instant: MAX_INSTANT * 2 }), '10:00');
    assert.equal(formatTimeValue({ raw: 'x', minutes: 600, instant: Number.NaN }), '10:00');
    assert.doesNotThrow(() => formatTimeValue(makeTime('x', 1439, '9999-12-31', '+14:00')));
    assert.doesNotThrow(() => formatTimeValue(makeTime('x', 0, '1000-01-01', '-14:00')));
  });

  it('a configured time zone that is no zone is reported and ignored', () => {
    const { config, errors } = parseConfigFile('timezone: "+99:99"\n');
    assert.equal(config.timezone, undefined);
    assert.deepEqual(errors, ['.postmortemrc.yaml: "timezone" `+99:99` is not a time zone (use UTC, an offset from -14:00 to +14:00 or an IANA name); it is ignored']);
  });
});
