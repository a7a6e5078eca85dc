import * as vscode from 'vscode';
import type { Analysis } from '../core/analyze';
import { type ActionItemCheck, type ActionItemCounts, actionItemCounts } from '../core/features/actionItemStatus';
import { plural } from '../core/util/words';
import { isPostmortem } from './analysis';
import { guardAsync } from './logging';
import type { Services } from './services';

const UPDATE_DELAY_MS = 300;
const PROBLEMS_COMMAND = 'workbench.actions.view.problems';
const ACTION_ITEMS_FOCUS_COMMAND = 'postmortem.actionItems.focus';

export interface ActionItemStatus {
  text: string;
  tooltip: string;
  /** Command run on click, if any. */
  command?: string;
  counts: ActionItemCounts;
}

const CHECK_WORDS: Record<ActionItemCheck, string> = { withoutOwner: 'without owner', withoutDeadline: 'without deadline', overdue: 'overdue' };

/** What the status bar says about a document's action items; the engine counts, this only words it. */
export function describeActionItems(analysis: Analysis): ActionItemStatus {
  const counts = actionItemCounts(analysis);
  const checks = Object.keys(counts.failing) as ActionItemCheck[];
  const present = checks.filter((check) => (counts.failing[check] ?? 0) > 0).map((check) => [counts.failing[check]!, CHECK_WORDS[check]] as const);
  const lines = [
    `${plural(counts.total, 'action item')}, ${counts.open} open`,
    ...present.map(([n, what]) => `${plural(n, 'open item')} ${what}`),
  ];
  if (present.length === 0) {
    if (counts.total === 0) return { text: '$(info) No action items', tooltip: 'This post-mortem has no action items yet.', counts };
    const checked = checks.length === 3 ? 'every open item has an owner and a deadline, none is overdue' : checks.length === 0 ? 'the action item rules are off' : `no open item is ${checks.map((c) => CHECK_WORDS[c]).join(' or ')}`;
    return { text: '$(check) Action items OK', tooltip: `${lines[0]}: ${checked}.\nClick to show all action items.`, command: ACTION_ITEMS_FOCUS_COMMAND, counts };
  }
  const text = present.length === 1
    ? `$(warning) ${present[0][1] === 'overdue' ? plural(present[0][0], 'overdue item') : `${plural(present[0][0], 'open item')} ${present[0][1]}`}`
    : `$(warning) ${present.map(([n, what]) => `${n} ${what}`).join(' · ')}`;
  // Missing owners and deadlines are fixed in the document (Problems has quick fixes); overdue items are followed up in the view.
  const onlyOverdue = !counts.failing.withoutOwner && !counts.failing.withoutDeadline;
  return {
    text,
    tooltip: `${lines.join('\n')}\n${onlyOverdue ? 'Click to show overdue items in the Action Items view.' : 'Click to open the Problems view.'}`,
    command: onlyOverdue ? ACTION_ITEMS_FOCUS_COMMAND : PROBLEMS_COMMAND,
    counts,
  };
}

/** A status bar item for the active post-mortem: open items without owner or deadline, or overdue. Hidden for other editors. */
export function registerStatusBar(services: Services): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('postmortem.actionItemsStatus', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Postmortem Action Items';
  let timer: ReturnType<typeof setTimeout> | undefined;

  const show = (document: vscode.TextDocument, analysis?: Analysis) =>
    guardAsync(services.logger, 'Status bar', undefined, async () => {
      const status = describeActionItems(analysis ?? (await services.analyzer.analyze(document)));
      // The editor may have been closed or switched while the analysis ran: never show a stale count.
      if (vscode.window.activeTextEditor?.document !== document || document.isClosed) {
        if (!isPostmortem(vscode.window.activeTextEditor?.document)) item.hide();
        return;
      }
      item.text = status.text;
      item.tooltip = status.tooltip;
      item.command = status.command;
      item.accessibilityInformation = { label: `Post-mortem action items: ${status.text.replace(/\$\([\w-]+\)\s*/g, '')}`, role: 'button' };
      item.show();
    });

  const update = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    const document = vscode.window.activeTextEditor?.document;
    if (isPostmortem(document)) void show(document);
    else item.hide();
  };
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(update, UPDATE_DELAY_MS);
  };

  update();
  return vscode.Disposable.from(
    item,
    { dispose: () => timer && clearTimeout(timer) },
    vscode.window.onDidChangeActiveTextEditor(update),
    vscode.workspace.onDidChangeTextDocument((e) => e.document === vscode.window.activeTextEditor?.document && schedule()),
    // Language mode changes close and reopen the document.
    vscode.workspace.onDidOpenTextDocument((d) => d === vscode.window.activeTextEditor?.document && update()),
    services.analyzer.onDidAnalyze(({ document, analysis }) => {
      if (document === vscode.window.activeTextEditor?.document && isPostmortem(document)) void show(document, analysis);
    }),
    services.config.onDidChange(schedule),
    services.files.onDidChange(schedule),
  );
}
