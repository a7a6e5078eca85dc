import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { findBlameWording } from '../../../../src/core/blame';
import { mayNamePerson, withoutLearned } from '../../../../src/core/blame/detect';
import { loadSentences } from '../../../support/blameSet';
import { learnedCandidate, learnedFeatures } from '../../../../src/core/blame/learned';
import { LEARNED_MODEL } from '../../../../src/core/blame/learnedModel';

const ROOT = join(__dirname, '..', '..', '..', '..');

describe('blame detector: the learned model', () => {
  it('flags lapses the rules do not read, naming the person and the words it weighed most', () => {
    // Development sentences the rules miss: the model must take most of them, and say so in each finding.
    const sentences = [
      'The way Jun handles secrets is reckless: the AWS keys sat in a public gist for two days.',
      'Victor was going to push the change without review no matter what anyone said.',
      'The outage began when JM merged the retry change without waiting for a review.',
      'The contractor unplugged the core switch to free a power socket.',
    ];
    let flagged = 0;
    for (const sentence of sentences) {
      assert.deepEqual(withoutLearned(() => findBlameWording(sentence)), [], sentence);
      const [match] = findBlameWording(sentence);
      if (!match) continue;
      flagged++;
      assert.ok(match.agent && sentence.slice(match.agent.start, match.agent.end).startsWith(match.agent.text.replace(/s$/, '')), sentence);
      assert.equal(sentence.slice(match.blaming.start, match.blaming.end), match.blaming.text);
      assert.equal(sentence.slice(match.start, match.end), match.text);
      assert.match(match.why, new RegExp(`^The sentence reads as putting the failure on “${match.agent.text}” \\(a learned reading that weighs “${match.blaming.text}” most\\)\\.$`));
    }
    assert.ok(flagged >= 3, `${flagged} of ${sentences.length} flagged`);
    const [jun] = findBlameWording(sentences[0]);
    assert.equal(jun.agent?.text, 'Jun');
  });

  it('takes a role’s whole phrase for the agent when its word has a curly apostrophe', () => {
    // Regression: "engineer’s" counted as capitalised (its lower form has a straight apostrophe), so the agent was that word alone.
    const sentence = 'Then the on-call engineer’s hand unplugged the core switch to free a power socket.';
    const found = learnedCandidate(sentence);
    assert.ok(found?.agentSpan, 'the model flags it');
    assert.equal(sentence.slice(...found.agentSpan), 'the on-call engineer’s');
  });

  it('says nothing where no person is named, where a person only acts, or where a finding of the rules or the user exists', () => {
    assert.equal(learnedCandidate('The UPS unplugged the core switch to free a power socket.'), undefined);
    assert.equal(learnedCandidate('The way the exporter handles secrets is reckless: the AWS keys sat in a public gist for two days.'), undefined);
    assert.equal(learnedCandidate('Mia rolled back the release at 14:41.'), undefined);
    assert.equal(learnedCandidate('The fix is courtesy of Ravi, who stayed late to test it.'), undefined);
    // A user's pattern on the same sentence is the finding, not the model's.
    const [custom] = findBlameWording('Victor was going to push the change without review no matter what anyone said.', { extraPatterns: ['push the change'] });
    assert.equal(custom.category, 'custom');
  });

  it('reads people with punctuation as a boundary, and long pasted runs not at all', () => {
    const f = learnedFeatures('The SRE on duty, Olu, chose to fail over without checking.');
    assert.deepEqual(
      f.persons.map(([a, b]) => f.tokens.slice(a, b + 1).map((t) => t.text).join(' ')),
      ['The SRE', 'Olu'],
    );
    assert.equal(learnedFeatures(`${'word '.repeat(400)}Dave forgot.`).persons.length, 0);
    assert.equal(learnedCandidate(`Dave ${'x'.repeat(2000)}`), undefined);
  });

  it('screens out, before tokenizing, only sentences in which the clause reading finds no person', () => {
    let screened = 0;
    for (const { text } of loadSentences('dev')) {
      if (mayNamePerson(text)) continue;
      screened++;
      assert.deepEqual(learnedFeatures(text).persons, [], text);
    }
    assert.ok(screened > 100, `${screened} screened`);
    assert.equal(mayNamePerson('the cache expired and the job retried twice'), false);
    for (const text of ['kev forgot to renew the cert', 'then J.D. merged it', 'the on-call engineer@ paged', 'Ana rolled back', 'then Dave𝐀 forgot']) assert.equal(mayNamePerson(text), true, text);
  });

  it('ships weights that training on the committed data reproduces', function () {
    this.timeout(120_000);
    assert.ok(LEARNED_MODEL.count > 1000 && LEARNED_MODEL.threshold >= 0.9);
    // Fails when the labelled data, the corpus or the rules changed and the model was not trained again.
    execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'train-blame-model.ts'), '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
  });
});
