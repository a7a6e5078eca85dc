import * as vscode from 'vscode';
import { suggestFilePatterns } from '../../core/files/selection';
import { isPostmortem } from '../analysis';
import { feature, type Feature } from '../commands';
import { guardCommand } from '../logging';
import { relativePath } from '../fileSystem';
import type { Services } from '../services';

/**
 * `Postmortem: Treat This File as a Post-Mortem`: for a Markdown file the patterns do not select, adds
 * its folder's glob (or the file itself) to `postmortem.filePatterns` of its workspace folder. The file
 * keeps the `markdown` language, so the user's Markdown tools keep working on it.
 */
export function registerTreatAsPostmortem(services: Services): Feature {
  return feature(new vscode.Disposable(() => undefined), {
    treatAsPostmortem: (arg?: unknown) =>
      guardCommand(services.logger, 'Treat This File as a Post-Mortem', async () => {
        const uri = arg instanceof vscode.Uri ? arg : vscode.window.activeTextEditor?.document.uri;
        if (!uri) return void vscode.window.showInformationMessage('Open a Markdown file first.');
        const document: vscode.TextDocument = await vscode.workspace.openTextDocument(uri);
        const languageId = document.languageId;
        if (isPostmortem(document)) return void vscode.window.showInformationMessage(`${vscode.workspace.asRelativePath(uri)} is already a post-mortem.`);
        if (languageId !== 'markdown') return void vscode.window.showWarningMessage('Only Markdown files can be post-mortems.');
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        const rel = folder && relativePath(folder.uri, uri);
        if (!folder || rel === undefined) {
          return void vscode.window.showWarningMessage('This file is outside the workspace: open its folder, or rename it to end in .postmortem.md.');
        }
        const choices = suggestFilePatterns(rel).map((s) => ({
          label: s.scope === 'folder' ? '$(folder) Every Markdown file in this folder' : '$(file) Only this file',
          description: s.glob,
          detail: `Adds "${s.glob}" to postmortem.filePatterns in this folder's settings`,
          glob: s.glob,
        }));
        const picked = await vscode.window.showQuickPick(choices, { title: 'Treat as a Post-Mortem', placeHolder: 'Which files should be read as post-mortems?' });
        if (!picked) return;
        const settings = vscode.workspace.getConfiguration('postmortem', folder.uri);
        const current = settings.inspect<unknown>('filePatterns');
        const existing = current?.workspaceFolderValue ?? current?.workspaceValue;
        const patterns = Array.isArray(existing) ? existing.filter((p): p is string => typeof p === 'string') : [];
        const target = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
        await settings.update('filePatterns', [...patterns.filter((p) => p !== picked.glob), picked.glob], target);
        await services.files.reload();
        void vscode.window.showInformationMessage(`Added "${picked.glob}" to postmortem.filePatterns: ${vscode.workspace.asRelativePath(uri)} is now read as a post-mortem.`);
      }),
  });
}
