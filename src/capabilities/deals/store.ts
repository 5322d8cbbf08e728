// Reads of the deals room (issue 11): the Deals list with its filters in one query a page, its facets, the source
// values with their counts, the summary strip and the marketing-source rule's row. Writes live in recompute.ts (the
// rule and the computed KPIs) and in the import engine (the deals).
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { Db, Tx } from '../../db/database.js';
import { memberName } from '../../db/member-name.js';
import type { DatabaseSchema } from '../../db/schema/index.js';
import type { DealStatus } from '../../db/schema/deals.js';
import { containsText } from '../../db/search.js';
import { paginate, type Page, type SortKey } from '../../server/pagination.js';
import { periodOf } from '../../shared/calendar/index.js';
import type { PageQuery } from '../../shared/page.js';
import type { ClosedRange } from './domain/closed-range.js';
import { dealKpiValue } from './domain/compute-kpis.js';
import { dealTotalsByPeriod, periodOptionsOf } from './recompute.js';

export const loadPeriodOptions = periodOptionsOf;

/** The list's order: close date, newest first, deals with no close date last; the id breaks ties. */
const closeKey = sql<string>`coalesce(deals.close_date, '')`;
const ORDER: SortKey[] = [
  { by: closeKey, dir: 'desc', type: 'string' },
  { by: sql.ref('deals.id'), dir: 'desc', type: 'string' },
];

/** The filters as the store applies them: lists resolved, the close-date range worked out in the workspace calendar. */
export interface DealQuery {
  q?: string | undefined;
  stages?: string[] | undefined;
  /** A member id, or 'unmatched'. */
  owner?: string | undefined;
  source?: string | undefined;
  status?: DealStatus | undefined;
  marketingSourced?: boolean | undefined;
  closed: ClosedRange;
  amountMin?: number | undefined;
  amountMax?: number | undefined;
}

function conditions(eb: ExpressionBuilder<DatabaseSchema, 'deals'>, f: DealQuery): Expression<SqlBool>[] {
  const out: Expression<SqlBool>[] = [];
  if (f.q) out.push(containsText([eb.ref('deals.name'), eb.ref('deals.external_id'), eb.ref('deals.owner_name')], f.q));
  if (f.stages && f.stages.length > 0) out.push(eb('deals.stage', 'in', f.stages));
  if (f.owner === 'unmatched') out.push(eb('deals.owner_member_id', 'is', null));
  else if (f.owner) out.push(eb('deals.owner_member_id', '=', f.owner));
  if (f.source) out.push(eb('deals.source', '=', f.source));
  if (f.status) out.push(eb('deals.status', '=', f.status));
  if (f.marketingSourced !== undefined) out.push(eb('deals.marketing_sourced', '=', f.marketingSourced ? 1 : 0));
  if (f.closed.from !== undefined) out.push(eb('deals.close_date', '>=', f.closed.from));
  if (f.closed.before !== undefined) out.push(eb('deals.close_date', '<', f.closed.before));
  if (f.amountMin !== undefined) out.push(eb('deals.amount', '>=', f.amountMin));
  if (f.amountMax !== undefined) out.push(eb('deals.amount', '<=', f.amountMax));
  return out;
}

function dealsQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('deals')
    .leftJoin('members', 'members.id', 'deals.owner_member_id')
    .leftJoin('users', 'users.id', 'members.user_id')
    .selectAll('deals')
    .select(sql<string | null>`${memberName}`.as('owner_member_name'))
    .where('deals.workspace_id', '=', workspaceId);
}
export type DealRow = Awaited<ReturnType<ReturnType<typeof dealsQuery>['executeTakeFirstOrThrow']>>;

/** A cursor is good for this workspace's list with exactly these filters. */
const scopeOf = (workspaceId: string, f: DealQuery) => ['deals', workspaceId, f.q ?? null, f.stages ?? null, f.owner ?? null, f.source ?? null, f.status ?? null, f.marketingSourced ?? null, f.closed.from ?? null, f.closed.before ?? null, f.amountMin ?? null, f.amountMax ?? null];

/** One page of the filtered list: one query (deals with their matched owner's name). No filter reads `1 = 1`. */
export async function pageDeals(db: Db, workspaceId: string, f: DealQuery, page: PageQuery): Promise<Page<DealRow>> {
  const q = dealsQuery(db, workspaceId).where((eb) => eb.and(conditions(eb as unknown as ExpressionBuilder<DatabaseSchema, 'deals'>, f)));
  return paginate(q, page, { scope: scopeOf(workspaceId, f), order: ORDER, key: (r) => [r.close_date ?? '', r.id] });
}

export async function getDeal(db: Db, workspaceId: string, id: string) {
  return dealsQuery(db, workspaceId)
    .leftJoin('deal_imports', (j) => j.onRef('deal_imports.id', '=', 'deals.last_import_id').on('deal_imports.workspace_id', '=', workspaceId))
    .select(['deal_imports.filename as import_filename', 'deal_imports.finished_at as import_finished_at'])
    .where('deals.id', '=', id)
    .executeTakeFirst();
}

const FACETS = 200;

/** Stages, owners and sources in use, most deals first, for the filter selects. */
export async function dealFacets(db: Db, workspaceId: string) {
  const n = sql<number>`count(*)`;
  const stages = await db.selectFrom('deals').select(['stage', n.as('n')]).where('workspace_id', '=', workspaceId).groupBy('stage').orderBy(n, 'desc').orderBy('stage').limit(FACETS).execute();
  const owners = await db
    .selectFrom('deals')
    .leftJoin('members', 'members.id', 'deals.owner_member_id')
    .leftJoin('users', 'users.id', 'members.user_id')
    .select(['deals.owner_member_id as member_id', sql<string | null>`${memberName}`.as('name'), n.as('n')])
    .where('deals.workspace_id', '=', workspaceId)
    .groupBy(['deals.owner_member_id', 'members.invited_name', 'users.name'])
    .orderBy(n, 'desc')
    .limit(FACETS)
    .execute();
  const sources = await sourceCounts(db, workspaceId, FACETS);
  const { total } = await db.selectFrom('deals').select(n.as('total')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  return { stages: stages.map((s) => ({ value: s.stage, deals: Number(s.n) })), owners, sources, total: Number(total) };
}

/** Distinct source values with their deal counts, most deals first. */
export async function sourceCounts(db: Db, workspaceId: string, limit: number): Promise<Array<{ source: string; deals: number }>> {
  const n = sql<number>`count(*)`;
  const rows = await db
    .selectFrom('deals')
    .select(['source', n.as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('source', 'is not', null)
    .groupBy('source')
    .orderBy(n, 'desc')
    .orderBy('source')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ source: r.source!, deals: Number(r.n) }));
}

export async function sourceTotals(db: Db, workspaceId: string): Promise<{ distinct: number; withoutSource: number }> {
  const r = await db
    .selectFrom('deals')
    .select([sql<number>`count(distinct source)`.as('distinct'), sql<number>`sum(case when source is null then 1 else 0 end)`.as('none')])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return { distinct: Number(r.distinct ?? 0), withoutSource: Number(r.none ?? 0) };
}

/** The summary strip: open pipeline, and this fiscal quarter's revenue closed and win rate by the KPIs' own formulas. */
export async function dealSummary(db: Db, workspaceId: string, now: Date) {
  const options = await loadPeriodOptions(db, workspaceId);
  const quarter = periodOf('quarter', now, options);
  const open = await db
    .selectFrom('deals')
    .select([sql<number>`count(*)`.as('n'), sql<number | null>`sum(case when status = 'open' then amount end)`.as('amount'), sql<number>`sum(case when status = 'open' then 1 else 0 end)`.as('open')])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  const totals = (await dealTotalsByPeriod(db, workspaceId, [quarter], { created: false, closed: true, cycle: false })).get(quarter.startDate);
  return {
    total: Number(open.n),
    openPipeline: { amount: Number(open.amount ?? 0), deals: Number(open.open ?? 0) },
    quarter: {
      key: quarter.key,
      label: quarter.label,
      revenueClosed: dealKpiValue('revenue_closed', totals) ?? 0,
      won: totals?.closed.won ?? 0,
      lost: totals?.closed.lost ?? 0,
      winRate: dealKpiValue('win_rate', totals),
    },
  };
}

export async function settingsRow(db: Db | Tx, workspaceId: string) {
  return db
    .selectFrom('deal_settings')
    .leftJoin('members', 'members.id', 'deal_settings.updated_by')
    .leftJoin('users', 'users.id', 'members.user_id')
    .select(['deal_settings.updated_at', sql<string | null>`${memberName}`.as('updated_by_name')])
    .where('deal_settings.workspace_id', '=', workspaceId)
    .executeTakeFirst();
}
