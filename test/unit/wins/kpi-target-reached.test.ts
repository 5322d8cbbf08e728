// Goals' rule for "a KPI reaching its period target" (SPEC S5; goals/win-candidates.ts), on goals' own status: a
// higher-is-better KPI the day its value reaches the target, a lower-is-better one only once its period closed on target.
import { describe, expect, it } from 'vitest';
import { kpiTargetReached } from '../../../src/capabilities/goals/win-candidates.js';
import { periodOf } from '../../../src/shared/calendar/index.js';

const options = { timeZone: 'UTC', weekStart: 1, fiscalYearStartMonth: 1 };
const november = periodOf('month', new Date('2026-11-15T12:00:00Z'), options);
const midMonth = new Date('2026-11-15T12:00:00Z');
const after = new Date('2026-12-02T12:00:00Z');

describe('kpiTargetReached', () => {
  it('finds the day a summed flow crosses its target, while the period runs', () => {
    const values = [
      { date: '2026-11-02', value: 40 },
      { date: '2026-11-09', value: 40 },
      { date: '2026-11-12', value: 30 },
    ];
    expect(kpiTargetReached({ unit: 'count', direction: 'higher', target: 100 }, 'sum', values, november, midMonth)).toEqual({ on: '2026-11-12', actual: 110 });
    // Projected past the target is not reached: 80 by mid-month projects to 160, but it is 80.
    expect(kpiTargetReached({ unit: 'count', direction: 'higher', target: 100 }, 'sum', values.slice(0, 2), november, midMonth)).toBeNull();
  });

  it('takes a reading (a rate) as it is: the first reading at the target', () => {
    const values = [
      { date: '2026-11-03', value: 22 },
      { date: '2026-11-10', value: 26 },
      { date: '2026-11-14', value: 27 },
    ];
    expect(kpiTargetReached({ unit: 'percent', direction: 'higher', target: 25 }, 'latest', values, november, midMonth)).toEqual({ on: '2026-11-10', actual: 27 });
    expect(kpiTargetReached({ unit: 'percent', direction: 'higher', target: 25 }, 'latest', [...values, { date: '2026-11-15', value: 20 }], november, midMonth)).toBeNull();
  });

  it('waits for a lower-is-better KPI’s period to close on target', () => {
    const values = [{ date: '2026-11-05', value: 300 }];
    expect(kpiTargetReached({ unit: 'currency', direction: 'lower', target: 400 }, 'latest', values, november, midMonth)).toBeNull();
    expect(kpiTargetReached({ unit: 'currency', direction: 'lower', target: 400 }, 'latest', values, november, after)).toEqual({ on: '2026-11-30', actual: 300 });
    expect(kpiTargetReached({ unit: 'currency', direction: 'lower', target: 200 }, 'latest', values, november, after)).toBeNull();
  });

  it('proposes nothing without a target, at a target of 0, or without values in the period', () => {
    expect(kpiTargetReached({ unit: 'count', direction: 'higher', target: null }, 'sum', [{ date: '2026-11-02', value: 5 }], november, midMonth)).toBeNull();
    expect(kpiTargetReached({ unit: 'count', direction: 'higher', target: 0 }, 'sum', [{ date: '2026-11-02', value: 5 }], november, midMonth)).toBeNull();
    expect(kpiTargetReached({ unit: 'count', direction: 'higher', target: 1 }, 'sum', [{ date: '2026-10-31', value: 5 }], november, midMonth)).toBeNull();
  });
});
