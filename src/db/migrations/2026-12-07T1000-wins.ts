// Celebrate wins (SPEC S5, issue 13): wins with the people credited (their team kept as it was when credited, so a
// win stays collaborative when someone changes team), reactions (one per win, member and emoji), kudos comments,
// the deals a win stands for, proposals gathered from the other rooms (unique per workspace and key, so gathering
// twice or on two instances proposes once), and the room's settings (the small-deal threshold).
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const money = dialect === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('wins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('won_on', 'text', (c) => c.notNull())
    .addColumn('collaborative', 'integer', (c) => c.notNull())
    .addColumn('has_sales', 'integer', (c) => c.notNull())
    .addColumn('has_marketing', 'integer', (c) => c.notNull())
    .addColumn('posted_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('source_kind', 'text')
    .addColumn('source_id', 'text')
    .addColumn('source_label', 'text')
    .addColumn('source_href', 'text')
    .addColumn('celebrated_at', 'text')
    .addColumn('celebrated_meeting_id', 'text', (c) => c.references('meetings.id').onDelete('set null'))
    .addColumn('celebrated_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // The feed's order (newest day first), and the summary's and signals' date ranges.
  await db.schema.createIndex('wins_feed').on('wins').columns(['workspace_id', 'won_on', 'created_at', 'id']).execute();

  await db.schema
    .createTable('win_credits')
    .addColumn('win_id', 'text', (c) => c.notNull().references('wins.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('win_credits_pk', ['win_id', 'member_id'])
    .execute();

  await db.schema
    .createTable('win_reactions')
    .addColumn('win_id', 'text', (c) => c.notNull().references('wins.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('emoji', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('win_reactions_pk', ['win_id', 'member_id', 'emoji'])
    .execute();

  await db.schema
    .createTable('win_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('win_id', 'text', (c) => c.notNull().references('wins.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('win_comments_win').on('win_comments').columns(['win_id', 'created_at', 'id']).execute();

  await db.schema
    .createTable('win_deals')
    .addColumn('win_id', 'text', (c) => c.notNull().references('wins.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('deal_id', 'text', (c) => c.notNull().references('deals.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('win_deals_pk', ['win_id', 'deal_id'])
    .execute();
  await db.schema.createIndex('win_deals_deal').on('win_deals').columns(['workspace_id', 'deal_id']).execute();

  await db.schema
    .createTable('win_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('story', 'text', (c) => c.notNull())
    .addColumn('won_on', 'text', (c) => c.notNull())
    .addColumn('credited_member_ids', 'text', (c) => c.notNull())
    .addColumn('amount_cents', money)
    .addColumn('deal_count', 'integer')
    .addColumn('deal_ids', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('source_label', 'text', (c) => c.notNull())
    .addColumn('source_href', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('win_id', 'text', (c) => c.references('wins.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('win_proposals_key', ['workspace_id', 'key'])
    .execute();
  await db.schema.createIndex('win_proposals_open').on('win_proposals').columns(['workspace_id', 'status', 'created_at', 'id']).execute();

  await db.schema
    .createTable('win_settings')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('small_deal_threshold_cents', money, (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  for (const t of ['win_settings', 'win_proposals', 'win_deals', 'win_comments', 'win_reactions', 'win_credits', 'wins']) await db.schema.dropTable(t).execute();
}
