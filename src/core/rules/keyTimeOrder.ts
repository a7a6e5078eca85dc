import type { Phase, PostmortemDocument, Range } from '../model/types';
import { exampleDocument } from './examples';
import type { RuleDefinition } from './types';

/** Where a key time is written: its front-matter field, or the event that gave it. */
function keyTimeRange(doc: PostmortemDocument, phase: Phase): Range | undefined {
  const field = doc.metadata[phase];
  if (field) return field.range;
  const event = doc.metrics.sources[phase]?.event;
  return event === undefined ? undefined : doc.timeline[event]?.timeRange;
}

export const keyTimeOrder: RuleDefinition = {
  id: 'key-time-order',
  defaultSeverity: 'warning',
  description: 'Key times are out of order (e.g. mitigated before detected); the metrics built on them are not shown as facts.',
  rationale: 'Time to detect, mitigate and resolve are only meaningful when started → detected → mitigated → resolved; a key time out of order is usually a wrong tag, a wrong time, or a phase inferred from the wrong event.',
  bad: exampleDocument({ timeline: '- 10:02 — [started] Queue depth rises\n- 10:12 — [mitigated] Worker limit change rolled back\n- 10:20 — [detected] Queue depth alert pages the on-call engineer\n- 10:30 — [resolved] Queue drained' }),
  good: exampleDocument({ timeline: '- 10:02 — [started] Queue depth rises\n- 10:12 — [detected] Queue depth alert pages the on-call engineer\n- 10:20 — [mitigated] Worker limit change rolled back\n- 10:30 — [resolved] Queue drained' }),
  check({ doc, report }) {
    for (const problem of doc.metrics.orderProblems) {
      const range = keyTimeRange(doc, problem.earlier) ?? keyTimeRange(doc, problem.later);
      if (!range) continue;
      const inferred = doc.metrics.sources[problem.earlier]?.from === 'inferred' || doc.metrics.sources[problem.later]?.from === 'inferred';
      report({
        message: `${problem.message}${inferred ? ' A phase was inferred from the words of an event: tag the right events [detected], [mitigated] or [resolved].' : ' Check the tags and times.'}`,
        range,
      });
    }
  },
};
