import type { Metadata, Metrics, Phase, TimelineEvent, TimeValue } from './types';
import { minutesBetween } from './time';

/** Key times from metadata, else from phase-tagged events; the start falls back to the first event. */
export function computeMetrics(metadata: Metadata, timeline: TimelineEvent[]): Metrics {
  const fromPhase = (phase: Phase): TimeValue | undefined => timeline.find((e) => e.phase === phase && e.time)?.time;
  const started = metadata.started?.value ?? fromPhase('started') ?? timeline.find((e) => e.time)?.time;
  const detected = metadata.detected?.value ?? fromPhase('detected');
  const mitigated = metadata.mitigated?.value ?? fromPhase('mitigated');
  const resolved = metadata.resolved?.value ?? fromPhase('resolved');
  const timed = timeline.filter((e) => e.time);
  const last = timed[timed.length - 1]?.time;
  return {
    ...(started ? { started } : {}),
    ...(detected ? { detected } : {}),
    ...(mitigated ? { mitigated } : {}),
    ...(resolved ? { resolved } : {}),
    ttdMinutes: minutesBetween(started, detected),
    ttmMinutes: minutesBetween(started, mitigated),
    ttrMinutes: minutesBetween(started, resolved),
    durationMinutes: minutesBetween(started, resolved ?? mitigated ?? last),
  };
}
