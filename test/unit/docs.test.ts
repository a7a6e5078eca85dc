import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULES_DOC_PATH, renderRulesDoc } from '../../scripts/gen-rules-doc';
import { toSarif } from '../../src/cli/sarif';
import { analyzeText } from '../../src/core/analyze';
import { parseConfigFile, resolveConfig } from '../../src/core/config';
import { canonicalMetadataKey } from '../../src/core/model/metadata';
import { parsePostmortem } from '../../src/core/model/parse';
import { BLAME_CATEGORIES } from '../../src/core/blame/index';
import { RULES } from '../../src/core/rules/index';
import { sectionAliases, SECTION_DEFINITIONS, sectionKindOf } from '../../src/core/model/sections';
import { formatTimeValue } from '../../src/core/model/time';

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');
const read = (name: string) => readFileSync(join(DOCS, name), 'utf8');

/** `## heading` texts of a Markdown page, outside code fences. */
function headings(markdown: string, level: number): string[] {
  const out: string[] = [];
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^```/.test(line)) fence = !fence;
    else if (!fence && line.startsWith(`${'#'.repeat(level)} `)) out.push(line.slice(level + 1).trim());
  }
  return out;
}

/** The text of a page from `## title` to the next heading of the same or a higher level. */
function section(markdown: string, title: string): string {
  const lines = markdown.split('\n');
  let inFence = false;
  const start = lines.findIndex((l) => {
    if (/^```/.test(l)) inFence = !inFence;
    return !inFence && /^#{2,4} /.test(l) && l.replace(/^#+ /, '') === title;
  });
  assert.ok(start >= 0, `no section "${title}"`);
  const level = lines[start].indexOf(' ');
  let fence = false;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    if (/^```/.test(lines[i])) fence = !fence;
    else if (!fence && /^#+ /.test(lines[i]) && lines[i].indexOf(' ') <= level) {
      end = i;
      break;
    }
  }
  return lines.slice(start, end).join('\n');
}

/**
 * Aliases in SECTION_DEFINITIONS that no heading can match today: "5 whys" loses its "5" as heading numbering.
 * See the skipped test "a "## 5 Whys" heading counts as Root Cause" in rules.test.ts.
 */
const UNRECOGNISED_ALIASES = new Set<string>();

/** Fenced code blocks of a piece of Markdown, with their info string. */
function codeBlocks(markdown: string): Array<{ lang: string; code: string }> {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], code: m[2] }));
}

/** Rows of the first table in a piece of Markdown, as trimmed cells (header and delimiter row skipped). */
function tableRows(markdown: string, which = 0): string[][] {
  const lines = markdown.split('\n');
  let start = lines.findIndex((l) => l.startsWith('|'));
  for (let n = 0; n < which; n++) {
    while (start < lines.length && lines[start].startsWith('|')) start++;
    start = lines.findIndex((l, i) => i > start && l.startsWith('|'));
  }
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(lines[i].split(/(?<!\\)\|/).slice(1, -1).map((c) => c.trim()));
  return rows;
}

/** The `code spans` of a table cell. */
function spans(cell: string): string[] {
  return [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
}

describe('docs/rules.md', () => {
  const page = read('rules.md');

  it('is up to date with the rule metadata (run `npx tsx scripts/gen-rules-doc.ts` to regenerate)', () => {
    assert.equal(RULES_DOC_PATH, join(DOCS, 'rules.md'));
    assert.ok(page === renderRulesDoc(), 'docs/rules.md is out of date: run `npx tsx scripts/gen-rules-doc.ts`');
  });

  it('has one section per rule, anchored by the rule id, in the order of RULES', () => {
    const ruleHeadings = headings(page, 2).filter((h) => RULES.some((r) => r.id === h));
    assert.deepEqual(ruleHeadings, RULES.map((r) => r.id));
  });

  it('each rule section has severity, what, why, bad and good examples, quick fix, configuration and suppression', () => {
    for (const rule of RULES) {
      const text = section(page, rule.id);
      assert.ok(text.includes(`**Default severity:** ${rule.defaultSeverity}`), `${rule.id}: severity`);
      assert.ok(text.includes(`**What it flags:** ${rule.description}`), `${rule.id}: description`);
      assert.ok(text.includes(`**Why:** ${rule.rationale}`), `${rule.id}: rationale`);
      for (const example of [rule.bad.shown, rule.good.shown]) {
        const shown = /^\((.*)\)$/.exec(example)?.[1] ?? example;
        assert.ok(text.includes(shown), `${rule.id}: example ${JSON.stringify(example)}`);
      }
      assert.match(text, /\*\*Quick fix:\*\* \S/, `${rule.id}: quick fix`);
      assert.ok(text.includes(`rules:\n  ${rule.id}: `), `${rule.id}: configuration`);
      assert.ok(text.includes(`<!-- postmortem-disable-next-line ${rule.id} -->`), `${rule.id}: suppression`);
    }
  });

  it('every SARIF helpUri points at a section of this page', () => {
    const anchors = new Set(headings(page, 2).map((h) => h.toLowerCase().replace(/[^\w\- ]/g, '').replace(/ /g, '-')));
    for (const rule of toSarif([]).runs[0].tool.driver.rules) {
      const url = new URL(rule.helpUri);
      assert.match(url.pathname, /\/docs\/rules\.md$/);
      assert.ok(anchors.has(url.hash.slice(1)), `${rule.id}: ${url.hash}`);
    }
  });

  it('blame-wording lists every kind of blame-focused wording with a sentence flagged and one not', () => {
    const rows = tableRows(section(section(page, 'blame-wording'), 'What counts as blame-focused'));
    assert.deepEqual(rows.map((r) => r[0]), BLAME_CATEGORIES.map((c) => c.category));
    BLAME_CATEGORIES.forEach((c, i) => {
      const unescape = (s: string) => s.replace(/\\([\\|<*])/g, '$1');
      assert.equal(unescape(rows[i][2]), c.flagged);
      assert.equal(unescape(rows[i][4]), c.fine);
    });
  });
});

describe('docs/format.md', () => {
  const page = read('format.md');

  it('lists every section alias of SECTION_DEFINITIONS', () => {
    const lower = page.toLowerCase();
    for (const def of SECTION_DEFINITIONS) {
      assert.ok(lower.includes(def.label.toLowerCase()), def.label);
      for (const alias of sectionAliases(def.kind, 3)) assert.ok(lower.includes(alias.toLowerCase()), `${def.kind}: alias "${alias}" is not in docs/format.md`);
    }
  });

  it('every heading in its examples table is read as it says', () => {
    const rows = tableRows(section(page, 'Sections'), 0);
    assert.ok(rows.length >= 6);
    for (const [written, readAs] of rows) {
      const kinds = readAs.split(/,\s*/);
      const headings = spans(written).map((h) => h.replace(/^#+\s*/, ''));
      headings.forEach((heading, i) => {
        const kind = sectionKindOf(heading);
        const label = SECTION_DEFINITIONS.find((d) => d.kind === kind)?.label;
        assert.equal(label, kinds[Math.min(i, kinds.length - 1)], heading);
      });
    }
  });

  it('the section table matches SECTION_DEFINITIONS row by row, and every alias it names is recognised', () => {
    const rows = tableRows(section(page, 'Sections'), 1);
    assert.deepEqual(rows.map((r) => r[0]), SECTION_DEFINITIONS.map((d) => d.label));
    rows.forEach((row, i) => {
      const def = SECTION_DEFINITIONS[i];
      const documented = spans(row[1]);
      assert.deepEqual([...documented].sort(), sectionAliases(def.kind, 3).sort(), def.label);
      for (const alias of documented.filter((a) => !UNRECOGNISED_ALIASES.has(a))) assert.equal(sectionKindOf(alias), def.kind, alias);
    });
    assert.equal(sectionKindOf('4. Root Cause & Contributing Factors 🔍'), 'rootCause');
  });

  it('every metadata key synonym it names is accepted for that key', () => {
    const rows = tableRows(section(page, 'Metadata'));
    assert.ok(rows.length >= 14);
    for (const [keyCell, synonymsCell] of rows) {
      const [key] = spans(keyCell);
      assert.equal(canonicalMetadataKey(key), key);
      for (const synonym of spans(synonymsCell)) assert.equal(canonicalMetadataKey(synonym), key, `${synonym} -> ${key}`);
    }
  });

  it('names every configuration key, and its example .postmortemrc.yaml is valid', () => {
    const config = section(page, 'Configuration');
    for (const key of ['rules', 'requiredSections', 'blameWording.extraPatterns', 'blameWording.allow', 'filePatterns', 'maxFileSize', 'timezone']) {
      assert.ok(config.includes(`| \`${key}\` |`), key);
    }
    const yaml = codeBlocks(config).find((b) => b.lang === 'yaml');
    assert.ok(yaml, 'no yaml example');
    const parsed = parseConfigFile(yaml.code);
    assert.deepEqual(parsed.errors, []);
    const result = resolveConfig(parsed.config);
    assert.deepEqual(result.errors, []);
    assert.equal(result.config.rules['blame-wording'], 'error');
    assert.deepEqual(result.config.requiredSections, ['summary', 'timeline', 'rootCause', 'resolution', 'actionItems']);
    assert.equal(result.timezone, 'Europe/Berlin');
    const found = analyzeText('## Summary\n\nSome cowboy coding and a fat-fingered command; the human error budget held.\n', { config: result.config, today: '2026-03-20' }).findings;
    assert.deepEqual(found.filter((f) => f.rule === 'blame-wording').map((f) => f.severity), ['error', 'error']);
  });

  it('documents every suppression comment', () => {
    const text = section(page, 'Suppression comments');
    for (const directive of ['postmortem-disable-next-line', 'postmortem-disable', 'postmortem-enable', 'postmortem-disable-file']) assert.ok(text.includes(directive), directive);
  });

  it('its complete example is a clean post-mortem', () => {
    const [example] = codeBlocks(section(page, 'A complete example'));
    const { doc, findings } = analyzeText(example.code, { today: '2026-03-20' });
    assert.deepEqual(findings, []);
    assert.equal(doc.timeline.length, 5);
    assert.deepEqual([doc.metrics.ttdMinutes, doc.metrics.ttmMinutes, doc.metrics.ttrMinutes], [14, 40, 62]);
    assert.deepEqual(doc.actionItems.map((a) => [a.owner, a.due, a.done]), [
      ['@maria', '2026-04-01', false],
      ['Dev K', '2026-04-15', false],
      ['@oncall-eu', '2026-03-14', true],
    ]);
  });

  /** Code blocks preceded by `<!-- events: N -->` / `<!-- items: N, done: M -->`, with what the comment promises. */
  function annotated(markdown: string): Array<{ expect: Record<string, string>; code: string }> {
    return [...markdown.matchAll(/^<!-- ((?:\w+: [^,>]+(?:, )?)+) -->\n```\w*\n([\s\S]*?)^```$/gm)].map((m) => ({
      expect: Object.fromEntries(m[1].split(', ').map((pair) => pair.split(': ') as [string, string])),
      code: m[2],
    }));
  }

  it('every timeline example reads as its comment says, without problems', () => {
    const examples = annotated(section(page, 'Timeline'));
    assert.ok(examples.length >= 5, `${examples.length} annotated timeline examples`);
    for (const { expect, code } of examples) {
      const text = code.startsWith('#') ? code : `## Timeline\n\n${code}`;
      const doc = parsePostmortem(`---\ndate: 2026-03-14\ntimezone: UTC\n---\n\n${text}`);
      assert.deepEqual(doc.problems, [], code);
      assert.equal(doc.timeline.length, Number(expect.events), code);
      assert.ok(doc.timeline.every((e) => e.time), code);
      if (expect.phases) assert.deepEqual(doc.timeline.map((e) => e.phase ?? 'started'), expect.phases.split(' '), code);
    }
  });

  it('its first timeline example reads the times and texts it shows', () => {
    const [first] = annotated(section(page, 'Timeline'));
    const doc = parsePostmortem(`---\ndate: 2026-03-14\ntimezone: UTC\n---\n\n${first.code}`);
    assert.deepEqual(doc.timeline.map((e) => e.time && formatTimeValue(e.time)), [
      '2026-03-14T14:02:00Z',
      '2026-03-14T14:10:00Z',
      '2026-03-14T14:25:00Z',
      '2026-03-14T14:33:00Z',
      '2026-03-14T14:41:00Z',
      '2026-03-14T14:50:00Z',
      '2026-03-14T15:05:00Z',
      '2026-03-14T15:30:00Z',
    ]);
    assert.deepEqual(doc.timeline.slice(0, 6).map((e) => e.text), ['Alerts fire for checkout latency', 'Incident channel opened', 'Gateway team rules out rate limiting', 'Decision to roll back', 'Rollback complete', 'Backlog drained']);
  });

  it('every action item example reads as its comment says', () => {
    const examples = annotated(section(page, 'Action items'));
    assert.equal(examples.length, 2);
    for (const { expect, code } of examples) {
      const doc = parsePostmortem(code.startsWith('#') ? code : `## Action Items\n\n${code}`);
      assert.deepEqual(doc.problems, [], code);
      assert.equal(doc.actionItems.length, Number(expect.items), code);
      assert.equal(doc.actionItems.filter((a) => a.done).length, Number(expect.done), code);
    }
    const [list, table] = examples.map((e) => parsePostmortem(e.code.startsWith('#') ? e.code : `## Action Items\n\n${e.code}`));
    assert.deepEqual(list.actionItems.map((a) => [a.owner, a.due, a.done, a.tickets]), [
      ['@maria', '2026-04-01', false, []],
      ['Priya', '2026-04-01', false, []],
      ['Bo Chen', '2026-04-15', false, ['JIRA-77']],
      ['@ana', '2026-03-10', true, []],
      [null, null, true, ['#412']],
    ]);
    assert.deepEqual(table.actionItems.map((a) => [a.owner, a.due, a.done, a.tickets]), [
      ['Tomás Ortega', '2026-05-20', false, ['HW-12']],
      ['@lena', '2026-06-01', false, []],
      ['@arun', '2026-05-12', true, ['#412']],
    ]);
  });

  it('its suppression example silences what it says', () => {
    const [example] = codeBlocks(section(page, 'Suppression comments'));
    const doc = parsePostmortem(example.code);
    assert.deepEqual(
      doc.suppressions.map((s) => `${s.rule} ${s.fromLine}-${s.toLine}`),
      ['blame-wording 1-1', 'empty-section 3-5', 'required-section 3-5', '* 0-8'],
    );
  });

  it('is written in its own words, not copied from the shared FORMAT.md brief (sentence hashes in test/fixtures)', () => {
    const { sentences } = JSON.parse(readFileSync(join(DOCS, '..', 'test', 'fixtures', 'shared-format-sentences.json'), 'utf8')) as { sentences: string[] };
    assert.ok(sentences.length > 20);
    const hashes = new Set(sentences);
    const ours = page.split(/(?<=[.!?])\s+|\n/).map((s) => s.trim()).filter((s) => s.split(/\s+/).length >= 8);
    for (const sentence of ours) assert.ok(!hashes.has(createHash('sha256').update(sentence).digest('hex').slice(0, 16)), `copied: ${sentence}`);
  });
});
