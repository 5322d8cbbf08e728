// The real instant of a local date and wall-clock time in an IANA time zone (../shared/SPEC.md S2: a
// check-in keeps its local time across daylight-saving changes). Temporal's 'compatible'
// disambiguation, the one calendar apps use: where the time does not exist (the spring-forward gap,
// e.g. 02:30 in New York on the second Sunday of March) it moves forward by the gap's length (03:30);
// where it happens twice (the autumn fall-back hour) the earlier one counts (RFC 5545 3.3.5).
import { Temporal } from 'temporal-polyfill';
import { calendarDate } from './calendar-date.js';
import { parseLocalTime } from './parse-local-time.js';
import { zoneOf } from './zone-of.js';

/**
 * ms since the epoch of `time` on `date` in `timeZone`, and whether it was moved out of a gap.
 * `date` is 'YYYY-MM-DD', `time` 'HH:MM'.
 */
export function instantAtLocalTime(date: string, time: string, timeZone: string): { ms: number; shifted: boolean } {
  const { year, month, day } = calendarDate.parse(date);
  const { hour, minute } = parseLocalTime(time);
  const at = new Temporal.PlainDateTime(year, month, day, hour, minute).toZonedDateTime(zoneOf(timeZone).id, { disambiguation: 'compatible' });
  // Only a time in a gap reads back differently: it was moved forward past the transition.
  return { ms: at.epochMilliseconds, shifted: at.day !== day || at.hour !== hour || at.minute !== minute };
}
