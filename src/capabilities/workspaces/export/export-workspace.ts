// The full workspace export (SPEC S7 "a full workspace JSON export"; docs/decisions/037): one JSON document of the
// workspace row, every exported table's rows (workspace-tables.ts) and the people behind the members (their name
// and email, never an account's id, password or sessions), written as it is read, a batch of rows at a time.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';
import { workspaceTables, type TableInfo } from './workspace-tables.js';

export const EXPORT_FORMAT = 'lockstep.workspace-export';
export const EXPORT_VERSION = 1;
const BATCH = 500;

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/** One table's rows, a batch at a time: by id where it has one, else whole (its rows are few: settings, mappings). */
async function* rowsOf(k: AnyDb, table: TableInfo, workspaceId: string): AsyncGenerator<Array<Record<string, unknown>>> {
  if (!table.hasId) {
    const cols = table.columns.map((c) => sql.ref(c.name));
    yield await k.selectFrom(table.name).selectAll().where('workspace_id', '=', workspaceId).orderBy(sql.join(cols)).execute();
    return;
  }
  let after: string | null = null;
  for (;;) {
    let q = k.selectFrom(table.name).selectAll().where('workspace_id', '=', workspaceId);
    if (after !== null) q = q.where('id', '>', after);
    const rows = await q.orderBy('id').limit(BATCH).execute();
    if (rows.length === 0) return;
    yield rows;
    after = String(rows[rows.length - 1]!.id);
    if (rows.length < BATCH) return;
  }
}

/**
 * The document, as JSON text in pieces. Tables are read one after another without one long transaction (on SQLite
 * that would hold every other request); they are read children first and referenced tables last, so a row added
 * while the export runs finds what it refers to in the document.
 */
export async function* exportWorkspace(db: Database, workspaceId: string, meta: { instance: string; exportedAt: string }): AsyncGenerator<string> {
  const k = db.kysely as unknown as AnyDb;
  const tables = await workspaceTables(db);
  const workspace = await k.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirstOrThrow();
  yield `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(meta.exportedAt)},"instance":${JSON.stringify(meta.instance)},`;
  yield `"workspace":${JSON.stringify(workspace)},"tables":{`;
  for (const [i, table] of [...tables].reverse().entries()) {
    yield `${i > 0 ? ',' : ''}${JSON.stringify(table.name)}:[`;
    let first = true;
    for await (const rows of rowsOf(k, table, workspaceId)) {
      if (rows.length === 0) continue;
      yield `${first ? '' : ','}${rows.map((r) => JSON.stringify(r)).join(',')}`;
      first = false;
    }
    yield ']';
  }
  // Who the members are, in the words a person recognises: what an admin would type to add them again.
  const people = await db.kysely
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.id as member', 'users.email', 'users.name', 'members.invited_name', 'members.joined_at'])
    .where('members.workspace_id', '=', workspaceId)
    .orderBy('members.id')
    .execute();
  yield `},"people":${JSON.stringify(people.map((p) => ({ member: p.member, email: p.email, name: p.joined_at ? p.name : (p.invited_name ?? p.name) })))}}`;
}
