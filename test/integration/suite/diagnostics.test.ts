import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAllEditors, describeDiagnostic, openDocument, postmortemDiagnostics, ruleOf, sleep, waitForDiagnostics, workspaceFile } from '../helpers';

/**
 * test/fixtures/examples/EXPECTED.md, as [1-based line, rule, text the range covers].
 * required-section is checked separately (it is reported at the top of the document).
 */
const NEEDS_WORK: [number, string, string | undefined][] = [
  [3, 'front-matter', 'SEV7'],
  [4, 'front-matter', 'done'],
  [5, 'front-matter', '2026-02-30'],
  [12, 'blame-wording', 'because Dave pushed'],
  [12, 'blame-wording', 'human error'],
  [18, 'timeline-order', '10:12'],
  [19, 'timeline-time-invalid', '25:61'],
  [23, 'blame-wording', 'should have'],
  [23, 'blame-wording', 'failed to'],
  [24, 'blame-wording', 'careless'],
  [28, 'action-item-owner', 'Add config validation to the deploy pipeline'],
  [28, 'action-item-deadline', 'Add config validation to the deploy pipeline'],
  [29, 'action-item-deadline', 'Write a runbook for login outages'],
  [30, 'action-item-deadline-invalid', '2026-13-01'],
  [30, 'blame-wording', 'Retrain Dave'],
  [31, 'action-item-overdue', '2025-01-10'],
];

const { Error: ERROR, Warning: WARNING, Information: INFO } = vscode.DiagnosticSeverity;

describe('Diagnostics (vscode.languages.getDiagnostics)', () => {
  before(async () => {
    await activateExtension();
  });
  after(closeAllEditors);

  describe('needs-work.postmortem.md', () => {
    let doc: vscode.TextDocument;
    let diagnostics: vscode.Diagnostic[];

    before(async () => {
      doc = await openDocument(workspaceFile('needs-work.postmortem.md'));
      assert.equal(doc.languageId, 'postmortem', '*.postmortem.md files get the postmortem language');
      diagnostics = await waitForDiagnostics(doc.uri, (ds) => ds.length >= NEEDS_WORK.length + 1, `${NEEDS_WORK.length + 1} diagnostics`);
    });

    for (const [line, rule, text] of NEEDS_WORK) {
      it(`line ${line}: ${rule}${text ? ` on "${text}"` : ''}`, () => {
        const match = diagnostics.find(
          (d) => ruleOf(d) === rule && d.range.start.line === line - 1 && (!text || doc.getText(d.range).toLowerCase().includes(text.toLowerCase())),
        );
        assert.ok(match, `no ${rule} at line ${line} covering "${text}"; got ${diagnostics.map(describeDiagnostic).join(', ')}`);
        assert.ok(match.range.end.line === line - 1, `range stays on line ${line}: ${describeDiagnostic(match)}`);
        assert.ok(!match.range.isEmpty, 'range is not empty');
      });
    }

    it('required-section: Impact is missing, reported at the top of the document', () => {
      const match = diagnostics.find((d) => ruleOf(d) === 'required-section');
      assert.ok(match, 'no required-section diagnostic');
      assert.match(match.message, /Impact/);
      const title = doc.getText().split('\n').findIndex((l) => l.startsWith('# '));
      assert.ok(match.range.start.line <= title, `reported at line ${match.range.start.line + 1}, after the title (line ${title + 1})`);
    });

    it('uses the documented severities, source and rule links', () => {
      const severityOf = (rule: string) => new Set(diagnostics.filter((d) => ruleOf(d) === rule).map((d) => d.severity));
      assert.deepEqual(severityOf('front-matter'), new Set([ERROR]));
      assert.deepEqual(severityOf('timeline-time-invalid'), new Set([ERROR]));
      assert.deepEqual(severityOf('action-item-deadline-invalid'), new Set([ERROR]));
      assert.deepEqual(severityOf('action-item-owner'), new Set([WARNING]));
      assert.deepEqual(severityOf('timeline-order'), new Set([WARNING]));
      assert.deepEqual(severityOf('action-item-overdue'), new Set([INFO]));
      for (const d of diagnostics) {
        assert.equal(d.source, 'postmortem');
        assert.ok(typeof d.code === 'object' && d.code.target instanceof vscode.Uri, `${describeDiagnostic(d)} links its rule`);
        assert.equal(d.code.target.fragment, ruleOf(d));
      }
    });

    it('updates after an edit, and again after revert', async () => {
      const editor = await vscode.window.showTextDocument(doc);
      const line = doc.lineAt(23); // "checklist and was careless with the production flag."
      const at = line.text.indexOf('careless');
      await editor.edit((b) => b.replace(new vscode.Range(23, at, 23, at + 'careless'.length), 'rushed'));
      await waitForDiagnostics(doc.uri, (ds) => !ds.some((d) => ruleOf(d) === 'blame-wording' && d.range.start.line === 23), 'the "careless" finding to go');
      await vscode.commands.executeCommand('workbench.action.files.revert');
      await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => ruleOf(d) === 'blame-wording' && d.range.start.line === 23), 'the "careless" finding to return');
      assert.equal(doc.isDirty, false);
    });
  });

  for (const name of ['checkout-latency.postmortem.md', 'firmware-ota.postmortem.md']) {
    it(`${name} is clean: nothing at warning or error level`, async () => {
      const doc = await openDocument(workspaceFile(name));
      assert.equal(doc.languageId, 'postmortem');
      // Diagnostics are set when the document opens; give the host a moment either way
      // (an example may have none at all once no deadline has passed).
      const t0 = Date.now();
      while (postmortemDiagnostics(doc.uri).length === 0 && Date.now() - t0 < 1500) await sleep(50);
      const serious = postmortemDiagnostics(doc.uri).filter((d) => d.severity === ERROR || d.severity === WARNING);
      assert.deepEqual(serious.map((d) => `${describeDiagnostic(d)} ${d.message}`), []);
      for (const d of postmortemDiagnostics(doc.uri)) assert.equal(ruleOf(d), 'action-item-overdue', `only overdue infos may appear: ${describeDiagnostic(d)}`);
    });
  }
});
