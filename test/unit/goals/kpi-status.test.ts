import { describe, expect, it } from 'vitest';
import { kpiTrend, projectKpiStatus, type KpiStatusInput } from '../../../src/capabilities/goals/domain/index.js';
import { periodOf } from '../../../src/shared/calendar/index.js';
import { NEW_YORK, TOKYO } from '../shared/calendar/factories.js';

// November 2026 has 30 days; on the 15th (counting today) 15/30 = half of it has elapsed.
const NOV = periodOf('month', '2026-11-15', NEW_YORK);
const MID_NOV = '2026-11-15T17:00:00Z';

function status(overrides: Partial<KpiStatusInput>) {
  return projectKpiStatus({ unit: 'count', direction: 'higher', target: 100, values: [], period: NOV, now: MID_NOV, ...overrides });
}

describe('projectKpiStatus: summed KPIs (count, currency)', () => {
  it('projects the period-to-date sum linearly by elapsed days', () => {
    const r = status({ values: [{ date: '2026-11-02', value: 30 }, { date: '2026-11-10', value: 20 }] });
    expect(r).toMatchObject({ actual: 50, projected: 100, elapsedFraction: 0.5, valueCount: 2, status: 'on_track', attainment: 1 });
    expect(r.explanation).toBe('Projected 100 by the end of Nov 2026 against a target of at least 100: on track.');
  });

  it('uses the thresholds: ≥ 100 % on track, ≥ 90 % at risk, below off track', () => {
    expect(status({ values: [{ date: '2026-11-02', value: 45 }] }).status).toBe('at_risk'); // 90 %
    expect(status({ values: [{ date: '2026-11-02', value: 44.9 }] }).status).toBe('off_track'); // 89.8 %
    expect(status({ values: [{ date: '2026-11-02', value: 60 }] }).status).toBe('on_track'); // 120 %
  });

  it('ignores values outside the period, and non-finite ones', () => {
    const r = status({ values: [{ date: '2026-10-31', value: 1000 }, { date: '2026-12-01', value: 1000 }, { date: '2026-11-03', value: Number.NaN }, { date: '2026-11-03', value: 40 }] });
    expect(r).toMatchObject({ actual: 40, valueCount: 1 });
  });

  it('judges a closed period on its actual total', () => {
    const r = status({ now: '2026-12-10T12:00:00Z', values: [{ date: '2026-11-02', value: 95 }] });
    expect(r).toMatchObject({ elapsedFraction: 1, projected: 95, status: 'at_risk' });
    expect(r.explanation).toBe('95 in Nov 2026 against a target of at least 100: at risk.');
  });

  it('does not scale values logged for a period that has not started', () => {
    const r = status({ now: '2026-10-20T12:00:00Z', values: [{ date: '2026-11-02', value: 40 }] });
    expect(r).toMatchObject({ elapsedFraction: 0, projected: 40, status: 'off_track' });
  });

  it('formats currency (cents) in the explanation', () => {
    const r = status({ unit: 'currency', target: 10_000_000, currency: 'EUR', values: [{ date: '2026-11-05', value: 5_000_000 }] });
    expect(r.status).toBe('on_track');
    expect(r.explanation).toContain('€100,000');
  });
});

describe('projectKpiStatus: rates and durations are not scaled', () => {
  it('takes the latest value of a percent KPI, whatever the elapsed share', () => {
    const r = status({ unit: 'percent', target: 25, values: [{ date: '2026-11-10', value: 24 }, { date: '2026-11-03', value: 30 }] });
    expect(r).toMatchObject({ actual: 24, projected: 24, status: 'at_risk' }); // 96 %
  });

  it('takes the last of two values on the same day', () => {
    const r = status({ unit: 'percent', target: 25, values: [{ date: '2026-11-10', value: 20 }, { date: '2026-11-10', value: 26 }] });
    expect(r).toMatchObject({ actual: 26, status: 'on_track' });
  });

  it('can average instead', () => {
    const r = status({ unit: 'hours', direction: 'lower', target: 4, aggregation: 'average', values: [{ date: '2026-11-02', value: 3 }, { date: '2026-11-09', value: 5 }] });
    expect(r).toMatchObject({ actual: 4, projected: 4, status: 'on_track' });
  });
});

describe('projectKpiStatus: lower is better', () => {
  const cycle = { unit: 'days' as const, direction: 'lower' as const, target: 40 };

  it('mirrors the thresholds: ≤ 100 % on track, ≤ 110 % at risk, above off track', () => {
    expect(status({ ...cycle, values: [{ date: '2026-11-02', value: 38 }] }).status).toBe('on_track');
    expect(status({ ...cycle, values: [{ date: '2026-11-02', value: 40 }] }).status).toBe('on_track');
    expect(status({ ...cycle, values: [{ date: '2026-11-02', value: 44 }] }).status).toBe('at_risk');
    expect(status({ ...cycle, values: [{ date: '2026-11-02', value: 44.5 }] }).status).toBe('off_track');
    expect(status({ ...cycle, values: [{ date: '2026-11-02', value: 44.5 }] }).explanation).toBe('44.5 days in Nov 2026 against a target of at most 40 days: off track.');
  });

  it('projects a summed lower-is-better KPI and judges it with the mirrored rule', () => {
    // e.g. a custom "leads left unanswered" count with at most 20 a month; 12 by mid-month projects 24.
    const r = status({ direction: 'lower', target: 20, values: [{ date: '2026-11-04', value: 12 }] });
    expect(r).toMatchObject({ projected: 24, status: 'off_track' });
  });

  it('with a target of 0 is on track only at 0 — there is no at-risk band', () => {
    const zero = { direction: 'lower' as const, target: 0 };
    expect(status({ ...zero, values: [{ date: '2026-11-04', value: 0 }] })).toMatchObject({ status: 'on_track', attainment: null });
    expect(status({ ...zero, values: [{ date: '2026-11-04', value: 1 }] }).status).toBe('off_track');
  });
});

describe('projectKpiStatus: edge cases', () => {
  it('says no_data for an empty period rather than treating it as zero', () => {
    const r = status({ values: [] });
    expect(r).toMatchObject({ status: 'no_data', actual: null, projected: null, valueCount: 0 });
    expect(r.explanation).toBe('No values logged for Nov 2026.');
  });

  it('says no_target when there is no target', () => {
    expect(status({ target: null, values: [{ date: '2026-11-02', value: 3 }] })).toMatchObject({ status: 'no_target', actual: 3 });
  });

  it('gives no attainment rather than an infinite one for a target a hair above 0', () => {
    const r = status({ target: 1e-320, values: [{ date: '2026-11-02', value: 10 }] });
    expect(r).toMatchObject({ status: 'on_track', attainment: null });
  });

  it('treats a higher-is-better target of 0 as met by any value', () => {
    expect(status({ target: 0, values: [{ date: '2026-11-02', value: 0 }] })).toMatchObject({ status: 'on_track', attainment: null });
  });

  it('dates instant values in the workspace time zone at the period edges', () => {
    const decTokyo = periodOf('month', '2026-12-10', TOKYO);
    // 2026-11-30T20:00Z is already 1 Dec in Tokyo; 2026-11-30T14:00Z is still 30 Nov there.
    const r = projectKpiStatus({
      unit: 'count',
      direction: 'higher',
      target: 10,
      period: decTokyo,
      now: '2026-12-31T14:00:00Z', // 23:00 on 31 Dec in Tokyo: the whole month has elapsed
      values: [
        { date: '2026-11-30T20:00:00Z', value: 7 },
        { date: new Date('2026-11-30T14:00:00Z'), value: 100 },
      ],
    });
    expect(r).toMatchObject({ actual: 7, elapsedFraction: 1, status: 'off_track' });
  });

  it('counts today as elapsed in the workspace time zone', () => {
    // 2026-11-01T03:00Z is still 31 Oct in New York: November has not started there.
    expect(status({ now: '2026-11-01T03:00:00Z', values: [{ date: '2026-11-01', value: 5 }] }).elapsedFraction).toBe(0);
    // 2026-11-01T05:00Z is 1 Nov 00:00 EDT: one day of thirty.
    expect(status({ now: '2026-11-01T05:00:00Z', values: [{ date: '2026-11-01', value: 5 }] })).toMatchObject({ elapsedFraction: 1 / 30, projected: 150 });
  });

  it('uses whole days in a DST week, so the spring-forward week still has 7 of them', () => {
    const week = periodOf('week', '2026-03-08', NEW_YORK); // Mon 2 – Sun 8 Mar, 167 hours
    const r = projectKpiStatus({ unit: 'count', direction: 'higher', target: 70, period: week, now: '2026-03-08T12:00:00Z', values: [{ date: '2026-03-03', value: 70 }] });
    expect(r).toMatchObject({ elapsedFraction: 1, projected: 70, status: 'on_track' });
  });
});

describe('kpiTrend', () => {
  it('judges each of the last 12 periods; past ones are final, the current one is projected', () => {
    const values = [
      { date: '2026-09-15', value: 120 },
      { date: '2026-10-15', value: 80 },
      { date: '2026-11-02', value: 50 },
    ];
    const trend = kpiTrend({ unit: 'count', direction: 'higher', target: 100, targetPeriod: 'month', values, now: MID_NOV, options: NEW_YORK });
    expect(trend).toHaveLength(12);
    expect(trend.map((t) => t.period.label).slice(-3)).toEqual(['Sep 2026', 'Oct 2026', 'Nov 2026']);
    expect(trend.map((t) => t.result.status).slice(-4)).toEqual(['no_data', 'on_track', 'off_track', 'on_track']);
    expect(trend[11]?.result.projected).toBe(100);
  });

  it('honours a custom count and fiscal quarters', () => {
    const trend = kpiTrend({ unit: 'percent', direction: 'higher', target: 25, targetPeriod: 'quarter', values: [], now: '2026-11-26', options: { ...NEW_YORK, fiscalYearStartMonth: 2 }, count: 4 });
    expect(trend.map((t) => t.period.label)).toEqual(['FY2027 Q1', 'FY2027 Q2', 'FY2027 Q3', 'FY2027 Q4']);
    expect(trend.every((t) => t.result.status === 'no_data')).toBe(true);
  });
});
