import * as vscode from 'vscode';
import { guardCommand } from '../logging';
import type { Services } from '../services';
import { TimelinePreviewManager } from './manager';

export const COMMANDS = {
  show: 'postmortem.showTimeline',
  showToSide: 'postmortem.showTimelineToSide',
  toggleLock: 'postmortem.toggleTimelineLock',
  export: 'postmortem.exportTimeline',
} as const;

/**
 * Timeline preview: a webview beside (or instead of) the editor that draws the incident timeline from
 * the analyzer's model, updates live as the author types, and exports SVG/PNG.
 */
export function registerTimelinePreview(services: Services): vscode.Disposable {
  const { logger } = services;
  const manager = new TimelinePreviewManager(services);
  return vscode.Disposable.from(
    manager,
    vscode.commands.registerCommand(COMMANDS.show, (uri?: unknown) => guardCommand(logger, 'Open Timeline Preview', () => manager.show(uri, false))),
    vscode.commands.registerCommand(COMMANDS.showToSide, (uri?: unknown) => guardCommand(logger, 'Open Timeline Preview to the Side', () => manager.show(uri, true))),
    vscode.commands.registerCommand(COMMANDS.toggleLock, () => guardCommand(logger, 'Toggle Timeline Preview Lock', () => manager.toggleLock())),
    vscode.commands.registerCommand(COMMANDS.export, (format?: unknown) => guardCommand(logger, 'Export Timeline', () => manager.export(format))),
  );
}
