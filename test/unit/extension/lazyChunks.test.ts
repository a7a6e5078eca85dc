import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { buildNodeExtension, LAZY_CHUNKS, lazyChunks } from '../../../scripts/lazyChunks.mjs';
import { findBlameWording } from '../../../src/core/blame/index';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const OPTIONS: esbuild.BuildOptions = { bundle: true, minify: false, legalComments: 'none', platform: 'node', format: 'cjs', target: 'node18', logLevel: 'silent' };

describe('lazy chunks of the desktop bundle (scripts/lazyChunks.mjs)', function () {
  this.timeout(60_000);
  let tmp = '';
  before(() => {
    tmp = mkdtempSync(join(os.tmpdir(), 'postmortem-lazy-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('keeps the blame detector, summary, timeline view, insights and the YAML parser out of the main bundle', async () => {
    const outdir = join(tmp, 'ext');
    const { result, chunkFiles, chunkInputs } = await buildNodeExtension({ root: ROOT, outdir, common: { ...OPTIONS, minify: true }, metafile: true });
    const main = Object.entries(result.metafile.outputs).find(([file]) => file.endsWith('extensionMain.cjs'))![1];
    const inputs = Object.keys(main.inputs);
    for (const gone of ['src/core/blame/detect.ts', 'src/core/summary/build.ts', 'src/core/timelineView/svg.ts', 'src/core/insights/compute.ts', 'src/core/glossary/terms.ts', 'node_modules/character-entities/index.js']) {
      assert.ok(!inputs.includes(gone), `${gone} is in the main bundle`);
    }
    assert.deepEqual(inputs.filter((file) => file.startsWith('node_modules/yaml/')), [], 'the YAML parser is in the main bundle');
    assert.ok(inputs.includes('src/core/model/parse.ts'), 'the model is in the main bundle');
    assert.deepEqual(chunkFiles.map((f) => f.replace(/.*lazy-|\.cjs$/g, '')).sort(), Object.keys(LAZY_CHUNKS).sort());
    for (const file of chunkFiles) assert.ok(existsSync(file), file);
    // A chunk uses the others through their facades: the YAML parser and the glossary's terms are in their own chunk only.
    for (const [name, files] of Object.entries(chunkInputs)) {
      if (name !== 'yaml') assert.deepEqual(files.filter((file) => file.startsWith('node_modules/yaml/')), [], `the YAML parser is in the ${name} chunk`);
      if (name !== 'glossary') assert.ok(!files.includes('src/core/glossary/terms.ts'), `the glossary is in the ${name} chunk`);
      if (name !== 'blame') assert.ok(!files.includes('src/core/blame/detect.ts'), `the blame detector is in the ${name} chunk`);
    }
    assert.ok(chunkInputs.summary.length > 0 && chunkInputs.yaml.some((file) => file.startsWith('node_modules/yaml/')));
    // The main bundle names each chunk by the relative path the facade requires.
    const code = readFileSync(join(outdir, 'extensionMain.cjs'), 'utf8');
    for (const name of Object.keys(LAZY_CHUNKS)) assert.ok(code.includes(`require("./lazy-${name}.cjs")`), name);
  });

  it('a facade loads its chunk on the first call, not before, and forwards arguments and results', async () => {
    const outdir = join(tmp, 'facade');
    const chunks = { blame: 'src/core/blame/index.ts' };
    const { plugin } = await lazyChunks({ root: ROOT, outdir, options: OPTIONS, chunks });
    const contents = "import { findBlameWording } from './src/core/blame/index';\nexport const run = (text: string) => findBlameWording(text);\n";
    await esbuild.build({ ...OPTIONS, absWorkingDir: ROOT, stdin: { contents, resolveDir: ROOT, loader: 'ts' }, outfile: join(outdir, 'entry.cjs'), plugins: [plugin] });
    const require = createRequire(import.meta.url);
    const chunk = join(outdir, 'lazy-blame.cjs');
    delete require.cache[chunk];
    const { run } = require(join(outdir, 'entry.cjs')) as { run: typeof findBlameWording };
    assert.ok(!(chunk in require.cache), 'the chunk was loaded with the bundle');
    const sentence = 'Dave pushed a bad config. This was human error; he should have checked it.';
    const found = run(sentence);
    assert.ok(chunk in require.cache, 'the chunk was not loaded by the first call');
    assert.ok(found.length > 0);
    assert.deepEqual(found, findBlameWording(sentence));
  });

  it('refuses at build time to read a constant across the boundary', async () => {
    const outdir = join(tmp, 'constant');
    const { plugin } = await lazyChunks({ root: ROOT, outdir, options: OPTIONS, chunks: { blame: 'src/core/blame/index.ts' } });
    const contents = "import { MAX_REWORDINGS } from './src/core/blame/index';\nexport const n = MAX_REWORDINGS;\n";
    await assert.rejects(
      esbuild.build({ ...OPTIONS, absWorkingDir: ROOT, stdin: { contents, resolveDir: ROOT, loader: 'ts' }, outfile: join(outdir, 'entry.cjs'), plugins: [plugin] }),
      /No matching export .* for import "MAX_REWORDINGS"/,
    );
  });
});
