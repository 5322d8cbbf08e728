// Published goals (SPEC S1): KPIs, their values, publications of each team's top three, expectations, awareness quiz.
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  // Measured values are real numbers in the KPI's unit (money in cents, percent as 0–100).
  const real = dialect === 'postgres' ? 'double precision' : 'real';

  await db.schema
    .createTable('kpi_kinds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('kpi_kinds_workspace_key', ['workspace_id', 'key'])
    .execute();

  await db.schema
    .createTable('kpis')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('measurement', 'text', (c) => c.notNull())
    .addColumn('data_source', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('target', real)
    .addColumn('baseline', real)
    .addColumn('owner_member_id', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('compensated', 'integer', (c) => c.notNull())
    .addColumn('comp_weight', 'integer', (c) => c.notNull())
    .addColumn('rank', 'integer')
    .addColumn('shared', 'integer', (c) => c.notNull())
    .addColumn('shared_proposed_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('archived_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kpis_workspace_team').on('kpis').columns(['workspace_id', 'team']).execute();
  // A rank is held by one KPI of a team at a time; the database enforces it too.
  await db.schema
    .createIndex('kpis_team_rank')
    .on('kpis')
    .columns(['workspace_id', 'team', 'rank'])
    .unique()
    .where((eb) => eb('rank', 'is not', null))
    .execute();

  await db.schema
    .createTable('kpi_values')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('kpi_id', 'text', (c) => c.notNull().references('kpis.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('value', real, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('kpi_values_kpi_date', ['kpi_id', 'date'])
    .execute();
  await db.schema.createIndex('kpi_values_workspace').on('kpi_values').columns(['workspace_id', 'kpi_id', 'date']).execute();

  await db.schema
    .createTable('publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('published_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('diff', 'text', (c) => c.notNull())
    .addUniqueConstraint('publications_team_number', ['workspace_id', 'team', 'number'])
    .execute();

  await db.schema
    .createTable('expectations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('about_team', 'text', (c) => c.notNull())
    .addColumn('rank', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('expectations_member').on('expectations').columns(['workspace_id', 'member_id']).execute();

  await db.schema
    .createTable('quiz_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('about_team', 'text', (c) => c.notNull())
    .addColumn('publication_id', 'text', (c) => c.references('publications.id').onDelete('set null'))
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addColumn('answered_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('quiz_answers_member').on('quiz_answers').columns(['workspace_id', 'member_id', 'answered_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['quiz_answers', 'expectations', 'publications', 'kpi_values', 'kpis', 'kpi_kinds']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
