// The labelled blame sentences (test/fixtures/blame) and the detector's precision and recall on them.
// `npx tsx test/support/blameSet.ts dev` lists the misses and false alarms of the dev split.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { findBlameWording } from '../../src/core/blame/index';

export const BLAME_SET = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'blame');

export interface LabelledSentence {
  text: string;
  blame: boolean;
  kind: 'real' | 'paraphrase' | 'hard-negative';
  category: string;
  agent?: string;
  blaming?: string;
  inActionItem?: boolean;
  source?: string;
  note?: string;
}

/**
 * The development split is dev.yaml to dev6.yaml; the test splits are never tuned on: test.yaml (seen once, so
 * no longer fresh), test2.yaml (written and committed for issue 16 before the detector was first run on it) and
 * test3.yaml (written and committed in the second pass of issue 16 before the detector was first run on it) and test4.yaml
 * (written and committed in the third pass, after the dev7 tuning, before the detector was first run on it) and test5.yaml
 * (written by another hand in idioms the others use little, committed before the detector was first run on it) and test6.yaml
 * (another hand again, committed while dev8 was being tuned on, before the detector was first run on it). dev8.yaml joined the
 * development split after its tuning; dev9–dev11 were written for it. test7.yaml: another hand again, committed with dev11
 * before the detector was first run on either; test8.yaml likewise, with dev12–dev14; test9.yaml likewise, with dev15–dev16;
 * test10.yaml by another hand again, from two repositories used nowhere else, committed before the detector was first run on it;
 * test11.yaml likewise (eslint/eslint.org, sourcegraph/handbook), written at the same time as dev17.yaml (bdougie/contributor.info) by another hand;
 * test12.yaml likewise (sara-nl/clouddocs), written at the same time as dev18.yaml (artsy/artsy.github.io) by another hand;
 * test13.yaml likewise (jenkins-infra/status notes not in the corpus), written at the same time as dev19.yaml (usdigitalresponse/univaf,
 * hexpm/hexpm) by another hand; test14.yaml likewise (alantech/iasql, used nowhere else), written for stop 44, after the learned model
 * was built, and committed before the detector was first run on it. dev20.yaml (mataroa-blog/mataroa-status) and dev21.yaml
 * (pytorch/pytorch.github.io, theandrew168/sbs-website) were written by two more hands at the same time, for the learned model; so
 * were dev22.yaml (dat-ecosystem/public-events) and dev23.yaml (packit/status), and dev24.yaml (faust64/issues) and dev25.yaml
 * (XRPLF/xrpl-dev-portal). dev26.yaml (ctfaria2/ctfaria-dev, otherjoel/thenotepad: blog-style first-person prose) is development data
 * kept out of `dev` for now: the model retrained with it flagged 2 of the 4 sentences of learned.test.ts's first case (3 needed).
 */
const FILES = { dev: ['dev.yaml', 'dev2.yaml', 'dev3.yaml', 'dev4.yaml', 'dev5.yaml', 'dev6.yaml', 'dev7.yaml', 'dev8.yaml', 'dev9.yaml', 'dev10.yaml', 'dev11.yaml', 'dev12.yaml', 'dev13.yaml', 'dev14.yaml', 'dev15.yaml', 'dev16.yaml', 'dev17.yaml', 'dev18.yaml', 'dev19.yaml', 'dev20.yaml', 'dev21.yaml', 'dev22.yaml', 'dev23.yaml', 'dev24.yaml', 'dev25.yaml'], dev26: ['dev26.yaml'], test: ['test.yaml'], test2: ['test2.yaml'], test3: ['test3.yaml'], test4: ['test4.yaml'], test5: ['test5.yaml'], test6: ['test6.yaml'], test7: ['test7.yaml'], test8: ['test8.yaml'], test9: ['test9.yaml'], test10: ['test10.yaml'], test11: ['test11.yaml'], test12: ['test12.yaml'], test13: ['test13.yaml'], test14: ['test14.yaml'] } as const;

export type Split = keyof typeof FILES;

/** The files of a split, in order. */
export function splitFiles(split: Split): readonly string[] {
  return FILES[split];
}

export function loadSentences(split: Split, only?: string): LabelledSentence[] {
  const files: readonly string[] = FILES[split];
  if (only !== undefined && !files.includes(only)) throw new Error(`${only} is not a file of the ${split} split`);
  return files.filter((file) => only === undefined || file === only).flatMap((file) => parse(readFileSync(join(BLAME_SET, file), 'utf8')) as LabelledSentence[]);
}

export interface Score {
  total: number;
  positives: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
  misses: LabelledSentence[];
  falseAlarms: Array<LabelledSentence & { found: string }>;
}

export function score(sentences: LabelledSentence[]): Score {
  let tp = 0;
  let fp = 0;
  const misses: LabelledSentence[] = [];
  const falseAlarms: Array<LabelledSentence & { found: string }> = [];
  for (const s of sentences) {
    const found = findBlameWording(s.text, { inActionItem: s.inActionItem === true });
    if (found.length && s.blame) tp++;
    else if (found.length) {
      fp++;
      falseAlarms.push({ ...s, found: found.map((f) => `${f.category}: ${f.text}`).join(' | ') });
    } else if (s.blame) misses.push(s);
  }
  const positives = sentences.filter((s) => s.blame).length;
  return { total: sentences.length, positives, truePositives: tp, falsePositives: fp, precision: tp + fp ? tp / (tp + fp) : 1, recall: positives ? tp / positives : 1, misses, falseAlarms };
}

export function formatScore(name: string, s: Score): string {
  return `${name}: ${s.total} sentences (${s.positives} blame-focused): precision ${s.precision.toFixed(2)}, recall ${s.recall.toFixed(2)} (${s.truePositives} found, ${s.positives - s.truePositives} missed, ${s.falsePositives} false alarms)`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  // `blameSet.ts dev dev2.yaml` scores one file of the dev split.
  const split: Split = process.argv[2] !== undefined && process.argv[2] in FILES ? (process.argv[2] as Split) : 'dev';
  const only = split === 'dev' ? process.argv[3] : undefined;
  const result = score(loadSentences(split, only));
  // Misses are listed for development data only (dev, dev26); a test split prints its totals.
  if (split.startsWith('dev')) {
    for (const m of result.misses) console.log(`MISS [${m.category}${m.inActionItem ? ' AI' : ''}] ${m.text}`);
    for (const f of result.falseAlarms) console.log(`FALSE [${f.category}] ${f.text}\n      → ${f.found}`);
  }
  console.log(formatScore(only ? `${split} ${only}` : split, result));
}
