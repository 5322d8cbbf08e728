// Bulk inserts that both databases take: multi-row INSERTs of at most `size` rows each, so one statement stays
// well under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters.
import type { InsertObject } from 'kysely';
import type { Db } from './database.js';
import type { DatabaseSchema } from './schema/index.js';

/** `rows` cut into runs of at most `size`. */
export function inChunks<T>(rows: readonly T[], size = 300): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

export async function insertInChunks<T extends keyof DatabaseSchema & string>(db: Db, table: T, rows: ReadonlyArray<InsertObject<DatabaseSchema, T>>, size = 300): Promise<void> {
  for (const part of inChunks(rows, size)) await db.insertInto(table).values(part).execute();
}
