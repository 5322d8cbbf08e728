import { describe, expect, it } from 'vitest';
import { buildPublicationSnapshot, diffPublications, formatKpiValue, publicationFreshness } from '../../../src/capabilities/goals/domain/index.js';
import { kpi, published, snapshot } from './factories.js';

describe('formatKpiValue', () => {
  it('formats by unit', () => {
    expect(formatKpiValue(125_000_000, 'currency', 'USD')).toBe('$1,250,000');
    expect(formatKpiValue(123_456, 'currency', 'USD')).toBe('$1,234.56');
    // From 10,000 up, cents are noise: projections read as whole amounts.
    expect(formatKpiValue(365_007_229, 'currency', 'USD')).toBe('$3,650,072');
    expect(formatKpiValue(999_999, 'currency', 'USD')).toBe('$9,999.99');
    expect(formatKpiValue(500_000, 'currency', 'EUR')).toBe('€5,000');
    expect(formatKpiValue(500_000, 'currency', 'JPY')).toBe('¥5,000');
    expect(formatKpiValue(100, 'currency', 'NOPE')).toBe('NOPE 1');
    expect(formatKpiValue(22, 'percent')).toBe('22%');
    expect(formatKpiValue(22.45, 'percent')).toBe('22.5%');
    expect(formatKpiValue(45, 'days')).toBe('45 days');
    expect(formatKpiValue(1, 'days')).toBe('1 day');
    expect(formatKpiValue(1.5, 'hours')).toBe('1.5 hours');
    expect(formatKpiValue(1200, 'count')).toBe('1,200');
    expect(formatKpiValue(3.25, 'ratio')).toBe('3.25×');
    expect(formatKpiValue(null, 'count')).toBe('—');
  });
});

describe('buildPublicationSnapshot', () => {
  const kpis = [
    kpi({ id: 'k-win', name: 'Win rate', kindId: 'win_rate', unit: 'percent', rank: 2, target: 25, compensated: true, compWeight: 40 }),
    kpi({ id: 'k-rev', name: 'Revenue closed', kindId: 'revenue_closed', unit: 'currency', rank: 1, target: 50_000_000, compensated: true, compWeight: 60 }),
    kpi({ id: 'k-cycle', name: 'Sales cycle length', unit: 'days', direction: 'lower', rank: null, compWeight: 10 }),
    kpi({ id: 'k-mql', team: 'marketing', name: 'MQLs', rank: 1 }),
  ];

  it('freezes the team’s ranked KPIs in rank order, with their comp', () => {
    const s = buildPublicationSnapshot(kpis, { team: 'sales', number: 3, publishedAt: new Date('2026-11-26T09:00:00Z'), currency: 'USD' });
    expect(s).toMatchObject({ team: 'sales', number: 3, publishedAt: '2026-11-26T09:00:00.000Z', currency: 'USD' });
    expect(s.items.map((i) => [i.kpiId, i.rank])).toEqual([['k-rev', 1], ['k-win', 2]]);
    expect(s.items[1]).toMatchObject({ name: 'Win rate', target: 25, compensated: true, compWeight: 40 });
  });

  it('refuses an invalid top three', () => {
    const bad = [...kpis, kpi({ id: 'k-x', name: 'SQLs', rank: 2 })];
    expect(() => buildPublicationSnapshot(bad, { team: 'sales', number: 1, publishedAt: '2026-11-26T09:00:00Z', currency: 'USD' })).toThrow(/both ranked #2/);
    expect(() => buildPublicationSnapshot([], { team: 'sales', number: 1, publishedAt: '2026-11-26T09:00:00Z', currency: 'USD' })).toThrow(/Rank at least one KPI/);
    expect(() => buildPublicationSnapshot(kpis, { team: 'sales', number: 0, publishedAt: '2026-11-26T09:00:00Z', currency: 'USD' })).toThrow(/publication number/);
  });
});

describe('diffPublications', () => {
  const win = published({ kpiId: 'win', rank: 2, name: 'Win rate', kindId: 'win_rate', unit: 'percent', target: 22 });
  const sqls = published({ kpiId: 'sqls', rank: 1, name: 'SQLs', kindId: 'sqls', compensated: true, compWeight: 30 });
  const mqls = published({ kpiId: 'mqls', rank: 3, name: 'MQLs', kindId: 'mqls', target: 400 });
  const before = snapshot([sqls, win, mqls]);

  it('is empty between a publication and itself', () => {
    expect(diffPublications(before, before)).toEqual([]);
  });

  it('lists every KPI as added in the first publication', () => {
    expect(diffPublications(null, before).map((c) => c.message)).toEqual(['SQLs added at #1', 'Win rate added at #2', 'MQLs added at #3']);
  });

  it('reads target, replacement, move, measurement and comp changes as sentences', () => {
    const response = published({ kpiId: 'resp', rank: 3, name: 'Lead response time', kindId: 'lead_response_time', unit: 'hours', direction: 'lower', target: 4 });
    const after = snapshot(
      [
        { ...win, rank: 1, target: 25 },
        { ...sqls, rank: 2, compWeight: 40, measurement: 'Counted when an SDR books the first meeting.' },
        response,
      ],
      { number: 2 },
    );
    expect(diffPublications(before, after).map((c) => [c.type, c.message])).toEqual([
      ['moved', 'Win rate moved from #2 to #1'],
      ['target_changed', 'Target for Win rate raised from 22% to 25%'],
      ['moved', 'SQLs moved from #1 to #2'],
      ['measurement_changed', 'How SQLs are measured changed'],
      ['comp_weight_changed', 'Comp weight for SQLs changed from 30% to 40%'],
      ['replaced', 'Lead response time replaced MQLs at #3'],
    ]);
  });

  it('says when a KPI becomes compensated, stops being, or is shared', () => {
    const pipe = published({ kpiId: 'pipe', rank: 1, name: 'Pipeline generated', unit: 'currency' });
    const a = snapshot([pipe]);
    const b = snapshot([{ ...pipe, compensated: true, compWeight: 20, shared: true }]);
    expect(diffPublications(a, b).map((c) => c.message)).toEqual(['Pipeline generated is now compensated (weight 20%)', 'Pipeline generated is now a shared KPI']);
    expect(diffPublications(b, a).map((c) => c.message)).toEqual(['Pipeline generated is no longer compensated', 'Pipeline generated is no longer a shared KPI']);
    const noWeight = snapshot([{ ...pipe, compensated: true }]);
    expect(diffPublications(a, noWeight).map((c) => c.message)).toEqual(['Pipeline generated is now compensated']);
    const mqls1 = snapshot([published({ kpiId: 'm', rank: 1, name: 'MQLs' })]);
    const mqls2 = snapshot([published({ kpiId: 'm', rank: 1, name: 'MQLs', compensated: true, measurement: 'Scored ≥ 60 in the MAP.' })]);
    expect(diffPublications(mqls1, mqls2).map((c) => c.message)).toEqual(['How MQLs are measured changed', 'MQLs are now compensated']);
  });

  it('formats money targets from cents and names target period changes', () => {
    const pipe = published({ kpiId: 'pipe', rank: 1, name: 'Pipeline generated', unit: 'currency', target: 100_000_000, targetPeriod: 'month' });
    const lowered = snapshot([{ ...pipe, target: 80_000_000 }]);
    expect(diffPublications(snapshot([pipe]), lowered)[0]?.message).toBe('Target for Pipeline generated lowered from $1,000,000 to $800,000');
    const quarterly = snapshot([{ ...pipe, target: 300_000_000, targetPeriod: 'quarter' }]);
    expect(diffPublications(snapshot([pipe]), quarterly)[0]?.message).toBe('Target for Pipeline generated changed from $1,000,000 a month to $3,000,000 a quarter');
    const unset = snapshot([{ ...pipe, target: null }]);
    expect(diffPublications(snapshot([pipe]), unset)[0]?.message).toBe('Target for Pipeline generated removed (was $1,000,000 a month)');
    expect(diffPublications(unset, snapshot([pipe]))[0]?.message).toBe('Target for Pipeline generated set to $1,000,000 a month');
  });

  it('lists KPIs that left without a replacement as removed, and new ones at free ranks as added', () => {
    const after = snapshot([sqls, published({ kpiId: 'cycle', rank: 3, name: 'Sales cycle length', unit: 'days', direction: 'lower', target: 45 })]);
    // Win rate (#2) left; MQLs (#3) was replaced by Sales cycle length.
    expect(diffPublications(before, after).map((c) => c.message)).toEqual(['Sales cycle length replaced MQLs at #3', 'Win rate left the top three (was #2)']);
    const grown = snapshot([sqls, published({ kpiId: 'cac', rank: 2, name: 'CAC' })]);
    expect(diffPublications(snapshot([sqls]), grown).map((c) => c.message)).toEqual(['CAC added at #2']);
  });

  it('reports renames and data source changes', () => {
    const after = snapshot([{ ...sqls, name: 'Sales-qualified leads', dataSource: 'deals' }, win, mqls]);
    expect(diffPublications(before, after).map((c) => c.message)).toEqual([
      'SQLs are now called Sales-qualified leads',
      'Data source for Sales-qualified leads changed from manual entry to computed from deals',
    ]);
  });
});

describe('publicationFreshness', () => {
  it('is unpublished without a publication', () => {
    expect(publicationFreshness(null, '2026-11-26T00:00:00Z')).toEqual({ state: 'unpublished', ageDays: null });
  });

  it('is stale only when older than 90 days', () => {
    expect(publicationFreshness('2026-08-28T00:00:00Z', '2026-11-26T00:00:00Z')).toEqual({ state: 'fresh', ageDays: 90 });
    expect(publicationFreshness('2026-08-27T23:59:59Z', '2026-11-26T00:00:00Z')).toEqual({ state: 'stale', ageDays: 90 });
    expect(publicationFreshness(new Date('2026-11-20T00:00:00Z'), new Date('2026-11-26T12:00:00Z'))).toEqual({ state: 'fresh', ageDays: 6 });
    expect(publicationFreshness('2026-11-20T00:00:00Z', '2026-11-26T00:00:00Z', 5).state).toBe('stale');
  });
});
