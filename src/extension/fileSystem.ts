import * as vscode from 'vscode';

// URI path helpers for every scheme, without Node's path module (web host).

/** The last segment of the URI's path (`''` for a folder URI ending in `/`). */
export function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The folder part of a `/`-separated path (`'/'` at the top). */
export function parentPath(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** `uri`'s path relative to `base`, `/`-separated; undefined when it is not inside. */
export function relativePath(base: vscode.Uri, uri: vscode.Uri): string | undefined {
  if (base.scheme !== uri.scheme || base.authority !== uri.authority) return undefined;
  const root = base.path.endsWith('/') ? base.path : `${base.path}/`;
  return uri.path.startsWith(root) ? uri.path.slice(root.length) : undefined;
}

/** Whether a file exists, for every URI scheme (file, vscode-vfs, ...), on the node and web hosts. */
export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
