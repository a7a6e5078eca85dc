// Bare URLs and e-mail addresses in text as link nodes, as GitHub's autolink literals read them
// (`https://…`, `http://…`, `www.…`, `ops@example.com`), in one linear pass over the text nodes of a
// tree. This replaces remark-gfm's autolink literal (its micromark construct walks back through the
// paragraph from every word inside an open `[`, and its tree transform costs seconds per MB of prose
// and recurses once per nesting level). The rules follow micromark-extension-gfm-autolink-literal and
// mdast-util-gfm-autolink-literal for ordinary text: trailing punctuation (`.`, `,`, `)`, `!`, `?`,
// `"`, `'`, `*`, `_`, `~`, `:`, `;`, `&entity;`, a `]` before a space) is not part of a URL, a `)`
// is when it closes a `(` of the URL, `<` and white space end it, and an underscore in the last two
// labels of a domain makes it no link. Links get exact positions (escapes and entities in the text
// are accounted for). Domains longer than 255 characters are not linked (a DNS name has at most 253),
// which keeps a failed candidate's scan bounded.
import type { Link, Nodes, Parent, Root, Text } from 'mdast';
import type { Point, Position } from 'unist';
import { aligner } from './inline';

const URL_START = /https?:\/\/|www\./gi;
const MAX_DOMAIN = 255;
const MAY_BE_WWW = /www\./i;

/** Splits the text nodes of `tree` (outside links) into text and link nodes. `source` is the text the positions refer to. */
export function linkBareUrls(tree: Root, source: string): void {
  const stack: Parent[] = [tree];
  while (stack.length) {
    const parent = stack.pop()!;
    const kids = parent.children as Nodes[];
    let out: Nodes[] | undefined;
    for (let k = 0; k < kids.length; k++) {
      const node = kids[k];
      if (node.type === 'text') {
        const parts = splitText(node, source);
        if (parts) {
          out ??= kids.slice(0, k);
          for (const p of parts) out.push(p);
          continue;
        }
      } else if ('children' in node && node.type !== 'link' && node.type !== 'linkReference') stack.push(node);
      if (out) out.push(node);
    }
    if (out) (parent as { children: Nodes[] }).children = out;
  }
}

/** A bare link in a string: `[start, end)` and its URL. */
export interface BareLink {
  start: number;
  end: number;
  url: string;
}

/**
 * The bare URLs and e-mail addresses of `value`, in order. `before` is the character code before the
 * value in the document (-1 for none): a URL right after a letter is no link.
 */
export function findBareLinks(value: string, before = -1): BareLink[] {
  const out: BareLink[] = [];
  const n = value.length;
  let pos = 0;
  let at = value.indexOf('@');
  URL_START.lastIndex = 0;
  let url = URL_START.exec(value);
  while (url || at !== -1) {
    // The next e-mail candidate: the atext run before the next `@`.
    let emailStart = -1;
    if (at !== -1) {
      emailStart = at;
      while (emailStart > pos && isAtext(value.charCodeAt(emailStart - 1))) emailStart--;
    }
    const tryEmail = at !== -1 && (!url || emailStart <= url.index);
    if (tryEmail) {
      const end = emailEnd(value, emailStart, at, before);
      if (end !== -1) {
        out.push({ start: emailStart, end, url: `mailto:${value.slice(emailStart, end)}` });
        pos = end;
        if (url && url.index < pos) {
          URL_START.lastIndex = pos;
          url = URL_START.exec(value);
        }
      }
      at = value.indexOf('@', Math.max(at + 1, pos));
    } else {
      const start = url!.index;
      const www = value.charCodeAt(start) === 0x77 || value.charCodeAt(start) === 0x57;
      const end = urlEnd(value, start, www, start > 0 ? value.charCodeAt(start - 1) : before);
      if (end !== -1) {
        const text = value.slice(start, end);
        out.push({ start, end, url: www ? `http://${text}` : text });
        pos = end;
        if (at !== -1 && at < pos) at = value.indexOf('@', pos);
      }
      URL_START.lastIndex = Math.max(start + 1, pos);
      url = URL_START.exec(value);
    }
    if (pos >= n) break;
  }
  return out;
}

/** End of the URL starting at `start` (after `http://`, `https://` or at `www.`), or -1 when it is no link. */
function urlEnd(value: string, start: number, www: boolean, previous: number): number {
  let domain: number;
  if (www) {
    // After white space, punctuation or nothing; something must follow `www.`.
    if (previous !== -1 && !isSpace(previous) && !isPunctuationAt(value, start - 1, previous)) return -1;
    // The domain includes the `www.`.
    domain = start;
    if (start + 4 >= value.length) return -1;
  } else {
    // Not after a letter (`xhttp://`); the host starts with neither space nor punctuation.
    if (previous !== -1 && isAsciiAlpha(previous)) return -1;
    domain = value.indexOf('//', start) + 2;
    const c = value.charCodeAt(domain);
    if (domain >= value.length || c < 0x20 || c === 0x7f || isSpace(c) || isPunctuationAt(value, domain, c)) return -1;
  }
  // Domain: up to white space or punctuation other than `-`, `.`, `_` (a `.` or `_` that starts the trailing punctuation ends it).
  let k = domain;
  let seen = false;
  let underscoreLast = false;
  let underscoreLastButOne = false;
  while (k < value.length) {
    if (k - domain > MAX_DOMAIN) return -1;
    const c = value.charCodeAt(k);
    if (c === 0x2e || c === 0x5f) {
      if (trail(value, k) === -1) break;
      if (c === 0x5f) underscoreLast = true;
      else {
        underscoreLastButOne = underscoreLast;
        underscoreLast = false;
      }
      k++;
      continue;
    }
    if (isSpace(c) || (c !== 0x2d && isPunctuationAt(value, k, c))) break;
    seen = true;
    k += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  if (!seen || underscoreLast || underscoreLastButOne) return -1;
  // Path: up to white space or `<`, without trailing punctuation; `)` belongs to it when it closes a `(`.
  let open = 0;
  let close = 0;
  while (k < value.length) {
    const c = value.charCodeAt(k);
    if (c === 0x28) {
      open++;
      k++;
      continue;
    }
    if (c === 0x29 && close < open) {
      close++;
      k++;
      continue;
    }
    if (TRAIL_START.has(c)) {
      const stop = trail(value, k);
      if (stop === -1) break;
      // Not trailing: every character up to where the trail check stopped is part of the path.
      for (; k < stop; k++) if (value.charCodeAt(k) === 0x29) close++;
      continue;
    }
    if (isSpace(c)) break;
    k++;
  }
  return k;
}

/** Characters at which a URL's path checks for trailing punctuation. */
const TRAIL_START = new Set([0x21, 0x22, 0x26, 0x27, 0x29, 0x2a, 0x2c, 0x2e, 0x3a, 0x3b, 0x3c, 0x3f, 0x5d, 0x5f, 0x7e]);
/** Trailing punctuation. */
const TRAIL = new Set([0x21, 0x22, 0x27, 0x29, 0x2a, 0x2c, 0x2e, 0x3a, 0x3b, 0x3f, 0x5f, 0x7e]);

/**
 * Whether the characters from `k` are trailing punctuation up to the end of the URL (white space,
 * `<` or the end): -1 when they are, else the index (> k) where that reading failed.
 */
function trail(value: string, k: number): number {
  let j = k;
  while (j < value.length) {
    const c = value.charCodeAt(j);
    if (TRAIL.has(c)) {
      j++;
      continue;
    }
    if (c === 0x26) {
      // `&name;` as a whole is trailing punctuation.
      let q = j + 1;
      while (q < value.length && isAsciiAlpha(value.charCodeAt(q))) q++;
      if (q > j + 1 && value.charCodeAt(q) === 0x3b) {
        j = q + 1;
        continue;
      }
      return Math.max(q, k + 1);
    }
    if (c === 0x5d) {
      // `]` is trailing before white space, `(`, `[` or the end.
      const d = j + 1 < value.length ? value.charCodeAt(j + 1) : -1;
      if (d === -1 || d === 0x28 || d === 0x5b || isSpace(d)) return -1;
      j++;
      continue;
    }
    if (c === 0x3c || isSpace(c)) return -1;
    return Math.max(j, k + 1);
  }
  return -1;
}

/** End of the e-mail address `value[start, at)` `@` domain, or -1 when it is none. */
function emailEnd(value: string, start: number, at: number, before: number): number {
  if (start === at) return -1;
  const previous = start > 0 ? value.charCodeAt(start - 1) : before;
  if (previous !== -1 && isAtext(previous)) return -1;
  // Domain: labels of letters, digits, `-`, `_`, joined by dots (each followed by a letter or digit); at
  // least one dot; ends in a letter.
  let k = at + 1;
  let dot = false;
  let data = false;
  while (k < value.length) {
    const c = value.charCodeAt(k);
    if (c === 0x2e) {
      const d = k + 1 < value.length ? value.charCodeAt(k + 1) : -1;
      if (d !== -1 && isAsciiAlphanumeric(d)) {
        dot = true;
        k++;
        continue;
      }
      break;
    }
    if (c === 0x2d || c === 0x5f || isAsciiAlphanumeric(c)) {
      data = true;
      k++;
      continue;
    }
    break;
  }
  return data && dot && isAsciiAlpha(value.charCodeAt(k - 1)) ? k : -1;
}

function isAsciiAlpha(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

function isAsciiAlphanumeric(c: number): boolean {
  return isAsciiAlpha(c) || (c >= 0x30 && c <= 0x39);
}

function isAtext(c: number): boolean {
  return c === 0x2b || c === 0x2d || c === 0x2e || c === 0x5f || isAsciiAlphanumeric(c);
}

const UNICODE_SPACE = /\s/;
const UNICODE_PUNCTUATION = /\p{P}|\p{S}/u;

function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0b || c === 0x0c;
  return UNICODE_SPACE.test(String.fromCharCode(c));
}

/** Unicode punctuation or symbol (as micromark reads it) at `value[k]`, whose code unit is `c`. */
function isPunctuationAt(value: string, k: number, c: number): boolean {
  if (c < 0x80) return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
  const cp = k >= 0 ? value.codePointAt(k) : c;
  return UNICODE_PUNCTUATION.test(String.fromCodePoint(cp ?? c));
}

/**
 * Text and link nodes for a text node with bare links, or undefined when it has none. Links are read
 * from the source of the node, as micromark reads them (an escape or an entity inside a URL stays as
 * written, `&amp;` at the end is trailing punctuation); the text around them keeps its decoded value.
 */
function splitText(node: Text, source: string): Array<Text | Link> | undefined {
  const value = node.value;
  if (value.indexOf('@') === -1 && value.indexOf('//') === -1 && !MAY_BE_WWW.test(value)) return undefined;
  const position = node.position;
  if (!position || position.start.offset === undefined || position.end.offset === undefined) return undefined;
  const s = position.start.offset;
  const e = position.end.offset;
  const map = aligner(value, source, s, e);
  const raw = map ? source.slice(s, e) : value;
  const links = findBareLinks(raw, s > 0 ? source.charCodeAt(s - 1) : -1);
  if (links.length === 0) return undefined;
  // Index in `value` of the first character at or after source offset `offset`.
  const indexAt = (offset: number): number => {
    if (!map) return offset - s;
    let low = 0;
    let high = value.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (map(mid) < offset) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const points = new PointFinder(source, position.start);
  const out: Array<Text | Link> = [];
  let cursor = 0;
  let cursorOffset = s;
  for (const link of links) {
    const a = s + link.start;
    const b = s + link.end;
    const before = indexAt(a);
    if (before > cursor) out.push({ type: 'text', value: value.slice(cursor, before), position: points.span(cursorOffset, a) });
    const span = points.span(a, b);
    const inner = { start: { ...span.start }, end: { ...span.end } };
    out.push({ type: 'link', title: null, url: link.url, children: [{ type: 'text', value: raw.slice(link.start, link.end), position: inner }], position: span });
    cursor = indexAt(b);
    cursorOffset = b;
  }
  if (cursor < value.length) out.push({ type: 'text', value: value.slice(cursor), position: points.span(cursorOffset, e) });
  return out;
}

/** Line and column of increasing offsets, counted from a known point. */
class PointFinder {
  private offset: number;
  private line: number;
  private lineStart: number;

  constructor(
    private readonly source: string,
    start: Point,
  ) {
    this.offset = start.offset ?? 0;
    this.line = start.line;
    this.lineStart = this.offset - (start.column - 1);
  }

  point(offset: number): Point {
    for (; this.offset < offset; this.offset++) {
      const c = this.source.charCodeAt(this.offset);
      if (c === 0x0a || (c === 0x0d && this.source.charCodeAt(this.offset + 1) !== 0x0a)) {
        this.line++;
        this.lineStart = this.offset + 1;
      }
    }
    return { line: this.line, column: offset - this.lineStart + 1, offset };
  }

  span(start: number, end: number): Position {
    return { start: this.point(start), end: this.point(end) };
  }
}
