import { parsePostmortem } from '../core/model/parse';
import { daysUntil, todayIso } from '../core/model/time';
import { findPostmortemFiles, readText, UsageError } from './files';
import { chooseFormat, type CommandIO, parseCommandArgs } from './args';

export interface ActionRow {
  file: string;
  line: number;
  text: string;
  owner: string | null;
  due: string | null;
  done: boolean;
}

export function runActions(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    open: { type: 'boolean' },
    overdue: { type: 'boolean' },
    today: { type: 'string' },
  });
  const format = chooseFormat(values.format, ['json', 'text', 'markdown'] as const, 'text');
  if (positionals.length === 0) throw new UsageError('expected at least one file or directory');
  const today = values.today ?? process.env.POSTMORTEM_TODAY ?? todayIso();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`--today expects YYYY-MM-DD, got '${today}'`);
  const rows: ActionRow[] = [];
  for (const file of findPostmortemFiles(positionals)) {
    const doc = parsePostmortem(readText(file));
    for (const item of doc.actionItems) {
      if ((values.open || values.overdue) && item.done) continue;
      if (values.overdue && !(item.due && daysUntil(item.due, today) < 0)) continue;
      rows.push({ file, line: item.range.start.line + 1, text: item.text, owner: item.owner, due: item.due, done: item.done });
    }
  }
  if (format === 'json') io.out(JSON.stringify(rows, null, 2));
  else if (format === 'markdown') io.out(renderMarkdown(rows, today));
  else io.out(rows.length ? rows.map((r) => `${r.file}:${r.line}  ${r.done ? '[x]' : '[ ]'} ${r.text} — ${r.owner ?? 'no owner'}, ${r.due ? `due ${r.due}${overdueNote(r, today)}` : 'no deadline'}`).join('\n') : 'No action items found.');
  return 0;
}

function overdueNote(row: ActionRow, today: string): string {
  if (row.done || !row.due) return '';
  const days = daysUntil(row.due, today);
  return days < 0 ? ` (overdue by ${-days} day${days === -1 ? '' : 's'})` : '';
}

function renderMarkdown(rows: ActionRow[], today: string): string {
  if (rows.length === 0) return '_No action items found._';
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  return [
    '| Action | Owner | Due | Status | Where |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${cell(r.text)} | ${cell(r.owner ?? '—')} | ${r.due ?? '—'}${overdueNote(r, today) ? ' ⚠' : ''} | ${r.done ? 'done' : overdueNote(r, today) ? `open${overdueNote(r, today)}` : 'open'} | ${cell(r.file)}:${r.line} |`),
  ].join('\n');
}
