// Markdown links and headings of a document, for the editor's link features (document links, path and
// `#header` completions, link validation, header rename and references). Headings come from the
// engine's parse (sections); links from a line scan that skips front matter, fenced code and code spans.
// Slugs follow VS Code's Markdown (GitHub) slugifier, so `#anchors` mean the same as in the preview.
import { lineTextAt } from '../model/text';
import type { PostmortemDocument } from '../model/types';

export interface LineSpan {
  line: number;
  start: number;
  end: number;
}

export interface HeadingInfo {
  /** Heading text as written (without the `#`s). */
  text: string;
  slug: string;
  depth: number;
  /** Span of the heading text on its line. */
  span: LineSpan;
}

export interface LinkInfo {
  /** Target as written (angle brackets removed). */
  target: string;
  /** Path part (may be empty for `#fragment` links), undefined for external links (`https:`, `mailto:`...). */
  path: string | undefined;
  fragment: string | undefined;
  /** Span of the whole target. */
  span: LineSpan;
  /** Span of the path part (empty at the start of the target for `#x`). */
  pathSpan: LineSpan;
  /** Span of the fragment after `#`. */
  fragmentSpan: LineSpan | undefined;
  kind: 'inline' | 'image' | 'definition';
}

const PUNCTUATION = /[\][!/'"#$%&()*+,.:;<=>?@\\^{|}~`。，、；：？！…—·ˉ¨‘’“”々～‖∶＂＇｀｜〃〔〕〈〉《》「」『』．〖〗【】（）［］｛｝]/g;

/** VS Code's (GitHub's) heading slug, without the URI encoding. */
export function slugify(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/\s+/g, '-')
    .replace(PUNCTUATION, '')
    .replace(/^-+/, '')
    .replace(/-+$/, '');
}

const HEADING_PREFIX = /^ {0,3}#{1,6}[ \t]+/;
const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/** An ATX heading line's prefix (`## `) and text without a closing `#` sequence; scanned from the end (a regex with `(.*?)` and trailing blanks is quadratic). */
function headingLine(line: string): [prefix: string, text: string] | undefined {
  const prefix = HEADING_PREFIX.exec(line)?.[0];
  if (prefix === undefined) return undefined;
  let end = line.length;
  while (end > prefix.length && isBlank(line[end - 1])) end--;
  let hashes = end;
  while (hashes > prefix.length && line[hashes - 1] === '#') hashes--;
  // A closing sequence counts when blanks come before it (or it is the whole text).
  if (hashes < end && (hashes === prefix.length || isBlank(line[hashes - 1]))) {
    end = hashes;
    while (end > prefix.length && isBlank(line[end - 1])) end--;
  }
  return [prefix, line.slice(prefix.length, end)];
}

/** ATX headings with their slugs (duplicates get `-1`, `-2`, like the preview). */
export function documentHeadings(doc: Pick<PostmortemDocument, 'text' | 'lineStarts' | 'allSections'>): HeadingInfo[] {
  const seen = new Map<string, number>();
  const out: HeadingInfo[] = [];
  const sorted = [...doc.allSections].sort((a, b) => a.headingRange.start.line - b.headingRange.start.line);
  for (const section of sorted) {
    const line = section.headingRange.start.line;
    const m = headingLine(lineTextAt(doc, line));
    if (!m) continue;
    const text = m[1];
    const base = slugify(text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    const slug = count === 0 ? base : `${base}-${count}`;
    out.push({ text, slug, depth: section.depth, span: { line, start: m[0].length, end: m[0].length + text.length } });
  }
  return out;
}

// The label holds no `[` (a run of `[` would otherwise be rescanned from each one: quadratic).
const INLINE_LINK = /(!?)\[(?:[^[\]\n\\]|\\.)*\]\([ \t]*(<[^>\n]*>|(?:[^\s()\\]|\\.|\((?:[^\s()\\]|\\.)*\))*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*\)/g;
const DEFINITION = /^( {0,3}\[(?:[^\]\n\\]|\\.)+\]:[ \t]*)(<[^>\n]*>|\S+)/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
// Module constants, not literals in the loop: a regex literal is a new object each time it is evaluated (a million lines, 53 MB).
const NOT_BLANK = /\S/;
const INDENTED_CODE = /^( {4}|\t)/;

/**
 * Replaces code spans with spaces (same length), so links inside them are not found. A span opens at a
 * run of backticks and closes at the next run of the same length (CommonMark); a scan over the runs keeps
 * it linear, where a back-referencing regex was quadratic on a long run of backticks.
 */
function blankCodeSpans(line: string): string {
  if (!line.includes('`')) return line;
  const runs: Array<[start: number, length: number]> = [];
  for (let i = 0; i < line.length; ) {
    if (line[i] !== '`') {
      i++;
      continue;
    }
    let j = i;
    while (j < line.length && line[j] === '`') j++;
    runs.push([i, j - i]);
    i = j;
  }
  // For each run, the next run of the same length.
  const next = new Int32Array(runs.length).fill(-1);
  const laterOfLength = new Map<number, number>();
  for (let k = runs.length - 1; k >= 0; k--) {
    next[k] = laterOfLength.get(runs[k][1]) ?? -1;
    laterOfLength.set(runs[k][1], k);
  }
  let out = '';
  let at = 0;
  for (let k = 0; k < runs.length; ) {
    const close = next[k];
    if (close === -1) {
      k++;
      continue;
    }
    const start = runs[k][0];
    const end = runs[close][0] + runs[close][1];
    out += line.slice(at, start) + ' '.repeat(end - start);
    at = end;
    k = close + 1;
  }
  return out + line.slice(at);
}

function linkOf(raw: string, line: number, at: number, kind: LinkInfo['kind']): LinkInfo | undefined {
  let target = raw;
  let start = at;
  if (target.startsWith('<') && target.endsWith('>')) {
    target = target.slice(1, -1);
    start += 1;
  }
  const span = { line, start, end: start + target.length };
  if (!target) return undefined;
  if (SCHEME.test(target) || target.startsWith('//')) {
    return { target, path: undefined, fragment: undefined, span, pathSpan: span, fragmentSpan: undefined, kind };
  }
  const hash = target.indexOf('#');
  const pathPart = hash < 0 ? target : target.slice(0, hash);
  const fragment = hash < 0 ? undefined : target.slice(hash + 1);
  const query = pathPart.indexOf('?');
  const path = query < 0 ? pathPart : pathPart.slice(0, query);
  return {
    target,
    path,
    fragment,
    span,
    pathSpan: { line, start, end: start + path.length },
    fragmentSpan: hash < 0 ? undefined : { line, start: start + hash + 1, end: span.end },
    kind,
  };
}

/** Inline links, images and link definitions outside front matter, fenced code and code spans. */
export function documentLinks(doc: Pick<PostmortemDocument, 'text' | 'lineStarts' | 'frontMatterRange'>): LinkInfo[] {
  const out: LinkInfo[] = [];
  let fence: string | null = null;
  const first = doc.frontMatterRange ? doc.frontMatterRange.end.line + 1 : 0;
  // Line by line from the line starts (splitting a million lines cost 35 MB), blank lines skipped.
  let previousBlank = first === 0 || !NOT_BLANK.test(lineTextAt(doc, first - 1));
  for (let line = first; line < doc.lineStarts.length; line++) {
    const text = lineTextAt(doc, line);
    const blank = !NOT_BLANK.test(text);
    const afterBlank = previousBlank;
    previousBlank = blank;
    if (blank) continue;
    const f = FENCE.exec(text);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = null;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    if (INDENTED_CODE.test(text) && (line === 0 || afterBlank)) continue;
    if (!text.includes('[')) continue;
    const scan = blankCodeSpans(text);
    const def = DEFINITION.exec(scan);
    if (def) {
      const link = linkOf(def[2], line, def[1].length, 'definition');
      if (link) out.push(link);
      continue;
    }
    INLINE_LINK.lastIndex = 0;
    for (let m = INLINE_LINK.exec(scan); m; m = INLINE_LINK.exec(scan)) {
      const raw = m[2];
      const open = m[0].indexOf('](') + 2;
      const at = m.index + open + (m[0].slice(open).length - m[0].slice(open).trimStart().length);
      const link = linkOf(raw, line, at, m[1] ? 'image' : 'inline');
      if (link) out.push(link);
    }
  }
  return out;
}

/** Is the line position inside the span (end inclusive)? */
export function inSpan(span: LineSpan, line: number, character: number): boolean {
  return span.line === line && character >= span.start && character <= span.end;
}

/** Decodes `%20` and friends in a link path (an undecodable path stays as written). */
export function decodeLinkPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
