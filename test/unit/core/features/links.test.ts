import assert from 'node:assert/strict';
import { documentHeadings, documentLinks, slugify } from '../../../../src/core/features/links';
import { parsePostmortem } from '../../../../src/core/model/parse';

describe('links and headings (core/features/links)', () => {
  it('slugs like VS Code\'s Markdown preview', () => {
    assert.equal(slugify('Root Cause'), 'root-cause');
    assert.equal(slugify('  What went well? (and why)  '), 'what-went-well-and-why');
    assert.equal(slugify('Timeline — UTC'), 'timeline--utc');
  });

  it('finds headings with spans and numbers duplicates', () => {
    const doc = parsePostmortem('# Title\n\n## Notes\n\ntext\n\n## Notes ##\n');
    const hs = documentHeadings(doc);
    assert.deepEqual(hs.map((h) => h.slug), ['title', 'notes', 'notes-1']);
    assert.deepEqual(hs[2].span, { line: 6, start: 3, end: 8 });
  });

  it('finds link targets outside front matter, fences and code spans, with exact spans', () => {
    const text = [
      '---',
      'title: "[a](front.md)"',
      '---',
      'See [x](./a.md#part "t") and ![img](<b c.png>) and [y](#here) and [web](https://example.com).',
      '`[no](code.md)`',
      '```',
      '[no](fenced.md)',
      '```',
      '[ref]: ../other.md#top',
    ].join('\n');
    const links = documentLinks(parsePostmortem(text));
    assert.deepEqual(
      links.map((l) => [l.kind, l.target, l.path, l.fragment]),
      [
        ['inline', './a.md#part', './a.md', 'part'],
        ['image', 'b c.png', 'b c.png', undefined],
        ['inline', '#here', '', 'here'],
        ['inline', 'https://example.com', undefined, undefined],
        ['definition', '../other.md#top', '../other.md', 'top'],
      ],
    );
    const line = text.split('\n')[3];
    const [first] = links;
    assert.equal(line.slice(first.span.start, first.span.end), './a.md#part');
    assert.equal(line.slice(first.fragmentSpan!.start, first.fragmentSpan!.end), 'part');
    assert.equal(line.slice(links[1].span.start, links[1].span.end), 'b c.png');
  });

  it('code spans hide links by CommonMark rules: a span closes at a run of backticks of its own length', () => {
    const text = '# T\n\nSee `[a](a.md)` and ``[b](b.md)`` but not ```[c](c.md)`` or [d](d.md).\n';
    assert.deepEqual(documentLinks(parsePostmortem(text)).map((l) => l.target), ['c.md', 'd.md']);
  });
});
