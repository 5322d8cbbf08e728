// Deals from CRM exports (SPEC S7, issue 11): the deals, the workspace's marketing-source rule, import batches with
// their per-row errors, remembered owner mappings and saved column mappings.
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // Cents: a single enterprise deal passes 2^31 cents ($21M), so bigint on PostgreSQL (SQLite integers are 64-bit).
  const money = dialect === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('deal_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('mapping', 'text')
    .addColumn('mode', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('bytes_total', money)
    .addColumn('bytes_done', money, (c) => c.notNull().defaultTo(0))
    .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_valid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_invalid', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_inserted', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_updated', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('error', 'text')
    .addColumn('created_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    // What the engine found reading the file (decision 038): its headers (JSON string[]), how its bytes were
    // decoded, its delimiter, the date order chosen ('auto' | 'mdy' | 'dmy') and the one it resolved to, the
    // owners no member matched (JSON {name, rows}[]), and the rows a re-import left as they were.
    .addColumn('headers', 'text')
    .addColumn('encoding', 'text')
    .addColumn('delimiter', 'text')
    .addColumn('date_format', 'text', (c) => c.defaultTo('auto'))
    .addColumn('date_order', 'text')
    .addColumn('unmatched_owners', 'text')
    .addColumn('rows_unchanged', 'integer', (c) => c.defaultTo(0))
    .execute();
  await db.schema.createIndex('deal_imports_workspace').on('deal_imports').columns(['workspace_id', 'created_at', 'id']).execute();
  // The sweep for imports a restart interrupted reads by status.
  await db.schema.createIndex('deal_imports_status').on('deal_imports').columns(['status', 'updated_at']).execute();

  await db.schema
    .createTable('deal_import_errors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('import_id', 'text', (c) => c.notNull().references('deal_imports.id').onDelete('cascade'))
    .addColumn('row_number', 'integer', (c) => c.notNull())
    .addColumn('column_name', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('deal_import_errors_import').on('deal_import_errors').columns(['import_id', 'row_number']).execute();

  await db.schema
    .createTable('deals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('amount', money)
    .addColumn('currency', 'text')
    .addColumn('close_date', 'text')
    .addColumn('created_date', 'text')
    .addColumn('owner_name', 'text')
    .addColumn('owner_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('pipeline', 'text')
    .addColumn('source', 'text')
    .addColumn('marketing_sourced', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('win_reason', 'text')
    .addColumn('loss_reason', 'text')
    .addColumn('last_import_id', 'text', (c) => c.references('deal_imports.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deals_workspace_external', ['workspace_id', 'external_id'])
    .execute();
  await db.schema.createIndex('deals_workspace_close').on('deals').columns(['workspace_id', 'close_date', 'id']).execute();
  await db.schema.createIndex('deals_workspace_created').on('deals').columns(['workspace_id', 'created_date', 'id']).execute();
  await db.schema.createIndex('deals_workspace_owner').on('deals').columns(['workspace_id', 'owner_member_id']).execute();

  await db.schema
    .createTable('deal_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('marketing_sources', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deal_owner_mappings')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('owner_key', 'text', (c) => c.notNull())
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deal_owner_mappings_pk', ['workspace_id', 'owner_key'])
    .execute();

  await db.schema
    .createTable('deal_column_presets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deal_column_presets_name', ['workspace_id', 'name'])
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  for (const t of ['deal_column_presets', 'deal_owner_mappings', 'deal_settings', 'deals', 'deal_import_errors', 'deal_imports']) {
    await db.schema.dropTable(t).execute();
  }
}
