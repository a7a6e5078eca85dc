import * as vscode from 'vscode';
import type { ActionItem } from '../../core/model/types';
import { dueState } from '../../core/model/due';
import { todayIso } from '../../core/model/time';
import { plural } from '../../core/util/words';
import {
  type ActionItemGroup,
  fileName,
  formatActionItemMarkdown,
  GROUP_BY,
  type GroupBy,
  type IndexedActionItem,
  isOverdue,
  markDoneEdit,
} from '../../core/workspace/index';
import { toRange } from '../convert';
import { guard, guardCommand } from '../logging';
import type { Services } from '../services';
import type { WorkspaceIndexer } from './indexer';
import type { CommandTable } from '../commands';

export const VIEW_ID = 'postmortem.actionItems';
const STATE_GROUP_BY = 'postmortem.actionItems.groupBy';
const STATE_SHOW_DONE = 'postmortem.actionItems.showDone';
const STATE_MINE = 'postmortem.actionItems.mine';
const CONTEXT_HAS_POSTMORTEMS = 'postmortem.workspace.hasPostmortems';
/** How often to check whether the day changed (overdue markers move at midnight). */
const DAY_CHECK_MS = 10 * 60_000;

type GroupNode = { type: 'group'; group: ActionItemGroup; overdue: number };
type ItemNode = { type: 'item'; item: IndexedActionItem; groupBy: GroupBy };
type Node = GroupNode | ItemNode;

const GROUP_ICONS: Record<GroupBy, string> = { postmortem: 'file', owner: 'person', dueDate: 'calendar' };

/**
 * The Action Items view: open action items of every post-mortem in the workspace, grouped by
 * post-mortem, owner or due date, with overdue ones marked and counted in the view's badge.
 */
export class ActionItemsView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined | void>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly treeView: vscode.TreeView<Node>;
  private readonly disposables: vscode.Disposable[] = [];
  /** The view's commands, for the command table. */
  readonly commands: CommandTable;
  private groupBy: GroupBy;
  private showDone: boolean;
  private mine: boolean;
  /** `postmortem.me` typed in this session without saving it. */
  private sessionMe: string | undefined;
  private today = todayIso();
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly services: Services,
    private readonly indexer: WorkspaceIndexer,
  ) {
    const state = services.context.workspaceState;
    // Per-workspace choices win over the settings' initial values.
    const stored = state.get<string>(STATE_GROUP_BY) ?? services.config.get<string>('actionItems.groupBy', 'postmortem');
    this.groupBy = GROUP_BY.includes(stored as GroupBy) ? (stored as GroupBy) : 'postmortem';
    this.showDone = state.get<boolean>(STATE_SHOW_DONE) ?? services.config.get<boolean>('actionItems.showDone', false) === true;
    this.mine = state.get<boolean>(STATE_MINE, false) && this.me() !== undefined;
    this.treeView = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: this, canSelectMany: true, showCollapseAll: true });
    const dayCheck = setInterval(() => {
      if (todayIso() !== this.today) this.refresh();
    }, DAY_CHECK_MS);
    this.disposables.push(
      this.treeView,
      this.emitter,
      { dispose: () => clearInterval(dayCheck) },
      { dispose: () => this.refreshTimer && clearTimeout(this.refreshTimer) },
      indexer.onDidChange(() => this.scheduleRefresh()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('postmortem.me') && this.refresh()),
      this.treeView.onDidChangeVisibility((e) => e.visible && todayIso() !== this.today && this.refresh()),
    );
    this.commands = {
      groupByPostmortem: () => this.setGroupBy('postmortem'),
      groupByOwner: () => this.setGroupBy('owner'),
      groupByDueDate: () => this.setGroupBy('dueDate'),
      toggleShowDone: () => this.toggleShowDone(),
      toggleMine: () => guardCommand(services.logger, 'Show My Action Items', () => this.toggleMine()),
      refreshActionItems: () => guardCommand(services.logger, 'Refresh Action Items', () => indexer.rescan()),
      markDone: (node?: Node, selected?: Node[]) => guardCommand(services.logger, 'Mark Action Item Done', () => this.markDone(this.targets(node, selected))),
      copyMarkdown: (node?: Node, selected?: Node[]) => guardCommand(services.logger, 'Copy Action Item as Markdown', () => this.copyMarkdown(this.targets(node, selected))),
    };
    this.updateContext();
    this.updateBadge();
  }

  refresh(): void {
    this.today = todayIso();
    this.updateContext();
    this.updateBadge();
    this.emitter.fire();
  }

  /** Coalesces the bursts of changes the background indexer and typing produce. */
  private scheduleRefresh(): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = undefined;
      this.refresh();
    }, 100);
  }

  getTreeItem(node: Node): vscode.TreeItem {
    return guard(this.services.logger, 'Action Items view', new vscode.TreeItem('?'), () => (node.type === 'group' ? this.groupItem(node) : this.itemItem(node)));
  }

  getChildren(node?: Node): Node[] {
    return guard(this.services.logger, 'Action Items view', [], () => {
      if (node?.type === 'item') return [];
      if (node?.type === 'group') return node.group.items.map((item) => ({ type: 'item' as const, item, groupBy: this.groupBy }));
      const index = this.indexer.index;
      const groups = index.group(this.items(), this.groupBy, this.today);
      return groups.map((group) => ({ type: 'group' as const, group, overdue: group.items.filter((i) => isOverdue(i, this.today)).length }));
    });
  }

  private items(): IndexedActionItem[] {
    const me = this.mine ? this.me() : undefined;
    return this.indexer.index.openItems({ includeDone: this.showDone, ...(me ? { mine: me } : {}) });
  }

  private groupItem({ group, overdue }: GroupNode): vscode.TreeItem {
    const item = new vscode.TreeItem(group.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = `${this.groupBy}|${group.key}`;
    const count = group.items.length;
    item.description = [group.description, overdue && group.bucket !== 'overdue' ? `${count} · ${overdue} overdue` : String(count)].filter(Boolean).join(' · ');
    item.contextValue = `postmortemActionItemGroup.${group.kind}`;
    if (group.bucket === 'overdue') item.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    else if (group.bucket === 'done') item.iconPath = new vscode.ThemeIcon('pass');
    else item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[group.kind]);
    if (group.uri) {
      item.resourceUri = vscode.Uri.parse(group.uri);
      item.tooltip = `${group.label}${group.description ? ` (${group.description})` : ''}\n${item.resourceUri.scheme === 'file' ? item.resourceUri.fsPath : group.uri}`;
    }
    return item;
  }

  private itemItem({ item, groupBy }: ItemNode): vscode.TreeItem {
    const tree = new vscode.TreeItem(item.text || '(no text)', vscode.TreeItemCollapsibleState.None);
    tree.id = `${groupBy}|${item.uri}#${item.line}`;
    const uri = vscode.Uri.parse(item.uri);
    const due = dueState(item, this.today);
    const overdueDays = due.state === 'overdue' ? -(due.days ?? 0) : 0;
    const bucket = due.state;
    const postmortem = item.postmortem.incidentId ?? item.postmortem.title ?? fileName(item.uri);
    const parts: string[] = [];
    if (overdueDays > 0) parts.push(due.label);
    if (groupBy !== 'owner') parts.push(item.owner ?? 'no owner');
    if (groupBy !== 'dueDate' && overdueDays === 0) parts.push(item.due ? `due ${item.due}` : 'no deadline');
    if (groupBy !== 'postmortem') parts.push(postmortem);
    tree.description = parts.join(' · ');
    if (item.done) tree.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
    else if (overdueDays > 0) tree.iconPath = new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
    else if (bucket === 'dueSoon') tree.iconPath = new vscode.ThemeIcon('clock');
    else tree.iconPath = new vscode.ThemeIcon('circle-large-outline');
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText(item.text);
    tooltip.appendMarkdown('\n\n');
    tooltip.appendMarkdown(`$(person) ${escape(item.owner ?? 'No owner')}  \n`);
    tooltip.appendMarkdown(`$(calendar) ${item.due ? `Due ${item.due} — ${overdueDays > 0 ? `**${due.label}**` : due.label}` : 'No deadline'}  \n`);
    tooltip.appendMarkdown(`$(${item.done ? 'pass' : 'circle-large-outline'}) ${item.done ? 'Done' : 'Open'}  \n`);
    tooltip.appendMarkdown(`$(file) ${escape(item.postmortem.title ?? fileName(item.uri))}${item.postmortem.incidentId ? ` (${escape(item.postmortem.incidentId)})` : ''}, line ${item.line + 1}`);
    tree.tooltip = tooltip;
    tree.contextValue = item.done ? 'postmortemActionItem.done' : 'postmortemActionItem.open';
    tree.accessibilityInformation = { label: `${item.done ? 'Done' : 'Open'} action item: ${item.text}. ${tree.description}` };
    const options: vscode.TextDocumentShowOptions = { selection: toRange(item.textRange), preview: true };
    tree.command = { command: 'vscode.open', title: 'Open Action Item', arguments: [uri, options] };
    return tree;
  }

  private targets(node: Node | undefined, selected: Node[] | undefined): IndexedActionItem[] {
    const nodes = selected?.length ? selected : node ? [node] : this.treeView.selection;
    const items: IndexedActionItem[] = [];
    for (const n of nodes) {
      if (n.type === 'item') items.push(n.item);
      else items.push(...n.group.items);
    }
    return [...new Map(items.map((i) => [`${i.uri}#${i.line}`, i])).values()];
  }

  private async setGroupBy(by: GroupBy): Promise<void> {
    this.groupBy = by;
    await this.services.context.workspaceState.update(STATE_GROUP_BY, by);
    this.refresh();
  }

  private async toggleShowDone(): Promise<void> {
    this.showDone = !this.showDone;
    await this.services.context.workspaceState.update(STATE_SHOW_DONE, this.showDone);
    this.refresh();
  }

  /** `postmortem.me` (user setting) or what was typed in this session. */
  private me(): string | undefined {
    const setting = this.services.config.get<string>('me', '').trim();
    return setting || this.sessionMe;
  }

  private async toggleMine(): Promise<void> {
    if (this.mine) {
      this.mine = false;
    } else {
      if (!this.me()) {
        const value = await vscode.window.showInputBox({
          title: 'Show My Action Items',
          prompt: 'How action items name you: a handle like @maria, or your name as written in Owner cells (several: separate with commas).',
          placeHolder: '@maria',
          ignoreFocusOut: true,
          validateInput: (v) => (v.trim() ? undefined : 'Enter a handle or a name.'),
        });
        if (!value?.trim()) return;
        this.sessionMe = value.trim();
        void this.offerToSaveMe(this.sessionMe);
      }
      this.mine = true;
    }
    await this.services.context.workspaceState.update(STATE_MINE, this.mine);
    this.refresh();
  }

  private async offerToSaveMe(me: string): Promise<void> {
    const save = 'Save in User Settings';
    const choice = await vscode.window.showInformationMessage(`Showing action items owned by ${me}. Save this as your "postmortem.me" setting so every workspace knows?`, save, 'Only This Session');
    if (choice !== save) return;
    await vscode.workspace.getConfiguration('postmortem').update('me', me, vscode.ConfigurationTarget.Global);
    this.sessionMe = undefined;
  }

  private async markDone(items: IndexedActionItem[]): Promise<void> {
    const open = items.filter((i) => !i.done);
    if (open.length === 0) return;
    const edit = new vscode.WorkspaceEdit();
    const toSave: vscode.TextDocument[] = [];
    const touched: vscode.TextDocument[] = [];
    const problems: string[] = [];
    const byUri = new Map<string, IndexedActionItem[]>();
    for (const item of open) byUri.set(item.uri, [...(byUri.get(item.uri) ?? []), item]);
    for (const [key, fileItems] of byUri) {
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(key));
      const wasDirty = document.isDirty;
      const text = document.getText();
      const current = (await this.services.analyzer.analyze(document)).doc.actionItems;
      let edited = false;
      for (const item of fileItems) {
        const match = findCurrent(current, item);
        if (!match) {
          problems.push(`"${item.text}" is no longer in ${fileName(key)}.`);
          continue;
        }
        const change = markDoneEdit(text, match);
        if (!change) {
          if (!match.done) problems.push(match.form === 'table' ? `"${item.text}": the table has no Status column to mark.` : `"${item.text}" could not be marked.`);
          continue;
        }
        edit.replace(document.uri, toRange(change.range), change.newText, { label: 'Mark action item done', needsConfirmation: false });
        edited = true;
      }
      if (edited) {
        touched.push(document);
        if (!wasDirty) toSave.push(document);
      }
    }
    if (touched.length && !(await vscode.workspace.applyEdit(edit))) throw new Error('the edit was not applied');
    // Save only documents that had no unsaved changes of their own before.
    for (const document of toSave) await document.save();
    for (const document of touched) this.indexer.indexDocument(document);
    if (problems.length) {
      void vscode.window.showWarningMessage(`Postmortem: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
    }
  }

  private async copyMarkdown(items: IndexedActionItem[]): Promise<void> {
    if (items.length === 0) return;
    await vscode.env.clipboard.writeText(items.map(formatActionItemMarkdown).join('\n'));
    vscode.window.setStatusBarMessage(`$(check) Copied ${plural(items.length, 'action item')} as Markdown`, 3000);
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.groupBy', this.groupBy);
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.showDone', this.showDone);
    void vscode.commands.executeCommand('setContext', 'postmortem.actionItems.mine', this.mine);
    void vscode.commands.executeCommand('setContext', CONTEXT_HAS_POSTMORTEMS, this.indexer.index.size > 0);
  }

  private updateBadge(): void {
    const me = this.mine ? this.me() : undefined;
    const overdue = this.indexer.index.overdueCount(this.today, me);
    this.treeView.badge = overdue > 0 ? { value: overdue, tooltip: `${plural(overdue, 'overdue action item')}${me ? ` owned by ${me}` : ''}` } : undefined;
    const filters = [this.mine && me ? `mine (${me})` : undefined, this.showDone ? 'incl. done' : undefined].filter(Boolean);
    this.treeView.description = filters.length ? filters.join(' · ') : undefined;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

/** The item in the document's current model that an indexed item refers to: same line and text, else the same text nearest to it. */
function findCurrent(items: ActionItem[], wanted: IndexedActionItem): ActionItem | undefined {
  const sameText = items.filter((a) => a.text === wanted.text);
  return sameText.find((a) => a.range.start.line === wanted.line) ?? sameText.sort((a, b) => Math.abs(a.range.start.line - wanted.line) - Math.abs(b.range.start.line - wanted.line))[0];
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
