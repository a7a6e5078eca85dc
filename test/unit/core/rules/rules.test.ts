import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/core/analyze';
import { defaultConfig, parseConfigFile, resolveConfig } from '../../../../src/core/config';
import { RULES } from '../../../../src/core/rules/index';
import { RULE_IDS, type RuleId } from '../../../../src/core/rules/types';
import { fixture } from '../../helpers';
import { TODAY, sliceRange, lint, ofRule, postmortem } from './helpers';

describe('rules: metadata', () => {
  it('every rule id has exactly one definition with docs metadata', () => {
    assert.deepEqual(RULES.map((r) => r.id).sort(), [...RULE_IDS].sort());
    for (const rule of RULES) {
      for (const field of ['description', 'rationale'] as const) assert.ok(rule[field].trim(), `${rule.id}.${field}`);
      assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity), `${rule.id} default ${rule.defaultSeverity}`);
    }
  });

  it('the complete template document is clean', () => {
    assert.deepEqual(lint(postmortem()), []);
  });
});


describe('needs-work example matches EXPECTED.md', () => {
  const text = fixture('examples/needs-work.postmortem.md');
  const findings = lint(text);
  // [line, rule, exact text of the range] — the rows of EXPECTED.md.
  const rows: Array<[number, RuleId, string]> = [
    [3, 'front-matter', 'SEV7'],
    [4, 'front-matter', 'done'],
    [5, 'front-matter', '2026-02-30'],
    [12, 'blame-wording', 'because Dave pushed'],
    [12, 'blame-wording', 'human error'],
    [18, 'timeline-order', '10:12'],
    [19, 'timeline-time-invalid', '25:61'],
    [23, 'blame-wording', 'should have checked'],
    [23, 'blame-wording', 'failed to'],
    [24, 'blame-wording', 'careless'],
    [28, 'action-item-owner', 'Add config validation to the deploy pipeline'],
    [28, 'action-item-deadline', 'Add config validation to the deploy pipeline'],
    [29, 'action-item-deadline', 'Write a runbook for login outages'],
    [30, 'action-item-deadline-invalid', '2026-13-01'],
    [30, 'blame-wording', 'Retrain Dave'],
    [31, 'action-item-overdue', '2025-01-10'],
  ];

  for (const [line, rule, exact] of rows) {
    it(`line ${line}: ${rule} on "${exact}"`, () => {
      // EXPECTED.md names the words; the finding covers them (the detector highlights the whole blaming clause).
      const hit = findings.find((f) => f.rule === rule && f.range.start.line + 1 === line && sliceRange(text, f.range).includes(exact));
      assert.ok(hit, `missing; got ${JSON.stringify(findings.map((f) => `${f.range.start.line + 1} ${f.rule} ${sliceRange(text, f.range)}`))}`);
    });
  }

  it('required-section: Impact is missing, reported at the top (the title heading)', () => {
    const missing = ofRule(findings, 'required-section');
    assert.equal(missing.length, 1);
    assert.ok(missing[0].range.start.line + 1 <= 8);
    assert.match(missing[0].message, /"Impact" section is missing/);
  });

  it('"Retrain Dave" is info while the other blame findings are warnings', () => {
    const blame = ofRule(findings, 'blame-wording');
    assert.deepEqual(blame.map((f) => f.severity), ['warning', 'warning', 'warning', 'warning', 'warning', 'info']);
  });

  it('has no errors or warnings beyond the expected rows', () => {
    const expected = new Set(rows.map(([line, rule]) => `${line} ${rule}`).concat('8 required-section'));
    const extra = findings.filter((f) => !expected.has(`${f.range.start.line + 1} ${f.rule}`));
    assert.deepEqual(extra, []);
  });
});


describe('clean examples', () => {
  for (const name of ['checkout-latency', 'firmware-ota']) {
    it(`${name}: no findings at all on ${TODAY}`, () => {
      assert.deepEqual(lint(fixture(`examples/${name}.postmortem.md`)), []);
    });

    it(`${name}: once deadlines pass, only info-level overdue on the open items`, () => {
      const text = fixture(`examples/${name}.postmortem.md`);
      const later = lint(text, defaultConfig(), '2027-01-01');
      assert.equal(later.length, 3);
      assert.ok(later.every((f) => f.rule === 'action-item-overdue' && f.severity === 'info'));
      const doneLines = analyzeText(text).doc.actionItems.filter((a) => a.done).map((a) => a.range.start.line);
      assert.ok(later.every((f) => !doneLines.includes(f.range.start.line)));
    });
  }
});


describe('suppression comments', () => {
  const body = (summary: string) => postmortem({ summary });

  it('disable-next-line silences one rule on the next line only', () => {
    const text = body('<!-- postmortem-disable-next-line blame-wording -->\nThis was human error.\n\nThis was human error.');
    const found = lint(text);
    assert.deepEqual(found.map((f) => `${f.rule} ${f.range.start.line + 1}`), ['blame-wording 8']);
  });

  it('disable-next-line for another rule does not silence blame-wording', () => {
    const text = body('<!-- postmortem-disable-next-line timeline-order -->\nThis was human error.');
    assert.deepEqual(lint(text).map((f) => `${f.rule} ${f.range.start.line + 1}`), ['blame-wording 6']);
  });

  it('disable ... enable silences a block', () => {
    const text = body('<!-- postmortem-disable blame-wording -->\nThis was human error.\n\nHe was careless.\n<!-- postmortem-enable blame-wording -->\n\nThis was human error.');
    assert.deepEqual(lint(text).map((f) => `${f.rule} ${f.range.start.line + 1}`), ['blame-wording 11']);
  });

  it('disable without rule names silences every rule until enable', () => {
    const text = body('<!-- postmortem-disable -->\nThis was human error.\n<!-- postmortem-enable -->\n\nHe was careless.');
    assert.deepEqual(lint(text).map((f) => `${f.rule} ${f.range.start.line + 1}`), ['blame-wording 9']);
  });

  it('disable-file silences every rule, or only the named ones', () => {
    const text = (directive: string) => `${directive}\n${postmortem({ summary: 'This was human error.', actions: '- [ ] Nobody owns this' })}`;
    assert.deepEqual(lint(text('<!-- postmortem-disable-file -->')), []);
    assert.deepEqual(
      lint(text('<!-- postmortem-disable-file blame-wording -->')).map((f) => f.rule),
      ['action-item-owner', 'action-item-deadline'],
    );
  });

  it('comments inside code blocks do not count', () => {
    const text = body('```\n<!-- postmortem-disable-file -->\n```\n\nThis was human error.');
    assert.deepEqual(lint(text).map((f) => f.rule), ['blame-wording']);
  });
});


describe('severities from configuration', () => {
  const text = postmortem({
    summary: 'This was human error.',
    actions: '- [ ] Retrain Dave on deployments — @lead, due 2026-04-01\n- [ ] Nobody owns this',
  });

  it('off, info and error override the defaults', () => {
    const config = resolveConfig({ rules: { 'blame-wording': 'error', 'action-item-owner': 'off', 'action-item-deadline': 'info' } }).config;
    const found = lint(text, config);
    assert.deepEqual(found.map((f) => `${f.rule} ${f.severity}`), ['blame-wording error', 'blame-wording info', 'action-item-deadline info']);
  });

  it('a finding keeps its milder severity ("Retrain Dave" stays info) but never gets harsher than the rule', () => {
    const atError = lint(text, resolveConfig({ rules: { 'blame-wording': 'error' } }).config).filter((f) => f.rule === 'blame-wording');
    assert.deepEqual(atError.map((f) => f.severity), ['error', 'info']);
    const atInfo = lint(text, resolveConfig({ rules: { 'blame-wording': 'info' } }).config).filter((f) => f.rule === 'blame-wording');
    assert.deepEqual(atInfo.map((f) => f.severity), ['info', 'info']);
  });

  it('`rules.<id>: level` keys work in .postmortemrc.yaml too', () => {
    const parsed = parseConfigFile('rules.blame-wording: info\nrules:\n  action-item-owner: off\n');
    assert.deepEqual(parsed.errors, []);
    const config = resolveConfig(parsed.config).config;
    assert.equal(config.rules['blame-wording'], 'info');
    assert.equal(config.rules['action-item-owner'], 'off');
  });
});


describe('deferred rules (the editor\'s first analysis in a fresh host)', () => {
  const text = fixture('examples/needs-work.postmortem.md');
  const key = (f: { rule: string; range: { start: { line: number; character: number } }; message: string }) => `${f.rule}@${f.range.start.line}:${f.range.start.character} ${f.message}`;

  it('leaves out exactly the deferred rule\'s findings and says which rule it left out', () => {
    const full = analyzeText(text, { today: TODAY });
    const quick = analyzeText(text, { today: TODAY, deferRules: ['blame-wording'] });
    assert.deepEqual(quick.deferred, ['blame-wording']);
    assert.equal(full.deferred, undefined);
    assert.ok(full.findings.filter((f) => f.rule === 'blame-wording').length >= 5, 'the example has blame wording to leave out');
    assert.deepEqual(quick.findings.map(key), full.findings.filter((f) => f.rule !== 'blame-wording').map(key));
  });

  it('a rule that is off is not deferred: nothing more is coming', () => {
    const { config } = resolveConfig(parseConfigFile('rules:\n  blame-wording: off\n').config);
    const quick = analyzeText(text, { today: TODAY, config, deferRules: ['blame-wording'] });
    assert.equal(quick.deferred, undefined);
  });
});
