import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzeFiles, autoThreads, type FileJobSettings } from '../../../src/cli/analyzeFiles';
import { commandSettings } from '../../../src/cli/config';
import { FILE_JOB_KINDS } from '../../../src/cli/fileJobs';
import { cli } from './runCli';
import { runPool } from '../../../src/cli/pool';
import { FIXTURES } from '../helpers';

const TODAY = '2026-03-20';
const quiet = { out: () => {}, err: () => {} };

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.md'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The shared examples, the timeline/action-item forms and the real published post-mortems. */
const FILES = ['examples', 'forms', 'real'].flatMap((d) => markdownFiles(join(FIXTURES, d)));

const serial: FileJobSettings = { concurrency: 1, today: TODAY };
/** Every file through a worker: the main thread only coordinates. */
const pooled: FileJobSettings = { concurrency: 2, today: TODAY, mainShare: false };

describe('cli: worker pool over files', function () {
  this.timeout(120_000);
  const { optionsFor } = commandSettings({ today: TODAY }, quiet, FIXTURES);

  it(`has fixtures to compare (${FILES.length} files)`, () => {
    assert.ok(FILES.length > 50, String(FILES.length));
  });

  for (const kind of FILE_JOB_KINDS) {
    it(`${kind}: every file analysed in workers, results equal to the serial path, in file order`, () => {
      const one = analyzeFiles(kind, FILES, optionsFor, serial, quiet);
      const many = analyzeFiles(kind, FILES, optionsFor, pooled, quiet);
      assert.equal(one.report.workers, 0);
      assert.equal(many.report.workers, 2);
      assert.equal(many.report.fromWorkers, FILES.length);
      assert.deepEqual(many.results, one.results);
      // Not trivially equal: the pieces carry findings, records and items.
      assert.ok(JSON.stringify(one.results).length > 10_000);
    });
  }

  it('main thread and workers together (the default split) give the same results', () => {
    const one = analyzeFiles('lint', FILES, optionsFor, serial, quiet);
    const both = analyzeFiles('lint', FILES, optionsFor, { concurrency: 3, today: TODAY, minPoolBytes: 0 }, quiet);
    assert.equal(both.report.workers, 2);
    assert.deepEqual(both.results, one.results);
  });

  it('each file keeps its own configuration (nearest .postmortemrc.yaml) in the workers', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-pool-'));
    try {
      const text = '# Outage\n\n## Root Cause\n\nDave should have checked the config before deploying.\n';
      for (const sub of ['a', 'b']) {
        mkdirSync(join(dir, sub));
        for (let i = 0; i < 3; i++) writeFileSync(join(dir, sub, `${i}.postmortem.md`), text);
      }
      writeFileSync(join(dir, 'b', '.postmortemrc.yaml'), 'rules:\n  blame-wording: error\n  required-section: off\n');
      const files = markdownFiles(dir);
      const settings = commandSettings({ today: TODAY }, quiet, dir);
      const one = analyzeFiles('lint', files, settings.optionsFor, serial, quiet);
      const many = analyzeFiles('lint', files, settings.optionsFor, pooled, quiet);
      assert.equal(many.report.fromWorkers, files.length);
      assert.deepEqual(many.results, one.results);
      const blame = (i: number) => many.results[i].findings.find((f) => f.rule === 'blame-wording')?.severity;
      assert.deepEqual(files.map((_f, i) => blame(i)), ['warning', 'warning', 'warning', 'error', 'error', 'error']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a file the worker cannot read fails as in the serial path (first failing file, same message)', () => {
    const files = [...FILES.slice(0, 5), join(FIXTURES, 'no-such-file.postmortem.md'), join(FIXTURES, 'no-such-either.postmortem.md')];
    const message = (settings: FileJobSettings) => {
      try {
        analyzeFiles('actions', files, optionsFor, settings, quiet);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    assert.match(message(serial), /no-such-file\.postmortem\.md: cannot read \(ENOENT\)/);
    assert.equal(message(pooled), message(serial));
  });

  // Fewer files here: each case analyses them twice (the comparisons above cover all of them).
  const some = FILES.filter((f) => !f.includes('/real/')).concat(FILES.filter((f) => f.includes('/real/')).slice(0, 12));
  for (const args of [['lint', '--format', 'json'], ['lint', '--format', 'sarif'], ['stats'], ['actions', '--open']]) {
    it(`the CLI prints the same with --concurrency 2 as with --concurrency off: ${args.join(' ')}`, () => {
      // Files named on the command line are taken as given (directories would only yield *.postmortem.md).
      const off = cli(...args, ...some, '--today', TODAY, '--concurrency', 'off');
      const two = cli(...args, ...some, '--today', TODAY, '--concurrency', '2');
      assert.equal(two.code, off.code);
      assert.equal(two.err, off.err);
      assert.equal(two.out, off.out);
      assert.ok(off.out.length > 2000, off.out);
    });
  }

  it('--concurrency takes a number, auto or off', () => {
    assert.equal(cli('lint', join(FIXTURES, 'examples'), '--concurrency', 'many').code, 2);
    assert.equal(cli('lint', join(FIXTURES, 'examples'), '--concurrency', '0').code, 2);
    assert.match(cli('stats', join(FIXTURES, 'examples'), '--concurrency', 'fast').err, /--concurrency expects a number, auto or off/);
    assert.equal(cli('actions', join(FIXTURES, 'examples'), '--concurrency', 'auto').code, 0);
  });
});

describe('cli: --concurrency auto', () => {
  it('one thread per free core: the cores minus the 1-minute load average, at least one', () => {
    assert.equal(autoThreads(2, 0), 2);
    assert.equal(autoThreads(2, 0.5), 2);
    assert.equal(autoThreads(2, 1), 1);
    assert.equal(autoThreads(2, 7.5), 1);
    assert.equal(autoThreads(8, 2.2), 6);
    assert.equal(autoThreads(1, 0), 1);
  });
});

describe('cli: a worker that stops answering', function () {
  this.timeout(60_000);
  it('the main thread does its file after the stall time (a worker blocked reading a FIFO)', function () {
    if (process.platform === 'win32') this.skip();
    const dir = mkdtempSync(join(tmpdir(), 'pm-stall-'));
    const fifo = join(dir, 'blocked.postmortem.md');
    execFileSync('mkfifo', [fifo]);
    let locals = 0;
    try {
      const run = runPool({
        kind: 'lint',
        files: [fifo],
        options: [{ today: TODAY }],
        optionIds: [0],
        sizes: [0],
        workers: 1,
        mainShare: false,
        stallMs: 3000,
        local: () => {
          locals++;
          return { result: { findings: [] } };
        },
      });
      assert.deepEqual(run.results, [{ findings: [] }]);
      assert.equal(run.fromWorkers, 0);
      assert.equal(locals, 1);
    } finally {
      // Let the worker's read finish (end of file) so that it can be terminated. O_RDWR: a FIFO opened so
      // never waits for the other end (the worker may have been terminated before it opened it).
      closeSync(openSync(fifo, constants.O_RDWR));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
