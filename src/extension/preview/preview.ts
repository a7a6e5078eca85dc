import * as vscode from 'vscode';
import type { Analysis } from '../../core/analyze';
import { todayIso } from '../../core/model/time';
import { buildTimelineViewModel, createNonce, type ExportFormat, type HostMessage, parseWebviewMessage, renderTimelinePage, renderTimelineSvg, type TimelineViewModel, type WebviewMessage } from '../../core/timelineView/index';
import type { Services } from '../services';
import { saveTimelineExport } from './exporter';
import { safely } from './safe';

export const VIEW_TYPE = 'postmortem.timeline';
export const DEFAULT_DEBOUNCE_MS = 150;

/** What the webview keeps (vscode.setState) so the serializer can restore the panel after a reload. */
export interface PersistedState {
  resource: string;
  locked: boolean;
}

export function isPersistedState(value: unknown): value is PersistedState {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.resource === 'string' && v.resource.length > 0 && v.resource.length < 4096 && (v.locked === undefined || typeof v.locked === 'boolean');
}

/** Webview options: scripts on, resources only from the extension's `dist/media` and `media`. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'media'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

export const PANEL_OPTIONS: vscode.WebviewPanelOptions = { enableFindWidget: true, retainContextWhenHidden: false };

function baseName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

export function themeForExport(): 'light' | 'dark' {
  const kind = vscode.window.activeColorTheme.kind;
  return kind === vscode.ColorThemeKind.Dark || kind === vscode.ColorThemeKind.HighContrast ? 'dark' : 'light';
}

/**
 * One timeline preview panel. The webview's HTML is set once; afterwards only new view models are
 * posted (debounced), so typing never reloads the page.
 */
export class TimelinePreview implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private ready = false;
  private disposed = false;
  /** What the webview shows: JSON of the last view model + lock + resource it got (page or message). */
  private lastPosted: string | undefined;
  /** The same for the page HTML, which a hidden-then-shown webview starts from again. */
  private pageKey: string | undefined;
  private model: TimelineViewModel | undefined;
  private pendingExport: ExportFormat | undefined;
  /** Column of the editor this preview was last seen beside (for reveal). */
  editorColumn: vscode.ViewColumn | undefined;

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly services: Services,
    private document: vscode.TextDocument,
    private isLocked: boolean,
  ) {
    const { logger } = services;
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage(safely(logger, 'Timeline preview message', (raw: unknown) => this.onMessage(raw))),
      panel.onDidChangeViewState(
        safely(logger, 'Timeline preview visibility', () => {
          // A hidden webview is discarded (no retained context); it says `ready` again when shown.
          if (!panel.visible) this.ready = false;
        }),
      ),
    );
  }

  /** A new panel for `document`. */
  static async create(services: Services, document: vscode.TextDocument, column: vscode.ViewColumn, preserveFocus: boolean, locked = false): Promise<TimelinePreview> {
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, TimelinePreview.title(document.uri, locked), { viewColumn: column, preserveFocus }, { ...PANEL_OPTIONS, ...webviewOptions(services.context.extensionUri) });
    const preview = new TimelinePreview(panel, services, document, locked);
    await preview.initialize();
    return preview;
  }

  /** A panel restored by the serializer after a reload. */
  static async revive(services: Services, panel: vscode.WebviewPanel, document: vscode.TextDocument, locked: boolean): Promise<TimelinePreview> {
    panel.webview.options = webviewOptions(services.context.extensionUri);
    panel.title = TimelinePreview.title(document.uri, locked);
    const preview = new TimelinePreview(panel, services, document, locked);
    await preview.initialize();
    return preview;
  }

  static title(uri: vscode.Uri, locked: boolean): string {
    return `${locked ? '[Locked] ' : ''}Timeline: ${baseName(uri)}`;
  }

  get resource(): vscode.Uri {
    return this.document.uri;
  }

  get locked(): boolean {
    return this.isLocked;
  }

  get visible(): boolean {
    return !this.disposed && this.panel.visible;
  }

  private async analysis(): Promise<Analysis> {
    return this.services.analyzer.analyze(this.document);
  }

  private build(analysis: Analysis): TimelineViewModel {
    return buildTimelineViewModel(analysis, { today: todayIso() });
  }

  /** Sets the page once, with the first paint already rendered. */
  private async initialize(): Promise<void> {
    const model = this.build(await this.analysis());
    if (this.disposed) return;
    const { webview } = this.panel;
    const extensionUri = this.services.context.extensionUri;
    const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, ...path)).toString();
    this.model = model;
    webview.html = renderTimelinePage({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: asset('dist', 'media', 'timeline.js'),
      styleUris: [asset('dist', 'media', 'codicon.css'), asset('media', 'timeline.css')],
      model,
      locked: this.isLocked,
      resource: this.document.uri.toString(),
    });
    this.pageKey = this.key(model);
    this.lastPosted = this.pageKey;
  }

  private key(model: TimelineViewModel): string {
    return JSON.stringify([model, this.isLocked, this.document.uri.toString()]);
  }

  /** Debounced refresh after an edit or a new analysis (of `document`, which may be a reopened copy). */
  schedule(document?: vscode.TextDocument): void {
    if (this.disposed) return;
    if (document && document !== this.document && document.uri.toString() === this.document.uri.toString()) this.document = document;
    if (this.timer) clearTimeout(this.timer);
    const delay = Math.max(0, Math.min(5000, Number(this.services.config.get<number>('preview.debounce', DEFAULT_DEBOUNCE_MS, this.document.uri)) || 0));
    this.timer = setTimeout(
      safely(this.services.logger, 'Timeline preview update', () => {
        this.timer = undefined;
        return this.refresh(false);
      }),
      delay,
    );
  }

  /** Posts the current view model, unless the webview already has exactly this one. */
  async refresh(force: boolean): Promise<void> {
    if (this.disposed) return;
    const document = this.document;
    const analysis = await this.analysis();
    if (this.disposed || document !== this.document) return;
    const model = this.build(analysis);
    this.model = model;
    if (!this.ready) return; // posted when the webview says it is ready
    const key = this.key(model);
    if (!force && key === this.lastPosted) return;
    this.lastPosted = key;
    await this.post({ type: 'update', model, locked: this.isLocked, resource: document.uri.toString() });
  }

  /** Follow another document (unlocked previews follow the active post-mortem editor). */
  async setDocument(document: vscode.TextDocument): Promise<void> {
    if (this.disposed || document === this.document) return;
    this.document = document;
    this.panel.title = TimelinePreview.title(document.uri, this.isLocked);
    await this.refresh(true);
  }

  async setLocked(locked: boolean): Promise<void> {
    this.isLocked = locked;
    this.panel.title = TimelinePreview.title(this.document.uri, locked);
    await this.refresh(true);
  }

  highlight(line: number): void {
    if (this.ready && this.panel.visible) void this.post({ type: 'highlight', line });
  }

  /** Export as SVG (rendered here) or PNG (drawn by the webview, which posts it back). */
  async export(format: ExportFormat): Promise<void> {
    if (format === 'svg') {
      const model = this.model ?? this.build(await this.analysis());
      await saveTimelineExport(this.document.uri, 'svg', renderTimelineSvg(model, { theme: themeForExport() }));
      return;
    }
    if (!this.ready || !this.panel.visible) {
      this.pendingExport = format;
      this.panel.reveal(this.panel.viewColumn, true);
      return;
    }
    await this.post({ type: 'requestExport', format });
  }

  private async post(message: HostMessage): Promise<void> {
    if (this.disposed) return;
    const delivered = await this.panel.webview.postMessage(message);
    if (!delivered) this.ready = false;
  }

  private async onMessage(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      this.services.logger.warn(`Timeline preview: ignored a message from the webview (${parsed.reason})`);
      return;
    }
    await this.handle(parsed.message);
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready': {
        // The webview (re)started from the page HTML: post only if the document moved on since.
        this.ready = true;
        this.lastPosted = this.pageKey;
        await this.refresh(false);
        const editor = vscode.window.visibleTextEditors.find((e) => e.document === this.document);
        if (editor) this.highlight(editor.selection.active.line);
        if (this.pendingExport) {
          const format = this.pendingExport;
          this.pendingExport = undefined;
          await this.post({ type: 'requestExport', format });
        }
        return;
      }
      case 'reveal':
        await this.reveal(message.line);
        return;
      case 'export':
        await saveTimelineExport(this.document.uri, message.format, message.data);
        return;
    }
  }

  /** Selects the line in an editor column other than the preview's. */
  private async reveal(line: number): Promise<void> {
    const document = this.document.isClosed ? await vscode.workspace.openTextDocument(this.document.uri) : this.document;
    if (line >= document.lineCount) return;
    const range = document.lineAt(line).range;
    const selection = new vscode.Selection(range.start, range.end);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === document.uri.toString() && e.viewColumn !== this.panel.viewColumn);
    const column = visible?.viewColumn ?? (this.editorColumn !== undefined && this.editorColumn !== this.panel.viewColumn ? this.editorColumn : vscode.ViewColumn.Beside);
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column, preserveFocus: false, selection });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
