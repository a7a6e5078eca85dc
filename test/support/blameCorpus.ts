// Lists every blame-wording finding on the real post-mortems of one corpus split, with its sentence, for judging by reading
// (test/fixtures/real/BLAME-FINDINGS.md). `npx tsx test/support/blameCorpus.ts dev` (or `test`: report only, never tune on it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../src/core/analyze';
import { CORPUS_TODAY, loadLabels, REAL } from './corpus';
const split = process.argv[2] ?? 'dev';
const labels = loadLabels().filter((l) => l.split === split);
let n = 0;
for (const l of labels) {
  const text = readFileSync(join(REAL, l.source, l.file), 'utf8');
  const lines = text.split('\n');
  const { findings } = analyzeText(text, { today: CORPUS_TODAY });
  for (const f of findings) {
    if (f.rule !== 'blame-wording') continue;
    n++;
    const line = lines[f.range.start.line];
    console.log(`${l.source}/${l.file} L${f.range.start.line + 1}: [${line.slice(Math.max(0, f.range.start.character - 150), f.range.end.character + 100)}]\n    → ${f.message.slice(0, 160)}`);
  }
}
console.log(`${split}: ${labels.length} docs, ${n} findings`);
