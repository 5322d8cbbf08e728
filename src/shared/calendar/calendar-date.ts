// Calendar-date arithmetic on 'YYYY-MM-DD' strings (../shared/SPEC.md S1 periods, S2 due dates). A
// calendar date has no time zone, so this is done on UTC midnights, where every day is exactly 24
// hours: no zone rules are involved, and on UTC Date arithmetic it is 7–9 times cheaper than through
// Temporal.PlainDate (0.6 µs against 4.5–5.4 µs an addDays or daysBetween), on read paths that call it per
// value (KPI status, carried-over items). Time zones come from Temporal: see zone-of.ts.
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Milliseconds of a UTC midnight. Unlike Date.UTC, which reads the years 0–99 as 1900–1999, setUTCFullYear takes the year as given. */
function utcMs(year: number, month: number, day: number): number {
  return new Date(0).setUTCFullYear(year, month - 1, day);
}

function parse(date: string): { year: number; month: number; day: number } {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD).`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const check = new Date(utcMs(year, month, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD).`);
  }
  return { year, month, day };
}

function format(year: number, month: number, day: number): string {
  // utcMs normalises overflow (month 13 → January of the next year, day 0 → last day of the previous month).
  const d = new Date(utcMs(year, month, day));
  return `${String(d.getUTCFullYear()).padStart(4, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

function toUtcMs(date: string): number {
  const { year, month, day } = parse(date);
  return utcMs(year, month, day);
}

export const calendarDate = {
  isDate: (value: string): boolean => DATE_RE.test(value),
  parse,
  format,
  addDays: (date: string, days: number): string => {
    const { year, month, day } = parse(date);
    return format(year, month, day + days);
  },
  /** Days from `a` to `b` (b − a). */
  daysBetween: (a: string, b: string): number => Math.round((toUtcMs(b) - toUtcMs(a)) / DAY_MS),
  /** 0 = Sunday … 6 = Saturday. */
  dayOfWeek: (date: string): number => new Date(toUtcMs(date)).getUTCDay(),
  monthName: (month: number): string => MONTHS[(((month - 1) % 12) + 12) % 12] ?? '',
};
