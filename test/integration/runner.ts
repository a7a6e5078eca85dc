/**
 * Test runner loaded by VS Code as `extensionTestsPath` (bundled by ./build.ts into
 * .vscode-test/integration/runner.cjs). The extension host calls run(), which runs
 * mocha on the suites in ./suite/ inside the host, with the real `vscode` API.
 *
 * The extension host exits 0 even when run() throws (code-server), so the outcome
 * is written as JSON to the file named by env POSTMORTEM_TEST_RESULTS; the host
 * scripts (runInCodeServer.ts, runWithElectron.ts) read and print it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { SKIP_REASON } from './helpers';

export interface TestFailure {
  fullTitle: string;
  message: string;
  stack: string;
}

export interface TestResults {
  passes: number;
  failures: number;
  pending: number;
  tests: number;
  durationMs: number;
  vscodeVersion: string;
  failed: TestFailure[];
  skipped: { fullTitle: string; reason: string }[];
  /** mocha "spec"-style report, with the summary lines (`N passing`, `N failing`). */
  output: string;
  /** Set when mocha itself could not run (bad bundle, exception outside a test). */
  error?: string;
}

/** A spec-like reporter that writes to a buffer (the extension host has no terminal). */
function bufferedSpecReporter(lines: string[], results: TestResults) {
  const { EVENT_SUITE_BEGIN, EVENT_SUITE_END, EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;
  return class BufferedSpec extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      let indent = 0;
      const pad = () => '  '.repeat(indent);
      const started = Date.now();
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        indent++;
        if (suite.title) lines.push(`${pad()}${suite.title}`);
      });
      runner.on(EVENT_SUITE_END, () => {
        indent--;
        if (indent === 1) lines.push('');
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        results.passes++;
        const slow = (test.duration ?? 0) > test.slow() / 2 ? ` (${test.duration}ms)` : '';
        lines.push(`${pad()}  ✔ ${test.title}${slow}`);
      });
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, err: Error) => {
        results.failures++;
        results.failed.push({ fullTitle: test.fullTitle(), message: String(err?.message ?? err), stack: String(err?.stack ?? '') });
        lines.push(`${pad()}  ${results.failures}) ${test.title}`);
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        results.pending++;
        const reason = (test as unknown as Record<symbol, string | undefined>)[SKIP_REASON];
        results.skipped.push({ fullTitle: test.fullTitle(), reason: reason ?? '' });
        lines.push(`${pad()}  - ${test.title}${reason ? ` (skipped: ${reason})` : ''}`);
      });
      runner.once(EVENT_RUN_END, () => {
        results.durationMs = Date.now() - started;
        results.tests = results.passes + results.failures + results.pending;
        lines.push('', `  ${results.passes} passing (${(results.durationMs / 1000).toFixed(1)}s)`);
        if (results.pending) lines.push(`  ${results.pending} pending`);
        lines.push(`  ${results.failures} failing`, '');
        results.failed.forEach((f, i) => {
          lines.push(`  ${i + 1}) ${f.fullTitle}:`);
          const stack = f.stack.includes(f.message) ? f.stack : `${f.message}\n${f.stack}`;
          lines.push(...stack.split('\n').slice(0, 12).map((l) => `     ${l}`), '');
        });
      });
    }
  };
}

function writeResults(results: TestResults): void {
  const file = process.env.POSTMORTEM_TEST_RESULTS;
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(results, null, 2));
}

export async function run(): Promise<void> {
  const lines: string[] = [];
  const results: TestResults = {
    passes: 0,
    failures: 0,
    pending: 0,
    tests: 0,
    durationMs: 0,
    vscodeVersion: vscode.version,
    failed: [],
    skipped: [],
    output: '',
  };
  try {
    const mocha = new Mocha({
      ui: 'bdd',
      timeout: Number(process.env.POSTMORTEM_TEST_TIMEOUT ?? 20_000),
      slow: 2000,
      color: false,
      grep: process.env.POSTMORTEM_TEST_GREP || undefined,
    });
    mocha.reporter(bufferedSpecReporter(lines, results));
    // The suites are bundled into this file: expose describe/it, then evaluate them.
    mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
    // POSTMORTEM_TEST_SUITE=untrusted: the Restricted Mode suite, for the window runInCodeServer opens untrusted.
    if (process.env.POSTMORTEM_TEST_SUITE === 'untrusted') await import('./untrusted/index');
    else await import('./suite/index');
    await new Promise<void>((resolve) => mocha.run(() => resolve()));
  } catch (error) {
    results.error = String((error as Error)?.stack ?? error);
    results.failures++;
    lines.push(`runner error: ${results.error}`);
  }
  results.output = lines.join('\n');
  writeResults(results);
  console.log(results.output);
  if (results.failures > 0) throw new Error(`${results.failures} integration test(s) failed`);
}
