/**
 * Checks shared by the fuzz properties and the adversarial tests: every range the core hands out
 * must lie inside the document it describes.
 *
 * "Inside" uses VS Code's line definition, which the model shares (src/core/model/text.ts): lines end at
 * `\r\n`, `\n` or a lone `\r`, and the terminator is not part of the line:
 * 0 <= line < lineCount, 0 <= character <= length of that line, start <= end.
 */
import type { Position, PostmortemDocument, Range } from '../../src/core/model/types';

/** An unpaired UTF-16 surrogate. */
export const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface RangeIssue {
  where: string;
  range: unknown;
  problem: string;
}

export interface LineTable {
  text: string;
  lineStarts: readonly number[];
  lineCount: number;
}

/** Line starts of `text` computed independently of the code under test. */
export function independentLineStarts(text: string): number[] {
  // Line breaks as in VS Code and CommonMark: \r\n, \n, or a lone \r.
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** Length of a line without its terminator (`\n`, `\r\n` or `\r`). */
export function lineLength(table: LineTable, line: number): number {
  const start = table.lineStarts[line];
  if (line + 1 >= table.lineStarts.length) return table.text.length - start;
  const next = table.lineStarts[line + 1];
  const crlf = table.text.charCodeAt(next - 1) === 10 && table.text.charCodeAt(next - 2) === 13;
  return next - (crlf ? 2 : 1) - start;
}

function isInt(n: unknown): n is number {
  return typeof n === 'number' && Number.isInteger(n);
}

function positionIssue(table: LineTable, p: Position | undefined): string | undefined {
  if (!p || typeof p !== 'object') return 'missing position';
  if (!isInt(p.line) || !isInt(p.character)) return `non-integer position ${JSON.stringify(p)}`;
  if (p.line < 0 || p.line >= table.lineCount) return `line ${p.line} outside 0..${table.lineCount - 1}`;
  if (p.character < 0) return `negative character ${p.character}`;
  const len = lineLength(table, p.line);
  if (p.character > len) return `character ${p.character} > length ${len} of line ${p.line}`;
  return undefined;
}

export function rangeIssue(table: LineTable, r: Range | undefined): string | undefined {
  if (!r || typeof r !== 'object') return 'missing range';
  const s = positionIssue(table, r.start);
  if (s) return `start: ${s}`;
  const e = positionIssue(table, r.end);
  if (e) return `end: ${e}`;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return 'start after end';
  return undefined;
}

function looksLikeRange(v: unknown): v is Range {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  const isPos = (p: unknown) => !!p && typeof p === 'object' && 'line' in (p as object) && 'character' in (p as object);
  return isPos(r.start) && isPos(r.end);
}

/** Every Range found anywhere inside `value` (objects and arrays, cycles ignored), with its path. */
export function collectRanges(value: unknown, where: string, out: Array<{ where: string; range: Range }> = [], seen = new Set<object>()): Array<{ where: string; range: Range }> {
  if (!value || typeof value !== 'object' || seen.has(value)) return out;
  seen.add(value);
  if (looksLikeRange(value)) {
    out.push({ where, range: value });
    return out;
  }
  if (Array.isArray(value)) value.forEach((v, i) => collectRanges(v, `${where}[${i}]`, out, seen));
  else for (const [k, v] of Object.entries(value)) if (k !== 'text' && k !== 'lineStarts') collectRanges(v, `${where}.${k}`, out, seen);
  return out;
}

export function checkRanges(table: LineTable, ranges: Array<{ where: string; range: Range }>): RangeIssue[] {
  const issues: RangeIssue[] = [];
  for (const { where, range } of ranges) {
    const problem = rangeIssue(table, range);
    if (problem) issues.push({ where, range, problem });
  }
  return issues;
}

/** Structural checks on a parsed document: line table, every range, prose runs. */
export function checkDocument(doc: PostmortemDocument): RangeIssue[] {
  const issues: RangeIssue[] = [];
  const expected = independentLineStarts(doc.text);
  if (doc.lineCount !== expected.length || doc.lineStarts.length !== expected.length || doc.lineStarts.some((s, i) => s !== expected[i])) {
    issues.push({ where: 'doc.lineStarts', range: null, problem: `line table differs: lineCount ${doc.lineCount}, expected ${expected.length}` });
    return issues;
  }
  issues.push(...checkRanges(doc, collectRanges(doc, 'doc')));
  doc.blocks.forEach((block, i) => {
    if (!isInt(block.start) || block.start < 0 || block.end < block.start || block.end > doc.text.length) {
      issues.push({ where: `doc.blocks[${i}]`, range: { offset: block.start, length: block.end - block.start }, problem: 'block outside the text' });
    }
    const map = block.inline.map;
    for (let k = 0; k < map.length; k += 3) {
      if (!isInt(map[k + 1]) || map[k + 1] < 0 || map[k + 1] + map[k + 2] > doc.text.length) issues.push({ where: `doc.blocks[${i}].inline.map`, range: { offset: map[k + 1], length: map[k + 2] }, problem: 'source map outside the text' });
    }
  });
  for (const [i, s] of doc.suppressions.entries()) {
    if (!isInt(s.fromLine) || !isInt(s.toLine) || s.fromLine < 0 || s.toLine < s.fromLine) issues.push({ where: `doc.suppressions[${i}]`, range: s, problem: 'bad suppression lines' });
  }
  return issues;
}

/** Offset of a (valid) position. */
export function offsetOf(table: LineTable, p: Position): number {
  return table.lineStarts[p.line] + p.character;
}

/** Text covered by a (valid) range. */
export function sliceRange(table: LineTable, r: Range): string {
  return table.text.slice(offsetOf(table, r.start), offsetOf(table, r.end));
}

export function formatIssues(issues: RangeIssue[], max = 8): string {
  return issues
    .slice(0, max)
    .map((i) => `${i.where}: ${i.problem} ${JSON.stringify(i.range)}`)
    .join('\n');
}
