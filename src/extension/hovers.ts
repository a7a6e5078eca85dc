import * as vscode from 'vscode';
import { hoverAt } from '../core/features/hover';
import { isPostmortem } from './analysis';
import { toRange } from './convert';
import { guardAsync } from './logging';
import type { Services } from './services';

/** Glossary terms, timeline times (T+…) and deadlines (due in / overdue by). */
export function registerHoverSupport(selector: vscode.DocumentSelector, services: Services): vscode.Disposable {
  const { glossary } = services;
  return vscode.languages.registerHoverProvider(selector, {
    provideHover(document, position) {
      if (!isPostmortem(document)) return undefined;
      return guardAsync(services.logger, 'Hover', undefined, async () => {
        const { doc, today } = await services.analyzer.analyze(document);
        const workspace = await services.insights?.whenReady();
        const hover = hoverAt(doc, glossary.current, { line: position.line, character: position.character }, today, workspace);
        if (!hover) return undefined;
        const markdown = new vscode.MarkdownString(hover.contents);
        markdown.supportThemeIcons = false;
        markdown.isTrusted = false;
        return new vscode.Hover(markdown, toRange(hover.range));
      });
    },
  });
}
