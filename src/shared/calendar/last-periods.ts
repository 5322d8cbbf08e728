// The last n periods up to and including the one containing an instant, oldest first (../shared/SPEC.md
// S1: "trend over the last 12 periods").
import { calendarDate } from './calendar-date.js';
import { periodOf } from './period-of.js';
import type { Instant, Period, PeriodKind, PeriodOptions } from './types.js';

export function lastPeriods(n: number, kind: PeriodKind, instant: Instant, options: PeriodOptions): Period[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`The number of periods must be a whole number ≥ 0, not ${n}.`);
  const periods: Period[] = [];
  let current = periodOf(kind, instant, options);
  for (let i = 0; i < n; i++) {
    periods.push(current);
    // The day before a period's first day lies in the previous period.
    current = periodOf(kind, calendarDate.addDays(current.startDate, -1), options);
  }
  return periods.reverse();
}
