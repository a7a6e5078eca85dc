// Times findBlameWording over every real post-mortem (test/fixtures/real/**/*.md): the first pass (cold) and the best of 5.
// `npx tsx test/support/blameBench.ts`
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBlameWording } from '../../src/core/blame/index';

const REAL = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'real');

function markdown(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? markdown(path) : /\.md$/.test(name) ? [path] : [];
  });
}

const texts = markdown(REAL).map((path) => readFileSync(path, 'utf8'));

export function timeAll(runs = 5): { first: number; best: number; findings: number } {
  let first = 0;
  let best = Infinity;
  let findings = 0;
  for (let run = 0; run < runs; run++) {
    const t0 = performance.now();
    let n = 0;
    for (const text of texts) n += findBlameWording(text).length;
    const ms = performance.now() - t0;
    if (run === 0) first = ms;
    best = Math.min(best, ms);
    findings = n;
  }
  return { first, best, findings };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const chars = texts.reduce((sum, t) => sum + t.length, 0);
  const r = timeAll();
  console.log(`${texts.length} documents, ${chars} characters, ${r.findings} findings: first pass ${r.first.toFixed(1)} ms, best of 5 ${r.best.toFixed(1)} ms`);
}
