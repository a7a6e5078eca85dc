/**
 * Smoke proof of the e2e harness: a throw-away extension (generated into
 * .vscode-test/smoke-ext/ and packaged with vsce) runs in a real code-server and
 * is driven through headless Chromium.
 *
 *   bash scripts/setup-editor.sh     # once
 *   npx tsx test/e2e/smoke.ts
 *
 * Checks: command from the palette -> notification, hover, diagnostics in the
 * status bar, a webview's nested iframes, env reaching the extension host, a
 * screenshot; then the same extension loaded unpackaged through
 * extensionDevelopmentPath, with a test runner through extensionTestsPath.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, startCodeServer, type CodeServer } from './codeServer.js';
import {
  hoverAt,
  launchBrowser,
  newWorkbenchPage,
  openFile,
  openWorkbench,
  runCommand,
  screenshot,
  waitForNotification,
  waitForProblems,
  webviewFrame,
} from './workbench.js';

const EXT_DIR = join(REPO_ROOT, '.vscode-test', 'smoke-ext');
const VSIX = join(EXT_DIR, 'smoke-0.0.1.vsix');

const EXT_FILES: Record<string, string> = {
  'package.json': JSON.stringify(
    {
      name: 'smoke',
      displayName: 'Smoke',
      description: 'Throw-away extension that proves the e2e harness works',
      version: '0.0.1',
      publisher: 'e2e',
      license: 'MIT',
      engines: { vscode: '^1.90.0' },
      main: './extension.js',
      activationEvents: ['onLanguage:plaintext'],
      contributes: {
        commands: [
          { command: 'smoke.hello', title: 'Hello', category: 'Smoke' },
          { command: 'smoke.webview', title: 'Open Webview', category: 'Smoke' },
        ],
      },
    },
    null,
    2,
  ),
  'README.md': '# Smoke\n\nThrow-away extension for test/e2e/smoke.ts.\n',
  'extension.js': `'use strict';
const vscode = require('vscode');
const fs = require('fs');

// Test-mode reporting: the extension host is a Node process on this machine and
// inherits code-server's environment, so a results file named by an env var works.
function report(event, extra) {
  const file = process.env.SMOKE_RESULTS_FILE;
  if (!file) return;
  fs.appendFileSync(file, JSON.stringify({ event, pid: process.pid, marker: process.env.SMOKE_MARKER ?? null, ...extra }) + '\\n');
}

exports.activate = function activate(context) {
  report('activate', { extensionMode: context.extensionMode, extensionPath: context.extensionPath, vscodeVersion: vscode.version });
  context.subscriptions.push(
    vscode.commands.registerCommand('smoke.hello', () => {
      report('hello');
      vscode.window.showInformationMessage('Hello from Smoke! mode=' + context.extensionMode);
    }),
    vscode.commands.registerCommand('smoke.webview', () => {
      const panel = vscode.window.createWebviewPanel('smoke.view', 'Smoke View', vscode.ViewColumn.Beside, {});
      panel.webview.html = '<!DOCTYPE html><html><body><h1 id="greeting">Hello from the webview</h1></body></html>';
    }),
    vscode.languages.registerHoverProvider('plaintext', {
      provideHover(doc, pos) {
        const range = doc.getWordRangeAtPosition(pos);
        if (!range) return undefined;
        return new vscode.Hover(new vscode.MarkdownString('**Smoke hover** for \`' + doc.getText(range) + '\`'), range);
      },
    }),
  );
  const diags = vscode.languages.createDiagnosticCollection('smoke');
  context.subscriptions.push(diags);
  const lint = (doc) => {
    if (doc.languageId !== 'plaintext') return;
    const out = [];
    const text = doc.getText();
    for (const [word, sev] of [['FIXME', vscode.DiagnosticSeverity.Error], ['TODO', vscode.DiagnosticSeverity.Warning]]) {
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
        out.push(new vscode.Diagnostic(new vscode.Range(doc.positionAt(i), doc.positionAt(i + word.length)), word + ' found', sev));
      }
    }
    diags.set(doc.uri, out);
  };
  vscode.workspace.textDocuments.forEach(lint);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(lint), vscode.workspace.onDidChangeTextDocument((e) => lint(e.document)));
};

exports.deactivate = function deactivate() {};
`,
  // Used as extensionTestsPath: the extension host calls run() and exits with its outcome.
  'test-runner.js': `'use strict';
const vscode = require('vscode');
const fs = require('fs');
exports.run = async function run() {
  const results = [];
  const t = async (name, fn) => { try { await fn(); results.push({ name, ok: true }); } catch (e) { results.push({ name, ok: false, error: String(e) }); } };
  await t('commands registered', async () => {
    const all = await vscode.commands.getCommands(true);
    if (!all.includes('smoke.hello')) throw new Error('smoke.hello missing');
  });
  await t('env reaches the extension host', async () => {
    if (!process.env.SMOKE_MARKER) throw new Error('SMOKE_MARKER missing');
  });
  fs.writeFileSync(process.env.SMOKE_TESTS_FILE, JSON.stringify({ results, pid: process.pid }));
  if (results.some((r) => !r.ok)) throw new Error('some tests failed');
};
`,
};

/** Write the smoke extension and package it (only when something changed). */
function buildSmokeExtension(): void {
  mkdirSync(EXT_DIR, { recursive: true });
  let changed = !existsSync(VSIX);
  for (const [name, text] of Object.entries(EXT_FILES)) {
    const p = join(EXT_DIR, name);
    if (!existsSync(p) || readFileSync(p, 'utf8') !== text) {
      writeFileSync(p, text);
      changed = true;
    }
  }
  if (!changed) return;
  // Call vsce by path: `npx vsce` inside smoke-ext (its own package.json, no
  // node_modules) would try to fetch a package from the registry.
  const vsce = join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(
    vsce,
    ['package', '--allow-missing-repository', '--skip-license', '--no-dependencies', '-o', VSIX],
    { cwd: EXT_DIR, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vsce package failed:\n${r.stdout}${r.stderr}`);
}

let passed = 0;
let failed = 0;
async function check(name: string, fn: () => Promise<string | void>): Promise<void> {
  const t0 = Date.now();
  try {
    const info = await fn();
    passed++;
    console.log(`  ok   ${name} (${Date.now() - t0} ms)${info ? ` - ${info}` : ''}`);
  } catch (e) {
    failed++;
    console.log(`  FAIL ${name} (${Date.now() - t0} ms)\n       ${String((e as Error).stack ?? e).split('\n').slice(0, 4).join('\n       ')}`);
  }
}

function readEvents(file: string): { event: string; pid: number; marker: string | null; extensionMode?: number }[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

async function waitFor<T>(fn: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function main(): Promise<void> {
  const t0 = Date.now();
  buildSmokeExtension();
  console.log(`smoke extension ready: ${VSIX} (${Date.now() - t0} ms)`);

  const tmp = mkdtempSync(join(tmpdir(), 'postmortem-smoke-'));
  process.on('exit', () => rmSync(tmp, { recursive: true, force: true })); // also on Ctrl+C
  const workspace = join(tmp, 'workspace');
  mkdirSync(workspace);
  writeFileSync(join(workspace, 'notes.txt'), 'hello postmortem world\nTODO write the timeline\nFIXME blame-free wording\n');
  const resultsFile = join(tmp, 'results.jsonl');
  const testsFile = join(tmp, 'tests.json');
  const marker = `marker-${process.pid}`;

  let browser: Browser | undefined;
  const servers: CodeServer[] = [];
  try {
    // ---------------------------------------------------------------- 1: packaged VSIX
    console.log('1. VSIX installed into code-server');
    let t = Date.now();
    const cs = await startCodeServer({
      workspace,
      vsix: VSIX,
      env: { SMOKE_RESULTS_FILE: resultsFile, SMOKE_MARKER: marker },
    });
    servers.push(cs);
    const tListen = Date.now() - t;
    t = Date.now();
    browser = await launchBrowser();
    const page = await newWorkbenchPage(browser);
    await openWorkbench(page, cs.workbenchUrl, undefined, 0);
    const tDom = Date.now() - t;
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'notes.txt' }).waitFor({ timeout: 30_000 });
    console.log(
      `   startCodeServer ${tListen} ms (--install-extension ${cs.timings.installMs} ms, spawn->HTTP ${cs.timings.listenMs} ms); ` +
        `browser launch + .monaco-workbench ${tDom} ms; ` +
        `explorer populated after ${Date.now() - t} ms`,
    );

    await check('open notes.txt with quick open', () => openFile(page, 'notes.txt'));
    await check('extension activated on plaintext, env reached the extension host', async () => {
      const ev = await waitFor(() => readEvents(resultsFile).find((e) => e.event === 'activate'), 'activate event');
      if (ev.marker !== marker) throw new Error(`marker ${ev.marker} !== ${marker}`);
      return `exthost pid ${ev.pid}, extensionMode ${ev.extensionMode}`;
    });
    await check('problems count in the status bar', async () => {
      const c = await waitForProblems(page, (p) => p.errors === 1 && p.warnings === 1);
      if (c.errors !== 1 || c.warnings !== 1) throw new Error(JSON.stringify(c));
      return JSON.stringify(c);
    });
    await check('command palette: Smoke: Hello -> notification', async () => {
      await runCommand(page, 'Smoke: Hello');
      return waitForNotification(page, 'Hello from Smoke!');
    });
    await check('hover over "postmortem"', async () => {
      const text = await hoverAt(page, 'postmortem');
      if (!text.includes('Smoke hover')) throw new Error(`hover text: ${JSON.stringify(text)}`);
      return JSON.stringify(text);
    });
    await check('screenshot', async () => screenshot(page, 'smoke-hover'));
    await check('webview iframes', async () => {
      await page.keyboard.press('Escape');
      await runCommand(page, 'Smoke: Open Webview');
      const { inner } = await webviewFrame(page, 'e2e.smoke');
      await inner.locator('#greeting').waitFor({ timeout: 10_000 });
      return inner.locator('#greeting').innerText();
    });
    await check('screenshot with webview', async () => screenshot(page, 'smoke-webview'));
    await page.context().close();
    await cs.stop();
    servers.pop();

    // ---------------------------------------------------------------- 2: unpackaged
    console.log('2. unpackaged folder via extensionDevelopmentPath (no VSIX)');
    rmSync(resultsFile, { force: true });
    t = Date.now();
    const dev = await startCodeServer({
      workspace,
      extensionDevPath: EXT_DIR,
      env: { SMOKE_RESULTS_FILE: resultsFile, SMOKE_MARKER: marker },
    });
    servers.push(dev);
    const page2 = await newWorkbenchPage(browser);
    await openWorkbench(page2, dev.workbenchUrl, undefined, 0);
    console.log(`   workbench after ${Date.now() - t} ms`);
    await check('development extension: Smoke: Hello -> notification', async () => {
      await runCommand(page2, 'Smoke: Hello');
      const msg = await waitForNotification(page2, 'Hello from Smoke!');
      // ExtensionMode: 1 Production, 2 Development, 3 Test
      if (!/mode=2/.test(msg)) throw new Error(`not a development extension: ${msg}`);
      return msg;
    });
    await check('screenshot of development host', async () => screenshot(page2, 'smoke-devpath'));
    await page2.context().close();
    await dev.stop();
    servers.pop();

    // ---------------------------------------------------------------- 3: in-editor tests
    console.log('3. test runner via extensionTestsPath (+ extensionDevelopmentPath)');
    t = Date.now();
    const tst = await startCodeServer({
      workspace,
      extensionDevPath: EXT_DIR,
      extensionTestsPath: join(EXT_DIR, 'test-runner.js'),
      env: { SMOKE_MARKER: marker, SMOKE_TESTS_FILE: testsFile },
    });
    servers.push(tst);
    const page3 = await newWorkbenchPage(browser);
    await openWorkbench(page3, tst.workbenchUrl, undefined, 0);
    await check('extensionTestsPath runner ran in the remote extension host', async () => {
      const res = await waitFor(
        () => (existsSync(testsFile) ? (JSON.parse(readFileSync(testsFile, 'utf8')) as { results: { name: string; ok: boolean }[] }) : undefined),
        'tests file',
        30_000,
      );
      if (res.results.some((r) => !r.ok)) throw new Error(JSON.stringify(res.results));
      return `${res.results.length} in-editor tests passed, ${Date.now() - t} ms after start`;
    });
  } finally {
    await browser?.close().catch(() => undefined);
    for (const s of servers) await s.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
  console.log(`total ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
