import assert from 'node:assert/strict';
import { resolveConfig } from '../../../../src/core/config';
import { RULE_IDS } from '../../../../src/core/rules/types';
import { sliceRange, where, only, lint } from './helpers';

describe('rule blame-wording', () => {
  const text = [
    '## Root Cause',
    '',
    'Login was down because Dave pushed a bad config. This was human error.',
    'The on-call engineer should have checked the config. Dave failed to follow the',
    'checklist and was careless with the production flag.',
  ].join('\n');

  it('flags blame-focused wording with exact ranges and the pattern advice', () => {
    const found = lint(text, only('blame-wording'));
    assert.deepEqual(found.map(where), ['3:16-3:35', '3:59-3:70', '4:1-4:52', '4:54-4:75', '5:19-5:27']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['because Dave pushed', 'human error', 'The on-call engineer should have checked the config', 'Dave failed to follow', 'careless']);
    assert.ok(found.every((f) => f.severity === 'warning'));
    // Each message names the agent and the words that put the failure on them.
    assert.deepEqual(found.map((f) => [f.blame?.category, f.blame?.agent ?? null]), [
      ['attribution', 'Dave'],
      ['label', null],
      ['counterfactual', 'The on-call engineer'],
      ['conduct', 'Dave'],
      ['judgement', 'Dave'],
    ]);
    assert.match(found[1].message, /^“human error” ends the inquiry at a person\./);
    assert.match(found[0].message, /“Dave”/);
  });

  it('leaves systems, quotes and code alone', () => {
    const clean = [
      '## Root Cause',
      '',
      'The circuit breaker failed to open. It should have been caught by the load test.',
      '',
      '> This was human error.',
      '',
      'The `human_error` counter rose; the docs call it "human error" in quotes.',
    ].join('\n');
    assert.deepEqual(lint(clean, only('blame-wording')), []);
  });

  it('reports "Retrain Dave" in an action item at info level', () => {
    const item = '## Action Items\n\n- [ ] Retrain Dave on deployments — owner: team lead, due 2026-04-01\n';
    const found = lint(item, only('blame-wording'));
    assert.deepEqual(found.map(where), ['3:7-3:19']);
    assert.equal(sliceRange(item, found[0].range), 'Retrain Dave');
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /^“Retrain Dave” aims the remedy at “Dave”, not at the system\./);
  });

  it('uses blameWording.extraPatterns and blameWording.allow', () => {
    const prose = '## Summary\n\nSome cowboy coding happened. The human error budget test fired.\n';
    const withExtra = resolveConfig({ rules: Object.fromEntries(RULE_IDS.map((id) => [id, id === 'blame-wording' ? 'warning' : 'off'])), blameWording: { extraPatterns: ['cowboy coding'], allow: ['human error budget'] } });
    const found = lint(prose, withExtra.config);
    assert.deepEqual(found.map(where), ['3:6-3:19']);
    assert.equal(sliceRange(prose, found[0].range), 'cowboy coding');
    assert.equal(found[0].message, '“cowboy coding” is on the blame-wording list in your settings. Describe the systems, conditions and decisions involved rather than the person.');
  });
});

