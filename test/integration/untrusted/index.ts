// The Restricted Mode suite: run by runInCodeServer.ts in a second window whose workspace is NOT trusted
// (workspace trust on, no prompt), with the workspace settings and files of `untrustedWorkspaceFiles`.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PostmortemApi } from '../../../src/extension/extension.shared';
import { activateExtension, closeAllEditors, openDocument, postmortemDiagnostics, ruleOf, waitFor, workspaceFile } from '../helpers';
import { HOSTILE_LINE, WORKSPACE_PATTERN_PHRASE } from './files';

describe('Restricted Mode: an untrusted workspace', () => {
  let api: PostmortemApi;
  before(async () => {
    api = (await activateExtension()).exports as PostmortemApi;
  });
  after(closeAllEditors);

  it('runs untrusted (workspace trust on, this folder not trusted)', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('ignores the workspace\'s patterns (settings and .postmortemrc.yaml): the catastrophic one never runs', async () => {
    const doc = await openDocument(workspaceFile('restricted.postmortem.md'));
    const effective = api.config.forDocument(doc);
    assert.deepEqual(effective.config.blameWording.extraPatterns, [], 'no workspace pattern reaches the engine');
    assert.deepEqual(effective.filePatterns, [], 'no workspace glob either');
    assert.ok(!effective.errors.some((e) => e.includes('exponential')), effective.errors.join('\n'));
    // The document holds the input that would make `/(a+)+$/` run for minutes: diagnostics still arrive.
    assert.ok(doc.getText().includes(HOSTILE_LINE));
    const diagnostics = await waitFor(() => {
      const found = postmortemDiagnostics(doc.uri);
      // A fresh host shows the blame findings in a second pass, right after the others.
      return found.some((d) => ruleOf(d) === 'blame-wording') && found;
    }, 'blame-wording diagnostics of the restricted document');
    const blame = diagnostics.filter((d) => ruleOf(d) === 'blame-wording').map((d) => doc.getText(d.range));
    assert.ok(!blame.some((text) => text.includes(WORKSPACE_PATTERN_PHRASE)), `the workspace phrase was flagged: ${blame.join(' | ')}`);
    assert.ok(blame.some((text) => /human error/i.test(text)), `built-in rules still work: ${blame.join(' | ')}`);
  });
});
