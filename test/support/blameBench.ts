// Times findBlameWording over every real post-mortem (test/fixtures/real/**/*.md): the first pass (cold) and the best of 5.
// With the regex screens and without them (withoutScreens), interleaved in one process: `npx tsx test/support/blameBench.ts`
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withoutScreens } from '../../src/core/blame/detect';
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
  const once = (screens: boolean) => {
    const t0 = performance.now();
    let n = 0;
    for (const text of texts) n += screens ? findBlameWording(text).length : withoutScreens(() => findBlameWording(text).length);
    return { ms: performance.now() - t0, n };
  };
  // The first pass of each (cold: regexes compiled, code not yet optimised), then the best of 5, alternating.
  const firstOff = once(false);
  const firstOn = once(true);
  let off = Infinity;
  let on = Infinity;
  for (let run = 0; run < 5; run++) {
    off = Math.min(off, once(false).ms);
    on = Math.min(on, once(true).ms);
  }
  console.log(`${texts.length} documents, ${chars} characters, findings ${firstOff.n} without screens, ${firstOn.n} with`);
  console.log(`without screens: first pass ${firstOff.ms.toFixed(1)} ms, best of 5 ${off.toFixed(1)} ms`);
  console.log(`with screens:    first pass ${firstOn.ms.toFixed(1)} ms, best of 5 ${on.toFixed(1)} ms`);
}
