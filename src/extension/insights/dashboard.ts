import * as vscode from 'vscode';
import { type Insights, parseDashboardMessage, renderDashboardPage, renderDashboardUpdate } from '../../core/insights/index';
import { createNonce } from '../../core/timelineView/index';
import { safely } from '../preview/safe';
import type { Services } from '../services';
import type { WorkspaceInsights } from './service';

export const DASHBOARD_VIEW_TYPE = 'postmortem.insights';
const UPDATE_DEBOUNCE_MS = 300;

/**
 * The insights dashboard: one panel over the workspace index. The page is set once; when the index
 * changes the new body is posted (debounced). A bar or point opens the post-mortems behind it (a pick
 * when there are several); only files the index knows are opened.
 */
export class InsightsDashboard implements vscode.Disposable {
  private static current: InsightsDashboard | undefined;
  private files: Record<string, string[]> = {};
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private disposed = false;
  private wasVisible = true;

  static show(services: Services, insights: WorkspaceInsights): InsightsDashboard {
    if (InsightsDashboard.current) {
      InsightsDashboard.current.panel.reveal();
      return InsightsDashboard.current;
    }
    const panel = vscode.window.createWebviewPanel(DASHBOARD_VIEW_TYPE, 'Incident Insights', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(services.context.extensionUri, 'dist', 'media')],
    });
    InsightsDashboard.current = new InsightsDashboard(panel, services, insights);
    return InsightsDashboard.current;
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
    private readonly insights: WorkspaceInsights,
  ) {
    const { logger } = services;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage(safely(logger, 'Insights dashboard message', (raw: unknown) => this.onMessage(raw))),
      insights.onDidChange(() => this.schedule()),
      // A hidden webview is discarded; shown again, it starts from a fresh page.
      panel.onDidChangeViewState(
        safely(logger, 'Insights dashboard visibility', () => {
          if (panel.visible && !this.wasVisible) this.render(this.insights.current());
          this.wasVisible = panel.visible;
        }),
      ),
    );
    this.render(insights.current());
    void insights.whenReady().then((ready) => this.render(ready));
  }

  private label = (uri: string): string => {
    try {
      return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), true);
    } catch {
      return uri;
    }
  };

  private render(insights: Insights): void {
    const { webview } = this.panel;
    const scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(this.services.context.extensionUri, 'dist', 'media', 'insights.js')).toString();
    const page = renderDashboardPage({ cspSource: webview.cspSource, nonce: createNonce(), scriptUri, insights, label: this.label });
    this.files = page.files;
    webview.html = page.html;
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.disposed) return;
      const update = renderDashboardUpdate(this.insights.current(), this.label);
      this.files = update.files;
      void this.panel.webview.postMessage({ type: 'update', body: update.body });
    }, UPDATE_DEBOUNCE_MS);
  }

  /** What a click asks for; the files behind a chart key, or one named file, known to the index. */
  filesFor(raw: unknown): string[] {
    const message = parseDashboardMessage(raw);
    if (!message) return [];
    const files = message.type === 'openKey' ? (this.files[message.key] ?? []) : [message.file];
    return files.filter((f) => this.insights.knows(f));
  }

  private async onMessage(raw: unknown): Promise<void> {
    const files = this.filesFor(raw);
    if (!files.length) return;
    let chosen = files[0];
    if (files.length > 1) {
      const titles = new Map(this.insights.indexer.index.files().map((f) => [f.uri, f.title]));
      const pick = await vscode.window.showQuickPick(
        files.map((uri) => ({ label: titles.get(uri) ?? this.label(uri), description: this.label(uri), uri })),
        { placeHolder: `${files.length} post-mortems`, matchOnDescription: true },
      );
      if (!pick) return;
      chosen = pick.uri;
    }
    await vscode.window.showTextDocument(vscode.Uri.parse(chosen), { viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (InsightsDashboard.current === this) InsightsDashboard.current = undefined;
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
