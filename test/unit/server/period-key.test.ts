// SPEC S8: a periodic job runs once per period; the period key decides what "once" means.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { periodKey } from '../../../src/server/jobs.js';

const at = (iso: string) => new Date(iso);

describe('periodKey', () => {
  it('keys minutes, hours and days in UTC', () => {
    const d = at('2026-11-26T14:05:59.999Z');
    expect(periodKey('minute', d)).toBe('2026-11-26T14:05');
    expect(periodKey('hour', d)).toBe('2026-11-26T14');
    expect(periodKey('day', d)).toBe('2026-11-26');
  });

  it('a week key in the middle of the year', () => {
    expect(periodKey('week', at('2026-11-26T14:05:00Z'))).toBe('2026-W48');
  });

  // ISO-8601: week 1 is the week with the year's first Thursday; weeks run Monday to Sunday.
  it.each([
    ['2026-01-01T00:00:00Z', '2026-W01'], // Thursday
    ['2025-12-29T00:00:00Z', '2026-W01'], // Monday of the week holding 1 Jan 2026
    ['2025-12-28T23:59:59Z', '2025-W52'], // Sunday before it
    ['2027-01-01T12:00:00Z', '2026-W53'], // Friday: 2026 has 53 weeks
    ['2027-01-03T23:59:59Z', '2026-W53'], // Sunday
    ['2027-01-04T00:00:00Z', '2027-W01'], // Monday
    ['2024-12-30T00:00:00Z', '2025-W01'], // Monday in December belongs to next year
    ['2021-01-03T00:00:00Z', '2020-W53'], // Sunday in January belongs to last year
    ['2020-12-31T00:00:00Z', '2020-W53'],
    ['2024-02-29T00:00:00Z', '2024-W09'], // leap day
    ['2026-12-31T23:59:59Z', '2026-W53'],
  ])('%s is in %s', (iso, key) => {
    expect(periodKey('week', at(iso))).toBe(key);
  });

  it('uses UTC, not the local time zone', () => {
    // 23:30 on a Sunday UTC is already Monday in Berlin, but the key is the UTC week.
    expect(periodKey('week', at('2026-01-04T23:30:00Z'))).toBe('2026-W01');
    expect(periodKey('week', at('2026-01-05T00:00:00Z'))).toBe('2026-W02');
  });

  it('every day of one Monday-to-Sunday week shares a key, and the next Monday starts a new one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 * 52 }), (weeks) => {
        // 1990-01-01 was a Monday.
        const monday = Date.UTC(1990, 0, 1) + weeks * 7 * 86_400_000;
        const key = periodKey('week', new Date(monday));
        for (let d = 1; d < 7; d++) expect(periodKey('week', new Date(monday + d * 86_400_000 + 3_600_000))).toBe(key);
        expect(periodKey('week', new Date(monday + 7 * 86_400_000))).not.toBe(key);
        expect(key).toMatch(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/);
      }),
    );
  });
});
