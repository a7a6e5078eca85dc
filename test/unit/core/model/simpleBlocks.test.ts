import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseWithMicromark } from '../../../../src/core/model/markdown';
import { parseSimpleChunk } from '../../../../src/core/model/simpleBlocks';

// parseSimpleChunk reads chunks of plain headings, paragraphs and list items itself; where it gives a
// tree, that tree must be micromark's, node for node and position for position.
const LINES = [
  '## Timeline', '# T', '### 10:00 step 3', '###### six', '####### seven', '#hashtag', '# ', '#', '## closed ##', '##  two spaces',
  '- 00:00 alert fired', '- b c', '+ plus item', '-x', '- ', '-', '- - nested', '- # heading', '- 1. ordered', '- > quote', '-  two spaces', '- +x', '- =',
  '1. one', '2) two', '2026. a year', '12345678901. long', 'plain words here', 'www.example.com and ops@example.com', 'at 10:00: rollback — done', 'a > b = c', ':-', ':-: :-', '- :-', 'é ünïcödé 中文',
  ' indented', '    code', 'trailing ', 'two trailing  ', '---', '===', '***', '> q', '=', '', '', '',
];
/** The lines parseSimpleChunk reads, weighted up so that most chunks are read by it. */
const SIMPLE = ['## Timeline', '### 10:00 step 3', '- 00:00 alert fired', '- b c', '+ plus item', 'plain words here', 'at 10:00: rollback — done', '', ''];
const ENDINGS = ['\n', '\n', '\r\n', '\r'];

const chunk = fc.array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...LINES), weight: 1 }, { arbitrary: fc.constantFrom(...SIMPLE), weight: 8 }), fc.constantFrom(...ENDINGS)), { maxLength: 14 }).chain((parts) =>
  fc.boolean().map((finalEnding) => parts.map(([line, ending], i) => line + (i < parts.length - 1 || finalEnding ? ending : '')).join('')),
);

describe('model: the simple-chunk parser', () => {
  it('gives micromark’s tree wherever it reads a chunk, and reads most chunks of plain lines', () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(chunk, (text) => {
        runs++;
        const simple = parseSimpleChunk(text);
        if (!simple) return;
        read++;
        assert.deepStrictEqual(simple, parseWithMicromark(text, false), JSON.stringify(text));
      }),
      { numRuns: 5000 },
    );
    assert.ok(read > runs / 4, `read ${read} of ${runs} chunks`);
  });

  it('reads timelines, sections and prose as micromark does', () => {
    for (const text of [
      '## Timeline\n\n- 00:00 a\n- b c\n\npara one\nline two\r\n### H\n',
      '- a\n\n- b\n\nc',
      '- a\n- b\n\n\nc',
      '- a\n+ b\n- c',
      'para\n- item\n# H\npara',
      '\n\nx\n\n\n',
      '',
      'The cache warmed up slowly while the pool drained. '.repeat(3).trimEnd(),
    ]) {
      const simple = parseSimpleChunk(text);
      assert.ok(simple, JSON.stringify(text));
      assert.deepStrictEqual(simple, parseWithMicromark(text, false), JSON.stringify(text));
    }
  });

  it('leaves inline Markdown, containers and lazy lines to micromark', () => {
    for (const text of ['a *b*', 'a _b_', '[a](u)', '`a`', 'a &amp; b', 'a\\b', '<b>', '| a |', '~~a~~', '> q', '1. a', '- a\nlazy', '\ta', 'a  \nb', '\u0000', '\ufeffa', 'a\n===']) {
      assert.equal(parseSimpleChunk(text), undefined, JSON.stringify(text));
    }
  });
});
