// A learned second opinion for sentences the clause reading finds nothing in: a logistic regression over the
// sentence's words and word pairs and triples, with every word the clause reading takes for a person replaced by
// <P>. Trained by scripts/train-blame-model.ts on development data only (the labelled dev sentences, the sentences of the
// development post-mortems as blameless prose, and our own blame tests' sentences); its weights are in learnedModel.ts.
// It only speaks where the clause reading found a person in the sentence, so a finding always names its agent.
import { type Candidate, classifyAt, mayBePerson, mayNamePerson, quotedSpans, type Token, tokenize } from './detect';
import { LEARNED_MODEL } from './learnedModel';

export interface LearnedFeatures {
  /** Hashed feature indexes (deduplicated), the bias last. */
  features: number[];
  /** For each feature, the token span `[from, to]` (inclusive, into `tokens`) it was read from. */
  spans: Array<[number, number]>;
  /** The sentence's tokens; persons are those at `persons`. */
  tokens: Token[];
  /** Token spans `[from, to]` of the people the clause reading found. */
  persons: Array<[number, number]>;
  /** For each feature, whether it holds a word that says something (not only function words or the person). */
  telling: boolean[];
}

const BIAS = 'bias';

/** FNV-1a of `text`, continued from the hash `h` of what comes before it. */
function fnv(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h;
}

const FNV_START = 2166136261;
const UNIGRAM = fnv(FNV_START, 'u:');
const BIGRAM = fnv(FNV_START, 'b:');
const TRIGRAM = fnv(FNV_START, 't:');

/** FNV-1a of a feature's text, folded into the model's table size. */
function featureHash(text: string, bits: number): number {
  return (fnv(FNV_START, text) >>> 0) % (1 << bits);
}

/** Sentences of more words (twice as many tokens with punctuation) are pasted text (logs, lists run together): not read. */
const MAX_TOKENS = 120;
/** A longer run of capitalised words is a title or a table's header, not people. */
const MAX_CAPITAL_RUN = 8;

/** Words that say nothing on their own: a feature of these alone is not shown as the blaming words. */
const FUNCTION_WORDS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'of', 'on', 'in', 'at', 'to', 'for', 'from', 'with', 'without', 'by', 'and', 'or', 'but', 'so', 'as', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'do', 'does', 'did', 'not', 'no', 'our', 'their', 'his', 'her', 'my', 'your', 'we', 'they', 'he', 'she', 'i', 'you', 'who', 'which', 'what', 'when', 'then', 'there', 'here', 'just', 'again', 'all', 'any', 'one', 'up', 'out', 'into', 'over', 'after', 'before', 'because', 'if', 'than', 'more', 'very', 'also', 'even', 'still', 'only', 'about', '<P>']);

/** Whether the word holds a capital letter (not `text !== lw`: lw also turns a curly apostrophe straight). */
function hasCapital(t: Token): boolean {
  return t.text.toLowerCase() !== t.text;
}

/** A denial right before the words ("never user error", "not a human error"); not "if not for Dave's …". */
const DENIED_BEFORE = /(?:\bnot|\bnever|\bno|n't)\s+(?:(?:a|an|the|just|simply|merely|really)\s+)?$/i;

/** The sentence's features; with `onlyWithPerson`, none when it names no person (the model is not asked then). */
export function learnedFeatures(sentence: string, bits: number = LEARNED_MODEL.bits, onlyWithPerson = false): LearnedFeatures {
  const all = tokenize(sentence, MAX_TOKENS * 2);
  const tokens: Token[] = [];
  const persons: Array<[number, number]> = [];
  const words: string[] = [];
  if (all.length <= MAX_TOKENS * 2) {
    // People are found on all the tokens (punctuation bounds a noun phrase), features on the words alone.
    const wordAt = new Int32Array(all.length);
    for (let i = 0; i < all.length; i++) {
      wordAt[i] = tokens.length;
      if (all[i].word) tokens.push(all[i]);
    }
    const person = new Map<number, number>();
    for (let i = 0, capitalRun = 0; i < all.length; i++) {
      if (!all[i].word) continue;
      // Past MAX_CAPITAL_RUN, reading the run as names would also cost a pass per word.
      capitalRun = hasCapital(all[i]) ? capitalRun + 1 : 0;
      if (capitalRun > MAX_CAPITAL_RUN || !mayBePerson(all, i)) continue;
      const agent = classifyAt(all, i);
      if (agent.kind === 'person' && agent.to === i) person.set(wordAt[i], wordAt[Math.max(agent.from, 0)]);
    }
    for (let i = 0; i < tokens.length; i++) {
      const from = person.get(i);
      if (from !== undefined) persons.push([from, i]);
      words.push(from !== undefined ? '<P>' : tokens[i].lw);
    }
  }
  if (onlyWithPerson && !persons.length) return { features: [], spans: [], telling: [], tokens, persons };
  const seen = new Map<number, [number, number]>();
  const size = 1 << bits;
  const add = (h: number, from: number, to: number) => {
    const index = (h >>> 0) % size;
    if (!seen.has(index)) seen.set(index, [from, to]);
  };
  // The hash of "b:w1 w2" and "t:w1 w2 w3" continued from the hash of their beginning: each word is read a few times, no string is built.
  // pair: "b:<previous> "; tripleStart: "t:<previous> "; triple: "t:<two before> <previous> ".
  let pair = 0;
  let tripleStart = 0;
  let triple = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    add(fnv(UNIGRAM, w), i, i);
    if (i > 0) add(fnv(pair, w), i - 1, i);
    if (i > 1) add(fnv(triple, w), i - 2, i);
    triple = i > 0 ? fnv(fnv(tripleStart, w), ' ') : 0;
    pair = fnv(fnv(BIGRAM, w), ' ');
    tripleStart = fnv(fnv(TRIGRAM, w), ' ');
  }
  const bias = featureHash(BIAS, bits);
  seen.delete(bias);
  const spans = [...seen.values()];
  const telling = spans.map(([from, to]) => {
    for (let i = from; i <= to; i++) if (!FUNCTION_WORDS.has(words[i])) return true;
    return false;
  });
  return { features: [...seen.keys(), bias], spans: [...spans, [-1, -1]], telling: [...telling, false], tokens, persons };
}

export type LearnedModel = typeof LEARNED_MODEL;

const DECODED = new WeakMap<LearnedModel, Float32Array>();

/** A model's weights, decoded on first use: sorted indexes as base-128 deltas, then one signed byte per weight. */
function weights(model: LearnedModel): Float32Array {
  let table = DECODED.get(model);
  if (table) return table;
  const bytes = Uint8Array.from(atob(model.data), (c) => c.charCodeAt(0));
  table = new Float32Array(1 << model.bits);
  let at = 0;
  const indexes = new Int32Array(model.count);
  for (let n = 0, index = -1; n < model.count; n++) {
    let delta = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      if (b === undefined) throw new Error('learnedModel.ts: the weights are truncated (train the model again)');
      delta |= (b & 0x7f) << shift;
      if (b < 0x80) break;
    }
    indexes[n] = index += delta;
  }
  for (const index of indexes) {
    const q = bytes[at++];
    table[index] = ((q > 127 ? q - 256 : q) * model.scale) / 127;
  }
  DECODED.set(model, table);
  return table;
}

/** The model's probability that the sentence puts a failure on a person, with the features that raised it most. */
function learnedScore(f: LearnedFeatures, table: ArrayLike<number>): { probability: number; strongest: number } {
  let z = 0;
  let strongest = -1;
  let best = 0;
  for (let k = 0; k < f.features.length; k++) {
    const weight = table[f.features[k]];
    z += weight;
    // The words that tip it, for the message: the heaviest feature that holds a telling word.
    if (weight > best && f.telling[k]) {
      best = weight;
      strongest = k;
    }
  }
  return { probability: 1 / (1 + Math.exp(-z)), strongest };
}

const DETERMINERS = new Set(['the', 'a', 'an', 'our', 'their', 'his', 'her', 'my', 'your', 'this', 'that', 'its', 'whose']);

/**
 * Where the person's words start: a name's run of capitalised words ("Li Wei"), or a role's phrase from its determiner
 * ("the DBA team"); the clause reading's noun phrase may reach further back ("It turns out Rahul").
 */
function agentStart(tokens: Token[], from: number, head: number): number {
  const capitalised = (t: Token) => hasCapital(t) || t.text.startsWith('@');
  if (capitalised(tokens[head])) {
    let start = head;
    while (start > from && capitalised(tokens[start - 1]) && !DETERMINERS.has(tokens[start - 1].lw)) start--;
    return start;
  }
  for (let i = head - 1; i >= from; i--) if (DETERMINERS.has(tokens[i].lw)) return i;
  return head;
}

/** A candidate when the model is confident and the sentence names a person outside quotes; undefined otherwise. */
export function learnedCandidate(sentence: string, model: LearnedModel = LEARNED_MODEL): Candidate | undefined {
  // Nothing to read without letters, or in a sentence too short to say what went wrong.
  if (sentence.length < 12 || sentence.length > 1000) return undefined;
  if (!model.count || !mayNamePerson(sentence)) return undefined;
  const f = learnedFeatures(sentence, model.bits, true);
  if (!f.persons.length) return undefined;
  const { probability, strongest } = learnedScore(f, weights(model));
  if (probability < model.threshold || strongest < 0) return undefined;
  const quotes = quotedSpans(sentence);
  const outside = (from: number, to: number) => !quotes.some(([a, b]) => f.tokens[from].start < b && a < f.tokens[to].end);
  const [tFrom, tTo] = f.spans[strongest];
  if (!outside(tFrom, tTo)) return undefined;
  // The person nearest before the tipping words (the subject), else the nearest after.
  const people = f.persons.filter(([a, b]) => outside(a, b));
  if (!people.length) return undefined;
  const before = people.filter(([, b]) => b < tFrom);
  const [found, aTo] = before.length ? before[before.length - 1] : people.find(([a]) => a > tTo) ?? people[0];
  const aFrom = agentStart(f.tokens, found, aTo);
  const agentSpan: [number, number] = [f.tokens[aFrom].start, f.tokens[aTo].end];
  const trigger: [number, number] = [f.tokens[tFrom].start, f.tokens[tTo].end];
  // "… always indicates a bug, never user error": a label the sentence denies is no blame (as the rules read it).
  if (/\b(?:error|fault|mistake|blame|negligence|carelessness)\b/i.test(sentence.slice(trigger[0], trigger[1])) && DENIED_BEFORE.test(sentence.slice(Math.max(0, trigger[0] - 24), trigger[0]))) return undefined;
  const hindsight = /\b(?:should|could|would|had|if)\b/i.test(sentence.slice(trigger[0], trigger[1]));
  return {
    category: hindsight ? 'counterfactual' : 'conduct',
    start: Math.min(agentSpan[0], trigger[0]),
    end: Math.max(agentSpan[1], trigger[1]),
    agent: { kind: 'person', from: aFrom, to: aTo },
    agentSpan,
    trigger,
    learned: probability,
  };
}
