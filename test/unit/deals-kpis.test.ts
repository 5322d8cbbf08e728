// KPIs computed from deals (issue 11, decision 033): a period's value from its totals, the periods a series runs
// over (weeks from the workspace's week start, fiscal quarters from its fiscal-year start), and the empty periods
// that get 0 (sums up to today) or nothing (rates and means, the future).
import { describe, expect, it } from 'vitest';
import { dealKpiSeries, dealKpiValue, EMPTY_TOTALS, isDealKpiKind, periodsBetween, type PeriodTotals } from '../../src/capabilities/deals/domain/compute-kpis.js';
import type { PeriodOptions } from '../../src/shared/calendar/index.js';

const UTC: PeriodOptions = { timeZone: 'UTC', weekStart: 1, fiscalYearStartMonth: 1 };
const FEB: PeriodOptions = { timeZone: 'America/New_York', weekStart: 0, fiscalYearStartMonth: 2 };

const totals = (t: { created?: Partial<PeriodTotals['created']>; closed?: Partial<PeriodTotals['closed']> }): PeriodTotals => ({
  created: { ...EMPTY_TOTALS.created, ...t.created },
  closed: { ...EMPTY_TOTALS.closed, ...t.closed },
});

describe('a period value from its totals', () => {
  it('sums pipeline, marketing pipeline and revenue in cents and counts SQLs', () => {
    const t = totals({ created: { count: 3, amount: 1_234_567, marketingAmount: 400_001 }, closed: { won: 2, lost: 1, wonAmount: 900_000, wonWithAmount: 2 } });
    expect(dealKpiValue('pipeline_generated', t)).toBe(1_234_567);
    expect(dealKpiValue('marketing_sourced_pipeline', t)).toBe(400_001);
    expect(dealKpiValue('sqls', t)).toBe(3);
    expect(dealKpiValue('revenue_closed', t)).toBe(900_000);
  });

  it('a win rate is won ÷ (won + lost) in percent, one decimal, and has no value when nothing closed', () => {
    expect(dealKpiValue('win_rate', totals({ closed: { won: 1, lost: 2 } }))).toBe(33.3);
    expect(dealKpiValue('win_rate', totals({ closed: { won: 0, lost: 4 } }))).toBe(0);
    expect(dealKpiValue('win_rate', totals({ closed: { won: 5, lost: 0 } }))).toBe(100);
    expect(dealKpiValue('win_rate', totals({ created: { count: 9, amount: 10 } }))).toBeNull();
    expect(dealKpiValue('win_rate', undefined)).toBeNull();
  });

  it('an average deal size is the mean won amount in whole cents, over won deals that have an amount', () => {
    expect(dealKpiValue('average_deal_size', totals({ closed: { won: 3, wonAmount: 1_000_000, wonWithAmount: 3 } }))).toBe(333_333);
    // A won deal without an amount is left out of the mean, not counted as $0.
    expect(dealKpiValue('average_deal_size', totals({ closed: { won: 2, wonAmount: 500_000, wonWithAmount: 1 } }))).toBe(500_000);
    expect(dealKpiValue('average_deal_size', totals({ closed: { won: 1, wonAmount: 0, wonWithAmount: 0 } }))).toBeNull();
    expect(dealKpiValue('average_deal_size', totals({ closed: { lost: 3 } }))).toBeNull();
  });

  it('a sales cycle is the median days, one decimal, and nothing when no won deal has both dates', () => {
    expect(dealKpiValue('sales_cycle_length', totals({ closed: { won: 2, medianCycleDays: 45.5 } }))).toBe(45.5);
    expect(dealKpiValue('sales_cycle_length', totals({ closed: { won: 2, medianCycleDays: null } }))).toBeNull();
  });

  it('sums are 0 in a period with no deals; rates and means have no value', () => {
    expect(dealKpiValue('pipeline_generated', undefined)).toBe(0);
    expect(dealKpiValue('revenue_closed', totals({ closed: { lost: 2 } }))).toBe(0);
    expect(dealKpiValue('sqls', undefined)).toBe(0);
    expect(dealKpiValue('sales_cycle_length', undefined)).toBeNull();
  });

  it('knows which catalog kinds deals measure, and not the ones they cannot', () => {
    for (const k of ['pipeline_generated', 'marketing_sourced_pipeline', 'win_rate', 'revenue_closed', 'average_deal_size', 'sales_cycle_length', 'sqls']) expect(isDealKpiKind(k)).toBe(true);
    for (const k of ['mqls', 'cac', 'lead_to_opportunity_rate', 'pipeline_coverage', 'custom:x', 'toString', '__proto__']) expect(isDealKpiKind(k)).toBe(false);
  });
});

describe('the periods of a series', () => {
  it('weeks start on the workspace week start', () => {
    const weeks = periodsBetween('week', '2026-03-04', '2026-03-17', UTC);
    expect(weeks.map((p) => p.startDate)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
    expect(periodsBetween('week', '2026-03-04', '2026-03-04', FEB).map((p) => p.startDate)).toEqual(['2026-03-01']);
  });

  it('quarters follow the fiscal year start', () => {
    expect(periodsBetween('quarter', '2026-01-15', '2026-07-01', UTC).map((p) => p.key)).toEqual(['FY2026-Q1', 'FY2026-Q2', 'FY2026-Q3']);
    // A February fiscal year: Feb–Apr 2026 is FY2027 Q1; January 2026 is the last quarter of FY2026.
    const q = periodsBetween('quarter', '2026-01-15', '2026-05-01', FEB);
    expect(q.map((p) => [p.key, p.startDate])).toEqual([
      ['FY2026-Q4', '2025-11-01'],
      ['FY2027-Q1', '2026-02-01'],
      ['FY2027-Q2', '2026-05-01'],
    ]);
  });

  it('months, and nothing when the range is backwards', () => {
    expect(periodsBetween('month', '2025-12-31', '2026-02-01', UTC).map((p) => p.startDate)).toEqual(['2025-12-01', '2026-01-01', '2026-02-01']);
    expect(periodsBetween('month', '2026-02-01', '2026-01-01', UTC)).toEqual([]);
  });
});

describe('a series over the periods', () => {
  const months = periodsBetween('month', '2026-01-01', '2026-06-30', UTC);
  const byStart = new Map<string, PeriodTotals>([
    ['2026-01-01', totals({ created: { count: 2, amount: 5_000 }, closed: { won: 1, lost: 1, wonAmount: 3_000, wonWithAmount: 1 } })],
    ['2026-06-01', totals({ created: { count: 1, amount: 7_000 } })],
  ]);

  it('a sum has 0 in the empty months up to today and nothing after', () => {
    expect(dealKpiSeries('pipeline_generated', months, byStart, '2026-03-15')).toEqual([
      { date: '2026-01-01', value: 5_000 },
      { date: '2026-02-01', value: 0 },
      { date: '2026-03-01', value: 0 },
      // April and May are in the future: no value; June has a deal dated in it, so it counts.
      { date: '2026-06-01', value: 7_000 },
    ]);
  });

  it('a rate has values only in the months something closed', () => {
    expect(dealKpiSeries('win_rate', months, byStart, '2026-06-30')).toEqual([{ date: '2026-01-01', value: 50 }]);
  });
});
