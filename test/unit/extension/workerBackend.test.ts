import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { analyzeText } from '../../../src/core/analyze';
import { AnalysisOverMemory, AnalysisTimeout } from '../../../src/extension/analysisBackend';
import { WorkerBackend } from '../../../src/extension/workerBackend';
import { fixture, FIXTURES } from '../helpers';

const ROOT = join(FIXTURES, '..', '..');

/** A timeline of about `chars` characters (seconds of analysis at 1 MB). */
/** A long timeline; the emphasis on every line keeps it on micromark's path (plain lines are read by model/simpleBlocks.ts in a fraction of the time). */
function largeTimeline(chars: number): string {
  const lines = ['---', 'date: 2026-03-14', '---', '## Timeline', ''];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const line = `- ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} — event ${i}: the on-call engineer checked the *p99* latency SLO`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

describe('analysis worker (node host)', function () {
  this.timeout(60000);
  let backend: WorkerBackend;
  let dir: string;
  let script: string;
  // The worker is bundled from the current sources (as esbuild.mjs does), so the test never runs a stale dist/.
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-worker-'));
    script = join(dir, 'analysisWorker.cjs');
    buildSync({ entryPoints: [join(ROOT, 'src', 'extension', 'analysisWorker.ts')], outfile: script, bundle: true, platform: 'node', format: 'cjs', target: 'node18', logLevel: 'silent' });
    backend = new WorkerBackend(script, (message, error) => assert.fail(`${message}: ${error}`));
  });
  after(() => {
    backend?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the same analysis as the in-thread pipeline', async () => {
    const text = fixture('examples/needs-work.postmortem.md');
    const remote = await backend.analyze({ key: 'a', version: 1, text, options: { today: '2026-03-20' } });
    const local = analyzeText(text, { today: '2026-03-20' });
    assert.deepEqual(remote, JSON.parse(JSON.stringify(local)));
  });

  it('answers the newest request for a document; older queued ones may be superseded, never mixed up', async () => {
    const base = fixture('examples/checkout-latency.postmortem.md');
    const results = await Promise.all([1, 2, 3].map((version) => backend.analyze({ key: 'b', version, text: base.replace('SEV2', `SEV${version}`), options: {} })));
    results.forEach((result, i) => assert.ok(result === undefined || result.doc.metadata.severity?.value === `SEV${i + 1}`));
    assert.equal(results[2]?.doc.metadata.severity?.value, 'SEV3');
  });

  it('keeps the event loop responsive while a large document is analysed', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const analysis = await backend.analyze({ key: 'c', version: 1, text: largeTimeline(600 * 1024), options: {} });
    clearInterval(timer);
    assert.ok(analysis && analysis.doc.timeline.length > 6000);
    // The analysis takes seconds; a blocked loop would have ticked a handful of times at most.
    assert.ok(ticks > 20, `event loop ticked ${ticks} times`);
  });

  it('a newer version stops the analysis of the older one mid-way (between chunks), not after it', async () => {
    const big = largeTimeline(1500 * 1024);
    const older = backend.analyze({ key: 'd', version: 1, text: big, options: {} });
    // Sent once the worker is busy with the older one: a queued request would be superseded anyway.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const newer = backend.analyze({ key: 'd', version: 2, text: '# Small\n', options: {} });
    assert.equal(await older, undefined, 'the older analysis was abandoned');
    assert.equal((await newer)?.doc.title, 'Small');
  });

  it('a worker silent past its time limit is stopped; the request fails with AnalysisTimeout and the next one gets a new worker', async () => {
    const errors: string[] = [];
    // 1.5 s: enough for a new worker to start and read a one-line document, far from enough for 4 MB.
    const impatient = new WorkerBackend(script, (message) => errors.push(message), 1500);
    try {
      await assert.rejects(impatient.analyze({ key: 'e', version: 1, text: largeTimeline(4000 * 1024), options: {} }), AnalysisTimeout);
      assert.match(errors.join('\n'), /gave no answer for 1.5 s; it was stopped/);
      const next = await impatient.analyze({ key: 'e', version: 2, text: '# Small\n', options: {} });
      assert.equal(next?.doc.title, 'Small');
    } finally {
      impatient.dispose();
    }
  });

  it('a worker that runs out of its heap fails the largest request with AnalysisOverMemory, not a retry on the host; the next request gets a new worker', async () => {
    const errors: string[] = [];
    // 64 MB of heap: enough to start and read a small document, not for 60,000 event headings (about 150 MB).
    const frugal = new WorkerBackend(script, (message) => errors.push(message), 60_000, 64);
    try {
      const heavy = `# T\n\n## Summary\n\n${'### 10:00 step\n\ntext\n\n'.repeat(60_000)}`;
      const heavyRequest = frugal.analyze({ key: 'f', version: 1, text: heavy, options: {} });
      // Another document waiting behind it is not blamed: it is answered as after any stop of the worker, not rejected.
      const bystander = frugal.analyze({ key: 'g', version: 1, text: '# Other\n', options: {} });
      const failure = await heavyRequest.then(
        () => undefined,
        (error: unknown) => error,
      );
      const other = await bystander;
      assert.ok(other === undefined || other.doc.title === 'Other');
      assert.ok(failure instanceof AnalysisOverMemory, `rejected with ${String(failure)}`);
      assert.equal(failure.limitMb, 64);
      assert.match(errors.join('\n'), /ran out of its 64 MB heap/);
      const next = await frugal.analyze({ key: 'f', version: 2, text: '# Small\n', options: {} });
      assert.equal(next?.doc.title, 'Small');
    } finally {
      frugal.dispose();
    }
  });
});
