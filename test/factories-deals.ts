// Deals written straight to the table, as an import leaves them (tests of what is computed from deals, not of the
// import itself): one multi-row insert, external ids unique across the run.
import type { DealStatus } from '../src/db/schema/deals.js';
import { newId } from '../src/server/ids.js';
import type { TestApp } from './helpers/app.js';

export interface DealSpec {
  status: DealStatus;
  amount: number | null;
  created: string | null;
  closed?: string | null;
  source?: string | null;
  marketing?: boolean;
}

let seq = 0;

/** Inserts the deals into the workspace; the caller tells the read cache (changedInDb) when it reads through HTTP. */
export async function insertDeals(t: TestApp, workspaceId: string, deals: readonly DealSpec[]): Promise<void> {
  const now = new Date().toISOString();
  await t.db.kysely
    .insertInto('deals')
    .values(
      deals.map((d) => ({
        id: newId(),
        workspace_id: workspaceId,
        external_id: `x-${++seq}-${newId().slice(0, 8)}`,
        origin: 'demo' as const,
        name: `Deal ${seq}`,
        stage: d.status === 'won' ? 'Closed Won' : d.status === 'lost' ? 'Closed Lost' : 'Qualified',
        status: d.status,
        amount: d.amount,
        currency: 'USD',
        close_date: d.closed ?? null,
        created_date: d.created,
        owner_name: 'Sam Seller',
        owner_member_id: null,
        pipeline: 'default',
        source: d.source ?? null,
        marketing_sourced: d.marketing ? 1 : 0,
        win_reason: null,
        loss_reason: null,
        last_import_id: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}
