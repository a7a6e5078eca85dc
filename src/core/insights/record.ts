// What insights need from one post-mortem, taken from its model once: the facts the document states
// (severity, status, dates, key-time metrics, action items, tags, services, root-cause words and
// glossary terms) and nothing it does not. Small, so the workspace index can keep one per file.
import { builtInGlossary, type Glossary } from '../glossary/index';
import type { MetricId, PostmortemDocument } from '../model/types';

export interface InsightActionItem {
  text: string;
  owner: string | null;
  /** ISO date, when the deadline is a real date. */
  due: string | null;
  done: boolean;
  /** 0-based line of the item. */
  line: number;
}

export interface InsightRecord {
  /** File path or URI: what a report or a click opens. */
  uri: string;
  title?: string;
  id?: string;
  severity?: string;
  status?: string;
  /** ISO date of the incident: the `date` key, else the date of the start time. */
  date?: string;
  /** ISO date of the follow-up review, when the document names one. */
  review?: string;
  /** Minutes; null when the document does not give both times. */
  metrics: Record<MetricId, number | null>;
  /** Metrics computed but doubted (key times out of order, before the start): not used as facts. */
  doubted: MetricId[];
  items: InsightActionItem[];
  tags: string[];
  services: string[];
  /** Distinct words of the root-cause sections (lower case, no stop words). */
  causeWords: string[];
  /** Glossary term ids named in the root-cause sections. */
  causeTerms: string[];
}

export const METRIC_IDS: readonly MetricId[] = ['ttd', 'ttm', 'ttr', 'duration'];


const WORD = /\p{L}[\p{L}'’-]*\p{L}/gu;
/** Words too common to be a theme. */
const STOP_WORDS = new Set(
  `about above after again against all also although among and another any are around because been before being below between both but cause caused causes could did does doing down during each either even ever every few from further had has have having here how however into its itself just least less like made make many more most much must near neither never none nor not now off once only other our ours out over own per rather root same several should since some such than that the their them then there these they this those though through thus too under until upon very was were what when where whether which while who whom whose why will with within without would yet you your issue incident problem time times able already later first second also which because were into onto being`.split(/\s+/),
);
const MAX_CAUSE_TEXT = 20_000;

/** The insight facts of one analysed post-mortem. */
export function insightRecord(uri: string, doc: PostmortemDocument, options: { glossary?: Glossary } = {}): InsightRecord {
  const { metadata, metrics } = doc;
  const date = metadata.date?.value ?? metrics.started?.date;
  const doubted = (Object.keys(metrics.doubts) as MetricId[]).filter((id) => metrics.doubts[id]);
  const causeText = doc.allSections
    .filter((s) => s.kind === 'rootCause')
    .map((s) => s.bodyText)
    .join('\n')
    .slice(0, MAX_CAUSE_TEXT);
  const words = new Set<string>();
  for (const m of causeText.matchAll(WORD)) {
    const word = m[0].toLowerCase().replace(/[’']s$/, '');
    if (word.length >= 4 && !STOP_WORDS.has(word)) words.add(word);
  }
  const glossary = options.glossary ?? builtInGlossary();
  const terms = new Set(causeText ? glossary.findAll(causeText).map((m) => m.term.id) : []);
  return {
    uri,
    ...(doc.title ? { title: doc.title } : {}),
    ...(metadata.id?.value ? { id: metadata.id.value } : {}),
    ...(metadata.severity ? { severity: metadata.severity.value } : {}),
    ...(metadata.status ? { status: metadata.status.value } : {}),
    ...(date ? { date } : {}),
    ...(metadata.review?.value ? { review: metadata.review.value } : {}),
    metrics: { ttd: metrics.ttdMinutes, ttm: metrics.ttmMinutes, ttr: metrics.ttrMinutes, duration: metrics.durationMinutes },
    doubted,
    items: doc.actionItems.map((a) => ({ text: a.text, owner: a.owner, due: a.due, done: a.done, line: a.range.start.line })),
    tags: metadata.tags?.value ?? [],
    services: metadata.services?.value ?? [],
    causeWords: [...words],
    causeTerms: [...terms],
  };
}
