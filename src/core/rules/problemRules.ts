import { isKnownZone } from '../model/time';
import type { ProblemCode } from '../model/types';
import type { RuleContext, RuleDefinition } from './types';
import { exampleDocument } from './examples';

function reportProblems(codes: ProblemCode[]) {
  return ({ doc, report }: RuleContext) => {
    for (const problem of doc.problems) if (codes.includes(problem.code)) report({ message: problem.message, range: problem.range });
  };
}

export const timelineTimeInvalid: RuleDefinition = {
  id: 'timeline-time-invalid',
  defaultSeverity: 'error',
  description: 'A timeline time cannot be read.',
  rationale: 'An unreadable time drops the event from the metrics and the timeline preview.',
  bad: exampleDocument({ timeline: '- 10:02 — [started] Queue depth rises\n- 10:12 — [detected] Queue depth alert pages the on-call engineer\n- 25:61 — [mitigated] Rollback finished\n- 10:30 — [resolved] Queue drained' }),
  good: exampleDocument({ timeline: '- 10:02 — [started] Queue depth rises\n- 10:12 — [detected] Queue depth alert pages the on-call engineer\n- 10:20 — [mitigated] Rollback finished\n- 10:30 — [resolved] Queue drained' }),
  check(context) {
    reportProblems(['timeline-time-invalid'])(context);
    // A placeholder (`--:--`, `HH:MM`, `[???]`) is a time not known yet: a reminder, never an error.
    for (const problem of context.doc.problems) if (problem.code === 'timeline-time-unknown') context.report({ message: problem.message, range: problem.range, severity: 'info' });
  },
};

export const frontMatter: RuleDefinition = {
  id: 'front-matter',
  defaultSeverity: 'error',
  description: 'Invalid YAML front matter, or an unknown severity, status, date or time zone.',
  rationale: 'Metadata drives the summary, the preview and the action-item views; a value the tool cannot read silently drops out of all of them.',
  bad: exampleDocument({ frontMatter: '---\nseverity: SEV7\nstatus: done\ndate: 2026-02-30\n---' }),
  good: exampleDocument({ frontMatter: '---\nseverity: SEV2\nstatus: in-review\ndate: 2026-02-28\n---' }),
  check(context) {
    reportProblems(['front-matter-yaml', 'front-matter-severity', 'front-matter-status', 'front-matter-date'])(context);
    const zone = context.doc.metadata.timezone;
    if (zone && !isKnownZone(zone.value)) context.report({ message: `\`${zone.value}\` is not a time zone; use UTC, an offset like +02:00, or an IANA name like Europe/Berlin.`, range: zone.range });
  },
};

export const fileSize: RuleDefinition = {
  id: 'file-size',
  defaultSeverity: 'info',
  description: 'The file is larger than postmortem.maxFileSize and is not analysed, or part of it nests too deep, has lines over 20,000 characters or takes too long to read (read as plain text).',
  rationale: 'Very large files (pasted logs) would slow the editor; raise the limit or move logs to an attachment.',
  bad: exampleDocument({ shown: '(a post-mortem larger than postmortem.maxFileSize, e.g. with pasted logs)', maxFileSize: 200 }),
  good: exampleDocument({ shown: '(logs linked, not pasted; the post-mortem within postmortem.maxFileSize)' }),
  check: reportProblems(['file-too-large', 'nesting-too-deep', 'analysis-time-limit', 'analysis-memory-limit', 'table-too-long', 'line-too-long']),
};
