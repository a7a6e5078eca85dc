// The post-mortem document model: what every feature (rules, hovers, preview, summary, CLI) reads.
// Positions are 0-based (line, character) and offsets are UTF-16 indexes into the original text.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'rootCause'
  | 'resolution'
  | 'actionItems'
  | 'lessonsLearned'
  | 'followUpReview'
  | 'metrics';

export type Phase = 'started' | 'detected' | 'mitigated' | 'resolved';
export const PHASES: readonly Phase[] = ['started', 'detected', 'mitigated', 'resolved'];

export type ProblemCode =
  | 'front-matter-yaml'
  | 'front-matter-severity'
  | 'front-matter-status'
  | 'front-matter-date'
  | 'timeline-time-invalid'
  | 'action-item-deadline-invalid'
  | 'file-too-large';

/** Something the parser could not understand; rules turn these into findings. */
export interface ModelProblem {
  code: ProblemCode;
  message: string;
  range: Range;
}

export interface MetadataField<T = string> {
  value: T;
  /** The text as written, e.g. `SEV2` or `in review`. */
  raw: string;
  /** Range of the value text. */
  range: Range;
  source: 'frontMatter' | 'keyLine' | 'heading';
}

export type Severity = 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4' | 'SEV5' | 'P0' | 'P1' | 'P2' | 'P3' | 'P4' | 'critical' | 'high' | 'medium' | 'low';
export type DocStatus = 'draft' | 'in-review' | 'final';

export interface Metadata {
  title?: MetadataField;
  id?: MetadataField;
  severity?: MetadataField<Severity>;
  status?: MetadataField<DocStatus>;
  /** ISO date `YYYY-MM-DD`. */
  date?: MetadataField;
  authors?: MetadataField<string[]>;
  facilitator?: MetadataField<string[]>;
  impact?: MetadataField;
  review?: MetadataField;
  timezone?: MetadataField;
  started?: MetadataField<TimeValue>;
  detected?: MetadataField<TimeValue>;
  mitigated?: MetadataField<TimeValue>;
  resolved?: MetadataField<TimeValue>;
}

/**
 * A point in time as far as the document lets us know it.
 * `instant` (ms since epoch, UTC) is set when a date is known; otherwise only the local clock time.
 */
export interface TimeValue {
  instant?: number;
  /** ISO date `YYYY-MM-DD` the time belongs to, when known. */
  date?: string;
  /** Minutes since local midnight. */
  minutes: number;
  /** UTC offset in minutes that applied, when known. */
  offsetMinutes?: number;
  /** Zone as written or configured, e.g. `UTC`, `+02:00`, `Europe/Berlin`. */
  zone?: string;
  /** The time text as written (e.g. `14:02`, `2026-03-14 14:02`). */
  raw: string;
}

export interface Section {
  /** Canonical kind when recognised; undefined for other headings. */
  kind?: SectionKind;
  heading: string;
  depth: number;
  /** Whole section: from the heading to just before the next heading of the same or higher level. */
  range: Range;
  headingRange: Range;
  /** Range of the body (after the heading line), possibly empty. */
  bodyRange: Range;
  /** Plain text of the body (markdown stripped), for summaries and placeholders. */
  bodyText: string;
  /** First paragraph of the body, plain text. */
  firstParagraph?: string;
  children: Section[];
}

export interface TimelineEvent {
  time?: TimeValue;
  /** True when the time text was present but unreadable (e.g. `25:61`). */
  timeInvalid: boolean;
  text: string;
  phase: Phase | null;
  /** Whole list item or table row. */
  range: Range;
  /** Range of the time text. */
  timeRange: Range;
  /** Range of the description text. */
  textRange: Range;
  /** Day label from a day subheading (`2026-03-14`, `Day 2`), if any. */
  day?: string;
}

export interface ActionItem {
  text: string;
  owner: string | null;
  /** Where the owner is written; for a table row with an empty Owner cell, where it goes. */
  ownerRange?: Range;
  /** ISO date `YYYY-MM-DD` when the deadline is a real date. */
  due: string | null;
  /** The deadline text as written, including invalid ones. */
  dueRaw: string | null;
  /** Where the deadline is written; for a table row with an empty Due cell, where it goes. */
  dueRange?: Range;
  dueInvalid: boolean;
  done: boolean;
  status?: string;
  tickets: string[];
  /** Whole list item or table row. */
  range: Range;
  /** The item text proper (task text or Action cell). */
  textRange: Range;
  form: 'task' | 'table';
  /** Range of the `[ ]` box or the Status cell, for mark-done edits. */
  doneMarkerRange?: Range;
}

export interface Metrics {
  started?: TimeValue;
  detected?: TimeValue;
  mitigated?: TimeValue;
  resolved?: TimeValue;
  /** Minutes, when both ends are known. */
  ttdMinutes: number | null;
  ttmMinutes: number | null;
  ttrMinutes: number | null;
  durationMinutes: number | null;
}

/** A run of prose (paragraph, heading, list item, table cell text) with code and URLs removed. */
export interface ProseRun {
  /** Text of the run, with non-prose characters (code spans, URLs) replaced by spaces so offsets stay aligned. */
  text: string;
  /** Offset of `text[0]` in the document. */
  offset: number;
  sectionKind?: SectionKind;
  /** True when the run is inside an action item. */
  inActionItem: boolean;
  /** True when inside a `>` quote (quoted words of others are not ours to reword). */
  inQuote: boolean;
}

export interface Suppression {
  /** Rule id, or '*' for all. */
  rule: string;
  /** Inclusive 0-based lines. */
  fromLine: number;
  toLine: number;
}

export interface PostmortemDocument {
  text: string;
  lineCount: number;
  /** Offsets where each line starts. */
  lineStarts: number[];
  metadata: Metadata;
  title?: string;
  frontMatterRange?: Range;
  /** Top-level headings and their nested sections, in document order. */
  sections: Section[];
  /** Every section at any depth, flattened, in document order. */
  allSections: Section[];
  timeline: TimelineEvent[];
  actionItems: ActionItem[];
  metrics: Metrics;
  prose: ProseRun[];
  problems: ModelProblem[];
  suppressions: Suppression[];
  /** Ranges of tables (for folding). */
  tables: Range[];
  /** Set when the document was too large to analyse fully. */
  truncated?: boolean;
}
