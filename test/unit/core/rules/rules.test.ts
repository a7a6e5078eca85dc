import assert from 'node:assert/strict';
import { analyzeText } from '../../../../src/core/analyze';
import { defaultConfig, parseConfigFile, resolveConfig, validateUserConfig, type UserConfig } from '../../../../src/core/config';
import type { Position, Range, SectionKind } from '../../../../src/core/model/types';
import { sectionDefinition } from '../../../../src/core/model/sections';
import { RULES } from '../../../../src/core/rules/index';
import { type Finding, type ResolvedConfig, RULE_IDS, type RuleId, snippetToText, type TextEdit } from '../../../../src/core/rules/types';
import { fixture } from '../../helpers';

const TODAY = '2026-03-20';
/** TODAY + 14 days: the default deadline the quick fix offers. */
const DEFAULT_DUE = '2026-04-03';

// ---------------------------------------------------------------------------------------------
// Helpers

/** Offsets where each line starts, computed independently of the parser. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

/** Offset of a position; fails when the position is not inside the text (past the end of its line). */
function offsetOf(text: string, position: Position): number {
  const starts = lineStartsOf(text);
  assert.ok(position.line >= 0 && position.line < starts.length, `line ${position.line} is outside the text`);
  let lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] - 1 : text.length;
  if (lineEnd > starts[position.line] && text[lineEnd - 1] === '\r') lineEnd--;
  const length = lineEnd - starts[position.line];
  assert.ok(position.character >= 0 && position.character <= length, `character ${position.character} is past the end of line ${position.line} (length ${length})`);
  return starts[position.line] + position.character;
}

function sliceRange(text: string, range: Range): string {
  return text.slice(offsetOf(text, range.start), offsetOf(text, range.end));
}

/** A snippet as inserted after the user typed `typed[n]` into tab stop n (others keep their default text). */
function fillSnippet(snippet: string, typed: Record<number, string>): string {
  return snippetToText(snippet.replace(/\$\{(\d+):([^}]*)\}/g, (whole, n: string) => (typed[Number(n)] !== undefined ? typed[Number(n)] : whole)));
}

/**
 * Applies line/character edits like an editor would (all ranges refer to the original text).
 * Snippet edits use `snippetToText`, or the text the user typed into their tab stops.
 */
function applyEdits(text: string, edits: TextEdit[], typed: Record<number, string> = {}): string {
  const spans = edits
    .map((e) => ({ start: offsetOf(text, e.range.start), end: offsetOf(text, e.range.end), newText: e.snippet ? fillSnippet(e.newText, typed) : e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  for (let i = 1; i < spans.length; i++) assert.ok(spans[i].end <= spans[i - 1].start, 'edits overlap');
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}

/** `line:column-endLine:endColumn`, 1-based, as people read it. */
function where(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`;
}

/** Default configuration with every rule off except `ids` (at their default severity). */
function only(...ids: RuleId[]): ResolvedConfig {
  const config = defaultConfig();
  for (const id of RULE_IDS) if (!ids.includes(id)) config.rules[id] = 'off';
  return config;
}

function lint(text: string, config: ResolvedConfig = defaultConfig(), today = TODAY): Finding[] {
  return analyzeText(text, { today, config }).findings;
}

function ofRule(findings: Finding[], rule: RuleId): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** Applies the first fix of a finding (its snippet placeholders as plain text). */
function applyFix(text: string, finding: Finding, typed: Record<number, string> = {}): string {
  const fix = finding.fixes?.[0];
  assert.ok(fix, `${finding.rule} at ${where(finding)} offers no fix`);
  return applyEdits(text, fix.edits, typed);
}

/** A complete, clean post-mortem whose sections can be replaced. */
function postmortem(parts: { summary?: string; timeline?: string; rootCause?: string; actions?: string } = {}): string {
  return [
    '# Checkout errors',
    '',
    '## Summary',
    '',
    parts.summary ?? 'Checkout returned errors for twenty minutes after a config change.',
    '',
    '## Impact',
    '',
    'About 3% of checkout requests failed.',
    '',
    '## Timeline',
    '',
    parts.timeline ?? '- 10:00 — [started] Config change deployed\n- 10:05 — [detected] Error alert fires\n- 10:20 — [resolved] Change rolled back',
    '',
    '## Root Cause',
    '',
    parts.rootCause ?? 'The deploy pipeline accepted a config that no check validated.',
    '',
    '## Action Items',
    '',
    parts.actions ?? '- [ ] Validate configs in the deploy pipeline — @sam, due 2026-04-01',
    '',
  ].join('\n');
}

// ---------------------------------------------------------------------------------------------

describe('rules: metadata', () => {
  it('every rule id has exactly one definition with docs metadata', () => {
    assert.deepEqual(RULES.map((r) => r.id).sort(), [...RULE_IDS].sort());
    for (const rule of RULES) {
      for (const field of ['description', 'rationale'] as const) assert.ok(rule[field].trim(), `${rule.id}.${field}`);
      assert.ok(['error', 'warning', 'info'].includes(rule.defaultSeverity), `${rule.id} default ${rule.defaultSeverity}`);
    }
  });

  it('the complete template document is clean', () => {
    assert.deepEqual(lint(postmortem()), []);
  });
});

describe('rule action-item-owner', () => {
  const text = [
    '## Action Items', //                                       1
    '',
    '- [ ] Add config validation — due 2026-04-01', //          3: no owner
    '- [ ] Write a runbook — @sam, due 2026-04-01', //          4
    '- [ ] Cap the queue — owner: Kim Lee, due 2026-04-01', //  5
    '- [ ] Add jitter (Owner: Bo Chen) due: 2026-04-01', //     6
    '- [ ] Share rate limits — assigned to Priya, due 2026-04-01', // 7
    '- [x] Roll back the client', //                            8: done, no owner: fine
    '- [ ] Add config validation', //                           9: no owner, last line
  ].join('\n');

  it('flags open items without an owner, with the item text as range', () => {
    const found = ofRule(lint(text, only('action-item-owner')), 'action-item-owner');
    assert.deepEqual(found.map(where), ['3:7-3:28', '9:7-9:28']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['Add config validation', 'Add config validation']);
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].message, 'Action item has no owner: add `@handle` or `owner: Name` so one person or team drives it to done.');
  });

  it('accepts @handles, owner:, (Owner: ...), assigned to, and done items', () => {
    const found = ofRule(lint(text, only('action-item-owner')), 'action-item-owner');
    assert.ok(found.every((f) => ![4, 5, 6, 7, 8].includes(f.range.start.line + 1)));
  });

  it('flags a placeholder owner left from the template, at the owner', () => {
    const placeholder = '## Action Items\n\n- [ ] Describe the change — @owner, due 2026-04-01\n';
    const found = lint(placeholder, only('action-item-owner'));
    assert.deepEqual(found.map(where), ['3:29-3:35']);
    assert.equal(sliceRange(placeholder, found[0].range), '@owner');
    assert.match(found[0].message, /^`@owner` is a placeholder/);
  });

  it('flags a table row with an empty Owner cell, ranging over the Action cell', () => {
    const table = '## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n| Add rev C units |  | 2026-05-20 |\n| Gate rollouts | @lena | 2026-06-01 |\n| Link revisions | TBD | 2026-06-15 |\n';
    const found = lint(table, only('action-item-owner'));
    assert.deepEqual(found.map(where), ['5:3-5:18', '7:3-7:17']);
    assert.deepEqual(found.map((f) => sliceRange(table, f.range)), ['Add rev C units', 'Link revisions']);
  });
});

describe('rule action-item-deadline', () => {
  const text = [
    '## Action Items',
    '',
    '- [ ] Write a runbook — @sam', //                 3: no deadline
    '- [ ] Add config validation', //                  4: no deadline, no owner
    '- [ ] Cap the queue — @kim, due 2026-04-01', //   5
    '- [ ] Add jitter — @bo, by 2026-04-01', //        6
    '- [ ] Alert on lag — @ops, deadline 1 April 2026', // 7
    '- [x] Roll back the client — @oncall', //         8: done
    '- [ ] Fix the date — @kim, due 2026-13-01', //    9: invalid, reported by another rule
  ].join('\n');

  it('flags open items without a deadline', () => {
    const found = lint(text, only('action-item-deadline'));
    assert.deepEqual(found.map(where), ['3:7-3:22', '4:7-4:28']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['Write a runbook', 'Add config validation']);
    assert.equal(found[0].message, 'Open action item has no deadline: add `due YYYY-MM-DD`.');
    assert.equal(found[0].severity, 'warning');
  });

  it('does not flag done items, written deadlines, or invalid deadlines (action-item-deadline-invalid does)', () => {
    const found = lint(text, only('action-item-deadline'));
    assert.ok(found.every((f) => f.range.start.line + 1 <= 4));
  });

  it('flags an empty Due cell in a table', () => {
    const table = '## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n| Add rev C units | @tom |  |\n| Gate rollouts | @lena | 2026-06-01 |\n';
    const found = lint(table, only('action-item-deadline'));
    assert.deepEqual(found.map(where), ['5:3-5:18']);
  });
});

describe('rule action-item-deadline-invalid', () => {
  it('flags impossible and unreadable deadlines, ranging over the value', () => {
    const text = '## Action Items\n\n- [ ] Cap the queue — @kim, due 2026-13-01\n- [ ] Share limits — @ana, due next sprint\n- [ ] Fine — @bo, due Apr 1, 2026\n';
    const found = lint(text, only('action-item-deadline-invalid'));
    assert.deepEqual(found.map(where), ['3:33-3:43', '4:32-4:43']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['2026-13-01', 'next sprint']);
    assert.deepEqual(found.map((f) => f.message), ['Deadline 2026-13-01 is not a real date.', 'Deadline `next sprint` is not a date (write YYYY-MM-DD).']);
    assert.ok(found.every((f) => f.severity === 'error'));
  });

  it('flags a table Due cell that is not a real date', () => {
    const text = '## Action Items\n\n| Action | Owner | Due |\n|---|---|---|\n| Gate rollouts | @lena | 2026-02-30 |\n';
    const found = lint(text, only('action-item-deadline-invalid'));
    assert.deepEqual(found.map(where), ['5:27-5:37']);
    assert.equal(sliceRange(text, found[0].range), '2026-02-30');
    assert.equal(found[0].message, 'Deadline 2026-02-30 is not a real date.');
  });
});

describe('rule action-item-overdue', () => {
  const text = [
    '## Action Items',
    '',
    '- [ ] Review alert thresholds — @kim, due 2025-01-10', //  3: 434 days
    '- [ ] Rotate keys — @ana, due 2026-03-19', //              4: 1 day
    '- [ ] Due today — @bo, due 2026-03-20', //                 5: not overdue
    '- [x] Done long ago — @cy, due 2025-01-01', //             6: done
  ].join('\n');

  it('reports open items past their deadline as info, ranging over the date', () => {
    const found = lint(text, only('action-item-overdue'));
    assert.deepEqual(found.map(where), ['3:43-3:53', '4:31-4:41']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['2025-01-10', '2026-03-19']);
    assert.deepEqual(found.map((f) => f.message), [
      'Deadline 2025-01-10 passed: overdue by 434 days. Finish, re-plan or close this item.',
      'Deadline 2026-03-19 passed: overdue by 1 day. Finish, re-plan or close this item.',
    ]);
    assert.ok(found.every((f) => f.severity === 'info'));
  });

  it('is measured against `today`', () => {
    assert.deepEqual(lint(text, only('action-item-overdue'), '2025-01-10'), []);
  });
});

describe('rule blame-wording', () => {
  const text = [
    '## Root Cause',
    '',
    'Login was down because Dave pushed a bad config. This was human error.',
    'The on-call engineer should have checked the config. Dave failed to follow the',
    'checklist and was careless with the production flag.',
  ].join('\n');

  it('flags blame-focused wording with exact ranges and the pattern advice', () => {
    const found = lint(text, only('blame-wording'));
    assert.deepEqual(found.map(where), ['3:16-3:35', '3:59-3:70', '4:22-4:41', '4:59-4:68', '5:19-5:27']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['because Dave pushed', 'human error', 'should have checked', 'failed to', 'careless']);
    assert.ok(found.every((f) => f.severity === 'warning'));
    assert.equal(
      found[1].message,
      '"Human error" names a person as the cause and ends the inquiry. Describe what the system allowed, e.g. "the deploy process allowed an unvalidated config to reach production".',
    );
    assert.equal(found[1].suggestion, 'Describe what the system allowed, e.g. "the deploy process allowed an unvalidated config to reach production".');
    assert.match(found[0].message, /^Naming a person as the cause/);
  });

  it('leaves systems, quotes and code alone', () => {
    const clean = [
      '## Root Cause',
      '',
      'The circuit breaker failed to open. It should have been caught by the load test.',
      '',
      '> This was human error.',
      '',
      'The `human_error` counter rose; the docs call it "human error" in quotes.',
    ].join('\n');
    assert.deepEqual(lint(clean, only('blame-wording')), []);
  });

  it('reports "Retrain Dave" in an action item at info level', () => {
    const item = '## Action Items\n\n- [ ] Retrain Dave on deployments — owner: team lead, due 2026-04-01\n';
    const found = lint(item, only('blame-wording'));
    assert.deepEqual(found.map(where), ['3:7-3:19']);
    assert.equal(sliceRange(item, found[0].range), 'Retrain Dave');
    assert.equal(found[0].severity, 'info');
    assert.match(found[0].message, /^This action targets a person/);
  });

  it('uses blameWording.extraPatterns and blameWording.allow', () => {
    const prose = '## Summary\n\nSome cowboy coding happened. The human error budget test fired.\n';
    const withExtra = resolveConfig({ rules: Object.fromEntries(RULE_IDS.map((id) => [id, id === 'blame-wording' ? 'warning' : 'off'])), blameWording: { extraPatterns: ['cowboy coding'], allow: ['human error budget'] } });
    const found = lint(prose, withExtra.config);
    assert.deepEqual(found.map(where), ['3:6-3:19']);
    assert.equal(sliceRange(prose, found[0].range), 'cowboy coding');
    assert.equal(found[0].message, 'This wording is on the blame-wording list in your settings. Describe the systems, conditions and decisions involved rather than the person.');
  });
});

describe('rule required-section', () => {
  it('reports each missing required section at the title heading', () => {
    const text = '# Login outage\n\n## Summary\n\nText.\n\n## Timeline\n\n- 10:00 — x\n\n## Action Items\n\n- [ ] a — @b, due 2026-04-01\n';
    const found = lint(text, only('required-section'));
    assert.deepEqual(found.map(where), ['1:1-1:15', '1:1-1:15']);
    assert.equal(sliceRange(text, found[0].range), '# Login outage');
    assert.deepEqual(found.map((f) => f.message), [
      'The "Impact" section is missing (also accepted: blast radius, customer impact, user impact).',
      'The "Root Cause" section is missing (also accepted: root cause analysis, rca, contributing factor).',
    ]);
  });

  it('reports at 1:1 when there is no title, and accepts aliases and numbered headings', () => {
    const text = '## TL;DR\n\nx\n\n## 2. Blast Radius\n\ny\n\n## Chronology\n\n- 10:00 — x\n\n## RCA\n\nz\n\n## Next Steps\n\n- [ ] a — @b, due 2026-04-01\n';
    assert.deepEqual(lint(text, only('required-section')), []);
    const bare = lint('Just text.\n', only('required-section'));
    assert.equal(bare.length, 5);
    assert.ok(bare.every((f) => where(f) === '1:1-1:1'));
  });

  // Regression (fixed; src/core/model/sections.ts sectionKindOf/normalizeHeading): the alias "5 whys" can never match, because
  // normalizeHeading strips the leading "5 " as section numbering before the alias lookup.
  it('a "## 5 Whys" heading counts as Root Cause', () => {
    const text = postmortem().replace('## Root Cause', '## 5 Whys');
    assert.deepEqual(lint(text, only('required-section')), []);
  });

  it('follows requiredSections from the configuration', () => {
    const config = resolveConfig({ rules: { 'empty-section': 'off' }, requiredSections: ['Summary', 'Lessons Learned'] }).config;
    const found = lint(postmortem(), config);
    assert.deepEqual(found.map((f) => f.message), ['The "Lessons Learned" section is missing (also accepted: lessons learnt, lessons, learnings).']);
  });
});

describe('rule empty-section', () => {
  const text = '# T\n\n## Summary\n\nTBD\n\n## Impact\n\n## Random notes\n\n## Timeline\n\n### Day 1\n\n- 10:00 — x\n\n## Root Cause\n\n...\n';

  it('flags recognised sections that are empty or placeholders, at their heading', () => {
    const found = lint(text, only('empty-section'));
    assert.deepEqual(found.map(where), ['3:1-3:11', '7:1-7:10', '17:1-17:14']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['## Summary', '## Impact', '## Root Cause']);
    assert.deepEqual(found.map((f) => f.message), ['"Summary" holds only placeholder text: say what happened, who was affected and for how long.', '"Impact" is empty: describe who and what was affected, for how long, and the blast radius.', '"Root Cause" holds only placeholder text: explain which conditions in the system allowed this to happen.']);
    assert.ok(found.every((f) => f.severity === 'info'));
  });

  it('ignores unrecognised headings and sections whose content is in subsections', () => {
    const lines = lint(text, only('empty-section')).map((f) => f.range.start.line + 1);
    assert.ok(!lines.includes(9) && !lines.includes(11));
  });
});

describe('rule timeline-order', () => {
  it('flags an event earlier than the one before it, at its time', () => {
    const text = '## Timeline\n\n- 10:05 — Config change deployed\n- 10:20 — Users report errors\n- 10:12 — On-call acknowledges the page\n';
    const found = lint(text, only('timeline-order'));
    assert.deepEqual(found.map(where), ['5:3-5:8']);
    assert.equal(sliceRange(text, found[0].range), '10:12');
    assert.equal(found[0].message, '10:12 is earlier than the event before it (10:20, line 4): reorder the events or correct the time.');
    assert.equal(found[0].severity, 'warning');
  });

  // Regression (fixed; src/core/rules/timelineOrder.ts comparable): without any date, 23:30 followed by 00:40 is reported as out of
  // order, although a backward jump of 12 h or more is read as crossing midnight once a date is known.
  it('accepts a midnight crossing in an undated timeline', () => {
    const text = '## Timeline\n\n- 23:30 — [started] Batch starts late\n- 00:40 — [mitigated] Batch split\n';
    assert.deepEqual(lint(text, only('timeline-order')), []);
  });

  it('works in tables, and accepts midnight crossings and day headings', () => {
    const table = '## Timeline\n\n| Time | Event |\n|---|---|\n| 10:00 | b |\n| 09:00 | c |\n';
    assert.deepEqual(lint(table, only('timeline-order')).map(where), ['6:3-6:8']);
    const midnight = '---\ndate: 2026-04-10\n---\n\n## Timeline\n\n- 23:30 — [started] Batch starts late\n- 00:40 — [mitigated] Batch split\n- 01:15 — [resolved] Done\n';
    assert.deepEqual(lint(midnight, only('timeline-order')), []);
    const days = '## Timeline\n\n### 2026-05-02\n\n- 23:30 — a\n\n### 2026-05-03\n\n- 08:10 — b\n';
    assert.deepEqual(lint(days, only('timeline-order')), []);
    assert.deepEqual(lint(fixture('examples/firmware-ota.postmortem.md'), only('timeline-order')), []);
  });
});

describe('rule timeline-time-invalid', () => {
  it('flags unreadable times in lists and tables as errors', () => {
    const list = '## Timeline\n\n- 10:05 — a\n- 25:61 — Rollback finished\n';
    const found = lint(list, only('timeline-time-invalid'));
    assert.deepEqual(found.map(where), ['4:3-4:8']);
    assert.equal(sliceRange(list, found[0].range), '25:61');
    assert.equal(found[0].message, '25:61 is not a valid time of day.');
    assert.equal(found[0].severity, 'error');
    const table = '## Timeline\n\n| Time | Event |\n|---|---|\n| soon | a |\n';
    const inTable = lint(table, only('timeline-time-invalid'));
    assert.deepEqual(inTable.map(where), ['5:3-5:7']);
    assert.equal(inTable[0].message, '`soon` is not a time of day (expected HH:MM).');
  });

  it('accepts valid times with dates, zones and am/pm', () => {
    const text = '## Timeline\n\n- **2026-03-14 14:02 UTC** — a\n- 2:10 pm — b\n- 14:30:15 +02:00 — c\n';
    assert.deepEqual(lint(text, only('timeline-time-invalid')), []);
  });
});

describe('rule front-matter', () => {
  it('flags unknown severity, status, impossible dates and zones, at the value', () => {
    const text = '---\nseverity: SEV7\nstatus: done\ndate: 2026-02-30\ntimezone: Mars/Base\n---\n\n# T\n';
    const found = lint(text, only('front-matter'));
    assert.deepEqual(found.map(where), ['2:11-2:15', '3:9-3:13', '4:7-4:17', '5:11-5:20']);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['SEV7', 'done', '2026-02-30', 'Mars/Base']);
    assert.deepEqual(found.map((f) => f.message), [
      '`SEV7` is not a severity; use one of SEV1, SEV2, SEV3, SEV4, SEV5, P0, P1, P2, P3, P4, critical, high, medium, low.',
      '`done` is not a status; use draft, in-review or final.',
      'Date: 2026-02-30 is not a real date.',
      '`Mars/Base` is not a time zone; use UTC, an offset like +02:00, or an IANA name like Europe/Berlin.',
    ]);
    assert.ok(found.every((f) => f.severity === 'error'));
  });

  it('flags key lines, invalid YAML and an unclosed block', () => {
    const keyLines = '# T\n\n**Severity:** SEV9\n**Status:** finished\n';
    assert.deepEqual(lint(keyLines, only('front-matter')).map((f) => `${where(f)} ${sliceRange(keyLines, f.range)}`), ['3:15-3:19 SEV9', '4:13-4:21 finished']);
    const yaml = lint('---\ntitle: [oops\n---\n\n# T\n', only('front-matter'));
    assert.equal(yaml.length, 1);
    assert.match(yaml[0].message, /^Front matter is not valid YAML: /);
    assert.equal(yaml[0].range.start.line + 1, 2);
    const unclosed = lint('---\ntitle: x\n\n# T\n', only('front-matter'));
    assert.deepEqual(unclosed.map((f) => `${where(f)} ${f.message}`), ['1:1-1:4 Front matter starts with `---` but is never closed by a `---` line.']);
  });

  it('accepts synonyms and case variants', () => {
    const text = '---\nsev: p1\nstate: In Review\nincident date: 2026-02-28\ntz: Europe/Berlin\n---\n\n# T\n';
    assert.deepEqual(lint(text, only('front-matter')), []);
  });
});

describe('rule file-size', () => {
  it('reports once, at 1:1, and analyses nothing else', () => {
    const text = 'This was human error.\n'.repeat(10);
    const { findings } = analyzeText(text, { today: TODAY, maxFileSize: 100 });
    assert.deepEqual(findings.map((f) => `${f.rule} ${f.severity} ${where(f)}`), ['file-size info 1:1-1:1']);
    assert.match(findings[0].message, /postmortem\.maxFileSize/);
    assert.deepEqual(analyzeText(text, { today: TODAY, maxFileSize: 1000, config: only('file-size') }).findings, []);
  });
});

describe('needs-work example matches EXPECTED.md', () => {
  const text = fixture('examples/needs-work.postmortem.md');
  const findings = lint(text);
  // [line, rule, exact text of the range] — the rows of EXPECTED.md.
  const rows: Array<[number, RuleId, string]> = [
    [3, 'front-matter', 'SEV7'],
    [4, 'front-matter', 'done'],
    [5, 'front-matter', '2026-02-30'],
    [12, 'blame-wording', 'because Dave pushed'],
    [12, 'blame-wording', 'human error'],
    [18, 'timeline-order', '10:12'],
    [19, 'timeline-time-invalid', '25:61'],
    [23, 'blame-wording', 'should have checked'],
    [23, 'blame-wording', 'failed to'],
    [24, 'blame-wording', 'careless'],
    [28, 'action-item-owner', 'Add config validation to the deploy pipeline'],
    [28, 'action-item-deadline', 'Add config validation to the deploy pipeline'],
    [29, 'action-item-deadline', 'Write a runbook for login outages'],
    [30, 'action-item-deadline-invalid', '2026-13-01'],
    [30, 'blame-wording', 'Retrain Dave'],
    [31, 'action-item-overdue', '2025-01-10'],
  ];

  for (const [line, rule, exact] of rows) {
    it(`line ${line}: ${rule} on "${exact}"`, () => {
      const hit = findings.find((f) => f.rule === rule && f.range.start.line + 1 === line && sliceRange(text, f.range) === exact);
      assert.ok(hit, `missing; got ${JSON.stringify(findings.map((f) => `${f.range.start.line + 1} ${f.rule} ${sliceRange(text, f.range)}`))}`);
    });
  }

  it('required-section: Impact is missing, reported at the top (the title heading)', () => {
    const missing = ofRule(findings, 'required-section');
    assert.equal(missing.length, 1);
    assert.ok(missing[0].range.start.line + 1 <= 8);
    assert.match(missing[0].message, /"Impact" section is missing/);
  });

  it('"Retrain Dave" is info while the other blame findings are warnings', () => {
    const blame = ofRule(findings, 'blame-wording');
    assert.deepEqual(blame.map((f) => f.severity), ['warning', 'warning', 'warning', 'warning', 'warning', 'info']);
  });

  it('has no errors or warnings beyond the expected rows', () => {
    const expected = new Set(rows.map(([line, rule]) => `${line} ${rule}`).concat('8 required-section'));
    const extra = findings.filter((f) => !expected.has(`${f.range.start.line + 1} ${f.rule}`));
    assert.deepEqual(extra, []);
  });
});

describe('clean examples', () => {
  for (const name of ['checkout-latency', 'firmware-ota']) {
    it(`${name}: no findings at all on ${TODAY}`, () => {
      assert.deepEqual(lint(fixture(`examples/${name}.postmortem.md`)), []);
    });

    it(`${name}: once deadlines pass, only info-level overdue on the open items`, () => {
      const text = fixture(`examples/${name}.postmortem.md`);
      const later = lint(text, defaultConfig(), '2027-01-01');
      assert.equal(later.length, 3);
      assert.ok(later.every((f) => f.rule === 'action-item-overdue' && f.severity === 'info'));
      const doneLines = analyzeText(text).doc.actionItems.filter((a) => a.done).map((a) => a.range.start.line);
      assert.ok(later.every((f) => !doneLines.includes(f.range.start.line)));
    });
  }
});

describe('suppression comments', () => {
  const body = (summary: string) => postmortem({ summary });

  it('disable-next-line silences one rule on the next line only', () => {
    const text = body('<!-- postmortem-disable-next-line blame-wording -->\nThis was human error.\n\nThis was human error.');
    const found = lint(text);
    assert.deepEqual(found.map((f) => `${f.rule} ${f.range.start.line + 1}`), ['blame-wording 8']);
  });

  it('disable-next-line for another rule does not silence blame-wording', () => {
    const text = body('<!-- postmortem-disable-next-line timeline-order -->\nThis was human error.');
    assert.deepEqual(lint(text).map((f) => `${f.rule} ${f.range.start.line + 1}`), ['blame-wording 6']);
  });

  it('disable ... enable silences a block', () => {
    const text = body('<!-- postmortem-disable blame-wording -->\nThis was human error.\n\nHe was careless.\n<!-- postmortem-enable blame-wording -->\n\nThis was human error.');
    assert.deepEqual(lint(text).map((f) => `${f.rule} ${f.range.start.line + 1}`), ['blame-wording 11']);
  });

  it('disable without rule names silences every rule until enable', () => {
    const text = body('<!-- postmortem-disable -->\nThis was human error.\n<!-- postmortem-enable -->\n\nHe was careless.');
    assert.deepEqual(lint(text).map((f) => `${f.rule} ${f.range.start.line + 1}`), ['blame-wording 9']);
  });

  it('disable-file silences every rule, or only the named ones', () => {
    const text = (directive: string) => `${directive}\n${postmortem({ summary: 'This was human error.', actions: '- [ ] Nobody owns this' })}`;
    assert.deepEqual(lint(text('<!-- postmortem-disable-file -->')), []);
    assert.deepEqual(
      lint(text('<!-- postmortem-disable-file blame-wording -->')).map((f) => f.rule),
      ['action-item-owner', 'action-item-deadline'],
    );
  });

  it('comments inside code blocks do not count', () => {
    const text = body('```\n<!-- postmortem-disable-file -->\n```\n\nThis was human error.');
    assert.deepEqual(lint(text).map((f) => f.rule), ['blame-wording']);
  });
});

describe('severities from configuration', () => {
  const text = postmortem({
    summary: 'This was human error.',
    actions: '- [ ] Retrain Dave on deployments — @lead, due 2026-04-01\n- [ ] Nobody owns this',
  });

  it('off, info and error override the defaults', () => {
    const config = resolveConfig({ rules: { 'blame-wording': 'error', 'action-item-owner': 'off', 'action-item-deadline': 'info' } }).config;
    const found = lint(text, config);
    assert.deepEqual(found.map((f) => `${f.rule} ${f.severity}`), ['blame-wording error', 'blame-wording info', 'action-item-deadline info']);
  });

  it('a finding keeps its milder severity ("Retrain Dave" stays info) but never gets harsher than the rule', () => {
    const atError = lint(text, resolveConfig({ rules: { 'blame-wording': 'error' } }).config).filter((f) => f.rule === 'blame-wording');
    assert.deepEqual(atError.map((f) => f.severity), ['error', 'info']);
    const atInfo = lint(text, resolveConfig({ rules: { 'blame-wording': 'info' } }).config).filter((f) => f.rule === 'blame-wording');
    assert.deepEqual(atInfo.map((f) => f.severity), ['info', 'info']);
  });

  it('`rules.<id>: level` keys work in .postmortemrc.yaml too', () => {
    const parsed = parseConfigFile('rules.blame-wording: info\nrules:\n  action-item-owner: off\n');
    assert.deepEqual(parsed.errors, []);
    const config = resolveConfig(parsed.config).config;
    assert.equal(config.rules['blame-wording'], 'info');
    assert.equal(config.rules['action-item-owner'], 'off');
  });
});

describe('configuration precedence: defaults < .postmortemrc.yaml < settings', () => {
  const file = parseConfigFile(
    [
      'rules:',
      '  action-item-owner: error',
      '  action-item-deadline: off',
      'requiredSections: [Summary, Impact]',
      'blameWording:',
      '  extraPatterns: ["cowboy coding"]',
      'filePatterns: ["docs/postmortems/*.md"]',
      'maxFileSize: 200000',
      'timezone: Europe/Berlin',
    ].join('\n'),
  );

  it('the file parses without errors', () => {
    assert.deepEqual(file.errors, []);
  });

  it('the file overrides the defaults', () => {
    const result = resolveConfig(file.config);
    assert.equal(result.config.rules['action-item-owner'], 'error');
    assert.equal(result.config.rules['action-item-deadline'], 'off');
    assert.equal(result.config.rules['blame-wording'], 'warning');
    assert.deepEqual(result.config.requiredSections, ['summary', 'impact']);
    assert.deepEqual(result.config.blameWording.extraPatterns, ['cowboy coding']);
    assert.deepEqual(result.filePatterns, ['docs/postmortems/*.md']);
    assert.equal(result.maxFileSize, 200000);
    assert.equal(result.timezone, 'Europe/Berlin');
  });

  it('settings override the file, key by key', () => {
    const settingsErrors: string[] = [];
    const settings: UserConfig = validateUserConfig({ rules: { 'action-item-owner': 'info' }, requiredSections: ['Timeline'], timezone: 'UTC' }, 'Settings', settingsErrors);
    assert.deepEqual(settingsErrors, []);
    const result = resolveConfig(file.config, settings);
    assert.equal(result.config.rules['action-item-owner'], 'info');
    assert.equal(result.config.rules['action-item-deadline'], 'off');
    assert.deepEqual(result.config.requiredSections, ['timeline']);
    assert.deepEqual(result.config.blameWording.extraPatterns, ['cowboy coding']);
    assert.equal(result.timezone, 'UTC');
    assert.equal(result.maxFileSize, 200000);
  });

  it('without layers, the defaults are the rules\' default severities', () => {
    const result = resolveConfig();
    for (const rule of RULES) assert.equal(result.config.rules[rule.id], rule.defaultSeverity);
    assert.deepEqual(result.config.requiredSections, ['summary', 'impact', 'timeline', 'rootCause', 'actionItems']);
    assert.deepEqual(result.errors, []);
  });
});

describe('invalid configuration gives clear errors and never throws', () => {
  it('bad YAML', () => {
    const parsed = parseConfigFile('rules: [oops\n');
    assert.deepEqual(parsed.config, {});
    assert.equal(parsed.errors.length, 1);
    assert.match(parsed.errors[0], /^\.postmortemrc\.yaml: /);
  });

  // Regression (fixed; src/core/config.ts parseConfigFile): `prettyErrors: false` leaves `linePos` unset, so every YAML error says "(line ?)".
  it('bad YAML: names the line of the error', () => {
    const parsed = parseConfigFile('rules:\n  a: b\n c: d\n');
    assert.match(parsed.errors[0], /\(line 3\)/);
  });

  it('a list or scalar instead of a mapping', () => {
    assert.deepEqual(parseConfigFile('- a\n- b\n').errors, ['.postmortemrc.yaml: expected a mapping of settings (rules, requiredSections, blameWording, ...)']);
    assert.deepEqual(parseConfigFile('').errors, []);
  });

  it('unknown rule, bad severity value, unknown section, unknown key — the valid parts are kept', () => {
    const parsed = parseConfigFile('rules:\n  no-such-rule: error\n  blame-wording: loud\n  empty-section: off\nfoo: 1\nrequiredSections: [Summary, Nonsense]\n');
    assert.deepEqual(parsed.errors, [
      '.postmortemrc.yaml: unknown key "foo"',
      `.postmortemrc.yaml: unknown rule "no-such-rule" (known: ${RULE_IDS.join(', ')})`,
      '.postmortemrc.yaml: rule "blame-wording" should be off, info, warning or error, not "loud"',
      '.postmortemrc.yaml: unknown section "Nonsense" in requiredSections (known: Summary, Impact, Timeline, Root Cause, Detection, Response, Resolution, Action Items, Lessons Learned, Follow-up Review, Metrics)',
    ]);
    assert.deepEqual(parsed.config.rules, { 'empty-section': 'off' });
    assert.deepEqual(parsed.config.requiredSections, ['Summary']);
    const config = resolveConfig(parsed.config).config;
    assert.equal(config.rules['blame-wording'], 'warning');
    assert.equal(config.rules['empty-section'], 'off');
  });

  it('wrong types for every key', () => {
    const parsed = parseConfigFile('rules: off\nrequiredSections: Summary\nblameWording: [a]\nfilePatterns: x\nmaxFileSize: -1\ntimezone: 3\n');
    assert.deepEqual(parsed.errors, [
      '.postmortemrc.yaml: "rules" should map rule ids to off, info, warning or error',
      '.postmortemrc.yaml: "requiredSections" should be a list of section names',
      '.postmortemrc.yaml: "blameWording" should have "extraPatterns" and/or "allow" lists',
      '.postmortemrc.yaml: "filePatterns" should be a list of glob patterns',
      '.postmortemrc.yaml: "maxFileSize" should be a positive number of characters',
      '.postmortemrc.yaml: "timezone" should be a string like UTC or Europe/Berlin',
    ]);
    assert.deepEqual(parsed.config, {});
  });

  it('a bad extra regex is reported; the other patterns still work', () => {
    const parsed = parseConfigFile('blameWording:\n  extraPatterns: ["/(unclosed/", "cowboy coding"]\n');
    assert.deepEqual(parsed.errors, []);
    const result = resolveConfig(parsed.config);
    assert.equal(result.errors.length, 1);
    assert.match(result.errors[0], /^blameWording\.extraPatterns: Invalid blame-wording pattern "\/\(unclosed\/": /);
    const found = lint(postmortem({ summary: 'Some cowboy coding happened.' }), result.config);
    assert.deepEqual(found.map((f) => f.rule), ['blame-wording']);
  });

  it('uses the given file name in messages', () => {
    assert.deepEqual(parseConfigFile('foo: 1\n', 'team/.postmortemrc.yml').errors, ['team/.postmortemrc.yml: unknown key "foo"']);
  });

  it('never throws on odd input', () => {
    for (const text of ['\u0000\u0001', ':::', '[1, 2', 'rules:\n  - a\n', 'rules: { a: { b: c } }', '!!binary x', '*alias', '---\n---\n', 'rules: ~']) {
      assert.doesNotThrow(() => {
        const parsed = parseConfigFile(text);
        resolveConfig(parsed.config);
      }, JSON.stringify(text));
    }
  });
});

describe('quick fixes: apply the edits, then re-lint', () => {
  /** The one finding of `rule`, its fix applied as inserted (placeholders as written) and as completed by the user. */
  function fixOne(text: string, rule: RuleId, typed: Record<number, string> = {}, config = only(rule)): { inserted: string; completed: string; finding: Finding } {
    const found = lint(text, config);
    assert.equal(found.length, 1, JSON.stringify(found.map((f) => `${f.rule} ${where(f)}`)));
    assert.equal(found[0].rule, rule);
    return { inserted: applyFix(text, found[0]), completed: applyFix(text, found[0], typed), finding: found[0] };
  }

  /** How the "add missing section" fix writes a section (heading, blank line, skeleton). */
  function block(kind: SectionKind): string {
    const def = sectionDefinition(kind);
    return `## ${def.label}\n\n${def.skeleton}`;
  }

  it('owner: appended to a task item without a tail', () => {
    const text = '## Action Items\n\n- [ ] Add config validation\n';
    const { inserted, completed, finding } = fixOne(text, 'action-item-owner', { 1: '@sam' });
    assert.equal(finding.fixes![0].title, 'Add an owner');
    assert.equal(inserted, '## Action Items\n\n- [ ] Add config validation — @owner\n');
    assert.equal(completed, '## Action Items\n\n- [ ] Add config validation — @sam\n');
    assert.deepEqual(lint(completed, only('action-item-owner')), []);
    assert.equal(analyzeText(completed).doc.actionItems[0].owner, '@sam');
  });

  it('owner: put before an existing " — due ..." tail', () => {
    const text = '## Action Items\n\n- [ ] Write a runbook — due 2026-04-01\n';
    const { inserted, completed } = fixOne(text, 'action-item-owner', { 1: 'owner: Kim Lee' });
    assert.equal(inserted, '## Action Items\n\n- [ ] Write a runbook — @owner, due 2026-04-01\n');
    assert.equal(completed, '## Action Items\n\n- [ ] Write a runbook — owner: Kim Lee, due 2026-04-01\n');
    assert.deepEqual(lint(completed, only('action-item-owner', 'action-item-deadline')), []);
    const item = analyzeText(completed).doc.actionItems[0];
    assert.deepEqual([item.text, item.owner, item.due], ['Write a runbook', 'Kim Lee', '2026-04-01']);
  });

  // Regression: the separator test once matched "\n- " of the next item and inserted past the end of the line.
  it('owner: appended to a task item followed by another list item', () => {
    const text = '## Action Items\n\n- [ ] Add config validation\n- [ ] Write a runbook — @sam, due 2026-04-01\n';
    const found = lint(text, only('action-item-owner'));
    assert.equal(applyFix(text, found[0], { 1: '@kim' }), '## Action Items\n\n- [ ] Add config validation — @kim\n- [ ] Write a runbook — @sam, due 2026-04-01\n');
  });

  it('deadline: appended after an owner, or with a separator when there is none', () => {
    const withOwner = '## Action Items\n\n- [ ] Write a runbook — @sam\n';
    const a = fixOne(withOwner, 'action-item-deadline', { 1: '2026-05-01' });
    assert.equal(a.finding.fixes![0].title, 'Add a deadline');
    assert.equal(a.inserted, `## Action Items\n\n- [ ] Write a runbook — @sam, due ${DEFAULT_DUE}\n`);
    assert.equal(a.completed, '## Action Items\n\n- [ ] Write a runbook — @sam, due 2026-05-01\n');
    assert.deepEqual(lint(a.inserted, only('action-item-deadline', 'action-item-owner')), []);
    assert.equal(analyzeText(a.completed).doc.actionItems[0].due, '2026-05-01');

    const bare = '## Action Items\n\n- [ ] Write a runbook';
    const b = fixOne(bare, 'action-item-deadline');
    assert.equal(b.inserted, `## Action Items\n\n- [ ] Write a runbook — due ${DEFAULT_DUE}`);
    assert.deepEqual(lint(b.inserted, only('action-item-deadline')), []);
  });

  // Regression (fixed; src/core/rules/actionItemDeadline.ts deadlineFix): the deadline goes to the end of the item's FIRST line,
  // i.e. into the middle of a wrapped item's text, instead of after the text/owner.
  it('deadline: appended after the owner of a wrapped task item', () => {
    const text = '## Action Items\n\n- [ ] Add config validation to the\n  deploy pipeline — @sam\n';
    const found = lint(text, only('action-item-deadline'));
    assert.equal(applyFix(text, found[0]), `## Action Items\n\n- [ ] Add config validation to the\n  deploy pipeline — @sam, due ${DEFAULT_DUE}\n`);
  });

  it('owner and deadline: filled into empty table cells', () => {
    const text = '## Action Items\n\n| Action | Owner | Due | Status |\n|---|---|---|---|\n| Add rev C units |  |  | Open |\n';
    const found = lint(text, only('action-item-owner', 'action-item-deadline'));
    assert.deepEqual(found.map((f) => f.rule), ['action-item-owner', 'action-item-deadline']);
    const cells = (t: string) => t.split('\n')[4].split('|').slice(1, -1).map((c) => c.trim());
    const inserted = applyEdits(text, [...found[0].fixes![0].edits, ...found[1].fixes![0].edits]);
    assert.deepEqual(cells(inserted), ['Add rev C units', '@owner', DEFAULT_DUE, 'Open']);
    // One fix after the other, as in the editor, typing into each tab stop.
    const withOwner = applyFix(text, found[0], { 1: 'Tomás Ortega' });
    const [deadline] = lint(withOwner, only('action-item-owner', 'action-item-deadline'));
    assert.equal(deadline.rule, 'action-item-deadline');
    const completed = applyFix(withOwner, deadline, { 1: '2026-05-20' });
    assert.deepEqual(cells(completed), ['Add rev C units', 'Tomás Ortega', '2026-05-20', 'Open']);
    assert.deepEqual(completed.split('\n').slice(0, 4), text.split('\n').slice(0, 4));
    assert.deepEqual(lint(completed, only('action-item-owner', 'action-item-deadline')), []);
    const item = analyzeText(completed).doc.actionItems[0];
    assert.deepEqual([item.owner, item.due, item.done], ['Tomás Ortega', '2026-05-20', false]);
  });

  it('missing section: inserted between its canonical neighbours', () => {
    const text = '# Login outage\n\n## Summary\n\nLogin was down.\n\n## Timeline\n\n- 10:00 — x\n\n## Root Cause\n\ny\n\n## Action Items\n\n- [ ] a — @b, due 2026-04-01\n';
    const { inserted, finding } = fixOne(text, 'required-section');
    assert.equal(finding.fixes![0].title, 'Add the "Impact" section');
    assert.equal(inserted, text.replace('Login was down.\n\n', `Login was down.\n\n${block('impact')}\n\n`));
    assert.deepEqual(lint(inserted, only('required-section')), []);
    const kinds = analyzeText(inserted).doc.allSections.map((s) => s.kind ?? s.heading);
    assert.deepEqual(kinds, ['Login outage', 'summary', 'impact', 'timeline', 'rootCause', 'actionItems']);
  });

  it('missing section: before the first later section when nothing earlier exists, and at the end otherwise', () => {
    const noSummary = '# T\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:00 — x\n\n## Root Cause\n\ny\n\n## Action Items\n\n- [ ] a — @b, due 2026-04-01\n';
    const a = fixOne(noSummary, 'required-section');
    assert.equal(a.inserted, noSummary.replace('# T\n\n', `# T\n\n${block('summary')}\n\n`));
    assert.deepEqual(lint(a.inserted, only('required-section')), []);

    const noActions = '# T\n\n## Summary\n\ns\n\n## Impact\n\nx\n\n## Timeline\n\n- 10:00 — x\n\n## Root Cause\n\ny\n';
    const b = fixOne(noActions, 'required-section');
    assert.equal(b.inserted, `${noActions.trimEnd()}\n\n${block('actionItems')}\n`);
    assert.deepEqual(lint(b.inserted, only('required-section')), []);
  });

  it('missing section: keeps CRLF line endings', () => {
    const text = '# T\r\n\r\n## Summary\r\n\r\ns\r\n\r\n## Timeline\r\n\r\n- 10:00 — x\r\n\r\n## Root Cause\r\n\r\ny\r\n\r\n## Action Items\r\n\r\n- [ ] a — @b, due 2026-04-01\r\n';
    const { inserted } = fixOne(text, 'required-section');
    assert.ok(!/[^\r]\n/.test(inserted), JSON.stringify(inserted));
    assert.ok(inserted.includes(`s\r\n\r\n${block('impact').replace(/\n/g, '\r\n')}\r\n\r\n## Timeline`));
    assert.deepEqual(lint(inserted, only('required-section')), []);
  });

  it('blame wording: the rewording replaces exactly the flagged words', () => {
    const text = postmortem({ summary: 'This was human error.', rootCause: 'The on-call engineer should have checked the config. Dave failed to run the linter.' });
    const found = lint(text);
    assert.deepEqual(found.map((f) => sliceRange(text, f.range)), ['human error', 'should have checked', 'failed to']);
    assert.deepEqual(found.map((f) => f.fixes![0].title), ['Reword as "a gap in our safeguards"', 'Reword as "had no automated check for"', 'Reword as "did not"']);
    const after = applyEdits(text, found.flatMap((f) => f.fixes![0].edits));
    assert.equal(after, postmortem({ summary: 'This was a gap in our safeguards.', rootCause: 'The on-call engineer had no automated check for the config. Dave did not run the linter.' }));
    assert.deepEqual(lint(after), []);
  });

  it('blame wording without a mechanical rewording offers no edit', () => {
    const text = postmortem({ summary: 'He was careless with the flag.' });
    const [finding] = lint(text);
    assert.equal(sliceRange(text, finding.range), 'careless');
    assert.deepEqual(finding.fixes, []);
  });

  it('needs-work: the Impact section lands between Summary and Timeline', () => {
    const text = fixture('examples/needs-work.postmortem.md');
    const impact = ofRule(lint(text), 'required-section')[0];
    const after = applyFix(text, impact);
    assert.deepEqual(ofRule(lint(after), 'required-section'), []);
    assert.deepEqual(after.split('\n').filter((l) => l.startsWith('## ')), ['## Summary', '## Impact', '## Timeline', '## Root Cause', '## Action Items']);
  });
});
