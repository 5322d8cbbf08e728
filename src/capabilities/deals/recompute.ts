// The KPIs computed from deals (SPEC S7, issue 11, docs/decisions/033) and the marketing-source rule they read.
// - recomputeDealKpis: every active KPI with data source 'deals' whose kind the deals measure gets one value per
//   period of its own kind (week, month, fiscal quarter in the workspace zone), recorded on the period's first
//   day with source 'deals', replacing every value it had, in one transaction under one lock. The deals are added
//   up in SQL, grouped by period (a periods table joined on the date index): one query per basis, whatever the
//   number of deals. KPIs of any other data source are never read or written.
// - marketingRuleOf / applyMarketingRule: the rule as stored (defaults until an admin sets one) and the
//   marketing_sourced flags rewritten to match it.
// Called after each import (the import engine), after a rule change (routes/deals.ts) and by the demo.
import { PostgresAdapter, sql, type RawBuilder } from 'kysely';
import type { Db, Dialect, Tx } from '../../db/database.js';
import { inChunks } from '../../db/insert-in-chunks.js';
import { lockForUpdate, lockKey } from '../../db/locks.js';
import { bumpReadVersions } from '../../db/read-versions.js';
import { newId } from '../../server/ids.js';
import { localDateOf, type Period, type PeriodKind, type PeriodOptions } from '../../shared/calendar/index.js';
import {
  DEAL_KPI_RULES,
  dealKpiSeries,
  isCalendarDay,
  isDealKpiKind,
  laterDate,
  periodsBetween,
  type DealKpiKind,
  type PeriodTotals,
} from './domain/compute-kpis.js';
import { DEFAULT_MARKETING_SOURCES, marketingSourceMatcher } from './domain/marketing-source.js';

/** Taken first by every write of a workspace's computed values or its rule (decision 015). */
export const dealKpisLock = (workspaceId: string): string => lockKey('deals-kpis', workspaceId);

/** Periods per query: two parameters each, far below either database's bound-parameter limit. */
const PERIODS_PER_QUERY = 500;
/** No deal is older than this; anything earlier is junk that would only make the periods list long. */
const EARLIEST = '1970-01-01';

export function dialectOf(db: Db | Tx): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** The workspace's calendar settings, as the shared calendar takes them. */
export async function periodOptionsOf(db: Db | Tx, workspaceId: string): Promise<PeriodOptions> {
  const w = await db.selectFrom('workspaces').select(['time_zone', 'week_start', 'fiscal_year_start_month']).where('id', '=', workspaceId).executeTakeFirstOrThrow();
  return { timeZone: w.time_zone, weekStart: w.week_start, fiscalYearStartMonth: w.fiscal_year_start_month };
}

const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));

function periodsTable(periods: readonly Period[]): RawBuilder<unknown> {
  return sql`p(ps, pe) as (values ${sql.join(periods.map((p) => sql`(${p.startDate}, ${p.endDate})`))})`;
}

function cycleDays(dialect: Dialect): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`(cast(d.close_date as date) - cast(d.created_date as date))`
    : sql<number>`cast(julianday(d.close_date) - julianday(d.created_date) as integer)`;
}

export interface TotalsNeeded {
  created: boolean;
  closed: boolean;
  cycle: boolean;
}

/**
 * The deals of a workspace added up per period, keyed by the period's first day: created totals by create date,
 * closed totals (won, lost, won amount, median cycle) by close date. Only the parts asked for are queried.
 */
export async function dealTotalsByPeriod(db: Db | Tx, workspaceId: string, periods: readonly Period[], needed: TotalsNeeded): Promise<Map<string, PeriodTotals>> {
  const out = new Map<string, PeriodTotals>();
  const entry = (ps: string): PeriodTotals => {
    let t = out.get(ps);
    if (!t) {
      t = { created: { count: 0, amount: 0, marketingAmount: 0 }, closed: { won: 0, lost: 0, wonAmount: 0, wonWithAmount: 0, medianCycleDays: null } };
      out.set(ps, t);
    }
    return t;
  };
  const dialect = dialectOf(db);
  for (const part of inChunks(periods, PERIODS_PER_QUERY)) {
    const p = periodsTable(part);
    if (needed.created) {
      const rows = await perPeriod<{ n: unknown; amount: unknown; m: unknown }>(db, dialect, p, workspaceId, {
        aggregates: sql`count(*) as n, sum(d.amount) as amount, sum(case when d.marketing_sourced = 1 then d.amount else 0 end) as m`,
        where: sql`d.created_date >= p.ps and d.created_date < p.pe`,
      });
      for (const r of rows) entry(r.ps).created = { count: num(r.n), amount: num(r.amount), marketingAmount: num(r.m) };
    }
    if (needed.closed) {
      const rows = await perPeriod<{ won: unknown; lost: unknown; won_amount: unknown; won_with_amount: unknown }>(db, dialect, p, workspaceId, {
        aggregates: sql`count(*) as n,
          sum(case when d.status = 'won' then 1 else 0 end) as won,
          sum(case when d.status = 'lost' then 1 else 0 end) as lost,
          sum(case when d.status = 'won' then d.amount end) as won_amount,
          count(case when d.status = 'won' and d.amount is not null then 1 end) as won_with_amount`,
        where: sql`d.close_date >= p.ps and d.close_date < p.pe and d.status in ('won', 'lost')`,
      });
      for (const r of rows) {
        const c = entry(r.ps).closed;
        Object.assign(c, { won: num(r.won), lost: num(r.lost), wonAmount: num(r.won_amount), wonWithAmount: num(r.won_with_amount) });
      }
    }
    if (needed.cycle) {
      const won = sql`d.close_date >= p.ps and d.close_date < p.pe and d.status = 'won' and d.created_date is not null and d.created_date <= d.close_date`;
      // The median: percentile_cont on PostgreSQL; on SQLite the mean of each period's middle one or two rows by
      // window functions. Both are the mean of the two middle values when there is an even number.
      const rows =
        dialect === 'postgres'
          ? await perPeriod<{ median: unknown }>(db, dialect, p, workspaceId, { aggregates: sql`count(*) as n, percentile_cont(0.5) within group (order by ${cycleDays(dialect)}) as median`, where: won })
          : (
              await sql<{ ps: string; median: unknown }>`
                with ${p},
                c as (select p.ps as ps, ${cycleDays(dialect)} as days from p join deals d on d.workspace_id = ${workspaceId} and ${won}),
                r as (select ps, days, row_number() over (partition by ps order by days) as rn, count(*) over (partition by ps) as n from c)
                select ps, avg(days) as median from r where rn in ((n + 1) / 2, (n + 2) / 2) group by ps`.execute(db)
            ).rows;
      for (const r of rows) entry(r.ps).closed.medianCycleDays = r.median === null ? null : Number(r.median);
    }
  }
  return out;
}

/**
 * One row per period that has deals, with the aggregates over the deals matching `where` (which reads p.ps, p.pe).
 * PostgreSQL reads each period's deals by an index range (a lateral subquery: joined on a range it would scan the
 * table once per period); SQLite's planner does that from the plain join.
 */
async function perPeriod<Row>(db: Db | Tx, dialect: Dialect, p: RawBuilder<unknown>, workspaceId: string, q: { aggregates: RawBuilder<unknown>; where: RawBuilder<unknown> }): Promise<Array<Row & { ps: string }>> {
  const query =
    dialect === 'postgres'
      ? sql<Row & { ps: string }>`with ${p} select p.ps as ps, s.* from p cross join lateral (select ${q.aggregates} from deals d where d.workspace_id = ${workspaceId} and ${q.where}) s where s.n > 0`
      : sql<Row & { ps: string }>`with ${p} select p.ps as ps, ${q.aggregates} from p join deals d on d.workspace_id = ${workspaceId} and ${q.where} group by p.ps`;
  return (await query.execute(db)).rows;
}

/** The first and last create date, and the first and last close date of a closed deal, of a workspace's deals. */
async function dealDateSpan(db: Db | Tx, workspaceId: string) {
  const r = await db
    .selectFrom('deals')
    .select([
      (eb) => eb.fn.min('created_date').as('c0'),
      (eb) => eb.fn.max('created_date').as('c1'),
      sql<string | null>`min(case when status <> 'open' then close_date end)`.as('k0'),
      sql<string | null>`max(case when status <> 'open' then close_date end)`.as('k1'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where((eb) => eb.or([eb('created_date', '>=', EARLIEST), eb('close_date', '>=', EARLIEST)]))
    .executeTakeFirst();
  const clamp = (d: string | null | undefined) => (d && isCalendarDay(d) ? (d < EARLIEST ? EARLIEST : d) : null);
  return { created: [clamp(r?.c0), clamp(r?.c1)] as const, closed: [clamp(r?.k0), clamp(r?.k1)] as const };
}

interface ComputedKpi {
  id: string;
  kind: DealKpiKind;
  period: PeriodKind;
}

/** The workspace's active KPIs measured from deals, of the kinds the deals can compute. */
async function computedKpis(db: Db | Tx, workspaceId: string): Promise<ComputedKpi[]> {
  const rows = await db
    .selectFrom('kpis')
    .select(['id', 'kind', 'period'])
    .where('workspace_id', '=', workspaceId)
    .where('data_source', '=', 'deals')
    .where('archived_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.flatMap((r) => (isDealKpiKind(r.kind) ? [{ id: r.id, kind: r.kind, period: r.period }] : []));
}

/**
 * Every period value of the given computed KPIs, from the deals as they are now. `now` is the instant whose local
 * day ends the zero-filled sums (tests pass one; otherwise the clock).
 */
async function computeValues(db: Db | Tx, workspaceId: string, kpis: readonly ComputedKpi[], now: Date): Promise<Array<{ kpiId: string; date: string; value: number }>> {
  if (kpis.length === 0) return [];
  const options = await periodOptionsOf(db, workspaceId);
  const today = localDateOf(now, options.timeZone);
  const span = await dealDateSpan(db, workspaceId);
  const out: Array<{ kpiId: string; date: string; value: number }> = [];
  for (const kind of ['week', 'month', 'quarter'] as const) {
    const these = kpis.filter((k) => k.period === kind);
    if (these.length === 0) continue;
    const bases = new Set(these.map((k) => DEAL_KPI_RULES[k.kind].basis));
    const from = [bases.has('created') ? span.created[0] : null, bases.has('closed') ? span.closed[0] : null].filter((d): d is string => d !== null).sort()[0];
    if (from === undefined) continue; // no deal has a date these KPIs read
    const to = laterDate(today, laterDate(bases.has('created') ? span.created[1] : null, bases.has('closed') ? span.closed[1] : null)) ?? today;
    const periods = periodsBetween(kind, from, to, options);
    const totals = await dealTotalsByPeriod(db, workspaceId, periods, {
      created: bases.has('created'),
      closed: bases.has('closed'),
      cycle: these.some((k) => k.kind === 'sales_cycle_length'),
    });
    for (const k of these) {
      // A sum starts at the first deal dated on its own basis, not at the other basis's first date.
      const first = DEAL_KPI_RULES[k.kind].basis === 'created' ? span.created[0] : span.closed[0];
      if (first === null) continue;
      const own = periods.filter((p) => p.endDate > first);
      for (const point of dealKpiSeries(k.kind, own, totals, today)) out.push({ kpiId: k.id, date: point.date, value: point.value });
    }
  }
  return out;
}

export interface RecomputeOptions {
  now?: Date;
}

/**
 * Recomputes the workspace's KPIs measured from deals: one kpi_values row per KPI per period, source 'deals',
 * replacing every earlier value of those KPIs (a value typed into a deals KPI would be counted twice beside the
 * computed one). Idempotent. Given a transaction, it writes in it and the caller bumps the read version after
 * commit; given the database, it opens its own transaction and bumps the version itself.
 */
export async function recomputeDealKpis(db: Db, workspaceId: string, options: RecomputeOptions = {}): Promise<{ kpis: number; values: number }> {
  const now = options.now ?? new Date();
  const run = async (tx: Tx) => {
    await lockForUpdate(tx, dialectOf(tx), dealKpisLock(workspaceId));
    const kpis = await computedKpis(tx, workspaceId);
    if (kpis.length === 0) return { kpis: 0, values: 0 };
    const values = await computeValues(tx, workspaceId, kpis, now);
    for (const ids of inChunks(kpis.map((k) => k.id), 300)) {
      await tx.deleteFrom('kpi_values').where('workspace_id', '=', workspaceId).where('kpi_id', 'in', ids).execute();
    }
    const createdAt = now.toISOString();
    const rows = values.map((v) => ({ id: newId(), workspace_id: workspaceId, kpi_id: v.kpiId, date: v.date, value: v.value, source: 'deals' as const, note: null, recorded_by: null, created_at: createdAt }));
    for (const part of inChunks(rows, 300)) await tx.insertInto('kpi_values').values(part).execute();
    return { kpis: kpis.length, values: rows.length };
  };
  if (db.isTransaction) return run(db as Tx);
  const result = await db.transaction().execute(run);
  await bumpReadVersions(db, [workspaceId]);
  return result;
}

/** The workspace's marketing sources: the admin's rule, or the defaults until one is set. */
export async function marketingRuleOf(db: Db | Tx, workspaceId: string): Promise<string[]> {
  const row = await db.selectFrom('deal_settings').select('marketing_sources').where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!row) return [...DEFAULT_MARKETING_SOURCES];
  try {
    const parsed: unknown = JSON.parse(row.marketing_sources);
    return Array.isArray(parsed) ? parsed.filter((s): s is string => typeof s === 'string') : [...DEFAULT_MARKETING_SOURCES];
  } catch {
    return [...DEFAULT_MARKETING_SOURCES];
  }
}

/**
 * Rewrites every deal's marketing_sourced flag of the workspace from its current rule; returns how many deals now
 * count as marketing-sourced. The distinct source values are matched by the one matcher (marketingSourceMatcher),
 * so SQL compares exact values and never needs its own idea of "the same source". Run it in the transaction that
 * changed the rule, so a failure leaves the old rule and the old flags.
 */
export async function applyMarketingRule(db: Db | Tx, workspaceId: string): Promise<number> {
  const matches = marketingSourceMatcher(await marketingRuleOf(db, workspaceId));
  const sources = await db.selectFrom('deals').select('source').distinct().where('workspace_id', '=', workspaceId).where('source', 'is not', null).execute();
  const marketing = sources.map((s) => s.source).filter((s): s is string => matches(s));
  await db.updateTable('deals').set({ marketing_sourced: 0 }).where('workspace_id', '=', workspaceId).where('marketing_sourced', '<>', 0).execute();
  for (const part of inChunks(marketing, 300)) {
    await db.updateTable('deals').set({ marketing_sourced: 1 }).where('workspace_id', '=', workspaceId).where('source', 'in', part).execute();
  }
  const { n } = await db.selectFrom('deals').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).where('marketing_sourced', '=', 1).executeTakeFirstOrThrow();
  return Number(n);
}
