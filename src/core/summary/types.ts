// Data structure of the stakeholder summary: built once from the analysis, rendered as Markdown, HTML
// or plain text. Every string here is plain text (no Markdown, no HTML); renderers escape it.

import type { Glossary } from '../glossary/index';
import type { Phase } from '../model/types';

export type SummaryFormat = 'md' | 'html' | 'text';
export const SUMMARY_FORMATS: readonly SummaryFormat[] = ['md', 'html', 'text'];

export interface SummaryOptions {
  /** `YYYY-MM-DD` that "overdue" and "in N days" are measured against; defaults to the local date. */
  today?: string;
  /** List done action items too (default: counted, not listed). */
  all?: boolean;
  /** Replace blame-focused wording by its blameless rewording where one exists. */
  applyRewording?: boolean;
  /** Glossary for acronym expansion (default: the built-in one). */
  glossary?: Glossary;
  /** Word budget of the one-paragraph summary (default 80). */
  maxSummaryWords?: number;
}

/** A run of text; `strong` marks a business figure ("4,100 orders"). */
export interface Span {
  text: string;
  strong?: boolean;
}

export interface ImpactEntry {
  /** Label written before the text ("Blast radius", "Duration"); none for the statement and details. */
  label?: string;
  spans: Span[];
}

export interface KeyTime {
  phase: Phase;
  label: string;
  /** As readers see it: `2026-03-14 13:48 UTC`, or `14:02 UTC` when the date is the same as before. */
  display: string;
}

export interface SummaryMetric {
  id: 'ttd' | 'ttm' | 'ttr';
  /** The acronym, expanded when this is its first use in the summary: `TTR (time to restore)`. */
  label: string;
  minutes: number;
  /** `1 h 32 min`. */
  human: string;
}

export interface SummaryActionItem {
  text: string;
  /** `Unassigned` when the document names no owner. */
  owner: string;
  /** ISO date, or `No deadline` / the text as written when it is not a real date. */
  due: string;
  /** ISO date of the deadline when it is a real date. */
  dueDate?: string;
  done: boolean;
  /** Days past the deadline for open items (only when overdue). */
  overdueDays?: number;
  /** `Open`, `In progress`, `Done`, `Overdue by 3 days`... */
  status: string;
  /** 0-based line of the item in the post-mortem. */
  line: number;
}

export interface BlameSentence {
  /** The sentence as written in the post-mortem (plain text). */
  text: string;
  /** 0-based line where the sentence starts in the post-mortem. */
  line: number;
  /** Blameless rewording advice. */
  suggestion: string;
  /** The sentence with the mechanical rewordings applied, when at least one exists. */
  rewrite?: string;
  /** The blame-focused phrases found, e.g. `human error`. */
  phrases: string[];
  /** True when some phrase has no mechanical rewording: the sentence needs the author's hand. */
  needsManualRewording: boolean;
}

export interface StakeholderSummary {
  title: string;
  incidentId?: string;
  severity?: string;
  /** ISO date of the incident. */
  date?: string;
  /** `Draft`, `In review`, `Final`. */
  status?: string;
  /** The one-paragraph summary. */
  summary?: string;
  impact: {
    statement?: string;
    blastRadius?: string;
    /** `1 h 32 min`. */
    duration?: string;
    /** Figures found in the impact statement and the Impact section. */
    figures: string[];
    /** Everything in reading order, ready to render. */
    entries: ImpactEntry[];
  };
  keyTimes: KeyTime[];
  metrics: SummaryMetric[];
  rootCause?: string;
  /** At most three. */
  lessons: string[];
  actionItems: {
    /** Listed items: open ones, plus done ones with `all`. */
    items: SummaryActionItem[];
    open: number;
    done: number;
    overdue: number;
    /** Done items are listed (option `all`) rather than counted. */
    doneListed: boolean;
  };
  followUp?: {
    /** ISO date. */
    date: string;
    /** `2026-03-28 (in 8 days)`. */
    display: string;
  };
  /** For the author, not the audience: what is missing or was changed. */
  notes: string[];
  blameSentences: BlameSentence[];
}

export interface SummaryResult {
  summary: StakeholderSummary;
  format: SummaryFormat;
  output: string;
  /** The summary's notes plus template problems. */
  notes: string[];
  blameSentences: BlameSentence[];
}
