import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, EXTENSION_ID, openDocument, positionOf, scratchDocument, sleep, waitFor, workspaceFile } from '../helpers';

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function linkDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem-links');
}

const LINKED = [
  '# Links',
  '',
  '## Summary',
  '',
  'See [the cause](#root-cause), [nothing](#missing-header), [gone](./missing-file.md),',
  'and [checkout](../checkout-latency.postmortem.md#summary) and [bad anchor](../checkout-latency.postmortem.md#no-such-part).',
  '',
  '## Root Cause',
  '',
  'Back to [the summary](#summary) and [the cause](#root-cause).',
  '',
].join('\n');

describe('Markdown tools on post-mortems', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('Ctrl+Shift+V runs the built-in Markdown preview, which shows the incident header and the drawn timeline', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const binding = (ext?.packageJSON.contributes.keybindings as Array<{ command: string; key: string; when: string }>).find((k) => k.key === 'ctrl+shift+v');
    assert.ok(binding);
    assert.equal(binding.command, 'markdown.showPreview');
    assert.match(binding.when, /editorLangId == postmortem/);
    const doc = await openDocument(workspaceFile('checkout-latency.postmortem.md'));
    assert.equal(doc.languageId, 'postmortem');
    await vscode.commands.executeCommand(binding.command);
    const tab = await waitFor(() => allTabs().find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)), 'a Markdown preview tab', 20_000);
    assert.match(tab.label, /checkout-latency/);
    // The extension hands VS Code's Markdown engine its plugin.
    assert.equal(typeof (ext?.exports as { extendMarkdownIt?: unknown }).extendMarkdownIt, 'function');
    // What the preview renders for this document (markdown.api.render is the Markdown extension's own render command).
    const html = await vscode.commands.executeCommand<string>('markdown.api.render', doc);
    assert.equal(typeof html, 'string', 'markdown.api.render returned no HTML');
    assert.match(html, /class="pm-header/);
    assert.match(html, /class="pm-section pm-timeline"/);
    await sleep(200);
  });

  it('the timeline preview keeps its own chord (Ctrl+K Alt+V) and opens with the URI', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const binding = (ext?.packageJSON.contributes.keybindings as Array<{ command: string; key: string }>).find((k) => k.key === 'ctrl+k alt+v');
    assert.equal(binding?.command, 'postmortem.showTimelineToSide');
  });

  it('a relative link to a missing file and a #missing-header link are flagged; good links are not', async () => {
    const doc = await scratchDocument('links.postmortem.md', LINKED);
    const diagnostics = await waitFor(() => {
      const d = linkDiagnostics(doc.uri);
      return d.length >= 3 ? d : undefined;
    }, 'link diagnostics', 15_000);
    const flagged = diagnostics.map((d) => `${String(d.code)} ${doc.getText(d.range)}`).sort();
    assert.deepEqual(flagged, ['link-missing-file ./missing-file.md', 'link-missing-header missing-header', 'link-missing-header no-such-part']);
    const links = await vscode.commands.executeCommand<vscode.DocumentLink[]>('vscode.executeLinkProvider', doc.uri);
    assert.ok(links.some((l) => l.target?.path.endsWith('/checkout-latency.postmortem.md')));
  });

  it('path completion inside a link offers files, and #header completion offers the headings', async () => {
    const doc = await scratchDocument('complete.postmortem.md', '# Complete\n\n## Summary\n\nSee [x](../\n\nAnd [y](#\n');
    const paths = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(4, 11));
    const labels = paths.items.map(labelOf);
    assert.ok(labels.includes('checkout-latency.postmortem.md'), labels.join(', '));
    assert.ok(labels.includes('postmortems/'), labels.join(', '));
    const headers = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(6, 9));
    assert.ok(headers.items.map(labelOf).includes('#summary'));
  });

  it('F2 on a heading renames it and updates its #links; elsewhere rename says where it works', async () => {
    const doc = await scratchDocument('rename.postmortem.md', LINKED);
    const at = positionOf(doc, 'Root Cause', 0);
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, at.translate(0, 2), 'Underlying Causes');
    assert.ok(edit);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const text = doc.getText();
    assert.match(text, /^## Underlying Causes$/m);
    assert.equal((text.match(/\(#underlying-causes\)/g) ?? []).length, 2);
    assert.doesNotMatch(text, /#root-cause/);
    // Not on a heading: prepareRename rejects with the explanation (what F2 shows).
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.prepareRename', doc.uri, new vscode.Position(0, 0).translate(4, 1))),
      /Rename works on a section heading/,
    );
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
