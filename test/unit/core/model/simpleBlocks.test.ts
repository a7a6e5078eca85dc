import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseWithMicromark, splitIntoChunks } from '../../../../src/core/model/markdown';
import { capNesting } from '../../../../src/core/model/nesting';
import { FIXTURES } from '../../helpers';
import { parseSimpleChunk as parseSimple } from '../../../../src/core/model/simpleBlocks';

const parseSimpleChunk = (text: string) => parseSimple(text, (inline) => parseWithMicromark(inline, false));

// parseSimpleChunk reads chunks of plain headings, paragraphs and list items itself; where it gives a
// tree, that tree must be micromark's, node for node and position for position.
const LINES = [
  '## Timeline', '# T', '### 10:00 step 3', '###### six', '####### seven', '#hashtag', '# ', '#', '## closed ##', '##  two spaces',
  '- 00:00 alert fired', '- b c', '+ plus item', '-x', '- ', '-', '- - nested', '- # heading', '- 1. ordered', '- > quote', '-  two spaces', '- +x', '- =',
  '1. one', '2) two', '2026. a year', '12345678901. long', 'plain words here', 'www.example.com and ops@example.com', 'at 10:00: rollback — done', 'a > b = c', ':-', ':-: :-', '- :-', 'é ünïcödé 中文',
  '*bold* text', '**June 14, 10:00:** rollback', '`code` here', '[link](https://x.example) after', 'a &amp; b &#35;', 'esc \\* x', '<b>html</b>', 'a <b>html</b> inline',
  '~~gone~~', '~~~', '```', '![img](u)', 'hard  ', 'end\\', '- *a*', '- **b** c', '- `x` y', '- [ ] task', '- [x] done', '* star item', '*', '+', '-x', '--x',
  '## *Emph* head', '## a\\', '# 1. list', '# - x', '## ---', '[ref]: https://x', 'see [ref]', 'a_b_c', '_a_', '__init__', '<!-- c -->', 'a <!-- c', '-->', 'x_', '\\', '&',
  '*a', '**', '* * *', '_ _ _', '- ***', '- * x', 'a [^1] note', '[^1]: foot', 'a\\', '`a', 'b`', 'x <http://a.b> y',
  ' indented', '    code', 'trailing ', 'two trailing  ', '---', '===', '***', '> q', '=', '', '', '',
];
/** The lines parseSimpleChunk reads, weighted up so that most chunks are read by it. */
const SIMPLE = ['## Timeline', '### 10:00 step 3', '- 00:00 alert fired', '- b c', '+ plus item', 'plain words here', 'at 10:00: rollback — done', '**10:02** *paged* `db`', '- **10:05** see [run](https://x.example/1)', '', ''];
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
      '**June 14th, 2022, 10:00 AM:** the *first* alert fired (`p99 > 2s`), see [graph](https://x.example/g).\nA second line  \nafter a hard break\\\nand an escape.',
      '## Timeline *(UTC)*\n\n- **10:00** paged &mdash; <em>on-call</em>\n- 10:05 ~~rollback~~ restart\n\n# Root cause `x`',
    ]) {
      const simple = parseSimpleChunk(text);
      assert.ok(simple, JSON.stringify(text));
      assert.deepStrictEqual(simple, parseWithMicromark(text, false), JSON.stringify(text));
    }
  });

  it('leaves tables, containers, code blocks, definitions and lazy lines to micromark', () => {
    for (const text of ['<b>', '| a |', '> q', '1. a', '- a\nlazy', '\ta', '\u0000', '\ufeffa', 'a\n===', '[a]: u', '- [ ] task', '```\ncode\n```', '    code', '- - a']) {
      assert.equal(parseSimpleChunk(text), undefined, JSON.stringify(text));
    }
  });

  it('gives micromark’s tree for every chunk of the fixtures and real post-mortems it reads', () => {
    let chunks = 0;
    let read = 0;
    for (const file of readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.md'))) {
      // Nesting is capped before chunking, as parsePostmortem does (the bugs/ fixtures nest thousands deep).
      const text = capNesting(readFileSync(join(FIXTURES, file), 'utf8')).text;
      for (const chunk of splitIntoChunks(text)) {
        if (chunk.tableHead !== undefined || (chunk.first && chunk.text.startsWith('---'))) continue;
        chunks++;
        const simple = parseSimpleChunk(chunk.text);
        if (!simple) continue;
        read++;
        assert.deepStrictEqual(simple, parseWithMicromark(chunk.text, false), `${file} at ${chunk.offset}`);
      }
    }
    assert.ok(read > chunks / 3, `read ${read} of ${chunks} chunks`);
  });
});
