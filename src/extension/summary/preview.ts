import * as vscode from 'vscode';
import { createSummary } from '../../core/summary/index';
import { todayIso } from '../../core/model/time';
import { guardAsync } from '../logging';
import type { Services } from '../services';
import { basename, targetDocument } from './export';

export const SUMMARY_PREVIEW_VIEW_TYPE = 'postmortem.summaryPreview';
/** The summary HTML has inline CSS and no scripts, images or fonts: nothing else may load. */
export const SUMMARY_PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'";
const DEBOUNCE_MS = 300;

interface PreviewEntry {
  panel: vscode.WebviewPanel;
  document: vscode.TextDocument;
  timer?: ReturnType<typeof setTimeout>;
  lastHtml?: string;
}

/** Live HTML previews of stakeholder summaries, one panel per post-mortem. */
export class SummaryPreviews implements vscode.Disposable {
  private readonly previews = new Map<string, PreviewEntry>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document)),
      services.config.onDidChange(() => {
        for (const entry of this.previews.values()) this.schedule(entry.document);
      }),
    );
  }

  /** `Postmortem: Preview Stakeholder Summary`. */
  async open(arg?: unknown): Promise<void> {
    const document = await targetDocument(arg);
    if (!document) return;
    const key = document.uri.toString();
    const existing = this.previews.get(key);
    if (existing) {
      existing.document = document;
      this.render(existing);
      existing.panel.reveal(vscode.ViewColumn.Beside, true);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      SUMMARY_PREVIEW_VIEW_TYPE,
      `Summary: ${basename(document.uri)}`,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: false, enableForms: false, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: false },
    );
    const entry: PreviewEntry = { panel, document };
    this.previews.set(key, entry);
    panel.onDidDispose(() => {
      if (entry.timer) clearTimeout(entry.timer);
      this.previews.delete(key);
    });
    this.render(entry);
  }

  private schedule(document: vscode.TextDocument): void {
    const entry = this.previews.get(document.uri.toString());
    if (!entry) return;
    entry.document = document;
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.render(entry);
    }, DEBOUNCE_MS);
  }

  private render(entry: PreviewEntry): void {
    void guardAsync(this.services.logger, 'Stakeholder summary preview', undefined, async () => {
      const result = createSummary(await this.services.analyzer.complete(entry.document), {
        glossary: this.services.glossary.current,
        format: 'html',
        today: todayIso(),
        showNotes: true,
        contentSecurityPolicy: SUMMARY_PREVIEW_CSP,
      });
      if (result.output === entry.lastHtml) return;
      entry.lastHtml = result.output;
      entry.panel.webview.html = result.output;
    });
  }

  dispose(): void {
    for (const entry of this.previews.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.panel.dispose();
    }
    this.previews.clear();
    for (const d of this.disposables) d.dispose();
  }
}
