// The dashboard's alignment words and shapes (web/src/alignment/format.ts): a score's band in words, points as read,
// the trend over stored weeks, each weight's share (adding up to 100), the weights editor's sentences, a team's shadow
// pace and the trend line's geometry, where a week with no score breaks the line.
import { describe, expect, it } from 'vitest';
import {
  changeWords,
  formatPoints,
  formatPointsLost,
  levelY,
  notScoredLabel,
  paceOf,
  roomName,
  scoreBand,
  strategyChanges,
  trendDomain,
  trendGeometry,
  trendOf,
  trendWords,
  weightShares,
  weightsProblem,
} from '../../../web/src/alignment/format.js';
import type { HistoryWeek } from '../../../web/src/alignment/types.js';

const none = { goals: null, checkins: null, messaging: null, shadowing: null, wins: null };
const week = (weekStart: string, score: number | null): HistoryWeek => ({ weekStart, score, strategies: none });

describe('alignment score words', () => {
  it('bands a score in words at 50 and 75, and never judges a missing score', () => {
    expect(scoreBand(100).label).toBe('Strong');
    expect(scoreBand(75).label).toBe('Strong');
    expect(scoreBand(74).label).toBe('Fair');
    expect(scoreBand(50).label).toBe('Fair');
    expect(scoreBand(49).label).toBe('Weak');
    expect(scoreBand(0).label).toBe('Weak');
    expect(scoreBand(null)).toEqual({ label: 'Not scored', color: 'gray' });
    expect(notScoredLabel('no_data')).toBe('No data yet');
    expect(notScoredLabel('unavailable')).toBe('Could not be scored');
  });

  it('writes points with at most one decimal and the right plural', () => {
    expect(formatPoints(6)).toBe('+6 points');
    expect(formatPoints(1)).toBe('+1 point');
    expect(formatPoints(0.5)).toBe('+0.5 points');
    expect(formatPoints(12.34)).toBe('+12.3 points');
    expect(formatPoints(0.04)).toBe('under 0.1 points');
    expect(formatPointsLost(3.25)).toBe('3.3 points');
    expect(formatPointsLost(1)).toBe('1 point');
  });

  it('names the room a link goes to', () => {
    expect(roomName('/checkins/meetings/m1')).toBe('Check-ins');
    expect(roomName('/goals?team=sales')).toBe('Goals');
    expect(roomName('/wins')).toBe('Wins');
    expect(roomName('/settings')).toBe('');
  });
});

describe('the trend', () => {
  it('measures from the first scored week to the last, skipping weeks with no score', () => {
    const t = trendOf([week('2026-06-01', null), week('2026-06-08', 40), week('2026-06-15', null), week('2026-06-22', 52)]);
    expect(t).toEqual({ delta: 12, since: '2026-06-08', weeks: 2 });
    expect(t && trendWords(t)).toBe('Up 12 points');
    expect(trendWords({ delta: -1, since: '2026-06-08', weeks: 3 })).toBe('Down 1 point');
    expect(trendWords({ delta: 0, since: '2026-06-08', weeks: 3 })).toBe('Level');
  });

  it('measures to the score shown now when there is one, so the headline matches the big number', () => {
    expect(trendOf([week('2026-06-01', 70), week('2026-06-08', 74)], 79)).toEqual({ delta: 9, since: '2026-06-01', weeks: 2 });
    expect(trendOf([week('2026-06-01', 70)], 66)).toEqual({ delta: -4, since: '2026-06-01', weeks: 1 });
    expect(trendOf([week('2026-06-01', 70), week('2026-06-08', 74)], null)?.delta).toBe(4);
  });

  it('has no trend without two scores to compare', () => {
    expect(trendOf([])).toBeNull();
    expect(trendOf([], 50)).toBeNull();
    expect(trendOf([week('2026-06-01', 70)])).toBeNull();
    expect(trendOf([week('2026-06-01', 70), week('2026-06-08', null)])).toBeNull();
  });

  it('says how each strategy moved from its first scored week to now', () => {
    const history: HistoryWeek[] = [
      { weekStart: 'a', score: 50, strategies: { goals: 60, checkins: null, messaging: 40, shadowing: null, wins: 70 } },
      { weekStart: 'b', score: 55, strategies: { goals: 62, checkins: 80, messaging: 45, shadowing: null, wins: 70 } },
    ];
    const changes = strategyChanges(history, { goals: 65, checkins: 75, messaging: null, shadowing: 90, wins: 70 });
    expect(changes.map((c) => [c.strategy, c.from, c.to, changeWords(c)])).toEqual([
      ['goals', 60, 65, 'up 5'],
      ['checkins', 80, 75, 'down 5'],
      ['messaging', 40, null, 'not scored now'],
      ['shadowing', null, 90, 'new'],
      ['wins', 70, 70, 'level'],
    ]);
    expect(changeWords({ strategy: 'goals', from: null, to: null })).toBe('not scored');
  });

  it('draws 100 at the top and 0 at the bottom, and breaks the line at a week with no score', () => {
    expect(levelY(100, 72)).toBe(4);
    expect(levelY(0, 72)).toBe(68);
    const g = trendGeometry([week('a', 0), week('b', 100), week('c', null), week('d', 50), week('e', 50)], 108, 72);
    expect(g.points.map((p) => [p.x, p.y])).toEqual([
      [4, 68],
      [29, 4],
      [79, 36],
      [104, 36],
    ]);
    expect(g.paths).toEqual(['M4 68 L29 4', 'M79 36 L104 36']);
  });

  it('spans the scores stored, widened to whole tens with room to spare, at least 30 points, within 0–100', () => {
    expect(trendDomain([])).toEqual([0, 100]);
    expect(trendDomain([week('a', 58), week('b', null), week('c', 71)])).toEqual([50, 80]);
    expect(trendDomain([week('a', 62), week('b', 64)])).toEqual([50, 80]);
    expect(trendDomain([week('a', 98), week('b', 99)])).toEqual([70, 100]);
    expect(trendDomain([week('a', 0), week('b', 2)])).toEqual([0, 30]);
    expect(trendDomain([week('a', 3), week('b', 97)])).toEqual([0, 100]);
    expect(levelY(80, 72, 4, [50, 80])).toBe(4);
    expect(levelY(50, 72, 4, [50, 80])).toBe(68);
  });

  it('puts a single week in the middle with a dot and no line', () => {
    const g = trendGeometry([week('a', 60)], 100, 72);
    expect(g.paths).toEqual([]);
    expect(g.points).toHaveLength(1);
    expect(g.points[0]?.x).toBe(50);
  });
});

describe('weights', () => {
  it('gives each strategy its share in whole percent, adding up to 100', () => {
    const shares = weightShares({ goals: 1, checkins: 1, messaging: 1, shadowing: 0, wins: 0 });
    expect(Object.values(shares).reduce((a, b) => a + b, 0)).toBe(100);
    expect(shares.shadowing).toBe(0);
    expect([shares.goals, shares.checkins, shares.messaging].sort()).toEqual([33, 33, 34]);
    expect(weightShares({ goals: 30, checkins: 25, messaging: 20, shadowing: 15, wins: 10 })).toEqual({ goals: 30, checkins: 25, messaging: 20, shadowing: 15, wins: 10 });
    expect(weightShares({ goals: 0, checkins: 0, messaging: 0, shadowing: 0, wins: 0 })).toEqual({ goals: 0, checkins: 0, messaging: 0, shadowing: 0, wins: 0 });
  });

  it('says in a sentence what is wrong with the weights typed', () => {
    expect(weightsProblem({ goals: 20, checkins: 20, messaging: 20, shadowing: 20, wins: 20 })).toBeNull();
    expect(weightsProblem({ goals: 0, checkins: 0, messaging: 0, shadowing: 0, wins: 0 })).toMatch(/at least one strategy a weight above 0/);
    expect(weightsProblem({ goals: '', checkins: 0, messaging: 0, shadowing: 0, wins: 5 })).toMatch(/whole number from 0 to 100/);
    expect(weightsProblem({ goals: 101, checkins: 0, messaging: 0, shadowing: 0, wins: 5 })).toMatch(/whole number from 0 to 100/);
    expect(weightsProblem({ goals: 2.5, checkins: 0, messaging: 0, shadowing: 0, wins: 5 })).toMatch(/whole number/);
  });
});

describe('shadow pace', () => {
  it('is on pace within a day of expected-by-now, ahead or behind beyond it', () => {
    expect(paceOf(0, 0).label).toBe('On pace');
    expect(paceOf(3, 3.6).label).toBe('On pace');
    expect(paceOf(2, 3).label).toBe('Behind');
    expect(paceOf(5, 3.9).label).toBe('Ahead');
  });
});
