// The first instant of a local calendar day in an IANA time zone (../shared/SPEC.md S1: period edges
// are local midnights). Temporal's start of day: where midnight does not exist (a DST gap at 00:00,
// e.g. America/Santiago in September) the day starts at the transition; where it happens twice (a
// fall-back at 01:00 → 00:00) the first one counts.
import { Temporal } from 'temporal-polyfill';
import { calendarDate } from './calendar-date.js';
import { zoneOf } from './zone-of.js';

/** ms since the epoch of 00:00 local time on `date` in `timeZone`. */
export function startOfLocalDay(date: string, timeZone: string): number {
  const { year, month, day } = calendarDate.parse(date);
  return new Temporal.PlainDate(year, month, day).toZonedDateTime({ timeZone: zoneOf(timeZone).id }).epochMilliseconds;
}
