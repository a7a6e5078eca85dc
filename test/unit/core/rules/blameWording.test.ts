import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  BLAME_PATTERNS,
  allBlameRegexes,
  compileExtraPatterns,
  findBlameWording,
  type BlameMatch,
  type BlameOptions,
} from '../../../../src/core/rules/blamePatterns';

const here = dirname(fileURLToPath(import.meta.url));

/** Matches as `id: phrase`, checking that every offset pair really points at its text. */
function hits(text: string, options?: BlameOptions): string[] {
  return findBlameWording(text, options).map((m) => {
    assert.equal(text.slice(m.start, m.end), m.text, `offsets of ${m.patternId}`);
    return `${m.patternId}: ${m.text}`;
  });
}

/** Asserts one match of `id` whose span is exactly `phrase`, and returns it. */
function expectHit(text: string, id: string, phrase: string, options?: BlameOptions): BlameMatch {
  const all = findBlameWording(text, options);
  const m = all.find((x) => x.patternId === id);
  assert.ok(m, `expected ${id} in ${JSON.stringify(text)}; got ${JSON.stringify(all.map((x) => `${x.patternId}: ${x.text}`))}`);
  assert.equal(text.slice(m.start, m.end), phrase);
  assert.equal(m.text, phrase);
  assert.equal(m.start, text.indexOf(phrase));
  return m;
}

function expectNone(text: string, options?: BlameOptions): void {
  assert.deepEqual(hits(text, options), [], JSON.stringify(text));
}

describe('blame-wording patterns', () => {
  describe('catalogue', () => {
    it('has at least 30 documented patterns with unique ids', () => {
      assert.ok(BLAME_PATTERNS.length >= 30, `only ${BLAME_PATTERNS.length} patterns`);
      const ids = BLAME_PATTERNS.map((p) => p.id);
      assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
      for (const p of BLAME_PATTERNS) {
        assert.match(p.id, /^[a-z]+(?:-[a-z]+)*$/, p.id);
        for (const field of ['description', 'example', 'why', 'suggestion'] as const) {
          assert.ok(p[field].trim().length > 0, `${p.id}.${field}`);
        }
        assert.ok(p.regex.global, `${p.id} regex must be global`);
      }
    });

    it('flags every pattern\'s own example with that pattern', () => {
      for (const p of BLAME_PATTERNS) {
        const found = findBlameWording(p.example, { inActionItem: true });
        assert.ok(
          found.some((m) => m.patternId === p.id),
          `${p.id}: ${JSON.stringify(p.example)} gave ${JSON.stringify(found.map((m) => m.patternId))}`,
        );
      }
    });

    it('returns non-overlapping matches in text order', () => {
      const text = 'Dave should have known better; it was human error and his fault, a rookie mistake.';
      const found = findBlameWording(text);
      assert.ok(found.length >= 4);
      for (let i = 1; i < found.length; i++) assert.ok(found[i - 1].end <= found[i].start);
    });
  });

  describe('needs-work example', () => {
    it('Summary: name as cause and "human error"', () => {
      const text = 'Login was down for an hour because Dave pushed a bad config. This was human error.';
      assert.deepEqual(hits(text), ['name-as-cause: because Dave pushed', 'human-error: human error']);
      const he = expectHit(text, 'human-error', 'human error');
      assert.equal(he.severity, 'warning');
      assert.equal(he.replacement, 'a gap in our safeguards');
      assert.match(he.why, /human error/i);
    });

    it('Root Cause: should have, failed to, careless (across a line break)', () => {
      const text =
        'The on-call engineer should have checked the config before deploying. Dave failed to follow the\n' +
        'checklist and was careless with the production flag.';
      assert.deepEqual(hits(text), ['should-have: should have checked', 'failed-to: failed to', 'careless: careless']);
      assert.equal(expectHit(text, 'should-have', 'should have checked').replacement, 'had no automated check for');
      assert.equal(expectHit(text, 'failed-to', 'failed to').replacement, 'did not');
      assert.equal(expectHit(text, 'careless', 'careless').replacement, undefined);
    });

    it('Action Items: "Retrain Dave" targets a person (info)', () => {
      const m = expectHit('Retrain Dave on deployments', 'retrain-person', 'Retrain Dave', { inActionItem: true });
      assert.equal(m.severity, 'info');
    });

    it('leaves the factual timeline and the system action items alone', () => {
      expectNone('Config change deployed by Dave');
      expectNone('On-call acknowledges the page');
      expectNone('Add config validation to the deploy pipeline', { inActionItem: true });
      expectNone('Write a runbook for login outages — @sam', { inActionItem: true });
    });
  });

  describe('named cause words', () => {
    it('human / operator / user error, with noun-phrase replacements', () => {
      expectHit('The root cause was human error.', 'human-error', 'human error');
      assert.equal(expectHit('Human errors happen.', 'human-error', 'Human errors').replacement, 'Gaps in our safeguards');
      assert.equal(expectHit('It was a human error.', 'human-error', 'a human error').replacement, 'a gap in our safeguards');
      assert.equal(expectHit('the human error', 'human-error', 'human error').replacement, undefined);
      assert.equal(
        expectHit('The outage was caused by operator error.', 'operator-error', 'operator error').replacement,
        'a gap in our operational safeguards',
      );
      assert.equal(expectHit('Support closed it as user error.', 'user-error', 'user error').replacement, 'a usability gap');
      expectHit('Closed as PEBKAC.', 'pilot-error', 'PEBKAC');
    });

    it('does not flag look-alikes', () => {
      expectNone('Every contract upgrade goes through a human-in-the-loop review.');
      expectNone('Human factors research shows that alarm fatigue is real.');
      expectNone('We burned 40% of the error budget; the user error rate was flat.');
      expectNone('The `human_error_count` metric and human-error-rate dashboard.');
      expectNone('This was not human error.');
      expectNone('We stopped labelling incidents "human error".');
    });
  });

  describe('fault and blame', () => {
    it('flags possessive, "fault of" and "at fault"', () => {
      expectHit("Honestly, it was Marco's fault.", 'possessive-fault', "Marco's fault");
      expectHit('It was her fault.', 'possessive-fault', 'her fault');
      expectHit('It was their fault entirely.', 'possessive-fault', 'their fault');
      expectHit("It was @sam's fault.", 'possessive-fault', "@sam's fault");
      expectHit("It was the on-call engineer's fault.", 'possessive-fault', "the on-call engineer's fault");
      expectHit('The outage was the fault of the release engineer.', 'fault-of-person', 'fault of the release engineer');
      expectHit('It was the fault of Dave.', 'fault-of-person', 'fault of Dave');
      expectHit('Which developer was at fault?', 'at-fault', 'at fault');
    });

    it('does not flag fault tolerance, injection, faulty hardware or negations', () => {
      expectNone('The storage layer is fault-tolerant, and fault tolerance was tested.');
      expectNone('Fault injection in staging never exercised the rev C bootloader.');
      expectNone('A faulty disk in the primary replica caused write latency.');
      expectNone("The cluster's fault tolerance held.");
      expectNone('The fault of the power supply tripped the breaker.');
      expectNone("It wasn't his fault.");
      expectNone("It wasn't anyone's fault that the API changed.");
      expectNone('Nobody was at fault; the runbook was outdated.');
      expectNone('Which component was at fault?');
    });

    it('flags blame, blamed, to blame', () => {
      expectHit('The firmware team was blamed for the outage.', 'blame', 'blamed');
      expectHit('Ops is to blame for the expired certificate.', 'blame', 'blame');
      expectHit('They keep blaming the intern.', 'blame', 'blaming');
    });

    it('does not flag blameless vocabulary or git blame', () => {
      expectNone('We run blameless post-mortems.');
      expectNone('This review is blame-free by design.');
      expectNone('We used git blame to find the commit.');
      expectNone('We do not blame individuals.');
      expectNone('Nobody is to blame for this; the tooling allowed it.');
    });
  });

  describe('hindsight modals: should have / shouldn\'t have / could have', () => {
    it('flags people, roles, pronouns and names', () => {
      expectHit('The on-call engineer should have checked the config.', 'should-have', 'should have checked');
      expectHit('We should have alerted on connection count.', 'should-have', 'should have alerted');
      expectHit("Dave should've reviewed the diff.", 'should-have', "should've reviewed");
      expectHit("We shouldn't have shipped the iOS build.", 'should-not-have', "shouldn't have shipped");
      expectHit('The developer should not have merged it.', 'should-not-have', 'should not have merged');
      expectHit('The developer could have caught the bug.', 'could-have', 'could have caught');
      expectHit("Engineers could've tested the update.", 'could-have', "could've tested");
      expectHit('Someone should have noticed the spike.', 'should-have', 'should have noticed');
    });

    it('does not flag system subjects, possession or risk statements', () => {
      expectNone('The alert should have fired at 80% disk usage.');
      expectNone('The alert that we configured should have fired.');
      expectNone('The payment gateway should have rejected the duplicate key.');
      expectNone('The migration script should have been idempotent.');
      expectNone('It should have been caught by the schema check.');
      expectNone('The payments client should have a connection limit.');
      expectNone('We should add a canary stage.');
      expectNone('Should the queue fill up, the worker sheds load.');
      expectNone('The outage could have been worse.');
      expectNone('The outage could have been much worse if it had hit the peak.');
      expectNone('We could have lost all pending orders.');
      expectNone('The retry loop could have amplified the load.');
      expectNone("We couldn't have known that rev C used another bootloader.");
    });

    it('offers a rewording only for mechanical cases', () => {
      assert.equal(expectHit('Dave should have tested the patch.', 'should-have', 'should have tested').replacement, 'had no automated test for');
      assert.equal(expectHit('Dave should have asked first.', 'should-have', 'should have asked').replacement, undefined);
    });
  });

  describe('failed to / forgot to / neglected to', () => {
    it('flags people', () => {
      expectHit('Dave failed to follow the checklist.', 'failed-to', 'failed to');
      expectHit('The engineer restarted the pod and failed to check the logs.', 'failed-to', 'failed to');
      expectHit("Dave's failure to follow the runbook mattered.", 'failed-to', 'failure to');
      assert.equal(expectHit('Priya forgot to bump the version.', 'forgot-to', 'forgot to').replacement, 'did not');
      assert.equal(expectHit('The reviewer neglected to run the analyzer.', 'neglected-to', 'neglected to').replacement, 'did not');
      assert.equal(expectHit('Dave had failed to check.', 'failed-to', 'failed to').replacement, undefined);
    });

    it('does not flag systems', () => {
      expectNone('The circuit breaker failed to open.');
      expectNone('The health check failed to detect the hung worker.');
      expectNone('The deploy failed to complete.');
      expectNone('The pod restarted and failed to come up.');
      expectNone('The bootloader failed to verify the signature.');
      expectNone('The WebXR session failed to start on Safari.');
      expectNone('The circuit breaker, which was misconfigured, failed to open.');
      expectNone("Dave's script failed to run.");
      expectNone("The job's failure to run was silent.");
      expectNone('The script forgot to clear the cache.');
    });
  });

  describe('judgement words', () => {
    it('flags careless, negligent, sloppy, incompetent, lazy, reckless', () => {
      expectHit('He was careless.', 'careless', 'careless');
      expectHit('It was pure carelessness.', 'careless', 'carelessness');
      expectHit('That was negligent.', 'negligent', 'negligent');
      expectHit('It was sheer negligence.', 'negligent', 'negligence');
      expectHit('The key leak was pure neglect.', 'neglect', 'neglect');
      expectHit('The plan was sloppy.', 'sloppy', 'sloppy');
      expectHit('That was incompetent.', 'incompetent', 'incompetent');
      expectHit('Such incompetence.', 'incompetent', 'incompetence');
      expectHit('A lazy engineer skipped it.', 'lazy', 'lazy');
      expectHit('Deploying on Friday was reckless.', 'reckless', 'reckless');
      expectHit('It was a lapse in judgement.', 'poor-judgement', 'lapse in judgement');
      expectHit('Kim botched the renewal.', 'botched', 'botched');
    });

    it('does not flag technical uses', () => {
      expectNone('Lazy loading of the texture atlas delayed the first frame.');
      expectNone('The lazy-loaded module and lazy evaluation both work.');
      expectNone('The impact on players was negligible.');
      expectNone('The neglected-to-be-updated doc.');
    });
  });

  describe('idioms', () => {
    it('flags dropped the ball, didn\'t bother, supposed to, screwed up, rookie mistake, should know better, attention', () => {
      expectHit('The QA team dropped the ball.', 'dropped-the-ball', 'dropped the ball');
      assert.equal(expectHit("He didn't bother to read it.", 'didnt-bother', "didn't bother to").replacement, 'did not');
      expectHit('She did not bother with the checklist.', 'didnt-bother', 'did not bother');
      expectHit('Sam was supposed to rotate the keys.', 'supposed-to', 'was supposed to');
      expectHit('Someone really screwed up the DNS change.', 'screwed-up', 'screwed up');
      expectHit('Dave messed up the flag.', 'screwed-up', 'messed up');
      expectHit('What a screw-up.', 'screwed-up', 'screw-up');
      assert.equal(expectHit('It was a rookie mistake.', 'rookie-mistake', 'a rookie mistake').replacement, 'an easy mistake to make');
      assert.equal(expectHit('A classic rookie mistake.', 'rookie-mistake', 'rookie mistake').replacement, 'easy-to-make mistake');
      expectHit('A senior engineer should know better.', 'should-know-better', 'should know better');
      expectHit("Dave should've known better.", 'should-know-better', "should've known better");
      expectHit("The operator wasn't paying attention.", 'not-paying-attention', "wasn't paying attention");
      expectHit('They were not paying attention.', 'not-paying-attention', 'were not paying attention');
      expectHit('Nobody was paying attention, so not paying attention became normal.', 'not-paying-attention', 'not paying attention');
    });

    it('does not flag system subjects for the same idioms', () => {
      expectNone('The sequencer was supposed to batch transactions every two seconds.');
      expectNone('The cron job was supposed to prune snapshots.');
      expectNone('The migration messed up the index.');
    });
  });

  describe('ignored, missed, mistakes, process', () => {
    it('flags people', () => {
      const m = expectHit('The on-call engineer ignored the disk space warnings.', 'ignored-warnings', 'ignored');
      assert.equal(m.replacement, 'did not act on');
      expectHit('Alerts were ignored for 40 minutes.', 'ignored-warnings', 'were ignored');
      expectHit('The on-call missed the page.', 'missed-signal', 'missed');
      expectHit("It was Kenji's mistake.", 'persons-mistake', "Kenji's mistake");
      expectHit('That was their mistake.', 'persons-mistake', 'their mistake');
      expectHit('It was a mistake by the junior developer.', 'mistake-by-person', 'mistake by the junior developer');
      expectHit('An oversight by @kim.', 'mistake-by-person', 'oversight by @kim');
      expectHit('The engineer made a mistake.', 'made-a-mistake', 'made a mistake');
      expectHit("The SRE didn't follow the runbook.", 'did-not-follow-process', "didn't follow the runbook");
      expectHit('Dave skipped the review.', 'did-not-follow-process', 'skipped the review');
    });

    it('does not flag software', () => {
      expectNone('The mobile client ignored the Retry-After header.');
      expectNone('The header was ignored by the proxy.');
      expectNone('The proxy silently ignored the malformed header.');
      expectNone('The validator node missed the attestation deadline.');
      expectNone('The dashboard missed the alert.');
      expectNone("The client's error handling and their error rate.");
      expectNone('The parser made an error on the last line.');
      expectNone('The deploy skipped the canary stage.');
    });
  });

  describe('people as cause or subject', () => {
    it('flags names and handles after cause words', () => {
      expectHit('Login was down because Dave pushed a bad config.', 'name-as-cause', 'because Dave pushed');
      expectHit('Because Maria ran the script, the ledger double-counted.', 'name-as-cause', 'Because Maria ran');
      expectHit('The crash spike was caused by @lena.', 'name-as-cause', 'caused by @lena');
      expectHit('The glitch happened due to Alex\'s shader change.', 'name-as-cause', "due to Alex's");
      expectHit('It broke because he forgot to update the flag.', 'name-as-cause', 'because he forgot to update');
      expectHit('It failed because Dave accidentally deleted the key.', 'name-as-cause', 'because Dave accidentally deleted');
      expectHit('It broke thanks to Dave forgetting the flag.', 'name-as-cause', 'thanks to Dave forgetting');
      expectHit('Because Priya Natarajan disabled the alarm, nobody was paged.', 'name-as-cause', 'Because Priya Natarajan disabled');
    });

    it('flags names and handles as subjects of breaking things', () => {
      expectHit('Dave broke the build.', 'name-as-subject', 'Dave broke');
      expectHit('Tomás broke the shader cache.', 'name-as-subject', 'Tomás broke');
      expectHit('@sam caused the outage.', 'name-as-subject', '@sam caused');
      expectHit('@arun deployed the new gas limits without a review.', 'name-as-subject', '@arun deployed the new gas limits without');
    });

    it('"after <Name> deployed" is reported as info', () => {
      const m = expectHit('After Priya deployed the build, crash reports spiked.', 'name-after-event', 'After Priya deployed');
      assert.equal(m.severity, 'info');
    });

    it('does not flag systems, products, credit or neutral facts', () => {
      expectNone('Config change deployed by Dave at 10:05.');
      expectNone('Because traffic spiked, checkout slowed down.');
      expectNone('Kafka caused consumer lag.');
      expectNone('Latency caused timeouts.');
      expectNone('Because Cloudflare returned 520s, checkout failed.');
      expectNone('Due to the cache stampede, checkout latency doubled.');
      expectNone('Due to Black Friday traffic, queues grew.');
      expectNone('Because Dave noticed the spike early, we rolled back quickly.');
      expectNone("Thanks to Priya's quick rollback, impact stayed small.");
      expectNone('After the rollback, Priya confirmed that error rates had recovered.');
      expectNone('Priya deployed the fix without downtime.');
      expectNone('Introduced in PR #123 by @sam.');
    });
  });

  describe('actions aimed at people', () => {
    it('flags discipline (warning) and retraining (info)', () => {
      assert.equal(expectHit('Discipline the engineer who approved the hotfix.', 'discipline-person', 'Discipline the engineer').severity, 'warning');
      expectHit('Reprimand @kim.', 'discipline-person', 'Reprimand @kim');
      expectHit('Hold Dave accountable.', 'discipline-person', 'Hold Dave accountable');
      expectHit('Dave was fired.', 'discipline-person', 'was fired');
      assert.equal(expectHit('Remind @kim to rotate the keys.', 'retrain-person', 'Remind @kim').severity, 'info');
      expectHit('Retrain the on-call engineer.', 'retrain-person', 'Retrain the on-call engineer');
    });

    it('does not flag actions aimed at systems', () => {
      expectNone('Retrain the anomaly detection model.', { inActionItem: true });
      expectNone('Fire the synthetic alert weekly.', { inActionItem: true });
      expectNone('The alert was fired twice.');
      expectNone('Terminate the stuck instance.', { inActionItem: true });
      expectNone('Remind the team about the new runbook in the weekly sync.', { inActionItem: true });
    });

    it('vigilance actions only count in action items', () => {
      const text = 'Be more careful when flashing bootloaders.';
      expectNone(text);
      assert.equal(expectHit(text, 'vigilance-action', 'Be more careful', { inActionItem: true }).severity, 'info');
      expectNone('We double-check the image hash in CI.');
    });
  });

  describe('"on <person>" and "responsible"', () => {
    it('flags', () => {
      expectHit('Honestly, this one is on Dave.', 'on-person', 'this one is on Dave');
      expectHit("That's on me.", 'on-person', "That's on me");
      expectHit('They pinned it on the intern.', 'on-person', 'pinned it on the intern');
      expectHit('Find the person responsible for the bad merge.', 'person-responsible', 'the person responsible');
      expectHit('Who was responsible?', 'person-responsible', 'Who was responsible');
      expectHit('The culprit was Dave.', 'person-responsible', 'culprit was Dave');
    });

    it('does not flag', () => {
      expectNone('This is on the roadmap for next quarter.');
      expectNone('It was on Monday.');
      expectNone('The culprit was a race condition.');
      expectNone('Decide who is responsible for the alert.', { inActionItem: true });
    });
  });

  describe('quoted and code-like text', () => {
    it('skips backtick and double-quoted spans', () => {
      expectNone('The log line `failed to connect to upstream` appeared 4,000 times.');
      expectNone('The ticket said "Dave\'s fault" before triage.');
      expectNone('The label “human error” is gone.');
    });
  });

  describe('options', () => {
    it('extraPatterns: plain phrases, regex sources and /source/flags', () => {
      const options = { extraPatterns: ['fat finger', String.raw`\bwent rogue\b`, '/YOLO deploy/'] };
      const text = 'A fat   finger typo; the admin went rogue; a YOLO deploy; a yolo deploy.';
      const custom = findBlameWording(text, options).filter((m) => m.patternId === 'custom');
      assert.deepEqual(
        custom.map((m) => text.slice(m.start, m.end)),
        ['fat   finger', 'went rogue', 'YOLO deploy'],
      );
      assert.equal(custom[0].severity, 'warning');
    });

    it('compileExtraPatterns reports invalid regexes instead of throwing', () => {
      const { patterns, errors } = compileExtraPatterns(['ok phrase', '(unclosed', '/[z-a]/', '   ']);
      assert.equal(patterns.length, 1);
      assert.equal(errors.length, 2);
      assert.match(errors[0], /\(unclosed/);
      assert.match(errors[1], /\[z-a\]/);
      assert.doesNotThrow(() => findBlameWording('an (unclosed group', { extraPatterns: ['(unclosed'] }));
    });

    it('extraPatterns that match the empty string do not loop', () => {
      assert.deepEqual(findBlameWording('abc', { extraPatterns: ['/x*/'] }), []);
    });

    it('allow: drops matches that overlap an allowed phrase', () => {
      const text = 'Our human error rate KPI fell. This was human error.';
      assert.equal(findBlameWording(text).length, 1);
      assert.deepEqual(hits('The on-call engineer should have checked.', { allow: ['should have'] }), []);
      assert.deepEqual(hits('It was Dave\'s fault, and careless.', { allow: ["Dave's fault"] }), ['careless: careless']);
    });
  });

  describe('labelled sentence set', () => {
    interface Labelled {
      text: string;
      blame: boolean;
      pattern?: string;
      inActionItem?: boolean;
    }
    const items = parse(readFileSync(join(here, '../../../fixtures/blame-sentences.yaml'), 'utf8')) as Labelled[];

    it('is large and balanced enough to mean something', () => {
      assert.ok(items.length >= 70, `${items.length} sentences`);
      assert.ok(items.filter((i) => i.blame).length >= 35);
      assert.ok(items.filter((i) => !i.blame).length >= 35);
      const ids = new Set(BLAME_PATTERNS.map((p) => p.id));
      for (const i of items) if (i.pattern) assert.ok(ids.has(i.pattern), `unknown pattern ${i.pattern}`);
    });

    it('reaches precision and recall of at least 0.9', () => {
      let tp = 0;
      let fp = 0;
      let fn = 0;
      const wrong: string[] = [];
      for (const item of items) {
        const found = findBlameWording(item.text, { inActionItem: item.inActionItem === true });
        const predicted = found.length > 0;
        if (predicted && item.blame) tp++;
        else if (predicted) fp++;
        else if (item.blame) fn++;
        if (predicted !== item.blame) wrong.push(`${item.blame ? 'missed' : 'false alarm'}: ${item.text} ${JSON.stringify(found.map((m) => m.patternId))}`);
        if (item.pattern && predicted && item.blame) {
          assert.ok(found.some((m) => m.patternId === item.pattern), `${item.text}: expected ${item.pattern}, got ${found.map((m) => m.patternId)}`);
        }
      }
      const precision = tp / (tp + fp);
      const recall = tp / (tp + fn);
      console.log(`      blame-wording labelled set: ${items.length} sentences, precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
      if (wrong.length) console.log(wrong.map((w) => `        ${w}`).join('\n'));
      assert.ok(precision >= 0.9, `precision ${precision}`);
      assert.ok(recall >= 0.9, `recall ${recall}`);
    });
  });

  describe('performance', () => {
    const adversarial = ['a', ' ', '@', "'", '-', 'A', 'a-', 'a ', "a'", '@a.', 'Aa ', "Dave's ", 'because Dave ', 'should have ', 'the a-'];

    it('every regex runs on 50,000 repeated characters in under 100 ms', () => {
      const regexes = allBlameRegexes();
      assert.equal(regexes.length, BLAME_PATTERNS.length);
      for (const unit of adversarial) {
        const input = unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);
        for (const rx of regexes) {
          // Best of three, so a garbage-collection pause does not fail the test.
          let best = Infinity;
          for (let run = 0; run < 3; run++) {
            const t0 = performance.now();
            rx.lastIndex = 0;
            let n = 0;
            while (rx.exec(input) !== null && ++n < 100_000) {
              /* scan the whole input */
            }
            rx.lastIndex = 0;
            best = Math.min(best, performance.now() - t0);
          }
          assert.ok(best < 100, `${rx.source.slice(0, 60)}… took ${best.toFixed(1)} ms on ${JSON.stringify(unit)}×`);
        }
      }
    });

    it('findBlameWording stays fast on pathological prose', () => {
      for (const unit of [...adversarial, 'failed to ', 'human error ', 'because Dave pushed ']) {
        const input = unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);
        const t0 = performance.now();
        findBlameWording(input, { inActionItem: true });
        const ms = performance.now() - t0;
        assert.ok(ms < 2000, `${JSON.stringify(unit)}× took ${ms.toFixed(0)} ms`);
      }
    });
  });
});
