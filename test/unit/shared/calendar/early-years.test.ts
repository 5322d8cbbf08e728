// Years 0000–0099 are real calendar years (a client can send any YYYY): Date.UTC reads them as 1900–1999, so
// the calendar must not (hostile-input found "0000-02-29" answering 500: year 0 is a leap year, 1900 is not).
import { describe, expect, it } from 'vitest';
import { calendarDate } from '../../../../src/shared/calendar/index.js';

describe('calendar dates before the year 100', () => {
  it('parses the leap day of year 0 and keeps the year through arithmetic', () => {
    expect(calendarDate.parse('0000-02-29')).toEqual({ year: 0, month: 2, day: 29 });
    expect(calendarDate.addDays('0000-02-28', 1)).toBe('0000-02-29');
    expect(calendarDate.addDays('0099-12-31', 1)).toBe('0100-01-01');
    expect(calendarDate.addDays('0001-01-01', -1)).toBe('0000-12-31');
    expect(calendarDate.daysBetween('0000-01-01', '0001-01-01')).toBe(366);
    expect(calendarDate.daysBetween('0050-06-01', '2026-06-01')).toBe(721_719);
  });

  it('still refuses days that do not exist', () => {
    expect(() => calendarDate.parse('0001-02-29')).toThrow(RangeError);
    expect(() => calendarDate.parse('1900-02-29')).toThrow(RangeError);
  });
});
