// Renders the `postmortem stats --format html` report of 500 generated post-mortems in headless
// Chromium, light and dark, into docs/images/insights-{light,dark}.png, and measures the dashboard
// page (dist/media/insights.js must be built): its size and first contentful paint, and a screenshot of
// it (docs/images/insights-dashboard.png).
//   npx tsx scripts/insights-screenshots.ts
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { modelOf } from '../src/core/analyze';
import { computeInsights, insightRecord, renderDashboardPage, renderInsightsReport } from '../src/core/insights/index';
import { generatedPostmortems } from '../test/unit/core/insights/generate';

const ROOT = join(import.meta.dirname, '..');
const TODAY = '2026-03-01';

const texts = generatedPostmortems(500);
const start = performance.now();
const insights = computeInsights(
  texts.map((t, i) => insightRecord(`postmortems/inc-${String(i).padStart(3, '0')}.postmortem.md`, modelOf(t))),
  { today: TODAY },
);
console.log(`analyse + insights, 500 post-mortems: ${(performance.now() - start).toFixed(0)} ms`);
const report = renderInsightsReport(insights, { title: 'Incident insights (500 generated post-mortems)' });

const dir = mkdtempSync(join(tmpdir(), 'pm-insights-'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const reportFile = join(dir, 'report.html');
  writeFileSync(reportFile, report);
  for (const scheme of ['light', 'dark'] as const) {
    const page = await browser.newPage({ colorScheme: scheme, viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1 });
    await page.goto(pathToFileURL(reportFile).href);
    await page.screenshot({ path: join(ROOT, 'docs', 'images', `insights-${scheme}.png`), fullPage: false });
    await page.close();
  }
  // The dashboard page as the webview gets it, with the bundled script and a stand-in for acquireVsCodeApi.
  const script = join(ROOT, 'dist', 'media', 'insights.js');
  const nonce = 'bench';
  const { html } = renderDashboardPage({ cspSource: 'file:', nonce, scriptUri: pathToFileURL(script).href, insights, bodyClass: 'vscode-dark' });
  const dashboardFile = join(dir, 'dashboard.html');
  writeFileSync(dashboardFile, html);
  const paints: number[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, colorScheme: 'dark' });
    await page.addInitScript('globalThis.acquireVsCodeApi = () => ({ postMessage: () => undefined });');
    await page.goto(pathToFileURL(dashboardFile).href);
    // A string, so that tsx's helpers (__name) are not part of the page's code.
    const fcp = (await page.evaluate(`new Promise((resolve) => {
      const find = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      if (find() !== undefined) return resolve(find());
      new PerformanceObserver(() => find() !== undefined && resolve(find())).observe({ type: 'paint', buffered: true });
    })`)) as number;
    paints.push(fcp);
    // The dashboard as a webview shows it (outside VS Code its colours come from prefers-color-scheme).
    if (run === 0) await page.screenshot({ path: join(ROOT, 'docs', 'images', 'insights-dashboard.png') });
    await page.close();
  }
  paints.sort((a, b) => a - b);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  console.log(`dashboard script dist/media/insights.js: ${kb(statSync(script).size)}; page HTML for 500 incidents: ${kb(Buffer.byteLength(html))}`);
  console.log(`dashboard first contentful paint, 500 incidents (median of 5): ${paints[2].toFixed(0)} ms (runs: ${paints.map((p) => p.toFixed(0)).join(', ')})`);
  console.log(`report HTML for 500 incidents: ${kb(Buffer.byteLength(report))}; screenshots in docs/images/insights-{light,dark}.png`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
