// The local calendar date of an instant in an IANA time zone (SPEC S0/S1: periods are in the
// workspace time zone). Uses Intl (full ICU ships with Node 20), so DST rules are the tz database's.
import { calendarDate } from './calendar-date.js';
import type { Instant } from './types.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new RangeError(`Unknown time zone "${timeZone}"; use an IANA name such as "Europe/Berlin".`);
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields of an instant in a time zone. */
export function wallClockOf(ms: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** Offset of local time from UTC at an instant, in ms (New York in winter: −5 h). */
export function timeZoneOffsetMs(ms: number, timeZone: string): number {
  const whole = Math.floor(ms / 1000) * 1000; // Intl shows whole seconds
  const w = wallClockOf(whole, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - whole;
}

/** Milliseconds since the epoch of an instant; throws on an unreadable one. */
export function instantMs(instant: Instant): number {
  const ms = instant instanceof Date ? instant.getTime() : Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`"${String(instant)}" is not a valid instant.`);
  return ms;
}

/** 'YYYY-MM-DD' of an instant in the time zone; a calendar date passes through unchanged. */
export function localDateOf(instant: Instant, timeZone: string): string {
  if (typeof instant === 'string' && calendarDate.isDate(instant)) {
    calendarDate.parse(instant);
    return instant;
  }
  const w = wallClockOf(instantMs(instant), timeZone);
  return calendarDate.format(w.year, w.month, w.day);
}
