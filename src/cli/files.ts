import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.vscode-test']);

export class UsageError extends Error {}

/** Converts a glob like `docs/postmortems/*.md` or `**\/*.postmortem.md` to a RegExp over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        i++;
        if (glob[i + 1] === '/') i++;
        re += '(?:.*/)?';
        if (i === glob.length - 1 && glob[i] === '*') re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) re += '\\{';
      else {
        re += `(?:${glob.slice(i + 1, close).split(',').map((s) => s.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
        i = close;
      }
    } else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

export const DEFAULT_FILE_PATTERNS = ['**/*.postmortem.md'];

/** Expands paths: files are taken as given, directories are walked for files matching the patterns. */
export function findPostmortemFiles(paths: string[], patterns: string[] = DEFAULT_FILE_PATTERNS): string[] {
  const matchers = patterns.map(globToRegExp);
  const found: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`${path}: no such file or directory`);
    }
    if (stat.isFile()) found.push(path);
    else if (stat.isDirectory()) walk(path, path, matchers, found);
  }
  return found;
}

function walk(root: string, dir: string, matchers: RegExp[], found: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) walk(root, full, matchers, found);
    } else if (entry.isFile()) {
      const rel = relative(root, full).split(sep).join('/');
      if (matchers.some((m) => m.test(rel) || m.test(entry.name))) found.push(full);
    }
  }
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
