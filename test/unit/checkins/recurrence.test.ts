// A check-in series keeps its local time across daylight-saving changes (SPEC S2).
import { describe, expect, it } from 'vitest';
import { expandCheckinSeries, nextCheckin, weekdayOf, weeklyRrule } from '../../../src/capabilities/checkins/domain/index.js';
import { series } from './factories.js';

const starts = (s: ReturnType<typeof series>, from: string, to: string) => expandCheckinSeries(s, { from, to }).map((o) => o.start);

describe('expandCheckinSeries in America/New_York', () => {
  it('keeps 10:00 local through spring forward (8 Mar 2026) and fall back (1 Nov 2026)', () => {
    const s = series({ rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    expect(starts(s, '2026-03-01T00:00:00Z', '2026-03-17T00:00:00Z')).toEqual([
      '2026-03-02T15:00:00.000Z', // EST, UTC−5
      '2026-03-09T14:00:00.000Z', // EDT, UTC−4, the day after the change
      '2026-03-16T14:00:00.000Z',
    ]);
    expect(starts(s, '2026-10-25T00:00:00Z', '2026-11-10T00:00:00Z')).toEqual([
      '2026-10-26T14:00:00.000Z',
      '2026-11-02T15:00:00.000Z', // back on EST
      '2026-11-09T15:00:00.000Z',
    ]);
    for (const o of expandCheckinSeries(s, { from: '2026-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' })) {
      expect(o.startsAtLocalTime).toBe('10:00');
      expect(o.shifted).toBe(false);
      expect(weekdayOf(o.localDate)).toBe('MO');
    }
  });

  it('meets on the change day itself at the local time (Sunday series)', () => {
    const s = series({ rrule: 'FREQ=WEEKLY;BYDAY=SU', localTime: '09:00' });
    expect(starts(s, '2026-03-07T00:00:00Z', '2026-03-09T00:00:00Z')).toEqual(['2026-03-08T13:00:00.000Z']);
    expect(starts(s, '2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual(['2026-11-01T14:00:00.000Z']);
  });

  it('gives each occurrence its end from the duration', () => {
    const [o] = expandCheckinSeries(series({ durationMinutes: 45 }), { from: '2026-03-01T00:00:00Z', to: '2026-03-05T00:00:00Z' });
    expect(o).toMatchObject({ localDate: '2026-03-03', localTime: '10:00', start: '2026-03-03T15:00:00.000Z', end: '2026-03-03T15:45:00.000Z' });
  });
});

describe('expandCheckinSeries in Europe/Berlin', () => {
  it('keeps 10:00 local through 29 Mar and 25 Oct 2026', () => {
    const s = series({ rrule: 'FREQ=WEEKLY;BYDAY=MO', timeZone: 'Europe/Berlin' });
    expect(starts(s, '2026-03-22T00:00:00Z', '2026-04-07T00:00:00Z')).toEqual([
      '2026-03-23T09:00:00.000Z', // CET, UTC+1
      '2026-03-30T08:00:00.000Z', // CEST, UTC+2
      '2026-04-06T08:00:00.000Z',
    ]);
    expect(starts(s, '2026-10-18T00:00:00Z', '2026-11-03T00:00:00Z')).toEqual([
      '2026-10-19T08:00:00.000Z',
      '2026-10-26T09:00:00.000Z',
      '2026-11-02T09:00:00.000Z',
    ]);
  });
});

describe('the weeks when the US and the EU are out of sync', () => {
  // New York and Berlin are usually 6 h apart; for three weeks in March (US already on summer time)
  // and one week around the end of October (EU already back on winter time) they are 5 h apart.
  const ny = series({ rrule: 'FREQ=WEEKLY;BYDAY=TU', timeZone: 'America/New_York' });
  const berlin = series({ rrule: 'FREQ=WEEKLY;BYDAY=TU', timeZone: 'Europe/Berlin' });
  const gapHours = (from: string, to: string) => {
    const a = expandCheckinSeries(ny, { from, to });
    const b = expandCheckinSeries(berlin, { from, to });
    return a.map((o, i) => [o.localDate, (Date.parse(o.start) - Date.parse(b[i]?.start ?? '')) / 3_600_000]);
  };

  it('moves each series with its own zone only', () => {
    expect(gapHours('2026-03-01T00:00:00Z', '2026-04-08T00:00:00Z')).toEqual([
      ['2026-03-03', 6],
      ['2026-03-10', 5],
      ['2026-03-17', 5],
      ['2026-03-24', 5],
      ['2026-03-31', 6],
      ['2026-04-07', 6],
    ]);
    expect(gapHours('2026-10-20T00:00:00Z', '2026-11-11T00:00:00Z')).toEqual([
      ['2026-10-20', 6],
      ['2026-10-27', 5],
      ['2026-11-03', 6],
      ['2026-11-10', 6],
    ]);
  });
});

describe('a local time in the spring-forward gap', () => {
  it('moves forward by the gap that week only (02:30 New York on 8 Mar 2026 → 03:30 EDT)', () => {
    const s = series({ rrule: 'FREQ=WEEKLY;BYDAY=SU', localTime: '02:30' });
    const occ = expandCheckinSeries(s, { from: '2026-02-28T00:00:00Z', to: '2026-03-20T00:00:00Z' });
    expect(occ.map((o) => [o.localDate, o.startsAtLocalTime, o.shifted, o.start])).toEqual([
      ['2026-03-01', '02:30', false, '2026-03-01T07:30:00.000Z'],
      ['2026-03-08', '03:30', true, '2026-03-08T07:30:00.000Z'],
      ['2026-03-15', '02:30', false, '2026-03-15T06:30:00.000Z'],
    ]);
  });

  it('does the same in Berlin (02:30 on 29 Mar 2026 → 03:30 CEST)', () => {
    const s = series({ rrule: 'FREQ=WEEKLY;BYDAY=SU', localTime: '02:30', timeZone: 'Europe/Berlin' });
    const [o] = expandCheckinSeries(s, { from: '2026-03-28T00:00:00Z', to: '2026-03-30T00:00:00Z' });
    expect(o).toMatchObject({ startsAtLocalTime: '03:30', shifted: true, start: '2026-03-29T01:30:00.000Z' });
  });

  it('ends a meeting spanning the fall-back hour after its real duration', () => {
    const s = series({ rrule: 'FREQ=WEEKLY;BYDAY=SU', localTime: '01:30', durationMinutes: 60 });
    const [o] = expandCheckinSeries(s, { from: '2026-10-31T00:00:00Z', to: '2026-11-02T00:00:00Z' });
    expect(o).toMatchObject({ start: '2026-11-01T05:30:00.000Z', end: '2026-11-01T06:30:00.000Z' });
  });
});

describe('rule parts', () => {
  it('meets every other week counting weeks from the start date (INTERVAL=2, WKST=MO)', () => {
    const s = series({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', startDate: '2026-01-05' });
    expect(expandCheckinSeries(s, { from: '2026-01-01T00:00:00Z', to: '2026-02-10T00:00:00Z' }).map((o) => o.localDate)).toEqual(['2026-01-06', '2026-01-20', '2026-02-03']);
  });

  it('starts on or after the start date and stops at COUNT', () => {
    const s = series({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=3', startDate: '2026-01-07' });
    expect(expandCheckinSeries(s, { from: '2025-01-01T00:00:00Z', to: '2027-01-01T00:00:00Z' }).map((o) => o.localDate)).toEqual(['2026-01-13', '2026-01-20', '2026-01-27']);
  });

  it('stops at UNTIL, a local date inclusive or a UTC instant', () => {
    const byDate = series({ rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260120' });
    expect(expandCheckinSeries(byDate, { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' }).map((o) => o.localDate)).toEqual(['2026-01-06', '2026-01-13', '2026-01-20']);
    // 15:00Z is exactly 10:00 EST on 20 Jan: included; one second earlier excludes it.
    const atStart = series({ rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260120T150000Z' });
    const before = series({ rrule: 'FREQ=WEEKLY;BYDAY=TU;UNTIL=20260120T145959Z' });
    expect(expandCheckinSeries(atStart, { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toHaveLength(3);
    expect(expandCheckinSeries(before, { from: '2026-01-01T00:00:00Z', to: '2026-03-01T00:00:00Z' })).toHaveLength(2);
  });

  it('returns starts in [from, to): a meeting starting at `to` is left out', () => {
    const s = series();
    expect(starts(s, '2026-03-03T15:00:00Z', '2026-03-10T14:00:00Z')).toEqual(['2026-03-03T15:00:00.000Z']);
    expect(starts(s, '2026-03-03T15:00:01Z', '2026-03-10T14:00:01Z')).toEqual(['2026-03-10T14:00:00.000Z']);
    expect(starts(s, '2026-03-10T00:00:00Z', '2026-03-01T00:00:00Z')).toEqual([]);
  });

  it('refuses an invalid rule with its first problem', () => {
    expect(() => expandCheckinSeries(series({ rrule: 'FREQ=DAILY' }), { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' })).toThrow(/FREQ must be WEEKLY/);
  });

  it('writes the rule of a series', () => {
    expect(weeklyRrule({ weekday: 'TU' })).toBe('FREQ=WEEKLY;INTERVAL=1;BYDAY=TU');
    expect(weeklyRrule({ weekday: 'SU', interval: 2, weekStart: 'SU', count: 10 })).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=SU;WKST=SU;COUNT=10');
  });
});

describe('nextCheckin', () => {
  it('is the next occurrence at or after the instant, or null after the series ended', () => {
    const s = series();
    expect(nextCheckin(s, '2026-03-03T15:00:00Z')?.start).toBe('2026-03-03T15:00:00.000Z');
    expect(nextCheckin(s, '2026-03-03T15:00:01Z')?.start).toBe('2026-03-10T14:00:00.000Z');
    expect(nextCheckin(series({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU' }), '2026-01-07T00:00:00Z')?.localDate).toBe('2026-01-13'); // weeks count from the start date's week (29 Dec–4 Jan)
    expect(nextCheckin(series({ rrule: 'FREQ=WEEKLY;BYDAY=TU;COUNT=2' }), '2026-02-01T00:00:00Z')).toBeNull();
  });
});
