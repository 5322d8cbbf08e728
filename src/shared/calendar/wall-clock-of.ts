// The wall clock of an instant in an IANA time zone (../shared/SPEC.md S0 workspace time zone; S2
// check-in local times). The offset comes from Temporal's zone rules (zone-of.ts); the fields are then
// read from the UTC fields of the shifted instant, which is plain calendar arithmetic.
import type { WallClock } from './types.js';
import { zoneOf } from './zone-of.js';

/** The wall-clock fields of an instant (ms since the epoch) in a time zone, to the whole second. */
export function wallClockOf(ms: number, timeZone: string): WallClock {
  const wall = new Date(ms + zoneOf(timeZone).offsetMs(ms));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}
