// The UTC-offset changes of an IANA time zone over a span of time, read from Intl (the tz database
// that ships with Node's ICU). Used to write a calendar feed's VTIMEZONE (SPEC S2 calendar feed).
// The span is scanned a day at a time — no zone changes its offset twice within one day — and each
// change is then pinned to the second by bisection.
import { timeZoneOffsetMs } from '../../goals/domain/local-date-of.js';

const DAY_MS = 86_400_000;

export interface ZoneTransition {
  /** The first instant (ms) the new offset applies. */
  atMs: number;
  offsetFromMs: number;
  offsetToMs: number;
}

export function zoneTransitions(timeZone: string, fromMs: number, toMs: number): ZoneTransition[] {
  const out: ZoneTransition[] = [];
  let t = fromMs;
  let offset = timeZoneOffsetMs(t, timeZone);
  while (t < toMs) {
    const next = Math.min(t + DAY_MS, toMs);
    const nextOffset = timeZoneOffsetMs(next, timeZone);
    if (nextOffset !== offset) {
      // The change lies in (lo, hi]: bisect to the second.
      let lo = t;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (timeZoneOffsetMs(mid, timeZone) === offset) lo = mid;
        else hi = mid;
      }
      out.push({ atMs: hi, offsetFromMs: offset, offsetToMs: nextOffset });
      offset = nextOffset;
    }
    t = next;
  }
  return out;
}
