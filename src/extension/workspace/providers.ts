import * as vscode from 'vscode';
import { isPostmortem, SELECTOR } from '../analysis';
import { toRange } from '../convert';
import { guard } from '../logging';
import type { Services } from '../services';
import type { WorkspaceIndexer } from './indexer';

const MAX_SYMBOLS = 500;
/** `@` at the start, after whitespace or an opening bracket, followed by what was typed of the handle. */
const HANDLE_BEFORE_CURSOR = /(?:^|[\s([{,;"'|])@([\p{L}\p{N}_.-]*)$/u;

/** Ctrl+T: post-mortem titles and incident ids across the workspace. */
export function registerWorkspaceSymbols(services: Services, indexer: WorkspaceIndexer): vscode.Disposable {
  return vscode.languages.registerWorkspaceSymbolProvider({
    provideWorkspaceSymbols: (query) =>
      guard(services.logger, 'Workspace symbols', [], () =>
        indexer.index
          .symbols(query)
          .slice(0, MAX_SYMBOLS)
          .map((s) => new vscode.SymbolInformation(s.name, s.kind === 'incident' ? vscode.SymbolKind.Key : vscode.SymbolKind.File, s.containerName ?? '', new vscode.Location(vscode.Uri.parse(s.uri), toRange(s.range)))),
      ),
  });
}

/** `@` in a post-mortem offers the owner handles used across the workspace (and `postmortem.me`). */
export function registerOwnerCompletions(services: Services, indexer: WorkspaceIndexer): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    SELECTOR,
    {
      provideCompletionItems: (document, position) =>
        !isPostmortem(document) ? undefined : guard(services.logger, 'Owner completions', undefined, () => {
          const before = document.lineAt(position.line).text.slice(0, position.character);
          const typed = HANDLE_BEFORE_CURSOR.exec(before);
          if (!typed) return undefined;
          const range = new vscode.Range(position.line, position.character - typed[1].length - 1, position.line, position.character);
          const me = services.config
            .get<string>('me', '')
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s.startsWith('@'));
          const handles = [...new Set([...indexer.index.owners(), ...me].filter((o) => /^@[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u.test(o)))];
          return handles.map((handle, rank) => {
            const item = new vscode.CompletionItem(handle, vscode.CompletionItemKind.User);
            item.range = range;
            item.insertText = handle;
            item.filterText = handle;
            item.sortText = String(rank).padStart(5, '0');
            item.detail = me.includes(handle) ? 'You (postmortem.me)' : 'Owner of action items in this workspace';
            return item;
          });
        }),
    },
    '@',
  );
}
