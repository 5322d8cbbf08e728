// Windows for the calendar dates people type (issue 10 "dates within a sensible window"; ../shared/SPEC.md S0
// holidays, S1 values, S2 due dates and the check-in series). A date outside its window is almost always a slip
// (2999 for 2029, 0001 from an emptied field), so it is refused with the window named, never stored unseen.
// The server's rules and the forms' min/max both come from here.
import { calendarDate } from './calendar-date.js';

export interface DateWindow {
  /** First date allowed, 'YYYY-MM-DD'. */
  min: string;
  /** Last date allowed, 'YYYY-MM-DD'. */
  max: string;
}

function addYears(date: string, years: number): string {
  const { year, month, day } = calendarDate.parse(date);
  // 29 February plus a year is 1 March (calendarDate.format normalises the overflow).
  return calendarDate.addDays(`${String(year + years).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`, day - 1);
}

/** How many years back a date of record may lie (from 1 January of that year). */
export const RECORD_YEARS_BACK = 10;

/** Dates of record (holidays, KPI values): from 1 January ten years back to 31 December of next year. */
export function recordDateWindow(today: string): DateWindow {
  const { year } = calendarDate.parse(today);
  return { min: `${String(year - RECORD_YEARS_BACK).padStart(4, '0')}-01-01`, max: `${String(year + 1).padStart(4, '0')}-12-31` };
}

/** A due date: from the day it was agreed (`from`) to two years after today. */
export function dueDateWindow(today: string, from: string): DateWindow {
  return { min: from, max: addYears(today, 2) };
}

/**
 * The first date a weekly check-in series may meet on: two years back (meetings are kept a year back, so an older
 * start adds nothing) to one year ahead (a weekly meeting set up further out is a typo).
 */
export function seriesStartWindow(today: string): DateWindow {
  return { min: addYears(today, -2), max: addYears(today, 1) };
}

export function isWithin(date: string, window: DateWindow): boolean {
  return date >= window.min && date <= window.max;
}

/** '2026-03-09' → '9 Mar 2026', as the messages write a date ('0001-01-01' → '1 Jan 0001', as it was typed). */
export function spokenDate(date: string): string {
  const { year, month, day } = calendarDate.parse(date);
  return `${day} ${calendarDate.monthName(month)} ${String(year).padStart(4, '0')}`;
}
