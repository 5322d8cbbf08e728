// Week starts, ISO weeks around New Year, and fiscal quarters when the fiscal year starts in February.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarDate, fiscalQuarterOf, isoWeekOf, lastPeriods, periodOf, weekStartOf } from '../../../../src/shared/calendar/index.js';
import { periodKey } from '../../../../src/server/jobs.js';
import { NEW_YORK } from './factories.js';

describe('isoWeekOf around New Year', () => {
  it('puts 28 Dec 2026 to 3 Jan 2027 in 2026-W53 and starts 2027-W01 on Monday 4 Jan', () => {
    const days = ['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02', '2027-01-03', '2027-01-04'];
    expect(days.map((d) => isoWeekOf(d).key)).toEqual(['2026-W53', '2026-W53', '2026-W53', '2026-W53', '2026-W53', '2026-W53', '2026-W53', '2027-W01']);
    expect(isoWeekOf('2027-01-01')).toEqual({ year: 2026, week: 53, key: '2026-W53', startDate: '2026-12-28', endDate: '2027-01-04' });
    expect(isoWeekOf('2027-01-04')).toEqual({ year: 2027, week: 1, key: '2027-W01', startDate: '2027-01-04', endDate: '2027-01-11' });
  });

  it('gives the last days of a year to the next year’s week 1 when its Thursday is in January', () => {
    expect(isoWeekOf('2024-12-30')).toMatchObject({ year: 2025, week: 1, startDate: '2024-12-30' });
    expect(isoWeekOf('2025-12-28')).toMatchObject({ year: 2025, week: 52 });
    expect(isoWeekOf('2025-12-29')).toMatchObject({ year: 2026, week: 1 });
  });

  it('agrees with the job scheduler’s ISO week key for any day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (n) => {
        const date = calendarDate.addDays('1990-01-01', n);
        expect(isoWeekOf(date).key).toBe(periodKey('week', new Date(`${date}T12:00:00Z`)));
      }),
      { numRuns: 500 },
    );
  });
});

describe('weekStartOf', () => {
  it('goes back to the workspace’s week-start day across New Year', () => {
    expect(weekStartOf('2027-01-01', 1)).toBe('2026-12-28'); // Friday → Monday
    expect(weekStartOf('2027-01-01', 0)).toBe('2026-12-27'); // → Sunday
    expect(weekStartOf('2027-01-01', 5)).toBe('2027-01-01'); // a Friday start: itself
    expect(() => weekStartOf('2027-01-01', 7)).toThrow(/Week start/);
  });
});

describe('fiscal quarters when the fiscal year starts in February', () => {
  it('names every month’s quarter by the fiscal year it ends in', () => {
    const months = Array.from({ length: 13 }, (_, i) => fiscalQuarterOf(2026 + Math.floor(i / 12), (i % 12) + 1, 2));
    expect(months.map((q) => `FY${q.fiscalYear} Q${q.quarter} from ${q.startYear}-${String(q.startMonth).padStart(2, '0')}`)).toEqual([
      'FY2026 Q4 from 2025-11', // Jan 2026
      'FY2027 Q1 from 2026-02',
      'FY2027 Q1 from 2026-02',
      'FY2027 Q1 from 2026-02',
      'FY2027 Q2 from 2026-05',
      'FY2027 Q2 from 2026-05',
      'FY2027 Q2 from 2026-05',
      'FY2027 Q3 from 2026-08',
      'FY2027 Q3 from 2026-08',
      'FY2027 Q3 from 2026-08',
      'FY2027 Q4 from 2026-11',
      'FY2027 Q4 from 2026-11', // Dec 2026
      'FY2027 Q4 from 2026-11', // Jan 2027
    ]);
  });

  it('runs each quarter from local midnight to local midnight, across DST and New Year', () => {
    const feb = { ...NEW_YORK, fiscalYearStartMonth: 2 };
    expect(periodOf('quarter', '2026-03-15T12:00:00Z', feb)).toMatchObject({ key: 'FY2027-Q1', start: '2026-02-01T05:00:00.000Z', end: '2026-05-01T04:00:00.000Z' });
    expect(periodOf('quarter', '2027-01-15T12:00:00Z', feb)).toMatchObject({ key: 'FY2027-Q4', startDate: '2026-11-01', endDate: '2027-02-01', start: '2026-11-01T04:00:00.000Z', end: '2027-02-01T05:00:00.000Z' });
    expect(lastPeriods(4, 'quarter', '2027-01-15', feb).map((p) => p.key)).toEqual(['FY2027-Q1', 'FY2027-Q2', 'FY2027-Q3', 'FY2027-Q4']);
    expect(periodOf('quarter', '2027-02-01', feb).key).toBe('FY2028-Q1');
  });
});
