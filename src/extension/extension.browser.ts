import type * as vscode from 'vscode';
import { activateShared } from './extension.shared';

/**
 * vscode.dev / github.dev entry (dist/web/extension.js): no Node built-ins, no worker threads, no CLI.
 * Every feature in the shared list runs here too; node-only features belong in extension.node.ts.
 */
export function activate(context: vscode.ExtensionContext) {
  return activateShared(context, { host: 'web' }, []);
}

export function deactivate(): void {}
