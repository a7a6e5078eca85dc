/**
 * Hostile documents by tiers (issue 21): every family of test/fuzz/hostileFamilies.ts goes through the
 * model, the rules, outline, folding, links, hovers, explain, the summary in every format and the
 * timeline renderers, at growing sizes. Asserted for each family and size: no exception, every range
 * inside the document, at most 2 s per MB (+ 1 s), and (with more than one tier) time growing at most linearly (≤ 15× per 10×
 * once the larger run takes over 100 ms). With POSTMORTEM_HOSTILE_TIERS=all (`npm run test:hostile`)
 * the tiers are 10 KB / 100 KB / 1 MB and the 1 MB runs are also measured in a process of their own:
 * peak memory at most 20× the input's bytes above the same process reading a 1 KB document.
 *
 * `npm test` runs the 10 KB tier (the growth check needs the larger tiers: below 10 KB fixed costs and
 * a loaded machine's noise decide the ratio).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { analyzeText } from '../../src/core/analyze';
import { FAMILIES, hostileDocument, runEverywhere } from '../fuzz/hostileFamilies';
import { checkDocument, checkRanges, collectRanges, formatIssues } from '../fuzz/invariants';
import { bestOf3, ROOT } from '../fuzz/regexes';
import { fixture } from './helpers';

const ALL = process.env.POSTMORTEM_HOSTILE_TIERS === 'all';
const TIERS = ALL ? [10_000, 100_000, 1_000_000] : [10_000];
const TODAY = '2026-03-20';
const limitMs = (chars: number) => 2000 * (chars / 1_000_000) + 1000;
const NOISE_FLOOR_MS = 100;
const MAX_GROWTH = 15;

function childRun(family: string, size: number): { ms: number; maxRssBytes: number; chars: number } {
  const out = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'test', 'fuzz', 'hostileChild.ts'), family, String(size)], { encoding: 'utf8', cwd: ROOT, timeout: 120_000 });
  return JSON.parse(out.trim().split('\n').pop()!);
}

describe(`hostile documents by tiers (${TIERS.map((t) => `${t / 1000} KB`).join(' / ')})`, function () {
  this.timeout(0);
  const report: string[] = [];
  /** Peak RSS of a process of its own reading a 1 KB document: the constant the 1 MB runs are measured above. */
  let baseRssBytes = 0;
  before(() => {
    // The first analysis in a process compiles the engine's tables; it is not a family's cost.
    analyzeText(fixture('examples/needs-work.postmortem.md'), { today: TODAY });
    if (ALL) baseRssBytes = childRun('plain prose', 1_000).maxRssBytes;
  });
  after(() => console.log(report.map((r) => `      ${r}`).join('\n')));

  if (ALL) {
    // A spread of every candidate (`open.push(...list)`) overflowed the stack past about 150,000 of them.
    it('200,000 event headings (2.6 MB) go through everything without overflowing the stack', () => {
      const text = `# T\n\n## Summary\n\n${'### 10:00 a\n'.repeat(200_000)}`;
      const { analysis } = runEverywhere(text, TODAY);
      assert.equal(analysis.doc.timeline.length, 200_000);
    });
  }

  for (const family of Object.keys(FAMILIES)) {
    it(family, function () {
      const times: number[] = [];
      let bytes = 0;
      for (const size of TIERS) {
        const text = hostileDocument(family, size);
        bytes = Buffer.byteLength(text);
        let result: ReturnType<typeof runEverywhere> | undefined;
        const ms = bestOf3(() => (result = runEverywhere(text, TODAY)), limitMs(text.length));
        const { analysis } = result!;
        const issues = [...checkDocument(analysis.doc), ...checkRanges(analysis.doc, collectRanges(analysis.findings, 'findings'))];
        assert.deepEqual(issues, [], `${family} at ${size}: ${formatIssues(issues)}`);
        assert.ok(ms < limitMs(text.length), `${family} at ${text.length} characters: ${ms.toFixed(0)} ms (limit ${limitMs(text.length).toFixed(0)})`);
        times.push(ms);
      }
      for (let i = 1; i < times.length; i++) {
        if (times[i] < NOISE_FLOOR_MS) continue;
        const growth = times[i] / Math.max(times[i - 1], NOISE_FLOOR_MS / MAX_GROWTH);
        assert.ok(growth <= MAX_GROWTH, `${family}: ${times[i - 1].toFixed(0)} ms at ${TIERS[i - 1]}, ${times[i].toFixed(0)} ms at ${TIERS[i]} (${growth.toFixed(1)}x for 10x)`);
      }
      let line = `${family}: ${times.map((ms, i) => `${TIERS[i] / 1000} KB ${ms.toFixed(0)} ms`).join(', ')}`;
      if (ALL) {
        // `bytes` is the last tier's input: the 1 MB document the child generates again from the same seed.
        const big = childRun(family, 1_000_000);
        const above = big.maxRssBytes - baseRssBytes;
        line += `; 1 MB peak ${(big.maxRssBytes / 2 ** 20).toFixed(0)} MiB (${(above / bytes).toFixed(1)}x the input above a 1 KB run's ${(baseRssBytes / 2 ** 20).toFixed(0)} MiB)`;
        assert.ok(above <= 20 * bytes, `${family}: ${(above / 2 ** 20).toFixed(0)} MiB above the baseline for ${(bytes / 2 ** 20).toFixed(1)} MiB of input`);
      }
      report.push(line);
    });
  }
});
