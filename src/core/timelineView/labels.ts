// Display names shared by the view model and the renderers (kept apart so the webview bundle stays small).
import type { Phase } from '../model/types';

export type BandKind = 'undetected' | 'responding' | 'recovering';

export const PHASE_NAMES: Record<Phase, string> = { started: 'Impact started', detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' };
export const BAND_NAMES: Record<BandKind, string> = { undetected: 'Impact, not yet detected', responding: 'Detected, responding', recovering: 'Mitigated, recovering' };

/**
 * Events drawn at most (phase-tagged ones past it are drawn too): a picture of tens of thousands of
 * rows helps no reader and costs a second to lay out and paint; the document and its outline keep
 * them all, and the view says how many are left out.
 */
export const MAX_DRAWN_EVENTS = 5000;

/** The note shown when events are left out of the picture, or null. */
export function hiddenEventsNote(timeline: { eventCount: number; hiddenEventCount: number }): string | null {
  if (!timeline.hiddenEventCount) return null;
  const total = (timeline.eventCount + timeline.hiddenEventCount).toLocaleString('en');
  return `Showing ${timeline.eventCount.toLocaleString('en')} of ${total} events: the timeline draws the first ${MAX_DRAWN_EVENTS.toLocaleString('en')} and every phase. The document and its outline have them all.`;
}
