import * as assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { SELECTED, TREE, writeTree } from '../../fixtures/fileSelectionTree';
import { activateExtension, closeAllEditors, hoverText, openDocument, positionOf, postmortemDiagnostics, stubWindow, waitFor, workspaceFile, workspaceRoot } from '../helpers';

/** Workspace-relative paths of the indexed post-mortems titled like the tree's documents. */
async function indexedTreeFiles(): Promise<string[]> {
  const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Checkout outage')) ?? [];
  const root = `${workspaceRoot().path}/`;
  return [...new Set(symbols.filter((s) => s.name === 'Checkout outage').map((s) => s.location.uri.path.slice(root.length)))].sort();
}

describe('Post-mortem files: the same selection as the CLI', () => {
  const root = workspaceRoot().fsPath;

  before(async () => {
    await activateExtension();
    writeTree(root);
  });
  after(async function () {
    this.timeout(40_000);
    await closeAllEditors();
    await vscode.workspace.getConfiguration('postmortem').update('filePatterns', undefined, vscode.ConfigurationTarget.Workspace);
    for (const path of Object.keys(TREE)) rmSync(join(root, path), { force: true });
    for (const dir of ['docs', 'team', 'a', 'node_modules', 'build', 'dist', 'sub']) rmSync(join(root, dir), { recursive: true, force: true });
    // The suites after this one count the indexed post-mortems: wait until the watchers dropped these.
    await waitFor(async () => (await indexedTreeFiles()).length === 0, 'the index to drop the tree', 30_000, 250);
  });

  it('indexes exactly the files `postmortem lint .` picks (tricky globs, .gitignore, node_modules, dist)', async () => {
    // The config file, then the .gitignore files, are read in the background: wait for the index to settle on the selection.
    try {
      await waitFor(async () => JSON.stringify(await indexedTreeFiles()) === JSON.stringify(SELECTED), 'the index to settle on the selection', 20_000, 250);
    } catch {
      // Timed out: show the difference.
    }
    assert.deepEqual(await indexedTreeFiles(), SELECTED);
  });

  it('a Markdown file under the patterns keeps the markdown language and gets post-mortem diagnostics and hovers', async () => {
    const doc = await openDocument(workspaceFile('docs', '2024-01-db.md'));
    assert.equal(doc.languageId, 'markdown');
    const diagnostics = await waitFor(() => postmortemDiagnostics(doc.uri).length > 0 && postmortemDiagnostics(doc.uri), 'post-mortem diagnostics on docs/2024-01-db.md');
    assert.ok(diagnostics.some((d) => String(typeof d.code === 'object' ? d.code.value : d.code) === 'required-section'), diagnostics.map((d) => d.message).join('\n'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'MTTR', 1));
    assert.match(hoverText(hovers), /time to resolve|MTTR/i);
  });

  it('the nearest .postmortemrc.yaml above a document applies, as in the CLI', async () => {
    const inSub = await openDocument(workspaceFile('sub', 'incident-8.md'));
    const atTop = await openDocument(workspaceFile('team', 'incident-42.md'));
    const rules = (uri: vscode.Uri) => postmortemDiagnostics(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code));
    await waitFor(() => rules(atTop.uri).includes('required-section'), 'required-section on team/incident-42.md');
    await waitFor(() => postmortemDiagnostics(inSub.uri).length > 0 || rules(inSub.uri).length === 0, 'diagnostics on sub/incident-8.md');
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!rules(inSub.uri).includes('required-section'), `sub/.postmortemrc.yaml requires only Summary: ${rules(inSub.uri).join(', ')}`);
  });

  it('a Markdown file outside the patterns gets nothing from us', async () => {
    const doc = await openDocument(workspaceFile('docs', 'notes.md'));
    await new Promise((r) => setTimeout(r, 1000));
    assert.deepEqual(postmortemDiagnostics(doc.uri), []);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'MTTR', 1));
    assert.doesNotMatch(hoverText(hovers), /time to resolve/i);
  });

  it('Treat This File as a Post-Mortem adds the folder glob to postmortem.filePatterns, and the file gets diagnostics', async () => {
    const doc = await openDocument(workspaceFile('docs', 'notes.md'));
    const offered: string[] = [];
    const restore = stubWindow({
      showQuickPick: async (items: Array<{ description: string }>) => {
        offered.push(...items.map((i) => i.description));
        return items[0];
      },
      showInformationMessage: async () => undefined,
    });
    try {
      await vscode.commands.executeCommand('postmortem.treatAsPostmortem');
    } finally {
      restore();
    }
    assert.deepEqual(offered, ['docs/*.md', 'docs/notes.md']);
    assert.deepEqual(vscode.workspace.getConfiguration('postmortem').inspect('filePatterns')?.workspaceValue, ['docs/*.md']);
    await waitFor(() => postmortemDiagnostics(doc.uri).length > 0, 'diagnostics on docs/notes.md once it is a post-mortem');
    assert.equal(doc.languageId, 'markdown');
  });
});
