// The week, month or fiscal quarter an instant falls in, in the workspace time zone (../shared/SPEC.md
// S1 targets per period, S0 week start and fiscal-quarter start).
// - Weeks start on the workspace's week-start day (0 = Sunday … 6 = Saturday) at local midnight
//   (weekStartOf).
// - Fiscal quarters are three-month blocks counted from the fiscal-year start month, named by the
//   fiscal year they end in (fiscalQuarterOf).
// Periods run from local midnight to local midnight, so a DST week lasts 167 or 169 hours.
import { calendarDate } from './calendar-date.js';
import { fiscalQuarterOf } from './fiscal-quarter-of.js';
import { instantMs } from './instant-ms.js';
import { localDateOf } from './local-date-of.js';
import { startOfLocalDay } from './start-of-local-day.js';
import type { Instant, Period, PeriodKind, PeriodOptions } from './types.js';
import { weekStartOf } from './week-start-of.js';

function checkOptions(options: PeriodOptions): void {
  if (!Number.isInteger(options.weekStart) || options.weekStart < 0 || options.weekStart > 6) {
    throw new RangeError(`Week start must be 0 (Sunday) to 6 (Saturday), not ${options.weekStart}.`);
  }
  const f = options.fiscalYearStartMonth;
  if (!Number.isInteger(f) || f < 1 || f > 12) {
    throw new RangeError(`Fiscal year start month must be 1 (January) to 12 (December), not ${f}.`);
  }
}

function build(kind: PeriodKind, timeZone: string, startDate: string, endDate: string, key: string, label: string): Period {
  return {
    kind,
    timeZone,
    start: new Date(startOfLocalDay(startDate, timeZone)).toISOString(),
    end: new Date(startOfLocalDay(endDate, timeZone)).toISOString(),
    startDate,
    endDate,
    key,
    label,
  };
}

/** The period of `kind` containing `instant` (a 'YYYY-MM-DD' date is read as that local day). */
export function periodOf(kind: PeriodKind, instant: Instant, options: PeriodOptions): Period {
  checkOptions(options);
  const { timeZone } = options;
  if (typeof instant !== 'string' || !calendarDate.isDate(instant)) instantMs(instant);
  const date = localDateOf(instant, timeZone);
  const { year, month } = calendarDate.parse(date);
  switch (kind) {
    case 'week': {
      const startDate = weekStartOf(date, options.weekStart);
      const s = calendarDate.parse(startDate);
      return build(
        kind,
        timeZone,
        startDate,
        calendarDate.addDays(startDate, 7),
        `W${startDate}`,
        `Week of ${s.day} ${calendarDate.monthName(s.month)} ${s.year}`,
      );
    }
    case 'month': {
      return build(
        kind,
        timeZone,
        calendarDate.format(year, month, 1),
        calendarDate.format(year, month + 1, 1),
        calendarDate.format(year, month, 1).slice(0, 7),
        `${calendarDate.monthName(month)} ${year}`,
      );
    }
    case 'quarter': {
      const q = fiscalQuarterOf(year, month, options.fiscalYearStartMonth);
      return build(
        kind,
        timeZone,
        calendarDate.format(q.startYear, q.startMonth, 1),
        calendarDate.format(q.startYear, q.startMonth + 3, 1),
        `FY${q.fiscalYear}-Q${q.quarter}`,
        `FY${q.fiscalYear} Q${q.quarter}`,
      );
    }
  }
}
