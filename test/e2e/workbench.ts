/**
 * playwright-core helpers for driving a VS Code workbench served by code-server
 * (see ./codeServer.ts). Selectors are those of VS Code 1.100 (code-server 4.100.3).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Frame, type Page } from 'playwright-core';
import { REPO_ROOT } from './codeServer.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS_DIR = join(REPO_ROOT, 'test-results');

/** Headless Debian Chromium with a fresh profile (playwright's launch() uses a temp user-data-dir). */
export function launchBrowser(opts: { headless?: boolean } = {}): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: opts.headless ?? true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A page with a desktop-sized viewport, ready for openWorkbench(). */
export async function newWorkbenchPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  return context.newPage();
}

/**
 * Load the workbench. `url` is a code-server URL (its base or `workbenchUrl`);
 * `folder`, when given, replaces the `?folder=` parameter (other parameters such
 * as `payload` are kept). Waits for `.monaco-workbench`, the status bar, and then
 * `settleMs` (extension host start, first activation), default 3000.
 */
export async function openWorkbench(page: Page, url: string, folder?: string, settleMs = 3000): Promise<void> {
  const u = new URL(url);
  if (folder) u.searchParams.set('folder', folder);
  await page.goto(u.toString(), { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 60_000 });
  await page.locator('.part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  await page.waitForTimeout(settleMs);
}

/** Close any open quick input (palette, quick open). */
async function closeQuickInput(page: Page): Promise<void> {
  if (await page.locator('.quick-input-widget').isVisible()) {
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
  }
}

/**
 * Open a quick input with `open`, type `value` and accept the entry whose label
 * is `expect` (exactly: "Open Timeline Preview" must not pick "Open Timeline
 * Preview to the Side"). The list is computed when the widget opens (e.g. commands of
 * a development extension registered a moment later are missing), so when the
 * entry does not show up the widget is closed and reopened until `timeoutMs`.
 */
async function quickInputPick(
  page: Page,
  open: () => Promise<void>,
  value: string,
  expect: string,
  timeoutMs = 20_000,
): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('.quick-input-box input');
  const exactLabel = page.locator('.label-name', { hasText: new RegExp(`^\\s*${expect.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`) });
  const row = widget.locator('.monaco-list-row').filter({ has: exactLabel }).first();
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 1; ; attempt++) {
    await closeQuickInput(page);
    await open();
    if (!(await input.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false))) {
      if (Date.now() >= deadline) throw new Error(`the quick input did not open for "${value}"`);
      // The keys went nowhere (an editor or webview closing as they came): focus the workbench, try again.
      await page.locator('.editor-group-container.active .monaco-editor .view-lines').click().catch(() => {});
      continue;
    }
    await input.fill(value);
    try {
      await row.waitFor({ state: 'visible', timeout: Math.min(4000 * attempt, Math.max(1000, deadline - Date.now())) });
      break;
    } catch (e) {
      if (Date.now() >= deadline) throw e;
    }
  }
  // The list filters asynchronously: accept only when the focused row is ours.
  const focused = widget.locator('.monaco-list-row.focused').filter({ has: exactLabel });
  if (await focused.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false)) {
    await page.keyboard.press('Enter');
  } else {
    await row.click();
  }
  // Done when the widget closes, or when the command opened a quick input of its own
  // (an input box or a quick pick: the typed text is gone).
  await page.waitForFunction(
    (typed) => {
      const w = document.querySelector('.quick-input-widget') as HTMLElement | null;
      if (!w || getComputedStyle(w).display === 'none' || w.getClientRects().length === 0) return true;
      const box = w.querySelector('.quick-input-box input') as HTMLInputElement | null;
      return box !== null && box.value !== typed;
    },
    value,
    { timeout: 10_000 },
  );
}

/** Run a command from the Command Palette (F1, or Ctrl+Shift+P) by its title, e.g. "Smoke: Hello". */
export async function runCommand(page: Page, title: string, timeoutMs = 20_000): Promise<void> {
  const open = async () => {
    await page.keyboard.press('F1');
    if (!(await page.locator('.quick-input-widget').isVisible())) {
      await page
        .locator('.quick-input-widget')
        .waitFor({ state: 'visible', timeout: 2000 })
        .catch(() => page.keyboard.press('Control+Shift+P'));
    }
  };
  await quickInputPick(page, open, `>${title}`, title, timeoutMs);
}

/** Open a workspace file with Quick Open (Ctrl+P) and wait for its editor tab. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const name = relativePath.split('/').pop()!;
  // File search runs on the server (ripgrep); a just-opened workspace may need a retry.
  await quickInputPick(page, () => page.keyboard.press('Control+P'), relativePath, name);
  await page.locator('.editor-group-container.active .tabs-container .tab.active', { hasText: name }).waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator('.editor-group-container.active .monaco-editor .view-lines').waitFor({ state: 'visible' });
}

export interface ProblemCounts {
  errors: number;
  warnings: number;
  infos: number;
}

/** Problem counts from the status bar entry (`#status.problems`). */
export async function problemsCount(page: Page): Promise<ProblemCounts> {
  const item = page.locator('[id="status.problems"]');
  await item.waitFor({ state: 'attached', timeout: 10_000 });
  const label = ((await item.getAttribute('aria-label')) ?? '') + ' ' + ((await item.innerText()) ?? '');
  // aria-label is "No Problems" or e.g. "Errors: 1, Warnings: 2, Infos: 1"
  const num = (re: RegExp) => Number(re.exec(label)?.[1] ?? 0);
  return { errors: num(/Errors?: (\d+)/i), warnings: num(/Warnings?: (\d+)/i), infos: num(/Infos?: (\d+)/i) };
}

/** Wait until the problem counts satisfy `pred` (diagnostics arrive asynchronously). */
export async function waitForProblems(
  page: Page,
  pred: (c: ProblemCounts) => boolean,
  timeoutMs = 10_000,
): Promise<ProblemCounts> {
  const deadline = Date.now() + timeoutMs;
  let c = await problemsCount(page);
  while (!pred(c) && Date.now() < deadline) {
    await page.waitForTimeout(200);
    c = await problemsCount(page);
  }
  return c;
}

/** Center of the first visible occurrence of `text` in the active editor (null if not visible). */
export async function textPoint(page: Page, text: string): Promise<{ x: number; y: number } | null> {
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.waitFor({ state: 'visible' });
  return editor.evaluate((root, needle) => {
    const lines = Array.from(root.querySelectorAll('.view-lines .view-line'));
    lines.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        // the editor renders spaces as U+00A0
        const i = (n.textContent ?? '').replace(/\u00a0/g, ' ').indexOf(needle);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + needle.length);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
    }
    return null;
  }, text);
}

/** Click into the first visible occurrence of `text` in the active editor (puts the cursor there). */
export async function clickText(page: Page, text: string): Promise<void> {
  const box = await textPoint(page, text);
  if (!box) throw new Error(`"${text}" is not visible in the active editor`);
  await page.mouse.click(box.x, box.y);
}

/** The visible text of the active editor (spaces normalised). */
export async function editorText(page: Page): Promise<string> {
  const lines = page.locator('.editor-group-container.active .monaco-editor .view-lines').first();
  return ((await lines.innerText()) ?? '').replace(/\u00a0/g, ' ');
}

/** Move the cursor to a 1-based line with Quick Open's `:line` (scrolls it into view). */
export async function goToLine(page: Page, line: number): Promise<void> {
  await closeQuickInput(page);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`:${line}`);
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 5000 });
}

/** The status bar's cursor position, e.g. { line: 36, column: 1 } from "Ln 36, Col 1". */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number; text: string }> {
  const item = page.locator('[id="status.editor.selection"]');
  await item.waitFor({ state: 'visible', timeout: 10_000 });
  const text = (await item.innerText()).trim();
  const m = /Ln (\d+), Col (\d+)/.exec(text);
  return { line: Number(m?.[1] ?? 0), column: Number(m?.[2] ?? 0), text };
}

/** Titles of the editor tabs (all groups). */
export async function tabTitles(page: Page): Promise<string[]> {
  return (await page.locator('.tabs-container .tab .label-name').allInnerTexts()).map((t) => t.trim());
}

/**
 * Open the Quick Fix menu (Ctrl+.) at the cursor and run the entry containing `title`.
 * Returns the titles that were offered.
 */
export async function quickFix(page: Page, title: string | RegExp, timeoutMs = 10_000): Promise<string[]> {
  await page.keyboard.press('Control+.');
  const widget = page.locator('.action-widget');
  await widget.waitFor({ state: 'visible', timeout: timeoutMs });
  const rows = widget.locator('.monaco-list-row.action');
  await rows.first().waitFor({ state: 'visible', timeout: timeoutMs });
  const offered = (await rows.allInnerTexts()).map((t) => t.trim());
  const count = await rows.count();
  if ((await rows.filter({ hasText: title }).count()) === 0) {
    await page.keyboard.press('Escape');
    throw new Error(`no quick fix matching ${title}: ${offered.join(' | ')}`);
  }
  // Keyboard, not the mouse: the menu's pointer-block overlay swallows clicks at first.
  for (let i = 0; i <= count; i++) {
    if ((await widget.locator('.monaco-list-row.action.focused').filter({ hasText: title }).count()) > 0) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  await widget.waitFor({ state: 'hidden', timeout: 5000 }).catch(() => undefined);
  return offered;
}

/**
 * Move the mouse over the first occurrence of `text` in the active editor and
 * return the hover widget's text ('' if no hover shows within `timeoutMs`).
 */
export async function hoverAt(page: Page, text: string, timeoutMs = 5000): Promise<string> {
  const box = await textPoint(page, text);
  if (!box) throw new Error(`"${text}" is not visible in the active editor`);
  // Leave first so a hover shows even if the mouse already rests on the word.
  await page.mouse.move(1, 1);
  await page.mouse.move(box.x, box.y, { steps: 3 });
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content, .monaco-hover:not(.hidden) .hover-contents').first();
  try {
    await hover.waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    return '';
  }
  // Providers may answer after a "Loading..." placeholder.
  await page.waitForFunction(
    () => !/^\s*Loading\.\.\.\s*$/.test((document.querySelector('.monaco-hover:not(.hidden)') as HTMLElement | null)?.innerText ?? ''),
    undefined,
    { timeout: timeoutMs },
  ).catch(() => undefined);
  return (await page.locator('.monaco-hover:not(.hidden)').first().innerText()).trim();
}

/** Texts of the visible notification toasts. */
export async function notifications(page: Page): Promise<string[]> {
  return page.locator('.notifications-toasts .notification-list-item-message').allInnerTexts();
}

/** Wait for a notification toast containing `text`; returns its full message. */
export async function waitForNotification(page: Page, text: string | RegExp, timeoutMs = 10_000): Promise<string> {
  const toast = page.locator('.notifications-toasts .notification-list-item-message', { hasText: text }).first();
  await toast.waitFor({ state: 'visible', timeout: timeoutMs });
  return toast.innerText();
}

export interface WebviewFrames {
  /** The host iframe (`iframe.webview`, VS Code's webview shell page). */
  outer: Frame;
  /** The frame with the extension's HTML (`#active-frame` inside the host). */
  inner: Frame;
}

/**
 * The frames of a webview panel: `iframe.webview.ready` in the workbench, then
 * `iframe#active-frame` inside it. `match` picks a webview whose iframe `src`
 * (it contains `extensionId=<publisher.name>` and `purpose=webviewView` for views)
 * or `title` contains the string; default: the last (most recently created) one.
 */
export async function webviewFrame(page: Page, match?: string, timeoutMs = 15_000): Promise<WebviewFrames> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const iframes = await page.locator('iframe.webview.ready').elementHandles();
    for (const el of iframes.reverse()) {
      if (match) {
        const src = (await el.getAttribute('src')) ?? '';
        const title = (await el.getAttribute('title')) ?? '';
        if (!decodeURIComponent(src).includes(match) && !title.includes(match)) continue;
      }
      if (!(await el.isVisible())) continue;
      const outer = await el.contentFrame();
      if (!outer) continue;
      const innerEl = await outer.$('iframe#active-frame');
      const inner = innerEl && (await innerEl.contentFrame());
      if (inner && inner.url() !== 'about:blank') {
        await inner.waitForLoadState('domcontentloaded');
        return { outer, inner };
      }
    }
    if (Date.now() > deadline) throw new Error(`no webview${match ? ` matching "${match}"` : ''} appeared`);
    await page.waitForTimeout(200);
  }
}

/** Save a PNG of the page to test-results/<name>.png and return its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path });
  return path;
}
