// The alignment score's arithmetic (SPEC S6, decision 057) on crafted signals: strategy means with signal weights,
// the overall renormalised over scored strategies, reasons in overall points, next actions by the points they add,
// and a new workspace's helpful zero/null.
import { describe, expect, it } from 'vitest';
import type { AlignmentSignal, Strategy } from '../../../src/shared/contracts/alignment-signals.js';
import { computeAlignment, DEFAULT_WEIGHTS, overallScore, signalWeight, strategyScore, type Weights } from '../../../src/capabilities/alignment/domain/score.js';

const sig = (key: string, score: number | null, next: string | null = `Raise ${key}`): AlignmentSignal => ({
  key,
  strategy: key.split('.')[0] as Strategy,
  label: key,
  score,
  detail: `${key} detail`,
  nextStep: next ? { text: next, href: `/${key.split('.')[0]}` } : null,
});
const only = (w: Partial<Weights>): Weights => ({ goals: 0, checkins: 0, messaging: 0, shadowing: 0, wins: 0, ...w });

describe('strategyScore', () => {
  it('is 100 × the weighted mean of the signals that have a score, skipping nulls', () => {
    expect(strategyScore([{ key: 'wins.a', score: 0.5 }, { key: 'wins.b', score: 1 }, { key: 'wins.c', score: null }])).toBe(75);
  });
  it('weighs signals by the table (top three published counts twice)', () => {
    expect(signalWeight('goals.top_three_published')).toBe(2);
    expect(signalWeight('goals.unknown')).toBe(1);
    expect(strategyScore([{ key: 'goals.top_three_published', score: 1 }, { key: 'goals.awareness', score: 0 }])).toBeCloseTo(66.667, 2);
  });
  it('is null with no signal or only nulls, and clamps a score out of 0–1', () => {
    expect(strategyScore([])).toBeNull();
    expect(strategyScore([{ key: 'wins.a', score: null }])).toBeNull();
    expect(strategyScore([{ key: 'wins.a', score: 1.7 }, { key: 'wins.b', score: -2 }])).toBe(50);
    expect(strategyScore([{ key: 'wins.a', score: Number.NaN }])).toBe(0);
  });
});

describe('overallScore', () => {
  it('renormalises the weights over the scored strategies', () => {
    expect(overallScore([{ weight: 30, score: 80 }, { weight: 10, score: 40 }, { weight: 60, score: null }])).toBe(70);
  });
  it('is null when no strategy with a weight above 0 is scored', () => {
    expect(overallScore([{ weight: 0, score: 90 }, { weight: 50, score: null }])).toBeNull();
    expect(overallScore([])).toBeNull();
  });
});

describe('computeAlignment', () => {
  it('always gives the five strategies in order, with status scored, no_data or unavailable', () => {
    const r = computeAlignment({ signals: [sig('goals.a', 1), sig('wins.a', null)], weights: DEFAULT_WEIGHTS, unavailable: new Set(['messaging']) });
    expect(r.strategies.map((s) => [s.strategy, s.status])).toEqual([
      ['goals', 'scored'],
      ['checkins', 'no_data'],
      ['messaging', 'unavailable'],
      ['shadowing', 'no_data'],
      ['wins', 'no_data'],
    ]);
    expect(r.overall).toBe(100);
    expect(r.scoredStrategies).toBe(1);
  });

  it('gives reasons in overall points that add up to what the overall lost', () => {
    const r = computeAlignment({
      signals: [sig('goals.top_three_published', 0.5), sig('goals.awareness', 1), sig('wins.per_week', 0.25), sig('wins.collaborative_share', 1)],
      weights: only({ goals: 60, wins: 40 }),
    });
    // goals: (2×0.5 + 1)/3 = 66.7; wins: 62.5; overall = 0.6×66.67 + 0.4×62.5 = 65
    expect(r.overall).toBeCloseTo(65, 6);
    const goals = r.strategies[0]!;
    expect(goals.reasons).toEqual([{ key: 'goals.top_three_published', text: 'goals.top_three_published detail', pointsLost: 20 }]);
    expect(r.strategies[4]!.reasons).toEqual([{ key: 'wins.per_week', text: 'wins.per_week detail', pointsLost: 15 }]);
    const lost = r.strategies.flatMap((s) => s.reasons).reduce((n, x) => n + x.pointsLost, 0);
    expect(lost).toBeCloseTo(100 - r.overall!, 1);
  });

  it('orders next actions by the overall points each would add, and skips signals already at 1', () => {
    const r = computeAlignment({
      signals: [sig('goals.top_three_published', 0.5), sig('goals.awareness', 1), sig('wins.per_week', 0.25), sig('wins.collaborative_share', 1)],
      weights: only({ goals: 60, wins: 40 }),
    });
    expect(r.nextActions.map((a) => [a.key, a.points])).toEqual([
      ['goals.top_three_published', 20],
      ['wins.per_week', 15],
    ]);
    expect(r.nextActions[0]).toMatchObject({ strategy: 'goals', text: 'Raise goals.top_three_published', href: '/goals' });
  });

  it('counts what a signal without data, or a strategy not scored yet, would add once met', () => {
    const r = computeAlignment({ signals: [sig('goals.a', 0.5), sig('goals.b', null), sig('checkins.compliance', null)], weights: only({ goals: 50, checkins: 50 }) });
    expect(r.overall).toBe(50);
    // goals.b at 1: goals = 75, overall 75 → +25; check-ins at 1: overall (50 + 100)/2 = 75 → +25; goals.a at 1: 100 → +50.
    expect(r.nextActions.map((a) => [a.key, a.points])).toEqual([
      ['goals.a', 50],
      ['checkins.compliance', 25],
      ['goals.b', 25],
    ]);
  });

  it('gives a new workspace a null overall, no NaN anywhere, and next actions by the share of a full score', () => {
    const r = computeAlignment({
      signals: [sig('goals.top_three_published', null), sig('goals.awareness', null), sig('checkins.compliance', null), sig('wins.per_week', null, null)],
      weights: DEFAULT_WEIGHTS,
    });
    expect(r.overall).toBeNull();
    expect(r.scoredStrategies).toBe(0);
    expect(r.strategies.every((s) => s.score === null && s.reasons.length === 0)).toBe(true);
    // 20/100 of the score; top three counts 2 of goals' 3.
    expect(r.nextActions.map((a) => [a.key, a.points])).toEqual([
      ['checkins.compliance', 20],
      ['goals.top_three_published', 13.3],
      ['goals.awareness', 6.7],
    ]);
    expect(JSON.stringify(r)).not.toContain('NaN');
  });

  it('keeps a strategy weighed 0 out of the overall and of the points, but still shows its score', () => {
    const r = computeAlignment({ signals: [sig('goals.a', 0.2), sig('wins.a', 1)], weights: only({ wins: 100 }) });
    expect(r.overall).toBe(100);
    expect(r.strategies[0]).toMatchObject({ score: 20, status: 'scored', reasons: [{ key: 'goals.a', pointsLost: 0 }] });
    expect(r.nextActions).toEqual([{ key: 'goals.a', strategy: 'goals', text: 'Raise goals.a', href: '/goals', points: 0 }]);
  });

  it('with every weight 0 the overall is null and nothing counts as points', () => {
    const r = computeAlignment({ signals: [sig('goals.a', 0.2)], weights: only({}) });
    expect(r.overall).toBeNull();
    expect(r.nextActions.map((a) => a.points)).toEqual([0]);
    expect(JSON.stringify(r)).not.toContain('NaN');
  });

  it('keeps at most 8 next actions', () => {
    const signals = Array.from({ length: 12 }, (_, i) => sig(`wins.s${String(i).padStart(2, '0')}`, i / 12));
    const r = computeAlignment({ signals, weights: DEFAULT_WEIGHTS });
    expect(r.nextActions).toHaveLength(8);
    expect(r.nextActions[0]!.key).toBe('wins.s00');
  });
});
