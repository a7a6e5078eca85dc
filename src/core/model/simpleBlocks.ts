// A block parser for chunks made only of the simplest Markdown blocks: ATX headings, paragraphs,
// one-line `-`/`+`/`*` list items (task items too) and GFM tables whose rows start and end with a pipe. Most chunks of a post-mortem are such blocks, and micromark's block
// level (a state machine per character, a token per construct it tries) costs about 2.5 s per MB of
// them. This reads the block structure in one pass; the inline content of the blocks that have any
// inline syntax (emphasis, code, links, escapes, entities, HTML, hard breaks) is parsed by micromark
// in one batch, each block's text as a paragraph of its own, and moved to its place. The result is the
// tree micromark gives for the whole chunk, positions included (test/unit/core/model/simpleBlocks.test.ts
// compares the two on random chunks). Anything else in a chunk (quotes, code blocks, HTML blocks,
// ordered lists, definitions, indentation, tabs, a line that continues a list item or a table, a pipe
// outside a table, a backslash in a table) makes it return undefined, and micromark reads the chunk.
import type { AlignType, Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableCell, TableRow, Text } from 'mdast';
import type { Point, Position } from 'unist';

/** Parses `text` as Markdown without front matter (micromark), for the inline content of the blocks. */
export type InlineParser = (text: string) => Root;

/** A chunk with one of these is not simple: control characters (micromark replaces NUL; tabs move columns), a BOM. */
function hasBlockHazard(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x0a && c !== 0x0d) || c === 0xfeff) return true;
  }
  return false;
}

/** Characters that may start inline Markdown (or end a line with a hard break): a block with one is parsed by micromark. */
const INLINE_SYNTAX = /[\\*_[\]&<`~!]| \r?\n| \r| $/;
const TASK_BOX = /^\[([ xX])\] /;
const ORDERED_MARKER = /^\d{1,9}[.)]/;
/** A line of only `*`, `_`, `-` and spaces may be a thematic break or a setext underline; `-`, `:` and spaces a table's delimiter row. */
// Two linear tests, not one regex: `^[-: ]*-[-: ]*$` backtracks quadratically on a run of `-`.
const breakLike = (s: string) => /^[-*_ ]*$/.test(s) || (/^[-: ]*$/.test(s) && s.includes('-'));
/** Content that would open another block (`- - a`, `- # a`, `- 1. a`, `- > a`, a fence, HTML, a definition or task box). */
const opensBlock = (content: string) => /^(?:[-+*] |[#>=<[]|`{3}|~{3})/.test(content) || ORDERED_MARKER.test(content) || breakLike(content);

interface Line {
  start: number;
  /** End of the content, before the line ending. */
  end: number;
  index: number;
}

/** A block's inline text, parsed later in the batch: where it is in the chunk and the node that gets its children. */
interface Pending {
  from: number;
  to: number;
  line: Line;
  node: Paragraph | Heading | TableCell;
}

/** The tree micromark would give for `text`, or undefined when `text` holds more than the simplest blocks. */
export function parseSimpleChunk(text: string, parseInline: InlineParser): Root | undefined {
  if (hasBlockHazard(text) || text.includes(']:')) return undefined;
  const lines: Line[] = [];
  for (let start = 0, index = 0; ; index++) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    lines.push({ start, end, index });
    if (end >= text.length) break;
    start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  }
  const point = (line: Line, offset: number): Point => ({ line: line.index + 1, column: offset - line.start + 1, offset });
  const children: RootContent[] = [];
  const pending: Pending[] = [];
  const tasks: Array<{ paragraph: Paragraph; box: Point }> = [];
  /** A paragraph (or heading content) from `from` on `first` to the end of `last`: plain text now, or parsed in the batch. */
  const block = <T extends Paragraph | Heading | TableCell>(node: T, first: Line, last: Line, from: number, to = last.end): T => {
    if (INLINE_SYNTAX.test(text.slice(from, to))) pending.push({ from, to, line: first, node });
    else node.children = [{ type: 'text', value: text.slice(from, to), position: { start: point(first, from), end: point(last, to) } } satisfies Text];
    return node;
  };
  const paragraph = (first: Line, last: Line, from: number): Paragraph =>
    block({ type: 'paragraph', children: [], position: { start: point(first, from), end: point(last, last.end) } }, first, last, from);
  // The open paragraph: its lines, and its place in `children` (filled in when it closes).
  let open: { first: Line; last: Line; at: number } | undefined;
  let list: { node: List; marker: string; blankSince: boolean } | undefined;
  const closeParagraph = () => {
    if (open) children[open.at] = paragraph(open.first, open.last, open.first.start);
    open = undefined;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const length = line.end - line.start;
    if (length === 0) {
      closeParagraph();
      if (list) list.blankSince = true;
      continue;
    }
    const first = text[line.start];
    const content = text.slice(line.start, line.end);
    if (first === ' ') return undefined;
    if (first === '|') {
      // A table starts a block: after a paragraph line or a list item it would be read otherwise.
      if (open || (list && !list.blankSince)) return undefined;
      const table = readTable(text, lines, i, block, point);
      if (!table) return undefined;
      list = undefined;
      children.push(table.node);
      i = table.last;
      continue;
    }
    if (content.includes('|')) return undefined;
    if (first === '#') {
      const hashes = /^#{1,6} /.exec(content);
      if (!hashes) return undefined;
      const from = line.start + hashes[0].length;
      const value = text.slice(from, line.end);
      if (value === '' || value[0] === ' ' || value.endsWith('#') || value.endsWith(' ')) return undefined;
      closeParagraph();
      list = undefined;
      const heading: Heading = { type: 'heading', depth: (hashes[0].length - 1) as Heading['depth'], children: [], position: { start: point(line, line.start), end: point(line, line.end) } };
      children.push(block(heading, line, line, from));
      continue;
    }
    if ((first === '-' || first === '+' || first === '*') && text[line.start + 1] === ' ' && !breakLike(content)) {
      const itemText = content.slice(2);
      // A task item's paragraph is what follows its box.
      const task = TASK_BOX.exec(itemText);
      const itemContent = task ? itemText.slice(4) : itemText;
      if (itemContent === '' || itemContent[0] === ' ' || opensBlock(itemContent) || itemText.endsWith(' ')) return undefined;
      closeParagraph();
      if (list && list.marker !== first) list = undefined;
      const body = paragraph(line, line, line.start + 2 + (task ? 4 : 0));
      if (task) tasks.push({ paragraph: body, box: point(line, line.start + 2) });
      const item: ListItem = { type: 'listItem', spread: false, checked: task ? task[1] !== ' ' : null, children: [body], position: { start: point(line, line.start), end: point(line, line.end) } };
      if (list) {
        if (list.blankSince) list.node.spread = true;
        list.blankSince = false;
        list.node.children.push(item);
        list.node.position!.end = { ...item.position!.end };
      } else {
        const node: List = { type: 'list', ordered: false, start: null, spread: false, children: [item], position: { start: point(line, line.start), end: point(line, line.end) } };
        list = { node, marker: first, blankSince: false };
        children.push(node);
      }
      continue;
    }
    // `-` alone is an empty list item; `-x` is a paragraph.
    if (opensBlock(content) || ((first === '-' || first === '+' || first === '*') && length === 1)) return undefined;
    if (list) {
      // Without a blank line the line continues the last item (lazily): micromark reads that.
      if (!list.blankSince) return undefined;
      list = undefined;
    }
    if (open) open.last = line;
    else open = { first: line, last: line, at: children.push({ type: 'paragraph', children: [] }) - 1 };
  }
  closeParagraph();
  if (pending.length && !parseInlineBatch(text, pending, parseInline)) return undefined;
  // mdast-util-gfm-task-list-item moves a task paragraph's start past the box only when it opens with text.
  for (const { paragraph: node, box } of tasks) if (node.children[0]?.type !== 'text') node.position!.start = box;
  const last = lines[lines.length - 1];
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: point(last, text.length) } };
}

/** A table row's cells: from each pipe to the next (the last one to past the closing pipe), or undefined when the line is no such row. */
function rowCells(text: string, line: Line): Array<{ start: number; end: number }> | undefined {
  let end = line.end;
  while (end > line.start && text.charCodeAt(end - 1) === 0x20) end--;
  if (end - line.start < 2 || text.charCodeAt(end - 1) !== 0x7c) return undefined;
  const cells: Array<{ start: number; end: number }> = [];
  let cellStart = line.start;
  for (let i = line.start + 1; i < end; i++) {
    const c = text.charCodeAt(i);
    // An escaped pipe is cell content: micromark reads rows with backslashes.
    if (c === 0x5c) return undefined;
    if (c === 0x7c) {
      // The last cell (and the row) also holds the white space after the closing pipe.
      cells.push({ start: cellStart, end: i === end - 1 ? line.end : i });
      cellStart = i;
    }
  }
  return cells;
}

/** The offset of the closing pipe of a row whose last cell ends at `end` (after trailing spaces). */
function closingPipe(text: string, end: number): number {
  while (text.charCodeAt(end - 1) === 0x20) end--;
  return end - 1;
}

const DELIMITER_CELL = /^ *(:?)-+(:?) *$/;

/** Reads the table whose header is `lines[at]`: a delimiter row with as many cells, then rows up to a blank line or the end. */
function readTable(
  text: string,
  lines: Line[],
  at: number,
  block: (node: TableCell, first: Line, last: Line, from: number, to: number) => TableCell,
  point: (line: Line, offset: number) => Point,
): { node: Table; last: number } | undefined {
  const header = rowCells(text, lines[at]);
  const delimiterLine = lines[at + 1];
  if (!header || !delimiterLine || text[delimiterLine.start] !== '|') return undefined;
  const delimiter = rowCells(text, delimiterLine);
  if (!delimiter || delimiter.length !== header.length) return undefined;
  const align: AlignType[] = [];
  for (const cell of delimiter) {
    const inner = text.slice(cell.start + 1, cell === delimiter[delimiter.length - 1] ? closingPipe(text, cell.end) : cell.end);
    const match = DELIMITER_CELL.exec(inner);
    if (!match) return undefined;
    align.push(match[1] && match[2] ? 'center' : match[1] ? 'left' : match[2] ? 'right' : null);
  }
  const row = (line: Line, cells: Array<{ start: number; end: number }>): TableRow => ({
    type: 'tableRow',
    children: cells.map((cell, k) => {
      let from = cell.start + 1;
      let to = k === cells.length - 1 ? closingPipe(text, cell.end) : cell.end;
      while (from < to && text.charCodeAt(from) === 0x20) from++;
      while (to > from && text.charCodeAt(to - 1) === 0x20) to--;
      const node: TableCell = { type: 'tableCell', children: [], position: { start: point(line, cell.start), end: point(line, cell.end) } };
      return from < to ? block(node, line, line, from, to) : node;
    }),
    position: { start: point(line, line.start), end: point(line, cells[cells.length - 1].end) },
  });
  const rows = [row(lines[at], header)];
  let last = at + 1;
  for (let i = at + 2; i < lines.length; i++) {
    const line = lines[i];
    if (line.end === line.start) break;
    // A line that is not a `|…|` row may still continue the table: micromark reads the chunk.
    const cells = text[line.start] === '|' ? rowCells(text, line) : undefined;
    if (!cells) return undefined;
    rows.push(row(line, cells));
    last = i;
  }
  const end = last === at + 1 ? point(delimiterLine, delimiterLine.end) : rows[rows.length - 1].position!.end;
  return { node: { type: 'table', align, children: rows, position: { start: point(lines[at], lines[at].start), end: { ...end } } }, last };
}

/**
 * Parses the inline text of every pending block in one micromark run (the texts as paragraphs
 * separated by blank lines) and gives each block its children and, for paragraphs, micromark's end
 * (trailing white space is not part of a paragraph). False when a text is not read as one paragraph.
 */
function parseInlineBatch(text: string, pending: Pending[], parseInline: InlineParser): boolean {
  const starts: number[] = [];
  let joined = '';
  for (const p of pending) {
    if (joined) joined += '\n\n';
    starts.push(joined.length);
    joined += text.slice(p.from, p.to);
  }
  const tree = parseInline(joined);
  if (tree.children.length !== pending.length) return false;
  for (let i = 0; i < pending.length; i++) {
    const parsed = tree.children[i];
    const p = pending[i];
    if (parsed.type !== 'paragraph' || parsed.position?.start.offset !== starts[i]) return false;
    const move = mover(starts[i], parsed.position.start.line, p.from, p.line.index + 1, p.from - p.line.start + 1);
    for (const child of parsed.children) moveNode(child, move);
    p.node.children = parsed.children as PhrasingContent[];
    if (p.node.type === 'paragraph') {
      if (parsed.position.end.offset! > starts[i] + (p.to - p.from)) return false;
      p.node.position!.end = move(parsed.position.end);
    }
  }
  return true;
}

/** Maps a point of the batch to the chunk: same offset delta and line delta; columns move on the block's first line only. */
function mover(batchOffset: number, batchLine: number, offset: number, line: number, column: number): (p: Point) => Point {
  return (p) => ({ line: p.line - batchLine + line, column: p.line === batchLine ? p.column + column - 1 : p.column, offset: p.offset! - batchOffset + offset });
}

function moveNode(node: { position?: Position; children?: unknown[] }, move: (p: Point) => Point): void {
  if (node.position) node.position = { start: move(node.position.start), end: move(node.position.end) };
  if (node.children) for (const child of node.children) moveNode(child as typeof node, move);
}
