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
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startCodeServer, type CodeServer } from '../e2e/codeServer.js';
import { launchBrowser, newWorkbenchPage, screenshot } from '../e2e/workbench.js';
import { buildIntegrationTests } from './build.js';
import type { TestResults } from './runner.js';
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

async function main(): Promise<number> {
  const t0 = Date.now();
  log('building the extension (dist/extension.cjs) and the test bundle');
  const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`node esbuild.mjs failed:\n${build.stdout}${build.stderr}`);
  const runner = await buildIntegrationTests();

  const workspace = tempWorkspace('postmortem-it-');
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
  try {
    server = await startCodeServer({
      workspace,
      extensionDevPath: REPO_ROOT,
      extensionTestsPath: runner,
      env: { POSTMORTEM_TEST_RESULTS: resultsFile },
    });
    log(`code-server ${server.url} up in ${server.timings.listenMs} ms; workspace ${workspace}`);
    browser = await launchBrowser();
    const page = await newWorkbenchPage(browser);
    await page.goto(server.workbenchUrl, { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
    log(`workbench loaded after ${((Date.now() - t0) / 1000).toFixed(1)} s; waiting for the tests (max ${RESULTS_TIMEOUT_MS / 1000} s)`);

    const deadline = Date.now() + RESULTS_TIMEOUT_MS;
    while (!existsSync(resultsFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    if (!existsSync(resultsFile)) {
      await screenshot(page, 'integration-timeout').catch(() => undefined);
      console.error(`[integration] no results after ${RESULTS_TIMEOUT_MS / 1000} s (screenshot: test-results/integration-timeout.png)`);
      console.error(exthostLogTail(server.logsDir));
      console.error(server.logs().split('\n').slice(-40).join('\n'));
      console.log('integration: 0 passed, 1 failed');
      return 1;
    }
    // The runner writes the file in one call; a partial read would fail JSON.parse: retry once.
    let results: TestResults;
    try {
      results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    } catch {
      await new Promise((r) => setTimeout(r, 500));
      results = JSON.parse(readFileSync(resultsFile, 'utf8'));
    }
    console.log(`\nIntegration tests in VS Code ${results.vscodeVersion} (code-server extension host)\n`);
    console.log(results.output);
    if (results.error) console.error(exthostLogTail(server.logsDir));
    log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    // The plain closing line CI reads.
    console.log(`integration: ${results.passes} passed, ${results.failures} failed, ${results.pending} skipped`);
    return results.failures > 0 || results.tests === 0 ? 1 : 0;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
