import * as vscode from 'vscode';
import { feature, type Feature } from '../commands';
import type { Services } from '../services';
import { ActionItemsView } from './actionItemsView';
import { WorkspaceIndexer } from './indexer';
import { registerOwnerCompletions, registerWorkspaceSymbols } from './providers';
import { InsightsDashboard } from '../insights/dashboard';
import { WorkspaceInsights } from '../insights/service';

export { VIEW_ID as ACTION_ITEMS_VIEW_ID } from './actionItemsView';

/**
 * Workspace-wide features over one index of every post-mortem: the Action Items view, workspace symbols
 * (titles and incident ids), `@owner` completions, and the insights (dashboard, workspace figures in hovers). The first scan starts after activation returns and
 * runs in the background.
 */
export function registerWorkspaceFeatures(services: Services): Feature {
  const indexer = new WorkspaceIndexer(services);
  const view = new ActionItemsView(services, indexer);
  const insights = new WorkspaceInsights(indexer);
  services.insights = insights;
  const disposables: vscode.Disposable[] = [
    indexer,
    view,
    insights,
    { dispose: () => services.insights === insights && delete services.insights },
    registerWorkspaceSymbols(services, indexer),
    registerOwnerCompletions(services, indexer),
  ];
  const start = setTimeout(() => void indexer.start(), 0);
  disposables.push({ dispose: () => clearTimeout(start) });
  return feature(vscode.Disposable.from(...disposables), {
    ...view.commands,
    showInsights: () => InsightsDashboard.show(services, insights),
  });
}
