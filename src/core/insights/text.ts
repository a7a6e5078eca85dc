// Figures in words, for hovers, Markdown and the report: "mean over 14 incidents: 2 h 10 min; median 1 h 20 min; 3 without the times".
import { formatDuration } from '../model/time';
import { plural } from '../util/words';
import type { MetricStats } from './compute';

/** One line about a metric across the workspace. */
export function metricSummaryText(stats: MetricStats): string {
  const without = stats.missing
    ? `; ${stats.missing} without the times${stats.doubted ? ` (${stats.doubted} with times out of order)` : ''}`
    : '';
  if (stats.count === 0 || stats.mean === null) return `no incident gives the times yet${stats.missing ? ` (${plural(stats.missing, 'post-mortem')} without them)` : ''}`;
  return `mean over ${plural(stats.count, 'incident')}: ${formatDuration(stats.mean)}; median ${formatDuration(stats.median)}${without}`;
}

/** The workspace line of an MTTR/MTTD/MTTM hover (Markdown). */
export function workspaceHoverLine(stats: MetricStats): string {
  return `**Workspace:** ${metricSummaryText(stats)}.`;
}

/** `73 %`, or `—`. */
export function percentText(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)} %`;
}
