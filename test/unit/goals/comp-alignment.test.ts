import { describe, expect, it } from 'vitest';
import { compAlignment } from '../../../src/capabilities/goals/domain/index.js';
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
      { team: 'sales', totalWeight: 100, sharedWeight: 50, sharedShare: 0.5 },
      { team: 'marketing', totalWeight: 70, sharedWeight: 0, sharedShare: 0 },
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
        { team: 'sales', totalWeight: 0, sharedWeight: 0, sharedShare: null },
        { team: 'marketing', totalWeight: 0, sharedWeight: 0, sharedShare: null },
      ],
      sharedKeys: [],
      flags: [],
    });
  });
});
