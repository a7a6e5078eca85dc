import { dirname, resolve } from 'node:path';
import { analyzeText } from '../core/analyze';
import { defaultWindow, parseWindowBound, planInsertion, readRepositoryEventsSync } from '../core/gitEvents/index';
import { gitRootSync, gitRunnerSync } from '../core/gitEvents/run';
import { escapeTerminal } from '../core/util/escape';
import { chooseFormat, type CommandIO, parseCommandArgs } from './args';
import { commandSettings } from './config';
import { readText, UsageError } from './files';

export const GIT_EVENTS_USAGE = `Usage: postmortem git-events <file> [--repo dir] [--since time --until time] [--path p]... [--no-tags] [--format json|md] [--config file]

Prints the repository's commits, merges and tags in the window around the incident
(started − 6 h to resolved, from the document), as the timeline would show them.
  --repo dir           git repository (default: the one holding the file)
  --since, --until     window bounds: 2026-03-14T13:05Z, "2026-03-14 13:05" (document zone), "14:05 UTC";
                       needed when the document has no start or resolve time
  --path p             only commits touching this path (repeatable)
  --no-tags            leave tags out
  --format json|md     json: the events as an array; md: the timeline lines it would insert (default: md)
  --config file        configuration file (default: nearest .postmortemrc.yaml)`;

export function runGitEvents(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommandArgs(args, {
    format: { type: 'string' },
    config: { type: 'string' },
    repo: { type: 'string' },
    since: { type: 'string' },
    until: { type: 'string' },
    path: { type: 'string', multiple: true },
    'no-tags': { type: 'boolean' },
  });
  const format = chooseFormat(values.format, ['json', 'md'] as const, 'md');
  if (positionals.length !== 1) throw new UsageError('expected exactly one file');
  const file = positionals[0];
  const text = readText(file);
  const { options } = commandSettings(values, io, dirname(resolve(file)));
  const { doc } = analyzeText(text, options);
  const window = defaultWindow(doc);
  const zone = doc.reading.zone?.zone ?? options.timezone;
  const baseDate = doc.reading.baseDate?.date;
  const bound = (flag: 'since' | 'until', fallback: string | undefined, what: string): string => {
    const given = values[flag] as string | undefined;
    if (given === undefined) {
      if (!fallback) throw new UsageError(`${file} has no ${what} time: pass --since and --until`);
      return fallback;
    }
    const parsed = parseWindowBound(given, zone, baseDate);
    if (!parsed.ok) throw new UsageError(`--${flag}: ${parsed.reason}`);
    return parsed.iso;
  };
  const since = bound('since', window.since, 'start');
  const until = bound('until', window.until, 'resolve');
  if (Date.parse(since) > Date.parse(until)) throw new UsageError(`the window ends (${until}) before it starts (${since})`);
  const repo = resolve(values.repo ?? dirname(resolve(file)));
  const root = gitRootSync(repo);
  if (!root) {
    io.err(`postmortem git-events: ${repo} is not in a git repository (or git is not installed)`);
    return 2;
  }
  const events = readRepositoryEventsSync(gitRunnerSync(root), { since, until, ...(values.path ? { paths: values.path } : {}), tags: !values['no-tags'] });
  if (format === 'json') {
    io.out(JSON.stringify(events, null, 2));
    return 0;
  }
  const { planned } = planInsertion(doc, events);
  if (planned.length === 0) {
    io.out(`No commits, merges or tags between ${since} and ${until}.`);
    return 0;
  }
  io.out(planned.map((p) => escapeTerminal(p.line)).join('\n'));
  return 0;
}
