/**
 * Runs the fuzz properties of test/fuzz/ with the default number of runs (env FUZZ_RUNS, default
 * 300 per property) as part of `npm run test:unit`; `npm run test:fuzz` runs them at full size.
 * Also holds regression tests for the bugs the fuzzing found, each with its reproducing fixture.
 */
import assert from 'node:assert/strict';
import { analyzeText } from '../../src/core/analyze';
import { disableRuleEdits } from '../../src/core/features/fixes';
import { checkRanges, collectRanges, formatIssues, LONE_SURROGATE } from '../fuzz/invariants';
import { loadRenderers } from '../fuzz/renderers';
// The properties themselves: the module registers its describe block when imported.
import '../fuzz/core.fuzz';
import { fixture } from './helpers';

describe('fuzz: bugs found by fuzzing stay fixed (fixtures in test/fixtures/bugs/)', function () {
  // Was: src/core/features/fixes.ts disableRuleEdits inserted "Disable <rule> in this file" at
  // { line: lineCount, character: 0 }, one line past the end, when the front matter's closing `---`
  // was the last line (no newline after it).
  it('"disable in this file" stays inside a document that ends with its front matter', function () {
    const text = fixture('bugs/disable-file-after-front-matter-at-eof.postmortem.md');
    const { doc, findings } = analyzeText(text);
    assert.ok(findings.length > 0);
    const edits = disableRuleEdits(doc, findings[0].rule, findings[0].range.start.line).flatMap((f) => f.edits);
    const issues = checkRanges(doc, collectRanges(edits, 'edits'));
    assert.deepEqual(issues, [], formatIssues(issues));
  });

  // Was: src/core/timelineView/svg.ts wrapText cut words by UTF-16 index, splitting surrogate pairs
  // of long emoji runs: the SVG held lone surrogates and the PNG export (encodeURIComponent in
  // media/timeline/app.ts) threw `URIError: URI malformed`.
  it('the timeline SVG never splits a surrogate pair (long emoji title and event)', async function () {
    const renderers = await loadRenderers();
    const analysis = analyzeText(fixture('bugs/svg-emoji-title.postmortem.md'), { today: '2026-03-20' });
    const svg = renderers.timelineSvg(analysis, '2026-03-20');
    assert.equal(LONE_SURROGATE.test(svg), false, 'lone surrogate in the SVG');
    assert.doesNotThrow(() => encodeURIComponent(svg));
  });

  // Was: YAML escapes in front matter (`title: "Outage \ud83d"`) decoded to lone surrogates that
  // reached the SVG as they were (not well-formed XML; the PNG export's encodeURIComponent threw).
  it('a lone surrogate from a YAML escape does not reach the SVG', async function () {
    const renderers = await loadRenderers();
    const analysis = analyzeText(fixture('bugs/svg-yaml-escaped-surrogate.postmortem.md'), { today: '2026-03-20' });
    const svg = renderers.timelineSvg(analysis, '2026-03-20');
    assert.equal(LONE_SURROGATE.test(svg), false, 'lone surrogate in the SVG');
    assert.doesNotThrow(() => encodeURIComponent(svg));
  });
});
