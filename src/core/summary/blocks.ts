// Content blocks (paragraphs, list items, table rows) of a section, read from the document model's
// prose runs and table ranges. Pure TypeScript, no `vscode` import.

import type { PostmortemDocument, Range, Section, SectionKind } from '../model/types';
import { offsetAt } from '../rules/edits';
import { positionAtOffset } from '../model/text';
import { markdownToPlain, type SourcedText } from './plainText';

export interface Block {
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

const LIST_PREFIX = /^[ \t]{0,12}(?:(?:[-*+])|(\d{1,9}[.)]))[ \t]+(?:\[[ xX]\][ \t]+)?$/;

export const offsetOf = offsetAt;

export function lineOf(doc: PostmortemDocument, offset: number): number {
  return positionAtOffset(doc.lineStarts, offset).line;
}

function inRange(doc: PostmortemDocument, range: Range, offset: number): boolean {
  return offsetOf(doc, range.start) <= offset && offset < offsetOf(doc, range.end);
}

/** Sections of a kind, outermost only (a nested section of the same kind is part of its parent). */
export function sectionsOf(doc: PostmortemDocument, kind: SectionKind) {
  return doc.allSections.filter((s) => s.kind === kind);
}

/**
 * Blocks in the bodies of every section of `kind`, in document order. Headings and quotes are skipped
 * (quoted words are someone else's, not the author's summary).
 */
export function blocksOf(doc: PostmortemDocument, kind: SectionKind, filter: (section: Section) => boolean = () => true): Block[] {
  const ranges = sectionsOf(doc, kind).filter(filter).map((s) => [offsetOf(doc, s.headingRange.end), offsetOf(doc, s.range.end)] as const);
  if (ranges.length === 0) return [];
  const headingStarts = new Set(doc.allSections.map((s) => offsetOf(doc, s.headingRange.start)));
  const blocks: Block[] = [];
  const rows = new Map<string, { table: number; line: number; cells: Map<number, SourcedText> }>();
  for (const run of doc.prose) {
    if (!ranges.some(([a, b]) => run.offset >= a && run.offset < b)) continue;
    if (run.inQuote || headingStarts.has(run.offset)) continue;
    const end = run.offset + run.text.length;
    const line = lineOf(doc, run.offset);
    const table = doc.tables.findIndex((t) => inRange(doc, t, run.offset));
    if (table !== -1) {
      let a = run.offset;
      let b = end;
      if (doc.text[a] === '|') a++;
      if (b > a && doc.text[b - 1] === '|' && doc.text[b - 2] !== '\\') b--;
      const before = doc.text.slice(doc.lineStarts[line], run.offset);
      const leadingPipe = before.trimStart().startsWith('|') || (before.trim() === '' && doc.text[run.offset] === '|');
      const column = countPipes(before) + (!leadingPipe && doc.text[run.offset] === '|' ? 1 : 0);
      const key = `${table}:${line}`;
      let row = rows.get(key);
      if (!row) {
        row = { table, line, cells: new Map() };
        rows.set(key, row);
        blocks.push({ kind: 'tableRow', text: { text: '', offsets: [] }, line, cells: [] });
        (blocks[blocks.length - 1] as Block & { rowKey?: string }).rowKey = key;
      }
      row.cells.set(Math.max(0, column), markdownToPlain(doc.text, a, b));
      continue;
    }
    const prefix = doc.text.slice(doc.lineStarts[line], run.offset);
    const list = LIST_PREFIX.exec(prefix);
    const text = markdownToPlain(doc.text, run.offset, end);
    if (!text.text) continue;
    blocks.push({ kind: list ? 'listItem' : 'paragraph', ...(list ? { ordered: list[1] !== undefined } : {}), text, line });
  }
  // Fill table rows: cells by column, header = first row of the same table.
  const headers = new Map<number, string[]>();
  const out: Block[] = [];
  for (const block of blocks) {
    const key = (block as Block & { rowKey?: string }).rowKey;
    if (!key) {
      out.push(block);
      continue;
    }
    const row = rows.get(key)!;
    const width = Math.max(...row.cells.keys()) + 1;
    const cells: SourcedText[] = [];
    for (let i = 0; i < width; i++) cells.push(row.cells.get(i) ?? { text: '', offsets: [] });
    if (!headers.has(row.table)) {
      headers.set(row.table, cells.map((c) => c.text));
      continue;
    }
    const joined = joinCells(cells);
    out.push({ kind: 'tableRow', text: joined, cells, header: headers.get(row.table)!, line: row.line });
  }
  return out;
}

function countPipes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (text[i] === '|' && text[i - 1] !== '\\') n++;
  return n;
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
    offsets.push(...cell.offsets);
  }
  return { text, offsets };
}
