/**
 * The integration suites in desktop VS Code (Electron), downloaded by
 * @vscode/test-electron: for machines that can reach the VS Code download
 * servers (not this one; here use runInCodeServer.ts).
 *
 *   npx tsx test/integration/runWithElectron.ts            # VS Code "stable"
 *   VSCODE_VERSION=1.100.3 npx tsx test/integration/runWithElectron.ts
 *
 * On Linux without a display, run it under `xvfb-run -a`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { runTests } from '@vscode/test-electron';
import { buildIntegrationTests } from './build.js';
import type { TestResults } from './runner.js';
import { REPO_ROOT, tempWorkspace } from './workspace.js';

async function main(): Promise<number> {
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node esbuild.mjs failed:\n${build.stdout}${build.stderr}`);
  const runner = await buildIntegrationTests();
  const workspace = tempWorkspace('postmortem-it-electron-');
  const tmp = mkdtempSync(join(tmpdir(), 'postmortem-it-electron-results-'));
  const resultsFile = join(tmp, 'results.json');
  try {
    let exitCode = 0;
    try {
      exitCode = await runTests({
        version: process.env.VSCODE_VERSION ?? 'stable',
        extensionDevelopmentPath: REPO_ROOT,
        extensionTestsPath: runner,
        extensionTestsEnv: { POSTMORTEM_TEST_RESULTS: resultsFile },
        launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      });
    } catch (error) {
      // runTests rejects when VS Code exits non-zero (failing tests); the results file says more.
      console.error(String((error as Error)?.message ?? error));
      exitCode = 1;
    }
    if (!existsSync(resultsFile)) {
      console.log('integration: 0 passed, 1 failed (no results file: VS Code did not run the tests)');
      return 1;
    }
    const results: TestResults = JSON.parse(readFileSync(resultsFile, 'utf8'));
    console.log(`\nIntegration tests in VS Code ${results.vscodeVersion} (desktop, Electron)\n`);
    console.log(results.output);
    console.log(`integration: ${results.passes} passed, ${results.failures} failed, ${results.pending} skipped`);
    return results.failures > 0 || results.tests === 0 || exitCode !== 0 ? 1 : 0;
  } finally {
    rmSync(dirname(workspace), { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
