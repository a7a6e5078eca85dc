import { formatClock } from '../model/time';
import type { TimeValue } from '../model/types';
import type { RuleDefinition } from './types';
import { exampleDocument } from './examples';

function comparable(a: TimeValue, b: TimeValue): number | undefined {
  if (a.instant !== undefined && b.instant !== undefined) return b.instant - a.instant;
  if (a.date === undefined && b.date === undefined) {
    // Without dates, a jump back of 12 hours or more is read as crossing midnight.
    const delta = b.minutes - a.minutes;
    return delta <= -720 ? delta + 1440 : delta;
  }
  return undefined;
}

export const timelineOrder: RuleDefinition = {
  id: 'timeline-order',
  defaultSeverity: 'warning',
  description: 'A timeline event is earlier than the one before it.',
  rationale: 'Readers follow a timeline top to bottom; an event out of order hides cause and effect (or a typo in a time).',
  bad: exampleDocument({ timeline: '- 10:02 — [started] Queue depth rises\n- 10:20 — Users report errors\n- 10:12 — [detected] On-call acknowledges the page\n- 10:25 — [mitigated] Rollback finished\n- 10:30 — [resolved] Queue drained' }),
  good: exampleDocument({ timeline: '- 10:02 — [started] Queue depth rises\n- 10:12 — [detected] On-call acknowledges the page\n- 10:20 — Users report errors\n- 10:25 — [mitigated] Rollback finished\n- 10:30 — [resolved] Queue drained' }),
  check({ doc, report }) {
    // Each chronology keeps its own order: a "Decision log" above the "Timeline" starts again from its first entry.
    const chronologies = doc.allSections.filter((s) => s.kind === 'timeline');
    let next = 0;
    let chronology = -1;
    let previous: { time: TimeValue; line: number } | undefined;
    for (const event of doc.timeline) {
      if (!event.time) continue;
      // Events and sections are in document order: one pass over both.
      while (next < chronologies.length && chronologies[next].block < event.block) next++;
      const within = next > 0 && event.block < chronologies[next - 1].blockEnd ? next - 1 : -1;
      if (within !== chronology) {
        chronology = within;
        previous = undefined;
      }
      if (previous) {
        const delta = comparable(previous.time, event.time);
        if (delta !== undefined && delta < 0) {
          report({
            message: `${formatClock(event.time.minutes)} is earlier than the event before it (${formatClock(previous.time.minutes)}, line ${previous.line + 1}): reorder the events or correct the time.`,
            range: event.timeRange,
          });
        }
      }
      previous = { time: event.time, line: event.range.start.line };
    }
  },
};
