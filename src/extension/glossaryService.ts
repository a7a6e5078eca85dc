import * as vscode from 'vscode';
import { GLOSSARY_FILE_NAME } from '../core/glossary/fileName';
import { builtInGlossary, createGlossary, type Glossary, type GlossaryTerm, parseGlossaryFile } from '../core/glossary/index';
import type { Logger } from './logging';

/** The glossary with `postmortem.glossary.extraTerms` and the workspace's `.postmortem-glossary.yaml` (trusted workspaces only). */
export class GlossaryService implements vscode.Disposable {
  /** Terms from the workspace's glossary file and settings; the glossary itself is built on first use. */
  private extra: Partial<GlossaryTerm>[] = [];
  private glossary: Glossary | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly logger: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/${GLOSSARY_FILE_NAME}`);
    const reload = () => void this.reload();
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('postmortem.glossary') && reload()),
      vscode.workspace.onDidGrantWorkspaceTrust(reload),
    );
  }

  get current(): Glossary {
    this.glossary ??= this.extra.length ? createGlossary(this.extra) : builtInGlossary();
    return this.glossary;
  }

  async reload(): Promise<void> {
    const extra: Partial<GlossaryTerm>[] = [];
    if (vscode.workspace.isTrusted) {
      for (const folder of vscode.workspace.workspaceFolders ?? []) {
        try {
          const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, GLOSSARY_FILE_NAME));
          const parsed = parseGlossaryFile(new TextDecoder().decode(bytes));
          for (const error of parsed.errors) this.logger.warn(`${GLOSSARY_FILE_NAME}: ${error}`);
          if (parsed.errors.length) void vscode.window.showWarningMessage(`Postmortem: ${GLOSSARY_FILE_NAME}: ${parsed.errors[0]}`);
          extra.push(...parsed.terms);
        } catch {
          // No glossary file in this folder.
        }
      }
    }
    const fromSettings = vscode.workspace.getConfiguration('postmortem').get<unknown>('glossary.extraTerms', {});
    extra.push(...settingsTerms(fromSettings));
    this.extra = extra;
    this.glossary = undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** Settings accept `{ "term": "definition" }` or `{ "term": { "definition": ..., "expansion": ... } }`. */
function settingsTerms(value: unknown): Partial<GlossaryTerm>[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([term, entry]) => {
    if (typeof entry === 'string') return [{ term, definition: entry }];
    if (typeof entry === 'object' && entry !== null) return [{ term, ...(entry as Partial<GlossaryTerm>) }];
    return [];
  });
}
