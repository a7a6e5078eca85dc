// The workspace-wide index of post-mortems and their action items. Pure: no VS Code API, no Node
// built-ins; the extension feeds it text it read and asks it questions.
import type { ActionItem, PostmortemDocument, Range } from '../model/types';
import { parsePostmortem, type ParseOptions } from '../model/parse';
import { DUE_STATE_LABELS, type DueState, dueState } from '../model/due';
import { type InsightRecord, insightRecord } from '../insights/record';

export { applyEdit, markDoneEdit, type MarkableItem, type MarkDoneEdit } from './markDone';

export interface IndexedPostmortem {
  uri: string;
  /** Title from front matter or the `#` heading; undefined when the file has neither. */
  title?: string;
  /** Where the title is written (for workspace symbols). */
  titleRange?: Range;
  incidentId?: string;
  incidentIdRange?: Range;
  severity?: string;
  /** ISO date of the incident, when known. */
  date?: string;
  items: IndexedActionItem[];
  /** What incident insights need from the file (metrics, status, tags…). */
  insight: InsightRecord;
}

export interface IndexedActionItem {
  uri: string;
  /** 0-based line where the item starts. */
  line: number;
  text: string;
  owner: string | null;
  /** ISO `YYYY-MM-DD`, when the deadline is a real date. */
  due: string | null;
  done: boolean;
  form: ActionItem['form'];
  textRange: Range;
  doneMarkerRange?: Range;
  /** The post-mortem the item belongs to. */
  postmortem: PostmortemRef;
}

export interface PostmortemRef {
  uri: string;
  title?: string;
  incidentId?: string;
  severity?: string;
}

export type GroupBy = 'postmortem' | 'owner' | 'dueDate';
export const GROUP_BY: readonly GroupBy[] = ['postmortem', 'owner', 'dueDate'];

/** Groups of the "by due date" view: the due states, in this order. */
export type DueBucket = DueState;
export const DUE_BUCKET_LABELS: Record<DueBucket, string> = DUE_STATE_LABELS;
const DUE_BUCKET_ORDER: readonly DueBucket[] = ['overdue', 'dueSoon', 'later', 'noDate', 'done'];

export const NO_OWNER_LABEL = 'No owner';

export interface ActionItemGroup {
  /** Stable key, e.g. the post-mortem URI, `owner:@maria` or `due:overdue`. */
  key: string;
  label: string;
  /** Incident id for post-mortem groups. */
  description?: string;
  kind: GroupBy;
  /** Post-mortem groups: the file. */
  uri?: string;
  /** Due-date groups: the bucket. */
  bucket?: DueBucket;
  items: IndexedActionItem[];
}

export interface OpenItemsQuery {
  includeDone?: boolean;
  /** Handle (`@maria`) or name, case-insensitive; several separated by commas. */
  mine?: string;
}

export interface WorkspaceSymbolEntry {
  name: string;
  containerName?: string;
  kind: 'postmortem' | 'incident';
  uri: string;
  range: Range;
}

const LINE0: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Items due within this many days from today (inclusive) are "this week". */

export class WorkspaceIndex {
  private readonly entries = new Map<string, IndexedPostmortem>();

  constructor(private readonly parseOptions: ParseOptions = {}) {}

  /** (Re-)indexes one file from its text. */
  update(uri: string, text: string): IndexedPostmortem {
    return this.updateFromModel(uri, parsePostmortem(text, this.parseOptions));
  }

  /** (Re-)indexes one file from a model parsed elsewhere (an open document's cached analysis). */
  updateFromModel(uri: string, doc: PostmortemDocument): IndexedPostmortem {
    const { metadata } = doc;
    const h1 = doc.allSections.find((s) => s.depth === 1);
    const ref: PostmortemRef = {
      uri,
      ...(doc.title ? { title: doc.title } : {}),
      ...(metadata.id?.value ? { incidentId: metadata.id.value } : {}),
      ...(metadata.severity?.value ? { severity: metadata.severity.value } : {}),
    };
    const titleRange = metadata.title?.value ? metadata.title.range : h1?.headingRange;
    const entry: IndexedPostmortem = {
      ...ref,
      ...(titleRange ? { titleRange } : {}),
      ...(metadata.id?.value ? { incidentIdRange: metadata.id.range } : {}),
      ...(metadata.date?.value ? { date: metadata.date.value } : {}),
      items: doc.actionItems.map((a) => ({
        uri,
        line: a.range.start.line,
        text: a.text,
        owner: a.owner,
        due: a.due,
        done: a.done,
        form: a.form,
        textRange: a.textRange,
        ...(a.doneMarkerRange ? { doneMarkerRange: a.doneMarkerRange } : {}),
        postmortem: ref,
      })),
      insight: insightRecord(uri, doc),
    };
    this.entries.set(uri, entry);
    return entry;
  }

  /** Forgets a file; true when it was indexed. */
  remove(uri: string): boolean {
    return this.entries.delete(uri);
  }

  /** Forgets every file under a folder URI (for folder deletions), returning how many were removed. */
  removeUnder(folderUri: string): number {
    const prefix = folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
    let removed = 0;
    for (const uri of [...this.entries.keys()]) if (uri.startsWith(prefix) && this.entries.delete(uri)) removed++;
    return removed;
  }

  clear(): void {
    this.entries.clear();
  }

  has(uri: string): boolean {
    return this.entries.has(uri);
  }

  get(uri: string): IndexedPostmortem | undefined {
    return this.entries.get(uri);
  }

  /** Indexed post-mortems, newest incident first, then by title. */
  files(): IndexedPostmortem[] {
    return [...this.entries.values()].sort(comparePostmortems);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Action items (open ones unless `includeDone`), optionally only the caller's, in file and line order. */
  openItems(query: OpenItemsQuery): IndexedActionItem[] {
    const mine = query.mine ? parseMine(query.mine) : undefined;
    const items: IndexedActionItem[] = [];
    for (const file of this.files()) {
      for (const item of file.items) {
        if (item.done && !query.includeDone) continue;
        if (mine && !ownerMatches(item.owner, mine)) continue;
        items.push(item);
      }
    }
    return items;
  }

  /** Groups items for the tree: by post-mortem (document order), owner (A–Z, "No owner" last) or due date buckets. */
  group(items: IndexedActionItem[], by: GroupBy, today: string): ActionItemGroup[] {
    if (by === 'postmortem') {
      const groups = new Map<string, ActionItemGroup>();
      for (const item of items) {
        const ref = item.postmortem;
        let group = groups.get(ref.uri);
        if (!group) {
          group = { key: ref.uri, label: ref.title ?? fileName(ref.uri), kind: 'postmortem', uri: ref.uri, items: [], ...(ref.incidentId ? { description: ref.incidentId } : {}) };
          groups.set(ref.uri, group);
        }
        group.items.push(item);
      }
      const order = new Map(this.files().map((f, i) => [f.uri, i]));
      const result = [...groups.values()].sort((a, b) => (order.get(a.key) ?? Infinity) - (order.get(b.key) ?? Infinity) || a.label.localeCompare(b.label));
      for (const g of result) g.items.sort((a, b) => a.line - b.line);
      return result;
    }
    if (by === 'owner') {
      const groups = new Map<string, ActionItemGroup>();
      const none: ActionItemGroup = { key: 'owner:', label: NO_OWNER_LABEL, kind: 'owner', items: [] };
      for (const item of items) {
        if (!item.owner) {
          none.items.push(item);
          continue;
        }
        const key = `owner:${item.owner.toLowerCase()}`;
        let group = groups.get(key);
        if (!group) {
          group = { key, label: item.owner, kind: 'owner', items: [] };
          groups.set(key, group);
        }
        group.items.push(item);
      }
      const result = [...groups.values()].sort((a, b) => stripAt(a.label).localeCompare(stripAt(b.label), undefined, { sensitivity: 'base' }));
      if (none.items.length) result.push(none);
      for (const g of result) g.items.sort(byDueThenPlace);
      return result;
    }
    const buckets = new Map<DueBucket, IndexedActionItem[]>();
    for (const item of items) {
      const bucket = dueBucket(item, today);
      buckets.set(bucket, [...(buckets.get(bucket) ?? []), item]);
    }
    return DUE_BUCKET_ORDER.filter((b) => buckets.has(b)).map((bucket) => ({
      key: `due:${bucket}`,
      label: DUE_BUCKET_LABELS[bucket],
      kind: 'dueDate' as const,
      bucket,
      items: buckets.get(bucket)!.sort(byDueThenPlace),
    }));
  }

  /** Open items past their deadline, across the workspace (or only the caller's). */
  overdueCount(today: string, mine?: string): number {
    return this.openItems(mine ? { mine } : {}).filter((i) => isOverdue(i, today)).length;
  }

  /** Every distinct owner seen (case-insensitive), most frequent first, for completions. */
  owners(): string[] {
    const counts = new Map<string, { name: string; count: number }>();
    for (const file of this.entries.values()) {
      for (const item of file.items) {
        if (!item.owner) continue;
        const key = item.owner.toLowerCase();
        const seen = counts.get(key);
        if (seen) seen.count++;
        else counts.set(key, { name: item.owner, count: 1 });
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((o) => o.name);
  }

  /** Workspace symbols: post-mortem titles and incident ids whose name fuzzily contains the query. */
  symbols(query: string): WorkspaceSymbolEntry[] {
    const scored: Array<{ entry: WorkspaceSymbolEntry; score: number }> = [];
    const consider = (entry: WorkspaceSymbolEntry) => {
      const score = fuzzyScore(query, entry.name);
      if (score > 0) scored.push({ entry, score });
    };
    for (const file of this.entries.values()) {
      const title = file.title ?? fileName(file.uri);
      consider({
        name: title,
        kind: 'postmortem',
        uri: file.uri,
        range: file.titleRange ?? LINE0,
        ...(file.incidentId || file.severity ? { containerName: [file.incidentId, file.severity].filter(Boolean).join(' · ') } : {}),
      });
      if (file.incidentId) consider({ name: file.incidentId, containerName: title, kind: 'incident', uri: file.uri, range: file.incidentIdRange ?? file.titleRange ?? LINE0 });
    }
    return scored.sort((a, b) => b.score - a.score || a.entry.name.localeCompare(b.entry.name)).map((s) => s.entry);
  }
}

export function isOverdue(item: Pick<IndexedActionItem, 'done' | 'due'>, today: string): boolean {
  return dueState(item, today).state === 'overdue';
}

/** Days past the deadline (positive) for an overdue item, else 0. */
export function daysOverdue(item: Pick<IndexedActionItem, 'done' | 'due'>, today: string): number {
  const due = dueState(item, today);
  return due.state === 'overdue' ? -(due.days ?? 0) : 0;
}

export function dueBucket(item: Pick<IndexedActionItem, 'done' | 'due'>, today: string): DueBucket {
  return dueState(item, today).state;
}

/** `- [ ] text — owner, due 2026-03-21` for pasting into notes and chats. */
export function formatActionItemMarkdown(item: Pick<IndexedActionItem, 'done' | 'text' | 'owner' | 'due'>): string {
  const tail = [item.owner, item.due ? `due ${item.due}` : undefined].filter(Boolean).join(', ');
  return `- [${item.done ? 'x' : ' '}] ${item.text}${tail ? ` — ${tail}` : ''}`;
}

/** The normalised identities in a `postmortem.me` value (`@maria, Maria Lopez`). */
export function parseMine(mine: string): string[] {
  return mine.split(',').map(normalizeOwner).filter(Boolean);
}

/** True when an owner (`@maria`, `Maria`, `@maria and @dev.k`) names one of the identities. */
export function ownerMatches(owner: string | null, mine: string[] | string): boolean {
  if (!owner) return false;
  const identities = typeof mine === 'string' ? parseMine(mine) : mine;
  if (identities.length === 0) return false;
  const whole = normalizeOwner(owner);
  if (identities.includes(whole)) return true;
  return owner.split(/,|;|\/|&|\+|\band\b/i).some((part) => identities.includes(normalizeOwner(part)));
}

function normalizeOwner(text: string): string {
  return text.trim().replace(/^@/, '').replace(/\s+/g, ' ').toLowerCase();
}

function stripAt(s: string): string {
  return s.replace(/^@/, '');
}

function byDueThenPlace(a: IndexedActionItem, b: IndexedActionItem): number {
  if (a.due !== b.due) {
    if (a.due === null) return 1;
    if (b.due === null) return -1;
    return a.due < b.due ? -1 : 1;
  }
  return a.uri.localeCompare(b.uri) || a.line - b.line;
}

function comparePostmortems(a: IndexedPostmortem, b: IndexedPostmortem): number {
  if (a.date !== b.date) {
    if (!a.date) return 1;
    if (!b.date) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return (a.title ?? fileName(a.uri)).localeCompare(b.title ?? fileName(b.uri)) || a.uri.localeCompare(b.uri);
}

export function fileName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  let name = path.slice(path.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep as written
  }
  return name;
}

/**
 * 0 when the query does not match; higher is better: exact > prefix > word prefix > substring >
 * characters in order (case-insensitive, spaces in the query ignored for the in-order match).
 */
export function fuzzyScore(query: string, name: string): number {
  const q = query.trim().toLowerCase();
  if (!q) return 1;
  const n = name.toLowerCase();
  if (n === q) return 100;
  if (n.startsWith(q)) return 80;
  const at = n.indexOf(q);
  if (at > 0) return /[\s\-_:./]/.test(n[at - 1]) ? 60 : 40;
  let i = 0;
  const chars = q.replace(/\s+/g, '');
  for (let k = 0; k < n.length && i < chars.length; k++) if (n[k] === chars[i]) i++;
  return i === chars.length ? 10 : 0;
}
