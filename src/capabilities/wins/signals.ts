// What the wins room reports for the alignment score (SPEC S6 "Celebration"), through AlignmentSignalProvider only:
// the facts from the wins of the last four weeks (28 days up to today in the workspace's zone), the scores from
// domain/signals.ts (no score before a first win) — the same window the Wins page's summary shows as "last 4 weeks".
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { localDateOf } from '../../shared/calendar/index.js';
import type { AlignmentSignalProvider } from '../../shared/contracts/alignment-signals.js';
import { celebratedSignal, collaborativeSignal, winsPerWeekSignal } from './domain/signals.js';
import { last4WeeksFrom } from './domain/summary.js';

export function winsSignals(db: Db): AlignmentSignalProvider {
  return {
    room: 'wins',
    async signals({ workspaceId, now }) {
      const ws = await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
      const today = localDateOf(now, ws.time_zone);
      const row = await db
        .selectFrom('wins')
        .select([
          (eb) => eb.fn.countAll<number | string>().as('wins'),
          (eb) => eb.fn.sum<number | string | null>('collaborative').as('collaborative'),
          sql<number | string | null>`sum(case when celebrated_at is null then 0 else 1 end)`.as('celebrated'),
        ])
        .where('workspace_id', '=', workspaceId)
        .where('won_on', '>=', last4WeeksFrom(today))
        .where('won_on', '<=', today)
        .executeTakeFirstOrThrow();
      const hasWin = Number(row.wins) > 0 || (await db.selectFrom('wins').select('id').where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst()) !== undefined;
      const facts = { wins: Number(row.wins), collaborative: Number(row.collaborative ?? 0), celebrated: Number(row.celebrated ?? 0), anyWin: hasWin };
      return [winsPerWeekSignal(facts), collaborativeSignal(facts), celebratedSignal(facts)];
    },
  };
}
