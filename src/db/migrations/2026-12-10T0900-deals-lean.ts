// Deals without foreign keys, and two list indexes fewer (issue 11 "Speed and memory", decision 059). Decision 044
// profiled a 1,000,000-row import: on PostgreSQL the three foreign keys of `deals` (workspace, owner, last import)
// cost ~27 µs a row, more than \copy of the whole file; on SQLite every secondary index of deals costs 1.2–2.7 s to
// build at that size. Nothing deletes workspaces, members or deal imports, so the keys' cascade and set-null never
// fire; the only check they add is on ids the app writes itself, and those writers read only the workspace's own
// members and imports (import/owners.ts, the owner-mapping route). The workspace export finds these references from
// DECLARED_REFERENCES in workspace-tables.ts instead of the schema.
//
// `deals_list_status` and `deals_list_marketing` lead with a column of two or three values: the Deals page filtered
// by either reads `deals_list_order` and skips the rows that do not match, still a few milliseconds a page at 200,000
// deals (decision 059 has the figures), so they are not kept. The foreign keys that point AT deals (evidence.deal_id, win_deals.deal_id)
// stay: they are written a row at a time, and a deal is deleted nowhere either.
//
// SQLite cannot drop a foreign key: the table is rebuilt the way https://sqlite.org/lang_altertable.html#otheralter
// describes (new table, copy, drop, rename, indexes again), with foreign_keys off so dropping the old table neither
// cascades to win_deals nor nulls evidence.deal_id, and a foreign_key_check before the commit. The migrator runs
// SQLite migrations outside a transaction (Kysely: no transactional DDL there), which is what lets the pragma change.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

/** The list indexes this migration drops, with what 2026-12-04T1000-deal-indexes made them of (for down). */
const DROPPED_INDEXES: ReadonlyArray<[name: string, lead: string]> = [
  ['deals_list_status', 'status'],
  ['deals_list_marketing', 'marketing_sourced'],
];

/** The foreign keys 2026-12-04T0900-deals gave deals: column → referenced table and the action on delete. */
const REFERENCES: ReadonlyArray<[column: string, table: string, onDelete: 'cascade' | 'set null']> = [
  ['workspace_id', 'workspaces', 'cascade'],
  ['owner_member_id', 'members', 'set null'],
  ['last_import_id', 'deal_imports', 'set null'],
];

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  for (const [name] of DROPPED_INDEXES) await db.schema.dropIndex(name).execute();
  if (dialect === 'postgres') {
    // Their names are PostgreSQL's own (deals_<column>_fkey), read from the catalog rather than assumed.
    const keys = await sql<{ name: string }>`select conname as name from pg_constraint where conrelid = 'deals'::regclass and contype = 'f'`.execute(db);
    for (const { name } of keys.rows) await sql`alter table deals drop constraint ${sql.id(name)}`.execute(db);
    return;
  }
  await rebuildSqliteDeals(db, false);
}

export async function down(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // What the keys' actions would have done had they been there: a deal of a workspace that is gone goes with it, an
  // owner or import that is gone leaves the column empty. Otherwise the keys could not be added back.
  await sql`delete from deals where workspace_id not in (select id from workspaces)`.execute(db);
  await sql`update deals set owner_member_id = null where owner_member_id is not null and owner_member_id not in (select id from members)`.execute(db);
  await sql`update deals set last_import_id = null where last_import_id is not null and last_import_id not in (select id from deal_imports)`.execute(db);
  if (dialect === 'postgres') {
    for (const [column, table, onDelete] of REFERENCES) {
      await sql`alter table deals add constraint ${sql.id(`deals_${column}_fkey`)} foreign key (${sql.id(column)}) references ${sql.id(table)} (id) on delete ${sql.raw(onDelete)}`.execute(db);
    }
  } else {
    await rebuildSqliteDeals(db, true);
  }
  for (const [name, lead] of DROPPED_INDEXES) {
    await db.schema.createIndex(name).on('deals').expression(sql`workspace_id, ${sql.ref(lead)}, coalesce(close_date, ''), id`).execute();
  }
}

/** Every column of deals as 2026-12-04T0900-deals made it, in its order; `withReferences` adds the foreign keys. */
function dealsTableSql(name: string, withReferences: boolean) {
  const ref = (column: string) => {
    const r = REFERENCES.find(([c]) => c === column);
    return withReferences && r ? ` references "${r[1]}" ("id") on delete ${r[2]}` : '';
  };
  return sql.raw(`create table "${name}" (
    "id" text primary key,
    "workspace_id" text not null${ref('workspace_id')},
    "external_id" text not null,
    "origin" text not null,
    "name" text not null,
    "stage" text not null,
    "status" text not null,
    "amount" integer,
    "currency" text,
    "close_date" text,
    "created_date" text,
    "owner_name" text,
    "owner_member_id" text${ref('owner_member_id')},
    "pipeline" text,
    "source" text,
    "marketing_sourced" integer default 0 not null,
    "win_reason" text,
    "loss_reason" text,
    "last_import_id" text${ref('last_import_id')},
    "created_at" text not null,
    "updated_at" text not null,
    constraint "deals_workspace_external" unique ("workspace_id", "external_id")
  )`);
}

async function rebuildSqliteDeals(db: Kysely<any>, withReferences: boolean): Promise<void> {
  const columns = (await sql<{ name: string }>`select name from pragma_table_info('deals') order by cid`.execute(db)).rows.map((r) => r.name);
  // A column added to deals after this migration was written would be lost by the copy: refuse rather than drop it.
  const expected = ['id', 'workspace_id', 'external_id', 'origin', 'name', 'stage', 'status', 'amount', 'currency', 'close_date', 'created_date', 'owner_name', 'owner_member_id', 'pipeline', 'source', 'marketing_sourced', 'win_reason', 'loss_reason', 'last_import_id', 'created_at', 'updated_at'];
  if (columns.join(',') !== expected.join(',')) throw new Error(`deals has the columns ${columns.join(', ')}; this migration rebuilds it with ${expected.join(', ')} only.`);
  // The indexes as they stand (the unique constraint's own index comes back with the table).
  const indexes = (await sql<{ sql: string }>`select sql from sqlite_master where type = 'index' and tbl_name = 'deals' and sql is not null`.execute(db)).rows;
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await db.transaction().execute(async (tx) => {
      await sql`${dealsTableSql('deals_rebuilt', withReferences)}`.execute(tx);
      const list = sql.raw(expected.map((c) => `"${c}"`).join(', '));
      await sql`insert into deals_rebuilt (${list}) select ${list} from deals`.execute(tx);
      await sql`drop table deals`.execute(tx);
      await sql`alter table deals_rebuilt rename to deals`.execute(tx);
      for (const index of indexes) await sql.raw(index.sql).execute(tx);
      // evidence and win_deals still name deals(id): every row they cite must be in the new table (and on the way
      // down, every deal's own references must hold).
      for (const table of ['evidence', 'win_deals', ...(withReferences ? ['deals'] : [])]) {
        const broken = (await sql<{ rowid: number }>`select rowid from pragma_foreign_key_check(${table})`.execute(tx)).rows;
        if (broken.length > 0) throw new Error(`Rebuilding deals left ${broken.length} rows of ${table} citing a row that is not there.`);
      }
    });
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
