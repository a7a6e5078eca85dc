import type { SectionKind } from './types';

export interface SectionDefinition {
  kind: SectionKind;
  /** Heading text used when inserting the section. */
  label: string;
  /**
   * Words and phrases that make a heading this section, with their weight (3+: the phrase alone
   * names the section; 2–3: names it unless a stronger cue for another kind is present).
   */
  cues: ReadonlyArray<readonly [string, number]>;
  /** Body inserted by the "add missing section" quick fix. */
  skeleton: string;
  /** What belongs in the section, for messages. */
  hint: string;
  /** Part of the New Post-Mortem scaffold. */
  scaffold: boolean;
}

/** Canonical sections in their canonical order. One source for parsing, completions, quick fixes and docs. */
export const SECTION_DEFINITIONS: readonly SectionDefinition[] = [
  {
    kind: 'summary',
    label: 'Summary',
    hint: 'say what happened, who was affected and for how long.',
    skeleton: 'What happened, who was affected and for how long, in two or three sentences.',
    scaffold: true,
    cues: [
      ['summary', 3], ['executive summary', 3.5], ['incident summary', 3.5], ['issue summary', 3.5], ['overview', 3], ['tl dr', 3], ['tldr', 3],
      ['synopsis', 3], ['abstract', 2.5], ['what happened', 3], ['what happens', 2.5], ['incident description', 3], ['description', 2], ['introduction', 2],
      ['short version', 2.5], ['in brief', 2.5], ['at a glance', 2.5],
    ],
  },
  {
    kind: 'impact',
    label: 'Impact',
    hint: 'describe who and what was affected, for how long, and the blast radius.',
    skeleton: '- Who and what was affected:\n- For how long:\n- Blast radius:',
    scaffold: true,
    cues: [
      ['impact', 3], ['blast radius', 3.5], ['customer impact', 3.5], ['user impact', 3.5], ['business impact', 3.5], ['impact and blast radius', 3.5],
      ['affected', 2.5], ['who was affected', 3.5], ['what was affected', 3.5], ['affected services', 3], ['affected users', 3], ['scope', 2],
      ['consequences', 2.5], ['effect on users', 3], ['how users were affected', 3.5], ['how customers were affected', 3.5], ['users affected', 3],
    ],
  },
  {
    kind: 'timeline',
    label: 'Timeline',
    hint: 'list the events with their times, e.g. "- 14:02 — [detected] Alert fires".',
    skeleton: 'All times UTC.\n\n- HH:MM — [started] What happened first\n- HH:MM — [detected] How we noticed',
    scaffold: true,
    cues: [
      ['timeline', 3.5], ['time line', 3.5], ['chronology', 3.5], ['sequence of events', 3.5], ['summary of events', 3.5], ['chain of events', 3.5], ['series of events', 3.5], ['course of events', 3.5], ['timeline of events', 3.5], ['incident timeline', 3.5],
      ['detailed timeline', 3.5], ['events', 2], ['key events', 3], ['order of events', 3], ['what happened when', 3.5], ['incident log', 2.5], ['decision log', 2.5],
      ['play by play', 3], ['history', 1.5], ['leadup', 2.5], ['lead up', 2.5], ['updates', 2.5], ['status updates', 3.5], ['incident updates', 3.5],
    ],
  },
  {
    kind: 'rootCause',
    label: 'Root Cause',
    hint: 'explain which conditions in the system allowed this to happen.',
    skeleton: 'Which conditions in the system allowed this to happen? Ask "why" until you reach a process or design gap.',
    scaffold: true,
    cues: [
      ['root cause', 3.5], ['root cause analysis', 3.5], ['rca', 3.5], ['cause', 2.5], ['causes', 2.5], ['causal', 2.5], ['contributing factor', 3.5],
      ['contributing', 2.5], ['five why', 3.5], ['5 why', 3.5], ['why', 2], ['trigger', 2.5], ['why it happened', 3.5], ['why did this happen', 3.5],
      ['why did it happen', 3.5], ['what caused', 3.5], ['what was the issue', 3], ['what was the problem', 3], ['how it happened', 3], ['underlying', 2], ['technical analysis', 2.5], ['analysis', 1.5],
      ['technical details', 1.5],
    ],
  },
  {
    kind: 'detection',
    label: 'Detection',
    hint: 'say how the problem was noticed: an alert, a report, someone looking.',
    skeleton: 'How we noticed: an alert, a customer report, someone looking at a dashboard.',
    scaffold: false,
    cues: [['detection', 3.5], ['detected', 3], ['how we noticed', 3.5], ['how it was detected', 3.5], ['how we found out', 3.5], ['identification', 2.5], ['discovery', 2.5], ['alerting', 2]],
  },
  {
    kind: 'response',
    label: 'Response',
    hint: 'describe how the team responded: who was paged, how the incident was run.',
    skeleton: 'Who was paged, how the incident was coordinated.',
    scaffold: false,
    cues: [['response', 3], ['incident response', 3.5], ['our response', 3.5], ['how we responded', 3.5], ['escalation', 2.5], ['investigation', 2.5]],
  },
  {
    kind: 'resolution',
    label: 'Resolution',
    hint: 'describe how service was restored.',
    skeleton: 'How service was restored.',
    scaffold: true,
    cues: [
      ['resolution', 3], ['mitigation', 3], ['recovery', 3], ['resolution and recovery', 3.5], ['how we fixed it', 3.5], ['how it was fixed', 3.5], ['the fix', 2.5],
      ['fix', 2], ['remedy', 2.5], ['restoration', 3], ['workaround', 2.5], ['remediation steps taken', 3.5], ['immediate actions', 2.5],
    ],
  },
  {
    kind: 'actionItems',
    label: 'Action Items',
    hint: 'list the follow-up work, each with an owner and a deadline.',
    skeleton: '- [ ] Describe the change to the system — @owner',
    scaffold: true,
    cues: [
      ['action items', 3.5], ['action item', 3.5], ['actions', 2.5], ['corrective actions', 3.5], ['corrective and preventive actions', 3.5], ['preventive actions', 3.5],
      ['preventative actions', 3.5], ['preventive measures', 3.5], ['preventative measures', 3.5], ['corrective measures', 3.5], ['follow up tasks', 3.5],
      ['follow up items', 3.5], ['follow up actions', 3.5], ['follow up work', 3.5], ['follow ups', 3], ['follow up', 2.5], ['followup', 2.5], ['followups', 3],
      ['next steps', 3.5], ['remediation', 3.25], ['remediations', 3.25], ['long term', 3], ['long term solution', 3.5], ['long term fix', 3.5], ['remediation items', 3.5], ['preventing', 2.5], ['prevention', 3], ['prevent recurrence', 3.5],
      ['how are we preventing', 3.5], ['avoid this in future', 3.5], ['avoid this in the future', 3.5], ['what could be done to avoid', 3.5], ['what we are doing', 3], ['what were doing', 3], ['what we will do', 3], ['what we re doing', 3], ['changes we are making', 3],
      ['improvements', 2.5], ['improve', 2.5], ['future work', 3], ['todo', 2.5], ['to do', 2.5], ['tasks', 2], ['work items', 3], ['going forward', 2.5], ['review actions', 3.5],
      ['further mitigations', 3.5], ['additional mitigations', 3.5], ['future mitigations', 3.5], ['action plan', 3.5], ['recommendations', 2.5], ['future actions', 3.5], ['further actions', 3.5], ['next actions', 3.5],
    ],
  },
  {
    kind: 'lessonsLearned',
    label: 'Lessons Learned',
    hint: 'note what went well, what went wrong and where you got lucky.',
    skeleton: '- What went well:\n- What went wrong:\n- Where we got lucky:',
    scaffold: true,
    cues: [
      ['lessons learned', 3.5], ['lessons learnt', 3.5], ['lessons', 3], ['lesson', 3], ['learnings', 3.5], ['learning', 2.5], ['what went well', 3.5],
      ['what went wrong', 3], ['what could have gone better', 3.5], ['what could have gone well', 3.5], ['where we got lucky', 3.5], ['went well', 3], ['got lucky', 3],
      ['takeaways', 3.5], ['key takeaways', 3.5], ['reflection', 2.5], ['reflections', 2.5], ['retrospective', 2], ['what we learned', 3.5],
      ['things that went well', 3.5], ['what worked', 3], ['what didnt work', 3], ['what could be improved', 3], ['observations', 2],
    ],
  },
  {
    kind: 'followUpReview',
    label: 'Follow-up Review',
    hint: 'give the date when the action items will be reviewed.',
    skeleton: 'Review of action items on YYYY-MM-DD.',
    scaffold: true,
    cues: [['follow up review', 3.5], ['review date', 3.5], ['review meeting', 3.5], ['postmortem review', 3], ['post mortem review', 3], ['review', 2]],
  },
  {
    kind: 'metrics',
    label: 'Metrics',
    hint: 'give time to detect, mitigate and resolve.',
    skeleton: '- Time to detect:\n- Time to mitigate:\n- Time to resolve:',
    scaffold: false,
    cues: [['metrics', 3], ['key metrics', 3.5], ['incident metrics', 3.5], ['detection metrics', 3.5], ['response metrics', 3.5], ['detection response metrics', 3.5], ['mttr', 2.5], ['time to detect', 3]],
  },
];

/** A follow-up heading that offers ideas rather than commitments: "Possible Improvements", "Recommendations". */
export function isSuggestionHeading(heading: string, cue: string | undefined): boolean {
  return cue === 'improvements' || cue === 'recommendations' || /\b(?:possible|potential|proposed|suggested|suggestions?|ideas?|could|might)\b/i.test(heading);
}

export const DEFAULT_REQUIRED_SECTIONS: readonly SectionKind[] = ['summary', 'impact', 'timeline', 'rootCause', 'actionItems'];

export function sectionDefinition(kind: SectionKind): SectionDefinition {
  return SECTION_DEFINITIONS.find((d) => d.kind === kind)!;
}

/** Other headings that name the section, for messages ("also accepted: …"). */
export function sectionAliases(kind: SectionKind, count = 3): string[] {
  const def = sectionDefinition(kind);
  const seen = new Set([headingWords(def.label).join(' ')]);
  const out: string[] = [];
  for (const [phrase, weight] of def.cues) {
    const key = headingWords(phrase).join(' ');
    if (weight < 3 || seen.has(key)) continue;
    seen.add(key);
    out.push(phrase);
  }
  return out.slice(0, count);
}

/** A heading's words, lower case, without numbering, emoji, markup, parenthesised asides and punctuation; plurals folded. */
export function headingWords(text: string): string[] {
  const cleaned = text
    .toLowerCase()
    .replace(/:[a-z0-9_+-]{1,40}:/g, ' ') // emoji shortcodes (:warning:)
    .replace(/\([^()]{0,120}\)|\[[^[\]]{0,120}\]/g, ' ') // (all times UTC), [draft]
    .replace(/['’`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^(?:(?:step|part|section)\s+)?(?:\d+(?:\s\d+)*|[ivx]{1,5})\s+(?=\p{L})/u, '');
  return cleaned ? cleaned.split(' ').map(stem) : [];
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:x|ch|sh|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !word.endsWith('us') && !word.endsWith('is')) return word.slice(0, -1);
  return word;
}

interface CompiledCue {
  kind: SectionKind;
  words: string[];
  weight: number;
  phrase: string;
}

let compiled: CompiledCue[] | undefined;
/**
 * The headings of the same template in Norwegian (Bokmål), as NAV's teams write it ("Sammendrag", "Rotårsaker", "Tidslinje",
 * "Aksjonspunkter", "Hva lærte vi?"). Read like the English cues; the product's own texts stay English.
 */
const NORWEGIAN_CUES: ReadonlyArray<readonly [SectionKind, string, number]> = [
  ['summary', 'sammendrag', 3], ['summary', 'oppsummering', 3],
  ['impact', 'konsekvens', 3], ['impact', 'konsekvenser', 3], ['impact', 'påvirkning', 3],
  ['timeline', 'tidslinje', 3.5], ['timeline', 'tidslinjen', 3.5], ['timeline', 'hendelsesforløp', 3.5],
  ['rootCause', 'rotårsak', 3.5], ['rootCause', 'rotårsaker', 3.5], ['rootCause', 'årsak', 3], ['rootCause', 'årsaker', 3], ['rootCause', 'utløsende faktor', 3],
  ['detection', 'påvisning', 3], ['detection', 'oppdagelse', 3],
  ['resolution', 'løsning', 3], ['resolution', 'utbedring', 3],
  ['actionItems', 'aksjonspunkter', 3.5], ['actionItems', 'aksjonspunkt', 3.5], ['actionItems', 'tiltak', 3.5], ['actionItems', 'oppfølging', 3],
  ['lessonsLearned', 'hva lærte vi', 3.5], ['lessonsLearned', 'læring', 3], ['lessonsLearned', 'lærdom', 3], ['lessonsLearned', 'hva gikk bra', 3.5],
  ['lessonsLearned', 'hva gikk dårlig', 3.5], ['lessonsLearned', 'hvor hadde vi flaks', 3.5],
];

function cues(): CompiledCue[] {
  compiled ??= [
    ...SECTION_DEFINITIONS.flatMap((def) => def.cues.map(([phrase, weight]) => ({ kind: def.kind, words: headingWords(phrase), weight, phrase }))),
    ...NORWEGIAN_CUES.map(([kind, phrase, weight]) => ({ kind, words: headingWords(phrase), weight, phrase })),
  ];
  return compiled;
}

export interface SectionMatch {
  kind: SectionKind;
  /** The cue phrase that decided it. */
  cue: string;
  score: number;
  /** The other part the heading names, whose content the section also holds ("… and Learnings"). */
  also?: SectionKind;
}

/** Score at which a heading names a section. */
const MATCH_THRESHOLD = 2;

/**
 * What a heading names, by a scored match over words and phrases: the strongest cue wins, other cues
 * of the same kind add a little, ties go to the cue that comes first in the heading.
 */
export function matchSectionHeading(heading: string): SectionMatch | undefined {
  // Every block's leading label is matched on every analysis, and headings repeat: each text is scored once.
  if (MATCHES.has(heading)) return MATCHES.get(heading);
  if (MATCHES.size >= MAX_MATCHES) MATCHES.clear();
  const match = scoreSectionHeading(heading);
  MATCHES.set(heading, match);
  return match;
}

const MATCHES = new Map<string, Readonly<SectionMatch> | undefined>();
const MAX_MATCHES = 4096;

const MAX_TYPO_HEADING_WORDS = 6;

function scoreSectionHeading(heading: string): Readonly<SectionMatch> | undefined {
  const words = headingWords(heading);
  if (words.length === 0 || words.length > 24) return undefined;
  const exact = scoreWords(words);
  if (exact) return exact;
  // A heading with a typo ("What happend?", "Root Cuase") is read with the cue words it misspells: the best of the
  // readings with one misspelt word replaced by a cue word one edit away. Only in a short heading: a long one
  // is a title, and its real words ("… the Collateral Auction mechanism") are not typos of cue words.
  if (words.length > MAX_TYPO_HEADING_WORDS) return undefined;
  let best: Readonly<SectionMatch> | undefined;
  words.forEach((word, i) => {
    for (const candidate of corrections(word)) {
      const match = scoreWords(words.map((w, k) => (k === i ? candidate : w)));
      if (match && (!best || match.score > best.score)) best = match;
    }
  });
  return best;
}

let vocabulary: Set<string> | undefined;
function cueVocabulary(): Set<string> {
  vocabulary ??= new Set(cues().flatMap((c) => c.words));
  return vocabulary;
}

/** Cue words one edit away (a letter left out, added, changed or two swapped) from a word of five or more letters that is not one. */
function corrections(word: string): string[] {
  if (word.length < 5 || cueVocabulary().has(word)) return [];
  const out: string[] = [];
  for (const candidate of cueVocabulary()) {
    if (candidate[0] === word[0] && Math.abs(candidate.length - word.length) <= 1 && candidate.length >= 5 && oneEditApart(word, candidate)) out.push(candidate);
  }
  return out;
}

function oneEditApart(a: string, b: string): boolean {
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    return diff.length === 1 || (diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]]);
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && short[i] === long[i]) i++;
  return short.slice(i) === long.slice(i + 1);
}

function scoreWords(words: string[]): Readonly<SectionMatch> | undefined {
  const best = new Map<SectionKind, { score: number; cue: string; at: number; end: number; extra: number }>();
  for (const cue of cues()) {
    const at = indexOfWords(words, cue.words);
    if (at === -1) continue;
    const end = at + cue.words.length;
    // The last word is usually the head of the phrase: "Root Cause Remediations" are remediations.
    const weight = cue.weight + (words.length > cue.words.length && end === words.length ? 0.5 : 0);
    const current = best.get(cue.kind);
    if (!current) {
      best.set(cue.kind, { score: weight, cue: cue.phrase, at, end, extra: 0 });
      continue;
    }
    // Another cue of the same kind adds a little, unless it is part of the same words ("cause" in "root cause").
    const separate = end <= current.at || at >= current.end;
    if (weight > current.score || (weight === current.score && cue.words.length > current.end - current.at)) best.set(cue.kind, { score: weight, cue: cue.phrase, at, end, extra: separate ? current.extra + 0.25 : current.extra });
    else if (separate) current.extra += 0.25;
  }
  let winner: { kind: SectionKind; score: number; cue: string; at: number; length: number } | undefined;
  for (const [kind, b] of best) {
    const score = b.score + Math.min(b.extra, 0.5);
    const length = b.end - b.at;
    // Ties go to the cue that covers more of the heading ("detection metrics" are metrics), then to the earlier one.
    if (!winner || score > winner.score || (score === winner.score && (length > winner.length || (length === winner.length && b.at < winner.at)))) winner = { kind, score, cue: b.cue, at: b.at, length };
  }
  // "Further Mitigations and Learnings", "Action Items and Lessons Learned": a section that names follow-ups and lessons
  // holds the follow-ups, whichever comes last (a lesson section's entries are never read as items).
  const followUps = best.get('actionItems');
  if (winner?.kind === 'lessonsLearned' && followUps && followUps.score >= 3) return Object.freeze({ kind: 'actionItems', cue: followUps.cue, score: followUps.score + Math.min(followUps.extra, 0.5), also: 'lessonsLearned' });
  return winner && winner.score >= MATCH_THRESHOLD ? Object.freeze({ kind: winner.kind, cue: winner.cue, score: winner.score }) : undefined;
}

function indexOfWords(words: string[], phrase: string[]): number {
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (words[i + k] !== phrase[k]) continue outer;
    return i;
  }
  return -1;
}

export function sectionKindOf(heading: string): SectionKind | undefined {
  return matchSectionHeading(heading)?.kind;
}

/** Accepts kinds or headings (as users write them in settings). */
export function resolveSectionKind(name: string): SectionKind | undefined {
  const direct = SECTION_DEFINITIONS.find((d) => d.kind.toLowerCase() === name.toLowerCase());
  return direct?.kind ?? sectionKindOf(name);
}
