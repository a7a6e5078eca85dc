import * as vscode from 'vscode';
import { guardCommand } from '../logging';
import type { Services } from '../services';
import { exportSummary } from './export';
import { SummaryPreviews } from './preview';

export const EXPORT_SUMMARY_COMMAND = 'postmortem.exportSummary';
export const PREVIEW_SUMMARY_COMMAND = 'postmortem.previewSummary';

/** Stakeholder summary: export (Markdown / HTML / plain text) and a live HTML preview. */
export function registerSummaryCommands(services: Services): vscode.Disposable {
  const previews = new SummaryPreviews(services);
  return vscode.Disposable.from(
    previews,
    vscode.commands.registerCommand(EXPORT_SUMMARY_COMMAND, (arg?: unknown) => guardCommand(services.logger, 'Export Stakeholder Summary', () => exportSummary(services, arg))),
    vscode.commands.registerCommand(PREVIEW_SUMMARY_COMMAND, (arg?: unknown) => guardCommand(services.logger, 'Preview Stakeholder Summary', () => previews.open(arg))),
  );
}
