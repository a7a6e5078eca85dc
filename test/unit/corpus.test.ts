import assert from 'node:assert/strict';
import { evaluate, formatRow, formatTotals, loadLabels, totals } from '../support/corpus';

// The engine on 204 real published post-mortems (test/fixtures/real), against labels written by reading
// each document before any run. The development splits (dev, dev3) are what the engine was tuned on; the test
// splits never were: their figures are reported, and their floors only catch regressions. test2 (9 of
// the 17 documents added for the action-item work) and test3 (7 documents from two new organisations and PyPI,
// labelled by another hand) were labelled and committed before the engine first ran on them; so were dev4 and test4 (15
// documents from four more organisations, labelled by another hand, every third of each source in test4); so were dev5 and
// test5 (12 documents from three more organisations, labelled by another hand, every third of each source in test5); so were dev6 (2 documents from drand/website), and dev7 and test6 (documents from more organisations,
// labelled by another hand with their blame sentences too, every third of each source in test6); so were dev8 and test7
// (9 documents from Financial-Times/origami-image-service and BerriAI/litellm, labelled by another hand, a helper reading
// only LABELING.md and the blame guidelines, with their blame sentences; labels committed before the first run; every
// third of each source in test7); so were dev9 and test8, and dev10, test9, dev11 and test10 (2026-12-07: helpers working
// apart, each test split from organisations in no other split).
describe('real post-mortems (test/fixtures/real)', function () {
  this.timeout(120_000);
  const labels = loadLabels();
  /** Every split in the order it is reported, with what it is; a development split lists its documents before its totals. */
  const report: Array<[string, string]> = [
    ['dev', ''],
    ['test', 'never tuned on'],
    ['test2', 'never tuned on, labels committed before the first run'],
    ['dev3', 'new organisations; tuned on'],
    ['test3', 'never tuned on, labels committed before the first run'],
    ['dev4', 'four more organisations; tuned on'],
    ['test4', 'never tuned on, labels committed before the first run'],
    ['dev5', 'three more organisations; tuned on'],
    ['test5', 'never tuned on, labels committed before the first run'],
    ['dev6', 'one more organisation, labelled before the first run; tuned on'],
    ['dev7', 'more organisations, labelled with blame sentences before the first run'],
    ['test6', 'never tuned on, labels with blame sentences committed before the first run'],
    ['dev8', 'two more organisations, labelled with blame sentences before the first run; tuned on'],
    ['test7', 'never tuned on, labels with blame sentences committed before the first run'],
    ['dev9', 'more organisations, labelled with blame sentences before the first run'],
    ['test8', 'never tuned on, labels with blame sentences committed before the first run'],
    ['dev10', 'four more organisations, labelled with blame sentences before the first run'],
    ['test9', 'never tuned on, from organisations in no other split, labels committed before the first run'],
    ['dev11', 'blog and status-site posts of three more organisations, labelled before the first run'],
    ['dev12', 'prose blog posts of two more organisations (one in Czech), labelled before the first run'],
    ['test10', 'never tuned on, from organisations in no other split, labels committed before the first run'],
  ];
  const isDev = (name: string) => name.startsWith('dev');
  const bySplit = new Map<string, ReturnType<typeof evaluate>[]>(report.map(([name]) => [name, []]));
  for (const label of labels) {
    const results = bySplit.get(label.split) ?? [];
    results.push(evaluate(label));
    bySplit.set(label.split, results);
  }
  const split = (name: string) => bySplit.get(name) ?? [];
  const dev = split('dev');
  const test = split('test');
  const test2 = split('test2');
  const dev3 = split('dev3');
  const test3 = split('test3');
  const dev4 = split('dev4');
  const test4 = split('test4');
  const dev5 = split('dev5');
  const test5 = split('test5');
  const dev6 = split('dev6');
  const dev7 = split('dev7');
  const test6 = split('test6');
  const dev8 = split('dev8');
  const test7 = split('test7');
  const dev9 = split('dev9');
  const test8 = split('test8');
  const dev10 = split('dev10');
  const test9 = split('test9');
  const dev11 = split('dev11');
  const test10 = split('test10');

  after(() => {
    for (const [name, what] of report) {
      if (isDev(name)) console.log(split(name).map(formatRow).join('\n'));
      console.log(formatTotals(what ? `${name} (${what})` : name, totals(split(name))));
    }
    // Blame findings of the real documents, every split: the false alarms are judged by reading (BLAME-FINDINGS.md).
    const all = report.flatMap(([name]) => split(name));
    const devAll = all.filter((r) => isDev(r.label.split));
    console.log(formatTotals(`all ${devAll.length} development documents`, totals(devAll)));
    console.log(formatTotals(`all ${all.length - devAll.length} test documents (never tuned on)`, totals(all.filter((r) => !isDev(r.label.split)))));
    console.log(formatTotals(`all ${all.length} documents`, totals(all)));
    const blame = all.reduce((n, r) => n + r.blameFindings.length, 0);
    console.log(`  blame-wording findings on all ${all.length} real documents: ${blame}`);
  });

  it('has at least 40 documents from at least 5 organisations, with a test split', () => {
    assert.ok(labels.length >= 40, `${labels.length} documents`);
    assert.ok(new Set(labels.map((l) => l.source)).size >= 5);
    assert.ok(test.length >= 15, `${test.length} test documents`);
  });

  it('reports every split the labels use', () => {
    assert.deepEqual([...bySplit.keys()].filter((name) => !report.some(([reported]) => reported === name)), []);
  });

  it('development split: the targets of the reading issue', () => {
    const t = totals(dev);
    assert.equal(t.crashes, 0);
    assert.ok(t.timelinesRead / t.timelines >= 0.95, `timelines read ${t.timelinesRead}/${t.timelines}`);
    assert.ok(t.withPhases / t.withTimeline >= 0.7, `phases ${t.withPhases}/${t.withTimeline}`);
    assert.ok(t.itemsFound / t.itemsLabelled >= 0.9, `items ${t.itemsFound}/${t.itemsLabelled}`);
    assert.ok(t.itemsExtra / t.itemsLabelled <= 0.1, `extra items ${t.itemsExtra}/${t.itemsLabelled}`);
    assert.equal(t.falseMissing, 0, `"missing" where the content exists: ${t.falseMissing}`);
    assert.equal(t.invalidTimes, 0);
  });

  it('test split: no crash, and no regression below what was measured', () => {
    const t = totals(test);
    assert.equal(t.crashes, 0);
    assert.equal(t.invalidTimes, 0);
    assert.ok(t.timelinesRead / t.timelines >= 0.9, `timelines read ${t.timelinesRead}/${t.timelines}`);
    assert.ok(t.withPhases / t.withTimeline >= 0.8, `phases ${t.withPhases}/${t.withTimeline}`);
    assert.ok(t.itemsFound / t.itemsLabelled >= 0.7, `items ${t.itemsFound}/${t.itemsLabelled}`);
    assert.ok(t.itemsExtra / t.itemsLabelled <= 0.12, `extra items ${t.itemsExtra}/${t.itemsLabelled}`);
  });

  it('test2 split: no crash', () => {
    assert.ok(test2.length >= 9, `${test2.length} test2 documents`);
    assert.equal(totals(test2).crashes, 0);
  });

  /** No crash and no unreadable time in any of the splits. */
  const sound = (...splits: Array<ReturnType<typeof evaluate>[]>) => {
    for (const results of splits) {
      const t = totals(results);
      assert.equal(t.crashes, 0);
      assert.equal(t.invalidTimes, 0);
    }
  };
  const everyTimelineRead = (name: string, results: ReturnType<typeof evaluate>[]) => {
    const t = totals(results);
    assert.equal(t.timelinesRead, t.timelines, `${name} timelines read ${t.timelinesRead}/${t.timelines}`);
  };

  it('dev7 and test6 splits: no crash, no unreadable time', () => {
    assert.ok(dev7.length >= 6 && test6.length >= 3, `${dev7.length} dev7, ${test6.length} test6 documents`);
    sound(dev7, test6);
  });

  it('dev8 and test7 splits: no crash, no unreadable time', () => {
    assert.ok(dev8.length >= 7 && test7.length >= 2, `${dev8.length} dev8, ${test7.length} test7 documents`);
    sound(dev8, test7);
  });

  it('dev9 and test8 splits: no crash, no unreadable time, every dev9 timeline read', () => {
    assert.ok(dev9.length >= 8 && test8.length >= 6, `${dev9.length} dev9, ${test8.length} test8 documents`);
    sound(dev9, test8);
    everyTimelineRead('dev9', dev9);
  });

  it('dev10 and test9 splits: no crash, no unreadable time, every dev10 timeline read', () => {
    assert.ok(dev10.length >= 10 && test9.length >= 6, `${dev10.length} dev10, ${test9.length} test9 documents`);
    sound(dev10, test9);
    everyTimelineRead('dev10', dev10);
  });

  it('dev11 and test10 splits: no crash, no unreadable time', () => {
    assert.ok(dev11.length >= 8 && test10.length >= 3, `${dev11.length} dev11, ${test10.length} test10 documents`);
    sound(dev11, test10);
  });

  it('dev12 split: no crash, no unreadable time', () => {
    const dev12 = split('dev12');
    assert.ok(dev12.length >= 2, `${dev12.length} dev12 documents`);
    sound(dev12);
  });

  it('dev3, test3, dev4, test4, dev5, test5 and dev6 splits: no crash, no unreadable time', () => {
    assert.ok(dev3.length >= 6 && test3.length >= 7, `${dev3.length} dev3, ${test3.length} test3 documents`);
    assert.ok(dev4.length >= 11 && test4.length >= 4, `${dev4.length} dev4, ${test4.length} test4 documents`);
    assert.ok(dev5.length >= 9 && test5.length >= 3, `${dev5.length} dev5, ${test5.length} test5 documents`);
    assert.ok(dev6.length >= 2, `${dev6.length} dev6 documents`);
    sound(dev3, test3, dev4, test4, dev5, test5, dev6);
  });
});
