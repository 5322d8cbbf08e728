// The meetings a check-in series schedules (SPEC S2: "weekly recurrence (RFC 5545 RRULE), workspace
// time zone, correct across DST").
// The rrule library's own tzid handling depends on the process zone, so the rule is expanded in
// "floating" time instead: dates whose UTC fields are the local wall clock (10:00 local is T10:00Z).
// Each local date and time is then turned into the real instant in the series' zone, so 10:00 in
// America/New_York stays 10:00 local in EST and EDT alike. A local time that does not exist on a
// spring-forward day moves forward out of the gap; one that happens twice takes the first
// (instantAtLocalTime). The duration is elapsed time: a 60-minute meeting at 01:30 on a fall-back
// night ends at 01:30 again, one real hour later.
import rrule from 'rrule';
import { calendarDate, instantAtLocalTime, instantMs, parseLocalTime, timeZoneOffsetMs, type Instant } from '../../../shared/calendar/index.js';
import { parseWeeklyRrule } from './parse-weekly-rrule.js';
import type { CheckinOccurrence, CheckinSeries, WeekdayCode } from './types.js';

const { RRule } = rrule;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A guard against a window of centuries: 1000 weekly meetings are 19 years. */
export const MAX_OCCURRENCES = 1000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function floatingDateOf(d: Date): string {
  return calendarDate.format(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** UNTIL as floating time: a date means the end of that local day; a UTC time is read in the zone. */
function floatingUntil(until: string, timeZone: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/.exec(until);
  if (!m) throw new RangeError(`UNTIL "${until}" is not a date or a date-time.`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  if (m[4] === undefined) return new Date(Date.UTC(y, mo, d, 23, 59, 59));
  const wall = Date.UTC(y, mo, d, Number(m[4]), Number(m[5]), Number(m[6]));
  return new Date(m[7] === 'Z' ? wall + timeZoneOffsetMs(wall, timeZone) : wall);
}

/**
 * The occurrences starting in [from, to), in order. Throws a RangeError with the first problem when
 * the series is invalid (validate it with validateCheckinSeries first to show every problem).
 */
export function expandCheckinSeries(series: CheckinSeries, window: { from: Instant; to: Instant }): CheckinOccurrence[] {
  const parsed = parseWeeklyRrule(series.rrule);
  if (!parsed.recurrence) throw new RangeError(parsed.problems[0]?.message ?? 'The rule is not valid.');
  const rec = parsed.recurrence;
  const { hour, minute } = parseLocalTime(series.localTime);
  const start = calendarDate.parse(series.startDate);
  const fromMs = instantMs(window.from);
  const toMs = instantMs(window.to);
  if (toMs <= fromMs) return [];

  const rule = new RRule({
    freq: RRule.WEEKLY,
    interval: rec.interval,
    byweekday: [RRule[rec.weekday]],
    wkst: RRule[rec.weekStart],
    dtstart: new Date(Date.UTC(start.year, start.month - 1, start.day, hour, minute)),
    count: rec.count,
    until: rec.until === null ? null : floatingUntil(rec.until, series.timeZone),
    tzid: null,
  });
  // No zone is more than 14 h from UTC: a floating window one day wider on each side holds every
  // occurrence whose real start is in [from, to).
  const locals = rule.between(new Date(fromMs - DAY_MS), new Date(toMs + DAY_MS), true, (_d, i) => i < MAX_OCCURRENCES + 2);

  const out: CheckinOccurrence[] = [];
  for (const local of locals) {
    const localDate = floatingDateOf(local);
    const { ms, shifted } = instantAtLocalTime(localDate, series.localTime, series.timeZone);
    if (ms < fromMs || ms >= toMs) continue;
    const wallMs = ms + timeZoneOffsetMs(ms, series.timeZone);
    const w = new Date(wallMs);
    out.push({
      localDate,
      localTime: series.localTime,
      startsAtLocalTime: `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`,
      shifted,
      start: new Date(ms).toISOString(),
      end: new Date(ms + series.durationMinutes * MINUTE_MS).toISOString(),
    });
    if (out.length >= MAX_OCCURRENCES) break;
  }
  return out;
}

/** The first occurrence starting at or after `after`; null when the series has ended. */
export function nextCheckin(series: CheckinSeries, after: Instant): CheckinOccurrence | null {
  const from = instantMs(after);
  // Every other week plus a day either side: one window always holds the next meeting if there is one.
  return expandCheckinSeries(series, { from: new Date(from), to: new Date(from + 16 * DAY_MS) })[0] ?? null;
}

/** The weekday code of a local date ('2026-11-24' → 'TU'). */
export function weekdayOf(date: string): WeekdayCode {
  const codes: WeekdayCode[] = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
  return codes[calendarDate.dayOfWeek(date)] ?? 'MO';
}
