import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../../src/cli/main';
import { analyzeText } from '../../../src/core/analyze';
import { createSummary } from '../../../src/core/summary/index';
import { escapeControls, escapeTerminal } from '../../../src/core/util/escape';
import { readFileSync } from 'node:fs';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/hostile/${name}`, import.meta.url));
const CONTROL = fixture('control-characters.postmortem.md');
const LINKS = fixture('links-with-parentheses.postmortem.md');
const TODAY = '2026-03-20';
/** C0 except tab and newline, DEL, C1. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;

function run(argv: string[], tty = false): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const today = argv[0] === 'timeline' || argv[0] === 'explain' ? [] : ['--today', TODAY];
  const code = runCli([...argv, ...today], { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`), tty });
  return { code, out, err };
}

describe('cli: control characters from documents never reach the terminal', () => {
  it('the fixture carries ESC, BEL, C1 CSI and a bidi override in an action item', () => {
    const text = readFileSync(CONTROL, 'utf8');
    const item = text.split('\n').find((l) => l.startsWith('- [ ] Do it'))!;
    // eslint-disable-next-line no-control-regex
    assert.match(item, /\u001b\[31m\u0007 \u009b1m \u202e/);
  });

  const commands: string[][] = [['lint'], ['timeline'], ['explain'], ['actions'], ['actions', '--format', 'markdown'], ['summary'], ['summary', '--format', 'text'], ['summary', '--format', 'html']];
  for (const argv of commands) {
    it(`${argv.join(' ')}: no raw control character on stdout or stderr, bidi controls escaped on a TTY`, () => {
      const piped = run([...argv, CONTROL]);
      assert.ok(piped.code === 0 || piped.code === 1, piped.err);
      assert.doesNotMatch(piped.out, RAW_CONTROL);
      assert.doesNotMatch(piped.err, RAW_CONTROL);
      const tty = run([...argv, CONTROL], true);
      assert.doesNotMatch(tty.out, RAW_CONTROL);
      if (!argv.includes('lint')) assert.doesNotMatch(tty.out, BIDI);
    });
  }

  it('actions shows the escapes where the characters were', () => {
    const { out } = run(['actions', CONTROL]);
    assert.match(out, /Do it \\x1b\[31m\\x07 \\x9b1m \\u202e @bob/);
  });

  it('lint (stylish) escapes the document text it quotes', () => {
    const { out } = run(['lint', CONTROL]);
    assert.match(out, /`SEV\\x1b\[2J` is not a severity/);
  });

  it('the real process: stdout and stderr of actions carry no raw control character', function () {
    this.timeout(60000);
    const main = fileURLToPath(new URL('../../../src/cli/main.ts', import.meta.url));
    for (const command of ['actions']) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', main, command, CONTROL, '--today', TODAY], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
      assert.ok(child.status === 0 || child.status === 1, child.stderr);
      assert.ok(child.stdout.length > 0);
      assert.doesNotMatch(child.stdout, RAW_CONTROL, command);
      assert.doesNotMatch(child.stderr, RAW_CONTROL, command);
    }
  });

  it('escapeTerminal and escapeControls keep tab and newline and show the rest', () => {
    assert.equal(escapeTerminal('a\tb\nc\u001b[2J\u0007\u009b\u202e'), 'a\tb\nc\\x1b[2J\\x07\\x9b\\u202e');
    assert.equal(escapeControls('a\tb\nc\u001b\u0007\u009b\u202e'), 'a\tb\nc\\x1b\\x07\\x9b\u202e');
  });
});

describe('summary: links with parentheses in the URL render whole', () => {
  const analysis = analyzeText(readFileSync(LINKS, 'utf8'), { today: TODAY });
  for (const format of ['md', 'text', 'html'] as const) {
    it(`${format}: the link text is kept and nothing of the URL leaks`, () => {
      const { output } = createSummary(analysis, { format, today: TODAY, all: true, applyRewording: false });
      assert.match(output, /Start of the text\. Middle a\./);
      assert.match(output, /A bug, see the note\./);
      assert.match(output, /Fix ticket @bob/);
      assert.doesNotMatch(output, /\b(?:a|Start|fired|Mitigated|ticket|note)\)|\(1\)|\(x\)/);
    });
  }
});
