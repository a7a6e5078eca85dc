import assert from 'node:assert/strict';
import { type AgendaEvent, AgendaMachine, DEFAULT_AGENDA, formatCountdown, parseAgenda } from '../../../../src/core/features/agenda';

/** A clock the test moves by hand. */
function fakeClock(start = Date.UTC(2026, 2, 24, 9, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

const MIN = 60_000;
const types = (events: AgendaEvent[]) => events.map((e) => e.type);

/** Advances second by second, collecting tick events (as the extension's 1 s interval does). */
function run(machine: AgendaMachine, clock: ReturnType<typeof fakeClock>, ms: number): AgendaEvent[] {
  const events: AgendaEvent[] = [];
  for (let t = 0; t < ms; t += 1000) {
    clock.advance(Math.min(1000, ms - t));
    events.push(...machine.tick());
  }
  return events;
}

describe('agenda state machine', () => {
  it('the default agenda: opening 2, timeline 5, root cause 15, action items 10, wrap-up 3', () => {
    assert.deepEqual(DEFAULT_AGENDA.map((i) => [i.title, i.minutes, i.section]), [
      ['Opening', 2, 'summary'],
      ['Timeline and blast radius', 5, 'timeline'],
      ['Root cause analysis', 15, 'rootCause'],
      ['Action items', 10, 'actionItems'],
      ['Wrap-up', 3, 'lessonsLearned'],
    ]);
  });

  it('start reveals the first item and counts down', () => {
    const clock = fakeClock();
    const m = new AgendaMachine(DEFAULT_AGENDA, clock.now);
    assert.equal(m.status, 'idle');
    assert.deepEqual(m.tick(), []);
    const started = m.start();
    assert.deepEqual(started, [{ type: 'itemStarted', index: 0, item: DEFAULT_AGENDA[0] }]);
    assert.deepEqual(m.start(), [], 'starting twice does nothing');
    assert.equal(m.status, 'running');
    clock.advance(29_500);
    assert.deepEqual(m.tick(), []);
    const snap = m.snapshot();
    assert.equal(snap.remainingMs, 2 * MIN - 29_500);
    assert.equal(snap.item?.title, 'Opening');
    assert.equal(formatCountdown(snap.remainingMs), '01:31');
  });

  it('warns once at one minute left and once when the timebox ends, without advancing', () => {
    const clock = fakeClock();
    const m = new AgendaMachine([{ title: 'Root cause analysis', minutes: 15 }, { title: 'Wrap-up', minutes: 3 }], clock.now);
    m.start();
    assert.deepEqual(run(m, clock, 14 * MIN - 1000), []);
    const warning = run(m, clock, 1000);
    assert.deepEqual(warning, [{ type: 'oneMinuteLeft', index: 0, item: m.items[0] }]);
    assert.deepEqual(run(m, clock, 59_000), []);
    assert.deepEqual(types(run(m, clock, 1000)), ['timeUp']);
    assert.deepEqual(run(m, clock, 5 * MIN), [], 'time up is reported once');
    const snap = m.snapshot();
    assert.equal(snap.index, 0, 'the facilitator decides when to move on');
    assert.equal(snap.remainingMs, -5 * MIN);
    assert.equal(formatCountdown(snap.remainingMs), '05:00');
  });

  it('a tick that jumps past the whole timebox reports only the end', () => {
    const clock = fakeClock();
    const m = new AgendaMachine([{ title: 'A', minutes: 5 }], clock.now);
    m.start();
    clock.advance(6 * MIN);
    assert.deepEqual(types(m.tick()), ['timeUp']);
  });

  it('a timebox of one minute gets no one-minute warning', () => {
    const clock = fakeClock();
    const m = new AgendaMachine([{ title: 'Quick', minutes: 1 }], clock.now);
    m.start();
    assert.deepEqual(types(run(m, clock, MIN)), ['timeUp']);
  });

  it('pause and resume keep the remaining time', () => {
    const clock = fakeClock();
    const m = new AgendaMachine(DEFAULT_AGENDA, clock.now);
    m.start();
    run(m, clock, 30_000);
    const paused = m.pause();
    assert.deepEqual(paused, [{ type: 'paused', index: 0, item: DEFAULT_AGENDA[0], remainingMs: 90_000 }]);
    assert.deepEqual(m.pause(), []);
    assert.equal(m.status, 'paused');
    clock.advance(10 * MIN);
    assert.deepEqual(m.tick(), [], 'no warnings while paused');
    assert.equal(m.snapshot().remainingMs, 90_000);
    const resumed = m.resume();
    assert.deepEqual(types(resumed), ['resumed']);
    assert.equal(m.snapshot().remainingMs, 90_000);
    assert.deepEqual(types(run(m, clock, 30_000)), ['oneMinuteLeft']);
    assert.equal(m.snapshot().remainingMs, 60_000);
    assert.equal(m.snapshot().elapsedMs, 60_000, 'paused time is not counted');
  });

  it('skip ends the item early and starts the next; warnings are per item', () => {
    const clock = fakeClock();
    const m = new AgendaMachine(DEFAULT_AGENDA, clock.now);
    m.start();
    run(m, clock, 45_000);
    const events = m.next();
    assert.deepEqual(events, [
      { type: 'itemEnded', index: 0, item: DEFAULT_AGENDA[0], usedMs: 45_000, early: true },
      { type: 'itemStarted', index: 1, item: DEFAULT_AGENDA[1] },
    ]);
    assert.equal(m.snapshot().remainingMs, 5 * MIN);
    assert.deepEqual(types(run(m, clock, 4 * MIN)), ['oneMinuteLeft']);
  });

  it('skipping while paused starts the next item paused', () => {
    const clock = fakeClock();
    const m = new AgendaMachine(DEFAULT_AGENDA, clock.now);
    m.start();
    m.pause();
    assert.deepEqual(types(m.next()), ['itemEnded', 'itemStarted']);
    assert.equal(m.status, 'paused');
    clock.advance(MIN);
    assert.equal(m.snapshot().remainingMs, 5 * MIN);
  });

  it('extend adds time and re-arms the warnings', () => {
    const clock = fakeClock();
    const m = new AgendaMachine([{ title: 'A', minutes: 2 }], clock.now);
    m.start();
    assert.deepEqual(types(run(m, clock, 2 * MIN)), ['oneMinuteLeft', 'timeUp']);
    const extended = m.extend(5);
    assert.deepEqual(extended, [{ type: 'extended', index: 0, item: m.items[0], remainingMs: 5 * MIN }]);
    assert.deepEqual(types(run(m, clock, 5 * MIN)), ['oneMinuteLeft', 'timeUp']);
  });

  it('next on the last item finishes with a report', () => {
    const clock = fakeClock();
    const agenda = [
      { title: 'A', minutes: 2 },
      { title: 'B', minutes: 3 },
    ];
    const m = new AgendaMachine(agenda, clock.now);
    m.start();
    run(m, clock, 2 * MIN + 30_000);
    m.next();
    run(m, clock, MIN);
    const events = m.next();
    assert.deepEqual(types(events), ['itemEnded', 'finished']);
    assert.deepEqual(events[1], {
      type: 'finished',
      completed: true,
      plannedMs: 5 * MIN,
      usedMs: 3.5 * MIN,
      items: [
        { title: 'A', plannedMs: 2 * MIN, usedMs: 2.5 * MIN, early: false, notReached: false },
        { title: 'B', plannedMs: 3 * MIN, usedMs: MIN, early: true, notReached: false },
      ],
    });
    assert.equal(m.status, 'finished');
    assert.equal(m.snapshot().item, undefined);
    assert.deepEqual(m.next(), []);
    assert.deepEqual(m.tick(), []);
    assert.deepEqual(m.pause(), []);
  });

  it('stop before the last item finishes as not completed', () => {
    const clock = fakeClock();
    const m = new AgendaMachine(DEFAULT_AGENDA, clock.now);
    m.start();
    run(m, clock, MIN);
    const events = m.stop();
    assert.deepEqual(types(events), ['itemEnded', 'finished']);
    const finished = events[1] as Extract<AgendaEvent, { type: 'finished' }>;
    assert.equal(finished.completed, false);
    assert.deepEqual(finished.items.map((i) => i.notReached), [false, true, true, true, true]);
    assert.deepEqual(m.stop(), []);
  });

  it('stop during the last item counts as completed', () => {
    const clock = fakeClock();
    const m = new AgendaMachine([{ title: 'Only', minutes: 3 }], clock.now);
    m.start();
    const finished = m.stop().at(-1) as Extract<AgendaEvent, { type: 'finished' }>;
    assert.equal(finished.completed, true);
  });

  it('rejects an empty agenda', () => {
    assert.throws(() => new AgendaMachine([]));
  });
});

describe('agenda setting', () => {
  it('uses the default when unset or empty', () => {
    assert.deepEqual(parseAgenda(undefined), { items: [...DEFAULT_AGENDA], errors: [] });
    assert.deepEqual(parseAgenda([]).items, [...DEFAULT_AGENDA]);
  });

  it('reads items, resolving section names and labels to kinds', () => {
    const { items, errors } = parseAgenda([
      { title: 'Check-in', minutes: 1 },
      { title: 'Timeline', minutes: 10, section: 'timeline' },
      { title: 'Why?', minutes: 20, section: 'Root Cause Analysis' },
    ]);
    assert.deepEqual(errors, []);
    assert.deepEqual(items, [
      { title: 'Check-in', minutes: 1 },
      { title: 'Timeline', minutes: 10, section: 'timeline' },
      { title: 'Why?', minutes: 20, section: 'rootCause' },
    ]);
  });

  it('reports and skips invalid entries', () => {
    const { items, errors } = parseAgenda([{ title: 'Ok', minutes: 5, section: 'nope' }, { title: '', minutes: 5 }, { title: 'Zero', minutes: 0 }, 'x']);
    assert.deepEqual(items, [{ title: 'Ok', minutes: 5 }]);
    assert.equal(errors.length, 4);
    assert.match(errors[0], /section "nope"/);
    assert.equal(parseAgenda({ title: 'x' }).items.length, DEFAULT_AGENDA.length);
    assert.equal(parseAgenda([{ minutes: 3 }]).items.length, DEFAULT_AGENDA.length);
  });

  it('formats countdowns', () => {
    assert.equal(formatCountdown(12 * MIN + 31_000), '12:31');
    assert.equal(formatCountdown(12 * MIN + 30_001), '12:31');
    assert.equal(formatCountdown(0), '00:00');
    assert.equal(formatCountdown(-80_500), '01:20');
    assert.equal(formatCountdown(75 * MIN), '1:15:00');
  });
});
