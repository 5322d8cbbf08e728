import { describe, expect, it } from 'vitest';
import { compAlignment, compAlignmentSummary } from '../../../src/capabilities/goals/domain/index.js';
import { kpi } from './factories.js';

const ids = (r: ReturnType<typeof compAlignment>) => r.flags.map((f) => f.id);

describe('compAlignment', () => {
  it('flags marketing paid on MQL volume while sales is paid on win rate, with no compensated shared KPI', () => {
    const r = compAlignment([
      kpi({ id: 'm1', team: 'marketing', name: 'MQLs', kindId: 'mqls', rank: 1, compensated: true, compWeight: 70 }),
      kpi({ id: 'm2', team: 'marketing', name: 'Pipeline generated', kindId: 'pipeline_generated', rank: 2, shared: true }),
      kpi({ id: 's1', team: 'sales', name: 'Win rate', kindId: 'win_rate', rank: 1, compensated: true, compWeight: 50 }),
      kpi({ id: 's2', team: 'sales', name: 'Pipeline generated', kindId: 'pipeline_generated', rank: 2, shared: true, compensated: true, compWeight: 50 }),
    ]);
    expect(r.flags[0]).toEqual({
      id: 'volume-vs-value',
      severity: 'high',
      message:
        'Marketing is paid on MQLs while sales is paid on Win rate, and no shared KPI is compensated on both sides: marketing gains from more leads whatever their quality, sales from fewer, better ones. Put a shared KPI such as pipeline or revenue in both pay plans.',
    });
    expect(ids(r)).toEqual(['volume-vs-value', 'shared-one-side:pipeline_generated']);
    expect(r.flags[1]?.message).toBe("Pipeline generated is a shared KPI, but only sales is paid on it; add it to marketing's pay plan so both teams pull the same way.");
    expect(r.sharedKeys).toEqual(['pipeline_generated']);
    expect(r.teams).toEqual([
      { team: 'sales', paidKpis: 2, totalWeight: 100, sharedWeight: 50, sharedShare: 0.5 },
      { team: 'marketing', paidKpis: 1, totalWeight: 70, sharedWeight: 0, sharedShare: 0 },
    ]);
  });

  it('raises nothing when a shared KPI is compensated on both sides and each top three is paid', () => {
    const r = compAlignment([
      kpi({ id: 'm1', team: 'marketing', name: 'MQLs', kindId: 'mqls', rank: 1, compensated: true, compWeight: 40 }),
      kpi({ id: 'm2', team: 'marketing', name: 'Revenue closed', kindId: 'revenue_closed', rank: 2, shared: true, compensated: true, compWeight: 60 }),
      kpi({ id: 's1', team: 'sales', name: 'Win rate', kindId: 'win_rate', rank: 1, compensated: true, compWeight: 30 }),
      kpi({ id: 's2', team: 'sales', name: 'Revenue closed', kindId: 'revenue_closed', rank: 2, shared: true, compensated: true, compWeight: 70 }),
    ]);
    expect(r.flags).toEqual([]);
    expect(r.teams.map((t) => t.sharedShare)).toEqual([0.7, 0.6]);
  });

  it('flags a top three with no compensated KPI, pay outside the top three, and no shared KPI', () => {
    const r = compAlignment([
      kpi({ id: 'm1', team: 'marketing', name: 'Content engagement', kindId: 'content_engagement', rank: 1 }),
      kpi({ id: 'm2', team: 'marketing', name: 'Webinar signups', kindId: null, compensated: true, compWeight: 20 }),
      kpi({ id: 's1', team: 'sales', name: 'Revenue closed', kindId: 'revenue_closed', rank: 1, compensated: true, compWeight: 100 }),
    ]);
    expect(r.flags.map((f) => [f.id, f.severity])).toEqual([
      ['no-shared-kpi', 'medium'],
      ['no-compensated-top-three:marketing', 'medium'],
      ['paid-outside-top-three:marketing:name:webinar signup', 'low'],
    ]);
    expect(r.flags[1]?.message).toBe("None of marketing's top three KPIs (Content engagement) is in its pay plan, so pay rewards something other than its stated priorities.");
    expect(r.flags[2]?.message).toBe('Marketing is paid on Webinar signups, which is not in its top three; rank it or take it out of the pay plan.');
  });

  it('matches custom shared KPIs by name and flags one-sided "shared" marks', () => {
    const r = compAlignment([
      kpi({ id: 'm1', team: 'marketing', name: 'Net new logos', rank: 1, shared: true, compensated: true, compWeight: 50 }),
      kpi({ id: 's1', team: 'sales', name: 'Net New Logos', rank: 1, shared: true, compensated: true, compWeight: 50 }),
      kpi({ id: 's2', team: 'sales', name: 'Win rate', kindId: 'win_rate', rank: 2, shared: true }),
    ]);
    expect(r.sharedKeys).toEqual(['name:net new logo']);
    expect(ids(r)).toEqual(['shared-not-agreed:sales:win_rate']);
    expect(r.flags[0]?.message).toBe('Sales marked Win rate as shared, but marketing has not; a shared KPI needs both teams to agree it.');
  });

  it('has null shares when nothing is compensated and no flags for empty teams', () => {
    const r = compAlignment([]);
    expect(r).toEqual({
      teams: [
        { team: 'sales', paidKpis: 0, totalWeight: 0, sharedWeight: 0, sharedShare: null },
        { team: 'marketing', paidKpis: 0, totalWeight: 0, sharedWeight: 0, sharedShare: null },
      ],
      sharedKeys: [],
      flags: [],
    });
  });

  it('judges nothing about a pay plan that is not entered: no "only one side is paid", no "top three unpaid"', () => {
    const r = compAlignment([
      kpi({ id: 'm1', team: 'marketing', name: 'Pipeline generated', kindId: 'pipeline_generated', rank: 1, shared: true }),
      kpi({ id: 's1', team: 'sales', name: 'Pipeline generated', kindId: 'pipeline_generated', rank: 1, shared: true, compensated: true, compWeight: 60 }),
    ]);
    expect(r.flags).toEqual([]);
    expect(compAlignmentSummary(r)).toEqual({ flags: { high: 0, medium: 0, low: 0, total: 0 }, payPlans: 'some', headline: "No flags so far, but marketing's pay plan is not entered yet." });
  });
});

describe('compAlignmentSummary', () => {
  it('gives no verdict while no pay plan is entered', () => {
    expect(compAlignmentSummary(compAlignment([]))).toEqual({
      flags: { high: 0, medium: 0, low: 0, total: 0 },
      payPlans: 'none',
      headline: "No pay plans entered yet: mark which KPIs are in each team's pay plan, and with what weight.",
    });
    // KPIs without pay are still no pay plan: the teams' sharing is judged, their pay is not.
    const unpaid = compAlignmentSummary(compAlignment([kpi({ id: 'm1', team: 'marketing', rank: 1 }), kpi({ id: 's1', team: 'sales', name: 'Other', rank: 1 })]));
    expect(unpaid).toMatchObject({ payPlans: 'none', flags: { total: 1, medium: 1 }, headline: '1 comp flag: 0 high, 1 medium or low; no pay plan is entered yet.' });
  });

  it('counts every flag once, by severity, in one sentence every page shows', () => {
    const r = compAlignment([
      kpi({ id: 'm1', team: 'marketing', name: 'MQLs', kindId: 'mqls', rank: 1, compensated: true, compWeight: 70 }),
      kpi({ id: 'm2', team: 'marketing', name: 'Pipeline generated', kindId: 'pipeline_generated', rank: 2, shared: true }),
      kpi({ id: 's1', team: 'sales', name: 'Win rate', kindId: 'win_rate', rank: 1, compensated: true, compWeight: 50 }),
      kpi({ id: 's2', team: 'sales', name: 'Pipeline generated', kindId: 'pipeline_generated', rank: 2, shared: true, compensated: true, compWeight: 50 }),
      kpi({ id: 's3', team: 'sales', name: 'SQLs', kindId: 'sqls', compensated: true, compWeight: 0 }),
    ]);
    const s = compAlignmentSummary(r);
    expect(s.flags).toEqual({ high: 1, medium: 1, low: 1, total: r.flags.length });
    expect(s).toMatchObject({ payPlans: 'all', headline: '3 comp flags: 1 high, 2 medium or low.' });
  });

  it('says the pay plans pull the same way only when both are entered and nothing pulls apart', () => {
    const r = compAlignment([
      kpi({ id: 'm1', team: 'marketing', name: 'Revenue closed', kindId: 'revenue_closed', rank: 1, shared: true, compensated: true, compWeight: 60 }),
      kpi({ id: 's1', team: 'sales', name: 'Revenue closed', kindId: 'revenue_closed', rank: 1, shared: true, compensated: true, compWeight: 70 }),
    ]);
    expect(compAlignmentSummary(r).headline).toBe('No flags: the pay plans pull the same way.');
  });
});
