/**
 * Run the integration suites (./suite/) inside a real VS Code extension host:
 * code-server (scripts/setup-editor.sh) with the repository as development
 * extension and ./runner.ts (bundled) as extensionTestsPath.
 *
 *   npm run test:integration             # = npx tsx test/integration/runInCodeServer.ts
 *   POSTMORTEM_TEST_GREP=hover npm run test:integration
 *
 * The extension host only starts when a window connects, so headless Chromium
 * opens the workbench URL. The runner writes its results to the JSON file named
 * by POSTMORTEM_TEST_RESULTS (the host exits 0 even when tests fail); this script
 * waits for it (3 min), prints mocha's spec report and exits non-zero on failures.
 * A second window then opens a workspace that is not trusted (Restricted Mode) and runs
 * ./untrusted/ there; POSTMORTEM_TEST_GREP runs the main suites only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../e2e/codeServer.js';
import { launchBrowser, newWorkbenchPage, screenshot } from '../e2e/workbench.js';
import { buildIntegrationTests } from './build.js';
import type { TestResults } from './runner.js';
import { untrustedWorkspaceFiles } from './untrusted/files.js';
import { REPO_ROOT, tempWorkspace } from './workspace.js';

const RESULTS_TIMEOUT_MS = Number(process.env.POSTMORTEM_RESULTS_TIMEOUT_MS ?? 180_000);

function log(msg: string): void {
  console.log(`[integration] ${msg}`);
}

/** The newest extension-host log under code-server's logs dir (for failures). */
function exthostLogTail(logsDir: string, lines = 60): string {
  const found: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/exthost\.log$|remoteexthost\.log$/.test(e.name)) found.push(p);
    }
  };
  walk(logsDir);
  found.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!found[0]) return '(no extension host log found)';
  return `${found[0]}:\n${readFileSync(found[0], 'utf8').split('\n').slice(-lines).join('\n')}`;
}

interface Pass {
  /** Which suites the runner loads (POSTMORTEM_TEST_SUITE): the main ones, or the Restricted Mode one. */
  suite: 'main' | 'untrusted';
  /** Extra files written into the fresh workspace. */
  files?: Record<string, string>;
}

/** One window on a fresh workspace: code-server, Chromium on its workbench, the runner's results. */
async function runPass(pass: Pass, runner: string, t0: number): Promise<{ failed: boolean; passes: number; failures: number; pending: number }> {
  const workspace = tempWorkspace('postmortem-it-');
  for (const [path, text] of Object.entries(pass.files ?? {})) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), text);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'postmortem-it-results-'));
  const resultsFile = join(tmp, 'results.json');
  let browser: Browser | undefined;
  let server: CodeServer | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    rmSync(dirname(workspace), { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
  };
  const failed = { failed: true, passes: 0, failures: 1, pending: 0 };
  try {
    server = await startCodeServer({
      workspace,
      extensionDevPath: REPO_ROOT,
      extensionTestsPath: runner,
      env: { POSTMORTEM_TEST_RESULTS: resultsFile, POSTMORTEM_TEST_SUITE: pass.suite },
      untrusted: pass.suite === 'untrusted',
    });
    log(`${pass.suite}: code-server ${server.url} up in ${server.timings.listenMs} ms; workspace ${workspace}`);
    browser = await launchBrowser();
    const page = await newWorkbenchPage(browser);
    await page.goto(server.workbenchUrl, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    log(`${pass.suite}: workbench loaded after ${((Date.now() - t0) / 1000).toFixed(1)} s; waiting for the tests (max ${RESULTS_TIMEOUT_MS / 1000} s)`);

    const deadline = Date.now() + RESULTS_TIMEOUT_MS;
    while (!existsSync(resultsFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    if (!existsSync(resultsFile)) {
      await screenshot(page, `integration-${pass.suite}-timeout`).catch(() => undefined);
      console.error(`[integration] ${pass.suite}: no results after ${RESULTS_TIMEOUT_MS / 1000} s (screenshot: test-results/integration-${pass.suite}-timeout.png)`);
      console.error(exthostLogTail(server.logsDir));
      console.error(server.logs().split('\n').slice(-40).join('\n'));
      return failed;
    }
    // The runner writes the file in one call; a partial read would fail JSON.parse: retry once.
    let results: TestResults;
    try {
      results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    } catch {
      await new Promise((r) => setTimeout(r, 500));
      results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    }
    console.log(`\nIntegration tests (${pass.suite}) in VS Code ${results.vscodeVersion} (code-server extension host)\n`);
    console.log(results.output);
    if (results.error) console.error(exthostLogTail(server.logsDir));
    return { failed: results.failures > 0 || results.tests === 0, passes: results.passes, failures: results.failures, pending: results.pending };
  } finally {
    await cleanup();
  }
}

async function main(): Promise<number> {
  const t0 = Date.now();
  log('building the extension (dist/extension.cjs) and the test bundle');
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node esbuild.mjs failed:\n${build.stdout}${build.stderr}`);
  const runner = await buildIntegrationTests();
  const passes: Pass[] = [{ suite: 'main' }];
  // A grep picks tests of the main suites; the Restricted Mode window runs when nothing is picked.
  if (!process.env.POSTMORTEM_TEST_GREP) passes.push({ suite: 'untrusted', files: untrustedWorkspaceFiles() });
  const total = { passes: 0, failures: 0, pending: 0 };
  let failed = false;
  for (const pass of passes) {
    const r = await runPass(pass, runner, t0);
    failed ||= r.failed;
    total.passes += r.passes;
    total.failures += r.failures;
    total.pending += r.pending;
  }
  log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // The plain closing line CI reads.
  console.log(`integration: ${total.passes} passed, ${total.failures} failed, ${total.pending} skipped`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
