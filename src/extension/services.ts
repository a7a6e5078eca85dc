import type * as vscode from 'vscode';
import type { PostmortemAnalyzer } from './analysis';
import type { ConfigService } from './config';
import type { GlossaryService } from './glossaryService';
import type { Logger } from './logging';
import type { PostmortemFiles } from './postmortemFiles';
import type { WorkspaceInsights } from './insights/service';

/** What every feature gets at registration; each feature returns one Disposable. */
export interface Services {
  context: vscode.ExtensionContext;
  analyzer: PostmortemAnalyzer;
  config: ConfigService;
  logger: Logger;
  /** Which files are post-mortems (patterns, .gitignore, excludes): the CLI's selection. */
  files: PostmortemFiles;
  /** Built-in glossary plus settings and the workspace glossary file. */
  glossary: GlossaryService;
  /** 'web' in vscode.dev / github.dev: no Node APIs, no CLI. */
  host: 'node' | 'web';
  /** Figures across the workspace's post-mortems; set when the workspace index starts. */
  insights?: WorkspaceInsights;
}
