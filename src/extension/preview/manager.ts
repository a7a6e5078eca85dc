import * as vscode from 'vscode';
import { buildTimelineViewModel, type ExportFormat, renderTimelineSvg } from '../../core/timelineView/index';
import { todayIso } from '../../core/model/time';
import { escapeHtml } from '../../core/util/escape';
import { isPostmortem } from '../analysis';
import type { Services } from '../services';
import { saveTimelineExport } from './exporter';
import { isPersistedState, themeForExport, TimelinePreview, VIEW_TYPE } from './preview';
import { safely } from './safe';

/**
 * All timeline previews: creation (beside or in place), restore after reload, following the active
 * post-mortem editor (unless locked), live updates and the editor-cursor highlight.
 */
export class TimelinePreviewManager implements vscode.Disposable {
  private readonly previews = new Set<TimelinePreview>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The preview that was focused last. */
  private active: TimelinePreview | undefined;

  constructor(private readonly services: Services) {
    const { logger, analyzer } = services;
    this.disposables.push(
      vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
        deserializeWebviewPanel: (panel, state) => this.restore(panel, state).catch((error: unknown) => logger.error('Restoring a timeline preview failed', error)),
      }),
      vscode.window.onDidChangeActiveTextEditor(safely(logger, 'Timeline preview follow', (editor: vscode.TextEditor | undefined) => this.follow(editor))),
      vscode.workspace.onDidOpenTextDocument(safely(logger, 'Timeline preview reopen', (d: vscode.TextDocument) => this.forDocument(d).forEach((p) => p.schedule(d)))),
      vscode.workspace.onDidChangeTextDocument(safely(logger, 'Timeline preview edit', (e: vscode.TextDocumentChangeEvent) => this.forDocument(e.document).forEach((p) => p.schedule(e.document)))),
      analyzer.onDidAnalyze(safely(logger, 'Timeline preview analysis', (e: { document: vscode.TextDocument }) => this.forDocument(e.document).forEach((p) => p.schedule(e.document)))),
      vscode.window.onDidChangeTextEditorSelection(
        safely(logger, 'Timeline preview highlight', (e: vscode.TextEditorSelectionChangeEvent) => {
          if (!isPostmortem(e.textEditor.document)) return;
          for (const preview of this.forDocument(e.textEditor.document)) {
            preview.editorColumn = e.textEditor.viewColumn ?? preview.editorColumn;
            preview.highlight(e.selections[0].active.line);
          }
        }),
      ),
    );
  }

  private forDocument(document: vscode.TextDocument): TimelinePreview[] {
    const key = document.uri.toString();
    return [...this.previews].filter((p) => p.resource.toString() === key);
  }

  private track(preview: TimelinePreview): TimelinePreview {
    this.previews.add(preview);
    this.active = preview;
    const viewState = preview.panel.onDidChangeViewState(
      safely(this.services.logger, 'Timeline preview focus', () => {
        if (preview.panel.active) this.active = preview;
      }),
    );
    preview.onDidDispose(() => {
      viewState.dispose();
      this.previews.delete(preview);
      if (this.active === preview) this.active = [...this.previews].pop();
    });
    return preview;
  }

  private follow(editor: vscode.TextEditor | undefined): Promise<unknown> | undefined {
    if (!editor || !isPostmortem(editor.document)) return undefined;
    const document = editor.document;
    return Promise.all(
      [...this.previews]
        .filter((p) => !p.locked)
        .map((p) => {
          p.editorColumn = editor.viewColumn ?? p.editorColumn;
          return p.setDocument(document);
        }),
    );
  }

  /** The post-mortem a command should act on: an explicit URI, else the active editor, else the active preview's. */
  private async targetDocument(uri?: unknown): Promise<vscode.TextDocument | undefined> {
    if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
    const editor = vscode.window.activeTextEditor;
    if (editor && isPostmortem(editor.document)) return editor.document;
    if (this.active) return vscode.workspace.openTextDocument(this.active.resource);
    return undefined;
  }

  async show(uri: unknown, toSide: boolean): Promise<void> {
    const document = await this.targetDocument(uri);
    if (!document) {
      void vscode.window.showInformationMessage('Open a post-mortem (*.postmortem.md) to see its timeline.');
      return;
    }
    const sourceColumn = vscode.window.activeTextEditor?.document === document ? vscode.window.activeTextEditor.viewColumn : undefined;
    const existing = [...this.previews].find((p) => !p.locked) ?? [...this.previews].find((p) => p.resource.toString() === document.uri.toString());
    if (existing) {
      if (!existing.locked) await existing.setDocument(document);
      existing.editorColumn = sourceColumn ?? existing.editorColumn;
      existing.panel.reveal(existing.panel.viewColumn, toSide);
      this.active = existing;
      return;
    }
    const column = toSide ? vscode.ViewColumn.Beside : (sourceColumn ?? vscode.ViewColumn.Active);
    const preview = this.track(await TimelinePreview.create(this.services, document, column, toSide));
    preview.editorColumn = sourceColumn;
  }

  async toggleLock(): Promise<void> {
    const preview = this.active ?? [...this.previews].pop();
    if (!preview) {
      void vscode.window.showInformationMessage('No timeline preview is open.');
      return;
    }
    await preview.setLocked(!preview.locked);
    if (!preview.locked) await this.follow(vscode.window.activeTextEditor);
  }

  async export(format?: unknown): Promise<void> {
    let chosen: ExportFormat | undefined = format === 'svg' || format === 'png' ? format : undefined;
    const editor = vscode.window.activeTextEditor;
    const preview =
      (this.active?.panel.active ? this.active : undefined) ??
      (editor && isPostmortem(editor.document) ? this.forDocument(editor.document)[0] : undefined) ??
      this.active;
    const document = preview ? undefined : await this.targetDocument();
    if (!preview && !document) {
      void vscode.window.showInformationMessage('Open a post-mortem or its timeline preview to export the timeline.');
      return;
    }
    if (!chosen) {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'SVG', description: 'Scalable vector image', format: 'svg' as const },
          { label: 'PNG', description: 'Bitmap image (2× resolution)', format: 'png' as const },
        ],
        { title: 'Export Timeline', placeHolder: 'Image format' },
      );
      if (!pick) return;
      chosen = pick.format;
    }
    if (preview) {
      await preview.export(chosen);
      return;
    }
    const target = document!;
    if (chosen === 'svg') {
      const model = buildTimelineViewModel(await this.services.analyzer.analyze(target), { today: todayIso() });
      await saveTimelineExport(target.uri, 'svg', renderTimelineSvg(model, { theme: themeForExport() }));
      return;
    }
    // PNG needs the webview's canvas: open the preview beside the editor, then export from it.
    await this.show(target.uri, true);
    await this.forDocument(target)[0]?.export('png');
  }

  private async restore(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isPersistedState(state)) {
      this.services.logger.warn('Timeline preview: no usable state to restore; closing it.');
      panel.dispose();
      return;
    }
    let document: vscode.TextDocument;
    try {
      document = await vscode.workspace.openTextDocument(vscode.Uri.parse(state.resource, true));
    } catch (error) {
      this.services.logger.warn(`Timeline preview: ${state.resource} could not be reopened (${error instanceof Error ? error.message : String(error)})`);
      panel.webview.options = { enableScripts: false, localResourceRoots: [] };
      panel.webview.html = `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none';"></head><body><p>The post-mortem ${escapeHtml(state.resource)} could not be opened, so its timeline cannot be shown.</p></body></html>`;
      return;
    }
    this.track(await TimelinePreview.revive(this.services, panel, document, state.locked === true));
  }

  dispose(): void {
    for (const preview of [...this.previews]) preview.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
