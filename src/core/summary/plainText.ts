// Plain text for the stakeholder summary: inline Markdown removed, whitespace collapsed, and for every
// character the document offset it came from (so a sentence can be traced back to its line).
// Pure TypeScript, no `vscode` import.

import { sentenceSpans } from '../util/sentences';

export { sentenceSpans };

/** Plain text with, for each UTF-16 unit of `text`, the document offset it was taken from. */
export interface SourcedText {
  text: string;
  offsets: number[];
  /** Set when the text is the start of a longer one (a block past SUMMARY_BLOCK_CHARS). */
  cut?: boolean;
}

/** A string that came from one place (metadata, an action item): every character maps to `offset`. */
export function uniform(text: string, offset: number): SourcedText {
  const clean = text.replace(/\s+/g, ' ').trim();
  return { text: clean, offsets: new Array<number>(clean.length).fill(offset) };
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

export { oneLine } from '../util/escape';
