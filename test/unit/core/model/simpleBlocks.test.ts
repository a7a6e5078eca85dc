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
  '| a | b |', '|---|---|', '| x | *y* |', '|:-|-:|', '| 10:00 | alert |', '| one |', '|', '||', '| a | b', 'a | b', '| `c|d` |', '| \\| |', '|-|', '| - |',
  '| :-: | --- |', '|  |  |', '| # h |', '| - x |', '| **b** |', '|a|b|', '| a |  ', 'x|', '- | item',
  '- [ ] *a* b', '- [x] `c`', '- [ ] plain task', '- [X] **b**', '- [ ]  two', '- [ ] # h', '- [x] - y', '* [ ] star task', '- [ ]', '- [ ] ', '- [x]x', '- [y] no',
  ' indented', '    code', 'trailing ', 'two trailing  ', '---', '===', '***', '> q', '=', '', '', '',
];
/** The lines parseSimpleChunk reads, weighted up so that most chunks are read by it. */
const SIMPLE = ['- [ ] Add an alert (@ana, due 2026-01-01)', '- [x] **Done**: rotate keys', '| Time | Event |\n| --- | :-: |', '| 10:00 | alert *fired* |', '| 10:05 | `db` [x](u) |', '## Timeline', '### 10:00 step 3', '- 00:00 alert fired', '- b c', '+ plus item', 'plain words here', 'at 10:00: rollback — done', '**10:02** *paged* `db`', '- **10:05** see [run](https://x.example/1)', '', ''];
const ENDINGS = ['\n', '\n', '\r\n', '\r'];

const chunk = fc.array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...LINES), weight: 1 }, { arbitrary: fc.constantFrom(...SIMPLE), weight: 8 }), fc.constantFrom(...ENDINGS)), { maxLength: 14 }).chain((parts) =>
  fc.boolean().map((finalEnding) => parts.map(([line, ending], i) => line + (i < parts.length - 1 || finalEnding ? ending : '')).join('')),
);

// Tables as people write them, with cells that hold inline Markdown, block openers and nothing, around
// rows and lines that may or may not continue them.
const CELLS = ['', ' ', 'a', ' a ', '  10:00  ', '*x*', '**b** c', '`c`', '`', '[l](u)', '&amp;', '<b>x</b>', '<div>', '# h', '- x', '-', '1. x', '> q', '~~s~~', ':', '---', ':-:', '==', 'é中', 'a  b', '![i](u)', '*', '_a_', 'x_', '[^1]', 'www.x.com', '\\\\', '<!-- c -->', '```'];
const DELIMITERS = ['---', ' --- ', ':-', '-:', ' :-: ', '-', ':---:', ' - '];
const table = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc
    .tuple(
      fc.array(fc.constantFrom(...CELLS), { minLength: n, maxLength: n }),
      fc.array(fc.constantFrom(...DELIMITERS), { minLength: n, maxLength: n }),
      fc.array(fc.tuple(fc.array(fc.constantFrom(...CELLS), { minLength: 1, maxLength: n + 1 }), fc.constantFrom('', ' ')), { maxLength: 4 }),
    )
    .map(([head, delimiter, rows]) => [`|${head.join('|')}|`, `|${delimiter.join('|')}|`, ...rows.map(([cells, trail]) => `|${cells.join('|')}|${trail}`)].join('\n')),
);
const tableChunk = fc
  .array(fc.oneof(table, table, fc.constantFrom('', '', 'para', '## H', '- item', '| x', 'x | y', '|---|', '| a |', '> q', '  | indented |')), { maxLength: 8 })
  .chain((blocks) => fc.constantFrom('\n', '\r\n').map((ending) => blocks.join(ending)));

describe('model: the simple-chunk parser', () => {
  it('gives micromark’s tree for tables wherever it reads them', () => {
    let tables = 0;
    fc.assert(
      fc.property(tableChunk, (text) => {
        const simple = parseSimpleChunk(text);
        if (!simple) return;
        if (simple.children.some((c) => c.type === 'table')) tables++;
        assert.deepStrictEqual(simple, parseWithMicromark(text, false), JSON.stringify(text));
      }),
      { numRuns: 4000 },
    );
    assert.ok(tables > 100, `${tables} chunks with tables read`);
  });

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
      '## Timeline\n| Time (UTC) | Event |\n|:--|--:|\n| 10:00 | *paged* |\n|  | |\n| 10:05 | rolled back | extra |\n| 10:09 |\n\nAfter.',
      '| Owner | Action | Due |\r\n| --- | --- | :-: |\r\n| @ana | Add `fsync` alarm | 2026-01-01 |   \r\n',
    ]) {
      const simple = parseSimpleChunk(text);
      assert.ok(simple, JSON.stringify(text));
      assert.deepStrictEqual(simple, parseWithMicromark(text, false), JSON.stringify(text));
    }
  });

  it('leaves containers, code blocks, definitions, lazy lines and tables it cannot read whole to micromark', () => {
    for (const text of ['<b>', '| a |', '| a |\n|---|\nlazy', '| a \\| b |\n|---|', 'para\n| a |\n|---|', '- i\n| a |\n|---|', '> q', '1. a', '- a\nlazy', '\ta', '\u0000', '\ufeffa', 'a\n===', '[a]: u', '- [ ]', '```\ncode\n```', '    code', '- - a']) {
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
        if (chunk.first && chunk.text.startsWith('---')) continue;
        // A table's continuation is parsed behind its header and delimiter lines (parse.ts).
        const source = (chunk.tableHead ?? '') + chunk.text;
        chunks++;
        const simple = parseSimpleChunk(source);
        if (!simple) continue;
        read++;
        assert.deepStrictEqual(simple, parseWithMicromark(source, false), `${file} at ${chunk.offset}`);
      }
    }
    assert.ok(read > chunks / 2, `read ${read} of ${chunks} chunks`);
    console.log(`      (${read} of ${chunks} chunks read)`);
  });
});
