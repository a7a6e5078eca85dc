// `Postmortem: Add Repository Events to Timeline` (desktop only: it runs git). The repository comes from
// the built-in Git extension's API when it is there (its root and its git binary), else from
// `git rev-parse` beside the document or in the workspace folder.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { defaultWindow, parseWindowBound, planInsertion, readRepositoryEvents, type RepoEvent } from '../core/gitEvents/index';
import { gitRunner } from '../core/gitEvents/run';
import { isPostmortem } from './analysis';
import { feature, type Feature } from './commands';
import { toRange } from './convert';
import { guardCommand } from './logging';
import type { Services } from './services';

/** The part of the Git extension's API (`vscode.git`, version 1) used here. */
interface GitApi {
  git: { path: string };
  repositories: Array<{ rootUri: vscode.Uri }>;
  getRepository(uri: vscode.Uri): { rootUri: vscode.Uri } | null;
}

const TITLE = 'Add Repository Events to Timeline';
const ICONS: Record<RepoEvent['kind'], string> = { commit: '$(git-commit)', merge: '$(git-merge)', tag: '$(tag)' };

export function registerRepositoryEvents(services: Services): Feature {
  return feature(new vscode.Disposable(() => undefined), {
    addRepositoryEvents: (options?: unknown) => guardCommand(services.logger, TITLE, () => addRepositoryEvents(services, readOptions(options))),
  });
}

async function gitApi(services: Services): Promise<GitApi | undefined> {
  try {
    const ext = vscode.extensions.getExtension<{ enabled: boolean; getAPI(version: 1): GitApi }>('vscode.git');
    if (!ext) return undefined;
    const exports = ext.isActive ? ext.exports : await ext.activate();
    return exports?.enabled === false ? undefined : exports?.getAPI(1);
  } catch (error) {
    services.logger.info(`The Git extension's API is not available (${error instanceof Error ? error.message : String(error)}); using the git command`);
    return undefined;
  }
}

/** Repository root and git binary for a document. */
export async function repositoryFor(document: vscode.TextDocument, services: Services): Promise<{ root: string; git: string } | undefined> {
  const api = await gitApi(services);
  const git = api?.git.path || 'git';
  const fromApi = api?.getRepository(document.uri)?.rootUri;
  if (fromApi?.scheme === 'file') return { root: fromApi.fsPath, git };
  const dirs = [document.uri.scheme === 'file' ? path.dirname(document.uri.fsPath) : undefined, vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath].filter((d): d is string => !!d);
  for (const dir of dirs) {
    try {
      const root = (await gitRunner(dir, git)(['rev-parse', '--show-toplevel'])).trim();
      if (root) return { root, git };
    } catch {
      // not a repository: try the next folder
    }
  }
  return undefined;
}

async function askBound(prompt: string, value: string | undefined, zone: string | undefined, date: string | undefined, step: string): Promise<string | undefined> {
  const answer = await vscode.window.showInputBox({
    title: `${TITLE} (${step})`,
    prompt,
    placeHolder: '2026-03-14 13:05',
    ...(value ? { value } : {}),
    ignoreFocusOut: true,
    validateInput: (v) => {
      const parsed = parseWindowBound(v, zone, date);
      return parsed.ok ? undefined : parsed.reason;
    },
  });
  if (answer === undefined) return undefined;
  const parsed = parseWindowBound(answer, zone, date);
  return parsed.ok ? parsed.iso : undefined;
}

/** What a caller (a keybinding's `args`, another extension) may pass: the window and the paths. */
interface CommandOptions {
  since?: string;
  until?: string;
  paths?: string[];
}

function readOptions(raw: unknown): CommandOptions {
  if (!raw || typeof raw !== 'object') return {};
  const o = raw as Record<string, unknown>;
  const out: CommandOptions = {};
  if (typeof o.since === 'string') out.since = o.since;
  if (typeof o.until === 'string') out.until = o.until;
  if (Array.isArray(o.paths)) out.paths = o.paths.filter((p): p is string => typeof p === 'string');
  return out;
}

async function addRepositoryEvents(services: Services, options: CommandOptions): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const document = editor?.document;
  if (!document || !isPostmortem(document)) {
    void vscode.window.showInformationMessage('Postmortem: open a post-mortem to add repository events to its timeline.');
    return;
  }
  const repo = await repositoryFor(document, services);
  if (!repo) {
    void vscode.window.showWarningMessage('Postmortem: no git repository found for this post-mortem (or git is not installed).');
    return;
  }
  const { doc } = await services.analyzer.analyze(document);
  const window = defaultWindow(doc);
  const zone = doc.reading.zone?.zone ?? services.config.forDocument(document).timezone;
  const date = doc.reading.baseDate?.date;
  const given = (text: string | undefined, name: string): string | undefined => {
    if (text === undefined) return undefined;
    const parsed = parseWindowBound(text, zone, date);
    if (!parsed.ok) throw new Error(`${name}: ${parsed.reason}`);
    return parsed.iso;
  };
  let since = given(options.since, 'since') ?? window.since;
  let until = given(options.until, 'until') ?? window.until;
  // Without start or resolve times, the window is asked for (the known end is offered as the default).
  if (!since) {
    since = await askBound(`The document has no start time: events from when? (${zone ? `times in ${zone}` : 'add a zone, e.g. UTC'})`, date ? `${date} 00:00` : undefined, zone, date, 'from');
    if (!since) return;
  }
  if (!until) {
    const from = new Date(Date.parse(since) + 24 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
    until = await askBound(`The document has no resolve time: events until when? (${zone ? `times in ${zone}` : 'add a zone, e.g. UTC'})`, `${from}${zone ? '' : ' UTC'}`, zone, date, 'until');
    if (!until) return;
  }
  if (Date.parse(until) < Date.parse(since)) {
    void vscode.window.showWarningMessage('Postmortem: the window ends before it starts.');
    return;
  }
  const events = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Reading git history' }, () => readRepositoryEvents(gitRunner(repo.root, repo.git), { since: since!, until: until!, ...(options.paths?.length ? { paths: options.paths } : {}) }));
  const text = document.getText();
  const fresh = events.filter((e) => !text.includes(e.hash.slice(0, Math.max(7, e.shortHash.length))) || (e.kind === 'tag' && !text.includes(e.subject)));
  if (fresh.length === 0) {
    void vscode.window.showInformationMessage(events.length ? 'Postmortem: every commit, merge and tag of the window is already in the timeline.' : `Postmortem: no commits, merges or tags between ${since} and ${until}.`);
    return;
  }
  const planned = planInsertion(doc, fresh).planned;
  const items = planned.map((p) => ({
    label: `${ICONS[p.event.kind]} ${p.event.subject}`,
    description: `${p.date} ${p.clock} ${p.zone} · ${p.event.shortHash}`,
    ...(p.event.author ? { detail: p.event.author } : {}),
    event: p.event,
  }));
  const chosen = await vscode.window.showQuickPick(items, { title: TITLE, placeHolder: `Commits, merges and tags from ${path.basename(repo.root)} to add (times in ${planned[0].zone})`, canPickMany: true, matchOnDescription: true, matchOnDetail: true, ignoreFocusOut: true });
  if (!chosen || chosen.length === 0) return;
  if (document.isClosed) return;
  const current = await services.analyzer.analyze(document);
  const { edits } = planInsertion(current.doc, chosen.map((c) => c.event));
  const edit = new vscode.WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, toRange(e.range), e.newText);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error('the editor did not apply the edit');
  services.logger.info(`Added ${chosen.length} repository event${chosen.length === 1 ? '' : 's'} to ${document.uri.fsPath}`);
}
