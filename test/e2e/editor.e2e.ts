/**
 * End-to-end: the extension installed from its VSIX into a real VS Code
 * (code-server), used through headless Chromium as a person would.
 *
 *   npm run test:e2e          (needs: bash scripts/setup-editor.sh)
 *
 * Screenshots go to test-results/ (also of failures). With E2E_DOCS_IMAGES=1
 * (`npm run test:e2e:screenshots`) the ones the README shows are copied to docs/images/
 * (editor-diagnostics.png, editor-hover.png, editor-timeline.png).
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './codeServer.js';
import { contributedCommands, MTTR_LINE, startSession, type Session } from './session.js';
import {
  clickText,
  cursorPosition,
  editorText,
  goToLine,
  hoverAt,
  notifications,
  openFile,
  problemsCount,
  quickFix,
  runCommand,
  screenshot,
  tabTitles,
  waitForProblems,
  webviewFrame,
} from './workbench.js';

const DOCS_IMAGES = join(REPO_ROOT, 'docs', 'images');

/** Screenshot into test-results/ and, for the README's images, into docs/images/ too. */
async function shot(page: Page, name: string, docsName?: string): Promise<string> {
  await page.waitForTimeout(400); // hovers and panels fade in
  const path = await screenshot(page, name);
  if (docsName && process.env.E2E_DOCS_IMAGES === '1') {
    mkdirSync(DOCS_IMAGES, { recursive: true });
    copyFileSync(path, join(DOCS_IMAGES, docsName));
  }
  return path;
}

async function squiggles(page: Page): Promise<{ errors: number; warnings: number; infos: number }> {
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  return {
    errors: await editor.locator('.squiggly-error').count(),
    warnings: await editor.locator('.squiggly-warning').count(),
    infos: await editor.locator('.squiggly-info').count(),
  };
}

/** "Command not found" toast: the command is contributed but its feature is not registered yet. */
async function commandMissing(page: Page, id: string): Promise<boolean> {
  return (await notifications(page)).some((t) => t.includes(`command '${id}' not found`));
}

async function waitUntil<T>(fn: () => Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Close the editor tabs whose title contains `text` (with their close buttons). */
async function closeTabs(page: Page, text: string): Promise<void> {
  const tabs = page.locator('.tabs-container .tab', { hasText: text });
  for (let i = (await tabs.count()) - 1; i >= 0; i--) {
    const tab = tabs.nth(i);
    await tab.hover().catch(() => undefined);
    await tab.locator('.tab-actions .action-label').first().click().catch(() => undefined);
  }
  await page.waitForTimeout(300);
}

async function escape(page: Page, times = 2): Promise<void> {
  for (let i = 0; i < times; i++) await page.keyboard.press('Escape');
}

describe('Postmortem in a real editor (code-server + Chromium)', function () {
  this.timeout(120_000);
  let s: Session;
  let page: Page;
  const commands = contributedCommands();

  before(async function () {
    this.timeout(240_000);
    const t0 = Date.now();
    s = await startSession();
    page = s.page;
    console.log(`      [e2e] extension from ${s.install === 'dev' ? 'extensionDevelopmentPath' : 'VSIX'}; editor ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  });

  after(async () => {
    await s?.stop();
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && page) await screenshot(page, `e2e-failed-${this.currentTest.title.replace(/\W+/g, '-').slice(0, 60)}`).catch(() => undefined);
  });

  describe('diagnostics', () => {
    it('opens needs-work.postmortem.md from the explorer', async () => {
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'needs-work.postmortem.md' }).click();
      await page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: 'needs-work.postmortem.md' }).waitFor({ timeout: 10_000 });
      // The language mode in the status bar says the extension's language took the file.
      await page.locator('[id="status.editor.mode"]', { hasText: 'Post-Mortem' }).waitFor({ timeout: 15_000 });
    });

    it('counts errors and warnings in the status bar', async () => {
      const c = await waitForProblems(page, (p) => p.errors >= 5 && p.warnings >= 10, 30_000);
      assert.ok(c.errors >= 5 && c.warnings >= 10, `status bar: ${JSON.stringify(c)}`);
    });

    it('draws error and warning squiggles in the editor', async () => {
      const deadline = Date.now() + 10_000;
      let sq = await squiggles(page);
      while ((sq.errors === 0 || sq.warnings === 0) && Date.now() < deadline) {
        await page.waitForTimeout(200);
        sq = await squiggles(page);
      }
      assert.ok(sq.errors > 0, `no .squiggly-error: ${JSON.stringify(sq)}`);
      assert.ok(sq.warnings > 0, `no .squiggly-warning: ${JSON.stringify(sq)}`);
    });

    it('explains a finding on hover, with the Problems panel listing them all', async () => {
      await page.keyboard.press('Control+Shift+M'); // View: Problems
      await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 10_000 });
      const rows = await page.locator('.markers-panel .monaco-list-row').count();
      assert.ok(rows >= 10, `Problems panel shows ${rows} rows`);
      const text = await hoverAt(page, 'human error', 8000);
      assert.match(text, /Human error/i);
      assert.match(text, /postmortem/); // source
      await shot(page, 'editor-diagnostics', 'editor-diagnostics.png');
      await page.mouse.move(1, 1);
    });

    it('applies the blameless rewording from the Quick Fix menu', async () => {
      const before = await problemsCount(page);
      await clickText(page, 'human error');
      const offered = await quickFix(page, /^Reword as/);
      assert.ok(offered.some((t) => /Disable blame-wording for this line/.test(t)), offered.join(' | '));
      await waitUntil(async () => (await editorText(page)).includes('a gap in our safeguards'), 'the reworded sentence');
      const after = await waitForProblems(page, (p) => p.warnings === before.warnings - 1, 10_000);
      assert.equal(after.warnings, before.warnings - 1, `warnings ${before.warnings} -> ${after.warnings}`);
      // Leave the file as it was for later tests.
      await page.keyboard.press('Control+Z');
      await waitForProblems(page, (p) => p.warnings === before.warnings, 10_000);
      await page.keyboard.press('Escape');
    });
  });

  describe('action items view', () => {
    it('lists the sample workspace\'s open items (the workspace lives under .vscode-test/, like npm start\'s)', async () => {
      await escape(page);
      await runCommand(page, 'Postmortem: Focus on Action Items View');
      const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Action Items/i }) });
      await view.locator('.monaco-list-row', { hasText: /maxConnections|gateway connection count/ }).first().waitFor({ state: 'visible', timeout: 20_000 });
      assert.equal(await view.getByText('No post-mortems in this workspace yet').count(), 0);
      await shot(page, 'action-items-view');
    });

    it('the action-items status bar entry follows the active post-mortem and goes away when its editor closes', async () => {
      await openFile(page, 'checkout-latency.postmortem.md');
      const entry = page.locator('.part.statusbar [aria-label^="Post-mortem action items"]');
      await entry.first().waitFor({ state: 'visible', timeout: 15_000 });
      await runCommand(page, 'View: Close All Editors');
      await entry.first().waitFor({ state: 'hidden', timeout: 10_000 });
      // The tests after these expect the Explorer in the side bar.
      await runCommand(page, 'View: Show Explorer');
    });
  });

  describe('hovers', () => {
    before(async () => {
      await escape(page);
      await page.keyboard.press('Control+J'); // hide the panel for a roomier editor
      await openFile(page, 'checkout-latency.postmortem.md');
    });

    it('MTTR shows the glossary entry with this incident\'s time to resolve', async () => {
      assert.ok((await editorText(page)).includes(MTTR_LINE.slice(2, 30)), 'the MTTR line is visible');
      const text = await hoverAt(page, 'MTTR', 8000);
      assert.match(text, /MTTR/);
      assert.match(text, /mean time to restore/i);
      assert.match(text, /This incident:?\s*time to resolve\s*1 h 32 min/);
      // The workspace figure over the examples (and any post-mortem the session added).
      assert.match(text, /Workspace:?\s*mean over \d+ incidents: [^;]+; median [^;]+/);
      await shot(page, 'editor-hover', 'editor-hover.png');
      await page.mouse.move(1, 1);
    });

    it('a deadline shows when it is due', async () => {
      await goToLine(page, 64);
      const text = await hoverAt(page, '2026-03-21', 8000);
      assert.match(text, /2026-03-21/);
      assert.match(text, /due in \d+ days?|due today|overdue by \d+ days?/);
      await shot(page, 'editor-hover-deadline');
      await page.mouse.move(1, 1);
    });
  });

  describe('timeline preview', () => {
    it('Postmortem: Open Timeline Preview shows title, tiles and events', async function () {
      const title = commands.get('postmortem.showTimeline');
      assert.ok(title, 'postmortem.showTimeline is not contributed');
      await escape(page);
      await openFile(page, 'checkout-latency.postmortem.md');
      await runCommand(page, title);
      await page.waitForTimeout(500);
      assert.ok(!(await commandMissing(page, 'postmortem.showTimeline')), 'postmortem.showTimeline is not registered');
      const { inner } = await webviewFrame(page, undefined, 20_000);
      await inner.locator('.pm-title').waitFor({ timeout: 15_000 });
      assert.match(await inner.locator('.pm-title').innerText(), /Checkout latency spike/);
      const tiles = (await inner.locator('.pm-tile').allInnerTexts()).join(' | ');
      assert.match(tiles, /TTD[\s\S]*14 min/);
      assert.match(tiles, /TTR[\s\S]*1 h 32 min/);
      const events = inner.locator('button[data-line]');
      assert.ok((await events.count()) >= 8, `events: ${await events.count()}`);
      assert.match(await inner.locator('body').innerText(), /Latency alert pages the on-call engineer/);
      await shot(page, 'editor-timeline-full');
    });

    it('clicking an event in the preview beside the editor moves the cursor to its line', async function () {
      const side = commands.get('postmortem.showTimelineToSide');
      assert.ok(side, 'postmortem.showTimelineToSide is not contributed');
      await page.keyboard.press('Control+W'); // close the preview opened above
      await openFile(page, 'checkout-latency.postmortem.md');
      await page.keyboard.press('Control+B'); // hide the side bar: room for editor and preview
      await goToLine(page, 30);
      await runCommand(page, side);
      const { inner } = await webviewFrame(page, undefined, 20_000);
      await inner.locator('.pm-title').waitFor({ timeout: 15_000 });
      assert.equal(await page.locator('.editor-group-container').count(), 2, 'the preview opened in a second editor group');
      const event = inner.locator('button[data-line]', { hasText: 'Latency alert pages' }).first();
      const line = Number(await event.getAttribute('data-line')) + 1; // data-line is 0-based
      const expected = readFileSync(join(s.workspace, 'checkout-latency.postmortem.md'), 'utf8').split('\n').findIndex((l) => l.includes('Latency alert pages')) + 1;
      assert.equal(line, expected, `the event is on line ${expected} of the checkout example`);
      await event.click();
      const deadline = Date.now() + 10_000;
      let pos = await cursorPosition(page);
      while (pos.line !== line && Date.now() < deadline) {
        await page.waitForTimeout(200);
        pos = await cursorPosition(page);
      }
      assert.equal(pos.line, line, `status bar says "${pos.text}"`);
      await shot(page, 'editor-timeline', 'editor-timeline.png');
      await page.keyboard.press('Control+B');
    });
  });

  describe('stakeholder summary', () => {
    it('Postmortem: Export Stakeholder Summary opens the summary', async function () {
      const title = commands.get('postmortem.exportSummary');
      assert.ok(title, 'postmortem.exportSummary is not contributed');
      await escape(page);
      await openFile(page, 'checkout-latency.postmortem.md');
      const tabsBefore = await tabTitles(page);
      await runCommand(page, title);
      await page.waitForTimeout(500);
      assert.ok(!(await commandMissing(page, 'postmortem.exportSummary')), 'postmortem.exportSummary is not registered');
      // It may ask for a format or a destination: accept the first choice / the default.
      for (let i = 0; i < 3 && (await page.locator('.quick-input-widget').isVisible()); i++) {
        await page.keyboard.press('Enter');
        await page.waitForTimeout(500);
      }
      const deadline = Date.now() + 15_000;
      let tabs = await tabTitles(page);
      while (tabs.length <= tabsBefore.length && Date.now() < deadline) {
        await page.waitForTimeout(250);
        tabs = await tabTitles(page);
      }
      const added = tabs.filter((t) => !tabsBefore.includes(t));
      assert.ok(added.length > 0, `no new editor: tabs ${JSON.stringify(tabs)}`);
      await waitUntil(async () => /Checkout latency/i.test(await editorText(page)), 'the summary text in the new editor');
      await shot(page, 'editor-summary');
    });
  });

  describe('incident insights', () => {
    it('Postmortem: Show Incident Insights opens the dashboard; a bar opens the post-mortem behind it', async function () {
      const title = commands.get('postmortem.showInsights');
      assert.ok(title, 'postmortem.showInsights is not contributed');
      await escape(page);
      // Only the dashboard's webview on screen, so that webviewFrame finds it: close a timeline preview left open.
      await closeTabs(page, 'Timeline:');
      await runCommand(page, title);
      try {
        const { inner } = await webviewFrame(page, undefined, 20_000);
        await inner.locator('#pm-chart-severity').waitFor({ timeout: 20_000 });
        assert.match(await inner.locator('body').innerText(), /Time to resolve \(MTTR\)/);
        await shot(page, 'editor-insights');
        // The firmware example is the one SEV1 of May 2026.
        const bar = inner.locator('[data-key="month:2026-05:SEV1"]');
        await bar.focus();
        await bar.press('Enter');
        await page.locator('.tabs-container .tab.active', { hasText: 'firmware-ota.postmortem.md' }).waitFor({ timeout: 15_000 });
      } finally {
        await escape(page);
        await closeTabs(page, 'Incident Insights');
      }
    });
  });

  describe('new post-mortem', () => {
    it('Postmortem: New Post-Mortem creates a dated file from the scaffold', async () => {
      await escape(page);
      await runCommand(page, commands.get('postmortem.new') ?? 'Postmortem: New Post-Mortem');
      const input = page.locator('.quick-input-widget .quick-input-box input');
      await page.locator('.quick-input-widget', { hasText: 'New Post-Mortem (1/2)' }).waitFor({ timeout: 15_000 });
      await input.fill('E2E checkout outage');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget', { hasText: 'New Post-Mortem (2/2)' }).waitFor({ timeout: 10_000 });
      await input.fill('SEV3');
      await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: 'SEV3' }).waitFor({ timeout: 5000 });
      await page.keyboard.press('Enter');
      // Two questions and no save dialog: the file name follows from the date and the title.
      const tab = page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: /e2e-checkout-outage\.postmortem\.md/ });
      await tab.waitFor({ timeout: 15_000 });
      const name = ((await tab.textContent()) ?? '').match(/\d{4}-\d{2}-\d{2}-e2e-checkout-outage\.postmortem\.md/)?.[0] ?? '';
      assert.ok(name, `the new file's tab: ${await tab.textContent()}`);
      assert.match(await editorText(page), /severity: SEV3/);
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).waitFor({ timeout: 10_000 });
      const written = readdirSync(join(s.workspace, 'postmortems'));
      assert.deepEqual(written, [name]);
      assert.ok(existsSync(join(s.workspace, 'postmortems', name)));
      await shot(page, 'editor-new-postmortem');
    });

    it('typing pm- in an empty post-mortem offers the snippets, without Ctrl+Space', async () => {
      const editor = page.locator('.editor-group-container.active .monaco-editor').first();
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      // The view lines are rendered on the next frame: read them once the deletion has been drawn (CI once read the old first line).
      await waitUntil(async () => (await editorText(page)).trim() === '', 'the emptied editor', 5000).catch(() => undefined);
      assert.equal((await editorText(page)).trim(), '');
      await page.keyboard.type('pm-', { delay: 80 });
      const widget = page.locator('.editor-group-container.active .suggest-widget.visible');
      await widget.waitFor({ timeout: 10_000 });
      // The list shows the first rows only (it is virtualised): the snippets are at the top (editor.snippetSuggestions).
      await widget.locator('.monaco-list-row', { hasText: 'pm-' }).first().waitFor({ timeout: 10_000 });
      const labels = await widget.locator('.monaco-list-row .label-name').allTextContents();
      assert.ok(labels.length > 0 && labels.every((l) => l.startsWith('pm-') || l === 'postmortem'), `suggestions: ${labels.join(', ')}`);
      await shot(page, 'editor-snippet-suggestions');
      await page.keyboard.press('Escape');
      // Leave the new file as it was written, so closing it asks nothing.
      await runCommand(page, 'File: Revert File');
      await page.locator('.editor-group-container.active .tabs-container .tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    });
  });
});
