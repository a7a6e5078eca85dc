import { unified, type Processor } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import type { Root, RootContent } from 'mdast';
import type { Construct, Extension, TokenizeContext, Tokenizer } from 'micromark-util-types';
import { linkBareUrls } from './autolink';
import { parseSimpleChunk } from './simpleBlocks';
import { delimiterCells, rowCells } from './nesting';

/**
 * The GFM constructs the model reads (tables, task list items, strikethrough, footnotes), in
 * remark-gfm's order, without its autolink literal: bare URLs are linked by `linkBareUrls`, one
 * linear pass over the text nodes (remark-gfm's autolink literal costs seconds per MB of prose).
 */
function gfmParts(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gatedTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

/** The text being parsed: the table gate looks ahead in it. */
let parsing = '';

/**
 * gfmTable, tried only where a table can start: after a table row (its body rows), or on a line whose
 * next line may be a delimiter row. micromark tries the table on every line of every paragraph and
 * tokenizes the whole line as a header row before it sees that no delimiter row follows: on a long
 * line with spaces that is a token per word (160 MB and 0.4 s for a 1 MB line of prose).
 */
function gatedTable(): Extension {
  const table = gfmTable().flow!.null as Construct;
  const tokenize: Tokenizer = function (this: TokenizeContext, effects, ok, nok) {
    const inner = table.tokenize.call(this, effects, ok, nok);
    return (code) => (afterTableRow(this) || delimiterRowMayFollow(parsing, this.now().offset) ? inner(code) : nok(code));
  };
  return { flow: { null: { ...table, tokenize } } };
}

/** True when the last block event before line prefixes and endings is a table head or row (as gfmTable's own start checks). */
function afterTableRow(context: TokenizeContext): boolean {
  const events = context.events;
  for (let i = events.length - 1; i >= 0; i--) {
    const type = events[i][1].type;
    if (type === 'lineEnding' || type === 'linePrefix') continue;
    return type === 'tableHead' || type === 'tableRow';
  }
  return false;
}

/** At most this much of the next line is looked at: a delimiter row longer than this is read by micromark as usual. */
const MAX_DELIMITER_LOOK = 4096;

/**
 * False when the line after `offset` cannot be a table's delimiter row: a row holds only `|`, `:`,
 * `-` and white space (after quote markers and indentation), with at least one `-`.
 */
export function delimiterRowMayFollow(text: string, offset: number): boolean {
  let end = offset;
  while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
  if (end >= text.length) return false;
  const start = end + (text.charCodeAt(end) === 0x0d && text.charCodeAt(end + 1) === 0x0a ? 2 : 1);
  let next = start;
  while (next < text.length && next - start < MAX_DELIMITER_LOOK && text.charCodeAt(next) !== 0x0a && text.charCodeAt(next) !== 0x0d) next++;
  if (next - start >= MAX_DELIMITER_LOOK) return true;
  let i = start;
  while (i < next && (text.charCodeAt(i) === 0x3e || text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  let dash = false;
  for (; i < next; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2d) dash = true;
    else if (c !== 0x7c && c !== 0x3a && c !== 0x20 && c !== 0x09) return false;
  }
  return dash;
}

const processor = unified().use(remarkParse).use(gfmParts).use(remarkFrontmatter, ['yaml']);
/** For the chunks after the first: front matter exists only at the start of the document. */
const withoutFrontMatter = unified().use(remarkParse).use(gfmParts);

/** A text whose spans were made plain for the parser (nesting.ts plainLongLines): the original, and the spans. */
export interface PlainSpans {
  source: string;
  spans: Array<[number, number]>;
}

/**
 * The syntax tree of `text`; `frontMatter` false for a chunk that does not start the document. With
 * `plain`, `text` is a copy of `plain.source` whose spans hold no inline syntax: their text nodes get
 * the original characters back, and bare links are found in the original.
 */
export function parseMarkdown(text: string, frontMatter = true, plain?: PlainSpans): Root {
  const tree = (frontMatter && text.startsWith('---') ? undefined : parseSimpleChunk(text, parseInline)) ?? parseWithMicromark(text, frontMatter);
  if (plain) restoreText(tree, plain);
  linkBareUrls(tree, plain?.source ?? text);
  return tree;
}

/** Text nodes in the plain spans (of the same length as their source, as there is no escape in them) take the source's characters. */
function restoreText(tree: Root, { source, spans }: PlainSpans): void {
  const overlaps = (start: number, end: number) => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid][1] <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo < spans.length && spans[lo][0] < end;
  };
  const stack: Array<Root | RootContent> = [tree];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined && end - start === node.value.length && overlaps(start, end)) node.value = source.slice(start, end);
    } else if ('children' in node) for (const child of node.children) stack.push(child);
  }
}

const parseInline = (text: string) => parseWithMicromark(text, false);

/** The syntax tree of `text` as micromark and remark read it (parseMarkdown reads the simplest chunks itself). */
export function parseWithMicromark(text: string, frontMatter = true): Root {
  parsing = text;
  let tree: Root;
  try {
    tree = (frontMatter ? processor : withoutFrontMatter).parse(text) as Root;
  } finally {
    parsing = '';
  }
  return tree;
}

export interface Chunk {
  /** Offset of the chunk in the document. */
  offset: number;
  text: string;
  /**
   * A chunk that continues a long table: the table's header and delimiter lines, parsed in front of
   * the chunk's rows (and not part of the chunk). Its table's rows belong to the previous chunk's last table.
   */
  tableHead?: string;
  /** The chunk that starts the document: the only one that may hold front matter. */
  first?: boolean;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SPLIT_HEADING = /^ {0,3}#{1,2}(?:[ \t]|$)/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const LIST_ITEM_START = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
/** Above this size a chunk is also split between blocks and list items, so that no single parse grows large. */
export const SOFT_CHUNK_LIMIT = 2 * 1024;
/**
 * A heading starts a new chunk only when the current one has at least this many characters: every
 * parse has a fixed cost (the parser is set up anew), so thousands of tiny sections (`## Timeline`
 * repeated) are parsed a few at a time. Real sections are longer, so they keep a chunk each.
 */
export const MIN_CHUNK = 512;
/** A table is split between rows only when its header and delimiter lines (parsed again with each part) are at most this long. */
const MAX_TABLE_HEAD = 4 * 1024;

/** The line that closes a front matter opened with `---` (YAML; `...` too) or `+++` (TOML). */
const FRONT_MATTER_CLOSE = { '---': /^(?:---|\.\.\.)\s*$/, '+++': /^\+\+\+\s*$/ } as const;

/** True when a line matching `close` closes the front matter opened at `start`. */
function frontMatterCloses(text: string, start: number, close: RegExp): boolean {
  let lineStart = text.indexOf('\n', start) + 1;
  while (lineStart > 0 && lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (lineEnd - lineStart <= 40 && close.test(text.slice(lineStart, lineEnd))) return true;
    lineStart = lineEnd + 1;
  }
  return false;
}

const isBlankCode = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d;

/** True for an unindented thematic break line (`***`, `- - -`, `___`; a final `\r` is its line ending). */
export function isThematicBreak(line: string): boolean {
  const c = line[0];
  if (c !== '*' && c !== '-' && c !== '_') return false;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (line[i] === c) count++;
    else if (code !== 0x20 && code !== 0x09 && !(code === 0x0d && i === line.length - 1)) return false;
  }
  return count >= 3;
}

/**
 * Splits a document into independently parseable chunks: at level 1–2 ATX headings outside fenced
 * code (once the chunk has MIN_CHUNK characters), and, once a chunk passes SOFT_CHUNK_LIMIT, before
 * an unindented block after a blank line or a thematic break, before an unindented list item, inside
 * a run of blank lines that an unindented block (or the end) follows, and between the rows of a table
 * (the parts after the first are parsed with the table's header and delimiter lines, `tableHead`).
 * Markdown blocks never continue across those points, so the chunks hold the same blocks, list items
 * and tables as the whole text would (lists may be split into several lists; link reference
 * definitions do not carry across chunks, and we do not use them). The front matter stays in the
 * first chunk. Every parse stays small: micromark needs about 1 KB per character it parses at once.
 */
export function splitIntoChunks(source: string, start = 0): Chunk[] {
  // A lone CR ends a line as `\n` does (CommonMark): the lines are found on a copy with the same offsets,
  // the chunks are cut from the source (else a file saved with CR endings is one chunk, parsed slowly).
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  const chunks: Chunk[] = [];
  let chunkStart = start;
  let chunkHead: string | undefined;
  let fence: string | undefined;
  let inComment = false;
  let previousBlank = false;
  // The previous line was a thematic break that is a block of its own (after a blank line or another such break).
  let previousBreak = false;
  let previousHeading = false;
  // The previous line, when it may be a table's header (an unindented `|` line starting a block), and its cells.
  let headerAt = -1;
  let headerCells = -1;
  // Inside a table that may be split between rows: its header and delimiter lines.
  let tableHead: string | undefined;
  // The end of the current run of blank lines when an unindented block (or the end) follows it, else -1.
  let blankRunSafeUntil = -2;
  let lineStart = start;
  // A front matter that is never closed is no front matter (remark reads a thematic break): chunking
  // goes on as usual instead of treating the whole document as its front matter.
  // Blank lines inside it do not end a chunk: a TOML front matter often has some between its groups of keys.
  const frontMatterFence = /^(---|\+\+\+)\r?\n/.exec(text.slice(start, start + 5))?.[1] as keyof typeof FRONT_MATTER_CLOSE | undefined;
  const frontMatterClose = frontMatterFence ? FRONT_MATTER_CLOSE[frontMatterFence] : undefined;
  let inFrontMatter = frontMatterClose !== undefined && frontMatterCloses(text, start, frontMatterClose);
  let first = true;
  const cut = (at: number, head?: string) => {
    chunks.push({ offset: chunkStart, text: source.slice(chunkStart, at), ...(chunkHead !== undefined ? { tableHead: chunkHead } : {}), ...(chunks.length === 0 ? { first: true } : {}) });
    chunkStart = at;
    chunkHead = head;
  };
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 400));
    const blank = line.trim() === '';
    let isBreak = false;
    let isHeading = false;
    if (inFrontMatter) {
      if (!first && frontMatterClose!.test(line)) {
        inFrontMatter = false;
        // Its closing line ends a block, like a thematic break.
        isBreak = true;
      }
    } else if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.trim() === close[1]) fence = undefined;
    } else if (inComment) {
      if (text.slice(lineStart, lineEnd).includes('-->')) inComment = false;
    } else {
      const open = FENCE.exec(line);
      // A long line also gets a chunk of its own (one huge thematic break is then read without the parser).
      const large = lineStart - chunkStart > SOFT_CHUNK_LIMIT || lineEnd - lineStart > SOFT_CHUNK_LIMIT;
      // Tables: a header line, then a delimiter row with as many cells, then rows (unindented `|` lines).
      if (tableHead !== undefined && (blank || line[0] !== '|')) tableHead = undefined;
      if (headerAt !== -1) {
        if (lineStart - headerAt <= MAX_TABLE_HEAD && lineEnd - lineStart <= MAX_TABLE_HEAD && delimiterCells(text.slice(lineStart, lineEnd)) === headerCells) {
          tableHead = source.slice(headerAt, lineEnd + 1);
          if (lineEnd === text.length) tableHead += '\n';
        }
        headerAt = -1;
      } else if (tableHead !== undefined && large && lineStart > chunkStart) cut(lineStart, tableHead);
      if (tableHead === undefined && line[0] === '|' && (previousBlank || previousBreak || previousHeading || lineStart === chunkStart)) {
        headerAt = lineStart;
        headerCells = rowCells(text.slice(lineStart, lineEnd));
      }
      if (blank) {
        // Inside a run of blank lines: cut when what follows the run may start a chunk anyway.
        if (large && previousBlank && lineStart > chunkStart) {
          if (blankRunSafeUntil === -2) blankRunSafeUntil = blankRunEnd(text, lineStart);
          if (blankRunSafeUntil !== -1) cut(lineStart);
        }
      } else if (tableHead === undefined && lineStart > chunkStart && ((lineStart - chunkStart >= MIN_CHUNK && SPLIT_HEADING.test(line)) || (large && !/^[ \t]/.test(line) && (previousBlank || previousBreak || LIST_ITEM_START.test(line)) && !/^\|/.test(line)))) {
        cut(lineStart);
      }
      isBreak = !blank && (previousBlank || previousBreak || lineStart === chunkStart) && lineEnd - lineStart <= 400 && isThematicBreak(line);
      // An ATX heading is a block of one line: a table may start right after it.
      isHeading = !blank && ATX_HEADING.test(line);
      if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) {
        fence = open[1];
        tableHead = undefined;
        headerAt = -1;
      } else {
        const full = text.slice(lineStart, lineEnd);
        const commentOpen = full.lastIndexOf('<!--');
        if (commentOpen !== -1 && full.indexOf('-->', commentOpen) === -1) {
          inComment = true;
          tableHead = undefined;
          headerAt = -1;
        }
      }
    }
    if (!blank) blankRunSafeUntil = -2;
    previousBlank = blank;
    previousBreak = isBreak;
    previousHeading = isHeading;
    first = false;
    lineStart = lineEnd + 1;
  }
  chunks.push({ offset: chunkStart, text: source.slice(chunkStart), ...(chunkHead !== undefined ? { tableHead: chunkHead } : {}), ...(chunks.length === 0 ? { first: true } : {}) });
  return chunks;
}

/**
 * For a blank line at `from`: the offset of the next non-blank line when it is unindented and no
 * table row (or the end of the text), where a chunk could start anyway; -1 otherwise.
 */
function blankRunEnd(text: string, from: number): number {
  let p = from;
  while (p < text.length) {
    const c = text.charCodeAt(p);
    if (c !== 0x0a && !isBlankCode(c)) break;
    p++;
  }
  if (p === text.length) return p;
  const lineStart = text.lastIndexOf('\n', p - 1) + 1;
  return p === lineStart && text[p] !== '|' ? p : -1;
}
