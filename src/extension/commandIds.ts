// Every command id of the extension, in one place (no `vscode` import, so tests can read it). The
// handlers are in `commands.ts`'s table; package.json contributes the user-facing ones.

export const COMMAND_IDS = {
  newPostmortem: 'postmortem.new',
  exportSummary: 'postmortem.exportSummary',
  previewSummary: 'postmortem.previewSummary',
  showInsights: 'postmortem.showInsights',
  showTimeline: 'postmortem.showTimeline',
  showTimelineToSide: 'postmortem.showTimelineToSide',
  toggleTimelineLock: 'postmortem.toggleTimelineLock',
  exportTimeline: 'postmortem.exportTimeline',
  groupByPostmortem: 'postmortem.actionItems.groupByPostmortem',
  groupByOwner: 'postmortem.actionItems.groupByOwner',
  groupByDueDate: 'postmortem.actionItems.groupByDueDate',
  toggleShowDone: 'postmortem.actionItems.toggleShowDone',
  toggleMine: 'postmortem.actionItems.toggleMine',
  refreshActionItems: 'postmortem.actionItems.refresh',
  markDone: 'postmortem.actionItems.markDone',
  copyMarkdown: 'postmortem.actionItems.copyMarkdown',
  startReview: 'postmortem.startReview',
  pauseReview: 'postmortem.pauseReview',
  resumeReview: 'postmortem.resumeReview',
  nextAgendaItem: 'postmortem.nextAgendaItem',
  extendAgendaItem: 'postmortem.extendAgendaItem',
  stopReview: 'postmortem.stopReview',
  reviewMenu: 'postmortem.reviewMenu',
  applySnippetFix: 'postmortem.applySnippetFix',
  treatAsPostmortem: 'postmortem.treatAsPostmortem',
  addRepositoryEvents: 'postmortem.addRepositoryEvents',
} as const;

export type CommandName = keyof typeof COMMAND_IDS;
export type CommandId = (typeof COMMAND_IDS)[CommandName];

/** Commands run by the extension itself (status bar, code actions), not listed in the Command Palette. */
export const INTERNAL_COMMANDS: readonly CommandName[] = ['reviewMenu', 'applySnippetFix'];
