import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { computeInsights, insightRecord, metricSummaryText } from '../../../src/core/insights/index';
import { parsePostmortem } from '../../../src/core/model/parse';
import { activateExtension, closeAllEditors, hoverText, positionOf, readWorkspaceText, scratchDocument, waitFor } from '../helpers';

/** The TTR figure over the workspace's post-mortems on disk, computed apart from the extension's index. */
async function expectedTtr(): Promise<{ text: string; count: number }> {
  const uris = await vscode.workspace.findFiles('**/*.postmortem.md', '**/node_modules/**');
  const records = await Promise.all(uris.map(async (uri) => insightRecord(uri.toString(), parsePostmortem(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))))));
  const ttr = computeInsights(records, { today: '2026-01-01' }).ttr;
  return { text: metricSummaryText(ttr), count: ttr.count };
}

describe('Incident insights', () => {
  before(activateExtension);
  after(closeAllEditors);

  it('the MTTR hover shows the workspace mean next to this incident\'s time to resolve', async function () {
    this.timeout(30_000);
    const text = (await readWorkspaceText('checkout-latency.postmortem.md')).replace('- Blast radius:', '- Service was restored within our MTTR target.\n- Blast radius:');
    const doc = await scratchDocument('insights-mttr.postmortem.md', text);
    let last = '';
    const shown = await waitFor(
      async () => {
        const expected = await expectedTtr();
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, 'MTTR', 1));
        last = `${hoverText(hovers)}\n(expected: ${expected.text})`;
        return expected.count >= 3 && hoverText(hovers).includes(`**Workspace:** ${expected.text}.`) && last;
      },
      'the workspace figure in the MTTR hover',
      20_000,
      250,
    ).catch(() => assert.fail(last));
    assert.match(shown, /This incident:?\**\s*time to resolve\s*\**1 h 32 min/);
    assert.match(shown, /\*\*Workspace:\*\* mean over \d+ incidents: [^;]+; median [^;.]+/);
  });

  it('Postmortem: Show Incident Insights opens the dashboard', async function () {
    this.timeout(20_000);
    await vscode.commands.executeCommand('postmortem.showInsights');
    const tab = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('postmortem.insights')),
      'the insights webview tab',
    );
    assert.equal(tab.label, 'Incident Insights');
  });
});
