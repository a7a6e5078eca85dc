// Which files are post-mortems: one implementation for the CLI's walker and the editor's index, so
// both pick the same files for the same patterns. Globs are matched by picomatch against paths
// relative to the root (a workspace folder, or the directory given to the CLI), `.gitignore` files
// by the `ignore` package (the gitignore rules ESLint and others use).
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch/posix';
import safeRegex from 'safe-regex2';

/** Always a post-mortem, whatever else is configured. */
export const DEFAULT_FILE_PATTERNS: readonly string[] = ['**/*.postmortem.md'];

/** Folders never walked: dependencies, build output and version control. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out']);

/** A `.gitignore` file: the directory it is in (relative to the root, `''` for the root) and its text. */
export interface IgnoreFile {
  dir: string;
  text: string;
}

export interface FileSelectionOptions {
  /** Extra globs (`filePatterns`), relative to the root. */
  patterns?: readonly string[];
  ignoreFiles?: readonly IgnoreFile[];
  /** Globs of paths left out (the editor's `files.exclude` and `search.exclude`). */
  exclude?: readonly string[];
}

/**
 * More repetitions than this in one path segment (`*`, and the extglobs `*(…)`, `+(…)`) backtrack
 * polynomially: `*a*a*a*a*b.md` takes 0.8 s on one 250-character name, `*(a)` five times 78 s.
 */
const MAX_STARS_PER_SEGMENT = 3;

/**
 * Why a glob would match slowly, or undefined when it is fine. Globs come from settings and workspace
 * files (untrusted): one slow glob is tested against every file of every walk.
 */
export function slowGlobReason(glob: string): string | undefined {
  for (const segment of glob.split('/')) {
    if (segment === '**') continue;
    const repeats = segment.match(/\*+|\+\(/g)?.length ?? 0;
    if (repeats > MAX_STARS_PER_SEGMENT) return `repeats ${repeats} times in one path segment (\`*\`, \`*(…)\`, \`+(…)\`; at most ${MAX_STARS_PER_SEGMENT} match quickly)`;
  }
  try {
    if (!safeRegex(picomatch.makeRe(glob, { dot: true }))) return 'nests repetition (extglob inside extglob) and can take exponential time';
  } catch {
    return undefined; // picomatch reports invalid globs itself, as matching nothing
  }
  return undefined;
}

/** The finding for each slow glob of a setting, naming the setting and the entry (`filePatterns[2]`). */
export function slowGlobErrors(patterns: readonly unknown[] | undefined, setting = 'filePatterns'): string[] {
  const errors: string[] = [];
  (patterns ?? []).forEach((p, index) => {
    const reason = typeof p === 'string' ? slowGlobReason(normalize(p.trim())) : undefined;
    if (reason) errors.push(`${setting}[${index}] \`${String(p).trim()}\` ${reason}; it is ignored`);
  });
  return errors;
}

/** Cleans user globs: strings only, trimmed, `./` dropped, slow ones left out, at most 100 of them. */
export function cleanPatterns(patterns: readonly unknown[] | undefined): string[] {
  const out: string[] = [];
  for (const p of patterns ?? []) {
    if (typeof p !== 'string') continue;
    const glob = normalize(p.trim());
    if (glob && glob.length <= 500 && !out.includes(glob) && !slowGlobReason(glob)) out.push(glob);
    if (out.length >= 100) break;
  }
  return out;
}

export class FileSelection {
  readonly patterns: readonly string[];
  private readonly match: (path: string) => boolean;
  private readonly ignores: Array<{ dir: string; rules: Ignore }>;
  private readonly excluded: ((path: string) => boolean) | undefined;

  constructor(options: FileSelectionOptions = {}) {
    this.patterns = [...DEFAULT_FILE_PATTERNS, ...cleanPatterns(options.patterns).filter((p) => !DEFAULT_FILE_PATTERNS.includes(p))];
    // A pattern without a slash matches the file name anywhere ("incident-*.md"), as in .gitignore.
    // `**` crosses dot folders, as VS Code's own globs do (.git and the like are skipped by name).
    this.match = matcher(this.patterns, true);
    this.ignores = [];
    const exclude = cleanPatterns(options.exclude);
    this.excluded = exclude.length ? matcher(exclude, true) : undefined;
    for (const file of options.ignoreFiles ?? []) this.addIgnoreFile(file);
  }

  /** Adds the rules of a `.gitignore` found while walking. */
  addIgnoreFile(file: IgnoreFile): void {
    try {
      this.ignores.push({ dir: normalize(file.dir), rules: ignore().add(file.text.slice(0, 1_000_000)) });
    } catch {
      // A .gitignore the library cannot read ignores nothing.
    }
  }

  /**
   * Whether the file at `path` (relative to the root, `/`-separated) is a post-mortem. `alsoAs` is a
   * second relative path the globs may match instead (the CLI's: relative to the directory it was given).
   */
  includes(path: string, alsoAs?: string): boolean {
    const rel = normalize(path);
    if (!rel || rel.startsWith('../')) return false;
    const matches = this.match(rel) || (alsoAs !== undefined && alsoAs !== '' && this.match(normalize(alsoAs)));
    return matches && !this.isSkipped(rel) && !this.isExcluded(rel) && !this.isIgnored(rel);
  }

  /** Whether a directory (relative to the root) is not walked at all. */
  skipsDirectory(path: string): boolean {
    const rel = normalize(path);
    return rel !== '' && (this.isSkipped(`${rel}/x`) || this.isExcluded(rel) || this.isIgnored(`${rel}/`));
  }

  /** An excluded path, or a path inside an excluded folder (an excluded `build` leaves out `build/x.md`). */
  private isExcluded(rel: string): boolean {
    if (!this.excluded) return false;
    const parts = rel.split('/');
    for (let i = 1; i <= parts.length; i++) if (this.excluded(parts.slice(0, i).join('/'))) return true;
    return false;
  }

  private isSkipped(rel: string): boolean {
    const parts = rel.split('/');
    return parts.slice(0, -1).some((p) => SKIPPED_DIRECTORIES.has(p));
  }

  private isIgnored(rel: string): boolean {
    for (const { dir, rules } of this.ignores) {
      if (dir && !rel.startsWith(`${dir}/`)) continue;
      const inner = dir ? rel.slice(dir.length + 1) : rel;
      if (inner && rules.ignores(inner)) return true;
    }
    return false;
  }
}

/** Globs with a slash match the whole relative path; without one, the file or folder name anywhere. */
function matcher(globs: readonly string[], dot: boolean): (path: string) => boolean {
  const anchored = globs.filter((g) => g.includes('/'));
  const names = globs.filter((g) => !g.includes('/'));
  const byPath = anchored.length ? picomatch(anchored, { dot }) : () => false;
  const byName = names.length ? picomatch(names, { dot }) : () => false;
  return (path) => byPath(path) || byName(path.slice(path.lastIndexOf('/') + 1));
}

function normalize(path: string): string {
  let rel = path.replace(/\\/g, '/');
  while (rel.startsWith('./')) rel = rel.slice(2);
  let end = rel.length;
  while (end > 0 && rel[end - 1] === '/') end--;
  return rel.slice(0, end);
}

/** Globs that would make the file at `path` (relative to the root) a post-mortem: its folder's Markdown files, or the file alone. */
export function suggestFilePatterns(path: string): Array<{ glob: string; scope: 'folder' | 'file' }> {
  const rel = normalize(path);
  const slash = rel.lastIndexOf('/');
  const escape = (s: string) => s.replace(/[*?[\]{}()!+@\\]/g, '\\$&');
  const out: Array<{ glob: string; scope: 'folder' | 'file' }> = [];
  out.push({ glob: slash < 0 ? '*.md' : `${escape(rel.slice(0, slash))}/*.md`, scope: 'folder' });
  out.push({ glob: escape(rel), scope: 'file' });
  return out;
}
