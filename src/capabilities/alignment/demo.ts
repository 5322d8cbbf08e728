// The alignment room's part of the demo workspace (SPEC S8, S6 "a job stores the score weekly"): a year of weekly
// score history, each week computed the way the job computes it — every room's signals read at that week's
// instant (the signals take `now`), with the default weights — so the trend tells the demo's own story: the dips
// are the weeks the check-in was missed, the rise follows the first shadow quarter and the wins. Rooms whose
// signals do not bound every fact by `now` (a top three published later counts as already published) flatten
// their strategy's line rather than invent one (decision 057).
import type { Db } from '../../db/database.js';
import type { AppContext } from '../../server/context.js';
import { createLogger } from '../../server/logger.js';
import type { AlignmentSignalProvider } from '../../shared/contracts/alignment-signals.js';
import type { DemoContext } from '../../shared/contracts/demo.js';
import { computeAlignment, DEFAULT_WEIGHTS } from './domain/score.js';
import { readSignals, weekScoreOf, weekStartOf } from './score-now.js';
import { storeWeekScore } from './store.js';

const WEEK_MS = 7 * 86_400_000;
/** Weeks of history: a year for the story demo; the dashboard's 26 for the benchmark workspaces (each week reads every room). */
export const demoHistoryWeeks = (size: DemoContext['size']): number => (size === 'demo' ? 52 : 26);

/**
 * Every room's signal providers over the seed's transaction. The rooms' list imports this room, so it is read
 * when the seed runs; providers need only the database (a room's factory that needs more is skipped).
 */
async function providersOver(db: Db): Promise<AlignmentSignalProvider[]> {
  const { capabilities } = await import('../index.js');
  const ctx = { db: { kysely: db } } as unknown as AppContext;
  return capabilities.flatMap((c) => {
    try {
      return c.alignmentSignals?.(ctx) ?? [];
    } catch {
      return [];
    }
  });
}

export async function seedAlignmentDemo(db: Db, demo: DemoContext): Promise<void> {
  const providers = await providersOver(db);
  const deps = { db, log: createLogger({ logLevel: 'silent' }), providers: () => providers };
  // The week's score as the weekly job stores it: at the start of each ISO week (Monday 06:00 UTC), the current week at now.
  for (let i = demoHistoryWeeks(demo.size) - 1; i >= 0; i--) {
    const monday = weekStartOf(new Date(demo.now.getTime() - i * WEEK_MS));
    const at = i === 0 ? demo.now : new Date(`${monday}T06:00:00.000Z`);
    const { signals, unavailableStrategies } = await readSignals(deps, demo.workspaceId, at);
    const result = computeAlignment({ signals, weights: DEFAULT_WEIGHTS, unavailable: unavailableStrategies });
    await storeWeekScore(db, demo.workspaceId, weekScoreOf(result, monday), at.toISOString());
  }
}
