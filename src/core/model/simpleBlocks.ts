// A parser for chunks made only of the simplest Markdown: ATX headings, paragraphs and `-`/`+` list
// items of one line, of plain text. Most lines of a timeline or of prose are such lines, and
// micromark spends about 2.5 s per MB on them (a state machine per character, a token per construct
// it tries); this reads them in one pass and gives the tree micromark would give, positions included
// (test/unit/core/model/simpleBlocks.test.ts compares the two on random chunks). Anything else in a
// chunk (emphasis, links, code, HTML, escapes, entities, tables, quotes, ordered lists, indentation,
// tabs, trailing white space, a line that continues a list item) makes it return undefined, and
// micromark reads the chunk.
import type { Heading, List, ListItem, Paragraph, Root, RootContent, Text } from 'mdast';
import type { Point } from 'unist';

/** Characters that may start inline Markdown, or that micromark replaces: a chunk with one is not simple. */
function hasInlineSyntax(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c !== 0x0a && c !== 0x0d) return true;
    } else if (c === 0x5c || c === 0x2a || c === 0x5f || c === 0x5b || c === 0x5d || c === 0x26 || c === 0x3c || c === 0x60 || c === 0x7e || c === 0x7c || c === 0xfeff) {
      return true;
    }
  }
  return false;
}

const ORDERED_MARKER = /^\d{1,9}[.)]/;
/** Content that would open another block inside a list item (`- - a`, `- # a`, `- 1. a`, `- > a`). */
const isBlockStart = (content: string) => /^[-+#>=]/.test(content) || ORDERED_MARKER.test(content);

/** A line that may be a table's delimiter row (`:-`, `:--: --`): with the line before, a table. */
const DELIMITER_ROW = /^[-: ]*-[-: ]*$/;

interface Line {
  start: number;
  /** End of the content, before the line ending. */
  end: number;
  index: number;
}

/** The tree micromark would give for `text`, or undefined when `text` holds more than the simplest blocks. */
export function parseSimpleChunk(text: string): Root | undefined {
  if (hasInlineSyntax(text)) return undefined;
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
  // The open paragraph: its lines, and its place in `children` (filled in when it closes).
  let paragraph: { first: Line; last: Line; at: number } | undefined;
  let list: { node: List; marker: string; blankSince: boolean } | undefined;
  const para = (first: Line, last: Line, from: number): Paragraph => {
    const position = { start: point(first, from), end: point(last, last.end) };
    const value: Text = { type: 'text', value: text.slice(from, last.end), position: { start: { ...position.start }, end: { ...position.end } } };
    return { type: 'paragraph', children: [value], position };
  };
  const closeParagraph = () => {
    if (paragraph) children[paragraph.at] = para(paragraph.first, paragraph.last, paragraph.first.start);
    paragraph = undefined;
  };
  const closeList = () => {
    list = undefined;
  };
  for (const line of lines) {
    const length = line.end - line.start;
    if (length === 0) {
      closeParagraph();
      if (list) list.blankSince = true;
      continue;
    }
    const first = text[line.start];
    if (first === ' ' || text.charCodeAt(line.end - 1) === 0x20) return undefined;
    const content = text.slice(line.start, line.end);
    if (first === '#') {
      const hashes = /^#{1,6} /.exec(content);
      if (!hashes) return undefined;
      const from = line.start + hashes[0].length;
      const value = text.slice(from, line.end);
      if (value === '' || value[0] === ' ' || value.endsWith('#')) return undefined;
      closeParagraph();
      closeList();
      const textNode: Text = { type: 'text', value, position: { start: point(line, from), end: point(line, line.end) } };
      const heading: Heading = { type: 'heading', depth: (hashes[0].length - 1) as Heading['depth'], children: [textNode], position: { start: point(line, line.start), end: point(line, line.end) } };
      children.push(heading);
      continue;
    }
    if (first === '-' || first === '+') {
      if (length < 3 || text[line.start + 1] !== ' ') return undefined;
      const itemText = content.slice(2);
      if (itemText[0] === ' ' || isBlockStart(itemText)) return undefined;
      closeParagraph();
      if (list && list.marker !== first) closeList();
      const item: ListItem = { type: 'listItem', spread: false, checked: null, children: [para(line, line, line.start + 2)], position: { start: point(line, line.start), end: point(line, line.end) } };
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
    if (first === '>' || first === '=' || ORDERED_MARKER.test(content) || DELIMITER_ROW.test(content)) return undefined;
    if (list) {
      // Without a blank line the line continues the last item (lazily): micromark reads that.
      if (!list.blankSince) return undefined;
      closeList();
    }
    if (paragraph) paragraph.last = line;
    else paragraph = { first: line, last: line, at: children.push(para(line, line, line.start)) - 1 };
  }
  closeParagraph();
  const last = lines[lines.length - 1];
  return { type: 'root', children, position: { start: { line: 1, column: 1, offset: 0 }, end: point(last, text.length) } };
}
