// The workdays of a span of local dates (../shared/SPEC.md S4: shadow days go on workdays of the
// fiscal quarter that are not holidays; S2 due dates). See isWorkday for what a workday is.
import { calendarDate } from './calendar-date.js';
import { DEFAULT_WEEKEND } from './is-workday.js';
import type { WorkdayOptions } from './types.js';

/** A guard against a span of centuries: ten years of days. */
const MAX_DAYS = 3660;

/** The workdays from `startDate` up to but not including `endDate` (a period's startDate and endDate), in order. */
export function workdaysIn(startDate: string, endDate: string, options: WorkdayOptions): string[] {
  const days = calendarDate.daysBetween(startDate, endDate);
  if (days > MAX_DAYS) throw new RangeError(`A span of workdays is at most ${MAX_DAYS} days, not ${days}.`);
  const weekend = new Set(options.weekend ?? DEFAULT_WEEKEND);
  const holidays = new Set(options.holidays.map((h) => h.date));
  const out: string[] = [];
  let weekday = calendarDate.dayOfWeek(startDate);
  for (let i = 0; i < days; i++) {
    const date = calendarDate.addDays(startDate, i);
    if (!weekend.has(weekday) && !holidays.has(date)) out.push(date);
    weekday = (weekday + 1) % 7;
  }
  return out;
}
