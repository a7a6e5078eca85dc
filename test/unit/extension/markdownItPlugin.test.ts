import assert from 'node:assert/strict';
import { JSDOM, VirtualConsole } from 'jsdom';
import MarkdownIt from 'markdown-it';
import { postmortemMarkdownItPlugin } from '../../../src/extension/preview/markdownItPlugin';
import { fixture } from '../helpers';

const HOSTILE = '<img src=x onerror=alert(1)>';

const SOURCE = [
  '---',
  `title: Checkout ${HOSTILE} latency`,
  'severity: SEV2',
  'date: 2026-03-14',
  'timezone: UTC',
  '---',
  '',
  '# Checkout latency',
  '',
  '## Summary',
  '',
  'Checkout was slow. See [the timeline](#timeline).',
  '',
  '## Timeline',
  '',
  `- 14:00 [started] Deploy of ${HOSTILE} rolled out`,
  '- 14:02 [detected] Alert fired',
  '- 14:40 [mitigated] Rolled back',
  '- 15:32 [resolved] Error rate back to normal',
  '',
  '## Action Items',
  '',
  '- [ ] Alert on connection count — @maria, due 2026-03-21',
  '',
].join('\n');

function render(src: string, env: Record<string, unknown> = {}, onError?: (e: unknown) => void): { html: string; dom: Document } {
  const md = postmortemMarkdownItPlugin(new MarkdownIt({ html: true }), { today: () => '2026-03-15', ...(onError ? { onError } : {}) });
  const html = md.render(src, env);
  return { html, dom: new JSDOM(html, { virtualConsole: new VirtualConsole() }).window.document };
}

describe('markdown-it plugin (built-in Markdown preview)', () => {
  it('renders the front matter as the incident header and the Timeline section as the visual timeline', () => {
    const { dom } = render(SOURCE, { currentDocument: { path: '/w/checkout.postmortem.md' } });
    const header = dom.querySelector('.pm-md .pm-header');
    assert.ok(header, 'incident header');
    assert.match(dom.querySelector('.pm-title')?.textContent ?? '', /^Checkout .* latency$/);
    assert.equal(dom.querySelectorAll('.pm-tiles .pm-tile').length, 4);
    assert.ok(dom.querySelector('.pm-sev'), 'severity badge');
    // The front matter is not rendered as Markdown (no hr / setext heading from its lines).
    assert.equal(dom.querySelector('hr'), null);
    assert.doesNotMatch(dom.body.textContent ?? '', /severity: SEV2/);
    // The document's own Timeline heading stays; its list becomes the drawn timeline.
    const headings = [...dom.querySelectorAll('h2')].map((h) => h.textContent);
    assert.ok(headings.includes('Timeline'));
    const timeline = dom.querySelector('.pm-md-timeline .pm-timeline');
    assert.ok(timeline, 'visual timeline');
    assert.equal(timeline.querySelectorAll('.pm-event').length, 4);
    assert.equal(dom.querySelectorAll('button').length, 0, 'no inert buttons in the Markdown preview');
    // The rest of the document renders as usual.
    assert.ok(dom.querySelector('a[href="#timeline"]'));
    assert.match(dom.body.textContent ?? '', /Alert on connection count/);
  });

  it('escapes hostile text from the document', () => {
    const { html, dom } = render(SOURCE, { currentDocument: { path: '/w/checkout.postmortem.md' } });
    assert.equal(dom.querySelector('img'), null);
    assert.doesNotMatch(html, /<img/);
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  it('leaves other Markdown alone', () => {
    const plain = '# Notes\n\n## Timeline\n\n- 14:00 something\n';
    const { dom } = render(plain, { currentDocument: { path: '/w/notes.md' } });
    assert.equal(dom.querySelector('.pm-md'), null);
    assert.ok(dom.querySelector('ul li'));
    const env = render(SOURCE, { currentDocument: { path: '/w/readme.md' }, postmortem: false });
    assert.equal(env.dom.querySelector('.pm-md'), null);
  });

  it('recognises a post-mortem by its content when the env names no document', () => {
    const { dom } = render(SOURCE);
    assert.ok(dom.querySelector('.pm-md .pm-header'));
  });

  it('recognises a post-mortem by incident keys in TOML front matter too', () => {
    const toml = SOURCE.replace(/^---\n[\s\S]*?\n---\n/, '+++\ntitle = "Checkout latency"\nseverity = "SEV2"\n+++\n').replace(/\n## Action Items[\s\S]*$/, '\n');
    assert.ok(toml.startsWith('+++') && !toml.includes('## Action Items'));
    assert.ok(render(toml).dom.querySelector('.pm-md'));
    assert.equal(render(toml.replace('severity = "SEV2"\n', '')).dom.querySelector('.pm-md'), null);
  });

  it('renders the shared examples and hostile fixtures without throwing', () => {
    for (const name of ['examples/checkout-latency.postmortem.md', 'examples/firmware-ota.postmortem.md', 'xss/links.postmortem.md', 'xss/html-blocks.postmortem.md', 'xss/front-matter.postmortem.md']) {
      const errors: unknown[] = [];
      const { html } = render(fixture(name), { currentDocument: { path: `/w/${name}` } }, (e) => errors.push(e));
      assert.deepEqual(errors, [], name);
      assert.match(html, /pm-header/, name);
    }
  });

  it('falls back to the plain render when the analysis fails', () => {
    const errors: unknown[] = [];
    const md = postmortemMarkdownItPlugin(new MarkdownIt(), { today: () => { throw new Error('boom'); }, onError: (e) => errors.push(e) });
    const html = md.render(SOURCE, { currentDocument: { path: '/w/x.postmortem.md' } });
    assert.equal(errors.length, 1);
    assert.match(html, /<h2>Timeline<\/h2>/);
    assert.doesNotMatch(html, /pm-header/);
  });
});
