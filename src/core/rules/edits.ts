import type { PostmortemDocument, Position, Range } from '../model/types';

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

/** Adds days to today for default deadlines in quick fixes. */
export function plusDays(todayIso: string, days: number): string {
  const [y, m, d] = todayIso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
