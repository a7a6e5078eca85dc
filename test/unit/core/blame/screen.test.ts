import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { analyzeText } from '../../../../src/core/analyze';
import { analyseSentence, lowerPattern, screenedRegexes, sentencesOf, withoutFolding, withoutScreens } from '../../../../src/core/blame/detect';
import { findBlameWording } from '../../../../src/core/blame/index';
import { decodeScreen, encodeScreen, RegexScreens, requiredForm, requiredLiterals, screenKey } from '../../../../src/core/blame/screen';
import { SCREEN_LITERALS } from '../../../../src/core/blame/screenLiterals';
import { renderScreenLiterals, SCREEN_LITERALS_PATH } from '../../../../scripts/gen-blame-screens';
import { BLAME_SET } from '../../../support/blameSet';
import { CORPUS_TODAY, REAL } from '../../../support/corpus';
import { FIXTURES } from '../../helpers';

function files(dir: string, test: (name: string) => boolean): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, test) : test(name) ? [path] : [];
  });
}

/** Every labelled sentence of every blame set (dev, test and the first set), with its action-item flag. */
function labelled(): Array<{ text: string; inActionItem: boolean }> {
  const paths = [...files(BLAME_SET, (n) => n.endsWith('.yaml')), join(FIXTURES, 'blame-sentences.yaml')];
  return paths.flatMap((path) => (parse(readFileSync(path, 'utf8')) as Array<{ text: string; inActionItem?: boolean }>).map((s) => ({ text: s.text, inActionItem: s.inActionItem === true })));
}

/** The real post-mortems (Markdown and the .md.erb pages). */
const realDocs = () => files(REAL, (n) => /\.md(?:\.erb)?$/.test(n)).map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('blame regex screens (issue 20)', function () {
  this.timeout(120_000);

  it('reads the literals every match must contain', () => {
    assert.deepEqual(requiredLiterals(/(?<![a-z])(?:fault|faults|mistake)(?![a-z])/giu), ['fault', 'mistake']);
    assert.deepEqual(requiredLiterals(/did\s+not\s+\w+/i), ['did']);
    assert.deepEqual(requiredLiterals(/human[\s-]+error|user\s+error/gi)?.sort(), ['error', 'human']); // the rarer word of each alternative
    assert.deepEqual(requiredLiterals(/id-?10-?t/i)?.sort(), ['id-10-t', 'id-10t', 'id10-t', 'id10t']);
    assert.deepEqual(requiredLiterals(/(?<![\p{L}])PIP(?![\p{L}])/gu), ['PIP']);
    // Nothing required: an optional word, a class, a back-reference, an alternative with no literal.
    assert.equal(requiredLiterals(/(?:sorry)?\w+/), undefined);
    assert.equal(requiredLiterals(/error|\d+/), undefined);
    assert.equal(requiredLiterals(/(?<x>a*)\k<x>|b/), undefined);
    // Non-ASCII characters are never literals (their case folding differs from toLowerCase).
    assert.deepEqual(requiredLiterals(/niño|boy/i)?.sort(), ['boy', 'ni']);
  });

  it('reads what every match must contain as terms of clauses: each alternative needs all of its words', () => {
    assert.deepEqual(requiredForm(/careless\s+(?:engineer|operator)|went\s+back\s+to\s+sleep/i), [
      [['careless'], ['engineer', 'operator']],
      [['sleep'], ['went'], ['back']],
    ]);
    // A clause of common words is left out when the term has a rarer one, and kept when it has nothing else.
    assert.deepEqual(requiredForm(/the\s+culprit/i), [[['culprit']]]);
    assert.deepEqual(requiredForm(/to\s+it/i), [[['to'], ['it']]]);
    const screen = requiredForm(/careless\s+(?:engineer|operator)|went\s+back\s+to\s+sleep/i)!;
    assert.deepEqual(decodeScreen(encodeScreen(screen)), screen);
    assert.equal(encodeScreen(screen), 'careless&engineer operator;sleep&went&back');
    assert.throws(() => encodeScreen([[['a b']]]), /separator/);
    const screens = new RegexScreens([/careless\s+(?:engineer|operator)/giu]);
    assert.deepEqual([...screens.mayMatch('A careless config change')], [0]);
    assert.deepEqual([...screens.mayMatch('The engineer on call')], [0]);
    assert.deepEqual([...screens.mayMatch('The OPERATOR was CARELESS')], [1]);
  });

  it('a screen still sees its literals after the per-sentence generations start again from 1', () => {
    const screens = new RegexScreens([/careless/giu]);
    assert.deepEqual([...screens.mayMatch('a careless edit')], [1]); // generation 1
    (screens as unknown as { generation: number }).generation = 0x7ffffffe; // the next sentence wraps to generation 1
    assert.deepEqual([...screens.mayMatch('a careless edit')], [1]);
  });

  it('a screen says no only when the regex cannot match', () => {
    const screens = new RegexScreens([/careless/giu, /\bHR\b/g, /(?:x)?\w/]);
    assert.deepEqual([...screens.mayMatch('A CARELESS edit')], [1, 0, 1]);
    assert.deepEqual([...screens.mayMatch('ask hr')], [0, 0, 1]);
    assert.deepEqual([...screens.mayMatch('ask HR')], [0, 1, 1]);
    // ſ and the Kelvin sign fold to s and k in a case-insensitive Unicode regex: the screen lets the sentence through.
    assert.ok(/careless/iu.test('careleſs'));
    assert.deepEqual([...screens.mayMatch('careleſs')], [1, 0, 1]);
  });

  it('the stored literals (screenLiterals.ts) are what each regex requires: regenerate with npx tsx scripts/gen-blame-screens.ts', () => {
    const regexes = screenedRegexes();
    assert.equal(Object.keys(SCREEN_LITERALS).length, regexes.length, 'one entry per regex, no stale ones');
    for (const { re, screen } of regexes) {
      const stored = SCREEN_LITERALS[screenKey(re)];
      assert.deepEqual(stored === null ? undefined : decodeScreen(stored), screen, re.source.slice(0, 60));
    }
    assert.equal(readFileSync(SCREEN_LITERALS_PATH, 'utf8'), renderScreenLiterals());
  });

  it('every detector regex that matches a labelled sentence or a real post-mortem passes its screen', () => {
    const regexes = screenedRegexes();
    const screens = new RegexScreens(regexes.map((r) => r.re));
    const sentences = [...labelled().map((s) => s.text), ...realDocs().flatMap(({ text }) => sentencesOf(text).map(([a, b]) => text.slice(a, b)))];
    let screenedOut = 0;
    for (const sentence of sentences) {
      const may = screens.mayMatch(sentence);
      regexes.forEach(({ re }, i) => {
        const matches = new RegExp(re.source, re.flags.replace('g', '')).test(sentence);
        if (matches) assert.equal(may[i], 1, `${re.source.slice(0, 60)}… matches but was screened out: ${sentence}`);
        if (!may[i]) screenedOut++;
      });
    }
    console.log(`      ${sentences.length} sentences × ${regexes.length} regexes: ${((100 * screenedOut) / (sentences.length * regexes.length)).toFixed(0)}% of the runs skipped`);
    assert.ok(screenedOut > 0);
  });

  it('the findings are identical with and without the screens: every labelled sentence', () => {
    for (const s of labelled()) {
      const options = { inActionItem: s.inActionItem };
      assert.deepEqual(findBlameWording(s.text, options), withoutScreens(() => findBlameWording(s.text, options)), s.text);
      assert.deepEqual(analyseSentence(s.text, options), withoutScreens(() => analyseSentence(s.text, options)), s.text);
    }
  });

  it('the findings are identical with and without the screens: every real post-mortem', () => {
    for (const { path, text } of realDocs()) {
      assert.deepEqual(findBlameWording(text), withoutScreens(() => findBlameWording(text)), path);
      const blame = () => analyzeText(text, { today: CORPUS_TODAY }).findings.filter((f) => f.rule === 'blame-wording');
      assert.deepEqual(blame(), withoutScreens(blame), path);
    }
  });
});

describe('blame detector: case-insensitive rules run case-folded (no i flag, the sentence lowered)', function () {
  this.timeout(120_000);

  it('lowers literal letters, and keeps escapes, property names, group names and back-references', () => {
    assert.equal(lowerPattern(String.raw`(?<Who>Dev\s+[A-Z]\p{Lu}\P{L}\k<Who>\u0041\u{1F600}\x4A\cM)(?<!X)(?<=Y)`), String.raw`(?<Who>dev\s+[a-z]\p{LC}\P{L}\k<Who>\u0041\u{1F600}\x4A\cM)(?<!x)(?<=y)`);
  });

  it('the findings are identical either way: every labelled sentence, as written and in capitals', () => {
    for (const s of labelled()) {
      const options = { inActionItem: s.inActionItem };
      assert.deepEqual(analyseSentence(s.text, options), withoutFolding(() => analyseSentence(s.text, options)), s.text);
      const upper = s.text.toUpperCase();
      if (upper.length === s.text.length) assert.deepEqual(analyseSentence(upper, options), withoutFolding(() => analyseSentence(upper, options)), upper);
    }
  });

  it('the findings are identical either way: every real post-mortem', () => {
    for (const { path, text } of realDocs()) {
      assert.deepEqual(findBlameWording(text), withoutFolding(() => findBlameWording(text)), path);
      const blame = () => analyzeText(text, { today: CORPUS_TODAY }).findings.filter((f) => f.rule === 'blame-wording');
      assert.deepEqual(blame(), withoutFolding(blame), path);
    }
  });
});
