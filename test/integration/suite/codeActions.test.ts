import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, describeDiagnostic, readWorkspaceText, ruleOf, scratchDocument, waitFor, waitForDiagnostics } from '../helpers';

function codeActions(doc: vscode.TextDocument, range: vscode.Range, kind?: string): Thenable<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, kind);
}

/** Apply a code action as the lightbulb does: its edit, then its command. */
async function apply(action: vscode.CodeAction): Promise<void> {
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `edit of "${action.title}" was not applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** A fresh, editable copy of needs-work.postmortem.md (tests must not change the shared example). */
async function needsWorkCopy(name: string): Promise<{ doc: vscode.TextDocument; diagnostics: vscode.Diagnostic[] }> {
  const doc = await scratchDocument(name, await readWorkspaceText('needs-work.postmortem.md'));
  const diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.length >= 17 && ds.some((d) => ruleOf(d) === 'blame-wording'), 'the needs-work findings (blame wording too: a fresh host adds it in a second pass)');
  return { doc, diagnostics };
}

function find(diagnostics: vscode.Diagnostic[], doc: vscode.TextDocument, rule: string, text: string): vscode.Diagnostic {
  const d = diagnostics.find((x) => ruleOf(x) === rule && doc.getText(x.range).toLowerCase().includes(text.toLowerCase()));
  assert.ok(d, `no ${rule} on "${text}": ${diagnostics.map(describeDiagnostic).join(', ')}`);
  return d;
}

describe('Code actions (vscode.executeCodeActionProvider)', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('rewords blame ("human error") and the finding disappears', async () => {
    const { doc, diagnostics } = await needsWorkCopy('fix-blame.postmortem.md');
    const target = find(diagnostics, doc, 'blame-wording', 'human error');
    const actions = await codeActions(doc, target.range);
    const titles = actions.map((a) => a.title);
    const reword = actions.find((a) => /^Reword as /.test(a.title));
    assert.ok(reword, `no rewording offered: ${titles.join(' | ')}`);
    assert.equal(reword.kind?.value, vscode.CodeActionKind.QuickFix.value);
    assert.ok(titles.includes('Disable blame-wording for this line'), titles.join(' | '));
    assert.ok(titles.includes('Disable blame-wording in this file'), titles.join(' | '));
    await apply(reword);
    assert.match(doc.lineAt(target.range.start.line).text, /a gap in our safeguards/);
    await waitForDiagnostics(
      doc.uri,
      (ds) => !ds.some((d) => ruleOf(d) === 'blame-wording' && /human error/i.test(doc.getText(d.range))) && ds.some((d) => ruleOf(d) === 'blame-wording' && d.range.start.line === 11),
      'the "human error" finding to go (and "because Dave pushed" to stay)',
    );
  });

  it('"Add the Impact section" inserts the section and the finding disappears', async () => {
    const { doc, diagnostics } = await needsWorkCopy('fix-impact.postmortem.md');
    const target = diagnostics.find((d) => ruleOf(d) === 'required-section');
    assert.ok(target, 'no required-section finding');
    const actions = await codeActions(doc, target.range);
    const add = actions.find((a) => /Add the "?Impact"? section/.test(a.title));
    assert.ok(add, `no "Add the Impact section": ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(add.isPreferred, true);
    await apply(add);
    assert.match(doc.getText(), /^## Impact$/m);
    const text = doc.getText();
    assert.ok(text.indexOf('## Impact') > text.indexOf('## Summary') && text.indexOf('## Impact') < text.indexOf('## Timeline'), 'Impact goes between Summary and Timeline');
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'required-section'), 'the required-section finding to go');
  });

  it('"Add a deadline" is a snippet fix (postmortem.applySnippetFix) that clears the finding', async () => {
    const { doc, diagnostics } = await needsWorkCopy('fix-deadline.postmortem.md');
    const target = diagnostics.find((d) => ruleOf(d) === 'action-item-deadline' && d.range.start.line === 28);
    assert.ok(target, 'no action-item-deadline on line 29');
    const actions = await codeActions(doc, target.range);
    const add = actions.find((a) => a.title === 'Add a deadline');
    assert.ok(add, `no "Add a deadline": ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(add.command?.command, 'postmortem.applySnippetFix');
    await apply(add);
    assert.match(doc.lineAt(28).text, /@sam, due \d{4}-\d{2}-\d{2}$/);
    // The date is the snippet's selected tab stop, ready to be typed over.
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), doc.uri.toString());
    assert.match(doc.getText(editor!.selection), /^\d{4}-\d{2}-\d{2}$/);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'action-item-deadline' && d.range.start.line === 28), 'the deadline finding on line 29 to go');
  });

  it('"Add an owner" selects the @owner placeholder; typing a handle clears the finding', async () => {
    const { doc, diagnostics } = await needsWorkCopy('fix-owner.postmortem.md');
    const target = diagnostics.find((d) => ruleOf(d) === 'action-item-owner' && d.range.start.line === 27);
    assert.ok(target, 'no action-item-owner on line 28');
    const add = (await codeActions(doc, target.range)).find((a) => a.title === 'Add an owner');
    assert.ok(add, 'no "Add an owner"');
    await apply(add);
    const editor = vscode.window.activeTextEditor!;
    assert.equal(doc.getText(editor.selection), '@owner');
    await vscode.commands.executeCommand('type', { text: '@sam' });
    assert.match(doc.lineAt(27).text, /— @sam$/);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'action-item-owner' && d.range.start.line === 27), 'the owner finding on line 28 to go');
  });

  it('fix all (source.fixAll.postmortem) adds the missing section, owners and deadlines', async () => {
    const { doc } = await needsWorkCopy('fix-all.postmortem.md');
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await codeActions(doc, whole, 'source.fixAll.postmortem');
    assert.equal(actions.length, 1, actions.map((a) => a.title).join(' | '));
    await apply(actions[0]);
    assert.match(doc.getText(), /^## Impact$/m);
    assert.match(doc.getText(), /Write a runbook for login outages — @sam, due \d{4}-\d{2}-\d{2}$/m);
    assert.match(doc.getText(), /Add config validation to the deploy pipeline — @owner/);
    await waitForDiagnostics(
      doc.uri,
      (ds) => !ds.some((d) => ruleOf(d) === 'required-section' || (ruleOf(d) === 'action-item-deadline' && /runbook/.test(doc.lineAt(d.range.start.line).text))),
      'the required-section and runbook deadline findings to go',
    );
    await waitFor(() => doc.isDirty, 'the document to be changed');
  });

  // Regression: the owner and deadline inserts at one spot are merged into " — @owner, due …".
  it('fix all gives an item with neither owner nor deadline both at once', async () => {
    const { doc } = await needsWorkCopy('fix-all-both.postmortem.md');
    const actions = await codeActions(doc, new vscode.Range(0, 0, doc.lineCount, 0), 'source.fixAll.postmortem');
    await apply(actions[0]);
    assert.match(doc.getText(), /Add config validation to the deploy pipeline — @owner, due \d{4}-\d{2}-\d{2}$/m);
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'action-item-deadline'), 'every deadline finding to go');
  });
});
