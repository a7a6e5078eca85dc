import * as vscode from 'vscode';
import { exists, fileName } from '../fileSystem';
import { type BlameSentence, createSummary, summaryFileName, type SummaryFormat, type SummaryResult } from '../../core/summary/index';
import { todayIso } from '../../core/model/time';
import { isPostmortem } from '../analysis';
import type { Services } from '../services';
import { readSummaryTemplate } from './template';

const FORMAT_LABELS: Record<SummaryFormat, string> = { md: 'Markdown', html: 'HTML', text: 'Plain text' };
const LANGUAGES: Record<SummaryFormat, string> = { md: 'markdown', html: 'html', text: 'plaintext' };

/** The post-mortem a summary command works on: the given resource, else the active editor's document. */
export async function targetDocument(arg: unknown): Promise<vscode.TextDocument | undefined> {
  if (arg instanceof vscode.Uri) {
    const document = await vscode.workspace.openTextDocument(arg);
    if (isPostmortem(document)) return document;
    void vscode.window.showInformationMessage(`Postmortem: ${basename(arg)} is not a post-mortem (*.postmortem.md).`);
    return undefined;
  }
  const document = vscode.window.activeTextEditor?.document;
  if (isPostmortem(document)) return document;
  void vscode.window.showInformationMessage('Postmortem: open a post-mortem (*.postmortem.md) to summarise it for stakeholders.');
  return undefined;
}

type BlameChoice = 'reword' | 'asIs' | 'cancel';

/** Warns about blame-focused sentences that would be copied; the author decides how to go on. */
async function confirmBlame(sentences: BlameSentence[]): Promise<BlameChoice> {
  if (sentences.length === 0) return 'asIs';
  const rewordable = sentences.filter((s) => s.rewrite !== undefined).length;
  const examples = sentences
    .slice(0, 3)
    .map((s) => `Line ${s.line + 1}: "${s.text.length > 120 ? `${s.text.slice(0, 117)}…` : s.text}"`)
    .join('\n');
  const detail = `${examples}${sentences.length > 3 ? `\n…and ${sentences.length - 3} more.` : ''}\n\n${
    rewordable ? `"Export with Rewording" replaces the wording in ${rewordable} of them; the post-mortem itself is not changed.` : 'None of them has an automatic rewording; consider editing the post-mortem first.'
  }`;
  const count = sentences.length === 1 ? 'One sentence' : `${sentences.length} sentences`;
  const choice = await vscode.window.showWarningMessage(
    `${count} in the summary ${sentences.length === 1 ? 'uses' : 'use'} blame-focused wording.`,
    { modal: true, detail },
    'Show Findings',
    'Export with Rewording',
    'Export As Is',
  );
  if (choice === 'Show Findings') {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    return 'cancel';
  }
  if (choice === 'Export with Rewording') return 'reword';
  if (choice === 'Export As Is') return 'asIs';
  return 'cancel';
}

async function pickFormat(): Promise<SummaryFormat | undefined> {
  const items: Array<vscode.QuickPickItem & { format: SummaryFormat }> = [
    { label: 'Markdown', description: 'for wikis, tickets and pull requests', format: 'md' },
    { label: 'HTML', description: 'a self-contained page that prints well', format: 'html' },
    { label: 'Plain text', description: 'for chat and e-mail', format: 'text' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: 'Export Stakeholder Summary (1/2)', placeHolder: 'Format' });
  return pick?.format;
}

type Target = 'untitled' | 'file' | 'clipboard';

async function pickTarget(document: vscode.TextDocument, format: SummaryFormat): Promise<Target | undefined> {
  const items: Array<vscode.QuickPickItem & { target: Target }> = [{ label: 'New untitled editor', description: 'review and edit before sharing', target: 'untitled' }];
  if (document.uri.scheme !== 'untitled') {
    items.push({ label: 'Save next to the post-mortem', description: summaryFileName(basename(document.uri), format), target: 'file' });
  }
  items.push({ label: 'Copy to clipboard', target: 'clipboard' });
  const pick = await vscode.window.showQuickPick(items, { title: 'Export Stakeholder Summary (2/2)', placeHolder: `Where to put the ${FORMAT_LABELS[format]} summary` });
  return pick?.target;
}

/** `Postmortem: Export Stakeholder Summary`. */
export async function exportSummary(services: Services, arg?: unknown): Promise<void> {
  const document = await targetDocument(arg);
  if (!document) return;
  const today = todayIso();
  const probe = createSummary(await services.analyzer.complete(document), { format: 'text', today, glossary: services.glossary.current });
  const choice = await confirmBlame(probe.blameSentences);
  if (choice === 'cancel') return;
  const format = await pickFormat();
  if (!format) return;
  const target = await pickTarget(document, format);
  if (!target) return;
  const template = format === 'md' ? await readSummaryTemplate(document, services.logger) : undefined;
  // The document may have changed while the pickers were open: summarise what it says now.
  const result = createSummary(await services.analyzer.complete(document), {
    format,
    today,
    glossary: services.glossary.current,
    applyRewording: choice === 'reword',
    ...(template !== undefined ? { template } : {}),
  });
  logNotes(services, document, result);
  const notesHint = result.notes.length ? ` ${result.notes.length === 1 ? 'One note' : `${result.notes.length} notes`} for you are in the Postmortem output.` : '';

  if (target === 'untitled') {
    const doc = await vscode.workspace.openTextDocument({ content: result.output, language: LANGUAGES[format] });
    await vscode.window.showTextDocument(doc, { preview: false });
    if (notesHint) void showNotesHint(services, `Postmortem: stakeholder summary created.${notesHint}`, true);
  } else if (target === 'clipboard') {
    await vscode.env.clipboard.writeText(result.output);
    void showNotesHint(services, `Postmortem: ${FORMAT_LABELS[format]} stakeholder summary copied to the clipboard.${notesHint}`, notesHint !== '');
  } else {
    const name = summaryFileName(basename(document.uri), format);
    const uri = siblingUri(document.uri, name);
    if (await exists(uri)) {
      const overwrite = await vscode.window.showWarningMessage(`${name} already exists. Replace it with the new summary?`, { modal: true }, 'Replace');
      if (overwrite !== 'Replace') return;
    }
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.output));
    services.logger.info(`Stakeholder summary written to ${uri.toString(true)}`);
    const open = await vscode.window.showInformationMessage(`Postmortem: saved ${name}.${notesHint}`, 'Open', ...(notesHint ? ['Show Notes'] : []));
    if (open === 'Open') await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri), { preview: false });
    else if (open === 'Show Notes') services.logger.show();
  }
}

async function showNotesHint(services: Services, message: string, hasNotes: boolean): Promise<void> {
  const choice = await vscode.window.showInformationMessage(message, ...(hasNotes ? ['Show Notes'] : []));
  if (choice === 'Show Notes') services.logger.show();
}

function logNotes(services: Services, document: vscode.TextDocument, result: SummaryResult): void {
  if (result.notes.length === 0) return;
  services.logger.info(`Stakeholder summary of ${document.uri.toString(true)}: notes for the author:\n${result.notes.map((n) => `  - ${n}`).join('\n')}`);
}


/** Works for every URI scheme (file, vscode-vfs, ...) without Node's path module (web host). */
function siblingUri(uri: vscode.Uri, name: string): vscode.Uri {
  const dir = uri.path.slice(0, uri.path.lastIndexOf('/') + 1);
  return uri.with({ path: `${dir}${name}` });
}

export function basename(uri: vscode.Uri): string {
  return fileName(uri) || 'postmortem';
}
