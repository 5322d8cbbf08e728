// Whether an instant falls in a repeated local hour (../shared/SPEC.md S2 calendar feed: 01:30 on a
// fall-back night happens twice, and a feed must not write such a time in the zone).
import { instantsAtWallClock } from './instants-at-wall-clock.js';
import { zoneOf } from './zone-of.js';

/** Whether the instant's wall clock in the zone also names another instant. */
export function isRepeatedWallTime(ms: number, timeZone: string): boolean {
  return instantsAtWallClock(ms + zoneOf(timeZone).offsetMs(ms), timeZone).length > 1;
}
