import assert from 'node:assert/strict';
import { AnalysisCancelled, analyzeText, ChunkCache } from '../../../../src/core/analyze';
import { parsePostmortem } from '../../../../src/core/model/parse';
import { fixture } from '../../helpers';

const TEXT = fixture('examples/needs-work.postmortem.md');
/** Forty sections of about 850 characters: forty chunks. */
const SECTIONS = `# Big\n\n${Array.from({ length: 40 }, (_, i) => `## Notes ${i}\n\n${'The cache warmed up slowly. '.repeat(30)}\n`).join('\n')}`;

describe('parse time budget and cancellation', () => {
  it('with no time left, every chunk is one plain-text paragraph and one info finding says from where', () => {
    const analysis = analyzeText(TEXT, { timeBudgetMs: 0, today: '2026-03-20' });
    const { doc } = analysis;
    assert.equal(doc.timeline.length, 0);
    assert.equal(doc.actionItems.length, 0);
    assert.ok(doc.blocks.length > 0 && doc.blocks.every((b) => b.kind === 'paragraph' && b.flattened));
    assert.equal(doc.blocks.map((b) => TEXT.slice(b.start, b.end)).join(''), TEXT, 'the blocks cover the document exactly');
    const limit = analysis.findings.filter((f) => f.rule === 'file-size');
    assert.equal(limit.length, 1);
    assert.match(limit[0].message, /could not be read within the time limit; from line 1 on it is read as plain text/);
    assert.equal(limit[0].severity, 'info');
    // Text that was not read is not judged: needs-work has blame-focused wording, none is reported.
    assert.deepEqual(analysis.findings.filter((f) => f.rule === 'blame-wording'), []);
  });

  it('after a reading ran out of memory (memoryLimitMb), the text is plain text and one info finding says so', () => {
    const analysis = analyzeText(TEXT, { memoryLimitMb: 768, today: '2026-03-20' });
    assert.equal(analysis.doc.timeline.length, 0);
    assert.ok(analysis.doc.blocks.every((b) => b.kind === 'paragraph' && b.flattened));
    const limit = analysis.findings.filter((f) => f.rule === 'file-size');
    assert.equal(limit.length, 1);
    assert.match(limit[0].message, /^Reading this document needed more than 768 MB of memory, the analysis's limit; it is read as plain text/);
    assert.equal(limit[0].severity, 'info');
    assert.equal(limit[0].range.start.line, 0);
    // Nothing else is said about text that was not read: no unclosed front matter, no missing sections.
    const withFrontMatter = analyzeText('---\nseverity: SEV2\n---\n# T\n\n## Summary\n\nA.\n', { memoryLimitMb: 768, today: '2026-03-20' });
    assert.deepEqual(withFrontMatter.findings.map((f) => f.rule), ['file-size']);
  });

  it('front matter over 64 K characters is not read: one front-matter finding, and the body is still read', () => {
    const text = `---\nseverity: SEV2\n${'key: value\n'.repeat(7000)}---\n# Big metadata\n\n## Timeline\n\n- 10:00 alert fires\n`;
    const analysis = analyzeText(text, { today: '2026-03-20' });
    const problems = analysis.doc.problems.filter((p) => p.code === 'front-matter-yaml');
    assert.equal(problems.length, 1);
    assert.match(problems[0].message, /^Front matter has 75 K characters, more than the 64 K read; it is not read/);
    assert.equal(problems[0].range.start.line, 1);
    assert.equal(analysis.doc.metadata.severity, undefined, 'nothing read from it');
    assert.equal(analysis.doc.timeline.length, 1);
  });

  it('a generous budget reads the document as without one', () => {
    assert.deepEqual(parsePostmortem(TEXT, { timeBudgetMs: 60_000 }), parsePostmortem(TEXT));
  });

  it('chunks already in the cache cost nothing: a later analysis with no time left still reads them', () => {
    const cache = new ChunkCache();
    const full = parsePostmortem(TEXT, { cache });
    const again = parsePostmortem(TEXT, { cache, timeBudgetMs: 0 });
    assert.deepEqual(again.timeline, full.timeline);
    assert.ok(!again.problems.some((p) => p.code === 'analysis-time-limit'));
  });

  it('the message names the budget and the line from which the text was left unread', () => {
    const text = SECTIONS;
    let calls = 0;
    const realNow = performance.now.bind(performance);
    // A clock that jumps 100 ms per reading: the budget of 250 ms is spent after a few chunks.
    performance.now = () => realNow() + 100 * calls++;
    try {
      const doc = parsePostmortem(text, { timeBudgetMs: 250 });
      const problem = doc.problems.find((p) => p.code === 'analysis-time-limit');
      assert.ok(problem, 'a time-limit problem');
      assert.match(problem.message, /^Reading this document took longer than 250 ms; from line \d+ on it is read as plain text/);
      const line = Number(/from line (\d+)/.exec(problem.message)![1]);
      assert.ok(line > 1 && line === problem.range.start.line + 1);
      assert.ok(doc.allSections.length > 0 && doc.allSections.length < 40, `${doc.allSections.length} sections read before the budget ran out`);
    } finally {
      performance.now = realNow;
    }
  });

  it('isCancelled stops the parse with AnalysisCancelled and keeps the chunks parsed so far', () => {
    const cache = new ChunkCache();
    let asked = 0;
    assert.throws(() => parsePostmortem(SECTIONS, { cache, isCancelled: () => ++asked > 3 }), AnalysisCancelled);
    assert.equal(cache.size, 3, 'the three chunks parsed before the cancellation are cached');
    parsePostmortem(SECTIONS, { cache });
    assert.equal(cache.hits, 3);
  });
});
