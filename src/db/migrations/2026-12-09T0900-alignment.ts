// The alignment score (SPEC S6, issue 14; decision 057): each workspace's strategy weights (one row, absent until a
// leader changes them: equal weights), and the weekly history the score's job stores — one row per workspace and
// week, unique, so a rerun or a second instance writes nothing twice.
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('alignment_weights')
    .addColumn('workspace_id', 'text', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('goals', 'integer', (c) => c.notNull())
    .addColumn('checkins', 'integer', (c) => c.notNull())
    .addColumn('messaging', 'integer', (c) => c.notNull())
    .addColumn('shadowing', 'integer', (c) => c.notNull())
    .addColumn('wins', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('alignment_scores')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('week_start', 'text', (c) => c.notNull())
    .addColumn('score', 'integer')
    .addColumn('goals', 'integer')
    .addColumn('checkins', 'integer')
    .addColumn('messaging', 'integer')
    .addColumn('shadowing', 'integer')
    .addColumn('wins', 'integer')
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('alignment_scores_week', ['workspace_id', 'week_start'])
    .execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropTable('alignment_scores').execute();
  await db.schema.dropTable('alignment_weights').execute();
}
