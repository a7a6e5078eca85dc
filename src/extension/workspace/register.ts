import * as vscode from 'vscode';
import { feature, type Feature } from '../commands';
import type { Services } from '../services';
import { ActionItemsView } from './actionItemsView';
import { WorkspaceIndexer } from './indexer';
import { registerOwnerCompletions, registerWorkspaceSymbols } from './providers';

export { VIEW_ID as ACTION_ITEMS_VIEW_ID } from './actionItemsView';

/**
 * Workspace-wide features over one index of every post-mortem: the Action Items view, workspace symbols
 * (titles and incident ids) and `@owner` completions. The first scan starts after activation returns and
 * runs in the background.
 */
export function registerWorkspaceFeatures(services: Services): Feature {
  const indexer = new WorkspaceIndexer(services);
  const view = new ActionItemsView(services, indexer);
  const disposables: vscode.Disposable[] = [
    indexer,
    view,
    registerWorkspaceSymbols(services, indexer),
    registerOwnerCompletions(services, indexer),
  ];
  const start = setTimeout(() => void indexer.start(), 0);
  disposables.push({ dispose: () => clearTimeout(start) });
  return feature(vscode.Disposable.from(...disposables), view.commands);
}
