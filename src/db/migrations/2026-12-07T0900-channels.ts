// Outbound channels (SPEC S5/S7 "Outbound", issue 13): a workspace's Slack and Teams incoming webhooks and SMTP
// servers, their settings encrypted at rest (docs/decisions/049), and the outbox rows they send (decision 050).
// The outbox gains an idempotency key (unique per workspace: announcing an event twice writes one row) and the
// channel a row goes out through (deleting the channel deletes what it had not sent).
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('channels')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    // AES-256-GCM of the JSON settings (webhook URL, or SMTP host, port, user, password, from): src/server/secrets.ts.
    .addColumn('config_encrypted', 'text', (c) => c.notNull())
    // What settings show instead of the secret ("hooks.slack.com/…/a1B2").
    .addColumn('config_hint', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('last_error_at', 'text')
    .addColumn('last_sent_at', 'text')
    .addColumn('created_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('channels_workspace_name').on('channels').columns(['workspace_id', 'name']).unique().execute();

  await db.schema.alterTable('outbox').addColumn('idempotency_key', 'text').execute();
  await db.schema
    .alterTable('outbox')
    .addColumn('channel_id', 'text', (c) => c.references('channels.id').onDelete('cascade'))
    .execute();
  // NULL keys (the generic webhook rows written before) never collide: both dialects let NULLs repeat.
  await db.schema.createIndex('outbox_idempotency').on('outbox').columns(['workspace_id', 'idempotency_key']).unique().execute();
  await db.schema.createIndex('outbox_channel').on('outbox').columns(['channel_id', 'created_at']).execute();
  await db.schema.createIndex('outbox_workspace_created').on('outbox').columns(['workspace_id', 'created_at', 'id']).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex('outbox_workspace_created').execute();
  await db.schema.dropIndex('outbox_channel').execute();
  await db.schema.dropIndex('outbox_idempotency').execute();
  await db.schema.alterTable('outbox').dropColumn('channel_id').execute();
  await db.schema.alterTable('outbox').dropColumn('idempotency_key').execute();
  await db.schema.dropTable('channels').execute();
}
