// Many schemas in one PostgreSQL database (the API tests give each file its own, and drop it at its end): one
// instance's start never depends on another's schema. Kysely's own introspector read every schema's tables, by
// name, so a schema dropped during that read failed the migrator with 'schema "…" does not exist' — the race seen
// when the API test files ran two at a time. PostgreSQL only; the SQLite run has nothing to share.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database, dropPostgresSchema } from '../../src/db/database.js';

const onPostgres = process.env.LOCKSTEP_TEST_DB === 'postgres';
const url = process.env.LOCKSTEP_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const suffix = randomBytes(6).toString('hex');
const own = `t_${suffix}`;
const other = `t_${suffix}_other`;

describe.runIf(onPostgres)('an instance among other schemas in the same database', () => {
  let db: Database;
  let admin: pg.Client;
  beforeAll(async () => {
    db = await Database.open({ kind: 'postgres', url, schema: own });
    await db.migrate();
    admin = new pg.Client({ connectionString: url });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await db?.close();
    await dropPostgresSchema(url, other);
    await dropPostgresSchema(url, own);
  });

  // Tables named like ours, with serial columns: what Kysely's introspector resolved by name.
  const makeOther = () => admin.query(`create schema "${other}"; create table "${other}".members (id serial primary key); create table "${other}".kysely_migration (name text)`);

  it('introspects its own schema only', async () => {
    await makeOther();
    try {
      const tables = await db.kysely.introspection.getTables({ withInternalKyselyTables: true });
      expect(new Set(tables.map((t) => t.schema))).toEqual(new Set([own]));
      expect(tables.map((t) => t.name)).toContain('members');
      expect(tables.map((t) => t.name)).toContain('kysely_migration');
      expect(await db.kysely.introspection.getSchemas()).toEqual([{ name: own }]);
    } finally {
      await admin.query(`drop schema "${other}" cascade`);
    }
  });

  it('starts (migrates) while another schema is being dropped', async () => {
    // Before the fix about two starts in three failed here, each drop landing during the migrator's read.
    for (let i = 0; i < 20; i++) {
      await makeOther();
      const drop = new Promise((r) => setTimeout(r, i % 10)).then(() => admin.query(`drop schema "${other}" cascade`));
      const [applied] = await Promise.all([db.migrate(), drop]);
      expect(applied).toEqual([]);
    }
  });
});
