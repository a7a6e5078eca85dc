import * as vscode from 'vscode';
import type { Services } from '../services';

/** Stakeholder summary commands (stub until the feature lands). */
export function registerSummaryCommands(_services: Services): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
