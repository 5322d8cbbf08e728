// Compliance over the last 12 check-ins, the streak and the weighted score (SPEC S2, S6).
import { describe, expect, it } from 'vitest';
import { checkinCompliance, weightedCompliance } from '../../../src/capabilities/checkins/domain/index.js';
import { meeting, weeklyMeetings } from './factories.js';

const NOW = '2026-06-01T00:00:00Z'; // after every meeting below

describe('checkinCompliance', () => {
  it('is null with no check-ins, and says so', () => {
    expect(checkinCompliance([], NOW)).toEqual({ window: 12, counted: 0, held: 0, share: null, streak: 0, missed: [], summary: 'No check-in has been held or missed yet.' });
  });

  it('counts what there is when fewer than 12 are decided', () => {
    const c = checkinCompliance(weeklyMeetings('HMH'), NOW);
    expect(c).toMatchObject({ counted: 3, held: 2, streak: 1, missed: [{ id: 'm2', start: '2026-01-13T15:00:00.000Z' }] });
    expect(c.share).toBeCloseTo(2 / 3);
    expect(c.summary).toBe('2 of 3 check-ins so far held with quorum (67%); the last one was held.');
  });

  it('uses only the most recent 12 and counts the streak back from the latest', () => {
    // 15 meetings: the oldest three missed (outside the window), then M H H M H H H H H H H H
    const c = checkinCompliance(weeklyMeetings('MMMMHHMHHHHHHHH'), NOW);
    expect(c).toMatchObject({ counted: 12, held: 10, share: 10 / 12, streak: 8 });
    expect(c.missed.map((m) => m.id)).toEqual(['m7', 'm4']);
    expect(c.summary).toBe('10 of the last 12 check-ins held with quorum (83%); the last 8 in a row.');
  });

  it('has a streak of 0 when the latest was missed, and 12 when all were held', () => {
    expect(checkinCompliance(weeklyMeetings('HHHM'), NOW)).toMatchObject({ streak: 0, summary: '3 of 4 check-ins so far held with quorum (75%); the last one was missed.' });
    expect(checkinCompliance(weeklyMeetings('H'.repeat(14)), NOW)).toMatchObject({ counted: 12, share: 1, streak: 12 });
  });

  it('leaves out upcoming, ongoing, just-ended and cancelled check-ins', () => {
    const ms = [
      meeting('old', '2026-05-19T15:00:00.000Z', { held: true }),
      meeting('cancelled', '2026-05-26T15:00:00.000Z', { cancelled: true }),
      meeting('just-ended', '2026-05-31T20:00:00.000Z'), // ended 20:30Z, grace runs to 08:30Z
      meeting('ongoing', '2026-05-31T23:45:00.000Z'),
      meeting('upcoming', '2026-06-02T15:00:00.000Z'),
    ];
    expect(checkinCompliance(ms, NOW)).toMatchObject({ counted: 1, held: 1, share: 1, streak: 1, missed: [] });
    // Twelve hours later the just-ended one has become missed.
    expect(checkinCompliance(ms, '2026-06-01T08:30:00Z')).toMatchObject({ counted: 2, held: 1, streak: 0, missed: [{ id: 'just-ended' }] });
  });

  it('treats a meeting marked held without quorum as missed', () => {
    const ms = [meeting('a', '2026-05-19T15:00:00.000Z', { held: true, quorumMet: false })];
    expect(checkinCompliance(ms, NOW)).toMatchObject({ held: 0, share: 0, missed: [{ id: 'a' }] });
  });
});

describe('weightedCompliance (linear weights 12…1, most recent heaviest)', () => {
  it('is null with nothing decided', () => {
    expect(weightedCompliance([], NOW)).toEqual({ score: null, weights: [] });
  });

  it('weighs a recent miss more than an old one', () => {
    const recentMiss = weightedCompliance(weeklyMeetings('HHHHHHHHHHHM'), NOW);
    const oldMiss = weightedCompliance(weeklyMeetings('MHHHHHHHHHHH'), NOW);
    expect(recentMiss.weights).toEqual([12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(recentMiss.score).toBeCloseTo(66 / 78); // 78 = 12+…+1, the latest (12) missed
    expect(oldMiss.score).toBeCloseTo(77 / 78);
  });

  it('normalises over the check-ins there are when fewer than 12', () => {
    const w = weightedCompliance(weeklyMeetings('MH'), NOW);
    expect(w.weights).toEqual([12, 11]);
    expect(w.score).toBeCloseTo(12 / 23);
    expect(weightedCompliance(weeklyMeetings('HHH'), NOW).score).toBe(1);
  });
});
