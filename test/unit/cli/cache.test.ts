import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { analyzeFiles } from '../../../src/cli/analyzeFiles';
import { cacheKeyPrefix } from '../../../src/cli/cache';
import { commandSettings } from '../../../src/cli/config';
import { cli } from './runCli';
import { FIXTURES } from '../helpers';

const TODAY = '2026-03-20';
const quiet = { out: () => {}, err: () => {} };

const DOC = (n: number) => `---
title: Incident ${n}
severity: SEV2
date: 2026-03-0${n}
---

## Summary

Checkout failed for a while.

## Impact

Some orders were delayed.

## Timeline

- 10:00 — [started] Deploy
- 10:05 — [detected] Alert fires
- 10:30 — [resolved] Rolled back

## Root Cause

Dave should have checked the config before deploying.

## Action Items

- [ ] Validate the config in CI — @maria, due 2026-03-1${n}
- [ ] Add a canary stage
`;

describe('cli: --cache', function () {
  this.timeout(60_000);
  let dir = '';
  let cacheDir = '';
  let files: string[] = [];
  const cacheFile = (kind: string) => join(cacheDir, `${kind}.json`);
  const run = (kind: string, ...args: string[]) => cli(kind, ...files, '--format', 'json', '--today', TODAY, '--config', join(dir, 'rc.yaml'), '--cache', '--cache-location', cacheDir, '--concurrency', 'off', ...args);
  const uncached = (kind: string, ...args: string[]) => cli(kind, ...files, '--format', 'json', '--today', TODAY, '--config', join(dir, 'rc.yaml'), ...args);
  /** Changes every cached piece of `file` with `edit` and writes the cache file back. */
  const tamper = (kind: string, file: string, edit: (result: Record<string, unknown>) => void) => {
    const data = JSON.parse(readFileSync(cacheFile(kind), 'utf8'));
    const entry = data.entries[resolve(file)];
    assert.ok(entry, `no cache entry for ${file}`);
    edit(entry.result);
    writeFileSync(cacheFile(kind), JSON.stringify(data));
  };
  const markLint = (file: string) =>
    tamper('lint', file, (r) => {
      (r.findings as Array<{ message: string }>)[0].message = 'FROM THE CACHE';
    });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-cache-'));
    cacheDir = join(dir, 'cache');
    files = [1, 2, 3].map((n) => join(dir, `inc-${n}.postmortem.md`));
    files.forEach((file, i) => writeFileSync(file, DOC(i + 1)));
    writeFileSync(join(dir, 'rc.yaml'), 'rules:\n  blame-wording: warning\n');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('the first run writes the cache and prints what a run without it prints', () => {
    const first = run('lint');
    assert.equal(first.err, '');
    assert.ok(existsSync(cacheFile('lint')));
    const plain = uncached('lint');
    assert.equal(first.out, plain.out);
    assert.equal(first.code, plain.code);
    const data = JSON.parse(readFileSync(cacheFile('lint'), 'utf8'));
    assert.equal(data.tool, 'postmortem');
    assert.deepEqual(Object.keys(data.entries).sort(), files.map((f) => resolve(f)).sort());
  });

  it('a second run with unchanged files analyses nothing: a changed cached result shows up', () => {
    run('lint');
    markLint(files[1]);
    const second = run('lint');
    const results = JSON.parse(second.out);
    assert.equal(results[1].findings[0].message, 'FROM THE CACHE');
    assert.notEqual(results[0].findings[0].message, 'FROM THE CACHE');
    // And counted: every file a hit, none analysed.
    const settings = commandSettings({ config: join(dir, 'rc.yaml'), today: TODAY }, quiet);
    const again = analyzeFiles('lint', files, settings.optionsFor, { concurrency: 1, today: TODAY, cacheLocation: cacheDir }, quiet);
    assert.deepEqual({ hits: again.report.cacheHits, analysed: again.report.analysed }, { hits: 3, analysed: 0 });
  });

  it('a changed file is analysed again, the others still come from the cache', () => {
    run('lint');
    markLint(files[0]);
    markLint(files[1]);
    writeFileSync(files[1], `${readFileSync(files[1], 'utf8')}\nOne more line.\n`);
    const results = JSON.parse(run('lint').out);
    assert.equal(results[0].findings[0].message, 'FROM THE CACHE');
    assert.ok(!results[1].findings.some((f: { message: string }) => f.message === 'FROM THE CACHE'));
  });

  it('changed options (configuration, --today for lint) invalidate the cache', () => {
    run('lint');
    markLint(files[0]);
    assert.equal(JSON.parse(run('lint').out)[0].findings[0].message, 'FROM THE CACHE');
    writeFileSync(join(dir, 'rc.yaml'), 'rules:\n  blame-wording: error\n');
    const changed = JSON.parse(run('lint').out);
    assert.ok(!changed[0].findings.some((f: { message: string }) => f.message === 'FROM THE CACHE'));
    assert.equal(changed[0].findings.find((f: { rule: string }) => f.rule === 'blame-wording').severity, 'error');

    markLint(files[0]);
    const later = JSON.parse(run('lint', '--today', '2026-04-30').out);
    assert.ok(!later[0].findings.some((f: { message: string }) => f.message === 'FROM THE CACHE'));
    assert.ok(later[0].findings.some((f: { rule: string }) => f.rule === 'action-item-overdue'));
  });

  it('the key covers what the result depends on: options and, for lint only, the date', () => {
    const { options } = commandSettings({ config: join(dir, 'rc.yaml'), today: TODAY }, quiet);
    const other = commandSettings({ config: join(dir, 'rc.yaml'), today: '2026-05-01' }, quiet).options;
    assert.notEqual(cacheKeyPrefix('lint', options, TODAY), cacheKeyPrefix('lint', other, '2026-05-01'));
    assert.equal(cacheKeyPrefix('actions', options, TODAY), cacheKeyPrefix('actions', other, '2026-05-01'));
    assert.equal(cacheKeyPrefix('stats', options, TODAY), cacheKeyPrefix('stats', other, '2026-05-01'));
    assert.notEqual(cacheKeyPrefix('stats', options, TODAY), cacheKeyPrefix('actions', options, TODAY));
    const config = options.config!;
    const reordered = { ...options, config: { ...config, rules: Object.fromEntries(Object.entries(config.rules).reverse()) as typeof config.rules } };
    assert.equal(cacheKeyPrefix('lint', reordered, TODAY), cacheKeyPrefix('lint', options, TODAY));
    const stricter = { ...options, config: { ...config, rules: { ...config.rules, 'blame-wording': 'error' as const } } };
    assert.notEqual(cacheKeyPrefix('lint', stricter, TODAY), cacheKeyPrefix('lint', options, TODAY));
  });

  it('actions: cached items get their due state from this run\'s --today', () => {
    const first = JSON.parse(run('actions').out);
    assert.equal(first[0].state, 'overdue by 9 days');
    tamper('actions', files[0], (r) => {
      (r.items as Array<{ text: string }>)[0].text = 'FROM THE CACHE';
    });
    const later = JSON.parse(run('actions', '--today', '2026-03-25').out);
    assert.equal(later[0].text, 'FROM THE CACHE');
    assert.equal(later[0].state, 'overdue by 14 days');
  });

  it('stats: cached records are used and carry the file as named on this command line', () => {
    const plain = uncached('stats');
    assert.equal(run('stats').out, plain.out);
    tamper('stats', files[2], (r) => {
      r.severity = 'SEV1';
    });
    const cached = JSON.parse(run('stats').out);
    assert.deepEqual(cached.bySeverity, { SEV1: 1, SEV2: 2 });
  });

  for (const [name, text] of [
    ['not JSON', '{"tool": "postmortem", "entr'],
    ['another tool', JSON.stringify({ tool: 'eslint', format: 1, command: 'lint', entries: {} })],
    ['a JSON array', '[1, 2, 3]'],
    ['another format', JSON.stringify({ tool: 'postmortem', format: 999, command: 'lint', entries: {} })],
  ] as const) {
    it(`a cache file that is ${name} is ignored calmly and replaced`, () => {
      mkdirSync(cacheDir, { recursive: true });
      writeFileSync(cacheFile('lint'), text);
      const result = run('lint');
      assert.equal(result.err, '');
      assert.equal(result.out, uncached('lint').out);
      assert.equal(JSON.parse(readFileSync(cacheFile('lint'), 'utf8')).tool, 'postmortem');
    });
  }

  it('malformed entries (right key, wrong shape) are misses, not crashes', () => {
    run('lint');
    const data = JSON.parse(readFileSync(cacheFile('lint'), 'utf8'));
    const [a, b, c] = files.map((f) => resolve(f));
    data.entries[a].result = { findings: [{ rule: 'blame-wording', severity: 'loud', message: 'FROM THE CACHE', range: {} }] };
    data.entries[b].result = 42;
    data.entries[c] = 'nonsense';
    writeFileSync(cacheFile('lint'), JSON.stringify(data));
    const result = run('lint');
    assert.equal(result.err, '');
    assert.equal(result.out, uncached('lint').out);
  });

  it('a cache location that cannot be written: one note on stderr, the results as without the cache', () => {
    writeFileSync(join(dir, 'blocked'), 'a file, not a directory');
    const result = cli('lint', ...files, '--format', 'json', '--today', TODAY, '--config', join(dir, 'rc.yaml'), '--cache', '--cache-location', join(dir, 'blocked'));
    assert.match(result.err, /postmortem: cache: cannot write .*blocked/);
    assert.equal(result.out, uncached('lint').out);
  });

  it('the pool fills the cache too, with the keys of the texts it read', () => {
    const settings = commandSettings({ config: join(dir, 'rc.yaml'), today: TODAY }, quiet);
    const pooled = analyzeFiles('lint', files, settings.optionsFor, { concurrency: 2, today: TODAY, cacheLocation: cacheDir, mainShare: false }, quiet);
    assert.equal(pooled.report.fromWorkers, 3);
    const again = analyzeFiles('lint', files, settings.optionsFor, { concurrency: 1, today: TODAY, cacheLocation: cacheDir }, quiet);
    assert.equal(again.report.cacheHits, 3);
    assert.deepEqual(again.results, pooled.results);
  });

  it('--cache-location needs --cache; the default location is node_modules/.cache/postmortem in the working directory', () => {
    assert.equal(cli('lint', files[0], '--cache-location', cacheDir).code, 2);
    const cwd = process.cwd();
    try {
      process.chdir(dir);
      const result = cli('actions', files[0], '--cache', '--today', TODAY);
      assert.equal(result.code, 0, result.err);
      assert.ok(existsSync(join(dir, 'node_modules', '.cache', 'postmortem', 'actions.json')));
    } finally {
      process.chdir(cwd);
    }
  });

  it('lint of the shared examples: the same output cached and not', () => {
    const examples = join(FIXTURES, 'examples');
    const args = ['lint', examples, '--today', TODAY, '--concurrency', 'off'];
    const plain = cli(...args);
    assert.equal(cli(...args, '--cache', '--cache-location', cacheDir).out, plain.out);
    assert.equal(cli(...args, '--cache', '--cache-location', cacheDir).out, plain.out);
  });
});
