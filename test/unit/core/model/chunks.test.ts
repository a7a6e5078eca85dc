import assert from 'node:assert/strict';
import { buildBlocks, type Block } from '../../../../src/core/model/blocks';
import { parseMarkdown, SOFT_CHUNK_LIMIT, splitIntoChunks } from '../../../../src/core/model/markdown';
import { capNesting, MAX_MARKUP_LINE, MAX_NESTING_DEPTH, MAX_TABLE_CELLS } from '../../../../src/core/model/nesting';
import { MAX_TABLE_ROWS, parsePostmortem } from '../../../../src/core/model/parse';
import { analyzeText } from '../../../../src/core/analyze';

/** The blocks of `text` parsed in one piece (no chunks). */
function wholeBlocks(text: string): Block[] {
  return buildBlocks(parseMarkdown(text), text, 0).blocks;
}

const rows = (n: number, head = '| Time | Event |\n|---|---|\n') =>
  head + Array.from({ length: n }, (_, i) => `| ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} | event ${i} https://x.example/${i} \`a|b\` a\\|b |`).join('\n') + '\n';

/** Documents that used to be one parse each and are now read in many chunks (unless marked `false`: read as before). */
const DOCUMENTS: Array<[string, string, boolean?]> = [
  ['a 3,000-row table and a 2,000-row table', `# T\n\n## Timeline\n\n${rows(3000)}\n## Action Items\n\n| Action | Owner | Due |\n|:--|:-:|--:|\n${Array.from({ length: 2000 }, (_, i) => `| Fix ${i} | @a${i} | 2026-04-${String((i % 28) + 1).padStart(2, '0')} |`).join('\n')}\n`],
  ['a table right after a heading, no final newline', `# T\n\n## Timeline\n${rows(500).trimEnd()}`],
  ['a table with CRLF line endings, then text', `# T\r\n\r\n## Timeline\r\n\r\n${rows(500).replace(/\n/g, '\r\n')}\r\nafter`],
  // After a row without a pipe the table is no longer split.
  ['a table whose rows go on without pipes', `## Timeline\n\n${rows(300)}no pipe row\n${rows(300, '')}\n`, false],
  ['runs of blank lines', `# T\n\n## Summary\n\ntext\n${'\n'.repeat(20000)}more text\n${' \n\t\n'.repeat(5000)}- item\n${'\r\n'.repeat(5000)}`],
  // What follows decides where a run of blank lines may be cut: not before an indented line (code, or a list item's paragraph).
  ['blank lines before an indented line', `# T\n\n- item\n${'\n'.repeat(5000)}    indented\n${'\n'.repeat(5000)}`, false],
  ['thematic breaks', `# T\n\n## Summary\n\n${'***  \n\n* * *\t\n   \n___\r\n'.repeat(2000)}text\n---\n${'- - -\n'.repeat(3000)}___\n\n`],
  // Chunks after the first are read without front matter, so they may start at `---`.
  ['runs of `---`', `# T\n\n## Summary\n\n${'---\n'.repeat(3000)}`],
  ['`---` after a blank line, then text and `---` (a setext heading, no front matter)', `# T\n\n${'text\n\n'.repeat(1500)}---\ntitle: x\n---\n\n${'more\n\n'.repeat(1500)}`],
  ['thematic breaks after a paragraph (setext underline first)', `# T\n\n## Summary\n\npara\n${'---\n'.repeat(3000)}`, false],
  ['thematic breaks after front matter', `---\ntitle: x\n---\n${'***\n'.repeat(3000)}`],
];

describe('chunks: long tables, blank runs and thematic breaks are read in parts, as one parse reads them', () => {
  for (const [name, text, splits] of DOCUMENTS) {
    it(name, () => {
      const chunks = splitIntoChunks(text);
      assert.equal(chunks.map((c) => c.text).join(''), text);
      if (splits !== false) {
        assert.ok(chunks.length > 3, `${chunks.length} chunks`);
        assert.ok(Math.max(...chunks.map((c) => c.text.length)) < SOFT_CHUNK_LIMIT + 400, 'no chunk is large');
      }
      assert.deepEqual(parsePostmortem(text).blocks, wholeBlocks(text));
    });
  }

  it('table parts carry the header and delimiter lines; the table is one block with every row', () => {
    const text = `# T\n\n## Timeline\n\n${rows(2000)}`;
    const parts = splitIntoChunks(text).filter((c) => c.tableHead !== undefined);
    assert.ok(parts.length > 10);
    for (const part of parts) assert.equal(part.tableHead, '| Time | Event |\n|---|---|\n');
    const tables = parsePostmortem(text).blocks.filter((b) => b.kind === 'table');
    assert.equal(tables.length, 1);
    assert.equal(tables[0].rows!.length, 2000);
    assert.equal(text.slice(tables[0].rows![1999][0].start, tables[0].rows![1999][0].end), '07:19');
  });

  it('only the first chunk is read with front matter', () => {
    const text = `${'---\n'.repeat(3000)}`;
    const chunks = splitIntoChunks(text);
    assert.ok(chunks.length > 3 && chunks.slice(1).every((c) => c.text.startsWith('---') && !c.first) && chunks[0].first);
    const blocks = parsePostmortem(text).blocks;
    assert.deepEqual([blocks[0].kind, blocks[1].kind, blocks[2].kind], ['frontMatter', 'rule', 'rule']);
    assert.deepEqual(blocks, wholeBlocks(text));
  });
});

describe('wide tables: a row keeps MAX_TABLE_CELLS cells (nesting.ts), the rest is read as text', () => {
  it('a 20,000-column table is read with MAX_TABLE_CELLS columns; the last cell holds the rest', () => {
    const cells = 20_000;
    const text = `## Timeline\n\n|${Array.from({ length: cells }, (_, i) => ` c${i} `).join('|')}|\n|${':---|'.repeat(cells)}\n|${Array.from({ length: cells }, (_, i) => ` v${i} `).join('|')}|\n`;
    const capped = capNesting(text);
    assert.equal(capped.text.length, text.length);
    assert.deepEqual(capped.spans, []);
    const table = parsePostmortem(text).blocks.find((b) => b.kind === 'table')!;
    assert.equal(table.header!.length, MAX_TABLE_CELLS);
    assert.equal(table.rows![0].length, MAX_TABLE_CELLS);
    assert.equal(table.header![0].inline.text, 'c0');
    assert.match(table.rows![0][MAX_TABLE_CELLS - 1].inline.text, /^v127 v128 v129 .* v19999$/);
    assert.equal(text.slice(table.rows![0][5].start, table.rows![0][5].end), 'v5');
  });

  it('rows with tens of thousands of pipes under a normal header keep MAX_TABLE_CELLS cells', () => {
    const text = `## Timeline\n\n| Time | Event |\n|---|---|\n| 10:00 | ${'|'.repeat(50_000)} |\n| 10:05 | fine |\n`;
    const table = parsePostmortem(text).blocks.find((b) => b.kind === 'table')!;
    assert.equal(table.rows![0].length, MAX_TABLE_CELLS);
    assert.deepEqual(table.rows![1].map((c) => c.inline.text), ['10:05', 'fine']);
  });

  it('tables within the cap, fenced code and text outside tables are not touched', () => {
    const wide = `|${' a |'.repeat(MAX_TABLE_CELLS)}\n|${'---|'.repeat(MAX_TABLE_CELLS)}\n`;
    assert.equal(capNesting(wide).text, wide);
    const code = `\`\`\`\n|${' a |'.repeat(500)}\n|${'---|'.repeat(500)}\n\`\`\`\n`;
    assert.equal(capNesting(code).text, code);
    // Header and delimiter row with different counts: no table, left as written.
    const mismatch = `|${' a |'.repeat(300)}\n|${'---|'.repeat(200)}\n`;
    assert.equal(capNesting(mismatch).text, mismatch);
  });
});

describe('long tables: rows past MAX_TABLE_ROWS are not read (nor parsed), with one info finding', () => {
  it('a 20,000-row timeline table keeps its first rows; what follows the table is read as usual', () => {
    const text = `# T\n\n## Timeline\n\n${rows(20_000)}\n## Action Items\n\n- [ ] Fix the cache — @a, due 2026-04-01\n`;
    const analysis = analyzeText(text, { today: '2026-03-20' });
    const tables = analysis.doc.blocks.filter((b) => b.kind === 'table');
    assert.equal(tables.length, 1);
    assert.ok(tables[0].rows!.length >= MAX_TABLE_ROWS && tables[0].rows!.length < MAX_TABLE_ROWS + 500, `${tables[0].rows!.length} rows`);
    assert.equal(analysis.doc.timeline.length, tables[0].rows!.length);
    assert.deepEqual(analysis.doc.actionItems.map((a) => a.owner), ['@a']);
    const problem = analysis.doc.problems.find((p) => p.code === 'table-too-long')!;
    assert.match(problem.message, /more than 5,000 rows/);
    assert.deepEqual(analysis.findings.filter((f) => f.rule === 'file-size').map((f) => f.severity), ['info']);
    // The rows not read are blocks without text (no reader takes them for prose), in order, covering the rows.
    const plain = analysis.doc.blocks.filter((b) => b.flattened);
    assert.ok(plain.length > 10);
    assert.ok(plain.every((b) => text.slice(b.start, b.end).startsWith('| ') && text.slice(b.start, b.end).endsWith(' |') && b.inline.text === ''));
    // The summary's rule findings are those of the same document with a short table.
    const short = analyzeText(`# T\n\n## Timeline\n\n${rows(100)}\n## Action Items\n\n- [ ] Fix the cache — @a, due 2026-04-01\n`, { today: '2026-03-20' });
    assert.deepEqual(analysis.findings.filter((f) => f.rule !== 'file-size').map((f) => f.message), short.findings.map((f) => f.message));
  });

  it('a table within the cap has no finding', () => {
    const analysis = analyzeText(`# T\n\n## Timeline\n\n${rows(3000)}`, { today: '2026-03-20' });
    assert.ok(!analysis.doc.problems.some((p) => p.code === 'table-too-long'));
  });
});

describe('runs of backslashes: past MAX_NESTING_DEPTH escapes the run is read as slashes (nesting.ts)', () => {
  it('keeps the first escapes, the length and an odd run’s escape of the next character', () => {
    const even = `x ${'\\'.repeat(1000)}*y*`;
    const capped = capNesting(even).text;
    assert.equal(capped.length, even.length);
    assert.equal(capped, `x ${'\\'.repeat(2 * MAX_NESTING_DEPTH)}${'/'.repeat(1000 - 2 * MAX_NESTING_DEPTH)}*y*`);
    const odd = `x ${'\\'.repeat(1001)}*y*`;
    assert.equal(capNesting(odd).text, `x ${'\\'.repeat(2 * MAX_NESTING_DEPTH)}${'/'.repeat(1000 - 2 * MAX_NESTING_DEPTH)}\\*y*`);
    const short = `x ${'\\'.repeat(2 * MAX_NESTING_DEPTH)}*y*`;
    assert.equal(capNesting(short).text, short);
  });

  it('a 200,000-character run parses in one piece of plain text', () => {
    const text = `# T\n\n## Summary\n\n${'\\'.repeat(200_000)}\n`;
    const paragraph = parsePostmortem(text).blocks.find((b) => b.kind === 'paragraph')!;
    assert.equal(paragraph.inline.text, `${'\\'.repeat(MAX_NESTING_DEPTH)}${'/'.repeat(200_000 - 2 * MAX_NESTING_DEPTH)}`);
  });

  it('lines longer than MAX_MARKUP_LINE: plain text with their own characters, block markers kept, one info finding', () => {
    const unit = 'See **bold** `code` [a](https://e.com/x_(1)) and www.example.org &amp; <b>x</b> ~~s~~ \\* ';
    const long = unit.repeat(Math.ceil((MAX_MARKUP_LINE + 10) / unit.length));
    const text = `# T\n\n## ${long}\n\n- ${long}\r\n\n| Time | Event |\n|---|---|\n| 10:00 | ${long} |\n\n${'* '.repeat(MAX_MARKUP_LINE)}\n\nShort *emph* and [link](https://a.example).\n`;
    const analysis = analyzeText(text, { today: '2026-03-20' });
    const { blocks } = analysis.doc;
    // A line of one repeated character keeps its meaning (here a thematic break).
    assert.deepEqual(blocks.map((b) => b.kind), ['heading', 'heading', 'listItem', 'table', 'rule', 'paragraph']);
    assert.equal(blocks[1].inline.text, long.trim().replace(/ +/g, ' '));
    assert.equal(blocks[2].inline.text, long.trim().replace(/ +/g, ' '));
    assert.equal(blocks[3].rows![0][1].inline.text, long.trim().replace(/ +/g, ' '));
    // Every character maps back to the same character of the document.
    const inline = blocks[2].inline;
    for (let i = 0; i < inline.map.length; i += 3) assert.equal(text.slice(inline.map[i + 1], inline.map[i + 1] + inline.map[i + 2]), inline.text.slice(inline.map[i], inline.map[i] + inline.map[i + 2]));
    // Bare URLs are still links, with the document's characters; the short paragraph keeps its Markdown.
    assert.ok(inline.links.some((l) => l.url === 'http://www.example.org'));
    assert.equal(blocks[5].inline.text, 'Short emph and link.');
    const found = analysis.findings.filter((f) => f.message.includes(`longer than ${MAX_MARKUP_LINE.toLocaleString('en')} characters`));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /^3 lines, from line 3, are longer than 20,000 characters, so their emphasis, links and code are read as plain text/);
    assert.equal(found[0].severity, 'info');
  });
});
