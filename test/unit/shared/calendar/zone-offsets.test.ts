// The zone rules the calendar reads from Temporal, with their per-zone cache, agree with Intl (Node's
// ICU tz database) for any instant in any order, in zones with one-hour, 30-minute and odd offsets.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localDateOf, timeZoneOffsetMs, wallClockOf } from '../../../../src/shared/calendar/index.js';
import { intlOffsetMs, intlWallClock } from './intl-oracle.js';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kathmandu', 'Pacific/Chatham', 'Asia/Tehran', 'Europe/Moscow', 'America/St_Johns', 'Asia/Tokyo', 'UTC'];

describe('zone offsets (properties)', () => {
  it('equal Intl’s for any instant from 1970 to 2060, asked in any order', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: 0, max: Date.UTC(2060, 0, 1) }), (tz, ms) => {
        expect(timeZoneOffsetMs(ms, tz)).toBe(intlOffsetMs(ms, tz));
        expect(wallClockOf(ms, tz)).toEqual(intlWallClock(ms, tz));
      }),
      { numRuns: 2000 },
    );
  });

  it('equal Intl’s in the minutes around every change of 2020–2030', () => {
    for (const tz of ['America/New_York', 'Australia/Lord_Howe', 'America/Santiago']) {
      for (let ms = Date.UTC(2020, 0, 1); ms < Date.UTC(2031, 0, 1); ms += 86_400_000) {
        if (intlOffsetMs(ms, tz) === intlOffsetMs(ms + 86_400_000, tz)) continue;
        for (let t = ms; t <= ms + 86_400_000; t += 60_000) expect(timeZoneOffsetMs(t, tz)).toBe(intlOffsetMs(t, tz));
      }
    }
  });

  it('reads local dates of instants before 1970 too', () => {
    expect(localDateOf('1969-12-31T23:30:00Z', 'Asia/Tokyo')).toBe('1970-01-01');
    expect(localDateOf('1969-12-31T23:30:00Z', 'America/New_York')).toBe('1969-12-31');
  });
});
