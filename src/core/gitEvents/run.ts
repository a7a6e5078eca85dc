// Runs git with execFile (no shell): the node side of ./git.ts, shared by the CLI and the extension host.
import { execFile, execFileSync } from 'node:child_process';
import type { GitRunner, GitRunnerSync } from './git';

const MAX_BUFFER = 32 * 1024 * 1024;
/** Nothing from the user's environment that would change the output format or open a pager/prompt. */
const ENV = { ...process.env, GIT_PAGER: 'cat', PAGER: 'cat', GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C', GIT_CONFIG_NOSYSTEM: '1' };

export function gitRunner(cwd: string, git = 'git'): GitRunner {
  return (args) =>
    new Promise((resolve, reject) => {
      execFile(git, args, { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER, env: ENV, windowsHide: true, timeout: 30_000 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`git ${args.find((a) => !a.startsWith('-') && !a.includes('=')) ?? ''} failed: ${(stderr || error.message).trim()}`));
        else resolve(stdout);
      });
    });
}

export function gitRunnerSync(cwd: string, git = 'git'): GitRunnerSync {
  return (args) => {
    try {
      return execFileSync(git, args, { cwd, encoding: 'utf8', maxBuffer: MAX_BUFFER, env: ENV, windowsHide: true, timeout: 30_000, stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr;
      throw new Error(`git failed: ${(stderr || (error as Error).message).trim()}`, { cause: error });
    }
  };
}

/** The repository root above `dir` (`git rev-parse --show-toplevel`), or undefined outside a repository. */
export function gitRootSync(dir: string, git = 'git'): string | undefined {
  try {
    return gitRunnerSync(dir, git)(['rev-parse', '--show-toplevel']).trim() || undefined;
  } catch {
    return undefined;
  }
}
