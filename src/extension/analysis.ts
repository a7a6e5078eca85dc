import * as vscode from 'vscode';
import { type Analysis, analysisOptionsFor, analyzeText, ChunkCache } from '../core/analyze';
import { nestsTooDeep } from '../core/model/nesting';
import type { PostmortemDocument } from '../core/model/types';
import { type AnalysisBackend, AnalysisOverMemory, AnalysisTimeout } from './analysisBackend';
import type { ConfigService } from './config';
import type { Logger } from './logging';

export const LANGUAGE_ID = 'postmortem';
/** Providers see post-mortems and Markdown files; the ones for Markdown answer only for files `isPostmortem` selects. */
export const SELECTOR: vscode.DocumentSelector = [{ language: LANGUAGE_ID }, { language: 'markdown' }];

let markdownPostmortem: (uri: vscode.Uri) => boolean = () => false;

/** Set at activation: which Markdown files are post-mortems (`postmortem.filePatterns`, PostmortemFiles). */
export function setMarkdownPostmortems(includes: (uri: vscode.Uri) => boolean): void {
  markdownPostmortem = includes;
}

/** A `postmortem` document, or a Markdown file under the configured file patterns. */
export function isPostmortem(document: vscode.TextDocument | undefined): document is vscode.TextDocument {
  if (!document) return false;
  return document.languageId === LANGUAGE_ID || (document.languageId === 'markdown' && markdownPostmortem(document.uri));
}

/** Documents above this many characters are analysed by the backend (a worker thread on the node host). */
export const BACKGROUND_THRESHOLD = 200_000;
/**
 * Parse time allowed on the extension host's own thread. A document that needs more is shown read up to
 * there (the rest as plain text), then finished by the worker, or, without one, by further slices of this
 * budget between which the host's event loop runs (parsed chunks are cached, so each slice gets further).
 */
export const HOST_TIME_BUDGET_MS = 150;

/**
 * Rules whose first run in a fresh extension host costs most of the first analysis (the blame detector
 * compiles its regexes): the first document opened gets its other diagnostics first, and these right after,
 * once the event loop has run. Later analyses run every rule at once.
 */
const COLD_RULES = ['blame-wording'] as const;

interface Entry {
  version: number;
  analysis: Analysis;
  cache: ChunkCache;
  /** Read only partly (the time budget ran out); a fuller analysis is on its way. */
  partial: boolean;
}

/** Without some rules (`Analysis.deferred`): the complete analysis is on its way. */
const isDeferred = (analysis: Analysis) => analysis.deferred !== undefined;

const isPartial = (analysis: Analysis) => analysis.doc.problems.some((p) => p.code === 'analysis-time-limit');

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

  private readonly inFlight = new Map<string, { version: number; promise: Promise<Analysis> }>();
  /** Documents whose analysis did not fit the host's budget: they go to the backend from now on. */
  private readonly heavy = new Set<string>();
  /** Documents whose reading ran the worker out of memory, with the text length that did it and the limit (MB). */
  private readonly overMemory = new Map<string, { length: number; limitMb: number }>();
  /** True until the first analysis on this thread: that one leaves COLD_RULES for a second pass. */
  private cold = true;

  constructor(
    private readonly config: ConfigService,
    private readonly logger: Logger,
    private readonly backend?: AnalysisBackend,
  ) {
    this.disposables.push(
      vscode.workspace.onDidCloseTextDocument((d) => {
        this.entries.delete(d.uri.toString());
        this.heavy.delete(d.uri.toString());
        this.overMemory.delete(d.uri.toString());
        this.backend?.forget(d.uri.toString());
      }),
      config.onDidChange(() => {
        this.entries.clear();
        for (const d of vscode.workspace.textDocuments) this.backend?.forget(d.uri.toString());
      }),
    );
  }

  /** The latest finished analysis, even if the document changed since (for UI that tolerates staleness). */
  latest(document: vscode.TextDocument): Analysis | undefined {
    return this.entries.get(document.uri.toString())?.analysis;
  }

  /**
   * Analysis of the document's current version without blocking the extension host: large documents go to
   * the backend (a worker thread); a request overtaken by a newer edit resolves with the newer analysis.
   */
  async analyze(document: vscode.TextDocument): Promise<Analysis> {
    const key = document.uri.toString();
    const entry = this.entries.get(key);
    if (entry && entry.version === document.version && !(entry.partial && this.backend)) return entry.analysis;
    if (!this.backend) return this.get(document);
    // A text as long as one that ran the worker out of memory is not sent again (each try costs a worker and seconds).
    const over = this.overMemory.get(key);
    if (over && document.getText().length >= over.length) return this.compute(document, 0, true, over.limitMb);
    if (over) this.overMemory.delete(key);
    if (!this.heavy.has(key)) {
      if (!this.mustGoToBackend(document)) {
        const analysis = this.get(document);
        if (!this.entries.get(key)?.partial) return analysis;
      }
      this.heavy.add(key);
    }
    const running = this.inFlight.get(key);
    if (running && running.version === document.version) return running.promise;
    const version = document.version;
    const settings = this.config.forDocument(document);
    const promise = this.backend
      .analyze({ key, version, text: document.getText(), options: analysisOptionsFor(settings) })
      .then((analysis) => {
        if (this.inFlight.get(key)?.version === version) this.inFlight.delete(key);
        if (!analysis) return document.version === version ? this.compute(document, HOST_TIME_BUDGET_MS, true) : this.analyze(document);
        const current = this.entries.get(key);
        if (!current || current.version < version || (current.version === version && current.partial)) {
          this.entries.set(key, { version, analysis, cache: current?.cache ?? new ChunkCache(), partial: false });
          this.emitter.fire({ document, analysis });
        }
        return analysis;
      })
      .catch((error) => {
        this.logger.error(`Background analysis of ${document.uri.fsPath} failed; analysing in place`, error);
        this.inFlight.delete(key);
        // A worker that ran out of time or memory gets no second try here: the document is shown as plain text.
        if (error instanceof AnalysisOverMemory) {
          // The failed text is not the current one: read the current one (it may be fine).
          if (document.version !== version) return this.analyze(document);
          this.overMemory.set(key, { length: document.getText().length, limitMb: error.limitMb });
          return this.compute(document, 0, true, error.limitMb);
        }
        return this.compute(document, error instanceof AnalysisTimeout ? 0 : HOST_TIME_BUDGET_MS, true);
      });
    this.inFlight.set(key, { version, promise });
    return promise;
  }

  /**
   * `analyze`, with every rule's findings: for what is written from the findings (a summary screens the
   * blame-focused sentences), where the quick first analysis of a fresh host (`Analysis.deferred`) will not do.
   */
  async complete(document: vscode.TextDocument): Promise<Analysis> {
    const analysis = await this.analyze(document);
    if (!isDeferred(analysis) || document.version !== this.entries.get(document.uri.toString())?.version) return analysis;
    return this.compute(document, HOST_TIME_BUDGET_MS, false);
  }

  /** Analysis of the document's current text (computed on demand within the host's time budget, cached per version). */
  get(document: vscode.TextDocument): Analysis {
    const entry = this.entries.get(document.uri.toString());
    if (entry && entry.version === document.version) return entry.analysis;
    return this.compute(document, HOST_TIME_BUDGET_MS, false);
  }

  /**
   * Analyses the document's current text now and caches the result. A partial result (the budget ran out)
   * is continued, by the worker or in later slices, unless `final`.
   */
  private compute(document: vscode.TextDocument, timeBudgetMs: number, final: boolean, memoryLimitMb?: number): Analysis {
    const key = document.uri.toString();
    const cache = this.entries.get(key)?.cache ?? new ChunkCache();
    const settings = this.config.forDocument(document);
    const deferRules = this.cold && !final ? COLD_RULES : undefined;
    this.cold = false;
    let analysis: Analysis;
    try {
      analysis = analyzeText(document.getText(), {
        ...analysisOptionsFor(settings, { cache, timeBudgetMs }),
        ...(deferRules ? { deferRules } : {}),
        ...(memoryLimitMb !== undefined ? { memoryLimitMb } : {}),
      });
    } catch (error) {
      this.logger.error(`Analysis of ${document.uri.fsPath} failed`, error);
      analysis = analyzeText('', {});
    }
    const partial = !final && isPartial(analysis);
    this.entries.set(key, { version: document.version, analysis, cache, partial });
    this.emitter.fire({ document, analysis });
    if (partial && !this.backend) this.continueLater(document);
    else if (partial) void this.analyze(document);
    else if (isDeferred(analysis)) this.completeLater(document);
    return analysis;
  }

  /** Large documents, and ones nested past the cap (hostile or broken), are read off the host's thread. */
  private mustGoToBackend(document: vscode.TextDocument): boolean {
    const text = document.getText();
    return text.length >= BACKGROUND_THRESHOLD || nestsTooDeep(text);
  }

  /** Without a worker: the next slice of the budget after the event loop has run (edits and other extensions first). */
  private continueLater(document: vscode.TextDocument): void {
    this.afterEventLoop(document, (entry) => entry.partial, (entry) => {
      const parsedBefore = entry.cache.size;
      const analysis = this.compute(document, HOST_TIME_BUDGET_MS, false);
      // No progress (one chunk alone is over the budget): keep what there is.
      if (isPartial(analysis) && entry.cache.size <= parsedBefore) this.entries.set(document.uri.toString(), { ...this.entries.get(document.uri.toString())!, partial: false });
    });
  }

  /** The deferred rules' pass, after the event loop has run (the first diagnostics are on screen by then). */
  private completeLater(document: vscode.TextDocument): void {
    this.afterEventLoop(document, (entry) => isDeferred(entry.analysis), () => this.compute(document, HOST_TIME_BUDGET_MS, false));
  }

  /** Runs `next` once the event loop has run, if the document is still open, unchanged, and its entry still `wants` it. */
  private afterEventLoop(document: vscode.TextDocument, wants: (entry: Entry) => boolean, next: (entry: Entry) => void): void {
    const key = document.uri.toString();
    const version = document.version;
    setTimeout(() => {
      const entry = this.entries.get(key);
      if (!entry || !wants(entry) || entry.version !== version || document.isClosed || document.version !== version) return;
      next(entry);
    }, 0);
  }

  model(document: vscode.TextDocument): PostmortemDocument {
    return this.get(document).doc;
  }

  dispose(): void {
    this.backend?.dispose();
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
