import assert from 'node:assert/strict';
import { sliceRange, where, only, lint } from './helpers';

describe('rule front-matter', () => {
  it('flags unknown severity, status, impossible dates and zones, at the value', () => {
    const text = '---\nseverity: SEV7\nstatus: done\ndate: 2026-02-30\ntimezone: Mars/Base\n---\n\n# T\n';
    const found = lint(text, only('front-matter'));
    assert.deepEqual(found.map(where), ['2:11-2:15', '3:9-3:13', '4:7-4:17', '5:11-5:20']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['SEV7', 'done', '2026-02-30', 'Mars/Base']);
    assert.deepEqual(found.map((f) => f.message), [
      '`SEV7` is not a severity; use one of SEV1, SEV2, SEV3, SEV4, SEV5, P0, P1, P2, P3, P4, critical, high, medium, low.',
      '`done` is not a status; use draft, in-review or final.',
      'Date: 2026-02-30 is not a real date.',
      '`Mars/Base` is not a time zone; use UTC, an offset like +02:00, or an IANA name like Europe/Berlin.',
    ]);
    assert.ok(found.every((f) => f.severity === 'error'));
  });

  it('flags key lines, invalid YAML and an unclosed block', () => {
    const keyLines = '# T\n\n**Severity:** SEV9\n**Status:** finished\n';
    assert.deepEqual(lint(keyLines, only('front-matter')).map((f) => `${where(f)} ${sliceRange(keyLines, f.range)}`), ['3:15-3:19 SEV9', '4:13-4:21 finished']);
    const yaml = lint('---\ntitle: [oops\n---\n\n# T\n', only('front-matter'));
    assert.equal(yaml.length, 1);
    assert.match(yaml[0].message, /^Front matter is not valid YAML: /);
    assert.equal(yaml[0].range.start.line + 1, 2);
    const unclosed = lint('---\ntitle: x\n\n# T\n', only('front-matter'));
    assert.deepEqual(unclosed.map((f) => `${where(f)} ${f.message}`), ['1:1-1:4 Front matter starts with `---` but is never closed by a `---` line.']);
  });

  it('accepts synonyms and case variants', () => {
    const text = '---\nsev: p1\nstate: In Review\nincident date: 2026-02-28\ntz: Europe/Berlin\n---\n\n# T\n';
    assert.deepEqual(lint(text, only('front-matter')), []);
  });
});

