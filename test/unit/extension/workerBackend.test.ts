import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { analyzeText } from '../../../src/core/analyze';
import { WorkerBackend } from '../../../src/extension/workerBackend';
import { fixture, FIXTURES } from '../helpers';

const ROOT = join(FIXTURES, '..', '..');

describe('analysis worker (node host)', function () {
  this.timeout(60000);
  let backend: WorkerBackend;
  let dir: string;
  // The worker is bundled from the current sources (as esbuild.mjs does), so the test never runs a stale dist/.
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-worker-'));
    const script = join(dir, 'analysisWorker.cjs');
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
    const lines = ['---', 'date: 2026-03-14', '---', '## Timeline', ''];
    let size = 0;
    for (let i = 0; size < 600 * 1024; i++) {
      const line = `- ${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} — event ${i}: the on-call engineer checked the p99 latency SLO`;
      lines.push(line);
      size += line.length + 1;
    }
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const analysis = await backend.analyze({ key: 'c', version: 1, text: lines.join('\n'), options: {} });
    clearInterval(timer);
    assert.ok(analysis && analysis.doc.timeline.length > 6000);
    // The analysis takes seconds; a blocked loop would have ticked a handful of times at most.
    assert.ok(ticks > 20, `event loop ticked ${ticks} times`);
  });
});
