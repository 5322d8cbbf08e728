// The local calendar date of an instant in an IANA time zone (../shared/SPEC.md S0/S1: periods, due
// dates and "today" are in the workspace time zone). Called per value on read paths, so it reads the
// offset from the zone's cached rules (zone-of.ts) instead of building a Temporal.ZonedDateTime.
import { calendarDate } from './calendar-date.js';
import { instantMs } from './instant-ms.js';
import type { Instant } from './types.js';
import { zoneOf } from './zone-of.js';

/** 'YYYY-MM-DD' of an instant in the time zone; a calendar date passes through unchanged. */
export function localDateOf(instant: Instant, timeZone: string): string {
  if (typeof instant === 'string' && calendarDate.isDate(instant)) {
    calendarDate.parse(instant);
    return instant;
  }
  const ms = instantMs(instant);
  const wall = new Date(ms + zoneOf(timeZone).offsetMs(ms));
  return calendarDate.format(wall.getUTCFullYear(), wall.getUTCMonth() + 1, wall.getUTCDate());
}
