// A cheap screen in front of a large regex: literal words that every match must contain.
//
// `requiredForm(re)` reads the regex's source and returns what any text the regex matches contains, as terms of clauses of
// literal strings: the text satisfies one of the terms, that is, holds a literal of each of its clauses ("went back to
// sleep|careless engineer" needs "went", "back" and "sleep", or "careless" and "engineer"). Undefined when nothing is known.
// The reading is conservative: only ASCII characters outside classes count as literals; classes, escapes like `\s` or `\w`,
// non-ASCII characters and optional parts contribute nothing; zero-width parts (anchors, `\b`, lookarounds) cut a literal
// run. A sequence needs all its parts, an alternation one of its alternatives; beyond a few terms or clauses, the form is
// weakened (clauses left out, terms merged), never made wrong. So when no term is satisfied, the regex cannot match the text
// and need not run. The detector's findings stay exactly the same (a test checks that on every labelled sentence and every
// real post-mortem).

/** Literals of which a text contains at least one. */
type Clause = string[];
/** Clauses a text satisfies all of. */
type Term = Clause[];
/** Terms a text satisfies at least one of; null when nothing is known (every text may match). */
type Form = Term[] | null;
/** A regex's screen: what every match contains, as terms of clauses of literals. */
export type Screen = ReadonlyArray<ReadonlyArray<readonly string[]>>;

interface Info {
  /** Every string the part can match, when that is a small finite set. */
  exact: string[] | null;
  /** What every match of the part contains. */
  form: Form;
}

type Node =
  | { t: 'lit'; ch: string }
  | { t: 'any' }
  | { t: 'zero' }
  | { t: 'group'; alts: Node[][]; zero: boolean }
  | { t: 'rep'; node: Node; min: number; max: number };

const MAX_SET = 48;
/** At most this many terms per form and clauses per term: beyond, a form is weakened (still sound, less sharp). */
const MAX_TERMS = 64;
const MAX_CLAUSES = 3;

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
function cost(literals: readonly string[]): number {
  let sum = 0;
  for (const l of literals) sum += COMMON.has(l) ? 1 : 1 / 4 ** Math.min(l.length, 10);
  return sum;
}

/** A clause of literals, or null (no constraint) when one is empty. */
function clause(literals: string[]): Form {
  return literals.some((s) => s === '') ? null : [[[...new Set(literals)]]];
}

/** A term's rarest clauses first, at most MAX_CLAUSES (dropping a clause only weakens the screen, never makes it wrong). */
function prune(term: Clause[]): Clause[] {
  const sorted = [...term].sort((a, b) => cost(a) - cost(b));
  // A clause with a common word is in nearly every sentence: it only costs time, unless it is all the term has.
  const rare = sorted.findIndex((c) => cost(c) >= 1);
  const kept = rare > 0 ? rare : sorted.length;
  return sorted.slice(0, Math.min(kept, MAX_CLAUSES));
}

/**
 * One term implied by each of `terms` (their disjunction, weakened): its j-th clause joins the j-th rarest clause of each
 * term (or the term's last one). Sound: a text that satisfies one of the terms has a literal of each joined clause.
 */
function merge(terms: readonly Term[]): Term | null {
  if (terms.some((t) => t.length === 0)) return null;
  const width = Math.max(...terms.map((t) => t.length));
  const out: Clause[] = [];
  for (let j = 0; j < width; j++) out.push([...new Set(terms.flatMap((t) => t[Math.min(j, t.length - 1)]))]);
  return prune(out);
}

/** A form as a single term (see merge). */
function weaken(form: Form): Form {
  const term = form && merge(form);
  return term ? [term] : null;
}

/** Both forms (a sequence): every pair of terms together, or, when that is too many, one side weakened to a single term. */
function and(a: Form, b: Form): Form {
  if (a === null) return b;
  if (b === null) return a;
  if (a.length * b.length > MAX_TERMS) {
    if (b.length > 1) return and(a, weaken(b));
    return and(weaken(a), b);
  }
  const out: Term[] = [];
  for (const x of a) for (const y of b) out.push(prune([...x, ...y]));
  return out;
}

/** Either form (an alternation); beyond MAX_TERMS terms, neighbouring terms are merged. */
function or(forms: Form[]): Form {
  const terms: Term[] = [];
  for (const f of forms) {
    if (f === null) return null;
    for (const t of f) {
      if (t.length === 0) return null;
      terms.push(t);
    }
  }
  if (terms.length <= MAX_TERMS) return terms;
  const per = Math.ceil(terms.length / MAX_TERMS);
  const merged: Term[] = [];
  for (let i = 0; i < terms.length; i += per) merged.push(merge(terms.slice(i, i + per))!);
  return merged;
}

function infoOfSequence(nodes: Node[]): Info {
  let run: string[] = [''];
  let exactAll = true;
  let form: Form = null;
  const flush = () => {
    form = and(form, clause(run));
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
    else form = and(form, info.form);
  }
  const exact = exactAll ? run : null;
  flush();
  return { exact, form };
}

function infoOf(node: Node): Info {
  switch (node.t) {
    case 'lit':
      return { exact: [node.ch], form: [[[node.ch]]] };
    case 'any':
    case 'zero':
      return { exact: null, form: null };
    case 'group': {
      if (node.zero) return { exact: null, form: null };
      const infos = node.alts.map(infoOfSequence);
      const exact = infos.every((x) => x.exact) ? [...new Set(infos.flatMap((x) => x.exact!))] : null;
      return { exact: exact && exact.length <= MAX_SET ? exact : null, form: or(infos.map((x) => x.form)) };
    }
    case 'rep': {
      const inner = infoOf(node.node);
      // "s?", "(?:the\s+)?": an optional part with a few exact forms joins the literal run either way.
      if (node.min === 0) return { exact: node.max === 1 && inner.exact ? [...inner.exact, ''] : null, form: null };
      return { exact: node.min === 1 && node.max === 1 ? inner.exact : null, form: inner.form };
    }
  }
}

/** A clause without redundant literals: one that contains another is implied by it (wherever it occurs, the shorter one does too). */
function minimal(literals: readonly string[]): string[] {
  const sorted = [...new Set(literals)].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  const kept: string[] = [];
  for (const s of sorted) if (!kept.some((k) => s.includes(k))) kept.push(s);
  return kept;
}

/**
 * What every match of `re` must contain (lower-cased when `re` ignores case), as terms of clauses of literals: a text the
 * regex matches satisfies at least one term, that is, contains a literal of each of its clauses. Undefined when nothing is known.
 */
export function requiredForm(re: RegExp): Screen | undefined {
  const fold = re.flags.includes('i');
  let parsed: Node[][];
  try {
    const parser = new Parser(re.source, fold);
    parsed = parser.alternation();
    if (parser.i !== re.source.length) return undefined;
  } catch {
    return undefined;
  }
  const form = infoOf({ t: 'group', alts: parsed, zero: false }).form;
  if (form === null || form.some((term) => term.length === 0)) return undefined;
  return form.map((term) => term.map(minimal));
}

/** Separators of a screen written as text (screenLiterals.ts): literals of a clause, clauses of a term, terms. */
const SEP = { literal: ' ', clause: '&', term: ';' };

/** A screen as one string ("went&sleep bed;fell&asleep"): a third the size of its JSON. Throws when a literal holds a separator. */
export function encodeScreen(screen: Screen): string {
  for (const literal of screen.flat(2)) if (/[ &;]/.test(literal)) throw new Error(`a screen literal holds a separator: ${JSON.stringify(literal)}`);
  return screen.map((term) => term.map((c) => c.join(SEP.literal)).join(SEP.clause)).join(SEP.term);
}

export function decodeScreen(text: string): Screen {
  return text.split(SEP.term).map((term) => term.split(SEP.clause).map((c) => c.split(SEP.literal)));
}

/** Literals of which every match of `re` contains one (lower-cased when `re` ignores case), or undefined. */
export function requiredLiterals(re: RegExp): string[] | undefined {
  const form = weaken((requiredForm(re) as Form | undefined) ?? null);
  return form ? minimal(form[0][0]) : undefined;
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
 * Aho–Corasick over ASCII: one pass over a text gives the ids (clauses) one of whose literals occurs in it. Built on flat
 * typed arrays (a complete transition table over the characters the literals use, and each node's ids in one list), so that
 * building it is cheap even before the code is optimised.
 */
class Automaton {
  private readonly delta: Int32Array;
  /** The ids of the literals ending at node `n` are `ids[outStart[n]]` to `ids[outStart[n + 1] - 1]`. */
  private readonly outStart: Int32Array;
  private readonly ids: Int32Array;
  /** The nearest node on `n`'s failure chain (itself included) at which a literal ends; 0 for none. */
  private readonly report: Int32Array;
  /** The longest proper suffix of `n`'s literal at which another ends (`report` of its failure node). */
  private readonly next: Int32Array;
  /** Per node, the last `generation` it was reported in: a node reports once per text. */
  private readonly reported: Int32Array;
  /** Each ASCII character's column in `delta`; 0 for characters no literal contains. */
  private readonly column: Uint8Array;
  private readonly width: number;

  /** `caseless`: the literals are lower-case and the text's ASCII letters are read lowered (without lowering the text). */
  constructor(literals: ReadonlyArray<{ id: number; text: string }>, caseless: boolean) {
    const column = new Uint8Array(128);
    let width = 1;
    let size = 1;
    for (const { text } of literals) {
      size += text.length;
      for (let i = 0; i < text.length; i++) if (!column[text.charCodeAt(i)]) column[text.charCodeAt(i)] = width++;
    }
    if (caseless) for (let c = 65; c <= 90; c++) column[c] = column[c + 32];
    // The trie, built one depth at a time (every literal's first character, then every second one, …), so nodes are
    // numbered breadth first: the shallow ones, where a scan spends nearly all its time, share a few cache lines, and
    // the failure links below can be worked out in node order. -1 for a missing edge; node 0 is the root. The table
    // grows as needed: the literals share most of their prefixes (44,000 characters made 6,000 nodes).
    let capacity = Math.min(size, 1024);
    let delta = new Int32Array(capacity * width).fill(-1);
    const own: number[][] = [[]];
    let nodes = 1;
    let maxLength = 0;
    for (const { text } of literals) maxLength = Math.max(maxLength, text.length);
    const at = new Int32Array(literals.length);
    for (let depth = 0; depth < maxLength; depth++) {
      for (let l = 0; l < literals.length; l++) {
        const { id, text } = literals[l];
        if (depth >= text.length) continue;
        const edge = at[l] * width + column[text.charCodeAt(depth)];
        if (delta[edge] === -1) {
          if (nodes === capacity) {
            capacity = Math.min(size, capacity * 2);
            const grown = new Int32Array(capacity * width).fill(-1);
            grown.set(delta);
            delta = grown;
          }
          delta[edge] = nodes++;
          own.push([]);
        }
        const node = (at[l] = delta[edge]);
        if (depth === text.length - 1 && !own[node].includes(id)) own[node].push(id);
      }
    }
    // In node order (breadth first): a missing edge follows the failure link; the reporting links follow failure links to literal ends.
    const fail = new Int32Array(nodes);
    const report = new Int32Array(nodes);
    const next = new Int32Array(nodes);
    for (let k = 1; k < width; k++) if (delta[k] === -1) delta[k] = 0;
    delta[0] = 0;
    for (let node = 1; node < nodes; node++) {
      next[node] = report[fail[node]];
      report[node] = own[node].length ? node : next[node];
      const row = node * width;
      const failRow = fail[node] * width;
      delta[row] = 0;
      for (let k = 1; k < width; k++) {
        const child = delta[row + k];
        if (child === -1) delta[row + k] = delta[failRow + k];
        else fail[child] = delta[failRow + k];
      }
    }
    const outStart = new Int32Array(nodes + 1);
    for (let n = 0; n < nodes; n++) outStart[n + 1] = outStart[n] + own[n].length;
    const ids = new Int32Array(outStart[nodes]);
    for (let n = 0; n < nodes; n++) ids.set(own[n], outStart[n]);
    this.delta = delta;
    this.outStart = outStart;
    this.ids = ids;
    this.report = report;
    this.next = next;
    this.reported = new Int32Array(nodes);
    this.column = column;
    this.width = width;
  }

  /**
   * Pushes onto `found` (from `count` on) each id one of whose literals occurs in `text`, and returns the new count; a literal
   * found again in the same `generation` is not pushed again (an id may still be pushed once per literal).
   */
  scan(text: string, generation: number, found: Int32Array, count: number): number {
    const { delta, outStart, ids, report, next, reported, column, width } = this;
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      // Literals are ASCII: another character, or one no literal contains, ends every partial match.
      const k = c < 128 ? column[c] : 0;
      state = k === 0 ? 0 : delta[state * width + k];
      for (let node = report[state]; node !== 0 && reported[node] !== generation; node = next[node]) {
        reported[node] = generation;
        for (let o = outStart[node], end = outStart[node + 1]; o < end; o++) found[count++] = ids[o];
      }
    }
    return count;
  }

  /** Forgets every generation (when the generations start again from 1). */
  reset(): void {
    this.reported.fill(0);
  }

  /** The most ids one scan can push: each literal once. */
  get capacity(): number {
    return this.ids.length;
  }
}

/**
 * The screens of a list of regexes, run together: `mayMatch(sentence)[i]` is 0 only when regex `i` certainly does not
 * match the sentence (no term of its screen has all its clauses in it). Equal clauses of different terms are one clause.
 */
export class RegexScreens {
  private readonly always: Uint8Array;
  private readonly foldedUnicode: number[] = [];
  private readonly folded: Automaton;
  private readonly exact: Automaton;
  /** Per clause, its terms (`clauseTerms[clauseStart[c]]` …); per term, its regex and how many clauses it has. */
  private readonly clauseStart: Int32Array;
  private readonly clauseTerms: Int32Array;
  private readonly termRegex: Int32Array;
  private readonly termSize: Int32Array;
  /** Per sentence a new generation: a clause or term stamped with an older one has not been seen in this sentence. */
  private generation = 0;
  private readonly clauseSeen: Int32Array;
  private readonly termSeen: Int32Array;
  private readonly termCount: Int32Array;
  private readonly found: Int32Array;

  constructor(regexes: readonly RegExp[], screenOf: (re: RegExp) => Screen | undefined = requiredForm) {
    this.always = new Uint8Array(regexes.length);
    const folded: Array<{ id: number; text: string }> = [];
    const exact: Array<{ id: number; text: string }> = [];
    const clauseIds = new Map<string, number>();
    const termsOf: number[][] = [];
    const termRegex: number[] = [];
    const termSize: number[] = [];
    regexes.forEach((re, index) => {
      const screen = screenOf(re);
      if (!screen) {
        this.always[index] = 1;
        return;
      }
      const fold = re.flags.includes('i');
      if (fold && re.flags.includes('u')) this.foldedUnicode.push(index);
      for (const term of screen) {
        const t = termRegex.length;
        termRegex.push(index);
        const ids = new Set<number>();
        for (const literals of term) {
          const key = `${fold ? 'i' : 'c'}\0${[...literals].sort().join('\0')}`;
          let id = clauseIds.get(key);
          if (id === undefined) {
            clauseIds.set(key, (id = termsOf.length));
            termsOf.push([]);
            for (const text of literals) (fold ? folded : exact).push({ id, text });
          }
          if (!ids.has(id)) termsOf[id].push(t);
          ids.add(id);
        }
        termSize.push(ids.size);
      }
    });
    this.folded = new Automaton(folded, true);
    this.exact = new Automaton(exact, false);
    this.clauseStart = new Int32Array(termsOf.length + 1);
    termsOf.forEach((terms, c) => (this.clauseStart[c + 1] = this.clauseStart[c] + terms.length));
    this.clauseTerms = Int32Array.from(termsOf.flat());
    this.termRegex = Int32Array.from(termRegex);
    this.termSize = Int32Array.from(termSize);
    this.clauseSeen = new Int32Array(termsOf.length);
    this.termSeen = new Int32Array(termRegex.length);
    this.termCount = new Int32Array(termRegex.length);
    this.found = new Int32Array(this.folded.capacity + this.exact.capacity);
  }

  mayMatch(sentence: string): Uint8Array {
    if (++this.generation === 0x7fffffff) {
      this.generation = 1;
      this.clauseSeen.fill(0);
      this.termSeen.fill(0);
      this.folded.reset();
      this.exact.reset();
    }
    const gen = this.generation;
    const { found, clauseSeen, clauseStart, clauseTerms, termSeen, termCount, termSize, termRegex } = this;
    const seen = this.always.slice();
    let count = this.folded.scan(sentence, gen, found, 0);
    count = this.exact.scan(sentence, gen, found, count);
    // A clause seen for the first time counts for each of its terms; a term with all its clauses lets its regex run.
    for (let f = 0; f < count; f++) {
      const clause = found[f];
      if (clauseSeen[clause] === gen) continue;
      clauseSeen[clause] = gen;
      for (let o = clauseStart[clause], end = clauseStart[clause + 1]; o < end; o++) {
        const term = clauseTerms[o];
        if (termSeen[term] !== gen) {
          termSeen[term] = gen;
          termCount[term] = 0;
        }
        if (++termCount[term] === termSize[term]) seen[termRegex[term]] = 1;
      }
    }
    if (FOLDS_TO_ASCII.test(sentence)) for (const id of this.foldedUnicode) seen[id] = 1;
    return seen;
  }
}
