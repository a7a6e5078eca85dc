import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Nodes, Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findBareLinks } from '../../../../src/core/model/autolink';
import { overlapsCode, sourceSpan } from '../../../../src/core/model/inline';
import { parseMarkdown } from '../../../../src/core/model/markdown';
import { capNesting } from '../../../../src/core/model/nesting';
import { parsePostmortem } from '../../../../src/core/model/parse';
import { FIXTURES } from '../../helpers';

/** Bare links of a string as `text → url`. */
const bare = (s: string) => findBareLinks(s).map((l) => `${s.slice(l.start, l.end)} → ${l.url}`);

describe('bare URLs and e-mail addresses (GFM autolink literals, model/autolink.ts)', () => {
  it('finds URLs, www. hosts and e-mail addresses with GFM’s trailing punctuation and parentheses', () => {
    assert.deepEqual(bare('See https://example.com/a/b?c=d#e for details.'), ['https://example.com/a/b?c=d#e → https://example.com/a/b?c=d#e']);
    assert.deepEqual(bare('See https://example.com.'), ['https://example.com → https://example.com']);
    assert.deepEqual(bare('(see https://en.wikipedia.org/wiki/Foo_(bar)).'), ['https://en.wikipedia.org/wiki/Foo_(bar) → https://en.wikipedia.org/wiki/Foo_(bar)']);
    assert.deepEqual(bare('(https://example.com/x)'), ['https://example.com/x → https://example.com/x']);
    assert.deepEqual(bare('Visit www.example.com, then WWW.Example.com/path?x=1!'), ['www.example.com → http://www.example.com', 'WWW.Example.com/path?x=1 → http://WWW.Example.com/path?x=1']);
    assert.deepEqual(bare('Mail ops@example.com or on-call+pager@team.example.org.'), ['ops@example.com → mailto:ops@example.com', 'on-call+pager@team.example.org → mailto:on-call+pager@team.example.org']);
    assert.deepEqual(bare('"https://quoted.example.com" and \'www.single.example.com\''), ['https://quoted.example.com → https://quoted.example.com', 'www.single.example.com → http://www.single.example.com']);
    assert.deepEqual(bare('https://grafana.example.com/d/abc?from=now-6h&to=now; http://localhost:8080/x'), ['https://grafana.example.com/d/abc?from=now-6h&to=now → https://grafana.example.com/d/abc?from=now-6h&to=now', 'http://localhost:8080/x → http://localhost:8080/x']);
    assert.deepEqual(bare('https://example.com/&amp; https://example.com/a]b https://example.com/c<br>'), ['https://example.com/ → https://example.com/', 'https://example.com/a]b → https://example.com/a]b', 'https://example.com/c → https://example.com/c']);
  });

  it('leaves what GFM does not link: a URL after a letter, underscores in the last labels, addresses without a dot', () => {
    assert.deepEqual(bare('xhttps://example.com wwww.example.com www.a_b.com www.a.b_c.com a@b.c-1 a@localhost e@f.c1 www.'), []);
    // After a digit or punctuation a URL still starts (micromark only rejects a preceding letter).
    assert.deepEqual(bare('1https://example.com'), ['https://example.com → https://example.com']);
    assert.deepEqual(bare('prefix/https://example.com'), ['https://example.com → https://example.com']);
  });

  it('gives each link its exact source position (escapes, entities, quote and list continuation lines, table cells)', () => {
    const text = [
      '# T',
      '',
      '## Summary',
      '',
      'An \\*escaped\\* note &amp; https://status.example.com/incidents/42.',
      '',
      '> quoted https://example.com/q',
      '> continued www.example.org, and ops@example.com.',
      '',
      '- item with https://example.com/x, and more',
      '  continued *https://example.com/y*.',
      '',
      '| Action | Ticket |',
      '|---|---|',
      '| Fix | https://jira.example.com/browse/OPS-12 |',
      '',
    ].join('\n');
    const doc = parsePostmortem(text);
    const found: string[] = [];
    for (const block of doc.blocks) {
      const inlines = block.kind === 'table' ? [...(block.header ?? []), ...(block.rows ?? []).flat()].map((c) => c.inline) : [block.inline];
      for (const inline of inlines) {
        for (const link of inline.links) {
          const [s, e] = sourceSpan(inline, link.start, link.end);
          assert.equal(text.slice(s, e), inline.text.slice(link.start, link.end));
          // A bare link is not prose (rules skip it).
          assert.ok(overlapsCode(inline, link.start, link.end));
          found.push(`${text.slice(s, e)} @${s} → ${link.url}`);
        }
      }
    }
    const at = (s: string) => text.indexOf(s);
    assert.deepEqual(found, [
      `https://status.example.com/incidents/42 @${at('https://status')} → https://status.example.com/incidents/42`,
      `https://example.com/q @${at('https://example.com/q')} → https://example.com/q`,
      `www.example.org @${at('www.example.org')} → http://www.example.org`,
      `ops@example.com @${at('ops@')} → mailto:ops@example.com`,
      `https://example.com/x @${at('https://example.com/x')} → https://example.com/x`,
      `https://example.com/y @${at('https://example.com/y')} → https://example.com/y`,
      `https://jira.example.com/browse/OPS-12 @${at('https://jira')} → https://jira.example.com/browse/OPS-12`,
    ]);
  });

  it('does not link inside links, link references, code or HTML', () => {
    const tree = parseMarkdown('[https://example.com/label](https://t.example) [www.example.com][ref] `https://code.example.com` <a href="https://html.example.com">\n\n[ref]: https://r.example\n');
    const links: string[] = [];
    const walk = (n: Nodes) => {
      if (n.type === 'link') links.push(n.url);
      if ('children' in n) for (const c of n.children) walk(c as Nodes);
    };
    walk(tree);
    assert.deepEqual(links, ['https://t.example']);
  });

  // The reference: remark-gfm (a devDependency kept for this comparison and the benchmark). Its tree
  // transform gives the links it finds no position; everything else must be the same, node for node.
  const gfm = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);
  const strip = (tree: Root) => JSON.stringify(tree, (k, v: unknown) => (k === 'data' ? undefined : v));
  /** Drops our positions where remark-gfm has none (the links its transform adds). */
  const unposition = (a: Nodes, b: Nodes) => {
    if (a.position === undefined) delete b.position;
    if ('children' in a && 'children' in b) for (let i = 0; i < Math.min(a.children.length, b.children.length); i++) unposition(a.children[i] as Nodes, b.children[i] as Nodes);
  };
  const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith('.md') ? [join(dir, f)] : []));
  /**
   * Known differences (not ordinary text): a task item whose text starts with a URL (remark-gfm's
   * paragraph then starts at the `[ ]`, ours after it, as for any other task item).
   */
  const KNOWN = ['2025-07-11-cloudbank-healthcheck.md'];

  it('gives the same tree as remark-gfm on every fixture and on ordinary URL text', () => {
    const ordinary = [
      'See https://example.com/a/b?c=d#e, https://example.com. (https://example.com/x) and www.example.com!',
      '(see https://en.wikipedia.org/wiki/Foo_(bar)). Mail ops@example.com, on-call+pager@team.example.org.',
      '> quoted https://example.com/q\n> continued www.example.org\n\n- item https://example.com/x, more\n  continued https://example.com/y.',
      '| Action | Ticket |\n|---|---|\n| Fix | https://jira.example.com/browse/OPS-12 |\n| Fix | <https://x.com> ops@example.com |',
      '*emphasis https://example.com/e* and **strong www.example.com** ~~done https://example.com/d~~',
      '"https://quoted.example.com" and \'www.single.example.com\' see:https://example.com `https://c.example.com`',
      'HTTPS://EXAMPLE.COM WWW.EXAMPLE.COM https://例子.测试/路径 www.點看.com https://example.com<b>x</b>',
      'Footnote[^1] https://example.com/f\n\n[^1]: Note https://example.com/n',
      '# Heading https://example.com/h\n\n- [ ] task https://example.com/t — @kim, due 2026-05-01',
      'https://example.com/&amp; https://example.com/a&amp;b https://example.com/x&y; escaped https://example.com/\\_x',
    ];
    const cases = [...files(FIXTURES).filter((f) => !KNOWN.some((k) => f.endsWith(k))).map((f) => [f, readFileSync(f, 'utf8')]), ...ordinary.map((t, i) => [`ordinary ${i}`, t])];
    const differ: string[] = [];
    for (const [name, raw] of cases) {
      const text = capNesting(raw).text;
      const a = gfm.parse(text) as Root;
      const b = parseMarkdown(text);
      unposition(a, b);
      if (strip(a) !== strip(b)) differ.push(name);
    }
    assert.ok(cases.length > 100);
    assert.deepEqual(differ, []);
  });
});
