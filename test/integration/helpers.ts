/**
 * Helpers for the integration suites (they run inside the extension host, see ./runner.ts).
 * The workspace is a throw-away copy of test/fixtures/examples/ (see ./workspace.ts).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'postmortem-tools.postmortem';

/** Where runner.ts finds the reason given to skipBecause() for a skipped test. */
export const SKIP_REASON = Symbol.for('postmortem.skipReason');

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Poll `fn` until it returns a truthy value (or throw with `what` after `timeoutMs`). */
export async function waitFor<T>(fn: () => T | Promise<T>, what: string, timeoutMs = 10_000, intervalMs = 50): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (last) return last as Exclude<T, false | null | undefined | 0 | ''>;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the integration tests need a workspace folder with the examples');
  return folder.uri;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

/** Activate the extension (tests may run before a post-mortem is opened). */
export async function activateExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
  await ext.activate();
  return ext;
}

export async function openDocument(uri: vscode.Uri, show = true): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(uri);
  if (show) await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** Write `text` to a new scratch file in the workspace (`scratch/<name>`) and open it. */
export async function scratchDocument(name: string, text: string): Promise<vscode.TextDocument> {
  const uri = workspaceFile('scratch', name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return openDocument(uri);
}

export async function readWorkspaceText(...segments: string[]): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(...segments)));
}

/** Our diagnostics (source `postmortem`) for a document. */
export function postmortemDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'postmortem');
}

export function ruleOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code);
}

/** Wait until the document's diagnostics satisfy `pred`; returns them. */
export async function waitForDiagnostics(uri: vscode.Uri, pred: (ds: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  let last: vscode.Diagnostic[] = [];
  try {
    await waitFor(() => pred((last = postmortemDiagnostics(uri))), what, timeoutMs);
  } catch (e) {
    throw new Error(`${(e as Error).message}; diagnostics now: ${JSON.stringify(last.map(describeDiagnostic))}`, { cause: e });
  }
  return last;
}

/** `rule@line:col-line:col` with 1-based lines and columns, as EXPECTED.md and the CLI count them. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const r = d.range;
  return `${ruleOf(d)}@${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

export async function commandRegistered(id: string): Promise<boolean> {
  return (await vscode.commands.getCommands(true)).includes(id);
}

/** Plain text of hover contents (MarkdownString or MarkedString). */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n---\n');
}

/** Position of the first occurrence of `needle` in the document (+`offset` characters). */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const i = doc.getText().indexOf(needle);
  assert.ok(i >= 0, `"${needle}" not found in ${doc.uri.path}`);
  return doc.positionAt(i + offset);
}

/**
 * Temporarily replace properties of `vscode.window` (showInputBox, showQuickPick, ...).
 * Works because this bundle lives inside the extension's folder, so `require('vscode')`
 * here returns the same API object the extension uses. Returns a restore function.
 */
export function stubWindow(stubs: Partial<Record<keyof typeof vscode.window, unknown>>): () => void {
  const win = vscode.window as unknown as Record<string, unknown>;
  const saved = new Map<string, PropertyDescriptor | undefined>();
  for (const [key, value] of Object.entries(stubs)) {
    saved.set(key, Object.getOwnPropertyDescriptor(win, key));
    Object.defineProperty(win, key, { value, configurable: true, writable: true, enumerable: true });
  }
  return () => {
    for (const [key, desc] of saved) {
      if (desc) Object.defineProperty(win, key, desc);
      else delete win[key];
    }
  };
}

/** Close all editors (keeps tests independent of what the previous one left open). */
export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Revert and close the active editor, so edits made by a test do not leak into others. */
export async function revertAndClose(doc: vscode.TextDocument): Promise<void> {
  await vscode.window.showTextDocument(doc);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}
