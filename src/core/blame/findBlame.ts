// Blame-focused wording: the detector (detect.ts), what the finding says, a blameless rewording that
// moves the subject from the person to the system (checked by the detector itself), and the user's
// own patterns and allow list from the settings.
import { analyseSentence, type BlameCategory, type BlameMatch, type Candidate, lastWord, learnedOn, sentencesOf, type Span } from './detect';
import { learnedCandidate } from './learned';
import { compileUserPatterns, allowedSpans } from './userPatterns';

export interface BlameOptions {
  /** The text is (part of) an action item. */
  inActionItem?: boolean;
  /** User patterns from settings: `/source/flags`, a regex source, or a plain phrase. */
  extraPatterns?: readonly string[];
  /** Phrases that are never flagged: a match overlapping one of them is dropped. */
  allow?: readonly string[];
}

/** What each kind of blame-focused wording is, with a sentence flagged and one that is not (docs and tests use both). */
export const BLAME_CATEGORIES: ReadonlyArray<{ category: Exclude<BlameCategory, 'custom'>; description: string; flagged: string; fine: string }> = [
  { category: 'conduct', description: 'A lapse with a person as its agent: ignored, missed, forgot, skipped, shipped untested, went ahead despite, did not test or check.', flagged: 'Lena shipped untested code straight to production.', fine: 'Mia rolled back the release at 14:41.' },
  { category: 'attribution', description: 'The failure put on someone: X\'s fault or mistake, caused by X, the culprit was, blame lies with, the buck stops with, because X pushed…, X\'s action followed by the damage it did ("X dropped the index at peak, so latency tripled", "X\'s hotfix … took down the terminals"), a sarcastic "thanks to X" said of the damage.', flagged: 'It was the on-call lead\'s fault that the page was dropped.', fine: 'We noticed because Ann happened to look at the dashboard.' },
  { category: 'counterfactual', description: 'Hindsight about a person: X should have, had X checked, if the team had done its job.', flagged: 'Had Tom looked at the dashboard, we would have caught it.', fine: 'The proxy should have shed load.' },
  { category: 'judgement', description: 'A judgement of character or competence: careless, sloppy, reckless, clearly did not understand.', flagged: 'The reviewer was careless with the production flag.', fine: 'The CSV exporter is careless with encodings.' },
  { category: 'punitive', description: 'A punishment or an individual remedy: fire, reprimand, performance plan, revoke X\'s access, retrain X, remind X to be more careful.', flagged: 'Put the engineer on a performance plan.', fine: 'Add a confirmation prompt before deleting a namespace.' },
  { category: 'label', description: 'A label that ends the inquiry: human error, operator error, user error, PEBKAC (unless the sentence rejects it).', flagged: 'This was human error.', fine: '"Human error" is not a root cause.' },
];

const WHY: Record<BlameCategory, (agent: string | undefined, words: string) => string> = {
  conduct: (a, w) => `${a ? `“${a}”` : 'A person'} is made the agent of the failure (“${w}”).`,
  attribution: (a, w) => `The failure is put on ${a ? `“${a}”` : 'a person'} (“${w}”).`,
  counterfactual: (a, w) => `“${w}” judges what ${a ? `“${a}”` : 'a person'} did with hindsight.`,
  judgement: (a, w) => `“${w}” judges ${a ? `“${a}”` : 'a person'} instead of the conditions they worked in.`,
  punitive: (a, w) => `“${w}” aims the remedy at ${a ? `“${a}”` : 'a person'}, not at the system.`,
  label: (_a, w) => `“${w}” ends the inquiry at a person.`,
  custom: (_a, w) => `“${w}” is on the blame-wording list in your settings.`,
};

/** A finding of the learned model (learned.ts): it weighs words, it does not parse, so it says what it weighed. */
const LEARNED_WHY = (a: string | undefined, w: string) => `The sentence reads as putting the failure on ${a ? `“${a}”` : 'a person'} (a learned reading that weighs “${w}” most).`;

const SUGGESTION: Record<BlameCategory, string> = {
  conduct: 'Say what happened and which missing safeguard let it reach production (a check, a review, a confirmation step).',
  attribution: 'Describe the conditions that made the failure possible instead of who caused it.',
  counterfactual: 'Name the safeguard that was missing, e.g. "nothing checked the config before deploy".',
  judgement: 'Describe what made the mistake easy to make: unclear tooling, missing defaults, time pressure.',
  punitive: 'Replace it with a change to the system: a check, an alert, a safer default, a better runbook.',
  label: 'Ask what in the system let the error through, and write that down instead.',
  custom: 'Describe the systems, conditions and decisions involved rather than the person.',
};

/**
 * Finds blame-focused wording in a run of prose (non-prose spans already blanked by spaces).
 * Matches are sorted, non-overlapping, and carry the agent, the blaming words and a checked rewording.
 */
export function findBlameWording(text: string, options: BlameOptions = {}): BlameMatch[] {
  if (!text) return [];
  const user = compileUserPatterns(options.extraPatterns);
  const allowed = allowedSpans(text, options.allow);
  const out: BlameMatch[] = [];
  for (const [a, b] of sentencesOf(text)) {
    const sentence = text.slice(a, b);
    const own: Candidate[] = analyseSentence(sentence, { inActionItem: options.inActionItem === true });
    for (const pattern of user.patterns) {
      pattern.lastIndex = 0;
      for (const m of sentence.matchAll(pattern)) {
        if (!m[0]) continue;
        own.push({ category: 'custom', start: m.index!, end: m.index! + m[0].length, trigger: [m.index!, m.index! + m[0].length] });
      }
    }
    // The learned model reads only what neither the rules nor the user's patterns found anything in.
    const found = orLearned(own, sentence);
    found.sort((x, y) => x.start - y.start || y.end - x.end);
    let lastEnd = -1;
    for (const c of found) {
      if (c.start < lastEnd) continue;
      if (allowed.some(([s, e]) => a + c.start < e && s < a + c.end)) continue;
      lastEnd = c.end;
      out.push(toMatch(text, a, sentence, c, options, out.length < MAX_REWORDINGS));
    }
  }
  return out;
}

/** `found` when it holds anything; otherwise the learned model's candidate, if it has one. */
function orLearned(found: Candidate[], sentence: string): Candidate[] {
  if (found.length || !learnedOn()) return found;
  const learned = learnedCandidate(sentence);
  return learned ? [learned] : found;
}

function span(text: string, offset: number, start: number, end: number): Span {
  return { start: offset + start, end: offset + end, text: text.slice(start, end) };
}

/** Rewordings are checked by reading the new words again; past this many findings (pasted logs, generated text) they are not offered. */
export const MAX_REWORDINGS = 200;

function toMatch(text: string, offset: number, sentence: string, c: Candidate, options: BlameOptions, withRewording: boolean): BlameMatch {
  const agent = c.agent && c.agent.from <= c.agent.to ? agentSpan(sentence, c) : undefined;
  const blaming = span(sentence, offset, c.trigger[0], c.trigger[1]);
  const match: BlameMatch = {
    category: c.category,
    start: offset + c.start,
    end: offset + c.end,
    text: text.slice(offset + c.start, offset + c.end),
    ...(agent ? { agent: { start: offset + agent.start, end: offset + agent.end, text: agent.text } } : {}),
    blaming,
    why: c.learned === undefined ? WHY[c.category](agent?.text, blaming.text) : LEARNED_WHY(agent?.text, blaming.text),
    suggestion: SUGGESTION[c.category],
    // Retraining a person is a remedy aimed at them, but a mild one: a hint for the review, not a warning.
    severity: c.category === 'punitive' && /\b(?:re-?train(?:s|ed|ing)?|training|coach(?:ing)?)\b/i.test(blaming.text + text.slice(offset + c.start, offset + c.end)) ? 'info' : 'warning',
  };
  // The rewordings read a parsed agent and verb phrase; a learned finding's span is only the person and the words weighed.
  const rewording = withRewording && c.learned === undefined ? reword(sentence, c, options) : undefined;
  if (rewording) {
    match.replacement = rewording.text;
    // A rewording that moves the object to the front replaces it too.
    match.end += rewording.consumed;
    match.text = text.slice(match.start, match.end);
  }
  return match;
}

function agentSpan(sentence: string, c: Candidate): { start: number; end: number; text: string } | undefined {
  if (!c.agentSpan) return undefined;
  const [start, end] = c.agentSpan;
  return { start, end, text: sentence.slice(start, end).replace(/(?:'s|’s|s'|s’)$/, (m) => (m.startsWith('s') ? 's' : '')) };
}

// ── Rewording ────────────────────────────────────────────────────────────────────────────────

const LABEL_REWORDING: Array<[RegExp, string]> = [
  [/^human[\s-]+(?:error|mistake|slip|failure)s?$/i, 'a gap in our safeguards'],
  [/^operator\s+(?:error|mistake)$/i, 'a gap in the operating procedure'],
  [/^user\s+error$/i, 'a usability gap'],
  [/^pilot\s+error$/i, 'a confusing control'],
];

interface Rewording {
  text: string;
  /** Characters after the match that the rewording replaces too. */
  consumed: number;
}

/** A blameless rewording of the matched words, or undefined when only the author can write one. */
function reword(sentence: string, c: Candidate, options: BlameOptions): Rewording | undefined {
  const matched = sentence.slice(c.start, c.end);
  const rest = sentence.slice(c.end);
  let out: string | undefined;
  switch (c.category) {
    case 'label':
      // A quoted label is a record (a ticket tag, a classification): only its author can reword it.
      if (/['‘"“]$/.test(sentence.slice(0, c.start))) break;
      out = LABEL_REWORDING.find(([re]) => re.test(matched))?.[1];
      break;
    case 'counterfactual': {
      // "Bob should have checked the config before deploy" → "nothing made sure the config was checked before deploy"
      const m = /(?:should|could|ought\s+to)\s+(?:have|'ve)\s+(\w+ed)\b/i.exec(matched);
      const object = /^\s+((?:the|a|an|this|that|its|our)\s+[\w-]+(?:\s+(?!(?:before|after|when|while|in|on|at|to|for|so|and|but|or|if|because|during|until|with|by|from)\b)[\w-]+)?)/i.exec(rest);
      if (m && object) return verified(`nothing made sure ${object[1]} was ${m[1]}`, sentence, c, options, object[0].length);
      break;
    }
    case 'conduct': {
      // "Priya forgot to bump the version" → "Nothing in the process required anyone to bump the version"
      const forgot = /\b(?:forgot|neglected|failed|didn't|did\s+not|never)(?:\s+to)?(?:\s+(\w+))?$/i.exec(matched);
      if (forgot && c.agentSpan && c.agentSpan[0] === c.start) {
        if (forgot[1]) return verified(`nothing in the process required anyone to ${forgot[1].toLowerCase()}`, sentence, c, options, 0);
        const next = /^\s+to\s+(\w+)/i.exec(rest);
        if (next && /^(?:forgot|neglected|failed)$/i.test(lastWord(matched))) return verified(`nothing in the process required anyone to ${next[1].toLowerCase()}`, sentence, c, options, next[0].length);
      }
      // "Lena shipped untested code straight to production" → "Untested code reached production without a check stopping it"
      const shipped = /\b(?:shipped|pushed|merged|deployed|committed|released)\s+((?:a|an|the|some)\s+)?((?:untested|unreviewed|broken|bad|wrong|faulty|invalid|buggy)\s+[\w-]+(?:\s+[\w-]+)?)$/i.exec(matched);
      if (shipped && /^\p{Lu}?[\s\S]*$/u.test(matched) && c.agentSpan && c.agentSpan[0] === c.start) {
        const tail = /^\s+(?:straight\s+)?(?:to|into)\s+(?:prod|production|main|master|live|mainnet)\b/i.exec(rest);
        return verified(`${shipped[1] ?? ''}${shipped[2]} reached production without a check stopping it`, sentence, c, options, tail ? tail[0].length : 0);
      }
      const ahead = /\bwent\s+ahead$/i.exec(matched);
      const object = /^\s+with\s+((?:the|a|an)\s+[\w-]+)/i.exec(rest);
      if (ahead && object) return verified(`${object[1]} went ahead`, sentence, c, options, object[0].length);
      break;
    }
    case 'attribution': {
      // "It was the on-call lead's fault that the page was dropped." → "The page was dropped."
      if (/(?:'s|s')\s+(?:own\s+)?(?:fault|mistake|error|oversight|screw-?up|blunder)$/i.test(matched)) out = 'a gap in the process';
      break;
    }
    case 'judgement': {
      // "He was careless with the production flag" → "the production flag was easy to get wrong"
      const object = /^\s+with\s+((?:the|a|an|our|its)\s+[\w-]+(?:\s+[\w-]+)?)/i.exec(rest);
      if (object && c.agentSpan && c.agentSpan[0] === c.start && /\b(?:was|were|is|are)\s+(?:\w+\s+)?(?:careless|sloppy|reckless)$/i.test(matched)) {
        // "the credentials were", "the keys were": plural nouns take "were" ("the process was", "the access was" stay singular).
        const plural = /(?:[^s]s|ies)$/i.test(object[1]) && !/(?:ss|us|is|ess|access|status|process|series)$/i.test(object[1]);
        return verified(`${object[1]} ${plural ? 'were' : 'was'} easy to get wrong`, sentence, c, options, object[0].length);
      }
      break;
    }
    case 'punitive': {
      // "Retrain Dave on deployments" → "Make deployments safer to run: checks, defaults and a runbook"
      const topic = /^\s+on\s+(?:the\s+)?([\w -]+?)(?:[.,;]|$)/i.exec(rest);
      if (/^(?:retrain|re-train)\b/i.test(matched) && topic) return verified(`Make ${topic[1]} safer: add checks, safer defaults and a runbook`, sentence, c, options, topic[0].length);
      break;
    }
    default:
      break;
  }
  return out === undefined ? undefined : verified(out, sentence, c, options, 0);
}

/** Characters of the sentence read on each side of a rewording to check it. */
const REWORDING_CONTEXT = 160;

/** A start at or before `at` that does not cut a word. */
function contextStart(sentence: string, at: number): number {
  if (at <= 0) return 0;
  const space = sentence.lastIndexOf(' ', at);
  return space < 0 ? 0 : space + 1;
}

/** The rewording, when the words it puts in are not flagged themselves. */
function verified(replacement: string, sentence: string, c: Candidate, options: BlameOptions, consumed: number): Rewording | undefined {
  const initial = c.start === 0 || /^[\s"“(]*$/.test(sentence.slice(0, c.start));
  const text = initial ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
  // Read the rewritten clause with some context on each side (not the whole sentence: a run of a thousand
  // "human error"s would be re-read once per finding); only a finding on the new words rejects it.
  const from = contextStart(sentence, c.start - REWORDING_CONTEXT);
  const rewritten = sentence.slice(from, c.start) + text + sentence.slice(c.end + consumed, c.end + consumed + REWORDING_CONTEXT);
  const [newStart, newEnd] = [c.start - from, c.start - from + text.length];
  const flagged = orLearned(analyseSentence(rewritten, { inActionItem: options.inActionItem === true }), rewritten).some((f) => f.start < newEnd && newStart < f.end);
  return flagged ? undefined : { text, consumed };
}
