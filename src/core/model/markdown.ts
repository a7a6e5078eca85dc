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
import type { Root } from 'mdast';
import { linkBareUrls } from './autolink';

/**
 * The GFM constructs the model reads (tables, task list items, strikethrough, footnotes), in
 * remark-gfm's order, without its autolink literal: bare URLs are linked by `linkBareUrls`, one
 * linear pass over the text nodes (remark-gfm's autolink literal costs seconds per MB of prose).
 */
function gfmParts(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
  (data.fromMarkdownExtensions ??= []).push(gfmFootnoteFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown());
}

const processor = unified().use(remarkParse).use(gfmParts).use(remarkFrontmatter, ['yaml']);

export function parseMarkdown(text: string): Root {
  const tree = processor.parse(text) as Root;
  linkBareUrls(tree, text);
  return tree;
}

export interface Chunk {
  /** Offset of the chunk in the document. */
  offset: number;
  text: string;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const SPLIT_HEADING = /^ {0,3}#{1,2}(?:[ \t]|$)/;
const LIST_ITEM_START = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\S/;
/** Above this size a chunk is also split between blocks and list items, so that no single parse grows large. */
export const SOFT_CHUNK_LIMIT = 2 * 1024;
/**
 * A heading starts a new chunk only when the current one has at least this many characters: every
 * parse has a fixed cost (the parser is set up anew), so thousands of tiny sections (`## Timeline`
 * repeated) are parsed a few at a time. Real sections are longer, so they keep a chunk each.
 */
export const MIN_CHUNK = 512;
/** Consecutive blank lines after which a large chunk is cut even before the next block is seen. */
const LONG_BLANK_RUN = 64;

/**
 * Splits a document into independently parseable chunks: at level 1–2 ATX headings outside fenced
 * code (once the chunk has MIN_CHUNK characters), and, once a chunk passes SOFT_CHUNK_LIMIT, before an unindented block after a blank line or
 * before an unindented list item. Markdown blocks never continue across those points, so the chunks
 * hold the same blocks, list items and tables as the whole text would (lists may be split into
 * several lists; link reference definitions do not carry across chunks, and we do not use them).
 * The front matter stays in the first chunk.
 */
/** True when a `---` / `...` line closes the front matter opened at `start`. */
function frontMatterCloses(text: string, start: number): boolean {
  let lineStart = text.indexOf('\n', start) + 1;
  while (lineStart > 0 && lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    if (lineEnd - lineStart <= 40 && /^(?:---|\.\.\.)\s*$/.test(text.slice(lineStart, lineEnd))) return true;
    lineStart = lineEnd + 1;
  }
  return false;
}

export function splitIntoChunks(source: string, start = 0): Chunk[] {
  // A lone CR ends a line as `\n` does (CommonMark): the lines are found on a copy with the same offsets,
  // the chunks are cut from the source (else a file saved with CR endings is one chunk, parsed slowly).
  const text = source.includes('\r') ? source.replace(/\r(?!\n)/g, '\n') : source;
  const chunks: Chunk[] = [];
  let chunkStart = start;
  let fence: string | undefined;
  let inComment = false;
  let previousBlank = false;
  let blankRun = 0;
  let lineStart = start;
  // A front matter that is never closed is no front matter (remark reads a thematic break): chunking
  // goes on as usual instead of treating the whole document as its front matter.
  let inFrontMatter = /^---\r?\n/.test(text.slice(start, start + 5)) && frontMatterCloses(text, start);
  let first = true;
  const cut = (at: number) => {
    chunks.push({ offset: chunkStart, text: source.slice(chunkStart, at) });
    chunkStart = at;
  };
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 400));
    const blank = line.trim() === '';
    if (inFrontMatter) {
      if (!first && /^(?:---|\.\.\.)\s*$/.test(line)) inFrontMatter = false;
    } else if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.trim() === close[1]) fence = undefined;
    } else if (inComment) {
      if (text.slice(lineStart, lineEnd).includes('-->')) inComment = false;
    } else {
      const open = FENCE.exec(line);
      const large = lineStart - chunkStart > SOFT_CHUNK_LIMIT;
      if (lineStart > chunkStart && ((lineStart - chunkStart >= MIN_CHUNK && SPLIT_HEADING.test(line)) || (large && !blank && !/^[ \t]/.test(line) && (previousBlank || LIST_ITEM_START.test(line)) && !/^\|/.test(line)))) {
        cut(lineStart);
      } else if (large && blankRun >= LONG_BLANK_RUN) {
        // Only a list item continued after this many blank lines would notice (no document does that):
        // a long run of blank lines is cut, so that a file of them is not one slow parse.
        cut(lineStart);
        blankRun = 0;
      }
      if (open && !(open[1][0] === '`' && line.slice(open[0].length).includes('`'))) fence = open[1];
      else {
        const full = text.slice(lineStart, lineEnd);
        const commentOpen = full.lastIndexOf('<!--');
        if (commentOpen !== -1 && full.indexOf('-->', commentOpen) === -1) inComment = true;
      }
    }
    previousBlank = blank;
    blankRun = blank ? blankRun + 1 : 0;
    first = false;
    lineStart = lineEnd + 1;
  }
  chunks.push({ offset: chunkStart, text: source.slice(chunkStart) });
  return chunks;
}
