import type { SectionKind } from './types';

export interface SectionDefinition {
  kind: SectionKind;
  /** Heading text used when inserting the section. */
  label: string;
  aliases: string[];
  /** Body inserted by the "add missing section" quick fix. */
  skeleton: string;
  /** What belongs in the section, for messages. */
  hint: string;
}

/** Canonical sections in their canonical order. One source for parsing, completions, quick fixes and docs. */
export const SECTION_DEFINITIONS: readonly SectionDefinition[] = [
  {
    kind: 'summary',
    hint: 'say what happened, who was affected and for how long.',
    label: 'Summary',
    aliases: ['summary', 'executive summary', 'overview', 'tl;dr', 'tldr', 'incident summary'],
    skeleton: 'What happened, who was affected and for how long, in two or three sentences.',
  },
  {
    kind: 'impact',
    hint: 'describe who and what was affected, for how long, and the blast radius.',
    label: 'Impact',
    aliases: ['impact', 'blast radius', 'customer impact', 'user impact', 'business impact', 'impact and blast radius'],
    skeleton: '- Who and what was affected:\n- For how long:\n- Blast radius:',
  },
  {
    kind: 'timeline',
    hint: 'list the events with their times, e.g. "- 14:02 — [detected] Alert fires".',
    label: 'Timeline',
    aliases: ['timeline', 'incident timeline', 'chronology', 'sequence of events', 'timeline of events'],
    skeleton: 'All times UTC.\n\n- HH:MM — [started] What happened first\n- HH:MM — [detected] How we noticed',
  },
  {
    kind: 'rootCause',
    hint: 'explain which conditions in the system allowed this to happen.',
    label: 'Root Cause',
    aliases: ['root cause', 'root causes', 'root cause analysis', 'rca', 'contributing factors', 'causes', 'five whys', '5 whys', 'root cause and contributing factors'],
    skeleton: 'Which conditions in the system allowed this to happen? Ask "why" until you reach a process or design gap.',
  },
  {
    kind: 'resolution',
    hint: 'describe how service was restored.',
    label: 'Resolution',
    aliases: ['resolution', 'mitigation', 'recovery', 'remediation steps taken', 'resolution and recovery'],
    skeleton: 'How service was restored.',
  },
  {
    kind: 'actionItems',
    hint: 'list the follow-up work, each with an owner and a deadline.',
    label: 'Action Items',
    aliases: ['action items', 'action item', 'corrective actions', 'preventive actions', 'preventative actions', 'follow-ups', 'follow ups', 'followups', 'next steps', 'remediation', 'corrective and preventive actions'],
    skeleton: '- [ ] Describe the change to the system — @owner',
  },
  {
    kind: 'lessonsLearned',
    hint: 'note what went well, what went wrong and where you got lucky.',
    label: 'Lessons Learned',
    aliases: ['lessons learned', 'lessons learnt', 'lessons', 'what went well', 'what went wrong', 'where we got lucky', 'learnings'],
    skeleton: '- What went well:\n- What went wrong:\n- Where we got lucky:',
  },
  {
    kind: 'followUpReview',
    hint: 'give the date when the action items will be reviewed.',
    label: 'Follow-up Review',
    aliases: ['follow-up review', 'follow up review', 'review', 'follow-up', 'follow up', 'followup'],
    skeleton: 'Review of action items on YYYY-MM-DD.',
  },
  {
    kind: 'metrics',
    hint: 'give time to detect, mitigate and resolve.',
    label: 'Metrics',
    aliases: ['metrics', 'key metrics', 'detection/response metrics', 'detection metrics', 'response metrics', 'incident metrics'],
    skeleton: '- Time to detect:\n- Time to mitigate:\n- Time to resolve:',
  },
];

export const DEFAULT_REQUIRED_SECTIONS: readonly SectionKind[] = ['summary', 'impact', 'timeline', 'rootCause', 'actionItems'];

const byAlias = new Map<string, SectionKind>();
for (const def of SECTION_DEFINITIONS) for (const alias of def.aliases) byAlias.set(alias, def.kind);

export function sectionDefinition(kind: SectionKind): SectionDefinition {
  return SECTION_DEFINITIONS.find((d) => d.kind === kind)!;
}

/** Lower-cases and strips numbering (`3.`, `IV)`), emoji, markup and trailing punctuation from a heading. */
export function normalizeHeading(text: string): string {
  return text
    .toLowerCase()
    .replace(/[*_`]/g, '')
    .replace(/[^\p{L}\p{N}\s;/&+'-]/gu, ' ')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[ivx]+[.)])\s+/u, '')
    .replace(/&/g, ' and ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sectionKindOf(heading: string): SectionKind | undefined {
  // Aliases that start with a number ("5 whys") are looked up before numbering is stripped.
  const literal = byAlias.get(heading.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim());
  if (literal) return literal;
  const normal = normalizeHeading(heading);
  return byAlias.get(normal) ?? byAlias.get(normal.replace(/[;:]$/, ''));
}

/** Accepts kinds or labels/aliases (as users write them in settings). */
export function resolveSectionKind(name: string): SectionKind | undefined {
  const direct = SECTION_DEFINITIONS.find((d) => d.kind.toLowerCase() === name.toLowerCase());
  return direct?.kind ?? sectionKindOf(name);
}
