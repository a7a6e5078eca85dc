import type { Position, PostmortemDocument, Range } from './types';

/** The offset just after the next line break (`\n`, `\r\n`, lone `\r`) from `from`, or -1. */
function nextBreak(text: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) return i + 1;
    if (c === 13) return text.charCodeAt(i + 1) === 10 ? i + 2 : i + 1;
  }
  return -1;
}

/** Maps UTF-16 offsets to 0-based line/character positions and back. Lines end at `\n`; a `\r` before it is not part of the line. */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    // Lines end at \n, \r\n or a lone \r, as in VS Code and remark. A scan, not a regex: a match array per line
    // made 100 MB of garbage for a million blank lines.
    // Counted first, then filled: pushing a million starts reallocated the array to 30 MB on the way.
    let count = 1;
    for (let i = nextBreak(text, 0); i !== -1; i = nextBreak(text, i)) count++;
    const starts = new Array<number>(count);
    starts[0] = 0;
    for (let i = nextBreak(text, 0), n = 1; i !== -1; i = nextBreak(text, i)) starts[n++] = i;
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    const lineEnd = this.lineEndOffset(low);
    return { line: low, character: Math.min(clamped, lineEnd) - this.lineStarts[low] };
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    return Math.min(this.lineStarts[position.line] + Math.max(0, position.character), this.lineEndOffset(position.line));
  }

  /**
   * A range whose positions may be shared with the ranges made just before it (positions are never changed
   * in place): an event's three ranges or a section's share their ends, and 36,000 of them kept 10 MB fewer objects.
   */
  range(start: number, end: number): Range {
    return { start: this.sharedPositionAt(start), end: this.sharedPositionAt(Math.max(start, end)) };
  }

  private readonly recentOffsets = [-1, -1, -1, -1];
  private readonly recentPositions: Position[] = [];
  private recentNext = 0;

  private sharedPositionAt(offset: number): Position {
    for (let k = 0; k < 4; k++) if (this.recentOffsets[k] === offset) return this.recentPositions[k];
    const position = this.positionAt(offset);
    this.recentOffsets[this.recentNext] = offset;
    this.recentPositions[this.recentNext] = position;
    this.recentNext = (this.recentNext + 1) & 3;
    return position;
  }

  /** Offset just past the last character of the line (before `\r\n` or `\n`). */
  lineEndOffset(line: number): number {
    return lineEndAt(this, line);
  }

  lineText(line: number): string {
    return lineTextAt(this, line);
  }

  lineRange(line: number): Range {
    return { start: { line, character: 0 }, end: { line, character: this.lineEndOffset(line) - this.lineStarts[line] } };
  }
}

/** Offset just past the last character of a line of a text with its line starts (before `\r\n`, `\n` or `\r`). */
export function lineEndAt(doc: Pick<PostmortemDocument, 'text' | 'lineStarts'>, line: number): number {
  if (line + 1 >= doc.lineStarts.length) return doc.text.length;
  const next = doc.lineStarts[line + 1];
  return doc.text.charCodeAt(next - 1) === 10 && doc.text.charCodeAt(next - 2) === 13 ? next - 2 : next - 1;
}

/** The text of one line, without its line break (no split of the whole text). */
export function lineTextAt(doc: Pick<PostmortemDocument, 'text' | 'lineStarts'>, line: number): string {
  if (line < 0 || line >= doc.lineStarts.length) return '';
  return doc.text.slice(doc.lineStarts[line], lineEndAt(doc, line));
}

export function emptyRange(): Range {
  return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
}

export function compareRanges(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

export function rangeContains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}

/** Position of an offset given a document's line starts (binary search). */
export function positionAtOffset(lineStarts: number[], offset: number): Position {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low, character: offset - lineStarts[low] };
}

// ── Offsets in an analysed document ─────────────────────────────────────────────────────────

export function offsetAt(doc: PostmortemDocument, position: Position): number {
  const start = doc.lineStarts[position.line];
  if (start === undefined) return doc.text.length;
  return Math.min(start + position.character, doc.text.length);
}

export function textOf(doc: PostmortemDocument, range: Range): string {
  return doc.text.slice(offsetAt(doc, range.start), offsetAt(doc, range.end));
}

/** Position at the end of the line where `range` starts (before `\r\n`). */
export function endOfFirstLine(doc: PostmortemDocument, range: Range): Position {
  const line = range.start.line;
  const start = doc.lineStarts[line];
  let end = line + 1 < doc.lineStarts.length ? doc.lineStarts[line + 1] - 1 : doc.text.length;
  if (end > start && doc.text[end - 1] === '\r') end--;
  return { line, character: end - start };
}

export function lineIndent(doc: PostmortemDocument, line: number): string {
  const start = doc.lineStarts[line] ?? 0;
  return /^[ \t]*/.exec(doc.text.slice(start, start + 200))?.[0] ?? '';
}

export function eol(doc: PostmortemDocument): string {
  return doc.text.includes('\r\n') ? '\r\n' : '\n';
}

