// How much data a measured workspace holds, for the growth figure: its rows in every table that has a
// workspace_id column (members, KPI values, meetings, …), counted in the run's own database. Counting the
// catalog's tables, not a fixed list, keeps the figure true as later rooms add their demo data.
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { ServerDatabase } from './built-server.js';

export async function workspaceRows(database: ServerDatabase, workspaceId: string): Promise<number> {
  if ('SQLITE_PATH' in database.env) {
    const db = new SqliteDatabase(database.env.SQLITE_PATH, { readonly: true, fileMustExist: true });
    try {
      const tables = (db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).filter(({ name }) =>
        (db.prepare(`select name from pragma_table_info(?)`).all(name) as Array<{ name: string }>).some((c) => c.name === 'workspace_id'),
      );
      return tables.reduce((n, { name }) => n + (db.prepare(`select count(*) as n from "${name}" where workspace_id = ?`).get(workspaceId) as { n: number }).n, 0);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      `select c.table_name from information_schema.columns c
       join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
       where c.table_schema = current_schema() and c.column_name = 'workspace_id' and t.table_type = 'BASE TABLE'`,
    );
    let n = 0;
    for (const { table_name } of tables.rows) n += Number((await client.query<{ n: string }>(`select count(*) as n from "${table_name}" where workspace_id = $1`, [workspaceId])).rows[0]?.n ?? 0);
    return n;
  } finally {
    await client.end();
  }
}
