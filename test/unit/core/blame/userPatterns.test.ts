import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/core/analyze';
import { parseConfigFile, resolveConfig, validateUserConfig } from '../../../../src/core/config';
import { compileUserPatterns, isCatastrophicPattern } from '../../../../src/core/blame/userPatterns';
import { loadCliConfig } from '../../../../src/cli/config';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('user patterns are untrusted: catastrophic backtracking is refused before use', () => {
  it('isCatastrophicPattern flags nested repetition and passes ordinary patterns and phrases', () => {
    for (const p of ['(a+)+$', '/(a+)+$/', '/(x+x+)+y/i', '^(\\w+\\s?)*$', '(.*a){30}']) assert.equal(isCatastrophicPattern(p), true, p);
    for (const p of ['careless(ly)?', '/\\bblam(e|ed)\\b/i', 'should have known', 'dropped the ball', '[', '']) assert.equal(isCatastrophicPattern(p), false, p);
  });

  it('compileUserPatterns drops the pattern with a finding that names the setting', () => {
    const { patterns, errors } = compileUserPatterns(['(a+)+$', 'careless(ly)?']);
    assert.deepEqual(patterns.map(String), ['/careless(ly)?/gi']);
    assert.deepEqual(errors, ['blameWording.extraPatterns[0] `(a+)+$` can take exponential time (nested repetition); it is ignored']);
  });

  it('VS Code settings: the message names postmortem.blameWording.extraPatterns[i]', () => {
    const errors: string[] = [];
    const config = validateUserConfig({ blameWording: { extraPatterns: ['fine', '/(a+)+$/'] } }, 'Settings', errors);
    assert.deepEqual(config.blameWording?.extraPatterns, ['fine']);
    assert.deepEqual(errors, ['Settings: postmortem.blameWording.extraPatterns[1] `/(a+)+$/` can take exponential time (nested repetition); it is ignored']);
    assert.deepEqual(resolveConfig(config).errors, [], 'reported once, not again when compiled');
  });

  it('.postmortemrc.yaml and the CLI --config: refused with the file and the key', () => {
    const text = 'blameWording:\n  extraPatterns:\n    - "(a+)+$"\n    - "careless(ly)?"\n';
    assert.deepEqual(parseConfigFile(text).errors, ['.postmortemrc.yaml: blameWording.extraPatterns[0] `(a+)+$` can take exponential time (nested repetition); it is ignored']);
    const dir = mkdtempSync(join(tmpdir(), 'pm-patterns-'));
    try {
      const file = join(dir, 'team.yaml');
      writeFileSync(file, text);
      const loaded = loadCliConfig(file, dir);
      assert.deepEqual(loaded.config.blameWording.extraPatterns, ['careless(ly)?']);
      assert.deepEqual(loaded.errors, [`${file}: blameWording.extraPatterns[0] \`(a+)+$\` can take exponential time (nested repetition); it is ignored`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('lint with the refused pattern stays fast on the input that would make it run for seconds', () => {
    const config = resolveConfig(parseConfigFile('blameWording:\n  extraPatterns: ["(a+)+$"]\n').config).config;
    const text = `## Summary\n\n${'a'.repeat(40)}!\n`;
    const started = performance.now();
    analyzeText(text, { config });
    assert.ok(performance.now() - started < 2000);
    // Passed to the rule directly (not through the config), it is refused there too.
    const direct = resolveConfig().config;
    direct.blameWording.extraPatterns = ['(a+)+$'];
    const t0 = performance.now();
    analyzeText(text, { config: direct });
    assert.ok(performance.now() - t0 < 2000);
  });
});
