// Real git repositories with dated commits for the repository-events tests (unit, CLI, integration).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const IDENTITY = ['-c', 'user.name=Test Author', '-c', 'user.email=test@example.com', '-c', 'commit.gpgsign=false', '-c', 'tag.gpgsign=false', '-c', 'init.defaultBranch=main'];

export function git(dir: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync('git', [...IDENTITY, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
}

export interface TestRepo {
  dir: string;
  /** Commits a file change at `date` (ISO with offset), as `author`; returns the full hash. */
  commit(date: string, subject: string, options?: { file?: string; author?: string; body?: string }): string;
  /** Merges `branch` into the current branch with a merge commit at `date`. */
  merge(date: string, branch: string, subject: string): string;
  /** An annotated tag at `date` on HEAD. */
  tag(date: string, name: string, message?: string): void;
  run(args: string[], env?: Record<string, string>): string;
}

export function makeRepo(prefix = 'pm-git-'): TestRepo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  git(dir, ['init', '-q']);
  let n = 0;
  const dated = (date: string, author?: string) => ({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date, ...(author ? { GIT_AUTHOR_NAME: author } : {}) });
  return {
    dir,
    run: (args, env) => git(dir, args, env),
    commit(date, subject, options = {}) {
      const file = join(dir, options.file ?? `file${n++}.txt`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${subject}\n${n++}\n`);
      git(dir, ['add', '-A']);
      git(dir, ['commit', '-q', '--no-verify', '-m', subject, ...(options.body ? ['-m', options.body] : [])], dated(date, options.author));
      return git(dir, ['rev-parse', 'HEAD']).trim();
    },
    merge(date, branch, subject) {
      git(dir, ['merge', '-q', '--no-ff', '--no-edit', '-m', subject, branch], dated(date));
      return git(dir, ['rev-parse', 'HEAD']).trim();
    },
    tag(date, name, message = `Release ${name}`) {
      git(dir, ['tag', '-a', name, '-m', message], { GIT_COMMITTER_DATE: date });
    },
  };
}
