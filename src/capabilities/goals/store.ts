// Data access for published goals (SPEC S1). Every query is scoped by the actor's workspace id.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { isLostRace, lockKey } from '../../db/locks.js';
import { containsText } from '../../db/search.js';
import { conflict } from '../../server/errors.js';
import { newestFirst, paginate, type Page } from '../../server/pagination.js';
import type { PageQuery } from '../../shared/page.js';
import type { KpisTable, KpiValuesTable, PublicationsTable } from '../../db/schema/goals.js';
import type { PeriodOptions } from '../../shared/calendar/index.js';
import { defaultAggregation, kpiCatalog } from './domain/index.js';
import type { Kpi, KpiKind, PublicationChange, PublicationSnapshot, Team } from './domain/index.js';

export type KpiRow = Selectable<KpisTable> & { owner_name: string | null; proposer_team: Team | null };
export type KpiValueRow = Selectable<KpiValuesTable>;
export type PublicationRow = Selectable<PublicationsTable> & { published_by_name: string | null };

/** The built-in catalog plus the workspace's own kinds. */
export async function loadCatalog(db: Db, workspaceId: string): Promise<KpiKind[]> {
  const custom = await db.selectFrom('kpi_kinds').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
  return [
    ...kpiCatalog,
    ...custom.map(
      (c): KpiKind => ({
        id: c.key,
        name: c.name,
        unit: c.unit,
        direction: c.direction,
        aggregation: defaultAggregation(c.unit),
        defaultTeam: 'marketing',
        measuredAs: c.description,
        aliases: [c.name.toLowerCase()],
        builtIn: false,
      }),
    ),
  ];
}

export async function loadPeriodOptions(db: Db, workspaceId: string): Promise<PeriodOptions> {
  const w = await db
    .selectFrom('workspaces')
    .select(['time_zone', 'week_start', 'fiscal_year_start_month'])
    .where('id', '=', workspaceId)
    .executeTakeFirstOrThrow();
  return { timeZone: w.time_zone, weekStart: w.week_start, fiscalYearStartMonth: w.fiscal_year_start_month };
}

function kpisQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('kpis')
    .leftJoin('members as owner', 'owner.id', 'kpis.owner_member_id')
    .leftJoin('users as owner_user', 'owner_user.id', 'owner.user_id')
    .leftJoin('members as proposer', 'proposer.id', 'kpis.shared_proposed_by')
    .selectAll('kpis')
    .select(['owner_user.name as owner_name', 'proposer.team as proposer_team'])
    .where('kpis.workspace_id', '=', workspaceId);
}

export async function listKpis(db: Db, workspaceId: string, opts: { team?: Team; includeArchived?: boolean } = {}): Promise<KpiRow[]> {
  let q = kpisQuery(db, workspaceId);
  if (opts.team) q = q.where('kpis.team', '=', opts.team);
  if (!opts.includeArchived) q = q.where('kpis.archived_at', 'is', null);
  const rows = await q.orderBy('kpis.team').orderBy('kpis.rank').orderBy('kpis.name').execute();
  // Ranked first (1, 2, 3), then the rest by name; SQL sorts nulls differently per dialect.
  return rows.sort((a, b) => a.team.localeCompare(b.team) || (a.rank ?? 99) - (b.rank ?? 99) || a.name.localeCompare(b.name)) as KpiRow[];
}

/** A rank sorts as itself, an unranked KPI after the top three (SQL sorts nulls differently per dialect). */
const rankOrder = sql<number>`coalesce(kpis.rank, 99)`;

export interface KpiFilter {
  team?: Team | undefined;
  includeArchived?: boolean | undefined;
  q?: string | undefined;
}

/** One page of KPIs: by team, ranked first (1, 2, 3), then by name, the id breaking ties; with how many match. */
export async function pageKpis(db: Db, workspaceId: string, filter: KpiFilter, page: PageQuery): Promise<Page<KpiRow> & { total: number }> {
  let q = kpisQuery(db, workspaceId);
  let count = db.selectFrom('kpis').select((eb) => eb.fn.countAll<number>().as('n')).where('kpis.workspace_id', '=', workspaceId);
  if (filter.team) {
    q = q.where('kpis.team', '=', filter.team);
    count = count.where('kpis.team', '=', filter.team);
  }
  if (!filter.includeArchived) {
    q = q.where('kpis.archived_at', 'is', null);
    count = count.where('kpis.archived_at', 'is', null);
  }
  if (filter.q) {
    q = q.where(containsText([sql.ref('kpis.name')], filter.q));
    count = count.where(containsText([sql.ref('kpis.name')], filter.q));
  }
  const result = await paginate(q, page, {
    scope: ['kpis', workspaceId, filter],
    order: [
      { by: sql.ref('kpis.team'), dir: 'asc', type: 'string' },
      { by: rankOrder, dir: 'asc', type: 'number' },
      { by: sql.ref('kpis.name'), dir: 'asc', type: 'string' },
      { by: sql.ref('kpis.id'), dir: 'asc', type: 'string' },
    ],
    key: (r) => [r.team, r.rank ?? 99, r.name, r.id],
  });
  const { n } = await count.executeTakeFirstOrThrow();
  return { items: result.items as KpiRow[], nextCursor: result.nextCursor, total: Number(n) };
}

export async function getKpi(db: Db, workspaceId: string, id: string): Promise<KpiRow | undefined> {
  return (await kpisQuery(db, workspaceId).where('kpis.id', '=', id).executeTakeFirst()) as KpiRow | undefined;
}

export function toDomainKpi(r: Selectable<KpisTable>): Kpi {
  return {
    id: r.id,
    team: r.team,
    name: r.name,
    kindId: r.kind,
    unit: r.unit,
    direction: r.direction,
    measurement: r.measurement,
    dataSource: r.data_source,
    target: r.target,
    targetPeriod: r.period,
    baseline: r.baseline,
    compensated: r.compensated === 1,
    compWeight: r.comp_weight,
    rank: r.rank,
    shared: r.shared === 1,
  };
}

export async function listValues(db: Db, workspaceId: string, kpiIds: readonly string[], fromDate?: string): Promise<KpiValueRow[]> {
  if (kpiIds.length === 0) return [];
  let q = db.selectFrom('kpi_values').selectAll().where('workspace_id', '=', workspaceId).where('kpi_id', 'in', kpiIds);
  if (fromDate) q = q.where('date', '>=', fromDate);
  return q.orderBy('date').execute();
}

/** One page of a KPI's values, newest first. A KPI has one value per date, so the date alone orders them totally. */
export async function pageValues(db: Db, workspaceId: string, kpiId: string, range: { from?: string | undefined; to?: string | undefined }, page: PageQuery): Promise<Page<KpiValueRow>> {
  let q = db.selectFrom('kpi_values').selectAll().where('workspace_id', '=', workspaceId).where('kpi_id', '=', kpiId);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  return paginate(q, page, {
    scope: ['kpi-values', workspaceId, kpiId, range.from ?? null, range.to ?? null],
    order: [{ by: sql.ref('date'), dir: 'desc', type: 'string' }],
    key: (v) => [v.date],
  });
}

function publicationsQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('publications')
    .leftJoin('members', 'members.id', 'publications.published_by')
    .leftJoin('users', 'users.id', 'members.user_id')
    .selectAll('publications')
    .select('users.name as published_by_name')
    .where('publications.workspace_id', '=', workspaceId);
}

/** One page of the publication history, newest first (the id breaks ties between teams publishing at once). */
export async function pagePublications(db: Db, workspaceId: string, team: Team | undefined, page: PageQuery): Promise<Page<PublicationRow>> {
  let q = publicationsQuery(db, workspaceId);
  if (team) q = q.where('publications.team', '=', team);
  return paginate(q, page, {
    scope: ['publications', workspaceId, team ?? null],
    order: newestFirst('publications.published_at', 'publications.id'),
    key: (p) => [p.published_at, p.id],
  });
}

export async function getPublication(db: Db, workspaceId: string, id: string): Promise<PublicationRow | undefined> {
  return publicationsQuery(db, workspaceId).where('publications.id', '=', id).executeTakeFirst();
}

export async function latestPublication(db: Db, workspaceId: string, team: Team): Promise<PublicationRow | undefined> {
  return publicationsQuery(db, workspaceId).where('publications.team', '=', team).orderBy('publications.number', 'desc').limit(1).executeTakeFirst();
}

export function parseSnapshot(p: Pick<PublicationsTable, 'snapshot'>): PublicationSnapshot {
  return JSON.parse(p.snapshot) as PublicationSnapshot;
}

export function parseDiff(p: Pick<PublicationsTable, 'diff'>): PublicationChange[] {
  return JSON.parse(p.diff) as PublicationChange[];
}

/** Active members per team who can hold expectations and take the quiz (viewers only read, so they don't count). */
export async function activeTeamSizes(db: Db, workspaceId: string): Promise<Record<Team, number>> {
  const rows = await db
    .selectFrom('members')
    .select(['team', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', 1)
    .where('role', '!=', 'viewer')
    .groupBy('team')
    .execute();
  const sizes: Record<Team, number> = { sales: 0, marketing: 0, leadership: 0 };
  for (const r of rows) sizes[r.team] = Number(r.n);
  return sizes;
}

/**
 * The teams that have a lead of their own (SPEC S1: a lead publishes): an active member who has joined, on the
 * team, with role leader or admin. An invited lead who has not accepted yet cannot publish, so does not count.
 */
export async function teamsWithLead(db: Db, workspaceId: string): Promise<Set<Team>> {
  const rows = await db
    .selectFrom('members')
    .select('team')
    .distinct()
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', 1)
    .where('joined_at', 'is not', null)
    .where('role', 'in', ['leader', 'admin'])
    .execute();
  return new Set(rows.map((r) => r.team));
}

/**
 * The lock every transaction that rewrites a workspace's KPIs, ranks, sharing or publications takes
 * first (docs/decisions/015-lock-order.md): such writes then run one after another per workspace, so
 * their row locks never cross (PostgreSQL deadlocked on parallel top-three changes) and a check made
 * inside the transaction ("rank 1 is free", "the next number is 4") still holds when it writes.
 */
export const goalsLock = (workspaceId: string): string => lockKey('goals', workspaceId);
/** The lock for adding to a workspace's KPI catalog: a name is checked and written under it. */
export const catalogLock = (workspaceId: string): string => lockKey('goals-catalog', workspaceId);
/** The lock for replacing one member's expectations (delete, then insert, as one). */
export const expectationsLock = (memberId: string): string => lockKey('goals-expectations', memberId);
/** The lock for choosing the KPI kind a workspace's free-text expectations mean (read the unmatched, then set them). */
export const expectationMatchLock = (workspaceId: string): string => lockKey('goals-expectation-match', workspaceId);

/**
 * Runs a write, answering a lost race (a unique index refusing the second of two writers, a deadlock,
 * a serialization failure) with a 409 that says what happened. The locks above make these rare; this is
 * what a person reads if one still happens.
 */
export async function refusingRaces<T>(message: string, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (err) {
    if (isLostRace(err)) throw conflict(message);
    throw err;
  }
}
