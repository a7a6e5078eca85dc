import * as vscode from 'vscode';
import { decodePngDataUrl, type ExportFormat } from '../../core/timelineView/index';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** `checkout.postmortem.md` -> `checkout.timeline.svg`. */
export function exportFileName(document: vscode.Uri, format: ExportFormat): string {
  const base = document.path.split('/').pop() ?? '';
  const stem = base.replace(/\.postmortem\.md$/i, '').replace(/\.(?:md|markdown)$/i, '') || 'postmortem';
  return `${stem}.timeline.${format}`;
}

function defaultTarget(document: vscode.Uri, format: ExportFormat): vscode.Uri | undefined {
  const name = exportFileName(document, format);
  if (document.scheme === 'untitled') {
    const folder = vscode.workspace.workspaceFolders?.[0];
    return folder ? vscode.Uri.joinPath(folder.uri, name) : undefined;
  }
  return vscode.Uri.joinPath(document, '..', name);
}

export function exportBytes(format: ExportFormat, data: string): Uint8Array {
  if (format === 'svg') return new TextEncoder().encode(data);
  const bytes = decodePngDataUrl(data);
  if (bytes.length < PNG_SIGNATURE.length || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) throw new Error('the webview did not produce a PNG image');
  return bytes;
}

/**
 * Asks where to save (the save dialog itself confirms replacing an existing file) and writes the export
 * through `workspace.fs`, so it works for remote and virtual workspaces too. Returns the target or undefined.
 */
export async function saveTimelineExport(document: vscode.Uri, format: ExportFormat, data: string): Promise<vscode.Uri | undefined> {
  const bytes = exportBytes(format, data);
  const target = await vscode.window.showSaveDialog({
    title: `Export Timeline as ${format.toUpperCase()}`,
    saveLabel: 'Export',
    defaultUri: defaultTarget(document, format),
    filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] },
  });
  if (!target) return undefined;
  await vscode.workspace.fs.writeFile(target, bytes);
  const name = target.path.split('/').pop() ?? target.toString();
  void vscode.window.showInformationMessage(`Timeline exported to ${name}.`, 'Open').then((choice) => {
    if (choice === 'Open') void vscode.commands.executeCommand('vscode.open', target);
  });
  return target;
}
