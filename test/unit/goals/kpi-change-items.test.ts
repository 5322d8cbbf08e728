// The check-in agenda's KPI section, built by goals (SPEC S2): wording, change, order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kpiChangeItems, type KpiChangeInput, type KpiStatus } from '../../../src/capabilities/goals/domain/index.js';

describe('kpiChangeItems', () => {
  const kpi = (o: Partial<KpiChangeInput> & Pick<KpiChangeInput, 'kpiId'>): KpiChangeInput => ({
    name: o.kpiId,
    team: 'sales',
    unit: 'count',
    direction: 'higher',
    status: 'on_track',
    value: 10,
    previousValue: 8,
    ...o,
  });

  it('words the change in the unit of the KPI', () => {
    const text = (o: Partial<KpiChangeInput>) => kpiChangeItems([kpi({ kpiId: 'k', ...o })])[0]?.text;
    expect(text({ name: 'Win rate', unit: 'percent', value: 26.9, previousValue: 24 })).toBe('Win rate 24% → 26.9% (+2.9 pts), on track');
    expect(text({ name: 'MQLs', value: 120, previousValue: 135, status: 'at_risk' })).toBe('MQLs 135 → 120 (-15), at risk');
    expect(text({ name: 'Pipeline', unit: 'currency', value: 140_000_000, previousValue: 125_000_000 })).toBe('Pipeline $1,250,000 → $1,400,000 (+$150,000), on track');
    expect(text({ name: 'Sales cycle', unit: 'days', direction: 'lower', value: 41, previousValue: 43.5, status: 'off_track' })).toBe('Sales cycle 43.5 days → 41 days (-2.5 days), off track');
    expect(text({ name: 'LTV:CAC', unit: 'ratio', value: 3.25, previousValue: 3 })).toBe('LTV:CAC 3× → 3.25× (+0.25×), on track');
    expect(text({ name: 'Win rate', unit: 'percent', value: 24.01, previousValue: 24 })).toBe('Win rate 24% (no change), on track');
    expect(text({ name: 'MQLs', previousValue: null })).toBe('MQLs 10 (no value at the last check-in), on track');
    expect(text({ name: 'MQLs', value: null, previousValue: 8, status: 'no_data' })).toBe('MQLs: no value logged this period (8 at the last check-in), no data');
    expect(text({ name: 'MQLs', value: null, previousValue: null, status: 'no_data' })).toBe('MQLs: no value logged this period, no data');
  });

  it('says whether it got better, honouring the direction', () => {
    const [lower] = kpiChangeItems([kpi({ kpiId: 'cycle', unit: 'days', direction: 'lower', value: 41, previousValue: 43, rank: 2 })]);
    expect(lower?.detail).toBe('Sales · top three #2 · better than at the last check-in');
    const [worse] = kpiChangeItems([kpi({ kpiId: 'mql', team: 'marketing', value: 7, previousValue: 8 })]);
    expect(worse?.detail).toBe('Marketing · worse than at the last check-in');
    expect(worse).toMatchObject({ id: 'kpi:mql', tone: 'good', ref: { type: 'kpi', id: 'mql' } });
  });

  it('puts off-track KPIs first, then at risk, no data, on track, no target; sales before marketing; by rank', () => {
    const items = kpiChangeItems([
      kpi({ kpiId: 'on-m', team: 'marketing', status: 'on_track' }),
      kpi({ kpiId: 'none', status: 'no_target' }),
      kpi({ kpiId: 'off-m', team: 'marketing', status: 'off_track' }),
      kpi({ kpiId: 'risk', status: 'at_risk' }),
      kpi({ kpiId: 'off-s2', status: 'off_track', rank: 2 }),
      kpi({ kpiId: 'off-s1', status: 'off_track', rank: 1 }),
      kpi({ kpiId: 'nodata', status: 'no_data' }),
      kpi({ kpiId: 'on-s', status: 'on_track' }),
    ]);
    expect(items.map((i) => i.id.slice(4))).toEqual(['off-s1', 'off-s2', 'off-m', 'risk', 'nodata', 'on-s', 'on-m', 'none']);
    expect(items.slice(0, 4).map((i) => i.tone)).toEqual(['alert', 'alert', 'alert', 'warning']);
    expect(kpiChangeItems([])).toEqual([]);
  });
});

describe('KPI change items (properties)', () => {
  const STATUSES: KpiStatus[] = ['on_track', 'at_risk', 'off_track', 'no_data', 'no_target'];
  it('keeps every KPI once and puts off-track ones first', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({
            kpiId: fc.string({ minLength: 1, maxLength: 6 }),
            status: fc.constantFrom(...STATUSES),
            team: fc.constantFrom('sales' as const, 'marketing' as const),
            value: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
            previousValue: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
          }),
          { selector: (k) => k.kpiId, maxLength: 12 },
        ),
        (kpis) => {
          const items = kpiChangeItems(kpis.map((k) => ({ ...k, name: k.kpiId, unit: 'count', direction: 'higher' })));
          expect(items.map((i) => i.id).sort()).toEqual(kpis.map((k) => `kpi:${k.kpiId}`).sort());
          const offTrack = kpis.filter((k) => k.status === 'off_track').length;
          expect(items.slice(0, offTrack).every((i) => i.tone === 'alert')).toBe(true);
          for (const i of items) expect(i.text.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});
