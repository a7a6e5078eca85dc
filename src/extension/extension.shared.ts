import * as vscode from 'vscode';
import { PostmortemAnalyzer, SELECTOR, setMarkdownPostmortems } from './analysis';
import type { AnalysisBackend } from './analysisBackend';
import { ConfigService } from './config';
import { Logger } from './logging';
import { PostmortemFiles } from './postmortemFiles';
import { registerCodeActionSupport } from './codeActions';
import { type CommandTable, type Feature, registerCommandTable } from './commands';
import { registerNewPostmortem } from './commands/newPostmortem';
import { registerTreatAsPostmortem } from './commands/treatAsPostmortem';
import { registerCompletionSupport } from './completion';
import { registerDiagnostics } from './diagnostics';
import { GlossaryService } from './glossaryService';
import { registerHoverSupport } from './hovers';
import { registerTimelinePreview } from './preview/index';
import { postmortemMarkdownItPlugin } from './preview/markdownItPlugin';
import { registerMarkdownSupport } from './markdownLinks';
import type MarkdownIt from 'markdown-it';
import { registerMeeting } from './meeting';
import { registerStatusBar } from './statusBar';
import { registerSymbolSupport } from './symbols';
import { registerWorkspaceFeatures } from './workspace/index';
import type { Services } from './services';
import { registerSummaryCommands } from './summary/index';

export interface HostInfo {
  host: 'node' | 'web';
  /** Runs large analyses off the extension host's thread (node: a worker thread). */
  createBackend?: (logger: Logger) => AnalysisBackend | undefined;
}

type FeatureFactory = (services: Services) => vscode.Disposable | Feature;

/** What `activate` returns: the services, and the built-in Markdown preview's hook (`markdown.markdownItPlugins`). */
export interface PostmortemApi extends Services {
  extendMarkdownIt(md: MarkdownIt): MarkdownIt;
}

/** Activation common to the node and web hosts: a list of features, each returning a Disposable. */
export async function activateShared(context: vscode.ExtensionContext, hostInfo: HostInfo, extraFeatures: FeatureFactory[] = []): Promise<PostmortemApi> {
  const logger = new Logger();
  const config = new ConfigService(logger);
  await config.loadFiles();
  const files = new PostmortemFiles(config, logger);
  await files.reload();
  setMarkdownPostmortems((uri) => files.includes(uri));
  const analyzer = new PostmortemAnalyzer(config, logger, hostInfo.createBackend?.(logger));
  context.subscriptions.push(logger, config, files, analyzer);
  const glossary = new GlossaryService(logger);
  await glossary.reload();
  context.subscriptions.push(glossary);
  const services: Services = { context, analyzer, config, logger, files, glossary, host: hostInfo.host };
  // Language features as `register…Support(selector, services)`; commands go into one table.
  const features: Array<[string, FeatureFactory]> = [
    ['diagnostics', registerDiagnostics],
    ['code actions', (s) => registerCodeActionSupport(SELECTOR, s)],
    ['hovers', (s) => registerHoverSupport(SELECTOR, s)],
    ['outline', (s) => registerSymbolSupport(SELECTOR, s)],
    ['completions', (s) => registerCompletionSupport(SELECTOR, s)],
    ['markdown links', (s) => registerMarkdownSupport(SELECTOR, s)],
    ['new post-mortem', registerNewPostmortem],
    ['treat as post-mortem', registerTreatAsPostmortem],
    ['timeline preview', registerTimelinePreview],
    ['stakeholder summary', registerSummaryCommands],
    ['workspace', registerWorkspaceFeatures],
    ['status bar', registerStatusBar],
    ['review meeting', registerMeeting],
    ...extraFeatures.map((f): [string, FeatureFactory] => [f.name, f]),
  ];
  const commands: CommandTable[] = [];
  for (const [name, start] of features) {
    try {
      const started = start(services);
      context.subscriptions.push(started);
      if ('commands' in started && started.commands) commands.push(started.commands);
    } catch (error) {
      logger.error(`Could not start ${name}`, error);
    }
  }
  context.subscriptions.push(registerCommandTable(commands, logger));
  logger.info(`Postmortem activated (${hostInfo.host})`);
  return {
    ...services,
    extendMarkdownIt: (md: MarkdownIt) => {
      try {
        return postmortemMarkdownItPlugin(md, { onError: (error) => logger.error('Markdown preview plugin', error) });
      } catch (error) {
        logger.error('Could not extend the Markdown preview', error);
        return md;
      }
    },
  };
}
