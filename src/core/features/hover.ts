import type { Glossary, GlossaryTerm } from '../glossary/index';
import type { MetricId, Phase, Position, PostmortemDocument, Range, TimeValue } from '../model/types';
import { plainIndex, sourceSpan } from '../model/inline';
import { proseRuns, sectionLead } from '../model/prose';
import { offsetAt } from '../model/text';
import { positionAtOffset, rangeContains } from '../model/text';
import { dueState } from '../model/due';
import { explainSectionHeading } from './explain';
import { formatClock, formatDuration, minutesBetween } from '../model/time';
import type { Insights } from '../insights/compute';
import { workspaceHoverLine } from '../insights/text';

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
  const span = (from: TimeValue | undefined, to: TimeValue | undefined, minutes: number | null, what: string, id: Exclude<MetricId, 'duration'>) => {
    if (minutes === null) return `This incident: ${what} is not known yet (add \`started\` and the matching time in the front matter, or phase tags like \`[resolved]\` in the timeline).`;
    const doubt = m.doubts[id];
    if (doubt) return `**This incident:** ${what} is not shown as a fact: ${doubt}`;
    const value = `**This incident:** ${what} **${formatDuration(minutes)}** (${clockWithZone(from)} → ${clockWithZone(to)})`;
    return `${value}${inferredNote(doc, METRIC_PHASE[id])}.`;
  };
  switch (term.computed) {
    case 'ttr':
      return span(m.started, m.resolved, m.ttrMinutes, 'time to resolve', 'ttr');
    case 'ttd':
    case 'ttd-mttd':
      return span(m.started, m.detected, m.ttdMinutes, 'time to detect', 'ttd');
    case 'ttm':
      return span(m.started, m.mitigated, m.ttmMinutes, 'time to mitigate', 'ttm');
    case 'duration':
      return m.durationMinutes === null ? undefined : `**This incident:** lasted **${formatDuration(m.durationMinutes)}** from the first sign of impact.`;
    case 'blastRadius': {
      if (statement) return `**This line:** ${statement}`;
      const section = doc.allSections.find((s) => s.kind === 'impact');
      const impact = doc.metadata.impact?.value ?? (section ? sectionLead(doc, section) : null);
      return impact ? `**This incident:** ${impact}` : 'This incident: no impact statement yet (add an Impact section or `impact:` in the front matter).';
    }
    case 'severity':
      return doc.metadata.severity ? `**This incident:** ${doc.metadata.severity.value}` : undefined;
    default:
      return undefined;
  }
}

const METRIC_PHASE: Record<Exclude<MetricId, 'duration'>, Phase> = { ttd: 'detected', ttm: 'mitigated', ttr: 'resolved' };

/** `, with detected inferred from “paged” (line 12)` when a key time was read from an event's words. */
function inferredNote(doc: PostmortemDocument, phase: Phase): string {
  const source = doc.metrics.sources[phase];
  if (source?.from !== 'inferred') return '';
  const event = source.event !== undefined ? doc.timeline[source.event] : undefined;
  return `, with *${phase}* inferred from “${source.cue ?? 'the event'}”${event ? ` (line ${event.range.start.line + 1})` : ''}; tag the event \`[${phase}]\` to make it a fact`;
}

/** "**Workspace:** mean over 14 incidents: …" for the time metrics, when the workspace figures are known. */
export function workspaceValue(term: GlossaryTerm, workspace: Insights | undefined): string | undefined {
  if (!workspace) return undefined;
  switch (term.computed) {
    case 'ttr':
      return workspaceHoverLine(workspace.ttr);
    case 'ttd':
    case 'ttd-mttd':
      return workspaceHoverLine(workspace.ttd);
    case 'ttm':
      return workspaceHoverLine(workspace.ttm);
    case 'duration':
      return workspaceHoverLine(workspace.duration);
    default:
      return undefined;
  }
}

export function glossaryHoverText(term: GlossaryTerm, doc: PostmortemDocument, statement?: string, workspace?: Insights): string {
  const title = term.expansion ? `**${term.term}** — ${term.expansion}` : `**${term.term}**`;
  const value = documentValue(term, doc, statement);
  const across = workspaceValue(term, workspace);
  return [title, term.definition, `*In a post-mortem:* ${term.whyItMatters}`, ...(value ? [value] : []), ...(across ? [across] : [])].join('\n\n');
}

/** What to show when hovering `position`: a timeline time, a deadline, or a glossary term in prose. */
export function hoverAt(doc: PostmortemDocument, glossary: Glossary, position: Position, today: string, workspace?: Insights): HoverContent | undefined {
  for (const event of doc.timeline) {
    if (!rangeContains(event.timeRange, position)) continue;
    if (!event.time) return { range: event.timeRange, contents: 'This time cannot be read; write it as `HH:MM` (24-hour), optionally with a date and zone.' };
    const start = doc.metrics.started;
    const delta = minutesBetween(start, event.time);
    const phase = event.phase ? ` — ${event.phase}${event.phaseSource === 'inferred' ? ` (inferred from “${event.phaseCue ?? 'the text'}”)` : ''}` : '';
    const lines = [`**${clockWithZone(event.time)}**${event.time.date ? ` on ${event.time.date}` : ''}${phase}`];
    if (delta !== null) lines.push(delta >= 0 ? `T+${formatDuration(delta)} from the start of the incident (${clockWithZone(start)})` : `${formatDuration(-delta)} before the start of the incident (${clockWithZone(start)})`);
    return { range: event.timeRange, contents: lines.join('\n\n') };
  }
  for (const item of doc.actionItems) {
    if (!item.dueRange || !item.dueRaw || !rangeContains(item.dueRange, position)) continue;
    if (!item.due) return { range: item.dueRange, contents: `\`${item.dueRaw}\` is not a date; write deadlines as \`YYYY-MM-DD\`.` };
    const when = dueState(item, today).label;
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
    return { range: { start: positionAtOffset(doc.lineStarts, start), end: positionAtOffset(doc.lineStarts, end) }, contents: glossaryHoverText(match.term, doc, statement, workspace) };
  }
  const heading = doc.allSections.find((s) => rangeContains(s.headingRange, position));
  if (heading) return { range: heading.headingRange, contents: explainSectionHeading(doc, heading) };
  return undefined;
}
