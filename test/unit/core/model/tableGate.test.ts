import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Root } from 'mdast';
import { delimiterRowMayFollow, parseMarkdown, parseWithMicromark } from '../../../../src/core/model/markdown';

// parseMarkdown tries GFM tables only where a delimiter row may follow (model/markdown.ts gatedTable):
// the trees must be the ones the ungated table extension gives.
const ungated = unified()
  .use(remarkParse)
  .use(function (this: ReturnType<typeof unified>) {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(gfmTable());
    (data.fromMarkdownExtensions ??= []).push(gfmTableFromMarkdown());
  });

/** The tree's node types, nesting and offsets: what a gated parse must keep. */
function shape(tree: Root): string {
  const out: string[] = [];
  const walk = (node: { type: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: unknown[]; align?: unknown }) => {
    out.push(`${node.type}@${node.position?.start.offset}-${node.position?.end.offset}${node.align ? JSON.stringify(node.align) : ''}`);
    if (node.children) {
      out.push('(');
      for (const child of node.children) walk(child as typeof node);
      out.push(')');
    }
  };
  walk(tree as never);
  return out.join(' ');
}

const same = (text: string) => {
  const expected = shape(ungated.parse(text) as Root);
  assert.equal(shape(parseWithMicromark(text, false)), expected, JSON.stringify(text));
  assert.equal(shape(parseMarkdown(text, false)), expected, `${JSON.stringify(text)} (parseMarkdown)`);
};

describe('model: the GFM table gate', () => {
  it('reads the same tables as gfmTable in the forms people write', () => {
    for (const text of [
      '| a | b |\n|---|---|\n| 1 | 2 |\n',
      'para\n| a |\n| - |\n| b |',
      'a | b\n--|--\n1 | 2',
      'a\n:-\nb',
      'a\n-\n',
      '> | a |\n> |:-:|\n> | b |\n',
      '> | a |\n| - |\n',
      '- | a |\n  | - |\n  | b |\n',
      '| a |\r\n| --- |\r\n| b |\r\n',
      '| a |\r| --- |\r| b |\r',
      '\t| a |\n\t| - |',
      '| a \\| b |\n| - |\n',
      '| a |\n|   |\n',
      '| a |\n| - | x\n',
      'text\n\n| a | b |\n| --- | --- |\ntext after\n',
    ]) same(text);
  });

  it('reads the same trees on random tables, quotes, lists and line endings', () => {
    const piece = fc.constantFrom('|', '-', ':', ' ', 'a', '\n', '\r\n', '\r', '> ', '- ', '\t', '\\', '`');
    fc.assert(fc.property(fc.array(piece, { maxLength: 40 }), (parts) => same(parts.join(''))), { numRuns: 3000 });
  });

  it('looks only at the next line, and lets a very long next line through', () => {
    assert.equal(delimiterRowMayFollow('| a |\n| - |', 0), true);
    assert.equal(delimiterRowMayFollow('| a |\nword', 0), false);
    assert.equal(delimiterRowMayFollow('| a |', 0), false);
    assert.equal(delimiterRowMayFollow('| a |\n   >  |:--|', 2), true);
    assert.equal(delimiterRowMayFollow(`a\n${'-'.repeat(5000)}x`, 0), true);
  });
});
