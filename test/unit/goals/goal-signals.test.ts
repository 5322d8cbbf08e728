// The goals part of the alignment score (SPEC S6 "Goals"): each signal scored from its facts, null without any.
import { describe, expect, it } from 'vitest';
import { awarenessSignal, compSignal, expectationsSignal, topThreeSignal } from '../../../src/capabilities/goals/domain/goal-signals.js';
import type { ExpectationGapRow } from '../../../src/capabilities/goals/domain/index.js';

const row = (label: string, holders: number, inTopThree: boolean): ExpectationGapRow => ({
  holderTeam: 'sales',
  aboutTeam: 'marketing',
  kindId: null,
  label,
  holders,
  teamSize: 5,
  inTopThree,
  matched: true,
  sentence: `${holders} of 5 sales members expect ${label} from marketing.`,
});

describe('topThreeSignal', () => {
  it('is null while there is no KPI and nothing published', () => {
    const s = topThreeSignal({ teams: [{ team: 'sales', freshness: { state: 'unpublished', ageDays: null } }], kpiCount: 0 });
    expect(s).toMatchObject({ score: null, nextStep: { href: '/goals/kpis' } });
  });

  it('counts fresh top threes, names the stale one and asks to publish it', () => {
    const s = topThreeSignal({
      teams: [
        { team: 'sales', freshness: { state: 'fresh', ageDays: 3 } },
        { team: 'marketing', freshness: { state: 'stale', ageDays: 120 } },
      ],
      kpiCount: 4,
    });
    expect(s.score).toBe(0.5);
    expect(s.detail).toBe('1 of 2 top threes are published and fresh: sales published 3 days ago; marketing last published 120 days ago, which is stale (older than 90 days).');
    expect(s.nextStep).toEqual({ text: 'Publish the marketing top three', href: '/goals' });
  });

  it('an unpublished team with KPIs is a real 0, not a missing number', () => {
    expect(topThreeSignal({ teams: [{ team: 'sales', freshness: { state: 'unpublished', ageDays: null } }], kpiCount: 1 }).score).toBe(0);
  });
});

describe('expectationsSignal', () => {
  it('is null when nobody holds an expectation', () => {
    expect(expectationsSignal({ rows: [], held: { met: 0, gaps: 0, unmatched: 0 }, shareMet: null })).toMatchObject({ score: null, nextStep: { href: '/goals/expectations' } });
  });

  it('gives the held and met counts and the biggest gap', () => {
    const s = expectationsSignal({ rows: [row('MQLs', 4, false), row('Pipeline', 2, true)], held: { met: 2, gaps: 4, unmatched: 0 }, shareMet: 2 / 6 });
    expect(s.score).toBeCloseTo(1 / 3);
    expect(s.detail).toBe("2 of 6 expectations held are in the other team's top three (33%). The biggest gap: 4 of 5 sales members expect MQLs from marketing.");
    expect(expectationsSignal({ rows: [row('Pipeline', 2, true)], held: { met: 2, gaps: 0, unmatched: 0 }, shareMet: 1 }).nextStep).toBeNull();
  });

  it('leaves expectations not matched to a KPI out of the share, and asks to choose their KPI', () => {
    const unmatched = { ...row('Webinars', 3, false), matched: false };
    const s = expectationsSignal({ rows: [unmatched, row('Pipeline', 2, true)], held: { met: 2, gaps: 0, unmatched: 3 }, shareMet: 1 });
    expect(s.score).toBe(1);
    expect(s.detail).toBe("2 of 2 expectations held are in the other team's top three (100%); 3 more are not matched to a KPI yet.");
    expect(s.nextStep).toEqual({ text: 'Choose the KPI each expectation means', href: '/goals' });
    // Only unmatched ones: no share to give, and no verdict.
    const none = expectationsSignal({ rows: [unmatched], held: { met: 0, gaps: 0, unmatched: 3 }, shareMet: null });
    expect(none).toMatchObject({ score: null, detail: 'None of the 3 expectations held is matched to a KPI yet: choose the KPI each one means.' });
  });
});

describe('awarenessSignal', () => {
  it('averages the teams that answered and says which did not', () => {
    const s = awarenessSignal([
      { team: 'sales', aboutTeam: 'marketing', answered: 2, teamSize: 4, score: 0.5 },
      { team: 'marketing', aboutTeam: 'sales', answered: 0, teamSize: 3, score: null },
    ]);
    expect(s.score).toBe(0.5);
    expect(s.detail).toBe("Sales names 50% of marketing's top three (2 of 4 answered); marketing has no quiz answers about sales' published top three yet.");
    expect(s.nextStep?.href).toBe('/goals/quiz');
  });

  it('is null when nobody answered', () => {
    expect(awarenessSignal([{ team: 'sales', aboutTeam: 'marketing', answered: 0, teamSize: 4, score: null }]).score).toBeNull();
  });
});

describe('compSignal', () => {
  it('is null when no KPI is paid', () => {
    expect(compSignal({ teams: [{ team: 'sales', paidKpis: 0, totalWeight: 0, sharedWeight: 0, sharedShare: null }], sharedKeys: [], flags: [] }).score).toBeNull();
  });

  it('averages the shared share of the teams paid, and the first flag is the next step', () => {
    const s = compSignal({
      teams: [
        { team: 'sales', paidKpis: 2, totalWeight: 100, sharedWeight: 40, sharedShare: 0.4 },
        { team: 'marketing', paidKpis: 1, totalWeight: 50, sharedWeight: 0, sharedShare: 0 },
      ],
      sharedKeys: ['pipeline_generated'],
      flags: [{ id: 'shared-one-side:pipeline_generated', severity: 'medium', message: 'Pipeline is a shared KPI, but only sales is paid on it.' }],
    });
    expect(s.score).toBeCloseTo(0.2);
    expect(s.detail).toBe('Sales has 40% of its comp weight on shared KPIs; marketing has 0% of its comp weight on shared KPIs. 1 thing pulls apart.');
    expect(s.nextStep).toEqual({ text: 'Pipeline is a shared KPI, but only sales is paid on it.', href: '/goals' });
  });
});
