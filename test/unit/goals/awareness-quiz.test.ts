import { describe, expect, it } from 'vitest';
import { scoreAwarenessQuiz } from '../../../src/capabilities/goals/domain/index.js';

const topThree = {
  marketing: [
    { kindId: 'mqls', name: 'MQLs' },
    { kindId: 'marketing_sourced_pipeline', name: 'Marketing-sourced pipeline' },
    { kindId: 'cac', name: 'CAC' },
  ],
  sales: [
    { kindId: 'revenue_closed', name: 'Revenue closed' },
    { kindId: 'win_rate', name: 'Win rate' },
    { kindId: 'sales_cycle_length', name: 'Sales cycle length' },
  ],
};

describe('scoreAwarenessQuiz', () => {
  it('scores each member on their latest answer, order ignored, and averages over those who answered', () => {
    const [salesScore, marketingScore] = scoreAwarenessQuiz({
      answers: [
        { memberId: 's1', team: 'sales', answeredAt: '2026-10-01T00:00:00Z', kindIds: ['win_rate'] },
        { memberId: 's1', team: 'sales', answeredAt: '2026-11-01T00:00:00Z', kindIds: ['cac', 'mqls', 'marketing_sourced_pipeline'] },
        { memberId: 's2', team: 'sales', answeredAt: '2026-11-02T00:00:00Z', kindIds: ['mqls', 'win_rate'] },
        { memberId: 'm1', team: 'marketing', answeredAt: new Date('2026-11-02T00:00:00Z'), kindIds: ['sqls', 'content_engagement', 'cac'] },
        { memberId: 'l1', team: 'leadership', answeredAt: '2026-11-02T00:00:00Z', kindIds: ['mqls'] },
      ],
      topThree,
      teamSizes: { sales: 4, marketing: 2 },
    });
    expect(salesScore).toMatchObject({ team: 'sales', aboutTeam: 'marketing', answered: 2, teamSize: 4, participation: 0.5 });
    expect(salesScore?.members).toEqual([
      { memberId: 's1', correct: 3, score: 1 },
      { memberId: 's2', correct: 1, score: 1 / 3 },
    ]);
    expect(salesScore?.score).toBeCloseTo(2 / 3);
    expect(marketingScore).toMatchObject({ team: 'marketing', aboutTeam: 'sales', answered: 1, participation: 0.5, score: 0 });
  });

  it('counts only the first three distinct picks, so listing everything earns nothing extra', () => {
    const [s] = scoreAwarenessQuiz({
      answers: [{ memberId: 's1', team: 'sales', answeredAt: '2026-11-01T00:00:00Z', kindIds: ['mqls', 'mqls', 'win_rate', 'sqls', 'cac', 'marketing_sourced_pipeline'] }],
      topThree,
      teamSizes: { sales: 1 },
    });
    expect(s?.members[0]).toEqual({ memberId: 's1', correct: 1, score: 1 / 3 });
  });

  it('has no score when nobody answered or the other team has not published', () => {
    const r = scoreAwarenessQuiz({
      answers: [{ memberId: 'm1', team: 'marketing', answeredAt: '2026-11-01T00:00:00Z', kindIds: ['win_rate'] }],
      topThree: { marketing: topThree.marketing },
      teamSizes: { sales: 3, marketing: 2 },
    });
    expect(r[0]).toMatchObject({ team: 'sales', answered: 0, participation: 0, score: null });
    expect(r[1]).toMatchObject({ team: 'marketing', answered: 1, score: null });
    expect(scoreAwarenessQuiz({ answers: [], topThree: {}, teamSizes: {} })[0]).toMatchObject({ participation: null, score: null });
  });

  it('scores against a top three of fewer than three KPIs out of its size', () => {
    const [s] = scoreAwarenessQuiz({
      answers: [{ memberId: 's1', team: 'sales', answeredAt: '2026-11-01T00:00:00Z', kindIds: ['mqls', 'win_rate'] }],
      topThree: { marketing: [{ kindId: 'mqls', name: 'MQLs' }, { kindId: 'cac', name: 'CAC' }] },
      teamSizes: { sales: 1 },
    });
    expect(s?.score).toBe(0.5);
  });
});
