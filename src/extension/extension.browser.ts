import * as vscode from 'vscode';
import { feature, type Feature } from './commands';
import { activateShared } from './extension.shared';

/** Repository events need git, which the web has not: the command says so instead of failing. */
function repositoryEventsUnavailable(): Feature {
  return feature(new vscode.Disposable(() => undefined), {
    addRepositoryEvents: () => void vscode.window.showInformationMessage('Postmortem: adding repository events needs git; it works in the desktop editor and with `postmortem git-events`.'),
  });
}

/**
 * vscode.dev / github.dev entry (dist/web/extension.js): no Node built-ins, no worker threads, no CLI.
 * Every feature in the shared list runs here too; node-only features belong in main.node.ts.
 */
export function activate(context: vscode.ExtensionContext) {
  return activateShared(context, { host: 'web' }, [repositoryEventsUnavailable]);
}

export function deactivate(): void {}
