// Sentence boundaries in plain text, shared by the summary and the blame detector.

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

