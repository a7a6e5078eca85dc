import { relative } from 'node:path';
import { analyzeFiles, FILE_JOB_FLAGS, FILE_JOB_USAGE, fileJobSettings } from './analyzeFiles';
import { chooseFormat, type CommandIO, parseCommandArgs } from './args';
import { commandSettings } from './config';
import type { LintFinding } from './fileJobs';
import { findPostmortemFiles, UsageError } from './files';
import { toSarif } from './sarif';
import { escapeTerminal } from '../core/util/escape';

export const LINT_USAGE = `Usage: postmortem lint [paths...] [--format stylish|json|sarif] [--max-warnings N] [--config file] [--today YYYY-MM-DD] [--cache [--cache-location dir]] [--concurrency N|auto|off]

Checks post-mortems (directories are searched for *.postmortem.md; default: the current directory).
  --format stylish|json|sarif   output format (default: stylish)
  --max-warnings N              also fail when there are more than N warnings
  --config file                 configuration file (default: nearest .postmortemrc.yaml)
  --today YYYY-MM-DD            date that "overdue" is measured against (default: today)
${FILE_JOB_USAGE}
Exit codes: 0 clean, 1 errors or too many warnings, 2 usage or I/O error.`;

export interface FileFindings {
  file: string;
  findings: LintFinding[];
}

export function runLint(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    'max-warnings': { type: 'string' },
    config: { type: 'string' },
    today: { type: 'string' },
    ...FILE_JOB_FLAGS,
  });
  const format = chooseFormat(values.format, ['stylish', 'json', 'sarif'] as const, 'stylish');
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!Number.isInteger(maxWarnings) || maxWarnings < 0) throw new UsageError(`--max-warnings expects a whole number, got '${values['max-warnings']}'`);
  }
  const { files: search, optionsFor, today } = commandSettings(values, io);
  const jobs = fileJobSettings(values, today);
  const files = findPostmortemFiles(positionals.length ? positionals : ['.'], search);
  const analysed = analyzeFiles('lint', files, optionsFor, jobs, io).results;
  const results: FileFindings[] = files.map((file, i) => ({ file, findings: analysed[i].findings }));
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'warning').length, 0);
  if (format === 'json') io.out(JSON.stringify(results.map(toJson), null, 2));
  else if (format === 'sarif') io.out(JSON.stringify(toSarif(results), null, 2));
  else io.out(stylish(results, files.length));
  return errors > 0 || (maxWarnings !== undefined && warnings > maxWarnings) ? 1 : 0;
}

function toJson({ file, findings }: FileFindings) {
  return {
    file,
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      line: f.range.start.line + 1,
      column: f.range.start.character + 1,
      endLine: f.range.end.line + 1,
      endColumn: f.range.end.character + 1,
      message: f.message,
    })),
  };
}

const useColor = () => process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: string, text: string) => (useColor() ? `\u001b[${code}m${text}\u001b[0m` : text);

function stylish(results: FileFindings[], fileCount: number): string {
  const out: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const { file, findings } of results) {
    if (findings.length === 0) continue;
    out.push(paint('4', escapeTerminal(relative(process.cwd(), file) || file)));
    for (const f of findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
      else infos++;
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      const level = f.severity === 'error' ? paint('31', 'error  ') : f.severity === 'warning' ? paint('33', 'warning') : paint('36', 'info   ');
      // Messages quote the document (a severity, a phrase): its control characters are shown, never sent.
      out.push(`  ${where} ${level}  ${escapeTerminal(f.message)}  ${paint('2', f.rule)}`);
    }
    out.push('');
  }
  const total = errors + warnings + infos;
  if (total === 0) return `${fileCount} file${fileCount === 1 ? '' : 's'} checked, no problems.`;
  out.push(`${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info) in ${fileCount} file${fileCount === 1 ? '' : 's'}`);
  return out.join('\n');
}

