// The UTC-offset changes of an IANA time zone over a span of time, as Temporal reports them
// (ZonedDateTime.getTimeZoneTransition). Used to write an iCalendar VTIMEZONE (../shared/SPEC.md S2
// calendar feed, S4 shadow-day invites).
import { Temporal } from 'temporal-polyfill';
import type { ZoneTransition } from './types.js';
import { zoneOf } from './zone-of.js';

/** The changes whose first instant falls in (fromMs, toMs], in order. */
export function zoneTransitions(timeZone: string, fromMs: number, toMs: number): ZoneTransition[] {
  const zone = zoneOf(timeZone);
  const out: ZoneTransition[] = [];
  let at = Temporal.Instant.fromEpochMilliseconds(Math.floor(fromMs)).toZonedDateTimeISO(zone.id);
  for (;;) {
    const next = at.getTimeZoneTransition('next');
    if (!next || next.epochMilliseconds > toMs) break;
    out.push({ atMs: next.epochMilliseconds, offsetFromMs: at.offsetNanoseconds / 1_000_000, offsetToMs: next.offsetNanoseconds / 1_000_000 });
    at = next;
  }
  return out;
}
