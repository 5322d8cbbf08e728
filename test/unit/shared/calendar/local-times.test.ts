// Instants and local times across daylight-saving changes in four zones: a northern one-hour change
// (America/New_York, Europe/Berlin), a southern one (Australia/Sydney) and Lord Howe Island's
// 30-minute one. Where a local time is skipped it moves forward by the gap; where it is repeated the
// earlier one counts (instantAtLocalTime, as the calendar feed and the check-in series rely on).
import { describe, expect, it } from 'vitest';
import {
  instantAtLocalTime,
  instantsAtWallClock,
  isRepeatedWallTime,
  localDateOf,
  periodOf,
  startOfLocalDay,
  timeZoneOffsetMs,
  wallClockOf,
  zoneTransitions,
} from '../../../../src/shared/calendar/index.js';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const at = (instant: string) => Date.parse(instant);
const wall = (local: string) => Date.parse(`${local}Z`);
const local = (ms: number, tz: string) => {
  const w = wallClockOf(ms, tz);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${w.year}-${p(w.month)}-${p(w.day)}T${p(w.hour)}:${p(w.minute)}:${p(w.second)}`;
};
const dayLength = (date: string, next: string, tz: string) => (startOfLocalDay(next, tz) - startOfLocalDay(date, tz)) / HOUR;

describe('America/New_York (spring forward 8 Mar 2026 02:00 → 03:00, fall back 1 Nov 02:00 → 01:00)', () => {
  const tz = 'America/New_York';

  it('lists the two changes of 2026 with their offsets', () => {
    expect(zoneTransitions(tz, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toEqual([
      { atMs: at('2026-03-08T07:00:00Z'), offsetFromMs: -5 * HOUR, offsetToMs: -4 * HOUR },
      { atMs: at('2026-11-01T06:00:00Z'), offsetFromMs: -4 * HOUR, offsetToMs: -5 * HOUR },
    ]);
  });

  it('reads the wall clock either side of each change', () => {
    expect(local(at('2026-03-08T06:59:59Z'), tz)).toBe('2026-03-08T01:59:59');
    expect(local(at('2026-03-08T07:00:00Z'), tz)).toBe('2026-03-08T03:00:00');
    expect(local(at('2026-11-01T05:59:59Z'), tz)).toBe('2026-11-01T01:59:59');
    expect(local(at('2026-11-01T06:00:00Z'), tz)).toBe('2026-11-01T01:00:00');
    expect(timeZoneOffsetMs(at('2026-07-01T12:00:00Z'), tz)).toBe(-4 * HOUR);
  });

  it('moves a skipped time forward by the gap and takes the earlier of a repeated one', () => {
    expect(instantAtLocalTime('2026-03-08', '02:30', tz)).toEqual({ ms: at('2026-03-08T07:30:00Z'), shifted: true }); // 03:30 EDT
    expect(instantAtLocalTime('2026-03-08', '03:00', tz)).toEqual({ ms: at('2026-03-08T07:00:00Z'), shifted: false });
    expect(instantAtLocalTime('2026-11-01', '01:30', tz)).toEqual({ ms: at('2026-11-01T05:30:00Z'), shifted: false }); // EDT
    expect(instantsAtWallClock(wall('2026-11-01T01:30'), tz).map(iso)).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-01T06:30:00.000Z']);
    expect(instantsAtWallClock(wall('2026-03-08T02:30'), tz)).toEqual([]);
    expect(isRepeatedWallTime(at('2026-11-01T06:30:00Z'), tz)).toBe(true);
    expect(isRepeatedWallTime(at('2026-11-01T07:00:00Z'), tz)).toBe(false); // 02:00 EST happens once
  });

  it('makes the change days 23 and 25 hours long, from local midnight', () => {
    expect(iso(startOfLocalDay('2026-03-08', tz))).toBe('2026-03-08T05:00:00.000Z');
    expect(dayLength('2026-03-08', '2026-03-09', tz)).toBe(23);
    expect(dayLength('2026-11-01', '2026-11-02', tz)).toBe(25);
  });
});

describe('Europe/Berlin (29 Mar 2026 02:00 → 03:00, 25 Oct 03:00 → 02:00)', () => {
  const tz = 'Europe/Berlin';

  it('lists the two changes of 2026 with their offsets', () => {
    expect(zoneTransitions(tz, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toEqual([
      { atMs: at('2026-03-29T01:00:00Z'), offsetFromMs: HOUR, offsetToMs: 2 * HOUR },
      { atMs: at('2026-10-25T01:00:00Z'), offsetFromMs: 2 * HOUR, offsetToMs: HOUR },
    ]);
  });

  it('moves a skipped time forward by the gap and takes the earlier of a repeated one', () => {
    expect(instantAtLocalTime('2026-03-29', '02:30', tz)).toEqual({ ms: at('2026-03-29T01:30:00Z'), shifted: true }); // 03:30 CEST
    expect(instantsAtWallClock(wall('2026-10-25T02:30'), tz).map(iso)).toEqual(['2026-10-25T00:30:00.000Z', '2026-10-25T01:30:00.000Z']);
    expect(instantAtLocalTime('2026-10-25', '02:30', tz).ms).toBe(at('2026-10-25T00:30:00Z')); // CEST
  });

  it('changes the local date at local midnight, not at UTC midnight', () => {
    expect(localDateOf('2026-10-24T22:30:00Z', tz)).toBe('2026-10-25'); // 00:30 CEST
    expect(localDateOf('2026-10-24T21:59:59Z', tz)).toBe('2026-10-24');
    expect(dayLength('2026-10-25', '2026-10-26', tz)).toBe(25);
  });
});

describe('Australia/Sydney (southern: back 5 Apr 2026 03:00 → 02:00, forward 4 Oct 02:00 → 03:00)', () => {
  const tz = 'Australia/Sydney';

  it('lists the two changes of 2026, summer time ending first', () => {
    expect(zoneTransitions(tz, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toEqual([
      { atMs: at('2026-04-04T16:00:00Z'), offsetFromMs: 11 * HOUR, offsetToMs: 10 * HOUR },
      { atMs: at('2026-10-03T16:00:00Z'), offsetFromMs: 10 * HOUR, offsetToMs: 11 * HOUR },
    ]);
  });

  it('moves a skipped time forward by the gap and takes the earlier of a repeated one', () => {
    expect(instantAtLocalTime('2026-10-04', '02:30', tz)).toEqual({ ms: at('2026-10-03T16:30:00Z'), shifted: true }); // 03:30 AEDT
    expect(instantsAtWallClock(wall('2026-04-05T02:30'), tz).map(iso)).toEqual(['2026-04-04T15:30:00.000Z', '2026-04-04T16:30:00.000Z']);
    expect(instantAtLocalTime('2026-04-05', '02:30', tz)).toEqual({ ms: at('2026-04-04T15:30:00Z'), shifted: false }); // AEDT
  });

  it('gives the week of the October change 167 hours (Monday weeks)', () => {
    const week = periodOf('week', '2026-10-04', { timeZone: tz, weekStart: 1, fiscalYearStartMonth: 7 });
    expect(week).toMatchObject({ startDate: '2026-09-28', start: '2026-09-27T14:00:00.000Z', end: '2026-10-04T13:00:00.000Z' });
    expect((Date.parse(week.end) - Date.parse(week.start)) / HOUR).toBe(167);
  });
});

describe('Australia/Lord_Howe (a 30-minute change: back 5 Apr 2026 02:00 → 01:30, forward 4 Oct 02:00 → 02:30)', () => {
  const tz = 'Australia/Lord_Howe';

  it('lists the two changes of 2026, each of 30 minutes', () => {
    expect(zoneTransitions(tz, at('2026-01-01T00:00:00Z'), at('2027-01-01T00:00:00Z'))).toEqual([
      { atMs: at('2026-04-04T15:00:00Z'), offsetFromMs: 11 * HOUR, offsetToMs: 10.5 * HOUR },
      { atMs: at('2026-10-03T15:30:00Z'), offsetFromMs: 10.5 * HOUR, offsetToMs: 11 * HOUR },
    ]);
  });

  it('reads the wall clock either side of each change', () => {
    expect(local(at('2026-10-03T15:29:59Z'), tz)).toBe('2026-10-04T01:59:59');
    expect(local(at('2026-10-03T15:30:00Z'), tz)).toBe('2026-10-04T02:30:00');
    expect(local(at('2026-04-04T14:59:59Z'), tz)).toBe('2026-04-05T01:59:59');
    expect(local(at('2026-04-04T15:00:00Z'), tz)).toBe('2026-04-05T01:30:00');
  });

  it('moves a skipped time forward by 30 minutes and takes the earlier of a repeated one', () => {
    expect(instantAtLocalTime('2026-10-04', '02:15', tz)).toEqual({ ms: at('2026-10-03T15:45:00Z'), shifted: true }); // 02:45 (+11)
    expect(instantAtLocalTime('2026-10-04', '02:30', tz)).toEqual({ ms: at('2026-10-03T15:30:00Z'), shifted: false });
    expect(instantsAtWallClock(wall('2026-04-05T01:45'), tz).map(iso)).toEqual(['2026-04-04T14:45:00.000Z', '2026-04-04T15:15:00.000Z']);
    expect(instantsAtWallClock(wall('2026-04-05T01:29'), tz)).toHaveLength(1); // before the repeated half hour
    expect(instantsAtWallClock(wall('2026-04-05T02:00'), tz)).toHaveLength(1); // after it
    expect(instantAtLocalTime('2026-04-05', '01:45', tz).ms).toBe(at('2026-04-04T14:45:00Z'));
  });

  it('makes the change days 24½ and 23½ hours long', () => {
    expect(dayLength('2026-04-05', '2026-04-06', tz)).toBe(24.5);
    expect(dayLength('2026-10-04', '2026-10-05', tz)).toBe(23.5);
    expect(iso(startOfLocalDay('2026-10-04', tz))).toBe('2026-10-03T13:30:00.000Z'); // 00:00 at +10:30
  });
});

describe('the instant of a local time', () => {
  // Moved from test/unit/checkins/recurrence.test.ts with instantAtLocalTime.
  it('takes the first of a repeated autumn hour', () => {
    expect(new Date(instantAtLocalTime('2026-11-01', '01:30', 'America/New_York').ms).toISOString()).toBe('2026-11-01T05:30:00.000Z'); // EDT
    expect(new Date(instantAtLocalTime('2026-10-25', '02:30', 'Europe/Berlin').ms).toISOString()).toBe('2026-10-25T00:30:00.000Z'); // CEST
    expect(instantAtLocalTime('2026-10-25', '02:30', 'Europe/Berlin').shifted).toBe(false);
  });

  it('refuses what is not a date, a time or a zone', () => {
    expect(() => instantAtLocalTime('2026-02-30', '10:00', 'Europe/Berlin')).toThrow(/not a calendar date/);
    expect(() => instantAtLocalTime('2026-02-10', '24:00', 'Europe/Berlin')).toThrow(/not a time of day/);
    expect(() => instantAtLocalTime('2026-02-10', '10:00', 'Mars/Olympus')).toThrow(/Unknown time zone "Mars\/Olympus"/);
    expect(() => localDateOf('2026-02-10T10:00:00Z', '+05:00')).toThrow(/Unknown time zone/); // an offset, not an IANA name
  });

  it('reads an ICU legacy name that Intl accepts (PST) as the IANA zone Intl resolves it to', () => {
    expect(timeZoneOffsetMs(at('2026-01-15T12:00:00Z'), 'PST')).toBe(-8 * HOUR);
    expect(instantAtLocalTime('2026-07-01', '09:00', 'PST').ms).toBe(instantAtLocalTime('2026-07-01', '09:00', 'America/Los_Angeles').ms);
  });
});
