// What a KPI's numbers and dates may be (SPEC S1, S9): one set of rules for the API and the web forms.
import { describe, expect, it } from 'vitest';
import {
  KPI_UNIT_RANGES,
  KPI_UNITS,
  compWeightProblem,
  measureProblem,
  valueDateProblem,
  valueDateWindow,
} from '../../../src/capabilities/goals/domain/index.js';

describe('measureProblem', () => {
  it('refuses a negative amount of money, in money, with a real minus sign', () => {
    expect(measureProblem(-50_000_000, 'currency', { field: 'target', kpiName: 'Revenue closed' })).toBe("The target of Revenue closed can't be negative; it is −$500,000.");
    expect(measureProblem(-1, 'count', { field: 'value', kpiName: 'MQLs', date: '2026-11-02' })).toBe("The value of MQLs on 2026-11-02 can't be negative; it is −1.");
    expect(measureProblem(-2, 'days', { field: 'baseline' })).toBe("The baseline can't be negative; it is −2 days.");
  });

  it('reads a percent as a share, from 0% to 100%', () => {
    expect(measureProblem(150, 'percent', { field: 'target', kpiName: 'Win rate' })).toBe('The target of Win rate is a share, so it is between 0% and 100%; it is 150%.');
    expect(measureProblem(-5, 'percent', { field: 'value', kpiName: 'Win rate' })).toBe('The value of Win rate is a share, so it is between 0% and 100%; it is −5%.');
    expect(measureProblem(0, 'percent', { field: 'value' })).toBeNull();
    expect(measureProblem(100, 'percent', { field: 'value' })).toBeNull();
  });

  it('bounds every unit to a sane maximum, said in the unit', () => {
    expect(measureProblem(Number('99999999999999999'), 'count', { field: 'value', kpiName: 'MQLs' })).toBe('The value of MQLs can be at most 1,000,000,000,000; it is 100,000,000,000,000,000.');
    expect(measureProblem(1e15, 'currency', { field: 'target', kpiName: 'Pipeline' })).toBe('The target of Pipeline can be at most $1,000,000,000,000; it is $10,000,000,000,000.');
    expect(measureProblem(4_000, 'days', { field: 'target' })).toBe('The target can be at most 3,650 days; it is 4,000 days.');
    expect(measureProblem(90_000, 'hours', { field: 'target' })).toBe('The target can be at most 87,600 hours; it is 90,000 hours.');
    expect(measureProblem(20_000, 'ratio', { field: 'target' })).toBe('The target can be at most 10,000×; it is 20,000×.');
    expect(measureProblem(Number.NaN, 'count', { field: 'value' })).toBe('The value must be a number.');
  });

  it('accepts every unit from 0 to its maximum', () => {
    for (const unit of KPI_UNITS) {
      const { min, max } = KPI_UNIT_RANGES[unit];
      expect(min).toBe(0);
      expect(measureProblem(min, unit, { field: 'value' })).toBeNull();
      expect(measureProblem(max, unit, { field: 'value' })).toBeNull();
    }
  });
});

describe('valueDateWindow and valueDateProblem', () => {
  it('runs from 1 January ten years back to 31 December of next year', () => {
    expect(valueDateWindow('2026-11-26')).toEqual({ first: '2016-01-01', last: '2027-12-31' });
    expect(valueDateProblem('2016-01-01', '2026-11-26')).toBeNull();
    expect(valueDateProblem('2027-12-31', '2026-11-26')).toBeNull();
  });

  it('refuses the typing slips seen stored and never shown', () => {
    expect(valueDateProblem('0001-01-01', '2026-11-26')).toBe('Values can be dated from 2016-01-01 to 2027-12-31; 0001-01-01 is earlier than that.');
    expect(valueDateProblem('1900-01-01', '2026-11-26')).toBe('Values can be dated from 2016-01-01 to 2027-12-31; 1900-01-01 is earlier than that.');
    expect(valueDateProblem('2028-01-01', '2026-11-26')).toBe('Values can be dated from 2016-01-01 to 2027-12-31; 2028-01-01 is later than that.');
  });
});

describe('compWeightProblem', () => {
  it('refuses a weight above 100% or below 0, never cuts it', () => {
    expect(compWeightProblem(150)).toBe('The comp weight is a share of variable pay, from 0% to 100%; it is 150%.');
    expect(compWeightProblem(-10, 'Win rate')).toBe('The comp weight of Win rate is a share of variable pay, from 0% to 100%; it is −10%.');
    expect(compWeightProblem(12.5)).toBe('The comp weight is a whole percentage; it is 12.5%.');
    expect(compWeightProblem('high')).toBe('The comp weight must be a number of percent, from 0 to 100.');
    for (const ok of [0, 40, 100]) expect(compWeightProblem(ok)).toBeNull();
  });
});
