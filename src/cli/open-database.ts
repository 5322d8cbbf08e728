// Opens the configured database for a one-shot command, and always closes it.
import { Database } from '../db/database.js';
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
    return await fn(db);
  } finally {
    await db.close();
  }
}
