import * as vscode from 'vscode';
import { type Analysis, analyzeText, ChunkCache } from '../core/analyze';
import type { PostmortemDocument } from '../core/model';
import type { ConfigService } from './config';
import type { Logger } from './logging';

export const LANGUAGE_ID = 'postmortem';
export const SELECTOR: vscode.DocumentSelector = [{ language: LANGUAGE_ID }];

export function isPostmortem(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  return document?.languageId === LANGUAGE_ID;
}

interface Entry {
  version: number;
  analysis: Analysis;
  cache: ChunkCache;
}

/**
 * The extension's single access point to the core: analysis results per open document, cached by
 * version (with a per-document parse cache so edits re-parse only the touched sections). Providers ask
 * `get(document)`; they never parse text themselves. Caches are dropped when a document closes.
 */
export class PostmortemAnalyzer implements vscode.Disposable {
  private readonly entries = new Map<string, Entry>();
  private readonly emitter = new vscode.EventEmitter<{ document: vscode.TextDocument; analysis: Analysis }>();
  private readonly disposables: vscode.Disposable[] = [];
  /** Fires after a document was (re-)analysed. */
  readonly onDidAnalyze = this.emitter.event;

  constructor(
    private readonly config: ConfigService,
    private readonly logger: Logger,
  ) {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((d) => this.entries.delete(d.uri.toString())),
      config.onDidChange(() => this.entries.clear()),
    );
  }

  /** Analysis of the document's current text (computed on demand, cached per version). */
  get(document: vscode.TextDocument): Analysis {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version) return entry.analysis;
    const cache = entry?.cache ?? new ChunkCache();
    const settings = this.config.forDocument(document);
    let analysis: Analysis;
    try {
      analysis = analyzeText(document.getText(), { cache, config: settings.config, ...(settings.maxFileSize ? { maxFileSize: settings.maxFileSize } : {}), ...(settings.timezone ? { timezone: settings.timezone } : {}) });
    } catch (error) {
      this.logger.error(`Analysis of ${document.uri.fsPath} failed`, error);
      analysis = analyzeText('', {});
    }
    this.entries.set(key, { version: document.version, analysis, cache });
    this.emitter.fire({ document, analysis });
    return analysis;
  }

  model(document: vscode.TextDocument): PostmortemDocument {
    return this.get(document).doc;
  }

  dispose(): void {
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
