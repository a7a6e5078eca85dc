// A cheap screen in front of a large regex: literal words of which every match must contain at least one.
//
// `requiredLiterals(re)` reads the regex's source and returns a set of literal strings such that any text the regex
// matches contains one of them (or `undefined` when no such set is known). The reading is conservative: only ASCII
// characters outside classes count as literals; classes, escapes like `\s` or `\w`, non-ASCII characters and optional
// parts contribute nothing; zero-width parts (anchors, `\b`, lookarounds) cut a literal run. An alternation requires
// one of its alternatives' literals, a sequence the best literal run it contains. So when none of the literals is in
// the text, the regex cannot match it and need not run. The detector's findings stay exactly the same (a test checks
// that on every labelled sentence and every real post-mortem).

interface Info {
  /** Every string the part can match, when that is a small finite set. */
  exact: string[] | null;
  /** Strings of which every match of the part contains one. */
  req: string[] | null;
}

type Node =
  | { t: 'lit'; ch: string }
  | { t: 'any' }
  | { t: 'zero' }
  | { t: 'group'; alts: Node[][]; zero: boolean }
  | { t: 'rep'; node: Node; min: number; max: number };

const MAX_SET = 48;

/** A quantifier `{n}`, `{n,}` or `{n,m}` at `lastIndex`. */
const BRACES = /\{(\d+)(,(\d*))?\}/y;

class Parser {
  i = 0;
  constructor(private readonly src: string, private readonly fold: boolean) {}

  alternation(): Node[][] {
    const alts: Node[][] = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i++;
      alts.push(this.sequence());
    }
    return alts;
  }

  sequence(): Node[] {
    const out: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      out.push(this.quantified(atom));
    }
    return out;
  }

  quantified(atom: Node): Node {
    const s = this.src;
    const c = s[this.i];
    let min = -1;
    let max = Infinity;
    if (c === '?' || c === '*' || c === '+') {
      this.i++;
      min = c === '+' ? 1 : 0;
      max = c === '?' ? 1 : Infinity;
    } else if (c === '{') {
      BRACES.lastIndex = this.i;
      const m = BRACES.exec(s);
      if (m) {
        this.i += m[0].length;
        min = Number(m[1]);
        max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      }
    }
    if (min < 0) return atom;
    if (s[this.i] === '?') this.i++; // lazy
    return { t: 'rep', node: atom, min, max };
  }

  atom(): Node {
    const s = this.src;
    const c = s[this.i++];
    if (c === '(') {
      let zero = false;
      if (s[this.i] === '?') {
        // startsWith at a position: slicing the rest of a 10,000-character source at every group is quadratic.
        const at = (prefix: string) => s.startsWith(prefix, this.i);
        if (at('?:')) this.i += 2;
        else if (at('?=') || at('?!')) {
          this.i += 2;
          zero = true;
        } else if (at('?<=') || at('?<!')) {
          this.i += 3;
          zero = true;
        } else if (at('?<')) this.i = s.indexOf('>', this.i) + 1;
        else throw new Error(`unsupported group at ${this.i}`);
      }
      const alts = this.alternation();
      if (s[this.i] !== ')') throw new Error(`unclosed group at ${this.i}`);
      this.i++;
      return { t: 'group', alts, zero };
    }
    if (c === '[') {
      // A class: skip to its unescaped end.
      if (s[this.i] === '^') this.i++;
      if (s[this.i] === ']') this.i++;
      while (this.i < s.length && s[this.i] !== ']') this.i += s[this.i] === '\\' ? 2 : 1;
      if (s[this.i] !== ']') throw new Error('unclosed class');
      this.i++;
      return { t: 'any' };
    }
    if (c === '^' || c === '$') return { t: 'zero' };
    if (c === '.') return { t: 'any' };
    if (c === '\\') {
      const e = s[this.i++];
      if (e === 'b' || e === 'B') return { t: 'zero' };
      if (e === 'p' || e === 'P') {
        if (s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
        return { t: 'any' };
      }
      if (e === 'u' || e === 'x') {
        if (s[this.i] === '{') this.i = s.indexOf('}', this.i) + 1;
        else this.i += e === 'u' ? 4 : 2;
        return { t: 'any' };
      }
      if (e === 'k') {
        // A back-reference may match anything, the empty string included.
        if (s[this.i] === '<') this.i = s.indexOf('>', this.i) + 1;
        return { t: 'zero' };
      }
      if (/[1-9]/.test(e)) return { t: 'zero' };
      if (/[sSwWdDnrtfv0c]/.test(e)) {
        if (e === 'c') this.i++;
        return { t: 'any' };
      }
      return this.literal(e);
    }
    return this.literal(c);
  }

  literal(c: string): Node {
    // Only ASCII counts: case folding of other characters differs between the regex and toLowerCase.
    if (c.charCodeAt(0) > 0x7f) return { t: 'any' };
    return { t: 'lit', ch: this.fold ? c.toLowerCase() : c };
  }
}

function product(a: string[], b: string[]): string[] | null {
  if (a.length * b.length > MAX_SET) return null;
  const out: string[] = [];
  for (const x of a) for (const y of b) out.push(x + y);
  return out;
}

/** Words too common to screen with: a set containing one passes nearly every sentence. */
const COMMON = new Set('a an the and but or nor of in on at by for to it its is was are were be been am has have had do does did will would could should can may might must shall that this these those not no we he she they his her their our us me my you your if so all one up out from with as there then when what who which more any some than into over also just'.split(' '));

/** How often a literal is expected to occur in a sentence, roughly: common words always, otherwise less the longer it is. */
function cost(literals: string[]): number {
  let sum = 0;
  for (const l of literals) sum += COMMON.has(l) ? 1 : 1 / 4 ** Math.min(l.length, 10);
  return sum;
}

/** The better of two literal sets (either is a valid screen; this is only about speed): the rarer, by `cost`. */
function better(a: string[] | null, b: string[] | null): string[] | null {
  const validA = a !== null && a.every((s) => s !== '');
  const validB = b !== null && b.every((s) => s !== '');
  if (!validA) return validB ? b : null;
  if (!validB) return a;
  return cost(b) < cost(a) ? b : a;
}

function infoOfSequence(nodes: Node[]): Info {
  let run: string[] = [''];
  let exactAll = true;
  let best: string[] | null = null;
  const flush = () => {
    best = better(best, run);
    run = [''];
  };
  for (const node of nodes) {
    const info = infoOf(node);
    const joined = info.exact ? product(run, info.exact) : null;
    if (joined) {
      run = joined;
      continue;
    }
    exactAll = false;
    flush();
    if (info.exact) run = info.exact;
    else best = better(best, info.req);
  }
  const exact = exactAll ? run : null;
  flush();
  return { exact, req: best };
}

function infoOf(node: Node): Info {
  switch (node.t) {
    case 'lit':
      return { exact: [node.ch], req: [node.ch] };
    case 'any':
      return { exact: null, req: null };
    case 'zero':
      return { exact: null, req: null };
    case 'group': {
      if (node.zero) return { exact: null, req: null };
      const infos = node.alts.map(infoOfSequence);
      const exact = infos.every((x) => x.exact) ? [...new Set(infos.flatMap((x) => x.exact!))] : null;
      const reqs = infos.map((x) => better(x.req, x.exact));
      const req = reqs.every((r) => r) ? [...new Set(reqs.flatMap((r) => r!))] : null;
      return { exact: exact && exact.length <= MAX_SET ? exact : null, req };
    }
    case 'rep': {
      const inner = infoOf(node.node);
      // "s?", "(?:the\s+)?": an optional part with a few exact forms joins the literal run either way.
      if (node.min === 0) return { exact: node.max === 1 && inner.exact ? [...inner.exact, ''] : null, req: null };
      const req = better(inner.req, inner.exact);
      return { exact: node.min === 1 && node.max === 1 ? inner.exact : null, req };
    }
  }
}

/** Literals of which every match of `re` contains one (lower-cased when `re` ignores case), or undefined. */
export function requiredLiterals(re: RegExp): string[] | undefined {
  const fold = re.flags.includes('i');
  let parsed: Node[][];
  try {
    const parser = new Parser(re.source, fold);
    parsed = parser.alternation();
    if (parser.i !== re.source.length) return undefined;
  } catch {
    return undefined;
  }
  const info = infoOf({ t: 'group', alts: parsed, zero: false });
  const req = better(info.req, info.exact);
  if (!req || req.some((s) => s === '')) return undefined;
  // A literal that contains another is redundant: wherever it occurs, the shorter one does too.
  const sorted = [...new Set(req)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const s of sorted) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/**
 * A key for a regex's source and flags (its length and two 32-bit hashes): the detector stores each regex's literals under it
 * (screenLiterals.ts, generated), so they are not worked out again at every start; a regex whose key is not stored gets its
 * literals worked out when the screens are built.
 */
export function screenKey(re: RegExp): string {
  const text = `${re.flags}/${re.source}`;
  let fnv = 0x811c9dc5;
  let djb = 5381;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    fnv = Math.imul(fnv ^ c, 0x01000193);
    djb = (Math.imul(djb, 33) + c) | 0;
  }
  return `${text.length}:${(fnv >>> 0).toString(16)}:${(djb >>> 0).toString(16)}`;
}

/** Characters that case-insensitive Unicode regexes match to ASCII letters but toLowerCase keeps (ſ → s, Kelvin K → k). */
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

/**
 * Aho–Corasick over ASCII, for at most 31 ids: one pass over a text gives the bit mask of the ids one of whose literals occurs
 * in it. Built on flat typed arrays (a complete transition table over the characters the literals use), so that building it
 * is cheap even before the code is optimised.
 */
class Automaton {
  private readonly delta: Int32Array;
  private readonly out: Int32Array;
  /** Each ASCII character's column in `delta`; 0 for characters no literal contains. */
  private readonly column: Uint8Array;
  private readonly width: number;

  constructor(literals: ReadonlyArray<{ id: number; text: string }>) {
    const column = new Uint8Array(128);
    let width = 1;
    let size = 1;
    for (const { text } of literals) {
      size += text.length;
      for (let i = 0; i < text.length; i++) if (!column[text.charCodeAt(i)]) column[text.charCodeAt(i)] = width++;
    }
    // The trie: -1 for a missing edge; node 0 is the root.
    let delta = new Int32Array(size * width).fill(-1);
    const out = new Int32Array(size);
    let nodes = 1;
    for (const { id, text } of literals) {
      let node = 0;
      for (let i = 0; i < text.length; i++) {
        const at = node * width + column[text.charCodeAt(i)];
        if (delta[at] === -1) delta[at] = nodes++;
        node = delta[at];
      }
      out[node] |= 1 << id;
    }
    delta = delta.slice(0, nodes * width);
    // Breadth first: a missing edge follows the failure link, and a node also reports what its failure node reports.
    const fail = new Int32Array(nodes);
    const queue = new Int32Array(nodes);
    let tail = 0;
    for (let k = 1; k < width; k++) {
      if (delta[k] === -1) delta[k] = 0;
      else queue[tail++] = delta[k];
    }
    delta[0] = 0;
    for (let head = 0; head < tail; head++) {
      const node = queue[head];
      out[node] |= out[fail[node]];
      const row = node * width;
      const failRow = fail[node] * width;
      delta[row] = 0;
      for (let k = 1; k < width; k++) {
        const child = delta[row + k];
        if (child === -1) delta[row + k] = delta[failRow + k];
        else {
          fail[child] = delta[failRow + k];
          queue[tail++] = child;
        }
      }
    }
    this.delta = delta;
    this.out = out;
    this.column = column;
    this.width = width;
  }

  /** The ids one of whose literals occurs in `text`, as a bit mask. */
  mask(text: string): number {
    const { delta, out, column, width } = this;
    let state = 0;
    let seen = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Literals are ASCII: another character, or one no literal contains, ends every partial match.
      const k = c < 128 ? column[c] : 0;
      state = k === 0 ? 0 : delta[state * width + k];
      seen |= out[state];
    }
    return seen;
  }
}

/**
 * The screens of a list of regexes, run together: `mayMatch(sentence)[i]` is 0 only when regex `i` certainly does not
 * match the sentence (none of its required literals occurs in it).
 */
export class RegexScreens {
  private readonly count: number;
  private readonly always: Uint8Array;
  private readonly foldedUnicode: number[];
  /** Per chunk of 31 regexes: the automaton over the lower-cased text and the one over the text as it is. */
  private readonly chunks: Array<{ folded: Automaton; exact: Automaton }>;

  constructor(regexes: readonly RegExp[], literalsOf: (re: RegExp) => readonly string[] | undefined = requiredLiterals) {
    this.count = regexes.length;
    this.always = new Uint8Array(regexes.length);
    this.foldedUnicode = [];
    const folded: Array<Array<{ id: number; text: string }>> = [];
    const exact: Array<Array<{ id: number; text: string }>> = [];
    regexes.forEach((re, index) => {
      const chunk = Math.floor(index / 31);
      folded[chunk] ??= [];
      exact[chunk] ??= [];
      const literals = literalsOf(re);
      if (!literals) {
        this.always[index] = 1;
        return;
      }
      const fold = re.flags.includes('i');
      if (fold && re.flags.includes('u')) this.foldedUnicode.push(index);
      for (const text of literals) (fold ? folded : exact)[chunk].push({ id: index % 31, text });
    });
    this.chunks = folded.map((list, chunk) => ({ folded: new Automaton(list), exact: new Automaton(exact[chunk]) }));
  }

  mayMatch(sentence: string): Uint8Array {
    const seen = this.always.slice();
    const lower = sentence.toLowerCase();
    this.chunks.forEach(({ folded, exact }, chunk) => {
      const mask = folded.mask(lower) | exact.mask(sentence);
      for (let id = 0; id < 31 && chunk * 31 + id < this.count; id++) if (mask & (1 << id)) seen[chunk * 31 + id] = 1;
    });
    if (FOLDS_TO_ASCII.test(sentence)) for (const id of this.foldedUnicode) seen[id] = 1;
    return seen;
  }
}
