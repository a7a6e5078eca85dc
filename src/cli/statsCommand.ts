import { relative } from 'node:path';
import { parseDate } from '../core/model/time';
import { computeInsights, INSIGHTS_GROUP_BY, type InsightRecord, type InsightsGroupBy, renderInsightsMarkdown, renderInsightsReport } from '../core/insights/index';
import { analyzeFiles, FILE_JOB_FLAGS, FILE_JOB_USAGE, fileJobSettings } from './analyzeFiles';
import { chooseFormat, type CommandIO, parseCommandArgs } from './args';
import { commandSettings } from './config';
import { findPostmortemFiles, UsageError } from './files';

export const STATS_USAGE = `Usage: postmortem stats <paths...> [--format json|md|html] [--since YYYY-MM-DD] [--group-by severity|month|service|owner] [--today YYYY-MM-DD] [--config file] [--cache [--cache-location dir]] [--concurrency N|auto|off]

Figures across post-mortems: incidents by severity, status and month; TTD, TTM, TTR and duration as
mean, median and p90 (with how many incidents lack the times); trends per month and quarter; action
items open, done, overdue and done on time, per owner; recurring themes; follow-ups without a review date.
Directories are searched for *.postmortem.md files and the configured filePatterns.
  --format json|md|html   output format (default: md); html is a self-contained report with charts
  --since YYYY-MM-DD      only incidents on or after this date (undated ones are left out and counted)
  --group-by KEY          also give the figures per severity, month, service or owner
  --today YYYY-MM-DD      the date "overdue" is measured against (default: $POSTMORTEM_TODAY, else today)
  --config file           configuration file (default: nearest .postmortemrc.yaml)
${FILE_JOB_USAGE}`;

export function runStats(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    since: { type: 'string' },
    'group-by': { type: 'string' },
    today: { type: 'string' },
    config: { type: 'string' },
    ...FILE_JOB_FLAGS,
  });
  const format = chooseFormat(values.format, ['json', 'md', 'markdown', 'html'] as const, 'md');
  if (positionals.length === 0) throw new UsageError('expected at least one file or directory');
  const since = values.since;
  if (since !== undefined && !(/^\d{4}-\d{2}-\d{2}$/.test(since) && parseDate(since, false)?.ok)) throw new UsageError(`--since expects a date YYYY-MM-DD, got '${since}'`);
  const groupBy = values['group-by'];
  if (groupBy !== undefined && !(INSIGHTS_GROUP_BY as readonly string[]).includes(groupBy)) throw new UsageError(`unknown --group-by '${groupBy}' (expected ${INSIGHTS_GROUP_BY.join(', ')})`);
  const { today, files, optionsFor } = commandSettings(values, io);
  const jobs = fileJobSettings(values, today);
  const found = findPostmortemFiles(positionals, files);
  const pieces = analyzeFiles('stats', found, optionsFor, jobs, io).results;
  const records: InsightRecord[] = found.map((file, i) => ({ uri: file, ...pieces[i] }));
  const insights = computeInsights(records, { today, ...(since ? { since } : {}), ...(groupBy ? { groupBy: groupBy as InsightsGroupBy } : {}) });
  const label = (file: string) => relative(process.cwd(), file) || file;
  if (format === 'json') io.out(JSON.stringify(insights, null, 2));
  else if (format === 'html') io.out(renderInsightsReport(insights, { label }));
  else io.out(renderInsightsMarkdown(insights, label));
  return 0;
}
