// The windows for dates people type (issue 10): records ten years back to the end of next year, due dates two
// years ahead, a series start two years back to a year ahead; leap days carried over.
import { describe, expect, it } from 'vitest';
import { dueDateWindow, isWithin, recordDateWindow, seriesStartWindow, spokenDate } from '../../../../src/shared/calendar/index.js';

describe('date windows', () => {
  it('records: 1 January ten years back to 31 December next year', () => {
    expect(recordDateWindow('2026-12-01')).toEqual({ min: '2016-01-01', max: '2027-12-31' });
    expect(isWithin('0001-01-01', recordDateWindow('2026-12-01'))).toBe(false);
    expect(isWithin('1900-01-01', recordDateWindow('2026-12-01'))).toBe(false);
    expect(isWithin('2016-01-01', recordDateWindow('2026-12-01'))).toBe(true);
    expect(isWithin('2028-01-01', recordDateWindow('2026-12-01'))).toBe(false);
  });

  it('due dates: from the day agreed to two years after today', () => {
    expect(dueDateWindow('2026-12-01', '2026-11-24')).toEqual({ min: '2026-11-24', max: '2028-12-01' });
    expect(dueDateWindow('2028-02-29', '2028-02-29').max).toBe('2030-03-01');
  });

  it('series start: two years back to one year ahead', () => {
    expect(seriesStartWindow('2026-12-01')).toEqual({ min: '2024-12-01', max: '2027-12-01' });
    expect(seriesStartWindow('2028-02-29')).toEqual({ min: '2026-03-01', max: '2029-03-01' });
  });

  it('writes a date as the messages do', () => {
    expect(spokenDate('2999-12-31')).toBe('31 Dec 2999');
  });
});
