// Shadow days (SPEC S4, issue 15): a program per fiscal quarter (unique per workspace and quarter, so two leaders
// opening the same quarter at once make one), its participants (opted out with a reason, a capacity as host),
// the dates a participant cannot host, the pairs (one per guest and program) with their cost in words, the date
// proposals answered by the other person, the guests' reflections, and the workspace's function affinity table.
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .createTable('shadow_programs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('quarter_key', 'text', (c) => c.notNull())
    .addColumn('quarter_label', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text', (c) => c.notNull())
    .addColumn('generated_at', 'text')
    // Set while a pairing runs: a second generate at the same moment is refused (409), not run twice.
    .addColumn('generating_until', 'text')
    .addColumn('unplaced', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('shadow_programs_quarter', ['workspace_id', 'quarter_key'])
    .execute();

  await db.schema
    .createTable('shadow_participants')
    .addColumn('program_id', 'text', (c) => c.notNull().references('shadow_programs.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('team', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('opted_out_reason', 'text')
    .addColumn('opted_out_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shadow_participants_pk', ['program_id', 'member_id'])
    .execute();
  await db.schema.createIndex('shadow_participants_member').on('shadow_participants').columns(['workspace_id', 'member_id']).execute();

  await db.schema
    .createTable('shadow_unavailable_dates')
    .addColumn('program_id', 'text', (c) => c.notNull().references('shadow_programs.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('member_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('shadow_unavailable_dates_pk', ['program_id', 'member_id', 'date'])
    .execute();

  await db.schema
    .createTable('shadow_pairs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('program_id', 'text', (c) => c.notNull().references('shadow_programs.id').onDelete('cascade'))
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('guest_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('host_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('pinned', 'integer', (c) => c.notNull())
    .addColumn('cost', 'integer', (c) => c.notNull())
    .addColumn('cost_reasons', 'text', (c) => c.notNull())
    .addColumn('date', 'text')
    // RFC 5545 SEQUENCE of the invite and the feed event: bumped on every new date.
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('reminder_sent_for', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('shadow_pairs_guest', ['program_id', 'guest_id'])
    .execute();
  await db.schema.createIndex('shadow_pairs_date').on('shadow_pairs').columns(['workspace_id', 'date']).execute();
  await db.schema.createIndex('shadow_pairs_host').on('shadow_pairs').columns(['workspace_id', 'host_id']).execute();

  await db.schema
    .createTable('shadow_date_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('pair_id', 'text', (c) => c.notNull().references('shadow_pairs.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('proposed_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('proposed_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('answered_by', 'text', (c) => c.references('members.id').onDelete('set null'))
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema.createIndex('shadow_date_proposals_pair').on('shadow_date_proposals').columns(['pair_id', 'status']).execute();

  await db.schema
    .createTable('shadow_reflections')
    .addColumn('pair_id', 'text', (c) => c.primaryKey().references('shadow_pairs.id').onDelete('cascade'))
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('guest_id', 'text', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('surprised', 'text', (c) => c.notNull())
    .addColumn('misconception', 'text', (c) => c.notNull())
    .addColumn('idea', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('written_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shadow_reflections_written').on('shadow_reflections').columns(['workspace_id', 'written_at']).execute();

  await db.schema
    .createTable('shadow_affinity_rules')
    .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('sales_function', 'text', (c) => c.notNull())
    .addColumn('marketing_function', 'text', (c) => c.notNull())
    .addColumn('bonus', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('shadow_affinity_rules_pk', ['workspace_id', 'sales_function', 'marketing_function'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['shadow_affinity_rules', 'shadow_reflections', 'shadow_date_proposals', 'shadow_pairs', 'shadow_unavailable_dates', 'shadow_participants', 'shadow_programs']) {
    await db.schema.dropTable(t).execute();
  }
}
