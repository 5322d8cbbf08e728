// A win's day, its reactions, its announcement and the Celebration signals (issue 13), as pure functions.
import { describe, expect, it } from 'vitest';
import { namesInWords, winAnnouncement } from '../../../src/capabilities/wins/domain/announcement.js';
import { reactionSummary } from '../../../src/capabilities/wins/domain/reactions.js';
import { celebratedSignal, collaborativeSignal, winsPerWeekSignal } from '../../../src/capabilities/wins/domain/signals.js';
import { wonOnProblem } from '../../../src/capabilities/wins/domain/won-on.js';

describe('wonOnProblem', () => {
  it('allows today, a day ahead and ten years back; refuses beyond, in words', () => {
    for (const ok of ['2026-12-02', '2026-12-03', '2016-12-02', '2020-02-29']) expect(wonOnProblem(ok, '2026-12-02'), ok).toBeNull();
    expect(wonOnProblem('2026-12-04', '2026-12-02')).toBe("The date can be at most a day ahead of today (2026-12-02 in the workspace's time zone); 2026-12-04 is later.");
    expect(wonOnProblem('2016-12-01', '2026-12-02')).toBe('The date can be at most 10 years back (2016-12-02 or later); 2016-12-01 is earlier.');
  });
});

describe('reactionSummary', () => {
  it('shows all five emoji in order, counts everyone and marks the reader’s', () => {
    const rows = [
      { emoji: 'heart', memberId: 'a' },
      { emoji: 'tada', memberId: 'b' },
      { emoji: 'tada', memberId: 'a' },
    ];
    expect(reactionSummary(rows, 'a')).toEqual([
      { emoji: 'tada', count: 2, mine: true },
      { emoji: 'clap', count: 0, mine: false },
      { emoji: 'rocket', count: 0, mine: false },
      { emoji: 'heart', count: 1, mine: true },
      { emoji: 'raised_hands', count: 0, mine: false },
    ]);
  });
});

describe('winAnnouncement', () => {
  it('says "sales and marketing together" and celebrates a collaborative win', () => {
    const a = winAnnouncement({ id: 'w1', kind: 'deal_won', title: 'Northwind closed', story: '', wonOn: '2026-12-01', credited: [{ name: 'Ana', team: 'sales' }, { name: 'Ben', team: 'marketing' }, { name: 'Cy', team: 'leadership' }] });
    expect(a).toEqual({
      title: 'Northwind closed — sales and marketing together',
      text: 'Deal won, credited to Ana, Ben and Cy.',
      fields: [
        { label: 'Credited', value: 'Ana, Ben and Cy' },
        { label: 'Teams', value: 'Sales and Marketing' },
        { label: 'Kind', value: 'Deal won' },
        { label: 'Date', value: 'Tue, Dec 1, 2026' },
      ],
      link: '/wins/w1',
      linkLabel: 'Open the win',
      accent: 'celebrate',
    });
    const solo = winAnnouncement({ id: 'w2', kind: 'milestone', title: '100th customer', story: ' A hundred teams. ', wonOn: '2026-12-01', credited: [{ name: 'Cy', team: 'leadership' }] });
    expect(solo).toMatchObject({ title: '100th customer', text: 'A hundred teams.', accent: 'info' });
    expect(solo.fields.map((f) => f.label)).toEqual(['Credited', 'Kind', 'Date']);
    expect(namesInWords([])).toBe('');
    expect(namesInWords(['Ana', 'Ben'])).toBe('Ana and Ben');
  });
});

describe('the Celebration signals', () => {
  it('scores wins a week against one a week, capped at 1', () => {
    expect(winsPerWeekSignal({ wins: 0, collaborative: 0, celebrated: 0, anyWin: false })).toMatchObject({ score: null, detail: 'No win has been posted yet.' });
    expect(winsPerWeekSignal({ wins: 0, collaborative: 0, celebrated: 0, anyWin: true })).toMatchObject({ key: 'wins.per_week', strategy: 'wins', score: 0, detail: 'No win was posted in the last 4 weeks, against a target of at least 1 a week.' });
    expect(winsPerWeekSignal({ wins: 2, collaborative: 0, celebrated: 0, anyWin: true }).score).toBe(0.5);
    expect(winsPerWeekSignal({ wins: 9, collaborative: 0, celebrated: 0, anyWin: true })).toMatchObject({ score: 1, nextStep: null });
  });
  it('scores the shares, and has no verdict without wins', () => {
    expect(collaborativeSignal({ wins: 0, collaborative: 0, celebrated: 0, anyWin: true }).score).toBeNull();
    expect(celebratedSignal({ wins: 0, collaborative: 0, celebrated: 0, anyWin: true }).score).toBeNull();
    expect(collaborativeSignal({ wins: 4, collaborative: 1, celebrated: 0, anyWin: true })).toMatchObject({ score: 0.25, detail: '1 of 4 wins in the last 4 weeks credited sales and marketing together (25%).' });
    expect(celebratedSignal({ wins: 4, collaborative: 1, celebrated: 4, anyWin: true })).toMatchObject({ score: 1, nextStep: null });
  });
});
