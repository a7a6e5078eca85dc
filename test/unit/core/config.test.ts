import assert from 'node:assert/strict';
import { parseConfigFile, resolveConfig, validateUserConfig, type UserConfig } from '../../../src/core/config';
import { RULES } from '../../../src/core/rules/index';
import { RULE_IDS } from '../../../src/core/rules/types';
import { lint, postmortem } from './rules/helpers';

describe('configuration precedence: defaults < .postmortemrc.yaml < settings', () => {
  const file = parseConfigFile(
    [
      'rules:',
      '  action-item-owner: error',
      '  action-item-deadline: off',
      'requiredSections: [Summary, Impact]',
      'blameWording:',
      '  extraPatterns: ["cowboy coding"]',
      'filePatterns: ["docs/postmortems/*.md"]',
      'maxFileSize: 200000',
      'timezone: Europe/Berlin',
    ].join('\n'),
  );

  it('the file parses without errors', () => {
    assert.deepEqual(file.errors, []);
  });

  it('the file overrides the defaults', () => {
    const result = resolveConfig(file.config);
    assert.equal(result.config.rules['action-item-owner'], 'error');
    assert.equal(result.config.rules['action-item-deadline'], 'off');
    assert.equal(result.config.rules['blame-wording'], 'warning');
    assert.deepEqual(result.config.requiredSections, ['summary', 'impact']);
    assert.deepEqual(result.config.blameWording.extraPatterns, ['cowboy coding']);
    assert.deepEqual(result.filePatterns, ['docs/postmortems/*.md']);
    assert.equal(result.maxFileSize, 200000);
    assert.equal(result.timezone, 'Europe/Berlin');
  });

  it('settings override the file, key by key', () => {
    const settingsErrors: string[] = [];
    const settings: UserConfig = validateUserConfig({ rules: { 'action-item-owner': 'info' }, requiredSections: ['Timeline'], timezone: 'UTC' }, 'Settings', settingsErrors);
    assert.deepEqual(settingsErrors, []);
    const result = resolveConfig(file.config, settings);
    assert.equal(result.config.rules['action-item-owner'], 'info');
    assert.equal(result.config.rules['action-item-deadline'], 'off');
    assert.deepEqual(result.config.requiredSections, ['timeline']);
    assert.deepEqual(result.config.blameWording.extraPatterns, ['cowboy coding']);
    assert.equal(result.timezone, 'UTC');
    assert.equal(result.maxFileSize, 200000);
  });

  it('without layers, the defaults are the rules\' default severities', () => {
    const result = resolveConfig();
    for (const rule of RULES) assert.equal(result.config.rules[rule.id], rule.defaultSeverity);
    assert.deepEqual(result.config.requiredSections, ['summary', 'impact', 'timeline', 'rootCause', 'actionItems']);
    assert.deepEqual(result.errors, []);
  });
});


describe('invalid configuration gives clear errors and never throws', () => {
  it('bad YAML', () => {
    const parsed = parseConfigFile('rules: [oops\n');
    assert.deepEqual(parsed.config, {});
    assert.equal(parsed.errors.length, 1);
    assert.match(parsed.errors[0], /^\.postmortemrc\.yaml: /);
  });

  // Regression (fixed; src/core/config.ts parseConfigFile): `prettyErrors: false` leaves `linePos` unset, so every YAML error says "(line ?)".
  it('bad YAML: names the line of the error', () => {
    const parsed = parseConfigFile('rules:\n  a: b\n c: d\n');
    assert.match(parsed.errors[0], /\(line 3\)/);
  });

  it('a list or scalar instead of a mapping', () => {
    assert.deepEqual(parseConfigFile('- a\n- b\n').errors, ['.postmortemrc.yaml: expected a mapping of settings (rules, requiredSections, blameWording, ...)']);
    assert.deepEqual(parseConfigFile('').errors, []);
  });

  it('unknown rule, bad severity value, unknown section, unknown key — the valid parts are kept', () => {
    const parsed = parseConfigFile('rules:\n  no-such-rule: error\n  blame-wording: loud\n  empty-section: off\nfoo: 1\nrequiredSections: [Summary, Nonsense]\n');
    assert.deepEqual(parsed.errors, [
      '.postmortemrc.yaml: unknown key "foo"',
      `.postmortemrc.yaml: unknown rule "no-such-rule" (known: ${RULE_IDS.join(', ')})`,
      '.postmortemrc.yaml: rule "blame-wording" should be off, info, warning or error, not "loud"',
      '.postmortemrc.yaml: unknown section "Nonsense" in requiredSections (known: Summary, Impact, Timeline, Root Cause, Detection, Response, Resolution, Action Items, Lessons Learned, Follow-up Review, Metrics)',
    ]);
    assert.deepEqual(parsed.config.rules, { 'empty-section': 'off' });
    assert.deepEqual(parsed.config.requiredSections, ['Summary']);
    const config = resolveConfig(parsed.config).config;
    assert.equal(config.rules['blame-wording'], 'warning');
    assert.equal(config.rules['empty-section'], 'off');
  });

  it('wrong types for every key', () => {
    const parsed = parseConfigFile('rules: off\nrequiredSections: Summary\nblameWording: [a]\nfilePatterns: x\nmaxFileSize: -1\ntimezone: 3\n');
    assert.deepEqual(parsed.errors, [
      '.postmortemrc.yaml: "rules" should map rule ids to off, info, warning or error',
      '.postmortemrc.yaml: "requiredSections" should be a list of section names',
      '.postmortemrc.yaml: "blameWording" should have "extraPatterns" and/or "allow" lists',
      '.postmortemrc.yaml: "filePatterns" should be a list of glob patterns',
      '.postmortemrc.yaml: "maxFileSize" should be a positive number of characters',
      '.postmortemrc.yaml: "timezone" should be a string like UTC or Europe/Berlin',
    ]);
    assert.deepEqual(parsed.config, {});
  });

  it('a bad extra regex is reported; the other patterns still work', () => {
    const parsed = parseConfigFile('blameWording:\n  extraPatterns: ["/(unclosed/", "cowboy coding"]\n');
    assert.deepEqual(parsed.errors, []);
    const result = resolveConfig(parsed.config);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0], /^blameWording\.extraPatterns: Invalid blame-wording pattern "\/\(unclosed\/": /);
    const found = lint(postmortem({ summary: 'Some cowboy coding happened.' }), result.config);
    assert.deepEqual(found.map((f) => f.rule), ['blame-wording']);
  });

  it('uses the given file name in messages', () => {
    assert.deepEqual(parseConfigFile('foo: 1\n', 'team/.postmortemrc.yml').errors, ['team/.postmortemrc.yml: unknown key "foo"']);
  });

  it('never throws on odd input', () => {
    for (const text of ['\u0000\u0001', ':::', '[1, 2', 'rules:\n  - a\n', 'rules: { a: { b: c } }', '!!binary x', '*alias', '---\n---\n', 'rules: ~']) {
      assert.doesNotThrow(() => {
        const parsed = parseConfigFile(text);
        resolveConfig(parsed.config);
      }, JSON.stringify(text));
    }
  });
});

