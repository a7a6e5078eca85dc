import { PHASES, type KeyTimeSource, type Metadata, type MetricId, type Metrics, type Phase, type TimelineEvent, type TimeValue } from './types';
import { formatClock, minutesBetween } from './time';

const METRIC_PHASES: Record<Exclude<MetricId, 'duration'>, Phase> = { ttd: 'detected', ttm: 'mitigated', ttr: 'resolved' };

/**
 * Key times from the front matter, else from tagged or inferred events; the start falls back to the
 * first event. Key times out of phase order are reported, and the metrics built on them are doubted.
 */
export function computeMetrics(metadata: Metadata, timeline: TimelineEvent[]): Metrics {
  const sources: Metrics['sources'] = {};
  const times: Partial<Record<Phase, TimeValue>> = {};
  for (const phase of PHASES) {
    const field = metadata[phase];
    if (field) {
      times[phase] = field.value;
      sources[phase] = { from: field.source === 'keyLine' ? 'keyLine' : 'frontMatter' };
      continue;
    }
    const index = timeline.findIndex((e) => e.phase === phase && e.time);
    if (index !== -1) {
      times[phase] = timeline[index].time;
      const event = timeline[index];
      sources[phase] = { from: event.phaseSource ?? 'tag', event: index, ...(event.phaseCue ? { cue: event.phaseCue } : {}) } as KeyTimeSource;
    }
  }
  const timedIndexes = timeline.map((e, i) => (e.time ? i : -1)).filter((i) => i >= 0);
  if (!times.started && timedIndexes.length) {
    // The first event, or an earlier dated one further down (a decision log above the timeline).
    let first = timedIndexes[0];
    for (const i of timedIndexes) {
      const at = timeline[i].time!.instant;
      const best = timeline[first].time!.instant;
      if (at !== undefined && best !== undefined && at < best) first = i;
    }
    times.started = timeline[first].time;
    sources.started = { from: 'firstEvent', event: first };
  }
  const { started, detected, mitigated, resolved } = times;
  // The last thing that happened: the latest of the resolution and the events.
  let last: TimeValue | undefined = resolved ?? mitigated;
  for (const i of timedIndexes) {
    const t = timeline[i].time!;
    if (!last || (minutesBetween(last, t) ?? -1) > 0) last = t;
  }
  const orderProblems: Metrics['orderProblems'] = [];
  const doubts: Metrics['doubts'] = {};
  const present = PHASES.filter((p) => times[p]);
  for (let a = 0; a < present.length; a++) {
    for (let b = a + 1; b < present.length; b++) {
      const delta = minutesBetween(times[present[a]], times[present[b]]);
      if (delta === null || delta >= 0) continue;
      const earlier = present[b];
      const later = present[a];
      orderProblems.push({
        earlier,
        later,
        message: `${label(earlier)} (${clock(times[earlier]!)}) is before ${label(later).toLowerCase()} (${clock(times[later]!)}): key times should follow started → detected → mitigated → resolved.`,
      });
    }
  }
  for (const [id, phase] of Object.entries(METRIC_PHASES) as Array<[Exclude<MetricId, 'duration'>, Phase]>) {
    const problem = orderProblems.find((p) => p.earlier === phase || p.later === phase);
    if (problem && times[phase]) doubts[id] = problem.message;
  }
  const ttdMinutes = minutesBetween(started, detected);
  const ttmMinutes = minutesBetween(started, mitigated);
  const ttrMinutes = minutesBetween(started, resolved);
  for (const [id, minutes] of [['ttd', ttdMinutes], ['ttm', ttmMinutes], ['ttr', ttrMinutes]] as const) {
    if (minutes !== null && minutes < 0 && !doubts[id]) doubts[id] = `${label(METRIC_PHASES[id])} is before the start of the incident.`;
  }
  const inferred = PHASES.filter((p) => sources[p]?.from === 'inferred');
  if (inferred.length && orderProblems.some((p) => inferred.includes(p.earlier) || inferred.includes(p.later))) {
    for (const id of Object.keys(doubts) as MetricId[]) doubts[id] = `${doubts[id]} (inferred from the timeline's words)`;
  }
  return {
    ...(started ? { started } : {}),
    ...(detected ? { detected } : {}),
    ...(mitigated ? { mitigated } : {}),
    ...(resolved ? { resolved } : {}),
    ttdMinutes,
    ttmMinutes,
    ttrMinutes,
    durationMinutes: minutesBetween(started, last),
    sources,
    doubts,
    orderProblems,
  };
}

function label(phase: Phase): string {
  return phase.charAt(0).toUpperCase() + phase.slice(1);
}

function clock(time: TimeValue): string {
  return `${time.date ? `${time.date} ` : ''}${formatClock(time.minutes)}`;
}
