/**
 * Regex collection and adversarial strings for test/unit/adversarial.test.ts (and for ad-hoc
 * investigation: `npx tsx test/fuzz/regexReport.ts`).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { blameRegexes } from '../../src/core/blame/detect';
import { DATE_LIKE_SOURCE, ZONE_SOURCE } from '../../src/core/model/time';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORE = join(ROOT, 'src', 'core');

// ── Adversarial strings ───────────────────────────────────────────────────────────────────────

/**
 * Length of the adversarial runs: 10,000 characters in `npm test` (a quadratic regex already shows
 * there), 50,000 and more in `npm run test:hostile` (POSTMORTEM_HOSTILE_LENGTH).
 */
export const ADVERSARIAL_LENGTH = Math.max(1000, Number(process.env.POSTMORTEM_HOSTILE_LENGTH) || 10_000);
const N = ADVERSARIAL_LENGTH;
/** The runs the issue asks for, then more units that line up with partial matches of core patterns. */
const UNITS = ['a', ' ', '@', '-', '1', ':', '|', '*', '[', '`', '#', '<!--', 'é', '1:', 'a-', '@a.', 'due ', 'owner: ', '\t', '_', '.', '\\', '- ', '**', '2026-', '12:00 ', '[x] ', 'human ', '🔥', '\u200f', 'A', '0', '$1', '{{', '${', 'a ', '1 ', 'Dave ', 'a\n'];
/** The opening of a pattern followed by a long run, so that a nested quantifier gets something to chew on. */
const PREFIXES = ['@', 'due ', 'owner: ', '<!-- postmortem-disable ', '2026-03-14T', '**', '[', '- 10:00 — ', 'because ', '| '];
const PREFIX_RUNS = ['a', ' ', '1', '-', '.'];
/** Word, long run, word: the shape that defeats a lazy capture followed by a look-ahead over the run. */
const SANDWICH_PREFIXES = ['', 'owner: ', 'owned by ', 'assigned to ', 'due ', 'by ', '@', '- [ ] x — ', 'because ', 'human ', 'the ', '## ', '**Severity:** ', '[', '('];
const SANDWICH_RUNS = [' ', '\t', '.', '-', ' -'];

export interface Adversarial {
  label: string;
  text: string;
}

export function adversarialStrings(n = N): Adversarial[] {
  return [
    ...UNITS.map((unit) => ({ label: `${JSON.stringify(unit)} x ${n}`, text: unit.repeat(Math.ceil(n / unit.length)) })),
    // The same runs ending in a character that makes an anchored or greedy pattern fail at the very end.
    ...UNITS.filter((u) => u.length === 1).map((unit) => ({ label: `${JSON.stringify(unit)} x ${n} + "!"`, text: unit.repeat(n) + '!' })),
    ...PREFIXES.flatMap((prefix) => PREFIX_RUNS.map((run) => ({ label: `${JSON.stringify(prefix)} + ${JSON.stringify(run)} x ${n} + "!"`, text: prefix + run.repeat(n) + '!' }))),
    // The same with the run going to the end of the text: an optional part after it never matches.
    ...PREFIXES.flatMap((prefix) => PREFIX_RUNS.map((run) => ({ label: `${JSON.stringify(prefix)} + ${JSON.stringify(run)} x ${n}`, text: prefix + run.repeat(n) }))),
    ...SANDWICH_PREFIXES.flatMap((prefix) =>
      SANDWICH_RUNS.map((run) => ({ label: `${JSON.stringify(prefix + 'a')} + ${JSON.stringify(run)} x ${n} + "b"`, text: `${prefix}a${run.repeat(Math.ceil(n / run.length))}b` })),
    ),
  ];
}

/** Best of up to three timings; stops as soon as one is under `limitMs`. */
export function bestOf3(run: () => void, limitMs: number): number {
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best >= limitMs; attempt++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

/** Runs a regex the way the code does: once, or over all matches for global/sticky ones. */
export function scan(source: RegExp, text: string): void {
  const re = new RegExp(source.source, source.flags);
  if (!re.global && !re.sticky) {
    re.exec(text);
    return;
  }
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(text)) !== null && guard++ < 1_000_000) {
    if (m[0].length === 0) re.lastIndex++;
    if (re.sticky && !re.global) break;
  }
}

// ── Regex collection ──────────────────────────────────────────────────────────────────────────

export interface FoundRegex {
  where: string;
  regex: RegExp;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? tsFiles(path) : path.endsWith('.ts') ? [path] : [];
    })
    .sort();
}

/** Exported regex sources a constructed regex may interpolate. */
const KNOWN_SOURCES: Record<string, string> = { ZONE_SOURCE, DATE_LIKE_SOURCE };

/**
 * Every regex literal of src/core (module-private ones included), plus `new RegExp(String.raw`…`)`
 * whose interpolations are known exported sources. The others are listed in `uncollected`; they are
 * exercised through their public functions.
 */
export function coreRegexes(): { found: FoundRegex[]; uncollected: string[] } {
  const found: FoundRegex[] = [];
  const uncollected: string[] = [];
  for (const file of tsFiles(CORE)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const slash = text.lastIndexOf('/');
        try {
          found.push({ where: where(node), regex: new RegExp(text.slice(1, slash), text.slice(slash + 1)) });
        } catch (error) {
          assert.fail(`${where(node)}: regex literal does not compile: ${String(error)}`);
        }
      } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'RegExp') {
        const [pattern, flags] = node.arguments ?? [];
        const flagText = flags && ts.isStringLiteral(flags) ? flags.text : flags ? undefined : '';
        const raw = pattern && ts.isTaggedTemplateExpression(pattern) && pattern.tag.getText() === 'String.raw' ? pattern.template : pattern;
        let body: string | undefined;
        if (raw && ts.isNoSubstitutionTemplateLiteral(raw)) body = raw.rawText;
        else if (raw && ts.isTemplateExpression(raw) && raw.templateSpans.every((s) => ts.isIdentifier(s.expression) && s.expression.text in KNOWN_SOURCES)) {
          body = (raw.head.rawText ?? '') + raw.templateSpans.map((s) => KNOWN_SOURCES[(s.expression as ts.Identifier).text] + (s.literal.rawText ?? '')).join('');
        } else if (raw && ts.isIdentifier(raw) && raw.text in KNOWN_SOURCES) body = KNOWN_SOURCES[raw.text];
        if (body !== undefined && flagText !== undefined) found.push({ where: `${where(node)} (constructed)`, regex: new RegExp(body, flagText) });
        else uncollected.push(`${where(node)}: new RegExp(${(pattern?.getText() ?? '').replace(/\s+/g, ' ').slice(0, 60)}…)`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { found, uncollected };
}

export function allRegexes(): { blame: FoundRegex[]; core: FoundRegex[]; constructed: FoundRegex[]; uncollected: string[] } {
  const blame = blameRegexes().map((regex, i) => ({ where: `blame pattern #${i} /${regex.source.slice(0, 60)}…/`, regex }));
  const { found, uncollected } = coreRegexes();
  const constructed: FoundRegex[] = [
    { where: 'src/core/model/time.ts ZONE_SOURCE', regex: new RegExp(ZONE_SOURCE, 'i') },
    { where: 'src/core/model/time.ts DATE_LIKE_SOURCE', regex: new RegExp(DATE_LIKE_SOURCE, 'giu') },
  ];
  return { blame, core: found, constructed, uncollected };
}

// ── Known slow regexes ────────────────────────────────────────────────────────────────────────

export interface KnownSlow {
  /** Where the regex lives (informative; matching is by source). */
  where: string;
  /** Matches the regex source. */
  source: string | ((source: string) => boolean);
  kind: 'bounded' | 'bug';
  /** For `bounded`: why the input stays short. For `bug`: what goes wrong and the proposed fix. */
  note: string;
  /** For `bug`: the reproducing fixture under test/fixtures/bugs/ and how it is analysed. */
  fixture?: { file: string; via: 'analyze' | 'summary' | 'timeline' | 'template' | 'ownerMatches' };
}

/**
 * Regexes of src/core that take >= 100 ms on some 50,000-character adversarial string. `bounded`
 * ones never see long input (the bound is stated); a `bug` one does (it would be listed with its
 * reproducing fixture until fixed). Matching is by source, so an entry goes stale (and is reported
 * as such) once the regex changes.
 */
export const KNOWN_SLOW: KnownSlow[] = [
  // ── bounded input
  { where: 'src/core/summary/plainText.ts sentenceSpans', source: String.raw`([\p{L}.]+)$`, kind: 'bounded', note: 'runs on text.slice(m.index - 12, m.index): at most 12 characters' },
  { where: 'src/core/glossary/index.ts slugify, src/core/features/scaffold.ts slugify', source: '^-+|-+$', kind: 'bounded', note: 'the preceding replace(/[^\\p{L}\\p{N}]+/gu or /[^a-z0-9]+/g, "-") leaves no run of two hyphens' },
  { where: 'src/core/features/scaffold.ts slugify', source: '-+$', kind: 'bounded', note: 'runs after .slice(0, 60), on collapsed hyphens' },
  { where: 'src/core/workspace/markDone.ts LIST_PREFIX', source: String.raw`^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$`, kind: 'bounded', note: 'runs on the text between the line start and a top-level action item, i.e. a list marker and its indentation (a longer indent makes the item an indented code block, not an action item)' },
  {
    where: 'src/core/model/metadata.ts KEY_LINE',
    source: (src) => src.startsWith(String.raw`^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z /_-]{0,30}?)`),
    kind: 'bounded',
    note: 'readKeyLines skips lines longer than 300 characters before matching',
  },
  {
    where: 'src/core/model/time.ts parseTimeValue',
    source: (src) => src.startsWith(String.raw`^(?:(\d{4}-\d{1,2}-\d{1,2})(?:[T\s]+|$))?(\d{1,2}:\d{2}`),
    kind: 'bounded',
    note: 'parseTimeValue returns before matching when the value is longer than 64 characters',
  },
  // ── bugs (open ones are skipped tests in test/unit/adversarial.test.ts until fixed; fixed ones keep
  // a regression test with their fixture under test/fixtures/bugs/)
  // (none open: DUE_PHRASE, the last one, is fixed and kept as a regression in test/unit/adversarial.test.ts)
];

export function knownSlow(regex: RegExp): KnownSlow | undefined {
  return KNOWN_SLOW.find((k) => (typeof k.source === 'string' ? k.source === regex.source : k.source(regex.source)));
}
