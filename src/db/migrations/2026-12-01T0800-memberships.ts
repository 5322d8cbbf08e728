// Memberships are consented to (issue #7, SPEC S0): a member row added by an admin stays "invited" until the
// person accepts it while signed in, or sets their first password through their own first workspace's link.
// users.setup_workspace_id names that workspace; users.last_workspace_id is where the person lands at sign-in.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.alterTable('users').addColumn('setup_workspace_id', 'text').execute();
  await db.schema.alterTable('users').addColumn('last_workspace_id', 'text').execute();
  await db.schema.alterTable('members').addColumn('joined_at', 'text').execute();
  await db.schema.alterTable('members').addColumn('invited_name', 'text').execute();

  // Until now a person without a password was added by an admin: the workspace that added them first is
  // the one whose link may set their password. Everyone with a password has joined their workspaces.
  await sql`update users set setup_workspace_id = (
      select m.workspace_id from members m where m.user_id = users.id order by m.created_at, m.id limit 1)
    where password_hash is null`.execute(db);
  await sql`update members set joined_at = created_at
    where user_id in (select id from users where password_hash is not null)`.execute(db);
  await sql`update members set invited_name = (select u.name from users u where u.id = members.user_id)
    where joined_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('members').dropColumn('invited_name').execute();
  await db.schema.alterTable('members').dropColumn('joined_at').execute();
  await db.schema.alterTable('users').dropColumn('last_workspace_id').execute();
  await db.schema.alterTable('users').dropColumn('setup_workspace_id').execute();
}
