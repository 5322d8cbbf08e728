// "Closed in" for the Deals view (issue 11): a fiscal quarter (`2026-Q3`, `FY2026-Q3`) or a month (`2026-07`) in the
// workspace's calendar, and/or a from–to range of days, as one half-open range of close dates. Pure; a sentence for
// anything that is not a period or a range that runs backwards.
import { calendarDate, periodOf, type PeriodOptions } from '../../../shared/calendar/index.js';

export interface ClosedRange {
  /** First close date included. */
  from?: string;
  /** First close date no longer included. */
  before?: string;
}

const QUARTER = /^(?:FY)?(\d{4})-Q([1-4])$/i;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The first and the first-after day of a period key; null when the text is not one. */
export function periodRange(key: string, options: PeriodOptions): { startDate: string; endDate: string; label: string } | null {
  const q = QUARTER.exec(key);
  if (q) {
    const fiscalYear = Number(q[1]);
    const quarter = Number(q[2]);
    const start = options.fiscalYearStartMonth;
    // A fiscal year is named by the calendar year it ends in: with a January start it is that year; otherwise it
    // began the year before, in the start month.
    const startYear = start === 1 ? fiscalYear : fiscalYear - 1;
    const firstDay = calendarDate.format(startYear, start + 3 * (quarter - 1), 1);
    if (firstDay < '0001-01-01') return null;
    const p = periodOf('quarter', firstDay, options);
    return { startDate: p.startDate, endDate: p.endDate, label: p.label };
  }
  const m = MONTH.exec(key);
  if (m) {
    const p = periodOf('month', `${m[1]}-${m[2]}-01`, options);
    return { startDate: p.startDate, endDate: p.endDate, label: p.label };
  }
  return null;
}

/** The close-date range the filters ask for, or a sentence saying what is wrong with them. */
export function closedRange(f: { closedIn?: string | undefined; closedFrom?: string | undefined; closedTo?: string | undefined }, options: PeriodOptions): ClosedRange | { error: string; path: string } {
  const range: ClosedRange = {};
  if (f.closedIn !== undefined && f.closedIn !== '') {
    const p = periodRange(f.closedIn, options);
    if (!p) return { path: 'querystring.closedIn', error: `"${f.closedIn.slice(0, 20)}" is not a period: give a fiscal quarter as 2026-Q3 or a month as 2026-07.` };
    range.from = p.startDate;
    range.before = p.endDate;
  }
  if (f.closedFrom !== undefined && f.closedTo !== undefined && f.closedTo < f.closedFrom) {
    return { path: 'querystring.closedTo', error: `The close-date range ends (${f.closedTo}) before it starts (${f.closedFrom}).` };
  }
  if (f.closedFrom !== undefined && (range.from === undefined || f.closedFrom > range.from)) range.from = f.closedFrom;
  if (f.closedTo !== undefined) {
    const after = calendarDate.addDays(f.closedTo, 1);
    // The last day of year 9999 has no 'YYYY-MM-DD' after it: the range is then open at the end.
    if (after.length === 10 && (range.before === undefined || after < range.before)) range.before = after;
  }
  return range;
}
