// Glossary matcher: finds glossary terms in prose (for hovers, the stakeholder summary and the CLI).
// Pure TypeScript, no `vscode` import. Offsets are UTF-16 indexes into the given string, like the
// rest of src/core.
//
// Matching rules
// --------------
// - Whole words only: a match may not start right after, or end right before, a letter, digit or
//   underscore ("preRCA", "latencyX", "max_latency" do not match). Underscore counts as a word
//   character so snake_case identifiers are left alone; as a consequence `_SLO_` emphasis is not
//   matched (`*SLO*` is). A match also may not end right before ".<digit>" or ",<digit>", so "p99"
//   is not found inside "p99.9".
// - Multi-word forms accept up to three spaces, hyphens/dashes or line-break characters, or
//   nothing, between words: "blast radius" = "blast-radius" = "blast\nradius",
//   "on-call" = "on call" = "oncall".
// - The last word may carry a plural or possessive ending: s, es, 's, s' ("SLOs", "SLO's",
//   "runbooks"); words ending in consonant+y also match -ies ("canaries", "latencies") and words
//   ending in -sis match -ses ("analyses"). The ending is part of the reported match.
// - Case: words match case-insensitively ("Toil", "CANARY", "P99", "fps"), EXCEPT acronyms. A
//   token written in the glossary as two or more upper-case letters and nothing else ("SLO",
//   "TTD", "MTTR", "RTK") only matches when written in upper case in the text (plural/possessive
//   endings may be lower case). Short lower-case letter groups such as "sla", "ttd" or "sev" are
//   too likely to be ordinary words, names or typos. Tokens that mix letters and digits ("p99",
//   "SEV2") are not acronyms in this sense and match in any case. A term can opt in to
//   lower-case matching with an explicit lower-case alias (the FPS term lists "fps").
// - Overlaps: the scan is leftmost-longest. At a given start the longest form wins ("p99 latency"
//   is one match for the p99 term, not "p99" plus "latency"), and matches never overlap.
//
// Performance: all forms are compiled once, per glossary, into a single regular expression built
// from a character trie, so alternatives sharing a prefix are tried once. Every quantifier in the
// pattern is bounded and the trie has no ambiguous nesting, so there is no catastrophic
// backtracking; a scan is linear in the text length.

import type { Node as YamlNode } from 'yaml';
import { isMap, isScalar, isSeq, newLineCounter, parseDocument } from '../util/yaml';
import { GLOSSARY_TERMS, type GlossaryTerm } from './terms';

export type { GlossaryTerm } from './terms';
export { GLOSSARY_TERMS } from './terms';

export { GLOSSARY_FILE_NAME } from './fileName';

export interface GlossaryMatch {
  term: GlossaryTerm;
  /** Offset of the first character of the match. */
  start: number;
  /** Offset just past the last character (exclusive). */
  end: number;
  /** The matched text as written, including any plural/possessive ending. */
  text: string;
}

export interface Glossary {
  /** Built-in terms merged with the extra terms, in order (built-ins first, additions after). */
  readonly terms: GlossaryTerm[];
  /** All non-overlapping matches in `text`, in order of position. */
  findAll(text: string): GlossaryMatch[];
  /** The match that covers `offset` (start <= offset < end), if any. */
  findAt(text: string, offset: number): GlossaryMatch | undefined;
  /** A term by id, canonical spelling or alias (case-insensitive; plurals/possessives allowed). */
  lookup(word: string): GlossaryTerm | undefined;
}

const COMPUTED_VALUES: ReadonlySet<string> = new Set(['ttr', 'ttd', 'ttm', 'ttd-mttd', 'blastRadius', 'duration', 'severity']);

// ── Form normalisation ──────────────────────────────────────────────────────────────────────

/** Characters that separate words of a multi-word form (hyphen, non-breaking hyphen, en dash). */
const SEPARATOR_CHARS = /[\s\-\u2010\u2011\u2013]+/g;
/** Splits a form into its words. */
const splitWords = (form: string): string[] => form.split(SEPARATOR_CHARS).filter((w) => w.length > 0);
/** Map key for a form or a matched text: lower case, separators removed. */
const normKey = (s: string): string => s.toLowerCase().replace(SEPARATOR_CHARS, '');

/** An acronym token: 2+ upper-case letters and nothing else. Matched case-sensitively. */
const isAcronymToken = (word: string): boolean => /^\p{Lu}{2,}$/u.test(word);

/** Extra spellings of a form's last word that the generic s/es suffix does not cover. */
function irregularPlurals(form: string): string[] {
  const words = splitWords(form);
  const last = words[words.length - 1];
  if (!last || isAcronymToken(last)) return [];
  const lower = last.toLowerCase();
  const stem = form.slice(0, form.length - last.length);
  if (/[^aeiou]y$/.test(lower)) return [stem + last.slice(0, -1) + 'ies'];
  if (/sis$/.test(lower)) return [stem + last.slice(0, -3) + 'ses'];
  return [];
}

/** Candidate lookup keys for a matched text, most specific first. */
function candidateKeys(text: string): string[] {
  const key = normKey(text);
  const bases = [key];
  const possessive = key.replace(/(?:['\u2019]s|['\u2019])$/, '');
  if (possessive !== key) bases.push(possessive);
  const out: string[] = [];
  for (const b of bases) {
    out.push(b);
    if (b.endsWith('es')) out.push(b.slice(0, -2));
    if (b.endsWith('s')) out.push(b.slice(0, -1));
  }
  // Irregular plurals such as "canaries" are registered as keys of their own (irregularPlurals).
  return out;
}

// ── Regex compilation ───────────────────────────────────────────────────────────────────────

const SEP_UNIT = ' ';
const WORD_CHAR = String.raw`\p{L}\p{N}_`;
/** Between words: up to three spaces, hyphens/dashes or line-break characters, or nothing. */
const SEP_SRC = String.raw`[\s\-\u2010\u2011\u2013]{0,3}`;
/** Optional plural/possessive ending on the last word. */
const SUFFIX_SRC = String.raw`(?:['\u2019]s|s['\u2019]|es|s)?`;
/** End of a match: no word character follows, and no ".5"-style decimal continuation. */
const END_SRC = String.raw`(?![${WORD_CHAR}]|[.,]\p{N})`;
const START_SRC = String.raw`(?<![${WORD_CHAR}])`;

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

const newNode = (): TrieNode => ({ children: new Map(), terminal: false });

const escapeChar = (c: string): string => (/[\\^$.*+?()[\]{}|/]/.test(c) ? '\\' + c : c);

/** Regex source for one trie unit: a separator, an exact character ('=' prefix) or a caseless one ('~'). */
function unitSource(unit: string): string {
  if (unit === SEP_UNIT) return SEP_SRC;
  const c = unit.slice(1);
  if (unit[0] === '=') return escapeChar(c);
  // Case variants that are single code units (so "İ", whose lower case is two, stays literal).
  const variants = [...new Set([c, c.toLowerCase(), c.toUpperCase()])].filter((v) => v.length === 1);
  if (variants.length <= 1) return escapeChar(c);
  return `[${variants.join('')}]`;
}

function insertForm(root: TrieNode, form: string): void {
  const words = splitWords(form);
  if (words.length === 0) return;
  let node = root;
  const step = (unit: string): void => {
    let next = node.children.get(unit);
    if (!next) {
      next = newNode();
      node.children.set(unit, next);
    }
    node = next;
  };
  words.forEach((word, i) => {
    if (i > 0) step(SEP_UNIT);
    const exact = isAcronymToken(word);
    for (const ch of word) {
      const lower = ch.toLowerCase();
      step(exact ? '=' + ch : '~' + (lower.length === ch.length ? lower : ch));
    }
  });
  node.terminal = true;
}

/**
 * Emits the trie as a regex. At each node the continuations (longer forms) come before the empty
 * "stop here" branch, so the engine tries the longest form first; the common suffix and end check
 * follow the whole trie, and if they fail the engine backtracks into shorter forms.
 */
function emit(node: TrieNode): string {
  const alts: string[] = [];
  // Separator branches first so that multi-word continuations are preferred.
  const entries = [...node.children.entries()].sort(([a], [b]) => (a === SEP_UNIT ? -1 : b === SEP_UNIT ? 1 : 0));
  for (const [unit, child] of entries) alts.push(unitSource(unit) + emit(child));
  if (node.terminal && alts.length > 0) alts.push('');
  if (alts.length === 0) return '';
  if (alts.length === 1) return alts[0]!;
  return `(?:${alts.join('|')})`;
}

// ── Term construction ───────────────────────────────────────────────────────────────────────

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

function slugify(s: string): string {
  const slug = s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'term';
}

function cleanAliases(v: unknown): string[] | undefined {
  if (typeof v === 'string') return str(v) ? [v.trim()] : [];
  if (!Array.isArray(v)) return undefined;
  return v.map(str).filter((a): a is string => a !== undefined);
}

/** Applies the defined, well-typed fields of `extra` on top of `base`. */
function mergeTerm(base: GlossaryTerm, extra: Partial<GlossaryTerm>): GlossaryTerm {
  const out: GlossaryTerm = { ...base, aliases: [...base.aliases] };
  const term = str(extra.term);
  if (term) out.term = term;
  const aliases = cleanAliases(extra.aliases);
  if (aliases) out.aliases = aliases;
  for (const key of ['expansion', 'definition', 'whyItMatters', 'businessPhrase'] as const) {
    const v = str(extra[key]);
    if (v !== undefined) out[key] = v;
  }
  if (typeof extra.computed === 'string' && COMPUTED_VALUES.has(extra.computed)) out.computed = extra.computed;
  return out;
}

// ── Glossary ────────────────────────────────────────────────────────────────────────────────

/**
 * Builds a glossary from the built-in terms plus `extra` (from settings or the workspace
 * `.postmortem-glossary.yaml`). An extra entry with the same id, or the same term
 * (case-insensitive), as an existing one overrides it field by field: the fields it gives replace
 * the existing ones (including `aliases`), the rest are kept. Other entries with a `term` are added;
 * missing fields default to empty. Entries without a usable term or id are ignored. When two terms
 * claim the same spelling, added or overridden terms win over untouched built-ins.
 */
let builtIn: Glossary | undefined;

/** The built-in terms alone, built once on first use and shared (the summary, insights, hovers without extras). */
export function builtInGlossary(): Glossary {
  builtIn ??= createGlossary();
  return builtIn;
}

export function createGlossary(extra?: Partial<GlossaryTerm>[]): Glossary {
  const terms: GlossaryTerm[] = GLOSSARY_TERMS.map((t) => ({ ...t, aliases: [...t.aliases] }));
  const custom = new Set<number>();

  for (const e of extra ?? []) {
    if (!e || typeof e !== 'object') continue;
    const id = str(e.id);
    const term = str(e.term);
    let idx = id ? terms.findIndex((t) => t.id === id) : -1;
    const byIdMatch = idx >= 0;
    if (idx < 0 && term) idx = terms.findIndex((t) => t.term.toLowerCase() === term.toLowerCase());
    if (idx >= 0) {
      // Matched by spelling: keep the built-in's casing (it decides acronym matching). Matched by
      // id: the entry may rename the term.
      terms[idx] = mergeTerm(terms[idx]!, byIdMatch ? e : { ...e, term: undefined });
      custom.add(idx);
    } else if (term) {
      let newId = id ?? slugify(term);
      if (terms.some((t) => t.id === newId)) {
        let n = 2;
        while (terms.some((t) => t.id === `${newId}-${n}`)) n++;
        newId = `${newId}-${n}`;
      }
      custom.add(terms.length);
      terms.push(mergeTerm({ id: newId, term, aliases: [], definition: '', whyItMatters: '' }, e));
    }
  }

  // Spelling -> term. Untouched built-ins first, then custom terms so they win on collisions.
  const byKey = new Map<string, GlossaryTerm>();
  const root = newNode();
  const order = [...terms.keys()].sort((a, b) => Number(custom.has(a)) - Number(custom.has(b)) || a - b);
  for (const i of order) {
    const t = terms[i]!;
    for (const form of [t.term, ...t.aliases]) {
      if (!/[\p{L}\p{N}]/u.test(form)) continue;
      for (const variant of [form, ...irregularPlurals(form)]) {
        insertForm(root, variant);
        byKey.set(normKey(variant), t);
      }
    }
  }
  const byId = new Map(terms.map((t) => [t.id.toLowerCase(), t] as const));

  const source = root.children.size > 0 ? `${START_SRC}(?:${emit(root)})${SUFFIX_SRC}${END_SRC}` : '(?!)';
  const regex = new RegExp(source, 'gu');

  const resolveUncached = (text: string): GlossaryTerm | undefined => {
    for (const k of candidateKeys(text)) {
      const t = byKey.get(k);
      if (t) return t;
    }
    return undefined;
  };
  // Matched spellings repeat a lot within and across documents; remember how they resolved.
  const resolved = new Map<string, GlossaryTerm | undefined>();
  const resolve = (text: string): GlossaryTerm | undefined => {
    if (resolved.has(text)) return resolved.get(text);
    const t = resolveUncached(text);
    if (resolved.size >= 10_000) resolved.clear();
    resolved.set(text, t);
    return t;
  };

  let cacheText: string | undefined;
  let cacheMatches: GlossaryMatch[] = [];

  const findAll = (text: string): GlossaryMatch[] => {
    const out: GlossaryMatch[] = [];
    regex.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = regex.exec(text)) !== null) {
      const term = resolve(m[0]);
      if (term) out.push({ term, start: m.index, end: m.index + m[0].length, text: m[0] });
    }
    return out;
  };

  const findAt = (text: string, offset: number): GlossaryMatch | undefined => {
    if (!(offset >= 0 && offset < text.length)) return undefined;
    if (text !== cacheText) {
      cacheMatches = findAll(text);
      cacheText = text;
    }
    // Binary search for the last match starting at or before offset.
    let lo = 0;
    let hi = cacheMatches.length - 1;
    let found: GlossaryMatch | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const m = cacheMatches[mid]!;
      if (m.start <= offset) {
        found = m;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && offset < found.end ? found : undefined;
  };

  const lookup = (word: string): GlossaryTerm | undefined => {
    const w = typeof word === 'string' ? word.trim() : '';
    if (!w) return undefined;
    return byId.get(w.toLowerCase()) ?? resolve(w);
  };

  return { terms, findAll, findAt, lookup };
}

// ── Glossary file ───────────────────────────────────────────────────────────────────────────

const FIELD_ALIASES: Record<string, keyof GlossaryTerm> = {
  id: 'id',
  term: 'term',
  aliases: 'aliases',
  alias: 'aliases',
  expansion: 'expansion',
  definition: 'definition',
  whyitmatters: 'whyItMatters',
  why_it_matters: 'whyItMatters',
  'why-it-matters': 'whyItMatters',
  businessphrase: 'businessPhrase',
  business_phrase: 'businessPhrase',
  'business-phrase': 'businessPhrase',
  computed: 'computed',
};

const ALLOWED_FIELDS = 'id, term, aliases, expansion, definition, whyItMatters, businessPhrase, computed';

/**
 * Reads a glossary file. Two shapes are accepted:
 *
 * ```yaml
 * # a list of terms
 * - term: PgBouncer
 *   definition: Connection pooler in front of Postgres.
 *   aliases: [pgbouncer pool]
 * # ...or a map from term to a definition or to fields
 * PgBouncer: Connection pooler in front of Postgres.
 * SLO:
 *   businessPhrase: our uptime promise
 * ```
 *
 * A top-level `terms:` key holding a list is also accepted. Problems are reported in `errors`
 * (with line numbers) and the offending field or entry is skipped; this function never throws.
 */
export function parseGlossaryFile(yamlText: string): { terms: Partial<GlossaryTerm>[]; errors: string[] } {
  const terms: Partial<GlossaryTerm>[] = [];
  const errors: string[] = [];
  try {
    if (typeof yamlText !== 'string') return { terms, errors: ['Glossary file content is not text.'] };
    const lineCounter = newLineCounter();
    const doc = parseDocument(yamlText, { lineCounter, prettyErrors: true, uniqueKeys: true });
    if (doc.errors.length > 0) {
      for (const e of doc.errors) errors.push(`YAML syntax error: ${e.message}`);
      return { terms, errors };
    }
    const lineOf = (node: unknown): string => {
      const range = (node as { range?: [number, number, number] } | null)?.range;
      return range ? `line ${lineCounter.linePos(range[0]).line}` : 'unknown line';
    };
    const toJs = (node: unknown): unknown => {
      if (node === null || node === undefined) return null;
      return (node as YamlNode).toJS(doc, { maxAliasCount: 100 });
    };

    let contents: unknown = doc.contents;
    if (contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))) {
      return { terms, errors }; // empty file: nothing to add
    }
    // `terms: [...]` wrapper.
    if (isMap(contents) && contents.items.length === 1) {
      const only = contents.items[0]!;
      if (isScalar(only.key) && only.key.value === 'terms' && isSeq(only.value)) contents = only.value;
    }

    if (isSeq(contents)) {
      contents.items.forEach((item, i) => {
        const where = `Entry ${i + 1} (${lineOf(item)})`;
        if (!isMap(item)) {
          errors.push(`${where}: expected a mapping with at least "term" and "definition", got ${describe(toJs(item))}.`);
          return;
        }
        const entry = readFields(toJs(item), where, undefined, errors);
        if (entry) terms.push(entry);
      });
    } else if (isMap(contents)) {
      for (const pair of contents.items) {
        const keyNode = pair.key;
        if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
          errors.push(`Key at ${lineOf(keyNode)}: a term name must be plain text.`);
          continue;
        }
        const name = String(keyNode.value).trim();
        const where = `Term "${name}" (${lineOf(keyNode)})`;
        if (!name) {
          errors.push(`${where}: the term name is empty.`);
          continue;
        }
        const value = toJs(pair.value);
        if (typeof value === 'string') {
          if (!value.trim()) errors.push(`${where}: the definition is empty.`);
          else terms.push({ term: name, definition: value.trim() });
        } else if (value === null) {
          errors.push(`${where}: no definition given; write "${name}: <definition>" or a mapping of fields.`);
        } else if (isPlainObject(value)) {
          const entry = readFields(value, where, name, errors);
          if (entry) terms.push(entry);
        } else {
          errors.push(`${where}: expected a definition (text) or a mapping of fields, got ${describe(value)}.`);
        }
      }
    } else {
      errors.push(
        `Expected a list of terms or a mapping of term to definition at the top level, got ${describe(toJs(contents))}.`,
      );
    }
  } catch (e) {
    errors.push(`Could not read glossary file: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { terms, errors };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && !(v instanceof Set);
}

function describe(v: unknown): string {
  if (v === null || v === undefined) return 'nothing';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'string') return `the text "${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return `${typeof v} ${String(v)}`;
}

/** Validates one entry's fields; returns undefined when the entry has neither term nor id. */
function readFields(
  raw: unknown,
  where: string,
  keyTerm: string | undefined,
  errors: string[],
): Partial<GlossaryTerm> | undefined {
  if (!isPlainObject(raw)) {
    errors.push(`${where}: expected a mapping of fields, got ${describe(raw)}.`);
    return undefined;
  }
  const out: Partial<GlossaryTerm> = {};
  if (keyTerm !== undefined) out.term = keyTerm;
  for (const [rawKey, value] of Object.entries(raw)) {
    const field = FIELD_ALIASES[rawKey.toLowerCase()];
    if (!field) {
      errors.push(`${where}: unknown field "${rawKey}" (allowed: ${ALLOWED_FIELDS}); it was ignored.`);
      continue;
    }
    if (field === 'term' && keyTerm !== undefined) {
      if (typeof value === 'string' && value.trim() && value.trim() !== keyTerm) {
        errors.push(`${where}: "term: ${value.trim()}" differs from the key; the key "${keyTerm}" is used.`);
      }
      continue;
    }
    if (field === 'aliases') {
      if (typeof value === 'string') {
        if (value.trim()) out.aliases = [value.trim()];
      } else if (Array.isArray(value)) {
        const good = value.filter((a): a is string => typeof a === 'string' && a.trim() !== '').map((a) => a.trim());
        if (good.length !== value.length) errors.push(`${where}: every alias must be non-empty text; other items were ignored.`);
        out.aliases = good;
      } else {
        errors.push(`${where}: "aliases" must be a list of text, got ${describe(value)}; it was ignored.`);
      }
      continue;
    }
    if (field === 'computed') {
      if (typeof value === 'string' && COMPUTED_VALUES.has(value)) out.computed = value as GlossaryTerm['computed'];
      else errors.push(`${where}: "computed" must be one of ${[...COMPUTED_VALUES].join(', ')}, got ${describe(value)}; it was ignored.`);
      continue;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      errors.push(`${where}: "${field}" must be non-empty text, got ${describe(value)}; it was ignored.`);
      continue;
    }
    out[field as 'id' | 'term' | 'expansion' | 'definition' | 'whyItMatters' | 'businessPhrase'] = value.trim();
  }
  if (!out.term && !out.id) {
    errors.push(`${where}: missing "term" (or the "id" of a built-in term to override); the entry was skipped.`);
    return undefined;
  }
  return out;
}
