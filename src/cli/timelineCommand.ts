import { resolve, dirname } from 'node:path';
import { analyzeText } from '../core/analyze';
import { zoneLabel } from '../core/model/labels';
import { formatClock, formatDuration, formatTimeValue } from '../core/model/time';
import { chooseFormat, type CommandIO, parseCommandArgs } from './args';
import { commandSettings } from './config';
import { readText, UsageError } from './files';
import { escapeTerminal } from '../core/util/escape';

export const TIMELINE_USAGE = `Usage: postmortem timeline <file> [--format json|text] [--config file]

Prints the timeline events (line, time, phase, text) and the derived metrics.
Inferred phases are marked with "~" (e.g. [~mitigated]); run \`postmortem explain\` for why.
  --format json|text   output format (default: text)
  --config file        configuration file (default: nearest .postmortemrc.yaml)`;

export function runTimeline(args: string[], io: CommandIO): number {
  const { values, positionals } = parseCommandArgs(args, { format: { type: 'string' }, config: { type: 'string' } });
  const format = chooseFormat(values.format, ['json', 'text'] as const, 'text');
  if (positionals.length !== 1) throw new UsageError('expected exactly one file');
  const file = positionals[0];
  const text = readText(file);
  const { options } = commandSettings(values, io, dirname(resolve(file)));
  const { doc } = analyzeText(text, options);
  const { ttdMinutes, ttmMinutes, ttrMinutes, durationMinutes } = doc.metrics;
  if (format === 'json') {
    const events = doc.timeline.map((e) => ({
      time: e.time ? formatTimeValue(e.time) : null,
      line: e.range.start.line + 1,
      text: e.text,
      phase: e.phase,
      ...(e.phaseSource ? { phaseSource: e.phaseSource } : {}),
      ...(e.timeInvalid ? { invalid: true } : {}),
      ...(e.timeUnknown ? { unknown: true } : {}),
      ...(e.approximate ? { approximate: true } : {}),
      ...(e.relative ? { relative: true } : {}),
    }));
    // Metrics built on key times out of order are not facts: `doubts` says why, per metric.
    const doubts = Object.keys(doc.metrics.doubts).length ? { doubts: doc.metrics.doubts } : {};
    io.out(JSON.stringify({ file, events, metrics: { ttdMinutes, ttmMinutes, ttrMinutes, durationMinutes, ...doubts } }, null, 2));
    return 0;
  }
  if (doc.timeline.length === 0) {
    io.out(`${file}: no timeline events found. Write them under a "## Timeline" heading as "- 14:02 — what happened", or run \`postmortem explain ${file}\` to see how the file was read.`);
    return 0;
  }
  const lines = doc.timeline.map((e) => {
    const when = e.time ? `${e.time.date ? `${e.time.date} ` : ''}${e.approximate ? '~' : ''}${formatClock(e.time.minutes)}` : e.timeUnknown ? '--:--' : '??:??';
    const phase = e.phase ? ` [${e.phaseSource === 'inferred' ? '~' : ''}${e.phase}]` : '';
    return `${String(e.range.start.line + 1).padStart(5)}  ${when.padEnd(17)}${phase} ${escapeTerminal(e.text.replace(/[ \t\r\n]+/g, ' '))}`;
  });
  const zone = zoneLabel(doc.timeline.find((e) => e.time?.zone)?.time?.zone);
  io.out(`${escapeTerminal(doc.title ?? file)}${zone ? ` (times ${zone})` : ''}\n${lines.join('\n')}\n\n${metricLine('TTD', ttdMinutes, doc.metrics.doubts.ttd)} · ${metricLine('TTM', ttmMinutes, doc.metrics.doubts.ttm)} · ${metricLine('TTR', ttrMinutes, doc.metrics.doubts.ttr)}`);
  return 0;
}

/** A metric for the text output; one built on key times out of order is marked, not shown as a fact. */
function metricLine(id: string, minutes: number | null, doubt: string | undefined): string {
  return doubt ? `${id} ? (key times out of order)` : `${id} ${formatDuration(minutes)}`;
}
