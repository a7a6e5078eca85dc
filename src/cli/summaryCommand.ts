import { UsageError } from './files';
import type { CommandIO } from './args';

export const SUMMARY_USAGE = `Usage: postmortem summary <file> [--format md|html|text] [--out path] [--all]`;

export function runSummary(_args: string[], _io: CommandIO): number {
  throw new UsageError('summary is not available yet');
}
