// What messaging reports for the alignment score (SPEC S6 "Messaging"), through AlignmentSignalProvider only: the
// facts come from the messaging tables, the scores from coverage/signals.ts.
import type { Db } from '../../db/database.js';
import type { AlignmentSignalProvider } from '../../shared/contracts/alignment-signals.js';
import { EVIDENCE_WINDOW_DAYS, evidenceSignal, GATE_WINDOW_DAYS, gateSignal, topPainsSignal } from './coverage/index.js';
import { loadCoverage } from './coverage-facts.js';

const DAY_MS = 86_400_000;

export function messagingSignals(db: Db): AlignmentSignalProvider {
  return {
    room: 'messaging',
    async signals({ workspaceId, now }) {
      const gateFrom = new Date(now.getTime() - GATE_WINDOW_DAYS * DAY_MS).toISOString();
      // Published in the window, whether still up or archived since; approved = a sales approval of its current version.
      const published = await db
        .selectFrom('pieces')
        .select([
          'pieces.id',
          'pieces.override_at',
          (eb) =>
            eb
              .exists(
                eb
                  .selectFrom('piece_reviews')
                  .select('piece_reviews.id')
                  .whereRef('piece_reviews.piece_id', '=', 'pieces.id')
                  .whereRef('piece_reviews.version', '=', 'pieces.version')
                  .where('piece_reviews.decision', '=', 'approved'),
              )
              .as('approved'),
        ])
        .where('pieces.workspace_id', '=', workspaceId)
        .where('pieces.published_at', 'is not', null)
        .where('pieces.published_at', '>=', gateFrom)
        .execute();
      const evidenceFrom = new Date(now.getTime() - EVIDENCE_WINDOW_DAYS * DAY_MS).toISOString();
      const logged = await db
        .selectFrom('evidence')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('created_at', '>=', evidenceFrom)
        .executeTakeFirst();
      const sellers = await db
        .selectFrom('members')
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where('workspace_id', '=', workspaceId)
        .where('active', '=', 1)
        .where('team', '=', 'sales')
        .where('role', '!=', 'viewer')
        .executeTakeFirst();
      const { report } = await loadCoverage(db, workspaceId, now);
      return [
        gateSignal(published.map((p) => ({ overridden: p.override_at !== null, approved: Boolean(Number(p.approved)) }))),
        topPainsSignal(report.rows),
        evidenceSignal({ entries: Number(logged?.n ?? 0), sellers: Number(sellers?.n ?? 0) }),
      ];
    },
  };
}
