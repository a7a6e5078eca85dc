import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cleanPatterns, FileSelection, slowGlobReason } from '../../../../src/core/files/selection';
import { resolveConfig } from '../../../../src/core/config';
import { findPostmortemFiles } from '../../../../src/cli/files';
import { commandSettings } from '../../../../src/cli/config';
import { analyzeText } from '../../../../src/core/analyze';
import { readFileSync } from 'node:fs';
import { SELECTED, TREE, TREE_PATTERNS, writeTree } from '../../../fixtures/fileSelectionTree';

describe('file selection', () => {
  it('*.postmortem.md always; extra globs with classes, globstars and bare names', () => {
    const s = new FileSelection({ patterns: TREE_PATTERNS });
    assert.ok(s.includes('x.postmortem.md'));
    assert.ok(s.includes('deep/in/here/y.postmortem.md'));
    assert.ok(s.includes('docs/2024-01-db.md'));
    assert.ok(!s.includes('docs/notes.md'));
    assert.ok(!s.includes('docs/deep/2024-02-x.md'), '[0-9]* stays in one folder');
    assert.ok(s.includes('a/b/incident-1.md'));
    assert.ok(new FileSelection({ patterns: ['incident-*.md'] }).includes('deep/incident-2.md'), 'a glob without a slash matches the name anywhere');
  });

  it('dependency and build folders, .gitignore rules per folder and excludes leave files out', () => {
    const s = new FileSelection({ patterns: ['**/incident-*.md'], ignoreFiles: [{ dir: '', text: 'build/\n' }, { dir: 'sub', text: 'incident-7.md\n' }], exclude: ['**/archive'] });
    assert.ok(!s.includes('node_modules/pkg/incident-3.md'));
    assert.ok(!s.includes('dist/incident-5.md'));
    assert.ok(!s.includes('build/incident-4.md'));
    assert.ok(s.skipsDirectory('build'));
    assert.ok(!s.includes('sub/incident-7.md'));
    assert.ok(s.includes('sub/incident-8.md'));
    assert.ok(!s.includes('old/archive/incident-9.md'));
    assert.ok(s.includes('.vscode-test/sample/incident-1.md'), 'no folder is skipped by name unless configured or ignored');
  });

  it('cleans untrusted pattern lists', () => {
    assert.deepEqual(cleanPatterns(['./docs/*.md', 3, '', '  a/**  ', 'docs/*.md', null as unknown as string]), ['docs/*.md', 'a/**']);
    assert.equal(cleanPatterns(Array.from({ length: 500 }, (_, i) => `p${i}`)).length, 100);
  });

  it('globs that would match slowly are refused with a finding naming the setting; ordinary ones pass', () => {
    for (const fine of ['docs/[0-9]*.md', '**/incident-*.md', 'docs/**/**/*-*-*.md', '{a,b}/*.md', '@(a|b)*(c).md', 'postmortems/*incident*.md']) assert.equal(slowGlobReason(fine), undefined, fine);
    for (const slow of ['*a*a*a*a*b.md', '*(a)*(a)*(a)*(a)*(a).md', '+(a)+(a)+(a)+(a).md']) assert.match(slowGlobReason(slow) ?? '', /repeats \d+ times in one path segment/, slow);
    assert.deepEqual(cleanPatterns(['*a*a*a*a*b.md', 'docs/*.md']), ['docs/*.md']);
    assert.deepEqual(resolveConfig({ filePatterns: ['docs/*.md', '*(a)*(a)*(a)*(a)*(a).md'] }).errors, [
      'filePatterns[1] `*(a)*(a)*(a)*(a)*(a).md` repeats 5 times in one path segment (`*`, `*(…)`, `+(…)`; at most 3 match quickly); it is ignored',
    ]);
    // The refused glob is never compiled: matching a hostile name stays instant instead of taking a minute.
    const selection = new FileSelection({ patterns: ['*(a)*(a)*(a)*(a)*(a).md'] });
    assert.equal(selection.patterns.length, 1);
    assert.equal(selection.includes(`${'a'.repeat(250)}.mdx`), false);
  });

  it('the CLI walker picks exactly the selected files of the tricky tree', () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-select-'));
    try {
      writeTree(root);
      const found = findPostmortemFiles([root], { patterns: TREE_PATTERNS, root }).map((f) => relative(root, f).split('\\').join('/')).sort();
      assert.deepEqual(found, SELECTED);
      assert.ok(Object.keys(TREE).length > SELECTED.length + 5);
      // A directory named on the command line is walked even when .gitignore ignores it.
      assert.deepEqual(findPostmortemFiles([join(root, 'build')], { patterns: TREE_PATTERNS, root }).map((f) => relative(root, f)), [join('build', 'incident-4.md')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('in a walk, each file uses its nearest .postmortemrc.yaml, as the editor does', () => {
    const root = mkdtempSync(join(tmpdir(), 'pm-select-'));
    try {
      writeTree(root);
      const io = { out: () => undefined, err: () => undefined };
      const { optionsFor } = commandSettings({ today: '2026-01-01' }, io, root);
      const rules = (file: string) => analyzeText(readFileSync(join(root, file), 'utf8'), optionsFor(join(root, file))).findings.map((f) => f.rule);
      assert.ok(rules('team/incident-42.md').includes('required-section'));
      assert.ok(!rules('sub/incident-8.md').includes('required-section'), 'sub/.postmortemrc.yaml requires only Summary');
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
