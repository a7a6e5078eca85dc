// The trusted counterpart of ../untrusted/: in a trusted workspace the workspace's blame patterns apply,
// and a catastrophic one is refused with a warning that names the setting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, postmortemDiagnostics, ruleOf, scratchDocument, stubWindow, waitFor } from '../helpers';
import { HOSTILE_LINE, untrustedWorkspaceFiles, WORKSPACE_PATTERN_PHRASE } from '../untrusted/files';

describe('workspace blame patterns in a trusted workspace', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('apply; the catastrophic one is refused, naming postmortem.blameWording.extraPatterns[0]', async () => {
    assert.equal(vscode.workspace.isTrusted, true);
    const warnings: string[] = [];
    const restore = stubWindow({ showWarningMessage: async (message: string) => void warnings.push(message) });
    const config = vscode.workspace.getConfiguration('postmortem');
    try {
      await config.update('blameWording.extraPatterns', ['/(a+)+$/', WORKSPACE_PATTERN_PHRASE], vscode.ConfigurationTarget.Workspace);
      const doc = await scratchDocument('trusted-patterns.postmortem.md', untrustedWorkspaceFiles()['restricted.postmortem.md']);
      assert.ok(doc.getText().includes(HOSTILE_LINE));
      const flagged = await waitFor(() => {
        const texts = postmortemDiagnostics(doc.uri).filter((d) => ruleOf(d) === 'blame-wording').map((d) => doc.getText(d.range));
        return texts.some((t) => t.includes(WORKSPACE_PATTERN_PHRASE)) && texts;
      }, 'the workspace phrase flagged');
      assert.ok(flagged.length >= 2, flagged.join(' | '));
      await waitFor(() => warnings.some((w) => w.includes('postmortem.blameWording.extraPatterns[0]') && w.includes('exponential')), `a warning naming the setting (got: ${warnings.join(' | ')})`);
    } finally {
      await config.update('blameWording.extraPatterns', undefined, vscode.ConfigurationTarget.Workspace);
      restore();
    }
  });
});
