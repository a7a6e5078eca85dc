import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { makeRepo, type TestRepo } from '../../support/gitRepo';
import { activateExtension, closeAllEditors, openDocument, revertAndClose, stubWindow, waitFor } from '../helpers';

type Item = vscode.QuickPickItem & { event?: { shortHash: string } };

describe('Add Repository Events to Timeline', () => {
  let repo: TestRepo;
  let hashes: Record<string, string>;
  before(async () => {
    await activateExtension();
    repo = makeRepo('pm-it-git-');
    hashes = {};
    hashes.early = repo.commit('2026-03-14T07:00:00Z', 'Outside the window');
    repo.run(['checkout', '-q', '-b', 'hotfix']);
    hashes.fix = repo.commit('2026-03-14T05:50:00-07:00', 'Cap retries in payments client', { author: 'Kim Lee', file: 'payments/client.ts' });
    repo.run(['checkout', '-q', 'main']);
    hashes.merge = repo.merge('2026-03-14T13:20:00Z', 'hotfix', 'Merge branch hotfix');
    repo.tag('2026-03-14T13:25:00Z', 'v1.4.2', 'Hotfix release');
    repo.run(['remote', 'add', 'origin', 'https://github.com/acme/checkout.git']);
    writeFileSync(
      join(repo.dir, 'outage.postmortem.md'),
      `---\ntitle: Checkout outage\ndate: 2026-03-14\ntimezone: Europe/Berlin\nstarted: 2026-03-14T14:02:00+01:00\nresolved: 2026-03-14T15:10:00+01:00\n---\n# Checkout outage\n\n## Timeline\n\n- 14:02 — Alert fired\n- 15:10 — Resolved\n`,
    );
    writeFileSync(join(repo.dir, 'draft.postmortem.md'), '# Something broke\n\nNotes so far.\n');
  });
  afterEach(closeAllEditors);

  it('offers the commits, merges and tags of the window and inserts the chosen ones in order, in the document zone', async () => {
    const doc = await openDocument(vscode.Uri.file(join(repo.dir, 'outage.postmortem.md')));
    let offered: Item[] = [];
    let options: vscode.QuickPickOptions | undefined;
    const restore = stubWindow({
      showInputBox: async () => assert.fail('the window is known: nothing to ask'),
      showQuickPick: async (items: readonly Item[] | Thenable<readonly Item[]>, o?: vscode.QuickPickOptions) => {
        offered = [...(await items)];
        options = o;
        return offered.filter((i) => !i.label.includes('Merge'));
      },
    });
    try {
      await vscode.commands.executeCommand('postmortem.addRepositoryEvents');
    } finally {
      restore();
    }
    assert.equal(options?.canPickMany, true);
    assert.deepEqual(
      offered.map((i) => [i.label, i.description, i.detail]),
      [
        ['$(git-commit) Cap retries in payments client', `2026-03-14 13:50 Europe/Berlin · ${hashes.fix.slice(0, offered[0].event!.shortHash.length)}`, 'Kim Lee'],
        ['$(git-merge) Merge branch hotfix', `2026-03-14 14:20 Europe/Berlin · ${hashes.merge.slice(0, offered[1].event!.shortHash.length)}`, 'Test Author'],
        ['$(tag) v1.4.2: Hotfix release', `2026-03-14 14:25 Europe/Berlin · ${hashes.merge.slice(0, offered[2].event!.shortHash.length)}`, 'Test Author'],
      ],
    );
    const short = (h: string) => h.slice(0, offered[0].event!.shortHash.length);
    const text = await waitFor(() => doc.getText().includes('Tagged') && doc.getText(), 'the inserted events');
    assert.ok(
      text.includes(
        `## Timeline\n\n- 13:50 — Committed [\`${short(hashes.fix)}\`](https://github.com/acme/checkout/commit/${hashes.fix}): Cap retries in payments client (Kim Lee)\n- 14:02 — Alert fired\n- 14:25 — Tagged [\`${short(hashes.merge)}\`](https://github.com/acme/checkout/commit/${hashes.merge}): v1.4.2: Hotfix release (Test Author)\n- 15:10 — Resolved\n`,
      ),
      text,
    );
    assert.ok(!text.includes('Merge branch hotfix'), 'only the chosen events');
    await revertAndClose(doc);
  });

  it('asks for the window when the document has no start and resolve times', async () => {
    const doc = await openDocument(vscode.Uri.file(join(repo.dir, 'draft.postmortem.md')));
    const prompts: string[] = [];
    const answers = ['2026-03-14 12:00 UTC', '2026-03-14 13:22 UTC'];
    const restore = stubWindow({
      showInputBox: async (o?: vscode.InputBoxOptions) => {
        prompts.push(o?.title ?? '');
        assert.match(String(o?.validateInput?.('not a time') ?? ''), /Expected a date and time/);
        return answers.shift();
      },
      showQuickPick: async (items: readonly Item[] | Thenable<readonly Item[]>) => [...(await items)],
    });
    try {
      await vscode.commands.executeCommand('postmortem.addRepositoryEvents');
    } finally {
      restore();
    }
    assert.deepEqual(prompts, ['Add Repository Events to Timeline (from)', 'Add Repository Events to Timeline (until)']);
    const text = await waitFor(() => doc.getText().includes('## Timeline') && doc.getText(), 'the new timeline section');
    assert.ok(text.includes(`## Timeline\n\n- 2026-03-14 12:50 UTC — Committed [\``), text);
    assert.ok(text.includes('Cap retries in payments client (Kim Lee)\n- 2026-03-14 13:20 UTC — Merged'), text);
    assert.ok(!text.includes('Tagged'), 'the tag at 13:25 is outside the window');
    await revertAndClose(doc);
  });

  it('takes the window and paths as command arguments', async () => {
    const doc = await openDocument(vscode.Uri.file(join(repo.dir, 'draft.postmortem.md')));
    let offered: Item[] = [];
    const restore = stubWindow({
      showInputBox: async () => assert.fail('the window was given'),
      showQuickPick: async (items: readonly Item[] | Thenable<readonly Item[]>) => (offered = [...(await items)]),
    });
    try {
      await vscode.commands.executeCommand('postmortem.addRepositoryEvents', { since: '2026-03-14 00:00 UTC', until: '2026-03-14 23:00 UTC', paths: ['payments'] });
    } finally {
      restore();
    }
    assert.deepEqual(offered.map((i) => i.label), ['$(git-commit) Cap retries in payments client']);
    const text = await waitFor(() => doc.getText().includes('## Timeline') && doc.getText(), 'the inserted commit');
    assert.match(text, /## Timeline\n\n- 2026-03-14 12:50 UTC — Committed \[`[0-9a-f]+`\]\([^)]+\): Cap retries in payments client \(Kim Lee\)\n$/);
    await revertAndClose(doc);
  });
});
