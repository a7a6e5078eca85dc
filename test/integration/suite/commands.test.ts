import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, commandRegistered, openDocument, sleep, stubWindow, waitFor, workspaceFile, workspaceRoot } from '../helpers';

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function allTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs);
}

describe('Commands', () => {
  before(activateExtension);
  afterEach(closeAllEditors);

  it('postmortem.new asks for title and severity, then creates the file in postmortems/', async () => {
    const asked: string[] = [];
    const restore = stubWindow({
      showInputBox: async (options?: vscode.InputBoxOptions) => {
        asked.push(`input:${options?.title}`);
        assert.equal(options?.validateInput?.('  '), 'A title helps people find this post-mortem later.');
        return 'Integration test: login outage';
      },
      showQuickPick: async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
        asked.push(`pick:${options?.title}`);
        const list = await items;
        return list.find((i) => i.label === 'SEV2');
      },
      showSaveDialog: async (options?: vscode.SaveDialogOptions) => {
        asked.push(`save:${options?.defaultUri?.path.split('/').slice(-2).join('/')}`);
        return options?.defaultUri;
      },
    });
    try {
      await vscode.commands.executeCommand('postmortem.new');
    } finally {
      restore();
    }
    const name = `${todayIso()}-integration-test-login-outage.postmortem.md`;
    // Two steps, no save dialog: the name follows from the date and the title.
    assert.deepEqual(asked, ['input:New Post-Mortem (1/2)', 'pick:New Post-Mortem (2/2)']);
    const target = workspaceFile('postmortems', name);
    assert.ok(await exists(target), `${target.fsPath} was not created`);
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.uri.toString() === target.toString() && vscode.window.activeTextEditor, 'the new file in the active editor');
    const doc = editor.document;
    assert.equal(doc.languageId, 'postmortem');
    assert.equal(doc.isDirty, false, 'the new file is saved');
    assert.match(doc.getText(), /^title: "?Integration test: login outage"?$/m); // quoted: the title has a colon
    assert.match(doc.getText(), /^severity: SEV2$/m);
    assert.match(doc.getText(), /^## Summary$/m);
    assert.ok(editor.selection.start.line > doc.getText().split('\n').indexOf('## Summary'), 'the cursor is in the summary');
  });

  it('postmortem.new stops quietly when the title prompt is cancelled', async () => {
    const before = (await vscode.workspace.fs.readDirectory(workspaceFile('postmortems'))).length;
    const restore = stubWindow({ showInputBox: async () => undefined });
    try {
      await vscode.commands.executeCommand('postmortem.new');
    } finally {
      restore();
    }
    assert.equal((await vscode.workspace.fs.readDirectory(workspaceFile('postmortems'))).length, before);
  });

  /** Stubs for the export's two quick picks (format, then destination), choosing by label. */
  function exportStubs(format: string, target: string, seen: string[]) {
    return {
      showQuickPick: async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
        const list = await items;
        seen.push(`${options?.title}: ${list.map((i) => i.label).join(', ')}`);
        return list.find((i) => i.label === format) ?? list.find((i) => i.label.startsWith(target));
      },
      // The "saved" toast is awaited by the command: answer it at once.
      showInformationMessage: async () => undefined,
    };
  }

  it('postmortem.exportSummary: Markdown into a new untitled editor', async function () {
    assert.ok(await commandRegistered('postmortem.exportSummary'), 'postmortem.exportSummary is not registered');
    const source = await openDocument(workspaceFile('checkout-latency.postmortem.md'));
    const seen: string[] = [];
    const restore = stubWindow(exportStubs('Markdown', 'New untitled editor', seen));
    try {
      await vscode.commands.executeCommand('postmortem.exportSummary', source.uri);
    } finally {
      restore();
    }
    assert.equal(seen.length, 2, `expected a format and a destination pick: ${seen.join(' / ')}`);
    const editor = await waitFor(() => vscode.window.activeTextEditor?.document.isUntitled && vscode.window.activeTextEditor, 'an untitled editor');
    const doc = editor.document;
    assert.equal(doc.languageId, 'markdown');
    assert.match(doc.getText(), /Checkout latency spike after payments client upgrade/);
    assert.match(doc.getText(), /1 h 32 min/, 'the summary states how long it took to resolve');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('postmortem.exportSummary: HTML saved next to the post-mortem', async function () {
    assert.ok(await commandRegistered('postmortem.exportSummary'), 'postmortem.exportSummary is not registered');
    const source = await openDocument(workspaceFile('firmware-ota.postmortem.md'));
    const before = new Set((await vscode.workspace.fs.readDirectory(workspaceRoot())).map(([n]) => n));
    const seen: string[] = [];
    const restore = stubWindow(exportStubs('HTML', 'Save next to the post-mortem', seen));
    try {
      await vscode.commands.executeCommand('postmortem.exportSummary', source.uri);
    } finally {
      restore();
    }
    const added = (await vscode.workspace.fs.readDirectory(workspaceRoot())).map(([n]) => n).filter((n) => !before.has(n));
    assert.equal(added.length, 1, `one new file next to the post-mortem: ${JSON.stringify(added)} (picks: ${seen.join(' / ')})`);
    assert.match(added[0], /firmware-ota.*\.html$/);
    const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(added[0])));
    assert.match(html, /<html[\s>]/i);
    assert.match(html, /OTA firmware rollout bricked sensor gateways/);
  });

  it('postmortem.showTimeline opens a webview tab', async function () {
    assert.ok(await commandRegistered('postmortem.showTimeline'), 'postmortem.showTimeline is not registered');
    await openDocument(workspaceFile('checkout-latency.postmortem.md'));
    await vscode.commands.executeCommand('postmortem.showTimeline');
    const tab = await waitFor(() => allTabs().find((t) => t.input instanceof vscode.TabInputWebview), 'a webview tab');
    assert.match(tab.label, /timeline|checkout/i);
    await sleep(200);
  });
});
