// An IANA time zone's rules, read from temporal-polyfill (../shared/SPEC.md S0: the workspace and
// member time zones are IANA names). Temporal knows the offsets and the transitions between them; this
// remembers, per zone, each stretch of time between two transitions that was asked about, so reading
// the offset of the many values of one KPI or one feed costs a comparison, not a Temporal.ZonedDateTime
// each (about 10 µs apiece in the polyfill). A stretch is exact: it runs from one transition Temporal
// reports to the next, so the cache never answers anything Temporal would not.
import { Temporal } from 'temporal-polyfill';

export interface Zone {
  /** The id as Temporal spells it ('America/New_York'). */
  readonly id: string;
  /** Offset of local time from UTC at an instant (ms since the epoch), in ms: New York in winter is −5 h. */
  offsetMs(ms: number): number;
}

/** [from, to) in ms since the epoch, with no offset change inside it. */
interface Stretch {
  from: number;
  to: number;
  offsetMs: number;
}

/** Stretches kept per zone before starting again: a century of twice-yearly changes. */
const MAX_STRETCHES = 256;
/** Zone names kept: the tz database has about 600, and spellings differ only in case. */
const MAX_ZONES = 1024;

class CachedZone implements Zone {
  private stretches: Stretch[] = [];
  private last: Stretch | undefined;

  constructor(readonly id: string) {}

  offsetMs(ms: number): number {
    const last = this.last;
    if (last && ms >= last.from && ms < last.to) return last.offsetMs;
    let lo = 0;
    let hi = this.stretches.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.stretches[mid] as Stretch;
      if (ms < s.from) hi = mid - 1;
      else if (ms >= s.to) lo = mid + 1;
      else {
        this.last = s;
        return s.offsetMs;
      }
    }
    const learned = this.learn(ms);
    if (this.stretches.length >= MAX_STRETCHES) {
      this.stretches = [learned];
    } else {
      // Stretches run transition to transition, so a new one overlaps none: it goes where the search ended.
      this.stretches.splice(lo, 0, learned);
    }
    this.last = learned;
    return learned.offsetMs;
  }

  private learn(ms: number): Stretch {
    const whole = Math.floor(ms);
    const at = Temporal.Instant.fromEpochMilliseconds(whole).toZonedDateTimeISO(this.id);
    const next = at.getTimeZoneTransition('next');
    // 'previous' is strictly before its instant: asked from 1 ms later, it finds a transition at `whole` itself.
    const previous = at.add({ milliseconds: 1 }).getTimeZoneTransition('previous');
    return {
      from: previous ? previous.epochMilliseconds : -Infinity,
      to: next ? next.epochMilliseconds : Infinity,
      offsetMs: at.offsetNanoseconds / 1_000_000,
    };
  }
}

const zones = new Map<string, CachedZone>();

function unknown(timeZone: string): RangeError {
  return new RangeError(`Unknown time zone "${timeZone}"; use an IANA name such as "Europe/Berlin".`);
}

/** The id Temporal knows the zone by; throws a RangeError naming it otherwise. */
function temporalId(timeZone: string): string {
  const named = (id: string): string | null => {
    try {
      const resolved = Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(id).timeZoneId;
      // An offset ('+05:00') is not an IANA name: the workspace settings never hold one, and Intl refuses it.
      return /^[+-]/.test(resolved) ? null : resolved;
    } catch {
      return null;
    }
  };
  const direct = named(timeZone);
  if (direct) return direct;
  // ICU's own legacy names that Intl accepts and Temporal refuses ('PST', 'IST'): Intl resolves them to an
  // IANA zone (America/Los_Angeles, Asia/Calcutta), which is what the Intl-based code read them as.
  try {
    const canonical = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
    const viaIntl = named(canonical);
    if (viaIntl) return viaIntl;
  } catch {
    // not a zone Intl knows either
  }
  throw unknown(timeZone);
}

/** The rules of an IANA time zone, built once per process and name; throws a RangeError for an unknown one. */
export function zoneOf(timeZone: string): Zone {
  let zone = zones.get(timeZone);
  if (!zone) {
    if (typeof timeZone !== 'string' || timeZone === '') throw unknown(String(timeZone));
    zone = new CachedZone(temporalId(timeZone));
    if (zones.size >= MAX_ZONES) zones.clear();
    zones.set(timeZone, zone);
  }
  return zone;
}
