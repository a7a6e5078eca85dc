// Business figures in impact text: percentages, money, counts ("18%", "31k EUR", "4,100 orders").
// Pure TypeScript, no `vscode` import.

export interface Figure {
  start: number;
  end: number;
  text: string;
  kind: 'percent' | 'money' | 'count';
}

const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const SCALE = String.raw`(?:\s?(?:k|K|M|bn|mn)(?![\p{L}\p{N}])|\s(?:thousand|million|billion)(?![\p{L}]))`;
const CURRENCY_CODE = String.raw`(?:EUR|USD|GBP|CHF|JPY|CAD|AUD|SEK|NOK|DKK|PLN|INR|CNY|BRL)(?![\p{L}])`;
const CURRENCY_WORD = String.raw`(?:euros?|dollars?|pounds?)(?![\p{L}])`;
const NOT_BEFORE = String.raw`(?<![\p{L}\p{N}.,:/#_-])`;
const NOT_AFTER = String.raw`(?![\p{N}]|[.,:/-]\p{N})`;

const FIGURE = new RegExp(
  [
    // Money with a symbol in front: $12k, € 4,000, £3.5 million
    String.raw`(?<money1>[$€£¥]\s?(?:${NUMBER})${SCALE}?)${NOT_AFTER}`,
    // Number, then: %, currency, or a noun
    String.raw`${NOT_BEFORE}(?<num>(?:${NUMBER})${SCALE}?)${NOT_AFTER}(?:(?<percent>\s?%|\s?percent(?![\p{L}]))|(?<money2>\s?(?:${CURRENCY_CODE}|${CURRENCY_WORD}|[€$£]))|(?<noun>\s(?:[\p{L}][\p{L}-]{1,30})(?![\p{L}\p{N}])))?`,
  ].join('|'),
  'gu',
);

/** Words after a number that do not make it a count of something. */
const NOT_NOUNS = new Set([
  'were', 'was', 'are', 'is', 'be', 'been', 'had', 'have', 'has', 'of', 'and', 'or', 'to', 'in', 'at', 'on', 'for', 'between', 'from',
  'by', 'with', 'the', 'a', 'an', 'per', 'than', 'more', 'less', 'out', 'utc', 'gmt', 'am', 'pm', 'and', 'but', 'so', 'as', 'that',
  'which', 'who', 'it', 'we', 'they', 'then', 'into', 'onto', 'after', 'before', 'during', 'until', 'via', 'x', 'times',
]);

/** Figures in a piece of impact text, in order, without overlaps. */
export function findFigures(text: string): Figure[] {
  const out: Figure[] = [];
  FIGURE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = FIGURE.exec(text)) !== null) {
    const g = m.groups ?? {};
    const start = m.index;
    let end = start + m[0].length;
    let kind: Figure['kind'];
    if (g.money1) kind = 'money';
    else if (g.percent) kind = 'percent';
    else if (g.money2) kind = 'money';
    else {
      const num = g.num ?? '';
      const noun = g.noun?.trim().toLowerCase();
      if (noun && NOT_NOUNS.has(noun)) end = start + num.length;
      const hasNoun = !!noun && !NOT_NOUNS.has(noun);
      const plainNumber = num.replace(/,/g, '');
      const isYear = /^(?:19|20)\d\d$/.test(num) && !hasNoun;
      const big = /,|\s?(?:k|K|M|bn|mn|thousand|million|billion)$/.test(num) || Number(plainNumber) >= 10;
      if (isYear || (!hasNoun && !big)) continue;
      kind = 'count';
    }
    out.push({ start, end, text: text.slice(start, end), kind });
  }
  return out;
}

/** Splits text into spans, figures marked `strong`. */
export function highlightFigures(text: string): Array<{ text: string; strong?: boolean }> {
  const spans: Array<{ text: string; strong?: boolean }> = [];
  let last = 0;
  for (const f of findFigures(text)) {
    if (f.start > last) spans.push({ text: text.slice(last, f.start) });
    spans.push({ text: f.text, strong: true });
    last = f.end;
  }
  if (last < text.length) spans.push({ text: text.slice(last) });
  return spans;
}
