/**
 * Regex collection and adversarial strings for test/unit/adversarial.test.ts (and for ad-hoc
 * investigation: `npx tsx test/fuzz/regexReport.ts`).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { allBlameRegexes } from '../../src/core/rules/blamePatterns';
import { DATE_LIKE_SOURCE, ZONE_SOURCE } from '../../src/core/time';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORE = join(ROOT, 'src', 'core');

// ── Adversarial strings ───────────────────────────────────────────────────────────────────────

export const ADVERSARIAL_LENGTH = 50_000;
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
  const blame = allBlameRegexes().map((regex, i) => ({ where: `blame pattern #${i} /${regex.source.slice(0, 60)}…/`, regex }));
  const { found, uncollected } = coreRegexes();
  const constructed: FoundRegex[] = [
    { where: 'src/core/time.ts ZONE_SOURCE', regex: new RegExp(ZONE_SOURCE, 'i') },
    { where: 'src/core/time.ts DATE_LIKE_SOURCE', regex: new RegExp(DATE_LIKE_SOURCE, 'giu') },
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
 * ones never see long input (the bound is stated); `bug` ones do and are skipped tests in
 * test/unit/adversarial.test.ts until fixed. Matching is by source, so an entry goes stale (and is
 * reported as such) once the regex changes.
 */
export const KNOWN_SLOW: KnownSlow[] = [
  // ── bounded input
  { where: 'src/core/rules/blamePatterns.ts wordBefore', source: String.raw`([\p{L}'’]+)\s*$`, kind: 'bounded', note: 'runs on text.slice(index - 40, index): at most 40 characters' },
  { where: 'src/core/rules/blamePatterns.ts tokensOf', source: String.raw`[.'’-]+$`, kind: 'bounded', note: 'runs on tokens of the clause before a match; clauseStart looks back at most 200 characters' },
  { where: 'src/core/summary/plainText.ts sentenceSpans', source: String.raw`([\p{L}.]+)$`, kind: 'bounded', note: 'runs on text.slice(m.index - 12, m.index): at most 12 characters' },
  { where: 'src/core/glossary/index.ts slugify, src/core/scaffold.ts slugify', source: '^-+|-+$', kind: 'bounded', note: 'the preceding replace(/[^\\p{L}\\p{N}]+/gu or /[^a-z0-9]+/g, "-") leaves no run of two hyphens' },
  { where: 'src/core/scaffold.ts slugify', source: '-+$', kind: 'bounded', note: 'runs after .slice(0, 60), on collapsed hyphens' },
  { where: 'src/core/workspace/markDone.ts LIST_PREFIX', source: String.raw`^[ \t]*(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+$`, kind: 'bounded', note: 'runs on the text between the line start and a top-level action item, i.e. a list marker and its indentation (a longer indent makes the item an indented code block, not an action item)' },
  {
    where: 'src/core/metadata.ts KEY_LINE',
    source: (src) => src.startsWith(String.raw`^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?([A-Za-z][A-Za-z /_-]{0,30}?)`),
    kind: 'bounded',
    note: 'readKeyLines skips lines longer than 300 characters before matching',
  },
  // ── bugs
  {
    where: 'src/core/actionItems.ts OWNER_PHRASE',
    source: String.raw`(?:\(\s*)?\b(?:owner|owned by|assignee|assigned to)\b\s*[:=-]?\s+([^,;()—–|\n]+?)(?=\s*(?:[,;()—–|]|\s+(?:due|by|deadline|until)\b|$))`,
    kind: 'bug',
    note: 'CUBIC: the lazy owner capture grows one character at a time and at each step the look-ahead `\\s*(?:…|\\s+(?:due|…))` splits a whitespace run two ways. "- [ ] Fix — owner: a" + 2,000 spaces + "b" takes seconds to parse (1,000 spaces ~3 s, 2,000 ~9 s on the test machine); 50,000 spaces hang the parser (and the extension host) for hours. Fix: capture greedily up to the next separator, `([^,;()—–|\\n]+)`, then cut it in code at the first /\\s+(?:due|by|deadline|until)\\b/ and trim; or make the look-ahead unambiguous, `(?=\\s*(?:[,;()—–|]|(?:due|by|deadline|until)\\b|$))` with the capture ending in a non-space.',
    fixture: { file: 'regex-owner-phrase-whitespace.postmortem.md', via: 'analyze' },
  },
  {
    where: 'src/core/actionItems.ts SEPARATOR',
    source: String.raw`\s+(?:—|–|--|-)\s+|\s*\(\s*(?=(?:owner|assignee|assigned|due|@))`,
    kind: 'bug',
    note: 'quadratic on whitespace runs (every position of the run starts a match attempt that scans to its end). Fix: anchor each alternative at the start of the run: `(?<!\\s)\\s+(?:—|–|--|-)\\s+|(?<!\\s)\\s*\\(\\s*(?=…)`.',
    fixture: { file: 'regex-action-separator-whitespace.postmortem.md', via: 'analyze' },
  },
  {
    where: 'src/core/actionItems.ts readOwner / readDeadline',
    source: String.raw`[.)]+$`,
    kind: 'bug',
    note: 'quadratic on runs of "." or ")" that do not end the text (owner "a….x", deadline "a….x"). Fix: `/(?<![.)])[.)]+$/` (one attempt per run) or trim the trailing characters with a loop.',
    fixture: { file: 'regex-action-trailing-dots.postmortem.md', via: 'analyze' },
  },
  {
    where: 'src/core/sections.ts normalizeHeading',
    source: String.raw`\s*&\s*`,
    kind: 'bug',
    note: 'quadratic on whitespace runs; the previous replace turns every punctuation character into a space, so "## Root cause ……… x" is a long whitespace run, and every heading goes through sectionKindOf. Fix: `.replace(/&/g, " and ")` (the following `.replace(/\\s+/g, " ")` folds the spaces anyway).',
    fixture: { file: 'regex-heading-punctuation-run.postmortem.md', via: 'analyze' },
  },
  {
    where: 'src/core/metadata.ts splitPeople',
    source: String.raw`\s*(?:,|;|\band\b|&)\s*`,
    kind: 'bug',
    note: 'quadratic on whitespace runs in an `authors:`/`facilitator:` front-matter scalar (key lines are limited to 300 characters, front matter is not). Fix: split on `/,|;|\\band\\b|&/` and trim the parts (the code already trims).',
    fixture: { file: 'regex-front-matter-whitespace-runs.postmortem.md', via: 'analyze' },
  },
  {
    where: 'src/core/time.ts parseTimeValue',
    source: (s) => s.startsWith(String.raw`^(?:(\d{4}-\d{1,2}-\d{1,2})(?:[T\s]+|$))?(\d{1,2}:\d{2}`),
    kind: 'bug',
    note: 'quadratic on "2026-03-14T" + whitespace run (`[T\\s]+` and the later `\\s*` compete) in `started:`/`detected:`/… front-matter values. Fix: return undefined for values longer than ~64 characters before matching (no time value is longer), or make the separators unambiguous.',
    fixture: { file: 'regex-front-matter-whitespace-runs.postmortem.md', via: 'analyze' },
  },
  {
    where: 'src/core/summary/plainText.ts sentenceSpans',
    source: String.raw`[.!?…]+["'’”)\]]*(?=\s+\S)`,
    kind: 'bug',
    note: 'quadratic on runs of sentence punctuation not followed by whitespace ("Loading………x"); every summary section goes through it. Fix: `/(?<![.!?…])[.!?…]+["\'’”)\\]]*(?=\\s+\\S)/g` (one attempt per run).',
    fixture: { file: 'regex-summary-sentence-punctuation.postmortem.md', via: 'summary' },
  },
  {
    where: 'src/core/summary/build.ts usable',
    source: String.raw`^[^.!?]{0,40}:\s*(?:TODO|TBD|…|\.\.\.)?\s*$`,
    kind: 'bug',
    note: 'quadratic on whitespace after the colon (`\\s*` … `\\s*` around an optional word) in Impact/other list items. Fix: `/^[^.!?]{0,40}:\\s*(?:(?:TODO|TBD|…|\\.\\.\\.)\\s*)?$/i`.',
    fixture: { file: 'regex-summary-impact-whitespace.postmortem.md', via: 'summary' },
  },
  {
    where: 'src/core/summary/render.ts renderMarkdown',
    source: String.raw`\s+$`,
    kind: 'bug',
    note: 'quadratic on whitespace runs inside the filled template (a workspace .postmortem/summary.md up to 256 KB; ignored in untrusted workspaces). Fix: `result.text.trimEnd()`.',
    fixture: { file: 'regex-summary-template-whitespace.md', via: 'template' },
  },
  {
    where: 'src/core/workspace/index.ts ownerMatches',
    source: String.raw`\s*(?:,|;|\/|&|\+|\band\b)\s*`,
    kind: 'bug',
    note: 'quadratic on whitespace runs in an owner (owners written with `owner:` keep their inner whitespace). Fix: split on `/,|;|\\/|&|\\+|\\band\\b/i` and let normalizeOwner trim.',
    fixture: { file: 'regex-owner-phrase-whitespace.postmortem.md', via: 'ownerMatches' },
  },
  {
    where: 'src/core/timelineView/viewModel.ts plainInline',
    source: String.raw`!?\[([^\]]*)\]\([^)]*\)`,
    kind: 'bug',
    note: 'quadratic on runs of "[" (each one starts a link attempt that scans to the end) in the Impact text shown by the timeline preview. Fix: exclude "[" from the link text, `/!?\\[([^\\][]*)\\]\\([^)]*\\)/g`.',
    fixture: { file: 'regex-timeline-impact-brackets.postmortem.md', via: 'timeline' },
  },
];

KNOWN_SLOW.push({
  where: 'src/core/timelineView/viewModel.ts plainInline (tags)',
  source: '<[^>]*>',
  kind: 'bug',
  note: 'quadratic on runs of "<" without ">" (each one scans to the end of the text) in the Impact text shown by the timeline preview. Fix: `/<[^<>]*>/g`.',
  fixture: { file: 'regex-timeline-impact-angle-brackets.postmortem.md', via: 'timeline' },
});

export function knownSlow(regex: RegExp): KnownSlow | undefined {
  return KNOWN_SLOW.find((k) => (typeof k.source === 'string' ? k.source === regex.source : k.source(regex.source)));
}
