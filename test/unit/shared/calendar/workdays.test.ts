// Holidays and workdays: a holiday is not a workday, and it moves no week boundary.
import { describe, expect, it } from 'vitest';
import { isoWeekOf, isWorkday, periodOf, weekStartOf, workdaysIn, type CalendarSettings } from '../../../../src/shared/calendar/index.js';

// Memorial Day 2026 falls on Monday 25 May.
const settings: CalendarSettings = {
  timeZone: 'America/New_York',
  weekStart: 1,
  fiscalYearStartMonth: 2,
  holidays: [
    { date: '2026-05-25', name: 'Memorial Day' },
    { date: '2026-07-04', name: 'Independence Day' }, // a Saturday
  ],
};

describe('a holiday on a Monday', () => {
  it('is not a workday; the days around it are', () => {
    expect(isWorkday('2026-05-25', settings)).toBe(false);
    expect(isWorkday('2026-05-26', settings)).toBe(true);
    expect(isWorkday('2026-05-22', settings)).toBe(true); // the Friday before
    expect(isWorkday('2026-05-24', settings)).toBe(false); // Sunday
  });

  it('leaves four workdays in its week, which still starts that Monday', () => {
    const week = periodOf('week', '2026-05-27', settings);
    expect(week).toMatchObject({ startDate: '2026-05-25', endDate: '2026-06-01', start: '2026-05-25T04:00:00.000Z', key: 'W2026-05-25' });
    expect(workdaysIn(week.startDate, week.endDate, settings)).toEqual(['2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29']);
    expect(weekStartOf('2026-05-25', settings.weekStart)).toBe('2026-05-25');
    expect(isoWeekOf('2026-05-25').startDate).toBe('2026-05-25');
    // Every day of it, the holiday too, is in that one week of seven days.
    const days = ['2026-05-25', '2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29', '2026-05-30', '2026-05-31'];
    expect(days.map((d) => periodOf('week', d, settings).key)).toEqual(days.map(() => 'W2026-05-25'));
    expect(periodOf('week', '2026-06-01', settings).key).toBe('W2026-06-01');
  });

  it('falls in the week before for a Sunday-start workspace, with the same effect on workdays', () => {
    const sunday = { ...settings, weekStart: 0 };
    const week = periodOf('week', '2026-05-25', sunday);
    expect(week).toMatchObject({ startDate: '2026-05-24', endDate: '2026-05-31' });
    expect(workdaysIn(week.startDate, week.endDate, sunday)).toEqual(['2026-05-26', '2026-05-27', '2026-05-28', '2026-05-29']);
  });
});

describe('workdays', () => {
  it('counts a quarter’s workdays without weekends and holidays (a holiday on a Saturday changes nothing)', () => {
    const q = periodOf('quarter', '2026-06-15', settings); // FY2027 Q2: May–July 2026
    expect([q.startDate, q.endDate]).toEqual(['2026-05-01', '2026-08-01']);
    const days = workdaysIn(q.startDate, q.endDate, settings);
    expect(days).toHaveLength(66 - 1); // 21 + 22 + 23 weekdays in May, June and July, less Memorial Day
    expect(days).not.toContain('2026-05-25');
    expect(days[0]).toBe('2026-05-01');
    expect(days.at(-1)).toBe('2026-07-31');
  });

  it('honours another weekend (Friday and Saturday)', () => {
    const gulf = { holidays: [], weekend: [5, 6] };
    expect(workdaysIn('2026-05-24', '2026-05-31', gulf)).toEqual(['2026-05-24', '2026-05-25', '2026-05-26', '2026-05-27', '2026-05-28']);
    expect(isWorkday('2026-05-29', gulf)).toBe(false);
  });

  it('returns nothing for an empty span and refuses one of centuries', () => {
    expect(workdaysIn('2026-05-25', '2026-05-25', settings)).toEqual([]);
    expect(workdaysIn('2026-05-26', '2026-05-25', settings)).toEqual([]);
    expect(() => workdaysIn('2000-01-01', '2100-01-01', settings)).toThrow(/at most/);
  });
});
