import * as vscode from 'vscode';
import type { Finding } from '../core/rules/types';
import { isPostmortem } from './analysis';
import { ruleDocsUri, toRange, toSeverity } from './convert';
import type { Services } from './services';

export const DIAGNOSTIC_SOURCE = 'postmortem';

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, toSeverity(finding.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.rule, target: ruleDocsUri(finding.rule) };
  return diagnostic;
}

/**
 * Problems for post-mortem documents: on open immediately, on change after a debounce (the newest edit
 * wins: a pending run for an older version is dropped), cleared on close.
 */
export function registerDiagnostics(services: Services): vscode.Disposable {
  const { analyzer, logger, config } = services;
  const collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The document version whose findings are shown, per document. */
  const shown = new Map<string, number>();

  const update = async (document: vscode.TextDocument) => {
    const uri = document.uri;
    if (document.isClosed) return;
    // A Markdown file may stop being a post-mortem (its pattern removed): its problems go with it.
    if (!isPostmortem(document)) {
      collection.delete(uri);
      shown.delete(uri.toString());
      return;
    }
    const version = document.version;
    try {
      const { findings } = await analyzer.analyze(document);
      // A newer edit has its own run scheduled; never show findings for text that is gone.
      if (document.isClosed || document.version !== version) return;
      collection.set(document.uri, findings.map(toDiagnostic));
      shown.set(uri.toString(), version);
    } catch (error) {
      logger.error(`Diagnostics for ${document.uri.toString()} failed`, error);
    }
  };
  const schedule = (document: vscode.TextDocument) => {
    if (!isPostmortem(document)) return;
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    const delay = Math.max(0, config.get<number>('debounce', 150, document.uri));
    timers.set(key, setTimeout(() => {
      timers.delete(key);
      void update(document);
    }, delay));
  };
  const clear = (document: vscode.TextDocument) => {
    clearTimeout(timers.get(document.uri.toString()));
    timers.delete(document.uri.toString());
    collection.delete(document.uri);
    shown.delete(document.uri.toString());
  };

  const disposables = [
    collection,
    vscode.workspace.onDidOpenTextDocument((d) => void update(d)),
    // A later pass of the version shown (the first analysis's deferred rules, a read finished in slices) has more
    // findings; a newer version waits for its debounced update.
    analyzer.onDidAnalyze(({ document, analysis }) => {
      if (!document.isClosed && isPostmortem(document) && shown.get(document.uri.toString()) === document.version) collection.set(document.uri, analysis.findings.map(toDiagnostic));
    }),
    vscode.workspace.onDidChangeTextDocument((e) => schedule(e.document)),
    vscode.workspace.onDidCloseTextDocument(clear),
    // Language changes (e.g. "Change Language Mode") close and reopen the document model.
    config.onDidChange(() => vscode.workspace.textDocuments.forEach((d) => void update(d))),
    services.files.onDidChange(() => vscode.workspace.textDocuments.forEach((d) => void update(d))),
  ];
  vscode.workspace.textDocuments.forEach((d) => void update(d));
  return vscode.Disposable.from(...disposables, { dispose: () => timers.forEach((t) => clearTimeout(t)) });
}
