// The VTIMEZONE block of an iCalendar file, read back with an independent parser (ical.js) and compared
// with the tz database's own block as tzurl.org publishes it (moved here from
// test/unit/checkins/calendar-feed.test.ts with buildVTimezone).
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildVTimezone, zoneTransitions } from '../../../../src/shared/calendar/index.js';

/** America/New_York as tzurl.org publishes it from the tz database. */
const TZURL_NEW_YORK = [
  'BEGIN:VTIMEZONE',
  'TZID:America/New_York',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'TZNAME:EDT',
  'DTSTART:19700308T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'TZNAME:EST',
  'DTSTART:19701101T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

describe('buildVTimezone', () => {
  it('writes a yearly-rule VTIMEZONE for New York and Berlin, and a fixed one for Tokyo', () => {
    const ny = buildVTimezone('America/New_York', 2025, 2027);
    expect(ny).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20240310T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU\r\nTZOFFSETFROM:-0500\r\nTZOFFSETTO:-0400\r\nTZNAME:EDT');
    expect(ny).toContain('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU');
    const berlin = buildVTimezone('Europe/Berlin', 2025, 2027);
    expect(berlin).toContain('DTSTART:20240331T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST');
    expect(berlin).toContain('DTSTART:20241027T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100');
    expect(buildVTimezone('Asia/Tokyo', 2025, 2027)).toBe(
      'BEGIN:VTIMEZONE\r\nTZID:Asia/Tokyo\r\nX-LIC-LOCATION:Asia/Tokyo\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0900\r\nTZOFFSETTO:+0900\r\nTZNAME:GMT+9\r\nEND:STANDARD\r\nEND:VTIMEZONE',
    );
  });

  it('lists each change when a zone changed its rules (Europe/Moscow dropped DST in 2011 and moved in 2014)', () => {
    const moscow = buildVTimezone('Europe/Moscow', 2010, 2015);
    expect(moscow).not.toContain('RRULE');
    expect(moscow.match(/BEGIN:(STANDARD|DAYLIGHT)/g)).toHaveLength(5); // the offset on 1 Jan 2010, then Mar 2010, Oct 2010, Mar 2011, Oct 2014
    ICAL.TimezoneService.reset();
    const tz = new ICAL.Timezone(new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${moscow}\r\nEND:VCALENDAR`)).getFirstSubcomponent('vtimezone') as ICAL.Component);
    const local = (iso: string) => ICAL.Time.fromJSDate(new Date(iso), true).convertToZone(tz).toString();
    expect(local('2010-07-01T12:00:00Z')).toBe('2010-07-01T16:00:00'); // MSD +4
    expect(local('2010-12-01T12:00:00Z')).toBe('2010-12-01T15:00:00'); // MSK +3
    expect(local('2013-01-01T12:00:00Z')).toBe('2013-01-01T16:00:00'); // permanent +4
    expect(local('2015-01-01T12:00:00Z')).toBe('2015-01-01T15:00:00'); // +3 again
  });

  it('writes a VTIMEZONE that puts the 2026 New York changes at 8 Mar 07:00Z and 1 Nov 06:00Z', () => {
    const vtz = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${buildVTimezone('America/New_York', 2025, 2027)}\r\nEND:VCALENDAR`)).getFirstSubcomponent('vtimezone');
    const zone = new ICAL.Timezone(vtz as ICAL.Component);
    // Local to UTC for wall times that happen once, either side of each change.
    const utc = (local: string) => {
      const [y, mo, d, h, mi] = local.split(/[-T:]/).map(Number);
      return new ICAL.Time({ year: y, month: mo, day: d, hour: h, minute: mi, second: 0 }, zone).toJSDate().toISOString();
    };
    expect(utc('2026-03-08T01:59')).toBe('2026-03-08T06:59:00.000Z'); // EST
    expect(utc('2026-03-08T03:00')).toBe('2026-03-08T07:00:00.000Z'); // EDT
    expect(utc('2026-11-01T00:59')).toBe('2026-11-01T04:59:00.000Z'); // EDT
    expect(utc('2026-11-01T02:00')).toBe('2026-11-01T07:00:00.000Z'); // EST
    // ical.js reads it exactly as the tz database's own block (tzurl.org's, onsets from 1970), every 15
    // minutes of both 2026 change days, local to UTC and back. (Where both are off — UTC to local in the
    // hours before a change, a repeated local time read as the later — that is ical.js, not the block.)
    const reference = new ICAL.Timezone(new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${TZURL_NEW_YORK}\r\nEND:VCALENDAR`)).getFirstSubcomponent('vtimezone') as ICAL.Component);
    for (const day of [Date.UTC(2026, 2, 7, 12), Date.UTC(2026, 9, 31, 12)]) {
      for (let at = day; at < day + 2 * 86_400_000; at += 15 * 60_000) {
        const toZone = (z: ICAL.Timezone) => ICAL.Time.fromJSDate(new Date(at), true).convertToZone(z).toString();
        const fromWall = (z: ICAL.Timezone) => {
          const w = new Date(at);
          return new ICAL.Time({ year: w.getUTCFullYear(), month: w.getUTCMonth() + 1, day: w.getUTCDate(), hour: w.getUTCHours(), minute: w.getUTCMinutes(), second: 0 }, z).toJSDate().toISOString();
        };
        expect(toZone(zone)).toBe(toZone(reference));
        expect(fromWall(zone)).toBe(fromWall(reference));
      }
    }
    // Its onsets are the local times before each change: 02:00 EST in March, 02:00 EDT in November.
    expect(zoneTransitions('America/New_York', Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1))).toEqual([
      { atMs: Date.parse('2026-03-08T07:00:00Z'), offsetFromMs: -5 * 3_600_000, offsetToMs: -4 * 3_600_000 },
      { atMs: Date.parse('2026-11-01T06:00:00Z'), offsetFromMs: -4 * 3_600_000, offsetToMs: -5 * 3_600_000 },
    ]);
  });
});

afterEach(() => {
  ICAL.TimezoneService.reset();
});
