/**
 * The insights dashboard page in headless Chromium: the page the extension builds (CSP with nonce, the
 * bundled dist/media/insights.js) over the hand-computed fixtures of the insights tests. Bars and points
 * are reachable with Tab and post "open" on Enter or a click; an update replaces the body and keeps the
 * focus. Needs /usr/bin/chromium and a build (`node esbuild.mjs`); skipped otherwise.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { modelOf } from '../../../src/core/analyze';
import { computeInsights, insightRecord, renderDashboardPage, renderDashboardUpdate } from '../../../src/core/insights/index';
import { CHROMIUM_ARGS, CHROMIUM_PATH, REPO_ROOT } from '../../support/timelinePage';
import { generatedPostmortems } from '../core/insights/generate';

const SCRIPT = join(REPO_ROOT, 'dist', 'media', 'insights.js');
const STUB = `
  window.__posted = [];
  window.__violations = [];
  window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m) });
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

describe('insights dashboard in Chromium', function () {
  this.timeout(60_000);
  let browser: Browser | undefined;
  let page: Page;
  let dir: string;
  const insights = computeInsights(
    generatedPostmortems(40).map((t, i) => insightRecord(`file:///ws/inc-${i}.postmortem.md`, modelOf(t))),
    { today: '2026-03-01' },
  );
  let files: Record<string, string[]>;

  before(async function () {
    // CI installs Chromium (scripts/setup-editor.sh) and builds the script first: a missing one is a failure.
    assert.ok(existsSync(CHROMIUM_PATH), `Chromium not found at ${CHROMIUM_PATH}: run scripts/setup-editor.sh`);
    assert.ok(existsSync(SCRIPT), `${SCRIPT} not built: run npm run build`);
    dir = mkdtempSync(join(tmpdir(), 'pm-insights-page-'));
    const built = renderDashboardPage({ cspSource: 'file:', nonce: 'n0nce', scriptUri: pathToFileURL(SCRIPT).href, insights, bodyClass: 'vscode-dark' });
    files = built.files;
    writeFileSync(join(dir, 'page.html'), built.html);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    await page.addInitScript(STUB);
    await page.goto(pathToFileURL(join(dir, 'page.html')).href);
  });
  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('Tab reaches a bar, Enter posts its key, and the key names the post-mortems behind it', async () => {
    await page.locator('#pm-chart-severity [data-key]').first().focus();
    await page.keyboard.press('Enter');
    const posted = (await page.evaluate('window.__posted')) as Array<{ type: string; key: string }>;
    assert.equal(posted.at(-1)?.type, 'openKey');
    const key = posted.at(-1)!.key;
    assert.match(key, /^month:2025-01:SEV\d$/);
    assert.ok(files[key].length >= 1 && files[key].every((f) => f.startsWith('file:///ws/')));
    const tabbable = await page.locator('[data-key][tabindex="0"]').count();
    assert.ok(tabbable > 10, `${tabbable} focusable bars and points`);
  });

  it('a click on a point or an owner bar posts its key; a file name posts the file', async () => {
    await page.locator('#pm-chart-ttr circle[data-key]').first().click();
    await page.locator('#pm-chart-owners g[data-key]').first().click({ position: { x: 200, y: 8 } });
    await page.locator('button[data-file]').first().click();
    const posted = ((await page.evaluate('window.__posted')) as Array<{ type: string; key?: string; file?: string }>).slice(-3);
    assert.deepEqual(posted.map((m) => m.type), ['openKey', 'openKey', 'openFile']);
    assert.match(posted[0].key!, /^month:/);
    assert.match(posted[1].key!, /^owner:/);
    assert.match(posted[2].file!, /^file:\/\/\/ws\//);
  });

  it('an update replaces the body and keeps the focus on the same bar; no CSP violations', async () => {
    const first = page.locator('#pm-chart-severity [data-key]').first();
    const key = await first.getAttribute('data-key');
    await first.focus();
    const update = renderDashboardUpdate(computeInsights([], { today: '2026-03-01' }));
    assert.ok(update.body.includes('No dated incidents yet.'));
    const again = renderDashboardUpdate(insights);
    await page.evaluate(`window.postMessage(${JSON.stringify({ type: 'update', body: again.body })}, '*')`);
    await page.waitForFunction(`document.activeElement && document.activeElement.getAttribute('data-key') === ${JSON.stringify(key)}`);
    assert.deepEqual(await page.evaluate('window.__violations'), []);
  });
});
