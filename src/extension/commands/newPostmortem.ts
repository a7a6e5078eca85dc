import * as vscode from 'vscode';
import { exists } from '../fileSystem';
import { scaffoldPostmortem, slugify } from '../../core/features/scaffold';
import { todayIso } from '../../core/model/time';
import { feature, type Feature } from '../commands';
import { guardCommand } from '../logging';
import type { Services } from '../services';

const SEVERITIES = [
  { label: 'SEV1', description: 'Critical: widespread outage or data loss' },
  { label: 'SEV2', description: 'Major: significant degradation for many users' },
  { label: 'SEV3', description: 'Minor: limited impact, workaround exists' },
  { label: 'SEV4', description: 'Low: little or no customer impact' },
  { label: 'SEV5', description: 'Informational: near miss worth learning from' },
];

/** `Postmortem: New Post-Mortem`: title and severity, a dated file in `postmortem.folder`, never overwriting. */
export function registerNewPostmortem(services: Services): Feature {
  return feature(new vscode.Disposable(() => undefined), {
    newPostmortem: () =>
      guardCommand(services.logger, 'New Post-Mortem', async () => {
      const title = await vscode.window.showInputBox({
        title: 'New Post-Mortem (1/2)',
        prompt: 'Incident title: what happened, in a few words',
        placeHolder: 'Checkout latency spike after payments client upgrade',
        validateInput: (v) => (v.trim() ? undefined : 'A title helps people find this post-mortem later.'),
        ignoreFocusOut: true,
      });
      if (!title) return;
      const severity = await vscode.window.showQuickPick(SEVERITIES, { title: 'New Post-Mortem (2/2)', placeHolder: 'Severity', ignoreFocusOut: true });
      if (!severity) return;
      const folderSetting = services.config.get<string>('folder', 'postmortems');
      const today = todayIso();
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      const fileName = `${today}-${slugify(title)}.postmortem.md`;
      // Two steps only: the file name follows from the date and the title, in `postmortem.folder`.
      const target = base ? await freeName(vscode.Uri.joinPath(postmortemFolder(base, folderSetting, services), fileName)) : undefined;
      const text = scaffoldPostmortem({ title: title.trim(), severity: severity.label, date: today });
      if (!target) {
        const doc = await vscode.workspace.openTextDocument({ language: 'postmortem', content: text });
        await openAtSummary(doc, text);
        return;
      }
      if (await exists(target)) {
        const choice = await vscode.window.showWarningMessage(`${vscode.workspace.asRelativePath(target)} already exists.`, { modal: true }, 'Open Existing');
        if (choice === 'Open Existing') await vscode.window.showTextDocument(target);
        return;
      }
      await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(target, '..'));
      const edit = new vscode.WorkspaceEdit();
      edit.createFile(target, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(text) });
      if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not create ${target.fsPath}`);
      const doc = await vscode.workspace.openTextDocument(target);
      await doc.save();
      await openAtSummary(doc, text);
    }),
  });
}

async function openAtSummary(doc: vscode.TextDocument, text: string): Promise<void> {
  const editor = await vscode.window.showTextDocument(doc);
  const marker = text.indexOf('## Summary');
  if (marker === -1) return;
  const line = doc.positionAt(marker).line + 2;
  const end = doc.lineAt(Math.min(line, doc.lineCount - 1)).range;
  editor.selection = new vscode.Selection(end.start, end.end);
  editor.revealRange(end, vscode.TextEditorRevealType.InCenter);
}


/** `postmortem.folder` inside the workspace folder; a setting that leaves it (`../x`, an absolute path) falls back to `postmortems`. */
function postmortemFolder(base: vscode.Uri, setting: string, services: Services): vscode.Uri {
  const parts = String(setting).split(/[\\/]+/).filter((p) => p && p !== '.');
  if (parts.includes('..') || /^(?:[a-z]:|[\\/])/i.test(String(setting))) {
    services.logger.warn(`postmortem.folder "${setting}" points outside the workspace folder; using "postmortems"`);
    return vscode.Uri.joinPath(base, 'postmortems');
  }
  return vscode.Uri.joinPath(base, ...parts);
}

/** `name.postmortem.md`, else `name-2.postmortem.md`, ... */
async function freeName(uri: vscode.Uri): Promise<vscode.Uri> {
  if (!(await exists(uri))) return uri;
  const path = uri.path.replace(/\.postmortem\.md$/, '');
  for (let n = 2; n < 100; n++) {
    const candidate = uri.with({ path: `${path}-${n}.postmortem.md` });
    if (!(await exists(candidate))) return candidate;
  }
  return uri;
}
