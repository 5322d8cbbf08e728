// A member's private iCalendar feed (SPEC S2: "an iCalendar feed … (check-ins and shadow days) that
// Google Calendar, Outlook and Apple Calendar can subscribe to"). Pure: events in, RFC 5545 text out,
// written with ical-generator. What makes calendars behave:
// - times are written in the workspace zone (DTSTART;TZID=America/New_York:20261124T100000) with a
//   VTIMEZONE block for it (buildVTimezone), so a recurring series keeps its local time across DST;
// - except a single meeting whose start or end falls in a repeated local hour (01:30 on a fall-back
//   night happens twice): RFC 5545 3.3.5 says the earlier, but clients differ (ical.js and libical take
//   the later), so such an event is written in UTC (DTSTART:20261101T053000Z) and every client places
//   it where the API does, ending after it starts (docs/decisions/016-calendar-repeated-hour.md). A
//   skipped local time is never written: a meeting in a gap already starts after it, at a time that exists;
// - UIDs are stable (feedUid), and SEQUENCE comes from the caller, bumped on every change, so a
//   calendar updates the event in place instead of duplicating it;
// - a cancelled meeting stays in the feed as STATUS:CANCELLED (a vanished event is not reliably
//   removed by every client); one occurrence of a recurring event is cancelled or moved by an event
//   with the same UID and a RECURRENCE-ID;
// - RRULE UNTIL is rewritten in UTC, as RFC 5545 requires when DTSTART has a TZID;
// - a feed with no events still holds the VTIMEZONE (a VCALENDAR needs at least one component);
// - DTSTAMP is `generatedAt` (pass it for byte-stable output), REFRESH-INTERVAL the refresh hint.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { buildVTimezone, instantAtLocalTime, instantMs, isRepeatedWallTime, isValidTimeZone, timeZoneOffsetMs, ZonedDate } from '../../../shared/calendar/index.js';
import type { CalendarFeedInput, FeedEvent } from './types.js';

export const FEED_UID_DOMAIN = 'lockstep';
/** An hour: a changed check-in reaches Apple and Outlook the same morning; Google polls on its own, slower, schedule. */
const DEFAULT_REFRESH_MINUTES = 60;
/**
 * An open-ended series gets a VTIMEZONE this many years ahead (where the zone's changes follow a
 * yearly rule, the RRULE carries on past that anyway).
 */
const OPEN_ENDED_YEARS = 10;

/** The stable UID of a feed event: 'checkin-<meetingId>@lockstep', 'shadow-day-<id>@lockstep'. */
export function feedUid(kind: 'checkin' | 'checkin-series' | 'shadow-day', id: string): string {
  return `${kind}-${id}@${FEED_UID_DOMAIN}`;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function utcStamp(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

function localStamp(ms: number, timeZone: string): string {
  return utcStamp(ms + timeZoneOffsetMs(ms, timeZone)).slice(0, -1);
}

/** The RRULE with UNTIL in UTC: a date means the end of that local day, a floating time is local. */
function normaliseRrule(rrule: string, timeZone: string): string {
  return rrule
    .trim()
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter((p) => p !== '')
    .map((part) => {
      const m = /^UNTIL=(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z?))?$/i.exec(part);
      if (!m || m[7]) return part;
      const date = `${m[1]}-${m[2]}-${m[3]}`;
      const ms = m[4] === undefined ? instantAtLocalTime(date, '23:59', timeZone).ms + 59_000 : instantAtLocalTime(date, `${m[4]}:${m[5]}`, timeZone).ms + Number(m[6]) * 1000;
      return `UNTIL=${utcStamp(ms)}`;
    })
    .join(';');
}

/** The last year a (recurring) event can fall in: UNTIL's, COUNT weekly meetings on, or 10 years ahead. */
function lastYearOf(event: FeedEvent): number {
  const startYear = new Date(instantMs(event.end)).getUTCFullYear();
  if (!event.recurrence) return startYear;
  const rule = event.recurrence.rrule.toUpperCase();
  const until = /UNTIL=(\d{4})/.exec(rule);
  if (until) return Number(until[1]);
  const count = /COUNT=(\d+)/.exec(rule);
  if (count && /FREQ=WEEKLY/.test(rule)) {
    const interval = Number(/INTERVAL=(\d+)/.exec(rule)?.[1] ?? 1);
    return new Date(instantMs(event.start) + Number(count[1]) * interval * 7 * 86_400_000).getUTCFullYear();
  }
  return startYear + OPEN_ENDED_YEARS;
}

function check(event: FeedEvent, index: number): void {
  const where = `Feed event ${index + 1} (${event.uid || 'no uid'})`;
  if (!event.uid || /\s/.test(event.uid)) throw new RangeError(`${where} needs a UID without spaces, e.g. ${feedUid('checkin', 'm1')}.`);
  if (!Number.isInteger(event.sequence) || event.sequence < 0) throw new RangeError(`${where}: SEQUENCE is a whole number from 0, not ${String(event.sequence)}.`);
  if (instantMs(event.end) <= instantMs(event.start)) throw new RangeError(`${where} ends before it starts.`);
  if (event.timeZone && !isValidTimeZone(event.timeZone)) throw new RangeError(`${where}: "${event.timeZone}" is not an IANA time zone.`);
}

export function buildCalendarFeed(input: CalendarFeedInput): string {
  if (!isValidTimeZone(input.timeZone)) throw new RangeError(`"${input.timeZone}" is not an IANA time zone; use a name such as "Europe/Berlin".`);
  input.events.forEach(check);
  const stamp = input.generatedAt === undefined ? new Date() : new Date(instantMs(input.generatedAt));

  // The VTIMEZONE covers a year either side of the events and of the last meeting of each series
  // (10 years ahead for an open-ended one), so every onset a client needs is in the block.
  const years = input.events.flatMap((e) => [new Date(instantMs(e.start)).getUTCFullYear(), new Date(instantMs(e.end)).getUTCFullYear(), lastYearOf(e)]);
  const fromYear = (years.length ? Math.min(...years) : stamp.getUTCFullYear()) - 1;
  const toYear = (years.length ? Math.max(...years) : stamp.getUTCFullYear()) + 1;

  const calendar = ical({
    name: input.calendarName,
    prodId: { company: 'Lockstep', product: 'Lockstep', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    ttl: (input.refreshMinutes ?? DEFAULT_REFRESH_MINUTES) * 60,
    // No calendar-level zone name: ical-generator would then write DTSTAMP in local time, and RFC 5545
    // wants it in UTC. The generator still writes a VTIMEZONE for every zone the events use.
    timezone: { name: null, generator: (tz: string) => buildVTimezone(tz, fromYear, toYear) },
    x: { 'X-WR-TIMEZONE': input.timeZone },
  });

  for (const e of input.events) {
    if (e.allDay) {
      // An all-day event is a date, not a time (DTSTART;VALUE=DATE): the same day in every zone it is shown in.
      const day = new Date(`${e.allDay}T00:00:00Z`);
      calendar.createEvent({
        id: e.uid,
        sequence: e.sequence,
        allDay: true,
        start: day,
        end: new Date(day.getTime() + 86_400_000),
        timezone: null,
        stamp,
        summary: e.summary,
        description: e.description,
        location: e.location ?? null,
        url: e.url ?? null,
        status: e.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
        lastModified: e.lastModified ? new Date(instantMs(e.lastModified)) : null,
      });
      continue;
    }
    const tz = e.timeZone ?? input.timeZone;
    const zoned = (at: string | Date) => new ZonedDate(instantMs(at), tz);
    let repeating: string | null = null;
    if (e.recurrence) {
      repeating = `RRULE:${normaliseRrule(e.recurrence.rrule, tz)}`;
      const exclude = e.recurrence.exclude ?? [];
      if (exclude.length > 0) repeating += `\nEXDATE;TZID=${tz}:${exclude.map((x) => localStamp(instantMs(x), tz)).join(',')}`;
    }
    // A recurring event keeps local time (its RRULE repeats the wall clock); a single one whose local
    // start or end is ambiguous is written in UTC instead.
    const inUtc = !e.recurrence && (isRepeatedWallTime(instantMs(e.start), tz) || isRepeatedWallTime(instantMs(e.end), tz));
    calendar.createEvent({
      id: e.uid,
      sequence: e.sequence,
      start: inUtc ? new Date(instantMs(e.start)) : zoned(e.start),
      end: inUtc ? new Date(instantMs(e.end)) : zoned(e.end),
      timezone: inUtc ? null : tz,
      stamp,
      summary: e.summary,
      description: e.description,
      location: e.location ?? null,
      url: e.url ?? null,
      status: e.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      repeating,
      recurrenceId: e.recurrenceId ? zoned(e.recurrenceId) : null,
      lastModified: e.lastModified ? new Date(instantMs(e.lastModified)) : null,
    });
  }
  // Every content line ends in CRLF, the last one too (RFC 5545 3.1; ical-generator leaves it off).
  let text = calendar.toString().replace(/(\r\n)?$/, '\r\n');
  // RFC 5545 wants at least one component in a VCALENDAR: a feed with no events yet still carries
  // its zone's VTIMEZONE, which also tells a subscribing client the feed's zone.
  if (input.events.length === 0) text = text.replace(/END:VCALENDAR\r\n$/, `${buildVTimezone(input.timeZone, fromYear, toYear)}\r\nEND:VCALENDAR\r\n`);
  return text;
}
