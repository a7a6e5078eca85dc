import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { analyzeText } from '../core/analyze';
import { createSummary, SUMMARY_FORMATS, SUMMARY_TEMPLATE_PATH, type SummaryResult } from '../core/summary/index';
import { chooseFormat, type CommandIO, parseCommandArgs } from './args';
import { commandSettings } from './config';
import { readText, UsageError } from './files';
import { escapeControls, escapeTerminal } from '../core/util/escape';

export const SUMMARY_USAGE = `Usage: postmortem summary <file> [--format md|html|text] [--out path] [--force] [--all] [--apply-rewording] [--template file] [--today YYYY-MM-DD]

Renders the stakeholder summary of a post-mortem: a one-minute read for executives and other teams.
  --format md|html|text   output format (default: md); html is a self-contained page, text suits chat and e-mail
  --out path              write to this file (atomically) instead of standard output
  --force                 with --out: overwrite an existing file
  --all                   list done action items too (default: only counted)
  --apply-rewording       replace blame-focused wording by its blameless rewording where one exists
  --template file         Markdown template with {{placeholders}} (md only; default: the nearest
                          ${SUMMARY_TEMPLATE_PATH} next to the file or in a folder above it)
  --no-template           use the default layout even when ${SUMMARY_TEMPLATE_PATH} exists
  --config file           configuration file (default: nearest .postmortemrc.yaml)
  --today YYYY-MM-DD      date that "overdue" is measured against (default: $POSTMORTEM_TODAY, else today)
Sentences with blame-focused wording copied into the summary are reported on standard error as warnings;
notes for the author (missing parts) too.
Exit codes: 0 ok, 2 usage or I/O error.`;

/** `postmortem summary`: 0 when the summary was written, 2 on a usage or I/O error (reported on `io.err`). */
export function runSummary(args: string[], io: CommandIO): number {
  try {
    return summarize(args, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`postmortem summary: ${(error as Error).message}\n\n${SUMMARY_USAGE}`);
      return 2;
    }
    throw error;
  }
}

function summarize(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean' },
    all: { type: 'boolean' },
    'apply-rewording': { type: 'boolean' },
    template: { type: 'string' },
    'no-template': { type: 'boolean' },
    config: { type: 'string' },
    today: { type: 'string' },
  });
  const format = chooseFormat(values.format, SUMMARY_FORMATS, 'md');
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'expected the post-mortem file' : 'expected exactly one file');
  const file = positionals[0];
  if (values.template !== undefined && format !== 'md') throw new UsageError('--template applies to --format md only');
  if (values.template !== undefined && values['no-template']) throw new UsageError('--template and --no-template exclude each other');
  if (values.force && values.out === undefined) throw new UsageError('--force only applies with --out');
  if (values.out !== undefined && !values.out.trim()) throw new UsageError('--out expects a file path');

  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    return ioError(error, io);
  }
  const { today, options } = commandSettings(values, io, dirname(resolve(file)));

  let template: string | undefined;
  if (format === 'md' && !values['no-template']) {
    const templateFile = values.template ?? findTemplate(dirname(resolve(file)));
    if (templateFile) {
      try {
        template = readText(templateFile);
      } catch (error) {
        return ioError(error, io);
      }
    }
  }

  const analysis = analyzeText(text, options);
  const result = createSummary(analysis, {
    format,
    today,
    all: values.all === true,
    applyRewording: values['apply-rewording'] === true,
    ...(template !== undefined ? { template } : {}),
  });

  reportBlame(result, file, values['apply-rewording'] === true, io);
  for (const note of result.notes) io.err(escapeTerminal(`postmortem summary: note: ${note}`));

  if (values.out !== undefined) {
    try {
      writeAtomically(values.out, result.output, values.force === true);
    } catch (error) {
      return ioError(error, io);
    }
    io.err(`postmortem summary: wrote ${values.out}`);
  } else {
    // JSON-free formats to a terminal: control characters (and bidi controls on a TTY) are shown as escapes.
    io.out(io.tty ? escapeTerminal(result.output) : format === 'html' ? result.output : escapeControls(result.output));
  }
  return 0;
}

/** I/O problems are reported in one line (no usage text) with exit code 2. */
function ioError(error: unknown, io: CommandIO): number {
  if (!(error instanceof UsageError)) throw error;
  io.err(`postmortem summary: ${error.message}`);
  return 2;
}

function reportBlame(result: SummaryResult, file: string, applied: boolean, io: CommandIO): void {
  for (const b of result.blameSentences) {
    const phrases = b.phrases.map((p) => `"${p}"`).join(', ');
    const what = applied && b.rewrite !== undefined ? (b.needsManualRewording ? 'partly reworded in the summary' : 'reworded in the summary') : applied ? 'no automatic rewording; kept as written' : 'kept as written (use --apply-rewording)';
    io.err(escapeTerminal(`postmortem summary: warning: ${file}:${b.line + 1}: blame-focused wording ${phrases} (${what}). ${b.suggestion}`));
  }
}

/** Nearest `.postmortem/summary.md` from `start` upwards. */
export function findTemplate(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    const candidate = join(dir, SUMMARY_TEMPLATE_PATH);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * Writes `content` to `path` through a temporary file in the same directory, so readers never see a
 * half-written file. Without `force`, an existing file is never replaced (checked atomically with a
 * hard link where the file system supports it).
 */
export function writeAtomically(path: string, content: string, force: boolean): void {
  const target = resolve(path);
  const dir = dirname(target);
  if (existsSync(target)) {
    if (!force) throw new UsageError(`${path} already exists; use --force to overwrite it`);
    if (statSync(target).isDirectory()) throw new UsageError(`${path} is a directory`);
  }
  const temp = join(dir, `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, content, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    throw new UsageError(`${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    if (force) renameSync(temp, target);
    else {
      try {
        linkSync(temp, target);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') throw new UsageError(`${path} already exists; use --force to overwrite it`);
        // File systems without hard links: fall back to a checked rename.
        if (existsSync(target)) throw new UsageError(`${path} already exists; use --force to overwrite it`);
        renameSync(temp, target);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`${path}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  } finally {
    try {
      if (existsSync(temp)) unlinkSync(temp);
    } catch {
      // best effort
    }
  }
}
