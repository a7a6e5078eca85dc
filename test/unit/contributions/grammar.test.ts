/**
 * Tests for the TextMate grammar (syntaxes/postmortem.tmLanguage.json) and the
 * word pattern of language-configuration.json.
 *
 * The real `text.html.markdown` grammar ships with VS Code and is not installed
 * here, so a small stand-in (test/fixtures/grammar/markdown-stub.tmLanguage.json)
 * is loaded in its place. To run the same assertions against the real grammars,
 * point these environment variables at copies of them:
 *   POSTMORTEM_MARKDOWN_GRAMMAR=/path/to/markdown.tmLanguage.json
 *   POSTMORTEM_EXTRA_GRAMMARS=/path/to/yaml.tmLanguage.json,/path/to/yaml-1.2.tmLanguage.json,...
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as textmateModule from 'vscode-textmate';
import type { IGrammar, IRawGrammar, StateStack } from 'vscode-textmate';
import * as onigModule from 'vscode-oniguruma';

// Both packages are CommonJS bundles: depending on how the loader wraps them, the API is either
// the namespace itself or its `default` export.
type Textmate = typeof textmateModule;
type Onig = typeof onigModule;
const vsctm: Textmate = (textmateModule as unknown as { default?: Textmate }).default ?? textmateModule;
const onig: Onig = (onigModule as unknown as { default?: Onig }).default ?? onigModule;

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const GRAMMAR_PATH = path.join(ROOT, 'syntaxes', 'postmortem.tmLanguage.json');
const STUB_PATH = path.join(ROOT, 'test', 'fixtures', 'grammar', 'markdown-stub.tmLanguage.json');
const LANGUAGE_CONFIG_PATH = path.join(ROOT, 'language-configuration.json');
const WASM_PATH = path.join(ROOT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm');

const SCOPE = {
  frontMatterKey: 'entity.name.tag.yaml.postmortem',
  metadataKey: 'entity.name.tag.metadata.postmortem',
  severity: 'constant.language.severity.postmortem',
  handle: 'variable.other.handle.postmortem',
  date: 'constant.numeric.date.postmortem',
  time: 'constant.numeric.time.postmortem',
  phase: 'keyword.control.phase.postmortem',
  owner: 'keyword.other.owner.postmortem',
  due: 'keyword.other.due.postmortem',
  directive: 'comment.block.directive.postmortem',
} as const;

// ---------------------------------------------------------------------------
// Oniguruma + registry setup

let onigReady: Promise<void> | undefined;
function loadOniguruma(): Promise<void> {
  if (!onigReady) {
    const wasm = fs.readFileSync(WASM_PATH);
    const data = wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength);
    onigReady = onig.loadWASM(data);
  }
  return onigReady;
}

function readRawGrammar(file: string): IRawGrammar {
  return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
}

/** scopeName -> grammar file, for everything the registry may ask for. */
function grammarFiles(): Map<string, string> {
  const files = new Map<string, string>();
  files.set('text.html.markdown.postmortem', GRAMMAR_PATH);
  files.set('text.html.markdown', process.env.POSTMORTEM_MARKDOWN_GRAMMAR || STUB_PATH);
  for (const extra of (process.env.POSTMORTEM_EXTRA_GRAMMARS ?? '').split(',')) {
    const file = extra.trim();
    if (!file) continue;
    const { scopeName } = JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName: string };
    files.set(scopeName, file);
  }
  return files;
}

const usingStub = !process.env.POSTMORTEM_MARKDOWN_GRAMMAR;
const yamlLoaded = grammarFiles().has('source.yaml');

let grammarPromise: Promise<IGrammar> | undefined;
function loadPostmortemGrammar(): Promise<IGrammar> {
  if (!grammarPromise) {
    grammarPromise = (async () => {
      await loadOniguruma();
      const files = grammarFiles();
      const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
          createOnigScanner: (patterns: string[]) => new onig.OnigScanner(patterns),
          createOnigString: (text: string) => new onig.OnigString(text),
        }),
        // Unknown scopes (source.yaml, source.python, ...) simply stay unresolved.
        loadGrammar: async (scopeName: string) => {
          const file = files.get(scopeName);
          return file ? readRawGrammar(file) : null;
        },
      });
      const grammar = await registry.loadGrammar('text.html.markdown.postmortem');
      assert.ok(grammar, 'postmortem grammar failed to load');
      return grammar;
    })();
  }
  return grammarPromise;
}

interface Token {
  start: number;
  end: number;
  text: string;
  scopes: string[];
}

interface TokenizedDoc {
  lines: string[];
  tokens: Token[][];
}

async function tokenizeDoc(lines: string[]): Promise<TokenizedDoc> {
  const grammar = await loadPostmortemGrammar();
  let state: StateStack = vsctm.INITIAL;
  const tokens: Token[][] = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    tokens.push(
      result.tokens.map((t) => ({
        start: t.startIndex,
        end: Math.min(t.endIndex, line.length),
        text: line.slice(t.startIndex, t.endIndex),
        scopes: t.scopes,
      })),
    );
  }
  return { lines, tokens };
}

/** Index of the line equal to (or, failing that, starting with) `lineText`. */
function findLine(doc: TokenizedDoc, lineText: string): number {
  let index = doc.lines.indexOf(lineText);
  if (index < 0) index = doc.lines.findIndex((l) => l.startsWith(lineText));
  assert.ok(index >= 0, `fixture line not found: ${lineText}`);
  return index;
}

/** The tokens overlapping the `occurrence`-th appearance of `needle` in a line. */
function tokensFor(doc: TokenizedDoc, lineText: string, needle: string, occurrence = 0) {
  const lineIndex = findLine(doc, lineText);
  const line = doc.lines[lineIndex];
  let from = -1;
  for (let i = 0; i <= occurrence; i++) {
    from = line.indexOf(needle, from + 1);
    assert.ok(from >= 0, `"${needle}" (occurrence ${occurrence}) not found in line: ${line}`);
  }
  const to = from + needle.length;
  const overlapping = doc.tokens[lineIndex].filter((t) => t.start < to && t.end > from);
  assert.ok(overlapping.length > 0, `no tokens for "${needle}"`);
  return { overlapping, from, to, lineIndex };
}

function describeTokens(tokens: Token[]): string {
  return tokens.map((t) => `${JSON.stringify(t.text)} [${t.scopes.join(' ')}]`).join('\n  ');
}

/** Every character of `needle` carries `scope` (prefix match on dotted scope names). */
function assertScope(doc: TokenizedDoc, lineText: string, needle: string, scope: string, occurrence = 0): void {
  const { overlapping } = tokensFor(doc, lineText, needle, occurrence);
  const ok = overlapping.every((t) => t.scopes.some((s) => s === scope || s.startsWith(scope + '.')));
  assert.ok(ok, `expected "${needle}" to have scope ${scope}, got:\n  ${describeTokens(overlapping)}`);
}

/** No character of `needle` carries `scope`. */
function assertNoScope(doc: TokenizedDoc, lineText: string, needle: string, scope: string, occurrence = 0): void {
  const { overlapping } = tokensFor(doc, lineText, needle, occurrence);
  const bad = overlapping.filter((t) => t.scopes.some((s) => s === scope || s.startsWith(scope + '.')));
  assert.equal(bad.length, 0, `expected "${needle}" NOT to have scope ${scope}, got:\n  ${describeTokens(bad)}`);
}

/** `needle` carries `scope`, and the characters right before and after it do not. */
function assertExactToken(doc: TokenizedDoc, lineText: string, needle: string, scope: string, occurrence = 0): void {
  assertScope(doc, lineText, needle, scope, occurrence);
  const { from, to, lineIndex } = tokensFor(doc, lineText, needle, occurrence);
  const hasScope = (t: Token) => t.scopes.some((s) => s === scope || s.startsWith(scope + '.'));
  for (const position of [from - 1, to]) {
    if (position < 0 || position >= doc.lines[lineIndex].length) continue;
    const token = doc.tokens[lineIndex].find((t) => t.start <= position && position < t.end);
    if (token) {
      assert.ok(!hasScope(token), `"${needle}" bleeds into a neighbour with ${scope}: ${describeTokens([token])}`);
    }
  }
}

// ---------------------------------------------------------------------------
// Fixture document

const FIXTURE = [
  '---',
  'title: Checkout latency spike',
  'incident: INC-2041',
  'severity: SEV2',
  'date: 2026-03-14',
  'detected: 2026-03-14T14:02:00Z',
  '---',
  '',
  '# Checkout latency spike',
  '',
  '**Severity:** SEV2',
  '**Status**: in-review',
  '',
  '## Timeline',
  '',
  '- 13:48 — [started] p99 latency rises above the SLO',
  '- 14:02 — [detected] Latency alert pages the on-call engineer',
  '- 14:41 UTC — Mitigated: rollback complete',
  '',
  '| Time | Event |',
  '|---|---|',
  '| 10:15 | Detected: support tickets mention @lena |',
  '',
  '## Action Items',
  '',
  '- [ ] Set `maxConnections` explicitly — @maria, due 2026-03-21',
  '- [ ] Alert on connection count (owner: Priya) deadline: 2026-03-25, assigned to @oncall-eu',
  '- [ ] Load test at peak — @dev.k, by 2026-04-15',
  '',
  'The delay was due to a retry storm; mail maria@example.com for details.',
  'Inline code stays plain: `@maria 14:02 SEV1 [detected]` and more.',
  '<!-- postmortem-disable-next-line blame-wording -->',
  '<!-- an ordinary comment about @someone -->',
  '',
  '```text',
  '@maria deployed at 14:02 on 2026-03-14 (SEV1) [detected]',
  '```',
  '',
  '```yaml',
  'owner: "@maria"',
  '```',
  '',
  '---',
  'severity: SEV3',
];

describe('postmortem grammar', function () {
  let doc: TokenizedDoc;

  before(async function () {
    doc = await tokenizeDoc(FIXTURE);
  });

  it('has the expected scope name and embeds the Markdown grammar', function () {
    const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as {
      scopeName: string;
      patterns: { include?: string }[];
    };
    assert.equal(raw.scopeName, 'text.html.markdown.postmortem');
    assert.ok(raw.patterns.some((p) => p.include === 'text.html.markdown'));
  });

  it('scopes front matter keys and values', function () {
    // With the real YAML grammar loaded, YAML itself colours keys (entity.name.tag.yaml).
    assertScope(doc, 'severity: SEV2', 'severity', yamlLoaded ? 'entity.name.tag.yaml' : SCOPE.frontMatterKey);
    assertExactToken(doc, 'severity: SEV2', 'SEV2', SCOPE.severity);
    assertScope(doc, 'title: Checkout', 'title', yamlLoaded ? 'entity.name.tag.yaml' : SCOPE.frontMatterKey);
    assertExactToken(doc, 'date: 2026-03-14', '2026-03-14', SCOPE.date);
    assertScope(doc, 'detected: 2026-03-14T14:02:00Z', '2026-03-14', SCOPE.date);
    assertScope(doc, 'detected: 2026-03-14T14:02:00Z', '14:02:00', SCOPE.time);
    assertScope(doc, 'detected: 2026-03-14T14:02:00Z', 'detected', 'meta.frontmatter.postmortem');
    assertNoScope(doc, 'detected: 2026-03-14T14:02:00Z', 'detected', SCOPE.phase);
  });

  it('only treats --- on the first line as front matter', function () {
    assertNoScope(doc, 'severity: SEV3', 'severity', SCOPE.frontMatterKey);
    assertNoScope(doc, 'severity: SEV3', 'severity', 'meta.frontmatter.postmortem');
  });

  it('scopes bold metadata key lines', function () {
    assertScope(doc, '**Severity:** SEV2', 'Severity', SCOPE.metadataKey);
    assertScope(doc, '**Severity:** SEV2', 'Severity', 'markup.bold');
    assertExactToken(doc, '**Severity:** SEV2', 'SEV2', SCOPE.severity);
    assertScope(doc, '**Status**: in-review', 'Status', SCOPE.metadataKey);
  });

  it('scopes times and phase tags in timeline list items', function () {
    assertExactToken(doc, '- 14:02 — [detected]', '14:02', SCOPE.time);
    assertScope(doc, '- 14:02 — [detected]', '[detected]', SCOPE.phase);
    assertNoScope(doc, '- 14:02 — [detected]', '[detected]', 'meta.link.reference');
    assertScope(doc, '- 13:48 — [started]', '[started]', SCOPE.phase);
    assertScope(doc, '- 14:41 UTC', '14:41', SCOPE.time);
    assertScope(doc, '- 14:41 UTC', 'Mitigated', SCOPE.phase);
  });

  it('scopes timeline table rows', function () {
    assertExactToken(doc, '| 10:15 | Detected', '10:15', SCOPE.time);
    assertScope(doc, '| 10:15 | Detected', 'Detected', SCOPE.phase);
    assertExactToken(doc, '| 10:15 | Detected', '@lena', SCOPE.handle);
  });

  it('scopes owners, handles and deadlines in action items', function () {
    const line = '- [ ] Set `maxConnections`';
    assertExactToken(doc, line, '@maria', SCOPE.handle);
    assertNoScope(doc, line, ',', SCOPE.handle); // trailing comma is not part of the handle
    assertExactToken(doc, line, 'due', SCOPE.due);
    assertExactToken(doc, line, '2026-03-21', SCOPE.date);

    const second = '- [ ] Alert on connection count';
    assertScope(doc, second, 'owner', SCOPE.owner);
    assertScope(doc, second, 'deadline', SCOPE.due);
    assertScope(doc, second, '2026-03-25', SCOPE.date);
    assertScope(doc, second, 'assigned to', SCOPE.owner);
    assertExactToken(doc, second, '@oncall-eu', SCOPE.handle);

    const third = '- [ ] Load test at peak';
    assertExactToken(doc, third, '@dev.k', SCOPE.handle);
    assertScope(doc, third, 'by', SCOPE.due);
  });

  it('does not treat prose "due to" or e-mail addresses as tokens', function () {
    const line = 'The delay was due to a retry storm';
    assertNoScope(doc, line, 'due', SCOPE.due);
    assertNoScope(doc, line, 'maria@example.com', SCOPE.handle);
  });

  it('leaves inline code alone', function () {
    const line = 'Inline code stays plain:';
    assertScope(doc, line, '@maria', 'markup.inline.raw');
    assertNoScope(doc, line, '@maria', SCOPE.handle);
    assertNoScope(doc, line, '14:02', SCOPE.time);
    assertNoScope(doc, line, 'SEV1', SCOPE.severity);
    assertNoScope(doc, line, '[detected]', SCOPE.phase);
    assertNoScope(doc, '- [ ] Set `maxConnections`', 'maxConnections', SCOPE.handle);
  });

  it('leaves fenced code blocks alone', function () {
    const line = '@maria deployed at 14:02';
    assertScope(doc, line, '@maria', 'markup.fenced_code');
    for (const [needle, scope] of [
      ['@maria', SCOPE.handle],
      ['14:02', SCOPE.time],
      ['2026-03-14', SCOPE.date],
      ['SEV1', SCOPE.severity],
      ['[detected]', SCOPE.phase],
    ] as const) {
      assertNoScope(doc, line, needle, scope);
    }
    assertScope(doc, 'owner: "@maria"', '@maria', 'markup.fenced_code');
    assertNoScope(doc, 'owner: "@maria"', '@maria', SCOPE.handle);
    assertNoScope(doc, 'owner: "@maria"', 'owner', SCOPE.owner);
  });

  it('scopes suppression comments but not ordinary comments', function () {
    const line = '<!-- postmortem-disable-next-line blame-wording -->';
    assertScope(doc, line, '<!--', SCOPE.directive);
    assertScope(doc, line, 'blame-wording', SCOPE.directive);
    assertScope(doc, line, '-->', SCOPE.directive);
    assertNoScope(doc, '<!-- an ordinary comment', '@someone', SCOPE.handle);
    assertNoScope(doc, '<!-- an ordinary comment', '<!--', SCOPE.directive);
  });

  it('keeps Markdown headings intact', function () {
    assertScope(doc, '## Timeline', 'Timeline', 'markup.heading');
    if (usingStub) assertScope(doc, '## Timeline', 'Timeline', 'entity.name.section.markdown');
  });
});

// ---------------------------------------------------------------------------
// Regex performance

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every match/begin/end/while regex anywhere in the grammar, with its JSON path. */
function collectRegexes(node: Json, where = '$'): { where: string; source: string }[] {
  const found: { where: string; source: string }[] = [];
  if (Array.isArray(node)) {
    node.forEach((child, i) => found.push(...collectRegexes(child, `${where}[${i}]`)));
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (['match', 'begin', 'end', 'while'].includes(key) && typeof value === 'string') {
        found.push({ where: `${where}.${key}`, source: value });
      } else {
        found.push(...collectRegexes(value, `${where}.${key}`));
      }
    }
  }
  return found;
}

const REPEATS = 50_000;
const LIMIT_MS = 100;
const RUN_CHARS = ['a', '@', '-', '1', ' ', '*', '[', ':'];
const ADVERSARIAL: [string, string][] = [
  // The plain runs: 50,000 copies of one character.
  ...RUN_CHARS.map((c): [string, string] => [JSON.stringify(c), c.repeat(REPEATS)]),
  // Multi-character units that line up with partial matches of the grammar's patterns.
  ...['@a.', '12:', '**a', '<!--', '- ', '2026-', '| ', '\t', 'due ', '[ ', 'a:'].map((unit): [string, string] => [
    `${JSON.stringify(unit)} repeated`,
    unit.repeat(Math.ceil(REPEATS / unit.length)),
  ]),
  // A pattern's opening followed by a long run, so that a nested quantifier gets something to chew on.
  ...['@', '@a', '**', '__Key', '<!-- postmortem-disable ', '2026-03-14T', '14:02', '[', '| ', 'due', 'assigned', '---\n']
    .flatMap((prefix) => RUN_CHARS.map((c): [string, string] => [
      `${JSON.stringify(prefix)} + ${JSON.stringify(c)} x ${REPEATS}`,
      prefix + c.repeat(REPEATS),
    ])),
];

describe('postmortem grammar regex performance', function () {
  const raw = JSON.parse(fs.readFileSync(GRAMMAR_PATH, 'utf8')) as Json;
  const regexes = collectRegexes(raw);

  before(async function () {
    await loadOniguruma();
  });

  it('finds the grammar regexes', function () {
    assert.ok(regexes.length >= 15, `only ${regexes.length} regexes found`);
  });

  /**
   * One search over the whole string, timed. A fresh scanner is used every time because a scanner
   * caches its last result per string. A reading over the limit is repeated twice and the best of
   * the three is kept, so a garbage-collection pause or a busy machine does not fail the test,
   * while a regex that really backtracks stays slow every time.
   */
  function timeScan(source: string, subject: InstanceType<Onig['OnigString']>): number {
    let best = Infinity;
    for (let attempt = 0; attempt < 3 && best >= LIMIT_MS; attempt++) {
      const scanner = new onig.OnigScanner([source]);
      try {
        const started = performance.now();
        scanner.findNextMatchSync(subject, 0);
        best = Math.min(best, performance.now() - started);
      } finally {
        scanner.dispose();
      }
    }
    return best;
  }

  it('scans 50,000 repeated characters in under 100 ms per regex', function () {
    this.timeout(300_000);
    for (const { where, source } of regexes) {
      try {
        new onig.OnigScanner([source]).dispose();
      } catch (error) {
        assert.fail(`regex at ${where} does not compile: ${String(error)}`);
      }
    }
    const subjects = ADVERSARIAL.map(([label, text]) => ({ label, subject: new onig.OnigString(text + '\n') }));
    const slow: string[] = [];
    try {
      for (const { where, source } of regexes) {
        for (const { label, subject } of subjects) {
          const elapsed = timeScan(source, subject);
          if (elapsed >= LIMIT_MS) slow.push(`${where} on ${label}: ${elapsed.toFixed(1)} ms  /${source}/`);
        }
      }
    } finally {
      for (const { subject } of subjects) subject.dispose();
    }
    assert.deepEqual(slow, [], 'slow regexes');
  });
});

// ---------------------------------------------------------------------------
// Language configuration

interface LanguageConfiguration {
  comments: { blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string; notIn?: string[] }[];
  surroundingPairs: [string, string][];
  folding: { markers: { start: string; end: string } };
  wordPattern: string | { pattern: string; flags?: string };
}

describe('language configuration', function () {
  const config = JSON.parse(fs.readFileSync(LANGUAGE_CONFIG_PATH, 'utf8')) as LanguageConfiguration;
  const wordRegex = typeof config.wordPattern === 'string'
    ? new RegExp(config.wordPattern, 'gu')
    : new RegExp(config.wordPattern.pattern, config.wordPattern.flags ?? 'g');
  const words = (text: string): string[] => [...text.matchAll(new RegExp(wordRegex.source, wordRegex.flags.includes('g') ? wordRegex.flags : wordRegex.flags + 'g'))].map((m) => m[0]);

  it('uses HTML comments and Markdown-like pairs', function () {
    assert.deepEqual(config.comments.blockComment, ['<!--', '-->']);
    const surround = config.surroundingPairs.map(([open]) => open);
    for (const open of ['`', '*', '_', '[', '(', '<', '"', "'"]) assert.ok(surround.includes(open), `surroundingPairs lacks ${open}`);
    const autoClose = config.autoClosingPairs.map((p) => p.open);
    for (const open of ['[', '(', '<', '`', '"']) assert.ok(autoClose.includes(open), `autoClosingPairs lacks ${open}`);
    for (const pair of ['[]', '()']) assert.ok(config.brackets.some(([o, c]) => o + c === pair), `brackets lacks ${pair}`);
  });

  it('folds #region comments', function () {
    const start = new RegExp(config.folding.markers.start);
    const end = new RegExp(config.folding.markers.end);
    assert.ok(start.test('<!-- #region Timeline -->'));
    assert.ok(start.test('  <!-- #region -->'));
    assert.ok(!start.test('<!-- #endregion -->'));
    assert.ok(end.test('<!-- #endregion -->'));
    assert.ok(!end.test('<!-- #region -->'));
  });

  it('keeps handles, dates, times, tickets and severities whole', function () {
    assert.deepEqual(
      words('Paged @maria, @dev.k and @oncall-eu on 2026-03-14 at 14:02 for INC-2041 (SEV1, P0).'),
      ['Paged', '@maria', '@dev.k', 'and', '@oncall-eu', 'on', '2026-03-14', 'at', '14:02', 'for', 'INC-2041', 'SEV1', 'P0'],
    );
  });

  it('does not swallow trailing punctuation', function () {
    assert.deepEqual(words('@maria,'), ['@maria']);
    assert.deepEqual(words('ask @dev.k.'), ['ask', '@dev.k']);
    assert.deepEqual(words('@oncall-eu-'), ['@oncall-eu']);
    assert.deepEqual(words('on 2026-03-14.'), ['on', '2026-03-14']);
    assert.deepEqual(words('at 14:02:'), ['at', '14:02']);
    assert.deepEqual(words('(SEV2)'), ['SEV2']);
  });

  it('matches plain words and never the empty string', function () {
    assert.deepEqual(words('Rollback took eight minutes'), ['Rollback', 'took', 'eight', 'minutes']);
    assert.deepEqual(words('Überlast in café'), ['Überlast', 'in', 'café']);
    assert.deepEqual(words('snake_case p99'), ['snake_case', 'p99']);
    assert.deepEqual(words('  ,.;  — '), []);
    assert.ok(!new RegExp(`^(?:${wordRegex.source})$`, 'u').test(''));
  });
});
