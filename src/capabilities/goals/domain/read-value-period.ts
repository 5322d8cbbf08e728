// The date a KPI value is stored on, from the period a person wrote (SPEC S7 "KPI values from CSV"; S1 values
// per period; docs/decisions/009). Values are stored one per KPI and date, and a period's value is formed from
// the values dated inside it, so a value for a whole period is stored on the period's first day:
// - a date `2026-03-07` is stored as written, whatever the KPI's period;
// - a month `2026-03` on its first day, for a monthly or quarterly KPI (a month lies inside one fiscal quarter);
// - a quarter `2026-Q1` (also `FY2026-Q1`, `FY2026 Q1`) of the workspace's fiscal calendar — fiscal years named
//   by the year they end in — on its first day, for a quarterly KPI;
// - an ISO week `2026-W10` on the first day of the workspace week holding its Monday, for a weekly KPI.
// A period longer than the KPI's (a quarter for a monthly KPI), or a week for a monthly one (a week can straddle
// two months), is refused: its value cannot be split into the KPI's periods without guessing.
import { calendarDate } from '../../../shared/calendar/calendar-date.js';
import { isoWeekOf } from '../../../shared/calendar/iso-week-of.js';
import type { PeriodKind, PeriodOptions } from '../../../shared/calendar/types.js';
import { weekStartOf } from '../../../shared/calendar/week-start-of.js';

export type ValuePeriod = { ok: true; date: string } | { ok: false; message: string };

const EVERY: Record<PeriodKind, string> = { week: 'weekly', month: 'monthly', quarter: 'quarterly' };
const ACCEPTS: Record<PeriodKind, string> = {
  week: 'a date (2026-03-07) or a week (2026-W10)',
  month: 'a date (2026-03-07) or a month (2026-03)',
  quarter: 'a date (2026-03-07), a month (2026-03) or a quarter (2026-Q1)',
};

const refuse = (written: string, what: string, kpiPeriod: PeriodKind): ValuePeriod => ({
  ok: false,
  message: `"${written}" is ${what}, and this KPI is measured ${EVERY[kpiPeriod]}; give ${ACCEPTS[kpiPeriod]}.`,
});

export function readValuePeriod(written: string, kpiPeriod: PeriodKind, options: Pick<PeriodOptions, 'weekStart' | 'fiscalYearStartMonth'>): ValuePeriod {
  const text = written.trim();
  const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
  if (text === '') return { ok: false, message: `The period is empty; give ${ACCEPTS[kpiPeriod]}.` };
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    try {
      calendarDate.parse(text);
    } catch {
      return { ok: false, message: `"${shown}" is not a day of the calendar.` };
    }
    return { ok: true, date: text };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(text);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return { ok: false, message: `"${shown}" is not a month: months run from 01 to 12.` };
    if (kpiPeriod === 'week') return refuse(shown, 'a month', kpiPeriod);
    return { ok: true, date: `${month[1]}-${month[2]}-01` };
  }
  const quarter = /^(?:fy)?(\d{4})[-\s]?q([1-4])$/i.exec(text);
  if (quarter) {
    if (kpiPeriod !== 'quarter') return refuse(shown, 'a quarter', kpiPeriod);
    const fiscalYear = Number(quarter[1]);
    const q = Number(quarter[2]);
    const start = options.fiscalYearStartMonth;
    // FY N ends in calendar year N: with a January start it is that year, otherwise it began the year before.
    const startYear = start === 1 ? fiscalYear : fiscalYear - 1;
    return { ok: true, date: calendarDate.format(startYear, start + 3 * (q - 1), 1) };
  }
  const week = /^(\d{4})-?w(\d{2})$/i.exec(text);
  if (week) {
    const year = Number(week[1]);
    const n = Number(week[2]);
    // The Monday of ISO week 1 is the Monday of the week holding 4 January.
    const jan4 = `${week[1]}-01-04`;
    const monday = calendarDate.addDays(isoWeekOf(jan4).startDate, 7 * (n - 1));
    const check = isoWeekOf(monday);
    if (n < 1 || check.year !== year || check.week !== n) return { ok: false, message: `"${shown}" is not a week: ${year} has weeks W01 to W${String(isoWeekOf(`${week[1]}-12-28`).week)}.` };
    if (kpiPeriod !== 'week') return refuse(shown, 'a week', kpiPeriod);
    return { ok: true, date: weekStartOf(monday, options.weekStart) };
  }
  return { ok: false, message: `"${shown}" is not a period Lockstep reads; give ${ACCEPTS[kpiPeriod]}.` };
}
