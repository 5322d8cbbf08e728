// The cadence signal of the alignment score (SPEC S6): weighted compliance, null without a series or a decided check-in.
import { describe, expect, it } from 'vitest';
import { cadenceSignal } from '../../../src/capabilities/checkins/domain/cadence-signal.js';
import { weeklyMeetings } from './factories.js';

const NOW = '2026-06-01T00:00:00Z';

describe('cadenceSignal', () => {
  it('has no score without a series, and says to set one up', () => {
    expect(cadenceSignal(null, NOW)).toMatchObject({ key: 'checkins.compliance', strategy: 'checkins', score: null, nextStep: { text: 'Set up the weekly check-in', href: '/checkins' } });
  });

  it('has no score while no check-in is decided', () => {
    const s = cadenceSignal({ meetings: [] }, NOW);
    expect(s).toMatchObject({ score: null, detail: 'No check-in has been held or missed yet.' });
    expect(s.nextStep?.href).toBe('/checkins');
  });

  it('weighs recent weeks more and gives the plain numbers in the sentence', () => {
    const s = cadenceSignal({ meetings: weeklyMeetings('MMH') }, NOW);
    expect(s.score).toBeCloseTo(12 / (12 + 11 + 10));
    expect(s.detail).toBe('1 of 3 check-ins so far held with quorum (33%); the last one was held. Weighted toward recent weeks: 36%.');
    expect(s.nextStep).not.toBeNull();
  });

  it('has nothing to do when every check-in was held', () => {
    const s = cadenceSignal({ meetings: weeklyMeetings('HHHHHHHHHHHHHH') }, NOW);
    expect(s).toMatchObject({ score: 1, nextStep: null });
    expect(s.detail).toBe('12 of the last 12 check-ins held with quorum (100%); the last 12 in a row.');
  });
});
