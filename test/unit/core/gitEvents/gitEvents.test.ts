import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { analyzeText } from '../../../../src/core/analyze';
import { assembleEvents, commitUrlBase, defaultWindow, parseGitLog, parseTagRefs, parseWindowBound, planInsertion, readRepositoryEventsSync, type RepoEvent } from '../../../../src/core/gitEvents/index';
import { gitRunnerSync } from '../../../../src/core/gitEvents/run';
import { makeRepo, type TestRepo } from '../../../support/gitRepo';

function apply(text: string, edits: Array<{ range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }>): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (p.line < starts.length ? starts[p.line] + p.character : text.length);
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const ev = (time: string, subject: string, extra: Partial<RepoEvent> = {}): RepoEvent => ({ hash: 'abcdef1234567890abcdef1234567890abcdef12', shortHash: 'abcdef1', kind: 'commit', time, subject, ...extra });

describe('repository events: reading git', () => {
  let repo: TestRepo;
  let hashes: Record<string, string>;
  before(() => {
    repo = makeRepo();
    hashes = {};
    hashes.base = repo.commit('2026-03-14T08:00:00+00:00', 'Initial commit');
    hashes.berlin = repo.commit('2026-03-14T14:55:00+01:00', 'Raise pool size | to 50', { author: 'Jürgen Müller', file: 'db/pool.yaml' });
    repo.run(['checkout', '-q', '-b', 'fix']);
    hashes.fix = repo.commit('2026-03-14T06:10:00-07:00', 'Fix retry storm in “payments” client', { file: 'payments/client.ts' });
    repo.run(['checkout', '-q', 'main']);
    hashes.merge = repo.merge('2026-03-14T13:20:00Z', 'fix', 'Merge branch fix');
    repo.tag('2026-03-14T13:30:00Z', 'v1.4.2', 'Hotfix release');
    hashes.late = repo.commit('2026-03-15T09:00:00+09:00', 'Unrelated next-day change');
    hashes.outside = repo.commit('2026-03-20T10:00:00Z', 'Much later');
    repo.run(['remote', 'add', 'origin', 'git@github.com:acme/payments.git']);
  });
  after(() => rmSync(repo.dir, { recursive: true, force: true }));

  it('reads commits, merges and tags in the window with their times and offsets, oldest first, with links', () => {
    const events = readRepositoryEventsSync(gitRunnerSync(repo.dir), { since: '2026-03-14T12:00:00Z', until: '2026-03-15T00:30:00Z' });
    assert.deepEqual(
      events.map((e) => [e.kind, e.subject, e.time]),
      [
        ['commit', 'Fix retry storm in “payments” client', '2026-03-14T06:10:00-07:00'],
        ['merge', 'Merge branch fix', '2026-03-14T13:20:00Z'.replace('Z', '+00:00')],
        ['tag', 'v1.4.2: Hotfix release', '2026-03-14T13:30:00+00:00'],
        ['commit', 'Raise pool size | to 50', '2026-03-14T14:55:00+01:00'],
        ['commit', 'Unrelated next-day change', '2026-03-15T09:00:00+09:00'],
      ],
    );
    const merge = events.find((e) => e.kind === 'merge')!;
    assert.equal(merge.hash, hashes.merge);
    assert.equal(merge.url, `https://github.com/acme/payments/commit/${hashes.merge}`);
    assert.ok(merge.hash.startsWith(merge.shortHash));
    assert.equal(events.find((e) => e.kind === 'tag')!.hash, hashes.merge, 'the tag points at the merge');
    assert.equal(events.find((e) => e.subject.startsWith('Raise'))!.author, 'Jürgen Müller');
  });

  it('filters by path and leaves tags out on request', () => {
    const events = readRepositoryEventsSync(gitRunnerSync(repo.dir), { since: '2026-03-14T00:00:00Z', until: '2026-03-16T00:00:00Z', paths: ['payments'], tags: false });
    assert.deepEqual(events.map((e) => e.hash), [hashes.fix]);
    const withTags = readRepositoryEventsSync(gitRunnerSync(repo.dir), { since: '2026-03-14T00:00:00Z', until: '2026-03-16T00:00:00Z', paths: ['payments'] });
    assert.deepEqual(withTags.map((e) => e.hash), [hashes.fix], 'the tag is on the merge, which does not touch the path on its own');
    const onMerge = readRepositoryEventsSync(gitRunnerSync(repo.dir), { since: '2026-03-14T00:00:00Z', until: '2026-03-16T00:00:00Z', paths: ['db'] });
    assert.deepEqual(onMerge.map((e) => e.subject), ['Raise pool size | to 50']);
  });

  it('parses untrusted output: separators and control characters in subjects, CRLF, junk records', () => {
    const h = 'a'.repeat(40);
    const log = `${h}\x1faaaaaaa\x1f\x1f2026-03-14T10:00:00+02:00\x1fEve\x1fsubject \x1f with \x1e separators\r\n\x1b[31mred\x00junk record\x00${'b'.repeat(40)}\x1fbbbbbbb\x1f${h} ${h}\x1fnot a date\x1fX\x1fY\x00`;
    const events = parseGitLog(log);
    assert.equal(events.length, 1);
    assert.equal(events[0].subject, 'subject with separators [31mred');
    const tags = parseTagRefs(`\x1ev1\x1f${h}\x1f\x1f2026-03-14T10:00:00Z\x1f\x1fAnn\x1fcommit subject\n\x1ebroken\n`);
    assert.deepEqual(tags.map((t) => [t.subject, t.author, t.shortHash]), [['v1', 'Ann', 'aaaaaaa']]);
    assert.deepEqual(assembleEvents('', '', undefined, { since: '2026-01-01T00:00:00Z', until: '2026-01-02T00:00:00Z' }), []);
  });

  it('maps GitHub and GitLab remotes to commit links, nothing else, never keeping credentials', () => {
    assert.equal(commitUrlBase('https://github.com/acme/api.git'), 'https://github.com/acme/api/commit/');
    assert.equal(commitUrlBase('https://user:token@github.com/acme/api'), 'https://github.com/acme/api/commit/');
    assert.equal(commitUrlBase('git@github.com:acme/api.git'), 'https://github.com/acme/api/commit/');
    assert.equal(commitUrlBase('ssh://git@gitlab.com/group/sub/api.git'), 'https://gitlab.com/group/sub/api/-/commit/');
    assert.equal(commitUrlBase('git@gitlab.example.org:g/api.git'), 'https://gitlab.example.org/g/api/-/commit/', 'self-hosted GitLab');
    assert.equal(commitUrlBase('git@git.example.org:g/api.git'), undefined);
    assert.equal(commitUrlBase('https://bitbucket.org/a/b.git'), undefined);
    assert.equal(commitUrlBase('/srv/git/api.git'), undefined);
    assert.equal(commitUrlBase('https://github.com/acme/../x'), undefined);
    assert.equal(commitUrlBase('https://github.com/a/b)"onclick'), undefined);
  });
});

describe('repository events: the window', () => {
  it('is started − 6 h to resolved', () => {
    const { doc } = analyzeText('---\ntitle: X\ndate: 2026-03-14\nstarted: 2026-03-14T14:00:00Z\nresolved: 2026-03-14T16:30:00Z\n---\n# X\n');
    const w = defaultWindow(doc);
    assert.deepEqual(w, { since: '2026-03-14T08:00:00.000Z', until: '2026-03-14T16:30:00.000Z', missing: [] });
  });

  it('says what is missing in a document without start and resolve times', () => {
    const { doc } = analyzeText('# Something happened\n\nWe are still writing this.\n');
    assert.deepEqual(defaultWindow(doc), { missing: ['started', 'resolved'] });
  });

  it('reads typed bounds in the document zone', () => {
    assert.deepEqual(parseWindowBound('2026-03-14 13:05', 'Europe/Berlin'), { ok: true, iso: '2026-03-14T12:05:00.000Z' });
    assert.deepEqual(parseWindowBound('14:00 UTC', undefined, '2026-03-14'), { ok: true, iso: '2026-03-14T14:00:00.000Z' });
    assert.deepEqual(parseWindowBound('2026-03-14T13:05-07:00', 'UTC'), { ok: true, iso: '2026-03-14T20:05:00.000Z' });
    assert.equal(parseWindowBound('2026-02-30 10:00', 'UTC').ok, false);
    assert.equal(parseWindowBound('tomorrow', 'UTC').ok, false);
    assert.equal(parseWindowBound('10:00', 'UTC').ok, false, 'no date to put it on');
  });
});

describe('repository events: insertion', () => {
  it('adds list lines in order among the existing events, in the document zone, with hash and link', () => {
    const text = `---\ntitle: Checkout outage\ndate: 2026-03-14\ntimezone: Europe/Berlin\n---\n# Checkout outage\n\n## Timeline\n\n- 14:02 — Alert fired for checkout latency\n- 14:40 — Rolled back the payments client\n- 15:10 — Resolved\n\n## Root cause\n\nText.\n`;
    const { doc } = analyzeText(text);
    const events = [ev('2026-03-14T13:30:00Z', 'Bump *payments* client', { author: 'Kim', url: 'https://github.com/acme/p/commit/abcdef1234567890abcdef1234567890abcdef12' }), ev('2026-03-14T12:05:00Z', 'Raise pool size', { kind: 'merge', shortHash: 'bbbbbbb' }), ev('2026-03-14T11:00:00Z', 'Early change', { shortHash: 'ccccccc' })];
    const { edits, planned, form, zone } = planInsertion(doc, events);
    assert.equal(form, 'list');
    assert.equal(zone, 'Europe/Berlin');
    const out = apply(text, edits);
    assert.ok(
      out.includes(
        '## Timeline\n\n- 12:00 — Committed `ccccccc`: Early change\n- 13:05 — Merged `bbbbbbb`: Raise pool size\n- 14:02 — Alert fired for checkout latency\n- 14:30 — Committed [`abcdef1`](https://github.com/acme/p/commit/abcdef1234567890abcdef1234567890abcdef12): Bump \\*payments\\* client (Kim)\n- 14:40 — Rolled back',
      ),
      out,
    );
    assert.deepEqual(planned.map((p) => p.clock), ['12:00', '13:05', '14:30']);
    // The engine reads them back as events at the right instants.
    const again = analyzeText(out).doc.timeline.map((e) => e.time?.instant);
    assert.deepEqual(again.slice(0, 4), [Date.parse('2026-03-14T11:00:00Z'), Date.parse('2026-03-14T12:05:00Z'), Date.parse('2026-03-14T13:02:00Z'), Date.parse('2026-03-14T13:30:00Z')]);
  });

  it('adds table rows with the same columns, escaping pipes', () => {
    const text = `# Outage\n\n## Timeline (UTC)\n\n| Date | Time | Event |\n|------|------|-------|\n| 2026-03-14 | 14:02 | Alert fired |\n| 2026-03-14 | 15:10 | Resolved |\n`;
    const { doc } = analyzeText(text);
    const { edits, form } = planInsertion(doc, [ev('2026-03-14T16:20:00+02:00', 'Raise pool | size')]);
    assert.equal(form, 'table');
    const out = apply(text, edits);
    assert.ok(out.includes('| 2026-03-14 | 14:02 | Alert fired |\n| 2026-03-14 | 14:20 | Committed `abcdef1`: Raise pool \\| size |\n| 2026-03-14 | 15:10 |'), out);
    const rows = analyzeText(out).doc.timeline;
    assert.equal(rows.length, 3);
    assert.equal(rows[1].time?.instant, Date.parse('2026-03-14T14:20:00Z'));
  });

  it('puts events under the right day heading, and adds a day heading when there is none', () => {
    const text = `# Outage\n\n## Timeline\n\nAll times UTC.\n\n### 2026-03-14\n\n- 23:10 — Alert fired\n\n### 2026-03-15\n\n- 01:30 — Resolved\n\n## Lessons\n\nText.\n`;
    const { doc } = analyzeText(text);
    const { edits, form } = planInsertion(doc, [ev('2026-03-15T00:20:00Z', 'Hotfix'), ev('2026-03-14T23:50:00Z', 'Config change', { shortHash: 'ddddddd' }), ev('2026-03-15T09:05:00+09:00', 'Early tag', { kind: 'tag', shortHash: 'eeeeeee', subject: 'v2' })]);
    assert.equal(form, 'headings');
    const out = apply(text, edits);
    assert.ok(out.includes('### 2026-03-14\n\n- 23:10 — Alert fired\n- 23:50 — Committed `ddddddd`: Config change\n\n### 2026-03-15\n\n- 00:05 — Tagged `eeeeeee`: v2\n- 00:20 — Committed `abcdef1`: Hotfix\n- 01:30 — Resolved'), out);
    const { doc: again } = analyzeText(out);
    assert.deepEqual(again.timeline.map((e) => e.time?.instant), ['2026-03-14T23:10:00Z', '2026-03-14T23:50:00Z', '2026-03-15T00:05:00Z', '2026-03-15T00:20:00Z', '2026-03-15T01:30:00Z'].map(Date.parse));

    const plan2 = planInsertion(doc, [ev('2026-03-16T02:00:00Z', 'Follow-up fix')]);
    const out2 = apply(text, plan2.edits);
    assert.ok(out2.includes('- 01:30 — Resolved\n\n### 2026-03-16\n\n- 02:00 — Committed `abcdef1`: Follow-up fix\n\n## Lessons'), out2);
  });

  it('writes the date when the event falls on another day than its neighbours, and converts zones', () => {
    const text = `---\ndate: 2026-03-14\n---\n# Outage\n\n## Timeline\n\nAll times PDT.\n\n- 09:00 — Alert fired\n- 10:00 — Resolved\n`;
    const { doc } = analyzeText(text);
    const out = apply(text, planInsertion(doc, [ev('2026-03-14T06:30:00Z', 'Late-night deploy')]).edits);
    // 06:30 UTC is 23:30 PDT the day before.
    assert.ok(out.includes('- 2026-03-13 23:30 — Committed `abcdef1`: Late-night deploy\n- 2026-03-14 09:00 — Alert fired\n- 10:00'), out);
    // The events already there keep their day.
    assert.deepEqual(analyzeText(out).doc.timeline.map((e) => e.time?.date), ['2026-03-13', '2026-03-14', '2026-03-14']);
    const lines = '# Outage\n\n## Timeline\n\n2026-03-14 09:00 UTC Alert fired\n10:00 Resolved\n';
    const out2 = apply(lines, planInsertion(analyzeText(lines).doc, [ev('2026-03-13T15:00:00Z', 'Deploy the day before'), ev('2026-03-14T09:30:00Z', 'Hotfix', { shortHash: 'fffffff' })]).edits);
    assert.equal(out2, '# Outage\n\n## Timeline\n\n2026-03-13 15:00 UTC Committed `abcdef1`: Deploy the day before\n2026-03-14 09:00 UTC Alert fired\n2026-03-14 09:30 UTC Committed `fffffff`: Hotfix\n10:00 Resolved\n');
    assert.deepEqual(analyzeText(out2).doc.timeline.map((e) => e.time?.instant), ['2026-03-13T15:00:00Z', '2026-03-14T09:00:00Z', '2026-03-14T09:30:00Z', '2026-03-14T10:00:00Z'].map(Date.parse));
  });

  it('creates a timeline section in a document without one, times with their zone', () => {
    const text = '# Something happened\n\nWe are still writing this.';
    const { doc } = analyzeText(text);
    const plan = planInsertion(doc, [ev('2026-03-14T10:00:00+02:00', 'Deploy')]);
    assert.equal(plan.form, 'new-section');
    const out = apply(text, plan.edits);
    assert.equal(out, '# Something happened\n\nWe are still writing this.\n\n## Timeline\n\n- 2026-03-14 08:00 UTC — Committed `abcdef1`: Deploy\n');
    assert.equal(analyzeText(out).doc.timeline[0].time?.instant, Date.parse('2026-03-14T08:00:00Z'));
  });

  it('fills an empty timeline section', () => {
    const text = '# Outage\n\n## Timeline\n\n## Root cause\n\nText.\n';
    const out = apply(text, planInsertion(analyzeText(text).doc, [ev('2026-03-14T10:00:00Z', 'Deploy')]).edits);
    assert.ok(out.startsWith('# Outage\n\n## Timeline\n\n- 2026-03-14 10:00 UTC — Committed `abcdef1`: Deploy\n\n## Root cause'), out);
  });

  it('keeps markup and HTML in subjects as text', () => {
    const text = '# Outage\n\n## Timeline\n\n- 2026-03-14 10:00 UTC — Start\n';
    const out = apply(text, planInsertion(analyzeText(text).doc, [ev('2026-03-14T11:00:00Z', '<img src=x onerror=alert(1)> [click](javascript:x) `code` #1 [resolved]')]).edits);
    assert.ok(out.includes('- 2026-03-14 11:00 UTC — Committed `abcdef1`: \\<img src=x onerror=alert(1)\\> \\[click\\](javascript:x) \\`code\\` \\#1 (resolved)'), out);
    assert.notEqual(analyzeText(out).doc.timeline[1].phaseSource, 'tag', 'a phase tag in a subject is not a tag in the timeline');
  });
});
