// The prose of a document, from its blocks: headings, paragraphs, list items and table cells, with
// what is not prose (code spans, bare URLs) blanked out so that a match in `text` maps straight to the
// plain text (and through the block's source map to the document). Computed on demand, never stored.
import type { Block } from './blocks';
import { type InlineText, oneLineText } from './inline';
import type { PostmortemDocument, SectionKind } from './types';
import { codesOf, stringFromCodes } from '../util/strings';

export interface ProseRun {
  /** Plain text with non-prose spans replaced by spaces (same length as `inline.text`). */
  text: string;
  /** The plain text and its source map. */
  inline: InlineText;
  /** Index of the block in the document. */
  block: number;
  /** Kind of the innermost kinded section around the block, if any. */
  sectionKind?: SectionKind;
  /** The block is (part of) an action item. */
  inActionItem: boolean;
  /** Inside a `>` quote: quoted words of others are not ours to reword. */
  inQuote: boolean;
}

/** Every run of prose in document order. */
export function proseRuns(doc: Pick<PostmortemDocument, 'blocks' | 'allSections' | 'actionItems'>): ProseRun[] {
  const kinds = sectionKinds(doc);
  const actionBlocks = new Set(doc.actionItems.map((a) => a.block));
  const runs: ProseRun[] = [];
  const add = (inline: InlineText, block: number, b: Block) => {
    if (!inline.text) return;
    const kind = kinds[block];
    runs.push({
      text: blankCode(inline),
      inline,
      block,
      ...(kind ? { sectionKind: kind } : {}),
      inActionItem: actionBlocks.has(block) || (b.parent !== -1 && actionBlocks.has(b.parent)),
      inQuote: b.quoteDepth > 0,
    });
  };
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'heading' || b.kind === 'paragraph' || b.kind === 'listItem') add(b.inline, i, b);
    else if (b.kind === 'table') for (const row of [b.header ?? [], ...(b.rows ?? [])]) for (const cell of row) add(cell.inline, i, b);
  });
  return runs;
}

/** The text with its code spans as spaces (line breaks kept), edited as code units: 2 bytes a character, not a string each. */
function blankCode(inline: InlineText): string {
  if (inline.code.length === 0) return inline.text;
  const codes = codesOf(inline.text);
  for (let k = 0; k < inline.code.length; k += 2) for (let i = inline.code[k]; i < inline.code[k + 1] && i < codes.length; i++) if (codes[i] !== 10) codes[i] = 32;
  return stringFromCodes(codes);
}

/** The kind of the innermost kinded section around each block. */
function sectionKinds(doc: Pick<PostmortemDocument, 'blocks' | 'allSections'>): Array<SectionKind | undefined> {
  const kinds: Array<SectionKind | undefined> = new Array(doc.blocks.length).fill(undefined);
  for (const s of doc.allSections) {
    if (!s.kind) continue;
    for (let b = s.block; b < s.blockEnd; b++) kinds[b] = s.kind;
  }
  return kinds;
}

/**
 * The first content of a section as one line: its first paragraph or list item; for a table, its first
 * rows as `name: value`. What a tile or a hover shows when it has room for one line.
 */
export function sectionLead(doc: Pick<PostmortemDocument, 'blocks'>, section: { block: number; blockEnd: number }): string | null {
  for (let b = section.block + 1; b < section.blockEnd; b++) {
    const block = doc.blocks[b];
    if (block.kind === 'paragraph' || block.kind === 'listItem') {
      const text = oneLineText(block.inline.text).trim();
      if (text) return text;
    } else if (block.kind === 'table') {
      const rows = (block.rows ?? []).slice(0, 3).map((row) => row.map((cell) => oneLineText(cell.inline.text).trim()).filter(Boolean));
      const parts = rows.map((cells) => (cells.length >= 2 ? `${cells[0]}: ${cells.slice(1).join(', ')}` : cells.join(''))).filter(Boolean);
      if (parts.length) return parts.join(' · ');
    }
  }
  return null;
}
