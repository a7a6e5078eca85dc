import * as vscode from 'vscode';
import { WorkspaceIndex } from '../../core/workspace/index';
import { LANGUAGE_ID } from '../analysis';
import type { Services } from '../services';

const MAX_FILES = 10_000;
/** Fire a change after this many files while indexing in the background. */
const BATCH = 25;
const DIRTY_DEBOUNCE_MS = 300;

const yieldToHost = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Keeps a WorkspaceIndex of every post-mortem in the workspace: found with findFiles for each glob of
 * PostmortemFiles and kept when its selection includes the file (the CLI's rules: `.gitignore`,
 * `files.exclude`, `search.exclude`, dependency folders), read with workspace.fs (no editors are opened), kept fresh by
 * file watchers, and by the text of open documents while they are being edited. The first scan runs in
 * the background and yields between files.
 */
export class WorkspaceIndexer implements vscode.Disposable {
  readonly index = new WorkspaceIndex();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires (at most every batch) when the index changed. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private watchers: vscode.Disposable[] = [];
  private readonly dirtyTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private generation = 0;
  private scanning = false;
  private rescanTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private firstScan: Promise<void> | undefined;
  private cachedPatterns: vscode.RelativePattern[] | undefined;

  constructor(private readonly services: Services) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.tracks(e.document)) this.scheduleDocument(e.document);
      }),
      vscode.workspace.onDidSaveTextDocument((d) => this.tracks(d) && this.indexDocument(d)),
      // Closing a dirty document drops its changes: the file on disk is the truth again.
      vscode.workspace.onDidCloseTextDocument((d) => {
        const key = d.uri.toString();
        this.cancelDocument(key);
        if (this.index.has(key)) void this.indexUri(d.uri).then((changed) => changed && this.emitter.fire());
      }),
      vscode.workspace.onDidOpenTextDocument((d) => {
        if (!this.index.has(d.uri.toString()) && this.tracks(d)) this.indexDocument(d);
      }),
      // Deleting a folder may not reach the file watchers file by file.
      vscode.workspace.onDidDeleteFiles((e) => {
        if (e.files.map((uri) => this.forget(uri)).some(Boolean)) this.emitter.fire();
      }),
      // Renamed files and folders: forget the old names; the watchers usually report the new files, a rescan makes sure.
      vscode.workspace.onDidRenameFiles((e) => {
        if (e.files.map(({ oldUri }) => this.forget(oldUri)).some(Boolean)) {
          this.emitter.fire();
          this.scheduleRescan();
        }
      }),
      // Folders, patterns, excludes and .gitignore files: PostmortemFiles re-reads them and tells us.
      services.files.onDidChange(() => this.patternsChanged()),
    );
    this.createWatchers();
    // Until the first scan finishes, the view's welcome says "looking" rather than "none found".
    void vscode.commands.executeCommand('setContext', 'postmortem.workspace.indexing', (vscode.workspace.workspaceFolders?.length ?? 0) > 0);
  }

  private patternsChanged(): void {
    this.cachedPatterns = undefined;
    this.createWatchers();
    this.scheduleRescan();
  }

  /** Drops a file, or every file under a folder; true when something was dropped. */
  private forget(uri: vscode.Uri): boolean {
    const key = uri.toString();
    return this.index.remove(key) || this.index.removeUnder(key) > 0;
  }

  /** True while a scan of the workspace runs. */
  get indexing(): boolean {
    return this.scanning;
  }

  /** Starts the first scan (once); resolves when it is done. */
  start(): Promise<void> {
    this.firstScan ??= this.rescan();
    return this.firstScan;
  }

  /** Finds and (re-)indexes every post-mortem; files that disappeared are dropped at the end. */
  async rescan(): Promise<void> {
    const generation = ++this.generation;
    this.setScanning(true);
    try {
      const uris = await this.findAll();
      if (generation !== this.generation || this.disposed) return;
      const found = new Set(uris.map((u) => u.toString()));
      let dropped = false;
      for (const file of this.index.files()) {
        // Kept only while edited and still selected: an open editor of a deleted or deselected file is not a post-mortem of the workspace.
        const open = this.openDocument(file.uri);
        const keep = open !== undefined && open.isDirty && this.services.files.includes(open.uri);
        if (!found.has(file.uri) && !keep) dropped = this.index.remove(file.uri) || dropped;
      }
      if (dropped) this.emitter.fire();
      let sinceFire = 0;
      for (const uri of uris) {
        if (generation !== this.generation || this.disposed) return;
        if (await this.indexUri(uri)) sinceFire++;
        if (sinceFire >= BATCH) {
          sinceFire = 0;
          this.emitter.fire();
        }
        await yieldToHost();
      }
      this.services.logger.info(`Indexed ${this.index.size} post-mortem${this.index.size === 1 ? '' : 's'} in the workspace`);
    } catch (error) {
      this.services.logger.error('Indexing post-mortems failed', error);
    } finally {
      if (generation === this.generation) {
        this.setScanning(false);
        this.emitter.fire();
      }
    }
  }

  /** The include patterns per workspace folder: `**\/*.postmortem.md` plus the configured `filePatterns`. */
  patterns(): vscode.RelativePattern[] {
    this.cachedPatterns ??= this.readPatterns();
    return this.cachedPatterns;
  }

  private readPatterns(): vscode.RelativePattern[] {
    const result: vscode.RelativePattern[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const glob of this.services.files.patternsFor(folder)) result.push(new vscode.RelativePattern(folder, glob));
    }
    return result;
  }

  /**
   * Whether a document belongs in the index: inside a workspace folder and selected by PostmortemFiles,
   * or switched to the post-mortem language by hand (a name the patterns do not know).
   */
  tracks(document: vscode.TextDocument): boolean {
    if (this.index.has(document.uri.toString())) return true;
    if (document.uri.scheme === 'untitled' || !vscode.workspace.getWorkspaceFolder(document.uri)) return false;
    if (this.services.files.includes(document.uri)) return true;
    return document.languageId === LANGUAGE_ID && !/\.postmortem\.md$/i.test(document.uri.path);
  }

  private async findAll(): Promise<vscode.Uri[]> {
    const seen = new Map<string, vscode.Uri>();
    for (const pattern of this.patterns()) {
      const uris = await vscode.workspace.findFiles(pattern, undefined, MAX_FILES);
      for (const uri of uris) if (this.services.files.includes(uri)) seen.set(uri.toString(), uri);
    }
    return [...seen.values()].sort((a, b) => a.toString().localeCompare(b.toString()));
  }

  /** Indexes one file: from its open document when there is one (it may be dirty), else from disk. False when unreadable (then dropped). */
  async indexUri(uri: vscode.Uri): Promise<boolean> {
    const key = uri.toString();
    const open = this.openDocument(key);
    if (open) {
      this.indexDocument(open);
      return true;
    }
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      // A document may have been opened while we were reading.
      const nowOpen = this.openDocument(key);
      if (nowOpen) this.indexDocument(nowOpen);
      else this.index.update(key, new TextDecoder().decode(bytes));
      return true;
    } catch (error) {
      if (this.index.remove(key)) this.services.logger.info(`Dropped ${key} from the index (${error instanceof Error ? error.message : String(error)})`);
      return false;
    }
  }

  /** Indexes an open document from its current text (through the analyzer's per-version cache). */
  indexDocument(document: vscode.TextDocument): void {
    this.cancelDocument(document.uri.toString());
    const version = document.version;
    this.services.analyzer.analyze(document).then(
      // After the event loop: the diagnostics of the same analysis are published first.
      (analysis) => setImmediate(() => {
        if (document.version !== version || document.isClosed) return;
        this.index.updateFromModel(document.uri.toString(), analysis.doc);
        this.emitter.fire();
      }),
      (error) => this.services.logger.error(`Indexing ${document.uri.toString()} failed`, error),
    );
  }

  private scheduleDocument(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cancelDocument(key);
    this.dirtyTimers.set(
      key,
      setTimeout(() => {
        this.dirtyTimers.delete(key);
        if (!document.isClosed) this.indexDocument(document);
      }, DIRTY_DEBOUNCE_MS),
    );
  }

  private cancelDocument(key: string): void {
    const timer = this.dirtyTimers.get(key);
    if (timer) clearTimeout(timer);
    this.dirtyTimers.delete(key);
  }

  private openDocument(key: string): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === key && !d.isClosed);
  }

  private createWatchers(): void {
    for (const w of this.watchers) w.dispose();
    this.watchers = [];
    for (const pattern of this.patterns()) {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const changed = (uri: vscode.Uri) => {
        if (!this.services.files.includes(uri)) return;
        // Open documents are indexed from their text; a save reaches us through onDidSaveTextDocument.
        if (this.openDocument(uri.toString())?.isDirty) return;
        void this.indexUri(uri).then(() => this.emitter.fire());
      };
      this.watchers.push(
        watcher,
        watcher.onDidCreate(changed),
        watcher.onDidChange(changed),
        watcher.onDidDelete((uri) => this.forget(uri) && this.emitter.fire()),
      );
    }
  }

  private scheduleRescan(): void {
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    this.rescanTimer = setTimeout(() => {
      this.rescanTimer = undefined;
      void this.rescan();
    }, 500);
  }

  private setScanning(value: boolean): void {
    this.scanning = value;
    void vscode.commands.executeCommand('setContext', 'postmortem.workspace.indexing', value);
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    if (this.rescanTimer) clearTimeout(this.rescanTimer);
    for (const t of this.dirtyTimers.values()) clearTimeout(t);
    this.dirtyTimers.clear();
    for (const w of this.watchers) w.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
