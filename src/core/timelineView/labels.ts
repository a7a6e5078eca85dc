// Display names shared by the view model and the renderers (kept apart so the webview bundle stays small).
import type { Phase } from '../model/types';

export type BandKind = 'undetected' | 'responding' | 'recovering';

export const PHASE_NAMES: Record<Phase, string> = { started: 'Impact started', detected: 'Detected', mitigated: 'Mitigated', resolved: 'Resolved' };
export const BAND_NAMES: Record<BandKind, string> = { undetected: 'Impact, not yet detected', responding: 'Detected, responding', recovering: 'Mitigated, recovering' };
