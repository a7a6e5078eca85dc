import * as vscode from 'vscode';

/** Whether a file exists, for every URI scheme (file, vscode-vfs, ...), on the node and web hosts. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
