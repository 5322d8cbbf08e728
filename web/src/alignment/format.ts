// The alignment score's words and shapes on the dashboard (SPEC S6): a score's band in words (so colour is never the
// only signal), points as a leader reads them, the trend over the stored weeks, each weight's share of the score, and
// the trend line's geometry. Pure: the numbers themselves come from GET /alignment, computed once on the server.
import type { HistoryWeek, StrategyKey, StrategyView, Weights } from './types.js';

export interface Band {
  label: string;
  color: string;
}

/** 75 and up reads "Strong", 50–74 "Fair", under 50 "Weak"; no score is "Not scored", never a verdict. */
export function scoreBand(score: number | null): Band {
  if (score === null) return { label: 'Not scored', color: 'gray' };
  if (score >= 75) return { label: 'Strong', color: 'teal' };
  if (score >= 50) return { label: 'Fair', color: 'yellow' };
  return { label: 'Weak', color: 'red' };
}

/** Why a strategy has no score, in the words the card shows beside it. */
export function notScoredLabel(status: StrategyView['status']): string {
  return status === 'unavailable' ? 'Could not be scored' : 'No data yet';
}

/** The server sends points with one decimal; shown without a trailing ".0". */
const onePlace = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "+6 points", "+1 point", "+0.5 points"; "under 0.1 points" when it rounds to nothing. */
export function formatPoints(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  if (rounded < 0.1) return 'under 0.1 points';
  return `+${onePlace.format(rounded)} ${rounded === 1 ? 'point' : 'points'}`;
}

/** "6 points", "1 point", "0.5 points": points lost, without a sign. */
export function formatPointsLost(points: number): string {
  const rounded = Math.round(points * 10) / 10;
  return `${onePlace.format(rounded)} ${rounded === 1 ? 'point' : 'points'}`;
}

const ROOM_NAMES: Record<string, string> = { goals: 'Goals', checkins: 'Check-ins', messaging: 'Messaging', shadowing: 'Shadowing', wins: 'Wins' };

/** The room a link goes to, by its first path segment: "/checkins/meetings/1" is "Check-ins"; "" when unknown. */
export function roomName(href: string): string {
  const first = href.replace(/^\//, '').split(/[/?#]/)[0] ?? '';
  return ROOM_NAMES[first] ?? '';
}

export interface Trend {
  /** The latest scored week's score minus the earliest scored week's. */
  delta: number;
  /** The earliest scored week the change is measured from ('YYYY-MM-DD'). */
  since: string;
  /** How many weeks have a score. */
  weeks: number;
}

/**
 * The change from the first scored week stored to now: `now` is the score the dashboard shows (the live one), or the
 * last stored week's when there is none. Null without two scores to compare.
 */
export function trendOf(history: HistoryWeek[], now: number | null = null): Trend | null {
  const scored = history.filter((w): w is HistoryWeek & { score: number } => w.score !== null);
  const first = scored[0];
  const last = now ?? scored.at(-1)?.score ?? null;
  const points = scored.length + (now === null ? 0 : 1);
  if (!first || last === null || points < 2) return null;
  return { delta: last - first.score, since: first.weekStart, weeks: scored.length };
}

/** "Up 12 points", "Down 3 points", "Level", for the trend's headline (the date goes beside it). */
export function trendWords(trend: Trend): string {
  if (trend.delta === 0) return 'Level';
  const n = Math.abs(trend.delta);
  return `${trend.delta > 0 ? 'Up' : 'Down'} ${n} ${n === 1 ? 'point' : 'points'}`;
}

export const STRATEGY_ORDER = ['goals', 'checkins', 'messaging', 'shadowing', 'wins'] as const satisfies ReadonlyArray<keyof Weights>;

/** Each strategy's share of the overall score, in whole percent (largest remainder, so they add up to 100). */
export function weightShares(weights: Weights): Record<keyof Weights, number> {
  const total = STRATEGY_ORDER.reduce((sum, s) => sum + Math.max(0, weights[s]), 0);
  const shares = { goals: 0, checkins: 0, messaging: 0, shadowing: 0, wins: 0 };
  if (total === 0) return shares;
  const exact = STRATEGY_ORDER.map((s) => ({ s, v: (Math.max(0, weights[s]) / total) * 100 }));
  for (const { s, v } of exact) shares[s] = Math.floor(v);
  let left = 100 - STRATEGY_ORDER.reduce((sum, s) => sum + shares[s], 0);
  for (const { s } of [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)))) {
    if (left <= 0) break;
    shares[s] += 1;
    left -= 1;
  }
  return shares;
}

/** What is wrong with the weights as typed, in a sentence; null when they can be saved. */
export function weightsProblem(weights: Record<keyof Weights, number | string>): string | null {
  for (const s of STRATEGY_ORDER) {
    const v = weights[s];
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) return 'Each weight is a whole number from 0 to 100.';
  }
  if (STRATEGY_ORDER.every((s) => weights[s] === 0)) return 'Give at least one strategy a weight above 0: the score needs something to weigh.';
  return null;
}

export type Domain = readonly [lo: number, hi: number];

/**
 * The scores the trend's height spans: the stored scores' range widened to whole tens with 5 points to spare, at least
 * 30 points tall, within 0–100 — so a ten-point rise reads as one, while the labelled ends say where it sits.
 */
export function trendDomain(history: HistoryWeek[]): Domain {
  const scores = history.flatMap((w) => (w.score === null ? [] : [w.score]));
  if (scores.length === 0) return [0, 100];
  let lo = Math.max(0, Math.floor((Math.min(...scores) - 5) / 10) * 10);
  let hi = Math.min(100, Math.ceil((Math.max(...scores) + 5) / 10) * 10);
  while (hi - lo < 30) {
    if (hi < 100) hi += 10;
    if (hi - lo < 30 && lo > 0) lo -= 10;
  }
  return [lo, hi];
}

/** Where a score sits in a box of this height: the domain's top at the top, its bottom at the bottom, inside the padding. */
export const levelY = (score: number, height: number, pad = 4, [lo, hi]: Domain = [0, 100]): number => pad + ((hi - score) * (height - 2 * pad)) / (hi - lo);

export interface TrendGeometry {
  /** One SVG path per unbroken run of scored weeks ("M x y L x y …"); a week with no score breaks the line. */
  paths: string[];
  /** Every scored week's point, for the dots. */
  points: Array<{ x: number; y: number; weekStart: string; score: number }>;
}

/** The trend line in a width × height box: weeks spread evenly left to right, the domain's bottom at the bottom. */
export function trendGeometry(history: HistoryWeek[], width: number, height: number, pad = 4, domain: Domain = [0, 100]): TrendGeometry {
  const n = history.length;
  const x = (i: number) => (n <= 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (n - 1));
  const y = (score: number) => levelY(score, height, pad, domain);
  const paths: string[] = [];
  const points: TrendGeometry['points'] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length > 1) paths.push(run.join(' '));
    run = [];
  };
  history.forEach((w, i) => {
    if (w.score === null) return close();
    const px = Math.round(x(i) * 10) / 10;
    const py = Math.round(y(w.score) * 10) / 10;
    points.push({ x: px, y: py, weekStart: w.weekStart, score: w.score });
    run.push(`${run.length === 0 ? 'M' : 'L'}${px} ${py}`);
  });
  close();
  return { paths, points };
}

/** A team's shadow days against those expected by now: the Shadowing room's one verdict. */
export { paceOf } from '../shadowing/format.js';

export interface StrategyChange {
  strategy: StrategyKey;
  /** Its first scored week's score (null when no stored week scored it), and its score now (null when not scored now). */
  from: number | null;
  to: number | null;
}

/** Each strategy's move: its first scored week stored against its score now (null when it has none now). */
export function strategyChanges(history: HistoryWeek[], now: Record<StrategyKey, number | null>): StrategyChange[] {
  return STRATEGY_ORDER.map((strategy) => {
    const first = history.find((w) => w.strategies[strategy] !== null)?.strategies[strategy] ?? null;
    return { strategy, from: first, to: now[strategy] };
  });
}

/** "up 5", "down 1", "level"; "new" when only now scored, "not scored now" when only then. */
export function changeWords(c: StrategyChange): string {
  if (c.to === null) return c.from === null ? 'not scored' : 'not scored now';
  if (c.from === null) return 'new';
  const d = c.to - c.from;
  return d === 0 ? 'level' : `${d > 0 ? 'up' : 'down'} ${Math.abs(d)}`;
}
