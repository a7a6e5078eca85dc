import assert from 'node:assert/strict';
import { parse as parseYaml } from 'yaml';
import { fixAllEdits, disableRuleEdits } from '../../../../src/core/features/fixes';
import { createGlossary } from '../../../../src/core/glossary/index';
import { documentValue, hoverAt } from '../../../../src/core/features/hover';
import { buildOutline, foldingRegions } from '../../../../src/core/features/outline';
import { analyzeText } from '../../../../src/core/analyze';
import { parsePostmortem } from '../../../../src/core/model/parse';
import { scaffoldPostmortem, slugify } from '../../../../src/core/features/scaffold';
import { fixture, parseFixture } from '../../helpers';

const glossary = createGlossary();
const TODAY = '2026-03-20';

function positionOf(text: string, needle: string, delta = 0) {
  const offset = text.indexOf(needle) + delta;
  assert.ok(offset >= delta, `${needle} not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

describe('hovers', () => {
  const text = fixture('examples/checkout-latency.postmortem.md').replace('Review of action items', 'Our MTTR target is 30 minutes. Review of action items');
  const doc = parsePostmortem(text);

  it('MTTR shows the definition and this incident\u2019s time to resolve', () => {
    const hover = hoverAt(doc, glossary, positionOf(text, 'MTTR', 1), TODAY);
    assert.ok(hover);
    assert.match(hover.contents, /\*\*MTTR\*\* — mean time to restore/);
    assert.match(hover.contents, /time to resolve \*\*1 h 32 min\*\* \(13:48 Z → 15:20 Z\)/);
    assert.equal(text.split('\n')[hover.range.start.line].slice(hover.range.start.character, hover.range.end.character), 'MTTR');
  });

  it('SLO inside a timeline event explains the term, not the time', () => {
    const hover = hoverAt(doc, glossary, positionOf(text, '2 s SLO', 5), TODAY);
    assert.match(hover!.contents, /SLO/);
    assert.match(hover!.contents, /service level objective/i);
  });

  it('"Blast radius:" in the Impact section shows the statement on that line, not the front matter', () => {
    const hover = hoverAt(doc, glossary, positionOf(text, 'Blast radius', 2), TODAY);
    assert.match(hover!.contents, /\*\*This line:\*\* EU checkout only\. US and APAC use a different gateway region/);
    assert.doesNotMatch(hover!.contents, /18% of checkout requests/);
  });

  it('blast radius in running text shows the impact statement', () => {
    const prose = parsePostmortem('---\nimpact: 18% of checkout requests timed out\n---\n\n## Summary\n\nThe blast radius was small.\n');
    const hover = hoverAt(prose, glossary, positionOf('---\nimpact: 18% of checkout requests timed out\n---\n\n## Summary\n\nThe blast radius was small.\n', 'blast radius', 2), TODAY);
    assert.match(hover!.contents, /\*\*This incident:\*\* 18% of checkout requests timed out/);
  });

  it('timeline times show T+ from the start', () => {
    const hover = hoverAt(doc, glossary, positionOf(text, '15:20 — [resolved]', 1), TODAY);
    assert.match(hover!.contents, /T\+1 h 32 min from the start of the incident \(13:48 Z\)/);
    const before = hoverAt(doc, glossary, positionOf(text, '13:40 —', 1), TODAY);
    assert.match(before!.contents, /8 min before the start/);
  });

  it('deadlines show due in / overdue by', () => {
    assert.match(hoverAt(doc, glossary, positionOf(text, '2026-04-15', 3), TODAY)!.contents, /due in 26 days · owner Priya Natarajan/);
    assert.match(hoverAt(doc, glossary, positionOf(text, 'due 2026-03-14', 6), TODAY)!.contents, /2026-03-14/);
    assert.match(hoverAt(doc, glossary, positionOf(text, 'due 2026-03-21', 6), '2026-03-24')!.contents, /overdue by 3 days/);
  });

  it('no hover inside code spans or on plain words', () => {
    const code = parsePostmortem('## Summary\n\nThe `MTTR` metric and plain words.\n');
    assert.equal(hoverAt(code, glossary, { line: 2, character: 6 }, TODAY), undefined);
    assert.equal(hoverAt(code, glossary, { line: 2, character: 25 }, TODAY), undefined);
  });

  it('unknown values say how to provide them', () => {
    const empty = parsePostmortem('## Summary\n\nMTTR\n');
    const term = glossary.lookup('MTTR')!;
    assert.match(documentValue(term, empty)!, /not known yet/);
  });
});

describe('outline and folding', () => {
  it('sections nest under the title with events and action items as children', () => {
    const outline = buildOutline(parseFixture('examples/checkout-latency.postmortem.md'));
    assert.equal(outline.length, 1);
    assert.equal(outline[0].kind, 'title');
    const names = outline[0].children.map((c) => c.name);
    assert.deepEqual(names, ['Summary', 'Impact', 'Timeline', 'Root Cause', 'Resolution', 'Action Items', 'Lessons Learned', 'Follow-up Review']);
    const timeline = outline[0].children[2];
    assert.equal(timeline.children.length, 8);
    assert.equal(timeline.children[1].name, '13:48 p99 checkout latency rises above the 2 s SLO');
    assert.equal(timeline.children[1].detail, 'started');
    const actions = outline[0].children[5];
    assert.deepEqual(actions.children.map((c) => c.kind), ['openAction', 'openAction', 'openAction', 'doneAction']);
    assert.equal(actions.children[0].detail, 'open · @maria · due 2026-03-21');
    // Section rows never repeat their heading ("Summary summary"): counts, or what a heading was read as.
    const summary = outline[0].children.find((c) => c.name === 'Summary')!;
    assert.equal(summary.detail, '');
    assert.match(timeline.detail, /^\d+ events$/);
    assert.match(actions.detail, /^\d+ open · \d+ done$/);
    const read = buildOutline(parsePostmortem('# T\n\n## What went wrong\n\nThe pool was too small.\n'));
    assert.equal(read[0].children[0].detail, 'read as lessons learned');
  });

  it('day subheadings keep their events', () => {
    const outline = buildOutline(parseFixture('examples/firmware-ota.postmortem.md'));
    const timeline = outline[0].children.find((c) => c.name === 'Incident Timeline')!;
    assert.deepEqual(timeline.children.map((c) => [c.name, c.children.length]), [['2026-05-02', 5], ['2026-05-03', 2]]);
  });

  it('folding covers front matter, sections and tables', () => {
    const regions = foldingRegions(parseFixture('examples/firmware-ota.postmortem.md'));
    assert.ok(regions.some((r) => r.kind === 'table' && r.startLine === 16 && r.endLine === 20));
    assert.ok(regions.some((r) => r.kind === 'section' && r.startLine === 9));
    const checkout = foldingRegions(parseFixture('examples/checkout-latency.postmortem.md'));
    assert.deepEqual(checkout[0], { startLine: 0, endLine: 13, kind: 'frontMatter' });
  });
});

describe('new post-mortem scaffold', () => {
  it('slugs are short, ASCII and never empty', () => {
    assert.equal(slugify('Checkout latency spike after payments client upgrade!'), 'checkout-latency-spike-after-payments-client-upgrade');
    assert.equal(slugify('Zoë’s café: SEV1'), 'zoe-s-cafe-sev1');
    assert.equal(slugify('???'), 'incident');
    assert.ok(slugify('x'.repeat(200)).length <= 60);
  });

  it('the scaffold parses, has every required section and no errors', () => {
    const text = scaffoldPostmortem({ title: 'Login outage: "quoted"', severity: 'SEV2', date: '2026-11-25' });
    const front = parseYaml(text.split('---')[1]);
    assert.equal(front.title, 'Login outage: "quoted"');
    const { doc, findings } = analyzeText(text, { today: '2026-11-25' });
    assert.equal(doc.metadata.severity?.value, 'SEV2');
    for (const kind of ['summary', 'impact', 'timeline', 'rootCause', 'resolution', 'actionItems', 'lessonsLearned', 'followUpReview']) assert.ok(doc.allSections.some((s) => s.kind === kind), kind);
    assert.deepEqual(findings.filter((f) => f.severity === 'error').map((f) => f.message), []);
    assert.ok(findings.some((f) => f.rule === 'action-item-owner' && /placeholder/.test(f.message)));
  });
});

describe('fix all and suppression edits', () => {
  it('fix all adds owners, deadlines and the missing section in one pass', () => {
    let text = fixture('examples/needs-work.postmortem.md');
    for (let pass = 0; pass < 1; pass++) {
      const { doc, findings } = analyzeText(text, { today: TODAY });
      const edits = fixAllEdits(doc, findings);
      const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
      const lines = text.split('\n');
      for (const e of sorted) {
        const start = lines.slice(0, e.range.start.line).join('\n').length + (e.range.start.line ? 1 : 0) + e.range.start.character;
        const end = lines.slice(0, e.range.end.line).join('\n').length + (e.range.end.line ? 1 : 0) + e.range.end.character;
        text = text.slice(0, start) + e.newText + text.slice(end);
        lines.splice(0, lines.length, ...text.split('\n'));
      }
    }
    assert.match(text, /## Impact\n/);
    assert.ok(text.indexOf('## Impact') < text.indexOf('## Timeline'));
    assert.match(text, /- \[ \] Add config validation to the deploy pipeline — @owner, due 2026-04-03/);
    assert.match(text, /- \[ \] Write a runbook for login outages — @sam, due 2026-04-03/);
    const after = analyzeText(text, { today: TODAY }).findings.map((f) => f.rule);
    assert.ok(!after.includes('required-section'));
    assert.ok(!after.includes('action-item-deadline'));
  });

  it('disable comments are offered for lines outside tables, and for the file', () => {
    const doc = parseFixture('examples/firmware-ota.postmortem.md');
    assert.deepEqual(disableRuleEdits(doc, 'action-item-owner', 53).map((f) => f.title), ['Disable action-item-owner in this file']);
    const list = parseFixture('examples/needs-work.postmortem.md');
    const fixes = disableRuleEdits(list, 'blame-wording', 11);
    assert.equal(fixes[0].edits[0].newText, '<!-- postmortem-disable-next-line blame-wording -->\n');
    assert.deepEqual(fixes[1].edits[0].range.start, { line: 6, character: 0 });
  });
});

describe('regressions from the fuzz sweep', () => {
  it('the exported SVG holds no lone surrogates, even from YAML escapes', async () => {
    const { buildTimelineViewModel } = await import('../../../../src/core/timelineView/index');
    const { renderTimelineSvg } = await import('../../../../src/core/timelineView/svg');
    const analysis = analyzeText(fixture('bugs/svg-yaml-escaped-surrogate.postmortem.md'), { today: TODAY });
    const svg = renderTimelineSvg(buildTimelineViewModel(analysis, { today: TODAY }), {});
    assert.doesNotThrow(() => encodeURIComponent(svg));
  });

  it('a deadline keyword followed by a long run of spaces still reads the date', () => {
    const doc = parsePostmortem(`## Action Items\n\n- [ ] Fix it — @kim, due${' '.repeat(5000)}2026-04-01\n`);
    assert.equal(doc.actionItems[0].due, '2026-04-01');
  });
});

describe('outline of a long timeline with day subheadings', () => {
  // Every event used to be checked against every node placed before it (quadratic: a 300 KB document of
  // headings took 136 s); each now goes to its section by binary search.
  it('places 20,000 events under their 2,000 day headings', () => {
    const days = Array.from({ length: 2_000 }, (_, d) => `### Day ${d + 1}\n\n${Array.from({ length: 10 }, (_, i) => `- 10:${String(i).padStart(2, '0')} step ${d}.${i}`).join('\n')}`);
    const doc = parsePostmortem(`# Long\n\n## Timeline\n\n${days.join('\n\n')}\n`);
    const [title] = buildOutline(doc);
    const timeline = title.children.find((c) => c.name === 'Timeline')!;
    assert.equal(timeline.children.length, 2_000);
    assert.ok(timeline.children.every((day) => day.children.length === 10 && day.children.every((e) => e.kind === 'event')));
    assert.equal(timeline.children[1_999].children[9].name, '10:09 step 1999.9');
  });
});
