// Indexes in the order each paged list reads (docs/decisions/023-pagination.md): the workspace (and the list's
// filter), then the sort keys, then the unique tiebreaker, so a page is a range read of the index that stops
// after `limit` rows however long the list grows. Each replaces an index that was its prefix.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex('audit_log_workspace_at').execute();
  await db.schema.createIndex('audit_log_workspace_at_id').on('audit_log').columns(['workspace_id', 'at', 'id']).execute();

  await db.schema.dropIndex('notifications_member').execute();
  await db.schema.createIndex('notifications_member_created_id').on('notifications').columns(['workspace_id', 'member_id', 'created_at', 'id']).execute();

  await db.schema.dropIndex('invites_workspace').execute();
  await db.schema.createIndex('invites_workspace_created_id').on('invites').columns(['workspace_id', 'created_at', 'id']).execute();

  await db.schema.dropIndex('api_tokens_workspace').execute();
  await db.schema.createIndex('api_tokens_workspace_created_id').on('api_tokens').columns(['workspace_id', 'created_at', 'id']).execute();

  await db.schema.createIndex('publications_workspace_published_id').on('publications').columns(['workspace_id', 'published_at', 'id']).execute();

  // Everyone's action items by status (the agenda reads the open ones) and of every status, and one person's
  // (the Check-ins page and the to-dos ask for "mine").
  await db.schema.dropIndex('action_items_open').execute();
  await db.schema.createIndex('action_items_status_due').on('action_items').columns(['workspace_id', 'status', 'due_date', 'created_at', 'id']).execute();
  await db.schema.createIndex('action_items_workspace_due').on('action_items').columns(['workspace_id', 'due_date', 'created_at', 'id']).execute();
  await db.schema.createIndex('action_items_owner_due').on('action_items').columns(['owner_member_id', 'status', 'due_date', 'created_at', 'id']).execute();

  // The KPI list's order: team, the top three first (an unranked KPI sorts as 99), name, id.
  await db.schema.createIndex('kpis_list_order').on('kpis').expression(sql`workspace_id, team, coalesce(rank, 99), name, id`).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  for (const name of ['kpis_list_order', 'action_items_owner_due', 'action_items_workspace_due', 'action_items_status_due', 'publications_workspace_published_id', 'api_tokens_workspace_created_id', 'invites_workspace_created_id', 'notifications_member_created_id', 'audit_log_workspace_at_id']) {
    await db.schema.dropIndex(name).execute();
  }
  await db.schema.createIndex('action_items_open').on('action_items').columns(['workspace_id', 'status', 'due_date']).execute();
  await db.schema.createIndex('api_tokens_workspace').on('api_tokens').column('workspace_id').execute();
  await db.schema.createIndex('invites_workspace').on('invites').column('workspace_id').execute();
  await db.schema.createIndex('notifications_member').on('notifications').columns(['workspace_id', 'member_id', 'created_at']).execute();
  await db.schema.createIndex('audit_log_workspace_at').on('audit_log').columns(['workspace_id', 'at']).execute();
}
