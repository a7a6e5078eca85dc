import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const c = pkg.contributes;

describe('Markdown ecosystem contributions', () => {
  it('Ctrl+Shift+V and Ctrl+K V open the built-in Markdown preview on post-mortems; the timeline has its own free chord', () => {
    const keys = c.keybindings as Array<{ command: string; key: string; mac?: string; when: string }>;
    const byKey = new Map(keys.map((k) => [k.key, k]));
    assert.equal(byKey.get('ctrl+shift+v')?.command, 'markdown.showPreview');
    assert.equal(byKey.get('ctrl+k v')?.command, 'markdown.showPreviewToSide');
    assert.equal(byKey.get('ctrl+k alt+v')?.command, 'postmortem.showTimelineToSide');
    for (const k of keys) {
      assert.match(k.when, /^\(?editorLangId == postmortem\b/, k.key);
      assert.ok(k.mac, `${k.key} has a mac key`);
    }
    // Not a chord VS Code already uses (ctrl+k ctrl+t is the colour theme picker, ctrl+k t nothing we want to shadow).
    assert.ok(!keys.some((k) => ['ctrl+k ctrl+t', 'ctrl+k t', 'ctrl+k ctrl+v'].includes(k.key)));
  });

  it('the editor title offers the Markdown preview and the timeline preview on a post-mortem', () => {
    const title = c.menus['editor/title'] as Array<{ command: string; when: string; group?: string }>;
    for (const command of ['markdown.showPreviewToSide', 'postmortem.showTimelineToSide']) {
      const entry = title.find((m) => m.command === command);
      assert.ok(entry, command);
      assert.match(entry.when, /editorLangId == postmortem/);
      assert.equal(entry.group, 'navigation');
    }
  });

  it('extends the built-in preview (markdown-it plugin and styles built by esbuild)', () => {
    assert.equal(c['markdown.markdownItPlugins'], true);
    assert.deepEqual(c['markdown.previewStyles'], ['./dist/media/codicon.css', './dist/media/markdown-preview.css']);
    const build = readFileSync(join(ROOT, 'esbuild.mjs'), 'utf8');
    assert.match(build, /dist\/media\/markdown-preview\.css/);
    assert.ok(existsSync(join(ROOT, 'media', 'markdown-preview.css')));
    assert.match(readFileSync(join(ROOT, 'src', 'extension', 'extension.shared.ts'), 'utf8'), /extendMarkdownIt/);
  });

  it('configuration defaults: word wrap and quick suggestions for snippets; spell checkers include postmortem', () => {
    const d = c.configurationDefaults;
    assert.equal(d['[postmortem]']['editor.wordWrap'], 'on');
    assert.deepEqual(d['[postmortem]']['editor.quickSuggestions'], { comments: 'on', strings: 'on', other: 'on' });
    assert.ok(d['cSpell.enableFiletypes'].includes('postmortem'));
    assert.ok(d['ltex.enabled'].includes('postmortem') && d['ltex.enabled'].includes('markdown'));
    const snippets = JSON.parse(readFileSync(join(ROOT, 'snippets', 'postmortem.code-snippets'), 'utf8')) as Record<string, { prefix: string | string[] }>;
    const prefixes = Object.values(snippets).flatMap((s) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]));
    assert.ok(prefixes.includes('postmortem'));
    assert.ok(prefixes.filter((p) => p.startsWith('pm-')).length >= 5);
  });

  it('a Get Started walkthrough with five steps, each with its media', () => {
    const [walkthrough] = c.walkthroughs as Array<{ id: string; steps: Array<{ id: string; title: string; media: { markdown: string } }> }>;
    assert.equal(walkthrough.steps.length, 5);
    assert.deepEqual(walkthrough.steps.map((s) => s.id), ['create', 'diagnostic', 'hover', 'preview', 'summary']);
    for (const step of walkthrough.steps) assert.ok(existsSync(join(ROOT, step.media.markdown)), step.media.markdown);
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!media\/walkthrough\/\*\.md$/m);
  });

  it('the README has a "Works with your Markdown tools" section', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = /## Works with your Markdown tools\n([\s\S]*?)\n## /.exec(readme)?.[1] ?? '';
    assert.match(section, /markdownlint-cli2 '\*\*\/\*\.postmortem\.md'/);
    assert.match(section, /Ctrl<\/kbd>\+<kbd>Shift<\/kbd>\+<kbd>V/);
  });
});
