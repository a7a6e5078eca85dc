import { dirname, resolve } from 'node:path';
import { analyzeText } from '../core/analyze';
import { explainDocument, renderExplanation } from '../core/features/explain';
import { chooseFormat, type CommandIO, parseCommandArgs } from './args';
import { commandSettings } from './config';
import { readText, UsageError } from './files';

export const EXPLAIN_USAGE = `Usage: postmortem explain <file> [--format text|json] [--config file]

Shows how the file was read: which heading or content each section was taken from (and why),
which blocks became timeline events with their times, dates, zones and phases (tagged or
inferred), the key times and metrics, and which lines are action items. Use it when the tool
misreads a document.
  --format text|json   output format (default: text)
  --config file        configuration file (default: nearest .postmortemrc.yaml)`;

export function runExplain(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' }, config: { type: 'string' } });
  const format = chooseFormat(values.format, ['text', 'json'] as const, 'text');
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'expected the post-mortem file' : 'expected exactly one file');
  const file = positionals[0];
  const text = readText(file);
  const { options } = commandSettings(values, io, dirname(resolve(file)));
  const explanation = explainDocument(analyzeText(text, options));
  io.out(format === 'json' ? JSON.stringify({ file, ...explanation }, null, 2) : renderExplanation(explanation, file));
  return 0;
}
