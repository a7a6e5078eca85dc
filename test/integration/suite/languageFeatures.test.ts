import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, hoverText, openDocument, positionOf, readWorkspaceText, scratchDocument, workspaceFile } from '../helpers';

function hovers(doc: vscode.TextDocument, position: vscode.Position): Thenable<vscode.Hover[]> {
  return vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
}

function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

/** Depth-first search of a symbol tree. */
function findSymbol(symbols: vscode.DocumentSymbol[], pred: (s: vscode.DocumentSymbol) => boolean): vscode.DocumentSymbol | undefined {
  for (const s of symbols) {
    if (pred(s)) return s;
    const inner = findSymbol(s.children, pred);
    if (inner) return inner;
  }
  return undefined;
}

describe('Language features', () => {
  let checkout: vscode.TextDocument;

  before(async () => {
    await activateExtension();
    checkout = await openDocument(workspaceFile('checkout-latency.postmortem.md'));
  });
  after(closeAllEditors);

  describe('hovers (vscode.executeHoverProvider)', () => {
    it('MTTR shows the glossary entry and this document\'s time to resolve', async () => {
      // The checkout example has no "MTTR" in its prose: hover it in a copy with one more line.
      const text = (await readWorkspaceText('checkout-latency.postmortem.md')).replace(
        '- Blast radius:',
        '- Service was restored within our MTTR target for SEV2 incidents.\n- Blast radius:',
      );
      const doc = await scratchDocument('checkout-mttr.postmortem.md', text);
      const text1 = hoverText(await hovers(doc, positionOf(doc, 'MTTR', 1)));
      assert.match(text1, /MTTR/);
      assert.match(text1, /mean time to restore/i);
      assert.match(text1, /This incident:?\**\s*time to resolve\s*\**1 h 32 min/);
    });

    it('a glossary term in prose (SLO)', async () => {
      const text = hoverText(await hovers(checkout, positionOf(checkout, 'SLO', 1)));
      assert.match(text, /SLO/);
      assert.match(text, /service level objective/i);
    });

    it('a deadline shows due in / overdue by', async () => {
      const text = hoverText(await hovers(checkout, positionOf(checkout, '2026-03-21', 3)));
      assert.match(text, /2026-03-21/);
      assert.match(text, /due in \d+ days?|due today|overdue by \d+ days?/);
      assert.match(text, /@maria/);
    });

    it('a timeline time shows T+ from the start', async () => {
      const text = hoverText(await hovers(checkout, positionOf(checkout, '- 14:02', 3)));
      assert.match(text, /14:02/);
      assert.match(text, /T\+14 min/);
    });

    it('no hover on plain words', async () => {
      const list = await hovers(checkout, positionOf(checkout, 'Saturday', 2));
      assert.equal(hoverText(list).includes('This incident'), false);
    });
  });

  describe('symbols (vscode.executeDocumentSymbolProvider)', () => {
    let symbols: vscode.DocumentSymbol[];
    before(async () => {
      symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', checkout.uri);
      assert.ok(symbols?.length, 'no symbols');
    });

    it('lists the sections', () => {
      for (const name of ['Summary', 'Impact', 'Timeline', 'Root Cause', 'Resolution', 'Action Items', 'Lessons Learned', 'Follow-up Review']) {
        assert.ok(findSymbol(symbols, (s) => s.name === name), `section ${name} missing`);
      }
    });

    it('timeline events are children of Timeline', () => {
      const timeline = findSymbol(symbols, (s) => s.name === 'Timeline')!;
      assert.equal(timeline.children.length, 8, timeline.children.map((c) => c.name).join(' | '));
      assert.match(timeline.children[0].name, /^13:40 Deploy of payments-client/);
      const phases = timeline.children.filter((c) => c.kind === vscode.SymbolKind.Event).map((c) => c.detail);
      assert.deepEqual(phases, ['started', 'detected', 'mitigated', 'resolved']);
      for (const c of timeline.children) assert.ok(timeline.range.contains(c.range), `${c.name} lies inside the section`);
    });

    it('action items are children of Action Items (open vs done)', () => {
      const actions = findSymbol(symbols, (s) => s.name === 'Action Items')!;
      assert.equal(actions.children.length, 4, actions.children.map((c) => c.name).join(' | '));
      assert.equal(actions.children.filter((c) => c.kind === vscode.SymbolKind.Boolean).length, 1, 'one done item');
    });
  });

  describe('folding (vscode.executeFoldingRangeProvider)', () => {
    it('folds the front matter and the sections', async () => {
      const ranges = await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', checkout.uri);
      assert.ok(ranges?.length, 'no folding ranges');
      const lines = checkout.getText().split('\n');
      const frontMatterEnd = lines.indexOf('---', 1);
      assert.ok(ranges.some((r) => r.start === 0 && r.end === frontMatterEnd), `front matter 1-${frontMatterEnd + 1} not folded: ${JSON.stringify(ranges)}`);
      for (const heading of ['## Timeline', '## Action Items']) {
        const start = lines.indexOf(heading);
        const range = ranges.find((r) => r.start === start);
        assert.ok(range && range.end > start + 2, `${heading} (line ${start + 1}) not folded: ${JSON.stringify(ranges)}`);
      }
    });
  });

  describe('completion (vscode.executeCompletionItemProvider)', () => {
    it('offers section headings after "## ", missing ones first', async () => {
      const text = (await readWorkspaceText('needs-work.postmortem.md')) + '\n## ';
      const doc = await scratchDocument('completion.postmortem.md', text);
      const end = doc.lineAt(doc.lineCount - 1).range.end;
      assert.equal(doc.lineAt(end.line).text, '## ');
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, end);
      const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Module);
      const labels = ours.map(labelOf);
      for (const name of ['Summary', 'Impact', 'Timeline', 'Root Cause', 'Action Items']) assert.ok(labels.includes(name), `${name} not offered: ${labels.join(', ')}`);
      const impact = ours.find((i) => labelOf(i) === 'Impact')!;
      const summary = ours.find((i) => labelOf(i) === 'Summary')!;
      assert.ok(impact.sortText! < summary.sortText!, 'the missing Impact section sorts before the present Summary');
      assert.equal(summary.detail, 'already in this post-mortem');
    });

    it('offers phase tags after "[" in the timeline', async () => {
      const text = (await readWorkspaceText('needs-work.postmortem.md')).replace('- 10:20 — Users', '- 10:20 — [');
      const doc = await scratchDocument('completion-phase.postmortem.md', text);
      const pos = positionOf(doc, '— [', 3);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, pos, '[');
      const labels = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember).map(labelOf);
      for (const phase of ['started', 'detected', 'mitigated', 'resolved']) assert.ok(labels.includes(phase), `${phase} not offered: ${labels.join(', ')}`);
    });
  });
});
