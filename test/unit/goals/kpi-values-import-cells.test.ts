// SPEC S7: KPI values as people write them in a CSV or a webhook — numbers with symbols and separators, and
// periods (date, month, fiscal quarter, ISO week) mapped to the date the value is stored on.
import { describe, expect, it } from 'vitest';
import { readValuePeriod } from '../../../src/capabilities/goals/domain/read-value-period.js';
import { readWrittenValue } from '../../../src/capabilities/goals/domain/read-written-value.js';
import { fiscalQuarterOf } from '../../../src/shared/calendar/fiscal-quarter-of.js';

const value = (text: string | number, unit: Parameters<typeof readWrittenValue>[1] = 'count') => {
  const r = readWrittenValue(text, unit);
  return r.ok ? r.value : r.message;
};

describe('readWrittenValue', () => {
  it('reads money in currency units and stores cents', () => {
    expect(value('$1,234', 'currency')).toBe(123_400);
    expect(value('$1,234.56', 'currency')).toBe(123_456);
    expect(value('1.234,5', 'currency')).toBe(123_450);
    expect(value('€ 1 234,50', 'currency')).toBe(123_450);
    expect(value(1250.5, 'currency')).toBe(125_050);
    expect(value('0.1', 'currency')).toBe(10);
  });

  it('reads percents as 0–100 and plain numbers with separators', () => {
    expect(value('12.5%', 'percent')).toBe(12.5);
    expect(value('12,5 %', 'percent')).toBe(12.5);
    expect(value('1,234,567')).toBe(1_234_567);
    expect(value('1.234.567')).toBe(1_234_567);
    expect(value("1'234")).toBe(1234);
    expect(value('0.125', 'ratio')).toBe(0.125);
    expect(value('42')).toBe(42);
  });

  it('reads negatives, so the unit rules can refuse them in their own words', () => {
    expect(value('(500)', 'currency')).toBe(-50_000);
    expect(value('-3')).toBe(-3);
  });

  it('refuses what it would have to guess: a point then exactly three digits', () => {
    expect(value('1.234')).toMatch(/could mean 1234 or 1\.234/);
    expect(value('12.500')).toMatch(/could mean/);
  });

  it('refuses text that is no number, with a sentence', () => {
    for (const bad of ['', '  ', 'twelve', '1,23,4', '1.2.3,4,5', '12..5', '--5', '1e5', 'NaN', 'Infinity', '12,345.6.7']) {
      expect(readWrittenValue(bad, 'count').ok, bad).toBe(false);
    }
    expect(value('9'.repeat(400))).toMatch(/larger than/);
    expect(value(Number.NaN)).toMatch(/must be a number/);
  });
});

const opts = { weekStart: 1, fiscalYearStartMonth: 1 };
const period = (text: string, kind: 'week' | 'month' | 'quarter', o = opts) => {
  const r = readValuePeriod(text, kind, o);
  return r.ok ? r.date : r.message;
};

describe('readValuePeriod', () => {
  it('keeps a date as written for any KPI period', () => {
    expect(period('2026-03-07', 'week')).toBe('2026-03-07');
    expect(period('2026-03-07', 'quarter')).toBe('2026-03-07');
    expect(period('2026-02-30', 'month')).toMatch(/not a day/);
  });

  it('stores a month on its first day, for monthly and quarterly KPIs', () => {
    expect(period('2026-03', 'month')).toBe('2026-03-01');
    expect(period('2026-03', 'quarter')).toBe('2026-03-01');
    expect(period('2026-03', 'week')).toMatch(/measured weekly/);
    expect(period('2026-13', 'month')).toMatch(/not a month/);
  });

  it('reads a quarter in the fiscal calendar, fiscal years named by the year they end in', () => {
    expect(period('2026-Q1', 'quarter')).toBe('2026-01-01');
    expect(period('FY2026 Q3', 'quarter')).toBe('2026-07-01');
    // A February start: FY2027 runs Feb 2026 – Jan 2027.
    const feb = { weekStart: 1, fiscalYearStartMonth: 2 };
    expect(period('2027-Q1', 'quarter', feb)).toBe('2026-02-01');
    expect(period('fy2027-q4', 'quarter', feb)).toBe('2026-11-01');
    for (const start of [1, 2, 4, 7, 10, 12]) {
      for (const q of [1, 2, 3, 4]) {
        const date = period(`2030-Q${q}`, 'quarter', { weekStart: 1, fiscalYearStartMonth: start });
        const [y, m] = date.split('-').map(Number);
        expect(fiscalQuarterOf(y!, m!, start)).toMatchObject({ fiscalYear: 2030, quarter: q, startMonth: m });
      }
    }
    expect(period('2026-Q1', 'month')).toMatch(/is a quarter, and this KPI is measured monthly/);
    expect(period('2026-Q5', 'quarter')).toMatch(/not a period/);
  });

  it('reads an ISO week and stores it on the workspace week start holding its Monday', () => {
    expect(period('2026-W10', 'week')).toBe('2026-03-02');
    expect(period('2026-W10', 'week', { weekStart: 0, fiscalYearStartMonth: 1 })).toBe('2026-03-01');
    expect(period('2026-W53', 'week')).toBe('2026-12-28');
    expect(period('2027-W53', 'week')).toMatch(/weeks W01 to W52/);
    expect(period('2026-W00', 'week')).toMatch(/not a week/);
    expect(period('2026-W10', 'month')).toMatch(/is a week/);
  });

  it('refuses anything else with what it accepts', () => {
    expect(period('March 2026', 'month')).toMatch(/a date \(2026-03-07\) or a month \(2026-03\)/);
    expect(period('', 'week')).toMatch(/empty/);
  });
});
