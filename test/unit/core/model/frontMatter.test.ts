import assert from 'node:assert/strict';
import fc from 'fast-check';
import { leadingFrontMatter } from '../../../../src/core/model/frontMatter';
import { parseWithMicromark } from '../../../../src/core/model/markdown';

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
