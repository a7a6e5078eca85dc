// The one place that says where an action item stands against its deadline: used by the overdue
// rule, the hover, the summary, the timeline preview, the Action Items view, the status bar and the CLI.
import { daysUntil } from './time';
import { plural } from '../util/words';

export type DueState = 'overdue' | 'dueSoon' | 'later' | 'done' | 'noDate';

/** An open item due within this many days (today included) is "due soon". */
export const DUE_SOON_DAYS = 7;

export const DUE_STATE_LABELS: Record<DueState, string> = {
  overdue: 'Overdue',
  dueSoon: 'Due soon',
  later: 'Later',
  done: 'Done',
  noDate: 'No deadline',
};

export interface Due {
  state: DueState;
  /** Whole days from today to the deadline (negative when overdue); undefined without a real date. */
  days?: number;
  /** `overdue by 3 days`, `due today`, `due tomorrow`, `due in 5 days`, `done`, `no deadline`. */
  label: string;
}

export function dueState(item: { done: boolean; due: string | null }, today: string): Due {
  if (item.done) return { state: 'done', ...(item.due ? { days: daysUntil(item.due, today) } : {}), label: 'done' };
  if (!item.due) return { state: 'noDate', label: 'no deadline' };
  const days = daysUntil(item.due, today);
  if (days < 0) return { state: 'overdue', days, label: `overdue by ${plural(-days, 'day')}` };
  const label = days === 0 ? 'due today' : days === 1 ? 'due tomorrow' : `due in ${days} days`;
  return { state: days < DUE_SOON_DAYS ? 'dueSoon' : 'later', days, label };
}
