import * as vscode from 'vscode';
import { CONFIG_FILE_NAMES, type ConfigResult, parseConfigFile, RESTRICTED_SETTINGS, resolveConfig, type UserConfig, validateUserConfig } from '../core/config';
import { RULE_IDS } from '../core/rules/types';
import { fileName, parentPath } from './fileSystem';
import type { Logger } from './logging';

/**
 * Settings (`postmortem.*`) merged over the workspace's `.postmortemrc.yaml`, per workspace folder.
 * Problems with either are shown once as a warning (and logged), never thrown.
 */
export class ConfigService implements vscode.Disposable {
  private readonly files = new Map<string, { config: UserConfig; errors: string[] }>();
  private readonly emitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly reported = new Set<string>();
  readonly onDidChange = this.emitter.event;

  constructor(private readonly logger: Logger) {
    const watcher = vscode.workspace.createFileSystemWatcher(`**/{${CONFIG_FILE_NAMES.join(',')}}`);
    const reload = () => void this.loadFiles().then(() => this.emitter.fire());
    this.disposables.push(
      watcher,
      watcher.onDidChange(reload),
      watcher.onDidCreate(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('postmortem')) this.emitter.fire();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      vscode.workspace.onDidGrantWorkspaceTrust(reload),
    );
  }

  /**
   * Reads the config files of every workspace folder: the folder's own and those in sub-folders (a
   * document uses the nearest one above it, as the CLI does from its working directory). Untrusted
   * workspaces' files are ignored.
   */
  async loadFiles(): Promise<void> {
    this.files.clear();
    if (!vscode.workspace.isTrusted) return;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, `**/{${CONFIG_FILE_NAMES.join(',')}}`), '**/node_modules/**', MAX_CONFIG_FILES);
      // The first name of CONFIG_FILE_NAMES wins in a directory that has both.
      found.sort((a, b) => CONFIG_FILE_NAMES.indexOf(fileName(a)) - CONFIG_FILE_NAMES.indexOf(fileName(b)));
      for (const uri of found) {
        const dir = parentPath(uri.path);
        if (this.files.has(dir)) continue;
        try {
          const bytes = await vscode.workspace.fs.readFile(uri);
          this.files.set(dir, parseConfigFile(new TextDecoder().decode(bytes), vscode.workspace.asRelativePath(uri)));
        } catch {
          // Gone since findFiles: nothing to read.
        }
      }
    }
  }

  /** The nearest config file at or above the document's folder, up to its workspace folder. */
  private fileFor(uri: vscode.Uri, folder: vscode.WorkspaceFolder): { config: UserConfig; errors: string[] } | undefined {
    const top = folder.uri.path.replace(/\/$/, '');
    let dir = uri.toString() === folder.uri.toString() ? top : parentPath(uri.path);
    for (;;) {
      const file = this.files.get(dir);
      if (file) return file;
      if (dir === top || dir.length <= top.length) return undefined;
      dir = parentPath(dir);
    }
  }

  /** The configuration that applies to a document (or the first folder when none is given). */
  forDocument(document?: { uri: vscode.Uri }): ConfigResult {
    const folder = document ? vscode.workspace.getWorkspaceFolder(document.uri) : vscode.workspace.workspaceFolders?.[0];
    const file = folder ? this.fileFor(document?.uri ?? folder.uri, folder) : undefined;
    const settingsErrors: string[] = [];
    const settings = validateUserConfig(readSettings(folder?.uri ?? document?.uri), 'Settings', settingsErrors);
    const result = resolveConfig(file?.config, settings);
    this.reportOnce([...(file?.errors ?? []), ...settingsErrors, ...result.errors]);
    return result;
  }

  get<T>(key: string, fallback: T, scope?: vscode.Uri): T {
    return vscode.workspace.getConfiguration('postmortem', scope).get<T>(key, fallback);
  }

  private reportOnce(errors: string[]): void {
    const fresh = errors.filter((e) => !this.reported.has(e));
    if (fresh.length === 0) return;
    for (const e of fresh) {
      this.reported.add(e);
      this.logger.warn(`Configuration: ${e}`);
    }
    void vscode.window.showWarningMessage(`Postmortem configuration: ${fresh[0]}${fresh.length > 1 ? ` (and ${fresh.length - 1} more, see the Postmortem output)` : ''}`);
  }

  dispose(): void {
    this.emitter.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** Config files read per workspace folder (one per package of a monorepo, not thousands). */
const MAX_CONFIG_FILES = 100;

function readSettings(scope: vscode.Uri | undefined): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration('postmortem', scope);
  const raw: Record<string, unknown> = {};
  const trusted = vscode.workspace.isTrusted;
  const explicit = <T>(key: string): T | undefined => {
    const i = c.inspect<T>(key);
    // Restricted Mode: a workspace cannot set patterns (VS Code drops them too; this holds whatever inspect() returns).
    if (!trusted && (RESTRICTED_SETTINGS as readonly string[]).includes(`postmortem.${key}`)) return i?.globalValue;
    return i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
  };
  // Only explicitly set values: defaults must not hide the workspace's .postmortemrc.yaml.
  const rules: Record<string, unknown> = {};
  for (const id of RULE_IDS) {
    const value = explicit<string>(`rules.${id}`);
    if (value !== undefined) rules[id] = value;
  }
  if (Object.keys(rules).length) raw.rules = rules;
  const required = explicit<string[]>('requiredSections');
  if (required) raw.requiredSections = required;
  const extraPatterns = explicit<string[]>('blameWording.extraPatterns');
  const allow = explicit<string[]>('blameWording.allow');
  if (extraPatterns || allow) raw.blameWording = { ...(extraPatterns ? { extraPatterns } : {}), ...(allow ? { allow } : {}) };
  const maxFileSize = explicit<number>('maxFileSize');
  if (maxFileSize) raw.maxFileSize = maxFileSize;
  const timezone = explicit<string>('timezone');
  if (timezone) raw.timezone = timezone;
  return raw;
}
