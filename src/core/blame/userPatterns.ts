// The user's own blame-wording patterns (`blameWording.extraPatterns`) and allow list (`allow`).
// Patterns come from settings and workspace files, so they are untrusted: each is compiled once,
// invalid ones are reported, never thrown. Regexes that can backtrack catastrophically (`(a+)+$`) are
// refused before use (checked with safe-regex2, a star-height analysis): one such pattern would stall
// lint, and in the editor the extension host, on a line of a few dozen characters.
import safeRegex from 'safe-regex2';

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

/** The regex source and flags of one entry: `/source/flags`, a regex source, or a plain phrase. */
function entrySource(entry: string): { source: string; flags: string; regex: boolean } {
  const slashed = /^\/(.+)\/([a-z]*)$/s.exec(entry);
  if (slashed) return { source: slashed[1], flags: slashed[2].includes('g') ? slashed[2] : `${slashed[2]}g`, regex: true };
  return REGEX_META.test(entry) ? { source: entry, flags: 'gi', regex: true } : { source: phraseSource(entry), flags: 'gi', regex: false };
}

/** True when a user pattern may take exponential time (nested or ambiguous repetition); invalid regexes are not judged here. */
export function isCatastrophicPattern(entry: string): boolean {
  const { source, flags, regex } = entrySource(entry.trim());
  if (!regex) return false;
  let compiled: RegExp;
  try {
    compiled = new RegExp(source, flags);
  } catch {
    return false;
  }
  return !safeRegex(compiled);
}

/** The finding for a refused pattern, naming the setting and the entry (`blameWording.extraPatterns[0]`). */
export function catastrophicPatternMessage(setting: string, index: number, entry: string): string {
  return `${setting}[${index}] \`${entry.trim()}\` can take exponential time (nested repetition); it is ignored`;
}

/**
 * Compiles user patterns. Each entry is `/source/flags`, a regex source (when it contains regex
 * syntax) or a plain phrase. Invalid entries are reported in `errors`.
 */
export function compileUserPatterns(list: readonly string[] | undefined, setting = 'blameWording.extraPatterns'): UserPatterns {
  if (!list || list.length === 0) return { patterns: [], errors: [] };
  const key = JSON.stringify([setting, list]);
  const hit = cache.get(key);
  if (hit) return hit;
  const patterns: RegExp[] = [];
  const errors: string[] = [];
  list.forEach((raw, index) => {
    if (typeof raw !== 'string' || raw.trim() === '') return;
    const entry = raw.trim();
    const { source, flags } = entrySource(entry);
    let compiled: RegExp;
    try {
      compiled = new RegExp(source, flags);
    } catch (error) {
      errors.push(`Invalid blame-wording pattern "${entry}": ${(error as Error).message}`);
      return;
    }
    if (isCatastrophicPattern(entry)) errors.push(catastrophicPatternMessage(setting, index, entry));
    else patterns.push(compiled);
  });
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
