import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync, type BuildOptions, type Metafile } from 'esbuild';
import { runCli } from '../../../src/cli/main';
import { FIXTURES } from '../helpers';

const ROOT = join(FIXTURES, '..', '..');
const TODAY = '2026-03-20';

/** The CLI and its pool worker, bundled from the current sources with esbuild.mjs's options (so never a stale dist/). */
function bundle(dir: string, entry: string, outfile: string): Metafile {
  const options: BuildOptions = {
    entryPoints: [join(ROOT, 'src', 'cli', entry)],
    outfile: join(dir, outfile),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: ROOT,
    banner: { js: '#!/usr/bin/env node\nimport { createRequire as __pmCreateRequire } from "node:module"; const require = __pmCreateRequire(import.meta.url);' },
  };
  return buildSync(options).metafile!;
}

describe('cli: the bundles', function () {
  this.timeout(120_000);
  let dir = '';
  let cli: Metafile;
  let worker: Metafile;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-cli-bundle-'));
    cli = bundle(dir, 'main.ts', 'cli.js');
    worker = bundle(dir, 'poolWorker.ts', 'cliWorker.js');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const sources = (meta: Metafile) => Object.keys(meta.inputs).filter((k) => k.startsWith('src/'));

  it('the CLI loads no editor code (src/extension, vscode, webview scripts)', () => {
    const inputs = Object.keys(cli.inputs);
    assert.deepEqual(inputs.filter((k) => k.startsWith('src/extension/') || k.startsWith('media/') || /(^|\/)vscode(\/|$)/.test(k)), []);
    assert.ok(sources(cli).includes('src/cli/pool.ts'));
  });

  it('the pool worker holds the engine and the per-file jobs, not the commands, summary, git or insight reports', () => {
    const src = sources(worker);
    assert.ok(src.includes('src/core/analyze.ts') && src.includes('src/cli/fileJobs.ts'));
    assert.deepEqual(src.filter((k) => /Command\.ts$|src\/cli\/main\.ts|src\/core\/(summary|gitEvents|features|timelineView)\/|src\/core\/insights\/(compute|report|charts)/.test(k)), []);
  });

  it('the built CLI, every file through its worker (dist/cliWorker.js), prints what the in-process serial run prints', () => {
    const files = readdirSync(join(FIXTURES, 'forms'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(FIXTURES, 'forms', f))
      .concat(join(FIXTURES, 'examples', 'checkout-latency.postmortem.md'), join(FIXTURES, 'examples', 'needs-work.postmortem.md'));
    const out: string[] = [];
    const code = runCli(['lint', ...files, '--format', 'json', '--today', TODAY, '--concurrency', 'off'], { out: (t) => out.push(t), err: () => {} });
    const built = spawnSync(process.execPath, [join(dir, 'cli.js'), 'lint', ...files, '--format', 'json', '--today', TODAY, '--concurrency', '2'], {
      encoding: 'utf8',
      cwd: ROOT,
      env: { ...process.env, POSTMORTEM_POOL_WORKERS_ONLY: '1' },
    });
    assert.equal(built.stderr, '');
    assert.equal(built.status, code);
    assert.equal(built.stdout, `${out.join('\n')}\n`);
  });
});
