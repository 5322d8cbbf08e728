// The first day of the week a local date falls in (../shared/SPEC.md S0: the workspace's week start
// day; S1 weekly periods). Holidays do not move week boundaries: a week is seven calendar days.
import { calendarDate } from './calendar-date.js';

/** The date, on or before `date`, that is a `weekStart` day (0 = Sunday … 6 = Saturday). */
export function weekStartOf(date: string, weekStart: number): string {
  if (!Number.isInteger(weekStart) || weekStart < 0 || weekStart > 6) {
    throw new RangeError(`Week start must be 0 (Sunday) to 6 (Saturday), not ${weekStart}.`);
  }
  const back = (calendarDate.dayOfWeek(date) - weekStart + 7) % 7;
  return calendarDate.addDays(date, -back);
}
