// The week, month or fiscal quarter an instant falls in, in the workspace time zone (SPEC S1 targets
// per period, S0 week start and fiscal-quarter start).
// - Weeks start on the workspace's week-start day (0 = Sunday … 6 = Saturday) at local midnight.
// - Fiscal quarters are three-month blocks counted from the fiscal-year start month (1–12).
// - A fiscal year is named by the calendar year in which it ENDS: with a February start, Feb 2026 –
//   Jan 2027 is FY2027 (the common US convention, e.g. Walmart, Salesforce); with a January start the
//   fiscal year equals the calendar year.
// Periods run from local midnight to local midnight, so a DST week lasts 167 or 169 hours.
import { calendarDate } from './calendar-date.js';
import { instantMs, localDateOf } from './local-date-of.js';
import { startOfLocalDay } from './start-of-local-day.js';
import type { Instant, Period, PeriodKind, PeriodOptions } from './types.js';

function checkOptions(options: PeriodOptions): void {
  if (!Number.isInteger(options.weekStart) || options.weekStart < 0 || options.weekStart > 6) {
    throw new RangeError(`Week start must be 0 (Sunday) to 6 (Saturday), not ${options.weekStart}.`);
  }
  const f = options.fiscalYearStartMonth;
  if (!Number.isInteger(f) || f < 1 || f > 12) {
    throw new RangeError(`Fiscal year start month must be 1 (January) to 12 (December), not ${f}.`);
  }
}

/** The fiscal year (named by the year it ends in) and quarter (1–4) of a calendar month. */
export function fiscalQuarterOf(year: number, month: number, fiscalYearStartMonth: number): { fiscalYear: number; quarter: number; startYear: number; startMonth: number } {
  const monthsIntoYear = (month - fiscalYearStartMonth + 12) % 12;
  const quarter = Math.floor(monthsIntoYear / 3) + 1;
  const fiscalStartYear = month >= fiscalYearStartMonth ? year : year - 1;
  // A January start ends the same calendar year; any later start ends the next one.
  const fiscalYear = fiscalYearStartMonth === 1 ? fiscalStartYear : fiscalStartYear + 1;
  const startIndex = month - 1 - (monthsIntoYear % 3); // may go negative: wraps into the previous year
  const startYear = year + Math.floor(startIndex / 12);
  const startMonth = (((startIndex % 12) + 12) % 12) + 1;
  return { fiscalYear, quarter, startYear, startMonth };
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
      const back = (calendarDate.dayOfWeek(date) - options.weekStart + 7) % 7;
      const startDate = calendarDate.addDays(date, -back);
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
