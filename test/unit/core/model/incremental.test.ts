import assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyzeText, ChunkCache } from '../../../../src/core/analyze';
import { splitIntoChunks } from '../../../../src/core/model/markdown';
import { fixture } from '../../helpers';

const TODAY = '2026-03-20';
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 20);

/** A larger document with soft chunk splits: many timeline events, action items and prose sections. */
function generated(): string {
  const parts = [fixture('examples/checkout-latency.postmortem.md').replace('## Root Cause', '### Later\n\n' + Array.from({ length: 300 }, (_, i) => `- ${String(15 + Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} — step ${i}: on-call engineer checked the gateway`).join('\n') + '\n\n## Root Cause')];
  for (let i = 0; i < 40; i++) parts.push(`\n## Note ${i}\n\nThe circuit breaker failed to open; someone should have noticed the MTTR trend.\n\n- [ ] Follow up ${i} — @dev${i}, due 2026-04-${String((i % 28) + 1).padStart(2, '0')}\n`);
  return parts.join('');
}

const DOCUMENTS = [fixture('examples/checkout-latency.postmortem.md'), fixture('examples/firmware-ota.postmortem.md'), fixture('examples/needs-work.postmortem.md'), generated()];
const SNIPPETS = ['x', '\n', '\n\n', '## Impact\n', '- 10:00 — [detected] alert\n', '| 09:00 | row |\n', '```\n', '<!-- ', ' -->', '- [ ] task — @kim, due 2026-05-01\n', 'human error', '---\n', '#', '\r\n'];

const edit = fc.record({
  doc: fc.nat(DOCUMENTS.length - 1),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat(40),
  insert: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 12 })),
});

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

describe('incremental analysis equals a full analysis', () => {
  it('chunks cover the text exactly, in order', () => {
    for (const text of DOCUMENTS) {
      const chunks = splitIntoChunks(text);
      assert.equal(chunks.map((c) => c.text).join(''), text);
      assert.ok(chunks.length > 1);
    }
  });

  it(`after random edits (${RUNS} runs of 3 edits each), a document's cached analysis equals a fresh one`, function () {
    this.timeout(120000);
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let text = DOCUMENTS[edits[0].doc];
        const cache = new ChunkCache();
        analyzeText(text, { cache, today: TODAY });
        for (const e of edits) {
          text = apply(text, e);
          const incremental = analyzeText(text, { cache, today: TODAY });
          const full = analyzeText(text, { today: TODAY });
          assert.deepEqual(incremental, full);
        }
      }),
      { numRuns: RUNS, seed: 20261125 },
    );
  });

  it('the front matter read once per text: edits below it and in it give what a fresh analysis gives', () => {
    let text = DOCUMENTS[0];
    assert.ok(text.startsWith('---\n'));
    const cache = new ChunkCache();
    analyzeText(text, { cache, today: TODAY });
    const end = text.indexOf('\n---', 4);
    for (const next of [text.replace('## Timeline', '## Timeline\n\nEdited.'), text.slice(0, end) + '\nseverity: [oops' + text.slice(end), text.slice(0, end) + '\nowner: "@kim"' + text.slice(end)]) {
      text = next;
      assert.deepEqual(analyzeText(text, { cache, today: TODAY }), analyzeText(text, { today: TODAY }));
    }
  });

  it('a one-line edit re-parses only the chunk it touches', () => {
    const text = generated();
    const cache = new ChunkCache();
    analyzeText(text, { cache });
    const before = cache.misses;
    analyzeText(text.replace('step 150:', 'step 150!'), { cache });
    assert.equal(cache.misses - before, 1);
    assert.ok(cache.size > 10);
  });
});

describe('chunks of a document with lone CR line endings', () => {
  it('are cut at its headings as with LF (a CR-only file was one chunk, parsed slowly)', () => {
    const lf = fixture('examples/needs-work.postmortem.md').replace(/\r\n?/g, '\n').repeat(4);
    const cr = lf.replace(/\n/g, '\r');
    const lfChunks = splitIntoChunks(lf);
    const crChunks = splitIntoChunks(cr);
    assert.ok(lfChunks.length > 1);
    assert.deepEqual(crChunks.map((c) => c.offset), lfChunks.map((c) => c.offset));
    assert.equal(crChunks.map((c) => c.text).join(''), cr, 'the chunks are slices of the source, CRs kept');
    const full = analyzeText(cr, { today: '2026-03-20' });
    assert.ok(full.doc.timeline.length > 0 && full.doc.actionItems.length > 0);
  });
});
