// The iCalendar feed, parsed back with an independent parser (ical.js): times in the zone, a
// VTIMEZONE that gives the right offsets, stable UIDs, SEQUENCE, STATUS and recurrence (SPEC S2).
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCalendarFeed, expandCheckinSeries, feedUid, type FeedEvent } from '../../../src/capabilities/checkins/domain/index.js';
import { series } from './factories.js';

const GENERATED = '2026-02-20T09:00:00Z';

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  ICAL.TimezoneService.reset();
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return root;
}

function event(overrides: Partial<FeedEvent> & Pick<FeedEvent, 'uid' | 'start' | 'end'>): FeedEvent {
  return { summary: 'Weekly check-in', description: 'Wins, KPIs, action items', sequence: 0, status: 'CONFIRMED', ...overrides };
}

/** Check-ins of a New York series either side of the 8 Mar 2026 change, one cancelled. */
function newYorkFeed(): string {
  const occ = expandCheckinSeries(series(), { from: '2026-03-01T00:00:00Z', to: '2026-03-18T00:00:00Z' });
  return buildCalendarFeed({
    calendarName: 'Lockstep — Dana Reyes',
    timeZone: 'America/New_York',
    generatedAt: GENERATED,
    events: occ.map((o, i) =>
      event({
        uid: feedUid('checkin', `m${i + 1}`),
        start: o.start,
        end: o.end,
        sequence: i,
        status: i === 2 ? 'CANCELLED' : 'CONFIRMED',
        location: 'Zoom',
        url: `https://lockstep.example/checkins/m${i + 1}`,
      }),
    ),
  });
}

describe('buildCalendarFeed', () => {
  it('writes each check-in at its local time in the zone, with a VTIMEZONE that places it right', () => {
    const root = parse(newYorkFeed());
    const vtimezones = root.getAllSubcomponents('vtimezone');
    expect(vtimezones.map((v) => v.getFirstPropertyValue('tzid'))).toEqual(['America/New_York']);
    expect(root.getFirstPropertyValue('x-wr-timezone')).toBe('America/New_York');
    expect(root.getFirstPropertyValue('method')).toBe('PUBLISH');

    const events = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(events).toHaveLength(3);
    for (const e of events) {
      expect(e.startDate.zone?.tzid).toBe('America/New_York');
      expect([e.startDate.hour, e.startDate.minute]).toEqual([10, 0]);
      expect([e.endDate.hour, e.endDate.minute]).toEqual([10, 30]);
      expect(e.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('America/New_York');
    }
    // The VTIMEZONE gives EST before 8 Mar and EDT after it.
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(['2026-03-03T15:00:00.000Z', '2026-03-10T14:00:00.000Z', '2026-03-17T14:00:00.000Z']);
  });

  it('keeps stable UIDs, the caller’s SEQUENCE and the STATUS, and the other fields', () => {
    const events = parse(newYorkFeed())
      .getAllSubcomponents('vevent')
      .map((c) => new ICAL.Event(c));
    expect(events.map((e) => e.uid)).toEqual(['checkin-m1@lockstep', 'checkin-m2@lockstep', 'checkin-m3@lockstep']);
    expect(events.map((e) => e.sequence)).toEqual([0, 1, 2]);
    expect(events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
    expect(events[0]?.summary).toBe('Weekly check-in');
    expect(events[0]?.description).toBe('Wins, KPIs, action items');
    expect(events[0]?.location).toBe('Zoom');
    expect(events[0]?.component.getFirstPropertyValue('url')).toBe('https://lockstep.example/checkins/m1');
    expect(String(events[0]?.component.getFirstPropertyValue('dtstamp'))).toBe('2026-02-20T09:00:00Z');
  });

  it('is the same text whatever time zone the server process runs in', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'UTC';
      const utc = newYorkFeed();
      process.env.TZ = 'Asia/Kolkata';
      expect(new Date(Date.UTC(2026, 0, 1)).getHours()).toBe(5); // the process zone really changed
      expect(newYorkFeed()).toBe(utc);
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('writes a recurring series that ical.js expands to the same instants as expandCheckinSeries', () => {
    const s = series({ rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260414', timeZone: 'Europe/Berlin' });
    const occ = expandCheckinSeries(s, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    const first = occ[0];
    if (!first) throw new Error('no occurrence');
    const text = buildCalendarFeed({
      calendarName: 'Check-ins',
      timeZone: 'Europe/Berlin',
      generatedAt: GENERATED,
      events: [
        event({ uid: feedUid('checkin-series', 's1'), start: first.start, end: first.end, recurrence: { rrule: s.rrule, exclude: [occ[1]?.start ?? ''] } }),
        event({ uid: feedUid('checkin-series', 's1'), start: occ[2]?.start ?? '', end: occ[2]?.end ?? '', recurrenceId: occ[2]?.start ?? '', status: 'CANCELLED', sequence: 1 }),
      ],
    });
    expect(text).toContain('RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20260414T215959Z'); // 23:59:59 CEST, in UTC as RFC 5545 requires
    expect(text).toContain('EXDATE;TZID=Europe/Berlin:20260113T100000');
    const root = parse(text);
    const [master, override] = root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
    expect(override?.isRecurrenceException()).toBe(true);
    expect(override?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(String(override?.recurrenceId)).toBe('2026-01-20T10:00:00');

    const it = master?.iterator();
    const expanded: string[] = [];
    for (let next = it?.next(); next; next = it?.next()) expanded.push(next.toJSDate().toISOString());
    expect(expanded).toEqual(occ.filter((_, i) => i !== 1).map((o) => o.start));
    expect(expanded).toContain('2026-03-24T09:00:00.000Z'); // CET
    expect(expanded).toContain('2026-03-31T08:00:00.000Z'); // CEST
  });

  describe('a check-in in a repeated or skipped local hour', () => {
    /** The Sunday 01:30 New York series of 45 minutes: on 1 Nov 2026 01:30 happens twice, and it ends at 01:15 EST. */
    const sundayNight = series({ rrule: 'FREQ=WEEKLY;BYDAY=SU', startDate: '2026-10-01', localTime: '01:30', durationMinutes: 45 });
    const feedOf = (occ: ReadonlyArray<{ start: string; end: string }>) =>
      buildCalendarFeed({ calendarName: 'x', timeZone: 'America/New_York', generatedAt: GENERATED, events: occ.map((o, i) => event({ uid: feedUid('checkin', `m${i}`), start: o.start, end: o.end })) });
    const instants = (text: string) =>
      parse(text)
        .getAllSubcomponents('vevent')
        .map((c) => new ICAL.Event(c))
        .map((e) => [e.startDate.toJSDate().toISOString(), e.endDate.toJSDate().toISOString()]);

    it('starts at the earlier 01:30 (RFC 5545) and ends 45 minutes later, in ical.js as in the API', () => {
      const occ = expandCheckinSeries(sundayNight, { from: '2026-10-20T00:00:00Z', to: '2026-11-10T00:00:00Z' });
      expect(occ.map((o) => [o.start, o.end])).toEqual([
        ['2026-10-25T05:30:00.000Z', '2026-10-25T06:15:00.000Z'],
        ['2026-11-01T05:30:00.000Z', '2026-11-01T06:15:00.000Z'], // 01:30 EDT to 01:15 EST
        ['2026-11-08T06:30:00.000Z', '2026-11-08T07:15:00.000Z'],
      ]);
      const text = feedOf(occ);
      expect(instants(text)).toEqual(occ.map((o) => [o.start, o.end]));
      // The ambiguous one is written in UTC; the others keep their local time in the zone.
      expect(text).toContain('DTSTART:20261101T053000Z\r\nDTEND:20261101T061500Z');
      expect(text).toContain('DTSTART;TZID=America/New_York:20261025T013000');
      expect(text).not.toContain('DTEND;TZID=America/New_York:20261101T011500');
    });

    it('starts after the gap, shifted by its length, when the local time is skipped (02:30 on 14 Mar 2027 is 03:30 EDT)', () => {
      const occ = expandCheckinSeries({ ...sundayNight, localTime: '02:30', durationMinutes: 30 }, { from: '2027-03-10T00:00:00Z', to: '2027-03-16T00:00:00Z' });
      expect(occ).toMatchObject([{ start: '2027-03-14T07:30:00.000Z', end: '2027-03-14T08:00:00.000Z', shifted: true, startsAtLocalTime: '03:30' }]);
      expect(instants(feedOf(occ))).toEqual([['2027-03-14T07:30:00.000Z', '2027-03-14T08:00:00.000Z']]);
    });

    it('ends after its start when only the end falls in the repeated hour (00:30 EDT for 90 minutes ends at 01:00 EST)', () => {
      const occ = expandCheckinSeries({ ...sundayNight, localTime: '00:30', durationMinutes: 90 }, { from: '2026-10-31T00:00:00Z', to: '2026-11-02T00:00:00Z' });
      expect(occ.map((o) => [o.start, o.end])).toEqual([['2026-11-01T04:30:00.000Z', '2026-11-01T06:00:00.000Z']]);
      const text = feedOf(occ);
      expect(instants(text)).toEqual([['2026-11-01T04:30:00.000Z', '2026-11-01T06:00:00.000Z']]);
      // ical.js happens to read a local 01:00 as the later one; a client following RFC 5545 would take the
      // earlier and end the meeting 30 minutes in. In UTC there is nothing to choose.
      expect(text).toContain('DTSTART:20261101T043000Z\r\nDTEND:20261101T060000Z');
    });
  });

  it('holds the VTIMEZONE even with no events, and ends every line with CRLF', () => {
    const text = buildCalendarFeed({ calendarName: 'Empty', timeZone: 'Europe/Berlin', events: [], generatedAt: GENERATED });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n').slice(0, -1).every((l) => l.length > 0 && !l.includes('\n'))).toBe(true);
    expect(parse(text).getAllSubcomponents('vtimezone')).toHaveLength(1);
  });

  it('writes UTC times with Z and no VTIMEZONE for a UTC workspace', () => {
    const text = buildCalendarFeed({ calendarName: 'x', timeZone: 'UTC', generatedAt: GENERATED, events: [event({ uid: 'checkin-m1@lockstep', start: '2026-03-03T15:00:00Z', end: '2026-03-03T15:30:00Z' })] });
    expect(text).toContain('DTSTART:20260303T150000Z\r\nDTEND:20260303T153000Z');
    expect(text).not.toContain('VTIMEZONE');
  });

  it('refuses bad input with a clear message', () => {
    const ok = event({ uid: 'checkin-m1@lockstep', start: '2026-03-03T15:00:00Z', end: '2026-03-03T15:30:00Z' });
    expect(() => buildCalendarFeed({ calendarName: 'x', timeZone: 'Nowhere/Land', events: [] })).toThrow(/not an IANA time zone/);
    expect(() => buildCalendarFeed({ calendarName: 'x', timeZone: 'UTC', events: [{ ...ok, uid: 'has space' }] })).toThrow(/UID without spaces/);
    expect(() => buildCalendarFeed({ calendarName: 'x', timeZone: 'UTC', events: [{ ...ok, sequence: -1 }] })).toThrow(/SEQUENCE/);
    expect(() => buildCalendarFeed({ calendarName: 'x', timeZone: 'UTC', events: [{ ...ok, end: ok.start }] })).toThrow(/ends before it starts/);
  });
});

afterEach(() => {
  ICAL.TimezoneService.reset();
});
