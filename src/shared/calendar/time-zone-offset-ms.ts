// The UTC offset of an IANA time zone at an instant (../shared/SPEC.md S0 workspace time zone), from
// Temporal's zone rules (zone-of.ts).
import { zoneOf } from './zone-of.js';

/** Offset of local time from UTC at an instant, in ms (New York in winter: −5 h). */
export function timeZoneOffsetMs(ms: number, timeZone: string): number {
  return zoneOf(timeZone).offsetMs(ms);
}
