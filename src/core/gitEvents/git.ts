// Reading the repository's events: `git log` and `git for-each-ref` with fixed formats, run through
// a caller-given runner (execFile, never a shell), and their output parsed as untrusted text.
// No vscode and no node imports here: the CLI and the extension bring the runner (see ./run.ts).

/** A commit, merge or tag of the repository, as the timeline shows it. */
export interface RepoEvent {
  hash: string;
  shortHash: string;
  kind: 'commit' | 'merge' | 'tag';
  /** ISO 8601 with the offset it was recorded in (`2026-03-14T13:55:00+01:00`). */
  time: string;
  /** First line of the message (for a tag: `v1.2.0` and the annotation's subject). */
  subject: string;
  author?: string;
  /** A link to the commit when the remote is a known host. */
  url?: string;
  /** Tag name, for tags. */
  tag?: string;
}

export interface GitQuery {
  /** ISO instants (any offset). */
  since: string;
  until: string;
  /** Only commits touching these paths (relative to the repository root). */
  paths?: string[];
  /** Tags too (default true). */
  tags?: boolean;
  /** At most this many commits (default 500). */
  maxCount?: number;
}

const FS = '\x1f';
const RS = '\x1e';
/** hash, short hash, parents, committer date (strict ISO), author name, subject: subject last so any separator in it stays in it. */
const LOG_FORMAT = `--format=${['%H', '%h', '%P', '%cI', '%an', '%s'].join('%x1f')}`;
const REF_FORMAT = `--format=%1e${['%(refname:strip=2)', '%(objectname)', '%(*objectname)', '%(creatordate:iso-strict)', '%(taggername)', '%(authorname)', '%(subject)'].join('%1f')}`;

/** Arguments of the `git log` call (for tests and for the runner). */
export function gitLogArgs(query: GitQuery): string[] {
  const args = ['-c', 'log.showSignature=false', '-c', 'core.quotePath=true', 'log', '-z', '--no-color', '--date-order', `--max-count=${Math.max(1, Math.min(query.maxCount ?? 500, 5000))}`, LOG_FORMAT, `--since=${query.since}`, `--until=${query.until}`, '--branches', '--remotes', '--tags'];
  const paths = (query.paths ?? []).map((p) => p.trim()).filter(Boolean);
  // `--` ends the options: a path such as `--output=x` stays a path.
  return paths.length ? [...args, '--', ...paths] : args;
}

export function gitTagArgs(): string[] {
  return ['for-each-ref', '--sort=creatordate', REF_FORMAT, 'refs/tags'];
}

export function gitRemoteArgs(remote = 'origin'): string[] {
  return ['remote', 'get-url', '--', remote];
}

/** Text from git, made safe to show: no control characters, one line, bounded. */
export function cleanText(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const one = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, ' ').replace(/\s+/g, ' ').trim();
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

const HASH = /^[0-9a-f]{7,64}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses `git log -z` output in LOG_FORMAT; malformed records are skipped. */
export function parseGitLog(output: string): RepoEvent[] {
  const events: RepoEvent[] = [];
  for (const raw of output.split('\0')) {
    const record = raw.replace(/^[\r\n]+/, '');
    if (!record) continue;
    const fields = splitFields(record, 6);
    if (!fields) continue;
    const [hash, shortHash, parents, time, author, subject] = fields;
    if (!HASH.test(hash) || !HASH.test(shortHash) || !ISO.test(time)) continue;
    const parentCount = parents.trim() ? parents.trim().split(/\s+/).length : 0;
    const event: RepoEvent = { hash, shortHash, kind: parentCount > 1 ? 'merge' : 'commit', time, subject: cleanText(subject) };
    const name = cleanText(author, 100);
    if (name) event.author = name;
    events.push(event);
  }
  return events;
}

/** Parses `git for-each-ref` output in REF_FORMAT: tags with the commit they point at. */
export function parseTagRefs(output: string, shortLength = 7): RepoEvent[] {
  const events: RepoEvent[] = [];
  for (const raw of output.split(RS)) {
    const record = raw.replace(/\r?\n$/, '');
    if (!record.trim()) continue;
    const fields = splitFields(record, 7);
    if (!fields) continue;
    const [name, object, peeled, time, tagger, author, subject] = fields;
    const hash = HASH.test(peeled) ? peeled : object;
    if (!HASH.test(hash) || !ISO.test(time)) continue;
    const tag = cleanText(name, 120);
    if (!tag) continue;
    const annotation = cleanText(subject);
    // A lightweight tag's subject is the commit's: it says nothing about the tag.
    const annotated = HASH.test(peeled);
    const event: RepoEvent = { hash, shortHash: hash.slice(0, Math.max(7, shortLength)), kind: 'tag', time, subject: annotated && annotation && annotation !== tag ? `${tag}: ${annotation}` : tag, tag };
    const who = cleanText(annotated ? tagger : author, 100);
    if (who) event.author = who;
    events.push(event);
  }
  return events;
}

/** The first `count - 1` separators split; the rest is the last field (separators in a subject stay in it). */
function splitFields(record: string, count: number): string[] | undefined {
  const fields: string[] = [];
  let from = 0;
  for (let k = 0; k < count - 1; k++) {
    const at = record.indexOf(FS, from);
    if (at === -1) return undefined;
    fields.push(record.slice(from, at));
    from = at + 1;
  }
  fields.push(record.slice(from));
  return fields;
}

/**
 * `https://github.com/o/r.git`, `git@github.com:o/r.git`, `ssh://git@gitlab.com/g/s/r` → the base of
 * commit links (`https://github.com/o/r/commit/`, `https://gitlab.com/g/s/r/-/commit/`); other hosts,
 * local paths and anything odd → undefined. Credentials in the URL are never kept.
 */
export function commitUrlBase(remote: string | undefined): string | undefined {
  const r = remote?.trim();
  if (!r || r.length > 500) return undefined;
  let host: string;
  let path: string;
  const scp = /^(?:[\w.-]+@)?([\w.-]+):(?!\/\/)([\w./-]+)$/.exec(r);
  const url = /^(?:https?|ssh|git):\/\/(?:[^@/]*@)?([\w.-]+)(?::\d+)?\/([\w./-]+)$/.exec(r);
  if (url) [, host, path] = url;
  else if (scp) [, host, path] = scp;
  else return undefined;
  host = host.toLowerCase();
  path = path.replace(/\/+$/, '').replace(/\.git$/, '');
  const parts = path.split('/');
  if (parts.length < 2 || parts.some((p) => !p || p === '.' || p === '..')) return undefined;
  if (host === 'github.com' || host.startsWith('github.')) return parts.length === 2 ? `https://${host}/${parts.join('/')}/commit/` : undefined;
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return `https://${host}/${parts.join('/')}/-/commit/`;
  return undefined;
}

/** Commits, merges and tags in the window, oldest first, with links when the remote is known. */
export function assembleEvents(logOutput: string, tagOutput: string | undefined, remote: string | undefined, query: GitQuery): RepoEvent[] {
  const commits = parseGitLog(logOutput);
  const shortLength = commits[0]?.shortHash.length ?? 7;
  const since = Date.parse(query.since);
  const until = Date.parse(query.until);
  const inWindow = (e: RepoEvent) => {
    const t = Date.parse(e.time);
    return Number.isFinite(t) && (!Number.isFinite(since) || t >= since) && (!Number.isFinite(until) || t <= until);
  };
  const paths = (query.paths ?? []).some((p) => p.trim());
  const touching = new Set(commits.map((c) => c.hash));
  // With paths, a tag counts when it points at one of the commits that touch them.
  const tags = query.tags === false || !tagOutput ? [] : parseTagRefs(tagOutput, shortLength).filter((t) => inWindow(t) && (!paths || touching.has(t.hash)));
  const base = commitUrlBase(remote);
  const seen = new Set<string>();
  const all = [...commits.filter(inWindow), ...tags].filter((e) => {
    const key = `${e.kind}:${e.tag ?? ''}:${e.hash}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  if (base) for (const e of all) e.url = base + e.hash;
  return all.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || (a.kind === 'tag' ? 1 : 0) - (b.kind === 'tag' ? 1 : 0));
}

export type GitRunner = (args: string[]) => Promise<string>;
export type GitRunnerSync = (args: string[]) => string;

export async function readRepositoryEvents(run: GitRunner, query: GitQuery): Promise<RepoEvent[]> {
  const [log, tags, remote] = await Promise.all([run(gitLogArgs(query)), query.tags === false ? Promise.resolve('') : run(gitTagArgs()).catch(() => ''), run(gitRemoteArgs()).catch(() => '')]);
  return assembleEvents(log, tags, remote, query);
}

export function readRepositoryEventsSync(run: GitRunnerSync, query: GitQuery): RepoEvent[] {
  const attempt = (args: string[]) => {
    try {
      return run(args);
    } catch {
      return '';
    }
  };
  return assembleEvents(run(gitLogArgs(query)), query.tags === false ? '' : attempt(gitTagArgs()), attempt(gitRemoteArgs()), query);
}
