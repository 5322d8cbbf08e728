// The Celebration part of the alignment score (SPEC S6): wins per week over the last 4 weeks against a target of at
// least one, the share of them that were collaborative, and the share celebrated together. Scored 0–1, or null
// without data (never a verdict without wins to judge).
import type { AlignmentSignal } from '../../../shared/contracts/alignment-signals.js';

export const SIGNAL_WEEKS = 4;
/** SPEC S6: at least one win a week. */
export const WINS_PER_WEEK_TARGET = 1;

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export interface CelebrationFacts {
  /** Wins dated in the last four weeks (28 days up to today). */
  wins: number;
  collaborative: number;
  celebrated: number;
  /** Whether the workspace has had a win at all: before its first, there is nothing to judge yet. */
  anyWin: boolean;
}

export function winsPerWeekSignal(f: CelebrationFacts): AlignmentSignal {
  const base = { key: 'wins.per_week', strategy: 'wins' as const, label: 'Wins shared each week' };
  if (!f.anyWin) return { ...base, score: null, detail: 'No win has been posted yet.', nextStep: { text: 'Post a first win, crediting the people who made it happen', href: '/wins' } };
  const perWeek = f.wins / SIGNAL_WEEKS;
  const score = Math.min(1, perWeek / WINS_PER_WEEK_TARGET);
  const detail =
    f.wins === 0
      ? `No win was posted in the last ${SIGNAL_WEEKS} weeks, against a target of at least ${WINS_PER_WEEK_TARGET} a week.`
      : `${plural(f.wins, 'win')} in the last ${SIGNAL_WEEKS} weeks (${perWeek.toLocaleString('en-US', { maximumFractionDigits: 2 })} a week), against a target of at least ${WINS_PER_WEEK_TARGET} a week.`;
  return { ...base, score, detail, nextStep: score < 1 ? { text: 'Post a win from this week, or confirm one Lockstep proposed', href: '/wins' } : null };
}

export function collaborativeSignal(f: CelebrationFacts): AlignmentSignal {
  const base = { key: 'wins.collaborative_share', strategy: 'wins' as const, label: 'Wins sales and marketing share' };
  if (f.wins === 0) return { ...base, score: null, detail: `No win in the last ${SIGNAL_WEEKS} weeks to judge.`, nextStep: { text: 'Post a win that credits both teams', href: '/wins' } };
  const share = f.collaborative / f.wins;
  return {
    ...base,
    score: share,
    detail: `${f.collaborative} of ${plural(f.wins, 'win')} in the last ${SIGNAL_WEEKS} weeks credited sales and marketing together (${percent(share)}).`,
    nextStep: share < 1 ? { text: 'When a win took both teams, credit the people of both', href: '/wins' } : null,
  };
}

export function celebratedSignal(f: CelebrationFacts): AlignmentSignal {
  const base = { key: 'wins.celebrated_share', strategy: 'wins' as const, label: 'Wins celebrated together' };
  if (f.wins === 0) return { ...base, score: null, detail: `No win in the last ${SIGNAL_WEEKS} weeks to celebrate.`, nextStep: { text: 'Open the check-in with the week’s wins', href: '/checkins' } };
  const share = f.celebrated / f.wins;
  return {
    ...base,
    score: share,
    detail: `${f.celebrated} of ${plural(f.wins, 'win')} in the last ${SIGNAL_WEEKS} weeks were celebrated together (${percent(share)}).`,
    nextStep: share < 1 ? { text: 'Celebrate the week’s wins together at the check-in', href: '/checkins' } : null,
  };
}
