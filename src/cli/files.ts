import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_FILE_PATTERNS, FileSelection } from '../core/files/selection';

export class UsageError extends Error {}

export { DEFAULT_FILE_PATTERNS };

/** Which files a directory walk takes: the globs, relative to `root` (the config file's directory, else the working directory) or to the directory walked. */
export interface FileSearch {
  patterns?: readonly string[];
  root?: string;
}

/**
 * Expands paths: files are taken as given, directories are walked for files the patterns select,
 * honouring `.gitignore` files (from the root down) and skipping node_modules, dist, out and VCS folders.
 * The editor's workspace index selects with the same FileSelection.
 */
export function findPostmortemFiles(paths: string[], search: FileSearch = {}): string[] {
  const root = resolve(search.root ?? process.cwd());
  const found: string[] = [];
  for (const path of paths) {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`${path}: no such file or directory`);
    }
    if (stat.isFile()) found.push(path);
    else if (stat.isDirectory()) {
      const start = resolve(path);
      // Globs are relative to the root; a directory outside it is its own root.
      let base = isInside(root, start) ? root : start;
      let selection = new FileSelection({ patterns: search.patterns ?? [] });
      for (const dir of ancestorsBetween(base, start)) addIgnoreFile(selection, base, dir);
      // A directory named on the command line is walked even when it is ignored or skipped itself.
      if (selection.skipsDirectory(toSlash(relative(base, start)))) {
        base = start;
        selection = new FileSelection({ patterns: search.patterns ?? [] });
      }
      walk(base, start, path, selection, found);
    }
  }
  return found;
}

function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** `base` and the directories below it down to (not including) `start`. */
function ancestorsBetween(base: string, start: string): string[] {
  const dirs: string[] = [];
  for (let dir = dirname(start); isInside(base, dir) && dir !== start; dir = dirname(dir)) {
    dirs.unshift(dir);
    if (dir === base) break;
  }
  return dirs;
}

function addIgnoreFile(selection: FileSelection, base: string, dir: string): void {
  try {
    const text = readFileSync(join(dir, '.gitignore'), 'utf8');
    selection.addIgnoreFile({ dir: toSlash(relative(base, dir)), text });
  } catch {
    // No .gitignore here.
  }
}

function toSlash(path: string): string {
  return path.split(sep).join('/');
}

function walk(base: string, start: string, dir: string, selection: FileSelection, found: string[]): void {
  addIgnoreFile(selection, base, resolve(dir));
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = join(dir, entry.name);
    const rel = toSlash(relative(base, resolve(full)));
    if (entry.isDirectory()) {
      if (!selection.skipsDirectory(rel)) walk(base, start, full, selection, found);
    } else if (entry.isFile() && selection.includes(rel, toSlash(relative(start, resolve(full))))) found.push(full);
  }
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`${path}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
}
