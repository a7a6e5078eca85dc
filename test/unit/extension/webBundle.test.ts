import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const BUNDLE = join(ROOT, 'dist', 'web', 'extension.js');
/**
 * Unminified (dev) builds are about twice the minified size; both must stay well under this. Raised from 1.5 MB when the
 * blame detector's learned model (20 KB of weights, inline here: the web bundle has no lazy chunks) took the dev build
 * from 1,532 KB to 1,561 KB; the minified web bundle is 934 KB.
 */
const MAX_BYTES = 1.75 * 1024 * 1024;

const NODE_BUILTINS = ['fs', 'path', 'child_process', 'os', 'crypto', 'worker_threads', 'net', 'http', 'https', 'url', 'util', 'stream', 'events', 'zlib', 'module', 'process', 'buffer', 'tty', 'readline', 'perf_hooks', 'vm', 'assert'];

describe('web extension bundle (dist/web/extension.js)', function () {
  let code = '';

  before(function () {
    assert.ok(existsSync(BUNDLE), 'dist/web/extension.js is not built: run npm run build (npm test does)');
    code = readFileSync(BUNDLE, 'utf8');
  });

  it('requires nothing but vscode: no Node built-ins, with or without `node:`', () => {
    const required = [...new Set([...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]))];
    assert.deepEqual(required, ['vscode']);
    for (const name of NODE_BUILTINS) {
      assert.ok(!code.includes(`require("${name}")`) && !code.includes(`require('${name}')`), `require("${name}") in the web bundle`);
    }
    assert.ok(!/require\(\s*["']node:/.test(code), 'require("node:…") in the web bundle');
    assert.ok(!/\bimport\(\s*["']node:/.test(code), 'import("node:…") in the web bundle');
    assert.ok(!/\bfrom\s*["']node:/.test(code), 'import … from "node:…" in the web bundle');
  });

  it(`stays under ${MAX_BYTES / 1024 / 1024} MB`, () => {
    const size = statSync(BUNDLE).size;
    console.log(`      web bundle: ${(size / 1024).toFixed(0)} KB`);
    assert.ok(size < MAX_BYTES, `${size} bytes`);
  });

  it('loads in a context without Node globals and exports activate/deactivate', () => {
    // A vscode stand-in that accepts any use at load time, with the API names the bundle uses as own keys
    // (esbuild's interop copies the module's own properties).
    const deep: object = new Proxy(function () {}, {
      get: (_t, key) => (key === Symbol.toPrimitive ? () => '' : deep),
      apply: () => deep,
      construct: () => deep,
    });
    const apiNames = new Set([...code.matchAll(/\bvscode\d*\.(\w+)/g)].map((m) => m[1]));
    const vscodeStub = Object.fromEntries([...apiNames].map((name) => [name, deep]));
    const module = { exports: {} as Record<string, unknown> };
    const require = (name: string) => {
      if (name === 'vscode') return vscodeStub;
      throw new Error(`the web bundle required "${name}"`);
    };
    const sandbox = vm.createContext({
      module,
      exports: module.exports,
      require,
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      TextDecoder,
      TextEncoder,
      URL,
      URLSearchParams,
      AbortController,
    });
    vm.runInContext(code, sandbox, { filename: 'dist/web/extension.js' });
    assert.equal(typeof module.exports.activate, 'function');
    assert.equal(typeof module.exports.deactivate, 'function');
  });

  it('is what package.json "browser" points to, built by esbuild.mjs for the browser platform', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { browser?: string };
    assert.equal(pkg.browser, './dist/web/extension.js');
    const config = readFileSync(join(ROOT, 'esbuild.mjs'), 'utf8');
    assert.match(config, /entryPoints: \['src\/extension\/extension\.browser\.ts'\],\s*outfile: 'dist\/web\/extension\.js',\s*platform: 'browser'/);
  });
});
