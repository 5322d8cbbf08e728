// The change feed (docs/decisions/030), PostgreSQL only: triggers that NOTIFY every instance of each read-version
// bump and of every change to what a request's credentials resolve to (sessions, API tokens, members), so an
// instance may keep credentials and versions in memory and still hear at once about a change made anywhere —
// another instance, a job, the CLI, or SQL typed by hand. Each payload starts with the schema, since
// notifications are per database. SQLite runs in one process's reach and has no such feed: nothing to do there.
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  await sql`
    create or replace function lockstep_notify_version() returns trigger language plpgsql as $$
    begin
      perform pg_notify('lockstep_changes', current_schema() || ' v ' || new.scope || ' ' || new.version);
      return null;
    end $$`.execute(db);
  await sql`
    create or replace function lockstep_notify_credentials() returns trigger language plpgsql as $$
    begin
      perform pg_notify('lockstep_changes', current_schema() || ' c');
      return null;
    end $$`.execute(db);
  await sql`create trigger read_versions_notify after insert or update on read_versions for each row execute function lockstep_notify_version()`.execute(db);
  // Only the columns credentials are resolved from: the sliding last_seen_at / last_used_at writes stay quiet.
  await sql`create trigger sessions_notify after update of user_id, workspace_id, expires_at or delete on sessions for each statement execute function lockstep_notify_credentials()`.execute(db);
  await sql`create trigger api_tokens_notify after update of token_hash, member_id, workspace_id, revoked_at or delete on api_tokens for each statement execute function lockstep_notify_credentials()`.execute(db);
  await sql`create trigger members_notify after insert or update or delete on members for each statement execute function lockstep_notify_credentials()`.execute(db);
}

export async function down(db: Kysely<any>, dialect: Dialect): Promise<void> {
  if (dialect !== 'postgres') return;
  for (const [trigger, table] of [['members_notify', 'members'], ['api_tokens_notify', 'api_tokens'], ['sessions_notify', 'sessions'], ['read_versions_notify', 'read_versions']] as const) {
    await sql`drop trigger if exists ${sql.raw(trigger)} on ${sql.raw(table)}`.execute(db);
  }
  await sql`drop function if exists lockstep_notify_credentials()`.execute(db);
  await sql`drop function if exists lockstep_notify_version()`.execute(db);
}
