// The alignment score as the API shows it (the contract: AlignmentView): whole-number scores, a sentence per
// strategy a leader reads, and where to act on it.
import type { Strategy } from '../../shared/contracts/alignment-signals.js';
import type { StrategyResult } from './domain/score.js';
import { STRATEGY_HREFS, STRATEGY_LABELS, type AlignmentStrategyView, type AlignmentView } from './schemas.js';
import type { AlignmentNow } from './score-now.js';
import type { WeekScore } from './store.js';

const roomName: Record<Strategy, string> = { goals: 'goals', checkins: 'check-ins', messaging: 'messaging', shadowing: 'shadowing', wins: 'wins' };

/** One sentence: the signal that loses the most points, else the first one's facts, else why there is no score. */
export function strategySummary(s: StrategyResult): string {
  if (s.status === 'unavailable') return `The ${roomName[s.strategy]} room could not report just now; the score leaves it out.`;
  if (s.signals.length === 0) return `The ${roomName[s.strategy]} room reports nothing yet, so ${STRATEGY_LABELS[s.strategy].toLowerCase()} is not scored.`;
  if (s.status === 'no_data') return `No data yet: ${s.signals[0]!.detail}`;
  const worst = s.reasons[0];
  if (worst) return worst.text;
  return s.signals.find((x) => x.score !== null)?.detail ?? s.signals[0]!.detail;
}

function presentStrategy(s: StrategyResult): AlignmentStrategyView {
  return {
    strategy: s.strategy,
    label: STRATEGY_LABELS[s.strategy] as AlignmentStrategyView['label'],
    weight: s.weight,
    score: s.score === null ? null : Math.round(s.score),
    status: s.status,
    summary: strategySummary(s),
    href: STRATEGY_HREFS[s.strategy],
    signals: s.signals.map((x) => ({ key: x.key, label: x.label, score: x.score, detail: x.detail, href: x.nextStep?.href ?? STRATEGY_HREFS[s.strategy] })),
    reasons: s.reasons,
  };
}

export function presentAlignment(now: AlignmentNow, history: WeekScore[]): AlignmentView {
  const { result } = now;
  return {
    computedAt: now.at.toISOString(),
    overall: { score: result.overall === null ? null : Math.round(result.overall), scoredStrategies: result.scoredStrategies, totalStrategies: result.strategies.length },
    strategies: result.strategies.map(presentStrategy),
    nextActions: result.nextActions,
    history,
    weights: now.weights,
    unavailable: now.unavailable,
  };
}
