// The alignment-signals contract (SPEC S6): each room reports the facts the alignment score is computed from,
// measured on its own data, without the score's room reaching into it. A room that keeps one of the five
// practices implements an AlignmentSignalProvider and declares it on its Capability.
import type { Id } from '../vocabulary.js';

/** Which of the five practices (SPEC S1–S5) a signal measures. */
export type Strategy = 'goals' | 'checkins' | 'messaging' | 'shadowing' | 'wins';

export interface AlignmentSignal {
  /** Stable, `<room>.<fact>` (e.g. `goals.top_three_published`), so a score's history lines up across days. */
  key: string;
  strategy: Strategy;
  /** A short name a leader reads ("Top three published"). */
  label: string;
  /** How well the practice is kept, 0–1; null when there is no data to judge (never a verdict without data). */
  score: number | null;
  /** One sentence with the numbers behind the score ("Sales published 3 days ago; marketing has not published."). */
  detail: string;
  /** The next thing a leader can do to raise it, with where to do it; null when there is nothing to do. */
  nextStep: { text: string; href: string } | null;
}

export interface AlignmentSignalContext {
  workspaceId: Id;
  /** When the signals are read; every "this week", "this period" is judged at this instant. */
  now: Date;
}

export interface AlignmentSignalProvider {
  /** The room that reports (its Capability name). */
  room: string;
  signals(ctx: AlignmentSignalContext): Promise<AlignmentSignal[]>;
}
