// The deals-lean migration (decision 059) on a database that already holds deals, evidence citing a deal and a win
// standing for one: taken back down (the foreign keys and the two list indexes return), then up again (they go), the
// rows survive both ways, and the keys that point AT deals (evidence, win_deals) still hold.
import { randomUUID } from 'node:crypto';
import { sql, Migrator, type Kysely, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations/index.js';
import { makeWorkspace, type TestWorkspace } from '../factories.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

const MIGRATION = '2026-12-10T0900-deals-lean';

let t: TestApp;
let ws: TestWorkspace;
let db: Kysely<Record<string, Record<string, unknown>>>;
const dealId = randomUUID();
const importId = randomUUID();
const winId = randomUUID();
const evidenceId = randomUUID();

beforeAll(async () => {
  t = await createTestApp();
  db = t.db.kysely as unknown as typeof db;
  ws = await makeWorkspace(t);
  const now = new Date().toISOString();
  await db.insertInto('deal_imports').values({ id: importId, workspace_id: ws.id, filename: 'q3.csv', status: 'done', created_at: now, updated_at: now }).execute();
  await db
    .insertInto('deals')
    .values({ id: dealId, workspace_id: ws.id, external_id: 'HS-77', origin: 'hubspot', name: 'Acme expansion', stage: 'Closed Won', status: 'won', amount: 4_200_000, currency: 'USD', close_date: '2026-11-20', created_date: '2026-09-01', owner_name: 'Ada Admin', owner_member_id: ws.adminMemberId, pipeline: 'default', source: 'Webinar', marketing_sourced: 1, win_reason: 'Champion', loss_reason: null, last_import_id: importId, created_at: now, updated_at: now })
    .execute();
  await db.insertInto('evidence').values({ id: evidenceId, workspace_id: ws.id, member_id: ws.adminMemberId, date: '2026-11-18', account: 'Acme', deal_id: dealId, outcome: 'won', quote: 'The webinar sold it.', created_at: now, updated_at: now }).execute();
  await db.insertInto('wins').values({ id: winId, workspace_id: ws.id, kind: 'deal_won', title: 'Acme expansion', story: 'Won.', won_on: '2026-11-20', collaborative: 0, has_sales: 1, has_marketing: 1, created_at: now, updated_at: now }).execute();
  await db.insertInto('win_deals').values({ win_id: winId, workspace_id: ws.id, deal_id: dealId }).execute();
});

afterAll(async () => {
  await t.close();
});

async function migrator(): Promise<Migrator> {
  const dialect = t.db.dialect;
  const schema = dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0]?.s : undefined;
  return new Migrator({
    db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    provider: {
      async getMigrations() {
        const out: Record<string, Migration> = {};
        for (const [name, m] of Object.entries(migrations)) out[name] = { up: (d) => m.up(d, dialect), down: m.down ? (d) => m.down!(d, dialect) : undefined };
        return out;
      },
    },
  });
}

/** The tables deals' own foreign keys point at, sorted. */
async function dealsReferences(): Promise<string[]> {
  const rows =
    t.db.dialect === 'sqlite'
      ? (await sql<{ t: string }>`select "table" as t from pragma_foreign_key_list('deals')`.execute(db)).rows
      : (await sql<{ t: string }>`select confrelid::regclass::text as t from pg_constraint where conrelid = 'deals'::regclass and contype = 'f'`.execute(db)).rows;
  return rows.map((r) => r.t).sort();
}

async function dealsIndexes(): Promise<string[]> {
  const rows =
    t.db.dialect === 'sqlite'
      ? (await sql<{ n: string }>`select name as n from sqlite_master where type = 'index' and tbl_name = 'deals' and sql is not null`.execute(db)).rows
      : (await sql<{ n: string }>`select indexname as n from pg_indexes where schemaname = current_schema() and tablename = 'deals' and indexname like 'deals\\_%' and indexname <> 'deals_pkey' and indexname <> 'deals_workspace_external'`.execute(db)).rows;
  return rows.map((r) => r.n).sort();
}

async function rowsStillThere(): Promise<void> {
  const deal = await db.selectFrom('deals').selectAll().where('id', '=', dealId).executeTakeFirstOrThrow();
  expect(deal).toMatchObject({ external_id: 'HS-77', owner_member_id: ws.adminMemberId, last_import_id: importId, marketing_sourced: 1 });
  expect(Number(deal.amount)).toBe(4_200_000);
  expect(await db.selectFrom('evidence').select('deal_id').where('id', '=', evidenceId).executeTakeFirstOrThrow()).toEqual({ deal_id: dealId });
  expect(await db.selectFrom('win_deals').select('deal_id').where('win_id', '=', winId).execute()).toEqual([{ deal_id: dealId }]);
}

const LEAN_INDEXES = ['deals_kpi_closed', 'deals_kpi_created', 'deals_list_order', 'deals_list_owner', 'deals_list_source', 'deals_list_stage'];

describe('2026-12-10T0900-deals-lean', () => {
  it('has left deals without foreign keys and without the status and marketing list indexes', async () => {
    expect(await dealsReferences()).toEqual([]);
    expect(await dealsIndexes()).toEqual(LEAN_INDEXES);
  });

  it('taken down, restores the keys and the indexes and keeps every row', async () => {
    const down = await (await migrator()).migrateDown();
    expect(down.error).toBeUndefined();
    expect(down.results?.map((r) => [r.migrationName, r.status])).toEqual([[MIGRATION, 'Success']]);
    expect(await dealsReferences()).toEqual(['deal_imports', 'members', 'workspaces']);
    expect(await dealsIndexes()).toEqual([...LEAN_INDEXES, 'deals_list_marketing', 'deals_list_status'].sort());
    await rowsStillThere();
  });

  it('applied again on the database with those rows, drops them again and keeps every row', async () => {
    expect(await t.db.migrate()).toEqual([MIGRATION]);
    expect(await dealsReferences()).toEqual([]);
    expect(await dealsIndexes()).toEqual(LEAN_INDEXES);
    await rowsStillThere();
    if (t.db.dialect === 'sqlite') expect((await sql`pragma foreign_keys`.execute(db)).rows).toEqual([{ foreign_keys: 1 }]);
  });

  it('still refuses a win or evidence citing a deal that is not there', async () => {
    const now = new Date().toISOString();
    await expect(db.insertInto('win_deals').values({ win_id: winId, workspace_id: ws.id, deal_id: randomUUID() }).execute()).rejects.toThrow(/foreign key/i);
    await expect(
      db.insertInto('evidence').values({ id: randomUUID(), workspace_id: ws.id, date: '2026-11-18', account: 'Acme', deal_id: randomUUID(), outcome: 'won', quote: 'x', created_at: now, updated_at: now }).execute(),
    ).rejects.toThrow(/foreign key/i);
  });
});
