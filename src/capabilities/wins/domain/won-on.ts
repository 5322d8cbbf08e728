// A win's day (issue 13 contract): a real date, at most a day ahead of today in the workspace's calendar (a win
// logged late in the evening further east) and at most ten years back. Pure: the caller gives today.
import { calendarDate } from '../../../shared/calendar/index.js';
import { WIN_LIMITS } from './limits.js';

/** The sentence refusing `wonOn`, or null when it is a day a win can have. */
export function wonOnProblem(wonOn: string, today: string): string | null {
  const latest = calendarDate.addDays(today, WIN_LIMITS.daysAhead);
  if (wonOn > latest) return `The date can be at most a day ahead of today (${today} in the workspace's time zone); ${wonOn} is later.`;
  const earliest = `${String(Number(today.slice(0, 4)) - WIN_LIMITS.yearsBack).padStart(4, '0')}${today.slice(4)}`;
  if (wonOn < earliest) return `The date can be at most ${WIN_LIMITS.yearsBack} years back (${earliest} or later); ${wonOn} is earlier.`;
  return null;
}
