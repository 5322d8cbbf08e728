// The ISO-8601 week of a local date (../shared/SPEC.md S7: the weekly digest; the job scheduler keys
// weekly runs by ISO week the same way): weeks start on Monday and belong to the year of their Thursday,
// so 2026-12-28 … 2027-01-03 is 2026-W53 and 2027-01-04 starts 2027-W01. From Temporal's ISO calendar
// (PlainDate.weekOfYear and yearOfWeek).
import { Temporal } from 'temporal-polyfill';
import { calendarDate } from './calendar-date.js';
import type { IsoWeek } from './types.js';

export function isoWeekOf(date: string): IsoWeek {
  const { year, month, day } = calendarDate.parse(date);
  const d = new Temporal.PlainDate(year, month, day);
  // The ISO calendar always numbers weeks; the polyfill types them as possibly undefined for other calendars.
  const week = d.weekOfYear ?? 0;
  const weekYear = d.yearOfWeek ?? year;
  const startDate = calendarDate.addDays(date, 1 - d.dayOfWeek);
  return { year: weekYear, week, key: `${String(weekYear).padStart(4, '0')}-W${String(week).padStart(2, '0')}`, startDate, endDate: calendarDate.addDays(startDate, 7) };
}
