import type { Glossary, GlossaryTerm } from '../glossary/index';
import type { Position, PostmortemDocument, Range, TimeValue } from '../model/types';
import { plainIndex, sourceSpan } from '../model/inline';
import { proseRuns } from '../model/prose';
import { offsetAt } from '../model/text';
import { positionAtOffset, rangeContains } from '../model/text';
import { daysUntil, formatClock, formatDuration, minutesBetween } from '../model/time';

export interface HoverContent {
  range: Range;
  /** Markdown. */
  contents: string;
}

function clockWithZone(time: TimeValue | undefined): string {
  if (!time) return '';
  return `${formatClock(time.minutes)}${time.zone ? ` ${time.zone}` : ''}`;
}

/** "This incident: …" line for terms whose value the document knows. */
export function documentValue(term: GlossaryTerm, doc: PostmortemDocument, statement?: string): string | undefined {
  const m = doc.metrics;
  const span = (from: TimeValue | undefined, to: TimeValue | undefined, minutes: number | null, what: string) =>
    minutes === null ? `This incident: ${what} is not known yet (add \`started\` and the matching time in the front matter, or phase tags like \`[resolved]\` in the timeline).` : `**This incident:** ${what} **${formatDuration(minutes)}** (${clockWithZone(from)} → ${clockWithZone(to)}).`;
  switch (term.computed) {
    case 'ttr':
      return span(m.started, m.resolved, m.ttrMinutes, 'time to resolve');
    case 'ttd':
    case 'ttd-mttd':
      return span(m.started, m.detected, m.ttdMinutes, 'time to detect');
    case 'ttm':
      return span(m.started, m.mitigated, m.ttmMinutes, 'time to mitigate');
    case 'duration':
      return m.durationMinutes === null ? undefined : `**This incident:** lasted **${formatDuration(m.durationMinutes)}** from the first sign of impact.`;
    case 'blastRadius': {
      if (statement) return `**This line:** ${statement}`;
      const impact = doc.metadata.impact?.value ?? firstLine(doc.allSections.find((s) => s.kind === 'impact')?.bodyText);
      return impact ? `**This incident:** ${impact}` : 'This incident: no impact statement yet (add an Impact section or `impact:` in the front matter).';
    }
    case 'severity':
      return doc.metadata.severity ? `**This incident:** ${doc.metadata.severity.value}` : undefined;
    default:
      return undefined;
  }
}

function firstLine(text: string | undefined): string | undefined {
  return text?.split('\n').map((l) => l.trim()).find(Boolean);
}

export function glossaryHoverText(term: GlossaryTerm, doc: PostmortemDocument, statement?: string): string {
  const title = term.expansion ? `**${term.term}** — ${term.expansion}` : `**${term.term}**`;
  const value = documentValue(term, doc, statement);
  return [title, term.definition, `*In a post-mortem:* ${term.whyItMatters}`, ...(value ? [value] : [])].join('\n\n');
}

/** What to show when hovering `position`: a timeline time, a deadline, or a glossary term in prose. */
export function hoverAt(doc: PostmortemDocument, glossary: Glossary, position: Position, today: string): HoverContent | undefined {
  for (const event of doc.timeline) {
    if (!rangeContains(event.timeRange, position)) continue;
    if (!event.time) return { range: event.timeRange, contents: 'This time cannot be read; write it as `HH:MM` (24-hour), optionally with a date and zone.' };
    const start = doc.metrics.started;
    const delta = minutesBetween(start, event.time);
    const lines = [`**${clockWithZone(event.time)}**${event.time.date ? ` on ${event.time.date}` : ''}${event.phase ? ` — ${event.phase}` : ''}`];
    if (delta !== null) lines.push(delta >= 0 ? `T+${formatDuration(delta)} from the start of the incident (${clockWithZone(start)})` : `${formatDuration(-delta)} before the start of the incident (${clockWithZone(start)})`);
    return { range: event.timeRange, contents: lines.join('\n\n') };
  }
  for (const item of doc.actionItems) {
    if (!item.dueRange || !item.dueRaw || !rangeContains(item.dueRange, position)) continue;
    if (!item.due) return { range: item.dueRange, contents: `\`${item.dueRaw}\` is not a date; write deadlines as \`YYYY-MM-DD\`.` };
    const days = daysUntil(item.due, today);
    const when = item.done ? 'done' : days > 0 ? `due in ${days} day${days === 1 ? '' : 's'}` : days === 0 ? 'due today' : `overdue by ${-days} day${days === -1 ? '' : 's'}`;
    return { range: item.dueRange, contents: `**${item.due}** — ${when}${item.owner ? ` · owner ${item.owner}` : ' · no owner yet'}` };
  }
  const offset = offsetAt(doc, position);
  for (const run of proseRuns(doc)) {
    const [from, to] = sourceSpan(run.inline, 0, run.text.length);
    if (offset < from || offset > to) continue;
    const match = glossary.findAt(run.text, plainIndex(run.inline, offset));
    if (!match) continue;
    const [start, end] = sourceSpan(run.inline, match.start, match.end);
    // "Blast radius: EU only" — the value is the statement on this line, not the front matter's.
    const statement = /^\s*[:—–-]\s*(\S[^\n]*)/.exec(run.text.slice(match.end))?.[1]?.trim();
    return { range: { start: positionAtOffset(doc.lineStarts, start), end: positionAtOffset(doc.lineStarts, end) }, contents: glossaryHoverText(match.term, doc, statement) };
  }
  return undefined;
}
