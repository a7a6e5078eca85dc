/**
 * Throw-away workspaces for the integration and end-to-end tests: the example
 * post-mortems plus an empty `postmortems/` folder (where `Postmortem: New
 * Post-Mortem` saves).
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const EXAMPLES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'examples');

/** The example documents (`*.postmortem.md`) in test/fixtures/examples/. */
export function exampleFiles(): string[] {
  return readdirSync(EXAMPLES_DIR).filter((f) => f.endsWith('.postmortem.md')).sort();
}

/**
 * Copy the examples and an empty `postmortems/` folder into `dir` (created if needed).
 * Files that already exist are left alone (`npm start` must never overwrite a user's edits).
 * Returns the files that were written.
 */
export function populateWorkspace(dir: string): string[] {
  mkdirSync(join(dir, 'postmortems'), { recursive: true });
  const written: string[] = [];
  for (const f of exampleFiles()) {
    const target = join(dir, f);
    if (existsSync(target)) continue;
    // read + write rather than copy: the fixtures are read-only, the copies must be editable
    writeFileSync(target, readFileSync(join(EXAMPLES_DIR, f)));
    written.push(f);
  }
  return written;
}

/** A fresh temp workspace with the examples (under `parent`, default the temp dir); the caller removes it. */
export function tempWorkspace(prefix = 'postmortem-ws-', parent = tmpdir()): string {
  mkdirSync(parent, { recursive: true });
  const base = mkdtempSync(join(parent, prefix));
  const ws = join(base, 'workspace');
  populateWorkspace(ws);
  return ws;
}
