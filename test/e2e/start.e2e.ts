/**
 * `npm start` as a new user runs it: the packaged files are listed once, and stopping npm (a signal
 * to npm, as Ctrl+C or a closed terminal sends) stops code-server too.
 */
import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { REPO_ROOT } from './codeServer.js';

/** Pids of code-server processes serving npm start's sample workspace. */
function sampleServers(): number[] {
  try {
    return execFileSync('pgrep', ['-f', 'code-server.*sample-workspace'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

describe('npm start', function () {
  this.timeout(480_000);

  it('lists the VSIX files once, and a signal to npm stops code-server', async () => {
    assert.deepEqual(sampleServers(), [], 'no npm start code-server left from before');
    const npm = spawn('npm', ['start', '--', '--code-server'], { cwd: REPO_ROOT, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    npm.stdout.on('data', (d) => (out += d));
    npm.stderr.on('data', (d) => (out += d));
    const exited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
    const deadline = Date.now() + 420_000;
    while (!out.includes('Press Ctrl+C to stop.')) {
      if (npm.exitCode !== null) assert.fail(`npm start exited early:\n${out}`);
      if (Date.now() > deadline) assert.fail(`npm start did not report a running editor:\n${out}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.equal(out.split('\n').filter((l) => /^\s+dist\/extension\.cjs$/.test(l)).length, 1, `the file list is printed once:\n${out}`);
    assert.ok(sampleServers().length > 0, 'code-server runs');
    npm.kill('SIGTERM');
    await exited;
    const stopped = Date.now() + 15_000;
    while (sampleServers().length && Date.now() < stopped) await new Promise((r) => setTimeout(r, 250));
    assert.deepEqual(sampleServers(), [], `code-server still runs after npm was stopped:\n${out.slice(-2000)}`);
  });
});
