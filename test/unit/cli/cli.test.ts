import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCliConfig } from '../../../src/cli/config';
import { runCli } from '../../../src/cli/main';
import { analyzeText } from '../../../src/core/analyze';
import { RULES } from '../../../src/core/rules/index';
import { FIXTURES } from '../helpers';

const TODAY = '2026-03-20';
const EXAMPLES = join(FIXTURES, 'examples');
const CHECKOUT = join(EXAMPLES, 'checkout-latency.postmortem.md');
const FIRMWARE = join(EXAMPLES, 'firmware-ota.postmortem.md');
const NEEDS_WORK = join(EXAMPLES, 'needs-work.postmortem.md');

interface Run {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process; colours are stripped so that a TTY does not change the text. */
function cli(...argv: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  // eslint-disable-next-line no-control-regex
  const plain = (parts: string[]) => parts.join('\n').replace(/\u001b\[[0-9;]*m/g, '');
  return { code, out: plain(out), err: plain(err) };
}

interface JsonFinding {
  rule: string;
  severity: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

function lintJson(...args: string[]): { code: number; results: Array<{ file: string; findings: JsonFinding[] }>; err: string } {
  const run = cli('lint', '--format', 'json', '--today', TODAY, '--config', tmp.emptyConfig, ...args);
  return { code: run.code, results: JSON.parse(run.out), err: run.err };
}

/** Temporary files: configurations and small post-mortems. */
const tmp = {
  dir: '',
  emptyConfig: '',
  rulesOffConfig: '',
  badConfig: '',
  warningsOnly: '',
  clean: '',
};

const CLEAN = `# Checkout errors

## Summary

Checkout returned errors for twenty minutes after a config change.

## Impact

About 3% of checkout requests failed.

## Timeline

- 10:00 — [started] Config change deployed
- 10:05 — [detected] Error alert fires
- 10:20 — [resolved] Change rolled back

## Root Cause

The deploy pipeline accepted a config that no check validated.

## Action Items

- [ ] Validate configs in the deploy pipeline — @sam, due 2026-04-01
`;

describe('cli', () => {
  before(() => {
    tmp.dir = mkdtempSync(join(tmpdir(), 'postmortem-cli-'));
    const write = (name: string, text: string) => {
      const path = join(tmp.dir, name);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
      return path;
    };
    tmp.emptyConfig = write('empty/.postmortemrc.yaml', '');
    tmp.rulesOffConfig = write('off/.postmortemrc.yaml', 'rules:\n  blame-wording: off\n  front-matter: off\n  action-item-deadline: off\n  timeline-time-invalid: warning\n');
    tmp.badConfig = write('bad/.postmortemrc.yaml', 'rules:\n  no-such-rule: error\n  blame-wording: off\n');
    // Three warnings, no errors: two missing deadlines and a missing owner.
    tmp.warningsOnly = write('docs/warnings.postmortem.md', CLEAN.replace('- [ ] Validate configs in the deploy pipeline — @sam, due 2026-04-01', '- [ ] Validate configs — @sam\n- [ ] Add a canary stage'));
    tmp.clean = write('docs/clean.postmortem.md', CLEAN);
    write('docs/notes/incident-7.md', CLEAN.replace('@sam', ''));
  });

  after(() => {
    rmSync(tmp.dir, { recursive: true, force: true });
  });

  describe('cli: lint --format json', () => {
    it('reports needs-work with 1-based positions and exit code 1', () => {
      const { code, results } = lintJson(NEEDS_WORK);
      assert.equal(code, 1);
      assert.equal(results.length, 1);
      assert.equal(results[0].file, NEEDS_WORK);
      for (const f of results[0].findings) {
        assert.deepEqual(Object.keys(f).sort(), ['column', 'endColumn', 'endLine', 'line', 'message', 'rule', 'severity']);
        assert.ok(Number.isInteger(f.line) && f.line >= 1 && f.column >= 1 && f.endLine >= f.line && f.endColumn >= 1, JSON.stringify(f));
      }
      assert.deepEqual(results[0].findings[0], {
        rule: 'front-matter',
        severity: 'error',
        line: 3,
        column: 11,
        endLine: 3,
        endColumn: 15,
        message: '`SEV7` is not a severity; use one of SEV1, SEV2, SEV3, SEV4, SEV5, P0, P1, P2, P3, P4, critical, high, medium, low.',
      });
      const human = results[0].findings.find((f) => f.rule === 'blame-wording' && f.message.includes('human error'));
      assert.deepEqual(human && [human.rule, human.severity, human.line, human.column, human.endLine, human.endColumn], ['blame-wording', 'warning', 12, 71, 12, 82]);
    });

    it('matches the core findings one to one', () => {
      const { results } = lintJson(NEEDS_WORK);
      const { findings } = analyzeText(readFileSync(NEEDS_WORK, 'utf8'), { today: TODAY });
      assert.deepEqual(
        results[0].findings.map((f) => `${f.rule} ${f.severity} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.message}`),
        findings.map((f) => `${f.rule} ${f.severity} ${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.message}`),
      );
    });

    it('walks directories in name order and lists clean files with no findings', () => {
      const { code, results } = lintJson(EXAMPLES);
      assert.equal(code, 1);
      assert.deepEqual(results.map((r) => relative(EXAMPLES, r.file)), ['checkout-latency.postmortem.md', 'firmware-ota.postmortem.md', 'needs-work.postmortem.md']);
      assert.deepEqual(results.map((r) => r.findings.length), [0, 0, 17]);
    });
  });

  describe('cli: lint --format sarif (checked by hand against SARIF 2.1.0)', () => {
    type Json = Record<string, unknown>;
    const LEVELS = ['none', 'note', 'warning', 'error'];
    let log: Json;
    let code: number;

    before(() => {
      const run = cli('lint', '--format', 'sarif', '--today', TODAY, '--config', tmp.emptyConfig, EXAMPLES);
      code = run.code;
      log = JSON.parse(run.out);
    });

    const obj = (value: unknown, what: string): Json => {
      assert.ok(typeof value === 'object' && value !== null && !Array.isArray(value), `${what} should be an object`);
      return value as Json;
    };
    const arr = (value: unknown, what: string): unknown[] => {
      assert.ok(Array.isArray(value), `${what} should be an array`);
      return value;
    };
    const text = (value: unknown, what: string): string => {
      const message = obj(value, what);
      assert.equal(typeof message.text, 'string', `${what}.text`);
      assert.ok((message.text as string).trim().length > 0, `${what}.text is empty`);
      return message.text as string;
    };

    it('sarifLog: version 2.1.0, a schema, one run with a named tool driver', () => {
      assert.equal(code, 1);
      assert.equal(log.version, '2.1.0');
      assert.match(String(log.$schema), /sarif-2\.1\.0/);
      const runs = arr(log.runs, 'runs');
      assert.equal(runs.length, 1);
      const driver = obj(obj(obj(runs[0], 'run').tool, 'tool').driver, 'driver');
      assert.equal(driver.name, 'postmortem');
      assert.equal(typeof driver.version, 'string');
      assert.doesNotThrow(() => new URL(String(driver.informationUri)));
    });

    it('driver.rules: every rule, in order, with descriptions, help text, help URI and default level', () => {
      const run = obj(arr(log.runs, 'runs')[0], 'run');
      const rules = arr(obj(obj(run.tool, 'tool').driver, 'driver').rules, 'rules').map((r, i) => obj(r, `rules[${i}]`));
      assert.deepEqual(rules.map((r) => r.id), RULES.map((r) => r.id));
      rules.forEach((r, i) => {
        const def = RULES[i];
        assert.equal(text(r.shortDescription, `${def.id}.shortDescription`), def.description);
        assert.equal(text(r.fullDescription, `${def.id}.fullDescription`), def.rationale);
        const help = text(r.help, `${def.id}.help`);
        assert.ok(help.includes(def.rationale) && help.includes(def.bad.shown) && help.includes(def.good.shown), `${def.id}.help`);
        assert.equal(typeof obj(r.help, 'help').markdown, 'string');
        const uri = new URL(String(r.helpUri));
        assert.equal(uri.hash, `#${def.id}`);
        assert.match(uri.pathname, /docs\/rules\.md$/);
        const level = obj(r.defaultConfiguration, `${def.id}.defaultConfiguration`).level;
        assert.ok(LEVELS.includes(String(level)), `${def.id} level ${level}`);
        assert.equal(level, { error: 'error', warning: 'warning', info: 'note', off: 'none' }[def.defaultSeverity]);
      });
    });

    it('results: valid ruleIndex, level, message and 1-based regions that match the JSON output', () => {
      const run = obj(arr(log.runs, 'runs')[0], 'run');
      const rules = arr(obj(obj(run.tool, 'tool').driver, 'driver').rules, 'rules').map((r) => obj(r, 'rule'));
      const results = arr(run.results, 'results').map((r, i) => obj(r, `results[${i}]`));
      const json = lintJson(EXAMPLES).results.flatMap((r) => r.findings);
      assert.equal(results.length, json.length);
      results.forEach((result, i) => {
        const index = result.ruleIndex as number;
        assert.ok(Number.isInteger(index) && index >= 0 && index < rules.length, `ruleIndex ${index}`);
        assert.equal(rules[index].id, result.ruleId);
        assert.ok(LEVELS.includes(String(result.level)));
        assert.equal(text(result.message, 'message'), json[i].message);
        const locations = arr(result.locations, 'locations');
        assert.equal(locations.length, 1);
        const physical = obj(obj(locations[0], 'location').physicalLocation, 'physicalLocation');
        const uri = String(obj(physical.artifactLocation, 'artifactLocation').uri);
        assert.ok(!uri.includes('\\') && (uri.startsWith('file:') || !uri.startsWith('/')), uri);
        const region = obj(physical.region, 'region') as Record<string, number>;
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) assert.ok(Number.isInteger(region[key]) && region[key] >= 1, `${key} ${region[key]}`);
        assert.ok(region.endLine > region.startLine || region.endColumn > region.startColumn, `empty or inverted region ${JSON.stringify(region)}`);
        assert.deepEqual([region.startLine, region.startColumn, region.endLine], [json[i].line, json[i].column, json[i].endLine]);
        assert.equal(result.level, { error: 'error', warning: 'warning', info: 'note' }[json[i].severity]);
      });
      const first = results[0];
      const artifact = obj(obj(obj(arr(first.locations, 'locations')[0], 'l').physicalLocation, 'p').artifactLocation, 'a');
      assert.equal(artifact.uri, 'test/fixtures/examples/needs-work.postmortem.md');
    });
  });

  describe('cli: lint --format stylish', () => {
    it('groups findings under the file, with line:column, level, message and rule, then a summary', () => {
      const { code, out } = cli('lint', '--today', TODAY, '--config', tmp.emptyConfig, NEEDS_WORK);
      assert.equal(code, 1);
      const lines = out.split('\n');
      assert.equal(lines[0], relative(process.cwd(), NEEDS_WORK));
      assert.equal(lines[1], '  3:11     error    `SEV7` is not a severity; use one of SEV1, SEV2, SEV3, SEV4, SEV5, P0, P1, P2, P3, P4, critical, high, medium, low.  front-matter');
      assert.ok(lines.includes('  31:43    info     Deadline 2025-01-10 passed: overdue by 434 days. Finish, re-plan or close this item.  action-item-overdue'));
      assert.equal(lines.at(-1), '17 problems (5 errors, 10 warnings, 2 info) in 1 file');
    });

    it('says so when everything is clean', () => {
      const run = cli('lint', '--today', TODAY, '--config', tmp.emptyConfig, CHECKOUT, FIRMWARE);
      assert.deepEqual(run, { code: 0, out: '2 files checked, no problems.', err: '' });
    });

    it('is the default format', () => {
      const a = cli('lint', '--today', TODAY, '--config', tmp.emptyConfig, NEEDS_WORK);
      const b = cli('lint', '--format', 'stylish', '--today', TODAY, '--config', tmp.emptyConfig, NEEDS_WORK);
      assert.deepEqual(a, b);
    });
  });

  describe('cli: lint exit codes', () => {
    it('0 when there are only warnings and no --max-warnings', () => {
      const { code, results } = lintJson(tmp.warningsOnly);
      assert.equal(code, 0);
      assert.deepEqual(results[0].findings.map((f) => `${f.rule} ${f.severity}`), ['action-item-deadline warning', 'action-item-owner warning', 'action-item-deadline warning']);
    });

    it('--max-warnings N fails only above N warnings', () => {
      const base = ['lint', '--today', TODAY, '--config', tmp.emptyConfig, tmp.warningsOnly];
      assert.equal(cli(...base, '--max-warnings', '3').code, 0);
      assert.equal(cli(...base, '--max-warnings', '2').code, 1);
      assert.equal(cli(...base, '--max-warnings', '0').code, 1);
      assert.equal(cli('lint', '--today', TODAY, '--config', tmp.emptyConfig, '--max-warnings', '0', tmp.clean).code, 0);
    });

    it('1 on errors, whatever --max-warnings says', () => {
      assert.equal(cli('lint', '--today', TODAY, '--config', tmp.emptyConfig, '--max-warnings', '100', NEEDS_WORK).code, 1);
    });

    it('2 on usage errors, with a message and the usage on stderr', () => {
      const cases: Array<[string[], RegExp]> = [
        [['--format', 'xml', NEEDS_WORK], /unknown format 'xml' \(expected stylish, json, sarif\)/],
        [[join(tmp.dir, 'missing.postmortem.md')], /missing\.postmortem\.md: no such file or directory/],
        [['--today', '20-03-2026', NEEDS_WORK], /--today expects a date YYYY-MM-DD, got '20-03-2026'/],
        [['--max-warnings', 'many', NEEDS_WORK], /--max-warnings expects a whole number, got 'many'/],
        [['--max-warnings=-1', NEEDS_WORK], /--max-warnings expects a whole number, got '-1'/],
        [['--bogus', NEEDS_WORK], /Unknown option '--bogus'/],
      ];
      for (const [args, message] of cases) {
        const run = cli('lint', '--config', tmp.emptyConfig, ...args);
        assert.equal(run.code, 2, args.join(' '));
        assert.equal(run.out, '', args.join(' '));
        assert.match(run.err, message);
        assert.match(run.err, /^postmortem lint: /);
        assert.match(run.err, /Usage: postmortem lint/);
      }
    });

    it('2 on an unknown command, and without any command', () => {
      const unknown = cli('nope');
      assert.equal(unknown.code, 2);
      assert.match(unknown.err, /^postmortem: unknown command 'nope'/);
      const none = cli();
      assert.equal(none.code, 2);
      assert.match(none.out, /^Usage: postmortem <command>/);
    });
  });

  describe('cli: lint --config', () => {
    it('a .postmortemrc.yaml turns rules off and changes severities', () => {
      const { code, results, err } = lintJson('--config', tmp.rulesOffConfig, NEEDS_WORK);
      assert.equal(err, '');
      const rules = new Set(results[0].findings.map((f) => f.rule));
      for (const off of ['blame-wording', 'front-matter', 'action-item-deadline']) assert.ok(!rules.has(off), off);
      assert.deepEqual(results[0].findings.filter((f) => f.rule === 'timeline-time-invalid').map((f) => f.severity), ['warning']);
      assert.deepEqual(results[0].findings.filter((f) => f.severity === 'error').map((f) => f.rule), ['action-item-deadline-invalid']);
      assert.equal(code, 1);
    });

    it('problems in the configuration go to stderr; the valid parts still apply', () => {
      const { results, err } = lintJson('--config', tmp.badConfig, NEEDS_WORK);
      assert.match(err, /^postmortem: configuration: .*bad\/\.postmortemrc\.yaml: unknown rule "no-such-rule"/);
      assert.ok(!results[0].findings.some((f) => f.rule === 'blame-wording'));
    });

    it('a missing --config file is a usage error', () => {
      const run = cli('lint', '--config', join(tmp.dir, 'nope.yaml'), NEEDS_WORK);
      assert.equal(run.code, 2);
      assert.match(run.err, /nope\.yaml: cannot read \(ENOENT\)/);
    });

    it('--config is checked against the JSON schema the editor uses; each problem is named once', () => {
      const config = join(tmp.dir, 'schema.yaml');
      writeFileSync(config, 'rules:\n  blame-wording: loud\ncolour: blue\nagenda:\n  - title: ""\n    minutes: 0\n  - minutes: 5\ndebounce: 99999\n');
      const { err } = lintJson('--config', config, NEEDS_WORK);
      const lines = err.split('\n').map((l) => l.replace(/^postmortem: configuration: .*schema\.yaml: /, ''));
      assert.deepEqual(lines, [
        'unknown key "colour"',
        'rule "blame-wording" should be off, info, warning or error, not "loud"',
        'debounce: must be <= 5000 (schema)',
        'agenda.0.title: must NOT have fewer than 1 characters (schema)',
        'agenda.0.minutes: must be > 0 (schema)',
        "agenda.1: must have required property 'title' (schema)",
      ]);
    });

    it('the schema validator is compiled from schemas/postmortemrc.schema.json and up to date', () => {
      const run = spawnSync(process.execPath, [join(import.meta.dirname, '..', '..', '..', 'scripts', 'compile-schemas.mjs'), '--check'], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
    });

    it('without --config, the nearest .postmortemrc.yaml upwards is used', () => {
      const found = loadCliConfig(undefined, join(tmp.dir, 'off'));
      assert.equal(found.file, tmp.rulesOffConfig);
      assert.equal(found.config.rules['blame-wording'], 'off');
    });

    it('filePatterns from the configuration add files when walking a directory', () => {
      const config = join(tmp.dir, 'patterns.yaml');
      writeFileSync(config, 'filePatterns: ["notes/incident-*.md"]\n');
      const run = cli('lint', '--format', 'json', '--today', TODAY, '--config', config, join(tmp.dir, 'docs'));
      const files = (JSON.parse(run.out) as Array<{ file: string }>).map((r) => relative(tmp.dir, r.file).split('\\').join('/'));
      assert.deepEqual(files, ['docs/clean.postmortem.md', 'docs/notes/incident-7.md', 'docs/warnings.postmortem.md']);
    });
  });

  describe('cli: timeline', () => {
    it('checkout-latency as JSON: 8 events, TTD 14, TTM 53, TTR 92', () => {
      const run = cli('timeline', '--format', 'json', CHECKOUT);
      assert.equal(run.code, 0);
      const data = JSON.parse(run.out);
      assert.equal(data.file, CHECKOUT);
      assert.equal(data.events.length, 8);
      assert.deepEqual(data.events[0], { time: '2026-03-14T13:40:00Z', line: 34, text: 'Deploy of payments-client 4.2.0 to EU checkout starts', phase: null });
      assert.deepEqual(data.events.map((e: { phase: string | null }) => e.phase).filter(Boolean), ['started', 'detected', 'mitigated', 'resolved']);
      assert.deepEqual(data.metrics, { ttdMinutes: 14, ttmMinutes: 53, ttrMinutes: 92, durationMinutes: 92 });
    });

    it('firmware-ota as JSON: 7 events over two days in +02:00', () => {
      const data = JSON.parse(cli('timeline', '--format', 'json', FIRMWARE).out);
      assert.equal(data.events.length, 7);
      assert.deepEqual(data.events.map((e: { time: string }) => e.time), [
        '2026-05-02T09:00:00+02:00',
        '2026-05-02T09:40:00+02:00',
        '2026-05-02T10:15:00+02:00',
        '2026-05-02T10:22:00+02:00',
        '2026-05-02T23:30:00+02:00',
        '2026-05-03T08:10:00+02:00',
        '2026-05-03T17:05:00+02:00',
      ]);
      assert.deepEqual(data.events.map((e: { line: number }) => e.line), [29, 30, 31, 32, 33, 39, 40]);
      assert.deepEqual(data.metrics, { ttdMinutes: 75, ttmMinutes: 1390, ttrMinutes: 1925, durationMinutes: 1925 });
    });

    it('as text: title, zone, one line per event, and the metrics', () => {
      const run = cli('timeline', CHECKOUT);
      const lines = run.out.split('\n');
      assert.equal(lines[0], 'Checkout latency spike after payments client upgrade (times UTC)');
      assert.equal(lines[2], '   35  2026-03-14 13:48  [started] p99 checkout latency rises above the 2 s SLO');
      assert.equal(lines.at(-1), 'TTD 14 min · TTM 53 min · TTR 1 h 32 min');
      assert.equal(cli('timeline', FIRMWARE).out.split('\n').at(-1), 'TTD 1 h 15 min · TTM 23 h 10 min · TTR 1 d 8 h');
    });

    it('needs exactly one file', () => {
      const run = cli('timeline', CHECKOUT, FIRMWARE);
      assert.equal(run.code, 2);
      assert.match(run.err, /expected exactly one file/);
    });
  });

  describe('cli: actions', () => {
    interface Row {
      file: string;
      line: number;
      text: string;
      owner: string | null;
      due: string | null;
      done: boolean;
      state: string;
      overdue: boolean;
    }
    const rows = (...args: string[]): Row[] => JSON.parse(cli('actions', '--format', 'json', '--today', TODAY, ...args).out);

    it('lists every item of a file, done or not', () => {
      const all = rows(CHECKOUT);
      assert.deepEqual(all.map((r) => [r.line, r.owner, r.due, r.done]), [
        [62, '@maria', '2026-03-21', false],
        [63, '@dev.k', '2026-03-25', false],
        [64, 'Priya Natarajan', '2026-04-15', false],
        [65, '@oncall-eu', '2026-03-14', true],
      ]);
    });

    it('--open leaves out done items', () => {
      const open = rows('--open', EXAMPLES);
      assert.equal(open.length, 10);
      assert.ok(open.every((r) => !r.done));
      assert.deepEqual(open.filter((r) => r.file === NEEDS_WORK).map((r) => [r.line, r.text, r.owner, r.due]), [
        [28, 'Add config validation to the deploy pipeline', null, null],
        [29, 'Write a runbook for login outages', '@sam', null],
        [30, 'Retrain Dave on deployments', 'team lead', null],
        [31, 'Review alert thresholds', '@kim', '2025-01-10'],
      ]);
    });

    it('--overdue keeps open items past their deadline, measured against --today', () => {
      assert.deepEqual(rows('--overdue', EXAMPLES), [{ file: NEEDS_WORK, line: 31, text: 'Review alert thresholds', owner: '@kim', due: '2025-01-10', done: false, state: 'overdue by 434 days', overdue: true }]);
      const later = JSON.parse(cli('actions', '--format', 'json', '--overdue', '--today', '2026-05-01', EXAMPLES).out) as Row[];
      assert.deepEqual(later.map((r) => `${relative(EXAMPLES, r.file)}:${r.line}`), [
        'checkout-latency.postmortem.md:62',
        'checkout-latency.postmortem.md:63',
        'checkout-latency.postmortem.md:64',
        'needs-work.postmortem.md:31',
      ]);
    });

    it('--format markdown renders a table with overdue items flagged', () => {
      const run = cli('actions', '--format', 'markdown', '--open', '--today', TODAY, NEEDS_WORK);
      assert.equal(run.code, 0);
      const lines = run.out.split('\n');
      assert.equal(lines[0], '| Action | Owner | Due | Status | Where |');
      assert.equal(lines[1], '|---|---|---|---|---|');
      assert.equal(lines.length, 6);
      assert.equal(lines[2], `| Add config validation to the deploy pipeline | — | — | open | ${NEEDS_WORK}:28 |`);
      assert.equal(lines[5], `| Review alert thresholds | @kim | 2025-01-10 ⚠ | open (overdue by 434 days) | ${NEEDS_WORK}:31 |`);
    });

    it('text format (default) shows owner, deadline and overdue notes', () => {
      const run = cli('actions', '--today', TODAY, NEEDS_WORK);
      const lines = run.out.split('\n');
      assert.equal(lines[0], `${NEEDS_WORK}:28  [ ] Add config validation to the deploy pipeline — no owner, no deadline`);
      assert.equal(lines[3], `${NEEDS_WORK}:31  [ ] Review alert thresholds — @kim, due 2025-01-10 (overdue by 434 days)`);
    });

    it('usage errors exit 2', () => {
      assert.equal(cli('actions', '--today', TODAY).code, 2);
      assert.equal(cli('actions', '--today', 'tomorrow', EXAMPLES).code, 2);
      assert.equal(cli('actions', '--format', 'csv', EXAMPLES).code, 2);
    });
  });

  describe('cli: --help', () => {
    for (const command of ['lint', 'summary', 'timeline', 'actions']) {
      it(`${command} --help prints its usage and exits 0`, () => {
        for (const flag of ['--help', '-h']) {
          const run = cli(command, flag);
          assert.equal(run.code, 0);
          assert.match(run.out, new RegExp(`^Usage: postmortem ${command}\\b`));
          assert.equal(run.err, '');
        }
      });
    }

    it('top-level --help lists every command and exits 0', () => {
      const run = cli('--help');
      assert.equal(run.code, 0);
      for (const command of ['lint', 'summary', 'timeline', 'actions']) assert.match(run.out, new RegExp(`^  ${command}\\s+\\S`, 'm'));
    });

    it('lint --help documents the exit codes', () => {
      assert.match(cli('lint', '--help').out, /Exit codes: 0 clean, 1 errors or too many warnings, 2 usage or I\/O error\./);
    });
  });

  describe('cli: module entry point', () => {
    // Regression (fixed; src/cli/main.ts, `isMain`): any entry script whose name ends in cli.js/main.js counts as "main" — mocha's own
    // lib/cli/cli.js included — so importing `runCli` from such a script also runs the CLI on the importer's argv.
    it('importing runCli from a script named cli.mjs does not run the CLI', () => {
      const wrapper = join(tmp.dir, 'wrapper', 'cli.mjs');
      mkdirSync(dirname(wrapper), { recursive: true });
      writeFileSync(wrapper, "const { runCli } = await import(process.env.PM_MAIN);\nprocess.stdout.write(typeof runCli);\n");
      const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
      const main = join(root, 'src', 'cli', 'main.ts');
      const child = spawnSync(process.execPath, ['--import', 'tsx', wrapper, 'nope'], { cwd: root, env: { ...process.env, PM_MAIN: main }, encoding: 'utf8' });
      assert.deepEqual([child.status, child.stdout, child.stderr], [0, 'function', '']);
    });
  });
});
