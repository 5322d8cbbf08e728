// The alignment score (SPEC S6): one number 0–100 and one per strategy, the reasons behind each point lost and
// the next actions ordered by the points they would add. Pure: it takes the signals every room reported and the
// workspace's weights, and never invents a number — a strategy with no signal scored is "not scored" and the
// overall is the weighted mean of the scored ones only (the weights renormalised over them).
//
// Formulas (decision 057):
//   strategy score s_k = 100 × Σ w_i·x_i / Σ w_i over its signals with a score x_i (w_i from SIGNAL_WEIGHTS, default 1)
//   overall            = Σ W_k·s_k / Σ W_k over the scored strategies with W_k > 0 (W_k the workspace's weights)
//   points lost by i   = 100 × (W_k / Σ W) × (w_i / Σ w) × (1 − x_i): overall points; they add up to 100 − overall
//   points an action adds = the overall with that signal at 1 minus the overall now (a signal without data joins
//   its strategy, an unscored strategy joins the mean); with nothing scored at all, the share of a full score the
//   signal stands for, 100 × (W_k / Σ W) × (w_i / Σ w over the strategy's signals).
import type { AlignmentSignal, Strategy } from '../../../shared/contracts/alignment-signals.js';

export const STRATEGY_ORDER: readonly Strategy[] = ['goals', 'checkins', 'messaging', 'shadowing', 'wins'];
export type Weights = Record<Strategy, number>;

/** Equal weights until a leader changes them. */
export const DEFAULT_WEIGHTS: Weights = { goals: 20, checkins: 20, messaging: 20, shadowing: 20, wins: 20 };

/**
 * How much a signal counts within its strategy (default 1). Holding the meeting is the heart of the cadence, and
 * a published, fresh top three is what the other goal signals stand on.
 */
export const SIGNAL_WEIGHTS: Readonly<Record<string, number>> = {
  'goals.top_three_published': 2,
  'checkins.compliance': 2,
};
export const signalWeight = (key: string): number => SIGNAL_WEIGHTS[key] ?? 1;

export const MAX_NEXT_ACTIONS = 8;

export type StrategyStatus = 'scored' | 'no_data' | 'unavailable';

export interface ScoredSignal extends AlignmentSignal {
  weight: number;
}

export interface StrategyResult {
  strategy: Strategy;
  weight: number;
  /** Unrounded 0–100, null when not scored. */
  score: number | null;
  status: StrategyStatus;
  signals: ScoredSignal[];
  reasons: Array<{ key: string; text: string; pointsLost: number }>;
}

export interface NextAction {
  key: string;
  strategy: Strategy;
  text: string;
  href: string;
  points: number;
}

export interface AlignmentResult {
  /** Unrounded 0–100, null when no strategy with a weight above 0 is scored. */
  overall: number | null;
  scoredStrategies: number;
  strategies: StrategyResult[];
  nextActions: NextAction[];
}

export interface ScoreInput {
  signals: readonly AlignmentSignal[];
  weights: Weights;
  /** Strategies whose room could not answer this time. */
  unavailable?: ReadonlySet<Strategy>;
}

const clamp01 = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0);
export const oneDecimal = (x: number): number => Math.round(x * 10) / 10;

/** 100 × the weighted mean of the signals that have a score; null when none has. */
export function strategyScore(signals: ReadonlyArray<Pick<AlignmentSignal, 'key' | 'score'>>): number | null {
  let sum = 0;
  let total = 0;
  for (const s of signals) {
    if (s.score === null) continue;
    const w = signalWeight(s.key);
    sum += w * clamp01(s.score);
    total += w;
  }
  return total > 0 ? (100 * sum) / total : null;
}

/** The weighted mean of the scored strategies (weights renormalised over them); null when none with weight counts. */
export function overallScore(parts: ReadonlyArray<{ weight: number; score: number | null }>): number | null {
  let sum = 0;
  let total = 0;
  for (const p of parts) {
    if (p.score === null || p.weight <= 0) continue;
    sum += p.weight * p.score;
    total += p.weight;
  }
  return total > 0 ? sum / total : null;
}

/** The whole score: per strategy (always the five, in order), overall, reasons and next actions. */
export function computeAlignment({ signals, weights, unavailable = new Set() }: ScoreInput): AlignmentResult {
  const strategies: StrategyResult[] = STRATEGY_ORDER.map((strategy) => {
    const own = signals.filter((s) => s.strategy === strategy).map((s) => ({ ...s, score: s.score === null ? null : clamp01(s.score), weight: signalWeight(s.key) }));
    const score = strategyScore(own);
    const weight = Math.max(0, weights[strategy] ?? 0);
    const status: StrategyStatus = score !== null ? 'scored' : unavailable.has(strategy) ? 'unavailable' : 'no_data';
    return { strategy, weight, score, status, signals: own, reasons: [] };
  });
  const overall = overallScore(strategies);
  const scoredWeight = strategies.reduce((n, s) => n + (s.score !== null ? s.weight : 0), 0);

  for (const s of strategies) {
    if (s.score === null) continue;
    const scoredSignalWeight = s.signals.reduce((n, x) => n + (x.score !== null ? x.weight : 0), 0);
    s.reasons = s.signals
      .filter((x) => x.score !== null && x.score < 1)
      .map((x) => ({
        key: x.key,
        text: x.detail,
        pointsLost: scoredWeight > 0 ? oneDecimal((100 * (s.weight / scoredWeight) * (x.weight / scoredSignalWeight) * (1 - (x.score ?? 0)))) : 0,
      }))
      .sort((a, b) => b.pointsLost - a.pointsLost || a.key.localeCompare(b.key));
  }

  return { overall, scoredStrategies: strategies.filter((s) => s.status === 'scored').length, strategies, nextActions: nextActions(strategies, overall) };
}

/** Each signal's next step with the overall points it would add, best first, at most MAX_NEXT_ACTIONS. */
function nextActions(strategies: readonly StrategyResult[], overall: number | null): NextAction[] {
  const totalWeight = strategies.reduce((n, s) => n + s.weight, 0);
  const actions: NextAction[] = [];
  for (const s of strategies) {
    for (const x of s.signals) {
      if (!x.nextStep || x.score === 1) continue;
      let points: number;
      if (overall === null) {
        const signalTotal = s.signals.reduce((n, y) => n + y.weight, 0);
        points = totalWeight > 0 ? 100 * (s.weight / totalWeight) * (x.weight / signalTotal) : 0;
      } else {
        const raised = strategies.map((t) => (t !== s ? t : { weight: t.weight, score: strategyScore(t.signals.map((y) => (y === x ? { key: y.key, score: 1 } : y))) }));
        points = Math.max(0, (overallScore(raised) ?? 0) - overall);
      }
      actions.push({ key: x.key, strategy: s.strategy, text: x.nextStep.text, href: x.nextStep.href, points: oneDecimal(points) });
    }
  }
  return actions.sort((a, b) => b.points - a.points || a.key.localeCompare(b.key)).slice(0, MAX_NEXT_ACTIONS);
}
