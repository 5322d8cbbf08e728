// Onboarding (issue 10): who acted on a team's behalf (SPEC S0 "published by Dana for Sales"), on the audit log
// and on a publication, and when a member put away the Getting started checklist (its steps are never stored:
// they are read from the rooms' real state each time).
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('on_behalf_of', 'text').execute();
  await db.schema.alterTable('publications').addColumn('on_behalf_of', 'text').execute();
  await db.schema.alterTable('members').addColumn('getting_started_dismissed_at', 'text').execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('members').dropColumn('getting_started_dismissed_at').execute();
  await db.schema.alterTable('publications').dropColumn('on_behalf_of').execute();
  await db.schema.alterTable('audit_log').dropColumn('on_behalf_of').execute();
}
