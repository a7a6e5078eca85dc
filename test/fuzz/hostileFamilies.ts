import { analyzeText, type Analysis } from '../../src/core/analyze';
import { explainDocument } from '../../src/core/features/explain';
import { hoverAt } from '../../src/core/features/hover';
import { documentHeadings, documentLinks } from '../../src/core/features/links';
import { buildOutline, foldingRegions } from '../../src/core/features/outline';
import { createGlossary } from '../../src/core/glossary/index';
import { RENDERERS, type SummaryFormat } from './renderers';

const GLOSSARY = createGlossary();
const SUMMARY_FORMATS: SummaryFormat[] = ['md', 'html', 'text'];

// Seeded generators of hostile documents (issue 21): each family makes a document of about `size`
// characters. The tiers suite (test/unit/hostileTiers.test.ts) runs them through the whole core at
// 10 KB in `npm test` and at 10 KB / 100 KB / 1 MB in `npm run test:hostile`.

/** Deterministic pseudo-random numbers (mulberry32), so a failure can be replayed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Make = (size: number, random: () => number) => string;

const HEAD = '---\nseverity: SEV2\nstatus: draft\ndate: 2026-03-14\n---\n# Hostile\n\n';
const TAIL = '\n\n## Action Items\n\n- [ ] Fix the cache — @a, due 2026-04-01\n';

/** `unit` repeated to `size` characters (cut at the end), inside `## Summary`. */
const run = (unit: string): Make => (size) => `${HEAD}## Summary\n\n${unit.repeat(Math.ceil(size / unit.length)).slice(0, size)}${TAIL}`;
/** Lines made by `line(i, random)` until `size` characters, under `heading`. */
const lines = (heading: string, line: (i: number, random: () => number) => string, separator = '\n'): Make => (size, random) => {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; length < size; i++) {
    const l = line(i, random);
    out.push(l);
    length += l.length + separator.length;
  }
  return `${HEAD}${heading}\n\n${out.join(separator)}${TAIL}`;
};
const pick = <T>(random: () => number, values: readonly T[]): T => values[Math.floor(random() * values.length)];
const clock = (i: number) => `${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;

export const FAMILIES: Record<string, Make> = {
  // Nesting (capped before parsing).
  'nested lists on one line': run('- '),
  'nested ordered lists': run('1. '),
  'nested quotes': run('> '),
  'nested list-in-quote': run('- > '),
  'nested emphasis': (size) => `${HEAD}## Summary\n\n${'*a _a '.repeat(size / 12)}x${' a_ a*'.repeat(size / 12)}${TAIL}`,
  'nested links': (size) => `${HEAD}## Summary\n\n${'['.repeat(size / 5)}a${'](u)'.repeat(size / 5)}${TAIL}`,
  // Long runs of one construct.
  'run of [': run('['),
  'run of [^': run('[^'),
  'run of *': run('*'),
  'run of _': run('_'),
  'run of backticks': run('`'),
  'run of `` ` ``': run('`a` '),
  'run of <!--': run('a <!-- '),
  'run of ](': run(']('),
  'run of backslashes': run('\\'),
  'blank lines': run('\n'),
  'thematic breaks': run('***\n\n'),
  'endless ---': run('---\n'),
  // Tables.
  'long table': (size, random) => lines('## Timeline\n\n| Time | Event |\n|---|---|', (i) => `| ${clock(i)} | event ${i} ${pick(random, ['alert', 'rollback', 'page'])} |`)(size, random),
  'wide table': (size) => {
    const cells = Math.max(2, Math.floor(size / 8));
    return `${HEAD}## Timeline\n\n|${' Time |'.repeat(cells)}\n|${'---|'.repeat(cells)}\n|${' 10:00 |'.repeat(cells)}${TAIL}`;
  },
  'half-typed table': lines('## Timeline', (i) => (i % 3 === 0 ? '| Time | Event' : i % 3 === 1 ? '|---|-' : `| ${clock(i)} | a |`)),
  // Many of what the model reads.
  'many headings': lines('## Summary', (i) => `\n### ${clock(i)} step ${i}\n\ntext`),
  'many events': lines('## Timeline', (i, random) => `- ${clock(i)} — ${pick(random, ['alert fired', 'engineer paged', 'rollback started', 'resolved'])} ${i}`),
  'many action items': lines('## Action Items', (i, random) => `- [${random() < 0.5 ? ' ' : 'x'}] Fix thing ${i} — @owner${i % 50}, due 2026-0${1 + (i % 9)}-1${i % 10}`),
  'many timeline sections': lines('', (i) => `## Timeline\n\n- ${clock(i)} a`),
  'one huge line': run('ERROR 2026-03-14T14:02:11Z pool exhausted id=42 human error @a due 2026-13-01 | '),
  'prose with URLs': run('See https://example.com/a_(b) and www.example.org, mail ops@example.com. '),
  'plain prose': run('The cache warmed up slowly while the pool drained and requests queued. '),
  // Front matter.
  'YAML alias bomb': (size) => {
    let yaml = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    for (let i = 1; i < 9; i++) yaml += `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]\n`;
    return `---\n${yaml}${'c: 1\n'.repeat(Math.max(0, (size - yaml.length) / 5))}---\n# T\n${TAIL}`;
  },
  'many front-matter keys': (size) => {
    const keys: string[] = [];
    for (let i = 0, length = 0; length < size; i++) length += (keys[keys.push(`key${i}: value ${i}`) - 1].length + 1);
    return `---\n${keys.join('\n')}\n---\n# T\n${TAIL}`;
  },
  'unclosed front matter': (size) => `---\nseverity: SEV2\n${'## Timeline\n\n- 10:00 a\n'.repeat(size / 24)}`,
  // Characters.
  'NUL bytes': run('a\u0000b\u0000 human error\u0000 '),
  'invalid UTF-8 (decoded)': (size) => run(Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1, 0x20, 0x61]).toString('utf8'))(size, () => 0),
  'lone surrogates': run('\ud800a\udc00 b\ud83d '),
  'bidi overrides': run('\u202e@evil\u202c owner \u2066x\u2069 due 2026-04-01 '),
  'combining storm': run(`a${'\u0301'.repeat(50)} `),
  'mixed line endings': (size, random) => lines('## Timeline', (i) => `- ${clock(i)} event`)(size, random).replace(/\n/g, () => pick(random, ['\n', '\r\n', '\r'])),
  'lone CR': lines('## Timeline', (i) => `- ${clock(i)} event`, '\r'),
  'script payloads': lines('## Timeline', (i) => `- ${clock(i)} <script>alert(${i})</script> [x](javascript:alert(1)) <img src=x onerror=alert(1)> {{title}}`),
  'random bytes': (size, random) => {
    let s = HEAD;
    while (s.length < size) s += String.fromCharCode(Math.floor(random() * 0x3000));
    return s + TAIL;
  },
};

export function hostileDocument(family: string, size: number, seed = 21): string {
  const make = FAMILIES[family];
  if (!make) throw new Error(`no hostile family ${family}`);
  return make(size, seeded(seed));
}

/** Everything a document's text reaches in the core, as the editor and the CLI use it. */
export function runEverywhere(text: string, today: string): { analysis: Analysis; outputs: number } {
  const analysis = analyzeText(text, { today });
  let outputs = 0;
  const count = (value: unknown) => {
    outputs += typeof value === 'string' ? value.length : JSON.stringify(value)?.length ?? 0;
  };
  count(buildOutline(analysis.doc));
  count(foldingRegions(analysis.doc));
  count(explainDocument(analysis));
  count(documentLinks(analysis.doc));
  count(documentHeadings(analysis.doc));
  for (const at of [0, 0.5, 1]) {
    const line = Math.floor((analysis.doc.lineCount - 1) * at);
    count(hoverAt(analysis.doc, GLOSSARY, { line, character: 3 }, today));
  }
  for (const format of SUMMARY_FORMATS) count(RENDERERS.summary(analysis, format, today));
  count(RENDERERS.timelineHtml(analysis, today));
  count(RENDERERS.timelineSvg(analysis, today));
  return { analysis, outputs };
}
