import type * as vscode from 'vscode';

export interface HostInfo {
  host: 'node' | 'web';
}

export function activateShared(_context: vscode.ExtensionContext, _host: HostInfo): void {}
