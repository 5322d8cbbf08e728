// The first instant of a local calendar day in an IANA time zone (SPEC S1: period edges are local
// midnights). Where midnight does not exist (a DST gap at 00:00, e.g. America/Santiago in September)
// the day starts at the transition; where it happens twice (a fall-back at 01:00 → 00:00) the first
// one counts. This is Temporal's "compatible" disambiguation.
import { calendarDate } from './calendar-date.js';
import { timeZoneOffsetMs } from './local-date-of.js';

const DAY_MS = 86_400_000;

/** ms since the epoch of 00:00 local time on `date` in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const { year, month, day } = calendarDate.parse(date);
  const wall = Date.UTC(year, month - 1, day);
  // The offsets in force a day either side bracket any transition near this midnight
  // (no zone changes its offset twice within two days).
  const before = timeZoneOffsetMs(wall - DAY_MS, timeZone);
  const after = timeZoneOffsetMs(wall + DAY_MS, timeZone);
  const valid = [wall - before, wall - after].filter((t) => timeZoneOffsetMs(t, timeZone) === wall - t);
  if (valid.length > 0) return Math.min(...valid);
  // In a gap: the wall time read with the earlier offset lands on (or just after) the transition.
  return wall - before;
}
