// The alignment score computed from stored data, in ONE place (SPEC S6): the signals every room reports at an
// instant, the workspace's weights, the domain's arithmetic. The API, the weekly job, the digest and the check-in
// agenda's to-dos all read it from here. A room that throws is named in `unavailable` and left out of the score.
import type { Db } from '../../db/database.js';
import type { Logger } from '../../server/logger.js';
import type { AlignmentSignal, AlignmentSignalProvider, Strategy } from '../../shared/contracts/alignment-signals.js';
import { isoWeekOf } from '../../shared/calendar/index.js';
import { computeAlignment, STRATEGY_ORDER, type AlignmentResult, type Weights } from './domain/score.js';
import { getWeights, type WeekScore } from './store.js';

export interface AlignmentDeps {
  db: Db;
  log: Logger;
  /** Every room's providers, read when asked (the list is complete once every room is registered). */
  providers: () => readonly AlignmentSignalProvider[];
}

export interface AlignmentNow {
  at: Date;
  result: AlignmentResult;
  weights: Weights;
  unavailable: Array<{ room: string; message: string }>;
}

const isStrategy = (room: string): room is Strategy => (STRATEGY_ORDER as readonly string[]).includes(room);

/** Every provider's signals at `now`, at once; a provider that throws is reported, not fatal. */
export async function readSignals(deps: AlignmentDeps, workspaceId: string, now: Date) {
  const providers = deps.providers();
  const settled = await Promise.allSettled(providers.map((p) => p.signals({ workspaceId, now })));
  const signals: AlignmentSignal[] = [];
  const unavailable: Array<{ room: string; message: string }> = [];
  const unavailableStrategies = new Set<Strategy>();
  settled.forEach((s, i) => {
    const room = providers[i]?.room ?? 'unknown';
    if (s.status === 'fulfilled') signals.push(...s.value);
    else {
      deps.log.error({ err: s.reason, room }, `the ${room} room could not report its alignment signals`);
      unavailable.push({ room, message: `The ${room} room could not report its signals just now; the score is shown without it.` });
      if (isStrategy(room)) unavailableStrategies.add(room);
    }
  });
  return { signals, unavailable, unavailableStrategies };
}

/** The workspace's score at `now`. */
export async function alignmentNow(deps: AlignmentDeps, workspaceId: string, now = new Date()): Promise<AlignmentNow> {
  const [{ signals, unavailable, unavailableStrategies }, weights] = await Promise.all([readSignals(deps, workspaceId, now), getWeights(deps.db, workspaceId)]);
  return { at: now, result: computeAlignment({ signals, weights, unavailable: unavailableStrategies }), weights, unavailable };
}

const rounded = (x: number | null): number | null => (x === null ? null : Math.round(x));

/** The Monday (UTC) of the ISO week `at` falls in. */
export const weekStartOf = (at: Date): string => isoWeekOf(at.toISOString().slice(0, 10)).startDate;

/** What the history keeps of a computation: whole numbers. */
export function weekScoreOf(result: AlignmentResult, weekStart: string): WeekScore {
  const by = (s: Strategy) => rounded(result.strategies.find((x) => x.strategy === s)?.score ?? null);
  return { weekStart, score: rounded(result.overall), strategies: { goals: by('goals'), checkins: by('checkins'), messaging: by('messaging'), shadowing: by('shadowing'), wins: by('wins') } };
}
