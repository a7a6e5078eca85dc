import * as vscode from 'vscode';
import type { PostmortemDocument } from '../core/model/types';
import { disableRuleEdits, fixAllEdits } from '../core/features/fixes';
import { type Finding, snippetToText, type TextEdit } from '../core/rules/types';
import { isPostmortem } from './analysis';
import { toRange } from './convert';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { COMMAND_IDS } from './commandIds';
import { feature, type Feature } from './commands';
import { guardAsync } from './logging';
import type { Services } from './services';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('postmortem');

/** Quick fixes for findings, rule suppression, and "fix all" (`source.fixAll.postmortem`). */
export class PostmortemCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(private readonly services: Services) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    if (!isPostmortem(document)) return Promise.resolve([]);
    return guardAsync(this.services.logger, 'Code actions', [], async () => {
      const { doc, findings } = await this.services.analyzer.analyze(document);
      if (context.only && FIX_ALL_KIND.contains(context.only) && !vscode.CodeActionKind.QuickFix.contains(context.only)) return this.fixAll(document, doc, findings);
      const actions: vscode.CodeAction[] = [];
      const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
      for (const diagnostic of ours) {
        const rule = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
        // The diagnostic was made from this analysis (same document version): rule and range identify its finding.
        const finding = findings.find((f) => f.rule === rule && toRange(f.range).isEqual(diagnostic.range));
        for (const fix of finding?.fixes ?? []) actions.push(this.quickFix(document, fix.title, fix.edits, diagnostic, fix.preferred));
        for (const disable of disableRuleEdits(doc, rule, diagnostic.range.start.line)) {
          const action = this.quickFix(document, disable.title, disable.edits, diagnostic);
          actions.push(action);
        }
      }
      if (context.only === undefined || vscode.CodeActionKind.Source.contains(context.only) || FIX_ALL_KIND.intersects(context.only)) {
        if (ours.length > 0) actions.push(...this.fixAll(document, doc, findings));
      }
      return actions;
    });
  }

  private quickFix(document: vscode.TextDocument, title: string, edits: TextEdit[], diagnostic: vscode.Diagnostic, preferred?: boolean): vscode.CodeAction {
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    if (preferred) action.isPreferred = true;
    const snippet = edits.length === 1 && edits[0].snippet ? edits[0] : undefined;
    if (snippet) {
      // Snippet edits go through the editor so tab stops (@owner, the date) are selected for typing.
      action.command = { command: COMMAND_IDS.applySnippetFix, title, arguments: [document.uri, snippet.range, snippet.newText] };
    } else {
      action.edit = new vscode.WorkspaceEdit();
      for (const edit of edits) action.edit.replace(document.uri, toRange(edit.range), edit.snippet ? snippetToText(edit.newText) : edit.newText);
    }
    return action;
  }

  private fixAll(document: vscode.TextDocument, doc: PostmortemDocument, findings: Finding[]): vscode.CodeAction[] {
    const edits = fixAllEdits(doc, findings);
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction('Fix all auto-fixable post-mortem problems', FIX_ALL_KIND);
    action.edit = new vscode.WorkspaceEdit();
    for (const edit of edits) action.edit.replace(document.uri, toRange(edit.range), edit.newText);
    return [action];
  }
}

export function registerCodeActionSupport(selector: vscode.DocumentSelector, services: Services): Feature {
  return feature(vscode.languages.registerCodeActionsProvider(selector, new PostmortemCodeActions(services), PostmortemCodeActions.metadata), {
    applySnippetFix: async (uri: vscode.Uri, range: { start: { line: number; character: number }; end: { line: number; character: number } }, snippet: string) => {
      const document = await vscode.workspace.openTextDocument(uri);
      const editor = await vscode.window.showTextDocument(document, { preserveFocus: false });
      await editor.insertSnippet(new vscode.SnippetString(snippet), toRange(range));
    },
  });
}
