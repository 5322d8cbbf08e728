// Inbound webhooks (SPEC S7, issue 11): a workspace's signing secret, and the signatures already accepted inside
// the replay window, so a replay is refused on every instance and after a restart (docs/decisions/031).
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('webhook_secrets')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    // The secret itself: an HMAC is checked with it, so a hash would not do (unlike API tokens).
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('webhook_replays')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // The hex HMAC of an accepted request: the same signature again is a replay.
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('webhook_replays_pk', ['workspace_id', 'signature'])
    .execute();
  await db.schema.createIndex('webhook_replays_expiry').on('webhook_replays').columns(['workspace_id', 'expires_at']).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('webhook_replays').execute();
  await db.schema.dropTable('webhook_secrets').execute();
}
