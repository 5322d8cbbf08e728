import { describe, expect, it } from 'vitest';
import { validateTopThree } from '../../../src/capabilities/goals/domain/index.js';
import { kpi } from './factories.js';

const codes = (r: ReturnType<typeof validateTopThree>) => r.problems.map((p) => p.code);

describe('validateTopThree', () => {
  it('accepts a complete, measured top three with weights up to 100 %', () => {
    const r = validateTopThree(
      [
        kpi({ id: 'a', rank: 1, compensated: true, compWeight: 50 }),
        kpi({ id: 'b', rank: 2, compensated: true, compWeight: 30 }),
        kpi({ id: 'c', rank: 3, compensated: true, compWeight: 20 }),
        kpi({ id: 'd', rank: null, measurement: '' }),
      ],
      { team: 'sales', forPublication: true },
    );
    expect(r).toEqual({ ok: true, problems: [] });
  });

  it('refuses a 4th rank, and ranks that are not 1–3', () => {
    const r = validateTopThree([kpi({ id: 'a', name: 'Win rate', rank: 4 }), kpi({ id: 'b', name: 'CAC', rank: 0 }), kpi({ id: 'c', name: 'SQLs', rank: 1.5 })]);
    expect(codes(r)).toEqual(['rank_out_of_range', 'rank_out_of_range', 'rank_out_of_range']);
    expect(r.problems[0]?.message).toBe('Win rate is ranked #4, but the top three only has ranks #1, #2 and #3.');
    expect(r.ok).toBe(false);
  });

  it('refuses two KPIs at the same rank', () => {
    const r = validateTopThree([kpi({ id: 'a', name: 'Win rate', rank: 1 }), kpi({ id: 'b', name: 'SQLs', rank: 1 }), kpi({ id: 'c', name: 'CAC', rank: 2 })]);
    expect(r.problems).toEqual([{ code: 'rank_taken', kpiIds: ['a', 'b'], message: 'Win rate and SQLs are both ranked #1; each rank holds one KPI.' }]);
    const three = validateTopThree([kpi({ id: 'a', name: 'A', rank: 2 }), kpi({ id: 'b', name: 'B', rank: 2 }), kpi({ id: 'c', name: 'C', rank: 2 })]);
    expect(three.problems[0]?.message).toBe('A, B and C are all ranked #2; each rank holds one KPI.');
  });

  it('requires a measurement definition on a ranked KPI only', () => {
    const r = validateTopThree([kpi({ id: 'a', name: 'Win rate', rank: 1, measurement: '   ' }), kpi({ id: 'b', rank: null, measurement: '' })]);
    expect(r.problems).toEqual([{ code: 'measurement_missing', kpiIds: ['a'], message: 'Win rate is in the top three but does not say how it is measured; add a measurement definition.' }]);
  });

  it('caps the team’s comp weights at 100 % in total, counting unranked KPIs too', () => {
    const r = validateTopThree([
      kpi({ id: 'a', name: 'Win rate', rank: 1, compensated: true, compWeight: 60 }),
      kpi({ id: 'b', name: 'Revenue closed', rank: null, compensated: true, compWeight: 60 }),
      kpi({ id: 'c', name: 'Ignored', compensated: false, compWeight: 90 }),
    ]);
    expect(r.problems).toEqual([
      { code: 'comp_weight_over_100', kpiIds: ['a', 'b'], message: "Comp weights add up to 120% (Win rate 60%, Revenue closed 60%); a team's weights can total at most 100%." },
    ]);
    // Decimal weights that add to 100 are fine.
    expect(validateTopThree([kpi({ id: 'a', compensated: true, compWeight: 33.3 }), kpi({ id: 'b', compensated: true, compWeight: 33.3 }), kpi({ id: 'c', compensated: true, compWeight: 33.4 })]).ok).toBe(true);
  });

  it('refuses a weight outside 0–100 %', () => {
    expect(codes(validateTopThree([kpi({ id: 'a', compensated: true, compWeight: -5 })]))).toEqual(['comp_weight_out_of_range']);
  });

  it('refuses another team’s KPI and an empty publication', () => {
    const r = validateTopThree([kpi({ id: 'm', team: 'marketing', name: 'MQLs', rank: null })], { team: 'sales', forPublication: true });
    expect(codes(r)).toEqual(['wrong_team', 'nothing_ranked']);
    expect(r.problems[1]?.message).toBe('Rank at least one KPI #1, #2 or #3 before publishing the top three.');
    expect(validateTopThree([]).ok).toBe(true);
  });
});
