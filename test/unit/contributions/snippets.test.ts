/**
 * Checks snippets/postmortem.code-snippets: structure, prefixes, VS Code snippet syntax
 * (tab stops, placeholders, choices, variables), the full scaffold's sections and front matter,
 * and the tone of the hint texts.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const SNIPPETS_PATH = path.join(ROOT, 'snippets', 'postmortem.code-snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
  scope?: string;
}

// ---------------------------------------------------------------------------
// A small parser for VS Code's snippet syntax
//
//   $1  ${1}  ${1:default}  ${1|one,two|}  $NAME  ${NAME}  ${NAME:default}
//   escapes: \$ \} \\ in text; \, \| \\ inside choices

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; raw: string; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children?: SnippetNode[] };

class SnippetSyntaxError extends Error {}

/** Variables VS Code resolves in snippets. */
const KNOWN_VARIABLES = new Set([
  'TM_SELECTED_TEXT', 'TM_CURRENT_LINE', 'TM_CURRENT_WORD', 'TM_LINE_INDEX', 'TM_LINE_NUMBER',
  'TM_FILENAME', 'TM_FILENAME_BASE', 'TM_DIRECTORY', 'TM_FILEPATH', 'RELATIVE_FILEPATH',
  'CLIPBOARD', 'WORKSPACE_NAME', 'WORKSPACE_FOLDER', 'CURSOR_INDEX', 'CURSOR_NUMBER',
  'CURRENT_YEAR', 'CURRENT_YEAR_SHORT', 'CURRENT_MONTH', 'CURRENT_MONTH_NAME', 'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE', 'CURRENT_DAY_NAME', 'CURRENT_DAY_NAME_SHORT', 'CURRENT_HOUR', 'CURRENT_MINUTE',
  'CURRENT_SECOND', 'CURRENT_SECONDS_UNIX', 'CURRENT_TIMEZONE_OFFSET',
  'RANDOM', 'RANDOM_HEX', 'UUID', 'BLOCK_COMMENT_START', 'BLOCK_COMMENT_END', 'LINE_COMMENT',
]);

function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const fail = (message: string): never => {
    throw new SnippetSyntaxError(`${message} at offset ${pos}: …${source.slice(Math.max(0, pos - 20), pos + 20)}…`);
  };
  const readInt = (): number => {
    const match = /^\d+/.exec(source.slice(pos));
    if (!match) return fail('expected a number');
    pos += match[0].length;
    return Number(match[0]);
  };
  const readName = (): string => {
    const match = /^[_A-Za-z][_A-Za-z0-9]*/.exec(source.slice(pos));
    if (!match) return fail('expected a variable name');
    pos += match[0].length;
    return match[0];
  };

  function parseChoice(index: number): SnippetNode {
    const options: string[] = [];
    let current = '';
    for (;;) {
      if (pos >= source.length) return fail('unterminated choice');
      const ch = source[pos];
      if (ch === '\\' && pos + 1 < source.length && ',|\\'.includes(source[pos + 1])) {
        current += source[pos + 1];
        pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        pos++;
      } else if (ch === '|') {
        if (source[pos + 1] !== '}') return fail('a choice must end with "|}"');
        options.push(current);
        pos += 2;
        break;
      } else {
        current += ch;
        pos++;
      }
    }
    if (options.some((o) => o.length === 0)) fail(`empty option in choice \${${index}|…|}`);
    if (new Set(options).size !== options.length) fail(`duplicate option in choice \${${index}|…|}`);
    return { kind: 'choice', index, options };
  }

  function parseDollar(): SnippetNode {
    pos++; // '$'
    const next = source[pos];
    if (next !== undefined && /\d/.test(next)) return { kind: 'tabstop', index: readInt() };
    if (next !== undefined && /[_A-Za-z]/.test(next)) return { kind: 'variable', name: readName() };
    if (next !== '{') return fail('a "$" that starts nothing (escape it as \\$)');
    pos++; // '{'
    const after = source[pos];
    if (after !== undefined && /\d/.test(after)) {
      const index = readInt();
      const sep = source[pos];
      if (sep === '}') {
        pos++;
        return { kind: 'tabstop', index };
      }
      if (sep === ':') {
        pos++;
        const start = pos;
        const children = parseSequence(true);
        return { kind: 'placeholder', index, raw: source.slice(start, pos - 1), children };
      }
      if (sep === '|') {
        pos++;
        return parseChoice(index);
      }
      if (sep === '/') return fail('transforms are not used in these snippets');
      return fail(`unexpected "${sep ?? 'end of body'}" after \${${index}`);
    }
    if (after !== undefined && /[_A-Za-z]/.test(after)) {
      const name = readName();
      const sep = source[pos];
      if (sep === '}') {
        pos++;
        return { kind: 'variable', name };
      }
      if (sep === ':') {
        pos++;
        return { kind: 'variable', name, children: parseSequence(true) };
      }
      return fail(`unexpected "${sep ?? 'end of body'}" after \${${name}`);
    }
    return fail('"${" must be followed by a number or a variable name');
  }

  function parseSequence(insideBraces: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = () => {
      if (text) nodes.push({ kind: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos];
      if (ch === '\\' && pos + 1 < source.length && '$}\\'.includes(source[pos + 1])) {
        text += source[pos + 1];
        pos += 2;
      } else if (ch === '}' && insideBraces) {
        pos++;
        flush();
        return nodes;
      } else if (ch === '$') {
        flush();
        nodes.push(parseDollar());
      } else {
        text += ch;
        pos++;
      }
    }
    if (insideBraces) fail('"${" is never closed');
    flush();
    return nodes;
  }

  return parseSequence(false);
}

function* walk(nodes: SnippetNode[]): Generator<SnippetNode> {
  for (const node of nodes) {
    yield node;
    if (node.kind === 'placeholder') yield* walk(node.children);
    if (node.kind === 'variable' && node.children) yield* walk(node.children);
  }
}

/** Problems with the tab stops and variables of one body; empty when all is well. */
function validateSnippet(source: string): string[] {
  let nodes: SnippetNode[];
  try {
    nodes = parseSnippet(source);
  } catch (error) {
    if (error instanceof SnippetSyntaxError) return [error.message];
    throw error;
  }
  const problems: string[] = [];
  const defaults = new Map<number, Set<string>>();
  const choices = new Map<number, Set<string>>();
  let finalStops = 0;
  for (const node of walk(nodes)) {
    if (node.kind === 'variable' && !KNOWN_VARIABLES.has(node.name)) problems.push(`unknown variable $${node.name}`);
    if (node.kind === 'tabstop' || node.kind === 'placeholder' || node.kind === 'choice') {
      if (node.index === 0) finalStops++;
    }
    if (node.kind === 'placeholder') {
      if (!defaults.has(node.index)) defaults.set(node.index, new Set());
      defaults.get(node.index)!.add(node.raw);
      for (const inner of walk(node.children)) {
        if ('index' in inner && inner.index === node.index) problems.push(`\${${node.index}} is nested inside itself`);
      }
    }
    if (node.kind === 'choice') {
      if (!choices.has(node.index)) choices.set(node.index, new Set());
      choices.get(node.index)!.add(node.options.join('\u0000'));
    }
  }
  if (finalStops > 1) problems.push(`$0 appears ${finalStops} times`);
  for (const [index, texts] of defaults) {
    if (texts.size > 1) problems.push(`\${${index}} has different defaults: ${[...texts].map((t) => JSON.stringify(t)).join(', ')}`);
    if (choices.has(index)) problems.push(`\${${index}} is both a placeholder and a choice`);
  }
  for (const [index, lists] of choices) {
    if (lists.size > 1) problems.push(`\${${index}} has different choice lists`);
  }
  return problems;
}

const SAMPLE_VARIABLES: Record<string, string> = {
  CURRENT_YEAR: '2026',
  CURRENT_YEAR_SHORT: '26',
  CURRENT_MONTH: '03',
  CURRENT_DATE: '14',
  CURRENT_HOUR: '14',
  CURRENT_MINUTE: '02',
  CURRENT_SECOND: '00',
  TM_FILENAME_BASE: 'checkout-latency.postmortem',
};

/** The text a user gets when accepting every default (first option of each choice). */
function renderWithDefaults(source: string): string {
  const nodes = parseSnippet(source);
  const values = new Map<number, string>();
  const render = (list: SnippetNode[]): string =>
    list
      .map((node) => {
        switch (node.kind) {
          case 'text':
            return node.value;
          case 'tabstop':
            return values.get(node.index) ?? '';
          case 'placeholder':
            return values.get(node.index) ?? render(node.children);
          case 'choice':
            return node.options[0];
          case 'variable':
            return SAMPLE_VARIABLES[node.name] ?? (node.children ? render(node.children) : '');
        }
      })
      .join('');
  // First fix the value of every tab stop so that mirrors (bare $n) repeat it.
  for (const node of walk(nodes)) {
    if (values.has('index' in node ? node.index : -1)) continue;
    if (node.kind === 'placeholder') values.set(node.index, render(node.children));
    if (node.kind === 'choice') values.set(node.index, node.options[0]);
  }
  return render(nodes);
}

// ---------------------------------------------------------------------------

const snippets = JSON.parse(fs.readFileSync(SNIPPETS_PATH, 'utf8')) as Record<string, Snippet>;
const entries = Object.entries(snippets);
const bodyOf = (s: Snippet): string => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixesOf = (s: Snippet): string[] => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);
const byPrefix = (prefix: string): Snippet => {
  const found = entries.find(([, s]) => prefixesOf(s).includes(prefix));
  assert.ok(found, `no snippet with prefix ${prefix}`);
  return found[1];
};

const STANDARD_SECTIONS = [
  'Summary', 'Impact', 'Timeline', 'Root Cause', 'Resolution', 'Action Items', 'Lessons Learned', 'Follow-up Review',
];

describe('snippet syntax checker', function () {
  it('accepts the forms the snippets use', function () {
    assert.deepEqual(validateSnippet('a $1 ${2} ${3:x $CURRENT_YEAR} ${4|a,b|} ${CURRENT_DATE} \\$5 $0'), []);
    assert.deepEqual(validateSnippet('${1:title} and again $1 and ${1:title}'), []);
  });

  it('rejects broken or inconsistent tab stops', function () {
    const cases: [string, RegExp][] = [
      ['${1:never closed', /never closed/],
      ['${1|a,b}', /unterminated choice|must end/],
      ['${1|a,,b|}', /empty option/],
      ['${1:one} ${1:two}', /different defaults/],
      ['${2|a,b|} ${2|a,c|}', /different choice lists/],
      ['${3:x} ${3|x,y|}', /placeholder and a choice/],
      ['$0 and $0', /\$0 appears 2 times/],
      ['costs $ 5', /starts nothing/],
      ['${:oops}', /number or a variable/],
      ['$CURRENT_YEARS', /unknown variable/],
    ];
    for (const [body, expected] of cases) {
      const problems = validateSnippet(body);
      assert.ok(problems.some((p) => expected.test(p)), `${JSON.stringify(body)} gave ${JSON.stringify(problems)}`);
    }
  });
});

describe('snippets/postmortem.code-snippets', function () {
  it('has enough snippets, each with prefix, body and description', function () {
    assert.ok(entries.length >= 14, `only ${entries.length} snippets`);
    for (const [name, snippet] of entries) {
      assert.ok(prefixesOf(snippet).every((p) => typeof p === 'string' && p.length > 0), `${name}: prefix`);
      assert.ok(bodyOf(snippet).trim().length > 0, `${name}: empty body`);
      assert.ok(typeof snippet.description === 'string' && snippet.description.trim().length > 0, `${name}: description`);
      assert.equal(snippet.scope, undefined, `${name}: scope is set by the contribution, not per snippet`);
    }
  });

  it('uses unique prefixes: postmortem for the scaffold, pm-* for the rest', function () {
    const all = entries.flatMap(([, s]) => prefixesOf(s));
    assert.equal(new Set(all).size, all.length, 'duplicate prefixes');
    assert.ok(all.includes('postmortem'));
    for (const prefix of all) {
      if (prefix !== 'postmortem') assert.match(prefix, /^pm-[a-z-]+$/);
    }
  });

  for (const [name, snippet] of entries) {
    it(`"${name}" has well-formed tab stops`, function () {
      assert.deepEqual(validateSnippet(bodyOf(snippet)), []);
    });
  }

  describe('full scaffold', function () {
    const scaffold = byPrefix('postmortem');
    const rendered = renderWithDefaults(bodyOf(scaffold));

    it('contains every standard section heading', function () {
      const headings = rendered.split('\n').filter((l) => l.startsWith('## ')).map((l) => l.slice(3).trim());
      assert.deepEqual(headings, STANDARD_SECTIONS);
      assert.match(rendered, /^# \S/m, 'a level-1 title heading');
    });

    it('gives every section a hint or a tab stop', function () {
      const sections = bodyOf(scaffold).split(/^## /m).slice(1);
      assert.equal(sections.length, STANDARD_SECTIONS.length);
      for (const section of sections) {
        assert.match(section, /<!--[^]*?-->|\$\{?\d/, `section without hint: ${section.split('\n')[0]}`);
      }
    });

    it('has front matter that parses as YAML with the expected keys', function () {
      const match = /^---\n([^]*?)\n---\n/.exec(rendered);
      assert.ok(match, 'front matter block at the very start');
      const data = parseYaml(match[1]) as Record<string, unknown>;
      for (const key of [
        'title', 'incident', 'severity', 'status', 'date', 'authors',
        'started', 'detected', 'mitigated', 'resolved', 'impact', 'review',
      ]) {
        assert.ok(key in data, `front matter lacks ${key}`);
      }
      assert.equal(data.date, '2026-03-14');
      assert.ok(['SEV1', 'SEV2', 'SEV3', 'SEV4', 'SEV5'].includes(String(data.severity)));
      assert.ok(['draft', 'in-review', 'final'].includes(String(data.status)));
      assert.deepEqual(data.authors, ['@handle']);
      assert.equal(data.title, 'Short neutral description of what happened');
      assert.match(rendered, /^# Short neutral description of what happened$/m, 'the title is mirrored in the heading');
    });

    it('offers the severity and status choices', function () {
      const body = bodyOf(scaffold);
      assert.match(body, /severity: \$\{\d+\|SEV1,SEV2,SEV3,SEV4,SEV5\|\}/);
      assert.match(body, /status: \$\{\d+\|draft,in-review,final\|\}/);
      assert.match(body, /date: \$\{\d+:\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE\}/);
    });
  });

  it('every per-section snippet renders to Markdown the format recognises', function () {
    assert.match(renderWithDefaults(bodyOf(byPrefix('pm-event'))), /^- 14:02 — \[started\] What happened$/);
    assert.match(bodyOf(byPrefix('pm-event')), /\$\{\d+\|started,detected,mitigated,resolved\|\}/);
    assert.equal(
      renderWithDefaults(bodyOf(byPrefix('pm-action'))),
      '- [ ] Describe the change — @owner, due 2026-03-14',
    );
    assert.match(bodyOf(byPrefix('pm-actions-table')), /^\| Action \| Owner \| Due \| Status \|$/m);
    const lessons = bodyOf(byPrefix('pm-lessons'));
    for (const phrase of ['What went well', 'What went wrong', 'Where we got lucky']) assert.ok(lessons.includes(phrase));
    const metrics = bodyOf(byPrefix('pm-metrics'));
    for (const metric of ['TTD', 'TTM', 'TTR']) assert.ok(metrics.includes(metric));
    assert.match(bodyOf(byPrefix('pm-root-cause')), /5\. Why\?/);
    assert.match(bodyOf(byPrefix('pm-timeline-table')), /^\| Time \| Event \|$/m);
    assert.match(renderWithDefaults(bodyOf(byPrefix('pm-timeline'))), /^- HH:MM — \[detected\]/m);
    assert.match(renderWithDefaults(bodyOf(byPrefix('pm-impact'))), /Blast radius/);
  });

  it('the review agenda has the standard timeboxes (35 minutes)', function () {
    const agenda = bodyOf(byPrefix('pm-agenda'));
    const expected: [RegExp, number][] = [
      [/Opening \((\d+) min\)/, 2],
      [/Timeline and blast radius \((\d+) min\)/, 5],
      [/Root cause analysis \((\d+) min\)/, 15],
      [/Action items \((\d+) min\)/, 10],
      [/Wrap-up \((\d+) min\)/, 3],
    ];
    let total = 0;
    for (const [pattern, minutes] of expected) {
      const match = pattern.exec(agenda);
      assert.ok(match, `agenda lacks ${pattern}`);
      assert.equal(Number(match[1]), minutes);
      total += minutes;
    }
    assert.ok(agenda.includes(`(${total} min)`));
  });

  it('keeps hint texts blameless', function () {
    const blameful = /human error|\bfault\b|should have|failed to|careless|negligen|dropped the ball|incompetent|\bblame\b(?!-wording)|\bculprit/i;
    for (const [name, snippet] of entries) {
      const text = renderWithDefaults(bodyOf(snippet));
      assert.doesNotMatch(text, blameful, `${name} uses blame-focused wording`);
    }
  });
});
