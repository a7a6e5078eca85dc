import * as vscode from 'vscode';
import { PHASES } from '../core/model/types';
import { SECTION_DEFINITIONS, sectionAliases } from '../core/model/sections';
import { isPostmortem } from './analysis';
import { guardAsync } from './logging';
import type { Services } from './services';

/** Section headings after `## ` (missing ones first, in canonical order) and phase tags after `[` in the timeline. */
export function registerCompletionSupport(selector: vscode.DocumentSelector, services: Services): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider(
    selector,
    {
      provideCompletionItems(document, position) {
        if (!isPostmortem(document)) return undefined;
        return guardAsync(services.logger, 'Completion', undefined, async () => {
          const prefix = document.lineAt(position.line).text.slice(0, position.character);
          const heading = /^(#{2,3})\s+(\S[^#]*)?$/.exec(prefix);
          if (heading) {
            const present = new Set((await services.analyzer.analyze(document)).doc.allSections.map((s) => s.kind));
            const start = position.translate(0, -(heading[2]?.length ?? 0));
            return SECTION_DEFINITIONS.map((def, index) => {
              const item = new vscode.CompletionItem(def.label, vscode.CompletionItemKind.Module);
              item.detail = present.has(def.kind) ? 'already in this post-mortem' : 'standard section';
              item.documentation = new vscode.MarkdownString(`Also accepted: ${sectionAliases(def.kind, 8).join(', ')}\n\n---\n\n${def.skeleton}`);
              item.sortText = `${present.has(def.kind) ? 1 : 0}${String(index).padStart(2, '0')}`;
              item.range = new vscode.Range(start, position);
              item.insertText = new vscode.SnippetString(`${def.label}\n\n\${0:${def.skeleton.split('\n')[0].replace(/[$}\\]/g, '\\$&')}}`);
              return item;
            });
          }
          const tag = /\[(\w*)$/.exec(prefix);
          if (tag && /^\s*(?:[-*+]|\|)/.test(prefix)) {
            const start = position.translate(0, -tag[1].length);
            return PHASES.map((phase, index) => {
              const item = new vscode.CompletionItem(phase, vscode.CompletionItemKind.EnumMember);
              item.detail = 'phase tag: fills the incident metrics';
              item.sortText = String(index);
              item.range = new vscode.Range(start, position);
              item.insertText = document.lineAt(position.line).text.charAt(position.character) === ']' ? phase : `${phase}] `;
              return item;
            });
          }
          return undefined;
        });
      },
    },
    '[',
    ' ',
  );
}
