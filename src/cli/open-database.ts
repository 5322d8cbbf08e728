// Opens the configured database for a one-shot command, and always closes it.
import { Database } from '../db/database.js';
import { ALL_WORKSPACES, bumpReadVersions } from '../db/read-versions.js';
import type { Config } from '../server/config.js';

export function describeDatabase(config: Config): string {
  if (config.database.kind === 'sqlite') return `SQLite (${config.database.path})`;
  return `PostgreSQL (${redactUrl(config.database.url)})`;
}

/** The URL without its password, for printing. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '****';
    return u.toString();
  } catch {
    return '(an unparseable DATABASE_URL)';
  }
}

export async function withDatabase<T>(config: Config, fn: (db: Database) => Promise<T>): Promise<T> {
  const db = await Database.open(config.database);
  try {
    const result = await fn(db);
    // A command may have written to any workspace while servers run: their cached reads are read again
    // (docs/decisions/025). A database not migrated yet has nothing cached.
    await bumpReadVersions(db.kysely, [ALL_WORKSPACES]).catch(() => undefined);
    return result;
  } finally {
    await db.close();
  }
}
