import * as vscode from 'vscode';
import { MAX_TEMPLATE_SIZE, SUMMARY_TEMPLATE_PATH } from '../../core/summary/template';
import type { Logger } from '../logging';

/**
 * The workspace's `.postmortem/summary.md` for a document, read with `workspace.fs` from the
 * document's workspace folder. Only in trusted workspaces: an untrusted repository does not get to
 * shape what the extension exports. Never throws; a missing template is `undefined`.
 */
export async function readSummaryTemplate(document: vscode.TextDocument, logger: Logger): Promise<string | undefined> {
  if (!vscode.workspace.isTrusted) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  if (!folder) return undefined;
  const uri = vscode.Uri.joinPath(folder.uri, ...SUMMARY_TEMPLATE_PATH.split('/'));
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.type & vscode.FileType.Directory) return undefined;
    if (stat.size > MAX_TEMPLATE_SIZE) {
      logger.warn(`${uri.toString(true)} is larger than ${MAX_TEMPLATE_SIZE / 1024} KB; the default summary layout is used.`);
      return undefined;
    }
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch (error) {
    if (!(error instanceof vscode.FileSystemError && error.code === 'FileNotFound')) logger.warn(`Could not read the summary template ${uri.toString(true)}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}
