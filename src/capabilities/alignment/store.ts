// Data access of the alignment room (SPEC S6): the workspace's strategy weights and the weekly score history.
import type { Db } from '../../db/database.js';
import { newId, nowIso } from '../../server/ids.js';
import { DEFAULT_WEIGHTS, STRATEGY_ORDER, type Weights } from './domain/score.js';

/** The workspace's weights; equal weights until a leader changes them. */
export async function getWeights(db: Db, workspaceId: string): Promise<Weights> {
  const row = await db.selectFrom('alignment_weights').select(['goals', 'checkins', 'messaging', 'shadowing', 'wins']).where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? { goals: row.goals, checkins: row.checkins, messaging: row.messaging, shadowing: row.shadowing, wins: row.wins } : { ...DEFAULT_WEIGHTS };
}

export async function putWeights(db: Db, workspaceId: string, weights: Weights, memberId: string): Promise<void> {
  const values = { goals: weights.goals, checkins: weights.checkins, messaging: weights.messaging, shadowing: weights.shadowing, wins: weights.wins, updated_by: memberId, updated_at: nowIso() };
  await db
    .insertInto('alignment_weights')
    .values({ workspace_id: workspaceId, ...values })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet(values))
    .execute();
}

export const sameWeights = (a: Weights, b: Weights): boolean => STRATEGY_ORDER.every((s) => a[s] === b[s]);

export interface WeekScore {
  weekStart: string;
  score: number | null;
  strategies: Record<(typeof STRATEGY_ORDER)[number], number | null>;
}

/** Stores a week's score once: a second write for the same workspace and week (a rerun, another instance) is a no-op. Returns whether it wrote. */
export async function storeWeekScore(db: Db, workspaceId: string, week: WeekScore, computedAt = nowIso()): Promise<boolean> {
  const result = await db
    .insertInto('alignment_scores')
    .values({ id: newId(), workspace_id: workspaceId, week_start: week.weekStart, score: week.score, ...week.strategies, computed_at: computedAt })
    .onConflict((oc) => oc.columns(['workspace_id', 'week_start']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** The last `weeks` weeks stored, oldest first. */
export async function recentHistory(db: Db, workspaceId: string, weeks = 26): Promise<WeekScore[]> {
  const rows = await db
    .selectFrom('alignment_scores')
    .select(['week_start', 'score', 'goals', 'checkins', 'messaging', 'shadowing', 'wins'])
    .where('workspace_id', '=', workspaceId)
    .orderBy('week_start', 'desc')
    .limit(weeks)
    .execute();
  return rows.reverse().map((r) => ({ weekStart: r.week_start, score: r.score, strategies: { goals: r.goals, checkins: r.checkins, messaging: r.messaging, shadowing: r.shadowing, wins: r.wins } }));
}
