// The user's own blame-wording patterns (`blameWording.extraPatterns`) and allow list (`allow`).
// Patterns come from settings and workspace files, so they are untrusted: each is compiled once,
// invalid ones are reported, never thrown.

const REGEX_META = /[\\^$.*+?()[\]{}|]/;

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A plain phrase as a case-insensitive, whitespace-tolerant, word-bounded regex source. */
export function phraseSource(phrase: string): string {
  const body = phrase.trim().split(/\s+/).map(escapeRegex).join('\\s+');
  const start = /^\w/.test(phrase.trim()) ? '\\b' : '';
  const end = /\w$/.test(phrase.trim()) ? '\\b' : '';
  return start + body + end;
}

export interface UserPatterns {
  patterns: RegExp[];
  errors: string[];
}

const cache = new Map<string, UserPatterns>();

/**
 * Compiles user patterns. Each entry is `/source/flags`, a regex source (when it contains regex
 * syntax) or a plain phrase. Invalid entries are reported in `errors`.
 */
export function compileUserPatterns(list: readonly string[] | undefined): UserPatterns {
  if (!list || list.length === 0) return { patterns: [], errors: [] };
  const key = JSON.stringify(list);
  const hit = cache.get(key);
  if (hit) return hit;
  const patterns: RegExp[] = [];
  const errors: string[] = [];
  for (const raw of list) {
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    const entry = raw.trim();
    let source: string;
    let flags = 'gi';
    const slashed = /^\/(.+)\/([a-z]*)$/s.exec(entry);
    if (slashed) {
      source = slashed[1];
      flags = slashed[2].includes('g') ? slashed[2] : `${slashed[2]}g`;
    } else source = REGEX_META.test(entry) ? entry : phraseSource(entry);
    try {
      patterns.push(new RegExp(source, flags));
    } catch (error) {
      errors.push(`Invalid blame-wording pattern "${entry}": ${(error as Error).message}`);
    }
  }
  const result = { patterns, errors };
  if (cache.size > 32) cache.clear();
  cache.set(key, result);
  return result;
}

/** Spans of the text covered by allowed phrases. */
export function allowedSpans(text: string, allow: readonly string[] | undefined): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const phrase of allow ?? []) {
    if (typeof phrase !== 'string' || phrase.trim() === '') continue;
    for (const m of text.matchAll(new RegExp(phraseSource(phrase), 'gi'))) if (m[0]) out.push([m.index!, m.index! + m[0].length]);
  }
  return out;
}
