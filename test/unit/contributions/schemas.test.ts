import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { parseConfigFile } from '../../../src/core/config';
import { parseGlossaryFile } from '../../../src/core/glossary/glossary';
import { RULE_IDS } from '../../../src/core/rules/types';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
// ajv is a devDependency: scripts/compile-schemas.mjs compiles the rc schema for the CLI with it.
const Ajv = createRequire(import.meta.url)('ajv') as new (options?: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const ajv = new Ajv({ allErrors: true });
const rcSchema = JSON.parse(read('schemas/postmortemrc.schema.json'));
const glossarySchema = JSON.parse(read('schemas/postmortem-glossary.schema.json'));
const validateRc = ajv.compile(rcSchema);
const validateGlossary = ajv.compile(glossarySchema);

/** The ```yaml blocks of the README that follow a mention of the file. */
function readmeYaml(after: string): string[] {
  const readme = read('README.md');
  const blocks: string[] = [];
  for (const m of readme.matchAll(/```yaml\n([\s\S]*?)```/g)) {
    const before = readme.slice(Math.max(0, (m.index ?? 0) - 300), m.index);
    if (before.includes(after)) blocks.push(m[1]);
  }
  return blocks;
}

describe('JSON schemas for the config and glossary files', () => {
  it('are contributed for the YAML extension (yamlValidation) and packaged', () => {
    const pkg = JSON.parse(read('package.json'));
    const urls = (pkg.contributes.yamlValidation as Array<{ fileMatch: string[]; url: string }>).map((v) => [v.fileMatch[0], v.url]);
    assert.deepEqual(urls, [
      ['.postmortemrc.yaml', './schemas/postmortemrc.schema.json'],
      ['.postmortem-glossary.yaml', './schemas/postmortem-glossary.schema.json'],
    ]);
    assert.match(read('.vscodeignore'), /^!schemas\/\*\.json$/m);
  });

  it('the rc schema knows every rule and the keys the loader accepts', () => {
    assert.deepEqual(Object.keys(rcSchema.properties.rules.properties).sort(), [...RULE_IDS].sort());
    const source = read('src/core/config.ts');
    const known = /const known = new Set\(\[([^\]]*)\]\)/.exec(source)?.[1].match(/'([^']+)'/g)?.map((k) => k.slice(1, -1));
    assert.ok(known?.length);
    assert.deepEqual(Object.keys(rcSchema.properties).sort(), [...known].sort());
  });

  it('the README example and the CLI test configurations validate; the loader agrees', () => {
    const examples = [
      ...readmeYaml('.postmortemrc.yaml'),
      '',
      'rules:\n  blame-wording: off\n  front-matter: off\n  action-item-deadline: off\n  timeline-time-invalid: warning\n',
      'rules.blame-wording: off\nmaxFileSize: 100000\n',
    ];
    assert.ok(examples.length >= 3);
    for (const text of examples) {
      const value = parse(text) ?? {};
      assert.equal(validateRc(value), true, `${text}\n${JSON.stringify((validateRc as { errors?: unknown }).errors)}`);
      assert.deepEqual(parseConfigFile(text).errors, [], text);
    }
  });

  it('rejects what the loader rejects', () => {
    for (const text of ['rules:\n  no-such-rule: error\n', 'rules:\n  blame-wording: loud\n', 'filePatterns: docs/*.md\n', 'colour: blue\n', 'maxFileSize: -1\n']) {
      assert.equal(validateRc(parse(text)), false, text);
      assert.notDeepEqual(parseConfigFile(text).errors, [], text);
    }
  });

  it('the glossary shapes the loader documents validate', () => {
    const examples = [
      ...readmeYaml('.postmortem-glossary.yaml'),
      '- term: PgBouncer\n  definition: Connection pooler in front of Postgres.\n  aliases: [pgbouncer pool]\n',
      'PgBouncer: Connection pooler in front of Postgres.\nSLO:\n  businessPhrase: our uptime promise\n',
      'terms:\n  - term: Canary\n    definition: A small first rollout.\n',
    ];
    for (const text of examples) {
      assert.equal(validateGlossary(parse(text)), true, text);
      assert.deepEqual(parseGlossaryFile(text).errors, [], text);
    }
    assert.equal(validateGlossary(parse('- term: X\n  colour: blue\n')), false);
  });
});
