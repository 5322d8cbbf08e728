import { describe, expect, it } from 'vitest';
import { fiscalQuarterOf, lastPeriods, localDateOf, periodOf, startOfLocalDay } from '../../../../src/shared/calendar/index.js';
import { NEW_YORK, TOKYO } from './factories.js';

const HOUR = 3_600_000;

describe('periodOf: months at time-zone edges', () => {
  it('puts the same instant in different months in New York and Tokyo', () => {
    // 2026-11-30T20:00Z is 15:00 on 30 Nov in New York and 05:00 on 1 Dec in Tokyo.
    expect(periodOf('month', '2026-11-30T20:00:00Z', NEW_YORK).key).toBe('2026-11');
    expect(periodOf('month', '2026-11-30T20:00:00Z', TOKYO).key).toBe('2026-12');
  });

  it('starts a month at local midnight, exclusive end', () => {
    const ny = periodOf('month', '2026-12-15T12:00:00Z', NEW_YORK);
    expect(ny).toMatchObject({ start: '2026-12-01T05:00:00.000Z', end: '2027-01-01T05:00:00.000Z', label: 'Dec 2026' });
    const tokyo = periodOf('month', '2026-12-15T12:00:00Z', TOKYO);
    expect(tokyo).toMatchObject({ start: '2026-11-30T15:00:00.000Z', end: '2026-12-31T15:00:00.000Z' });
    // One millisecond before New York's midnight is still November; midnight itself is December.
    expect(periodOf('month', '2026-12-01T04:59:59.999Z', NEW_YORK).key).toBe('2026-11');
    expect(periodOf('month', '2026-12-01T05:00:00.000Z', NEW_YORK).key).toBe('2026-12');
    expect(periodOf('month', '2026-11-30T14:59:59.999Z', TOKYO).key).toBe('2026-11');
    expect(periodOf('month', '2026-11-30T15:00:00.000Z', TOKYO).key).toBe('2026-12');
  });

  it('accepts Date objects and calendar dates', () => {
    expect(periodOf('month', new Date('2026-11-30T20:00:00Z'), TOKYO).key).toBe('2026-12');
    expect(periodOf('month', '2026-02-28', NEW_YORK).label).toBe('Feb 2026');
  });

  it('refuses bad input with a clear message', () => {
    expect(() => periodOf('month', 'yesterday', NEW_YORK)).toThrow(/not a valid instant/);
    expect(() => periodOf('month', '2026-02-30', NEW_YORK)).toThrow(/not a calendar date/);
    expect(() => periodOf('month', '2026-02-01T00:00:00Z', { ...NEW_YORK, timeZone: 'Mars/Olympus' })).toThrow(/Unknown time zone/);
    expect(() => periodOf('week', '2026-02-01', { ...NEW_YORK, weekStart: 7 })).toThrow(/Week start/);
    expect(() => periodOf('quarter', '2026-02-01', { ...NEW_YORK, fiscalYearStartMonth: 13 })).toThrow(/Fiscal year start month/);
  });
});

describe('periodOf: weeks', () => {
  it('honours the workspace week-start day', () => {
    // Thursday 26 Nov 2026.
    expect(periodOf('week', '2026-11-26', { ...NEW_YORK, weekStart: 1 })).toMatchObject({ startDate: '2026-11-23', endDate: '2026-11-30', key: 'W2026-11-23', label: 'Week of 23 Nov 2026' });
    expect(periodOf('week', '2026-11-26', { ...NEW_YORK, weekStart: 0 }).startDate).toBe('2026-11-22');
    expect(periodOf('week', '2026-11-26', { ...NEW_YORK, weekStart: 6 }).startDate).toBe('2026-11-21');
    expect(periodOf('week', '2026-11-26', { ...NEW_YORK, weekStart: 4 }).startDate).toBe('2026-11-26');
  });

  it('places Monday 00:30 in the new week in Tokyo but the old week in New York', () => {
    // 2026-11-22T15:30Z is Monday 23 Nov 00:30 in Tokyo and Sunday 22 Nov 10:30 in New York.
    expect(periodOf('week', '2026-11-22T15:30:00Z', TOKYO).startDate).toBe('2026-11-23');
    expect(periodOf('week', '2026-11-22T15:30:00Z', NEW_YORK).startDate).toBe('2026-11-16');
  });

  it('spans 167 hours in the spring-forward week and 169 in the fall-back week', () => {
    // US DST 2026: starts Sunday 8 Mar, ends Sunday 1 Nov.
    const spring = periodOf('week', '2026-03-08T12:00:00Z', NEW_YORK);
    expect(spring).toMatchObject({ startDate: '2026-03-02', start: '2026-03-02T05:00:00.000Z', end: '2026-03-09T04:00:00.000Z' });
    expect(Date.parse(spring.end) - Date.parse(spring.start)).toBe(167 * HOUR);
    const fall = periodOf('week', '2026-11-01T12:00:00Z', NEW_YORK);
    expect(fall).toMatchObject({ startDate: '2026-10-26', start: '2026-10-26T04:00:00.000Z', end: '2026-11-02T05:00:00.000Z' });
    expect(Date.parse(fall.end) - Date.parse(fall.start)).toBe(169 * HOUR);
  });

  it('keeps a Sunday-start week whole across the DST switch at 02:00', () => {
    const sundayStart = { ...NEW_YORK, weekStart: 0 };
    // 06:59Z on 8 Mar is 01:59 EST, a minute before the clocks jump; 07:00Z is 03:00 EDT.
    expect(periodOf('week', '2026-03-08T06:59:00Z', sundayStart).startDate).toBe('2026-03-08');
    expect(periodOf('week', '2026-03-08T07:00:00Z', sundayStart).startDate).toBe('2026-03-08');
    expect(periodOf('week', '2026-03-08T04:59:00Z', sundayStart).startDate).toBe('2026-03-01');
  });
});

describe('periodOf: fiscal quarters', () => {
  const FEB = { ...NEW_YORK, fiscalYearStartMonth: 2 };

  it('uses calendar quarters with a January start; FY equals the calendar year', () => {
    expect(periodOf('quarter', '2026-01-01', NEW_YORK)).toMatchObject({ key: 'FY2026-Q1', label: 'FY2026 Q1', startDate: '2026-01-01', endDate: '2026-04-01' });
    expect(periodOf('quarter', '2026-12-31', NEW_YORK)).toMatchObject({ label: 'FY2026 Q4', startDate: '2026-10-01', endDate: '2027-01-01' });
  });

  it('names a February-start fiscal year by the year it ends in', () => {
    expect(periodOf('quarter', '2026-02-01', FEB)).toMatchObject({ label: 'FY2027 Q1', startDate: '2026-02-01', endDate: '2026-05-01' });
    expect(periodOf('quarter', '2026-04-30', FEB).label).toBe('FY2027 Q1');
    expect(periodOf('quarter', '2026-05-01', FEB)).toMatchObject({ label: 'FY2027 Q2', startDate: '2026-05-01', endDate: '2026-08-01' });
    expect(periodOf('quarter', '2026-10-31', FEB).label).toBe('FY2027 Q3');
    // Q4 runs Nov–Jan, across the calendar year.
    expect(periodOf('quarter', '2026-11-26', FEB)).toMatchObject({ label: 'FY2027 Q4', startDate: '2026-11-01', endDate: '2027-02-01' });
    expect(periodOf('quarter', '2027-01-31', FEB).label).toBe('FY2027 Q4');
    expect(periodOf('quarter', '2026-01-31', FEB)).toMatchObject({ label: 'FY2026 Q4', startDate: '2025-11-01', endDate: '2026-02-01' });
  });

  it('cuts the quarter at local midnight: the last evening of January in New York is still Q4', () => {
    // 2026-02-01T03:00Z is 22:00 on 31 Jan in New York and 12:00 on 1 Feb in Tokyo.
    expect(periodOf('quarter', '2026-02-01T03:00:00Z', FEB).label).toBe('FY2026 Q4');
    expect(periodOf('quarter', '2026-02-01T03:00:00Z', { ...TOKYO, fiscalYearStartMonth: 2 }).label).toBe('FY2027 Q1');
  });

  it('handles a December start and every start month consistently', () => {
    expect(periodOf('quarter', '2026-12-01', { ...NEW_YORK, fiscalYearStartMonth: 12 })).toMatchObject({ label: 'FY2027 Q1', startDate: '2026-12-01', endDate: '2027-03-01' });
    expect(periodOf('quarter', '2026-11-30', { ...NEW_YORK, fiscalYearStartMonth: 12 }).label).toBe('FY2026 Q4');
    for (let start = 1; start <= 12; start++) {
      const q1 = fiscalQuarterOf(2026, start, start);
      expect(q1).toMatchObject({ quarter: 1, startYear: 2026, startMonth: start, fiscalYear: start === 1 ? 2026 : 2027 });
    }
  });
});

describe('lastPeriods', () => {
  it('returns n consecutive periods, oldest first, ending with the current one', () => {
    const months = lastPeriods(12, 'month', '2026-11-26T12:00:00Z', NEW_YORK);
    expect(months).toHaveLength(12);
    expect(months[0]?.label).toBe('Dec 2025');
    expect(months[11]?.label).toBe('Nov 2026');
    for (let i = 1; i < months.length; i++) expect(months[i]?.start).toBe(months[i - 1]?.end);
  });

  it('walks fiscal quarters back across fiscal years', () => {
    const labels = lastPeriods(5, 'quarter', '2026-03-01', { ...NEW_YORK, fiscalYearStartMonth: 2 }).map((p) => p.label);
    expect(labels).toEqual(['FY2026 Q1', 'FY2026 Q2', 'FY2026 Q3', 'FY2026 Q4', 'FY2027 Q1']);
  });

  it('walks weeks back across the DST change without gaps', () => {
    const weeks = lastPeriods(3, 'week', '2026-03-12', NEW_YORK);
    expect(weeks.map((w) => w.startDate)).toEqual(['2026-02-23', '2026-03-02', '2026-03-09']);
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]?.start).toBe(weeks[i - 1]?.end);
  });

  it('returns nothing for n = 0 and refuses a negative n', () => {
    expect(lastPeriods(0, 'week', '2026-03-12', NEW_YORK)).toEqual([]);
    expect(() => lastPeriods(-1, 'week', '2026-03-12', NEW_YORK)).toThrow(/whole number/);
  });
});

describe('local days', () => {
  it('reads the local date of an instant', () => {
    expect(localDateOf('2026-11-30T20:00:00Z', 'Asia/Tokyo')).toBe('2026-12-01');
    expect(localDateOf('2026-11-30T20:00:00Z', 'America/New_York')).toBe('2026-11-30');
    expect(localDateOf('2026-11-30', 'Asia/Tokyo')).toBe('2026-11-30');
  });

  it('starts a day at the DST transition where midnight does not exist', () => {
    // Chile springs forward at 00:00 on Sunday 6 Sep 2026: the day starts at 01:00 (−03), 04:00Z.
    expect(new Date(startOfLocalDay('2026-09-06', 'America/Santiago')).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-09-05', 'America/Santiago')).toISOString()).toBe('2026-09-05T04:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-09-07', 'America/Santiago')).toISOString()).toBe('2026-09-07T03:00:00.000Z');
  });

  it('starts a day after the repeated hour when the clock falls back at midnight', () => {
    // Chile falls back at 00:00 on Sunday 5 Apr 2026 (to 23:00 on the 4th), so midnight of the 5th
    // happens once, after the repeated hour; the 4th keeps a single midnight at −03.
    expect(new Date(startOfLocalDay('2026-04-05', 'America/Santiago')).toISOString()).toBe('2026-04-05T04:00:00.000Z');
    expect(new Date(startOfLocalDay('2026-04-04', 'America/Santiago')).toISOString()).toBe('2026-04-04T03:00:00.000Z');
  });
});
