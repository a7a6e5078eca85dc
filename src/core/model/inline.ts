// Inline Markdown to plain text: the one conversion every reader and consumer uses. Works on the
// mdast the parser produced (entities and escapes already decoded there), keeps a map from every
// character of the plain text back to the document, and marks the spans that are not prose (code,
// bare URLs), so that rules can skip them and ranges stay exact.
import type { Nodes, PhrasingContent } from 'mdast';
import { nodeEnd, nodeStart } from './nodes';

/** Plain text of inline content with its source map. */
export interface InlineText {
  /** Markup removed, entities decoded, runs of spaces folded; line breaks kept as `\n`. */
  text: string;
  /**
   * Source map as flat triples `[plainStart, sourceStart, length]`, in order: plain characters
   * `plainStart + i` (i < length) come from document offset `sourceStart + i`.
   */
  map: number[];
  /** Plain-text spans `[start, end)` (flat pairs) that are not prose: inline code, bare URLs. */
  code: number[];
  /** Link texts with their targets. */
  links: Array<{ start: number; end: number; url: string }>;
  /** True when every non-space character is struck through (`~~done~~`). */
  struck: boolean;
}

const NONE: readonly number[] = Object.freeze([]);
const NO_LINKS: InlineText['links'] = Object.freeze([]) as unknown as InlineText['links'];

export const EMPTY_INLINE: InlineText = Object.freeze({ text: '', map: [], code: [], links: [], struck: false }) as InlineText;

/** Space, tab, line feed, vertical tab, form feed, carriage return, no-break space. */
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;

/** Builds plain text piece by piece with whitespace folding and the source map. */
class PlainBuilder {
  text = '';
  map: number[] = [];
  code: number[] = [];
  links: InlineText['links'] = [];
  private pendingSpace = -1;
  private pendingBreak = false;
  private struckChars = 0;
  private plainChars = 0;

  /** Adds `value` whose character i comes from `offsets(i)`; `exact` when value === source slice. */
  add(value: string, sourceStart: number, exact: boolean, sourceOf?: (i: number) => number, struck = false): void {
    for (let i = 0; i < value.length; ) {
      const c = value.charCodeAt(i);
      if (isSpace(c)) {
        const at = exact ? sourceStart + i : sourceOf ? sourceOf(i) : sourceStart;
        if (this.pendingSpace === -1) this.pendingSpace = at;
        if (c === 10 || c === 13) this.pendingBreak = true;
        i++;
        continue;
      }
      // A run of non-space characters; when the text is the source's own, with the single spaces between its
      // words (they stay as they are), so a long paragraph is copied in a few pieces, not a piece per word.
      let j = i + 1;
      let spaces = 0;
      for (;;) {
        while (j < value.length && !isSpace(value.charCodeAt(j))) j++;
        if (!exact || value.charCodeAt(j) !== 32 || j + 1 >= value.length || isSpace(value.charCodeAt(j + 1))) break;
        j++;
        spaces++;
      }
      this.flushSpace();
      if (exact) this.push(value.slice(i, j), sourceStart + i);
      else if (sourceOf) {
        // Characters that are contiguous in the source go in one piece (escapes break the runs).
        for (let k = i; k < j; ) {
          const base = sourceOf(k);
          let r = k + 1;
          while (r < j && sourceOf(r) === base + (r - k)) r++;
          this.push(value.slice(k, r), base);
          k = r;
        }
      } else this.push(value.slice(i, j), sourceStart, true);
      this.plainChars += j - i - spaces;
      if (struck) this.struckChars += j - i - spaces;
      i = j;
    }
  }

  /** Forces a line break (a `break` node or a hard break). */
  lineBreak(at: number): void {
    if (this.pendingSpace === -1) this.pendingSpace = at;
    this.pendingBreak = true;
  }

  mark(start: number, end: number): void {
    if (end > start) this.code.push(start, end);
  }

  get length(): number {
    return this.text.length;
  }

  /** Position where the next non-space character will go. */
  get nextStart(): number {
    return this.text.length + (this.pendingSpace !== -1 && this.text.length > 0 ? 1 : 0);
  }

  private flushSpace(): void {
    if (this.pendingSpace === -1) return;
    if (this.text.length > 0) this.push(this.pendingBreak ? '\n' : ' ', this.pendingSpace);
    this.pendingSpace = -1;
    this.pendingBreak = false;
  }

  private push(piece: string, sourceStart: number, same = false): void {
    const plainStart = this.text.length;
    this.text += piece;
    const m = this.map;
    const n = m.length;
    if (same) {
      for (let k = 0; k < piece.length; k++) m.push(plainStart + k, sourceStart, 1);
      return;
    }
    // Extend the previous segment when contiguous in both texts.
    if (n >= 3 && m[n - 3] + m[n - 1] === plainStart && m[n - 2] + m[n - 1] === sourceStart) m[n - 1] += piece.length;
    else m.push(plainStart, sourceStart, piece.length);
  }

  finish(): InlineText {
    // Most texts have no code and no links: they share one frozen empty array (a table of 100,000 rows has 200,000 cells).
    const code = this.code.length ? this.code : (NONE as number[]);
    const links = this.links.length ? this.links : (NO_LINKS as InlineText['links']);
    // A short map is copied to an array of its size (pushing leaves room for 16 and more numbers).
    const map = this.map.length <= 12 ? this.map.slice() : this.map;
    return { text: this.text, map, code, links, struck: this.plainChars > 0 && this.struckChars === this.plainChars };
  }
}

/**
 * Maps the decoded `value` of a text node to its source `[start, end)`: escapes (`\*`), entities
 * (`&eacute;`) and container prefixes (`> `, list indentation) on continuation lines are skipped.
 */
export function aligner(value: string, source: string, start: number, end: number): ((i: number) => number) | undefined {
  if (end - start === value.length && source.startsWith(value, start)) return undefined;
  const offsets = new Array<number>(value.length);
  let j = start;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (source[j] === '&' && c !== '&') {
      // An entity decodes to this character (a surrogate pair or a combining mark: the next one too).
      offsets[i] = j;
      const semi = source.indexOf(';', j);
      const next = value.charCodeAt(i + 1);
      const continues = (next >= 0xdc00 && next <= 0xdfff) || (next >= 0x300 && next <= 0x36f);
      if (semi !== -1 && semi - j <= 32 && !continues) j = semi + 1;
      continue;
    }
    // Skip escapes and container prefixes (bounded: they are a few characters long).
    let k = j;
    const limit = Math.min(end, j + 40);
    while (k < limit && source[k] !== c) k++;
    if (k < limit) {
      offsets[i] = k;
      j = k + 1;
    } else offsets[i] = Math.min(j, Math.max(start, end - 1));
  }
  return (i) => offsets[i] ?? start;
}

const AUTOLINK_SCHEMES = ['', 'mailto:', 'http://', 'https://'];

/**
 * Plain text of phrasing content (the children of a paragraph, heading, table cell). `source` is the
 * chunk text the positions refer to and `chunkOffset` its offset in the document.
 */
export function inlineText(children: readonly Nodes[], source: string, chunkOffset: number): InlineText {
  const out = new PlainBuilder();
  // An explicit stack (not recursion): emphasis can nest as deep as a document likes.
  type Frame = { nodes: readonly Nodes[]; index: number; struck: boolean; link?: { url: string; start: number; bare: boolean } };
  const stack: Frame[] = [{ nodes: children, index: 0, struck: false }];
  // Inside inline `<script>` / `<style>` the words are code, never shown: skipped up to the closing tag.
  let rawTextUntil: RegExp | undefined;
  while (stack.length) {
    const frame = stack[stack.length - 1];
    if (frame.index >= frame.nodes.length) {
      stack.pop();
      if (frame.link) {
        const end = out.length;
        if (end > frame.link.start) out.links.push({ start: frame.link.start, end, url: frame.link.url });
        if (frame.link.bare) out.mark(frame.link.start, end);
      }
      continue;
    }
    const node = frame.nodes[frame.index++] as PhrasingContent;
    const s = nodeStart(node, 0);
    const e = nodeEnd(node, 0);
    if (rawTextUntil) {
      if (node.type === 'html' && rawTextUntil.test(node.value.trim())) rawTextUntil = undefined;
      continue;
    }
    switch (node.type) {
      case 'html': {
        const open = /^<(script|style)\b[^>]*>$/i.exec(node.value.trim());
        if (open) rawTextUntil = new RegExp(`^</${open[1]}\\s*>$`, 'i');
        break;
      }
      case 'text': {
        const map = aligner(node.value, source, s, e);
        out.add(node.value, s + chunkOffset, map === undefined, map ? (i) => map(i) + chunkOffset : undefined, frame.struck);
        break;
      }
      case 'inlineCode': {
        const raw = source.slice(s, e);
        let fence = 0;
        while (raw[fence] === '`') fence++;
        const inner = raw.slice(fence, raw.length - fence);
        const pad = inner.length >= 2 && inner[0] === ' ' && inner[inner.length - 1] === ' ' && inner.trim() !== '' ? 1 : 0;
        const contentStart = s + fence + pad;
        const before = out.nextStart;
        const map = aligner(node.value, source, contentStart, e - fence - pad);
        out.add(node.value, contentStart + chunkOffset, map === undefined, map ? (i) => map(i) + chunkOffset : undefined, frame.struck);
        out.mark(before, out.length);
        break;
      }
      case 'break':
        out.lineBreak(s + chunkOffset);
        break;
      case 'emphasis':
      case 'strong':
        stack.push({ nodes: node.children, index: 0, struck: frame.struck });
        break;
      case 'delete':
        stack.push({ nodes: node.children, index: 0, struck: true });
        break;
      case 'link': {
        const kids = node.children;
        const only = kids.length === 1 && kids[0].type === 'text' ? kids[0].value : undefined;
        const bare = only !== undefined && AUTOLINK_SCHEMES.some((p) => p + only === node.url);
        stack.push({ nodes: kids, index: 0, struck: frame.struck, link: { url: node.url, start: out.nextStart, bare } });
        break;
      }
      case 'linkReference':
        stack.push({ nodes: node.children, index: 0, struck: frame.struck, link: { url: '', start: out.nextStart, bare: false } });
        break;
      default:
        // image, imageReference, html, footnoteReference: not part of the text.
        break;
    }
  }
  return out.finish();
}

/** Document offset of plain-text index `i` (an index equal to the length maps just past the last character). */
export function sourceOffset(inline: Pick<InlineText, 'map'>, i: number): number {
  const m = inline.map;
  if (m.length === 0) return 0;
  let low = 0;
  let high = m.length / 3 - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (m[mid * 3] <= i) low = mid;
    else high = mid - 1;
  }
  const plainStart = m[low * 3];
  const sourceStart = m[low * 3 + 1];
  const length = m[low * 3 + 2];
  if (i < plainStart) return sourceStart;
  if (i < plainStart + length) return sourceStart + (i - plainStart);
  return sourceStart + length - 1 + (i - (plainStart + length) + 1);
}

/** Document span of plain-text span `[start, end)`. */
export function sourceSpan(inline: Pick<InlineText, 'map'>, start: number, end: number): [number, number] {
  if (end <= start) {
    const at = sourceOffset(inline, start);
    return [at, at];
  }
  return [sourceOffset(inline, start), sourceOffset(inline, end - 1) + 1];
}

/** Plain-text index of document offset `offset` (the nearest character at or before it). */
export function plainIndex(inline: Pick<InlineText, 'map'>, offset: number): number {
  const m = inline.map;
  let best = 0;
  for (let k = 0; k < m.length; k += 3) {
    const src = m[k + 1];
    if (src > offset) break;
    best = offset < src + m[k + 2] ? m[k] + (offset - src) : m[k] + m[k + 2] - 1;
  }
  return best;
}

/** True when plain-text span `[start, end)` overlaps a non-prose span (code, bare URL). */
export function overlapsCode(inline: Pick<InlineText, 'code'>, start: number, end: number): boolean {
  const c = inline.code;
  for (let k = 0; k < c.length; k += 2) if (start < c[k + 1] && c[k] < end) return true;
  return false;
}

/** A sub-range of an inline text as its own inline text (for a line of a paragraph, a cell's part). */
export function sliceInline(inline: InlineText, start: number, end: number): InlineText {
  const a = Math.max(0, start);
  const b = Math.min(inline.text.length, end);
  const map: number[] = [];
  const m = inline.map;
  for (let k = 0; k < m.length; k += 3) {
    const ps = m[k];
    const pe = ps + m[k + 2];
    if (pe <= a || ps >= b) continue;
    const from = Math.max(ps, a);
    const to = Math.min(pe, b);
    map.push(from - a, m[k + 1] + (from - ps), to - from);
  }
  const code: number[] = [];
  for (let k = 0; k < inline.code.length; k += 2) {
    const from = Math.max(inline.code[k], a);
    const to = Math.min(inline.code[k + 1], b);
    if (to > from) code.push(from - a, to - a);
  }
  const links = inline.links.filter((l) => l.start < b && l.end > a).map((l) => ({ start: Math.max(l.start, a) - a, end: Math.min(l.end, b) - a, url: l.url }));
  return { text: inline.text.slice(a, b), map, code, links, struck: inline.struck };
}

/** Trims whitespace at both ends. */
export function trimInline(inline: InlineText): InlineText {
  let a = 0;
  let b = inline.text.length;
  while (a < b && /\s/.test(inline.text[a])) a++;
  while (b > a && /\s/.test(inline.text[b - 1])) b--;
  return a === 0 && b === inline.text.length ? inline : sliceInline(inline, a, b);
}

/** Plain text on one line: line breaks become spaces (inline texts hold no runs of spaces around them). */
export function oneLineText(text: string): string {
  return text.replace(/\n/g, ' ');
}
