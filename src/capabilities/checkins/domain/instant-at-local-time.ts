// The real instant of a local wall-clock time in an IANA time zone (SPEC S2: a check-in keeps its
// local time across daylight-saving changes). Where the time does not exist (the spring-forward gap,
// e.g. 02:30 in New York on the second Sunday of March) it moves forward by the gap's length (03:30);
// where it happens twice (the autumn fall-back hour) the first one counts. This is Temporal's
// "compatible" disambiguation, the one calendar apps use.
import { calendarDate } from '../../goals/domain/calendar-date.js';
import { timeZoneOffsetMs } from '../../goals/domain/local-date-of.js';

const DAY_MS = 86_400_000;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Hours and minutes of 'HH:MM' (24 h); throws on anything else. */
export function parseLocalTime(time: string): { hour: number; minute: number } {
  const m = TIME_RE.exec(time);
  if (!m) throw new RangeError(`"${time}" is not a time of day (HH:MM, 24-hour).`);
  return { hour: Number(m[1]), minute: Number(m[2]) };
}

/**
 * Every instant (ms) whose wall clock in `timeZone` reads `wallMs` (the wall-clock fields written as if
 * UTC: 01:30 on 1 Nov 2026 is Date.UTC(2026, 10, 1, 1, 30)), earliest first: one as a rule, two in a
 * repeated (fall-back) hour, none in a skipped (spring-forward) one.
 */
export function instantsAtWallClock(wallMs: number, timeZone: string): number[] {
  // The offsets in force a day either side bracket any transition near this wall time
  // (no zone changes its offset twice within two days).
  const before = timeZoneOffsetMs(wallMs - DAY_MS, timeZone);
  const after = timeZoneOffsetMs(wallMs + DAY_MS, timeZone);
  const candidates = [...new Set([wallMs - before, wallMs - after])].sort((a, b) => a - b);
  return candidates.filter((t) => timeZoneOffsetMs(t, timeZone) === wallMs - t);
}

/** Whether the instant's wall clock in the zone also names another instant (it falls in a repeated hour). */
export function isRepeatedWallTime(ms: number, timeZone: string): boolean {
  return instantsAtWallClock(ms + timeZoneOffsetMs(ms, timeZone), timeZone).length > 1;
}

/**
 * ms since the epoch of `time` on `date` in `timeZone`, and whether it was moved out of a gap.
 * `date` is 'YYYY-MM-DD', `time` 'HH:MM'.
 */
export function instantAtLocalTime(date: string, time: string, timeZone: string): { ms: number; shifted: boolean } {
  const { year, month, day } = calendarDate.parse(date);
  const { hour, minute } = parseLocalTime(time);
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const valid = instantsAtWallClock(wall, timeZone);
  // A repeated time: the earlier of the two (RFC 5545 3.3.5).
  if (valid[0] !== undefined) return { ms: valid[0], shifted: false };
  // In a gap: read with the offset before the transition, the wall time lands just after it,
  // as far past the transition as the wall time was past the start of the gap.
  return { ms: wall - timeZoneOffsetMs(wall - DAY_MS, timeZone), shifted: true };
}
