import { ACTIONS_USAGE, runActions } from './actionsCommand';
import { EXPLAIN_USAGE, runExplain } from './explainCommand';
import { GIT_EVENTS_USAGE, runGitEvents } from './gitEventsCommand';
import { LINT_USAGE, runLint } from './lintCommand';
import { runSummary, SUMMARY_USAGE } from './summaryCommand';
import { runStats, STATS_USAGE } from './statsCommand';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { CommandIO } from './args';
import { UsageError } from './files';
import { escapeTerminal } from '../core/util/escape';
import { runTimeline, TIMELINE_USAGE } from './timelineCommand';


type Command = { summary: string; usage: string; run: (args: string[], io: CommandIO) => number };

const COMMANDS: Record<string, Command> = {
  lint: {
    summary: 'check post-mortems for missing owners, deadlines, sections and blame-focused wording',
    usage: LINT_USAGE,
    run: runLint,
  },
  summary: {
    summary: 'render the stakeholder summary of a post-mortem',
    usage: SUMMARY_USAGE,
    run: runSummary,
  },
  timeline: {
    summary: 'print the timeline of a post-mortem and its TTD/TTM/TTR',
    usage: TIMELINE_USAGE,
    run: runTimeline,
  },
  explain: {
    summary: 'show how a post-mortem was read: sections, timeline events, phases, action items',
    usage: EXPLAIN_USAGE,
    run: runExplain,
  },
  actions: {
    summary: 'list action items across post-mortems',
    usage: ACTIONS_USAGE,
    run: runActions,
  },
  stats: {
    summary: 'figures across post-mortems: MTTD/MTTM/MTTR, severities, action-item follow-through, themes',
    usage: STATS_USAGE,
    run: runStats,
    },
  'git-events': {
    summary: "print the repository's commits, merges and tags around the incident as timeline events",
    usage: GIT_EVENTS_USAGE,
    run: runGitEvents,
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `Usage: postmortem <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`)
  .join('\n')}

Run \`postmortem <command> --help\` for the options of a command.
Exit codes: 0 ok, 1 findings, 2 usage or I/O error.`;
}

/** Runs the CLI and returns its exit code. */
export function runCli(argv: string[], io: CommandIO): number {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.out(typeof __VERSION__ === 'string' ? __VERSION__ : 'dev');
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`postmortem: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.usage);
    return 0;
  }
  try {
    return command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`postmortem ${name}: ${(error as Error).message}\n\n${command.usage}`);
      return 2;
    }
    io.err(`postmortem ${name}: unexpected error: ${(error as Error).stack ?? error}`);
    return 2;
  }
}

declare const __VERSION__: string | undefined;

function isMainModule(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

const isMain = isMainModule();
if (isMain) {
  process.exitCode = runCli(process.argv.slice(2), {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    // Everything on standard error is for a terminal: notes and configuration errors quote documents and settings.
    err: (text) => process.stderr.write(escapeTerminal(text.endsWith('\n') ? text : `${text}\n`)),
    tty: process.stdout.isTTY === true,
  });
}
