import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../../../../src/core/analyze';
import { parsePostmortem } from '../../../../src/core/model/parse';
import { sectionKindOf } from '../../../../src/core/model/sections';
import { formatDuration, formatTimeValue } from '../../../../src/core/model/time';
import { FIXTURES, line, parseFixture } from '../../helpers';

describe('model: shared examples match EXPECTED.md', () => {
  it('checkout-latency: 8 events, 4 action items, owners, TTD/TTM/TTR', () => {
    const doc = parseFixture('examples/checkout-latency.postmortem.md');
    assert.equal(doc.title, 'Checkout latency spike after payments client upgrade');
    assert.equal(doc.metadata.id?.value, 'INC-2041');
    assert.equal(doc.metadata.severity?.value, 'SEV2');
    assert.equal(doc.metadata.status?.value, 'in-review');
    assert.deepEqual(doc.metadata.authors?.value, ['@maria', '@dev.k']);
    assert.equal(doc.timeline.length, 8);
    assert.deepEqual(doc.timeline.map((e) => e.phase).filter(Boolean), ['started', 'detected', 'mitigated', 'resolved']);
    assert.equal(formatTimeValue(doc.timeline[0].time!), '2026-03-14T13:40:00Z');
    assert.equal(line(doc.timeline[0].range), 34);
    assert.equal(doc.actionItems.length, 4);
    assert.deepEqual(doc.actionItems.map((a) => a.owner), ['@maria', '@dev.k', 'Priya Natarajan', '@oncall-eu']);
    assert.deepEqual(doc.actionItems.map((a) => a.due), ['2026-03-21', '2026-03-25', '2026-04-15', '2026-03-14']);
    assert.deepEqual(doc.actionItems.map((a) => a.done), [false, false, false, true]);
    assert.equal(doc.metrics.ttdMinutes, 14);
    assert.equal(doc.metrics.ttmMinutes, 53);
    assert.equal(doc.metrics.ttrMinutes, 92);
    assert.equal(formatDuration(doc.metrics.ttrMinutes), '1 h 32 min');
    assert.deepEqual(doc.problems, []);
  });

  it('firmware-ota: 7 events over two days in +02:00, table actions, phase words', () => {
    const doc = parseFixture('examples/firmware-ota.postmortem.md');
    assert.equal(doc.metadata.severity?.value, 'SEV1');
    assert.equal(doc.metadata.status?.value, 'draft');
    assert.equal(doc.metadata.id?.value, 'FW-117');
    assert.deepEqual(doc.metadata.facilitator?.value, ['Lena Fischer']);
    assert.equal(doc.timeline.length, 7);
    assert.deepEqual(
      doc.timeline.map((e) => formatTimeValue(e.time!)),
      ['2026-05-02T09:00:00+02:00', '2026-05-02T09:40:00+02:00', '2026-05-02T10:15:00+02:00', '2026-05-02T10:22:00+02:00', '2026-05-02T23:30:00+02:00', '2026-05-03T08:10:00+02:00', '2026-05-03T17:05:00+02:00'],
    );
    assert.equal(formatTimeValue(doc.metrics.detected!), '2026-05-02T10:15:00+02:00');
    assert.equal(formatTimeValue(doc.metrics.mitigated!), '2026-05-03T08:10:00+02:00');
    assert.equal(formatTimeValue(doc.metrics.resolved!), '2026-05-03T17:05:00+02:00');
    assert.equal(doc.metrics.ttdMinutes, 75);
    assert.equal(doc.actionItems.length, 4);
    assert.equal(doc.actionItems.filter((a) => !a.done).length, 3);
    assert.deepEqual(doc.actionItems.map((a) => a.owner), ['Tomás Ortega', '@lena', 'Supply chain + firmware leads', '@arun']);
    assert.ok(doc.actionItems.every((a) => a.form === 'table'));
    assert.equal(doc.allSections.find((s) => s.heading === 'Corrective Actions')?.kind, 'actionItems');
    assert.equal(doc.allSections.find((s) => s.heading === '2026-05-02')?.kind, undefined);
  });

  it('needs-work: problems at the lines EXPECTED.md names, invalid dates stay null', () => {
    const doc = parseFixture('examples/needs-work.postmortem.md');
    const byCode = doc.problems.map((p) => `${p.code}@${line(p.range)}`);
    assert.deepEqual(byCode, ['front-matter-severity@3', 'front-matter-status@4', 'front-matter-date@5', 'timeline-time-invalid@19', 'action-item-deadline-invalid@30']);
    const retrain = doc.actionItems[2];
    assert.equal(retrain.owner, 'team lead');
    assert.equal(retrain.due, null);
    assert.equal(retrain.dueRaw, '2026-13-01');
    assert.equal(doc.timeline[3].timeInvalid, true);
    assert.equal(doc.sections[0].children.some((s) => s.kind === 'impact'), false);
  });
});

describe('model: accepted forms', () => {
  it('table timeline with a date column, IANA zone, midnight and an explicit UTC time', () => {
    const doc = parseFixture('forms/table-timeline-zones.postmortem.md');
    assert.equal(doc.metadata.status?.value, 'in-review');
    assert.equal(doc.metadata.severity?.value, 'P1');
    assert.deepEqual(
      doc.timeline.map((e) => formatTimeValue(e.time!)),
      ['2026-01-31T22:50:00+01:00', '2026-01-31T23:40:00+01:00', '2026-02-01T00:20:00+01:00', '2026-02-01T01:05:00+01:00', '2026-02-01T02:10:00Z'],
    );
    assert.equal(doc.metrics.ttrMinutes, 260);
  });

  it('table action items: synonyms for columns, done status, tolerant dates, tickets, empty owner', () => {
    const doc = parseFixture('forms/table-timeline-zones.postmortem.md');
    const [a, b, c] = doc.actionItems;
    assert.deepEqual([a.owner, a.due, a.done, a.tickets], ['Zoë Müller', '2026-02-20', true, ['SRCH-88']]);
    assert.deepEqual([b.owner, b.due, b.dueRaw, b.done, b.tickets], ['@ops-team', '2026-02-27', 'Feb 27, 2026', false, ['#412']]);
    assert.deepEqual([c.owner, c.due], [null, null]);
  });

  it('times written as offsets from the clock time above (`[+1 hrs]`, `+10 minutes`, `T+25h`)', () => {
    const doc = parseFixture('forms/relative-times.postmortem.md');
    assert.deepEqual(
      doc.timeline.map((e) => [formatTimeValue(e.time!), e.relative ?? false]),
      [
        ['2026-03-09T23:10:00Z', false],
        ['2026-03-10T00:10:00Z', true],
        ['2026-03-10T00:40:00Z', true],
        ['2026-03-11T00:10:00Z', true],
        // The list under "Retrial timeline" has its own clock time to count from.
        ['2026-03-11T09:00:00Z', false],
        ['2026-03-11T09:10:00Z', true],
        ['2026-03-11T10:10:00Z', true],
      ],
    );
    // "+2 Business Days Later" is a date, not an unreadable time; "+1 from the storage team" is no time at all.
    assert.deepEqual(doc.problems.filter((p) => p.code.startsWith('timeline-time')), []);
    assert.equal(doc.metrics.ttdMinutes, 60);
    assert.equal(doc.metrics.ttmMinutes, 90);
  });

  it('an offset before any clock time is an event with no time yet, counted with the placeholders', () => {
    const doc = parsePostmortem('# T\n\n## Timeline\n\n- +10 minutes paged\n- --:-- rolled back\n- 10:00 resolved\n- +5 min closed\n');
    assert.deepEqual(doc.timeline.map((e) => [e.timeUnknown ?? false, e.relative ?? false]), [[true, false], [true, false], [false, false], [false, true]]);
    assert.deepEqual(doc.problems.filter((p) => p.code === 'timeline-time-unknown').map((p) => p.message), ['2 events have no time yet: fill in the times.']);
  });

  it('bold key lines, numbered headings, day headings, list separators and owner phrases', () => {
    const doc = parseFixture('forms/list-variants.postmortem.md');
    assert.equal(doc.metadata.severity?.value, 'SEV3');
    assert.equal(doc.metadata.status?.value, 'final');
    assert.deepEqual(doc.metadata.authors?.value, ['@ana', 'Bo Chen']);
    assert.equal(doc.allSections.find((s) => s.heading === '3. Sequence of Events')?.kind, 'timeline');
    assert.equal(doc.allSections.find((s) => s.heading === 'TL;DR')?.kind, 'summary');
    assert.equal(doc.timeline.length, 5);
    assert.deepEqual(doc.timeline.map((e) => e.text), ['Partner API starts returning 503', 'Retry queue alert', 'Retries paused', 'Mitigated: backoff with jitter deployed', 'Queue empty']);
    assert.equal(doc.timeline[0].day, 'Day 1');
    assert.equal(doc.metrics.ttdMinutes, 15);
    assert.equal(doc.metrics.ttrMinutes, 150);
    const [jitter, cap, pause, share] = doc.actionItems;
    assert.deepEqual([jitter.owner, jitter.due, jitter.tickets], ['Bo Chen', '2026-08-01', ['JIRA-77']]);
    assert.deepEqual([cap.owner, cap.due], ['Priya', '2026-08-01']);
    assert.deepEqual([pause.owner, pause.due, pause.done], ['@ana', '2026-07-10', true]);
    assert.deepEqual([share.owner, share.due, share.dueInvalid], [null, null, true]);
  });

  it('times crossing midnight move to the next day', () => {
    const doc = parseFixture('forms/midnight.postmortem.md');
    assert.deepEqual(doc.timeline.map((e) => e.time?.date), ['2026-04-10', '2026-04-10', '2026-04-11', '2026-04-11']);
    assert.equal(doc.metrics.ttrMinutes, 105);
    assert.equal(doc.timeline[0].time?.zone, 'UTC');
  });

  it('owner and deadline ranges point at the text', () => {
    const doc = parseFixture('examples/checkout-latency.postmortem.md');
    const item = doc.actionItems[0];
    const slice = (r: typeof item.textRange) => doc.text.slice(doc.lineStarts[r.start.line] + r.start.character, doc.lineStarts[r.end.line] + r.end.character);
    assert.equal(slice(item.ownerRange!), '@maria');
    assert.equal(slice(item.dueRange!), '2026-03-21');
    assert.equal(slice(item.doneMarkerRange!), '[ ]');
    assert.equal(slice(item.textRange), 'Set `maxConnections` explicitly in all payment service configs');
    assert.equal(slice(doc.timeline[2].timeRange), '14:02');
  });
});

describe('model: action items as people list them', () => {
  it('a sentence that introduces follow-ups before a list ("To prevent similar issues…:", "…will address the following…:")', () => {
    const doc = parseFixture('forms/follow-up-intro.postmortem.md');
    // The steps taken to restore service are not follow-ups.
    assert.deepEqual(doc.actionItems.map((a) => a.text), [
      'A periodic job has been added that renews the certificates and alerts on errors.',
      'A daily check verifies that every domain has a certificate valid for two more weeks.',
      'Move the renewal job into the main scheduler.',
      'Page a second person when renewal fails.',
    ]);
  });

  const items = (text: string) => parsePostmortem(text).actionItems.map((a) => `${a.done ? '[x] ' : ''}${a.text}`);

  it('the nested items of a group label are the items; a colon line opening with "A" is one item with details', () => {
    const doc = '# T\n\n## Action items\n\n- Short term:\n  - Add alerting on disk\n  - Rotate keys\n- A better process for flagging fires quickly:\n  - Alerts for issues that gain thumbs up\n- Fix the cron job\n';
    assert.deepEqual(items(doc), ['Add alerting on disk', 'Rotate keys', 'A better process for flagging fires quickly:', 'Fix the cron job']);
  });

  it('"Future Actions" under another section is a follow-up section; one sentence per line gives one item per line', () => {
    const doc =
      '# T\n\n## Timeline\n\n- 10:00 deploy\n\n### Future Actions\nThe team will rescope the cookie for all services.\nCloud Platform 3.0 will contain separate clusters.\nIt will also need new routing.\n\n## Lessons\n\nWe were lucky\nthat it was a quiet day and nobody noticed.\n';
    assert.deepEqual(items(doc), ['The team will rescope the cookie for all services.', 'Cloud Platform 3.0 will contain separate clusters. It will also need new routing.']);
  });

  it('a promise that introduces a list makes its entries items', () => {
    const doc = '# T\n\n## Recovery and lessons\n\nGoing forward, we will do the following to avoid this:\n\n- Add monitoring for replica lag\n- Increase rate limits for node operators\n\nBedrock fixes this. Specifically:\n\n- There will be no more polling\n';
    assert.deepEqual(items(doc), ['Add monitoring for replica lag', 'Increase rate limits for node operators']);
  });

  it('"Ticket raised to …" and "Team discussed …" are not done; "A remediation was applied:" is not a follow-up label', () => {
    const doc = '# T\n\n- **Review actions**:\n  - Ticket raised to configure the provider #3589\n  - Team discussed about having closer inspection\n  - Added an alert on disk usage\n\n## Updates\n\n- A remediation was applied: DigitalOcean is now used for containers\n';
    assert.deepEqual(items(doc), ['Ticket raised to configure the provider #3589', 'Team discussed about having closer inspection', '[x] Added an alert on disk usage']);
  });
});

describe('model: forms of the dev9 documents', () => {
  const items = (text: string) => parsePostmortem(text).actionItems.map((a) => `${a.done ? '[x] ' : ''}${a.text}`);

  it('a closing "We already implemented that now." marks the item done; "This will be done next week." does not', () => {
    const doc = '# T\n\n## Action Items\n\n- Running `rake` should only print a warning. We already implemented that now.\n- Alert when the search daemon is down. This will be done next week.\n- Pin the gem versions. It is now in place.\n';
    assert.deepEqual(items(doc), ['[x] Running rake should only print a warning. We already implemented that now.', 'Alert when the search daemon is down. This will be done next week.', '[x] Pin the gem versions. It is now in place.']);
  });

  it('"Follow-up roadmap: `docs/…md`" among the references points to the follow-ups; "Follow-up: rotate the keys" is one', () => {
    const doc = '# T\n\n## References\n\n- Related incident: `docs/incidents/2026-01-08.md`\n- Follow-up roadmap: `docs/planning/hardening.md`\n\n## Notes\n\n- Follow-up: rotate the keys\n';
    assert.deepEqual(items(doc), ['rotate the keys']);
  });

  it('infers detection from "receive an influx of emails" and "saw these notifications and began to investigate"', () => {
    const doc = parsePostmortem('# T\n\n## What happened\n\n- 06:20: Admins receive an influx of emails from users.\n- 08:00: An admin saw these notifications and began to investigate.\n- 09:00: The accounts were frozen.\n');
    assert.deepEqual(doc.timeline.map((e) => e.phase), ['detected', null, null]);
  });
});

describe('model: forms of the dev4 documents (forms/subheading-follow-ups.postmortem.md)', () => {
  const doc = parseFixture('forms/subheading-follow-ups.postmortem.md');

  it('reads a time inside a template\'s braces ("### {{ 06:10 }}") and "0:25 AM" as 00:25', () => {
    assert.deepEqual(doc.timeline.map((e) => [e.time?.minutes, e.timeInvalid]), [[6 * 60 + 10, false], [7 * 60 + 45, false], [25, false]]);
    assert.deepEqual(doc.problems.filter((p) => p.code === 'timeline-time-invalid'), []);
  });

  it('a table headed "Action Item" is a list of follow-ups wherever it is; sub-headings with prose under a follow-up heading are the items', () => {
    assert.deepEqual(doc.actionItems.map((a) => [a.text, a.owner ?? null, a.done]), [
      ['Review concurrency for interconnect requests', 'Backend team', false],
      ['Long term: scale the interconnect feature', 'Developer team', false],
      ['Mirror production closer in the CI cycle', null, false],
      ['Faster deployment revert', null, false],
    ]);
  });

  it('an imperative after an adverb is open work ("Always set a billing alert …" is not past tense)', () => {
    const items = parsePostmortem('# T\n\n## Action items\n\n- Always set a billing alert at a conservative amount\n- Perform regular and tested backups of the database\n- Added an alert on disk usage\n').actionItems;
    assert.deepEqual(items.map((a) => a.done), [false, false, true]);
  });
});

describe('model: forms of the dev5 documents (forms/compact-table-times.postmortem.md)', () => {
  const doc = parseFixture('forms/compact-table-times.postmortem.md');

  it('reads four-digit times in a column headed Time, and "10.42:" leading a list entry, as clock times', () => {
    assert.deepEqual(doc.timeline.map((e) => [e.time?.minutes, e.timeInvalid]), [[7 * 60 + 30, false], [8 * 60 + 9, false], [12 * 60 + 30, false]]);
    assert.deepEqual(doc.problems.filter((p) => p.code === 'timeline-time-invalid'), []);
    const dotted = parsePostmortem('# T\n\n## Timeline\n\n - 10.42: the application became unavailable.\n - 10.56: it came back.\n\nThe limit was raised from 10.5 to 12.5 GB.\n');
    assert.deepEqual(dotted.timeline.map((e) => e.time?.minutes), [10 * 60 + 42, 10 * 60 + 56]);
    // Version numbers are not clock times: a one-digit "hour" never leads an event this way.
    const versions = parsePostmortem('# T\n\n## Affected versions\n\n- 1.24 - affected\n- 1.25 - affected\n- 1.26 - fixed\n- 2.01: not affected\n');
    assert.deepEqual(versions.timeline, []);
  });

  it('the event is the Description column, not the "Event Type" column', () => {
    assert.equal(doc.timeline[0].text, 'The operator renews the metadata.');
  });

  it('reads "owner=ops" and "owner: platform" as owners, and "How users were affected" as the impact', () => {
    assert.deepEqual(doc.actionItems.map((a) => [a.owner ?? null, a.done]), [['ops', false], ['platform', true]]);
    assert.equal(doc.allSections.find((s) => s.kind === 'impact')?.heading, 'How users were affected');
  });
});

describe('model: prose chronologies and suggestion sections (forms/narrative-chronology, what-happened-narrative, long-title-heading)', () => {
  const chronology = parseFixture('forms/narrative-chronology.postmortem.md');
  const narrative = parseFixture('forms/what-happened-narrative.postmortem.md');
  const longTitle = parseFixture('forms/long-title-heading.postmortem.md');

  it('"Summary of events" and "Decision log" are chronologies; a paragraph with two zoned times is one event, at the first', () => {
    assert.deepEqual(chronology.allSections.filter((s) => s.kind === 'timeline').map((s) => s.heading), ['Summary of events', 'Decision log']);
    assert.deepEqual(chronology.timeline.map((e) => e.time?.minutes), [9 * 60 + 30, 10 * 60 + 10, 10 * 60 + 5]);
  });

  it('a code block with one timed line is a log excerpt, not events', () => {
    assert.ok(!chronology.timeline.some((e) => e.source === 'code'));
    const twoLines = parsePostmortem('# T\n\n## Timeline\n\n```\n10:00 alert fired\n10:20 rolled back\n```\n');
    assert.deepEqual(twoLines.timeline.map((e) => [e.source, e.time?.minutes]), [['code', 600], ['code', 620]]);
  });

  it('a key line ending in a hard break is read without the backslash; "Status: Resolved" is the incident state, not a finding', () => {
    assert.equal(chronology.metadata.date?.value, '2026-03-30');
    assert.deepEqual(chronology.problems.filter((p) => p.code.startsWith('front-matter')), []);
  });

  it('each chronology keeps its own order, and the start is the earliest dated event', () => {
    const { findings } = analyzeText(readFileSync(join(FIXTURES, 'forms/narrative-chronology.postmortem.md'), 'utf8'));
    assert.deepEqual(findings.filter((f) => f.rule === 'timeline-order' || f.rule === 'key-time-order').map((f) => f.message), []);
    const decisionsFirst = parsePostmortem('# T\n\n## Decision log\n\n- 2026-03-30T10:17Z — Decision: stop the worker\n\n## Timeline\n\n- 2026-03-30T06:20Z — errors begin\n- 2026-03-30T09:52Z — operator notices the failing jobs\n');
    assert.equal(decisionsFirst.metrics.started?.minutes, 6 * 60 + 20);
  });

  it('without a timeline section, a "What happened" narrative holds the events, a line with "at 11:58" among them', () => {
    assert.deepEqual(narrative.timeline.map((e) => e.time?.minutes), [11 * 60 + 32, 11 * 60 + 58]);
    assert.equal(line(narrative.timeline[1].range), 12);
  });

  it('"Possible improvements" beside "Actions" are ideas, not action items; "Recommendations" alone are the follow-ups', () => {
    assert.deepEqual(chronology.actionItems.map((a) => a.owner), ['@platform', '@sre']);
    assert.equal(chronology.allSections.find((s) => s.heading === 'Possible improvements')?.kind, undefined);
    assert.deepEqual(narrative.actionItems.map((a) => a.text), ['Keep the previous package in the repository until the next release is healthy']);
  });

  it('a long title is not a section named by a typo ("Auction" is not "action")', () => {
    assert.equal(longTitle.allSections[0].kind, undefined);
    assert.equal(parsePostmortem('# T\n\n## What happend?\n\ntext\n').allSections[1].kind, 'summary');
  });
});

describe('model: hour ranges with one meridiem (forms/hour-range-meridiem)', () => {
  const doc = parseFixture('forms/hour-range-meridiem.postmortem.md');

  it('"between ~8-9 PM" at the end of an entry is an approximate event at 20:00; "11 to 2 am" starts at 23:00', () => {
    assert.deepEqual(doc.timeline.map((e) => [line(e.range), e.time?.minutes, e.approximate ?? false]), [[7, 20 * 60, true], [8, 23 * 60, false]]);
    assert.equal(doc.timeline[0].text, '2023-02-01 - Summary of the issue updated');
  });

  it('the first hour takes the meridiem after the second unless it would come after it', () => {
    const read = (text: string) => parsePostmortem(`# T\n\n## Timeline\n\n- ${text}\n`).timeline.map((e) => e.time?.minutes);
    assert.deepEqual(read('8 - 9pm alert fired'), [20 * 60]);
    assert.deepEqual(read('10-12 PM window of errors'), [10 * 60]);
    assert.deepEqual(read('12-1 PM lunch-time spike'), [12 * 60]);
    assert.deepEqual(read('5-7 replicas were lost'), []);
    // Only 12-hour hours share a meridiem; a clock range takes it too ("8:30-9:30 PM" is an evening hour).
    assert.deepEqual(read('9-13 pm nothing'), []);
    assert.deepEqual(read('0-1 am nothing'), []);
    assert.deepEqual(read('8:30-9:30 PM errors'), [20 * 60 + 30]);
    assert.deepEqual(read('8-9:30 PM errors'), [20 * 60]);
    assert.deepEqual(read('8:30 AM-9:30 PM errors'), [8 * 60 + 30]);
  });
});

describe('model: 12-hour clocks without am/pm (real-corpus ethereum-pm sepolia)', () => {
  const minutes = (text: string) => parsePostmortem(text).timeline.map((e) => e.time?.minutes);

  it('where the document writes am/pm, "1:17" after "11:57" is 13:17, and events under "### 1:42-1:59 PM" are afternoon', () => {
    const doc = '# T\n\n## Timeline\n\n### 10:45-11:57 AM: Fix\n\n- 11:50: PSA shared\n- 11:57: discussion\n- 1:17: test shared\n\n### 1:42-1:59 PM: Releases\n\n- 1:42: releases pass\n- 1:59: rollout\n';
    assert.deepEqual(minutes(doc), [11 * 60 + 50, 11 * 60 + 57, 13 * 60 + 17, 13 * 60 + 42, 13 * 60 + 59]);
    assert.deepEqual(analyzeText(doc).findings.filter((f) => f.rule === 'timeline-order'), []);
  });

  it('in 24-hour text, and for a step back of more than six hours, a step back stays an ordering mistake', () => {
    assert.deepEqual(minutes('# T\n\n## Timeline\n\n- 11:57 discussion\n- 1:17 test shared\n'), [11 * 60 + 57, 60 + 17]);
    assert.deepEqual(minutes('# T\n\n## Timeline\n\n- 9:00 AM start\n- 11:57 discussion\n- 4:17 late\n- 5:17 later\n').slice(2), [16 * 60 + 17, 17 * 60 + 17]);
    assert.deepEqual(minutes('# T\n\n## Timeline\n\n- 11:00 PM late\n- 2:00 next\n').slice(1), [2 * 60]);
  });
});

describe('model: commitments in prose (real-corpus dev6, drand/website)', () => {
  const doc = parsePostmortem(`# T

## Background

We will focus on the default network for the remainder of the post-mortem, though the other networks stopped too. We will add an alert on missed rounds.

We'll describe the migration bug in the next section.

## Next steps

- the drand team will patch all the issues identified and release a new version
- Platform team is going to add a canary stage
- we will run the ceremony again in the coming weeks
- Also, The SRE team will page on missed rounds
`);

  it('commitments that only sound like the write-up are still items', () => {
    const prose = parsePostmortem('# T\n\n## Lessons\n\nGoing forward, we will focus on improving our alerting coverage. We will discuss the SLA with the vendor. We will include the load-test results in the next report.\n');
    assert.equal(prose.actionItems.length, 3);
  });

  it('a promise about the write-up ("we will focus on … for the remainder of the post-mortem") is not an action item', () => {
    assert.deepEqual(doc.actionItems.map((a) => a.text.slice(0, 26)), ['We will add an alert on mi', 'the drand team will patch ', 'Platform team is going to ', 'we will run the ceremony a', 'Also, The SRE team will pa']);
  });

  it('a team that opens an item as the one who will do it is its owner', () => {
    assert.deepEqual(doc.actionItems.map((a) => a.owner ?? null), [null, 'the drand team', 'Platform team', null, 'The SRE team']);
    assert.equal(parsePostmortem('# T\n\n## Next steps\n\n- The platform team will add a canary stage\n').actionItems[0].owner, 'The platform team');
    // "The team", "Each team", "Which team": no one in particular; the owner finding must still ask for one.
    const vague = ['The team will review alert thresholds', 'Our team will investigate the leak', 'Each team will add a dashboard', 'Which team will own the cache migration? TBD'];
    const named = ['The SRE Team will add paging', 'Additionally, the storage team will expand disks'];
    const owners = parsePostmortem(`# T\n\n## Next steps\n\n${[...vague, ...named].map((i) => `- ${i}`).join('\n')}\n`).actionItems.map((a) => a.owner ?? null);
    assert.deepEqual(owners, [null, null, null, null, 'The SRE Team', 'the storage team']);
    assert.equal(line(doc.actionItems[1].ownerRange!), 11);
  });
});

describe('model: a template\'s checklist for the write-up (real-corpus dev4, berkeley-dsep-infra/datahub)', () => {
  it('"Sections above are filled out" and the like are not action items; a real item beside them keeps the list', () => {
    const checklist = '- [ ] Incident has been dealt with or is over\n- [ ] Sections above are filled out\n- [ ] Incident title and after-action report is cleaned up\n- [ ] All actionable items above have linked GitHub Issues\n';
    assert.deepEqual(parsePostmortem(`# T\n\n## Action items\n\n1. Add a staging smoke test\n\n## Actions\n\n${checklist}`).actionItems.map((a) => a.text), ['Add a staging smoke test']);
    assert.equal(parsePostmortem(`# T\n\n## Actions\n\n${checklist}- [ ] Add a staging smoke test\n`).actionItems.length, 5);
    // Work that mentions the sections or a disk filling up is work.
    assert.equal(parsePostmortem('# T\n\n## Action items\n\n- Fix the bugs described in the sections above\n- Add the alerts listed in the sections below\n').actionItems.length, 2);
    assert.equal(parsePostmortem('# T\n\n## Action items\n\n- Ensure disks are not filled in under an hour\n- Alert when the volume is filled in 10 min\n').actionItems.length, 2);
  });
});

describe('model: malformed input never throws', () => {
  it('broken YAML reports the parser position', () => {
    const doc = parseFixture('forms/broken-yaml.postmortem.md');
    assert.ok(doc.problems.length >= 1);
    assert.ok(doc.problems.every((p) => p.code === 'front-matter-yaml'));
    assert.equal(line(doc.problems[0].range), 3);
    assert.equal(doc.allSections[0].kind, 'summary');
  });

  it('half-typed tables', () => {
    const doc = parseFixture('forms/half-table.postmortem.md');
    assert.equal(doc.timeline.length, 2);
    // "noon" is a time a person can read.
    assert.equal(doc.timeline[1].timeInvalid, false);
    assert.equal(doc.timeline[1].time?.minutes, 12 * 60);
    assert.ok(Array.isArray(doc.actionItems));
  });

  it('empty file, only front matter, unclosed front matter', () => {
    assert.deepEqual(parsePostmortem('').timeline, []);
    const only = parseFixture('forms/only-front-matter.postmortem.md');
    assert.equal(only.metadata.severity?.value, 'SEV4');
    assert.equal(only.sections.length, 0);
    const unclosed = parsePostmortem('---\ntitle: x\n\n## Summary\n');
    assert.equal(unclosed.problems[0].code, 'front-matter-yaml');
  });

  it('CRLF line endings keep ranges on the right characters', () => {
    const doc = parseFixture('forms/crlf.postmortem.md');
    assert.equal(doc.metadata.severity?.value, 'SEV3');
    assert.equal(doc.timeline.length, 2);
    assert.equal(doc.actionItems[0].owner, '@kim');
    const due = doc.actionItems[0].dueRange!;
    assert.equal(doc.text.slice(doc.lineStarts[due.start.line] + due.start.character, doc.lineStarts[due.end.line] + due.end.character), '2026-03-01');
  });

  it('tabs and non-Latin owner handles', () => {
    const doc = parseFixture('forms/tabs.postmortem.md');
    assert.equal(doc.timeline.length, 2);
    assert.equal(doc.actionItems[0].owner, '@سارا');
  });

  it('BOM, binary junk and a 2 MB file', function () {
    this.timeout(120000);
    const bom = parsePostmortem('\uFEFF---\nseverity: SEV2\n---\n## Summary\nx\n');
    assert.equal(bom.metadata.severity?.value, 'SEV2');
    const junk = parsePostmortem('\u0000\u0001\u0002## \uFFFD\uD800 x\n- [ ] \u0007 @\u0000\n|||\n---\n');
    assert.ok(Array.isArray(junk.sections));
    const big = ['---', 'title: big', 'date: 2026-01-01', '---', '## Timeline', ''];
    let size = 0;
    for (let i = 0; size < 2 * 1024 * 1024; i++) {
      const entry = `- ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} — event number ${i} with some words to fill the line`;
      big.push(entry);
      size += entry.length + 1;
    }
    const doc = parsePostmortem(big.join('\n'));
    assert.ok(doc.timeline.length > 20000);
  });

  it('a 10 MB file under the default limit degrades to one problem without parsing', () => {
    const text = `## Timeline\n\n${'- 10:00 — a line of a pasted log that goes on and on\n'.repeat(200_000)}`;
    assert.ok(text.length > 10 * 1024 * 1024);
    const doc = parsePostmortem(text);
    assert.deepEqual(doc.problems.map((p) => p.code), ['file-too-large']);
    assert.match(doc.problems[0].message, /postmortem\.maxFileSize/);
    assert.equal(doc.lineCount, 200_003);
  });

  it('one 1 MB line (a pasted minified blob) is analysed with ranges on that line', function () {
    this.timeout(60000);
    const text = `## Summary\n\n${'x'.repeat(1024 * 1024)} human error\n`;
    const doc = parsePostmortem(text);
    assert.equal(doc.blocks.at(-1)!.start, text.indexOf('x'));
    assert.equal(doc.lineCount, 4);
  });

  it('files over the size limit give one problem and an empty model', () => {
    const doc = parsePostmortem('x'.repeat(1000), { maxFileSize: 100 });
    assert.equal(doc.truncated, true);
    assert.deepEqual(doc.problems.map((p) => p.code), ['file-too-large']);
  });
});

describe('model: key times and undated events (bugs/key-times-out-of-order.postmortem.md)', () => {
  const doc = parsePostmortem(readFileSync(join(FIXTURES, 'bugs', 'key-times-out-of-order.postmortem.md'), 'utf8'));

  it('undated events belong to the day of the front matter key times: a 10:20 check after resolution extends the duration', () => {
    assert.equal(doc.timeline[3].time?.date, '2026-03-14');
    assert.equal(doc.metrics.durationMinutes, 80);
    assert.equal(doc.metrics.ttrMinutes, 65);
  });

  it('metrics built on key times out of order are doubted, with the reason', () => {
    assert.match(doc.metrics.doubts.ttm ?? '', /Mitigated \(2026-03-14 09:04\) is before detected/);
    assert.equal(doc.metrics.doubts.ttr, undefined);
  });
});

describe('model: a status-page post (forms/status-page-post: Jekyll front matter, bold labels, "At ~11:30am" paragraphs)', () => {
  const doc = parseFixture('forms/status-page-post.postmortem.md');
  const analysis = analyzeText(readFileSync(join(FIXTURES, 'forms/status-page-post.postmortem.md'), 'utf8'), { today: '2026-03-20' });

  it('a front-matter date with its time and offset ("2020-03-26 12:34:00 +0000") is that date, not a problem', () => {
    assert.equal(doc.metadata.date?.value, '2020-03-26');
    assert.deepEqual(analysis.findings.filter((f) => f.rule === 'front-matter').map((f) => f.message), []);
    assert.ok(!analysis.findings.some((f) => /is not a date/.test(f.message)));
  });

  it('"At ~11:30am" starts an event: the approximation may follow the lead word', () => {
    assert.deepEqual(doc.timeline.map((e) => [e.time?.minutes, e.approximate === true]), [[11 * 60 + 30, true], [11 * 60 + 59, true], [12 * 60 + 4, true]]);
  });

  it('"a fix was implemented" is when impact stopped (inferred)', () => {
    assert.deepEqual(doc.timeline.map((e) => e.phase ?? 'none'), ['detected', 'none', 'mitigated']);
  });
});

describe('model: a short status post (question headings, impact told as a gateway timeout)', () => {
  const text = '# SSO Dev - Gateway Timeout (504)\n\nToday between approximately 3:30PM and 4:00PM users accessing SSO Dev would get a 504 Gateway Timeout response.\n\n## What was the issue?\n\nThe new network policies left out one rule from the migration guide.\n';

  it('"What was the issue?" is the root cause; a 504 timeout in the intro is the impact', () => {
    const doc = parsePostmortem(text);
    assert.equal(doc.allSections.find((s) => s.heading.startsWith('What was'))?.kind, 'rootCause');
    assert.ok(doc.found.some((f) => f.kind === 'impact' && f.how === 'content' && f.block < doc.allSections[1].block));
    const findings = analyzeText(text, { today: '2026-03-20' }).findings.filter((f) => f.rule === 'required-section');
    assert.ok(!findings.some((f) => /"(?:Impact|Root Cause)" section is missing/.test(f.message)), findings.map((f) => f.message).join('\n'));
  });
});

describe('model: a list of the problems found inside the follow-up section is not follow-ups', () => {
  const text = '# Router outage\n\n## Future Work\n\n### Identified Problems:\n\n- Lack of a redundant fallback for the routers.\n- Router access relies on the internal proxy.\n\n### Improvement Plan:\n\n- Add an external jump server.\n- Add a second uplink.\n';

  it('"### Identified Problems:" under "## Future Work" is read as causes; the items are the plan', () => {
    const doc = parsePostmortem(text);
    assert.deepEqual(doc.actionItems.map((i) => i.text), ['Add an external jump server.', 'Add a second uplink.']);
    assert.equal(doc.allSections.find((s) => s.heading.startsWith('Identified'))?.kind, 'rootCause');
    // "### Completed" and "### Root cause fixes" stay groups of follow-ups.
    const groups = parsePostmortem('# T\n\n## Action Items\n\n### Root cause fixes\n\n- Fix the retry loop.\n\n### Completed\n\n- [x] Roll back.\n');
    assert.deepEqual(groups.actionItems.map((i) => i.text), ['Fix the retry loop.', 'Roll back.']);
  });
});

describe('model: a date whose time is to be confirmed', () => {
  it('"First detected 2023-01-04 (Time TBC)" is an event with its time unknown (an info), not dropped', () => {
    const text = '# T\n\n- **Key events**\n  - First detected 2023-01-04 (Time TBC)\n  - Incident declared: 2023-01-05 08:56\n  - Resolved 2023-02-01 10:30\n';
    const doc = parsePostmortem(text);
    assert.deepEqual(doc.timeline.map((e) => [e.text, e.time?.minutes ?? null]), [['First detected', null], ['Incident declared', 8 * 60 + 56], ['Resolved', 10 * 60 + 30]]);
    const findings = analyzeText(text, { today: '2026-03-20' }).findings.filter((f) => f.rule === 'timeline-time-invalid');
    assert.deepEqual(findings.map((f) => f.severity), ['info']);
  });
});

describe('model: a titled item with its details as a list', () => {
  it('"Jump Server Access: Configure …, allowing:" is one item; its list is details; "The following will be done:" still introduces items', () => {
    const doc = parsePostmortem('# T\n\n## Improvement Plan\n\nJump Server Access: Configure external jump server access, allowing:\n - Simple SSH access via the jump host.\n - Access management via per-user keys.\n\nNetwork Redundancy:\n - Improve the setup to have more redundancy.\n');
    assert.deepEqual(doc.actionItems.map((i) => i.text), ['Jump Server Access: Configure external jump server access, allowing:', 'Improve the setup to have more redundancy.']);
    const plain = parsePostmortem('# T\n\n## Action Items\n\nThe following will be done:\n\n- Add a jump host.\n- Add a second uplink.\n');
    assert.deepEqual(plain.actionItems.map((i) => i.text), ['Add a jump host.', 'Add a second uplink.']);
  });
});

describe('model: work in progress written as prose is a follow-up', () => {
  it('"we are building tests to verify …" in a follow-up section is an item; a paragraph that only reports is not', () => {
    const doc = parsePostmortem("# T\n\n## What we're doing differently\n\nBased on what we have observed, we are building tests to verify this behaviour in the systems we build.\n\nThe outage lasted two hours across both zones.\n");
    assert.deepEqual(doc.actionItems.map((i) => i.text), ['Based on what we have observed, we are building tests to verify this behaviour in the systems we build.']);
  });
});

describe('model: follow-up forms of dev8 (FT origami, LiteLLM)', () => {
  it('a "✅ Done" status marks the row done; "What could be done to avoid this in future?" is the follow-up section', () => {
    const table = parsePostmortem('# T\n\n## Remediation\n\n| Action | Status | PR |\n|---|---|---|\n| Remove the override | ✅ Done | #1 |\n| Add an e2e test | In progress | #2 |\n');
    assert.deepEqual(table.actionItems.map((i) => [i.text, i.done]), [['Remove the override', true], ['Add an e2e test', false]]);
    const heading = parsePostmortem('# T\n\n## What could be done to avoid this in future?\n\n- Write tests for tinting.\n- Automated integration testing for important features before promoting to production.\n- [x] Added a canary.\n');
    assert.equal(heading.allSections.find((s) => s.depth === 2)?.kind, 'actionItems');
    // Under a heading that asks for proposals, only an explicit mark makes an entry done; elsewhere past tense still does.
    assert.deepEqual(heading.actionItems.map((i) => [i.text, i.done]), [['Write tests for tinting.', false], ['Automated integration testing for important features before promoting to production.', false], ['Added a canary.', true]]);
    assert.deepEqual(parsePostmortem('# T\n\n## Action items\n\n- Automated the rollback of the image service.\n').actionItems.map((i) => i.done), [true]);
  });
});

describe('model: status pages (agrc/status-page, dev10)', () => {
  const page = '+++\n# default attributes for an incident.\n#\ntitle = "Network core outage"\ndate = 2022-10-19T11:07:23.000Z\n\n# severity: the impact\nseverity = "partial-outage"\nresolved = true\n+++\nCore equipment is having issues. We will post updates as they become available.\n\n**Update** Network Operations narrowed the issue down to WAN hardware.\n{{< track "2022-10-19T13:23:00.000Z" >}}\n\n## Resolved\n\nThe faulty hardware was replaced and all services are back. {{< track "2022-10-19T16:05:00.000Z" >}}\n';

  it('TOML front matter with comment and blank lines is the front matter, not headings and paragraphs', () => {
    const doc = parsePostmortem(page);
    assert.equal(doc.blocks[0].kind, 'frontMatter');
    assert.equal(doc.metadata.title?.value, 'Network core outage');
    // Its keys are read: StatusKit's severity names are not ours, and that is said.
    assert.ok(doc.problems.some((p) => p.code === 'front-matter-severity' && p.message.includes('`partial-outage`')));
    assert.ok(!doc.allSections.some((s) => /default attributes|severity/.test(s.heading)), doc.allSections.map((s) => s.heading).join(' | '));
    // `resolved = true` says that it is resolved, not when: no time and no "not a time" error.
    assert.equal(doc.metadata.resolved, undefined);
    assert.ok(!doc.problems.some((p) => p.code === 'front-matter-date'), JSON.stringify(doc.problems));
  });

  it('updates stamped at their end with a date and time are events, described without the shortcode', () => {
    const doc = parsePostmortem(page);
    assert.deepEqual(doc.timeline.map((e) => [e.time?.date, e.time?.minutes, e.text]), [
      ['2022-10-19', 13 * 60 + 23, 'Update Network Operations narrowed the issue down to WAN hardware.'],
      ['2022-10-19', 16 * 60 + 5, 'The faulty hardware was replaced and all services are back.'],
    ]);
    // "We will post updates as they become available" keeps people informed; it is no follow-up.
    assert.deepEqual(doc.actionItems, []);
    assert.deepEqual(parsePostmortem('# T\n\nWe will continue to monitor for issues. We will add an alert on disk usage.\n').actionItems.map((i) => i.text), ['We will add an alert on disk usage.']);
    // One stamped paragraph is a mention, not a run of updates.
    assert.deepEqual(parsePostmortem('# T\n\n## Summary\n\nThe database failed over and was back at 2022-10-19 13:23 UTC.\n').timeline, []);
  });
});

describe('model: the template in Norwegian (navikt/dagpenger, dev10)', () => {
  const doc = parsePostmortem([
    '# Søknadsdialogen feilet',
    '',
    '**Sammendrag:** Det var ikke mulig å søke.',
    '',
    '**Rotårsaker:** En for vid try/catch.',
    '',
    '## Aksjonspunkter',
    '',
    '| Aksjon | Type | Eier | Referanse |',
    '| ------ | ---- | ---- | --- |',
    '| Endre feilmelding til error | Forbedring | André Roaldseth | [Utført](https://github.com/navikt/x/commit/81103ba) |',
    '| Overvåke connection pool | Forbedring | @geiralund | https://github.com/navikt/dagpenger/issues/213 |',
    '',
    '## Tidslinje',
    '',
    '- 24.05.2023 kl 01:10 : dp-soknad begynte å varsle om tilstandsfeil',
    '- 24.05.2023 ca kl 07:25 : Redteam oppdaget varsler og startet analyse',
    '- 24.05.2023 kl 10:30 - dp-soknad fikk riktig tilstand og kom opp igjen',
    '- 24.05.2023 kl 11:15 - Friskmeldte søknadsdialogen, feilen er løst',
    '',
  ].join('\n'));

  it('reads its headings and labels as the parts they name', () => {
    const kinds = doc.allSections.map((s) => [s.heading, s.kind]);
    assert.deepEqual(kinds.filter(([, k]) => k), [['Aksjonspunkter', 'actionItems'], ['Tidslinje', 'timeline']]);
  });

  it('reads "dd.mm.yyyy kl HH:MM" and "ca kl" times, and infers the phases from Norwegian words', () => {
    assert.deepEqual(doc.timeline.map((e) => [e.time?.date, e.time?.minutes, e.approximate === true, e.phase ?? null]), [
      ['2023-05-24', 70, false, 'detected'],
      ['2023-05-24', 7 * 60 + 25, true, null],
      ['2023-05-24', 10 * 60 + 30, false, 'mitigated'],
      ['2023-05-24', 11 * 60 + 15, false, 'resolved'],
    ]);
  });

  it('reads the action table by its Norwegian headers, a done word in the reference cell included', () => {
    assert.deepEqual(doc.actionItems.map((i) => [i.text, i.owner, i.done, i.tickets]), [
      ['Endre feilmelding til error', 'André Roaldseth', true, []],
      ['Overvåke connection pool', '@geiralund', false, ['https://github.com/navikt/dagpenger/issues/213']],
    ]);
  });

  it('a table column of dotted clocks ("15.15") is the time column', () => {
    const table = parsePostmortem('# T\n\n## Tidslinje\n|Klokkeslett | Hendelse |\n|:--- |:---- |\n| 15.15 | Feil påvist av alerts |\n| 15.30 | Melding på slack |\n| 21.30 | Midlertidig fiks |\n');
    assert.deepEqual(table.timeline.map((e) => [e.time?.minutes, e.text]), [[915, 'Feil påvist av alerts'], [930, 'Melding på slack'], [1290, 'Midlertidig fiks']]);
  });
});

describe('model: done groups and imperatives among the follow-ups', () => {
  it('"✅ Done:" above a list marks its items done, up to the next label ("🚧 Next:")', () => {
    const doc = parsePostmortem('# T\n\n## Action items\n\n✅ Done:\n1. Raise the timeout\n2. Add retries\n\n🚧 Next:\n\n1. Split the service\n');
    assert.deepEqual(doc.actionItems.map((i) => [i.text, i.done]), [['Raise the timeout', true], ['Add retries', true], ['Split the service', false]]);
  });

  it('"Ed to create …", "Ed and Caroline to write …" name the owners; "Leads to …", "Need to …" do not', () => {
    const doc = parsePostmortem('# T\n\n## Actions\n\n- Ed to create some docs around incidents.\n- Ed and Caroline to write a list of happy paths.\n- Developers to come up with a response approach to non-critical alarms.\n- Leads to review token usage across the platform.\n- Need to add an alert on queue depth.\n- Migrate to Postgres 16.\n');
    assert.deepEqual(doc.actionItems.map((i) => i.owner ?? null), ['Ed', 'Ed and Caroline', 'Developers', null, null, null]);
  });

  it('work begun, or promised later in the item, is open ("We have started improving …", "… we are going to remove them")', () => {
    const doc = parsePostmortem('# T\n\n## Action items\n\n- We have started improving our playbooks to access the console.\n- We also identified a number of unused subdomains that serve an expired certificate; we are going to remove them.\n- We added an alert on certificate expiry.\n');
    assert.deepEqual(doc.actionItems.map((i) => i.done), [false, false, true]);
  });

  it('an imperative with a participle after it ("Pass statically typed config …") is a plan, not done work', () => {
    const doc = parsePostmortem('# T\n\n## Actions\n\n- Pass statically typed config objects into Lambdas, so the compiler can catch these errors.\n- Added an alert for this metric.\n');
    assert.deepEqual(doc.actionItems.map((i) => i.done), [false, true]);
  });
});

describe('model: status logs (adobe/aem-status, dev11)', () => {
  it('"## Updates" is the timeline; a stamp on a line of its own takes the paragraph below as its text; newest first is read in time order', () => {
    const doc = parsePostmortem('# Delivery disrupted\n\n## Updates\n\n### Resolved\n2026-02-09T16:35:00.000Z\n\nThis incident has been resolved.\n\n### Monitoring\n2026-02-09T16:30:00.000Z\n\nWe switched traffic back to the primary backends.\n\n### Investigating\n2026-02-07T02:05:00.000Z\n\nWe are observing an increase of errors.\n');
    assert.equal(doc.allSections.find((s) => s.heading === 'Updates')?.kind, 'timeline');
    assert.deepEqual(doc.timeline.map((e) => [e.time?.raw, e.text, e.phase ?? null]), [
      ['2026-02-07T02:05:00.000Z', 'We are observing an increase of errors.', 'detected'],
      ['2026-02-09T16:30:00.000Z', 'We switched traffic back to the primary backends.', 'mitigated'],
      ['2026-02-09T16:35:00.000Z', 'This incident has been resolved.', 'resolved'],
    ]);
    // A status page's export: "## Resolved", "*Posted Mar 15, 2025 - 21:04 UTC*", then the update.
    const page = parsePostmortem('# RUM delayed\n\n## Resolved\n\n*Posted Mar 15, 2025 - 21:04 UTC*\n\nThis incident has been resolved.\n\n## Monitoring\n\n*Posted Mar 15, 2025 - 11:21 UTC*\n\nA second fix has been implemented.\n\n## Investigating\n\n*Posted Mar 15, 2025 - 10:55 UTC*\n\nWe are still experiencing issues.\n');
    assert.deepEqual(page.timeline.map((e) => [e.time?.minutes, e.text]), [[655, 'We are still experiencing issues.'], [681, 'A second fix has been implemented.'], [1264, 'This incident has been resolved.']]);
    // A log in time order, or one step back in a log that otherwise goes forward, is left as written.
    const forward = parsePostmortem('# T\n\n## Timeline\n\n- 2026-02-07 02:05 a\n- 2026-02-07 02:10 b\n- 2026-02-07 02:08 c\n');
    assert.deepEqual(forward.timeline.map((e) => e.text), ['a', 'b', 'c']);
  });
});

describe('model: what this stop\'s new forms must not take (review of stop 45)', () => {
  it('a done group ends with its list; a line that only resembles a done word ("Resolved by:") is no group', () => {
    const doc = parsePostmortem('# T\n\n## Action items\n\n✅ Done:\n- Add an alert\n\nStill open, planned for next quarter:\n- Shard the jobs table\n\nResolved by:\n- Rotate the keys\n');
    assert.deepEqual(doc.actionItems.map((i) => [i.text, i.done]), [['Add an alert', true], ['Shard the jobs table', false], ['Rotate the keys', false]]);
    // A "### Completed" heading right after that list starts its own done group.
    const heading = parsePostmortem('# T\n\n## Action items\n\n✅ Done:\n- Add an alert\n\n### Completed\n\n- Rotate the keys\n- Drop the table\n');
    assert.deepEqual(heading.actionItems.map((i) => i.done), [true, true, true]);
  });

  it('one capitalised word before "to" is an owner only where the minutes form recurs, and never a plural thing or an acronym', () => {
    const things = parsePostmortem('# T\n\n## Action items\n\n- Alerts to page the on-call when lag grows.\n- Dashboards to track replication.\n- CI to run the migration tests.\n- Ed to create docs.\n');
    assert.deepEqual(things.actionItems.map((i) => i.owner), [null, null, null, null]);
    const runbook = parsePostmortem('# T\n\n## Action items\n\n- Runbook to restore the cluster from a snapshot.\n- Add an alert on lag.\n');
    assert.deepEqual(runbook.actionItems.map((i) => i.owner), [null, null]);
  });

  it('sentences that end in the date they name are no stamped updates; a column of versions is no timeline', () => {
    assert.deepEqual(parsePostmortem('# T\n\n## Summary\n\nWe will hold the review meeting on March 10, 2023 at 10:00.\n\nThe next maintenance window is March 12, 2023 at 02:00 UTC.\n').timeline, []);
    assert.deepEqual(parsePostmortem('# T\n\n## Versions\n\n| Component | Version |\n|---|---|\n| a | 1.12 |\n| b | 1.13 |\n| c | 2.04 |\n').timeline, []);
  });

  it('a reference cell is done only when it is a done word, and keeps its ticket otherwise', () => {
    const doc = parsePostmortem('# T\n\n## Action items\n\n| Action | Reference |\n|---|---|\n| Check x | [x.com/status](https://x.com/status) |\n| Pool | Fixed-size pool |\n| Alert | [Done](https://github.com/a/b/pull/3) |\n');
    assert.deepEqual(doc.actionItems.map((i) => [i.done, i.tickets]), [[false, ['x.com/status']], [false, ['Fixed-size pool']], [true, ['https://github.com/a/b/pull/3']]]);
  });

  it('status-page promises are no follow-ups, but promises of work that mention updates or monitoring are', () => {
    const doc = parsePostmortem('# T\n\n## Lessons\n\nWe will send updates to customers within 15 minutes of detecting an incident. We will keep monitoring the replication lag with a new alert. We will post updates as they become available. We will continue to monitor.\n');
    assert.deepEqual(doc.actionItems.map((i) => i.text), ['We will send updates to customers within 15 minutes of detecting an incident.', 'We will keep monitoring the replication lag with a new alert.']);
  });

  it('"dd.mm.yyyy, kl HH:MM" is a date and time; an English "alarm" is no Norwegian detection word', () => {
    const doc = parsePostmortem('# T\n\n## Timeline\n\n- 03.10.2023, kl 14:00 - Deploy started\n- 03.10.2023, kl 14:10 - We reviewed the alarm thresholds\n');
    assert.deepEqual(doc.timeline.map((e) => [e.time?.date, e.time?.minutes, e.phase ?? null]), [['2023-10-03', 840, null], ['2023-10-03', 850, null]]);
  });
});

describe('model: GitHub emoji shortcodes as done marks', () => {
  it('":white_check_mark:" (rendered as ✅) marks an item or a status cell done, at the start or the end, and is not kept in the text', () => {
    const doc = parsePostmortem('# T\n\n## Action items\n\n- :white_check_mark: Add a second replica\n- Rotate the keys :heavy_check_mark:\n- Add a load test\n\n| Action | Status |\n|---|---|\n| Add tracing | :ballot_box_with_check: |\n| Add quotas | :x: |\n');
    assert.deepEqual(doc.actionItems.map((i) => [i.text, i.done]), [['Add a second replica', true], ['Rotate the keys', true], ['Add a load test', false], ['Add tracing', true], ['Add quotas', false]]);
  });
});

describe('model: four-digit clocks at the start of entries (FT origami, dev8)', () => {
  it('a run of "1324: …" paragraphs under a day heading is a timeline; a run of years is not', () => {
    const doc = parsePostmortem('# T\n\n## How was it fixed\n\n### Thur 3 Nov 2016\n\n~1215: Changes deployed.\n\n1324 : Mustafa noticed the images were missing.\n\n1332: Team contacted.\n\n~1452: Issue confirmed resolved.\n');
    assert.deepEqual(doc.timeline.map((e) => [e.time?.date, e.time?.minutes, e.approximate === true, e.text]), [
      ['2016-11-03', 12 * 60 + 15, true, 'Changes deployed.'],
      ['2016-11-03', 13 * 60 + 24, false, 'Mustafa noticed the images were missing.'],
      ['2016-11-03', 13 * 60 + 32, false, 'Team contacted.'],
      ['2016-11-03', 14 * 60 + 52, true, 'Issue confirmed resolved.'],
    ]);
    assert.equal(parsePostmortem('# T\n\n## History\n\n2016: we started.\n\n2017: we grew.\n\n2018: we moved.\n').timeline.length, 0);
    assert.equal(parsePostmortem('# T\n\n## Notes\n\n1324: one entry alone.\n\nNothing else.\n').timeline.length, 0);
  });
});

describe('model: follow-up work told as already done since the incident (bcgov 2021-02-26, dev7)', () => {
  it('"We\'ve since made a PR …" in a retrospective is a done item; "We have since seen …" is not', () => {
    const doc = parsePostmortem("# T\n\n## Retrospective\n\nThe policies were skipped during the migration. We've since made a PR to the repo to make the guide clearer.\n\nWe have since seen no further timeouts.\n");
    assert.deepEqual(doc.actionItems.map((i) => [i.text, i.done]), [["We've since made a PR to the repo to make the guide clearer.", true]]);
  });
});

describe('model: a follow-up section in topics, some in prose, some as a list (pypi 2023-12-04, dev)', () => {
  const doc = parsePostmortem(
    '# T\n\n## What can we learn from this incident and improve?\n\n' +
      '### Deleting things can have unintended consequences\n\nWhen an account is deleted, all its data is removed.\n\n' +
      'We have previously entertained ideas on how to prevent full deletions. See [this tracking issue](https://github.com/o/r/issues/6091).\n\n' +
      '### Detection\n\n- Alert on mass collaborator removal.\n\n' +
      '### If you see something, say something\n\nWe email the address on file.\n\n' +
      'Here are a few things you can do to help protect your account:\n\n- Add 2FA now.\n- Use a unique password.\n',
  );

  it('"… and improve?" names the follow-up section', () => {
    assert.equal(doc.sections[0].children[0].kind, 'actionItems');
  });

  it('a paragraph that points to the issue tracking the work is an item, beside a sub-heading with a list; advice to the reader is not', () => {
    assert.deepEqual(
      doc.actionItems.map((i) => [i.text, i.tickets]),
      [
        ['We have previously entertained ideas on how to prevent full deletions. See this tracking issue.', ['https://github.com/o/r/issues/6091']],
        ['Alert on mass collaborator removal.', []],
      ],
    );
  });

  it('a sub-heading that is a sentence is a topic of the follow-ups; a short one that names another part is left out', () => {
    const other = parsePostmortem('# T\n\n## Action items\n\n- Add an alert.\n\n### Consequences\n\nWe should have known; users will notice.\n');
    assert.deepEqual(other.actionItems.map((i) => i.text), ['Add an alert.']);
  });
});

describe('model: a heading that names follow-ups and lessons (sepolia, dev)', () => {
  it('"Further Mitigations and Learnings" and "Action Items and Lessons Learned" hold the follow-ups, and count as lessons too', () => {
    assert.deepEqual(['Further Mitigations and Learnings', 'Lessons Learned and Action Items', 'Action Items and Lessons Learned', 'Lessons Learned', 'Mitigation'].map((h) => sectionKindOf(h) ?? null), ['actionItems', 'actionItems', 'actionItems', 'lessonsLearned', 'resolution']);
    const doc = parsePostmortem('# T\n\n## Further Mitigations and Learnings\n\nABI decoding needs to be more resilient.\n\nGeth noticed that they did not have an override flag yet, fixed in [#31341](https://github.com/o/r/pull/31341)\n');
    assert.deepEqual(doc.actionItems.map((i) => [i.text, i.done]), [['ABI decoding needs to be more resilient.', false], ['Geth noticed that they did not have an override flag yet, fixed in #31341', true]]);
    assert.deepEqual(doc.found.filter((f) => f.how === 'heading').map((f) => f.kind), ['actionItems', 'lessonsLearned']);
  });
});

describe('model: owners written as meeting notes at the end of an item (gds-gsp, dev5)', () => {
  it('"[DB]", "[CF to write story]", "[IBG] [done]" and " : Chris F create story" name the owner; tags and words that are not people do not', () => {
    const doc = parsePostmortem(
      '# T\n\n## Actions\n\n* Move incident reports to team manual [DB]\n* Add basic pingdom healthcheck [CF to write story]\n* Create an incident channel [IBG] [done]\n' +
        '* Define acceptance tests : Chris F create story\n* Pin terraform modules : Existing story in backlog\n* Rotate the keys [WIP]\n* Alert on DNS failures [DNS]\n',
    );
    assert.deepEqual(doc.actionItems.map((i) => i.owner), ['DB', 'CF', 'IBG', 'Chris F', null, null, null]);
    const range = doc.actionItems[3].ownerRange!;
    assert.equal(doc.text.split('\n')[range.start.line].slice(range.start.character, range.end.character), 'Chris F');
  });
});

describe('model: a legend in the follow-up section is not follow-ups', () => {
  it('"Types:" and "assigned priority:" lists of definitions are left out; the table holds the items', () => {
    const doc = parsePostmortem('# T\n\n## Action items\n\nActions fall under three types. Types:\n* Prevent - Prevent similar issues.\n* Detect - Detect them sooner.\n\nAction items should have assigned priority:\n* P0 - Critical for the release.\n* P1 - Important.\n\n| Action Item | Priority | Status |\n|---|---|---|\n| Add a corruption check | P0 | DONE |\n| Document recovery | P1 | |\n');
    assert.deepEqual(doc.actionItems.map((i) => i.text), ['Add a corruption check', 'Document recovery']);
  });

  it('a list of follow-ups announced by priority stays a list of follow-ups', () => {
    const doc = parsePostmortem('# T\n\n## Action items\n\nOur follow-ups, highest priority first:\n\n- Add alerting on replica lag.\n- Document the failover.\n');
    assert.deepEqual(doc.actionItems.map((i) => i.text), ['Add alerting on replica lag.', 'Document the failover.']);
  });
});

describe('model: follow-ups written as done in the passive or the present', () => {
  it('an opening phrase, an adverb, or "now" with a verb reads as done; "are now more visible" and plans do not', () => {
    const doc = parsePostmortem(
      '# T\n\n## Remediation\n\n' +
        '- Immediately upon confirmation of the report, access to new CI runs was restricted.\n' +
        '- The vulnerable workflows were temporarily disabled and patched.\n' +
        '- The labels now act on validated commit SHAs.\n' +
        '- Incidents are now more visible to the team, and we are working on a second on-call.\n' +
        '- The job now needs to validate its inputs.\n',
    );
    assert.deepEqual(doc.actionItems.map((i) => i.done), [true, true, true, false, false]);
  });

  it('a noun phrase that starts with a participle is a plan: "Automated scheduled testing of …", "Implementation of automated …"', () => {
    const doc = parsePostmortem('# T\n\n## Action items\n\n- Automated scheduled testing of a login flow to detect outages sooner.\n- Implementation of automated configuration validation testing.\n- Automated the certificate renewal.\n');
    assert.deepEqual(doc.actionItems.map((i) => i.done), [false, false, true]);
  });
});

describe('model: a date and a time joined by a double hyphen', () => {
  it('"November 4th -- 16:30 to 15:00 UTC" is on November 4th (the year from the front matter), not the front matter\'s day', () => {
    const doc = parsePostmortem("---\ndate: '2013-11-26T15:14:59.000Z'\n---\n\n# Registry downtime (times UTC)\n\nThree periods of downtime:\n\n1. November 4th -- 16:30 to 15:00 UTC\n2. November 13th -- 15:00 to 19:30 UTC\n");
    assert.deepEqual(doc.timeline.map((e) => [e.time?.date, e.time?.minutes]), [['2013-11-04', 16 * 60 + 30], ['2013-11-13', 15 * 60]]);
  });
});
