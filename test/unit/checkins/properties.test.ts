// Property tests for the check-in domain (fast-check).
import fc from 'fast-check';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import {
  buildCalendarFeed,
  checkinCompliance,
  expandCheckinSeries,
  weekdayOf,
  weeklyRrule,
  weightedCompliance,
  WEEKDAY_CODES,
} from '../../../src/capabilities/checkins/domain/index.js';
import { calendarDate, instantsAtWallClock, zoneTransitions } from '../../../src/shared/calendar/index.js';
import { intlHhmm as hhmm, intlWallClock } from '../shared/calendar/intl-oracle.js';
import { weeklyMeetings } from './factories.js';

const ZONES = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Kolkata', 'Pacific/Chatham', 'Asia/Tokyo', 'UTC'];
const DAY = 86_400_000;

describe('series expansion (properties)', () => {
  it('puts every occurrence on the series weekday at the series local time in its zone', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...WEEKDAY_CODES),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 0, max: 23 }),
        fc.constantFrom(0, 15, 30, 45),
        fc.integer({ min: 0, max: 3650 }),
        fc.integer({ min: 5, max: 240 }),
        (tz, weekday, interval, hour, minute, startOffset, duration) => {
          const localTime = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
          const startDate = calendarDate.addDays('2020-01-01', startOffset);
          const s = { rrule: weeklyRrule({ weekday, interval }), startDate, localTime, timeZone: tz, durationMinutes: duration };
          const from = Date.UTC(2020, 0, 1) + startOffset * DAY - 3 * DAY;
          const occ = expandCheckinSeries(s, { from: new Date(from), to: new Date(from + 120 * DAY) });
          expect(occ.length).toBeGreaterThanOrEqual(Math.floor(117 / (7 * interval)));
          occ.forEach((o, i) => {
            const start = Date.parse(o.start);
            expect(weekdayOf(o.localDate)).toBe(weekday);
            expect(o.localDate >= startDate).toBe(true);
            expect(calendarDate.format(intlWallClock(start, tz).year, intlWallClock(start, tz).month, intlWallClock(start, tz).day)).toBe(o.localDate);
            expect(hhmm(start, tz)).toBe(o.startsAtLocalTime);
            if (o.shifted) expect(o.startsAtLocalTime > localTime).toBe(true); // moved forward out of a gap
            else expect(o.startsAtLocalTime).toBe(localTime);
            expect(Date.parse(o.end) - start).toBe(duration * 60_000);
            const prev = occ[i - 1];
            if (prev) expect(calendarDate.daysBetween(prev.localDate, o.localDate)).toBe(7 * interval);
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('recurring feed events (properties)', () => {
  it('expand in ical.js to the same instants as expandCheckinSeries', () => {
    const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'Asia/Gaza', 'Asia/Tokyo'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.constantFrom(...WEEKDAY_CODES), fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 2015, max: 2030 }), (tz, weekday, interval, hour, year) => {
        const localTime = `${String(hour).padStart(2, '0')}:00`;
        const s = { rrule: weeklyRrule({ weekday, interval, count: 40 }), startDate: `${year}-01-01`, localTime, timeZone: tz, durationMinutes: 30 };
        const occ = expandCheckinSeries(s, { from: `${year - 1}-12-01T00:00:00Z`, to: `${year + 3}-01-01T00:00:00Z` });
        // Where clients may differ, leave it: a time in a spring gap, and a repeated autumn hour
        // (RFC 5545 3.3.5 says the first, as expandCheckinSeries does; ical.js takes the second).
        if (occ.some((o) => o.shifted || [1_800_000, 3_600_000].some((d) => hhmm(Date.parse(o.start) + d, tz) === localTime))) return;
        const first = occ[0];
        if (!first) throw new Error('no occurrence');
        const text = buildCalendarFeed({
          calendarName: 'x',
          timeZone: tz,
          generatedAt: '2026-01-01T00:00:00Z',
          events: [{ uid: 'series@lockstep', start: first.start, end: first.end, summary: 's', description: 'd', sequence: 0, status: 'CONFIRMED', recurrence: { rrule: s.rrule } }],
        });
        const root = new ICAL.Component(ICAL.parse(text));
        ICAL.TimezoneService.reset();
        for (const z of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
        const vevent = root.getFirstSubcomponent('vevent');
        if (!vevent) throw new Error('no VEVENT');
        const iterator = new ICAL.Event(vevent).iterator();
        const expanded: string[] = [];
        for (let next = iterator.next(); next; next = iterator.next()) expanded.push(next.toJSDate().toISOString());
        expect(expanded).toEqual(occ.map((o) => o.start));
      }),
      { numRuns: 60 },
    );
    ICAL.TimezoneService.reset();
  });
});

describe('meetings near a zone change, in the API and in the feed (properties)', () => {
  // Zones with a one-hour change, a 30-minute one (Lord Howe), a change at midnight (Havana: 00:00 is
  // skipped in spring and repeated in autumn), southern-hemisphere ones and one off the hour (Chatham).
  const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Santiago', 'America/Havana', 'Pacific/Chatham', 'Europe/London'];
  const pad = (n: number) => String(n).padStart(2, '0');
  const TZID_TIME = /^(DTSTART|DTEND);TZID=([^:]+):(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/gm;

  it('gives each meeting one start, the same in ical.js as in the API, and an end `duration` after it', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: 2024, max: 2030 }),
        fc.nat(),
        fc.integer({ min: -150, max: 150 }),
        fc.integer({ min: 5, max: 240 }),
        (tz, year, pick, deltaMinutes, duration) => {
          const changes = zoneTransitions(tz, Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
          fc.pre(changes.length > 0);
          const change = changes[pick % changes.length] as (typeof changes)[number];
          // A wall time near the change, on its local date: written as if UTC (10:00 local is T10:00Z).
          const wall = change.atMs + change.offsetFromMs + deltaMinutes * 60_000;
          const w = new Date(wall);
          const date = calendarDate.format(w.getUTCFullYear(), w.getUTCMonth() + 1, w.getUTCDate());
          const localTime = `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
          const s = { rrule: weeklyRrule({ weekday: weekdayOf(date) }), startDate: calendarDate.addDays(date, -14), localTime, timeZone: tz, durationMinutes: duration };
          const occ = expandCheckinSeries(s, { from: new Date(wall - 16 * DAY), to: new Date(wall + 16 * DAY) });
          const onTheDay = occ.find((o) => o.localDate === date);
          if (!onTheDay) throw new Error(`no meeting on ${date}`);

          // RFC 5545 3.3.5, from the change itself rather than from Intl: a wall time before the change
          // reads with the old offset, one after it with the new; of two readings the earlier counts, and
          // a wall time with none (a gap) moves forward by the gap's length (the old offset's reading).
          const readings = [wall - change.offsetFromMs, wall - change.offsetToMs].filter((t, i) => (i === 0 ? t < change.atMs : t >= change.atMs));
          const expected = readings.length > 0 ? Math.min(...readings) : wall - change.offsetFromMs;
          expect(Date.parse(onTheDay.start)).toBe(expected);
          expect(onTheDay.shifted).toBe(readings.length === 0);

          const text = buildCalendarFeed({
            calendarName: 'x',
            timeZone: tz,
            generatedAt: '2026-01-01T00:00:00Z',
            events: occ.map((o, i) => ({ uid: `checkin-m${i}@lockstep`, start: o.start, end: o.end, summary: 's', description: 'd', sequence: 0, status: 'CONFIRMED' as const })),
          });
          // Every local time the feed writes names exactly one instant: none is in a gap or a repeated hour.
          for (const m of text.matchAll(TZID_TIME)) {
            const at = Date.UTC(Number(m[3]), Number(m[4]) - 1, Number(m[5]), Number(m[6]), Number(m[7]), Number(m[8]));
            expect(instantsAtWallClock(at, m[2] ?? ''), m[0]).toHaveLength(1);
          }
          const root = new ICAL.Component(ICAL.parse(text));
          ICAL.TimezoneService.reset();
          for (const z of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
          const read = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
          expect(read.map((e) => e.startDate.toJSDate().toISOString())).toEqual(occ.map((o) => o.start));
          for (const e of read) expect(e.endDate.toJSDate().getTime() - e.startDate.toJSDate().getTime()).toBe(duration * 60_000);
        },
      ),
      { numRuns: 300 },
    );
    ICAL.TimezoneService.reset();
  });
});

describe('compliance (properties)', () => {
  it('keeps share and weighted score in [0, 1], the streak within what was held, and agrees at the extremes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('H', 'M'), { maxLength: 30 }), (pattern) => {
        const ms = weeklyMeetings(pattern.join(''));
        const c = checkinCompliance(ms, '2027-01-01T00:00:00Z');
        const w = weightedCompliance(ms, '2027-01-01T00:00:00Z');
        expect(c.counted).toBe(Math.min(12, pattern.length));
        expect(c.held + c.missed.length).toBe(c.counted);
        expect(c.streak).toBeLessThanOrEqual(c.held);
        if (c.counted === 0) expect([c.share, w.score]).toEqual([null, null]);
        else {
          expect(c.share).toBeGreaterThanOrEqual(0);
          expect(c.share).toBeLessThanOrEqual(1);
          expect(w.score).toBeGreaterThanOrEqual(0);
          expect(w.score).toBeLessThanOrEqual(1);
          if (c.held === 0 || c.held === c.counted) expect(w.score).toBeCloseTo(c.share ?? -1);
        }
      }),
    );
  });
});
