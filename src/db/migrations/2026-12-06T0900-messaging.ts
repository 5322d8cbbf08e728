// Pain-based messaging (SPEC S3, issue 12): pains, sales evidence, marketing pieces, their reviews and comments,
// and each piece version's matched pains (stored at save: coverage reads rows, not analyses).
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const money = dialect === 'postgres' ? 'bigint' : 'integer';
  const real = dialect === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('pains')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('persona', 'text', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('severity', 'integer', (c) => c.notNull())
    .addColumn('emotion', 'text', (c) => c.notNull())
    .addColumn('synonyms', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();
  await db.schema.createIndex('pains_workspace').on('pains').columns(['workspace_id', 'status', 'statement', 'id']).execute();

  await db.schema
    .createTable('evidence')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('pain_id', 'text', (c) => c.references('pains.id').onDelete('set null'))
    .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('deal_id', 'text', (c) => c.references('deals.id').onDelete('set null'))
    .addColumn('deal_external_id', 'text')
    .addColumn('amount', money)
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('evidence_workspace_date').on('evidence').columns(['workspace_id', 'date', 'id']).execute();
  await db.schema.createIndex('evidence_pain_date').on('evidence').columns(['workspace_id', 'pain_id', 'date']).execute();
  await db.schema.createIndex('evidence_deal').on('evidence').columns(['deal_id']).execute();

  await db.schema
    .createTable('pieces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('saved_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('band', 'text')
    .addColumn('analyzed_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('override_reason', 'text')
    .addColumn('override_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('override_at', 'text')
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pieces_workspace_updated').on('pieces').columns(['workspace_id', 'updated_at', 'id']).execute();
  await db.schema.createIndex('pieces_workspace_status').on('pieces').columns(['workspace_id', 'status', 'updated_at', 'id']).execute();

  await db.schema
    .createTable('piece_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('piece_id', 'text', (c) => c.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('reviewer_member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('requested_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('decided_at', 'text')
    .addUniqueConstraint('piece_reviews_one_per_version', ['piece_id', 'reviewer_member_id', 'version'])
    .execute();
  await db.schema.createIndex('piece_reviews_reviewer').on('piece_reviews').columns(['workspace_id', 'reviewer_member_id', 'decision']).execute();

  await db.schema
    .createTable('piece_comments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('piece_id', 'text', (c) => c.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('review_id', 'text', (c) => c.references('piece_reviews.id').onDelete('set null'))
    .addColumn('member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('sentence_index', 'integer')
    .addColumn('sentence_text', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('piece_comments_piece').on('piece_comments').columns(['piece_id', 'created_at']).execute();

  await db.schema
    .createTable('piece_pain_matches')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('piece_id', 'text', (c) => c.notNull().references('pieces.id').onDelete('cascade'))
    .addColumn('pain_id', 'text', (c) => c.notNull().references('pains.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('similarity', real, (c) => c.notNull())
    .addPrimaryKeyConstraint('piece_pain_matches_pk', ['piece_id', 'pain_id'])
    .execute();
  await db.schema.createIndex('piece_pain_matches_pain').on('piece_pain_matches').columns(['workspace_id', 'pain_id']).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  for (const t of ['piece_pain_matches', 'piece_comments', 'piece_reviews', 'pieces', 'evidence', 'pains']) await db.schema.dropTable(t).execute();
}
