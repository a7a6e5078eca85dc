// Plain text for the stakeholder summary: inline Markdown removed, whitespace collapsed, and for every
// character the document offset it came from (so a sentence can be traced back to its line).
// Pure TypeScript, no `vscode` import.

/** Plain text with, for each UTF-16 unit of `text`, the document offset it was taken from. */
export interface SourcedText {
  text: string;
  offsets: number[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'", mdash: '—', ndash: '–', hellip: '…' };
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const AUTOLINK = /^<((?:https?|mailto|ftp):[^\s<>]*)>/i;
const HTML_TAG = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]{0,500})?\/?>/;
const IMAGE = /^!\[(?:[^\]\\]|\\.){0,500}\](?:\([^)\n]{0,2000}\)|\[[^\]\n]{0,200}\])?/;
const LINK = /^\[((?:[^[\]\\]|\\.){1,500})\](?:\(([^)\n]{0,2000})\)|\[([^\]\n]{0,200})\])/;
const FOOTNOTE = /^\[\^[^\]\s]{1,100}\]/;
const ENTITY = /^&(#?[A-Za-z0-9]{1,8});/;
const WORD = /[\p{L}\p{N}]/u;

/** A string that came from one place (metadata, an action item): every character maps to `offset`. */
export function uniform(text: string, offset: number): SourcedText {
  const clean = text.replace(/\s+/g, ' ').trim();
  return { text: clean, offsets: new Array<number>(clean.length).fill(offset) };
}

/**
 * Converts the Markdown source `source.slice(start, end)` to plain text: code spans keep their content,
 * links keep their text, images, HTML tags and comments, footnote references and emphasis markers are
 * dropped, escapes and common entities are resolved, and whitespace (line breaks included) is collapsed.
 */
export function markdownToPlain(source: string, start: number, end: number): SourcedText {
  const chars: string[] = [];
  const offsets: number[] = [];
  const emit = (c: string, at: number) => {
    chars.push(c);
    offsets.push(at);
  };
  scan(start, end);
  return collapse(chars, offsets);

  function scan(from: number, to: number): void {
    let i = from;
    while (i < to) {
      const c = source[i];
      const rest = () => source.slice(i, Math.min(to, i + 2600));
      if (c === '\\' && i + 1 < to && ASCII_PUNCT.test(source[i + 1])) {
        emit(source[i + 1], i + 1);
        i += 2;
        continue;
      }
      if (c === '\\' && source[i + 1] === '\n') {
        emit(' ', i);
        i += 1;
        continue;
      }
      if (c === '`') {
        let run = 1;
        while (source[i + run] === '`') run++;
        const fence = '`'.repeat(run);
        let close = source.indexOf(fence, i + run);
        while (close !== -1 && close < to && source[close + run] === '`') {
          let skip = close;
          while (source[skip] === '`') skip++;
          close = source.indexOf(fence, skip);
        }
        if (close !== -1 && close + run <= to) {
          let a = i + run;
          let b = close;
          if (b - a >= 2 && source[a] === ' ' && source[b - 1] === ' ' && source.slice(a, b).trim() !== '') {
            a++;
            b--;
          }
          for (let k = a; k < b; k++) emit(source[k] === '\n' ? ' ' : source[k], k);
          i = close + run;
          continue;
        }
        for (let k = 0; k < run; k++) emit('`', i + k);
        i += run;
        continue;
      }
      if (c === '<') {
        if (source.startsWith('<!--', i)) {
          const close = source.indexOf('-->', i + 4);
          i = close === -1 || close + 3 > to ? to : close + 3;
          continue;
        }
        const auto = AUTOLINK.exec(rest());
        if (auto) {
          for (let k = 0; k < auto[1].length; k++) emit(auto[1][k], i + 1 + k);
          i += auto[0].length;
          continue;
        }
        const tag = HTML_TAG.exec(rest());
        if (tag) {
          i += tag[0].length;
          continue;
        }
      }
      if (c === '!' && source[i + 1] === '[') {
        const image = IMAGE.exec(rest());
        if (image) {
          i += image[0].length;
          continue;
        }
      }
      if (c === '[') {
        const footnote = FOOTNOTE.exec(rest());
        if (footnote) {
          i += footnote[0].length;
          continue;
        }
        const link = LINK.exec(rest());
        if (link) {
          scan(i + 1, i + 1 + link[1].length);
          i += link[0].length;
          continue;
        }
      }
      if (c === '&') {
        const entity = ENTITY.exec(rest());
        const value = entity ? (ENTITIES[entity[1].toLowerCase()] ?? numericEntity(entity[1])) : undefined;
        if (entity && value !== undefined) {
          emit(value, i);
          i += entity[0].length;
          continue;
        }
      }
      if (c === '*' || c === '_' || c === '~') {
        let run = 1;
        while (source[i + run] === c) run++;
        const before = i > from ? source[i - 1] : ' ';
        const after = i + run < to ? source[i + run] : ' ';
        const flanking = !/\s/.test(before) || !/\s/.test(after);
        const intraword = WORD.test(before) && WORD.test(after);
        const isMarker = c === '~' ? run === 2 && flanking : c === '_' ? flanking && !intraword : flanking;
        if (isMarker) {
          i += run;
          continue;
        }
        for (let k = 0; k < run; k++) emit(c, i + k);
        i += run;
        continue;
      }
      emit(c, i);
      i++;
    }
  }
}

function numericEntity(name: string): string | undefined {
  const m = /^#(x[0-9a-f]+|\d+)$/i.exec(name);
  if (!m) return undefined;
  const code = m[1][0].toLowerCase() === 'x' ? parseInt(m[1].slice(1), 16) : parseInt(m[1], 10);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  const s = String.fromCodePoint(code);
  return s.length === 1 ? s : undefined;
}

/** Collapses whitespace to single spaces and trims, keeping offsets aligned. */
function collapse(chars: string[], offsets: number[]): SourcedText {
  let text = '';
  const out: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (/\s/.test(c)) {
      if (text.length > 0 && pendingSpace === -1) pendingSpace = offsets[i];
      continue;
    }
    if (pendingSpace !== -1) {
      text += ' ';
      out.push(pendingSpace);
      pendingSpace = -1;
    }
    text += c;
    out.push(offsets[i]);
  }
  return { text, offsets: out };
}

export function slice(source: SourcedText, start: number, end: number): SourcedText {
  return { text: source.text.slice(start, end), offsets: source.offsets.slice(start, end) };
}

export function trimSourced(source: SourcedText): SourcedText {
  let a = 0;
  let b = source.text.length;
  while (a < b && /\s/.test(source.text[a])) a++;
  while (b > a && /\s/.test(source.text[b - 1])) b--;
  return slice(source, a, b);
}

// ── Sentences and words ──────────────────────────────────────────────────────────────────────

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'approx', 'incl', 'excl', 'mr', 'mrs', 'ms', 'dr', 'prof', 'inc', 'ltd', 'co', 'corp', 'no', 'nr', 'cf', 'al', 'fig', 'a.m', 'p.m', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'est', 'min', 'max', 'avg', 'ca', 'resp',
]);

/** Sentence spans `[start, end)` of plain text (end includes the final punctuation and closing quotes). */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  const re = /(?<![.!?…])[.!?…]+["'’”)\]]*(?=\s+\S)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    let next = end;
    while (next < text.length && /\s/.test(text[next])) next++;
    const nextChar = text[next] ?? '';
    if (/\p{Ll}/u.test(nextChar)) continue;
    if (m[0][0] === '.' && m[0].length === 1) {
      const word = /([\p{L}.]+)$/u.exec(text.slice(Math.max(start, m.index - 12), m.index))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    if (text.slice(start, end).trim()) spans.push([start, end]);
    start = next;
  }
  if (text.slice(start).trim()) spans.push([start, text.length]);
  return spans;
}

export function wordCount(text: string): number {
  const t = text.trim();
  return t ? t.split(/\s+/).length : 0;
}

/**
 * Keeps whole sentences while they fit in `maxWords`; when even the first sentence is longer, cuts it
 * after `maxWords` words and adds an ellipsis. Returns the kept spans (sentence granularity) and
 * whether anything was left out.
 */
export function trimToWords(text: string, maxWords: number): { spans: Array<[number, number]>; trimmed: boolean; cutMidSentence: boolean } {
  const all = sentenceSpans(text);
  const kept: Array<[number, number]> = [];
  let words = 0;
  for (const span of all) {
    const n = wordCount(text.slice(span[0], span[1]));
    if (kept.length > 0 && words + n > maxWords) break;
    if (kept.length === 0 && n > maxWords) {
      const re = /\S+/g;
      let count = 0;
      let cut = span[1];
      let m: RegExpExecArray | null;
      const sentence = text.slice(span[0], span[1]);
      while ((m = re.exec(sentence)) !== null) {
        count++;
        if (count === maxWords) {
          cut = span[0] + m.index + m[0].length;
          break;
        }
      }
      return { spans: [[span[0], cut]], trimmed: true, cutMidSentence: true };
    }
    kept.push(span);
    words += n;
  }
  return { spans: kept, trimmed: kept.length < all.length, cutMidSentence: false };
}

/** One line, no control characters: safe to put in any output format after escaping. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u2028\u2029]/g, '').replace(/\s+/g, ' ').trim();
}
