// Facilitation mode: a pure agenda state machine for a post-mortem review meeting. Time comes from an
// injectable clock; the caller drives it with `tick()` (e.g. once a second) and reacts to the events.
import type { SectionKind } from '../model/types';
import { resolveSectionKind } from '../model/sections';

export interface AgendaItem {
  title: string;
  minutes: number;
  /** Canonical section revealed when the item starts. */
  section?: SectionKind;
}

export const DEFAULT_AGENDA: readonly AgendaItem[] = [
  { title: 'Opening', minutes: 2, section: 'summary' },
  { title: 'Timeline and blast radius', minutes: 5, section: 'timeline' },
  { title: 'Root cause analysis', minutes: 15, section: 'rootCause' },
  { title: 'Action items', minutes: 10, section: 'actionItems' },
  { title: 'Wrap-up', minutes: 3, section: 'lessonsLearned' },
];

/** Warn this long before a timebox ends. */
export const WARNING_MS = 60_000;
const MAX_MINUTES = 24 * 60;

/** Reads the `postmortem.agenda` setting; invalid entries are reported and skipped, an empty result means the default. */
export function parseAgenda(value: unknown): { items: AgendaItem[]; errors: string[] } {
  const errors: string[] = [];
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) return { items: [...DEFAULT_AGENDA], errors };
  if (!Array.isArray(value)) return { items: [...DEFAULT_AGENDA], errors: ['postmortem.agenda must be an array of { title, minutes, section? }; using the default agenda.'] };
  const items: AgendaItem[] = [];
  value.forEach((entry: unknown, i) => {
    const where = `postmortem.agenda[${i}]`;
    if (!entry || typeof entry !== 'object') {
      errors.push(`${where} is not an object.`);
      return;
    }
    const { title, minutes, section } = entry as Record<string, unknown>;
    if (typeof title !== 'string' || !title.trim()) {
      errors.push(`${where}.title must be a non-empty string.`);
      return;
    }
    if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes <= 0 || minutes > MAX_MINUTES) {
      errors.push(`${where}.minutes must be a number of minutes above 0.`);
      return;
    }
    const item: AgendaItem = { title: title.trim(), minutes };
    if (section !== undefined && section !== null && section !== '') {
      const kind = typeof section === 'string' ? resolveSectionKind(section) : undefined;
      if (kind) item.section = kind;
      else errors.push(`${where}.section ${JSON.stringify(section)} is not a known section (e.g. "timeline", "rootCause", "actionItems").`);
    }
    items.push(item);
  });
  if (items.length === 0) {
    errors.push('postmortem.agenda has no valid items; using the default agenda.');
    return { items: [...DEFAULT_AGENDA], errors };
  }
  return { items, errors };
}

export type AgendaStatus = 'idle' | 'running' | 'paused' | 'finished';

export interface AgendaItemReport {
  title: string;
  plannedMs: number;
  usedMs: number;
  /** Ended before its timebox was used up. */
  early: boolean;
  /** Never started (the meeting was stopped before). */
  notReached: boolean;
}

export type AgendaEvent =
  | { type: 'itemStarted'; index: number; item: AgendaItem }
  | { type: 'oneMinuteLeft'; index: number; item: AgendaItem }
  | { type: 'timeUp'; index: number; item: AgendaItem }
  | { type: 'paused'; index: number; item: AgendaItem; remainingMs: number }
  | { type: 'resumed'; index: number; item: AgendaItem; remainingMs: number }
  | { type: 'extended'; index: number; item: AgendaItem; remainingMs: number }
  | { type: 'itemEnded'; index: number; item: AgendaItem; usedMs: number; early: boolean }
  | { type: 'finished'; completed: boolean; plannedMs: number; usedMs: number; items: AgendaItemReport[] };

export interface AgendaSnapshot {
  status: AgendaStatus;
  index: number;
  count: number;
  item?: AgendaItem;
  /** Time left in the current timebox; negative when over time. */
  remainingMs: number;
  /** Running (not paused) time spent on the current item. */
  elapsedMs: number;
  /** Running time spent on all items so far. */
  totalUsedMs: number;
}

interface ItemState {
  budgetMs: number;
  usedMs: number;
  warned: boolean;
  timeUp: boolean;
  ended: boolean;
  early: boolean;
}

/**
 * idle -start-> running <-pause/resume-> paused; `next()` ends the current item (a skip when time is
 * left) and starts the next one, or finishes after the last; `stop()` finishes at once. Timeboxes never
 * advance on their own: at the end the facilitator is told (`timeUp`) and decides.
 */
export class AgendaMachine {
  private statusValue: AgendaStatus = 'idle';
  private index = 0;
  private runningSince = 0;
  private readonly state: ItemState[];

  constructor(
    readonly items: readonly AgendaItem[],
    private readonly now: () => number = () => Date.now(),
  ) {
    if (items.length === 0) throw new Error('An agenda needs at least one item.');
    this.state = items.map((item) => ({ budgetMs: Math.round(item.minutes * 60_000), usedMs: 0, warned: false, timeUp: false, ended: false, early: false }));
  }

  get status(): AgendaStatus {
    return this.statusValue;
  }

  get active(): boolean {
    return this.statusValue === 'running' || this.statusValue === 'paused';
  }

  start(): AgendaEvent[] {
    if (this.statusValue !== 'idle') return [];
    return this.begin(0);
  }

  /** Call regularly while running; reports the one-minute warning and the end of the timebox once each. */
  tick(): AgendaEvent[] {
    if (this.statusValue !== 'running') return [];
    const s = this.state[this.index];
    const remaining = s.budgetMs - this.elapsed();
    const item = this.items[this.index];
    if (remaining <= 0 && !s.timeUp) {
      s.timeUp = true;
      s.warned = true;
      return [{ type: 'timeUp', index: this.index, item }];
    }
    if (remaining > 0 && remaining <= WARNING_MS && !s.warned) {
      s.warned = true;
      return [{ type: 'oneMinuteLeft', index: this.index, item }];
    }
    return [];
  }

  pause(): AgendaEvent[] {
    if (this.statusValue !== 'running') return [];
    const s = this.state[this.index];
    s.usedMs += this.now() - this.runningSince;
    this.statusValue = 'paused';
    return [{ type: 'paused', index: this.index, item: this.items[this.index], remainingMs: s.budgetMs - s.usedMs }];
  }

  resume(): AgendaEvent[] {
    if (this.statusValue !== 'paused') return [];
    this.statusValue = 'running';
    this.runningSince = this.now();
    const s = this.state[this.index];
    return [{ type: 'resumed', index: this.index, item: this.items[this.index], remainingMs: s.budgetMs - s.usedMs }];
  }

  /** Adds time to the current timebox (re-arming its warnings when they no longer apply). */
  extend(minutes: number): AgendaEvent[] {
    if (!this.active || !(minutes > 0)) return [];
    const s = this.state[this.index];
    s.budgetMs += Math.round(minutes * 60_000);
    const remaining = s.budgetMs - this.elapsed();
    if (remaining > 0) s.timeUp = false;
    if (remaining > WARNING_MS) s.warned = false;
    return [{ type: 'extended', index: this.index, item: this.items[this.index], remainingMs: remaining }];
  }

  /** Ends the current item (skipping what is left of its timebox) and starts the next, or finishes. Keeps a paused meeting paused. */
  next(): AgendaEvent[] {
    if (!this.active) return [];
    const wasPaused = this.statusValue === 'paused';
    const events = this.endCurrent();
    if (this.index + 1 >= this.items.length) return [...events, this.finish(true)];
    events.push(...this.begin(this.index + 1));
    if (wasPaused) this.statusValue = 'paused';
    return events;
  }

  /** Ends the meeting now; `completed` when it was on the last item. */
  stop(): AgendaEvent[] {
    if (!this.active) return [];
    const completed = this.index === this.items.length - 1;
    const events = this.endCurrent();
    return [...events, this.finish(completed)];
  }

  snapshot(): AgendaSnapshot {
    const started = this.statusValue !== 'idle';
    const s = this.state[this.index];
    const elapsed = started ? this.elapsed() : 0;
    return {
      status: this.statusValue,
      index: this.index,
      count: this.items.length,
      ...(started && this.statusValue !== 'finished' ? { item: this.items[this.index] } : {}),
      remainingMs: s.budgetMs - elapsed,
      elapsedMs: elapsed,
      totalUsedMs: this.state.reduce((sum, st, i) => sum + (i === this.index && this.statusValue === 'running' ? elapsed : st.usedMs), 0),
    };
  }

  private elapsed(): number {
    const s = this.state[this.index];
    return s.usedMs + (this.statusValue === 'running' ? this.now() - this.runningSince : 0);
  }

  private begin(index: number): AgendaEvent[] {
    this.index = index;
    this.statusValue = 'running';
    this.runningSince = this.now();
    const s = this.state[index];
    // A timebox of a minute or less gets no "one minute left" warning.
    if (s.budgetMs <= WARNING_MS) s.warned = true;
    return [{ type: 'itemStarted', index, item: this.items[index] }];
  }

  private endCurrent(): AgendaEvent[] {
    const s = this.state[this.index];
    if (this.statusValue === 'running') s.usedMs += this.now() - this.runningSince;
    s.ended = true;
    s.early = s.usedMs < s.budgetMs;
    this.statusValue = 'paused';
    return [{ type: 'itemEnded', index: this.index, item: this.items[this.index], usedMs: s.usedMs, early: s.early }];
  }

  private finish(completed: boolean): AgendaEvent {
    this.statusValue = 'finished';
    const items = this.items.map((item, i) => ({
      title: item.title,
      plannedMs: Math.round(item.minutes * 60_000),
      usedMs: this.state[i].usedMs,
      early: this.state[i].ended && this.state[i].early,
      notReached: !this.state[i].ended,
    }));
    return {
      type: 'finished',
      completed,
      plannedMs: items.reduce((sum, i) => sum + i.plannedMs, 0),
      usedMs: items.reduce((sum, i) => sum + i.usedMs, 0),
      items,
    };
  }
}

/** `12:31` (minutes:seconds; time left rounds up so a running timebox never shows 00:00, overtime rounds down); hours when long. */
export function formatCountdown(ms: number): string {
  const total = ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(2, '0');
  const ss = String(s).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}
