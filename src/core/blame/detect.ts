// The blame detector: reads a sentence for who is its agent and whether the failure is put on them.
//
// A sentence is blame-focused when it makes a person (a name, an @handle, initials, a role, a team, a
// pronoun for a person) the reason something went wrong: a lapse of conduct with them as the agent
// ("Lena shipped untested code"), the fault attributed to them ("Priya's fault", "caused by Dave"),
// a counterfactual about them ("had Tom looked"), a judgement of them ("careless"), a punishment or
// an individual remedy ("put the engineer on a performance plan"), or a label that ends the inquiry
// ("human error"). Systems as agents, credit, neutral actions, forward-looking or systemic
// counterfactuals, hypotheticals, and negated, reported or quoted blame are not.
//
// The analysis is a small hand-written clause reading over tokens: the people mentioned in the
// sentence (noun phrases headed by a name, handle, role or pronoun), the clause each one is the
// subject of, and the words in that clause that put a failure on them. Triggers are found by
// regexes anchored on literal words, so the pass is linear in the length of the text.
import { sentenceSpans } from '../util/sentences';
import { decodeScreen, RegexScreens, requiredForm, type Screen, screenKey } from './screen';
import { SCREEN_LITERALS } from './screenLiterals';
import { AMBIGUOUS_ROLES, BARE_TEAMS, CLAUSE_BREAK, CREDIT_VERBS, FIRST_NAMES, NOBODY, NOT_NAMES, PERSON_MODIFIERS, PERSON_PRONOUNS, RELATIVE, ROLES, SKIP, SYSTEM_NOUNS, THING_PRONOUNS, WE } from './lexicon';

export type BlameCategory = 'conduct' | 'attribution' | 'counterfactual' | 'judgement' | 'punitive' | 'label' | 'custom';

export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface BlameMatch {
  category: BlameCategory;
  /** Offsets into the analysed text; `text.slice(start, end) === match.text`. */
  start: number;
  end: number;
  text: string;
  /** The words that name the person, role or team the failure is put on (absent for labels like "human error"). */
  agent?: Span;
  /** The words that put the failure on them. */
  blaming: Span;
  /** Why this is blame-focused, naming the agent and the words. */
  why: string;
  /** How to say it about the system instead. */
  suggestion: string;
  /** A blameless rewording of the matched words, checked by the detector itself. */
  replacement?: string;
  severity: 'warning' | 'info';
}

export interface Token {
  text: string;
  lw: string;
  start: number;
  end: number;
  word: boolean;
}

// A run of word characters and inner joiners ("o'brien", "j.d", "@dave"); its trailing joiners are cut off below.
// (One greedy class and no alternation inside a run keeps tokenizing linear: `@@@@…` used to backtrack.)
// WORD_RUN (by mayNamePerson) is TOKEN's first branch; both stay literals, which the adversarial regex test times.
const TOKEN = /[\p{L}\p{N}@_][\p{L}\p{N}_@.'’-]*|[^\s\p{L}\p{N}]/gu;
const WORD_END = /[\p{L}\p{N}_]/u;

const WORDISH = /[\p{L}\p{N}@]/u;

/** Whether a token holds a letter, digit or @ (ASCII first: most tokens are ASCII words or punctuation). */
function isWordToken(t: string): boolean {
  const c = t.charCodeAt(0);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 64) return true;
  return WORDISH.test(t);
}

/** A token's text lowered, with a curly apostrophe read as a straight one. */
function lowerWord(t: string): string {
  const lower = t.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

/** The word a run of word characters and joiners starts with: up to its last letter, digit or underscore. */
function wordOfRun(run: string): string {
  let last = run.length - 1;
  while (last > 0 && !WORD_END.test(run[last])) last--;
  const word = run.slice(0, last + 1);
  // "J.D." keeps its final full stop; another word's final full stop is punctuation.
  return run[last + 1] === '.' && /^(?:\p{Lu}\.)+\p{Lu}$/u.test(word) ? `${word}.` : word;
}

/** The text's tokens; with `limit`, tokenizing stops once more than `limit` are read (a caller that skips long sentences needs no more). */
export function tokenize(text: string, limit = Infinity): Token[] {
  const out: Token[] = [];
  const push = (t: string, start: number) => out.push({ text: t, lw: lowerWord(t), start, end: start + t.length, word: isWordToken(t) });
  const re = new RegExp(TOKEN.source, 'gu');
  let m: RegExpExecArray | null;
  while (out.length <= limit && (m = re.exec(text)) !== null) {
    const run = m[0];
    const start = m.index;
    // What follows the run's word is one token per character.
    const t = wordOfRun(run);
    push(t, start);
    for (let i = start + t.length; i < start + run.length; i++) push(text[i], i);
  }
  return out;
}

// ── People ────────────────────────────────────────────────────────────────────────────────────

export type AgentKind = 'person' | 'we' | 'nobody' | 'system' | 'none';

export interface Agent {
  kind: AgentKind;
  /** Token indexes of the noun phrase `[from, to]` (inclusive). */
  from: number;
  to: number;
}

const POSSESSIVE = /(?:'s|s')$/;

function stripPossessive(lw: string): string {
  return lw.replace(POSSESSIVE, (m) => (m === "s'" ? 's' : ''));
}

function singular(lw: string): string {
  if (lw.endsWith('ies') && lw.length > 4) return `${lw.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes)$/.test(lw)) return lw.slice(0, -2);
  if (lw.endsWith('s') && !lw.endsWith('ss') && lw.length > 3) return lw.slice(0, -1);
  return lw;
}

function roleBase(lw: string): string | undefined {
  const bare = stripPossessive(lw);
  // "the two-person rule", "a four-eyes check": a count of people qualifying a thing.
  if (/^(?:one|two|three|four|five|single|multi|\d+)-(?:person|people|man|eyes)$/.test(bare)) return undefined;
  const head = bare.includes('-') && !ROLES.has(bare) ? bare.slice(bare.lastIndexOf('-') + 1) : bare;
  if (ROLES.has(bare)) return bare;
  if (ROLES.has(head)) return head;
  if (ROLES.has(singular(head))) return singular(head);
  return undefined;
}

/** Words after which an operator is software: "the Postgres operator", "a Kubernetes operator", "the operator pod". */
const SOFTWARE_OPERATOR_BEFORE = /^(?:k8s|kubernetes|cluster|database|db|postgres|postgresql|mysql|redis|kafka|etcd|prometheus|helm|crd|custom|olm|strimzi|cnpg|zalando|vitess|rook|ceph|elastic|mongodb|cassandra|rabbitmq|spark|flink|airflow|argo|istio|cert-manager|gitops|sql|and|or|xor|logical|bitwise|comparison|ternary|spread|unary|binary)$/;
const SOFTWARE_OPERATOR_AFTER = /^(?:pods?|controllers?|reconcil\w*|crds?|deployments?|logs?|images?|versions?|charts?|sdk|framework|pattern|precedence|overloading|manifests?|namespace|container|process|binary|operator)$/;
const MODAL_OR_PAST = /^(?:should|shouldn't|must|mustn't|needs|need|will|won't|would|wouldn't|could|couldn't|can|can't|cannot|never|didn't|did|hasn't|haven't|hadn't|kept|let|just|simply|also|then|again|still|never)$/;

function isRoleAt(tokens: Token[], i: number): boolean {
  const base = roleBase(tokens[i].lw);
  const before = tokens[i - 1];
  // "the data-science lot", "the mobile bunch": a collective noun after a team's field (not "the parking lot", "the whole lot").
  if (COLLECTIVE.test(stripPossessive(tokens[i].lw))) return before !== undefined && tokens[i - 2]?.lw === 'the' && (/\p{L}-\p{L}/u.test(before.lw) || roleBase(before.lw) !== undefined || TEAM_FIELD.test(before.lw));
  // "infra bumped the base image", "support escalated nothing", "anyone in support": a team, only where a person can stand.
  if (BARE_TEAMS.has(stripPossessive(tokens[i].lw)) && (!base || AMBIGUOUS_ROLES.has(base))) {
    // The verb may come after an adverb or two: "Support very helpfully closed …".
    let k = i + 1;
    while (k - i <= 3 && tokens[k]?.word && (/^(?:very|really|so|quite|rather|pretty)$/.test(tokens[k].lw) || (tokens[k].lw.length > 4 && tokens[k].lw.endsWith('ly') && !/^(?:only|early|daily|weekly|hourly|nightly|monthly|family|supply|reply|apply|assembly|rally|ally)$/.test(tokens[k].lw)))) k++;
    const next = tokens[k];
    const clauseStart = !before || !before.word || CLAUSE_BREAK.has(before.lw) || /^(?:ugh|so|and|then|wow|honestly|frankly|now|again|seconds|minutes|hours|days|weeks|months|night|morning|weekend|if|unless|had)$/.test(before.lw);
    if (clauseStart && next && next.word && (pastVerb(next) || MODAL_OR_PAST.test(next.lw) || (before !== undefined && /^(?:if|unless)$/.test(before.lw) && next.lw === 'had'))) return true;
    if (before && /^(?:for|from|in|by|with)$/.test(before.lw) && !(next && /^(?:of|for)$/.test(next.lw)) && !(tokens[i - 2] && /^(?:the|a|an)$/.test(tokens[i - 2].lw))) return true;
    if (POSSESSIVE.test(tokens[i].lw) && clauseStart) return true;
    if (!base) return false;
  }
  if (!base) return false;
  // "the night shift ignored the alert" (people), not "the shift to Kubernetes" or "the Shift key".
  if (base === 'shift') return before !== undefined && /^(?:night|day|morning|evening|weekend|late|early|graveyard|overnight|night-time|afternoon)$/.test(before.lw);
  if (base === 'operator') {
    const next = tokens[i + 1];
    if (before && (SOFTWARE_OPERATOR_BEFORE.test(before.lw) || (before.word && /^\p{Lu}/u.test(before.text) && i > 1))) return false;
    if (next && SOFTWARE_OPERATOR_AFTER.test(next.lw)) return false;
    return true;
  }
  if (!AMBIGUOUS_ROLES.has(base)) return true;
  return before !== undefined && (PERSON_MODIFIERS.has(before.lw) || isRoleAt(tokens, i - 1) || POSSESSIVE.test(before.lw));
}

const COLLECTIVE = /^(?:lot|bunch|gang|mob|brigade|crowd|posse)$/;
const TEAM_FIELD = /^(?:data|dev|ops|infra|platform|mobile|backend|frontend|security|sales|marketing|finance|network|database|support|design|product|android|ios|web|cloud|storage|payments|billing|firmware|hardware|release|offshore|vendor|contractor)$/;

/** Capitalised at the start of a sentence without being a product: "Then Ana …", "After Ana …". */
const FUNCTION_WORD = /^(?:the|this|that|these|those|it|its|we|they|he|she|i|you|our|their|his|her|my|your|a|an|no|yes|also|but|and|or|so|however|finally|later|meanwhile|initially|eventually|today|yesterday|tonight|tomorrow|after|before|because|when|while|then|once|since|if|unless|until|although|though|whether|during|despite|given|without|with|for|from|in|on|at|by|to|of|as|per|via|about|over|under|between|among|through|upon|around|let|dear|hello|luckily|fortunately|unfortunately|sadly|honestly|frankly|clearly|obviously|instead|otherwise|here|there|now|still|again|first|second|third|next|last|several|few|some|many|most|all|both|either|neither|another|other|such|what|which|who|whose|where|why|how|one|each|every|nobody|somebody|someone|everyone|nothing|something|everything|anyone|everybody|wow|ugh|oops|ok|okay|well|sigh|yikes|oh|ah|guess|look|note|action|owner|todo|update|summary|impact|root|cause|verdict|per|closing)$/;

/** Verbs that open an action item ("Put Rafael on …", "Send Siobhan …", "Revoke Dana's …"). */
const IMPERATIVE = /^(?:add|make|create|put|fire|retrain|revoke|ensure|remind|ask|tell|warn|name|send|hold|give|assign|document|write|review|fix|set|use|move|run|stop|start|keep|remove|introduce|require|schedule|discipline|reprimand|suspend|ban|train|pair|replace|investigate|improve|automate|enable|disable|block|allow|limit|track|check|test|verify|deploy|rotate|restrict|bar|pull|dock|strip|report|thank|credit|praise|follow|contact|notify|coach|mentor|escalate|page|let|get|have|help)$/;

const TITLE_CASED = new WeakMap<Token[], boolean>();

/** A title: most of at least four longer words capitalised ("Guest User Verification Bypass", "Bodies Silently Dropped on the Internal API Path"). */
function titleCased(tokens: Token[]): boolean {
  let known = TITLE_CASED.get(tokens);
  if (known === undefined) {
    let words = 0;
    let capitalised = 0;
    for (const t of tokens) {
      if (!t.word || t.text.length < 4 || /^\d/.test(t.text)) continue;
      words++;
      if (/^\p{Lu}/u.test(t.text)) capitalised++;
    }
    TITLE_CASED.set(tokens, (known = words >= 4 && capitalised >= 0.75 * words));
  }
  return known;
}

/** A capitalised word (or handle, or initials) that reads as a person's name here. */
function isName(tokens: Token[], i: number): boolean {
  const t = tokens[i];
  if (!t || !t.word) return false;
  const bare = t.text.replace(/(?:['’]s|s['’])$/, '');
  if (/^@[\p{L}\p{N}_]/u.test(bare)) return !/^@(?:here|channel|everyone|all)$/i.test(bare);
  if (/^(?:\p{Lu}\.){1,3}$/u.test(bare)) return true; // J.D.
  // "JM merged the bump", "AK's change": two capitals that are no known acronym and take no article, as a possessive or before a verb.
  if (/^\p{Lu}{2}$/u.test(bare) && !TECH_ACRONYMS.has(bare) && !(i > 0 && /^(?:the|a|an|our|their|its|this|that|your|my|his|her)$/.test(tokens[i - 1].lw))) {
    const after = tokens[i + 1];
    return POSSESSIVE.test(t.lw) || (after !== undefined && (lowerPast(after) || (after.word && after.text === after.lw && (/^(?:just|never|also|then|simply|clearly|obviously)$/.test(after.lw) || PRESENT_ACTION.test(after.lw) || PRESENT_NARRATED.test(after.lw)))));
  }
  const lw = bare.toLowerCase();
  // "Engineer C", "Dev B": a single capital after a role; "T. should have escalated": an initial opening the sentence, before its verb.
  if (/^\p{Lu}$/u.test(bare)) {
    if (i > 0 && roleBase(tokens[i - 1].lw) !== undefined) return true;
    const verbAt = tokens[i + 1]?.text === '.' ? i + 2 : i + 1;
    const verb = tokens[verbAt];
    return i === 0 && bare !== 'A' && bare !== 'I' && verb !== undefined && verb.text === verb.lw && (/^(?:should|shouldn't|never|just)$/.test(verb.lw) || pastForm(verb.lw));
  }
  // "kev forgot to renew the cert", "ravi just deployed": a known first name in lower case opening a chat line, before its verb.
  if (bare === lw && i === 0 && FIRST_NAMES.has(lw) && !COMMON_WORD_NAMES.test(lw)) {
    const after = tokens[i + 1];
    return after !== undefined && (lowerPast(after) || (after.word && after.text === after.lw && /^(?:just|never|also|simply|again)$/.test(after.lw)));
  }
  if (!/^\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}]+)?$/u.test(bare)) return false;
  // "Wouldn't", "Didn't": a contraction opening a question is no name.
  if (/n['’]t$/.test(bare)) return false;
  // "Teku-Geth" (two products), not "Jae-won" or "Mei-Ling".
  if (bare.includes('-')) {
    const parts = bare.split('-');
    const known = (part: string) => NOT_NAMES.has(part.toLowerCase()) || SYSTEM_NOUNS.has(part.toLowerCase()) || ROLES.has(part.toLowerCase());
    const hyphenName = FIRST_NAMES.has(parts[0].toLowerCase()) || (parts.length === 2 && parts.every((part) => /^\p{Lu}\p{Ll}{1,5}$/u.test(part)) && !parts.some(known));
    if (!hyphenName && parts.some((part) => known(part) || /^\p{Lu}/u.test(part) && bare.indexOf(part) > 0)) return false;
    if (hyphenName) return true;
  }
  // "the Silver cluster", "our scanning tool Aqua": a name next to a system noun names the system.
  const nextWord = tokens[i + 1];
  const determiner = i > 0 && /^(?:the|a|an|our|their|its|this|your)$/.test(tokens[i - 1].lw);
  if (determiner && !POSSESSIVE.test(t.lw) && nextWord?.word && (SYSTEM_NOUNS.has(nextWord.lw) || SYSTEM_NOUNS.has(singular(nextWord.lw))) && !ROLES.has(nextWord.lw)) return false;
  if (i > 0 && /^(?:tool|bot|scanner|service|library|app|plugin|daemon)$/.test(tokens[i - 1].lw)) return false;
  // "Workaround 2", "Phase 3": a capitalised word before a number names a version or a step.
  if (nextWord && /^\d/.test(nextWord.text) && !/^\d{1,2}:\d{2}/.test(nextWord.text)) return false;
  if (FIRST_NAMES.has(lw)) return true;
  // "SSR POST Bodies Silently Dropped on the Internal API Path": in a title, capitals say nothing about names.
  if (titleCased(tokens)) return false;
  // "Root Cause: Legacy inconsistencies …", "Root Cause: Invalid `genesis.json`": after a label, a capital starts the phrase;
  // a name there is followed by its verb, its possessive, an adverb or the end ("Root cause: Dave pushed …").
  if (i > 0 && tokens[i - 1].text === ':' && !POSSESSIVE.test(t.lw) && nextWord && (nextWord.text === '`' || (nextWord.word && nextWord.text === nextWord.lw && !looksLikeVerb(nextWord.lw) && !/^(?:never|also|just|then|still|again|once|and|or|who|alone|too|simply|himself|herself|themselves)$|ly$|n['’]t$/.test(nextWord.lw)))) return false;
  // "Phrases never flagged", "Operators noticed": a plural common noun opening the sentence, not a name.
  if ((i === 0 || !tokens[i - 1].word) && /(?:[bcdfghklmnprtvwz]s|[^aeiou]es)$/.test(lw) && lw.length >= 6 && !POSSESSIVE.test(t.lw)) return false;
  // "Windows Defender", "Google Chrome": a capitalised word after a product name inside the sentence is part of the product.
  const prev = tokens[i - 1];
  if (i > 0 && prev && prev.word && /^\p{Lu}/u.test(prev.text) && !/^\p{Lu}$/u.test(prev.text) && NOT_NAMES.has(prev.lw) && !(i === 1 && (FUNCTION_WORD.test(prev.lw) || IMPERATIVE.test(prev.lw) || isAux(prev.lw) || SKIP.has(prev.lw) || CLAUSE_BREAK.has(prev.lw))) && !/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|then|and|but|so|when|after|before|today|yesterday)$/.test(prev.lw)) return false;
  if (NOT_NAMES.has(lw) || ROLES.has(lw) || ROLES.has(singular(lw)) || SYSTEM_NOUNS.has(lw) || SYSTEM_NOUNS.has(singular(lw)) || PERSON_PRONOUNS.has(lw) || WE.has(lw) || THING_PRONOUNS.has(lw)) return false;
  // "Opensearch", "Mirrorfield", "Keycloak", "Vectorly": a word built like a product name (a technical word at its end).
  if (PRODUCT_SHAPE.test(lw) && !FIRST_NAMES.has(lw)) return false;
  // "Loki and Opensearch", "devnets and Ephemery", "Opensearch and Elasticsearch": coordinated with a product or a system.
  const coordinated = (j: number) => tokens[j] !== undefined && /^(?:and|or|&)$/.test(tokens[j].lw);
  if ((coordinated(i - 1) && knownThing(tokens[i - 2])) || (coordinated(i + 1) && knownThing(tokens[i + 2]))) return false;
  // A run of capitalised words after an article is a product or a title, not a person: "a Programmable Logic Controller",
  // "the Content Validator" (people are named without one: "Ana", not "the Ana").
  let first = i;
  while (first > 0 && tokens[first - 1].word && /^\p{Lu}/u.test(tokens[first - 1].text) && !POSSESSIVE.test(tokens[first - 1].lw)) first--;
  const article = first > 0 ? tokens[first - 1].lw : '';
  if (/^(?:a|an|the|its|every|each|any|this|these|those|our|your|their)$/.test(article)) return false;
  // Word endings of common nouns ("Deployment", "Monitoring") rule out a name where a capital is no evidence: at the start
  // of the sentence or a line; inside a sentence a capital after a comma or a word marks a name ("…, Clement rolled …").
  const inside = i > 0 && (tokens[i - 1].word || tokens[i - 1].text === ',');
  if (!inside && /(?:ing|tion|sion|ment|ness|ity|ed|ly|ism|ance|ence|ics)$/.test(lw)) return false;
  if (inside && /(?:ing|tion|sion|ness|ity|ism|ance|ence|ics)$/.test(lw)) return false;
  return lw.length >= 2;
}

/**
 * Acronyms of things that sit where a person's initials would ("CI skipped the canary", "DB dropped connections"); two
 * capitals not on this list, before a verb, are read as a person's initials.
 */
const TECH_ACRONYMS = new Set(
  'CI CD DB OS VM UI UX IO IP GC LB HA DR PR MR ML AI BE FE DC AZ EU US UK ID OK PC HW SW FW CA TS JS GH GL AD DM RC MQ PG ES EC S3 K8 QA IT PM HR VP L1 L2 L3'.split(' '),
);

/** First names that are also common words, never read as a name in lower case. */
const COMMON_WORD_NAMES = /^(?:mark|max|will|bill|grant|may|june|april|august|rob|pat|sue|chase|drew|jack|frank|art|gene|ray|rose|hope|faith|joy|dawn|summer|rich|sky|amber|ruby|jade|iris|lily|holly|olive|hunter|mason|page|carol|don|guy|lee|jean|jay|jo|kit|sage|val|wade|ward|bob|sam|dean|earl|bud|penny|sandy|rusty|misty|crystal|dusty|skip|gus|nick|ash|reed|cliff|glen|lance|miles|norm)$/;

/** A product named by its vendor's acronym ("PCF", "IAVL"), not a role's ("SRE", "DBA"). */
function productAcronym(t: Token): boolean {
  return /^[A-Z][A-Z0-9]{1,5}$/.test(t.text) && !/^(?:QA|SRE|SRES|DBA|HR|PM|CTO|CEO|CIO|VP|NOC|SOC|IT|OPS|L[123])$/.test(t.text.toUpperCase());
}

/** Endings of product names: a technical word after at least three letters ("Open|search", "Mirror|field", "Key|cloak", "Vector|ly"). */
const PRODUCT_SHAPE = /^[a-z]{3,}(?:search|base|store|hub|flow|stack|works|ware|desk|cast|grid|sync|mail|bot|board|space|point|gate|shift|watch|guard|lens|forge|scope|cloak|field|mesh|ops|db|ify|kit|lab|soft|tron|matic|metrics|logs|cloud|proxy|vault|link|dash|sight|ctl|sql|api|cdn|dns|net|box|wall|cube|stream|queue|log|file)$|^[a-z]{4,}ly$/;

/** A product (a capitalised word on the list of names that are not people's) or a system noun. */
function knownThing(t: Token | undefined): boolean {
  if (!t || !t.word) return false;
  const lw = stripPossessive(t.lw);
  if (/^\p{Lu}/u.test(t.text)) return NOT_NAMES.has(lw) && !FUNCTION_WORD.test(lw) && !/^(?:team|teams|engineers|qa|sre|devops|support|ops|security|engineering|legal|finance|sales|marketing|product|management|leadership|users|customers|players)$/.test(lw);
  return SYSTEM_NOUNS.has(lw) || SYSTEM_NOUNS.has(singular(lw));
}

/** Verbs of saying and thinking that open a clause: "it is fair to say Farid's decision …" is not part of the name. */
const SAYING = /^(?:say|said|says|think|thought|believe|believed|guess|mean|meant|noted|admit|admitted|argue|argued|suspect|suspected)$/;

/**
 * Whether the token at `i` can head a person at all (a cheap superset of classifyAt's people): a person pronoun, a
 * capitalised word or handle, the first word (a lower-case first name), or a role, team or collective word.
 */
export function mayBePerson(tokens: Token[], i: number): boolean {
  return mayBePersonToken(tokens[i], i === 0);
}

function mayBePersonToken(t: Token, first: boolean): boolean {
  if (!t.word) return false;
  // The answer depends on the word alone (and on its place for a lower-case first name): remembered per word.
  let person = PERSON_WORDS.get(t.text);
  if (person === undefined) {
    if (PERSON_WORDS.size >= 50_000) PERSON_WORDS.clear();
    PERSON_WORDS.set(t.text, (person = mayBePersonWord(t)));
  }
  return person || (first && FIRST_NAMES.has(stripPossessive(t.lw)));
}

const PERSON_WORDS = new Map<string, boolean>();

const WORD_RUN = /[\p{L}\p{N}@_][\p{L}\p{N}_@.'’-]*/gu;

/**
 * Whether any word of the text may be a person (a superset of what mayBePerson finds on its tokens), read without
 * tokenizing: most sentences name nobody, and the learned model is only asked about those that do.
 */
export function mayNamePerson(text: string): boolean {
  WORD_RUN.lastIndex = 0;
  let first = true;
  for (let m = WORD_RUN.exec(text); m !== null; m = WORD_RUN.exec(text)) {
    // The same word tokenize makes of the run.
    const word = wordOfRun(m[0]);
    if (mayBePersonToken({ text: word, lw: lowerWord(word), start: 0, end: word.length, word: isWordToken(word) }, first)) return true;
    first = false;
  }
  return false;
}

function mayBePersonWord(t: Token): boolean {
  const lw = stripPossessive(t.lw);
  if (PERSON_PRONOUNS.has(lw) || BARE_TEAMS.has(lw) || COLLECTIVE.test(lw) || roleBase(t.lw) !== undefined) return true;
  // The shapes isName accepts; anything else it turns down, and a capitalised common word that is no first name too.
  const bare = t.text.replace(/(?:['’]s|s['’])$/, '');
  if (!NAME_SHAPE.test(bare)) return false;
  const word = bare.toLowerCase();
  return !(NOT_NAMES.has(word) && !FIRST_NAMES.has(word) && !bare.includes('-') && bare.length > 2);
}

/** A handle, initials, one or two capitals, or a capitalised word (hyphenated once): the only words isName can take for a name. */
const NAME_SHAPE = /^(?:@[\p{L}\p{N}_]|(?:\p{Lu}\.){1,3}$|\p{Lu}{1,2}$|\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}]+)?$)/u;

/** Classifies the noun phrase whose head is token `head`, extending it to the left over its modifiers. */
export function classifyAt(tokens: Token[], head: number): Agent {
  const t = tokens[head];
  if (!t || !t.word) return { kind: 'none', from: head, to: head };
  let from = head;
  while (from > 0 && head - from < 4) {
    const prev = tokens[from - 1];
    if (!prev.word || SKIP.has(prev.lw) || CLAUSE_BREAK.has(prev.lw) || RELATIVE.has(prev.lw) || isAux(prev.lw) || /^(?:of|on|in|at|to|for|from|with|by|and|or)$/.test(prev.lw) || SAYING.test(prev.lw)) break;
    from--;
  }
  const lw = stripPossessive(t.lw);
  const before = head > 0 ? tokens[head - 1].lw : undefined;
  if (NOBODY.has(lw) || (lw === 'one' && before === 'no')) return { kind: 'nobody', from, to: head };
  if (WE.has(lw)) return { kind: 'we', from, to: head };
  if (THING_PRONOUNS.has(lw)) return { kind: 'system', from, to: head };
  if (PERSON_PRONOUNS.has(lw)) return { kind: 'person', from: head, to: head };
  if (isName(tokens, head)) {
    let f = head;
    while (f > 0 && isName(tokens, f - 1) && !POSSESSIVE.test(tokens[f - 1].lw)) f--;
    // An imperative before a name is not part of it: "Suspend Darius's rights".
    const start = Math.min(from, f);
    return { kind: 'person', from: start < f && IMPERATIVE.test(tokens[start].lw) ? start + 1 : start, to: head };
  }
  if (isRoleAt(tokens, head)) return { kind: 'person', from, to: head };
  return { kind: 'system', from, to: head };
}

/** The person who owns a noun phrase by a possessive ("Jordan's deploy", "the DBA's approach"). */
function ownerOf(tokens: Token[], agent: Agent): Agent | undefined {
  for (let i = agent.from; i < agent.to; i++) {
    // "Her handling of the failover", "his migration".
    if (/^(?:his|her|their|my|your)$/.test(tokens[i].lw)) return { kind: 'person', from: i, to: i };
    if (!POSSESSIVE.test(tokens[i].lw)) continue;
    const owner = classifyAt(tokens, i);
    if (owner.kind === 'person') return owner;
  }
  return undefined;
}

const AUX = /^(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|could|should|may|might|must|can|shall|'s|'re|'ve|'d|'ll)$/;
function isAux(lw: string): boolean {
  return AUX.test(lw);
}

const IRREGULAR_PAST = /^(?:ran|made|took|went|got|put|set|left|sat|let|kept|broke|broken|wrote|written|sent|gave|given|taken|typed|hit|cut|forgot|forgotten|saw|seen|knew|known|thought|told|came|did|done|drove|driven|chose|chosen|overwrote|overwritten|hid|hidden|shook|shaken|stole|stolen|reset|upset|shut|quit|spread|split|fed|hurt|shed|swept|bound|bent|lent|dealt|meant|struck|stuck|slid|spun|sprang|sank|swung|wound|rode|rang|sang|froze|frozen|spoke|spoken|built|read|found|lost|led|paid|said|sold|spent|stood|understood|won|began|begun|blew|blown|drew|drawn|fell|fallen|flew|flown|grew|grown|threw|thrown|wore|worn)$/;

/** The trailing run of word characters (`/(\w+)$/` rescans the run from every start: quadratic on a long one). */
export function lastWord(text: string): string {
  let i = text.length;
  while (i > 0 && /\w/.test(text[i - 1])) i--;
  return text.slice(i);
}

/** "pushed", "ignored": two letters before a final "ed" (tested on the last four characters: a 10,000-letter run stays linear). */
function regularPast(lw: string): boolean {
  return lw.length >= 4 && /^[a-z]{2}ed$/.test(lw.slice(-4));
}

/** A lowercase word in the past tense or a past participle ("pushed", "broke", "written"); not a capitalised name like "Chen". */
function pastVerb(t: Token): boolean {
  return lowerPast(t) || (t.word && CHAT_PAST.test(t.lw));
}

/** "pushed", "broke" in lower case: the past of an ordinary verb. */
function lowerPast(t: Token): boolean {
  return t.word && t.text === t.lw && pastForm(t.lw);
}

/** A regular or irregular past form, in any case ("Merged" opening a sentence too). */
function pastForm(lw: string): boolean {
  return regularPast(lw) || IRREGULAR_PAST.test(lw);
}

/** Verbs made of chat acronyms, in any case: "LGTM'd", "ack'd", "OK'd". */
const CHAT_PAST = /^(?:lgtm|ok|ack|yolo)'?e?d$/;

/** Participles spelt like the base form, past only after "has / have / had": "the DBA has run the migration … by mistake". */
const BASE_PARTICIPLE = /^(?:run|come|become|overrun|rerun)$/;
function perfectParticiple(tokens: Token[], i: number): boolean {
  return BASE_PARTICIPLE.test(tokens[i].lw) && i > 0 && /^(?:has|have|had|'ve)$/.test(tokens[i - 1].lw);
}

function looksLikeVerb(lw: string): boolean {
  return isAux(lw) || regularPast(lw) || IRREGULAR_PAST.test(lw) || CREDIT_VERBS.has(lw) || PRESENT_ACTION.test(lw) || PRESENT_NARRATED.test(lw) || /^(?:fails|misses|pushes|deploys|merges|runs|breaks|makes|gets|puts|sets|leaves)$/.test(lw);
}

/** The head of the noun phrase that starts at token `i`: names and roles end it; determiners and modifiers are crossed. */
export function headFrom(tokens: Token[], i: number): number | undefined {
  let j = i;
  // "on the part of A. Novak": an initial and its full stop open the name (not the article "a").
  if (tokens[j] && /^\p{Lu}$/u.test(tokens[j].text)) {
    const name = tokens[j + 1]?.text === '.' ? j + 2 : j + 1;
    if (isName(tokens, name)) return headFrom(tokens, name);
  }
  while (j < tokens.length && /^(?:the|a|an|our|their|his|her|that|this|those|these|whoever|all|every|each|one|some|any)$/.test(tokens[j].lw) && j - i < 3) j++;
  if (j >= tokens.length || !tokens[j].word) return undefined;
  for (let steps = 0; steps < 4 && j + 1 < tokens.length && tokens[j + 1].word; steps++) {
    const next = tokens[j + 1];
    // "anyone on the firmware team", "someone from ops": the head is the group.
    if (/^(?:on|in|from|at)$/.test(next.lw) && /^(?:anyone|someone|somebody|nobody|everyone|one|none)$/.test(tokens[j].lw)) return headFrom(tokens, j + 2) ?? j;
    if (/^(?:of)$/.test(next.lw) && /^(?:one|some|none|two|three|several|most|each)$/.test(tokens[j].lw)) return headFrom(tokens, j + 2) ?? j;
    const current = tokens[j];
    // "Marius's fuzzer": a possessive is a modifier, the head comes after it.
    if (POSSESSIVE.test(current.lw) || /^(?:his|her|their|its|my|your|our)$/.test(current.lw)) {
      j++;
      continue;
    }
    const personHead = isName(tokens, j) || isRoleAt(tokens, j) || PERSON_PRONOUNS.has(current.lw);
    // A person head is extended only by more of the same ("Priya Natarajan", "the on-call lead", "QA lead", "Engineer C").
    if (personHead) {
      if (isName(tokens, j + 1) || isRoleAt(tokens, j + 1)) {
        j++;
        continue;
      }
      break;
    }
    if (isAux(next.lw) || SKIP.has(next.lw) || looksLikeVerb(next.lw) || /^(?:of|on|in|at|to|for|from|with|by|and|or|who|which|that|as|than|into|onto|about|before|after|during|while|because|when|since|until|if|but|over|under|through|via|per|whose|whom)$/.test(next.lw)) break;
    j++;
  }
  return j;
}

/** The subject of the verb phrase that starts at token `k`: walks left over auxiliaries and adverbs, across relative clauses. */
export function subjectBefore(tokens: Token[], k: number): Agent {
  let i = k - 1;
  let crossedRelative = false;
  while (i >= 0) {
    const t = tokens[i];
    if (!t.word) {
      if ((t.text === ',' || t.text === '(' || t.text === ')') && crossedRelative) {
        i--;
        continue;
      }
      // "ops engineer (R.K.) edited the wrong route table": initials or a name in brackets after the subject.
      if (t.text === ')') {
        const open = findBack(tokens, i - 1, '(', 6);
        if (open > 0 && tokens[open - 1].word) {
          i = open - 1;
          continue;
        }
      }
      // "The vendor's technicians were, to put it kindly, clueless": skip a parenthetical between commas.
      if (t.text === ',') {
        const open = findBack(tokens, i - 1, ',', 8);
        if (open !== -1 && open > 0 && tokens[open - 1].word && isAux(tokens[open - 1].lw)) {
          i = open - 1;
          continue;
        }
        // "The SRE, who had muted the alerts, missed …", "Ms Okonkwo, the DBA on duty, overlooked …": an appositive or a
        // relative clause between the subject and its verb.
        const start = findBack(tokens, i - 1, ',', 20);
        if (start > 0 && tokens[start - 1].word && start + 1 < i) {
          const first = tokens[start + 1];
          const inner = /^(?:who|whom|whose|which)$/.test(first.lw) || (/^(?:the|a|an|our|his|her|their|one|another)$/.test(first.lw) && person(classifyAt(tokens, headFrom(tokens, start + 1) ?? start + 1)));
          const outer = classifyAt(tokens, start - 1);
          if (inner && (person(outer) || /^(?:who|whom|whose)$/.test(first.lw) && outer.kind !== 'none')) return outer;
          // "Ana's change, pushed without review, caused the outage": a participle phrase in apposition.
          if (pastVerb(first) && !person(outer) && outer.kind === 'system' && i - start <= 8) return outer;
          // "one person, Sofía, caused the outage": the name in apposition.
          if (person(outer) && i - start <= 4 && isName(tokens, i - 1)) return classifyAt(tokens, i - 1);
        }
      }
      return { kind: 'none', from: i + 1, to: i };
    }
    if (SKIP.has(t.lw) || /ly$/.test(t.lw) || (POSTMODIFIERS.has(t.lw) && i > 0 && tokens[i - 1].word)) {
      i--;
      continue;
    }
    if (t.lw === 'who' || t.lw === 'which' || (t.lw === 'that' && i > 0 && tokens[i - 1].word && !isAux(tokens[i - 1].lw))) {
      crossedRelative = true;
      i--;
      continue;
    }
    if (CLAUSE_BREAK.has(t.lw)) {
      // "X left the flag on and never looked at it again": a coordinated verb shares the subject.
      if (/^(?:and|but|then)$/.test(t.lw) && i > 0) {
        const first = subjectOfClauseBefore(tokens, i);
        if (first) return first;
      }
      return { kind: 'none', from: i + 1, to: i };
    }
    const agent = classifyAt(tokens, i);
    // "the contractor who wired rack 9 will not be invited back": the person a relative clause without commas describes.
    if (agent.kind === 'system') {
      for (let j = agent.from - 1; j > 0 && agent.from - j <= 8; j--) {
        if (!tokens[j].word) break;
        // …and "the customer whose account was hijacked could have …": the person whose thing it is.
        if (tokens[j].lw !== 'who' && tokens[j].lw !== 'whose') continue;
        const owner = classifyAt(tokens, j - 1);
        if (owner.kind === 'person') return owner;
        break;
      }
    }
    // "Version 2.3 of the agent forgot …": the head of the subject is the thing before "of", not the role after it
    // ("one of the engineers", "the manager of the team" keep the person).
    const thing = agent.from >= 2 ? tokens[agent.from - 2].lw : '';
    if (agent.kind === 'person' && agent.from >= 2 && tokens[agent.from - 1].lw === 'of' && (/\d/.test(thing) || SYSTEM_NOUNS.has(singular(thing)) || /^(?:version|versions|release|build|copy|instance|fork|port|config|configuration|component|module|binary|image|plugin|extension)$/.test(thing))) {
      const owner = classifyAt(tokens, agent.from - 2);
      if (owner.kind === 'system') return owner;
    }
    // "The SRE on rotation", "someone on the platform team", "the engineer on shift": the person before the preposition.
    if (agent.kind === 'system' && agent.from >= 2 && /^(?:on|in|from|at|of|with)$/.test(tokens[agent.from - 1].lw)) {
      const owner = classifyAt(tokens, agent.from - 2);
      if (owner.kind === 'person') return owner;
    }
    return agent;
  }
  return { kind: 'none', from: 0, to: -1 };
}

/** The subject a coordinated verb shares: the noun phrase that starts the sentence (after a fronted adverbial). */
function subjectOfClauseBefore(tokens: Token[], end: number): Agent | undefined {
  let start = 0;
  // "During the failover, the on-call SRE panicked and …": skip a fronted phrase ending in a comma.
  const comma = tokens.findIndex((t, i) => i < end && t.text === ',');
  // A participle or prepositional phrase may be long ("Having put the disk alerts in maintenance mode for an hour, …").
  const limit = /^(?:\w+ing|after|before|during|despite|without|having|once|when|while|per)$/.test(tokens[0]?.lw ?? '') ? 16 : 8;
  if (comma !== -1 && comma < limit && !/^(?:the|a|an)$/i.test(tokens[0]?.lw ?? '')) start = comma + 1;
  const head = headFrom(tokens, start);
  if (head === undefined || head >= end) return undefined;
  const agent = classifyAt(tokens, head);
  const next = tokens[head + 1];
  // It must be the subject: a verb follows it.
  return agent.kind === 'person' && next && next.word && (looksLikeVerb(next.lw) || SKIP.has(next.lw)) ? agent : undefined;
}

/** Words after a noun that keep it the subject: "the support agents involved", "the service teams affected". */
const POSTMODIFIERS = new Set(['involved', 'responsible', 'concerned', 'affected', 'in question', 'on duty', 'themselves', 'himself', 'herself']);

/** What people do (their work can carry the blame): "Ivana's bad merge", "a bad decision by the on-call". */
const ACTION_NOUNS = /^(?:decision|decisions|call|choice|change|changes|edit|edits|commit|push|deploy|deployment|merge|migration|config|configuration|command|typo|mistake|error|action|actions|move|judge?ment|review|approval|handling|work|update|fix|patch|pr|script|query|setting|misconfiguration|oversight|omission|wiring|assumption|assumptions|quick|hack|shortcut|approach|conduct|attitude|testing|soldering|rollout|cutover|upgrade|job|slip|slips|tweak|hand-edit|backfill|hotfix|bump|cleanup|rewrite|refactor|refactoring|deletion|drop|regex|refusal|reluctance|insistence|negligence|carelessness|inaction)$/;
/** What goes wrong (a person may be said to have caused it). */
const FAILURE_NOUNS = /^(?:outage|outages|incident|incidents|issue|issues|bug|bugs|problem|problems|error|errors|failure|failures|regression|crash|crashes|loss|breach|leak|downtime|mess|this|it|which|that|they|damage|spike|corruption|lockout|mismatch|double-run|breakage|disaster|fiasco|5xx|5xxs|\d{3}s|errors|alerts|pages|delay|delays|data-loss|dataloss|bricking|downtimes|losses|leaks|breaches|crashes|mistake|mistakes|backups|keys|telemetry|dashboards|funds)$/;

function findBack(tokens: Token[], from: number, text: string, limit: number): number {
  for (let i = from; i >= 0 && from - i < limit; i--) if (tokens[i].text === text) return i;
  return -1;
}

/** A `by <agent>` after token `k` in the same clause (passives: "was never tested by the embedded team"). */
function agentAfterBy(tokens: Token[], k: number): Agent | undefined {
  for (let i = k; i < tokens.length && i < k + 14; i++) {
    const t = tokens[i];
    if (!t.word && t.text !== ',' && t.text !== '`') return undefined;
    if (t.lw !== 'by') continue;
    const head = headFrom(tokens, i + 1);
    if (head === undefined) return undefined;
    return companyVendor(tokens, head) ?? classifyAt(tokens, head);
  }
  return undefined;
}

/** The nearest person with a possessive before token `k`, within `limit` tokens ("Pavel's half-hearted testing … is why"). */
function possessorBefore(tokens: Token[], k: number, limit = Infinity): Agent | undefined {
  for (let i = k - 1; i >= 0 && k - i <= limit; i--) {
    if (!POSSESSIVE.test(tokens[i].lw)) continue;
    const owner = classifyAt(tokens, i);
    if (person(owner)) return owner;
  }
  return undefined;
}

/** "the cloud vendor", "our DNS provider": a company acting through its platform, not a person. */
function companyVendor(tokens: Token[], head: number): Agent | undefined {
  if (!/^(?:vendor|vendors|provider|providers)$/.test(tokens[head].lw) || head === 0) return undefined;
  return /^(?:cloud|hosting|saas|dns|cdn|upstream|third-party|external|platform|infrastructure|email|payment|payments)$/.test(tokens[head - 1].lw) ? { kind: 'system', from: head - 1, to: head } : undefined;
}

/** The person named in a span of tokens `[from, to)` ("remind <the on-call engineer> to …"). */
function personIn(tokens: Token[], from: number, to: number): Agent | undefined {
  for (let i = to - 1; i >= from; i--) {
    if (!tokens[i].word) continue;
    // "fire <the contractor responsible>": a postmodifier after the person.
    if (POSTMODIFIERS.has(tokens[i].lw) && i > from) continue;
    const agent = classifyAt(tokens, i);
    if (agent.kind === 'person' || agent.kind === 'we') return { ...agent, from: Math.max(agent.from, from) };
    break;
  }
  // "replace <the technician who caused the outage> with …": the head of the phrase, before its relative clause.
  const head = headFrom(tokens, from);
  if (head !== undefined && head < to && head + 1 < tokens.length && /^(?:who|that|whose)$/.test(tokens[head + 1].lw)) {
    const agent = classifyAt(tokens, head);
    if (agent.kind === 'person') return { ...agent, from: Math.max(agent.from, from) };
  }
  return undefined;
}

// ── Context ───────────────────────────────────────────────────────────────────────────────────

/** Quoted stretches: others' words (and code spans, when the caller did not blank them). */
export function quotedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  for (const m of text.matchAll(/`[^`\n]{1,300}`|"[^"\n]{1,300}"|“[^”\n]{1,300}”|(?<![\p{L}\p{N}])'(?:[^'\n]|(?<=\p{L})'(?=\p{L})){1,120}'(?![\p{L}\p{N}])|‘[^’\n]{1,120}’(?![\p{L}\p{N}])/gu)) spans.push([m.index!, m.index! + m[0].length]);
  return spans;
}

const NEGATION_BEFORE = /(?:\bnot|\bno|\bnever|\bnobody's|\bno one's|\bnor|\bwithout|n't|\bhardly)\s+(?:[\w'-]+\s+){0,3}$/i;
/** The sentence argues against blame. */
const REJECTION = /\b(?:is|was)\s+(?:the\s+|a\s+)?(?:wrong|unhelpful|useless|pointless)\s+question\b|\b(?:tag|label)\s+(?:was|has\s+been|got)\s+(?:removed|dropped|taken\s+off|deleted)\b|\bis\s+the\s+name\s+of\s+(?:the|an?|our)\s+(?:[\w-]+\s+)?(?:alert|alarm|check|metric|dashboard|monitor|rule|job|test)\b|\b(?:is|was|are|were)\s+(?:not|never)\s+(?:a|the|an)\s+(?:root\s+|real\s+)?cause\b|\b(?:is|was|are|were)\s+(?:never|not|rarely|seldom)\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:answer|explanation|conclusion|finding)\b|\bnot\s+(?:a|the|an)\s+(?:root\s+)?cause\b|\bis\s+where\b|\bnot\s+where\b|\b(?:rather\s+than|instead\s+of)\s+(?:on\s+)?(?:blam\w*|fault\w*|point\w*|(?:a|the|any|one|an)\s+(?:person|individual|human|people|engineer|operator|responder)s?\b|people\b|individuals\b|humans\b|who\b)|\bplay(?:s|ed)?\s+no\s+(?:part|role)\b|\b(?:had|has|have)\s+nothing\s+to\s+do\s+with\b|\b(?:nothing|no\s+evidence|no\s+sign|no\s+indication)\s+(?:suggests?|indicates?|shows?|that|of|implies)\b|\b(?:nobody|no\s+one)\s+(?:suggests?|thinks|believes|claims)\b|\bnot\s+a\s+story\s+about\b|\bmiss(?:es|ed)?\s+the\s+point\b|\bonly\s+in\s+the\s+sense\b|\bruled\s+out\b|\b(?:dismissed|rejected|discarded|dropped)\s+(?:\w+\s+){0,3}as\s+(?:irrelevant|unhelpful|unfair|misguided|beside\s+the\s+point)|\bwould\s+be\s+(?:unfair|wrong|misleading)\b|\breject(?:s|ed)?\b|\bdo(?:es)?\s+not\s+(?:accept|blame|believe)\b|\bdon't\s+(?:accept|blame|believe)\b|\bblameless\b|\bnever\s+(?:a|the)\s+(?:root\s+)?cause\b|\bnot\s+(?:to\s+)?blame\b|\bno(?:body|\s+one)\s+(?:is|was|will\s+be|should\s+be)\s+(?:being\s+)?blamed\b|\bnobody(?:'s|s)?\s+(?:fault|mistake)\b|\bno\s+one(?:'s|s)?\s+(?:fault|mistake)\b|\bnot\s+(?:anyone|anybody)(?:'s|s)?\s+(?:fault|mistake)\b|\bis\s+a\s+(?:symptom|starting\s+point|label)\b|\bnot\s+(?:an?\s+)?(?:explanation|answer|conclusion)\b|\bcriticism\b|\bwe\s+rewrote\b|\b(?:was|were)\s+(?:our|the|my)\s+(?:first|initial|early)\s+(?:guess|hypothesis|theory|suspicion|thought|assumption)\b[^.;]{0,20}?\bbut\b/i;
/**
 * The sentence argues against the blame it mentions: "calling this operator error would hide …", "Teodor did nothing wrong",
 * "it would be easy to say that Marta should have checked, but …", "we do not think the DBA should have known …".
 */
const ARGUED = /\b(?:calling|to\s+call\s+(?:this|it|that)|labell?ing|classifying|recording|treating|framing|describing|filing|blaming|attributing\s+(?:this|it)\s+to|putting\s+(?:this|it)\s+down\s+to|writing\s+(?:this|it)\s+off\s+as|chalking\s+(?:this|it)\s+up\s+to)\b[^.;]{0,80}?\b(?:would|will|does|did|only)\s+(?:not\s+|only\s+)?(?:hide|obscure|mask|miss|bury|stop|end|halt|close|cut\s+short|tell\s+us\s+nothing|teach\s+us\s+nothing|explain\s+nothing|help\s+(?:nobody|no\s+one)|be\s+(?:wrong|unfair|misleading|a\s+mistake|too\s+easy))\b|\bdid\s+(?:nothing|not\s+do\s+anything)\s+wrong\b|\bit(?:\s+would\s+be|\s+is|\s+was|'s|\s+might\s+be|\s+may\s+be)\s+(?:easy|tempting|natural)\s+to\b[^.;]{0,160}?\bbut\b|\b(?:do|does|did)\s+not\s+(?:think|believe)\b[^.;]{0,60}?\b(?:should|could|would)\s+(?:have|'ve)\b|\b(?:don't|doesn't|didn't)\s+(?:think|believe)\b[^.;]{0,60}?\b(?:should|could|would)\s+(?:have|'ve)\b|\bnot\s+a\s+story\s+about\b/i;

/** The action was the sanctioned one: "as instructed by the runbook", "as part of the weekly reset", "which the checklist marks as optional". */
const SANCTIONED = /\bdid\s+(?:exactly\s+|just\s+|precisely\s+)?what\s+the\s+(?:[\w-]+\s+)?(?:runbook|playbook|procedure|checklist|docs|documentation|sop)\s+(?:said|says|told|asked|required)\b|\bas\s+(?:instructed|documented|planned|expected|agreed|designed|intended|required|specified|prescribed|scheduled|announced|allowed|permitted|directed|briefed|rehearsed)\b|\bas\s+(?:the|our)\s+(?:[\w-]+\s+){0,2}(?:runbook|playbook|procedure|checklist|policy|process|plan|sop|guide|docs?)\s+(?:instructs|asks|suggests|says|requires|prescribes|describes|recommends|specifies|allows|permits|tells|directs)|\b(?:per|following|according\s+to|in\s+line\s+with)\s+(?:the|our)\s+(?:[\w-]+\s+){0,2}(?:runbook|playbook|procedure|checklist|policy|process|plan|sop|guide|schedule)\b|\bas\s+part\s+of\s+(?:the|a|an|our)\s+(?:[\w-]+\s+){0,3}(?:reset|cleanup|clean-up|procedure|process|maintenance|drill|exercise|test|plan|rotation|routine|rollback|migration|teardown|refresh|game\s*day)\b|\b(?:runbook|checklist|playbook|policy|procedure|process)\s+(?:marks|lists|treats|allows|permits|calls\s+for)\b|\boptional\b|\bnightly-only\b|\bnon-blocking\b|\bwith\s+(?:the\s+)?(?:approval|sign-off|blessing|agreement)\s+of\b|\bafter\s+confirming\b/i;

/** The sentence says the action was the sanctioned one (not "instead of following the runbook"). */
/** "When the database started paging, …": a fronted clause in the past tells what happened; it is no hypothetical. */
const NARRATED_WHEN = /^\W*(?:when|once|as\s+soon\s+as)\s+[^,;]{1,60}?\b(?:started|began|was|were|fired|paged|went|hit|came|arrived|got|had|\w{3,}ed)\b[^,;]{0,40},\s*/i;

/** Nouns for a lapse, and for what people do, that a person's possessive or a "by" ties to them. */
const LAPSE_NOUN = /^(?:oversight|omission|deviation|error|mistake|failure|lapse|negligence|carelessness|inattention|non-compliance|noncompliance)$/;
const ACTION_OR_LAPSE = /^(?:decision|decisions|action|actions|deletion|deletions|change|changes|edit|edits|modification|handling|choice|command|commit|push|deploy|deployment|merge|migration|configuration|config|approval|oversight|omission|deviation|error|mistake|failure|lapse|negligence|carelessness|inattention|non-compliance|noncompliance|conduct|work|release|update|script|query|typo)$/;

/** A list marker (with its checkbox) or a heading's hashes at the start of a line. */
const LEADING_MARKUP = /^[ \t]{0,3}(?:#{1,6}|[-*+•‣◦]|\d{1,3}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;

/** The period after a title before a name. */
/**
 * A short label before the sentence proper ("Handover:", "AI-4:", "PR #882 comment:", "Q:", "Sticky:", "Closing as won't-fix:"),
 * read as spaces so that the sentence's subject is found; labels that carry the blame ("Root cause:", "Culprit:") stay.
 */
/** A clock time opening a timeline entry, with its zone and separator: "02:14 —", "[08:47]", "2:14 AM UTC:", "~10:05 -". */
const LEADING_CLOCK = /^[ \t]*[[(]?~?\d{1,2}[:.]\d{2}(?::\d{2})?(?:[ \t]*[AaPp]\.?[Mm]\.?)?(?:[ \t]*(?:UTC|GMT|Z|[A-Z]{2,4}T))?[\])]?(?:[ \t]*[-–—:|>]+)?[ \t]+(?=\S)/;
const LEADING_LABEL = /^[ \t]*(?:[\p{L}\p{N}#@'’-]+(?:[ \t]+[\p{L}\p{N}#@'’-]+){0,3})[ \t]*:[ \t]+(?=\S)/u;
const LABEL_KEEPS = /\b(?:cause|causes|caused|culprit|fault|verdict|finding|findings|reason|blame|blamed|responsible|responsibility|why|who|what|root|label|labels|tag|classification|category|resolved|closed|error|errors|mistake|conclusion|issue|problem|layer-?8|pebkac|human|operator|avoid|prevent|risk|risks|example|scenario|hypothetical|anti-?pattern|don't|dont|lessons?)\b/i;
const ACTION_LABEL = /^\W*(?:ai(?:-?\d+)?|action(?:\s+items?)?|actions|todo|to-do|follow-?ups?(?:\s+for\b[^:]{0,40})?|next\s+steps?|remediation)\s*:/i;
const TITLE_DOT = /\b(Mr|Ms|Mrs|Mx|Dr|Prof|Sr|Jr|Capt|Lt|Col|Sgt|Rev|Hon|Eng|Insp|\p{Lu})\.(?=\s+\p{Lu}\p{Ll})/gu;
const HANDLE_DOTS = /@[\p{L}\p{N}_-]{1,40}(?:\.[\p{L}\p{N}_-]{1,40}){1,4}/gu;

/** A hedge set off by commas, which changes nothing about who is said to have done what. */
const HEDGE_ASIDE = /,\s{0,3}(?:it\s+must\s+be\s+(?:noted|said|acknowledged|stressed|recorded|admitted|added)|it\s+(?:seems|appears|is\s+fair\s+to\s+say)|in\s+(?:our|my|the\s+(?:panel's|board's|reviewers'|team's))\s+(?:estimation|view|opinion|assessment|judge?ment)|in\s+all\s+likelihood|in\s+fairness|to\s+be\s+fair|with\s+(?:all\s+due\s+)?respect|on\s+reflection|let's\s+say|let\s+us\s+say|to\s+put\s+it\s+(?:kindly|mildly|politely|bluntly|charitably)|as\s+(?:usual|always|ever)|predictably|of\s+course|regrettably|unfortunately|frankly|admittedly|arguably|apparently|evidently|once\s+again|yet\s+again)\s{0,3},/gi;

/** Text before a trigger that makes it a hypothetical ("if …", "to make sure …"), past a narrated "When …," clause. */
function hypotheticalBefore(text: string): boolean {
  const narrated = NARRATED_WHEN.exec(text);
  return HYPOTHETICAL.test(narrated ? text.slice(narrated[0].length) : text);
}

function sanctioned(text: string): boolean {
  for (const m of text.matchAll(new RegExp(SANCTIONED.source, 'gi'))) {
    if (!/\b(?:instead\s+of|rather\s+than|without|not|never|against|n't|no)\s+$/i.test(text.slice(Math.max(0, m.index - 16), m.index))) return true;
  }
  return false;
}

/** Others' words that judge or accuse: "some forum posts accused the operators of negligence". */
const ACCUSED = /\b(?:accus\w+|alleg\w+|claim(?:s|ed)?|called\s+(?:it|this|them|him|her)|calling\s+(?:this|it|that|them|him|her)|described\s+(?:it\s+|them\s+|him\s+|her\s+)?as|labell?ed\s+(?:it|them|him|her)|said|says|suggested|framed\s+(?:it\s+)?as)\b[^.;]{0,50}$/i;

/** Reported speech before the words: "the first draft said the outage was Priyanka's mistake". */
const REPORTED = /\b(?:said|says|claimed|claims|tweeted|posted|speculated|guessed|joked|complained|commented|called\s+it|calling\s+(?:this|it|that)|accus(?:ed|es|ing)|alleg(?:ed|es|ing)|described\s+(?:it\s+)?as|suggested|wrote|read|labelled|labeled|framed\s+(?:it\s+)?as)\b[^.;]{0,50}$/i;
/** A hypothetical or a future: "if a user accidentally…", "when someone forgets…", "X will…". */
const HYPOTHETICAL = /(?:^|[,;:]\s*)should\s+(?:a|an|the|any|someone|somebody|anyone|he|she|they|you)\b[^.;]{0,80}$|\b(?:if|when|whenever|unless|in\s+case|imagine|suppose|so\s+that|to\s+ensure|to\s+make\s+sure|prevent(?:s|ing)?|avoid(?:s|ing)?|whether)\b[^.;]{0,80}$/i;

export interface Candidate {
  category: BlameCategory;
  start: number;
  end: number;
  agent?: Agent;
  /** Character span of the agent's words. */
  agentSpan?: [number, number];
  /** Span of the blaming words. */
  trigger: [number, number];
  /** Found by the learned model (learned.ts), with its probability, not by a rule. */
  learned?: number;
}

interface Context {
  text: string;
  /** Whether the sentence argues against blame (computed once). */
  rejection?: boolean;
  tokens: Token[];
  /** Index of the token that starts at or after a character offset. */
  tokenAt(offset: number): number;
  inActionItem: boolean;
  quotes: Array<[number, number]>;
}

const w = (s: string, flags = 'giu') => new RegExp(String.raw`(?<![\p{L}\p{N}_@'’-])(?:${s})(?![\p{L}\p{N}_@'’-])`, flags);
/** Like `w`, but a word may open a single-quoted span ('user error'). */
const wq = (s: string, flags = 'giu') => new RegExp(String.raw`(?<![\p{L}\p{N}_@’-])(?<![\p{L}\p{N}]')(?:${s})(?![\p{L}\p{N}_@’-])(?!'[\p{L}])`, flags);

function rejected(ctx: Context): boolean {
  ctx.rejection ??= REJECTION.test(ctx.text);
  return ctx.rejection;
}

function negatedBefore(ctx: Context, at: number): boolean {
  const before = ctx.text.slice(Math.max(0, at - 40), at);
  return NEGATION_BEFORE.test(before) || /\b(?:nobody|no\s+one|no-one)\b[^.,;]{0,24}$/i.test(before);
}

/** "people", "everyone", "users": nobody in particular ("the Android folks", "the ops people" are a team). */
function generic(tokens: Token[], agent: Agent): boolean {
  const lw = stripPossessive(tokens[agent.to].lw);
  if (/^(?:everyone|everybody|users|customers|anyone|anybody)$/.test(lw)) return true;
  // "Every engineer has pushed to the wrong branch at some point": nobody in particular.
  if (/^(?:every|each|any)$/.test(tokens[agent.from].lw) && agent.from < agent.to && !isName(tokens, agent.to)) return true;
  return /^(?:people|folks)$/.test(lw) && (agent.from === agent.to || /^(?:some|many|most|all|other|these|those)$/.test(tokens[agent.from].lw));
}

function person(agent: Agent | undefined): agent is Agent & { kind: 'person' } {
  return agent?.kind === 'person';
}

/** A specific person or a team, not "engineers", "everyone", "new hires" (a policy for a role is not aimed at a person). */
function specific(tokens: Token[], agent: Agent): boolean {
  const head = tokens[agent.to];
  const lw = stripPossessive(head.lw);
  if (/^(?:everyone|everybody|all|staff|people|folks|engineering|anyone|anybody|users|customers|someone|somebody)$/.test(lw)) return false;
  const first = tokens[agent.from].lw;
  if (/^(?:all|every|each|any)$/.test(first) && !isName(tokens, agent.to)) return false;
  // "our intern" is one person, "our engineers", "new hires" are a role.
  if (/^(?:new|our)$/.test(first) && !isName(tokens, agent.to) && lw.endsWith('s') && !lw.endsWith('ss') && !/^(?:team|squad|crew|ops|qa|devops|secops)$/.test(roleBase(lw) ?? '')) return false;
  if (isName(tokens, agent.to) || PERSON_PRONOUNS.has(lw) || /^(?:team|squad|crew|ops|qa|devops|secops)$/.test(roleBase(lw) ?? '')) return true;
  // "the engineer" (singular, definite) is specific; "engineers" is not.
  return !lw.endsWith('s') || lw.endsWith('ss') || /^(?:the|that|this|a|an)$/.test(first);
}

function candidate(category: BlameCategory, ctx: Context, trigger: [number, number], agent?: Agent): Candidate {
  const known = agent && agent.from <= agent.to && (agent.kind === 'person' || agent.kind === 'we') ? agent : undefined;
  const agentStart = known ? ctx.tokens[known.from].start : trigger[0];
  const agentEnd = known ? ctx.tokens[known.to].end : trigger[1];
  // The finding covers the agent and the words when they stand together ("Dave pushed a bad config");
  // when a clause lies between them ("Dave failed to follow the checklist and was careless"), only the words.
  const gap = agentEnd <= trigger[0] ? ctx.text.slice(agentEnd, trigger[0]) : agentStart >= trigger[1] ? ctx.text.slice(trigger[1], agentStart) : '';
  const together = known && !/[,;:]|\b(?:and|but|then|or)\b/i.test(gap) && gap.length <= 40;
  const start = together ? Math.min(agentStart, trigger[0]) : trigger[0];
  const end = together ? Math.max(agentEnd, trigger[1]) : trigger[1];
  return { category, start, end, ...(known ? { agent: known, agentSpan: [agentStart, agentEnd] as [number, number] } : {}), trigger };
}

/** The subject of the clause a trigger is in, or the `by` agent of a passive. */
function agentOf(ctx: Context, at: number, end: number): Agent {
  const k = ctx.tokenAt(at);
  const subject = subjectBefore(ctx.tokens, k);
  if (subject.kind === 'person' || subject.kind === 'we' || subject.kind === 'nobody') return subject;
  const by = agentAfterBy(ctx.tokens, ctx.tokenAt(end));
  if (by && by.kind === 'person') return by;
  // "Ignoring the runbook entirely, the contractor restarted …", "Having ignored two pages, the secondary on-call …": a participle
  // phrase before the subject.
  if (subject.kind === 'none' || (subject.kind === 'system' && subject.from === 0 && subject.to === 0 && /^(?:having|after)$/.test(ctx.tokens[0].lw))) {
    const after = ctx.tokenAt(end);
    for (let i = after; i < ctx.tokens.length && i < after + 10; i++) {
      if (ctx.tokens[i].text !== ',') continue;
      const head = headFrom(ctx.tokens, i + 1);
      if (head !== undefined) {
        const agent = classifyAt(ctx.tokens, head);
        if (agent.kind === 'person') return agent;
      }
      break;
    }
  }
  return subject;
}

// ── Triggers ──────────────────────────────────────────────────────────────────────────────────

/** "failed to index", "did not pick up", "did not back up": what software fails to do (with an unknown capitalised subject, a product). */
const MACHINE_LAPSE = /^(?:did\s+not|didn't|never|failed\s+to|fails\s+to)\s+(?:(?:properly|actually|even|really|fully)\s+)?(?:pick|index|replicate|boot|sync|render|parse|resolve|propagate|compile|recogni[sz]e|accept|emit|persist|serve|reconcile|converge|scale|mount|flush|load|return|connect|register|expose|honou?r|respect|ingest|forward|deliver|authenticate|decrypt|encrypt|cache|evict|route|spawn|allocate)(?:e?d)?$/;

/** A reason in the tools that follows a lapse verb: "because the alert went to email", "because his phone was on the old escalation policy" (not "on silent"). */
const SYSTEM_REASON = /^[^.;]{0,60}?\b(?:because|since|as)\s+(?:his|her|their|the|a|an|our|its)\s+(?:[\w-]+\s+){0,2}?(?:alert|alerts|page|pages|tool|tooling|dashboard|dashboards|runbook|config|configuration|policy|escalation|notification|notifications|email|emails|channel|schedule|rota|rotation|calendar|docs|documentation|ui|console|cli|prompt|warning|warnings)\s+(?:was|were|had|did|went|showed|said|pointed|only|never|still|lacked|gave|looked)\b|^[^.;]{0,60}?\bbecause\s+(?:his|her|their|the)\s+(?:phone|pager|laptop|device)\s+(?:was|were)\s+(?:still\s+)?(?:on|in|subscribed\s+to|registered\s+(?:to|with))\s+(?:the\s+|an\s+)?(?:old|wrong|outdated|previous|stale|former|expired)\b/i;

/** What software receives and handles (a capitalised subject that ignores or skips one is a product). */
const MACHINE_OBJECT = /^(?:headers?|requests?|packets?|heartbeats?|signals?|messages?|events?|retry|retries|timeouts?|purges?|params?|parameters?|fields?|rows?|records?|entries|entry|checksums?|ttls?|frames?|payloads?|acks?|cookies?|quorum|lock|locks|lease|leases|leader|offsets?|partitions?|shards?|webhooks?|callbacks?)$/i;

/** A single capitalised word that is not a known first name, handle or initials: a name or a product, the sentence must tell. */
function unknownName(tokens: Token[], agent: Agent): boolean {
  if (agent.from !== agent.to) return false;
  const t = tokens[agent.to];
  const bare = stripPossessive(t.lw);
  return /^\p{Lu}\p{Ll}+$/u.test(t.text.replace(/(?:['’]s|s['’])$/, '')) && !FIRST_NAMES.has(bare) && !(tokens[agent.to + 1] && isName(tokens, agent.to + 1));
}

/** Lapses only a person commits: with no subject at all ("Forgot to renew the cert.") they still name one. */
const PERSONAL = /^(?:forg[oe]t|panick|let\s+it\s+slide|jump\w*\s+the\s+gun|fat[- ]?finger|neglect|couldn't be bothered|could not be bothered|didn't bother|did not bother|never bothered|blew it|dropped the ball|cut corners|rubber-stamp|mess(?:ed)? up|screw(?:ed)? up|botch|bungl|went ahead|pressed (?:on|ahead)|pushed ahead|brushed off|sat on|waved)/i;

/** Verbs of a lapse, whoever the subject; with a person as subject they put the failure on them. */
const CONDUCT = w(String.raw`(?:went|goes|go|going)\s+back\s+to\s+(?:sleep|bed)|dragg(?:ed|ing)\s+(?:their|his|her|its|our)\s+feet|managed\s+to\s+(?:delete|wipe|break|drop|take\s+down|lose|corrupt|overwrite|brick|nuke|kill|destroy|truncate)|fell\s+(?:back\s+)?asleep|told\s+(?:nobody|no\s+one|no-one)|omitt(?:ed|ing)|flubb(?:ed|s)|goof(?:ed|s)(?:\s+up)?|blunder(?:ed|s)|muck(?:ed|s)\s+up|foul(?:ed|s)\s+up|slipp(?:ed|s)\s+up|clobber(?:ed|s)|trash(?:ed|es)|nuk(?:ed|es)|misinterpret(?:ed|s)|misreport(?:ed|s)|confus(?:ed|es)\s+(?:the\s+)?\S+\s+with|hesitat(?:ed|es)|procrastinat(?:ed|es)|stall(?:ed|s)\s+(?:on|for)|took\s+(?:a\s+)?shortcuts?|wing(?:ed|s|ing)\s+(?:it|the\s+[\w-]+)|slept\s+(?:right\s+)?through|bodg(?:ed|es)|went\s+rogue|skiv(?:ed|ing)\s+off|threw\s+(?:[\w-]+\s+){1,3}?over\s+the\s+wall|dropped\s+(?:a\s+clanger|us\s+in\s+it)|(?:kept\s+)?dilly-dally(?:ing|ed)|(?:was|were)\s+on\s+(?:shift|call|duty|the\s+pager)\s+and\s+(?:didn't|did\s+not|never\s+did)(?=\s*(?:[.,;!?)]|$))|half-ars(?:ed|ing)|half-ass(?:ed|ing)|did\s+a\s+(?:real\s+)?number\s+on|had\s+a\s+brain\s+(?:fade|fart)|(?:was|got)\s+caught\s+napping|flubb(?:ed|s)|cock(?:ed|s)\s+up|(?:made|makes)\s+(?:a\s+|an\s+)?(?:real\s+|absolute\s+|complete\s+|total\s+|right\s+)?(?:hash|mess|pig's\s+ear|dog's\s+breakfast)\s+of|guess(?:ed|es)\s+(?:at|instead)|assum(?:ed|es)\s+(?:it|that|the)\b[^.;]{0,60}?\bwithout\s+(?:checking|testing|verifying|asking|confirming)|assum(?:ed|es)\s+(?:that\s+)?(?:it|they|this|the\s+[\w-]+)\s+(?:had|was|were|would)\b[^.;]{0,40}?\band\s+(?:then\s+)?(?:wiped|deleted|dropped|destroyed|truncated|overwrote|removed|restarted|rebooted|shipped|deployed|merged|pushed|purged|erased)|declin(?:ed|es)\s+to\s+(?:review|test|check|escalate|follow|wait|roll)|disregard(?:ed|s|ing)|overr(?:ode|idden|ides|iding)\s+(?:the\s+)?(?:warning|check|alert|guard|safety|lock|protection|policy|review|block|freeze|validation)s?|violat(?:ed|es|ing)|overrul(?:ed|es)|breach(?:ed|es)\s+(?:the\s+)?(?:policy|process|freeze|protocol|procedure)|flout(?:ed|s)|defi(?:ed|es)|dismiss(?:ed|es)\s+(?:the\s+)?(?:\w+\s+)?(?:warnings?|alerts?|concerns?|advice|reports?|errors?)|mishandl(?:ed|es)|misus(?:ed|es)|rush(?:ed|es)\s+(?:through|the|a)|lost\s+track|mix(?:ed|es)\s+up|misunderst(?:ood|ands)|abandon(?:ed|s)\s+(?:the\s+)?(?:rollout|migration|incident|page|on-call|runbook|process)|walked\s+away|went\s+(?:silent|quiet|dark|offline)|ignor(?:ed|es|ing)|overlook(?:ed|s|ing)|neglect(?:ed|s|ing)|forg(?:ot|ets|otten|etting)|skipp(?:ed|ing)|skips|botch(?:ed|es)|bungl(?:ed|es)|fumbl(?:ed|es)|fat[- ]?finger(?:ed|s)?|mess(?:ed|es)\s+up|screw(?:ed|s)\s+up|blew\s+(?:it|up)|dropped\s+the\s+(?:ball|baton)|panick(?:ed|s)|rubber-stamp(?:ed|s)?|cut\s+corners|brushed\s+off|sat\s+on|waved\s+(?:\S+\s+){0,3}?through|clicked\s+(?:straight\s+)?through|went\s+ahead|pressed\s+(?:on|ahead)|pushed\s+ahead|bypass(?:ed|ing)|circumvent(?:ed|ing)|mis(?:label|configur|typ|read|judg|handl|us|click|nam|sequenc|plac|copi|enter)\w*|broke\s+(?:the\s+)?(?:build|main|master|prod|production|checkout|it|everything|deploys?|the\s+\w+)|missed\s+(?:the|a|an|that|this|it|two|three|several|both|every|only|his|her|their)\b|(?:did\s+not|didn't|never|failed\s+to|fails\s+to|refused\s+to|didn't\s+bother\s+to|did\s+not\s+bother\s+to|never\s+bothered\s+to|couldn't\s+be\s+bothered\s+to|could\s+not\s+be\s+bothered\s+to|bothered\s+to)\s+(?:(?:properly|actually|even|really|fully|carefully|once|ever|bother\s+to)\s+)?\w+(?:-\w+)?|(?:had\s+not|hadn't|had\s+never)\s+(?:even\s+|actually\s+|properly\s+|once\s+|fully\s+)?(?:read|tested|checked|reviewed|verified|looked\s+at|opened|run|tried)\b|(?:wasn't|was\s+not|weren't|were\s+not)\s+(?:fully\s+|even\s+)?aware|(?:was|were)\s+(?:not|never)\s+(?:identified|caught|detected|noticed|tested|checked|reviewed|spotted|escalated|reported|acted\s+on)|was\s+unaware|had\s+no\s+idea|did\s+nothing|(?:nobody|no\s+one|no-one)(?:\s+(?:on|in|from|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:team|squad|crew|shift|rotation|side|desk|ops|qa|sre|support|infra|security|engineering|devops))?\s+(?:ever\s+)?(?:thought\s+to|reviewed|tested|checked|verified|noticed|read|looked|followed|escalated|answered|responded|acknowledged|watched|monitored|bothered|validated|confirmed)|(?:made|makes|making)\s+(?:a|an|the|one|several|two|another)\s+(?:\w+\s+)?(?:mistake|error|blunder|slip|typo|misstep)s?|(?:made|making)\s+(?:things|it|matters|everything)\s+worse|let\s+(?:it|this|that|things|them|(?:the|those|these|their|his|her|our)\s+(?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:slide|slip|rot|fester|lapse|expire|run\s+out|fill\s+up)|(?:chose|decided|opted|elected)\s+(?:to\s+(?:ignore|skip|bypass|disregard|override|overlook|skip)|not\s+to\s+(?:test|check|review|follow|read|verify))\b|let\s+[\w-]+(?:\s+[\w-]+)?\s+(?:slip|fall)\s+through\s+the\s+cracks|jump(?:ed|s|ing)?\s+the\s+gun|hop(?:ed|es|ing)\s+for\s+the\s+best|eyeball(?:ed|s)|phon(?:ed|es)\s+(?:it\s+in|in\s+(?:the|his|her|their)\s+[\w-]+(?:\s+[\w-]+)?)|look(?:ed|s)\s+the\s+other\s+way|turn(?:ed|s)\s+a\s+blind\s+eye|took\s+(?:his|her|their|my|our|the)\s+eyes?\s+off\s+the\s+ball|(?:has|have|had)\s+forget|(?:escalated|reported|checked|tested|reviewed|verified|said|communicated|flagged|logged|documented|announced|did)\s+nothing|went\s+home\s+and\s+left|left\s+(?:it|them|things|the\s+[\w-]+)\s+(?:that\s+way|like\s+that|unattended|half-finished|half-done|in\s+that\s+state)|(?:has|have|is|are)\s+not\s+(?:been\s+)?(?:properly\s+|even\s+)?(?:checked|followed|tested|read|verified|reviewed|validated|checking|following|testing|reading|verifying|reviewing|validating)\b|slipped\s+(?:his|her|their|my|your)\s+mind|(?:was|were)\s+nowhere\s+to\s+be\s+(?:found|seen)|dropped\s+off\s+the\s+(?:call|bridge|zoom|meet|incident\s+call|channel)|left\s+(?:it|them|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:for|until|till)\s+(?:the\s+)?(?:morning|tomorrow|monday|later|next\s+day|next\s+shift|someone\s+else)|yolo'?(?:d|ed)|had\s+(?:a|an)\s+(?:absolute\s+|real\s+|bit\s+of\s+a\s+)?(?:shocker|mare|nightmare\s+of\s+a\s+shift)|knocked\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){1,2}?over\b|on\s+(?:his|her|their)\s+own\s+initiative|decided\s+(?:that\s+)?[^.;]{1,30}?\s+(?:was|would\s+be)\s+a\s+(?:good|great|fine|sensible)\s+(?:time|idea|moment)\s+to|(?:make|makes|made)\s+(?:big\s+)?mistakes?\s+and`);

/** A consequence clause of a counterfactual: "we would have", "we'd still have", "we wouldn't have bricked". */
/** "Had Ruairí waited for the canary, none of this happens": hindsight told in the present. */
const HINDSIGHT_PRESENT = /,\s*(?:none\s+of\s+(?:this|it|that)|nothing\s+of\s+(?:this|the\s+sort))\s+(?:ever\s+)?(?:happens|occurs)\b|,\s*(?:we|it|this)\s+(?:never\s+)?(?:catch|spot|avoid|happens|doesn't\s+happen|does\s+not\s+happen)\b/i;
const CONSEQUENCE = /\b(?:would|could|might)(?:n't)?\b|\w'd\b|\bwould\s+not\b/i;

/** Words that make an ordinary action a lapse: "the wrong router", "without telling anyone", "into a public repository". */
const LAPSE = w(String.raw`anyway|while\s+(?:trying|attempting|meaning|intending)\s+to|(?:staging|test|testnet|dev|sandbox)\s+(?:[\w-]+\s+){0,2}?(?:into|onto|in)\s+(?:the\s+|a\s+)?(?:production|prod|live|mainnet)\b|(?:production|prod|live|mainnet)\s+(?:[\w-]+\s+){0,2}?(?:into|onto|in)\s+(?:the\s+|a\s+)?(?:staging|test|testnet|dev|sandbox)\b|(?:the|a|an)\s+wrong\s+\w+|wrong\s+(?:terminal|tab|cluster|router|server|host|environment|branch|database|table|key|cable|account|image|file|config|version|link|region|workspace|tenant|bucket|namespace)|without\s+(?:so\s+much\s+as\s+|even\s+|first\s+|ever\s+|once\s+|actually\s+|really\s+|properly\s+|fully\s+|carefully\s+)?(?:waiting|draining|acknowledging|snapshotting|glancing|looping|involving|pinging|validating|double-checking|backing\s+up|coordinating|opening|announcing|rehearsing|telling|asking|checking|testing|reviewing|escalating|warning|notifying|informing|consulting|confirming|verifying|reproducing|running\s+(?:a|any|the)|looking|reading|a\s+(?:[\w-]+\s+)?(?:second\s+look|review|test|backup|check|canary|word|plan|dry[\s-]run|test\s+run|trial\s+run|rehearsal|sanity\s+check|peer\s+review|snapshot|heads-up|ticket)|any\s+(?:review|tests?|testing|checks?|backup|warning|notice|dry[\s-]runs?|rehearsal)|review|approval|notice|a\s+moment's\s+thought|being\s+thorough)|straight\s+(?:to|into)\s+(?:prod|production|main|master|live|mainnet)|(?:into|to|on|in)\s+(?:a|the|our|their|his|her)\s+public\s+(?:repo|repository|channel|ticket|bucket|gist|forum|page|slack|issue)|(?:instead\s+of\s+following|ignoring|bypassing|against)\s+(?:the\s+|our\s+)?(?:explicit\s+|clear\s+|written\s+)?(?:runbook|process|policy|checklist|procedure|advice|freeze|change-freeze|guidance|rules|objections?|recommendations?|instructions)|baked\s+in|hard-?coded|in\s+the\s+middle\s+of\s+(?:peak|the\s+(?:[\w-]+\s+)?day|business\s+hours|a\s+freeze|(?:the|a)\s+(?:[\w-]+\s+)?(?:sale|launch|rush|peak|freeze))|force-?push(?:ed|ing|es)?|force-?merg(?:ed|ing)|over\s+(?:a|the)\s+(?:red|failing|broken)\s+(?:pipeline|build|ci|check|checks|tests?)|before\s+(?:the\s+|its\s+)?(?:[\w-]+\s+)?(?:tests?|ci|checks?|build|pipeline|canary|review|replica)\s+(?:had\s+|was\s+|were\s+)?(?:finished|completed|passed|run|caught\s+up|done)|(?:untested|unreviewed|unvalidated|unverified)\s+[\w-]+|by\s+mistake|by\s+accident|in\s+error|(?:accidentally|mistakenly|inadvertently|unintentionally|erroneously|carelessly|wrongly|incorrectly|improperly|recklessly|negligently|hastily|sloppily|blindly|thoughtlessly|prematurely)|without\s+(?:the\s+|any\s+)?(?:requisite\s+|required\s+|necessary\s+|proper\s+|prior\s+|formal\s+|written\s+)?(?:permission|approval|authori[sz]ation|sign-?off)|without\s+a\s+(?:rollback\s+plan|ticket|change\s+request|second\s+pair\s+of\s+eyes|reviewer)|without\s+(?:raising|filing|opening|logging)\s+(?:a|an|any)\s+(?:cr|change\s+request|change\s+ticket|ticket|rfc)|without\s+(?:handing\s+over|committing\s+(?:any\s+of\s+)?(?:it|them|the\s+[\w-]+))|without\s+(?:taking|making)\s+(?:a\s+|any\s+)?(?:backups?|snapshots?)|without\s+(?:a\s+single|any)\s+(?:comment|comments|look|test|check)\b|without\s+(?:ci|any\s+ci|a\s+green\s+build|running\s+(?:the\s+|any\s+)?(?:tests|ci|checks))\b|with\s+(?:no|zero)\s+(?:ticket|reviews?|reviewers?|approvals?|tests?|testing|sign-?off|change\s+request|rollback\s+plan|canary|backup)(?:\s+(?:attached|at\s+all|whatsoever|in\s+place))?|outside\s+(?:of\s+)?(?:the\s+|an?\s+)?(?:approved\s+|agreed\s+|scheduled\s+|permitted\s+|planned\s+)?(?:maintenance|change)\s+window|(?:against|contrary\s+to|in\s+violation\s+of|never\s+mind)\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:policy|rules|process|advice|runbook|procedure|guidelines|freeze|instructions|plan)|(?:(?:a|an|the)\s+)?(?:unauthori[sz]ed|unapproved|incorrect|faulty|buggy|invalid|bad|broken)\s+(?:change|deploy|deployment|config|configuration|command|query|script|push|commit|update|migration|release|edit)|logged\s+in\s+on\s+a\s+shared|world-readable|(?:reused|re-used)\s+the\s+(?:test|staging|same)|(?:disabled|turned\s+off|silenced|muted)\s+(?:the\s+)?(?:(?:replication|disk|cpu|latency|error|paging|critical|p1|sev1|page|backup|health)\s+)?(?:safety|interlock|alarm|alerts?|checks?|protection|guard|guardrails?|pager|validation|ci|tests?|rate\s+limiter|monitoring)|(?:that|which)\s+(?:had|has)\s+never\s+(?:once\s+|even\s+)?been\s+\w+|(?:that|which)\s+(?:(?:had|has)\s+)?(?:already\s+)?failed\s+(?:ci|tests|the\s+tests|checks|the\s+checks|review|its\s+tests|the\s+build|the\s+pipeline|validation)\b|bypassing\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:review|pipeline|ci|terraform|automation|checks?|approvals?|change\s+process|deploy\s+tool|safeguards?|guardrails?)\b|left\s+(?:the|a|an|its|his|her|their|our)\s+(?:[\w-]+\s+){0,3}?(?:enabled|switched\s+on|turned\s+on|open|exposed|public|unlocked|unattended|world-readable)\b|still\s+(?:set\s+to|enabled|turned\s+on|pointing\s+(?:at|to)|switched\s+on|in\s+debug|attached|public|exposed)|(?:commented\s+out|disabled|skipped|deleted|removed|muted|silenced|suppressed)\s+(?:the\s+|a\s+|all\s+|two\s+|three\s+|several\s+)?(?:failing|flaky|red|broken)\s+(?:tests?|checks?|assertions?|alerts?|specs?|jobs?)|so\s+(?:that\s+)?the\s+(?:pipeline|build|ci|check|checks|tests?|dashboard|board)\s+would\s+(?:go|turn|pass|look|be|stay)\s+green|with\s+an?\s+(?:admin|force)\s+override|(?:merged|approved|reviewed|signed\s+off\s+on)\s+(?:his|her|their|my)\s+own\s+(?:pr|pull\s+request|merge\s+request|mr|change|changes|code|commit)|when\s+(?:he|she|they|I)\s+(?:meant|intended|wanted|was\s+supposed|were\s+supposed)\s+to|(?:rather\s+than|instead\s+of)\s+(?:on\s+|to\s+|in\s+|into\s+|from\s+)?(?:the|a|an)|(?:rather\s+than|instead\s+of)\s+(?:just\s+)?(?:suspending|disabling|archiving|draining|pausing|stopping|cordoning|renaming|deprecating|hiding|moving|detaching|scaling\s+down)\b|(?:rather\s+than|instead\s+of)\s+(?:following|reading|running|checking|testing|verifying|consulting|reviewing|using|asking|escalating|pulling|looking\s+at|paging|filing|going\s+through|waiting|investigating|assigning|triaging|acknowledging|answering|responding)|(?:thinking|believing|assuming|convinced)\s+(?:that\s+)?(?:it|this|that|they|he|she|the\s+[\w-]+)\s+(?:was|were|'s)\s+(?:only\s+|just\s+|still\s+)?(?:the\s+|a\s+|an\s+)?(?:test|testing|staging|dev|old|unused|empty|stale|scratch|spare|backup|local|sandbox|copy|replica|safe|idempotent)\b|(?:committed|pushed|pasted|posted|checked\s+in|uploaded|published|shared)\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+|our\s+|its\s+)?(?:[\w-]+\s+)?(?:api\s+keys?|passwords?|tokens?|secrets?|credentials|private\s+keys?|ssh\s+keys?|access\s+keys?)\b(?=[^.;]{0,40}?\b(?:public|repo|repository|gist|github|channel|slack|forum|ticket|paste|log))|quietly|silently|secretly|unilaterally|casually|overwrote|overwritten|wiped\s+(?:out\s+)?(?:the\s+|all\s+)?(?:prod|production|live|primary|customer|customers'|user|users'|real|mainnet)|deleted\s+(?:the\s+)?(?:prod|production|live)`);

/** Adverbs that make an action a slip or a unilateral act; they need a destructive verb nearby. */
/** Acronyms that look like initials. */
const ACRONYM = /^(?:ci|cd|db|ui|ux|os|ip|vm|dc|az|pr|mr|qa|hr|it|pm|am|eu|us|uk|id|ok|io|ai|ml|bi|dns|cdn|api|aws|gcp|tls|ssl|ssh|sql|sre|dba|noc|soc|cto|ceo|cio|vp|ops|sdk|cli|vpn|lb|waf|iam|rds|ec2|s3|gke|eks|aks|k8s|etl|sla|slo|sli|rca|mttr|eta|utc|pst|cet|est|faq|url|uri|jwt|otp|mfa|sso|ldap|smtp|http|tcp|udp|nfs|cpu|gpu|ram|ssd|hdd|raid|kms|hsm|pki|csr|crl|cve|poc|pii|gdpr|soc2|iso)$/;
/** "Action: JB to stop …", "LM comes off the rota": two or three capitals alone, where only a person fits, are initials. */
function initials(tokens: Token[], from: number, to: number): Agent | undefined {
  const words = tokens.slice(from, to).filter((t) => t.word);
  if (words.length !== 1 || !/^\p{Lu}{2,3}$/u.test(words[0].text) || ACRONYM.test(words[0].lw)) return undefined;
  const i = tokens.indexOf(words[0]);
  return { kind: 'person', from: i, to: i };
}

/** Action verbs in the present of a narrated timeline ("Léa opens the wrong kubeconfig, deletes the namespace"). */
const PRESENT_ACTION = /^(?:opens|deletes|drops|runs|pushes|deploys|merges|applies|edits|changes|restarts|reboots|removes|wipes|truncates|types|pastes|kills|disables|selects|picks|targets|points|turns|ships|releases|approves|commits|overwrites|modifies|executes|force-pushes|copies|uploads|publishes|shares|flips|toggles|upgrades|migrates|promotes|terminates|purges|drains)$/;
/** What a person does with a page or a check, told in the present in a timeline ("DK acknowledges the page and goes back to sleep"). */
const PRESENT_NARRATED = /^(?:acknowledges|acks|ignores|silences|goes|snoozes|mutes|closes|skips|forgets)$/;
const LAPSE_ADVERB = /^(?:accidentally|mistakenly|inadvertently|unintentionally|erroneously|carelessly|wrongly|incorrectly|improperly|recklessly|negligently|hastily|sloppily|blindly|thoughtlessly|prematurely|quietly|silently|secretly|unilaterally|casually)$/;
/** Lapse words that are the verb of their clause. */
const SELF_LAPSE = /^(?:left|hard-?coded|committed|pushed|pasted|posted|checked\s+in|uploaded|published|shared|overwr|wiped|deleted|disabled|turned|silenced|muted|force|reused|re-used|commented|skipped|removed|suppressed|merged|approved|reviewed|signed|accidentally|mistakenly|inadvertently|unintentionally|erroneously|carelessly|wrongly|incorrectly|improperly|recklessly|negligently|hastily|sloppily|blindly|thoughtlessly|prematurely|quietly|silently|secretly|unilaterally|casually)/;

/** Verbs a lapse needs near "accidentally" (a careless slip destroys or exposes something; "checked Freshdesk accidentally" is luck). */
const DESTRUCTIVE = /\b(?:executing|running|deleting|dropping|removing|wiping|pushing|merging|deploying|applying|typing|truncating|destroying|restarting|rebooting|deleted|dropped|removed|wiped|pushed|merged|deployed|committed|ran|overwrote|exposed|leaked|published|shared|killed|shut|disabled|broke|made|pasted|copy-pasted|rebooted|restarted|truncated|destroyed|unplugged|flashed|copied|typed|applied|set|changed|turned|left|revoked|rotated|closed|executed|reset|migrated|upgraded|promoted|failed\s+over|pointed|edited|modified|updated|purged|terminated|drained|scaled|cordoned|rolled|shipped|released|granted|approved)\b/i;

interface Rule {
  re: RegExp;
  check: (ctx: Context, m: RegExpExecArray) => Candidate | undefined;
  /** Whether a match inside the quote `[start, end)` still counts (quoted words are others' words by default). */
  quoted?: (ctx: Context, quote: [number, number]) => boolean;
}

/** Exhortations aimed at people: the remedy is their behaviour. */
const EXHORT = String.raw`(?:exercise\s+(?:greater|more|due|proper|extra)\s+care|pay\s+due\s+attention|apply\s+(?:greater|more|proper)\s+rigou?r|take\s+greater\s+care|be\s+(?:(?:much|a\s+lot|far|a\s+bit|even)\s+)?more\s+(?:careful|diligent|vigilant|attentive|thorough|disciplined|rigorous|cautious|alert|responsive|responsible|professional|mindful|conscientious)|try\s+harder|do\s+better|pay\s+(?:more\s+|closer\s+|better\s+)?attention|take\s+(?:more\s+|greater\s+)?care|think\s+twice|triple-check|tighten\s+up|step\s+up|(?:up|raise|lift)\s+(?:their|his|her|your|our)\s+game|get\s+(?:their|his|her|your)\s+act\s+together|stop\s+being\s+(?:careless|sloppy|lazy|reckless)|be\s+careful|slow\s+down\s+and\s+(?:double-check|check|think)|(?:double|triple)-check\s+(?:his|her|their|your)\s+(?:own\s+)?work)`;

/** A remedy given as a sanction: "as a penalty for the reset", "pending an HR review", "after clicking the phishing link". */
const SANCTION = /\b(?:as\s+a\s+(?:consequence|penalty|punishment|sanction|result|lesson)|for\s+(?:causing|his|her|their|the\s+(?:incident|outage|mistake|error|breach|reset|force-push))|after\s+(?:the|his|her|their|clicking|causing|deleting|pushing|leaking|what)|because\s+of\s+(?:the|his|her|their|what)|following\s+(?:the|his|her|their)\s+(?:incident|outage|mistake|error)|pending\s+(?:an?\s+)?(?:hr|disciplinary|formal)|until\s+further\s+notice)\b/i;

/** Leave, not sanction: "remove Ana from the rotation while she is on leave". */
const ON_LEAVE = /\b(?:leave|vacation|holiday|holidays|sick|parental|sabbatical|pto|time\s+off|off\s+sick)\b/i;

const LABELS = wq(String.raw`human[\s-]+(?:error|errors|mistake|slip|failure)|(?:operator|personnel|technician|staff|admin|administrator|clerk|engineer(?:ing)?)\s+(?:error|mistake)|user\s+error|pilot\s+error|pebkac|pebcak|picnic|finger\s+trouble|fat[\s-]thumb(?:s|ed)?|(?:wetware|meatware)(?:\s+(?:problem|issue|error|bug|failure|fault))?|id-?ten-?t(?:\s+error)?|(?:osi\s+)?layer[\s-]?8(?:\s+(?:issue|error|problem))?|id-?10-?t(?:\s+error)?|between\s+(?:the\s+)?keyboard\s+and\s+(?:the\s+)?chair|human\s+factors?(?:\s*\([^()]{1,20}\))?`);

/** Before a quoted label, words that record it as the finding: "closing as 'PEBCAK'", "logged as 'operator error'", "with the tag 'user error'". */
const RECORDED_AS = /\b(?:as|tag(?:ged)?|tagged\s+as|label(?:led|ed)?\s+as|marked\s+as|logged\s+as|closed\s+as|closing\s+as|resolved\s+as|classified\s+as|settled\s+on|recorded\s+as|filed\s+(?:as|under)|verdict|reason|code|category)\s*:?\s*$/i;

/** A quoted record that says what it is: "'resolved: operator error'", "'root cause - human error'". */
const RECORD_QUOTE = /^\s*(?:resolved|closed|root\s+cause|cause|reason|verdict|finding|category|classification)\s*[:–—-]\s*/i;

/** "a user problem, not a product problem", "driver error, not a hardware defect": a label by contrast with the product. */
const CONTRAST_LABEL = w(String.raw`(?:user|driver|operator|customer|human|people|person|wetware|meatware|technician|installer)\s+(?:error|problem|issue|mistake|fault)s?\s*[,;]?\s*(?:and\s+)?not\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:defect|problem|issue|bug|fault|error|failure)`);

const RULES: Rule[] = [
  // ── labels that end the inquiry
  {
    re: CONTRAST_LABEL,
    check: (ctx, m) => (rejected(ctx) || negatedBefore(ctx, m.index) || REPORTED.test(ctx.text.slice(0, m.index)) ? undefined : candidate('label', ctx, [m.index, m.index + m[0].length])),
  },
  {
    re: LABELS,
    // A quoted label counts when the sentence records it as the finding ("resolved with the tag 'user error'").
    // So does a quoted record that names itself: "marked the case 'resolved: operator error'".
    quoted: (ctx, quote) => (RECORDED_AS.test(ctx.text.slice(0, quote[0])) || RECORD_QUOTE.test(ctx.text.slice(quote[0] + 1, quote[1]))) && !rejected(ctx),
    check(ctx, m) {
      // "human factors" is a field of study; as the cause it is a label.
      if (/^human\s+factors?/i.test(m[0]) && !/\b(?:root\s+cause|cause|caused|due\s+to|blame|responsible|verdict|conclusion|finding)\b/i.test(ctx.text)) return undefined;
      if (/^(?:osi\s+)?layer[\s-]?8/i.test(m[0]) && !/^osi/i.test(m[0]) && !/\s(?:issue|error|problem)$/i.test(m[0]) && !/^\s*(?:strikes|again|at\s+work|problem)/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      const after = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 24);
      // "user-error page", "human error budget", "user errors in the form": technical uses.
      if (/^-\w|^\s*(?:detection|detector|model|classifier|prevention|jokes?|memes?|banter|jibes?|quips?|gags?|remarks?|comments?|emojis?|gifs?|stickers?|t-shirts?|mugs?|reduction|tracking|page|message|screen|state|rate|rates|budget|code|codes|handling|path|log|logs|count|counter|metric|type|class|dialog|modal|banner|toast|flow|field)\b/i.test(after)) return undefined;
      if (/errors$/i.test(m[0]) && !/human/i.test(m[0])) return undefined;
      // "… harder to misuse, so that a human error cannot pick the wrong region": a safeguard against the slip, not a verdict.
      if (/\b(?:so\s+that|so|prevent\w*|avoid\w*|against|stop\w*)\s+(?:a\s+|an\s+|any\s+|one\s+)?(?:single\s+)?$/i.test(ctx.text.slice(Math.max(0, m.index - 20), m.index)) && /^\s*(?:cannot|can't|can\s+no\s+longer|won't|will\s+not|no\s+longer|never)\b/i.test(after)) return undefined;
      // "the memes about PEBKAC in the channel": banter about the label, not the cause.
      if (/\b(?:jokes?|joking|memes?|banter|jibes?|quips?|gags?|remarks?|comments?|teasing)\s+(?:about|on|re|of)\s+(?:the\s+)?$/i.test(ctx.text.slice(Math.max(0, m.index - 30), m.index))) return undefined;

      if (rejected(ctx) || negatedBefore(ctx, m.index)) return undefined;
      // A program's message, quoted: "Log line: ERROR operator error: invalid region".
      if (/\b(?:ERROR|WARN(?:ING)?|FATAL|CRITICAL|INFO|DEBUG|E\d{3,5})\s*:?\s*$/.test(ctx.text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
      // "We are not going to write this up as human error", "we won't record it as operator error".
      if (/\b(?:not|never|won't|refuse\s+to)\s+(?:going\s+to\s+|gonna\s+)?(?:write|record|file|log|call|label|classify|chalk|mark|treat|put)\s+(?:this|it|that)(?:\s+(?:up|down|off))?\s+(?:as|to)\s+['"‘“]?$/i.test(ctx.text.slice(Math.max(0, m.index - 60), m.index))) return undefined;
      // "The first draft called this operator error; the review replaced that with …": a label reported and then withdrawn.
      if ((REPORTED.test(ctx.text.slice(0, m.index)) || /\b(?:call(?:ed|s)|label(?:l?ed|s)|record(?:ed|s)|logg(?:ed|s)|fil(?:ed|es)|classif(?:ied|ies)|mark(?:ed|s)|tagg(?:ed|s))\s+(?:this|it|that|the\s+[\w-]+)\s+(?:as\s+)?['"‘“]?$/i.test(ctx.text.slice(0, m.index))) && /\b(?:replac\w+|rewr(?:o|i)te\w*|remov\w+|struck|withdr[ae]w\w*|retract\w*|correct\w+|disagree\w*|overturn\w*)\b/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      // A generic risk, not the cause: "to reduce human error", "prone to human error", "the chance of human error",
      // "a risk of compromise through malice or operator error".
      if (/\b(?:risks?|chance|likelihood|possibility|exposure|threat)\s+of\s+[^.;]{0,40}?\b(?:through|via|from|by|or|and)\s+(?:[\w-]+\s+){0,3}$/i.test(ctx.text.slice(Math.max(0, m.index - 80), m.index))) return undefined;
      if (/\b(?:reduc\w*|minimi[sz]\w*|avoid\w*|prevent\w*|prone\s+to|risk\s+of|chance\s+of|room\s+for|likelihood\s+of|possibility\s+of|eliminat\w*|less|fewer|against|guard\w*)\s+(?:(?:the|any|of)\s+)?$/i.test(ctx.text.slice(Math.max(0, m.index - 30), m.index))) return undefined;
      return candidate('label', ctx, [m.index, m.index + m[0].length]);
    },
  },
  // ── attribution
  {
    // "Priya's fault", "the intern's mistake", "Aleksander's screw-up", "the support team's doing", "Ivana's bad merge"
    re: w(String.raw`fault|faults|mistake|mistakes|error|errors|failures?(?=\s+(?:on\s+the\s+part\s+of|by)\s)|oversight|omission|non-?compliance|negligence|carelessness|screw-?up|blunder|misconfiguration|slip|lapse|typo|doing|misstep|gaffe|goof|failure\s+to\s+[\w-]+|incompetence|sloppiness|inattention|ignorance|laziness|bad\s+(?:merge|push|deploy|change|call|decision|commit|config|edit)|(?:call|decision|idea|choice)(?<=^\W{0,3}(?:skipping|ignoring|bypassing|disabling|overriding|silencing|muting|not\s{1,3}testing|not\s{1,3}waiting|not\s{1,3}checking|deploying\s{1,3}on\s{1,3}a\s{1,3}friday)\b[^.;]{1,60}?(?:was|is)\s{1,3}(?:entirely\s{1,3}|all\s{1,3}|solely\s{1,3})?\S{1,30}(?:'s|s'|’s)\s{1,3}(?:call|decision|idea|choice))|(?:fault|mistake|error)s?\s+entirely`),
    check(ctx, m) {
      const k = ctx.tokenAt(m.index);
      let owner = -1;
      for (let i = k - 1; i >= 0 && k - i <= 3; i--) {
        if (!ctx.tokens[i].word) break;
        if (POSSESSIVE.test(ctx.tokens[i].lw) || /^(?:his|her|their|my|your)$/.test(ctx.tokens[i].lw)) {
          owner = i;
          break;
        }
        if (!/^(?:own|big|huge|simple|silly|stupid|entire|sole|obvious|single|careless|sloppy|bad|typo|one|costly|avoidable|basic|repeated)$/.test(ctx.tokens[i].lw)) break;
      }
      if (owner >= 0) {
        const agent = classifyAt(ctx.tokens, owner);
        if (!person(agent) || negatedBefore(ctx, ctx.tokens[agent.from].start) || REPORTED.test(ctx.text.slice(0, ctx.tokens[agent.from].start))) return undefined;
        return candidate('attribution', ctx, [m.index, m.index + m[0].length], agent);
      }
      if (/^(?:doing|bad|slip|typo)/i.test(m[0])) return undefined;
      // "a mistake by the database administrator", "errors by the platform team", "mistakes by the vendor's field technician"
      const rest = ctx.text.slice(m.index + m[0].length);
      // "An oversight on the product manager's part".
      const onPart = /^\s+on\s+((?:[\w@.-]+\s+){0,3}?[\w@.-]+(?:'s|s'|’s))\s+part\b/i.exec(rest);
      if (onPart) {
        const owner = classifyAt(ctx.tokens, ctx.tokenAt(m.index + m[0].length + onPart[0].indexOf(onPart[1]) + onPart[1].length - 1));
        if (person(owner) && !negatedBefore(ctx, m.index) && !rejected(ctx)) return candidate('attribution', ctx, [m.index, m.index + m[0].length + onPart[0].length], owner);
      }
      const by = /^\s+(?:(?:was|were)\s+)?(?:(?:made|committed|introduced)\s+)?(?:by|on\s+the\s+part\s+of|from|of)\s+/i.exec(rest);
      // "Catch all errors from Cloudinary": errors from a service are what it returned, not a failing of a person.
      if (by && !(/^errors?$/i.test(m[0]) && /\bfrom\s+$/i.test(by[0]))) {
        const head = headFrom(ctx.tokens, ctx.tokenAt(m.index + m[0].length + by[0].length));
        const agent = head === undefined ? undefined : classifyAt(ctx.tokens, head);
        if (!person(agent) || negatedBefore(ctx, m.index) || REPORTED.test(ctx.text.slice(0, m.index))) return undefined;
        return candidate('attribution', ctx, [m.index, m.index + m[0].length + by[0].trimEnd().length], agent);
      }
      // "The fault was Arjun's (for not double-checking the region)": the fault given to a person by a predicate possessive.
      const theirs = /^\s+(?:was|is)\s+(?:entirely\s+|all\s+|solely\s+|squarely\s+|clearly\s+)?([\w@.-]+(?:'s|s'|’s))(?=\s*(?:[,.;:!]|$|\s(?:for|and|alone|too|to\s+own)\b))/i.exec(rest);
      if (theirs && /^(?:fault|mistake|error|oversight|blunder|screw-?up)$/i.test(m[0])) {
        const owner = classifyAt(ctx.tokens, ctx.tokenAt(m.index + m[0].length + theirs[0].length - 1));
        if (person(owner) && !negatedBefore(ctx, m.index) && !rejected(ctx) && !REPORTED.test(ctx.text.slice(0, m.index)) && !hypotheticalBefore(ctx.text.slice(0, m.index))) return candidate('attribution', ctx, [m.index, m.index + m[0].length + theirs[0].length], owner);
      }
      // Nouns that always mean a person's failing: "sheer negligence", "carelessness".
      if (/^(?:negligence|carelessness)$/i.test(m[0]) && !negatedBefore(ctx, m.index) && !rejected(ctx) && !REPORTED.test(ctx.text.slice(0, m.index))) return candidate('judgement', ctx, [m.index, m.index + m[0].length]);
      return undefined;
    },
  },
  {
    // "caused by Dave", "the culprit was the intern", "blame lies with", "Ops is to blame", "comes down to one engineer", "Root cause: the intern"
    re: w(String.raw`(?:caused|triggered|introduced|made|committed|started|broken|let\s+through)\s+by|(?:was|were|got|had\s+been|has\s+been)\s+(?:accidentally\s+|mistakenly\s+)?(?:wiped|deleted|dropped|truncated|destroyed|overwritten|corrupted|leaked|exposed|misconfigured|erased)\s+by|(?:the\s+)?(?:real\s+|true\s+|main\s+)?(?:culprit|guilty\s+party)(?:\s*,[^,.;]{1,25},)?\s+(?:\w+\s+)?(?:was|is|:)|blame\b[^.;]{0,60}?\b(?:lies|rests|falls|goes|sits)\s+(?:\w+\s+)?(?:with|on|to)|responsibility\b[^.;]{0,60}?\b(?:lies|rests|falls|sits)\s+(?:\w+\s+)?(?:with|on)|(?:is|was|are|were)\s+(?:entirely\s+|solely\s+|fully\s+|partly\s+)?to\s+blame|blamed|at\s+fault|(?:comes?|came)\s+down\s+to|boils?\s+down\s+to|traces?\s+back\s+to|belongs\s+to|(?:root|primary|main|real|immediate|underlying)\s+cause\s*(?::|was|is)(?:\s+(?:identified|determined|found|confirmed|traced)\s+(?:as|to\s+be))?|(?:the\s+)?cause\s+of\s+(?:the|this|our|that)\s+(?:[\w-]+\s+)?(?:outage|incident|failure|problem|issue|downtime|breach|loss|corruption|leak)\s+(?:was|is)|(?:fault|cause|culprit|responsible|factor)(?:\s*#?\d{1,2})?(?:\s*\([^()]{1,20}\))?\s*(?::|—|–)|guess\s+who|(?:is|was)\s+(?:all\s+|squarely\s+|entirely\s+|firmly\s+)?on|(?:this's|that's|it's|one's|this’s|that’s|it’s|one’s)\s+(?:all\s+|squarely\s+|entirely\s+|firmly\s+)?on|(?:the\s+)?(?:person|engineer|developer|individual|party|one)\s+responsible(?:\s+for)?|the\s+reason\b[^.;]{0,60}?\bis\s+that|the\s+(?:real\s+|actual\s+)?(?:problem|issue|trouble)\s+(?:here\s+)?(?:is|was)\s+that|(?:is|was)\s+why|(?:that's|this's|that’s|this’s)\s+(?:why|how)|(?:which|that)\s+(?:is|was)\s+how|(?:is|was|are|were)\s+(?:solely\s+|directly\s+|entirely\s+|fully\s+)?responsible\s+for\s+(?:the|this|an?|our)\s+(?:\w+\s+){0,2}(?:outage|incident|failure|downtime|problem|issue|loss|breach|crash|errors?|bug|regression|damage|mess|leak)|it\s+was(?=\s+\S+(?:\s+\S+){0,3}\s+who\b)`),
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index))) return undefined;
      const phrase = m[0].toLowerCase();
      const end = m.index + m[0].length;
      // "The restart had been triggered by Lassie": an event, not a failure, was started by someone.
      // "was deleted by Henrik after confirming …", "wiped by the refresh job, as designed": the planned action.
      if (/^(?:was|were|got|had|has)\s/.test(phrase) && (sanctioned(ctx.text) || hypotheticalBefore(ctx.text.slice(0, m.index)))) return undefined;
      if (/^(?:triggered|started|introduced|made|committed)\s+by$/.test(phrase)) {
        const subject = subjectBefore(ctx.tokens, ctx.tokenAt(m.index));
        // …unless what was introduced is itself broken: "the corrupted ledger entries were introduced by …".
        const damaged = ctx.tokens.slice(subject.from, subject.to).some((t) => /^(?:corrupt\w*|broken|bad|bogus|malformed|invalid|duplicated?|wrong)$/.test(t.lw));
        if (subject.kind === 'system' && !FAILURE_NOUNS.test(stripPossessive(ctx.tokens[subject.to].lw)) && !damaged) return undefined;
      }
      let agent: Agent | undefined;
      // "The culprit is whoever disabled the backup job": a culprit is pointed at.
      const whoever = ctx.tokens[ctx.tokenAt(end)];
      if (/(?:was|is|:)$/.test(phrase.trim()) && whoever && /^(?:whoever|whomever)$/.test(whoever.lw)) return candidate('attribution', ctx, [m.index, whoever.end], { kind: 'person', from: ctx.tokenAt(end), to: ctx.tokenAt(end) });
      if (/(?:by|with|on|to|was|is|:|that|as|be)$/.test(phrase.trim())) {
        const head = headFrom(ctx.tokens, ctx.tokenAt(end));
        agent = head === undefined ? undefined : companyVendor(ctx.tokens, head) ?? classifyAt(ctx.tokens, head);
        // "The reason … is that Chidi renamed the bucket": the subject after "that" must act.
        if (agent && /that$/.test(phrase) && person(agent)) {
          const verb = ctx.tokens[agent.to + 1];
          if (!verb || !verb.word || CREDIT_VERBS.has(verb.lw)) agent = undefined;
          // "The problem is that Jakob doesn't look at it" (not "the problem is that Ana was on leave"): a lapse of theirs.
          else if (/(?:problem|issue|trouble)\b/.test(phrase) && (!(pastVerb(verb) || /^(?:doesn't|didn't|never|won't|can't|couldn't|wouldn't|refuses|refused|keeps|ignores|skips|forgets)$/.test(verb.lw)) || /^(?:was|were|is|are)$/.test(verb.lw))) agent = undefined;
        }
        if (agent && !person(agent)) {
          // "mistakes by the vendor's field technician", "the auditor's sloppy review": an owned noun phrase;
          // "a single bad decision by the on-call engineer": the agent after "by".
          // Only for what a person does ("a bad decision", "Ivana's change"), not for their tools ("a fuzzer developed by Marius").
          if (ACTION_NOUNS.test(stripPossessive(ctx.tokens[agent.to].lw))) agent = ownerOf(ctx.tokens, agent) ?? agentAfterBy(ctx.tokens, agent.to + 1) ?? agent;
        }
      }
      if (!person(agent)) {
        if (/^(?:(?:which|that)\s+)?(?:(?:is|was)|(?:that|this)['’]s)\s+(?:why|how)$/.test(phrase) || /^blamed$/.test(phrase) || /^(?:is|was|are|were).*to\s+blame$/.test(phrase) || /^at\s+fault$/.test(phrase) || /^(?:is|was|are|were)\s.*responsible\s+for\s/.test(phrase)) {
          const subject = subjectBefore(ctx.tokens, ctx.tokenAt(m.index));
          // "…, which is how" names a cause only when a failure follows (below); "which is how the rollback took six minutes" is credit.
          agent = /how$/.test(phrase) ? undefined : person(subject) ? subject : subject.kind === 'system' ? ownerOf(ctx.tokens, subject) : undefined;
          // "Pavel's half-hearted testing … is why": the owner of the subject.
          if (!agent && /why$/.test(phrase)) {
            agent = possessorBefore(ctx.tokens, ctx.tokenAt(m.index));
          }
          // "Prakash kept the DB password in a shared sheet, that is why the breach happened": the person of the clause before,
          // when what follows is the failure.
          const k = ctx.tokenAt(m.index);
          const pointer = /^(?:is|was)\s/.test(phrase) ? k - 1 : k;
          if (!agent && /(?:why|how)$/.test(phrase) && /^(?:that|this|which|that's|this's|that’s|this’s)$/.test(ctx.tokens[pointer]?.lw ?? '') && ctx.tokens[pointer - 1]?.text === ',' && FAILURE_CUE.test(ctx.text.slice(m.index + m[0].length)) && !GOOD_OUTCOME.test(ctx.text) && !RECOVERY.test(ctx.text.slice(m.index + m[0].length))) {
            agent = subjectOfClauseBefore(ctx.tokens, pointer - 1);
          }
        }
      }
      // "It was Dimitra who realised …": a cleft that credits someone.
      if (/^it\s+was$/.test(phrase) && person(agent)) {
        const who = ctx.tokens.findIndex((t, i) => i > agent!.to && t.lw === 'who');
        const verb = who === -1 ? undefined : ctx.tokens[who + 1];
        if (!verb || !verb.word || CREDIT_VERBS.has(verb.lw) || /^(?:first|quickly|finally|eventually|was|had|then)$/.test(verb.lw)) return undefined;
      }
      // "Guess who the culprit was this time?", "Guess who forgot to renew the certificate": a culprit is pointed at.
      if (/^guess\s+who$/.test(phrase)) return candidate('attribution', ctx, [m.index, end]);
      // "the person responsible": a culprit is being looked for.
      if (/responsible(?:\s+for)?$/.test(phrase) && /^(?:the\s+)?(?:person|engineer|developer|individual|party|one)/.test(phrase)) return candidate('attribution', ctx, [m.index, end]);
      if (!person(agent) || generic(ctx.tokens, agent)) return undefined;
      // "This one is on Dave", "that one's on Thabo", "the incident is on the platform team" (not "the fix is on the roadmap").
      if (/\bon$/.test(phrase) && !/^(?:this|that|it|one)['’]s\b/.test(phrase) && !/^(?:this|it|that|incident|outage|failure|one|bug|problem|mess|downtime|breach|release|rollout|migration|deploy|deployment|upgrade|loss|leak|corruption|regression)$/.test(ctx.tokens[ctx.tokenAt(m.index) - 1]?.lw ?? '')) return undefined;
      // "It's on Tom to fix the alerting": work handed over, not a failure.
      if (/\bon$/.test(phrase) && ctx.tokens[agent.to + 1]?.lw === 'to') return undefined;
      if (/^blamed$/.test(phrase) && /\b(?:we|nobody|no one)\b/i.test(ctx.text.slice(0, m.index))) return undefined;
      return candidate('attribution', ctx, [m.index, end], agent);
    },
  },
  {
    // The failure put on whoever is named after: "attributable to the contractor", "pinned the loss on the technician",
    // "laid at the storage team's door", "look no further than the firmware contractor", "courtesy of Kev", "the fault lies with",
    // "put this one down to the Android folks", "all signs point to @jpatel's merge as the source".
    re: w(String.raw`the\s+buck\s+stops\s+(?:with|at)|^\W*at\s+fault\s*[:—–-]|chalk(?:ed|s|ing)?\s+(?:this|it|that|the\s+[\w-]+)(?:\s+[\w-]+)?\s+up\s+to|trac(?:es|ed)\s+(?:straight\s+|directly\s+|right\s+|squarely\s+)?back\s+to|(?:attribut(?:able|ed)|ascrib(?:able|ed)|traceable|traced(?:\s+back)?|blamed|chalk(?:ed|s)?\s+up|(?:is|was|are|were)\s+(?:all\s+|entirely\s+|largely\s+|mostly\s+|squarely\s+|solely\s+)?down)\s+(?:entirely\s+|squarely\s+|solely\s+|directly\s+)?(?:to|on)|put\s+(?:this(?:\s+one)?|it|that|the\s+whole\s+thing|the\s+\w+|all\s+of\s+this)\s+down\s+to|pin(?:ned|s|ning)?\b[^.;]{0,50}?\bon|(?:lay|lays|laid|laying|place[sd]?|placing)\s+(?:the\s+)?(?:blame|fault|responsibility)\s+(?:squarely\s+)?(?:on|with|at)|(?:laid|lay|lays|left)\s+at|at\s+the\s+(?:door|doorstep|feet)\s+of|look\s+no\s+further\s+than|courtesy\s+of|(?:fault|blame|responsibility|culpability|onus|liability|error|mistake)\b[^.;]{0,40}?\b(?:lies|lay|rests|rested|falls|fell|sits|sat|goes|went|belongs|lands|landed|must\s+go|should\s+go|has\s+to\s+go|is\s+squarely)\s+(?:squarely\s+|entirely\s+|solely\s+|firmly\s+|mostly\s+|largely\s+)?(?:with|on|to|at)|(?:signs|evidence|everything|fingers?|logs?)\s+points?\s+(?:squarely\s+|directly\s+|clearly\s+)?(?:to|at)|whose\s+(?:[\w-]+\s+)?(?:fault|mistake|error|oversight|doing|screw-?up|blunder|bad\s+call|call|decision|slip|typo|lapse|blunder)`),
    check(ctx, m) {
      const phrase = m[0].toLowerCase();
      // "If you want someone to blame, look no further than …" is an idiom, not a hypothetical.
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index)) || hypotheticalBefore(ctx.text.slice(0, m.index)) && !/^look/.test(phrase)) return undefined;
      const end = m.index + m[0].length;
      let agent: Agent | undefined;
      if (/^whose/.test(phrase)) {
        // "Whose fault was the DNS outage?": looking for a culprit.
        if (!ctx.tokens.slice(0, ctx.tokenAt(m.index)).some((t) => t.word) && /\?\s*$/.test(ctx.text)) return candidate('attribution', ctx, [m.index, end]);
        // "The TPM, whose mistake this ultimately was": the noun phrase before "whose".
        let i = ctx.tokenAt(m.index) - 1;
        if (i >= 0 && ctx.tokens[i].text === ',') i--;
        agent = i >= 0 ? classifyAt(ctx.tokens, i) : undefined;
      } else {
        const head = headFrom(ctx.tokens, ctx.tokenAt(end));
        agent = head === undefined ? undefined : classifyAt(ctx.tokens, head);
        // "The error lies with whoever approved the change".
        const whoever = ctx.tokens[ctx.tokenAt(end)];
        if (whoever && /^(?:whoever|whomever)$/.test(whoever.lw)) agent = { kind: 'person', from: ctx.tokenAt(end), to: ctx.tokenAt(end) };
        // "at the storage team's door", "@jpatel's merge": the owner of what is named.
        // "a slip by Mwajuma": the agent after "by".
        if (agent && !person(agent) && (/^(?:door|doorstep|feet|hands|part)$/.test(ctx.tokens[agent.to].lw) || ACTION_NOUNS.test(stripPossessive(ctx.tokens[agent.to].lw)))) agent = ownerOf(ctx.tokens, agent) ?? agentAfterBy(ctx.tokens, agent.to + 1) ?? agent;
      }
      if (!person(agent) || generic(ctx.tokens, agent)) return undefined;
      // "points to X" only as the source or cause; "courtesy of X" only for what went wrong.
      if (/points?\s/.test(phrase) && !/\bas\s+the\s+(?:source|cause|culprit|origin|trigger|root)|\bas\s+(?:responsible|at\s+fault)/i.test(ctx.text.slice(end))) return undefined;
      if (/^courtesy/.test(phrase)) {
        const subject = subjectBefore(ctx.tokens, ctx.tokenAt(m.index));
        if (!(subject.kind === 'system' && FAILURE_NOUNS.test(stripPossessive(ctx.tokens[subject.to].lw)))) return undefined;
      }
      return candidate('attribution', ctx, [m.index, /^whose/.test(phrase) ? end : Math.max(end, ctx.tokens[agent.to].end)], agent);
    },
  },
  {
    // "This was not a malfunction of PyPI, rather the user's account was not protected": the fault moved from the system to a person.
    re: new RegExp(String.raw`(?:(?<![\p{L}\p{N}_'’-])(?:not|never)|(?<=\p{L})n't)\s+(?:due\s+to\s+|caused\s+by\s+)?(?:a|an|the|any)?\s*(?:[\w-]+\s+){0,2}?(?:malfunction|bug|defect|vulnerability|flaw|failure|fault|problem|issue|outage|error)\b[^.;]{0,80}?[,;]\s*(?:but\s+rather|rather|but|instead)(?=\s)`, 'giu'),
    check(ctx, m) {
      if (REPORTED.test(ctx.text.slice(0, m.index)) || hypotheticalBefore(ctx.text.slice(0, m.index))) return undefined;
      const head = headFrom(ctx.tokens, ctx.tokenAt(m.index + m[0].length));
      if (head === undefined) return undefined;
      let agent: Agent | undefined = classifyAt(ctx.tokens, head);
      if (!person(agent)) agent = ownerOf(ctx.tokens, agent);
      if (!person(agent) || ctx.tokens[head].lw === 'we') return undefined;
      return candidate('attribution', ctx, [m.index, ctx.tokens[head].end], agent);
    },
  },
  {
    // "Bongani caused the payroll double-run", "one person, Sofía, caused the outage", "the supervisor who caused the mismatch",
    // "Whoever approved that change owns last night's 502s".
    re: w(String.raw`caus(?:ed|es)(?!\s+by\b)|owns|owned|(?:is|was|are|were)\s+on\s+the\s+hook\s+for`),
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index)) || hypotheticalBefore(ctx.text.slice(0, m.index))) return undefined;
      const k = ctx.tokenAt(m.index);
      const next = ctx.tokens[k + (m[0].split(/\s+/).length)];
      if (!next || !next.word || /^(?:no|nothing|none)$/.test(next.lw)) return undefined;
      let agent: Agent | undefined = subjectBefore(ctx.tokens, k);
      // "Ola's migration caused the outage" (what a person did), not "a change in Versionista's behaviour caused …".
      if (agent.kind === 'system') agent = (ACTION_NOUNS.test(stripPossessive(ctx.tokens[agent.to].lw)) ? ownerOf(ctx.tokens, agent) : undefined) ?? (/^whoever\b/i.test(ctx.text) ? classifyAt(ctx.tokens, 0) : agent);
      if (!person(agent) || generic(ctx.tokens, agent) || !specific(ctx.tokens, agent) && !/^(?:whoever|someone|somebody)$/.test(ctx.tokens[agent.to].lw)) return undefined;
      // What they own or cause is a failure: "owns the 502s", not "owns the runbook".
      const objectHead = headFrom(ctx.tokens, k + m[0].split(/\s+/).length);
      const object = objectHead === undefined ? '' : stripPossessive(ctx.tokens[objectHead].lw);
      if (!/^caus/.test(m[0].toLowerCase()) && !FAILURE_NOUNS.test(object)) return undefined;
      if (/^caus/.test(m[0].toLowerCase()) && /^(?:us|me|them|it)$/.test(next.lw) && !FAILURE_NOUNS.test(object)) return undefined;
      return candidate('attribution', ctx, [m.index, objectHead === undefined ? m.index + m[0].length : ctx.tokens[objectHead].end], agent);
    },
  },
  {
    // "because Dave pushed a bad config", "because of Mei's typo": a person's action given as the cause.
    re: w(String.raw`because(?:\s+of)?|since|due\s+to`),
    check(ctx, m) {
      const k = ctx.tokenAt(m.index + m[0].length);
      const head = headFrom(ctx.tokens, k);
      if (head === undefined) return undefined;
      let agent = companyVendor(ctx.tokens, head) ?? classifyAt(ctx.tokens, head);
      // "because of Mei's typo" is hers; "because their control plane pushed …" is the vendor's system.
      if (agent.kind === 'system' && ACTION_NOUNS.test(stripPossessive(ctx.tokens[agent.to].lw))) agent = ownerOf(ctx.tokens, agent) ?? agent;
      if (!person(agent) || !specific(ctx.tokens, agent)) return undefined;
      // "because the PCF Operations Manager failed a health check": a product named by its vendor's acronym and a role word.
      let leadAt = agent.from;
      while (leadAt < agent.to && /^(?:the|a|an|our|their|its)$/.test(ctx.tokens[leadAt].lw)) leadAt++;
      // "due to Uneven IAVL Tree Heights": …or anywhere before the head.
      const after = ctx.tokens[agent.to + 1];
      if (ctx.tokens.slice(leadAt, agent.to).some(productAcronym) || (after && productAcronym(after) && !FIRST_NAMES.has(stripPossessive(ctx.tokens[agent.to].lw)))) return undefined;
      let verbAt = head + 1;
      let verb = ctx.tokens[verbAt];
      // "because Elif, who was in her first week on the team, ran a command …": the verb after the relative clause.
      if (verb?.text === ',' && /^(?:who|whom)$/.test(ctx.tokens[head + 2]?.lw ?? '')) {
        const close = ctx.tokens.findIndex((t, i) => i > head + 2 && i <= head + 30 && t.text === ',');
        if (close !== -1) {
          verbAt = close + 1;
          verb = ctx.tokens[verbAt];
        }
      }
      // "because the operator did exactly what the runbook said": the reason clears the person.
      if (sanctioned(ctx.text.slice(m.index))) return undefined;
      // "because the Diego Brain periodically re-publishes …": what something always does is no one's lapse.
      if (verb && /^(?:periodically|automatically|regularly|always|usually|normally|routinely|constantly|continuously)$/.test(verb.lw)) return undefined;
      // "because the Diego Brain …": a name followed by a capitalised noun is a product's name.
      if (verb && /^\p{Lu}\p{Ll}/u.test(verb.text) && !pastVerb(verb)) return undefined;
      // "because the DBA had disabled the replica": the participle is the verb.
      const participle = ctx.tokens[head + 2];
      if (verb && /^(?:had|has|have)$/.test(verb.lw) && participle && pastVerb(participle) && !CREDIT_VERBS.has(participle.lw) && !/^(?:been|had|known|seen|heard|received|got|gotten|told|asked|given)$/.test(participle.lw)) {
        verbAt = head + 2;
        verb = participle;
      }
      if (!/of$|due\s+to$/i.test(m[0])) {
        if (!verb || !verb.word) return undefined;
        // Credit, chance and states: "because Ann happened to look at the dashboard", "because she wanted to leave early".
        // Inability is not a lapse either: "the service is down because they couldn't authenticate" (unless "couldn't be bothered").
        // Not having something is a state: "validators errored out since they didn't have the contract on disk".
        if (/^(?:didn['’]t|doesn['’]t|don['’]t)$/.test(verb.lw) && ctx.tokens[verbAt + 1]?.lw === 'have') return undefined;
        const unable = /^(?:couldnot|couldn't|cannot|can't)$/.test(verb.lw) && !/^\s+(?:be\s+)?(?:bothered|trusted|relied)\b/i.test(ctx.text.slice(verb.end));
        if (unable || CREDIT_VERBS.has(verb.lw) || /^(?:insisted|argued|persisted|happened|was|were|is|are|had|has|kept|stayed|knew|remembered|asked|told|called|wanted|needed|decided|assumed|thought|expected|believed|used|uses|could|would|will|can)$/.test(verb.lw)) {
          // …unless what follows is itself a lapse ("because she assumed the cache would absorb the spike" is the author's hindsight on a skip).
          return undefined;
        }
      }
      // …not when the sentence gives the system as the reason: "since Tomás's routine rotation took the gateway down through an undocumented dependency".
      if (CHECKED_CHANGE.test(ctx.text.slice(m.index, ctx.tokens[agent.to].end + 40)) || SYSTEMIC_CAUSE.test(ctx.text.slice(ctx.tokens[agent.to].end))) return undefined;
      // Only when the sentence is about something going wrong.
      if (!/\b(?:down|outage|damage|harm|mess|fail\w*|broke\w*|error\w*|incident|lost|unavailable|crash\w*|stopped|bad|wrong|broken|deleted|corrupt\w*|late|delay\w*|impact\w*|stuck|leak\w*|expired|bricked|exposed|dropped|happened|stampede|loss|went\s+dark|double)\b/i.test(ctx.text)) return undefined;
      const end = verb && verb.word ? verb.end : ctx.tokens[agent.to].end;
      return candidate('attribution', ctx, [m.index, end], agent);
    },
  },
  // ── conduct
  {
    re: CONDUCT,
    check(ctx, m) {
      const trigger = m[0].toLowerCase();
      if (hypotheticalBefore(ctx.text.slice(0, m.index)) && !/\bhad\b/.test(trigger)) return undefined;
      // "rolled back the release and went back to bed once the graphs were flat": rest after the fix, not a page slept through.
      if (/back\s+to\s+(?:sleep|bed)$/.test(trigger) && /^[^.;]{0,20}?\b(?:once|after|when|as\s+soon\s+as)\b[^.;]{0,60}?\b(?:flat|stable|resolved|recovered|green|clear|normal|healthy|back\s+up|over)\b/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      // "didn't X" with a verb of credit or plain absence is not a lapse ("didn't have access", "never received the page").
      const neg = /^(?:did\s+not|didn't|never|failed\s+to|fails\s+to|refused\s+to|bothered\s+to|.*bother(?:ed)?\s+to)\s+(?:(?:properly|actually|even|really|fully|carefully|once|ever)\s+)?(\w+)$/.exec(trigger);
      if (neg && /^(?:be|been|being|have|get|receive|hear|need|want|expect|mean|see|find|seem|happen|exist|work|affect|impact|cause|know|make|encounter|experience|face|like|realize|realise|fail|break|change|do|feel|think|believe|agree|seem|appear|want|wish|intend|sleep|rest|eat)$/.test(neg[1]) && !/bother/.test(trigger)) return undefined;
      if (sanctioned(ctx.text)) return undefined;
      // "On his own initiative, Baptiste stayed late to rebuild the index" is credit; "… truncated the audit table" is not.
      if (/^on\s+(?:his|her|their)\s+own\s+initiative/.test(trigger) && !/\b(?:truncat|delet|drop|wip|remov|disabl|restart|reboot|overwr|purg|kill|push|deploy|merg|chang|edit|rewr|turn|switch|upgrad|migrat)\w*/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      // "broke the dependency between the queue and …", "broke the glass": a deliberate cut, often the mitigation.
      if (/^broke\s+the\s+(?:dependency|dependencies|link|loop|cycle|tie|deadlock|glass|seal|silence|news|record|circular)\b/.test(trigger)) return undefined;
      // "missed the standup", "missed the retro": a meeting, not a signal.
      if (/^missed\b/.test(trigger) && /^\s*(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+)?(?:standup|stand-up|meeting|retro|retrospective|sync|call|demo|lunch|party|offsite|all-hands|1:1|one-on-one|train|bus|flight)s?\b/i.test(ctx.text.slice(m.index + 6, m.index + 50))) return undefined;
      // "a channel no one watched", "a dashboard nobody checked": a reduced relative clause about a thing, which is unwatched.
      if (/^(?:nobody|no\s+one|no-one)\b/.test(trigger)) {
        const before = ctx.tokens[ctx.tokenAt(m.index) - 1];
        if (before && before.word && !CLAUSE_BREAK.has(before.lw) && !isAux(before.lw) && !/^(?:that|and|but|so|then|yet|here|just|simply)$/.test(before.lw) && !(/ly$/.test(before.lw) && ctx.tokenAt(m.index) === 1)) return undefined;
      }
      // "To mitigate the impact, engineers …": what responders did to fix it.
      if (/^\W*(?:to\s+(?:mitigate|resolve|recover|restore|fix|stop|contain|limit|reduce|work\s+around|unblock|stabili[sz]e))\b/i.test(ctx.text)) return undefined;
      // "ignored the first alert, which was a known flapping check": triage of a signal known to be noise.
      if (/^(?:ignor|dismiss|disregard)/.test(trigger) && /\b(?:known|expected|documented)\s+(?:to\s+be\s+)?(?:flapping|flaky|noisy|false|spurious|benign|harmless)\b|\bfalse\s+(?:positive|alarm)\b/i.test(ctx.text.slice(m.index, m.index + 90))) return undefined;
      // "Hana broke the migration into batches": splitting, not breaking.
      if (/^broke\b/.test(trigger) && /^(?:\s+[\w-]+){0,4}?\s+(?:into|up|down|apart|out)\b/i.test(ctx.text.slice(m.index + 5, m.index + 60))) return undefined;
      // "did not mislead", "never ignored": a lapse denied.
      if (neg && /^(?:mis\w+|ignore|skip|break|forget|violate|bypass|overlook|neglect|lie|hide|cause|panic|rush|cut|disregard|abandon|breach)$/.test(neg[1])) return undefined;
      const agent = agentOf(ctx, m.index, m.index + m[0].length);
      // "Nobody reviewed it", "no one checked the row counts".
      if (/^(?:nobody|no\s+one|no-one)\b/.test(trigger)) return rejected(ctx) || hypotheticalBefore(ctx.text.slice(0, m.index)) ? undefined : candidate('conduct', ctx, [m.index, m.index + m[0].length]);
      if (agent.kind === 'nobody' && /bother/.test(trigger)) return candidate('conduct', ctx, [m.index, m.index + m[0].length], agent);
      // Not getting in is the outage happening to them: "Operator fails to log in", "customers failed to sign in", "… to check
      // out" (not "did not log in", "failed to log the change", "failed to check in the fix").
      const getIn = /^(?:failed|fails)\s+to\s+(login|signin|authenticate|log|sign|check)$/.exec(trigger);
      const particle = getIn && /^\s+(in|on|into|up|out)\b/i.exec(ctx.text.slice(m.index + m[0].length))?.[1].toLowerCase();
      if (getIn && (getIn[1] === 'check' ? particle === 'out' : !/^(?:log|sign)$/.test(getIn[1]) || (particle !== undefined && particle !== 'out'))) return undefined;
      // What happens to a thing or a network, whoever the subject: "did not receive logs", "did not reproduce the fork".
      if (/^(?:did\s+not|didn't|never|failed\s+to|fails\s+to)\s+(?:(?:properly|actually|even|really|fully)\s+)?(?:receive|recieve|reproduce|experience|encounter)$/.test(trigger)) return undefined;
      if (/^(?:did\s+not|didn't|never|failed\s+to)\s+trigger$/.test(trigger) && /^\s+(?:this|the|that|a|an|any)\s+(?:[\w-]+\s+)?(?:issue|bug|problem|error|failure|crash|regression|behaviou?r|fault)s?\b/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      // An unknown capitalised word doing what software does is a product ("Grafeas failed to index", "Velero did not back up").
      if (person(agent) && unknownName(ctx.tokens, agent) && MACHINE_LAPSE.test(trigger)) return undefined;
      // …or ignoring or skipping what software handles ("Zentry ignored the retry header"), for a reason in the system ("skipped the
      // migration because the lock was held").
      if (person(agent) && unknownName(ctx.tokens, agent) && /^(?:ignor|skipp|skips|forg|overlook|disregard)/.test(trigger)) {
        const after = ctx.text.slice(m.index + m[0].length);
        const object = /^\s+(?:the|a|an|its|all|every|any)\s+(?:[\w-]+\s+)?([\w-]+)/i.exec(after);
        const reason = /\b(?:because|since|as|when)\s+(?:the\s+|its\s+|a\s+)?([\w-]+)/i.exec(after);
        if (object && MACHINE_OBJECT.test(object[1])) return undefined;
        if (reason && MACHINE_OBJECT.test(reason[1])) return undefined;
      }
      // "Isaac missed the page because his phone was on the old escalation policy": the cause named is the system.
      if (person(agent) && /^(?:miss|forg|overlook|ignor|did\s+not|didn't|never|failed)/.test(trigger) && SYSTEM_REASON.test(ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 120))) return undefined;
      if (person(agent) && !generic(ctx.tokens, agent)) {
        // "The edge router ignored…" is a system; "the mobile devs ignored" a person; a question or a future is not a lapse.
        if (/^\s*(?:will|would|should|could|can|may|might|must|to)\b/.test(ctx.text.slice(ctx.tokens[agent.to].end, m.index))) return undefined;
        if (/^failed\s+to|^fails\s+to/.test(trigger) && CREDIT_VERBS.has(lastWord(trigger))) return candidate('conduct', ctx, [m.index, m.index + m[0].length], agent);
        return candidate('conduct', ctx, [m.index, m.index + m[0].length], agent);
      }
      // No subject at all: only for lapses no system commits ("Forgot to renew the certificate").
      if (agent.kind === 'none' && PERSONAL.test(trigger) && !ctx.inActionItem && ctx.tokenAt(m.index) === 0) return candidate('conduct', ctx, [m.index, m.index + m[0].length]);
      return undefined;
    },
  },
  {
    // An ordinary action made a lapse by its words: "Ewa checked the AWS secret key into a public repository".
    re: LAPSE,
    check(ctx, m) {
      if (hypotheticalBefore(ctx.text.slice(0, m.index)) || sanctioned(ctx.text)) return undefined;
      const trigger = m[0].toLowerCase();
      const tokens = ctx.tokens;
      // An adjunct after a comma belongs to the clause before it: "reset the MFA on one phone call, without verifying the caller".
      const adjunct = /^(?:without|rather|instead|so\s|against|contrary|ignoring|bypassing|never\s+mind)/.test(trigger);
      // The verb of the clause: the subject of the nearest verb to the left, within the clause.
      const k = ctx.tokenAt(m.index);
      let verb = -1;
      let byGerund = -1;
      let crossedComma = false;
      for (let i = k - 1, words = 0; i >= 0 && words < 14; i--) {
        const t = tokens[i];
        if (ctx.quotes.some(([a, b]) => t.start >= a && t.start < b)) continue;
        if (!t.word) {
          if (t.text === ',' && adjunct && !crossedComma && i === k - 1) {
            crossedComma = true;
            continue;
          }
          if (t.text === ',' || t.text === ';' || t.text === '.') break;
          continue;
        }
        words++;
        // "closed 140 tickets as resolved": a participle after "as" describes the object; the verb is before it.
        if (pastVerb(t) && i > 0 && tokens[i - 1].lw === 'as') {
          i--;
          continue;
        }
        if (pastVerb(t) || PRESENT_ACTION.test(t.lw) || perfectParticiple(tokens, i)) {
          verb = i;
          break;
        }
        // "Tomasz did, by merging straight to main": the doer of "by …ing".
        if (/ing$/.test(t.lw) && i > 0 && tokens[i - 1].lw === 'by') {
          verb = i;
          byGerund = i - 1;
          break;
        }
        // "the script he ran had a hard-coded endpoint": "had" is the verb of this clause, and a thing has it.
        if (/^(?:had|has|have|was|were|is|are)$/.test(t.lw) && i === k - 1 || /^(?:had|has|have)$/.test(t.lw) && tokens[i + 1] && /^(?:a|an|the|some|no)$/.test(tokens[i + 1].lw)) break;
        // "at once", "as 'confused customer'": prepositions, not clauses.
        const preposition = (t.lw === 'once' && tokens[i - 1]?.lw === 'at') || (t.lw === 'as' && tokens[i + 1] !== undefined && ctx.quotes.some(([a, b]) => tokens[i + 1].start >= a && tokens[i + 1].start < b));
        if (CLAUSE_BREAK.has(t.lw) && t.lw !== 'and' && !preposition) break;
      }
      // "Mistakenly, Luca deployed the beta build to every user": a fronted lapse adverb; the clause after the comma is the lapse.
      if (k === ctx.tokens.findIndex((t) => t.word) && LAPSE_ADVERB.test(trigger) && tokens[k + 1]?.text === ',') {
        const head = headFrom(tokens, k + 2);
        const subject = head === undefined ? undefined : classifyAt(tokens, head);
        if (person(subject) && !generic(tokens, subject) && tokens[subject.to + 1] && pastVerb(tokens[subject.to + 1])) return candidate('conduct', ctx, [m.index, tokens[subject.to + 1].end], subject);
      }
      // Lapse words that are themselves the verb ("overwrote", "accidentally deleted", "disabled the safety interlock", "merged his own PR").
      if (verb === -1 && SELF_LAPSE.test(trigger)) verb = k;
      if (LAPSE_ADVERB.test(trigger) && !DESTRUCTIVE.test(ctx.text.slice(Math.max(0, m.index - 30), m.index + 40))) return undefined;
      // "Anyway, …" opens a sentence; "restarted the database anyway" goes against something.
      if (trigger === 'anyway' && !tokens.slice(0, k).some((t) => t.word)) return undefined;
      // "dropped the users table while trying to reset her local database": a destructive slip.
      if (/^while\s/.test(trigger) && !(verb >= 0 && /^(?:deleted|dropped|wiped|truncated|destroyed|removed|overwrote|purged|erased|killed|terminated)$/.test(tokens[verb].lw))) return undefined;
      // "merged the hotfix before the tests had finished": only for what releases a change.
      if (/^before\s/.test(trigger) && !(verb >= 0 && /^(?:merged|deployed|shipped|promoted|released|pushed|approved|published|force-merged)$/.test(tokens[verb].lw))) return undefined;
      // A wrong target only matters for what destroys or changes something: "typed rm -rf on the live primary rather than the replica".
      // "deleted the tenant instead of suspending it": an irreversible action where a reversible one was meant.
      if (/^(?:rather\s+than|instead\s+of)\s+(?:just\s+)?[a-z]+ing\b/.test(trigger) && !/^(?:rather\s+than|instead\s+of)\s+(?:following|reading|running|checking|testing|verifying|consulting|reviewing|using|asking|escalating|pulling|looking|paging|filing|going|waiting)\b/.test(trigger)) {
        if (!(verb >= 0 && /^(?:deleted|dropped|wiped|truncated|destroyed|removed|killed|overwrote|purged|terminated|reset|erased|formatted)$/.test(tokens[verb].lw))) return undefined;
      }
      if (/^(?:rather\s+than|instead\s+of)\s+(?:on\s+|to\s+|in\s+|into\s+|from\s+)?(?:the|a|an)\b/.test(trigger)) {
        if (!(verb >= 0 && DESTRUCTIVE.test(tokens[verb].lw))) return undefined;
        // …and the target taken was the live one, the one meant a copy.
        const taken = ctx.text.slice(tokens[verb].end, m.index);
        const meant = ctx.text.slice(m.index + m[0].length, m.index + m[0].length + 40);
        if (!/\b(?:live|prod|production|mainnet|real|customer|customers'|primary)\b/i.test(taken) && !/^\s*(?:[\w-]+\s+){0,2}?(?:staging|test|testnet|sandbox|dev|replica|copy|backup|standby|secondary|local|scratch)\b/i.test(meant)) return undefined;
      }
      let agent: Agent | undefined;
      if (verb === -1) {
        // "Without so much as glancing at the diff, the TPM approved …", "Rather than reading the guide, the team upgraded …":
        // a fronted adjunct; the subject follows the comma.
        if (adjunct && !tokens.slice(0, k).some((t) => t.word)) {
          const comma = tokens.findIndex((t, i) => i > k && t.text === ',');
          const head = comma === -1 ? undefined : headFrom(tokens, comma + 1);
          const after = head === undefined ? undefined : tokens[head + 1];
          if (head !== undefined && after && after.word && (pastVerb(after) || SKIP.has(after.lw))) agent = classifyAt(tokens, head);
          if (person(agent)) return candidate('conduct', ctx, [m.index, m.index + m[0].length], agent);
        }
        // "Merged by Hugo without review", "LGTM'd by Hugo without a single comment": a participle opening the sentence, its by-agent.
        const opening = tokens.findIndex((t) => t.word);
        if (opening >= 0 && opening < k && tokens[opening + 1]?.lw === 'by' && (pastVerb(tokens[opening]) || pastForm(tokens[opening].lw)) && !CREDIT_VERBS.has(tokens[opening].lw)) {
          const fronted = agentAfterBy(tokens, opening + 1);
          if (fronted && person(fronted) && !generic(tokens, fronted)) return candidate('conduct', ctx, [tokens[opening].start, m.index + m[0].length], fronted);
        }
        // "A bad command typed by the night-shift operator": the agent of the passive after the words.
        const by = agentAfterBy(tokens, ctx.tokenAt(m.index + m[0].length));
        if (by && person(by) && /^(?:(?:a|an|the)\s+)?(?:unauthori[sz]ed|unapproved|incorrect|faulty|buggy|invalid|bad|broken|untested|unreviewed|wrong)/.test(trigger)) return candidate('attribution', ctx, [m.index, tokens[by.to].end], by);
        return undefined;
      }
      let verbToken = tokens[verb];
      if (CREDIT_VERBS.has(verbToken.lw) && !/^(?:checked|closed|restored|resolved)$/.test(verbToken.lw)) return undefined;
      if (byGerund >= 0) {
        const before = byGerund > 0 && tokens[byGerund - 1].text === ',' ? byGerund - 1 : byGerund;
        agent = subjectBefore(tokens, before);
      } else agent = subjectBefore(tokens, verb === k ? k : verb);
      // "The frontend team shipped the flag defaulted to on, against the plan": a participle after the object; the main verb is earlier.
      if (!person(agent) && agent.kind === 'system' && byGerund < 0 && verb !== k) {
        for (let i = agent.from - 1, words = 0; i >= 0 && words < 6; i--) {
          const t = tokens[i];
          if (!t.word) break;
          words++;
          if (CLAUSE_BREAK.has(t.lw)) break;
          if (!pastVerb(t)) continue;
          const earlier = subjectBefore(tokens, i);
          if (person(earlier) && !CREDIT_VERBS.has(t.lw)) {
            agent = earlier;
            verbToken = t;
          }
          break;
        }
      }
      if (agent.kind !== 'person' && agent.kind !== 'nobody') {
        const by = agentAfterBy(tokens, verb + 1);
        if (by && by.kind === 'person') agent = by;
      }
      if (!person(agent) || generic(tokens, agent)) return undefined;
      // "That made the operator put the focus in the wrong place": what the person did, the system led them to.
      const causative = /^(?:made|makes|led|leads|caused|causes|forced|forces|prompted|prompts|tricked|tricks|misled|misleads|steered|pushed|nudged|invited|encouraged|allowed|let)$/;
      if (causative.test(tokens[agent.from].lw) || (agent.from > 0 && causative.test(tokens[agent.from - 1].lw))) return undefined;
      if (/^\s*(?:will|would|should|could|can|may|might|must|to)\b/.test(ctx.text.slice(tokens[agent.to].end, verbToken.start))) return undefined;
      return candidate('conduct', ctx, [Math.min(verbToken.start, m.index), m.index + m[0].length], agent);
    },
  },
  {
    // "Despite the warnings, Igor went ahead with the migration" (the subject after the comma).
    re: w(String.raw`(?:despite|in\s+spite\s+of)\s+(?:the\s+|several\s+|repeated\s+|all\s+|three\s+|two\s+|multiple\s+|clear\s+)?(?:separate\s+|explicit\s+|written\s+)?(?:warnings?|alerts?|advice|objections?|concerns?|freeze|policy|red\s+flags?|failing\s+(?:tests?|checks?)|instructions?)|(?:despite|in\s+spite\s+of)\s+(?:being|having\s+been)\s+(?:told|warned|asked|reminded|advised|instructed)|(?:despite|in\s+spite\s+of)\s+what\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:runbook|guide|docs|documentation|checklist|policy|vendor|lead|manager|reviewer|team)\s+(?:said|says|recommended|recommends|advised|advises|warned|required)|(?:even\s+though|although|though)\s+(?:the\s+|a\s+)?(?:code\s+|change\s+|deploy\s+|deployment\s+|release\s+)?freeze\s+(?:had\s+(?:already\s+)?(?:started|begun|been\s+announced)|was\s+(?:already\s+)?(?:in\s+(?:effect|place|force)|on|active|announced))|(?:even\s+though|although|though)\s+(?:the\s+|three\s+|two\s+|several\s+|all\s+|its\s+|both\s+)?(?:[\w-]+\s+){0,2}?(?:tests?|checks?|alerts?|alarms?|warnings?|builds?|dashboards?|monitors?|canaries|canary|pages?|lights?)\s+(?:were|was|had\s+been|kept)\s+(?:still\s+)?(?:red|failing|firing|flashing|broken|screaming|going\s+off)`),
    check(ctx, m) {
      const after = ctx.tokenAt(m.index + m[0].length);
      let agent: Agent | undefined;
      for (let i = after; i < ctx.tokens.length && i < after + 8; i++) {
        if (ctx.tokens[i].text !== ',') continue;
        const head = headFrom(ctx.tokens, i + 1);
        agent = head === undefined ? undefined : classifyAt(ctx.tokens, head);
        break;
      }
      if (!person(agent)) agent = subjectBefore(ctx.tokens, ctx.tokenAt(m.index));
      // "The release captain let the build go out even though three smoke tests were red": the subject of the main clause.
      if (!person(agent) && ctx.tokenAt(m.index) > 0) agent = subjectOfClauseBefore(ctx.tokens, ctx.tokenAt(m.index));
      if (!person(agent) || generic(ctx.tokens, agent) || hypotheticalBefore(ctx.text.slice(0, m.index)) || sanctioned(ctx.text)) return undefined;
      return candidate('conduct', ctx, [m.index, m.index + m[0].length], agent);
    },
  },
  {
    // A person's action given as what did the damage: "Sam restarted the primary, causing a ten-minute outage",
    // "Ola's migration took down checkout", "the change Dev B pushed broke login".
    re: new RegExp(String.raw`(?:,\s*|(?<!\s)\s+which\s+|(?<!\s)\s+and\s+(?:thereby\s+)?)(?:caus(?:ed|ing)|trigger(?:ed|ing)|br(?:oke|eaking)|t(?:ook|aking)\s+down|br(?:ought|inging)\s+down|knock(?:ed|ing)\s+(?:out|over)|wip(?:ed|ing)\s+out|corrupt(?:ed|ing)|leak(?:ed|ing)|expos(?:ed|ing)|crash(?:ed|ing)|deleting|dropping|doubl(?:ed|ing)|duplicat(?:ed|ing)|eras(?:ed|ing)|drain(?:ed|ing)|brick(?:ed|ing)|lock(?:ed|ing)\s+out|burn(?:ed|t|ing)|destroy(?:ed|ing)|lost|losing)\b|(?<!\s)\s+(?:took|brought)\s+down\b|(?<!\s)\s+(?:broke|crashed|corrupted|wiped)\s+(?:the\s+)?(?:prod|production|checkout|login|site|service|cluster|database|build|api|app)\b|(?<!\s)\s+caused\s+(?:the|this|an?|our|most|all)\s+(?:\w+\s+){0,2}(?:outage|incident|failure|downtime|problem|issue|loss|breach|crash|errors?|bug|regression|damage|mess)\b(?![\p{L}\p{N}_-])`, 'giu'),
    check(ctx, m) {
      if (hypotheticalBefore(ctx.text.slice(0, m.index)) || REPORTED.test(ctx.text.slice(0, m.index))) return undefined;
      // The agent of the clause before: its subject, or the owner of its subject ("Ola's migration"), or a person inside it ("the change Dev B pushed").
      const k = ctx.tokenAt(m.index);
      const first = firstPerson(ctx.tokens, k);
      if (!first || !specific(ctx.tokens, first)) return undefined;
      // The person must act, not be acted on or credited: the word after them is a verb other than a credit verb.
      const after = ctx.tokens[first.to + 1];
      const owned = POSSESSIVE.test(ctx.tokens[first.to].lw);
      if (!owned && (!after || !after.word || CREDIT_VERBS.has(after.lw) || /^(?:was|were|is|are|had|has|to|and|who|will|would|should|could)$/.test(after.lw))) {
        if (!(after && /^(?:pushed|ran|applied|merged|deployed|made|shipped|wrote|started|changed)$/.test(after.lw))) return undefined;
      }
      const subject = subjectBefore(ctx.tokens, k);
      if (subject.kind === 'system' && !ownerOf(ctx.tokens, subject) && subject.from > first.to + 3) return undefined;
      return candidate('attribution', ctx, [m.index + (/^[\s,]/.test(m[0]) ? m[0].length - m[0].trimStart().replace(/^,\s*/, '').length : 0), m.index + m[0].length], first);
    },
  },
  {
    // A person's action, then the damage it did in a clause of its own: "The DBA dropped the index during peak hours, so checkout
    // latency tripled", "Chidi deleted the bucket he thought was empty; it held the last seven days of invoices", "… left the timeout
    // at zero, and every payment call hung", "Thanks to Gareth, the whole marketing site served a maintenance page".
    re: w(String.raw`(?:took|brought|knocked)\s+(?:[\w-]+\s+){0,4}?(?:down|offline)|went\s+(?:read-only|offline|dark)|(?:hung|tripled|doubled|quadrupled)|(?:has|have)\s+been\s+wrong|shipped\s+broken|hit\s+the\s+crash|filled\s+(?:up\s+)?the\s+disks?|(?:we|they|users|customers)\s+lost|(?:was|were)\s+(?:gone|wiped|deleted|corrupted|unavailable|broken|down)|turned\s+a\s+[\w-]+\s+into|served\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:maintenance|error)\s+page|(?:held|contained)\s+the\s+(?:last|only)\b|(?:kena\s+)?cut\s+off|lost\s+(?:their|all|the)\s+[\w-]+`),
    check(ctx, m) {
      if (hypotheticalBefore(ctx.text.slice(0, m.index)) || REPORTED.test(ctx.text.slice(0, m.index)) || rejected(ctx) || sanctioned(ctx.text)) return undefined;
      const tokens = ctx.tokens;
      const before = ctx.text.slice(0, m.index);
      // The damage explained by the system: "… brought down the cluster because staging uses a different shard count",
      // "… a change which passed every required check", "a routine rotation … through an undocumented dependency".
      if (CHECKED_CHANGE.test(before) || SYSTEMIC_CAUSE.test(ctx.text.slice(m.index + m[0].length)) || SYSTEM_REASON.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      // "Thanks to Gareth, …" said of the damage: sarcasm.
      const thanks = /^\W*thanks\s+to\s+/i.exec(before);
      if (thanks) {
        const head = headFrom(tokens, ctx.tokenAt(thanks[0].length));
        const agent = head === undefined ? undefined : classifyAt(tokens, head);
        return person(agent) && specific(tokens, agent) ? candidate('attribution', ctx, [thanks.index, tokens[agent.to].end], agent) : undefined;
      }
      // The damage is its own clause: within 50 characters after ", so", "; ", ", and", "so", "which is what" (found with
      // lastIndexOf: a regex anchored at the end would be tried from every offset of a long run of spaces).
      const tail = before.slice(-50).toLowerCase();
      const cut = Math.max(tail.lastIndexOf(','), tail.lastIndexOf(';'), tail.lastIndexOf(' and '), tail.lastIndexOf(' so '), tail.lastIndexOf(' which is what '));
      if (cut === -1) return undefined;
      const clauseEnd = ctx.tokenAt(before.length - tail.length + cut);
      // "Noor's hotfix … took down the card terminals", "It was Mehmet's cron job … that filled the disk": what the person made did it.
      for (let i = 0; i < clauseEnd; i++) {
        if (!POSSESSIVE.test(tokens[i].lw)) continue;
        const owner = classifyAt(tokens, i);
        if (!person(owner) || !specific(tokens, owner)) continue;
        // "After Ines's review, the cache filled the disk": an adjunct, not the subject.
        const previous = tokens[owner.from - 1];
        if (previous && (CLAUSE_BREAK.has(previous.lw) || /^(?:during|following|with|without|per|in|on|at|for|from|by|under|thanks)$/.test(previous.lw))) continue;
        const owned = tokens.slice(i + 1, Math.min(i + 4, clauseEnd)).some((t) => t.word && ACTION_NOUNS.test(t.lw));
        if (owned) return candidate('attribution', ctx, [tokens[owner.from].start, m.index + m[0].length], owner);
      }
      const first = firstPerson(tokens, clauseEnd);
      if (!first || first.kind !== 'person' || !specific(tokens, first) || generic(tokens, first)) return undefined;
      // The person acts: the next word is a past-tense verb (after adverbs) that is not credit or a fix.
      let v = first.to + 1;
      while (v < clauseEnd && tokens[v].word && (SKIP.has(tokens[v].lw) && !isAux(tokens[v].lw) || /ly$/.test(tokens[v].lw))) v++;
      // "The contractor who rewrote the retry logic left …": the verb after the relative clause.
      if (tokens[v]?.lw === 'who') {
        let w2 = v + 1;
        while (w2 < clauseEnd && !(tokens[w2].word && pastVerb(tokens[w2]) && w2 > v + 2 && !/^(?:the|a|an)$/.test(tokens[w2 - 1].lw))) w2++;
        v = w2;
      }
      const verb = tokens[v];
      if (!verb || v >= clauseEnd || !verb.word || !pastVerb(verb) || isAux(verb.lw) && verb.lw !== 'did' || CREDIT_VERBS.has(verb.lw)) return undefined;
      if (/^(?:rolled|reverted|restarted|rebooted|failed|tried|attempted|started|began|kept|waited|decided|asked|told|said|wrote|called|announced|confirmed|verified|tested|reviewed|approved|merged|opened|closed|filed|received|got|was|were|had|did)$/.test(verb.lw) && !DESTRUCTIVE_AT.test(ctx.text.slice(verb.start, tokens[clauseEnd - 1]?.end ?? verb.end))) return undefined;
      return candidate('attribution', ctx, [verb.start, m.index + m[0].length], first);
    },
  },
  // ── counterfactuals
  {
    // "X should have checked", "X could have prevented", "X ought to have paged", "X was supposed to rotate", "X shouldn't have been given"
    re: w(String.raw`(?:should've|could've|shouldn't've|ought\s+to've)\s+\w+|(?:should|ought\s+to)\s+(?:have\s+)?know(?:n)?\s+better|(?:might|could)\s+(?:easily\s+)?have\s+(?:prevented|avoided|caught|noticed|stopped|spotted|fixed)|knew\s+(?:better|the\s+risks?|about\s+the\s+(?:risk|issue|problem|bug))|(?:had|has|have)\s+been\s+(?:warned|told|asked|reminded)(?:\s+(?:repeatedly|several\s+times|twice|before))?|had\s+every\s+(?:chance|opportunity)|never\s+should\s+have|(?:was|were)\s+(?:asked|told|instructed)\s+to\s+\w+\s+(?:but|and)\s+(?:didn't|did\s+not|never)|(?:needed|had|job|responsibility|duty|task|was\s+(?:asked|told|supposed)|were\s+(?:asked|told|supposed))\s+to\s+[\w-]+\b[^.;?!]{0,60}?,?\s+(?:but|and)\s+(?:then\s+)?(?:(?:he|she|they)\s+)?(?:didn't|did\s+not|never\s+did|never)\b|(?:should|could|ought\s+to|must|shouldn't|should\s+not|mustn't)\s+(?:(?:really|easily|simply|just|at\s+least|obviously|clearly|never|have\s+)\s*)?(?:have|'ve)\s+(?:been\s+)?\w+(?:-\w+)?|(?:was|were)\s+(?:supposed|meant|expected|required|responsible|obliged|obligated)\s+to|(?:needn't|need\s+not)\s+have\s+\w+|(?:didn't|did\s+not)\s+need\s+to\s+(?!be\b)\w+|(?:was|were)\s+in\s+a\s+position\s+to\b[^.;]{0,80}?\b(?:and|but)\s+(?:simply\s+|just\s+)?(?:didn't|did\s+not|never\s+did|chose\s+not\s+to)|had\s+(?:every|ample|plenty\s+of)\s+(?:chance|opportunity|time|reason)\s+to`),
    check(ctx, m) {
      const trigger = m[0].toLowerCase();
      const last = lastWord(trigger);
      // "should have a staging gate": possession, not hindsight; "should have been watching" is hindsight.
      const progressive = /(?:have|'ve)\s+been\s+\w+ing$/.test(trigger);
      if (/have$|'ve$/.test(trigger) || (/(?:have|'ve)\s+\w+$/.test(trigger) && !progressive && !/(?:ed|en|wn|ne|ght|ck|un|ead|ut|et|ept|ent|ade|old|ound|one|ew|ook|aw|id|ad|ept|ft|lt|nt|ost)$/.test(last))) return undefined;
      if (/^(?:a|an|the|more|better|been)$/.test(last)) return undefined;
      // "they should not have been able to sign in as guests": what the system let them do, not hindsight about them.
      if (/(?:\bnot|n't|\bnever)\s+(?:have|'ve)\s+been\s+(?:able|allowed|permitted)$/.test(trigger)) return undefined;
      // "who had been asked to swap only the failed PSU" is their task; "had been warned twice, but went ahead" is hindsight.
      if (/^(?:had|has|have)\s+been\s+(?:warned|told|asked|reminded)$/.test(trigger) && !/^[^.;]{0,120}?\b(?:but|yet|still|anyway|regardless|nevertheless|ignored|went\s+ahead|did\s+not|didn't|never)\b|^\s+of\s+(?:their|his|her)\s+(?:obligations|duties|responsibilities)\b/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      // "didn't need to intervene, because the automated failover completed": why no one had to act.
      if (/^(?:didn't|did\s+not)\s+need\s+to\b/.test(trigger) && /^[^.;]{0,60}?\b(?:because|since|as)\b/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
      // "what they could see, not what they should have done": the hindsight set aside.
      if (/\b(?:not|rather\s+than|instead\s+of)\s+what\s+[\w'-]+(?:\s+[\w'-]+)?\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 40), m.index))) return undefined;
      const agent = subjectBefore(ctx.tokens, ctx.tokenAt(m.index));
      if (!person(agent)) {
        // "The intern shouldn't have been given prod access": a person as the subject of a passive.
        return undefined;
      }
      // "Nobody on the platform team could have known …": the hindsight denied.
      if (/\b(?:nobody|no\s+one|no-one)\s+(?:on|in|from|at)\s+$/i.test(ctx.text.slice(Math.max(0, ctx.tokens[agent.from].start - 20), ctx.tokens[agent.from].start))) return undefined;
      // "could have" is a possibility unless it names what the person failed to do: "they could have pushed to any repository",
      // "another reviewer could have been available" and "a dedicated release manager could have caught it" are not hindsight about anyone.
      if (/^(?:could|might)\b/.test(trigger) && /^(?:a|an|another|any|some|one)$/.test(ctx.tokens[agent.from].lw)) return undefined;
      if (/^(?:could|might)\b/.test(trigger) && !/^(?:could|might)\s+(?:easily\s+)?have\s+(?:prevented|avoided|caught|noticed|stopped|spotted|fixed)$/.test(trigger)) {
        const pushedBack = last === 'pushed' && /^\s+back\b/i.test(ctx.text.slice(m.index + m[0].length));
        if (!pushedBack && !/^(?:prevented|avoided|caught|noticed|stopped|spotted|fixed|spoken|objected|intervened|checked|tested|verified|reviewed|read|looked|asked|paged|escalated|waited|warned|told|flagged|rolled|reverted|confirmed|double-checked|validated|followed|called|alerted|raised|questioned|consulted|investigated|monitored|watched|seen|saw|known|realised|realized|bothered)$/.test(last) && !/ing$/.test(last)) return undefined;
      }
      return candidate('counterfactual', ctx, [m.index, m.index + m[0].length], agent);
    },
  },
  {
    // "Had Tom looked at the dashboard, …", "Were the Android folks paying attention, …", "if the team had done its job, …",
    // "why didn't X", "why on earth did nobody …", "Didn't anyone in support think to …?"
    re: w(String.raw`had|were|if(?:\s+only)?|how\s+(?:on\s+earth\s+|come\s+)?(?:did\s+no\s+one|did\s+nobody|was\s+nobody|was\s+no\s+one|did\s+no-one)|why\s+(?:on\s+earth|the\s+hell)\s+(?:did|would|was)(?!\s+(?:nobody|no\s+one|no-one|anyone|anybody)\b)|why\s+(?:on\s+earth\s+|the\s+hell\s+|exactly\s+|oh\s+why\s+)?(?:didn't|did\s+not|wasn't|weren't|did\s+no\s+one|did\s+nobody|didn't\s+anyone|was\s+nobody|was\s+no\s+one|couldn't|wouldn't|hasn't|haven't|isn't|aren't|did(?=\s+(?:the|our|a|an|\S+)(?:\s+\S+){0,3}\s+not\b))|^(?:and\s+|but\s+|so\s+)?(?:was|were|did|has|had|didn't|wasn't|weren't|hasn't|couldn't|isn't)\s+(?:nobody|no\s+one|anyone|anybody|somebody|someone)`),
    check(ctx, m) {
      const phrase = m[0].toLowerCase();
      const k = ctx.tokenAt(m.index + m[0].length);
      if (phrase === 'had' || phrase === 'were') {
        // "who had been asked to swap the PSU": a pluperfect, not "Had Sam been asked …".
        if (phrase === 'had' && /^\s+been\b/i.test(ctx.text.slice(m.index + m[0].length))) return undefined;
        // At the start of a clause, followed by a person and a past participle, in a sentence with a consequence.
        const at = ctx.tokenAt(m.index);
        const before = ctx.tokens[at - 1];
        // …or after the consequence: "This outage would never have happened had the mobile team tested …".
        const afterConsequence = phrase === 'had' && /\bwould(?:n't|\s+not)?(?:\s+never)?\s+(?:have|'ve)\s+[\w-]+(?:\s+[\w-]+){0,3}\s*$/i.test(ctx.text.slice(Math.max(0, m.index - 80), m.index));
        if (before && before.word && !CLAUSE_BREAK.has(before.lw) && !afterConsequence) return undefined;
        // "Were X paying attention, …" only opens the sentence (elsewhere "were" is a plain verb).
        if (phrase === 'were' && ctx.tokens.slice(0, at).some((t) => t.word)) return undefined;
        const head = headFrom(ctx.tokens, k);
        if (head === undefined) return undefined;
        const agent = classifyAt(ctx.tokens, head);
        // "Had they all successfully received …": the verb comes after a floating quantifier and adverbs.
        let v = head + 1;
        while (ctx.tokens[v + 1]?.word && /^(?:all|both|each|\w{3,}ly)$/.test(ctx.tokens[v]?.lw ?? '') && !/^(?:only|early|reply|apply|supply|rely)$/.test(ctx.tokens[v].lw)) v++;
        const verb = ctx.tokens[v];
        if (!person(agent) || generic(ctx.tokens, agent) || !verb || !verb.word || !(CONSEQUENCE.test(ctx.text) || HINDSIGHT_PRESENT.test(ctx.text))) return undefined;
        if (phrase === 'were' && !/ing$/.test(verb.lw)) return undefined;
        // "Had the on-call had a runbook": possession is about the system.
        if (/^(?:had|received|got|gotten|known|access|any|a|an|the|no)$/.test(verb.lw)) return undefined;
        // "Had Lin not spotted the anomaly, …": credit for what they did.
        const done = verb.lw === 'not' ? ctx.tokens[v + 1] : undefined;
        if (done && (CREDIT_VERBS.has(done.lw) || /^(?:spotted|noticed|caught|acted|intervened|stepped|flagged|raised|escalated|found|seen|pushed|insisted|checked|asked)$/.test(done.lw))) return undefined;
        const end = /^been$/.test(verb.lw) && ctx.tokens[v + 1] ? ctx.tokens[v + 1].end : verb.end;
        return candidate('counterfactual', ctx, [m.index, end], agent);
      }
      if (phrase.startsWith('if')) {
        let head = headFrom(ctx.tokens, k);
        if (head === undefined) return undefined;
        let agent = classifyAt(ctx.tokens, head);
        const owned = /^(?:account|laptop|device|phone|wallet|workstation|machine|computer)$/;
        if (person(agent) && ctx.tokens[head + 1] && owned.test(ctx.tokens[head + 1].lw)) head++;
        // "If this user account had 2FA enabled": a person's own account or device stands for them.
        if (agent.kind === 'system' && owned.test(ctx.tokens[head].lw) && head > 0) {
          const owner = ownerOf(ctx.tokens, agent) ?? (isRoleAt(ctx.tokens, head - 1) ? classifyAt(ctx.tokens, head - 1) : undefined);
          if (person(owner)) agent = { ...owner, to: head };
        }
        if (!person(agent) && agent.kind !== 'we') return undefined;
        // "If only the DBA had taken a snapshot first.": regret needs no consequence clause.
        const tail = ctx.text.slice(ctx.tokens[head].end, ctx.tokens[head].end + 60);
        // "None of this happens if Paulo reads the runbook": the present of hindsight, about a named person.
        if (/\b(?:none\s+of\s+(?:this|it|that)|nothing\s+(?:of\s+)?(?:this|the\s+sort))\s+(?:ever\s+)?(?:happens|occurs)\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 40), m.index)) && agent.kind === 'person' && specific(ctx.tokens, agent) && !/^(?:a|an|any|some)$/.test(ctx.tokens[agent.from].lw)) {
          const present = /^\s+(?:(?:just|only|actually|simply|properly|even)\s+)?(?!is\b|has\b|does\b|was\b)([a-z]+s)\b/.exec(tail);
          if (present) return candidate('counterfactual', ctx, [m.index, ctx.tokens[head].end + present[0].length], agent);
        }
        if (!CONSEQUENCE.test(ctx.text) && !/^if\s+only$/.test(phrase)) return undefined;
        const judged = /^\s+(?:had|'d)\s+(?:(?:just|only|actually|simply|properly)\s+)?(?:been\s+more\s+careful|been\s+paying\s+attention|paid\s+attention|bothered|pulled\s+their\s+weight|done\s+(?:its|their|his|her)\s+job)/i.exec(tail);
        if (agent.kind === 'we') return judged ? candidate('counterfactual', ctx, [m.index, ctx.tokens[head].end + judged[0].length], agent) : undefined;
        // "If the user had kept the seed phrase offline", "If Thulani had tested the package": a person's past choice.
        // Not a possession or a passive about the system ("if the on-call had had a runbook", "had been given a dashboard"),
        // not anyone in general ("if a user had …").
        // "had 2FA enabled", "had the backups turned on": a safeguard the person chose not to set up.
        const setUp = /^\s+(?:had|'d)\s+(?:[\w-]+\s+){1,3}?(enabled|configured|turned\s+on|set\s+up|installed|rotated|patched|updated|backed\s+up)\b/i.exec(tail);
        const done = setUp ?? /^\s+(?:had|'d)\s+(?:(?:just|only|actually|simply|properly|even|at\s+least|first|bothered\s+to)\s+)?([\w-]+)/i.exec(tail);
        if (!done || generic(ctx.tokens, agent) || /^(?:a|an|any|some)$/.test(ctx.tokens[agent.from].lw)) return undefined;
        const participle = done[1].toLowerCase();
        if (!judged && !setUp && (!pastVerb({ ...ctx.tokens[head], text: participle, lw: participle }) || /^(?:had|been|received|got|gotten|known|heard|seen|access|given|told|shown|sent)$/.test(participle))) return undefined;
        return candidate('counterfactual', ctx, [m.index, ctx.tokens[head].end + (judged ?? done)[0].length], agent);
      }
      // "why didn't X …?", "was nobody on the data team watching …?"
      if (!/\?\s*$/.test(ctx.text)) return undefined;
      const head = headFrom(ctx.tokens, k);
      const agent = head !== undefined ? classifyAt(ctx.tokens, head) : undefined;
      if (person(agent) || /nobody|no\s+one|anyone|anybody|someone|somebody/.test(phrase)) return candidate('counterfactual', ctx, [m.index, agent && person(agent) ? ctx.tokens[agent.to].end : m.index + m[0].length], agent);
      return undefined;
    },
  },
  {
    // Rhetorical questions and hindsight idioms aimed at a person: "How hard would it have been for infra to …?",
    // "Would it have killed the payments squad to …?", "What exactly was the contractor doing …?",
    // "Was the on-call engineer even looking at the pager?", "It would have taken Ola thirty seconds to …",
    // "Hassan's one job was to …", "A single glance at the logs by the SRE would have revealed …", "Even a junior developer would have spotted …".
    re: w(String.raw`all\s+it\s+(?:would\s+have\s+taken|would\s+take|took|takes)\s+(?:was|is|would\s+have\s+been)\s+for|how\s+(?:hard|difficult)\s+(?:would|could|can|is|was)\s+it\s+(?:have\s+been|be|been)\s+for|would\s+it\s+(?:really\s+)?have\s+killed|(?:is|was|would)\s+it\s+(?:really\s+)?(?:so|that|too)\s+(?:hard|difficult|much\s+to\s+ask)\s+(?:for|that)|^\W*(?:and\s+|so\s+|honestly,?\s+|seriously,?\s+|frankly,?\s+)?what\s+(?:exactly\s+|on\s+earth\s+|the\s+hell\s+|precisely\s+)?(?:was|were|is|are)|^\W*(?:and\s+|but\s+|so\s+|honestly,?\s+|seriously,?\s+)?(?:was|were|is|are|did|does|do|has|have|had|can|could|couldn't|would|wouldn't|should|shouldn't|wasn't|weren't|isn't|aren't|didn't|hasn't|haven't|hadn't)|would\s+(?:only\s+)?have\s+taken|(?:one|only|sole|single)\s+(?:job|task|responsibility)\b[^.;]{0,40}?\b(?:was|is)\s+to|had\s+(?:one|a\s+single)\s+job|by(?=\s+[^.;,]{1,40}?\s+would\s+(?:easily\s+|immediately\s+|quickly\s+)?have\s+(?:revealed|caught|shown|spotted|prevented|exposed|flagged|stopped|avoided|found|saved))|even\s+(?:a|an)\s+(?:[\w-]+\s+)?[\w-]+\s+(?:would|could)\s+(?:have|'ve)\s+\w+`),
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index))) return undefined;
      const phrase = m[0].toLowerCase();
      const tokens = ctx.tokens;
      const end = m.index + m[0].length;
      const after = () => {
        const k = ctx.tokenAt(end);
        const head = headFrom(tokens, k);
        if (head === undefined) return undefined;
        const agent = classifyAt(tokens, head);
        return { ...agent, from: Math.min(Math.max(agent.from, k), agent.to) };
      };
      const question = /\?\s*$/.test(ctx.text);
      let agent: Agent | undefined;
      if (/^how|killed$|for$|ask\s+that$/.test(phrase)) {
        if (!question && !/^(?:it|how|all)/.test(phrase)) return undefined;
        agent = after();
        // "… for the DBA to check", "… to ask that the electricians label the breakers".
        if (!person(agent) || !(/that$/.test(phrase) ? /^\s+(?:[\w-]+)\b/i : /^\s+to\b/i).test(ctx.text.slice(tokens[agent.to].end))) return undefined;
      } else if (/what\s/.test(phrase) && /(?:was|were|is|are)$/.test(phrase)) {
        agent = after();
        if (!question || !person(agent) || !/^\s+(?:even\s+)?(?:doing|thinking|playing\s+at)\b/i.test(ctx.text.slice(tokens[agent.to].end))) return undefined;
      } else if (/^\W*(?:and\s+|but\s+|so\s+|honestly,?\s+|seriously,?\s+)?(?:was|were|is|are|did|does|do|has|have|had|can|could|couldn't|would|wouldn't|should|shouldn't|wasn't|weren't|isn't|aren't|didn't|hasn't|haven't|hadn't)$/.test(phrase)) {
        // A yes/no question about a person with "even", "actually", "at all": "Is the release team even capable of …?"
        agent = after();
        if (!question || !person(agent) || generic(tokens, agent)) return undefined;
        // "Could the SRE on shift not have …": a place or shift after the person belongs to them.
        const rest = ctx.text.slice(tokens[agent.to].end).replace(/^\s+(?:on|in|at|from)\s+(?:the\s+|that\s+)?(?:[\w-]+\s+)?(?:shift|call|duty|rota|rotation|team|desk|night|weekend)\b/i, (pp) => ' '.repeat(pp.length));
        // "Could the platform team really not have spotted …?", "Shouldn't the reviewer have caught this?"
        // Only with a negation or "really" (a plain "Would the on-call have known …?" asks about information).
        const negative = /n't$/.test(phrase) || /^\s+(?:really\s+)?not\s+have\b|^\s+really\s+(?:not\s+)?have\b/i.test(rest);
        const hindsight = /(?:could|couldn't|wouldn't|should|shouldn't)$/.test(phrase) && negative ? /^\s+(?:really\s+|just\s+|at\s+least\s+|not\s+){0,3}(?:have|'ve)\s+(?:simply\s+|just\s+|at\s+least\s+)?(?!(?:been|known|seen|heard|received|had|got|gotten)\b)(?:\w+ed|\w+en|caught|spotted|noticed|thought)\b/i.exec(rest) : null;
        if (hindsight) return candidate('counterfactual', ctx, [m.index, tokens[agent.to].end + hindsight[0].length], agent);
        // "Wasn't the release manager meant to sign off …?", "Didn't the reviewer look at the diff?": a duty or a check put to them.
        const duty = /(?:wasn't|weren't|isn't|aren't)$/.test(phrase) ? /^\s+(?:really\s+|even\s+)?(?:meant|supposed|expected|required|responsible)\s+(?:to|for)\b/i.exec(rest) : /(?:didn't|hadn't|hasn't|haven't)$/.test(phrase) ? /^\s+(?:even\s+|actually\s+|at\s+least\s+)?(?:look(?:ed)?\s+at|check(?:ed)?|test(?:ed)?|read|notice[d]?|review(?:ed)?|verif(?:y|ied)|bother(?:ed)?\s+to)\b/i.exec(rest) : null;
        if (duty) return candidate('counterfactual', ctx, [m.index, tokens[agent.to].end + duty[0].length], agent);
        const rhetorical = /^\s+(?:even|actually(?!\s+(?:receive|get|have|see|hear|know|need)\b)|ever\s+bother|at\s+all)\b/i.exec(rest);
        if (!rhetorical) return undefined;
        const capable = /^\s+(?:even|actually|really|ever)\s+(?:capable|able|competent|qualified|fit|trained|awake|sober|paying\s+attention)\b/i.test(rest);
        return candidate(capable ? 'judgement' : 'counterfactual', ctx, [m.index, tokens[agent.to].end + rhetorical[0].length], agent);
      } else if (/taken$/.test(phrase)) {
        agent = after();
        if (!person(agent) || !/^\s+(?:\w+\s+){0,2}?(?:seconds?|moments?|a\s+minute|a\s+second|one\s+minute|a\s+glance|no\s+time)\b/i.test(ctx.text.slice(tokens[agent.to].end))) return undefined;
      } else if (/job|task|responsibility/.test(phrase)) {
        // "Hassan's one job that night was to …", "the DBA had one job".
        const k = ctx.tokenAt(m.index);
        const owner = k > 0 && (POSSESSIVE.test(tokens[k - 1].lw) || /^(?:his|her|their)$/.test(tokens[k - 1].lw)) ? classifyAt(tokens, k - 1) : subjectBefore(tokens, k);
        agent = person(owner) ? owner : undefined;
      } else if (/^by$/.test(phrase.trim())) {
        agent = after();
        const next = agent && tokens[agent.to + 1];
        if (!person(agent) || !next || next.lw !== 'would') return undefined;
      } else if (/^even/.test(phrase)) {
        const head = headFrom(tokens, ctx.tokenAt(m.index) + 1);
        if (head === undefined || !isRoleAt(tokens, head)) return undefined;
        return candidate('judgement', ctx, [m.index, end], classifyAt(tokens, head));
      }
      if (!person(agent)) return undefined;
      return candidate('counterfactual', ctx, [m.index, Math.max(end, tokens[agent.to].end)], agent);
    },
  },
  {
    // "The least the on-call could have done was acknowledge the page", "Had it occurred to Guo Wei to wait for the canary, …".
    re: w(String.raw`the\s+least\s+(?<least>[^,.;:?]{2,40}?)\s+(?:could|should|might)\s+(?:have|'ve)\s+done|(?:had|if)\s+it\s+(?:had\s+)?(?:ever\s+|once\s+|only\s+)?(?:occurred|dawned)\s+(?:to|on)(?=\s)`),
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index))) return undefined;
      const least = m.groups?.least;
      if (least !== undefined) {
        const start = m.index + m[0].indexOf(least);
        const agent = personIn(ctx.tokens, ctx.tokenAt(start), ctx.tokenAt(start + least.length));
        return agent && agent.kind !== 'we' ? candidate('counterfactual', ctx, [m.index, m.index + m[0].length], agent) : undefined;
      }
      const head = headFrom(ctx.tokens, ctx.tokenAt(m.index + m[0].length));
      const agent = head === undefined ? undefined : classifyAt(ctx.tokens, head);
      if (!person(agent) || generic(ctx.tokens, agent) || !CONSEQUENCE.test(ctx.text)) return undefined;
      return candidate('counterfactual', ctx, [m.index, ctx.tokens[agent.to].end], agent);
    },
  },
  // ── judgements
  {
    // "A competent reviewer would have rejected this", "a more experienced engineer would have noticed"
    re: w(String.raw`(?:a|any|an)\s+[\w-]+\s+with\s+(?:a\s+bit\s+of|an\s+ounce\s+of|any|some|basic|half\s+a|a\s+shred\s+of)\s+(?:care|sense|common\s+sense|experience|attention|competence|brain)\s+(?:would|could)\s+(?:have|'ve)\s+\w+|(?:a|any|an)\s+(?:more\s+)?(?:competent|careful|decent|good|experienced|attentive|diligent|senior|seasoned|qualified)\s+[\w-]+\s+(?:\w+\s+)?(?:would|could)\s+(?:have|'ve)\s+\w+|(?:anyone|anybody|someone|somebody)\s+(?:more\s+|remotely\s+|halfway\s+|even\s+slightly\s+)?(?:competent|careful|experienced|attentive|diligent|qualified|awake|sensible|sane)\s+(?:would|could)\s+(?:have|'ve)\s+\w+`),
    check(ctx, m) {
      // The role among the words before "would": "a more experienced engineer would have noticed".
      const k = ctx.tokenAt(m.index);
      const would = ctx.tokenAt(m.index + m[0].search(/\s(?:would|could)\s/i) + 1);
      let head = -1;
      for (let i = k + 1; i < would; i++) if (isRoleAt(ctx.tokens, i)) head = i;
      // "Anyone competent would have checked the replica": the person judged is whoever did it.
      if (/^(?:anyone|anybody|someone|somebody)$/.test(ctx.tokens[k].lw) && !negatedBefore(ctx, m.index) && !hypotheticalBefore(ctx.text.slice(0, m.index))) return candidate('judgement', ctx, [m.index, m.index + m[0].length]);
      if (head === -1) return undefined;
      return candidate('judgement', ctx, [m.index, m.index + m[0].length], classifyAt(ctx.tokens, head));
    },
  },
  {
    re: /(?<![\p{L}])PIP(?![\p{L}])/gu,
    check: (ctx, m) => (/\bpip\s+install\b/i.test(ctx.text) || rejected(ctx) ? undefined : candidate('punitive', ctx, [m.index, m.index + m[0].length])),
  },
  {
    re: w(String.raw`incompetently|careless(?:ly)?|sloppy|sloppily|lazy|lazily|reckless(?:ly)?|negligent(?:ly)?|incompetent|clueless|inattentive|inattention|irresponsible|irresponsibly|unprofessional(?:ly)?|thoughtless(?:ly)?|laziness|sloppiness|incompetence|recklessness|stupid|stupidity|idiot|idiotic|dumb|foolish(?:ly)?|ignorant|unqualified|complacent|complacency|arrogant|arrogance|overconfident|cavalier|lackadaisical|shoddy|clumsy|clumsily|absent-minded|forgetful|distracted|hasty|hastily|rash|rashly|blindly|naive|naively|half-baked|half-hearted|asleep\s+at\s+the\s+wheel|out\s+of\s+(?:his|her|their|its)\s+depth|should\s+have\s+known\s+better|(?:has|have|had)\s+no\s+excuse|not\s+paying\s+attention|amateur(?:ish)?|cowboy(?:ed|ing)?|half\s+a\s+brain|(?:a\s+)?(?:complete\s+|total\s+)?lack\s+of\s+(?:discipline|care|attention|competence|diligence)|without\s+being\s+thorough|(?:lapse|error)\s+(?:in|of)\s+judge?ment|(?:poor|bad|questionable)\s+judge?ment|(?:wasn't|was\s+not|weren't|were\s+not)\s+paying\s+attention|not\s+(?:up\s+to|fit\s+for)\s+the\s+(?:job|task|role)|(?:has|had|have)\s+a\s+(?:history|habit|track\s+record)\s+of|(?:didn't|did\s+not|doesn't|does\s+not|never)\s+(?:understand|grasp|care\s+about|take\s+\S+\s+seriously)|(?:again|as\s+usual|once\s+again|yet\s+again)\s*,|(?:plainly|clearly|obviously|evidently|apparently)\s+(?:never|didn't|did\s+not|had\s+no\s+idea|doesn't|does\s+not|don't|wasn't|was\s+not|couldn't|could\s+not)|(?:doesn't|does\s+not|didn't|did\s+not)\s+know\s+what\s+(?:he|she|they)\s+(?:is|was|are|were|'s|'re)\s+doing|(?:gross|sheer|pure)\s+(?:negligence|incompetence|carelessness|laziness|stupidity|sloppiness|arrogance)|(?:a\s+)?moment's\s+thought|hopeless(?:ly)?|slapdash|inept(?:ly|itude|ness)?|slipshod|haphazard(?:ly)?|make-it-up-as-you-go|indifferen(?:t|ce)\s+(?:to|towards)|apath(?:y|etic)|hubris|(?:shocking\s+|total\s+|complete\s+|blatant\s+|utter\s+|flagrant\s+|callous\s+)?(?:disregard|contempt)\s+for|allergic\s+to|in\s+(?:way\s+|well\s+|far\s+)?over\s+(?:his|her|their|my|your)\s+heads?|(?:checked|checks|checking)\s+out\s+mentally|mentally\s+checked\s+out|(?:had|has|have)\s+no\s+(?:grasp|clue|understanding|concept|business)\b|lack(?:s|ed|ing)?\s+(?:the\s+|any\s+)?(?:most\s+)?(?:basic\s+|necessary\s+|required\s+|relevant\s+|minimum\s+)?(?:skills?|competence|judge?ment|discipline|common\s+sense|aptitude|maturity)|(?:not|wasn't|weren't|isn't|aren't)\s+(?:careful|competent|experienced|reliable|responsible|trustworthy|attentive|diligent|thorough|skilled|qualified|smart|capable|mature|disciplined)\s+enough|(?:a|an)\s+(?:total\s+|complete\s+|absolute\s+|real\s+|walking\s+)?(?:cowboy|liability|menace|idiot|moron|muppet|clown(?!\s+(?:show|car)))|clown\s+show|amateur\s+hour|shit\s*show|shambles|trainwreck|train\s+wreck|dumpster\s+fire|idea\s+of\s+[\w-]+\s+(?:is|was)|rookie\s+(?:move|mistake|error)|out\s+of\s+(?:sheer\s+|pure\s+)?(?:laziness|carelessness|negligence|impatience|ignorance)|(?:can't|cannot|couldn't|could\s+not)\s+tell\s+(?:a|an|the)\s+[\w-]+\s+from`),
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || ACCUSED.test(ctx.text.slice(0, m.index)) || hypotheticalBefore(ctx.text.slice(0, m.index)) && /\bif\b/i.test(ctx.text.slice(0, m.index))) return undefined;
      // "Slack", "Lax" as names of things are not judgements (a capital inside the sentence).
      if (m.index > 0 && /^\p{Lu}/u.test(m[0]) && !/[.!?:]\s*$/.test(ctx.text.slice(0, m.index))) return undefined;
      const lw = m[0].toLowerCase();
      const tokens = ctx.tokens;
      const k = ctx.tokenAt(m.index);
      const words = m[0].split(/\s+/).length;
      const after = ctx.text.slice(m.index + m[0].length);
      // "a rookie move by @lee_ops", "a clown show from infra", "naive assumptions by the junior SRE": the person after by/from.
      const byAfter = (from: number): Agent | undefined => {
        // "an incompetent piece of work by the vendor's team", "an idiotic thing for the contractor to do".
        const far = /^\s+(?:[\w-]+\s+){0,3}?(?:by|from)\s+/i.exec(ctx.text.slice(from)) ?? /^\s+for\s+(?=(?:[\w'-]+\s+){1,4}?to\s+(?:do|make|try|ship|deploy|push|run)\b)/i.exec(ctx.text.slice(from));
        if (far) {
          const head = headFrom(tokens, ctx.tokenAt(from + far[0].length));
          const agent = head === undefined ? undefined : classifyAt(tokens, head);
          if (person(agent) && !generic(tokens, agent)) return agent;
        }
        const by = /^\s+(?:[\w-]+\s+)?(?:by|from|of)\s+/i.exec(ctx.text.slice(from));
        if (!by) return undefined;
        const head = headFrom(tokens, ctx.tokenAt(from + by[0].length));
        const agent = head === undefined ? undefined : classifyAt(tokens, head);
        return person(agent) && !generic(tokens, agent) ? agent : undefined;
      };
      // "Careless, sloppy and allergic to runbooks: that's the Android team in a nutshell."
      const named = (): Agent | undefined => {
        const that = /:\s*(?:that's|that\s+is|this\s+is|typical(?:\s+of)?|classic)\s+/i.exec(after);
        if (!that) return undefined;
        const head = headFrom(tokens, ctx.tokenAt(m.index + m[0].length + that.index + that[0].length));
        const agent = head === undefined ? undefined : classifyAt(tokens, head);
        return person(agent) ? agent : undefined;
      };
      // Nouns and fixed phrases imply a person on their own.
      if (/ness$|ence$|ity$|itude$|tion$|^(?:gross|sheer|pure)|rookie|asleep|depth|excuse|moment|brain|lack\s+of|thorough|know\s+what|^out\s+of|hubris|apathy/.test(lw)) {
        let agent: Agent | undefined = subjectBefore(tokens, k);
        if (!person(agent) && agent.kind !== 'we') agent = ownerOf(tokens, agent) ?? byAfter(m.index + m[0].length) ?? clauseSubject(tokens, k) ?? undefined;
        if (/^(?:a\s+)?moment's\s+thought$/.test(lw) && !/without|no\s+$/i.test(ctx.text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
        // "Our alerting was asleep at the wheel", "the autoscaler was out of its depth": said of a system.
        const subject = subjectBefore(tokens, k);
        if (!agent && /asleep|depth/.test(lw) && (/\bits\b/.test(lw) || subject.kind === 'system' && knownThing(tokens[subject.to]) && !/^\W*whoever\b/i.test(ctx.text))) return undefined;
        // "out of sheer laziness I hard-coded the key": the subject that follows.
        if (!agent && /^out\s+of/.test(lw)) {
          const head = headFrom(tokens, k + words);
          const next = head === undefined ? undefined : classifyAt(tokens, head);
          if (next && (person(next) || next.kind === 'we')) agent = next;
        }
        return candidate('judgement', ctx, [m.index, m.index + m[0].length], agent);
      }
      // Judgements that need a person to be about: "a shocking disregard for", "allergic to runbooks", "no grasp of", "lacks the skills".
      if (/disregard|contempt|allergic|over\s|checked\s+out|check\w*\s+out|no\s+(?:grasp|clue|understanding|concept|business)|^lack|enough$|^(?:a|an)\s|show$|hour$|shambles|wreck|fire$|^idea|^rookie|tell\s|^indifferen|^(?:hopeless|slapdash|inept|slipshod|haphazard|make-it)/.test(lw)) {
        let agent: Agent | undefined;
        if (/^idea/.test(lw)) {
          // "Ngozi's idea of testing is …": the owner of the idea.
          const prev = tokens[k - 1];
          agent = prev && (POSSESSIVE.test(prev.lw) || /^(?:his|her|their)$/.test(prev.lw)) ? classifyAt(tokens, k - 1) : undefined;
        } else if (/^(?:a|an)\s/.test(lw)) {
          // "Yusuf is a cowboy": a predicate noun; "Pete's handling of the bridge was a shambles": of the owner.
          agent = subjectBefore(tokens, k);
          if (!person(agent)) agent = ownerOf(tokens, agent) ?? ownerAcross(tokens, agent) ?? agent;
        } else if (/show$|hour$|shambles|wreck|fire$|^rookie/.test(lw)) {
          // "Pete was a shambles": the subject before the article.
          let at = k;
          while (at > 0 && /^(?:a|an|the|total|complete|utter|absolute|bit\s+of\s+a)$/.test(tokens[at - 1].lw)) at--;
          agent = byAfter(m.index + m[0].length) ?? subjectBefore(tokens, at);
          // "Pete's handling of the incident bridge was a shambles": the owner of the noun the preposition hangs on.
          if (!person(agent)) agent = ownerOf(tokens, agent) ?? ownerAcross(tokens, agent) ?? undefined;
        } else {
          agent = subjectBefore(tokens, k);
          if (agent.kind === 'system' && COPULA.test(tokens[agent.to].lw)) agent = subjectBefore(tokens, agent.to);
          // "Her handling of the failover was slapdash": the owner of the noun the preposition hangs on.
          if (agent.kind === 'system') agent = ownerAcross(tokens, agent) ?? agent;
          if (!person(agent)) agent = ownerOf(tokens, agent) ?? clauseSubject(tokens, k) ?? named() ?? undefined;
          // "the network team works in a haphazard way": the subject of the clause the phrase describes.
          if (!person(agent) && /^(?:in|with)\s+(?:a|an)\s*$/i.test(ctx.text.slice(Math.max(0, m.index - 6), m.index))) agent = subjectOfClauseBefore(tokens, k);
        }
        // Adjectives before a noun judge its owner or author: "the ops crew's slipshod change tickets", "an inept field engineer".
        if (!person(agent) && /^(?:hopeless|slapdash|inept|slipshod|haphazard|make-it)/.test(lw)) {
          const head = headFrom(tokens, k + words);
          const modified = head === undefined ? undefined : classifyAt(tokens, head);
          agent = person(modified) ? modified : ownerOf(tokens, { kind: 'system', from: Math.max(0, k - 3), to: k + words }) ?? (head === undefined ? undefined : byAfter(tokens[head].end));
        }
        if (!person(agent) || generic(tokens, agent)) return undefined;
        // "had no clue that the alert was routed elsewhere" is missing information, not competence.
        if (/no\s+(?:clue|understanding|concept)$/.test(lw) && /^\s+(?:that|whether|which|what|where|when|why)\b/i.test(after)) return undefined;
        return candidate('judgement', ctx, [m.index, m.index + m[0].length], agent);
      }
      // "Leaving the endpoint open was lazy on Ines's part": the owner of the part.
      const part = /^\s+on\s+((?:[\w@.-]+\s+){0,3}?[\w@.-]+(?:'s|s'|’s))\s+part\b/i.exec(after);
      if (part) {
        const owner = classifyAt(tokens, ctx.tokenAt(m.index + m[0].length + part[0].indexOf(part[1]) + part[1].length - 1));
        if (person(owner) && !generic(tokens, owner)) return candidate('judgement', ctx, [m.index, m.index + m[0].length + part[0].length], owner);
      }
      const next = tokens[k + words];
      // "a careless engineer", "the auditor's sloppy review", "Mina's negligent handling", "a careless edit", "naive assumptions by the junior SRE"
      if (next && next.word && !/ly$/.test(lw)) {
        const head = headFrom(tokens, k + words);
        const modified = head === undefined ? classifyAt(tokens, k + words) : classifyAt(tokens, head);
        if (person(modified)) return candidate('judgement', ctx, [m.index, tokens[modified.to].end], modified);
        const owner = ownerOf(tokens, { kind: 'system', from: Math.max(0, k - 3), to: k + words });
        if (owner) return candidate('judgement', ctx, [m.index, next.end], owner);
        const by = byAfter(next.end);
        if (by && !COPULA.test(next.lw) && !isAux(next.lw)) return candidate('judgement', ctx, [m.index, next.end], by);
        if (/^(?:mistakes?|errors?|slip|typo|change|review|edit|push|commit|deploy|config|decision|call|work|job|approach|handling|joins?|testing|rush|merge)$/.test(next.lw)) return candidate('judgement', ctx, [m.index, next.end]);
      }
      // "He was careless with the production flag", "Giorgos acted recklessly", "the DBA's approach to backups was lazy", "We got lazy".
      let agent: Agent = subjectBefore(tokens, k);
      if (agent.kind === 'system' && (COPULA.test(tokens[agent.to].lw) || /ly$/.test(lw) && pastVerb(tokens[agent.to]))) agent = subjectBefore(tokens, agent.to);
      if (agent.kind === 'system') agent = ownerOf(tokens, agent) ?? agent;
      // "the DBA's approach to backups was lazy": the owner of the noun the preposition hangs on.
      agent = ownerAcross(tokens, agent) ?? agent;
      // ", which was irresponsible", "Whoever wrote this migration plainly never ran it": the person the clause is about.
      if (agent.kind === 'none' || agent.kind === 'system') {
        const first = firstPerson(tokens, k);
        if (first && (/,\s*which\b/i.test(ctx.text.slice(tokens[first.to].end, m.index)) || /^(?:whoever|someone|somebody|the\s+person)\b/i.test(ctx.text))) agent = first;
      }
      // "The migration was handled incompetently by the data team": the agent of a passive.
      if (!person(agent) && /ly$/.test(lw)) agent = byAfter(m.index + m[0].length) ?? agent;
      // "The on-call handled the escalation incompetently": the subject of the verb the adverb modifies.
      if (!person(agent) && /ly$/.test(lw) && agent.kind === 'system') agent = clauseSubject(tokens, k) ?? agent;
      if (agent.kind === 'none' && k === 0) agent = named() ?? agent;
      // "The way the contractor handled the rotation was sloppy": the one whose way it was.
      if (!person(agent)) agent = doerOfTheWay(ctx, m.index) ?? agent;
      if (!person(agent) && !(agent.kind === 'we' && /^(?:careless|sloppy|lazy|reckless|negligent|incompetent|clueless|stupid)$/.test(lw))) return undefined;
      return candidate('judgement', ctx, [m.index, m.index + m[0].length], agent);
    },
  },
  {
    // "What sort of engineer deploys a schema change at 2am with no rollback plan?": a question that judges whoever did it.
    re: w(String.raw`what\s+(?:sort|kind|type)\s+of`),
    check(ctx, m) {
      if (!/\?\W*$/.test(ctx.text) || negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index))) return undefined;
      const tokens = ctx.tokens;
      const k = ctx.tokenAt(m.index + m[0].length + 1);
      const head = headFrom(tokens, k);
      if (head === undefined || !isRoleAt(tokens, head)) return undefined;
      // …followed by what that person does or did ("deploys", "pushes", "would merge"), not "what kind of engineer do we need?".
      const verb = tokens[head + 1];
      if (!verb || !verb.word || !(/^(?:would|does|did)$/.test(verb.lw) ? tokens[head + 2]?.word : /^[a-z]+(?:es|s|ed)$/.test(verb.lw) && !/^(?:is|was|has|does)$/.test(verb.lw))) return undefined;
      return candidate('judgement', ctx, [m.index, verb.end], classifyAt(tokens, head));
    },
  },
  {
    // "Nobody with real database experience runs an UPDATE without a WHERE clause, yet our DBA did."
    re: w(String.raw`(?:nobody|no\s+one|no\s+(?:competent|sane|experienced|serious|self-respecting|reasonable|decent|careful)\s+[\w-]+)\b[^.;]{5,120}?\b(?:yet|but|and\s+yet)(?=\s+\S)`),
    check(ctx, m) {
      if (ctx.tokenAt(m.index) > 1) return undefined;
      const head = headFrom(ctx.tokens, ctx.tokenAt(m.index + m[0].length + 1));
      const agent = head === undefined ? undefined : classifyAt(ctx.tokens, head);
      const verb = agent && ctx.tokens[agent.to + 1];
      if (!person(agent) || !verb || !/^(?:did|does|went|just|still|somehow)$/.test(verb.lw)) return undefined;
      return candidate('judgement', ctx, [m.index, verb.end], agent);
    },
  },
  {
    // Idioms of character: "any engineer worth their salt would have …", "the infra team should be embarrassed", "hasn't got a clue",
    // "an attitude problem on the firmware team", "Typical Darragh", "Butterfingers Kenji", "Careless doesn't begin to describe how …".
    re: w(String.raw`(?<salt>(?:any|a|an)\s+(?:[\w-]+\s+)?[\w-]+\s+worth\s+(?:their|his|her)\s+salt)|(?<insult>^\W*what\s+an?\s+(?:absolute\s+|total\s+|complete\s+)?(?:muppet|idiot|clown|numpty|plonker|wally|doofus|moron|amateur|cowboy|donkey|pillock|goose|galah)\s*[:,!—–-])|(?<why>^\W*why\s+(?=\S+(?:\s+\S+)?\s+thought\s+(?:it\s+was|it'd\s+be|it\s+would\s+be)\s+(?:fine|ok|okay|a\s+good\s+idea|smart|safe|sensible)\s+to\b)[\p{L}\p{N}@._-]+)|(?<mybad>my\s+bad|mea\s+culpa)|(?<fast>(?:playing|played|plays)\s+fast\s+and\s+loose|(?:was|were|is|are)\s+(?:completely\s+)?out\s+to\s+lunch|(?:a\s+)?bunch\s+of\s+cowboys)|(?<shame>(?:should|ought\s+to)\s+be\s+(?:(?:thoroughly|deeply|very|really)\s+)?(?:ashamed|embarrassed))|(?<clue>(?:hasn't|has\s+not|haven't|have\s+not)\s+(?:got\s+)?a\s+clue|(?:doesn't|does\s+not|don't|do\s+not)\s+have\s+a\s+clue)|(?<attitude>(?:an?\s+)?(?:bad\s+|poor\s+|real\s+)?attitude\s+problem\s+(?:on|in|with|among|at))|(?<epithet>^\W*(?:typical|classic|butterfingers|trust)\s+(?=[\p{Lu}@])[\p{L}\p{N}@._-]+)|(?<describe>(?:doesn't|does\s+not)\s+(?:even\s+)?(?:begin\s+to\s+)?(?:describe|cover)\s+(?:how|the\s+way))`),
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index)) || hypotheticalBefore(ctx.text.slice(0, m.index))) return undefined;
      const g = m.groups ?? {};
      const tokens = ctx.tokens;
      const end = m.index + m[0].length;
      let agent: Agent | undefined;
      if (g.salt) agent = personIn(tokens, ctx.tokenAt(m.index), ctx.tokenAt(m.index + m[0].search(/\sworth\s/)));
      else if (g.shame || g.clue || g.fast) {
        agent = subjectBefore(tokens, ctx.tokenAt(m.index));
        // "Jarrah's team are a bunch of cowboys".
        if (!person(agent) && agent.kind === 'system') agent = ownerOf(tokens, agent) ?? agent;
      }
      else {
        if (g.describe && !/^\W*(?:careless|sloppy|reckless|lazy|negligent|incompetent|amateurish|clumsy|cavalier|shambolic|hopeless)\b/i.test(ctx.text)) return undefined;
        // "kenji: my bad, I pointed …": the speaker.
        if (g.mybad) {
          const speaker = tokens.length > 2 && tokens[0].word && tokens[1].text === ':' && ctx.tokenAt(m.index) === 2 ? 0 : ctx.tokenAt(m.index);
          return candidate('conduct', ctx, [m.index, end], { kind: 'person', from: speaker, to: speaker });
        }
        const head = g.epithet || g.why ? ctx.tokenAt(end - 1) : headFrom(tokens, ctx.tokenAt(end));
        agent = head === undefined ? undefined : classifyAt(tokens, head);
        if (g.epithet && agent && !isName(tokens, agent.to)) return undefined;
        // "Typical Darragh": the epithet is not part of the name.
        if ((g.epithet || g.why) && agent && head !== undefined) agent = { ...agent, from: head };
      }
      if (!person(agent) || generic(tokens, agent) && !g.salt) return undefined;
      return candidate('judgement', ctx, [m.index, Math.max(end, g.salt || g.shame || g.clue || g.fast ? end : tokens[agent.to].end)], agent);
    },
  },
  {
    // Judgements by understatement, irony and epithet: "Not Tom's finest hour", "the infra team treats change reviews as a
    // formality", "a creative interpretation of the change policy by ops", "which genius ran drop table on prod", "<tk> classic Sven".
    re: new RegExp(String.raw`(?<![\p{L}\p{N}_@'’-])(?:not\s+(?<finest>[\p{L}@.-]{1,40}(?:'s|s'|’s))\s+(?:finest|best|proudest|brightest)\s+(?:hour|moment|day|work|performance)|(?<formality>treat(?:s|ed|ing)?\s+(?:the\s+|our\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:reviews?|checklists?|runbooks?|process|policy|policies|rules|freeze|approvals?|alerts?|tests?|on-?call)\s+as\s+(?:a\s+|an\s+)?(?:mere\s+|bit\s+of\s+a\s+)?(?:formality|afterthought|box-ticking(?:\s+exercise)?|suggestions?|optional|rubber\s+stamp|nuisance|joke))|(?<creative>(?:creative|liberal|loose|flexible|novel|imaginative|relaxed|generous)\s+(?:interpretation|reading)\s+of\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:policy|process|rules|runbook|freeze|checklist|guidelines|procedure|sop))|(?<genius>which\s+(?:genius|bright\s+spark|clown|idiot|muppet|numpty|absolute\s+legend|wise\s+guy|smart\s+alec|rocket\s+scientist|wizard)\s+(?:just\s+|decided\s+to\s+)?(?:ran|merged|pushed|deployed|deleted|dropped|changed|did|approved|turned|left|broke|thought|decided|committed|disabled|run|merge|push|deploy|delete|drop))|^\s{0,4}(?:\[?\d{1,2}:\d{2}(?::\d{2})?\]?\s{0,4})?(?:<[\w.@-]{1,30}>|[\w.@-]{1,30}:)\s{0,4}(?:typical|classic)\s+(?<chatEpithet>(?=[\p{Lu}@])[\p{L}\p{N}@._-]+))(?![\p{L}\p{N}_@'’-])`, 'giu'),
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index)) || hypotheticalBefore(ctx.text.slice(0, m.index))) return undefined;
      const g = m.groups ?? {};
      const tokens = ctx.tokens;
      const end = m.index + m[0].length;
      if (g.genius) return candidate('judgement', ctx, [m.index, end]);
      let agent: Agent | undefined;
      if (g.finest || g.chatEpithet) {
        const name = g.finest ?? g.chatEpithet!;
        const i = ctx.tokenAt(m.index + m[0].lastIndexOf(name));
        if (!isName(tokens, i) && !person(classifyAt(tokens, i))) return undefined;
        agent = { ...classifyAt(tokens, i), from: i, to: i };
      } else if (g.formality) {
        agent = subjectBefore(tokens, ctx.tokenAt(m.index));
      } else {
        // "… by ops", "Gemma's creative reading of the freeze".
        agent = agentAfterBy(tokens, ctx.tokenAt(end)) ?? possessorBefore(tokens, ctx.tokenAt(m.index), 3);
      }
      if (!person(agent) || generic(tokens, agent)) return undefined;
      const start = g.chatEpithet ? m.index + m[0].search(/typical|classic/i) : Math.min(m.index, tokens[agent.from].start);
      return candidate('judgement', ctx, [start, Math.max(end, tokens[agent.to].end)], agent);
    },
  },
  // ── punishment and individual remedies
  {
    re: w(String.raw`(?:fire|sack|terminate|dismiss|discipline|reprimand|rebuke|admonish|censure|scold|suspend|demote|punish|penali[sz]e|fine|blacklist|coach|counsel|retrain|re-train|re-educate|supervise|escalate|monitor|single\s+out|write\s+up)\s+(?<who1>[^,.;:]{1,40}?)(?=\s+(?:who|that|for|on|about|after|because|as|to|until|from|so|before)(?![\w-])|[,.;:]|$)|(?:remind|tell|ask|urge|instruct|encourage|warn)\s+(?<who2>[^,.;:]{1,40}?)\s{1,4}(?:that\s+[^,.;:]{0,60}?(?:budget|pay|bonus|consequence)|to\s+(?:be\s+(?:more\s+)?careful|pay\s+(?:more\s+|closer\s+)?attention|double-check|take\s+(?:more\s+)?care|think\s+twice|be\s+more\s+vigilant|stop\s+\w+|always\s+\w+))|(?:hold|held)\s+(?<who3>[^,.;:]{0,40}?)\s*(?:personally\s+)?(?:accountable|responsible|to\s+account)|make\s+sure\s+(?<who4>[^,.;:]{1,30}?)\s{1,4}(?:actually\s+|always\s+)?(?:double-checks?|checks|answers|follows|tests|reads|pays|is\s+more\s+careful)|(?:revoke|remove|take\s+away|suspend|pull|restrict|dock|withhold|cut|freeze|claw\s+back|forfeit|deny)\s+(?<who5>(?:[^,.;:]|\.(?=\S)){1,30}?(?:'s|s'))\s{1,4}(?:[\w-]+\s+){0,2}(?:access|permissions?|rights|privileges|account|bonus|pay|commission|salary|raise|badge|credentials|keys|login)|(?:bar|ban)\s+(?<who6>[^,.;:]{1,30}?)\s{1,4}from|(?:send|put)\s+(?<who7>[^,.;:]{1,30}?)\s{1,4}(?:back\s+)?(?:through|for|on|to)\s+(?:the\s+|a\s+|an\s+)?(?:\S+\s+)?(?:training|certification|course|bootcamp|performance|probation|onboarding|induction)|move\s+(?<who8>[^,.;:]{1,30}?)\s{1,4}off|(?:record|note|put\s+a\s+note)\b[^.;]{0,30}?\b(?:in|into|on)\s+(?<who9>(?:[^,.;:]|\.(?=\S)){1,30}?(?:'s|s'))\s{1,4}(?:file|record|performance\s+review|review)|(?:one-to-one|1:1)\s+with\s+(?<who10>[^,.;:]{1,30}?)\s{1,4}about|(?:^|(?<=:\s{0,3}))(?<who11>[^,.;:]{1,30}?)\s{1,4}to\s+(?:sign\s+a\s+statement|write\s+an\s+apology|apologi[sz]e)|have\s+(?<who12>[^,.;:]{1,30}?)\s{1,4}(?:write\s+an\s+apology|apologi[sz]e)|(?:terminat\w+|end\w*|cancel\w*)\s+the\s+contract\s+with|performance\s+(?:improvement\s+)?plan|disciplinary|zero\s+tolerance|consequences\s+for\s+(?<who15>[^,.;:]{1,30}?)(?=\s|[,.;:]|$)|report\s+(?<who16>[^,.;:]{1,30}?)\s{1,4}to\s+(?:hr|management|(?:his|her|their)\s+(?:manager|lead|boss))|put\s+(?<who17>[^,.;:]{1,30}?)\s{1,4}on\s+(?:probation|notice|a\s+pip)|require\s+(?<who18>[^,.;:]{1,30}?)\s{1,4}to\s+(?:personally\s+)?(?:sign|attend|complete\s+(?:a\s+)?(?:training|course)|apologi[sz]e|justify|explain\s+(?:himself|herself|themselves))|make\s+(?<who19>[^,.;:]{1,30}?)\s{1,4}(?:apologi[sz]e|pay\s+for|explain\s+(?:himself|herself|themselves)|justify)|formal\s+(?:written\s+)?warning|written\s+warning|name\s+and\s+shame|publicly\s+(?:name|call\s+out|shame)|name\s+the\s+(?:engineer|person|developer|operator|team)|call\s+out\s+the\s+(?:engineer|person|developer|team)|to\s+hr\b|(?:will\s+be|be)\s+monitored\s+more\s+closely|(?:must|should|needs?\s+to|has\s+to|have\s+to|will)\s+(?:be\s+more\s+careful|pay\s+(?:more\s+|closer\s+)?attention|take\s+more\s+care|think\s+twice|be\s+more\s+vigilant)|stop\s+making\s+(?:careless\s+)?mistakes|(?:should|must|will|needs?\s+to)\s+be\s+(?:fired|sacked|let\s+go|dismissed|disciplined|reprimanded|suspended|demoted|punished|removed\s+from|banned)|let\s+(?<who14>[^,.;:]{1,30}?)\s{1,4}go\b|lose\s+(?:his|her|their)\s+(?:job|access|bonus|rights)|be\s+more\s+careful|re-?iterate\s+the\s+need\s+for\s+(?<who13>[^,.;:]{1,30}?)\s{1,4}to|given\s+(?:his|her|their)\s+track\s+record|until\s+(?:he|she|they)\s+(?:prove|proves|learn|learns|can\s+be\s+trusted|is\s+trusted|are\s+trusted|has\s+(?:learned|learnt|proven|shown)|demonstrates?|earns?|can\s+prove)|before\s+(?:he|she|they)\s+touch(?:es)?`, 'giu'),
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index))) return undefined;
      if (/removed\s+from|\boff$/i.test(m[0]) && ON_LEAVE.test(ctx.text)) return undefined;
      const groups = m.groups ?? {};
      const whoKey = Object.keys(groups).find((key) => groups[key] !== undefined);
      const trigger: [number, number] = [m.index, m.index + m[0].length];
      if (whoKey) {
        const who = groups[whoKey]!;
        if (!who.trim()) {
          // "… should be held personally responsible": the subject.
          const subject = subjectBefore(ctx.tokens, ctx.tokenAt(m.index));
          return person(subject) && specific(ctx.tokens, subject) ? candidate('punitive', ctx, trigger, subject) : undefined;
        }
        const start = m.index + m[0].indexOf(who);
        const from = ctx.tokenAt(start);
        const to = ctx.tokenAt(start + who.length);
        let agent = personIn(ctx.tokens, from, to);
        // "Suspend Darius's deploy rights": the owner of what is taken away.
        if (!agent && whoKey === 'who1' && /\b(?:access|rights|permissions?|privileges|account|bonus|badge|credentials|keys)\s*$/i.test(who)) {
          for (let i = from; i < to && !agent; i++) if (POSSESSIVE.test(ctx.tokens[i].lw) && person(classifyAt(ctx.tokens, i))) agent = classifyAt(ctx.tokens, i);
        }
        if (!agent) return undefined;
        // Remedies for a role or for everyone are policies, not punishment: "Train every responder", "Give new hires read-only access".
        if (agent.kind === 'we' || (!specific(ctx.tokens, agent) && !/who2|who4|who13/.test(whoKey))) return undefined;
        if (whoKey === 'who1' && /^(?:monitor|escalate)/i.test(m[0]) && !/conduct|behaviou?r|attitude/i.test(ctx.text)) return undefined;
        if (whoKey === 'who1' && !/^(?:retrain|re-train|coach|supervise|fire|sack|dismiss|reprimand|punish)/i.test(m[0]) && !ctx.inActionItem && !/\b(?:should|must|will|need)\b/i.test(ctx.text)) return undefined;
        if (whoKey === 'who11' && !ctx.inActionItem && !/^action|^owner/i.test(ctx.text)) return undefined;
        return candidate('punitive', ctx, trigger, agent);
      }
      if (/^be\s+more\s+careful/i.test(m[0])) {
        const subject = subjectBefore(ctx.tokens, ctx.tokenAt(m.index));
        if (subject.kind === 'system') return undefined;
      }
      if (/^(?:must|should|needs?|has|have|will)/i.test(m[0])) {
        const subject = subjectBefore(ctx.tokens, ctx.tokenAt(m.index));
        if (!person(subject)) return undefined;
        return candidate('punitive', ctx, trigger, subject);
      }
      if (/monitored/i.test(m[0])) {
        const subject = subjectBefore(ctx.tokens, ctx.tokenAt(m.index));
        if (!person(subject)) return undefined;
        return candidate('punitive', ctx, trigger, subject);
      }
      return candidate('punitive', ctx, trigger);
    },
  },
  {
    // Remedies aimed at people, by their structure: exhortations ("Engineers must try harder", "encourage the on-call engineers to be
    // more diligent", "Tighten up, people: triple-check your context"), sanctions in the passive ("will be formally reprimanded",
    // "is to be excluded from launch decisions", "will not be invited back"), supervision ("may only touch prod with a senior SRE
    // watching"), pay and access ("deduct the credits from X's commission", "X's access is revoked as a consequence"), talks and
    // complaints ("have a serious talk with X about her attitude", "lodge a formal complaint about X"), and "replace X with someone competent".
    re: new RegExp(String.raw`(?<![\p{L}\p{N}_@'’-])(?:(?<subjExhort>(?:must|should|needs?\s+to|has\s+to|have\s+to|will\s+have\s+to|will|are\s+expected\s+to|is\s+expected\s+to|are\s+to|is\s+to|to)\s+(?:really\s+|simply\s+|just\s+|all\s+|also\s+)?(?:${EXHORT}|(?:double|triple)-check\s+(?:the|his|her|their)\s+[\w-]+\s+before))|heads\s+(?:should|will|must|need\s+to|are\s+going\s+to)\s+roll|(?:remind|tell|ask|urge|instruct|encourage|warn|push|nudge|coach|get)\s+(?<q1>[^,.;:]{1,40}?)(?:\s*,\s*(?:once\s+again|again|yet\s+again|please|once\s+more)\s*,)?\s{1,4}to\s+(?:always\s+|really\s+)?(?:${EXHORT}|double-check)|(?<imperative>${EXHORT}|(?:double|triple)-check\s+your)|(?:remind(?:er)?s?|re-?iterat\w*|stress(?:es|ed|ing)?|emphasi[sz]\w*|reinforc\w*|memo|message)\s+(?:to\s+(?<q2to>[^,.;:]{1,20}?)\s+)?that\s+(?<q2>[^,.;:]{1,30}?)\s{1,4}(?:must|should|need\s+to|needs\s+to|has\s+to|have\s+to|always|are\s+(?:expected|required)\s+to|are\s+to)(?![\p{L}])|(?<subjSupervised>(?:may|can|will|is\s+to|are\s+to|should|must)\s+only\s+[^.;]{1,40}?\b(?:with|under)\s+(?:a\s+|an\s+|the\s+|close\s+)?(?:senior\s+[\w-]+|supervisor|supervision|[\w-]+\s+watching|someone\s+watching|oversight|chaperone|buddy|escort))|(?:deduct|dock|recover|subtract|recoup)\s+[^.;]{1,40}?\s+from\s+(?<q3>[^,.;:]{1,30}?(?:'s|s'))\s{1,4}(?:[\w-]+\s+)?(?:pay|payment|payments|commission|salary|bonus|wages|paycheck|paycheque|earnings|fee|fees|payout|invoice)|(?<q4>(?=[\p{L}\p{N}@])(?:[^,.;:]|\.(?=\S)){1,30}?(?:'s|s'))\s{1,4}(?:[\w-]+\s+){0,3}?(?:access|permissions?|rights|privileges|badge|account|bonus|credentials|keys)\s+(?:is|are|has\s+been|have\s+been|will\s+be|shall\s+be|to\s+be|is\s+being)\s+(?:temporarily\s+|permanently\s+|immediately\s+|hereby\s+)?(?:revoked|suspended|removed|pulled|withdrawn|withheld|restricted|cancell?ed|frozen|downgraded)|strip\s+(?<q5>[^,.;:]{1,30}?)\s{1,4}of\s+(?:(?:his|her|their|the|all)\s+)?(?:[\w-]+\s+)?(?:access|rights|privileges|permissions|role|duties|title|badge|credentials)|(?<subjSanction>(?:is|are|will\s+be|should\s+be|must\s+be|shall\s+be|needs?\s+to\s+be|has\s+to\s+be|is\s+to\s+be|are\s+to\s+be|to\s+be|was|were|has\s+been|have\s+been|had\s+been|got|has\s+now\s+been)\s+(?:formally\s+|officially\s+|immediately\s+|permanently\s+|temporarily\s+|publicly\s+)?(?:fired|sacked|let\s+go|dismissed|disciplined|reprimanded|suspended|demoted|punished|removed\s+from|banned|excluded\s+from|barred\s+from|benched|sidelined|taken\s+off|kicked\s+off|pulled\s+off|stood\s+down|written\s+up|put\s+on\s+(?:probation|notice|a\s+pip)|placed\s+on\s+(?:probation|notice|a\s+pip)|held\s+(?:personally\s+)?accountable|held\s+to\s+account|spoken\s+to|talked\s+to))|(?<subjFace>(?:needs?\s+to|has\s+to|have\s+to|must|should|will|ought\s+to)\s+face\s+(?:the\s+|some\s+|real\s+|serious\s+)?(?:consequences|discipline|disciplinary\s+action|sanctions))|(?<subjTold>(?:needs?\s+to|has\s+to|have\s+to|must|should|will)\s+be\s+(?:told|warned|reminded|made\s+aware)\s*,?\s*(?:firmly|clearly|in\s+no\s+uncertain\s+terms|once\s+and\s+for\s+all))|(?<subjBanned>(?:will\s+not|won't|will\s+never|is\s+not\s+to|are\s+not\s+to|should\s+not|must\s+not|shall\s+not)\s+be\s+(?:invited|allowed|asked|welcome|hired|used|engaged|contracted|booked|brought)\s+(?:back|again))|(?:add|put|place|log|issue|record|give)\s+(?:a|an|another|one)\s+(?:strike|black\s+mark|demerit|warning|mark)\s+(?:to|on|in|against)\s+(?<q6>[^,.;:]{1,30}?(?:'s|s'))\s{1,4}(?:record|file|name|profile)|strikes?\s+and\s+(?:he|she|they|you)(?:'s|'re|\s+is|\s+are|\s+will\s+be)\s+(?:off|out|gone|fired)|remedial\s+(?:training|course|coaching|session|module|class|programme|program|plan)|replace\s+(?<q7>[^,.;:]{1,40}?)\s{1,4}with\s+(?:someone|somebody|a|an)\s+(?:more\s+)?(?:competent|experienced|reliable|careful|qualified|capable|better)|(?<subjTraining>(?:must|should|will|needs?\s+to|has\s+to|is\s+to|to)\s+(?:retake|redo|repeat|re-?do|re-?take|complete|attend|take|sit|go\s+through|undergo)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:training|module|course|certification|class|workshop|quiz|exam|refresher|bootcamp))|(?<subjApology>(?:should|must|will|needs?\s+to|has\s+to|to)\s+(?:personally\s+|publicly\s+)?(?:apologi[sz]e|make\s+amends|answer\s+for|explain\s+(?:himself|herself|themselves)|justify\s+(?:his|her|their)))|(?<ownerConduct>(?:conduct|behaviou?r|attitude|performance)\b[^.;]{0,40}?\b(?:will\s+be|to\s+be|is\s+being|should\s+be|must\s+be)\s+(?:raised|discussed|reviewed|addressed|investigated|escalated|taken\s+up|looked\s+at|noted|documented))|(?:serious|stern|hard|frank|firm|difficult|tough|candid|disciplinary)\s+(?:talk|word|words|conversation|chat|discussion|meeting)\s+with\s+(?<q8>[^,.;:]{1,30}?)(?=\s+(?:about|regarding|over|after|before|on|today|tomorrow|this|next)\b|[,.;:]|$)|have\s+a\s+(?:quiet\s+)?word\s+with\s+(?<q18>[^,.;:]{1,30}?)\s{1,4}about\s+(?:[\w-]+ing\b|being\b|(?:his|her|their)\s+(?:attitude|behaviou?r|conduct|carelessness|mistakes?|approach|work)\b)|(?:talk|conversation|chat|discussion|word)\s+with\s+(?<q9>[^,.;:]{1,30}?)\s{1,4}about\s+(?:his|her|their)\s+(?:attitude|behaviou?r|conduct|performance|carelessness|mistakes?|approach|work\s+ethic|focus|commitment)|(?:lodge|file|make|raise|submit)\s+(?:a\s+)?(?:formal\s+)?complaint\s+(?:about|against|regarding)\s+(?<q10>[^,.;:]{1,40}?)(?=\s+(?:with|to)\b|[,.;:]|$)|(?:remove|removed|take|took|taken|pull|pulled|kick|kicked|drop|dropped|exclude|excluded|bench|benched|move|moved|reassign|reassigned)\s+(?<q11>[^,.;:]{1,30}?)\s{1,4}(?:off|from|out\s+of)\s+(?:the\s+)?(?:on-?call\s+|pager\s+|release\s+|launch\s+|[\w-]+\s+)?(?:rotation|rota|roster|project|on-?call|pager|schedule|launch|squad|team|incident\s+response)|keep\s+(?:an?\s+|a\s+close\s+|close\s+)?eyes?\s+on\s+(?<q13>[^,.;:]{1,30}?)(?=\s+(?:whenever|when|while|during|until|so|at\s+all\s+times|from\s+now)\b|[,.;:]|$)|(?:someone|somebody|a\s+senior\s+[\w-]+|a\s+manager)\s+(?:is|will\s+be|can\s+be|is\s+always)\s+watching\s+(?:what|everything)\s+(?<q14>he|she|they)\s+(?:does|do|did|types|is\s+doing|are\s+doing)|stand\s+(?<q15>[^,.;:]{1,30}?)\s{1,4}down\s+(?:as|from)|(?<q16>(?=[\p{L}\p{N}@])(?:[^,.;:]|\.(?=\S)){1,30}?(?:'s|s'))\s{1,4}(?:[\w-]+\s+){0,2}?(?:pay|bonus|salary|wages|commission|pay\s+rise|raise)\s+(?:is|are|has\s+been|will\s+be|shall\s+be|(?:is\s+|are\s+)?to\s+be|is\s+being|gets|get)\s+(?:docked|cut|withheld|reduced|frozen|clawed\s+back|forfeited)|(?<q17>(?=[\p{L}\p{N}@])(?:[^,.;:]|\.(?=\S)){1,30}?(?:'s|s'))\s{1,4}(?:[\w-]+\s+){0,2}?(?:merges?|changes?|deploys?|deployments?|commits?|prs?|pull\s+requests?|releases?|work|code)(?:\s+(?:to|in|on|for)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?)?\s+(?:will\s+)?(?:now\s+)?(?:need|needs|require|requires|must\s+(?:get|have))\s+(?:a\s+)?(?:sign-?off|approval|review)\s+from\s+(?:his|her|their|a)\s+(?:manager|lead|supervisor|boss|senior(?:\s+[\w-]+)?)|(?:fired|sacked|disciplined|reprimanded|demoted)\s+(?<q12>(?:the|our|a|an|that|this|his|her|their)\s+[^,.;:]{1,30}?|[\p{Lu}@][^,.;:\s]{1,30}?)(?=\s+(?:who|that|for|after|over|because|on|from|as|immediately|today|yesterday|last|this|in)\b|[,.;:]|$))(?![\p{L}\p{N}_@'’-])`, 'giu'),
    check(ctx, m) {
      const groups = m.groups ?? {};
      const key = Object.keys(groups).find((g) => groups[g] !== undefined);
      // "… so that someone is watching what he does" is the purpose of the remedy, not a hypothetical.
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index)) || key !== 'q14' && hypotheticalBefore(ctx.text.slice(0, m.index))) return undefined;
      const trigger: [number, number] = [m.index + m[0].length - m[0].trimStart().length, m.index + m[0].length];
      const tokens = ctx.tokens;
      if (key?.startsWith('q')) {
        // "Re-iterate to the firmware team that every image must be tested": the people told, or the people in the clause.
        const whoOf = (name: string) => {
          const who = groups[name]!;
          const start = m.index + m[0].indexOf(who);
          return personIn(tokens, ctx.tokenAt(start), ctx.tokenAt(start + who.length));
        };
        const agent = key === 'q2to' ? (whoOf('q2') ?? whoOf('q2to')) : whoOf(key);
        if (!agent || agent.kind === 'we') return undefined;
        // A reminder may be for a whole role ("support agents must double-check"); the other remedies single someone out.
        if (!specific(tokens, agent) && !/^q[12](?:to)?$/.test(key)) return undefined;
        if (key === 'q4' && !SANCTION.test(ctx.text)) return undefined;
        if (key === 'q11' && ON_LEAVE.test(ctx.text)) return undefined;
        // A move between teams is a sanction only when the sentence says so ("as a consequence", "after the outage").
        if (key === 'q11' && /^(?:mov|reassign)/i.test(m[0]) && !SANCTION.test(ctx.text)) return undefined;
        return candidate('punitive', ctx, trigger, agent);
      }
      if (key === 'imperative') {
        // An order to people: at the start of the item or after "Owner: Ifeoma —", in an action item or addressed to people.
        const before = ctx.text.slice(0, m.index);
        const opens = /^[\W\d]*(?:please\W+)?(?:(?:folks|people|everyone|team|all|y'all|guys)\W+)?$/i.test(before) || /[:—–-]\s*$/.test(before);
        if (!opens) return undefined;
        if (!ctx.inActionItem && !/^\W*(?:owner|action|todo|follow-up|note)\b/i.test(ctx.text) && !/\b(?:people|folks|everyone|team|all)\s*[:,!]/i.test(ctx.text) && !/^(?:tighten|try|do\s+better|step)/i.test(m[0])) return undefined;
        return candidate('punitive', ctx, trigger);
      }
      if (key?.startsWith('subj') || key === 'ownerConduct') {
        let agent: Agent | undefined = subjectBefore(tokens, ctx.tokenAt(m.index));
        if (key === 'ownerConduct') agent = ownerOf(tokens, classifyAt(tokens, ctx.tokenAt(m.index))) ?? (person(agent) ? agent : undefined);
        if (!person(agent)) return undefined;
        if (/subj(?:Supervised|Sanction|Banned|Training|Apology)/.test(key) && !specific(tokens, agent)) return undefined;
        if (key === 'subjSanction' && ON_LEAVE.test(ctx.text)) return undefined;
        // In the past tense, only a punishment by its very word ("was fired", "has been suspended"); "the user was removed from
        // the organisation" is an account change unless the sentence gives it as a sanction.
        if (key === 'subjSanction' && /^(?:was|were|has|have|had|got)\b/i.test(m[0]) && !/\b(?:fired|sacked|let\s+go|dismissed|disciplined|reprimanded|suspended|demoted|punished|written\s+up|probation|pip|accountable)\b/i.test(m[0]) && !SANCTION.test(ctx.text.slice(m.index + m[0].length))) return undefined;
        // Training is a sanction for one person after what they did, not a course for everyone.
        if (key === 'subjTraining' && !/\b(?:retake|redo|repeat|re-?do|re-?take|remedial|refresher)\b/i.test(m[0]) && !SANCTION.test(ctx.text)) return undefined;
        return candidate('punitive', ctx, trigger, agent);
      }
      // "three strikes and he's off the team", "remedial training".
      return candidate('punitive', ctx, trigger);
    },
  },
  {
    // Remedies aimed at one person, softly put: "Make sure Ikechukwu understands that …", "have a conversation with Dana about
    // following the checklist", "Oksana will be paired with a senior engineer until further notice", "LM comes off the deploy rota",
    // "Marek's deploy rights have been moved to a more experienced engineer", "ensure Suresh does not push to master again",
    // "JB to stop doing hotfixes on prod"; and reminders to a role: "Ask the frontend team to please be more mindful", "Remind all
    // on-call engineers to actually read the alert".
    re: new RegExp(String.raw`(?<![\p{L}\p{N}_@'’-])(?:make\s+sure\s+(?<r1>[^,.;:]{1,30}?)\s{1,4}(?:understands|knows|realises|realizes|remembers|is\s+aware|learns|appreciates)\b|(?:have|having|had|schedule|book|hold)\s+(?:a|an)\s+(?:[\w-]+\s+)?(?:conversation|chat|talk|discussion)\s+with\s+(?<r2>[^,.;:]{1,30}?)\s{1,4}(?:about|regarding|re:?|on)\s+(?:following|not\s+following|being|(?:the\s+)?(?:need|importance)\s+(?:to|of)|how\s+(?:he|she|they)|what\s+(?:he|she|they)|(?:his|her|their)\b|(?:[\w-]+\s+)?(?:discipline|conduct|behaviou?r|attitude|professionalism|carelessness)\b|rushing\b|cutting\s+corners\b)|(?<s3>(?:will\s+be|is\s+to\s+be|to\s+be|is\s+being|has\s+been|will\s+get)\s+(?:paired|buddied|partnered|shadowed)\s+(?:up\s+)?with\s+(?:a|an|the)\s+(?:more\s+)?(?:senior|experienced|lead|staff)\b)|(?<s4>(?:comes?|came|is\s+coming|goes|will\s+come|to\s+come|is\s+taken|was\s+taken|will\s+be\s+taken|to\s+be\s+taken|is\s+removed|to\s+be\s+removed|was\s+removed|will\s+be\s+removed)\s+off\s+(?:the\s+)?(?:[\w-]+\s+)?(?:rota|rotation|roster|pager|on-?call)\b)|(?<r5>[\p{L}@][\p{L}\p{N}@.-]{0,29}(?:'s|s'|’s))\s{1,4}(?:[\w-]+\s+){0,3}?(?:rights|access|permissions|privileges)\s+(?:[^.;]{0,40}?\s)?(?:have\s+been|has\s+been|were|was|are|is|will\s+be)\s+(?:moved|handed|transferred|given|reassigned|passed)\s+(?:over\s+)?to\b|pair\s+(?<r9>[^,.;:]{1,30}?)\s{1,4}(?:up\s+)?with\s+(?:a|an)\s+(?:more\s+)?(?:senior|experienced|lead)\b|talk\s+to\s+(?<r10>[^,.;:]{1,30}?)\s{1,4}(?:one-on-one\s+|1:1\s+|privately\s+|directly\s+)?about\s+(?:[\w-]+ing\b|(?:his|her|their)\s+(?:conduct|behaviou?r|attitude|mistakes?|carelessness|approach|work|habits|discipline)\b)|(?<own>stop\s+(?:merging|approving|pushing|reviewing|deploying)\s+(?:your|his|her|their)\s+own\b)|ensure\s+(?<r6>[^,.;:]{1,30}?)\s{1,4}(?:does\s+not|doesn't|do\s+not|don't|never|won't|will\s+not|cannot|can't)\s+[^.;]{1,50}?\bagain\b|(?<s7>to\s+stop\s+(?:doing|pushing|making|running|deploying|merging|touching|editing|skipping|ignoring|bypassing|hot-?fixing|escalating|approving|sleeping|closing|silencing|acking|acknowledging|force-pushing|committing)\b|to\s+(?:always\s+)?(?:double|triple)-check\b|(?:shadows?|shadowing|will\s+shadow|to\s+shadow)\s+(?:someone|somebody|a\s+senior\s+[\w-]+)\s+(?:more\s+)?(?:competent|experienced|senior|who\s+knows))|(?:remind|tell|ask|urge|instruct|encourage|get)\s+(?<r8>[^,.;:]{1,40}?)\s{1,4}to\s+(?:please\s+(?:${EXHORT})|actually\s+(?:read|check|look\s+at|follow|test|open|review|watch|run|use|wait|ask|escalate)\b))(?![\p{L}\p{N}_@'’-])`, 'giu'),
    check(ctx, m) {
      const groups = m.groups ?? {};
      const key = Object.keys(groups).find((g) => groups[g] !== undefined);
      if (!key || negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index)) || hypotheticalBefore(ctx.text.slice(0, m.index))) return undefined;
      let agent: Agent | undefined;
      if (key === 'own') {
        // "Owner: Ngozi — stop merging your own hotfixes": an order to the person the item names.
        if (!ctx.inActionItem && !/^\W*(?:owner|action|todo|follow-up)\b/i.test(ctx.text)) return undefined;
        const named = firstPerson(ctx.tokens, ctx.tokenAt(m.index));
        return named ? candidate('punitive', ctx, [m.index, m.index + m[0].length], named) : candidate('punitive', ctx, [m.index, m.index + m[0].length]);
      }
      if (key.startsWith('s')) {
        // The subject of the remedy: "Oksana will be paired with …", "LM comes off the rota", "JB to stop doing hotfixes".
        const k = ctx.tokenAt(m.index);
        const subject = subjectBefore(ctx.tokens, k);
        agent = person(subject) ? subject : initials(ctx.tokens, k - 1, k);
      } else {
        const who = groups[key]!;
        const start = m.index + m[0].indexOf(who);
        agent = personIn(ctx.tokens, ctx.tokenAt(start), ctx.tokenAt(start + who.length)) ?? initials(ctx.tokens, ctx.tokenAt(start), ctx.tokenAt(start + who.length));
      }
      if (!agent || agent.kind === 'we') return undefined;
      // A reminder may be for a role; the rest single someone out.
      if (key !== 'r8' && !specific(ctx.tokens, agent)) return undefined;
      if (key === 's4' && ON_LEAVE.test(ctx.text)) return undefined;
      // A conversation with a vendor or a customer is about their process, not a talking-to.
      if ((key === 'r2' || key === 'r10') && /^(?:vendor|vendors|supplier|suppliers|provider|providers|partner|partners|customer|customers|client|clients|upstream)$/.test(ctx.tokens[agent.to].lw)) return undefined;
      // Onboarding is not supervision: "paired with a senior engineer for her first month, as every new hire is".
      if (key === 's3' && /\b(?:new\s+hires?|onboarding|first\s+(?:week|month|rotation)|as\s+(?:every|all|any)\b)/i.test(ctx.text)) return undefined;
      if (key === 's7' && !ctx.inActionItem && !/^\W*(?:action|follow-up|todo|owner|agreed)\b/i.test(ctx.text)) return undefined;
      const from = key.startsWith('s') ? Math.min(m.index, ctx.tokens[agent.from].start) : m.index + m[0].length - m[0].trimStart().length;
      return candidate('punitive', ctx, [from, m.index + m[0].length], agent);
    },
  },
  {
    // The formal register: a lapse named as a noun and tied to a person ("an oversight on the part of Mr. Castellanos", "a deviation
    // from procedure by Mr. Karimov", "a failure of ownership within the mobile squad", "Insufficient care was exercised by the
    // deployer"), a failure traced to what a person did ("originated with Ms. Papadopoulos's decision", "was occasioned by the
    // administrator's deletion"), accountability placed ("Accountability for … lies with the pricing team"), and judgements of
    // conduct ("showed poor judgement", "fell well below the standard expected", "did not possess the competence required").
    re: new RegExp(String.raw`(?<![\p{L}\p{N}_@'’-])(?:(?<lapse>(?:oversight|omission|deviation\s+from\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}?(?:procedure|process|protocol|sop|policy|runbook|plan|checklist)|non-?compliance(?:\s+with\s+[\w-]+(?:\s+[\w-]+)?)?|failure\s+of\s+(?:ownership|diligence|care|oversight|supervision|communication)|lack\s+of\s+(?:diligence|care|attention|rigou?r|ownership|judge?ment|competence|professionalism|discipline)|(?:insufficient|inadequate)\s+(?:care|attention|diligence|rigou?r)|want\s+of\s+(?:[\w-]+\s+)?(?:care|diligence|attention|judge?ment)|error\s+of\s+judge?ment|(?:an\s+)?error|lapse\s+(?:in|of)\s+(?:judge?ment|concentration|attention|care)|negligence|carelessness|inattention|unauthori[sz]ed\s+(?:modification|change|deletion|alteration|edit)s?(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?[\w-]+)?)\s+(?:(?:was|were|had\s+been)\s+(?:exercised|shown|displayed|committed|made)\s+)?(?:on\s+the\s+part\s+of|committed\s+by|made\s+by|shown\s+by|displayed\s+by|exercised\s+by|by|within)\s)|(?<traced>(?:originat(?:ed|es)\s+with|ar(?:ose|ises|isen)\s+from|stem(?:s|med)?\s+from|(?:can|may|must|is\s+to)\s+be\s+(?:ascribed|attributed|traced)\s+(?:principally\s+|mainly\s+|primarily\s+|largely\s+|entirely\s+|directly\s+)?to|(?:is|was|are|were)\s+(?:principally\s+|mainly\s+|primarily\s+|largely\s+|entirely\s+|directly\s+)?(?:attributable|ascribable)\s+to|(?:was|were)\s+occasioned\s+by)\s)|(?<accountable>(?:accountability|responsibility|liability|culpability)\s+(?:for\s+[^.;]{1,60}?\s)?(?:lies|lay|rests|rested|sits|sat)\s+(?:squarely\s+|solely\s+|entirely\s+)?with\s)|(?<shown>(?:showed|shows|displayed|displays|exercised|demonstrated|exhibited)\s+(?:an?\s+)?(?:(?:poor|questionable|bad|insufficient|little)\s+(?:judge?ment|care|diligence|attention)|(?:want|lack)\s+of\s+(?:[\w-]+\s+)?(?:care|diligence|attention|judge?ment|competence))|fell\s+(?:well\s+|far\s+|significantly\s+)?(?:below|short\s+of)\s+the\s+standards?\s+(?:expected|required)|did\s+not\s+possess\s+the\s+(?:competence|skills?|experience|judge?ment)|could\s+(?:charitably|generously|kindly)\s+be\s+(?:described|called)\s+as)|(?<blamePut>(?:put|puts|putting|placed|places|laid|lays)\s+(?:the\s+|all\s+(?:the\s+)?)?blame\s+(?:squarely\s+|firmly\s+|entirely\s+|solely\s+)?(?:on|upon|at\s+the\s+feet\s+of)\s)|(?<than>an?\s+(?:more|less)\s+(?:careful|competent|experienced|diligent|attentive|thorough|cautious|reckless|careless)\s+[\w-]+\s+than\s)|(?<theirs>(?:mistake|fault|error|blame|oversight|screw-?up)\s+(?:was|is)\s+(?:entirely\s+|all\s+|solely\s+|squarely\s+|wholly\s+)?(?:the\s+)?(?=[\p{L}@][\p{L}\p{N}@._-]{0,30}(?:\s+[\p{L}-]{1,20}){0,2}?(?:'s|s'|’s)(?![\p{L}]))))`, 'giu'),
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index)) || hypotheticalBefore(ctx.text.slice(0, m.index))) return undefined;
      const g = m.groups ?? {};
      const tokens = ctx.tokens;
      const end = m.index + m[0].length;
      if (g.than) {
        // "a more careful engineer than Hyun-woo would have checked …": the person compared, in hindsight.
        const agent = headFrom(tokens, ctx.tokenAt(end)) === undefined ? undefined : classifyAt(tokens, headFrom(tokens, ctx.tokenAt(end))!);
        return person(agent) && /^\s+(?:would|could|might)\b/i.test(ctx.text.slice(tokens[agent.to].end)) ? candidate('judgement', ctx, [m.index, tokens[agent.to].end], agent) : undefined;
      }
      if (g.shown) {
        // The subject, or the owner of the subject ("Ms. Oduya's handling of the escalation fell …", "The squad's release practices …").
        const subject = subjectBefore(tokens, ctx.tokenAt(m.index));
        const agent = person(subject) ? subject : possessorBefore(tokens, ctx.tokenAt(m.index), 10);
        return person(agent) && !generic(tokens, agent) ? candidate('judgement', ctx, [m.index, end], agent) : undefined;
      }
      // What follows names the person: directly ("lies with the pricing team", "by Mr. Karimov"), or as the owner of what they did
      // ("with Ms. Papadopoulos's decision", "by the administrator's deletion"), or after a lapse noun ("from an oversight on the part of …").
      const k = ctx.tokenAt(end);
      const head = headFrom(tokens, k);
      if (head === undefined) return undefined;
      let agent: Agent | undefined = companyVendor(tokens, head) ?? classifyAt(tokens, head);
      if (!person(agent)) {
        const owner = ownerOf(tokens, agent);
        agent = owner && person(owner) && ACTION_OR_LAPSE.test(stripPossessive(tokens[agent.to].lw)) ? owner : undefined;
        if (!agent && g.traced && LAPSE_NOUN.test(tokens[head].lw)) {
          const by = /^\s*(?:[\w-]+\s+){0,4}?(?:on\s+the\s+part\s+of|committed\s+by|made\s+by|by|within)\s/i.exec(ctx.text.slice(tokens[head].end));
          if (by) {
            const h2 = headFrom(tokens, ctx.tokenAt(tokens[head].end + by[0].length));
            const a2 = h2 === undefined ? undefined : classifyAt(tokens, h2);
            if (person(a2)) agent = a2;
          }
        }
      }
      // "a member of the integration team": the team.
      if (agent && tokens[agent.to].lw === 'member' && tokens[agent.to + 1]?.lw === 'of') {
        const h3 = headFrom(tokens, agent.to + 2);
        if (h3 !== undefined && person(classifyAt(tokens, h3))) agent = classifyAt(tokens, h3);
      }
      if (!person(agent) || generic(tokens, agent)) return undefined;
      // "an error by the pricing engine" is the system's; "by" after a plain "error" needs a person who is not a customer or a user.
      if (g.lapse && /^(?:an\s+)?error/i.test(m[0]) && /^(?:users?|customers?|clients?|members?)$/.test(tokens[agent.to].lw)) return undefined;
      return candidate('attribution', ctx, [m.index, tokens[agent.to].end], agent);
    },
  },
  {
    // Hindsight and remedies in the formal register: "One would reasonably have expected the clinical systems lead to notify …",
    // "It would have been prudent for Ms. Mahlangu to seek a second opinion", "Greater attentiveness on Mr. Dubois's part would
    // have prevented …"; "A performance conversation has been scheduled with the engineer", "Appropriate measures have been taken
    // with the staff member responsible", "The employee's probationary period has been extended", "placed under the supervision of
    // a senior controller", "that developers be reminded to pay due attention", "request that the QA function apply greater rigour".
    re: new RegExp(String.raw`(?<![\p{L}\p{N}_@'’-])(?:(?<expected>(?:one|we|anyone|the\s+(?:board|panel|review))\s+would\s+(?:reasonably\s+|normally\s+|certainly\s+|surely\s+)?have\s+expected\s+)|(?<prudent>it\s+would\s+have\s+been\s+(?:more\s+)?(?:prudent|wise|sensible|better|advisable|appropriate|preferable)\s+for\s+)|(?<part>(?:greater|more|closer|better)\s+(?:attentiveness|care|diligence|attention|vigilance|scrutiny)\s+on\s+)|(?<conversation>(?:a\s+)?(?:performance|disciplinary|capability)\s+(?:conversation|discussion|review|meeting|hearing|process)\s+(?:has\s+been|have\s+been|will\s+be|is\s+being|was)\s+(?:scheduled|arranged|opened|initiated|started|held|booked)\s+with\s+)|(?<measures>(?:appropriate|disciplinary|corrective|necessary|suitable)\s+(?:measures|action|steps)\s+(?:has|have)\s+been\s+taken\s+(?:with|against|in\s+respect\s+of|regarding)\s+)|(?<probation>probationary\s+period\s+(?:has\s+been|was|will\s+be|is\s+to\s+be)\s+extended)|(?<supervised>(?:placed|put|kept)\s+under\s+(?:the\s+)?(?:close\s+|direct\s+)?supervision\s+of)|(?<reminded>(?:be|are\s+to\s+be|will\s+be|should\s+be|must\s+be)\s+(?:formally\s+)?reminded\s+to\s+(?:${EXHORT}))|(?<request>(?:request|ask|require)\s+that\s+(?<rq>[^,.;:]{1,30}?)\s{1,4}(?:${EXHORT})))`, 'giu'),
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index))) return undefined;
      const g = m.groups ?? {};
      const tokens = ctx.tokens;
      const end = m.index + m[0].length;
      const after = (from: number) => {
        const head = headFrom(tokens, ctx.tokenAt(from));
        return head === undefined ? undefined : classifyAt(tokens, head);
      };
      if (g.expected || g.prudent) {
        const agent = after(end);
        // "… expected the failover to …": a thing is no one's hindsight.
        if (!person(agent) || !/^\s+to\s/i.test(ctx.text.slice(tokens[agent.to].end))) return undefined;
        return candidate('counterfactual', ctx, [m.index, tokens[agent.to].end], agent);
      }
      if (g.part) {
        // "on Mr. Dubois's part", "on the DBA's part": the owner of "part", in a sentence about what would have been.
        const k = ctx.tokenAt(end);
        for (let i = k; i < tokens.length && i < k + 5; i++) {
          if (tokens[i].lw !== 'part' || i === 0 || !POSSESSIVE.test(tokens[i - 1].lw)) continue;
          const owner = classifyAt(tokens, i - 1);
          return person(owner) && /\b(?:would|could|might)\b/i.test(ctx.text.slice(tokens[i].end)) ? candidate('counterfactual', ctx, [m.index, tokens[i].end], owner) : undefined;
        }
        return undefined;
      }
      if (g.conversation || g.measures) {
        const agent = after(end);
        return person(agent) ? candidate('punitive', ctx, [m.index, tokens[agent.to].end], agent) : undefined;
      }
      if (g.probation || g.supervised) {
        const subject = subjectBefore(tokens, ctx.tokenAt(m.index));
        const agent = person(subject) ? subject : subject.kind === 'system' ? ownerOf(tokens, subject) : undefined;
        return person(agent) ? candidate('punitive', ctx, [Math.min(m.index, tokens[agent.from].start), end], agent) : undefined;
      }
      if (g.reminded) {
        const subject = subjectBefore(tokens, ctx.tokenAt(m.index));
        return person(subject) ? candidate('punitive', ctx, [Math.min(m.index, tokens[subject.from].start), end], subject) : undefined;
      }
      const who = g.rq!;
      const start = m.index + m[0].indexOf(who, m[0].search(/that/i));
      const agent = personIn(tokens, ctx.tokenAt(start), ctx.tokenAt(start + who.length)) ?? after(start);
      return person(agent) ? candidate('punitive', ctx, [m.index, end], agent) : undefined;
    },
  },
  {
    // Blame carried by plain words in context (the dev16 pass): the subject's choice and what it cost ("changed the limit to 10
    // instead of 100", "only tested it locally", "approved the pull request in two minutes", "saw the alert and went back to the
    // dashboard", "signed off on the build even though two smoke tests were red", "kept running it after being asked to stop",
    // "assumed it was the usual noise", "treated the warning as noise", "typed it from memory and got one letter wrong", "had not run
    // it against a copy of production", "simply didn't"); habits and competence ("tends to rush changes out", "is still new to
    // Kubernetes and it showed"); the person placed at the cause ("Jin is the one who wrote …", "Jonas's decision to … is what let …",
    // "the one person whose job it was"); counterfactuals ("Were it not for Aisha's edit", "All Mei had
    // to do was", "A quick look by the on-call engineer … would have shown"); remedies ("Tariq is not to deploy …", "Kenji to re-read
    // the docs", "remind Omar that …", "will be told to be more careful", "Helen's access is suspended").
    re: new RegExp(String.raw`(?<![\p{L}\p{N}_@'’-])(?:(?<instead>(?:changed|set|configured|bumped|lowered|raised|typed|entered|sized|capped|limited)\s+(?:[^.;]{0,40}?\s)?to\s+[\w.,%-]+(?:\s+[\p{L}%]{1,5})?\s+instead\s+of\s+[\w.,%-]+)|(?<locally>only\s+(?:ever\s+)?tested\s+(?:it|this|that|them|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:locally|on\s+(?:his|her|their|a)\s+(?:own\s+)?(?:laptop|machine|workstation)|by\s+hand|manually|in\s+(?:his|her|their)\s+head))|(?<quick>approved\s+(?:the\s+|a\s+|this\s+)?(?:[\w,-]+\s+){0,2}?(?:pr|pull\s+request|merge\s+request|mr|change|diff|patch|migration)\s+in\s+(?:one|two|three|five|ten|a\s+few|under\s+a|\d+)\s+(?:minutes?|seconds?))|(?<sawAlert>saw\s+(?:the\s+|a\s+|that\s+)?(?:[\w-]+\s+){0,2}?(?:alert|page|alarm|warning)s?(?:\s+at\s+[\d:]+)?\s+and\s+(?:(?:went\s+back|returned)\s+to\s+(?!(?:the\s+)?(?:[\w-]+\s+)?(?:runbook|playbook|docs|documentation|logs|procedure|console|terminal)\b)|ignored|carried\s+on|kept\s+(?:working|watching|going)|moved\s+on|closed\s+it|dismissed))|(?<despite>(?:signed\s+off\s+on|approved|merged|deployed|shipped|pushed|released|rolled\s+out|applied)\s+[^.;]{1,40}?\s(?:even\s+though|although)\s+[^.;]{0,50}?\b(?:still\s+)?(?:red|failing|failed|broken|not\s+(?:yet\s+)?(?:passed|finished|reviewed|approved|green)|warned|objected))|(?<asked>(?:after|despite)\s+being\s+(?:asked|told|warned|instructed|reminded)\s+(?:twice\s+|repeatedly\s+|again\s+|explicitly\s+)?(?:not\s+to|to\s+(?:stop|wait|hold\s+off|pause|back\s+off|leave\s+it))\b|even\s+after\s+(?:we|I|they|he|she|the\s+[\w-]+)\s+(?:had\s+)?(?:asked|told|warned|begged)\s+(?:them|him|her)\b)|(?<assumed>(?:because|as|since)\s+(?:he|she|they)\s+(?:just\s+|simply\s+)?(?:assumed|figured|presumed)\b|(?:assumed|presumed)\s+(?:that\s+)?(?:it|this|that|they|the\s+[\w-]+(?:\s+[\w-]+)?)\s+(?:was|were|would\s+be|had\s+been)\s+(?:the\s+usual|just|only|off|safe|fine|harmless|a\s+(?:false|duplicate|test))\b)|(?<noise>treated\s+(?:the|that|this|every|each|those|these)\s+(?:[\w-]+\s+){0,2}?(?:warning|alert|alarm|page|error)s?\s+as\s+(?:noise|spam|a\s+false\s+alarm))|(?<memory>from\s+memory\s+and\s+got\s+|got\s+(?:one|a|two|the)\s+(?:[\w-]+\s+){0,2}?wrong\b)|(?<hadNot>(?:had\s+not|hadn't)\s+(?:even\s+|actually\s+|once\s+)?(?:run|tested|checked|verified|validated|reviewed|read|rehearsed|looked\s+at)\b)|(?<simply>(?:simply|just)\s+(?:didn't|did\s+not|wasn't|was\s+not|never\s+did)\s*(?:[.!]\s*)?$)|(?<tends>tends?\s+to\s+(?:rush\s+(?:changes|deploys|releases|reviews|things|it)|skip\s+(?:the\s+)?(?:tests?|reviews?|canary|checks?|runbook|steps?)|ignore|cut\s+corners|forget|skim|rubber-stamp|bypass|merge\s+without|deploy\s+without|push\s+without))|(?<showed>\band\s+it\s+show(?:ed|s)\s*(?:[.!]\s*)?$)|(?<oneWho>(?:is|was)\s+the\s+(?:one|person|engineer)\s+who\s)|(?<whoseJob>the\s+(?:one\s+)?(?:person|engineer|team|people)\s+whose\s+(?:job|responsibility)\s+it\s+was\b)|(?<whatLet>(?:is|was)\s+(?:what|exactly\s+what)\s+(?:let|caused|broke|triggered|started|brought\s+down|took\s+down|opened)\b|(?:is|was)\s+the\s+(?:real\s+|actual\s+|true\s+|whole\s+)?root\s+cause\b|(?:is|was)\s+the\s+(?:real\s+|main\s+|only\s+|whole\s+)?reason\b|(?:is|was)\s+the\s+(?:single\s+)?(?:biggest|main|primary|largest|key|decisive)\s+(?:contributing\s+)?(?:factor|cause|contributor)\b)|(?<wereIt>(?:were\s+it\s+not|if\s+it\s+(?:had\s+not|hadn't)\s+been|had\s+it\s+not\s+been)\s+for\s)|(?<allHad>all\s+(?<ah>[^,.;:]{1,30}?)\s{1,4}had\s+to\s+do\s+was\b)|(?<look>(?:a|one)\s+(?:quick|simple|single|brief|two-minute|five-minute|cursory)\s+(?:look|glance|check|read|review)\s+by\s+(?<lk>[^,.;:]{1,30}?)\s[^.;]{0,60}?\bwould\s+(?:have|'ve)\b)|(?<notTo>(?:is|are)\s+not\s+to\s+(?:deploy|push|merge|touch|access|run|approve|change|edit)\b)|(?<reread>to\s+(?:re-?read|go\s+(?:back\s+)?(?:over|through)|revisit|re-?study)\s+(?:the\s+)?[^.;]{1,40}?(?:docs|documentation|guide|runbook|manual|procedure|handbook|training)\b)|(?<remind>remind\s+(?<rm>[^,.;:]{1,30}?)\s{1,4}that\s)|(?<told>(?:will\s+be|to\s+be|is\s+to\s+be|should\s+be|are\s+to\s+be)\s+told\s+to\s+(?:${EXHORT}))|(?<suspended>(?:access|rights|permissions|privileges|credentials)\s+(?:is|are|has\s+been|have\s+been|will\s+be|was|were)\s+(?:temporarily\s+)?(?:suspended|revoked|withdrawn|pulled|frozen)\b)|(?<himself>(?:pushed|merged|deployed|approved|shipped|ran|applied|released)\s+(?:it|this|that|the\s+[\w-]+)\s+(?:himself|herself|themselves)\b)|(?<watch>on\s+(?<wt>[\p{L}@][\p{L}\p{N}@._-]{0,30}(?:'s|s'|’s))\s+watch\b)|(?<whoOnEarth>who\s+(?:on\s+earth|the\s+hell|in\s+(?:their|his|her)\s+right\s+mind)\b(?!\s+(?:would|could|might)(?:\s+have)?\s+(?:guessed|known|thought|expected|predicted|foreseen|noticed|imagined)))|(?<knewBetter>(?:decided|thought|figured|felt)\s+(?:that\s+)?(?:he|she|they)\s+knew\s+better\s+than\b)|(?<doesNot>(?:does\s+not|doesn't|do\s+not|don't|never)\s+(?:test|check|read|review|look\s+at|follow|watch)\s+(?:anything|any\s+of|the\s+(?:[\w-]+\s+)?(?:channel|alerts?|dashboard|docs|runbook|pages?)|alerts|pages)\b)|(?<pairSenior>to\s+pair\s+(?:up\s+)?with\s+a\s+(?:more\s+)?(?:senior|experienced|lead)\b)|(?<rightsRemoved>(?:will\s+have|has\s+had|is\s+to\s+have|to\s+have)\s+(?:his|her|their)\s+(?:[\w-]+\s+)?(?:rights|access|privileges|permissions|credentials)\s+(?:removed|revoked|suspended|pulled|withdrawn|taken\s+away)\b)|(?<shadow>(?:will|to|must|should|is\s+to)\s+shadow\s+(?:a|an)\s+(?:more\s+)?(?:senior|experienced|lead)\b)|(?<except>except\s+(?:that\s+)?(?:he|she|they)\s+(?:ran|did|applied|deployed|pushed|executed)\s+(?:it|this|that)\s+(?:on|against|in|to)\s+(?:the\s+)?(?:primary|prod|production|live|master|main)\b)|(?<noMatter>no\s+matter\s+what\s+(?:anyone|anybody|we|they|others|the\s+[\w-]+)\s+(?:said|says|thought|advised))|(?<byTheTime>by\s+the\s+time\s+(?<bt>[^,.;:]{1,30}?)\s{1,4}(?:finally\s+)?(?:decided|bothered|got\s+around|thought|remembered)\s+to\b)|(?<stillWaited>still\s+waited\s+(?:[\w-]+\s+){0,2}?(?:minutes|hours|seconds|days)\b)|(?<promised>still\s+(?:hasn't|has\s+not|haven't|have\s+not)\s+[^.;]{1,60}?\b(?:they|he|she)\s+promised\b)|(?<whatDid>what\s+(?<wd>[^,.;:]{1,30}?)\s{1,4}did\b(?:\s+next|\s+then)?[^.;]{0,80}?\b(?:is|was)\s+(?:why|the\s+reason|what\s+(?:caused|broke|started)))|(?<readIt>confirm\s+(?:that\s+)?(?:she|he|they)\s+(?:has|have)\s+(?:actually\s+)?read\s+(?:it|them|the\s+[\w-]+))|(?<whoDid>^\W*(?:who|whoever)\s+(?:the\s+hell\s+|on\s+earth\s+|exactly\s+)?(?:(?:nuked|broke|deleted|dropped|wiped|killed|trashed|clobbered|disabled|removed|truncated|force-pushed|overwrote)\b(?=[^.;]*\?|[^.;?]*\b(?:without|instead\s+of|straight\s+to|over\s+a\s+red)\b)|(?:merged|pushed|deployed|shipped|approved)\b(?=[^.;?]*\b(?:without|instead\s+of|straight\s+to|over\s+a\s+red)\b)))|(?<asLesson>(?:make|have|get)\s+(?<mk>[^,.;:]{1,30}?)\s{1,4}(?:present|explain|apologi[sz]e|write\s+up|walk\s+(?:the\s+)?(?:team|org)\s+through)\b[^.;]{0,60}?\b(?:as\s+a\s+(?:lesson|warning|punishment)|to\s+the\s+whole\s+(?:org|organi[sz]ation|company|team|department))\b)|(?<review>add\s+(?:this|the)\s+(?:incident|outage|mistake|error|event)\s+to\s+(?<rv>[\p{L}@][\p{L}\p{N}@._-]{0,30}(?:'s|s'|’s))\s+(?:performance\s+review|personnel\s+file|hr\s+file|record|file|appraisal)\b)|(?<watchOver>(?:watch|look)\s+over\s+(?<wo>[\p{L}@][\p{L}\p{N}@._-]{0,30}(?:'s|s'|’s))\s+(?:deploys|deployments|changes|work|commits|shoulder|merges)\b))`, 'giu'),
    check: plainWordsCheck,
  },
  {
    // More plain words in context (the dev19 pass), in a regex of their own so that the one above keeps its screen and its cost:
    // "was the last person to touch", "… and went home", "even though the canary was still …", "Although the runbook says …,",
    // habits, "asleep at the switch", "What actually broke it was X", "Lesson for X:", "with more care from X … would",
    // "Any reasonable engineer would have …", sarcastic praise, "we all know who", remedies aimed at one person.
    re: new RegExp(String.raw`(?<![\p{L}\p{N}_@'’-])(?:(?<lastToTouch>(?:was|is)\s+the\s+last\s+(?:person|one|engineer|human|dev|developer)\s+to\s+(?:touch|change|edit|modify|deploy\s+to|push\s+to|log\s+into|work\s+on|commit\s+to)\b)|(?<wentHome>(?:merged|deployed|shipped|pushed|released|applied|flipped|kicked\s+off|rolled\s+out)\s+(?![^.;]{0,40}?\b(?:fix|fixes|rollback|revert|mitigation)\b)[^.;]{1,60}?\s(?:and|then)\s+(?:then\s+)?(?:went\s+(?:home|to\s+(?:bed|lunch|sleep))|left\s+for\s+(?:lunch|the\s+day|the\s+weekend|home|the\s+night|the\s+airport|vacation|holiday)|logged\s+off|left\s+the\s+office)(?=\s*(?:[.,;!)]|$|without\b|so\b|and\b)))|(?<concede>(?:signed\s+off\s+on|approved|merged|deployed|shipped|pushed|released|rolled\s+out|applied|flipped|proceeded\s+with|went\s+ahead\s+with|deleted|dropped|failed\s+over)\s+[^.;]{1,60}?\s(?:even\s+though|although|despite|notwithstanding|in\s+spite\s+of)\s+(?:[^.;]{0,50}?\b(?:was|were|is|are)\s+still\s+[a-z]+ing|(?:the\s+|a\s+|two\s+|three\s+|several\s+|repeated\s+|multiple\s+|clear\s+|explicit\s+)?(?:[\w-]+\s+){0,2}?(?:warnings?|objections?|advice|protests?))\b)|(?<runbookSays>^\W*(?:although|even\s+though|though)\s+the\s+(?:runbook|playbook|procedure|checklist|policy|docs|documentation|process|sop)\s+(?:clearly\s+|explicitly\s+|specifically\s+)?(?:says|said|states|stated|requires|required|tells\s+you|spells\s+out)\b[^.;]{0,80}?,)|(?<habit>habit\s+of\s+[a-z]+ing\b)|(?<asleep>asleep\s+at\s+the\s+(?:switch|wheel))|(?<slippedMind>slipped\s+(?:his|her|their)\s+mind)|(?<insisted>insist(?:ed|s)\s+on\s+(?:launching|shipping|releasing|deploying|going\s+live|pushing|rolling\s+out|merging|skipping|cutting\s+over))|(?<trainingAgain>(?:attend|complete|redo|retake|repeat|do|take|sit)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?training\s+again\b)|(?<restrict>(?:restrict|limit|demote|downgrade)\s+(?<rs>[\p{L}@][\p{L}\p{N}@._-]{0,30})\s+to\s+read-?only\b)|(?<haveWord>(?:have|had)\s+a\s+(?:quiet\s+|serious\s+|stern\s+|firm\s+|little\s+|frank\s+)?(?:word|chat|talk)\s+with\s+(?<hw>(?:the\s+)?[\p{L}@][\p{L}\p{N}@._-]{0,30})\s+about\b)|(?<whatBroke>what\s+(?:actually\s+|really\s+|ultimately\s+|finally\s+)?(?:broke|caused|took\s+down|brought\s+down|killed|triggered)\b[^.;]{0,60}?\b(?:was|is)(?=\s))|(?<lessonFor>^\W*lessons?\s+(?:for|to)\s+(?<lf>(?:the\s+)?[\p{L}@][\p{L}\p{N}@._-]{0,30}(?:\s+(?:team|squad|crew|folks|devs))?)\s*:)|(?<moreCare>with\s+(?:a\s+(?:bit|little)\s+)?(?:more|greater|extra)\s+(?:care|attention|diligence|caution)\s+(?:from|by|on\s+the\s+part\s+of)\s+(?<mc>(?:the\s+)?[\p{L}@][\p{L}\p{N}@._-]{0,30}))|(?<anyReasonable>(?:any|a)\s+(?:reasonably\s+)?(?:reasonable|competent|careful|sensible|decent|half-decent|attentive|first-year|junior)\s+(?:[\w-]+\s+)?(?:engineer|reviewer|admin|administrator|developer|dev|student|operator|dba|sre|person|intern|programmer)\s+would\s+have\b)|(?<greatJob>(?:great|nice|good|stellar|fantastic|brilliant|amazing|excellent)\s+(?:job|work|going|effort)\b[^.;]{0,60}?\b(?:taking\s+down|breaking|deleting|wiping|crashing|nuking|killing|dropping|losing)\b)|(?<allKnowWho>(?:we\s+all|everyone|everybody|you\s+all)\s+knows?\s+who(?!\s+(?:to|is\s+on|was\s+on|owns|did\s+the\s+fix|fixed))\b)|(?<stopDoing>(?:needs?\s+to|has\s+to|have\s+to|must|should|to)\s+stop\s+(?:ignoring|skipping|bypassing|sleeping\s+through|rubber-stamping|(?:merging|pushing|deploying|escalating|closing\s+[\w-]+)\s+without)\b))`, 'giu'),
    check: plainWordsCheck,
  },
  {
    // HR as the remedy: "raised with his line manager and HR", "pending an HR review" (case-sensitive: not "24 hr").
    re: /(?<![\p{L}\p{N}])HR(?![\p{L}\p{N}])/gu,
    check(ctx, m) {
      if (negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index)) || hypotheticalBefore(ctx.text.slice(0, m.index))) return undefined;
      const before = ctx.text.slice(Math.max(0, m.index - 40), m.index);
      const after = ctx.text.slice(m.index + 2);
      const hrMatter = /^\s+(?:(?:has|have|will|is|was)\s+(?:now\s+)?(?:opened|open|opening|started|launched|begun|begin)\s+(?:a|an)\s+(?:formal\s+)?(?:[\w-]+\s+)?)?(?:review|investigation|case|complaint|meeting|process|hearing|action|matter|referral|involvement|inquiry)\b/i.test(after);
      const toHr = /\b(?:with|to|and|involve|involving|loop\s+in|notify|inform)\s+$/i.test(before) && /^\s*(?:[.,;:!)]|$|(?:about|for|regarding|immediately|today)\b)/i.test(after);
      // "HR to be looped in regarding Nasrin's conduct".
      const hrLooped = /^\s+(?:to\s+be|will\s+be|should\s+be|is\s+being|has\s+been)\s+(?:looped\s+in|involved|informed|notified|brought\s+in|made\s+aware)\b[^.;]{0,30}?\b(?:about|regarding|re|on|over)\b/i.test(after)
        // "asked HR to sit in on Monday's conversation with Derek".
        || /^\s+to\s+(?:sit\s+in|join|attend|be\s+present)\b[^.;]{0,40}?\b(?:conversation|meeting|talk|discussion|chat)\s+with\s+\p{Lu}/u.test(after);
      if (!hrMatter && !toHr && !hrLooped) return undefined;
      return candidate('punitive', ctx, [m.index, m.index + m[0].length], firstPerson(ctx.tokens, ctx.tokens.length));
    },
  },
];

/** The check of the plain-words rules: which group matched says whose words they are and what they need. */
function plainWordsCheck(ctx: Context, m: RegExpExecArray): Candidate | undefined {
  const g = m.groups ?? {};
  const key = Object.keys(g).find((k) => g[k] !== undefined && k in PLAIN_WORDS_KEYS);
  if (!key || negatedBefore(ctx, m.index) || rejected(ctx) || REPORTED.test(ctx.text.slice(0, m.index)) || hypotheticalBefore(ctx.text.slice(0, m.index))) return undefined;
  const tokens = ctx.tokens;
  const end = m.index + m[0].length;
  // The person a captured phrase starts with ("All the on-call engineer had to do", "A quick look by the DBA …").
  const named = (who: string, from = 0) => {
    const start = m.index + m[0].indexOf(who, from);
    const head = headFrom(tokens, ctx.tokenAt(start));
    const agent = head === undefined ? undefined : classifyAt(tokens, head);
    return person(agent) ? agent : personIn(tokens, ctx.tokenAt(start), ctx.tokenAt(start + who.length));
  };
  const after = () => {
    const head = headFrom(tokens, ctx.tokenAt(end));
    if (head === undefined) return undefined;
    const agent = classifyAt(tokens, head);
    // "because Elif's scheduled job hit …" is the job's; "were it not for Aisha's edit" is hers.
    return person(agent) ? agent : ACTION_NOUNS.test(stripPossessive(tokens[agent.to].lw)) ? ownerOf(tokens, agent) : undefined;
  };
  const { category, capture } = PLAIN_WORDS_KEYS[key];
  // "Who on earth deploys a kernel upgrade to every node at once?": an accusing question, whoever it is aimed at.
  if (key === 'whoOnEarth') return candidate(category, ctx, [m.index, end], firstPerson(tokens, tokens.length));
  /** The one word of the match that names the person ("who", "she"). */
  const wordAgent = (word: RegExp): Agent => {
    const at = ctx.tokenAt(m.index + m[0].search(word));
    return { kind: 'person', from: at, to: at };
  };
  let agent: Agent | undefined;
  // "A quick look by the DBA …": the person is after "by".
  if (capture) agent = named(g[capture]!, key === 'look' ? m[0].search(/\bby\s/i) : 0);
  // "who nuked the staging bucket??", "whoever merged #4411 without CI": an accusing question or a culprit sought.
  else if (key === 'whoDid') agent = wordAgent(/who/i);
  else if (key === 'readIt' || key === 'except') agent = wordAgent(/\b(?:she|he|they)\b/i);
  else if (key === 'wereIt') {
    const next = after();
    // "but for the cache": a thing; "were it not for Aisha's last-minute edit": the owner of what they did.
    agent = person(next) ? next : undefined;
    if (!/\b(?:would|could|might)(?:n't)?\b|\w'd\b/i.test(ctx.text.slice(end))) return undefined;
  } else if (key === 'whoseJob') {
    const whose = ctx.tokenAt(m.index + m[0].search(/\bwhose\b/i));
    agent = { kind: 'person', from: ctx.tokenAt(m.index), to: whose - 1 };
  } else if (key === 'whatLet') {
    const k = ctx.tokenAt(m.index);
    const owner = possessorBefore(tokens, k, 14);
    agent = person(owner) ? owner : undefined;
    // "Jonas's decision to disable …", "The team lead's call to skip …": what a person decided, named as the cause.
    if (agent) {
      // "Zoe's rushed hotfix, reviewed by nobody, is the reason": the owned noun may follow an adjective or two.
      const owned = tokens.slice(agent.to + 1, agent.to + 4).some((t) => ACTION_NOUNS.test(t.lw));
      if (!owned) return undefined;
    }
  } else if (key === 'runbookSays') {
    // "Although the runbook says to drain the node first, Kwame rebooted kafka-3": the subject after the concession.
    const next = after();
    agent = next && tokens[next.to + 1] && pastVerb(tokens[next.to + 1]) ? next : undefined;
  } else if (key === 'habit') {
    // "The junior admin's habit of running scripts as root", "Yusuf has a habit of …".
    const owner = possessorBefore(tokens, ctx.tokenAt(m.index), 4);
    agent = person(owner) ? owner : agentOf(ctx, m.index, end);
  } else if (key === 'trainingAgain' || key === 'stopDoing') {
    // "Marco to attend the training again", "@tmorris to complete …", "the data team needs to stop ignoring …".
    let j = ctx.tokenAt(m.index) - 1;
    if (tokens[j]?.lw === 'to') j--;
    const subject = j >= 0 ? classifyAt(tokens, j) : undefined;
    agent = person(subject) ? subject : agentOf(ctx, m.index, end);
  } else if (key === 'whatBroke') {
    // "What actually broke checkout was Aoife hot-patching …": the person after "was".
    agent = after();
  } else if (key === 'anyReasonable') {
    // "Any reasonable engineer would have noticed …; Ben didn't": the person the comparison is aimed at, else the role named.
    const role = ctx.tokenAt(m.index + m[0].search(/\swould\s+have\b/i)) - 1;
    let aimedAt: Agent | undefined;
    for (let i = ctx.tokenAt(end); i < tokens.length && !aimedAt; i++) if (tokens[i].word && isName(tokens, i)) aimedAt = classifyAt(tokens, i);
    if (!GOOD_OUTCOME.test(ctx.text)) return candidate(category, ctx, [m.index, end], aimedAt ?? { kind: 'person', from: role, to: role });
    return undefined;
  } else if (key === 'greatJob') {
    agent = firstPerson(tokens, tokens.length);
  } else if (key === 'allKnowWho') {
    // "somebody in the data team — we all know who — left debug logging on": a culprit everyone knows.
    const at = ctx.tokenAt(m.index + m[0].search(/who/i));
    return candidate(category, ctx, [m.index, end], { kind: 'person', from: at, to: at });
  } else if (key === 'slippedMind') {
    // "Renewing the certificate was on Tomasz's list, but it slipped his mind": whose mind.
    const at = ctx.tokenAt(m.index + m[0].search(/\b(?:his|her|their)\b/i));
    agent = possessorBefore(tokens, ctx.tokenAt(m.index), 16) ?? { kind: 'person', from: at, to: at };
  } else if (key === 'suspended') {
    const owner = possessorBefore(tokens, ctx.tokenAt(m.index), 4);
    agent = person(owner) ? owner : undefined;
  } else if (key === 'assumed' && /^(?:because|as|since)\b/i.test(m[0])) {
    agent = subjectBefore(tokens, ctx.tokenAt(m.index));
    // "Grace silenced it, because she assumed …": the subject before the comma.
    if (!person(agent)) agent = firstPerson(tokens, ctx.tokenAt(m.index));
  } else {
    agent = agentOf(ctx, m.index, end);
    // "The storage quota was set by Yusuf to 2 GB instead of 2 TB": the by-agent right after the verb.
    if (!person(agent) && key === 'instead') agent = agentAfterBy(tokens, ctx.tokenAt(m.index) + 1);
    if (!person(agent) && ['showed', 'simply', 'asked', 'memory', 'noMatter', 'stillWaited', 'knewBetter', 'himself'].includes(key)) agent = firstPerson(tokens, ctx.tokenAt(m.index));
  }
  if (!person(agent) || generic(tokens, agent)) return undefined;
  if (category === 'punitive' && !specific(tokens, agent)) return undefined;
  if ((key === 'notTo' || key === 'reread' || key === 'told') && !ctx.inActionItem && !/^\W*(?:action|follow-up|todo|next\s+steps?)\b/i.test(ctx.text)) return undefined;
  // "as the ticket requested", "as the runbook says": the change was the asked-for one.
  if (category === 'conduct' && sanctioned(ctx.text)) return undefined;
  const rest = ctx.text.slice(end);
  // A good outcome is credit: "Were it not for Aisha's quick rollback, the outage would have lasted hours", "… is the reason we
  // recovered so fast", "All the on-call engineer had to do was follow the runbook, and she did".
  if (['wereIt', 'allHad', 'look', 'whatLet', 'whatDid', 'oneWho', 'watch', 'byTheTime'].includes(key) && GOOD_OUTCOME.test(ctx.text)) return undefined;
  // A cause named must be a failure: "Idris is the one who wrote the cleanup job, and it deletes every bucket …".
  if (key === 'watch' && !/\b(?:slipped|shipped|went\s+out|broke\w*|fail\w*|outage|lost|leak\w*|expired|deleted|corrupt\w*|missed)\b/i.test(ctx.text)) return undefined;
  // "Hamid was the one who spotted the mismatch" is credit: the clause after "who" must be a lapse, in a sentence about a failure.
  if (key === 'oneWho' && (!FAILURE_CUE.test(ctx.text.replace(/\bincidents?\b/gi, '')) || !/^\s*(?:wrote|made|pushed|merged|approved|deleted|dropped|changed|set|ran|deployed|broke|forgot|missed|ignored|skipped|disabled|removed|typed|configured|introduced|shipped|committed|misconfigured|left|let|signed|started|caused|decided|chose|turned)\b/i.test(rest))) return undefined;
  // "set the replica count to 5 instead of 3 to absorb the load": a reason given for the value.
  if (key === 'instead' && /^\s*(?:,\s*)?(?:to\s+\w+|as\s|per\s|because\b|since\b|so\s+that\b|in\s+line\s+with\b)/i.test(rest)) return undefined;
  if (key === 'quick' && /\b(?:already\s+met|rule\s+was\s+met|as\s+(?:the|our)\s+)/i.test(ctx.text)) return undefined;
  if (key === 'doesNot' && /\b(?:isn't|is\s+not|wasn't|was\s+not|aren't|are\s+not)\s+on[\s-]?call\b|\bweekends?\b|\boff[\s-]duty\b|\bon\s+leave\b/i.test(ctx.text)) return undefined;
  // "With a bit more care from Viktor, the backup job would still be running": hindsight needs its consequence.
  if (key === 'moreCare' && !CONSEQUENCE.test(rest)) return undefined;
  // "insisted on launching without a load test": only against a safeguard or at a bad time, not "insisted on launching on Monday".
  if (key === 'insisted' && !/^[^.;]{0,60}?\b(?:without|despite|against|before|even\s+though|over\s+(?:the\s+|our\s+)?(?:[\w-]+\s+)?(?:objections?|concerns?)|on\s+the\s+day\s+of|during\s+(?:the\s+)?(?:freeze|peak|sale|launch))\b/i.test(rest)) return undefined;
  // "was the last person to touch it, and his change turned out to be unrelated": cleared, not blamed.
  if (key === 'lastToTouch' && /\b(?:unrelated|nothing\s+to\s+do\s+with|not\s+(?:the\s+)?(?:cause|culprit|responsible)|ruled\s+out|cleared)\b/i.test(rest)) return undefined;
  // "have a word with the vendor about their API": a supplier's product, not a person's conduct.
  if (key === 'haveWord' && /^(?:vendor|vendors|supplier|suppliers|provider|providers|partner|partners|upstream|customer|customers|client|clients)$/.test(stripPossessive(tokens[agent.to].lw))) return undefined;
  if (key === 'promised' && /^(?:vendor|vendors|supplier|suppliers|provider|providers|partner|partners|upstream)$/.test(stripPossessive(tokens[agent.to].lw))) return undefined;
  if (key === 'suspended' && (ON_LEAVE.test(ctx.text) || /\b(?:automatically|expired|expiry|as\s+per\s+policy|per\s+policy|rotation|offboarding)\b/i.test(ctx.text))) return undefined;
  if (key === 'himself' && !/\bjust\s+(?:pushed|merged|deployed|approved|shipped|ran|applied|released)\b|\b(?:nobody|no\s+one)\b/i.test(ctx.text)) return undefined;
  if (key === 'stillWaited' && /\bfor\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+)?\s+to\b|\bas\s+(?:the|our)\s+/i.test(rest)) return undefined;
  // Remedies: what the reminder, the re-reading or the check is about must be the person's conduct.
  if (key === 'remind' && !/^[^.;]{0,80}\b(?:need|needs|must|should|require|requires|sign-?off|approval|review|policy|rule|checklist|runbook|careful|again)\b/i.test(rest)) return undefined;
  if (key === 'readIt' && !/\bagain\b/i.test(ctx.text)) return undefined;
  if (key === 'reread' && !/\b(?:again|present\w*|before\s+(?:he|she|they)\s+(?:gets?|is|are)|as\s+a\s+lesson)\b/i.test(ctx.text)) return undefined;
  if (key === 'notTo' && /\b(?:like|as\s+does)\s+everyone\s+else\b|\bas\s+per\b|\bpolicy\b/i.test(ctx.text)) return undefined;
  return candidate(category, ctx, [m.index, end], agent);
}

/** A change that went through the process, or a system named as why the damage happened. */
/**
 * The keys of the plain-words rule (its named groups): the category each finds, and for those that capture the person's words
 * (`ah` in "All Mei had to do was"), the group that holds them.
 */
const PLAIN_WORDS_KEYS: Record<string, { category: BlameCategory; capture?: string }> = {
  instead: { category: 'conduct' }, locally: { category: 'conduct' }, quick: { category: 'conduct' }, sawAlert: { category: 'conduct' },
  despite: { category: 'conduct' }, asked: { category: 'conduct' }, assumed: { category: 'conduct' }, noise: { category: 'conduct' },
  memory: { category: 'conduct' }, hadNot: { category: 'conduct' }, simply: { category: 'conduct' }, himself: { category: 'conduct' },
  doesNot: { category: 'conduct' }, except: { category: 'conduct' }, stillWaited: { category: 'conduct' }, promised: { category: 'conduct' },
  whoDid: { category: 'conduct' }, byTheTime: { category: 'conduct', capture: 'bt' },
  tends: { category: 'judgement' }, showed: { category: 'judgement' }, whoOnEarth: { category: 'judgement' }, knewBetter: { category: 'judgement' },
  noMatter: { category: 'judgement' },
  oneWho: { category: 'attribution' }, whoseJob: { category: 'attribution' }, whatLet: { category: 'attribution' },
  watch: { category: 'attribution', capture: 'wt' }, whatDid: { category: 'attribution', capture: 'wd' },
  wereIt: { category: 'counterfactual' }, allHad: { category: 'counterfactual', capture: 'ah' }, look: { category: 'counterfactual', capture: 'lk' },
  notTo: { category: 'punitive' }, reread: { category: 'punitive' }, told: { category: 'punitive' }, suspended: { category: 'punitive' },
  pairSenior: { category: 'punitive' }, rightsRemoved: { category: 'punitive' }, shadow: { category: 'punitive' }, readIt: { category: 'punitive' }, remind: { category: 'punitive', capture: 'rm' },
  asLesson: { category: 'punitive', capture: 'mk' }, review: { category: 'punitive', capture: 'rv' }, watchOver: { category: 'punitive', capture: 'wo' },
  lastToTouch: { category: 'attribution' }, wentHome: { category: 'conduct' }, concede: { category: 'conduct' }, runbookSays: { category: 'conduct' },
  habit: { category: 'judgement' }, slippedMind: { category: 'conduct' }, insisted: { category: 'conduct' }, asleep: { category: 'judgement' }, trainingAgain: { category: 'punitive' }, restrict: { category: 'punitive', capture: 'rs' },
  haveWord: { category: 'punitive', capture: 'hw' }, stopDoing: { category: 'punitive' }, whatBroke: { category: 'attribution' },
  lessonFor: { category: 'punitive', capture: 'lf' }, moreCare: { category: 'counterfactual', capture: 'mc' }, anyReasonable: { category: 'judgement' },
  greatJob: { category: 'judgement' }, allKnowWho: { category: 'attribution' },
};

/** What credit sounds like: a recovery, a save, a fast response. */
const GOOD_OUTCOME = /\b(?:recover\w*|restor\w*|saved|saves|prevent\w*|limit(?:ed|ing|s)|contain(?:ed|ing|s|ment)|averted|spared|minimi[sz]\w*|quick\s+(?:rollback|thinking|fix|response|call)|so\s+(?:fast|quickly)|in\s+under\b|would\s+(?:have\s+)?(?:lasted|missed|gone\s+unnoticed|been\s+(?:much\s+|far\s+)?worse|still\s+be\s+down)|nobody\s+lost|and\s+(?:she|he|they)\s+did|(?:was|were|stayed|remained)\s+(?:so\s+|this\s+|relatively\s+|very\s+)?(?:short|brief|small|minor|contained))\b/i;
/** Words that say something went wrong. */
/** An end of the trouble: "…, that's why the errors stopped" is a fix, not a cause. */
const RECOVERY = /\b(?:stopped|cleared|dropped\s+(?:to|back)|fell|went\s+away|disappeared|subsided|resolved|recovered|back\s+to|returned\s+to|normal|zero|fixed|healthy|green|never\s+(?:shipped|reached|happened))\b/i;
const FAILURE_CUE = /\b(?:down|outage|breach\w*|ransomware|malware|got\s+in|5\d\d(?:ing|s)?|damage|mess|fail\w*|broke\w*|error\w*|incident|lost|unavailable|crash\w*|stopped|bad|wrong|broken|delet\w*|corrupt\w*|late|delay\w*|stuck|leak\w*|expired|exposed|dropped|loss|double|twice|every|slipped|shipped\s+enabled|fires\s+every)\b/i;

const CHECKED_CHANGE = /\b(?:approved|reviewed|routine|planned|scheduled|passed\s+(?:every|all|its|the)\b)/i;
const SYSTEMIC_CAUSE = /^[^.;]{0,80}?\b(?:because\s+(?:the\s+|a\s+|an\s+|its\s+|our\s+)?(?:[\w-]+\s+){0,3}?(?:stage|staging|canary|check|checks|pipeline|linter|tool|tooling|config|configuration|dependency|validation|test|tests|suite|environment|route|routing|script|default|defaults)\b|through\s+an?\s+(?:undocumented|unknown|hidden|unexpected)\b|due\s+to\s+(?:a|an|the)\s+(?:bug|defect|missing|misconfigured))/i;

/** What makes an ordinary verb a risky act: where, when or how it was done. */
const DESTRUCTIVE_AT = /\b(?:prod(?:uction)?|live|primary|peak|in\s+the\s+middle\s+of|during\s+(?:the\s+)?(?:peak|failover|freeze|sale|launch)|without|instead\s+of|all\s+(?:prod|production|the)|every|a\s+week\s+early|at\s+once)\b/i;

/** Verbs that link a subject to an adjective: "We got lazy", "the team seemed complacent". */
const COPULA = /^(?:got|gets|get|getting|became|become|becomes|grew|grow|grows|seemed|seems|seem|looked|looks|appeared|appears|sounded|sounds|remained|remains|proved|proves|turned|acted|acts|behaved|behaves|felt|feels|went|displayed|displays|showed|shows|demonstrated|demonstrates|works|worked|operates|operated|lacks|lacked|has|had)$/;

/** The subject of the clause that token `k` is in, when a person: "The contractor displayed a shocking disregard …". */
function clauseSubject(tokens: Token[], k: number): Agent | undefined {
  for (let i = k - 1; i >= 0 && k - i <= 6; i--) {
    const t = tokens[i];
    if (!t.word || CLAUSE_BREAK.has(t.lw)) return undefined;
    if (!COPULA.test(t.lw) && !pastVerb(t) && !/s$/.test(t.lw)) continue;
    const subject = subjectBefore(tokens, i);
    return person(subject) ? subject : undefined;
  }
  return undefined;
}

/** "the way the contractor handled the rotation …" before `at`: the contractor, when a person followed by a past verb. */
function doerOfTheWay(ctx: Context, at: number): Agent | undefined {
  const way = /\bthe\s+way\s+/i.exec(ctx.text.slice(0, at));
  if (!way) return undefined;
  const head = headFrom(ctx.tokens, ctx.tokenAt(way.index + way[0].length));
  if (head === undefined) return undefined;
  const doer = classifyAt(ctx.tokens, head);
  const verb = ctx.tokens[doer.to + 1];
  return person(doer) && verb && pastVerb(verb) ? doer : undefined;
}

/** "Her handling of the failover", "Pete's handling of the bridge": for a thing after a preposition, the person (or the owner) of the noun it hangs on. */
function ownerAcross(tokens: Token[], agent: Agent): Agent | undefined {
  if (agent.kind !== 'system' || agent.from < 2 || !/^(?:to|of|for|with|on|in)$/.test(tokens[agent.from - 1].lw)) return undefined;
  const outer = classifyAt(tokens, agent.from - 2);
  return person(outer) ? outer : ownerOf(tokens, outer) ?? undefined;
}

/** The first person mentioned before token `k` (the subject of a main clause that a relative clause comments on). */
function firstPerson(tokens: Token[], k: number): Agent | undefined {
  for (let i = 0; i < k; i++) {
    if (!tokens[i].word) continue;
    // "Whoever wrote this migration …": the pronoun is the person.
    if (/^(?:whoever|someone|somebody)$/.test(tokens[i].lw)) return { kind: 'person', from: i, to: i };
    const head = headFrom(tokens, i);
    if (head === undefined || head >= k) continue;
    const agent = classifyAt(tokens, head);
    if (agent.kind === 'person') return agent;
    i = head;
  }
  return undefined;
}

export interface AnalyseOptions {
  inActionItem?: boolean;
}

/**
 * An aside between the subject and its verb ("Tariq, having been warned in the design review that …, went ahead", "The networking
 * team, despite two warnings from the vendor, went ahead"): when the sentence as written gives nothing, it is read again without it.
 */
const SUBJECT_ASIDE = /,\s{0,3}(?:(?:despite|in\s+spite\s+of)(?!\s+having\s+(?:followed|done|checked|asked|tested))|even\s+after|having\s+been\s+(?:warned|cautioned|told\s+not\s+to|asked\s+not\s+to)|which\s+(?:had|has)\s+been)\s[^,;.]{1,100},|,\s{0,3}bless\s+(?:him|her|them),/gi;

/** Candidates of one sentence, before messages and rewordings. */
export function analyseSentence(original: string, options: AnalyseOptions = {}): Candidate[] {
  const found = analyseAsWritten(original, options);
  if (found.length || !original.includes(',')) return found;
  const unaside = original.replace(SUBJECT_ASIDE, (aside) => ' '.repeat(aside.length));
  return unaside === original ? found : analyseAsWritten(unaside, options);
}

function analyseAsWritten(original: string, options: AnalyseOptions): Candidate[] {
  // Hedges between commas are read as spaces (same offsets): "The change was, it must be noted, applied by Mr. Fitzgerald …".
  // …and so is a title's period: "Mr. Ivanović" reads as "Mr  Ivanović".
  // Markup that reaches the detector as text (a bullet, a checkbox, a heading's hashes, a table's pipes) reads as spaces too.
  // …and so does a timeline entry's leading clock ("02:14 — Tom acknowledged the page and went back to sleep").
  let bare = original.replace(LEADING_MARKUP, (lead) => ' '.repeat(lead.length)).replace(LEADING_CLOCK, (lead) => ' '.repeat(lead.length)).replace(/\|/g, ' ');
  // A leading label ("AI-4:", "Handover:") reads as spaces; an action item's label still makes the sentence an action item.
  let labelledAction = false;
  const label = LEADING_LABEL.exec(bare);
  if (label && !LABEL_KEEPS.test(label[0])) {
    labelledAction = ACTION_LABEL.test(label[0]);
    bare = ' '.repeat(label[0].length) + bare.slice(label[0].length);
  }
  const unhedged = bare.includes(',') ? bare.replace(HEDGE_ASIDE, (aside) => ' '.repeat(aside.length)) : bare;
  // A handle's dots ("@lucia.m") are part of the name, not ends of sentences.
  const sentence = unhedged.includes('.') ? unhedged.replace(TITLE_DOT, '$1 ').replace(HANDLE_DOTS, (handle) => handle.replace(/\./g, '_')) : unhedged;
  // The screens skip the regexes that cannot match (no literal they need is in the sentence): same findings, less work.
  // When no rule can match, there is nothing to find and the sentence is not even tokenized.
  const may = switches.screening ? (SCREENS ??= new RegexScreens(screenedRegexList(), storedScreen)).mayMatch(sentence) : undefined;
  const firstMay = may ? may.indexOf(1) : 0;
  if (firstMay === -1 || firstMay >= RULES.length) return [];
  if ((!may || may[RULES.length] === 1) && ARGUED.test(sentence)) return [];
  // Most sentences that pass the screens match no regex: their tokens, token index and quotes are worked out on the first match.
  const ctx = lazyContext(sentence, options.inActionItem === true || labelledAction);
  const found: Candidate[] = [];
  let lower: string | undefined;
  for (let r = 0; r < RULES.length; r++) {
    const rule = RULES[r];
    if (may && may[r] === 0) continue;
    // A case-insensitive rule runs, without the i flag, on the sentence with ASCII letters lowered; its match is read back from the sentence.
    const folded = switches.folding ? foldedRegex(rule.re) : undefined;
    const re = folded ?? rule.re;
    const input = folded ? (lower ??= asciiLower(sentence)) : sentence;
    // exec, not matchAll: matchAll clones the (large) regex on every call, and this runs once per sentence.
    re.lastIndex = 0;
    for (let hit = re.exec(input); hit !== null; hit = re.exec(input)) {
      if (hit[0] === '') re.lastIndex++;
      if (ctx.tokens.length === 0) return [];
      const m = folded ? inSentence(hit, sentence) : hit;
      const inQuote = (at: number) => ctx.quotes.find(([a, b]) => at >= a && at < b);
      const quote = inQuote(m.index!);
      if (quote && !rule.quoted?.(ctx, quote)) continue;
      const c = rule.check(ctx, m as RegExpExecArray);
      const cq = c && inQuote(c.trigger[0]);
      if (c && (!cq || (cq === quote && quote !== undefined))) found.push(c);
    }
  }
  // "Was it Jun's mistake?", "Was this human error?": a question that is asked, not an accusation (unless rhetorical: "even", "again").
  if (/^\W*(?:was|is|were|are|could|might)\s+(?:it|this|that)\b[^?]*\?\W*$/i.test(sentence) && !/\b(?:even|again|really|seriously|honestly)\b/i.test(sentence)) {
    for (let i = found.length - 1; i >= 0; i--) if (found[i].category === 'attribution' || found[i].category === 'label') found.splice(i, 1);
  }
  // One finding per place: overlapping candidates keep the earliest, longest; one per agent and kind.
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Candidate[] = [];
  for (const c of found) {
    const last = out[out.length - 1];
    if (last && c.start < last.end) continue;
    if (c.agentSpan && out.some((o) => o.category === c.category && o.agentSpan?.[0] === c.agentSpan![0])) continue;
    out.push(c);
  }
  return out;
}

/** A sentence's context, its tokens, token index and quoted spans each computed on first use. */
function lazyContext(sentence: string, inActionItem: boolean): Context {
  let tokens: Token[] | undefined;
  let at: Int32Array | undefined;
  let quotes: Array<[number, number]> | undefined;
  return {
    text: sentence,
    inActionItem,
    get tokens() {
      return (tokens ??= tokenize(sentence));
    },
    get quotes() {
      return (quotes ??= quotedSpans(sentence));
    },
    tokenAt(offset: number) {
      if (!at) {
        // The token at or after each character offset.
        const list = this.tokens;
        at = new Int32Array(sentence.length + 1);
        for (let c = 0, i = 0; c <= sentence.length; c++) {
          while (i < list.length && list[i].end <= c) i++;
          at[c] = i;
        }
      }
      return at[Math.max(0, Math.min(offset, sentence.length))];
    },
  };
}

/**
 * Case-insensitive regexes cost V8 about twice as much to compile (each letter becomes a class of its
 * Unicode case variants), and the detector's are large: compiling them was most of the first analysis
 * of a document in a fresh process. Each `i` rule regex also exists without `i` (and with `d`, for
 * the groups' offsets), for the sentence with its ASCII letters lowered (same length, same offsets).
 * Its letters are lowered too; `\p{Lu}` becomes `\p{LC}` (under `iu`, an upper-case class matches every
 * cased letter). Outside ASCII, the sentence keeps its letters; the patterns' literals are ASCII.
 */
const FOLDED = new WeakMap<RegExp, RegExp>();

function foldedRegex(re: RegExp): RegExp | undefined {
  if (!re.flags.includes('i')) return undefined;
  let folded = FOLDED.get(re);
  if (!folded) FOLDED.set(re, (folded = new RegExp(lowerPattern(re.source), `${re.flags.replace('i', '')}d`)));
  return folded;
}

/** An escape (kept whole), a group's name (kept), or a run of capitals (lowered): the pieces lowerPattern looks at. */
const PATTERN_PIECE = /\\(?:[pPu]\{[^}]*\}|k<[^>]*>|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[A-Za-z]|[\s\S])|\(\?<(?![=!])[^>]*>|[A-Z]+/g;

/** `source` with its literal ASCII letters lowered; escapes, property names, group names and back-references kept. */
export function lowerPattern(source: string): string {
  // One replace over the pieces, not a loop per character: this runs on every rule's source in a fresh process.
  return source.replace(PATTERN_PIECE, (piece) => (piece === '\\p{Lu}' ? '\\p{LC}' : piece[0] === '\\' || piece[0] === '(' ? piece : piece.toLowerCase()));
}

/** `text` with A–Z lowered (same length, so every offset holds). */
function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (run) => run.toLowerCase()) : text;
}

/** A match on the lowered sentence, with its texts and groups taken from the sentence itself. */
function inSentence(m: RegExpExecArray, sentence: string): RegExpExecArray {
  const indices = m.indices!;
  const slice = (span: [number, number] | undefined) => (span ? sentence.slice(span[0], span[1]) : undefined);
  const out = Object.assign(indices.map(slice), { index: m.index, input: sentence }) as unknown as RegExpExecArray;
  if (indices.groups) {
    const groups: Record<string, string | undefined> = {};
    for (const name of Object.keys(indices.groups)) groups[name] = slice(indices.groups[name]);
    out.groups = groups as Record<string, string>;
  } else out.groups = undefined;
  return out;
}

/** Runs `fn` with every rule's regex run as written (with `i`): tests compare the findings both ways. */
export const withoutFolding = <T>(fn: () => T): T => withSwitchOff('folding', fn);

/** The screens of the rules' regexes and, last, of ARGUED (built on first use, not when the module loads). */
let SCREENS: RegexScreens | undefined;

/** The regexes the screens stand in front of: the rules' and, last, ARGUED. */
function screenedRegexList(): RegExp[] {
  return [...RULES.map((rule) => rule.re), ARGUED];
}

/** A regex's screen as stored in screenLiterals.ts (worked out from the regex when it is not stored for its source). */
function storedScreen(re: RegExp): Screen | undefined {
  const stored = SCREEN_LITERALS[screenKey(re)];
  return stored === undefined ? requiredForm(re) : stored === null ? undefined : decodeScreen(stored);
}
/** Speed-ups that must not change any finding, and the learned model; tests turn each off to compare. */
const switches = { screening: true, folding: true, learned: true };

function withSwitchOff<T>(name: keyof typeof switches, fn: () => T): T {
  switches[name] = false;
  try {
    return fn();
  } finally {
    switches[name] = true;
  }
}

/** Runs `fn` with the rules alone, without the learned model (its training reads what the rules leave). */
export const withoutLearned = <T>(fn: () => T): T => withSwitchOff('learned', fn);

/** Whether the learned model reads the sentences the rules find nothing in. */
export const learnedOn = (): boolean => switches.learned;

/** Runs `fn` with the screens off (every regex runs on every sentence): tests compare the findings both ways. */
export const withoutScreens = <T>(fn: () => T): T => withSwitchOff('screening', fn);

/** Each rule's regex with its screen (undefined: the regex always runs), for tests. */
export function screenedRegexes(): Array<{ re: RegExp; screen: Screen | undefined }> {
  return screenedRegexList().map((re) => ({ re, screen: requiredForm(re) }));
}

/** No real sentence is longer; longer runs (pasted logs, generated text) are read in windows of this size. */
export const MAX_SENTENCE = 1000;

/** Sentences of a run of prose, `[start, end)` each; line breaks end sentences too. */
export function sentencesOf(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let from = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && text[i] !== '\n') continue;
    for (const [a, b] of sentenceSpans(text.slice(from, i))) {
      // Windows ending at a space keep every analysis bounded (the clause reading is linear per sentence).
      for (let s = from + a; s < from + b; ) {
        let e = Math.min(from + b, s + MAX_SENTENCE);
        if (e < from + b) {
          const space = text.lastIndexOf(' ', e);
          if (space > s + MAX_SENTENCE / 2) e = space;
        }
        spans.push([s, e]);
        s = e;
      }
    }
    from = i + 1;
  }
  return spans;
}
/** Every regex of the detector, as written and as run (case-folded), for the adversarial timing test. */
export function blameRegexes(): RegExp[] {
  return RULES.flatMap((r) => [r.re, ...(foldedRegex(r.re) ? [foldedRegex(r.re)!] : [])]);
}
