// Whether a local date is a workday (../shared/SPEC.md S0: the workspace's public holidays; S4: a
// shadow day is scheduled on a workday that is not a holiday). A workday is a day that is neither a
// weekend day (Saturday and Sunday unless the workspace says otherwise) nor one of the holidays.
import { calendarDate } from './calendar-date.js';
import type { WorkdayOptions } from './types.js';

/** Saturday and Sunday (0 = Sunday … 6 = Saturday). */
export const DEFAULT_WEEKEND: readonly number[] = [6, 0];

export function isWorkday(date: string, options: WorkdayOptions): boolean {
  const weekend = options.weekend ?? DEFAULT_WEEKEND;
  if (weekend.includes(calendarDate.dayOfWeek(date))) return false;
  return !options.holidays.some((h) => h.date === date);
}
