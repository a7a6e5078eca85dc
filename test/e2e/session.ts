/**
 * One editor session for the end-to-end tests: a throw-away workspace with the
 * examples, code-server with the extension installed from the VSIX (as a user
 * installs it), and headless Chromium showing the workbench.
 *
 * Environment:
 *   E2E_VSIX=path      install this VSIX instead of packaging one (scripts/package.mjs)
 *   E2E_INSTALL=dev    load the repository as a development extension instead of a VSIX
 *   E2E_HEADED=1       show the browser (needs a display)
 *   E2E_KEEP_TMP=1     keep code-server's temp dirs (logs) after the run
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { tempWorkspace } from '../integration/workspace.js';
import { REPO_ROOT, startCodeServer, type CodeServer } from './codeServer.js';
import { launchBrowser, newWorkbenchPage, openWorkbench } from './workbench.js';

export interface Session {
  server: CodeServer;
  browser: Browser;
  page: Page;
  workspace: string;
  /** 'vsix' or 'dev' */
  install: string;
  stop(): Promise<void>;
}

/** The line the e2e copy of the checkout example gets, so there is an "MTTR" to hover. */
export const MTTR_LINE = '- Service was restored within our MTTR target for SEV2 incidents.';

/** Run a build step; its output is shown only when it fails. */
function quietly(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${[cmd, ...args].join(' ')} failed (${r.status ?? r.error}):\n${r.stdout}${r.stderr}`);
}

/** Package the extension into .vscode-test/e2e/postmortem.vsix (production build + vsce). */
export function packageVsix(): string {
  const out = join(REPO_ROOT, '.vscode-test', 'e2e', 'postmortem.vsix');
  rmSync(out, { force: true });
  quietly(process.execPath, [join(REPO_ROOT, 'scripts', 'package.mjs'), '--out', out]);
  return out;
}

/** Commands contributed by the extension's manifest (id -> "Category: Title"). */
export function contributedCommands(): Map<string, string> {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
  const out = new Map<string, string>();
  for (const c of manifest.contributes?.commands ?? []) out.set(c.command, c.category ? `${c.category}: ${c.title}` : c.title);
  return out;
}

export async function startSession(): Promise<Session> {
  const install = process.env.E2E_INSTALL === 'dev' ? 'dev' : 'vsix';
  let vsix: string | undefined;
  if (install === 'dev') quietly(process.execPath, ['esbuild.mjs']);
  else {
    vsix = process.env.E2E_VSIX ?? packageVsix();
    if (!existsSync(vsix)) throw new Error(`VSIX not found: ${vsix}`);
  }

  // Where `npm start` puts its sample workspace (under .vscode-test/): a folder name the index once skipped.
  const workspace = tempWorkspace('postmortem-e2e-', join(REPO_ROOT, '.vscode-test', 'e2e-workspaces'));
  const removeWorkspace = () => rmSync(dirname(workspace), { recursive: true, force: true });
  const checkout = join(workspace, 'checkout-latency.postmortem.md');
  writeFileSync(checkout, readFileSync(checkout, 'utf8').replace('- Blast radius:', `${MTTR_LINE}\n- Blast radius:`));
  const settings = {
    'workbench.colorTheme': 'Default Dark Modern',
    'editor.minimap.enabled': false,
    'editor.fontSize': 14,
    'editor.hover.delay': 150,
    'files.autoSave': 'off',
  };
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  try {
    server = await startCodeServer({ workspace, settings, ...(vsix ? { vsix } : { extensionDevPath: REPO_ROOT }) });
    browser = await launchBrowser({ headless: process.env.E2E_HEADED !== '1' });
    const page = await newWorkbenchPage(browser);
    await openWorkbench(page, server.workbenchUrl, undefined, 1000);
    // The explorer lists the workspace once the file service answers.
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'needs-work.postmortem.md' }).waitFor({ timeout: 30_000 });
    const [b, srv] = [browser, server];
    return {
      server: srv,
      browser: b,
      page,
      workspace,
      install,
      async stop() {
        await b.close().catch(() => undefined);
        await srv.stop();
        removeWorkspace();
      },
    };
  } catch (e) {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    removeWorkspace();
    throw e;
  }
}
