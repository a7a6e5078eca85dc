// Sentence boundaries in plain text, shared by the summary and the blame detector.

const ABBREVIATIONS = new Set([
  'e.g', 'i.e', 'etc', 'vs', 'approx', 'incl', 'excl', 'mr', 'mrs', 'ms', 'dr', 'prof', 'inc', 'ltd', 'co', 'corp', 'no', 'nr', 'cf', 'al', 'fig', 'a.m', 'p.m', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'est', 'min', 'max', 'avg', 'ca', 'resp',
]);

// Module constants, not literals in the loop: a regex literal is a new object each time it is evaluated.
const SPACE = /\s/;
const LOWER = /\p{Ll}/u;
const LAST_WORD = /([\p{L}.]+)$/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const NOT_BLANK = /\S/;

/** Sentence spans `[start, end)` of plain text (end includes the final punctuation and closing quotes). */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  const re = /(?<![.!?…])[.!?…]+["'’”)\]]*(?=\s+\S)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const end = m.index + m[0].length;
    let next = end;
    while (next < text.length && SPACE.test(text[next])) next++;
    const nextChar = text[next] ?? '';
    if (LOWER.test(nextChar)) continue;
    if (m[0][0] === '.' && m[0].length === 1) {
      const word = LAST_WORD.exec(text.slice(Math.max(start, m.index - 12), m.index))?.[1] ?? '';
      if (ABBREVIATIONS.has(word.toLowerCase()) || ONE_CAPITAL.test(word) || INITIALS.test(word)) continue;
    }
    if (hasText(text, start, end)) spans.push([start, end]);
    start = next;
  }
  if (hasText(text, start, text.length)) spans.push([start, text.length]);
  return spans;
}

/** Whether `text[start, end)` has a non-space character (without slicing and trimming it). */
function hasText(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (NOT_BLANK.test(text[i])) return true;
  return false;
}
