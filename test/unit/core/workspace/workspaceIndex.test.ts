import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../../src/core/model/parse';
import {
  applyEdit,
  daysOverdue,
  dueBucket,
  formatActionItemMarkdown,
  fuzzyScore,
  markDoneEdit,
  ownerMatches,
  WorkspaceIndex,
} from '../../../../src/core/workspace/index';
import { fixture } from '../../helpers';

const TODAY = '2026-03-24';
const CHECKOUT = 'file:///ws/postmortems/checkout-latency.postmortem.md';
const FIRMWARE = 'file:///ws/postmortems/firmware-ota.postmortem.md';
const NEEDS_WORK = 'file:///ws/postmortems/needs-work.postmortem.md';

function fullIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  index.update(CHECKOUT, fixture('examples/checkout-latency.postmortem.md'));
  index.update(FIRMWARE, fixture('examples/firmware-ota.postmortem.md'));
  index.update(NEEDS_WORK, fixture('examples/needs-work.postmortem.md'));
  return index;
}

const texts = (items: Array<{ text: string }>) => items.map((i) => i.text);

describe('workspace index: files', () => {
  it('indexes title, incident id, severity and action items per file, and nothing else', () => {
    const index = new WorkspaceIndex();
    index.update(CHECKOUT, fixture('examples/checkout-latency.postmortem.md'));
    const [file] = index.files();
    assert.equal(file.uri, CHECKOUT);
    assert.equal(file.title, 'Checkout latency spike after payments client upgrade');
    assert.equal(file.incidentId, 'INC-2041');
    assert.equal(file.severity, 'SEV2');
    assert.equal(file.items.length, 4);
    const first = file.items[0];
    assert.equal(first.line, 61);
    assert.equal(first.owner, '@maria');
    assert.equal(first.due, '2026-03-21');
    assert.equal(first.done, false);
    assert.equal(first.form, 'task');
    assert.equal(first.text, 'Set maxConnections explicitly in all payment service configs');
    assert.deepEqual(first.doneMarkerRange, { start: { line: 61, character: 2 }, end: { line: 61, character: 5 } });
    assert.equal(first.postmortem.incidentId, 'INC-2041');
    assert.equal('text' in file, false, 'the full text is not kept');
  });

  it('adds, changes and removes files', () => {
    const index = new WorkspaceIndex();
    index.update(CHECKOUT, fixture('examples/checkout-latency.postmortem.md'));
    index.update(FIRMWARE, fixture('examples/firmware-ota.postmortem.md'));
    assert.equal(index.size, 2);
    assert.equal(index.openItems({}).length, 6);

    // Change: the first checkout item gets ticked.
    const changed = fixture('examples/checkout-latency.postmortem.md').replace('- [ ] Set `maxConnections`', '- [x] Set `maxConnections`');
    index.update(CHECKOUT, changed);
    assert.equal(index.size, 2);
    assert.equal(index.openItems({}).length, 5);
    assert.equal(index.get(CHECKOUT)?.items[0].done, true);

    assert.equal(index.remove(CHECKOUT), true);
    assert.equal(index.remove(CHECKOUT), false);
    assert.deepEqual(index.files().map((f) => f.uri), [FIRMWARE]);
    assert.equal(index.openItems({}).length, 3);
  });

  it('removes everything under a deleted folder', () => {
    const index = fullIndex();
    index.update('file:///ws/other/x.postmortem.md', '# X\n');
    assert.equal(index.removeUnder('file:///ws/postmortems'), 3);
    assert.deepEqual(index.files().map((f) => f.uri), ['file:///ws/other/x.postmortem.md']);
  });

  it('lists files newest incident first', () => {
    assert.deepEqual(fullIndex().files().map((f) => f.incidentId ?? f.title), ['FW-117', 'INC-2041', 'Login outage']);
  });

  it('a file without action items is still indexed (for symbols and the welcome view)', () => {
    const index = new WorkspaceIndex();
    index.update('file:///ws/empty.postmortem.md', '# Empty\n\n## Summary\n\nNothing yet.\n');
    assert.equal(index.size, 1);
    assert.deepEqual(index.openItems({}), []);
  });
});

describe('workspace index: open items, overdue and mine', () => {
  it('hides done items unless asked', () => {
    const index = fullIndex();
    assert.equal(index.openItems({}).length, 10);
    assert.equal(index.openItems({ includeDone: true }).length, 12);
  });

  it('overdue with a fixed clock: checkout first item (due 2026-03-21) is 3 days overdue on 2026-03-24', () => {
    const index = fullIndex();
    const items = index.openItems({});
    const overdue = items.filter((i) => daysOverdue(i, TODAY) > 0);
    assert.deepEqual(texts(overdue), ['Set maxConnections explicitly in all payment service configs', 'Review alert thresholds']);
    assert.equal(daysOverdue(overdue[0], TODAY), 3);
    assert.equal(index.overdueCount(TODAY), 2);
    // The done item due 2026-03-14 is never overdue.
    assert.equal(index.overdueCount('2027-01-01'), 7);
    assert.equal(index.overdueCount('2026-03-01'), 1);
  });

  it('mine: handles match case-insensitively, names match too, comma-separated identities', () => {
    const index = fullIndex();
    assert.deepEqual(texts(index.openItems({ mine: '@Maria' })), ['Set maxConnections explicitly in all payment service configs']);
    assert.deepEqual(texts(index.openItems({ mine: 'priya natarajan' })), ['Run the checkout load test at 120% of peak before payments releases']);
    assert.deepEqual(texts(index.openItems({ mine: '@lena, Tomás Ortega' })), ['Add rev C units to the HIL lab', 'Gate rollouts on per-revision health checks']);
    assert.deepEqual(index.openItems({ mine: '@nobody' }), []);
    assert.equal(index.openItems({ mine: '@arun' }).length, 0, 'his item is done');
    assert.equal(index.openItems({ mine: '@arun', includeDone: true }).length, 1);
    assert.equal(index.overdueCount(TODAY, '@maria'), 1);
  });

  it('ownerMatches splits joint owners but never matches substrings', () => {
    assert.equal(ownerMatches('@maria and @dev.k', '@dev.k'), true);
    assert.equal(ownerMatches('Supply chain + firmware leads', 'firmware leads'), true);
    assert.equal(ownerMatches('@mariana', '@maria'), false);
    assert.equal(ownerMatches(null, '@maria'), false);
    assert.equal(ownerMatches('@maria', ''), false);
  });

  it('owners() lists each owner once, for completions', () => {
    const owners = fullIndex().owners();
    assert.equal(new Set(owners.map((o) => o.toLowerCase())).size, owners.length);
    for (const o of ['@maria', '@dev.k', 'Priya Natarajan', '@oncall-eu', 'Tomás Ortega', '@lena', '@arun', '@sam', '@kim', 'team lead']) assert.ok(owners.includes(o), o);
  });
});

describe('workspace index: grouping', () => {
  it('by post-mortem: newest first, items in document order, incident id as description', () => {
    const index = fullIndex();
    const groups = index.group(index.openItems({}), 'postmortem', TODAY);
    assert.deepEqual(groups.map((g) => [g.label, g.description, g.items.length]), [
      ['OTA firmware rollout bricked sensor gateways', 'FW-117', 3],
      ['Checkout latency spike after payments client upgrade', 'INC-2041', 3],
      ['Login outage', undefined, 4],
    ]);
    assert.deepEqual(groups[1].items.map((i) => i.line), [61, 62, 63]);
    assert.equal(groups[0].uri, FIRMWARE);
  });

  it('by owner: A–Z ignoring @, "No owner" last, items by due date', () => {
    const index = fullIndex();
    const groups = index.group(index.openItems({}), 'owner', TODAY);
    assert.deepEqual(groups.map((g) => g.label), ['@dev.k', '@kim', '@lena', '@maria', 'Priya Natarajan', '@sam', 'Supply chain + firmware leads', 'team lead', 'Tomás Ortega', 'No owner']);
    assert.deepEqual(texts(groups.at(-1)!.items), ['Add config validation to the deploy pipeline']);
  });

  it('by due date: Overdue, Due soon, Later, No deadline (and Done when shown)', () => {
    const index = fullIndex();
    const groups = index.group(index.openItems({}), 'dueDate', TODAY);
    assert.deepEqual(groups.map((g) => [g.label, g.items.length]), [
      ['Overdue', 2],
      ['Due soon', 1],
      ['Later', 4],
      ['No deadline', 3],
    ]);
    assert.deepEqual(texts(groups[0].items), ['Review alert thresholds', 'Set maxConnections explicitly in all payment service configs']);
    assert.deepEqual(texts(groups[1].items), ['Alert on gateway connection count above 80% of its limit']);
    assert.deepEqual(groups[2].items.map((i) => i.due), ['2026-04-15', '2026-05-20', '2026-06-01', '2026-06-15']);
    const withDone = index.group(index.openItems({ includeDone: true }), 'dueDate', TODAY);
    assert.deepEqual(withDone.map((g) => g.label), ['Overdue', 'Due soon', 'Later', 'No deadline', 'Done']);
    assert.equal(withDone.at(-1)!.items.length, 2);
  });

  it('due buckets at the edges of the due-soon window (DUE_SOON_DAYS, the same as the preview and the hover)', () => {
    assert.equal(dueBucket({ done: false, due: '2026-03-24' }, TODAY), 'dueSoon');
    assert.equal(dueBucket({ done: false, due: '2026-03-30' }, TODAY), 'dueSoon');
    assert.equal(dueBucket({ done: false, due: '2026-03-31' }, TODAY), 'later');
    assert.equal(dueBucket({ done: false, due: '2026-03-23' }, TODAY), 'overdue');
    assert.equal(dueBucket({ done: true, due: '2026-03-23' }, TODAY), 'done');
    assert.equal(dueBucket({ done: false, due: null }, TODAY), 'noDate');
  });
});

describe('workspace index: symbols', () => {
  it('finds titles and incident ids by fuzzy-ish contains', () => {
    const index = fullIndex();
    assert.deepEqual(index.symbols('INC-2041').map((s) => [s.name, s.kind]), [['INC-2041', 'incident']]);
    assert.deepEqual(index.symbols('latency').map((s) => s.name), ['Checkout latency spike after payments client upgrade']);
    assert.deepEqual(index.symbols('ota firm').map((s) => s.name), ['OTA firmware rollout bricked sensor gateways']);
    assert.equal(index.symbols('').length, 5);
    assert.deepEqual(index.symbols('zzz'), []);
    const checkout = index.symbols('checkout')[0];
    assert.equal(checkout.uri, CHECKOUT);
    assert.equal(checkout.containerName, 'INC-2041 · SEV2');
    assert.equal(checkout.range.start.line, 1, 'front-matter title line');
  });

  it('scores exact > prefix > word > substring > in-order characters', () => {
    assert.ok(fuzzyScore('login outage', 'Login outage') > fuzzyScore('login', 'Login outage'));
    assert.ok(fuzzyScore('login', 'Login outage') > fuzzyScore('outage', 'Login outage'));
    assert.ok(fuzzyScore('outage', 'Login outage') > fuzzyScore('utage', 'Login outage'));
    assert.ok(fuzzyScore('utage', 'Login outage') > fuzzyScore('lgot', 'Login outage'));
    assert.equal(fuzzyScore('tol', 'Login outage'), 0);
  });
});

describe('markDoneEdit', () => {
  const checkout = fixture('examples/checkout-latency.postmortem.md');
  const firmware = fixture('examples/firmware-ota.postmortem.md');

  it('task form: `[ ]` becomes `[x]` and nothing else changes', () => {
    const doc = parsePostmortem(checkout);
    const edit = markDoneEdit(checkout, doc.actionItems[1]);
    assert.ok(edit);
    assert.deepEqual(edit.range, { start: { line: 62, character: 3 }, end: { line: 62, character: 4 } });
    const expected = checkout.replace('- [ ] Alert on gateway connection count', '- [x] Alert on gateway connection count');
    assert.equal(applyEdit(checkout, edit), expected);
    assert.equal(parsePostmortem(expected).actionItems[1].done, true);
  });

  it('works on indexed items too, and on CRLF text', () => {
    const crlf = checkout.replace(/\n/g, '\r\n');
    const index = new WorkspaceIndex();
    const item = index.update(CHECKOUT, crlf).items[0];
    const edit = markDoneEdit(crlf, item);
    assert.ok(edit);
    assert.equal(applyEdit(crlf, edit), crlf.replace('- [ ] Set `maxConnections`', '- [x] Set `maxConnections`'));
  });

  it('table form: the Status cell text becomes Done, padding kept', () => {
    const doc = parsePostmortem(firmware);
    const inProgress = markDoneEdit(firmware, doc.actionItems[0]);
    assert.ok(inProgress);
    assert.equal(
      applyEdit(firmware, inProgress),
      firmware.replace('| Add rev C units to the HIL lab | Tomás Ortega | 2026-05-20 | In progress |', '| Add rev C units to the HIL lab | Tomás Ortega | 2026-05-20 | Done |'),
    );
    const open = markDoneEdit(firmware, doc.actionItems[1]);
    assert.ok(open);
    const after = applyEdit(firmware, open);
    assert.equal(after, firmware.replace('| Gate rollouts on per-revision health checks | @lena | 2026-06-01 | Open |', '| Gate rollouts on per-revision health checks | @lena | 2026-06-01 | Done |'));
    assert.equal(parsePostmortem(after).actionItems[1].done, true);
  });

  it('table form with aligned padding and empty Status cells', () => {
    const text = [
      '# T',
      '',
      '## Action Items',
      '',
      '| Action   | Owner | Status      |',
      '|----------|-------|-------------|',
      '| Fix it   | @a    | Open        |',
      '| Empty    | @b    |             |',
      '| Tight    | @c    ||',
      '',
    ].join('\n');
    const doc = parsePostmortem(text);
    const [fix, empty, tight] = doc.actionItems;
    assert.equal(applyEdit(text, markDoneEdit(text, fix)!), text.replace('| Fix it   | @a    | Open        |', '| Fix it   | @a    | Done        |'));
    assert.equal(applyEdit(text, markDoneEdit(text, empty)!), text.replace('| Empty    | @b    |             |', '| Empty    | @b    | Done            |'));
    assert.equal(applyEdit(text, markDoneEdit(text, tight)!), text.replace('| Tight    | @c    ||', '| Tight    | @c    | Done |'));
    for (const item of [fix, empty, tight]) {
      const after = applyEdit(text, markDoneEdit(text, item)!);
      assert.equal(parsePostmortem(after).actionItems.find((a) => a.text === item.text)?.done, true, item.text);
    }
  });

  it('a plain list item becomes a ticked task', () => {
    const text = '# T\n\n## Action Items\n\n- Add config validation — @sam, due 2026-04-01\n  1. nested\n';
    const [item] = parsePostmortem(text).actionItems;
    const after = applyEdit(text, markDoneEdit(text, item)!);
    assert.equal(after, text.replace('- Add config', '- [x] Add config'));
    assert.equal(parsePostmortem(after).actionItems[0].done, true);
  });

  it('returns undefined for done items, rows without a Status column and stale positions', () => {
    const doc = parsePostmortem(checkout);
    assert.equal(markDoneEdit(checkout, doc.actionItems[3]), undefined);
    assert.equal(markDoneEdit(firmware, parsePostmortem(firmware).actionItems[3]), undefined);
    const noStatus = '# T\n\n## Action Items\n\n| Action | Owner |\n|---|---|\n| Fix | @a |\n';
    assert.equal(markDoneEdit(noStatus, parsePostmortem(noStatus).actionItems[0]), undefined);
    // The item was read from an older text: its box is no longer where the index says.
    assert.equal(markDoneEdit(`\n\n${checkout}`, doc.actionItems[0]), undefined);
  });
});

describe('formatActionItemMarkdown', () => {
  it('writes `- [ ] text — owner, due date`', () => {
    const [first, , , done] = parsePostmortem(fixture('examples/checkout-latency.postmortem.md')).actionItems;
    assert.equal(formatActionItemMarkdown(first), '- [ ] Set maxConnections explicitly in all payment service configs — @maria, due 2026-03-21');
    assert.equal(formatActionItemMarkdown(done), '- [x] Roll back payments-client to 4.1.3 — @oncall-eu, due 2026-03-14');
    assert.equal(formatActionItemMarkdown({ done: false, text: 'Fix', owner: null, due: null }), '- [ ] Fix');
    assert.equal(formatActionItemMarkdown({ done: false, text: 'Fix', owner: null, due: '2026-04-01' }), '- [ ] Fix — due 2026-04-01');
  });
});
