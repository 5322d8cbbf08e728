// The wins job (SPEC S5 "automatic wins are proposed"; issue 13): every hour, once across instances (a job claimed
// by its period, src/server/jobs.ts), each workspace's candidates are asked of every room that offers them
// (winCandidates) and written as proposals once by their key (ON CONFLICT DO NOTHING on (workspace, key)), so a
// second run, or a second instance, proposes nothing new and a dismissed proposal never comes back. Won deals below
// the small-deal threshold become one proposal per ISO week, rewritten while it is open.
import type { Database, Db } from '../../db/database.js';
import type { WinProposalsTable } from '../../db/schema/wins.js';
import { lockForUpdate } from '../../db/locks.js';
import type { Job } from '../../server/jobs.js';
import type { Logger } from '../../server/logger.js';
import { newId, nowIso } from '../../server/ids.js';
import { calendarDate, isoWeekOf, localDateOf, startOfLocalDay } from '../../shared/calendar/index.js';
import type { WinCandidate, WinCandidateProvider } from '../../shared/contracts/win-candidates.js';
import { smallDealsProposal, splitSmallDeals } from './domain/small-deals.js';
import { idList, proposalsLock, smallDealThreshold } from './store.js';

/** How far back a win is still news: the ISO week two weeks before today's, from its Monday. */
export const LOOKBACK_DAYS = 14;

export interface GatherResult {
  proposed: number;
  updated: number;
}

/** The first instant candidates are asked from: the Monday (local) of the ISO week LOOKBACK_DAYS ago, so a small-deals week is always read whole. */
export function gatherSince(now: Date, timeZone: string): string {
  const today = localDateOf(now, timeZone);
  const monday = isoWeekOf(calendarDate.addDays(today, -LOOKBACK_DAYS)).startDate;
  return new Date(startOfLocalDay(monday, timeZone)).toISOString();
}

async function activeMemberIds(db: Db, workspaceId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('members').select('id').where('workspace_id', '=', workspaceId).where('active', '=', 1).execute();
  return new Set(rows.map((r) => r.id));
}

/** One workspace's candidates written as proposals. A provider that fails is logged and skipped; the others still count. */
export async function gatherWorkspace(database: Database, providers: readonly WinCandidateProvider[], workspace: { id: string; timeZone: string }, now: Date, log?: Logger): Promise<GatherResult> {
  const db = database.kysely;
  const since = gatherSince(now, workspace.timeZone);
  const candidates: WinCandidate[] = [];
  for (const p of providers) {
    try {
      candidates.push(...(await p.candidates({ workspaceId: workspace.id, since, now, timeZone: workspace.timeZone })));
    } catch (err) {
      log?.error({ err, room: p.room, workspaceId: workspace.id }, 'win candidates failed');
    }
  }
  if (candidates.length === 0) return { proposed: 0, updated: 0 };
  const members = await activeMemberIds(db, workspace.id);
  const credit = (ids: readonly string[]) => [...new Set(ids)].filter((id) => members.has(id)).slice(0, 30);
  const threshold = await smallDealThreshold(db, workspace.id);
  const { single, batches } = splitSmallDeals(candidates, threshold);
  return database.transaction(async (tx) => {
    await lockForUpdate(tx, database.dialect, proposalsLock(workspace.id));
    let proposed = 0;
    let updated = 0;
    const at = nowIso();
    /** Writes an open proposal once by its key (two candidates of one key in a run, or two instances, write one). */
    const insertOpen = async (row: Pick<WinProposalsTable, 'key' | 'kind' | 'title' | 'story' | 'won_on' | 'credited_member_ids' | 'amount_cents' | 'deal_count' | 'deal_ids' | 'source_kind' | 'source_id' | 'source_label' | 'source_href'>) => {
      const r = await tx
        .insertInto('win_proposals')
        .values({ id: newId(), workspace_id: workspace.id, ...row, status: 'open', decided_by: null, decided_at: null, win_id: null, created_at: at, updated_at: at })
        .onConflict((oc) => oc.columns(['workspace_id', 'key']).doNothing())
        .executeTakeFirst();
      proposed += Number(r.numInsertedOrUpdatedRows ?? 0);
    };
    for (const c of single) {
      await insertOpen({
        key: c.key,
        kind: c.kind,
        title: c.title.slice(0, 160),
        story: c.story.slice(0, 5000),
        won_on: c.wonOn,
        credited_member_ids: JSON.stringify(credit(c.creditedMemberIds)),
        amount_cents: c.amountCents ?? null,
        deal_count: null,
        deal_ids: JSON.stringify(c.source.kind === 'deal' ? [c.source.id] : []),
        source_kind: c.source.kind,
        source_id: c.source.id,
        source_label: c.source.label,
        source_href: c.source.href,
      });
    }
    for (const b of batches) {
      const p = smallDealsProposal(b.week, b.deals, threshold);
      const values = {
        title: p.title.slice(0, 160),
        story: p.story.slice(0, 5000),
        won_on: p.wonOn,
        credited_member_ids: JSON.stringify(credit(p.creditedMemberIds)),
        amount_cents: p.amountCents,
        deal_count: p.dealCount,
        deal_ids: JSON.stringify(p.dealIds),
      };
      const existing = await tx.selectFrom('win_proposals').select(['id', 'status', 'deal_ids', 'credited_member_ids', 'amount_cents']).where('workspace_id', '=', workspace.id).where('key', '=', b.key).executeTakeFirst();
      if (!existing) {
        await insertOpen({ key: b.key, kind: 'deal_won', ...values, source_kind: 'small_deals', source_id: null, source_label: `Smaller deals marketing sourced or helped, won in ${b.week}`, source_href: '/deals' });
        continue;
      }
      const same = JSON.stringify(idList(existing.deal_ids)) === values.deal_ids && existing.credited_member_ids === values.credited_member_ids && Number(existing.amount_cents) === values.amount_cents;
      if (existing.status !== 'open' || same) continue;
      // While it is open the week's batch follows its deals (a deal won late in the week joins it).
      await tx.updateTable('win_proposals').set({ ...values, updated_at: at }).where('id', '=', existing.id).where('status', '=', 'open').execute();
      updated++;
    }
    return { proposed, updated };
  });
}

/** Every workspace, one after the other. */
export async function gatherProposals(database: Database, providers: readonly WinCandidateProvider[], now: Date, log?: Logger): Promise<GatherResult> {
  const total = { proposed: 0, updated: 0 };
  if (providers.length === 0) return total;
  const workspaces = await database.kysely.selectFrom('workspaces').select(['id', 'time_zone']).orderBy('id').execute();
  for (const w of workspaces) {
    const r = await gatherWorkspace(database, providers, { id: w.id, timeZone: w.time_zone }, now, log);
    total.proposed += r.proposed;
    total.updated += r.updated;
  }
  return total;
}

/** The job: hourly, claimed once per hour however many instances run. */
export function winProposalsJob(providers: () => readonly WinCandidateProvider[]): Job {
  return {
    name: 'wins.gather-proposals',
    period: 'hour',
    async run({ db, log, now }) {
      const r = await gatherProposals(db, providers(), now, log);
      if (r.proposed > 0 || r.updated > 0) log.info({ job: 'wins.gather-proposals', ...r }, 'win proposals gathered');
    },
  };
}
