// `lockstep migrate`: applies the migrations this version has and the database lacks (SPEC S8).
import type { Database } from '../../db/database.js';
import { readConfig } from '../cli-error.js';
import { describeDatabase, withDatabase } from '../open-database.js';

export async function migrateCommand(): Promise<void> {
  const config = readConfig();
  const applied = await withDatabase(config, (db) => db.migrate());
  if (applied.length === 0) {
    console.log(`${describeDatabase(config)} is up to date: no migration to apply.`);
    return;
  }
  console.log(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} to ${describeDatabase(config)}:`);
  for (const name of applied) console.log(`  ${name}`);
}

/** Commands that write data migrate first, and say so only when there was something to apply. */
export async function migrateBeforeWriting(db: Database): Promise<void> {
  const applied = await db.migrate();
  if (applied.length > 0) console.log(`Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} first.`);
}
