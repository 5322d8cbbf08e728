// Which tables a workspace export holds, found from the database itself (docs/decisions/037): every table with a
// `workspace_id` column, less the ones that hold secrets or machinery. A room that adds a table later is exported
// and imported without this file changing; a table that holds a secret must be added to EXCLUDED here.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../db/database.js';

/** Tables with a workspace_id that are never exported, and why (the OpenAPI description lists them too). */
export const EXCLUDED: Readonly<Record<string, string>> = {
  sessions: 'sign-in sessions (secrets)',
  api_tokens: 'API token hashes (secrets)',
  calendar_feeds: 'calendar feed secrets',
  invites: 'invite link tokens (secrets); the import makes new invitations',
  webhook_secrets: 'the webhook signing secret',
  webhook_replays: 'webhook signatures seen (machinery)',
  outbox: 'messages waiting to be sent (machinery)',
  channels: 'outbound channel settings (sealed webhook URLs and SMTP passwords): enter them again after an import',
};
/** Kept out because they hold no workspace_id, named for the record: users (password hashes), rate limits, read versions, job runs. */
export const NOT_WORKSPACE_DATA = ['users', 'rate_limits', 'read_versions', 'job_runs'] as const;

/**
 * Columns that reference a row by id without a foreign key, which the schema cannot tell: table → column → the table
 * it references. Deals have no foreign keys (decision 059: they cost more than the whole bulk load of an import, and
 * nothing deletes what they point at), so their owner and last import are declared here to be remapped like the rest.
 */
export const DECLARED_REFERENCES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  deals: { workspace_id: 'workspaces', owner_member_id: 'members', last_import_id: 'deal_imports' },
};

export interface ColumnInfo {
  name: string;
  /** integer · real · text, as both dialects store the product's types. */
  kind: 'integer' | 'real' | 'text';
  nullable: boolean;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  /** column → the table it references by id (workspace_id and user_id included). */
  references: Record<string, string>;
  hasId: boolean;
}

function kindOf(dataType: string): ColumnInfo['kind'] {
  const t = dataType.toLowerCase();
  if (/int/.test(t)) return 'integer';
  if (/real|double|float|numeric|decimal/.test(t)) return 'real';
  return 'text';
}

let cached: Promise<TableInfo[]> | null = null;
let cachedFor: Database | null = null;

/** The exported tables, each with its columns and references, in an order where every table comes after those it references. */
export function workspaceTables(db: Database): Promise<TableInfo[]> {
  if (cachedFor !== db || !cached) {
    cachedFor = db;
    cached = readTables(db);
  }
  return cached;
}

async function readTables(db: Database): Promise<TableInfo[]> {
  const k = db.kysely as unknown as Kysely<Record<string, Record<string, unknown>>>;
  const schema = db.dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(k)).rows[0]?.s : undefined;
  const all = (await k.introspection.getTables()).filter((t) => !t.isView && (schema === undefined || t.schema === schema));
  const tables: TableInfo[] = [];
  for (const t of all) {
    if (!t.columns.some((c) => c.name === 'workspace_id') || t.name in EXCLUDED) continue;
    tables.push({
      name: t.name,
      columns: t.columns.map((c) => ({ name: c.name, kind: kindOf(c.dataType), nullable: c.isNullable })),
      references: await referencesOf(db, k, t.name, schema),
      hasId: t.columns.some((c) => c.name === 'id'),
    });
  }
  return inDependencyOrder(tables);
}

async function referencesOf(db: Database, k: Kysely<Record<string, Record<string, unknown>>>, table: string, schema: string | undefined): Promise<Record<string, string>> {
  const rows =
    db.dialect === 'sqlite'
      ? (await sql<{ from: string; table: string }>`select "from", "table" from pragma_foreign_key_list(${table})`.execute(k)).rows
      : (
          await sql<{ from: string; table: string }>`
            select kcu.column_name as "from", ccu.table_name as "table"
            from information_schema.table_constraints tc
            join information_schema.key_column_usage kcu on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
            join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
            where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = ${schema ?? 'public'} and tc.table_name = ${table}`.execute(k)
        ).rows;
  return { ...DECLARED_REFERENCES[table], ...Object.fromEntries(rows.map((r) => [r.from, r.table])) };
}

/** Referenced tables first; a reference to itself (a member's manager) or a cycle is filled in after the rows are in. */
function inDependencyOrder(tables: TableInfo[]): TableInfo[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  const visit = (t: TableInfo, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const ref of Object.values(t.references)) {
      const dep = byName.get(ref);
      if (dep && dep !== t) visit(dep, path);
    }
    path.delete(t.name);
    done.add(t.name);
    out.push(t);
  };
  for (const t of [...tables].sort((a, b) => a.name.localeCompare(b.name))) visit(t, new Set());
  return out;
}
