import assert from 'node:assert/strict';
import { resolveConfig } from '../../../../src/core/config';
import { sectionKindOf } from '../../../../src/core/model/sections';
import { sliceRange, where, only, lint, postmortem } from './helpers';

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

  it('impact stated in a short intro is a hint, not a missing section ("After today\'s deployment we faced a downtime …")', () => {
    const text = "# Downtime\n\nAfter today's deployment we faced a downtime of our reference server for half an hour.\n\n## Why did it happen?\n\nA refactoring moved files.\n\n## Timeline\n\n- 10:00 — deploy\n\n## Action items\n\n- [ ] a — @b, due 2026-04-01\n";
    const found = lint(text, only('required-section'));
    assert.deepEqual(found.map((f) => f.severity), ['info']);
    assert.match(found[0].message, /^No "Impact" section; it seems to be described under "Downtime" \(line 3\)/);
  });

  it('impact told under "What happened?", however short, is a hint (FT origami 2016-11-11, dev8); the same line in a Summary is still missing', () => {
    const body = '\n\nImages that had particularly long urls would fail to load.\n\n## Cause\n\nA header was too long.\n\n## Timeline\n\n- 10:00 — deploy\n\n## Action items\n\n- [ ] a — @b, due 2026-04-01\n';
    const found = lint(`# Markets were offline\n\n## Summary\n\nDate: 3 Nov 2016.\n\n## What happened?${body}`, only('required-section'));
    assert.deepEqual(found.map((f) => f.severity), ['info']);
    assert.match(found[0].message, /^No "Impact" section; it seems to be described under "What happened\?" \(line 9\)/);
    // In a post-mortem started from the template (front matter with a severity), the one line in the Summary does not replace the section.
    const summary = lint(`---\nseverity: SEV2\n---\n# Markets were offline\n\n## Summary${body}`, only('required-section'));
    assert.deepEqual(summary.map((f) => f.severity), ['warning']);
  });

  it('outside the template, impact told in a one-line Summary is a hint, as `explain` reports it (edgi 2019-01-18, nibiru ITN2; dev)', () => {
    const body = '# Postmortem\n\n## Summary\n\nOn Sept 30 the `itn-2` network halted at block `1131575`.\n\n## Root Cause\n\nA bug.\n\n## Timeline\n\n- 10:00 — halt\n\n## Action items\n\n- [ ] a — @b, due 2026-04-01\n';
    const found = lint(body, only('required-section'));
    assert.deepEqual(found.map((f) => f.severity), ['info']);
    assert.match(found[0].message, /^No "Impact" section; it seems to be described under "Summary" \(line 5\)/);
    // An invalid severity still marks the template: the shared needs-work example keeps its warning.
    assert.deepEqual(lint(`---\nseverity: SEV7\n---\n${body}`, only('required-section')).map((f) => f.severity), ['warning']);
    // Impact words in a timeline event tell a moment, not the impact ("all our nodes just died" at 11:17; ethereum berlin, dev).
    const inTimeline = lint(body.replace('the `itn-2` network halted at block `1131575`', 'We upgraded').replace('- 10:00 — halt', '- 10:00 — all our nodes just died, users could not log in'), only('required-section'));
    assert.deepEqual(inTimeline.map((f) => f.severity), ['warning']);
  });

  it('a heading with a one-letter typo still names its section ("Root Cuase", "Timelien", "Lessons Leanred"), not a different word', () => {
    assert.deepEqual(['Root Cuase', 'Timelien', 'Action Itmes', 'Lessons Leanred', 'Impcat', 'Summery', 'Deletion', 'Deployment', 'Notes'].map((h) => sectionKindOf(h) ?? null), ['rootCause', 'timeline', 'actionItems', 'lessonsLearned', 'impact', 'summary', null, null, null]);
    const text = postmortem().replace('## Root Cause', '## Root Cuase').replace('## Timeline', '## Timelien');
    assert.deepEqual(lint(text, only('required-section')), []);
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

