import assert from 'node:assert/strict';
import fc from 'fast-check';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { leadingFrontMatter } from '../../../../src/core/model/frontMatter';
import { parseWithMicromark } from '../../../../src/core/model/markdown';
import { readFlatYaml, readYamlFrontMatter } from '../../../../src/core/model/metadata';
import { LineIndex } from '../../../../src/core/model/text';
import type { ModelProblem } from '../../../../src/core/model/types';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// leadingFrontMatter must find the front matter remark-frontmatter finds, with the same value and position.
function check(text: string): boolean {
  const tree = parseWithMicromark(text, true);
  const expected = tree.children[0]?.type === 'yaml' ? tree.children[0] : undefined;
  const found = leadingFrontMatter(text);
  assert.deepStrictEqual(found?.node, expected, JSON.stringify(text));
  if (found) assert.equal(found.end, expected!.position!.end.offset, JSON.stringify(text));
  return found !== undefined;
}

describe('model: front matter without the parser', () => {
  it('reads TOML front matter (`+++`, Hugo and Zola) as remark-frontmatter reads it, blank and comment lines included', () => {
    const toml = unified().use(remarkParse).use(remarkFrontmatter, ['toml']);
    let found = 0;
    for (const text of ['+++\ntitle = "A"\n+++\n# T\n', '+++\n# a comment\n\ntitle = "A"\n\n+++\n', '+++ \r\na = 1\r\n+++\t\r\n', '+++\na = 1\n---\n']) {
      const tree = toml.parse(text);
      const expected = tree.children[0]?.type === ('toml' as string) ? tree.children[0] : undefined;
      const read = leadingFrontMatter(text);
      assert.deepStrictEqual(read?.node, expected, JSON.stringify(text));
      if (read) found++;
    }
    assert.equal(found, 3);
  });

  it('reads the front matter remark reads in the forms people write', () => {
    for (const text of ['---\ntitle: A\n---\n# T\n', '---\n---\n', '---\n---', '---  \r\na: 1\r\n---\t\r\n\r\ntext', '---\ra\r---\r', '---\n\na\n\n---\n', '---\na\n', '----\na\n---\n', '--- x\na\n---\n', '---\na\n --- \n---\n', '\n---\na\n---\n', '---\na\n---x\n---\n']) check(text);
  });

  it('agrees with remark on random documents', () => {
    let found = 0;
    const piece = fc.constantFrom('---', '--- ', '----', ' ---', 'a: 1', 'b', '', ' ', '\t', '# T');
    const ending = fc.constantFrom('\n', '\r\n', '\r');
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, ending), { maxLength: 8 }), fc.boolean(), (parts, last) => {
        const text = `---${last ? ' ' : ''}\n${parts.map(([p, e]) => p + e).join('')}`;
        if (check(text)) found++;
      }),
      { numRuns: 3000 },
    );
    assert.ok(found > 500, `found ${found}`);
  });
});

describe('model: flat YAML front matter without the yaml package', () => {
  const lines = (text: string) => new LineIndex(text);
  // The flat reader must give exactly what the yaml package gives, or defer to it.
  function agree(content: string): boolean {
    const flat = readFlatYaml(content, 4);
    if (flat === undefined) return false;
    const problems: ModelProblem[] = [];
    assert.deepStrictEqual(flat, readYamlFrontMatter(content, 4, lines('---\n' + content), problems), JSON.stringify(content));
    assert.deepEqual(problems, [], JSON.stringify(content));
    return true;
  }

  it('reads the flat forms people write, exactly as the yaml package does', () => {
    const flat = [
      'title: Checkout outage\nseverity: SEV2\ndate: 2024-05-01\n',
      'title: "Checkout: outage"\nauthors: [ "Ana Silva", Ben ]\ntags: [reliability, checkout]\n',
      "# comment\n\nstatus: in-review\nstarted: 2024-05-01T10:02:00Z\nimpact: 12% of checkout requests failed  \nowner: 'Ana'\n",
      'tags: []\nservices: [ api ]\ntitle: a:b\nIncident ID: INC-42\nunknown key: whatever\ntitle: second title\n',
      'title: Ünïcödé — naïve café\nreview: 2024-05-15\n',
    ];
    for (const content of flat) assert.ok(agree(content), `read flat: ${JSON.stringify(content)}`);
  });

  it('leaves every other form to the yaml package', () => {
    const deferred = [
      'severity: 2\n', 'resolved: true\n', 'id: 007\n', 'x: null\n', 'x: ~\n', 'rate: 1.5\n', 'title:\n', 'title: a # note\n', 'title: "a\\"b"\n', "title: 'it''s'\n",
      'title: |\n  block\n', 'authors:\n  - Ana\n', 'title: &a x\n', 'title: *a\n', 'title: !!str x\n', 'title: a: b\n', 'key:value\n', 'title: [a, [b]]\n', 'tags: [a, ]\n',
      'tags: [a:b]\n', '  title: x\n', 'title:\tx\n', 'title: x\r\n', '- a\n', 'true: x\n', 'title: -x\n', 'title: @x\n', 'title : x\n', '\ufefftitle: x\n',
    ];
    for (const content of deferred) assert.equal(readFlatYaml(content, 0), undefined, JSON.stringify(content));
  });

  it('agrees with the yaml package on random flat front matter', () => {
    const word = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,12}$/);
    const scalar = fc.oneof(fc.stringMatching(/^[^\n]{0,20}$/), fc.constantFrom('2024-05-01', '1.0', 'true', 'a:b', 'a: b', '"q"', "'s'", '[a, "b c"]', '[]', '12% of x', '@x', '# c'));
    let flatCount = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(word, scalar), { maxLength: 6 }), (pairs) => {
        const content = pairs.map(([k, v]) => `${k}: ${v}`).join('\n') + '\n';
        if (agree(content)) flatCount++;
      }),
      { numRuns: 400, seed: 43 },
    );
    assert.ok(flatCount > 20, `${flatCount} inputs read flat`);
  });

  it('agrees with the yaml package on the front matter of every fixture', () => {
    let read = 0;
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.(?:md|erb)$/.test(e.name) ? [join(dir, e.name)] : []));
    for (const file of walk(join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'fixtures'))) {
      const text = readFileSync(file, 'utf8');
      const fm = leadingFrontMatter(text);
      if (fm && agree(fm.node.value)) read++;
    }
    assert.ok(read >= 20, `${read} fixtures read flat`);
  });
});
