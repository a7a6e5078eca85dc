import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { FIXTURES } from '../helpers';

const ROOT = join(FIXTURES, '..', '..');

// The desktop entry point runs dist/extensionMain.cjs through V8's code cache. Each start is a fresh
// process, as in VS Code (within one process V8's own compilation cache would answer instead); the
// "bundle" is a small module and the extension context only what the loader reads.
describe('code cache loader (extension.node.ts)', function () {
  this.timeout(30_000);
  let root: string;
  let loader: string;
  let storage: string;

  /** Starts a host: activates, reads the answer, how the bundle was loaded and the log line, then deactivates (unless `crash`). */
  const start = (crash = false): { result: number; cache: string } => {
    const script = `
      const loader = require(${JSON.stringify(loader)});
      const context = { extensionPath: ${JSON.stringify(root)}, globalStorageUri: { fsPath: ${JSON.stringify(storage)} }, subscriptions: [] };
      loader.activate(context).then(async (api) => {
        await new Promise((resolve) => setImmediate(resolve));
        process.stdout.write(JSON.stringify({ result: api.answer, cache: loader.codeCacheState, logged: api.logged }));
        if (!${crash}) for (const s of context.subscriptions) s.dispose();
        process.exit(0);
      });`;
    const out = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as { result: number; cache: string; logged: string[] };
    assert.equal(out.logged.length, 1);
    assert.match(out.logged[0], /^Bundle loaded: /);
    return { result: out.result, cache: out.cache };
  };
  const cacheFiles = () => {
    try {
      return readdirSync(join(storage, 'code-cache'));
    } catch {
      return [];
    }
  };
  const writeBundle = (answer: number) => {
    // Enough code for V8 to have something to cache; `answer` changes the content (and so the cache key).
    const body = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + ${answer}; }`).join('\n');
    writeFileSync(join(root, 'dist', 'extensionMain.cjs'), `"use strict";\n${body}\nconst logged = [];\nexports.activate = async () => ({ answer: f0(1), logged, logger: { info: (m) => logged.push(m) } });\nexports.deactivate = () => {};\n`);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'postmortem-loader-'));
    storage = join(root, 'global-storage');
    mkdirSync(join(root, 'dist'));
    loader = join(root, 'loader.cjs');
    buildSync({ absWorkingDir: ROOT, entryPoints: ['src/extension/extension.node.ts'], outfile: loader, bundle: true, platform: 'node', format: 'cjs', external: ['vscode'], logLevel: 'silent' });
    writeBundle(41);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('writes the cache when the extension is deactivated and uses it on the next start', () => {
    assert.deepEqual(start(true), { result: 41, cache: 'miss' });
    assert.deepEqual(cacheFiles(), [], 'a host that ends without deactivating writes nothing (before the timer)');
    assert.deepEqual(start(), { result: 41, cache: 'miss' });
    assert.equal(cacheFiles().length, 1);
    const [name] = cacheFiles();
    const written = statSync(join(storage, 'code-cache', name)).mtimeMs;
    assert.deepEqual(start(), { result: 41, cache: 'hit' });
    assert.equal(statSync(join(storage, 'code-cache', name)).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('ignores a corrupt cache and replaces it', () => {
    start();
    const [name] = cacheFiles();
    writeFileSync(join(storage, 'code-cache', name), Buffer.from('not a V8 code cache, just bytes'));
    assert.deepEqual(start(), { result: 41, cache: 'rejected' });
    assert.ok(statSync(join(storage, 'code-cache', name)).size > 100, 'a real cache replaced the corrupt one');
    assert.deepEqual(start(), { result: 41, cache: 'hit' });
  });

  it('keys the cache by the bundle: a new bundle gets a new cache and the old one is removed', () => {
    start();
    const [before] = cacheFiles();
    writeBundle(42);
    utimesSync(join(root, 'dist', 'extensionMain.cjs'), new Date(), new Date(Date.now() + 5_000));
    assert.deepEqual(start(), { result: 42, cache: 'miss' });
    const after = cacheFiles();
    assert.equal(after.length, 1);
    assert.notEqual(after[0], before);
    assert.deepEqual(start(), { result: 42, cache: 'hit' });
  });

  it('loads a lazy chunk the bundle requires through a cache of its own, kept when the bundle\'s cache is replaced', () => {
    const chunkBody = Array.from({ length: 200 }, (_, i) => `function g${i}(x) { return x + ${i}; }`).join('\n');
    writeFileSync(join(root, 'dist', 'lazy-extra.cjs'), `"use strict";\n${chunkBody}\nexports.one = () => g1(0);\n`);
    const body = Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + 40; }`).join('\n');
    writeFileSync(join(root, 'dist', 'extensionMain.cjs'), `"use strict";\n${body}\nconst logged = [];\nexports.activate = async () => ({ answer: f0(1) + require("./lazy-extra.cjs").one(), logged, logger: { info: (m) => logged.push(m) } });\nexports.deactivate = () => {};\n`);
    assert.deepEqual(start(), { result: 41, cache: 'miss' });
    assert.deepEqual(cacheFiles().map((f) => f.replace(/-.*/, '')).sort(), ['extensionMain', 'lazy']);
    const chunkCache = cacheFiles().find((f) => f.startsWith('lazy-extra-'))!;
    assert.deepEqual(start(), { result: 41, cache: 'hit' });
    // A new main bundle replaces its own cache only.
    utimesSync(join(root, 'dist', 'extensionMain.cjs'), new Date(), new Date(Date.now() + 5_000));
    assert.deepEqual(start(), { result: 41, cache: 'miss' });
    assert.ok(cacheFiles().includes(chunkCache), cacheFiles().join(', '));
    assert.equal(cacheFiles().length, 2);
  });

  it('a chunk replaces only its own caches, not those of a chunk whose name starts like it', () => {
    for (const name of ['lazy-extra', 'lazy-extra-more']) writeFileSync(join(root, 'dist', `${name}.cjs`), `"use strict";\n${Array.from({ length: 100 }, (_, i) => `function g${i}(x) { return x + ${i}; }`).join('\n')}\nexports.one = () => g1(0);\n`);
    writeFileSync(join(root, 'dist', 'extensionMain.cjs'), `"use strict";\nconst logged = [];\nexports.activate = async () => ({ answer: 39 + require("./lazy-extra.cjs").one() + require("./lazy-extra-more.cjs").one(), logged, logger: { info: (m) => logged.push(m) } });\nexports.deactivate = () => {};\n`);
    assert.deepEqual(start(), { result: 41, cache: 'miss' });
    const longer = cacheFiles().find((f) => f.startsWith('lazy-extra-more-'))!;
    utimesSync(join(root, 'dist', 'lazy-extra.cjs'), new Date(), new Date(Date.now() + 5_000));
    start();
    assert.ok(cacheFiles().includes(longer), cacheFiles().join(', '));
    assert.equal(cacheFiles().filter((f) => f.startsWith('lazy-extra-') && !f.startsWith('lazy-extra-more-')).length, 1, cacheFiles().join(', '));
  });

  it('still starts when the storage cannot be written', () => {
    writeFileSync(storage, 'a file where the storage folder should be');
    assert.deepEqual(start(), { result: 41, cache: 'miss' });
    assert.deepEqual(start(), { result: 41, cache: 'miss' });
  });
});
