import * as vscode from 'vscode';
import { buildOutline, foldingRegions, type OutlineKind, type OutlineNode } from '../core/features/outline';
import { isPostmortem } from './analysis';
import { toRange } from './convert';
import { guardAsync } from './logging';
import type { Services } from './services';

const SYMBOL_KIND: Record<OutlineKind, vscode.SymbolKind> = {
  title: vscode.SymbolKind.File,
  section: vscode.SymbolKind.String,
  event: vscode.SymbolKind.Field,
  phaseEvent: vscode.SymbolKind.Event,
  openAction: vscode.SymbolKind.Key,
  doneAction: vscode.SymbolKind.Boolean,
};

function toSymbol(node: OutlineNode): vscode.DocumentSymbol {
  const symbol = new vscode.DocumentSymbol(node.name, node.detail, SYMBOL_KIND[node.kind], toRange(node.range), toRange(node.selectionRange));
  symbol.children = node.children.map(toSymbol);
  return symbol;
}

/** Outline, breadcrumbs and folding from the core's outline. */
export function registerSymbolSupport(selector: vscode.DocumentSelector, services: Services): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.languages.registerDocumentSymbolProvider(selector, {
      provideDocumentSymbols: (document) => !isPostmortem(document) ? [] : guardAsync(services.logger, 'Outline', [], async () => buildOutline((await services.analyzer.analyze(document)).doc).map(toSymbol)),
    }, { label: 'Post-mortem' }),
    vscode.languages.registerFoldingRangeProvider(selector, {
      provideFoldingRanges: (document) =>
        !isPostmortem(document) ? [] : guardAsync(services.logger, 'Folding', [], async () =>
          foldingRegions((await services.analyzer.analyze(document)).doc).map((r) => new vscode.FoldingRange(r.startLine, r.endLine, r.kind === 'frontMatter' ? vscode.FoldingRangeKind.Region : undefined)),
        ),
    }),
  );
}
