// A depth cap applied to the text before the Markdown parser sees it. micromark's container handling
// is quadratic in the nesting depth (and remark-gfm's transforms, no longer used, recursed once per
// level: a stack overflow from a few thousand `>`), so a line such as `- - - - … Fix` or `> > > …` must never reach
// the parser as is. Nesting beyond MAX_NESTING (no real document comes close) is neutralised in place:
// the first excess marker becomes a backslash, which makes the rest of the line paragraph text. The
// text keeps its length and every other character, so offsets still map 1:1 to the document.
// Inline nesting is capped the same way: links and images past the depth cap lose their `[`, runs of
// emphasis openers past the cap lose their delimiters, and unclosed `<!--` past four per paragraph
// become `&!--` … text (micromark looks for the end of each one to the end of the paragraph).

import { codesOf, stringFromCodes } from '../util/strings';

/** Nesting deeper than this is read as plain text (no real document comes close). */
export const MAX_NESTING_DEPTH = 64;
/**
 * Cells kept per table row: the pipes after the last one are read as text (a space; in the delimiter
 * row the last cell becomes dashes). micromark's table needs hundreds of bytes per cell and is
 * quadratic in a row's cells; no real table comes close to this many columns.
 */
export const MAX_TABLE_CELLS = 128;
/** Unclosed `<!--` kept per paragraph; later ones are neutralised. */
const MAX_UNCLOSED_COMMENTS = 4;
/** `]` without a `[`, and emphasis closers without an opener, kept per paragraph. */
const MAX_UNMATCHED = 32;
/**
 * An open `[` further than this from its `]` (or from the end of the paragraph when it never closes)
 * is neutralised: while a label was open, the GFM autolink literal check (replaced by model/autolink.ts)
 * walked back to it from every word, quadratic in the length of the label. Real link texts are far
 * shorter, so the cap stays.
 */
const MAX_LABEL = 2000;

/**
 * Past its block markers, a line longer than this is read as plain text: no emphasis, links, code or
 * HTML in it. micromark needs about 1 KB of memory and a microsecond per construct on such a line
 * (a 1 MB line of code spans: 4.7 s and 1.2 GB); VS Code stops highlighting a line at the same length
 * (`editor.maxTokenizationLineLength`, 20,000).
 */
export const MAX_MARKUP_LINE = 20_000;
const INLINE_MARKUP = /[`*_[\]!<&\\~]/g;
const isSpaceOrTab = (c: number) => c === 0x20 || c === 0x09;

/** End of the block markers at the start of a line: indentation, `>`, list markers, an ATX heading's `#`s, a table row's `|`. */
function blockPrefixEnd(text: string, start: number, end: number): number {
  let i = start;
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isSpaceOrTab(c) || c === 0x3e || c === 0x7c) {
      i++;
    } else if ((c === 0x2d || c === 0x2b || c === 0x2a) && isSpaceOrTab(text.charCodeAt(i + 1))) {
      i += 2;
    } else if (c === 0x23 || (c >= 0x30 && c <= 0x39)) {
      let j = i;
      while (j < end && j - i < 9 && text.charCodeAt(j) === c) j++;
      if (c !== 0x23) while (j < end && j - i < 9 && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
      if (c !== 0x23 && (text.charCodeAt(j) === 0x2e || text.charCodeAt(j) === 0x29)) j++;
      else if (c !== 0x23 || j - i > 6) return i;
      if (!isSpaceOrTab(text.charCodeAt(j))) return i;
      i = j;
    } else return i;
  }
  return i;
}

/** True when `text[from, end)` is one character repeated, with spaces (a thematic break, fence or underline). */
function oneCharacter(text: string, from: number, end: number): boolean {
  const c = text.charCodeAt(from);
  for (let i = from + 1; i < end; i++) if (text.charCodeAt(i) !== c && !isSpaceOrTab(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Replaces inline syntax characters in lines longer than MAX_MARKUP_LINE (after their block markers)
 * with `x`, for the parser; the same length, so offsets map 1:1. `spans` are the lines' replaced
 * parts: parseMarkdown puts the original text back into the text nodes there. A line of one repeated
 * character (a thematic break, a fence) stays as it is.
 */
export function plainLongLines(text: string): CappedNesting {
  if (text.length <= MAX_MARKUP_LINE) return { text, spans: [] };
  const spans: Array<[number, number]> = [];
  let out = '';
  let copied = 0;
  for (let start = 0; start < text.length; ) {
    let end = start;
    while (end < text.length && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
    if (end - start > MAX_MARKUP_LINE) {
      const from = blockPrefixEnd(text, start, end);
      if (from < end && !oneCharacter(text, from, end)) {
        out += text.slice(copied, from) + text.slice(from, end).replace(INLINE_MARKUP, 'x');
        copied = end;
        spans.push([from, end]);
      }
    }
    start = end + 1;
  }
  if (!spans.length) return { text, spans };
  return { text: out + text.slice(copied), spans };
}

export interface CappedNesting {
  /** The text, neutralised where needed; same length as the input. */
  text: string;
  /** Spans (offsets in the input) that were neutralised: read as plain text. */
  spans: Array<[number, number]>;
}

const SPACE = 0x20;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const isBlankCode = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d;
const TAB = 0x09;

/**
 * Caps container nesting (list markers, `>`), bracket nesting (links, images), emphasis nesting and
 * unclosed HTML comment starts, in linear time. Returns the input itself when nothing needs capping.
 */
export function capNesting(text: string, maxDepth = MAX_NESTING_DEPTH): CappedNesting {
  // Fast path: a document without long marker runs has nothing to cap (one pass over the text).
  if (!mayNeedCap(text, maxDepth)) return { text, spans: [] };
  let out: Uint16Array | undefined;
  const spans = new SpanList();
  const set = (at: number, c: string) => {
    const codes = (out ??= codesOf(text));
    codes[at] = c.charCodeAt(0);
  };
  capContainers(text, maxDepth, set, spans);
  capInline(text, maxDepth, set, spans);
  capTableCells(text, set);
  if (!out) return { text, spans: spans.list };
  return { text: stringFromCodes(out), spans: mergeSpans(spans.list) };
}

/**
 * True when some nesting would be capped: such a document is hostile or broken (no real one nests
 * that deep), and its parse is slower than usual, so the editor reads it off its own thread.
 */
export function nestsTooDeep(text: string, maxDepth = MAX_NESTING_DEPTH): boolean {
  return capNesting(text, maxDepth).spans.length > 0;
}

/** A cheap screen: more than `maxDepth` container or inline openers on one line or paragraph. */
function mayNeedCap(text: string, maxDepth: number): boolean {
  let markers = 0;
  let openers = 0;
  let pipes = 0;
  let backslashes = 0;
  let blank = true;
  // The first `[` of the paragraph: a label open for more than MAX_LABEL characters needs a look.
  let bracketAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      if (blank) {
        openers = 0;
        bracketAt = -1;
      }
      pipes = 0;
      markers = 0;
      blank = true;
      continue;
    }
    if (c !== SPACE && c !== TAB && c !== 0x0d) blank = false;
    if (c === 0x7c && ++pipes > MAX_TABLE_CELLS) return true;
    if (c === 0x5c) {
      if (++backslashes > 2 * maxDepth) return true;
    } else backslashes = 0;
    // `>`, `-`, `*`, `+`, `.`, `)`; `[`, `]`, `*`, `_`, `<`
    if (c === 0x3e || c === 0x2d || c === 0x2a || c === 0x2b || c === 0x2e || c === 0x29) {
      if (++markers > maxDepth) return true;
    }
    if (c === 0x5b && bracketAt === -1) bracketAt = i;
    if (bracketAt !== -1 && i - bracketAt > MAX_LABEL) return true;
    if (c === 0x5b || c === 0x5d || c === 0x2a || c === 0x5f || c === 0x3c) {
      if (++openers > maxDepth) return true;
    }
  }
  return false;
}

function lineEndOf(text: string, from: number): number {
  const n = text.indexOf('\n', from);
  return n === -1 ? text.length : n;
}

/** True when `text[from, end)` is a thematic break (`- - -`, `***`, `_ _ _`): it is not a list item then. */
function isThematicBreak(text: string, from: number, end: number, suffix: { start: number; char: string; count: number[] }): boolean {
  if (from < suffix.start || !suffix.char) return false;
  return suffix.count[from - suffix.start] >= 3;
}

/** The longest suffix of a line made of one of `-*_` and spaces, with the count of markers from each position. */
function thematicSuffix(text: string, start: number, end: number): { start: number; char: string; count: number[] } {
  let e = end;
  while (e > start && (text.charCodeAt(e - 1) === SPACE || text.charCodeAt(e - 1) === TAB || text.charCodeAt(e - 1) === 0x0d)) e--;
  const char = e > start ? text[e - 1] : '';
  if (char !== '-' && char !== '*' && char !== '_') return { start: end, char: '', count: [] };
  let s = e;
  while (s > start && (text[s - 1] === char || text.charCodeAt(s - 1) === SPACE || text.charCodeAt(s - 1) === TAB)) s--;
  const count = new Array<number>(end - s + 1).fill(0);
  for (let i = end - 1; i >= s; i--) count[i - s] = count[i - s + 1] + (text[i] === char ? 1 : 0);
  return { start: s, char, count };
}

/** Container prefixes (`> `, `- `, `* `, `+ `, `1. `, `1) `) deeper than `maxDepth` on a line. */
function capContainers(text: string, maxDepth: number, set: (at: number, c: string) => void, spans: SpanList): void {
  let lineStart = 0;
  while (lineStart <= text.length) {
    const lineEnd = lineEndOf(text, lineStart);
    if (lineEnd - lineStart > maxDepth) capLine(text, lineStart, lineEnd, maxDepth, set, spans);
    lineStart = lineEnd + 1;
  }
}

function capLine(text: string, start: number, end: number, maxDepth: number, set: (at: number, c: string) => void, spans: SpanList): void {
  let depth = 0;
  let i = start;
  let suffix: ReturnType<typeof thematicSuffix> | undefined;
  while (i < end) {
    // Indentation between markers (a list item's content may start up to 4 columns in).
    let j = i;
    while (j < end && j - i < 4 && (text.charCodeAt(j) === SPACE || text.charCodeAt(j) === TAB)) j++;
    if (j >= end) return;
    const c = text[j];
    let next = -1;
    if (c === '>') next = j + 1;
    else if (c === '-' || c === '*' || c === '+') {
      const after = text.charCodeAt(j + 1);
      if (j + 1 === end || after === SPACE || after === TAB || after === 0x0d) {
        suffix ??= thematicSuffix(text, start, end);
        if (c !== '+' && isThematicBreak(text, j, end, suffix)) return;
        next = j + 1;
      }
    } else if (c >= '0' && c <= '9') {
      let k = j;
      while (k < end && k - j < 9 && text[k] >= '0' && text[k] <= '9') k++;
      const after = text.charCodeAt(k + 1);
      if ((text[k] === '.' || text[k] === ')') && (k + 1 === end || after === SPACE || after === TAB || after === 0x0d)) next = k + 1;
    }
    if (next === -1) return;
    depth++;
    if (depth > maxDepth) {
      // The first excess marker becomes a backslash: the rest of the line is paragraph text.
      set(j, '\\');
      spans.add(j, end);
      return;
    }
    // One space after the marker belongs to it.
    i = next < end && (text.charCodeAt(next) === SPACE || text.charCodeAt(next) === TAB) ? next + 1 : next;
  }
}

/**
 * Inline nesting per paragraph (text between blank lines): `[` deeper than `maxDepth` (links, images)
 * become spaces; emphasis opener runs (`*`/`_` before a word) deeper than `maxDepth` become spaces;
 * unclosed `<!--` past MAX_UNCLOSED_COMMENTS become `&!--`.
 */
function capInline(text: string, maxDepth: number, set: (at: number, c: string) => void, spans: SpanList): void {
  let paraStart = 0;
  let lineStart = 0;
  const flush = (paraEnd: number) => {
    if (paraEnd - paraStart > maxDepth) capParagraph(text, paraStart, paraEnd, maxDepth, set, spans);
  };
  let fence = '';
  while (lineStart <= text.length) {
    const lineEnd = lineEndOf(text, lineStart);
    // Fenced code is not inline content: a fence ends the paragraph, its lines are skipped.
    const open = FENCE.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 20)));
    if (fence || open) {
      if (!fence && open) {
        flush(lineStart);
        fence = open[1];
      } else if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = '';
      paraStart = lineEnd + 1;
      lineStart = lineEnd + 1;
      continue;
    }
    let blank = true;
    for (let k = lineStart; k < lineEnd; k++) {
      const c = text.charCodeAt(k);
      if (c !== SPACE && c !== TAB && c !== 0x0d && c !== 0x3e) {
        blank = false;
        break;
      }
    }
    if (blank) {
      flush(lineStart);
      paraStart = lineEnd + 1;
    }
    lineStart = lineEnd + 1;
  }
  flush(text.length);
}

function capParagraph(text: string, start: number, end: number, maxDepth: number, set: (at: number, c: string) => void, spans: SpanList): void {
  // Unclosed comment starts: those after the last `-->` of the paragraph.
  const lastClose = text.lastIndexOf('-->', end - 3);
  let comments = 0;
  let bracketDepth = 0;
  let emphasisDepth = 0;
  let unmatchedBrackets = 0;
  /** Offsets of the `[` still open (within the depth cap). */
  const opens: number[] = [];
  let unmatchedClosers = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === '\\') {
      // A long run of backslashes: past the first `maxDepth` escapes it becomes slashes (plain text in
      // one piece; micromark needs about 2 KB per escape it reads). An odd run's last backslash stays:
      // it escapes the character after the run.
      let k = i;
      while (k < end && text[k] === '\\') k++;
      if (k - i > 2 * maxDepth) for (let m = i + 2 * maxDepth; m < ((k - i) % 2 === 0 ? k : k - 1); m++) set(m, '/');
      // An odd run escapes the character after it.
      i = (k - i) % 2 === 0 ? k - 1 : k;
      continue;
    }
    if (c === '[') {
      if (++bracketDepth > maxDepth) {
        set(i, ' ');
        spans.add(i, i + 1);
      } else opens.push(i);
    } else if (c === ']') {
      // A `]` closing a neutralised `[`, or one of many without any `[` (micromark looks back through
      // the whole paragraph for a label start at each), is neutralised too.
      if (bracketDepth > maxDepth || (bracketDepth === 0 && ++unmatchedBrackets > MAX_UNMATCHED)) {
        set(i, ' ');
        spans.add(i, i + 1);
      } else if (bracketDepth > 0) {
        // A label longer than MAX_LABEL is no link text: both brackets go (see MAX_LABEL).
        const open = opens.pop()!;
        if (i - open > MAX_LABEL) {
          set(open, ' ');
          set(i, ' ');
          spans.add(open, open + 1);
          spans.add(i, i + 1);
        }
      }
      if (bracketDepth > 0) bracketDepth--;
    } else if (c === '<' && text.startsWith('<!--', i) && (lastClose < start || i > lastClose)) {
      if (++comments > MAX_UNCLOSED_COMMENTS) {
        set(i, '&');
        spans.add(i, i + 4);
      }
    } else if (c === '*' || c === '_') {
      let k = i;
      while (k < end && text[k] === c) k++;
      const before = i > start ? text[i - 1] : ' ';
      const after = k < end ? text[k] : ' ';
      const opener = !isSpace(after) && (isSpace(before) || isPunct(before));
      const closer = !isSpace(before) && (isSpace(after) || isPunct(after));
      if (k - i > 2 * maxDepth && !isLineOfItsOwn(text, i, k)) {
        // One run of N delimiters nests N/2 levels by itself (`*****x*****`): a long run is no emphasis.
        for (let m = i; m < k; m++) set(m, ' ');
        spans.add(i, k);
      } else if (opener && !closer) {
        if (++emphasisDepth > maxDepth) {
          for (let m = i; m < k; m++) set(m, ' ');
          spans.add(i, k);
        }
      } else if (closer && !opener) {
        // Likewise a closer of a neutralised opener, or one of many without an opener.
        if (emphasisDepth > maxDepth || (emphasisDepth === 0 && ++unmatchedClosers > MAX_UNMATCHED)) {
          for (let m = i; m < k; m++) set(m, ' ');
          spans.add(i, k);
        }
        if (emphasisDepth > 0) emphasisDepth--;
      }
      i = k - 1;
    }
  }
  // `[` never closed, with more than MAX_LABEL characters after it in the paragraph.
  for (const open of opens) {
    if (end - open <= MAX_LABEL) break;
    set(open, ' ');
    spans.add(open, open + 1);
  }
}

/** True when the run `[from, to)` is a line of its own (`*****`, a thematic break), spaces aside. */
function isLineOfItsOwn(text: string, from: number, to: number): boolean {
  for (let j = from - 1; j >= 0 && text[j] !== '\n'; j--) if (text[j] !== ' ' && text[j] !== '\t') return false;
  for (let j = to; j < text.length && text[j] !== '\n' && text[j] !== '\r'; j++) if (text[j] !== ' ' && text[j] !== '\t') return false;
  return true;
}

/**
 * Rows of GFM tables (a header line, a delimiter row with as many cells, the lines up to a blank one)
 * with more than MAX_TABLE_CELLS cells keep that many: the later separators become spaces (the
 * delimiter row's last cell becomes dashes). Same length; fenced code is skipped.
 */
function capTableCells(text: string, set: (at: number, c: string) => void): void {
  let lineStart = 0;
  let previousStart = -1;
  let previousEnd = -1;
  let inTable = false;
  let fence = '';
  while (lineStart <= text.length) {
    const lineEnd = lineEndOf(text, lineStart);
    const open = FENCE.exec(text.slice(lineStart, Math.min(lineEnd, lineStart + 20)));
    if (fence || open) {
      if (!fence && open) fence = open[1];
      else if (open && open[1][0] === fence[0] && open[1].length >= fence.length) fence = '';
      inTable = false;
      previousStart = -1;
      lineStart = lineEnd + 1;
      continue;
    }
    const line = text.slice(lineStart, lineEnd);
    if (line.trim() === '') {
      inTable = false;
      previousStart = -1;
    } else if (inTable) {
      capRow(text, lineStart, lineEnd, false, set);
    } else {
      const cells = delimiterCells(line);
      if (cells !== -1 && previousStart !== -1 && rowCells(text.slice(previousStart, previousEnd)) === cells) {
        inTable = true;
        capRow(text, previousStart, previousEnd, false, set);
        capRow(text, lineStart, lineEnd, true, set);
      }
      previousStart = lineStart;
      previousEnd = lineEnd;
    }
    lineStart = lineEnd + 1;
  }
}

/** Keeps MAX_TABLE_CELLS cells of the row `text[start, end)` (see capTableCells). */
function capRow(text: string, start: number, end: number, delimiter: boolean, set: (at: number, c: string) => void): void {
  let a = start;
  let b = end;
  while (a < b && (text.charCodeAt(a) === SPACE || text.charCodeAt(a) === TAB)) a++;
  while (b > a && (text.charCodeAt(b - 1) === SPACE || text.charCodeAt(b - 1) === TAB || text.charCodeAt(b - 1) === 0x0d)) b--;
  const from = text[a] === '|' ? a + 1 : a;
  const to = b > from && text[b - 1] === '|' && text[b - 2] !== '\\' ? b - 1 : b;
  let separators = 0;
  let lastCellStart = from;
  for (let i = from; i < to; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text[i] !== '|') continue;
    separators++;
    if (separators === MAX_TABLE_CELLS - 1) lastCellStart = i + 1;
    else if (separators >= MAX_TABLE_CELLS) {
      if (delimiter) {
        for (let k = lastCellStart; k < to; k++) set(k, '-');
        return;
      }
      set(i, ' ');
    }
  }
}

/** Cells of a table row (unescaped `|` separate them; a leading and a trailing one are optional), -1 for no row. */
export function rowCells(line: string): number {
  let a = 0;
  let b = line.length;
  while (a < b && isBlankCode(line.charCodeAt(a))) a++;
  while (b > a && isBlankCode(line.charCodeAt(b - 1))) b--;
  if (a === b) return -1;
  if (line[a] === '|') a++;
  if (b > a && line[b - 1] === '|' && line[b - 2] !== '\\') b--;
  let cells = 1;
  for (let i = a; i < b; i++) {
    if (line[i] === '\\') i++;
    else if (line[i] === '|') cells++;
  }
  return cells;
}

/** Cells of a GFM delimiter row (`|---|:--:|`), -1 when `line` is none. */
export function delimiterCells(line: string): number {
  let cells = 0;
  let dashes = 0;
  let inCell = false;
  let colonAfter = false;
  let pipes = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '|') {
      if (inCell) {
        if (dashes === 0) return -1;
        cells++;
      }
      pipes++;
      inCell = false;
      dashes = 0;
      colonAfter = false;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      if (inCell && dashes > 0) colonAfter = true;
    } else if (c === '-' || c === ':') {
      if (colonAfter) return -1;
      if (c === ':' && dashes > 0) colonAfter = true;
      else if (c === '-') dashes++;
      inCell = true;
    } else return -1;
  }
  if (inCell) {
    if (dashes === 0) return -1;
    cells++;
  }
  return cells > 0 && (pipes > 0 || cells > 1) ? cells : -1;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r';
}

function isPunct(c: string): boolean {
  return /[!-/:-@[-`{-~]/.test(c);
}

/**
 * Spans as they are found; one that touches the last (a run of a million `[` past the cap) extends it
 * instead of adding a pair: mergeSpans would join them anyway.
 */
class SpanList {
  readonly list: Array<[number, number]> = [];

  add(s: number, e: number): void {
    const last = this.list[this.list.length - 1];
    if (last && s >= last[0] && s <= last[1] + 1) last[1] = Math.max(last[1], e);
    else this.list.push([s, e]);
  }
}

function mergeSpans(spans: Array<[number, number]>): Array<[number, number]> {
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}
