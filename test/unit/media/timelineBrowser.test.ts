/**
 * The timeline webview page in headless Chromium: the page the extension builds (CSP with nonce, bundled
 * dist/media/timeline.js, codicons, timeline.css) served from a loopback origin standing in for the
 * webview's cspSource, with the CSS variables of a VS Code theme. Needs /usr/bin/chromium and a build
 * (`node esbuild.mjs`); skipped otherwise. Screenshots go to test-results/ (UPDATE_DOC_IMAGES=1 also
 * copies them to docs/images/).
 */
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { analyzeText } from '../../../src/core/analyze';
import { parseWebviewMessage } from '../../../src/core/timelineView/messages';
import { buildTimelineViewModel, timelineEvents } from '../../../src/core/timelineView/viewModel';
import {
  buildTimelinePageFromModel,
  buildTimelinePageHtml,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  generateIncident,
  REPO_ROOT,
  startTimelineServer,
  type ThemeKind,
  TIMELINE_SCRIPT,
  type TimelineServer,
} from '../../support/timelinePage';
import { fixture } from '../helpers';

const TODAY = '2026-04-01';
const RESULTS = join(REPO_ROOT, 'test-results');
const DOC_IMAGES = join(REPO_ROOT, 'docs', 'images');

declare global {
  interface Window {
    __posted: unknown[];
    __violations: string[];
    __injected?: number;
  }
}

/**
 * Stands in for VS Code's acquireVsCodeApi. An init script runs outside the page's CSP, like VS Code's
 * own webview bootstrap; it is a string because transpiled test functions carry helpers the page lacks.
 */
const VSCODE_STUB = `
  window.__posted = [];
  window.__violations = [];
  let state;
  const api = { postMessage: (m) => window.__posted.push(m), getState: () => state, setState: (s) => { state = s; } };
  window.acquireVsCodeApi = () => api;
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
`;

/**
 * Text elements whose colour against their background is below WCAG AA (4.5:1). A string, like the
 * stub above: functions handed to page.evaluate must not carry the test transpiler's helpers.
 */
const CONTRAST_SCRIPT = String.raw`(() => {
  function parse(value) {
    const rgb = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(value);
    if (rgb) return [+rgb[1] / 255, +rgb[2] / 255, +rgb[3] / 255, rgb[4] === undefined ? 1 : +rgb[4]];
    const srgb = /color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)/.exec(value);
    if (srgb) return [+srgb[1], +srgb[2], +srgb[3], srgb[4] === undefined ? 1 : +srgb[4]];
    return null;
  }
  function luminance(c) {
    const f = (v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
  }
  function background(el) {
    for (let node = el; node; node = node.parentElement) {
      const c = parse(getComputedStyle(node).backgroundColor);
      if (c && c[3] > 0.5) return c;
    }
    return parse(getComputedStyle(document.body).backgroundColor) || [1, 1, 1, 1];
  }
  const selectors = ['h1', '.pm-meta-item', '.pm-sev', '.pm-status', '.pm-tile-abbr', '.pm-tile-value', '.pm-tile-detail', '.pm-impact-text', '.pm-count', '.pm-legend li', '.pm-time', '.pm-phase-badge', '.pm-text', '.pm-problem > span', '.pm-break-label', '.pm-day-label > span', '.pm-action-text', '.pm-chip', '.pm-tool'];
  const low = [];
  for (const selector of selectors) {
    for (const el of Array.from(document.querySelectorAll(selector)).slice(0, 20)) {
      if (!el.textContent.trim()) continue;
      const fg = parse(getComputedStyle(el).color);
      if (!fg) continue;
      const pair = [luminance(fg), luminance(background(el))].sort((a, b) => b - a);
      const ratio = (pair[0] + 0.05) / (pair[1] + 0.05);
      if (ratio < 4.5) low.push(selector + ' "' + el.textContent.trim().slice(0, 30) + '" ' + ratio.toFixed(2) + ':1 (' + getComputedStyle(el).color + ')');
    }
  }
  return low;
})()`;

async function lowContrast(page: Page): Promise<string[]> {
  return (await page.evaluate(CONTRAST_SCRIPT)) as string[];
}

describe('timeline webview in headless Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let server: TimelineServer;

  before(async function () {
    // Both are set up by `npm test` (scripts/setup-editor.sh installs Chromium, the build makes the script).
    assert.ok(existsSync(CHROMIUM_PATH), `no Chromium at ${CHROMIUM_PATH}: run scripts/setup-editor.sh (or apt-get install -y chromium)`);
    assert.ok(existsSync(TIMELINE_SCRIPT), `${TIMELINE_SCRIPT} is not built: run npm run build`);
    mkdirSync(RESULTS, { recursive: true });
    server = await startTimelineServer();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(name: string, html: string, viewport = { width: 960, height: 900 }): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(VSCODE_STUB);
    await page.goto(server.addPage(name, html), { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    return { page, errors };
  }

  async function screenshot(page: Page, file: string, docImage = false, fullPage = true): Promise<void> {
    const path = join(RESULTS, file);
    await page.screenshot({ path, fullPage });
    if (docImage && process.env.UPDATE_DOC_IMAGES === '1') {
      mkdirSync(DOC_IMAGES, { recursive: true });
      copyFileSync(path, join(DOC_IMAGES, file));
    }
  }

  for (const [example, themes] of [
    ['checkout-latency', ['light', 'dark']],
    ['firmware-ota', ['light', 'dark']],
    ['needs-work', ['dark']],
  ] as const) {
    for (const theme of themes as readonly ThemeKind[]) {
      it(`${example} (${theme}): events, tiles and actions, no console errors`, async () => {
        const analysis = analyzeText(fixture(`examples/${example}.postmortem.md`), { today: TODAY });
        const vm = buildTimelineViewModel(analysis, { today: TODAY });
        const { page, errors } = await open(`${example}-${theme}`, buildTimelinePageHtml(analysis, { baseUrl: server.url, today: TODAY, theme }));
        assert.equal(await page.locator('.pm-event').count(), timelineEvents(vm).length);
        assert.deepEqual(await page.locator('.pm-tile-value').allTextContents(), vm.tiles.map((t) => t.value));
        assert.equal(await page.locator('.pm-action').count(), vm.actions.items.length);
        assert.deepEqual(await page.evaluate(() => window.__posted), [{ type: 'ready' }]);
        // The stylesheet and the codicon font really loaded (CSP allows the cspSource).
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.pm-line')!).display), 'grid');
        assert.equal(await page.evaluate(() => document.fonts.check('14px codicon')), true);
        const low = await lowContrast(page);
        assert.deepEqual(low, [], `text below 4.5:1 contrast in ${theme}`);
        const short = example.replace(/-.*/, '');
        await screenshot(page, `timeline-${short}-${theme}.png`, (short === 'checkout' || (short === 'firmware' && theme === 'dark')));
        assert.deepEqual(errors, []);
        assert.deepEqual(await page.evaluate(() => window.__violations), []);
        await page.close();
      });
    }
  }

  it('keyboard navigation, reveal and live update through postMessage', async () => {
    const analysis = analyzeText(fixture('examples/checkout-latency.postmortem.md'), { today: TODAY });
    const { page, errors } = await open('keyboard', buildTimelinePageHtml(analysis, { baseUrl: server.url, today: TODAY }));
    await page.keyboard.press('Tab'); // SVG export
    await page.keyboard.press('Tab'); // PNG export
    await page.keyboard.press('Tab'); // first event
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.line), '33');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.line), '35');
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => window.__posted.at(-1)), { type: 'reveal', line: 35 });
    await page.keyboard.press('Tab'); // to the action items group
    assert.equal(await page.evaluate(() => document.activeElement!.classList.contains('pm-action')), true);
    const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    assert.equal(focusVisible, 'solid', 'keyboard focus is visible');

    const edited = analyzeText(fixture('examples/checkout-latency.postmortem.md').replace('- 14:10 — Incident channel opened', '- 14:12 — War room opened'), { today: TODAY });
    const model = buildTimelineViewModel(edited, { today: TODAY });
    const htmlBefore = await page.evaluate(() => document.documentElement.outerHTML.length);
    await page.evaluate((m) => window.postMessage({ type: 'update', model: m, locked: false, resource: 'file:///workspace/incident.postmortem.md' }, '*'), model);
    await page.waitForFunction(() => document.querySelectorAll('.pm-event')[3].textContent!.includes('War room opened'));
    assert.ok(htmlBefore > 0);
    await page.evaluate(() => window.postMessage({ type: 'highlight', line: 38 }, '*'));
    await page.waitForFunction(() => document.querySelector('.is-current')?.getAttribute('data-line') === '38');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('exports PNG through a canvas and SVG from the toolbar', async () => {
    const analysis = analyzeText(fixture('examples/firmware-ota.postmortem.md'), { today: TODAY });
    const { page, errors } = await open('export', buildTimelinePageHtml(analysis, { baseUrl: server.url, today: TODAY, theme: 'dark' }));
    await page.click('[data-action="export"][data-format="png"]');
    await page.waitForFunction(() => window.__posted.some((m) => (m as { type: string }).type === 'export'));
    const png = await page.evaluate(() => window.__posted.find((m) => (m as { type: string }).type === 'export'));
    const parsed = parseWebviewMessage(png);
    assert.equal(parsed.ok, true, parsed.ok ? '' : parsed.reason);
    assert.ok(parsed.ok && parsed.message.type === 'export' && parsed.message.format === 'png' && parsed.message.data.length > 10_000);
    await page.click('[data-action="export"][data-format="svg"]');
    await page.waitForFunction(() => window.__posted.filter((m) => (m as { type: string }).type === 'export').length === 2);
    const svg = await page.evaluate(() => window.__posted.filter((m) => (m as { type: string }).type === 'export')[1]);
    assert.equal(parseWebviewMessage(svg).ok, true);
    // The exported SVG renders standalone, too.
    const svgPage = await browser.newPage({ viewport: { width: 960, height: 800 } });
    await svgPage.setContent((svg as { data: string }).data.replace(/^<\?xml[^>]*\?>\s*/, ''));
    await svgPage.screenshot({ path: join(RESULTS, 'timeline-firmware-export.png'), fullPage: true });
    await svgPage.close();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('the CSP blocks an injected inline script without the nonce', async () => {
    const analysis = analyzeText(fixture('examples/checkout-latency.postmortem.md'), { today: TODAY });
    const html = buildTimelinePageHtml(analysis, {
      baseUrl: server.url,
      today: TODAY,
      inject: '<script>window.__injected = 1;</script><img src="https://example.invalid/x.png" alt=""><div style="color:red">inline style</div>',
    });
    const { page, errors } = await open('csp', html);
    assert.equal(await page.evaluate(() => window.__injected), undefined, 'inline script did not run');
    const violations = await page.evaluate(() => window.__violations);
    assert.ok(violations.some((v) => v.startsWith('script-src')), violations.join('\n'));
    assert.ok(violations.some((v) => v.startsWith('img-src')), violations.join('\n'));
    assert.ok(violations.some((v) => v.startsWith('style-src')), violations.join('\n'));
    assert.ok(errors.some((e) => /Content Security Policy/i.test(e)));
    // ...while the nonce'd bundle ran.
    assert.deepEqual(await page.evaluate(() => window.__posted), [{ type: 'ready' }]);
    await page.close();
  });

  it('first paint of a 2,000-event incident, windowed rows, scrolling, keys and highlight', async () => {
    const t0 = performance.now();
    const analysis = analyzeText(generateIncident(2000), { today: TODAY });
    const t1 = performance.now();
    const vm = buildTimelineViewModel(analysis, { today: TODAY });
    const t2 = performance.now();
    assert.equal(timelineEvents(vm).length, 2000);
    const html = buildTimelinePageFromModel(vm, { baseUrl: server.url, today: TODAY, theme: 'dark' });
    const t3 = performance.now();
    const { page, errors } = await open('big', html, { width: 960, height: 900 });
    const paint = await page.evaluate(async () => {
      const fcp = await new Promise<number | null>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(null), 10_000);
      });
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { fcp, domContentLoaded: nav.domContentLoadedEventEnd, load: nav.loadEventEnd };
    });
    await page.waitForFunction(() => window.__posted.some((m) => (m as { type: string }).type === 'ready'));
    assert.ok(vm.timeline.rows.some((r) => r.kind === 'break'));
    assert.ok(vm.timeline.dayCount > 1);
    // Windowed: the page holds the blocks of rows near the viewport, not 2,000 events.
    const inPage = await page.locator('.pm-event').count();
    assert.ok(inPage >= 50 && inPage <= 600, `${inPage} events in the page`);
    assert.equal(await page.locator('.pm-rows[data-windowed] > .pm-row-placeholder').count() > 0, true);
    assert.equal(await page.locator('.pm-action').count(), vm.actions.items.length, 'action items below the windowed rows');
    const lastRow = vm.timeline.rows.map((r) => r.kind).lastIndexOf('event');
    const last = vm.timeline.rows[lastRow];
    // Scrolling down a screen at a time renders the rows that come into view and drops those far above.
    // (Long tasks while scrolling are measured by the bench, not asserted here.)
    const scroll = await page.evaluate(async () => {
      for (let step = 0; step < 400 && window.scrollY + window.innerHeight < document.documentElement.scrollHeight - 2; step++) {
        window.scrollBy(0, window.innerHeight);
        await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { events: document.querySelectorAll('.pm-event').length };
    });
    assert.ok(await page.locator(`.pm-event[data-row="${lastRow}"]`).count(), 'the last event is rendered at the bottom');
    assert.ok(scroll.events <= 900, `${scroll.events} events in the page after scrolling to the end`);
    // Home and End reach the first and last events through blocks not in the page; a highlight reveals a far event.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.pm-event').first().focus();
    await page.keyboard.press('End');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.row), String(lastRow));
    await page.keyboard.press('Home');
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLElement).dataset.line), String(vm.timeline.rows.find((r) => r.kind === 'event')!.line));
    const middle = vm.timeline.rows.filter((r) => r.kind === 'event')[1000];
    await page.evaluate((line) => window.postMessage({ type: 'highlight', line }, '*'), 'line' in middle ? middle.line : -1);
    await page.waitForFunction((line) => document.querySelector('.is-current')?.getAttribute('data-line') === String(line), 'line' in middle ? middle.line : -1);
    assert.ok('line' in last);
    // A live update: re-render the window from a posted model, including style and layout.
    const update = await page.evaluate((m) => {
      const { resource } = JSON.parse(document.getElementById('pm-state')!.textContent!) as { resource: string };
      const start = performance.now();
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'update', model: m, locked: false, resource } }));
      void document.body.offsetHeight;
      return performance.now() - start;
    }, vm);
    assert.equal(await page.evaluate(() => document.querySelector('.is-current')?.getAttribute('data-line')), String('line' in middle ? middle.line : -1), 'the highlight stays through an update');
    await screenshot(page, 'timeline-2000-dark.png', false, false);
    console.log(
      `      2,000 events: analyse ${(t1 - t0).toFixed(0)} ms, view model ${(t2 - t1).toFixed(0)} ms, page ${(t3 - t2).toFixed(0)} ms (${(html.length / 1024).toFixed(0)} KiB); ` +
        `first contentful paint ${paint.fcp?.toFixed(0)} ms, DOMContentLoaded ${paint.domContentLoaded.toFixed(0)} ms, load ${paint.load.toFixed(0)} ms; live update re-render ${update.toFixed(0)} ms`,
    );
    assert.ok(paint.fcp !== null && paint.fcp < 5000, `first paint ${paint.fcp} ms`);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
