// Figures over many post-mortems: counts, TTD/TTM/TTR/duration as mean, median and p90 (with how many
// incidents each is based on and how many lack the times), trends per month and quarter, action-item
// follow-through, recurring themes and follow-ups without a review date. Pure: records in, JSON out.
import { dueState } from '../model/due';
import { daysUntil } from '../model/time';
import { SEVERITY_VALUES, STATUS_VALUES } from '../model/metadata';
import type { MetricId } from '../model/types';
import { type InsightRecord, METRIC_IDS } from './record';

export type InsightsGroupBy = 'severity' | 'month' | 'service' | 'owner';
export const INSIGHTS_GROUP_BY: readonly InsightsGroupBy[] = ['severity', 'month', 'service', 'owner'];

export interface InsightsOptions {
  /** `YYYY-MM-DD`: only incidents on or after this date (incidents without a date are then left out, and counted). */
  since?: string;
  groupBy?: InsightsGroupBy;
  /** `YYYY-MM-DD` that "overdue" is measured against. */
  today: string;
}

/** Minutes. `mean`, `median` and `p90` are null when no incident gives the times. */
export interface MetricStats {
  mean: number | null;
  median: number | null;
  /** Nearest rank: the smallest value that at least 90 % of the incidents are at or below. */
  p90: number | null;
  /** Incidents the figures are based on. */
  count: number;
  /** Incidents left out: without the times, or with times the document itself puts in doubt. */
  missing: number;
  /** Of the missing: incidents whose times are written but out of order. */
  doubted: number;
}

export interface Count {
  value: string;
  count: number;
  /** The post-mortems behind the count. */
  files: string[];
}

export interface PeriodTrend {
  /** `2026-03` or `2026-Q1`. */
  period: string;
  incidents: number;
  bySeverity: Record<string, number>;
  ttr: MetricStats;
  ttd: MetricStats;
  ttm: MetricStats;
  files: string[];
}

export interface OwnerRow {
  owner: string;
  open: number;
  overdue: number;
  done: number;
  /** Post-mortems with an open item of this owner. */
  files: string[];
}

export interface ActionItemInsights {
  total: number;
  open: number;
  done: number;
  /** Open, and the deadline has passed. */
  overdue: number;
  /** Open, without a real deadline. */
  noDeadline: number;
  /**
   * Follow-through: of the items with a deadline that are done or overdue, the share that is done.
   * The documents say whether an item is done, not when, so a done item counts as done on time.
   * Null when no item is done or overdue.
   */
  doneOnTimeRate: number | null;
  /** The open item of the earliest incident (then the earliest deadline). */
  oldestOpen: { text: string; owner: string | null; due: string | null; file: string; line: number; since?: string; ageDays?: number } | null;
  byOwner: OwnerRow[];
}

export interface IncidentRow {
  file: string;
  title?: string;
  id?: string;
  severity?: string;
  status?: string;
  date?: string;
  ttd: number | null;
  ttm: number | null;
  ttr: number | null;
  duration: number | null;
}

export interface InsightGroup {
  key: string;
  incidents: number;
  ttr: MetricStats;
  ttd: MetricStats;
  ttm: MetricStats;
  actionItems: { open: number; overdue: number; done: number };
  files: string[];
}

export interface Insights {
  /** Incidents counted (after `since`). */
  incidents: number;
  today: string;
  since?: string;
  /** Left out by `since`: before it, or without a date. */
  excluded: { beforeSince: number; undated: number };
  ttd: MetricStats;
  ttm: MetricStats;
  ttr: MetricStats;
  duration: MetricStats;
  /** Severity as written (normalised); `none` for documents without one. */
  bySeverity: Record<string, number>;
  byStatus: Record<string, number>;
  /** `YYYY-MM` → incidents; `undated` for documents without a date. */
  byMonth: Record<string, number>;
  trend: { month: PeriodTrend[]; quarter: PeriodTrend[] };
  actionItems: ActionItemInsights;
  themes: {
    tags: Count[];
    services: Count[];
    /** Words of root-cause sections that recur in two or more post-mortems. */
    causeWords: Count[];
    /** Glossary terms that recur in the root causes of two or more post-mortems. */
    causeTerms: Count[];
  };
  followUp: {
    /** Post-mortems whose document names no follow-up review date. */
    withoutReviewDate: string[];
    /**
     * Whether each summary went out within the 24-hour promise is not recorded in the documents
     * (they hold no "summary sent" time), so it is not computed.
     */
    lateSummary: null;
  };
  groupBy?: InsightsGroupBy;
  groups?: InsightGroup[];
  postmortems: IncidentRow[];
}

export const NO_VALUE = 'none';
export const UNDATED = 'undated';
const THEME_LIMIT = 10;

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

/** Mean, median and nearest-rank p90 of one metric over records (doubted and missing times are left out and counted). */
export function metricStats(records: readonly InsightRecord[], id: MetricId): MetricStats {
  const values: number[] = [];
  let doubted = 0;
  for (const r of records) {
    const v = r.metrics[id];
    if (v === null || !Number.isFinite(v)) continue;
    if (r.doubted.includes(id) || v < 0) {
      doubted++;
      continue;
    }
    values.push(v);
  }
  values.sort((a, b) => a - b);
  const n = values.length;
  const missing = records.length - n;
  if (n === 0) return { mean: null, median: null, p90: null, count: 0, missing, doubted };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  const median = n % 2 ? values[(n - 1) / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  const p90 = values[Math.max(0, Math.ceil(0.9 * n) - 1)];
  return { mean: round1(mean), median: round1(median), p90, count: n, missing, doubted };
}

function severityOrder(a: string, b: string): number {
  const rank = (s: string) => (s === NO_VALUE ? 1000 : SEVERITY_VALUES.indexOf(s) === -1 ? 999 : SEVERITY_VALUES.indexOf(s));
  return rank(a) - rank(b) || a.localeCompare(b);
}

function countBy(records: readonly InsightRecord[], key: (r: InsightRecord) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of records) {
    const k = key(r);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

function sortedRecord(counts: Record<string, number>, order: (a: string, b: string) => number): Record<string, number> {
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => order(a, b)));
}

export function monthOf(r: InsightRecord): string | undefined {
  return r.date ? r.date.slice(0, 7) : undefined;
}

export function quarterOf(r: InsightRecord): string | undefined {
  if (!r.date) return undefined;
  return `${r.date.slice(0, 4)}-Q${Math.floor((Number(r.date.slice(5, 7)) - 1) / 3) + 1}`;
}

function trend(records: readonly InsightRecord[], period: (r: InsightRecord) => string | undefined): PeriodTrend[] {
  const buckets = new Map<string, InsightRecord[]>();
  for (const r of records) {
    const p = period(r);
    if (!p) continue;
    let list = buckets.get(p);
    if (!list) buckets.set(p, (list = []));
    list.push(r);
  }
  return [...buckets.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([p, list]) => ({
      period: p,
      incidents: list.length,
      bySeverity: sortedRecord(
        countBy(list, (r) => r.severity ?? NO_VALUE),
        severityOrder,
      ),
      ttr: metricStats(list, 'ttr'),
      ttd: metricStats(list, 'ttd'),
      ttm: metricStats(list, 'ttm'),
      files: list.map((r) => r.uri),
    }));
}

/** Values counted once per post-mortem, case-insensitively, shown as first written; at least `min` post-mortems. */
function themes(records: readonly InsightRecord[], values: (r: InsightRecord) => readonly string[], min: number): Count[] {
  const counts = new Map<string, Count>();
  for (const r of records) {
    const seen = new Set<string>();
    for (const raw of values(r)) {
      const value = raw.trim();
      const key = value.toLowerCase();
      if (!value || seen.has(key)) continue;
      seen.add(key);
      let c = counts.get(key);
      if (!c) counts.set(key, (c = { value, count: 0, files: [] }));
      c.count++;
      c.files.push(r.uri);
    }
  }
  return [...counts.values()]
    .filter((c) => c.count >= min)
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
    .slice(0, THEME_LIMIT);
}

/** `@Maria` and `@maria` are one owner. */
function ownerKey(owner: string | null): string {
  return owner ? owner.trim().toLowerCase() : '';
}

export const NO_OWNER = 'No owner';

function actionItemInsights(records: readonly InsightRecord[], today: string): ActionItemInsights {
  let total = 0;
  let open = 0;
  let done = 0;
  let overdue = 0;
  let noDeadline = 0;
  let doneWithDeadline = 0;
  let oldest: { r: InsightRecord; item: InsightRecord['items'][number] } | undefined;
  const owners = new Map<string, OwnerRow>();
  for (const r of records) {
    for (const item of r.items) {
      total++;
      const key = ownerKey(item.owner);
      let row = owners.get(key);
      if (!row) owners.set(key, (row = { owner: item.owner?.trim() || NO_OWNER, open: 0, overdue: 0, done: 0, files: [] }));
      if (item.done) {
        done++;
        row.done++;
        if (item.due) doneWithDeadline++;
        continue;
      }
      open++;
      row.open++;
      if (!row.files.includes(r.uri)) row.files.push(r.uri);
      const state = dueState(item, today).state;
      if (state === 'overdue') {
        overdue++;
        row.overdue++;
      } else if (state === 'noDate') noDeadline++;
      if (!oldest || older(r, item, oldest.r, oldest.item)) oldest = { r, item };
    }
  }
  const since = oldest?.r.date;
  return {
    total,
    open,
    done,
    overdue,
    noDeadline,
    doneOnTimeRate: doneWithDeadline + overdue ? Math.round((doneWithDeadline / (doneWithDeadline + overdue)) * 1000) / 1000 : null,
    oldestOpen: oldest
      ? {
          text: oldest.item.text,
          owner: oldest.item.owner,
          due: oldest.item.due,
          file: oldest.r.uri,
          line: oldest.item.line,
          ...(since ? { since, ageDays: -daysUntil(since, today) } : {}),
        }
      : null,
    byOwner: [...owners.values()].sort((a, b) => b.overdue - a.overdue || b.open - a.open || a.owner.localeCompare(b.owner)),
  };
}

/** Earlier incident first (undated last), then earlier deadline (none last). */
function older(r: InsightRecord, item: { due: string | null }, r2: InsightRecord, item2: { due: string | null }): boolean {
  const a = r.date ?? '9999';
  const b = r2.date ?? '9999';
  if (a !== b) return a < b;
  return (item.due ?? '9999') < (item2.due ?? '9999');
}

function groupKeys(r: InsightRecord, by: InsightsGroupBy): string[] {
  switch (by) {
    case 'severity':
      return [r.severity ?? NO_VALUE];
    case 'month':
      return [monthOf(r) ?? UNDATED];
    case 'service':
      return r.services.length ? [...new Set(r.services.map((s) => s.trim()).filter(Boolean))] : [NO_VALUE];
    case 'owner': {
      const owners = new Map<string, string>();
      for (const item of r.items) owners.set(ownerKey(item.owner), item.owner?.trim() || NO_OWNER);
      return [...owners.values()];
    }
  }
}

function groups(records: readonly InsightRecord[], by: InsightsGroupBy, today: string): InsightGroup[] {
  const buckets = new Map<string, { key: string; records: InsightRecord[] }>();
  for (const r of records) {
    for (const key of groupKeys(r, by)) {
      const k = key.toLowerCase();
      let b = buckets.get(k);
      if (!b) buckets.set(k, (b = { key, records: [] }));
      b.records.push(r);
    }
  }
  const order = by === 'severity' ? severityOrder : (a: string, b: string) => a.localeCompare(b);
  return [...buckets.values()]
    .sort((a, b) => order(a.key, b.key))
    .map(({ key, records: list }) => {
      const items = list.flatMap((r) => r.items.filter((i) => by !== 'owner' || (i.owner?.trim() || NO_OWNER).toLowerCase() === key.toLowerCase()));
      return {
        key,
        incidents: list.length,
        ttr: metricStats(list, 'ttr'),
        ttd: metricStats(list, 'ttd'),
        ttm: metricStats(list, 'ttm'),
        actionItems: {
          open: items.filter((i) => !i.done).length,
          overdue: items.filter((i) => dueState(i, today).state === 'overdue').length,
          done: items.filter((i) => i.done).length,
        },
        files: list.map((r) => r.uri),
      };
    });
}

/** Everything `postmortem stats` and the dashboard show, over the given post-mortems. */
export function computeInsights(all: readonly InsightRecord[], options: InsightsOptions): Insights {
  const { since, today } = options;
  let beforeSince = 0;
  let undated = 0;
  const records = since
    ? all.filter((r) => {
        if (!r.date) return (undated++, false);
        if (r.date < since) return (beforeSince++, false);
        return true;
      })
    : [...all];
  const stats = Object.fromEntries(METRIC_IDS.map((id) => [id, metricStats(records, id)])) as Record<MetricId, MetricStats>;
  return {
    incidents: records.length,
    today,
    ...(since ? { since } : {}),
    excluded: { beforeSince, undated },
    ttd: stats.ttd,
    ttm: stats.ttm,
    ttr: stats.ttr,
    duration: stats.duration,
    bySeverity: sortedRecord(
      countBy(records, (r) => r.severity ?? NO_VALUE),
      severityOrder,
    ),
    byStatus: sortedRecord(
      countBy(records, (r) => r.status ?? NO_VALUE),
      (a, b) => (STATUS_VALUES.indexOf(a) + 1 || 99) - (STATUS_VALUES.indexOf(b) + 1 || 99),
    ),
    byMonth: sortedRecord(
      countBy(records, (r) => monthOf(r) ?? UNDATED),
      (a, b) => a.localeCompare(b),
    ),
    trend: { month: trend(records, monthOf), quarter: trend(records, quarterOf) },
    actionItems: actionItemInsights(records, today),
    themes: {
      tags: themes(records, (r) => r.tags, 1),
      services: themes(records, (r) => r.services, 1),
      causeWords: themes(records, (r) => r.causeWords, 2),
      causeTerms: themes(records, (r) => r.causeTerms, 2),
    },
    followUp: { withoutReviewDate: records.filter((r) => !r.review).map((r) => r.uri), lateSummary: null },
    ...(options.groupBy ? { groupBy: options.groupBy, groups: groups(records, options.groupBy, today) } : {}),
    postmortems: records.map((r) => ({
      file: r.uri,
      ...(r.title ? { title: r.title } : {}),
      ...(r.id ? { id: r.id } : {}),
      ...(r.severity ? { severity: r.severity } : {}),
      ...(r.status ? { status: r.status } : {}),
      ...(r.date ? { date: r.date } : {}),
      ttd: r.doubted.includes('ttd') ? null : r.metrics.ttd,
      ttm: r.doubted.includes('ttm') ? null : r.metrics.ttm,
      ttr: r.doubted.includes('ttr') ? null : r.metrics.ttr,
      duration: r.doubted.includes('duration') ? null : r.metrics.duration,
    })),
  };
}
