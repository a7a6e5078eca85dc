import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './runCli';
import { makeRepo, type TestRepo } from '../../support/gitRepo';

const DOC = `---
title: Checkout outage
date: 2026-03-14
timezone: Europe/Berlin
started: 2026-03-14T14:02:00+01:00
resolved: 2026-03-14T15:10:00+01:00
---
# Checkout outage

## Timeline

- 14:02 — Alert fired
- 15:10 — Resolved
`;

describe('postmortem git-events', () => {
  let repo: TestRepo;
  let file: string;
  let bare: string;
  let hash: string;
  before(() => {
    repo = makeRepo();
    repo.commit('2026-03-14T05:00:00Z', 'Before the window');
    hash = repo.commit('2026-03-14T08:30:00-04:00', 'Raise pool size', { author: 'Kim' });
    repo.tag('2026-03-14T13:40:00Z', 'v1.2.3', 'Hotfix');
    repo.commit('2026-03-14T16:00:00Z', 'After the window');
    repo.run(['remote', 'add', 'origin', 'https://github.com/acme/checkout.git']);
    file = join(repo.dir, 'outage.postmortem.md');
    writeFileSync(file, DOC);
    bare = join(repo.dir, 'bare.postmortem.md');
    writeFileSync(bare, '# Something happened\n\nNotes.\n');
  });
  after(() => rmSync(repo.dir, { recursive: true, force: true }));

  it('prints the events in the window as JSON', () => {
    const run = cli('git-events', file, '--format', 'json');
    assert.equal(run.code, 0, run.err);
    const events = JSON.parse(run.out) as Array<{ kind: string; subject: string; time: string; hash: string; url?: string; author?: string }>;
    assert.deepEqual(events.map((e) => [e.kind, e.subject, e.time]), [
      ['commit', 'Raise pool size', '2026-03-14T08:30:00-04:00'],
      ['tag', 'v1.2.3: Hotfix', '2026-03-14T13:40:00+00:00'],
    ]);
    assert.equal(events[0].url, `https://github.com/acme/checkout/commit/${hash}`);
    assert.equal(events[0].author, 'Kim');
  });

  it('prints the timeline lines it would insert, in the document zone', () => {
    const run = cli('git-events', file, '--repo', repo.dir);
    assert.equal(run.code, 0, run.err);
    const short = hash.slice(0, 7);
    assert.match(run.out, new RegExp(String.raw`^- 13:30 — Committed \[\`${short}[0-9a-f]*\`\]\(https://github\.com/acme/checkout/commit/${hash}\): Raise pool size \(Kim\)\n- 14:40 — Tagged`));
  });

  it('asks for the window when the document has no start or resolve time', () => {
    const run = cli('git-events', bare, '--format', 'json');
    assert.equal(run.code, 2);
    assert.match(run.err, /has no start time: pass --since and --until/);
    const given = cli('git-events', bare, '--format', 'json', '--since', '2026-03-14 00:00 UTC', '--until', '2026-03-14T23:59Z');
    assert.equal(given.code, 0, given.err);
    assert.equal((JSON.parse(given.out) as unknown[]).length, 4);
    assert.equal(cli('git-events', bare, '--since', 'yesterday', '--until', '2026-03-14T23:59Z').code, 2);
  });

  it('says so outside a repository', () => {
    const run = cli('git-events', file, '--repo', '/');
    assert.equal(run.code, 2);
    assert.match(run.err, /not in a git repository/);
  });
});
