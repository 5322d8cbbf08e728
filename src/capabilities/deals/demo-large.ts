// The deals part of the scaled demo workspaces (decision 022): the small demo's CRM at scale — 200,000 deals over
// the large workspace's five years (20,000 over the 10x's three), owned by its account executives and a few names
// no member matches, inserted as they are generated in multi-row chunks inside seedDemo's one transaction.
// The KPIs are NOT recomputed here: the scaled workspaces' regional KPIs (Revenue closed — EMEA, …) have data
// source 'deals' but deals carry no region, so computing them would give every region the company's numbers; their
// generated readings stay. recomputeDealKpis is measured on this workspace instead (docs/ARCHITECTURE.md "Deals").
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { localDateOf } from '../../shared/calendar/index.js';
import { SCALED_DEMOS, type DemoContext } from '../../shared/contracts/demo.js';
import { demoDeals, insertDemoDeals } from './demo.js';
import { dialectOf } from './recompute.js';

const DEALS: Record<'10x' | 'large', number> = { '10x': 20_000, large: 200_000 };

export async function seedLargeDealsDemo(db: Db, demo: DemoContext): Promise<void> {
  const size = demo.size;
  if (size === 'demo') return;
  const { years } = SCALED_DEMOS[size];
  const owners = demo.people.filter((p) => p.function.startsWith('Account executive'));
  const today = localDateOf(demo.now, demo.timeZone);
  await withoutSecondaryIndexes(db, () =>
    insertDemoDeals(
      db,
      demoDeals(demo.workspaceId, today, { total: DEALS[size], days: Math.round(years * 365.25), owners, unmatched: ['Chris Morgan', 'Sales Ops Queue', 'Integration User'], seed: 20261205 }, demo.now.toISOString()),
    ),
  );
}

/**
 * Runs the bulk insert with the deals table's secondary indexes dropped, then builds them again as the database
 * has them (read from its catalog, so they are exactly the migrations' — the primary key and unique constraints
 * stay): building an index over 200,000 rows once is several times cheaper than updating nine at every row. Inside
 * seedDemo's transaction, so a failure restores them; on PostgreSQL the table is locked until it commits, which a
 * benchmark seed can afford.
 */
async function withoutSecondaryIndexes(db: Db, fill: () => Promise<unknown>): Promise<void> {
  if (!db.isTransaction) throw new Error('The large deals seed runs inside seedDemo’s transaction.');
  const indexes =
    dialectOf(db) === 'postgres'
      ? (
          await sql<{ name: string; definition: string }>`
            select i.indexname as name, i.indexdef as definition from pg_indexes i
            where i.tablename = 'deals' and i.schemaname = current_schema()
              and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`.execute(db)
        ).rows
      : (await sql<{ name: string; definition: string }>`select name, sql as definition from sqlite_master where type = 'index' and tbl_name = 'deals' and sql is not null`.execute(db)).rows;
  for (const i of indexes) await sql`drop index ${sql.id(i.name)}`.execute(db);
  await fill();
  for (const i of indexes) await sql.raw(i.definition).execute(db);
}
