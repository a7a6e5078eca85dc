import * as vscode from 'vscode';
import { FileSelection, type IgnoreFile } from '../core/files/selection';
import type { ConfigService } from './config';
import { relativePath } from './fileSystem';
import type { Logger } from './logging';

/** Context key: the active editor is a Markdown file that the file patterns make a post-mortem. */
export const MARKDOWN_POSTMORTEM_CONTEXT = 'postmortem.markdownPostmortem';

/** Before a folder's patterns are read: `*.postmortem.md` only. */
const DEFAULT_SELECTION = new FileSelection();

/** `.gitignore` files read per workspace folder (a monorepo has dozens, not thousands). */
const MAX_IGNORE_FILES = 200;

/**
 * Which files of the workspace are post-mortems, with the CLI's FileSelection: `*.postmortem.md`
 * plus `postmortem.filePatterns` and the `.postmortemrc.yaml`'s `filePatterns`, less `.gitignore`d
 * files, `files.exclude`, `search.exclude` and dependency/build folders. Markdown files it selects
 * get every post-mortem feature while keeping the `markdown` language (and the user's Markdown tools).
 */
export class PostmortemFiles implements vscode.Disposable {
  private selections = new Map<string, FileSelection>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private generation = 0;
  /** Fires when the selection may have changed (settings, config file, a .gitignore). */
  readonly onDidChange = this.emitter.event;

  constructor(
    private readonly config: ConfigService,
    private readonly logger: Logger,
  ) {
    const reload = () => void this.reload();
    const setContext = () => void vscode.commands.executeCommand('setContext', MARKDOWN_POSTMORTEM_CONTEXT, this.activeIsMarkdownPostmortem());
    const gitignores = vscode.workspace.createFileSystemWatcher('**/.gitignore');
    this.disposables.push(
      this.emitter,
      gitignores,
      gitignores.onDidCreate(reload),
      gitignores.onDidChange(reload),
      gitignores.onDidDelete(reload),
      config.onDidChange(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('files.exclude') || e.affectsConfiguration('search.exclude')) reload();
      }),
      // Menus and keybindings of post-mortems (`editorLangId == postmortem`) also show for selected Markdown files.
      vscode.window.onDidChangeActiveTextEditor(setContext),
      this.emitter.event(setContext),
    );
  }

  /** Re-reads patterns and ignore files of every workspace folder. */
  async reload(): Promise<void> {
    const generation = ++this.generation;
    const next = new Map<string, FileSelection>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      try {
        next.set(folder.uri.toString(), await this.selectionFor(folder));
      } catch (error) {
        this.logger.error(`Reading the file patterns of ${folder.name} failed`, error);
      }
    }
    if (generation !== this.generation) return;
    const before = this.describe();
    this.selections = next;
    if (this.describe() !== before) this.logger.info(`Post-mortem files: ${this.describe()}`);
    this.emitter.fire();
  }

  private activeIsMarkdownPostmortem(): boolean {
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'markdown' && this.includes(document.uri);
  }

  /** The globs per folder, for the log and the change check. */
  private describe(): string {
    return [...this.selections.entries()].map(([folder, s]) => `${folder}: ${s.patterns.join(', ')}`).join('; ');
  }

  /** The configured globs of a folder (`*.postmortem.md` first). */
  patternsFor(folder: vscode.WorkspaceFolder): readonly string[] {
    return (this.selections.get(folder.uri.toString()) ?? DEFAULT_SELECTION).patterns;
  }

  /** Whether the file is a post-mortem of its workspace folder; files outside every folder are not. */
  includes(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const selection = this.selections.get(folder.uri.toString());
    const rel = relativePath(folder.uri, uri);
    return rel !== undefined && (selection ?? DEFAULT_SELECTION).includes(rel);
  }

  private async selectionFor(folder: vscode.WorkspaceFolder): Promise<FileSelection> {
    const settings = vscode.workspace.getConfiguration('postmortem', folder.uri).get<unknown>('filePatterns', []);
    const fromFile = this.config.forDocument({ uri: folder.uri }).filePatterns;
    // FileSelection cleans the lists (strings only, trimmed, bounded): settings are untrusted.
    const patterns = [...(Array.isArray(settings) ? settings : []), ...fromFile];
    return new FileSelection({ patterns, ignoreFiles: await ignoreFilesOf(folder), exclude: excludeGlobs(folder) });
  }

  dispose(): void {
    this.generation++;
    for (const d of this.disposables) d.dispose();
  }
}

/** `files.exclude` and `search.exclude` globs that are switched on (`true`; conditional `when` entries are left out). */
export function excludeGlobs(folder: vscode.WorkspaceFolder): string[] {
  const globs: string[] = [];
  for (const section of ['files', 'search']) {
    const value = vscode.workspace.getConfiguration(section, folder.uri).get<unknown>('exclude', {});
    if (!value || typeof value !== 'object') continue;
    for (const [glob, on] of Object.entries(value as Record<string, unknown>)) if (on === true) globs.push(glob);
  }
  return globs;
}

async function ignoreFilesOf(folder: vscode.WorkspaceFolder): Promise<IgnoreFile[]> {
  const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/.gitignore'), '**/node_modules/**', MAX_IGNORE_FILES);
  const files: IgnoreFile[] = [];
  for (const uri of uris) {
    const rel = relativePath(folder.uri, uri);
    if (rel === undefined) continue;
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      files.push({ dir: rel.slice(0, Math.max(0, rel.lastIndexOf('/'))), text });
    } catch {
      // Unreadable: ignores nothing.
    }
  }
  return files;
}
