import { parsePostmortem } from '../core/model/parse';
import { formatClock, formatDuration, formatTimeValue } from '../core/model/time';
import { readText, UsageError } from './files';
import { chooseFormat, type CommandIO, parseCommandArgs } from './args';

export function runTimeline(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' } });
  const format = chooseFormat(values.format, ['json', 'text'] as const, 'text');
  if (positionals.length !== 1) throw new UsageError('expected exactly one file');
  const file = positionals[0];
  const doc = parsePostmortem(readText(file));
  const events = doc.timeline.map((e) => ({
    time: e.time ? formatTimeValue(e.time) : null,
    line: e.range.start.line + 1,
    text: e.text,
    phase: e.phase,
    ...(e.timeInvalid ? { invalid: true } : {}),
  }));
  const { ttdMinutes, ttmMinutes, ttrMinutes, durationMinutes } = doc.metrics;
  if (format === 'json') {
    io.out(JSON.stringify({ file, events, metrics: { ttdMinutes, ttmMinutes, ttrMinutes, durationMinutes } }, null, 2));
    return 0;
  }
  if (events.length === 0) {
    io.out(`${file}: no timeline events found. Write them under a "## Timeline" heading as "- 14:02 — what happened".`);
    return 0;
  }
  const lines = doc.timeline.map((e) => {
    const when = e.time ? `${e.time.date ? `${e.time.date} ` : ''}${formatClock(e.time.minutes)}` : '??:??';
    const phase = e.phase ? ` [${e.phase}]` : '';
    return `${String(e.range.start.line + 1).padStart(5)}  ${when.padEnd(16)}${phase} ${e.text}`;
  });
  const zone = doc.timeline.find((e) => e.time?.zone)?.time?.zone;
  io.out(`${doc.title ?? file}${zone ? ` (times ${zone})` : ''}\n${lines.join('\n')}\n\nTTD ${formatDuration(ttdMinutes)} · TTM ${formatDuration(ttmMinutes)} · TTR ${formatDuration(ttrMinutes)}`);
  return 0;
}
