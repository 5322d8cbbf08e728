// The Wins summary (SPEC S5 "team-level and collaborative counts only", S6 Celebration): weeks as the workspace's
// week start begins them, the last 28 days' rate and shares, the wins crediting each team.
import { describe, expect, it } from 'vitest';
import { summarizeWins, summaryFrom, summaryWeeks, type WinFact } from '../../../src/capabilities/wins/domain/summary.js';

const win = (wonOn: string, over: Partial<WinFact> = {}): WinFact => ({ wonOn, collaborative: false, hasSales: true, hasMarketing: false, celebrated: false, ...over });

describe('summaryWeeks', () => {
  it('lists the first day of each week, oldest first, ending with the current week', () => {
    // 2026-12-02 is a Wednesday; weeks start on Monday (1) or Sunday (0).
    expect(summaryWeeks('2026-12-02', 1, 4)).toEqual(['2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    expect(summaryWeeks('2026-12-02', 0, 2)).toEqual(['2026-11-22', '2026-11-29']);
  });
  it('reads facts from the first week or the last 28 days, whichever is earlier', () => {
    expect(summaryFrom('2026-12-02', 1, 4)).toBe('2026-11-05');
    expect(summaryFrom('2026-12-02', 1, 12)).toBe('2026-09-14');
  });
});

describe('summarizeWins', () => {
  it('counts wins and collaborative ones per week, the teams, and the last four weeks', () => {
    const s = summarizeWins(
      [
        win('2026-12-01', { collaborative: true, hasMarketing: true, celebrated: true }),
        win('2026-11-30'),
        win('2026-11-18', { hasSales: false, hasMarketing: true, n: 3 }),
        win('2026-10-01'),
        win('2026-12-03'),
        win('2026-12-05'),
      ],
      '2026-12-02',
      1,
      4,
    );
    expect(s.weeks).toEqual([
      { weekStart: '2026-11-09', wins: 0, collaborative: 0 },
      { weekStart: '2026-11-16', wins: 3, collaborative: 0 },
      { weekStart: '2026-11-23', wins: 0, collaborative: 0 },
      // Tomorrow's win counts (a day ahead is allowed); the one two days ahead does not.
      { weekStart: '2026-11-30', wins: 3, collaborative: 1 },
    ]);
    expect(s.byTeam).toEqual({ sales: 3, marketing: 4, collaborative: 1 });
    expect(s.last4Weeks).toEqual({ wins: 6, perWeek: 1.5, collaborativeShare: 1 / 6, celebratedShare: 1 / 6 });
  });

  it('says "no data" (null) for the shares without wins, never 0%', () => {
    expect(summarizeWins([], '2026-12-02', 1, 12).last4Weeks).toEqual({ wins: 0, perWeek: 0, collaborativeShare: null, celebratedShare: null });
  });

  it('has no per-person figure anywhere in its shape', () => {
    const text = JSON.stringify(summarizeWins([win('2026-12-01')], '2026-12-02', 1, 4));
    expect(text).not.toMatch(/member|name|person|people/i);
  });
});
