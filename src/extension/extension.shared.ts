import * as vscode from 'vscode';
import { PostmortemAnalyzer } from './analysis';
import type { AnalysisBackend } from './analysisBackend';
import { ConfigService } from './config';
import { Logger } from './logging';
import { registerCodeActions } from './codeActions';
import { registerNewPostmortem } from './commands/newPostmortem';
import { registerCompletions } from './completion';
import { registerDiagnostics } from './diagnostics';
import { GlossaryService } from './glossaryService';
import { registerHovers } from './hovers';
import { registerTimelinePreview } from './preview/index';
import { registerMeeting } from './meeting';
import { registerStatusBar } from './statusBar';
import { registerSymbols } from './symbols';
import { registerWorkspaceFeatures } from './workspace/index';
import type { Services } from './services';
import { registerSummaryCommands } from './summary/index';

export interface HostInfo {
  host: 'node' | 'web';
  /** Runs large analyses off the extension host's thread (node: a worker thread). */
  createBackend?: (logger: Logger) => AnalysisBackend | undefined;
}

type Feature = (services: Services) => vscode.Disposable;

/** Activation common to the node and web hosts: a list of features, each returning a Disposable. */
export async function activateShared(context: vscode.ExtensionContext, hostInfo: HostInfo, extraFeatures: Feature[] = []): Promise<Services> {
  const logger = new Logger();
  const config = new ConfigService(logger);
  await config.loadFiles();
  const analyzer = new PostmortemAnalyzer(config, logger, hostInfo.createBackend?.(logger));
  context.subscriptions.push(logger, config, analyzer);
  const glossary = new GlossaryService(logger);
  await glossary.reload();
  context.subscriptions.push(glossary);
  const services: Services = { context, analyzer, config, logger, glossary, host: hostInfo.host };
  const features: Feature[] = [
    registerDiagnostics,
    registerCodeActions,
    registerHovers,
    registerSymbols,
    registerCompletions,
    registerNewPostmortem,
    registerTimelinePreview,
    registerSummaryCommands,
    registerWorkspaceFeatures,
    registerStatusBar,
    registerMeeting,
    ...extraFeatures,
  ];
  for (const feature of features) {
    try {
      context.subscriptions.push(feature(services));
    } catch (error) {
      logger.error(`Could not start ${feature.name}`, error);
    }
  }
  logger.info(`Postmortem activated (${hostInfo.host})`);
  return services;
}
