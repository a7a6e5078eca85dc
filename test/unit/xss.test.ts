/**
 * XSS: every fixture in test/fixtures/xss/ (payloads from payloads.txt placed in titles, front
 * matter, headings, events, table cells, action items, owners, deadlines, links and raw HTML) is
 * rendered through the stakeholder summary (HTML, and Markdown rendered by markdown-it with raw HTML
 * allowed) and the timeline preview (HTML body, webview page, SVG) when those renderers exist.
 *
 * 1. jsdom: no `<script>` element (except the timeline page's own two), no `on*` attribute, no
 *    `javascript:` (or `vbscript:` / `data:text/html`) URL in any URL attribute, no injected
 *    elements (iframe, object, embed, base, form, img, ...), no payload text in attributes that are
 *    not plain text, CSS without `expression(` or `javascript:`, the page's state JSON intact.
 * 2. When /usr/bin/chromium exists: each rendered document is opened in headless Chromium
 *    (playwright-core) with a `window.__pwned` trap and `dialog` hooks (payloads set
 *    `window.__pwned=1` or call `alert`); nothing may run, and no request may leave the test origin.
 *
 * Payload count, placements and renderers used are printed at the end.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { analyzeText, type Analysis } from '../../src/core/analyze';
import { loadRenderers, type Renderers } from '../fuzz/renderers';
import { FIXTURES } from './helpers';

const XSS = join(FIXTURES, 'xss');
const ROOT = join(FIXTURES, '..', '..');
const TODAY = '2026-03-20';
const CHROMIUM = '/usr/bin/chromium';
const ORIGIN = 'https://pm.test';
const NONCE = 'dGVzdC1ub25jZS0xMjM0NTY';

const FILES = readdirSync(XSS).filter((f) => f.endsWith('.postmortem.md')).sort();
export const PAYLOADS = readFileSync(join(XSS, 'payloads.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => l.replace(/\\u2028/g, '\u2028').replace(/\\u2029/g, '\u2029'));

const renderers: Renderers = await loadRenderers();

// ── Renders ───────────────────────────────────────────────────────────────────────────────────

type Kind = 'summary-html' | 'summary-md' | 'timeline-html' | 'timeline-page' | 'timeline-svg';

interface Rendered {
  kind: Kind;
  /** What a browser should open (HTML document or SVG). */
  document: string;
  contentType: 'text/html' | 'image/svg+xml';
}

/** markdown-it (a markdownlint dependency), configured like a permissive Markdown viewer: raw HTML on. */
// The summary Markdown rendered the way a permissive renderer would (raw HTML on, as in many wikis).
const markdownIt = new MarkdownIt({ html: true, linkify: true });
const markdownToHtml = (text: string) => markdownIt.render(text);

function htmlPage(body: string, title = 'rendered'): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;
}

function renderAll(analysis: Analysis): Rendered[] {
  const out: Rendered[] = [];
  out.push({ kind: 'summary-html', document: renderers.summary(analysis, 'html', TODAY), contentType: 'text/html' });
  out.push({ kind: 'summary-md', document: htmlPage(markdownToHtml(renderers.summary(analysis, 'md', TODAY))), contentType: 'text/html' });
  // The body alone, without the page's CSP: escaping must hold on its own.
  out.push({ kind: 'timeline-html', document: htmlPage(renderers.timelineHtml(analysis, TODAY)), contentType: 'text/html' });
  out.push({
    kind: 'timeline-page',
    document: renderers.timelinePage(analysis, TODAY, { cspSource: ORIGIN, nonce: NONCE, scriptUri: `${ORIGIN}/timeline.js`, styleUris: [`${ORIGIN}/codicon.css`, `${ORIGIN}/timeline.css`] }),
    contentType: 'text/html',
  });
  out.push({ kind: 'timeline-svg', document: renderers.timelineSvg(analysis, TODAY), contentType: 'image/svg+xml' });
  return out;
}

// ── DOM checks ────────────────────────────────────────────────────────────────────────────────

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'background', 'srcset', 'ping', 'codebase', 'cite', 'longdesc', 'lowsrc', 'dynsrc', 'manifest', 'icon']);
/** Elements a payload could use to run code, load something or change how the page is read. */
const INJECTED = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'form', 'input', 'textarea', 'select', 'img', 'image', 'video', 'audio', 'source', 'track', 'math', 'noscript', 'marquee', 'details', 'template', 'foreignobject', 'animate', 'set', 'animatetransform', 'animatemotion', 'use', 'handler', 'listener', 'portal', 'isindex']);
/** Attributes whose value is shown as text only (escaped payload text there is harmless). */
const TEXT_ATTRIBUTES = new Set(['title', 'aria-label', 'alt', 'placeholder', 'content', 'data-line', 'data-end-line']);
const MARKERS = /__pwned|alert\(/;

function dangerousUrl(value: string): boolean {
  // Browsers ignore ASCII whitespace and control characters inside the scheme.
  // eslint-disable-next-line no-control-regex
  const v = value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
  return v.startsWith('javascript:') || v.startsWith('vbscript:') || v.startsWith('data:text/html') || v.startsWith('data:image/svg');
}

/** Problems found in one rendered document. */
export function domProblems(kind: Kind, rendered: string, contentType: string): string[] {
  const problems: string[] = [];
  let dom: JSDOM;
  try {
    dom = new JSDOM(rendered, { contentType });
  } catch (error) {
    return [`not well-formed ${contentType}: ${String(error).slice(0, 200)}`];
  }
  const { document } = dom.window;
  for (const el of Array.from(document.querySelectorAll('*'))) {
    const tag = el.localName.toLowerCase();
    if (tag === 'script') {
      const ownState = kind === 'timeline-page' && el.getAttribute('type') === 'application/json' && el.id === 'pm-state' && el.getAttribute('nonce') === NONCE;
      const ownScript = kind === 'timeline-page' && el.getAttribute('src') === `${ORIGIN}/timeline.js` && el.getAttribute('nonce') === NONCE;
      if (!ownState && !ownScript) problems.push(`<script> element: ${el.outerHTML.slice(0, 120)}`);
    }
    if (INJECTED.has(tag)) problems.push(`injected <${tag}>: ${el.outerHTML.slice(0, 120)}`);
    if (tag === 'svg' && kind !== 'timeline-svg' && !(kind === 'timeline-html' || kind === 'timeline-page')) problems.push(`<svg> in ${kind}`);
    if (tag === 'svg' && (kind === 'timeline-html' || kind === 'timeline-page') && (el.getAttribute('class') !== 'pm-spacer' || el.children.length > 0)) problems.push(`unexpected <svg> in the timeline body: ${el.outerHTML.slice(0, 120)}`);
    if (tag === 'a' && kind !== 'summary-md') problems.push(`<a> element in ${kind}: ${el.outerHTML.slice(0, 120)}`);
    if (tag === 'meta' && el.getAttribute('http-equiv') && el.getAttribute('http-equiv')!.toLowerCase() !== 'content-security-policy') problems.push(`<meta http-equiv=${el.getAttribute('http-equiv')}>`);
    if (tag === 'link' && !(kind === 'timeline-page' && el.getAttribute('rel') === 'stylesheet' && el.getAttribute('href')!.startsWith(`${ORIGIN}/`))) problems.push(`<link>: ${el.outerHTML.slice(0, 120)}`);
    if (tag === 'style' && (MARKERS.test(el.textContent ?? '') || /expression\(|javascript:|@import/i.test(el.textContent ?? ''))) problems.push(`payload inside <style>: ${(el.textContent ?? '').slice(0, 120)}`);
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler attribute ${name} on <${tag}>`);
      if (URL_ATTRIBUTES.has(name) && dangerousUrl(attr.value)) problems.push(`${name}="${attr.value.slice(0, 80)}" on <${tag}>`);
      if (name === 'style' && /expression\(|javascript:|url\(/i.test(attr.value)) problems.push(`style="${attr.value.slice(0, 80)}" on <${tag}>`);
      if (!TEXT_ATTRIBUTES.has(name) && MARKERS.test(attr.value)) problems.push(`payload text in ${name}="${attr.value.slice(0, 80)}" on <${tag}>`);
    }
  }
  if (kind === 'timeline-page') {
    const state = document.getElementById('pm-state');
    try {
      const parsed = JSON.parse(state?.textContent ?? '') as { model?: { title?: unknown } };
      if (typeof parsed.model?.title !== 'string') problems.push('page state JSON has no model title');
    } catch (error) {
      problems.push(`page state JSON does not parse (broken out of its <script>?): ${String(error).slice(0, 120)}`);
    }
    if (document.querySelectorAll('script').length !== 2) problems.push(`${document.querySelectorAll('script').length} <script> elements in the page (expected 2)`);
  }
  dom.window.close();
  return problems;
}

// ── Tests ─────────────────────────────────────────────────────────────────────────────────────

describe('xss: hostile post-mortems through the HTML/SVG renderers', function () {
  this.timeout(0);
  const analyses = new Map<string, Analysis>();
  const rendered = new Map<string, Rendered[]>();
  const stats = { fixtures: FILES.length, payloads: PAYLOADS.length, placements: 0, documents: 0, browserPages: 0 };

  before(function () {
    for (const file of FILES) {
      const text = readFileSync(join(XSS, file), 'utf8');
      stats.placements += PAYLOADS.reduce((n, p) => n + text.split(p).length - 1, 0);
      const analysis = analyzeText(text, { today: TODAY });
      analyses.set(file, analysis);
      rendered.set(file, renderAll(analysis));
    }
  });

  after(function () {
    console.log(
      `      xss: ${stats.payloads} payloads, ${stats.placements} placements in ${stats.fixtures} fixtures; ${stats.documents} rendered documents checked with jsdom, ${stats.browserPages} opened in Chromium` +
        '',
    );
  });

  it('negative control: the DOM checks catch unescaped payloads', function () {
    // Every payload written into a page as raw HTML must be caught, unless it is inert on its own
    // (plain text, Markdown link syntax, template syntax, entities, comments).
    const caught = PAYLOADS.filter((p) => domProblems('timeline-html', htmlPage(p), 'text/html').length > 0);
    assert.ok(caught.length >= 35, `only ${caught.length} of ${PAYLOADS.length} raw payloads detected`);
    for (const p of ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', '<a href="jav&#x09;ascript:alert(1)">x</a>', '<div style="background:url(javascript:alert(1))">x</div>']) {
      assert.notDeepEqual(domProblems('summary-html', htmlPage(p), 'text/html'), [], p);
    }
  });

  it('every payload is placed in at least one fixture', function () {
    const texts = FILES.map((f) => readFileSync(join(XSS, f), 'utf8'));
    const unused = PAYLOADS.filter((p) => !texts.some((t) => t.includes(p)));
    assert.deepEqual(unused, []);
    assert.ok(PAYLOADS.length >= 50, `only ${PAYLOADS.length} payloads`);
  });

  it('the payloads reach the model (so the renderers really see them)', function () {
    const seen = (file: string, what: (a: Analysis) => string) => PAYLOADS.some((p) => what(analyses.get(file)!).includes(p.slice(0, 12)));
    assert.ok(seen('timeline-list.postmortem.md', (a) => a.doc.timeline.map((e) => e.text).join('\n')), 'timeline events');
    assert.ok(seen('action-items.postmortem.md', (a) => a.doc.actionItems.map((i) => `${i.text} ${i.owner} ${i.dueRaw}`).join('\n')), 'action items');
    assert.ok(seen('action-table.postmortem.md', (a) => a.doc.actionItems.map((i) => `${i.text} ${i.owner} ${i.dueRaw} ${i.status}`).join('\n')), 'action table');
    assert.ok(seen('front-matter-title.postmortem.md', (a) => `${a.doc.title} ${a.doc.metadata.impact?.value}`), 'front matter');
    // Inline HTML in a heading is markup, not text: the title keeps the words and drops the tags.
    const title = analyses.get('title-heading.postmortem.md')!.doc.title ?? '';
    assert.ok(title.includes('click me'), title);
    assert.doesNotMatch(title, /<script|onerror=|<img|<svg/i);
  });

  for (const file of FILES) {
    it(`${file}: no script, no event handler, no javascript: URL in any rendered document (jsdom)`, function () {
      const docs = rendered.get(file)!;
      assert.ok(docs.length >= 5, `${file}: ${docs.length} rendered documents`);
      const problems: string[] = [];
      for (const r of docs) {
        stats.documents++;
        for (const p of domProblems(r.kind, r.document, r.contentType)) problems.push(`${r.kind}: ${p}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  describe('in headless Chromium', function () {
    // playwright-core's types are loaded lazily: the package is optional for the rest of the suite.
    type Browser = import('playwright-core').Browser;
    let browser: Browser | undefined;
    const timelineJs = join(ROOT, 'dist', 'media', 'timeline.js');
    const assets: Record<string, { body: string | Buffer; contentType: string }> = {
      '/timeline.js': { body: existsSync(timelineJs) ? readFileSync(timelineJs) : '', contentType: 'text/javascript' },
      '/timeline.css': { body: existsSync(join(ROOT, 'media', 'timeline.css')) ? readFileSync(join(ROOT, 'media', 'timeline.css')) : '', contentType: 'text/css' },
      '/codicon.css': { body: existsSync(join(ROOT, 'dist', 'media', 'codicon.css')) ? readFileSync(join(ROOT, 'dist', 'media', 'codicon.css')) : '', contentType: 'text/css' },
    };

    before(async function () {
      assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: run scripts/setup-editor.sh (or apt-get install -y chromium)`);
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
    });

    after(async function () {
      await browser?.close();
    });

    it('negative control: the trap sees a payload that runs', async function () {
      const context = await browser!.newContext();
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss().catch(() => undefined);
      });
      try {
        await page.setContent(htmlPage('<img src=x onerror="window.__pwned=1"><svg onload="alert(7)"></svg>'), { waitUntil: 'load' });
        await page.waitForTimeout(150);
        assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), 1);
        assert.deepEqual(dialogs, ['7']);
      } finally {
        await context.close();
      }
    });

    for (const file of FILES) {
      it(`${file}: nothing executes, no request leaves the page`, async function () {
        const docs = rendered.get(file)!;
        const failures: string[] = [];
        for (const r of docs) {
          const context = await browser!.newContext({ javaScriptEnabled: true });
          // The webview API, as VS Code provides it: records what the page script posts.
          // A string, not a function: tsx compiles test functions with esbuild's `__name` helper, which the page lacks.
          await context.addInitScript(
            'window.__posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.__posted.push(m), getState: () => undefined, setState: () => undefined });',
          );
          const page = await context.newPage();
          const dialogs: string[] = [];
          const requests: string[] = [];
          const path = r.contentType === 'image/svg+xml' ? '/doc.svg' : '/doc.html';
          page.on('dialog', (dialog) => {
            dialogs.push(`${dialog.type()}: ${dialog.message()}`);
            void dialog.dismiss().catch(() => undefined);
          });
          await context.route('**/*', async (route) => {
            const url = new URL(route.request().url());
            if (url.origin === ORIGIN && url.pathname === path) return route.fulfill({ status: 200, contentType: `${r.contentType}; charset=utf-8`, body: r.document });
            if (url.origin === ORIGIN && assets[url.pathname]) return route.fulfill({ status: 200, contentType: assets[url.pathname].contentType, body: assets[url.pathname].body });
            // Other files of the page's own origin (fonts referenced by the stylesheets): not found.
            if (url.origin === ORIGIN) return route.fulfill({ status: 404, body: '' });
            if (url.protocol === 'data:') return route.continue();
            requests.push(route.request().url());
            return route.abort();
          });
          try {
            await page.goto(`${ORIGIN}${path}`, { waitUntil: 'load' });
            if (r.kind === 'timeline-page' && existsSync(timelineJs)) {
              // The page's own script must have run (CSP nonce accepted), or the check below proves little. A long
              // timeline's page starts its script after the first frame: wait for `ready` a little.
              await page.waitForFunction(() => (window as unknown as { __posted: Array<{ type?: string }> }).__posted.some((m) => m.type === 'ready'), undefined, { timeout: 2000 }).catch(() => undefined);
              const posted = await page.evaluate(() => (window as unknown as { __posted: Array<{ type?: string }> }).__posted.map((m) => m.type));
              if (!posted.includes('ready')) failures.push(`${r.kind}: the webview script did not start (posted ${JSON.stringify(posted)})`);
            }
            if (r.kind === 'timeline-page' && renderers.timelineModel) {
              // The webview re-renders on every document change: feed it the model as the extension would.
              const model = renderers.timelineModel(analyses.get(file)!, TODAY);
              await page.evaluate((m) => window.postMessage({ type: 'update', model: m, locked: false, resource: 'file:///x.postmortem.md' }, '*'), model);
            }
            // Give load/error/toggle/focus handlers and timers a moment to fire.
            await page.waitForTimeout(150);
            const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
            if (pwned !== undefined) failures.push(`${r.kind}: window.__pwned = ${JSON.stringify(pwned)}`);
            if (dialogs.length) failures.push(`${r.kind}: dialogs ${JSON.stringify(dialogs)}`);
            if (requests.length) failures.push(`${r.kind}: requests left the page: ${requests.slice(0, 5).join(', ')}`);
            stats.browserPages++;
          } finally {
            await context.close();
          }
        }
        assert.deepEqual(failures, []);
      });
    }
  });
});
