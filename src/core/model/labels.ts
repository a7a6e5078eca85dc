// How model values read to people, one place for each.
import type { DocStatus, Phase } from './types';

export const DOC_STATUS_LABELS: Record<DocStatus, string> = { draft: 'Draft', 'in-review': 'In review', final: 'Final' };

export const PHASE_LABELS: Record<Phase, string> = { started: 'Started', detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' };

/** A zone as readers see it: `UTC`, `UTC+02:00`, `Europe/Berlin`, `PST`; empty for none. */
export function zoneLabel(zone: string | undefined): string {
  const z = zone?.trim();
  if (!z) return '';
  if (/^(?:z|utc|gmt)$/i.test(z)) return 'UTC';
  const m = /^(?:utc|gmt)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(z);
  if (m) return `UTC${m[1]}${m[2].padStart(2, '0')}:${m[3] ?? '00'}`;
  return z.replace(/\s+/g, ' ');
}
