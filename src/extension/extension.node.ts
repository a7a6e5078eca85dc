// The desktop extension's entry point: loads the real bundle (dist/extensionMain.cjs), and the lazy chunks it
// requires on first use (dist/lazy-*.cjs), through V8's code cache, the way VS Code loads its own code. Compiling the bundle and the functions the first analysis
// runs is a third of the time to the first diagnostics; with the cache a later start skips it. The cache
// is written once per bundle, Node and V8 version (when the extension is deactivated, or a while after
// activation), atomically, into the extension's global storage. Any failure falls back to a plain require.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type * as vscode from 'vscode';

type Main = typeof import('./main.node');

/** A cache written this long after activation holds the functions a session's first analyses compiled. */
const SAVE_AFTER_MS = 30_000;

let main: Main | undefined;

/** How the bundle was loaded: with a cache V8 accepted, without one (`miss`: one is written), or by a plain require. */
export type CodeCacheState = 'hit' | 'miss' | 'rejected' | 'off';
export let codeCacheState: CodeCacheState = 'off';
/** The lazy chunks loaded so far, in order (the bench reports which the first diagnostics needed). */
export const loadedChunks: string[] = [];

export function activate(context: vscode.ExtensionContext) {
  main = loadMain(context);
  const activated = main.activate(context);
  void activated.then((api) => api.logger.info(`Bundle loaded: ${CACHE_STATES[codeCacheState]}`), () => undefined);
  return activated;
}

const CACHE_STATES: Record<CodeCacheState, string> = {
  hit: 'with the V8 code cache',
  miss: 'compiled (no code cache yet; one is written on deactivation)',
  rejected: 'compiled (the code cache was stale and is replaced)',
  off: 'by require (the code cache is not available)',
};

export function deactivate(): void {
  main?.deactivate();
}

function loadMain(context: vscode.ExtensionContext): Main {
  const dist = path.join(context.extensionPath, 'dist');
  const requireMain = createRequire(path.join(dist, 'extensionMain.cjs'));
  // The bundle's lazy chunks (`require("./lazy-blame.cjs")`, scripts/lazyChunks.mjs) go through the code cache as well.
  const chunks = new Map<string, unknown>();
  const requireInBundle = Object.assign((id: string) => {
    if (!/^\.\/lazy-[\w-]+\.cjs$/.test(id)) return requireMain(id);
    let chunk = chunks.get(id);
    if (chunk === undefined) {
      chunks.set(id, (chunk = loadCached(context, path.join(dist, id.slice(2)), requireMain).exports));
      loadedChunks.push(path.basename(id, '.cjs').slice('lazy-'.length));
    }
    return chunk;
  }, requireMain) as NodeJS.Require;
  const { exports, state } = loadCached(context, path.join(dist, 'extensionMain.cjs'), requireInBundle);
  codeCacheState = state;
  return exports as Main;
}

/** Runs a CommonJS file through V8's code cache (one cache file per bundle, named after it), or by a plain require. */
function loadCached(context: vscode.ExtensionContext, file: string, requireIt: NodeJS.Require): { exports: unknown; state: CodeCacheState } {
  const name = path.basename(file, '.cjs');
  let script: vm.Script;
  let cachedData: Buffer | undefined;
  let dir: string;
  let cacheFile: string;
  try {
    const source = readFileSync(file, 'utf8');
    const { size, mtimeMs } = statSync(file);
    dir = path.join(context.globalStorageUri.fsPath, 'code-cache');
    // V8 checks its version and flags and the source's length, not its content: the name pins the bundle.
    cacheFile = path.join(dir, `${name}-${process.versions.v8}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.bin`);
    cachedData = readOptional(cacheFile);
    script = new vm.Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  } catch {
    return { exports: requireIt(file), state: 'off' };
  }
  // Running it is outside the fallback: a bundle that throws must not run twice.
  const module = { exports: {} as unknown };
  (script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void)
    .call(module.exports, module.exports, requireIt, module, file, path.dirname(file));
  const state: CodeCacheState = !cachedData ? 'miss' : script.cachedDataRejected ? 'rejected' : 'hit';
  if (state !== 'hit') scheduleSave(context, script, dir, cacheFile, name);
  return { exports: module.exports, state };
}

/** Node's CommonJS wrapper (`Module.wrap`), so the bundle runs as it would under require. */
function wrap(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) { ${source}\n});`;
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

function scheduleSave(context: vscode.ExtensionContext, script: vm.Script, dir: string, cacheFile: string, name: string): void {
  let saved = false;
  const save = () => {
    if (saved) return;
    saved = true;
    try {
      const data = script.createCachedData();
      mkdirSync(dir, { recursive: true });
      // This bundle's caches of other builds or runtimes are stale once this one exists (and the main bundle's start clears
      // caches named the way before chunks had their own).
      // (The V8 version after the name starts with a digit: "lazy-blame-" does not claim a chunk named "lazy-blame-x".)
      const own = (file: string) => (file.startsWith(`${name}-`) && /^\d/.test(file.slice(name.length + 1))) || (name === 'extensionMain' && !/^(?:extensionMain|lazy-[\w-]+)-\d/.test(file));
      for (const file of readdirSync(dir)) if (own(file) && path.join(dir, file) !== cacheFile) rmSync(path.join(dir, file), { force: true });
      const partial = `${cacheFile}.${process.pid}.tmp`;
      writeFileSync(partial, data);
      renameSync(partial, cacheFile);
    } catch {
      // A cache is an optimisation: without one the next start compiles as this one did.
    }
  };
  const timer = setTimeout(save, SAVE_AFTER_MS);
  timer.unref();
  context.subscriptions.push({ dispose: () => { clearTimeout(timer); save(); } });
}
