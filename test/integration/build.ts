/**
 * Bundle the in-host test runner and its suites (./runner.ts, ./suite/*) into one
 * CommonJS file, .vscode-test/integration/runner.cjs (git-ignored).
 *
 * The bundle must live inside the extension's folder: the extension host hands
 * `require('vscode')` the API object of the extension whose folder holds the
 * requiring file, so tests share the extension's `vscode.window` (and can stub it).
 * mocha is bundled too (it is ESM; this keeps the runner independent of the host's
 * Node version).
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { populateWorkspace, REPO_ROOT } from './workspace.js';

export const INTEGRATION_OUT_DIR = join(REPO_ROOT, '.vscode-test', 'integration');
export const RUNNER_BUNDLE = join(INTEGRATION_OUT_DIR, 'runner.cjs');

export async function buildIntegrationTests(): Promise<string> {
  await build({
    entryPoints: [join(REPO_ROOT, 'test', 'integration', 'runner.ts')],
    outfile: RUNNER_BUNDLE,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
    // mocha's parallel mode (unused here) resolves worker files at run time.
    logOverride: { 'require-resolve-not-external': 'silent' },
    // Some of mocha's ESM files use import.meta.url, which is empty in a CJS bundle.
    define: { 'import.meta.url': '__pmImportMetaUrl' },
    banner: { js: 'var __pmImportMetaUrl = require("url").pathToFileURL(__filename).href;' },
  });
  return RUNNER_BUNDLE;
}

/** Recreate `dir` as a fresh test workspace (the suites add files to it). */
export function freshWorkspace(dir: string): string {
  const safe = [join(REPO_ROOT, '.vscode-test') + sep, tmpdir() + sep];
  if (!safe.some((p) => resolve(dir).startsWith(p))) throw new Error(`refusing to recreate ${dir}: not under .vscode-test/ or the temp dir`);
  rmSync(dir, { recursive: true, force: true });
  populateWorkspace(dir);
  return dir;
}

// `npx tsx test/integration/build.ts [--workspace <dir>]` (the "Extension Tests" launch config's task)
if (process.argv[1] && /build\.ts$/.test(process.argv[1])) {
  console.log(`bundle: ${await buildIntegrationTests()}`);
  const i = process.argv.indexOf('--workspace');
  if (i > 0) console.log(`workspace: ${freshWorkspace(resolve(REPO_ROOT, process.argv[i + 1]))}`);
}
