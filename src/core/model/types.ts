// The post-mortem document model: what every feature (rules, hovers, preview, summary, CLI) reads.
// Positions are 0-based (line, character) and offsets are UTF-16 indexes into the original text.
import type { Block } from './blocks';

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
  | 'detection'
  | 'response'
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
  | 'timeline-time-unknown'
  | 'action-item-deadline-invalid'
  | 'file-too-large'
  | 'nesting-too-deep'
  | 'analysis-time-limit'
  | 'analysis-memory-limit'
  | 'line-too-long'
  | 'table-too-long';

/** Something the parser could not understand; rules turn these into findings. */
export interface ModelProblem {
  code: ProblemCode;
  message: string;
  range: Range;
  /** The metadata key a front-matter problem is about (`date`, `resolved`, …). */
  field?: string;
}

export interface MetadataField<T = string> {
  value: T;
  /** The text as written, e.g. `SEV2` or `in review`. */
  raw: string;
  /** Range of the value text. */
  range: Range;
  source: 'frontMatter' | 'keyLine' | 'heading';
}

export type { Block, BlockKind, TableCell } from './blocks';
export type { InlineText } from './inline';

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
  /** Labels of the incident (`tags: [dns, deploy]`), for recurring themes across post-mortems. */
  tags?: MetadataField<string[]>;
  /** Services or components affected (`services: checkout, payments`). */
  services?: MetadataField<string[]>;
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
  children: Section[];
  /** The heading's words that named the kind (`timeline` in "Timeline (all times approximate)"). */
  match?: { cue: string; score: number; also?: SectionKind };
  /** Index of the heading in the document's blocks. */
  block: number;
  /** Blocks of the body: `[block + 1, blockEnd)` (subsections included), own blocks up to `ownEnd`. */
  blockEnd: number;
  ownEnd: number;
}

/** Where the engine found a kind of content, for required-section checks and `postmortem explain`. */
export interface FoundPart {
  kind: SectionKind;
  /** `heading`: a section heading names it; `label`: a bold label or `Label:` line; `intro`: the text before the first section; `content`: recognised by its content (a run of dated events, a list of follow-ups). */
  how: 'heading' | 'label' | 'intro' | 'content';
  /** Index of the block that holds it (the heading, the label block, the first event). */
  block: number;
  /** The heading or label as written, or a description (`12 dated events`). */
  label: string;
}

export type EventSource = 'listItem' | 'tableRow' | 'heading' | 'paragraph' | 'line' | 'code';
export type PhaseSource = 'tag' | 'word' | 'inferred';

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
  /** The kind of block the event was read from. */
  source: EventSource;
  /** Index of that block in the document's blocks. */
  block: number;
  /** How the phase was found: a `[tag]`, a leading word (`Detected:`), or inferred from the text. */
  phaseSource?: PhaseSource;
  /** Inferred phases: the words that suggested it ("rolled back"). */
  phaseCue?: string;
  /** A placeholder stands where the time should be (`--:--`, `HH:MM`): the time is unknown. */
  timeUnknown?: boolean;
  /** `~13:30`, `(maybe earlier?)`. */
  approximate?: boolean;
  /** Written as an offset from an earlier event (`+90 minutes`, `[+1 hrs]`); the time is computed from that event's. */
  relative?: boolean;
  /** End of a time range (`13:30-13:45`). */
  endTime?: TimeValue;
  /** Where the date came from: written on the event, a day heading or date line above, the previous event, the document. */
  dateSource?: 'event' | 'heading' | 'previous' | 'document';
  /** Where the zone came from: the event, a table header, a statement such as "All times UTC", an earlier event, the front matter or settings. */
  zoneSource?: 'event' | 'table' | 'statement' | 'previous' | 'document' | 'settings';
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
  /** `task`: a list item (with or without a box); `table`: a table row; `paragraph`: a paragraph or sentence of a follow-up section without lists; `heading`: a sub-heading that names the work ("#### Increase test coverage"). */
  form: 'task' | 'table' | 'paragraph' | 'heading';
  /** Range of the `[ ]` box or the Status cell, for mark-done edits. */
  doneMarkerRange?: Range;
  /** What marked the item done (`[x]`, `✅`, `~~struck~~`, `(Completed)`, a Completed heading). */
  doneMarker?: string;
  /** Index of the item's block (list item, table, paragraph) in the document's blocks. */
  block: number;
}

export type MetricId = 'ttd' | 'ttm' | 'ttr' | 'duration';

/** Where a key time came from. */
export interface KeyTimeSource {
  from: 'frontMatter' | 'keyLine' | 'tag' | 'word' | 'inferred' | 'firstEvent' | 'lastEvent';
  /** Index of the timeline event, when an event gave the time. */
  event?: number;
  /** Inferred times: the words that suggested the phase. */
  cue?: string;
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
  /** From the start to the last thing that happened (resolution or the last event, whichever is later). */
  durationMinutes: number | null;
  /** Where each key time came from. */
  sources: Partial<Record<Phase, KeyTimeSource>>;
  /** Metrics that are computed but should not be shown as facts, with the reason (key times out of order). */
  doubts: Partial<Record<MetricId, string>>;
  /** Key times out of phase order (`mitigated` before `detected`), one message each. */
  orderProblems: Array<{ earlier: Phase; later: Phase; message: string }>;
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
  /** Every block of the document, in order. */
  blocks: Block[];
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
  /** What was found where (sections by heading, label, intro or content). */
  found: FoundPart[];
  problems: ModelProblem[];
  suppressions: Suppression[];
  /** Ranges of tables (for folding). */
  tables: Range[];
  /** Set when the document was too large to analyse fully. */
  truncated?: boolean;
  /** Set when part of the text was read as plain text (time or memory budget): what is missing there cannot be judged. */
  partlyUnread?: boolean;
  /** What the timeline reader assumed for the whole document. */
  reading: { zone?: { zone: string; from: 'statement' | 'document' | 'settings'; line?: number }; baseDate?: { date: string; from: 'frontMatter' | 'title' | 'firstDate' } };
}
