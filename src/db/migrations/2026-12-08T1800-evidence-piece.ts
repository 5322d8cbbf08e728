// Sales evidence names the marketing piece that helped (issue 13 "a published piece that sales later cites in
// evidence"; decision 056): `evidence.piece_id`, optional, set null when the piece is deleted. The index serves the
// piece's "cited by sales" answer and the wins job's look for cited pieces.
import type { Kysely } from 'kysely';
import type { Dialect } from '../dialect.js';

export async function up(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema
    .alterTable('evidence')
    .addColumn('piece_id', 'text', (c) => c.references('pieces.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('evidence_piece_date').on('evidence').columns(['piece_id', 'date']).execute();
}

export async function down(db: Kysely<any>, _dialect: Dialect): Promise<void> {
  await db.schema.dropIndex('evidence_piece_date').execute();
  await db.schema.alterTable('evidence').dropColumn('piece_id').execute();
}
