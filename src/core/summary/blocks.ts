// The content blocks of a section as the summary reads them (paragraphs, list items, table rows),
// straight from the model's blocks. Pure TypeScript, no `vscode` import.

import { type InlineText, sourceOffset } from '../model/inline';
import type { PostmortemDocument, Section, SectionKind } from '../model/types';
import { positionAtOffset } from '../model/text';
import type { SourcedText } from './plainText';
import { maxOf, pushAll } from '../util/arrays';

export interface SummaryBlock {
  kind: 'paragraph' | 'listItem' | 'tableRow';
  /** For list items: `1.` / `1)` lists. */
  ordered?: boolean;
  /** Plain text of a paragraph or list item; for a table row, the cells joined with " | ". */
  text: SourcedText;
  /** Table rows only: cell texts by column (missing cells are empty). */
  cells?: SourcedText[];
  /** Table rows only: the header cells of the table. */
  header?: string[];
  /** 0-based line where the block starts. */
  line: number;
}


export function lineOf(doc: PostmortemDocument, offset: number): number {
  return positionAtOffset(doc.lineStarts, offset).line;
}

/** Sections by kind, grouped once per document: the summary asks for a kind a dozen times per format. */
const BY_KIND = new WeakMap<Section[], Map<SectionKind, Section[]>>();
const NONE: readonly Section[] = Object.freeze([]);

/** Sections of a kind, in document order. */
export function sectionsOf(doc: PostmortemDocument, kind: SectionKind): readonly Section[] {
  let byKind = BY_KIND.get(doc.allSections);
  if (!byKind) {
    byKind = new Map();
    for (const section of doc.allSections) {
      if (!section.kind) continue;
      const list = byKind.get(section.kind);
      if (list) list.push(section);
      else byKind.set(section.kind, [section]);
    }
    BY_KIND.set(doc.allSections, byKind);
  }
  return byKind.get(kind) ?? NONE;
}

/**
 * Characters of a block the summary reads: it quotes a few sentences at most, and a character's offset
 * costs 8 bytes (a 1 MB paragraph made 23 MB of them).
 */
export const SUMMARY_BLOCK_CHARS = 20_000;

/** Plain text on one line with the document offset of every character (the first SUMMARY_BLOCK_CHARS). */
export function sourced(inline: InlineText): SourcedText {
  const cut = inline.text.length > SUMMARY_BLOCK_CHARS;
  const text = (cut ? inline.text.slice(0, SUMMARY_BLOCK_CHARS) : inline.text).replace(/\n/g, ' ');
  const offsets = new Array<number>(text.length);
  for (let i = 0; i < text.length; i++) offsets[i] = sourceOffset(inline, i);
  return cut ? { text, offsets, cut } : { text, offsets };
}

/**
 * Blocks in the bodies of every section of `kind`, in document order. Headings and quotes are skipped
 * (quoted words are someone else's, not the author's summary).
 */
export function blocksOf(doc: PostmortemDocument, kind: SectionKind, filter: (section: Section) => boolean = () => true): SummaryBlock[] {
  const out: SummaryBlock[] = [];
  for (const section of sectionsOf(doc, kind)) {
    if (!filter(section)) continue;
    for (let b = section.block + 1; b < section.blockEnd; b++) {
      const block = doc.blocks[b];
      if (block.quoteDepth > 0) continue;
      const line = lineOf(doc, block.start);
      if (block.kind === 'paragraph' || block.kind === 'listItem') {
        if (!block.inline.text) continue;
        out.push({ kind: block.kind, ...(block.kind === 'listItem' ? { ordered: block.ordered === true } : {}), text: sourced(block.inline), line });
      } else if (block.kind === 'table') {
        const header = (block.header ?? []).map((c) => c.inline.text.replace(/\n/g, ' '));
        const width = maxOf(block.rows ?? [], (r) => r.length, header.length);
        (block.rows ?? []).forEach((row, r) => {
          const cells: SourcedText[] = [];
          for (let c = 0; c < width; c++) cells.push(row[c] ? sourced(row[c].inline) : { text: '', offsets: [] });
          out.push({ kind: 'tableRow', text: joinCells(cells), cells, header, line: lineOf(doc, block.rowSpans?.[r]?.[0] ?? block.start) });
        });
      }
    }
  }
  return out;
}

function joinCells(cells: SourcedText[]): SourcedText {
  let text = '';
  const offsets: number[] = [];
  for (const cell of cells) {
    if (!cell.text) continue;
    if (text) {
      text += ' | ';
      const at = cell.offsets[0] ?? 0;
      offsets.push(at, at, at);
    }
    text += cell.text;
    pushAll(offsets, cell.offsets);
  }
  return { text, offsets };
}
