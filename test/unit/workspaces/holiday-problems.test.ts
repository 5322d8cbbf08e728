// Holidays within ten years back to the end of next year (issue 10); a date already saved is kept.
import { describe, expect, it } from 'vitest';
import { holidayProblems } from '../../../src/capabilities/workspaces/domain/holiday-problems.js';

describe('holidayProblems', () => {
  it('refuses a date out of the window, naming the holiday and the window, with its field path', () => {
    expect(holidayProblems([{ date: '2026-12-25', name: 'Christmas' }, { date: '0001-01-01', name: 'New Year' }], '2026-12-01')).toEqual([
      { path: 'body.holidays.1.date', message: 'The date of holiday 2 (New Year), 1 Jan 0001, is out of range: holidays go from 1 Jan 2016 to 31 Dec 2027.' },
    ]);
    expect(holidayProblems([{ date: '2028-01-01', name: 'New Year' }], '2026-12-01')).toHaveLength(1);
    expect(holidayProblems([{ date: '2016-01-01', name: 'New Year' }, { date: '2027-12-31', name: 'Eve' }], '2026-12-01')).toEqual([]);
  });

  it('keeps a date that is already saved', () => {
    expect(holidayProblems([{ date: '2015-12-25', name: 'Christmas' }], '2026-12-01', ['2015-12-25'])).toEqual([]);
  });
});
