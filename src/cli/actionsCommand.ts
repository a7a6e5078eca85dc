import { dueState } from '../core/model/due';
import { escapeControls, escapeMarkdown, escapeTerminal } from '../core/util/escape';
import { chooseFormat, type CommandIO, parseCommandArgs } from './args';
import { analyzeFiles, FILE_JOB_FLAGS, FILE_JOB_USAGE, fileJobSettings } from './analyzeFiles';
import { commandSettings } from './config';
import { findPostmortemFiles, UsageError } from './files';

export const ACTIONS_USAGE = `Usage: postmortem actions <paths...> [--format json|text|markdown] [--open] [--overdue] [--today YYYY-MM-DD] [--config file] [--cache [--cache-location dir]] [--concurrency N|auto|off]

Lists action items of the given files; directories are searched for *.postmortem.md files
and the configured filePatterns.
  --format json|text|markdown   output format (default: text)
  --open                        only items not done
  --overdue                     only open items whose deadline has passed
  --today YYYY-MM-DD            the date "overdue" is measured against (default: $POSTMORTEM_TODAY, else today)
  --config file                 configuration file (default: nearest .postmortemrc.yaml)
${FILE_JOB_USAGE}`;

export interface ActionRow {
  file: string;
  line: number;
  text: string;
  owner: string | null;
  due: string | null;
  done: boolean;
  /** `overdue by 3 days`, `due in 5 days`, `done`, `no deadline`. */
  state: string;
  overdue: boolean;
}

export function runActions(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    open: { type: 'boolean' },
    overdue: { type: 'boolean' },
    today: { type: 'string' },
    config: { type: 'string' },
    ...FILE_JOB_FLAGS,
  });
  const format = chooseFormat(values.format, ['json', 'text', 'markdown'] as const, 'text');
  if (positionals.length === 0) throw new UsageError('expected at least one file or directory');
  const { today, files, optionsFor } = commandSettings(values, io);
  const jobs = fileJobSettings(values, today);
  const found = findPostmortemFiles(positionals, files);
  const pieces = analyzeFiles('actions', found, optionsFor, jobs, io).results;
  const rows: ActionRow[] = [];
  found.forEach((file, i) => {
    for (const item of pieces[i].items) {
      const due = dueState(item, today);
      if ((values.open || values.overdue) && item.done) continue;
      if (values.overdue && due.state !== 'overdue') continue;
      rows.push({ file, line: item.line, text: item.text, owner: item.owner, due: item.due, done: item.done, state: due.label, overdue: due.state === 'overdue' });
    }
  });
  if (format === 'json') io.out(JSON.stringify(rows, null, 2));
  else if (format === 'markdown') io.out(io.tty ? escapeTerminal(renderMarkdown(rows)) : escapeControls(renderMarkdown(rows)));
  else io.out(rows.length ? rows.map(textRow).join('\n') : 'No action items found.');
  return 0;
}

function textRow(r: ActionRow): string {
  const when = r.due ? `due ${r.due}${r.overdue ? ` (${r.state})` : ''}` : 'no deadline';
  return escapeTerminal(`${r.file}:${r.line}  ${r.done ? '[x]' : '[ ]'} ${r.text.replace(/[ \t\r\n]+/g, ' ')} — ${r.owner ?? 'no owner'}, ${when}`);
}

function renderMarkdown(rows: ActionRow[]): string {
  if (rows.length === 0) return '_No action items found._';
  return [
    '| Action | Owner | Due | Status | Where |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${escapeMarkdown(r.text)} | ${r.owner ? escapeMarkdown(r.owner) : '—'} | ${r.due ?? '—'}${r.overdue ? ' ⚠' : ''} | ${r.done ? 'done' : r.overdue ? `open (${r.state})` : 'open'} | ${escapeMarkdown(r.file)}:${r.line} |`),
  ].join('\n');
}
