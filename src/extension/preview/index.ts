import * as vscode from 'vscode';
import type { Services } from '../services';

/** Timeline preview: registered by the preview feature (stub until it lands). */
export function registerTimelinePreview(_services: Services): vscode.Disposable {
  return new vscode.Disposable(() => undefined);
}
