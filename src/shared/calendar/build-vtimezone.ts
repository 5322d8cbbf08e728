// The VTIMEZONE block of an iCalendar file (../shared/SPEC.md S2: an iCalendar feed that Google
// Calendar, Outlook and Apple Calendar subscribe to; S4: shadow-day invites; RFC 5545 3.6.5 requires a
// VTIMEZONE for every TZID used). Written here from the zone's offset changes (zoneTransitions, i.e.
// Temporal's, the same rules the instants were computed with) over the years the file covers, rather
// than taken from a packaged block (docs/decisions/019-calendar-on-temporal.md: such blocks carry only a
// zone's current rule, from 1970):
// - a change to a larger offset starts DAYLIGHT time, one to a smaller offset STANDARD time;
// - when every year of the span, and the year before it, changes on the same rule (same month, same
//   nth — or last — weekday, same local time, same offsets), the block is the two classic components
//   with a yearly RRULE (BYMONTH=3;BYDAY=2SU) starting the year before, which is what Outlook expects
//   and what carries on past the span;
// - otherwise (a zone that changed its rules inside the span) one component per change, each a
//   single onset — also valid RFC 5545 — after one for the offset in force when the span starts;
// - a zone without changes in the span (Asia/Tokyo) gets one STANDARD component.
// Each onset's DTSTART is local time in the offset before the change (RFC 5545: "TZOFFSETFROM").
// TZNAME is the short name ICU gives (EST, CEST), the one thing Temporal does not expose.
import { timeZoneOffsetMs } from './time-zone-offset-ms.js';
import type { ZoneTransition } from './types.js';
import { zoneTransitions } from './zone-transitions.js';

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const cache = new Map<string, string>();

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const total = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${pad(h)}${pad(m)}${s ? pad(s) : ''}`;
}

/** Local wall clock of the onset, in the offset before it, as RFC 5545 local DATE-TIME. */
function onsetLocal(t: ZoneTransition): Date {
  return new Date(t.atMs + t.offsetFromMs);
}

function formatLocal(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

const nameFormats = new Map<string, Intl.DateTimeFormat>();

/** The formatter of short zone names for a locale and zone, built once. */
function nameFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}`;
  let f = nameFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
    if (nameFormats.size >= 512) nameFormats.clear();
    nameFormats.set(key, f);
  }
  return f;
}

/** An abbreviation such as EST or CEST where ICU has one, else "GMT+9". */
function zoneName(timeZone: string, ms: number): string {
  let fallback = '';
  for (const locale of ['en-US', 'en-GB']) {
    const name = nameFormat(locale, timeZone).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (name && !name.startsWith('GMT') && !name.startsWith('UTC')) return name;
    fallback ||= name;
  }
  return fallback || 'UTC';
}

function component(kind: 'STANDARD' | 'DAYLIGHT', timeZone: string, t: ZoneTransition, rrule: string | null): string[] {
  return [
    `BEGIN:${kind}`,
    `DTSTART:${formatLocal(onsetLocal(t))}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `TZOFFSETFROM:${formatOffset(t.offsetFromMs)}`,
    `TZOFFSETTO:${formatOffset(t.offsetToMs)}`,
    `TZNAME:${zoneName(timeZone, t.atMs)}`,
    `END:${kind}`,
  ];
}

/** The yearly rule every change in `list` follows, or null when they do not share one. */
function yearlyRule(list: readonly ZoneTransition[], years: number): string | null {
  if (list.length !== years || list.length === 0) return null;
  const first = list[0] as ZoneTransition;
  const keyOf = (t: ZoneTransition) => {
    const d = onsetLocal(t);
    return [d.getUTCMonth(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), t.offsetFromMs, t.offsetToMs].join('/');
  };
  if (list.some((t) => keyOf(t) !== keyOf(first))) return null;
  const fd = onsetLocal(first);
  const nths = list.map((t) => Math.ceil(onsetLocal(t).getUTCDate() / 7));
  const isLast = (t: ZoneTransition) => {
    const d = onsetLocal(t);
    const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    return d.getUTCDate() > daysInMonth - 7;
  };
  let ordinal: number | null = null;
  if (nths.every((n) => n === nths[0]) && (nths[0] ?? 5) < 5) ordinal = nths[0] ?? null;
  else if (list.every(isLast)) ordinal = -1;
  if (ordinal === null) return null;
  return `FREQ=YEARLY;BYMONTH=${fd.getUTCMonth() + 1};BYDAY=${ordinal}${WEEKDAYS[fd.getUTCDay()]}`;
}

/** A VTIMEZONE block (CRLF lines) for `timeZone` valid from the start of `fromYear` to the end of `toYear`. */
export function buildVTimezone(timeZone: string, fromYear: number, toYear: number): string {
  const key = `${timeZone}|${fromYear}|${toYear}`;
  const cached = cache.get(key);
  if (cached) return cached;

  const fromMs = Date.UTC(fromYear, 0, 1);
  const toMs = Date.UTC(toYear + 1, 0, 1);
  // The rule is looked for from a year before the span, so its first onsets fall before the span
  // starts and every instant of the span has an offset.
  const wide = zoneTransitions(timeZone, Date.UTC(fromYear - 1, 0, 1), toMs);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, `X-LIC-LOCATION:${timeZone}`];
  const daylight = wide.filter((t) => t.offsetToMs > t.offsetFromMs);
  const standard = wide.filter((t) => t.offsetToMs <= t.offsetFromMs);
  const years = toYear - fromYear + 2;
  const dRule = yearlyRule(daylight, years);
  const sRule = yearlyRule(standard, years);
  const transitions = wide.filter((t) => t.atMs >= fromMs);
  if (dRule && sRule && daylight[0] && standard[0]) {
    lines.push(...component('DAYLIGHT', timeZone, daylight[0], dRule), ...component('STANDARD', timeZone, standard[0], sRule));
  } else if (transitions.length === 0) {
    const offset = timeZoneOffsetMs(fromMs, timeZone);
    lines.push(...component('STANDARD', timeZone, { atMs: Date.UTC(1970, 0, 1) - offset, offsetFromMs: offset, offsetToMs: offset }, null));
  } else {
    // The offset in force at the start of the span, as an onset of its own: without it a client
    // has no offset for times before the first change (Moscow 2012–2014 has one change, in Oct 2014).
    const base = transitions[0] as ZoneTransition;
    const smallest = Math.min(...transitions.map((t) => t.offsetToMs), base.offsetFromMs);
    const startOnset = { atMs: fromMs - base.offsetFromMs, offsetFromMs: base.offsetFromMs, offsetToMs: base.offsetFromMs };
    lines.push(...component(base.offsetFromMs > smallest ? 'DAYLIGHT' : 'STANDARD', timeZone, startOnset, null));
    for (const t of transitions) lines.push(...component(t.offsetToMs > t.offsetFromMs ? 'DAYLIGHT' : 'STANDARD', timeZone, t, null));
  }
  lines.push('END:VTIMEZONE');
  const block = lines.join('\r\n');
  if (cache.size >= 256) cache.clear(); // a handful of zones and spans in practice; never unbounded
  cache.set(key, block);
  return block;
}
