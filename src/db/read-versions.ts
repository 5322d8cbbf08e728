// The read cache's counters (docs/decisions/025): one per workspace, and ALL_WORKSPACES for changes that may
// touch any workspace (a person joining through a link, a job, a CLI command). In the database, so a write
// on one instance invalidates what every other instance has cached.
import { sql } from 'kysely';
import type { Db } from './database.js';

export const ALL_WORKSPACES = '*';

/** The counters a cached read is checked against; 0 until the first change. */
export interface ReadVersions {
  workspace: number;
  all: number;
}

/**
 * Counts one change in each scope. Runs after the change has committed (never inside its transaction: the
 * counter row would then be held until commit, and every write in the workspace would queue on it).
 */
export async function bumpReadVersions(db: Db, scopes: readonly string[]): Promise<Array<{ scope: string; version: number }>> {
  const bumped: Array<{ scope: string; version: number }> = [];
  for (const scope of new Set(scopes)) {
    const row = await db
      .insertInto('read_versions')
      .values({ scope, version: 1 })
      .onConflict((oc) => oc.column('scope').doUpdateSet({ version: sql<number>`read_versions.version + 1` }))
      .returning(['scope', 'version'])
      .executeTakeFirstOrThrow();
    bumped.push({ scope: row.scope, version: Number(row.version) });
  }
  return bumped;
}
