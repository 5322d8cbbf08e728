// The pain index's per-use look (decision 043, 045): every analysis asks how many evidence entries a workspace has
// and the latest `updated_at` among them. Without this index the database reads every entry's row for it — on the
// large demo workspace (50,000 entries) 150 ms on SQLite; with it the answer comes from the index alone (~9 ms).
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.createIndex('evidence_workspace_updated').on('evidence').columns(['workspace_id', 'updated_at']).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex('evidence_workspace_updated').execute();
}
