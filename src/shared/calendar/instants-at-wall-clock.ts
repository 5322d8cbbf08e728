// Every instant a local wall-clock time names in an IANA time zone (../shared/SPEC.md S2: check-ins
// keep their local time across daylight-saving changes): one as a rule, two in a repeated (fall-back)
// hour, none in a skipped (spring-forward) one. Temporal resolves the wall time both ways ('earlier' and
// 'later'); a reading that does not show the wall time again was moved out of a gap and does not count.
import { Temporal } from 'temporal-polyfill';
import { zoneOf } from './zone-of.js';

/**
 * The instants (ms), earliest first, whose wall clock in `timeZone` reads `wallMs`: the wall-clock
 * fields written as if UTC (01:30 on 1 Nov 2026 is Date.UTC(2026, 10, 1, 1, 30)).
 */
export function instantsAtWallClock(wallMs: number, timeZone: string): number[] {
  const zone = zoneOf(timeZone);
  const w = new Date(wallMs);
  const local = new Temporal.PlainDateTime(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate(), w.getUTCHours(), w.getUTCMinutes(), w.getUTCSeconds(), w.getUTCMilliseconds());
  const earlier = local.toZonedDateTime(zone.id, { disambiguation: 'earlier' }).epochMilliseconds;
  const later = local.toZonedDateTime(zone.id, { disambiguation: 'later' }).epochMilliseconds;
  return [...new Set([earlier, later])].filter((ms) => ms + zone.offsetMs(ms) === wallMs);
}
