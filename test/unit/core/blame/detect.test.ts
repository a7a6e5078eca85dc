import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BLAME_CATEGORIES, compileUserPatterns, findBlameWording } from '../../../../src/core/blame/index';
import { blameRegexes } from '../../../../src/core/blame/detect';
import { formatScore, loadSentences, score } from '../../../support/blameSet';
import { FIXTURES } from '../../helpers';

/** Just under what the detector measured on test2 the one time it was run at the end of issue 16 (not the targets). */
const TEST2_FLOORS = { precision: 0.95, recall: 0.94 }; // with the learned model (2026-12-07, stop 44): 0.99 / 0.96 (70 of 73, 1 false alarm); before it: measured 2026-12-02: precision 0.96, recall 0.88 (64 of 73 found, 3 false alarms); after the dev6 pass 1.00 / 0.95
/** Just under what the detector measured on test3 the one time it was run, right after test3 was committed (not the targets). */
const TEST3_FLOORS = { precision: 0.9, recall: 0.91 }; // with the learned model (2026-12-07, stop 44): 0.91 / 0.93 (64 of 69, 6 false alarms); before it: measured 2026-12-02: precision 0.93, recall 0.91 (63 of 69 found, 5 false alarms)
/** Just under what the detector measured on test4 the one time it was run, right after test4 was committed (not the targets). */
const TEST4_FLOORS = { precision: 0.92, recall: 0.86 }; // with the learned model (2026-12-07, stop 44): 0.94 / 0.88 (61 of 69, 4); before it: measured 2026-12-02 (blame3, after the dev7 tuning): precision 0.94, recall 0.86 (59 of 69 found, 4 false alarms, 1 of them on the 31 real sentences)

const TEST5_FLOORS = { precision: 0.92, recall: 0.85 }; // with the learned model (2026-12-07, stop 44): 0.93 / 0.87 (55 of 63, 4); before it: measured 2026-12-03 at its first run (before any tuning after it was written): precision 0.95, recall 0.60 (38 of 63 found, 2 false alarms, none on the 40 real sentences)
const TEST7_FLOORS = { precision: 0.92, recall: 0.69 }; // with the learned model (2026-12-07, stop 44): 0.94 / 0.71 (50 of 70, 3); before it: measured 2026-12-03 at its first run, before the dev11 tuning: precision 0.94, recall 0.63 (44 of 70 found, 3 false alarms); after it: 0.94 / 0.64; after the dev12–dev14 tuning: 0.94 / 0.66
const TEST8_FLOORS = { precision: 0.92, recall: 0.88 }; // with the learned model (2026-12-07, stop 44): 0.94 / 0.90 (63 of 70, 4); before it: measured 2026-12-03 at its first run, before the dev12–dev14 tuning: precision 0.95, recall 0.84 (59 of 70 found, 3 false alarms); after it: the same
const TEST9_FLOORS = { precision: 0.98, recall: 0.92 }; // with the learned model (2026-12-07, stop 44): 1.00 / 0.94 (66 of 70, 0); before it: measured 2026-12-03 at its first run, before the dev15–dev16 tuning: precision 1.00, recall 0.87 (61 of 70 found, no false alarm, none on the 41 real sentences); after it: 1.00 / 0.90 (63 of 70; its misses never printed)
const TEST11_FLOORS = { precision: 0.98, recall: 0.87 }; // with the learned model (2026-12-07, stop 44): 1.00 / 0.89 (62 of 70, 0); before it: measured 2026-12-06 at its first run (after 59df2f0): precision 1.00, recall 0.84 (59 of 70, no false alarm); the same after the dev17 tuning (its misses never printed)
const TEST12_FLOORS = { precision: 0.85, recall: 0.58 }; // after the model was retrained with the dev11 documents (stop 45): 0.86 / 0.61 (43 of 70, 7 false alarms; 0.88 / 0.63 with the dev10 retrain before it); with the learned model (2026-12-07, stop 44): 0.89 / 0.60 (42 of 70, 5); before it: measured 2026-12-07 at its first run (after 001d1e8, before the dev18 tuning): precision 0.90, recall 0.50 (35 of 70, 4 false alarms; its misses never printed); after the dev19 tuning 0.88 / 0.51 (36 found, 5 false alarms)
const TEST13_FLOORS = { precision: 0.94, recall: 0.59 }; // with the learned model (2026-12-07, stop 44): 0.96 / 0.61 (44 of 72, 2); before it: measured at its first run (after 99f7929–f4121a1, before the dev19 tuning): precision 0.95, recall 0.54 (39 of 72, 2 false alarms; misses never printed); unchanged after the dev19 tuning
const TEST14_FLOORS = { precision: 0.97, recall: 0.78 }; // measured 2026-12-07 at its first run (after the learned model, c048d8c): precision 1.00, recall 0.81 (57 of 70, no false alarm, none on the 45 real sentences); the rules alone on that run: 1.00 / 0.76 (53 of 70); misses never printed
const TEST10_FLOORS = { precision: 0.92, recall: 0.95 }; // with the learned model (2026-12-07, stop 44): 0.93 / 0.97 (68 of 70, 5); before it: measured 2026-12-05 at its first run (commit after 2ef6d80): precision 0.94, recall 0.89 (62 of 70 found, 4 false alarms, 2 of them on the 41 real sentences; its misses never printed)
const TEST6_FLOORS = { precision: 0.97, recall: 0.74 }; // with the learned model (2026-12-07, stop 44): 0.98 / 0.76 (54 of 71, 1); before it: measured 2026-12-03 at its first run, after the dev8 tuning: precision 0.98, recall 0.68 (48 of 71 found, 1 false alarm, none on the 42 real sentences); the detector before that tuning: 0.98 / 0.65; after the dev9 tuning: 0.98 / 0.73 (its misses had been printed by this test, never used to write rules)

const found = (text: string, options?: Parameters<typeof findBlameWording>[1]) =>
  findBlameWording(text, options).map((m) => {
    assert.equal(text.slice(m.start, m.end), m.text, 'offsets point at the text');
    return `${m.category}: ${m.agent ? `${m.agent.text} / ` : ''}${m.blaming.text}`;
  });

describe('blame detector', () => {
  describe('each kind of blame-focused wording, with its counter-example', () => {
    for (const c of BLAME_CATEGORIES) {
      it(`${c.category}: "${c.flagged}" is flagged, "${c.fine}" is not`, () => {
        const hits = findBlameWording(c.flagged);
        assert.equal(hits.length, 1, JSON.stringify(hits));
        assert.equal(hits[0].category, c.category);
        assert.deepEqual(findBlameWording(c.fine), []);
      });
    }
  });

  it('names the agent and the blaming words', () => {
    assert.deepEqual(found('Lena shipped untested code straight to production.'), ['conduct: Lena / shipped untested code']);
    assert.deepEqual(found('Despite the warnings, Igor went ahead with the migration.'), ['conduct: Igor / Despite the warnings']);
    assert.deepEqual(found('The error was made by Sara while editing the firewall rules.'), ['attribution: Sara / error was made by']);
    assert.deepEqual(found('Had Tom looked at the dashboard, we would have caught it.'), ['counterfactual: Tom / Had Tom looked']);
    assert.deepEqual(found('The reviewer overlooked an obvious bug.'), ['conduct: The reviewer / overlooked']);
    assert.deepEqual(found('Put the engineer on a performance plan.', { inActionItem: true }), ['punitive: the engineer / Put the engineer on a performance']);
    assert.deepEqual(found("It was the on-call lead's fault that the page was dropped."), ["attribution: the on-call lead / fault"]);
    assert.deepEqual(found('Login was down for an hour because Dave pushed a bad config. This was human error.'), ['attribution: Dave / because Dave pushed', 'label: human error']);
  });

  it('initials, an initial before a surname, a team before its adverbs or after "if", and a fronted participle\'s by-agent name the agent; acronyms do not', () => {
    assert.deepEqual(found("JM merged the firmware bump without reading the vendor's errata."), ['conduct: JM / merged the firmware bump without reading']);
    assert.deepEqual(found('Cause | Oversight on the part of A. Novak (network team)'), ['attribution: A. Novak / Oversight on the part of']);
    assert.deepEqual(found('Support very helpfully closed 140 tickets as resolved without ever checking the refunds.').length, 1);
    assert.deepEqual(found("LGTM'd by Hugo without a single comment, which is how a 900-line diff took down auth."), ["conduct: Hugo / LGTM'd by Hugo without a single comment"]);
    assert.deepEqual(found('If support had escalated when the first customer called, we would have caught it hours earlier.').length, 1);
    assert.deepEqual(found('ravi just deployed the branch that failed CI').length, 1);
    assert.deepEqual(found('Going forward, Ahmed will have his merge rights removed until he completes the review course.').map((f) => f.split(':')[0]), ['punitive']);
    assert.deepEqual(found('Daniel will shadow a senior engineer on every deploy until further notice.').map((f) => f.split(':')[0]), ['punitive']);
    for (const text of ['New hires will shadow a senior engineer for their first on-call week.', 'The PEBKAC tag was removed from this ticket; the tenant ID field accepted a value that did not exist.', 'Operator Error is the name of the alert that fires when the Kubernetes operator fails to reconcile.', 'Approved by Hugo after a full review.', 'Restored by Dana without data loss.', 'If support had a runbook, we would have caught it earlier.', 'CI skipped the canary after the cache miss.', "We're not writing 'operator error' here, because the HMI gave the operator no way to tell the two modes apart.", 'Ops quickly rolled back the deploy.'])
      assert.deepEqual(found(text), [], text);
  });

  it('systems as subjects are not blamed, even when they fail', () => {
    for (const text of [
      'The service was failing to launch images.',
      'The pull request failed to deploy to staging.',
      'The edge router ignored the new prefix list until the BGP session was cleared.',
      'The cron scheduler forgot its timezone setting after the container restart.',
      'The bootloader should have refused to start an unsigned image.',
      'The disk alert should have fired at 80% usage.',
    ]) assert.deepEqual(found(text), [], text);
  });

  it('a capital after a label or before an acronym starts a phrase, not a name (real corpus false alarms)', () => {
    for (const text of [
      'Root Cause: Legacy inconsistencies in IAVL state due to unvalidated upgrade store entries.',
      'Root Cause: Mismatch between legacy key formats and the new encoding scheme.',
      'Root Cause: Invalid `genesis.json` file present on affected nodes.',
      'Upgrade failed due to patch not being applied resulting in State Inconsistency due to Uneven IAVL Tree Heights.',
      'Other validators errored out since they didn’t have the wasm smart contract in their local disk.',
    ]) assert.deepEqual(found(text), [], text);
    assert.equal(found('Root cause: Marit never validated the genesis file before the restart.').length, 1);
    assert.equal(found('Root Cause: Kasimir skipped the upgrade checklist and applied the patch to the wrong store.').length, 1);
  });

  it('titles, denied labels, what a person was let do and not getting in are not blame (dev10 false alarms)', () => {
    for (const text of [
      'PM-0003: SSR POST Bodies Silently Dropped on the Internal API Path (Login Outage)',
      'The frontend validates with Zod before sending; a backend 422 therefore always indicates a bug, never user error.',
      'The issue is that they should not have been able to authenticate at all as guest users.',
      'Operator fails to log in, screenshot taken, frontend team paged.',
      'Customers failed to check out for an hour.',
    ]) assert.deepEqual(findBlameWording(text), [], text);
    // The same words with a lapse stay flagged: a name the title does not hide, an error owned, logging a change, a check-in.
    for (const text of ['How Dave Broke Production By Ignoring The Alert', 'It was user error by Bob, plain and simple.', 'Bob failed to log the change in the ticket.', 'Bob failed to check in the fix.', 'Bob should have been paying attention.', 'Sam should have been able to spot the error in the diff.', "If not for Dave's careless mistake, the outage would not have happened.", 'Dave failed to access the runbook before restarting the cluster.']) {
      assert.equal(findBlameWording(text).length, 1, text);
    }
  });

  it('credit, neutral actions, negation, quotation and hypotheticals are not blame', () => {
    for (const text of [
      'We noticed because Ann happened to look at the dashboard.',
      'Thanks to Ravi\'s quick thinking the queue was drained in minutes.',
      'Mia rolled back the release at 14:41.',
      'Operator error is never a root cause.',
      "'Human error' is not a root cause.",
      'This was nobody\'s fault; the documentation still described the old flag.',
      'The log line `failed to connect to upstream` appeared 4,000 times.',
      'If a user accidentally made their token public, GitHub would notify us.',
      'We should have a staging gate.',
      'The on-call engineer could not have known that the alert was routed to a dead channel.',
    ]) assert.deepEqual(found(text), [], text);
  });

  it('every offered rewording moves the subject to the system and is not flagged itself', () => {
    const cases: Array<[string, string]> = [
      ['The on-call engineer should have checked the config before deploying.', 'Nothing made sure the config was checked'],
      ['Dave pushed a bad config.', 'A bad config reached production without a check stopping it'],
      ['This was human error.', 'a gap in our safeguards'],
    ];
    for (const [text, expected] of cases) {
      const [match] = findBlameWording(text);
      assert.equal(match.replacement, expected, text);
      assert.doesNotMatch(match.replacement!, /\b(?:Dave|engineer)\b/);
      const reworded = text.slice(0, match.start) + match.replacement + text.slice(match.end);
      assert.deepEqual(findBlameWording(reworded), [], reworded);
    }
    // Across the whole development set: no rewording is flagged again.
    for (const s of loadSentences('dev')) {
      for (const m of findBlameWording(s.text, { inActionItem: s.inActionItem === true })) {
        if (m.replacement === undefined) continue;
        const reworded = s.text.slice(0, m.start) + m.replacement + s.text.slice(m.end);
        // Only the reworded words must be clean; another finding elsewhere in the text stays what it was.
        const from = m.start;
        const to = m.start + m.replacement.length;
        const again = findBlameWording(reworded, { inActionItem: s.inActionItem === true }).filter((f) => f.start < to && f.end > from);
        assert.deepEqual(again.map((f) => f.text), [], `${s.text} → ${reworded}`);
      }
    }
  });

  describe('user patterns and the allow list', () => {
    it('extraPatterns: plain phrases, regex sources and /source/flags', () => {
      const options = { extraPatterns: ['fat finger', String.raw`\bwent walkabout\b`, '/YOLO deploy/'] };
      const text = 'A fat   finger typo; the admin went walkabout; a YOLO deploy; a yolo deploy.';
      const custom = findBlameWording(text, options).filter((m) => m.category === 'custom');
      assert.deepEqual(custom.map((m) => m.text), ['fat   finger', 'went walkabout', 'YOLO deploy']);
    });

    it('invalid patterns are reported, never thrown; empty matches do not loop', () => {
      const { patterns, errors } = compileUserPatterns(['ok phrase', '(unclosed', '/[z-a]/', '   ']);
      assert.equal(patterns.length, 1);
      assert.equal(errors.length, 2);
      assert.doesNotThrow(() => findBlameWording('an (unclosed group', { extraPatterns: ['(unclosed'] }));
      assert.deepEqual(findBlameWording('abc', { extraPatterns: ['/x*/'] }), []);
    });

    it('allow drops matches that overlap an allowed phrase', () => {
      assert.equal(findBlameWording('This was human error.', { allow: ['human error'] }).length, 0);
      assert.equal(findBlameWording('This was human error.').length, 1);
    });
  });

  describe('labelled sentences (test/fixtures/blame)', () => {
    it('development split: precision ≥ 0.95, recall ≥ 0.90', () => {
      const result = score(loadSentences('dev'));
      console.log(`      ${formatScore('dev split', result)}`);
      assert.ok(result.precision >= 0.95, `precision ${result.precision}`);
      assert.ok(result.recall >= 0.9, `recall ${result.recall}`);
    });

    // Development data not yet trained on (see test/fixtures/blame/README.md): measured 0.99 / 0.87 (73 of 84, 1 false alarm).
    it('dev26 split (development data, kept out of training for now): precision ≥ 0.97, recall ≥ 0.85', () => {
      const result = score(loadSentences('dev26'));
      console.log(`      ${formatScore('dev26 split', result)}`);
      for (const m of result.misses) console.log(`        missed [${m.category}${m.inActionItem ? ', action item' : ''}]: ${m.text}`);
      assert.ok(result.precision >= 0.97, `precision ${result.precision}`);
      assert.ok(result.recall >= 0.85, `recall ${result.recall}`);
    });

    it('test split (labelled before the detector existed, never tuned on): measured and reported', () => {
      const result = score(loadSentences('test'));
      console.log(`      ${formatScore('test split', result)}`);
      // The targets are precision ≥ 0.95 and recall ≥ 0.90; the floor below keeps what was reached.
      // Seen while tuning before issue 16 (no longer a clean measurement; test2 is): measured 0.95 / 0.75 after issue 16, 0.97 / 0.76 after its second pass.
      assert.ok(result.precision >= 0.9, `precision ${result.precision}`);
      assert.ok(result.recall >= 0.7, `recall ${result.recall}`);
    });

    // The targets are precision ≥ 0.95 and recall ≥ 0.90; the floors sit just under what was measured (TEST2_FLOORS, TEST3_FLOORS, TEST4_FLOORS).
    for (const [split, floors, when] of [
      ['test2', TEST2_FLOORS, 'written and committed for issue 16 before any run of the detector on it'],
      ['test3', TEST3_FLOORS, 'written and committed in the second pass of issue 16 before any run of the detector on it'],
      ['test4', TEST4_FLOORS, 'written and committed in the third pass of issue 16, after the dev7 tuning, before any run of the detector on it'],
      ['test5', TEST5_FLOORS, 'written by another hand in unseen idioms and committed before any run of the detector on it'],
      ['test6', TEST6_FLOORS, 'written by another hand again, committed while dev8 was tuned on, before any run of the detector on it'],
      ['test7', TEST7_FLOORS, 'written by another hand with dev11, committed before any run of the detector on it'],
      ['test8', TEST8_FLOORS, 'written by another hand with dev12–dev14, committed before any run of the detector on it'],
      ['test9', TEST9_FLOORS, 'written by another hand with dev15–dev16, committed before any run of the detector on it'],
      ['test10', TEST10_FLOORS, 'written by another hand from two repositories used nowhere else, committed before any run of the detector on it'],
      ['test11', TEST11_FLOORS, 'written by another hand with dev17, from two repositories used nowhere else, committed before any run of the detector on it'],
      ['test12', TEST12_FLOORS, 'written by another hand with dev18, from a repository used nowhere else, committed before any run of the detector on it'],
      ['test13', TEST13_FLOORS, 'written by another hand with dev19, committed before any run of the detector on it'],
      ['test14', TEST14_FLOORS, 'written by another hand after the learned model was built, committed before any run of the detector on it'],
    ] as const) {
      // The newest splits' misses are not printed: whoever tunes the detector reads this output.
      const printMisses = split !== 'test7' && split !== 'test8' && split !== 'test9' && split !== 'test10' && split !== 'test11' && split !== 'test12' && split !== 'test13' && split !== 'test14';
      it(`${split} split (${when}, never tuned on): measured${printMisses ? ', misses printed' : ''}`, () => {
        const result = score(loadSentences(split));
        console.log(`      ${formatScore(`${split} split`, result)}`);
        if (printMisses) for (const m of result.misses) console.log(`        missed [${m.category}${m.inActionItem ? ', action item' : ''}]: ${m.text}`);
        if (printMisses) for (const f of result.falseAlarms) console.log(`        false alarm [${f.category}]: ${f.text} → ${f.found}`);
        assert.ok(result.precision >= floors.precision, `precision ${result.precision}`);
        assert.ok(result.recall >= floors.recall, `recall ${result.recall}`);
      });
    }

    // In-sample since stop 44: the learned model trains on this set (and on the mechanisms tests' sentences) as edge cases.
    it('the project\'s first sentence set (test/fixtures/blame-sentences.yaml) for reference', () => {
      const items = parse(readFileSync(join(FIXTURES, 'blame-sentences.yaml'), 'utf8')) as Array<{ text: string; blame: boolean; inActionItem?: boolean }>;
      const result = score(items.map((i) => ({ ...i, kind: 'paraphrase', category: '' })));
      console.log(`      ${formatScore('first set', result)}`);
      assert.ok(result.precision >= 0.9 && result.recall >= 0.7, formatScore('first set', result));
    });
  });

  describe('performance', () => {
    it('every regex of the detector stays linear on 50,000 repeated characters', () => {
      /** Best of up to 5 runs over `length` characters of `unit`: a loaded machine slows a run, never makes it quadratic. */
      const timeOn = (rx: RegExp, unit: string, length: number, enough: number) => {
        const input = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
        let best = Infinity;
        for (let run = 0; run < 5 && best >= enough; run++) {
          const re = new RegExp(rx.source, rx.flags);
          const t0 = performance.now();
          for (const _ of input.matchAll(re)) void _;
          best = Math.min(best, performance.now() - t0);
        }
        return best;
      };
      for (const unit of ['a', ' ', '@', "'", '-', 'A', 'a-', 'a ', "Dave's ", 'because Dave ', 'should have ', 'the a-', 'failed to ']) {
        for (const rx of blameRegexes()) {
          const large = timeOn(rx, unit, 50_000, 100);
          if (large < 100) continue;
          // Over 100 ms (GC after the earlier tests, a busy machine): linear means 10× the input costs about 10× the time, where
          // backtracking would cost 100× or more.
          const small = timeOn(rx, unit, 5_000, 0);
          assert.ok(large < 1000 && large / Math.max(small, 1) <= 25, `${rx.source.slice(0, 60)}… took ${large.toFixed(1)} ms on ${JSON.stringify(unit)}× 50,000 and ${small.toFixed(1)} ms on 5,000`);
        }
      }
    });

    it('findBlameWording stays fast on pathological prose', () => {
      for (const unit of ['a ', 'Dave ', 'failed to ', 'human error ', 'because Dave pushed ', 'Dave ignored the alert and ', 'the engineer, who ']) {
        const input = unit.repeat(Math.ceil(50_000 / unit.length)).slice(0, 50_000);
        const t0 = performance.now();
        findBlameWording(input, { inActionItem: true });
        const ms = performance.now() - t0;
        assert.ok(ms < 2000, `${JSON.stringify(unit)}× took ${ms.toFixed(0)} ms`);
      }
    });
  });
});
