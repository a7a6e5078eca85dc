import * as vscode from 'vscode';
import { type AgendaEvent, type AgendaItem, AgendaMachine, formatCountdown, parseAgenda } from '../core/features/agenda';
import { sectionDefinition } from '../core/model/sections';
import { formatDuration } from '../core/model/time';
import { isPostmortem } from './analysis';
import { toRange } from './convert';
import { fileName } from './fileSystem';
import { COMMAND_IDS } from './commandIds';
import { feature, type Feature } from './commands';
import { guardCommand } from './logging';
import type { Services } from './services';

const TICK_MS = 1000;
const EXTEND_MINUTES = 5;
const CONTEXT_STATE = 'postmortem.review.state';

type Finished = Extract<AgendaEvent, { type: 'finished' }>;

/** One running review meeting: the agenda machine, its timer and status bar item, and the post-mortem it walks through. */
class ReviewSession implements vscode.Disposable {
  readonly machine: AgendaMachine;
  private readonly item: vscode.StatusBarItem;
  private readonly interval: ReturnType<typeof setInterval>;
  private ended = false;
  private shownStatus: string | undefined;

  constructor(
    private readonly services: Services,
    agenda: AgendaItem[],
    readonly document: vscode.Uri | undefined,
    private readonly onEnd: (session: ReviewSession, finished: Finished) => void,
  ) {
    this.machine = new AgendaMachine(agenda);
    this.item = vscode.window.createStatusBarItem('postmortem.review', vscode.StatusBarAlignment.Left, 1000);
    this.item.name = 'Postmortem Review Meeting';
    this.item.command = COMMAND_IDS.reviewMenu;
    this.interval = setInterval(() => this.handle(this.machine.tick()), TICK_MS);
  }

  start(): void {
    this.handle(this.machine.start());
  }

  /** Applies events from the machine: reveals sections, warns, re-renders; ends the session when the agenda finished. */
  handle(events: AgendaEvent[]): void {
    for (const event of events) {
      switch (event.type) {
        case 'itemStarted':
          void this.reveal(event.item).catch((error) => this.services.logger.error('Revealing the agenda section failed', error));
          break;
        case 'oneMinuteLeft':
          void this.warn(event.index, `One minute left for "${event.item.title}".`, false);
          break;
        case 'timeUp':
          void this.warn(event.index, `Time is up for "${event.item.title}" (${formatDuration(event.item.minutes)} timebox).`, true);
          break;
        case 'finished':
          this.end(event);
          return;
        default:
          break;
      }
    }
    this.render();
  }

  private render(): void {
    if (this.ended) return;
    const snap = this.machine.snapshot();
    if (!snap.item) return;
    const over = snap.remainingMs < 0;
    const paused = snap.status === 'paused';
    const clock = `${formatCountdown(snap.remainingMs)} ${over ? 'over' : 'left'}`;
    this.item.text = `${paused ? '$(debug-pause)' : '$(clock)'} ${snap.item.title} ${clock}${paused ? ' (paused)' : ''}`;
    this.item.backgroundColor = over ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`**Review meeting** — item ${snap.index + 1} of ${snap.count}${paused ? ' (paused)' : ''}\n\n`);
    this.machine.items.forEach((item, i) => {
      const marker = i < snap.index ? '$(check)' : i === snap.index ? '$(arrow-right)' : '$(circle-large-outline)';
      tooltip.appendMarkdown(`${marker} ${i === snap.index ? '**' : ''}${escapeMarkdown(item.title)}${i === snap.index ? '**' : ''} — ${item.minutes} min  \n`);
    });
    tooltip.appendMarkdown('\nClick for pause, next item and stop.');
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `Review meeting: ${snap.item.title}, ${clock}${paused ? ', paused' : ''}`, role: 'button' };
    this.item.show();
    if (this.shownStatus !== snap.status) {
      this.shownStatus = snap.status;
      void vscode.commands.executeCommand('setContext', CONTEXT_STATE, snap.status);
    }
  }

  private async warn(index: number, message: string, timeUp: boolean): Promise<void> {
    const next = 'Next Item';
    const extend = `Add ${EXTEND_MINUTES} Minutes`;
    const choice = timeUp ? await vscode.window.showWarningMessage(message, next, extend) : await vscode.window.showInformationMessage(message, next, extend);
    // The answer may come late: act only if the meeting is still on that item.
    if (!choice || this.ended || this.machine.snapshot().index !== index) return;
    this.handle(choice === next ? this.machine.next() : this.machine.extend(EXTEND_MINUTES));
  }

  /** Scrolls the post-mortem to the section of the agenda item (a visible editor keeps its cursor). */
  private async reveal(item: AgendaItem): Promise<void> {
    if (!item.section || !this.document) return;
    const document = await vscode.workspace.openTextDocument(this.document);
    const section = (await this.services.analyzer.analyze(document)).doc.allSections.find((s) => s.kind === item.section);
    if (!section) {
      vscode.window.setStatusBarMessage(`$(info) This post-mortem has no ${sectionDefinition(item.section).label} section`, 5000);
      return;
    }
    const range = toRange(section.headingRange);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === document);
    const editor = visible ?? (await vscode.window.showTextDocument(document, { preview: false, preserveFocus: true }));
    editor.revealRange(range, vscode.TextEditorRevealType.AtTop);
  }

  private end(finished: Finished): void {
    if (this.ended) return;
    this.ended = true;
    this.dispose();
    this.onEnd(this, finished);
  }

  dispose(): void {
    clearInterval(this.interval);
    this.item.dispose();
    void vscode.commands.executeCommand('setContext', CONTEXT_STATE, undefined);
  }
}

/** Facilitation mode: a timed agenda for the post-mortem review meeting, shown in the status bar. */
export function registerMeeting(services: Services): Feature {
  const { logger } = services;
  let session: ReviewSession | undefined;

  const onEnd = (ended: ReviewSession, finished: Finished) => {
    if (session === ended) session = undefined;
    void announceEnd(finished, ended.document);
  };

  const announceEnd = async (finished: Finished, document: vscode.Uri | undefined) => {
    const used = formatDuration(Math.round(finished.usedMs / 60_000));
    const planned = formatDuration(Math.round(finished.plannedMs / 60_000));
    if (!finished.completed) {
      void vscode.window.showInformationMessage(`Review meeting stopped after ${used} (${finished.items.filter((i) => !i.notReached).length} of ${finished.items.length} agenda items).`);
      return;
    }
    const exportSummary = 'Export Summary';
    const choice = await vscode.window.showInformationMessage(
      `Review meeting finished in ${used} (planned ${planned}). Send the stakeholder summary within 24 hours, while the discussion is fresh.`,
      exportSummary,
    );
    if (choice !== exportSummary) return;
    await guardCommand(logger, 'Export Summary', async () => {
      if (document && !vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === document.toString())) {
        await vscode.window.showTextDocument(document, { preview: false });
      }
      await vscode.commands.executeCommand(COMMAND_IDS.exportSummary, document);
    });
  };

  const requireSession = (): ReviewSession | undefined => {
    if (!session) void vscode.window.showInformationMessage('No review meeting is running. Start one with "Postmortem: Start Review Meeting".');
    return session;
  };

  const start = async () => {
    if (session) {
      const restart = 'Restart';
      const choice = await vscode.window.showWarningMessage('A review meeting is already running. Restart the agenda from the beginning?', { modal: true }, restart);
      if (choice !== restart) return;
      session.dispose();
      session = undefined;
    }
    const document = await pickPostmortem();
    if (document === null) return;
    const { items, errors } = parseAgenda(services.config.get<unknown>('agenda', []));
    if (errors.length) {
      for (const e of errors) logger.warn(`Agenda: ${e}`);
      void vscode.window.showWarningMessage(`Postmortem: ${errors[0]}${errors.length > 1 ? ` (and ${errors.length - 1} more, see the Postmortem output)` : ''}`);
    }
    session = new ReviewSession(services, items, document, onEnd);
    session.start();
  };

  const menu = async () => {
    const current = requireSession();
    if (!current) return;
    const snap = current.machine.snapshot();
    const next = current.machine.items[snap.index + 1];
    const picks: Array<vscode.QuickPickItem & { command: string }> = [
      snap.status === 'paused'
        ? { label: '$(debug-continue) Resume', command: COMMAND_IDS.resumeReview }
        : { label: '$(debug-pause) Pause', command: COMMAND_IDS.pauseReview },
      { label: next ? '$(debug-step-over) Next Agenda Item' : '$(check) Finish Meeting', description: next ? `${next.title} (${next.minutes} min)` : 'last item', command: COMMAND_IDS.nextAgendaItem },
      { label: `$(add) Add ${EXTEND_MINUTES} Minutes`, description: snap.item?.title ?? '', command: COMMAND_IDS.extendAgendaItem },
      { label: '$(debug-stop) Stop Review Meeting', command: COMMAND_IDS.stopReview },
    ];
    const picked = await vscode.window.showQuickPick(picks, { title: `Review meeting: ${snap.item?.title ?? ''} (${snap.index + 1} of ${snap.count})`, placeHolder: 'Meeting controls' });
    if (picked) await vscode.commands.executeCommand(picked.command);
  };

  const control = (what: string, act: (s: ReviewSession) => AgendaEvent[]) => () =>
    guardCommand(logger, what, () => {
      const current = requireSession();
      if (current) current.handle(act(current));
    });

  return feature(
    { dispose: () => session?.dispose() },
    {
      startReview: () => guardCommand(logger, 'Start Review Meeting', start),
      pauseReview: control('Pause Review Meeting', (s) => s.machine.pause()),
      resumeReview: control('Resume Review Meeting', (s) => s.machine.resume()),
      nextAgendaItem: control('Next Agenda Item', (s) => s.machine.next()),
      extendAgendaItem: control('Add Time to Agenda Item', (s) => s.machine.extend(EXTEND_MINUTES)),
      stopReview: control('Stop Review Meeting', (s) => s.machine.stop()),
      reviewMenu: () => guardCommand(logger, 'Review Meeting', menu),
    },
  );
}

/**
 * The post-mortem to walk through: the active one, else a choice among open ones or the workspace's.
 * Undefined runs the timer without a document; null means the user cancelled.
 */
async function pickPostmortem(): Promise<vscode.Uri | undefined | null> {
  const active = vscode.window.activeTextEditor?.document;
  if (isPostmortem(active)) return active.uri;
  const candidates = new Map<string, vscode.Uri>();
  for (const d of vscode.workspace.textDocuments) if (isPostmortem(d)) candidates.set(d.uri.toString(), d.uri);
  if (candidates.size === 0 && vscode.workspace.workspaceFolders?.length) {
    for (const uri of await vscode.workspace.findFiles('**/*.postmortem.md', '**/node_modules/**', 200)) candidates.set(uri.toString(), uri);
  }
  const withoutDocument = { label: '$(clock) Timer only', description: 'run the agenda without revealing sections', uri: undefined };
  const picks = [
    ...[...candidates.values()].map((uri) => ({ label: `$(file) ${fileName(uri)}`, description: vscode.workspace.asRelativePath(uri, true), uri })),
    withoutDocument,
  ];
  const picked = await vscode.window.showQuickPick(picks, { title: 'Start Review Meeting', placeHolder: 'Which post-mortem does the meeting review?', matchOnDescription: true });
  return picked ? picked.uri : null;
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
