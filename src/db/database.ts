// A small wrapper over Kysely: one object to open, migrate, run transactions with post-commit hooks,
// and close, over SQLite (better-sqlite3, WAL) or PostgreSQL (pg). Modelled on atproto's pds db.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, Migrator, SqliteDialect, sql, type Migration, type Transaction } from 'kysely';
import pg from 'pg';
import type { DatabaseConfig } from '../server/config.js';
import { AppError, isTransactionRace, SAME_MOMENT } from '../server/errors.js';
import type { Dialect } from './dialect.js';
import { migrations } from './migrations/index.js';
import { OwnSchemaPostgresDialect } from './own-schema-introspector.js';
import type { DatabaseSchema } from './schema/index.js';

export type Db = Kysely<DatabaseSchema>;
export type Tx = Transaction<DatabaseSchema>;
export type { Dialect };

// int8 (count(*), sums of integers) comes back from pg as a string; every number we store fits in 2^53.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export class Database {
  private constructor(
    readonly kysely: Db,
    readonly dialect: Dialect,
    /** The better-sqlite3 handle, for online backups; null on PostgreSQL. */
    readonly sqlite: SqliteDatabase.Database | null,
    private readonly onDestroy: () => Promise<void>,
    private readonly pgPool: pg.Pool | null = null,
  ) {}

  /**
   * Runs a compiled query that is run very often under one name: on PostgreSQL as a named prepared statement
   * (parsed and planned once per connection), on SQLite through the statement cache like every query.
   */
  async runNamed<Row>(name: string, query: { sql: string; parameters: readonly unknown[] }): Promise<Row[]> {
    if (this.pgPool) return (await this.pgPool.query<Row & pg.QueryResultRow>({ name, text: query.sql, values: [...query.parameters] })).rows;
    return (await this.kysely.executeQuery<Row>(CompiledQuery.raw(query.sql, [...query.parameters]))).rows;
  }

  static async open(config: DatabaseConfig): Promise<Database> {
    if (config.kind === 'sqlite') {
      if (config.path !== ':memory:') mkdirSync(dirname(config.path), { recursive: true });
      const handle = new SqliteDatabase(config.path);
      if (config.path !== ':memory:') handle.pragma('journal_mode = WAL');
      handle.pragma('foreign_keys = ON');
      handle.pragma('busy_timeout = 5000');
      handle.pragma('synchronous = NORMAL');
      const kysely = new Kysely<DatabaseSchema>({ dialect: new SqliteDialect({ database: reusingStatements(handle) }) });
      return new Database(kysely, 'sqlite', handle, async () => {});
    }
    const schema = config.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name: ${schema}`);
    if (schema) {
      const admin = new pg.Client({ connectionString: config.url });
      await admin.connect();
      try {
        await admin.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      } finally {
        await admin.end();
      }
    }
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      ...(schema ? { options: `-c search_path=${schema}` } : {}),
    });
    const kysely = new Kysely<DatabaseSchema>({ dialect: new OwnSchemaPostgresDialect({ pool }) });
    return new Database(kysely, 'postgres', null, async () => {}, pool);
  }

  /** Runs every migration not yet applied; throws (and applies nothing more) when one fails. */
  async migrate(): Promise<string[]> {
    const dialect = this.dialect;
    // Kysely looks for its migration tables in every schema; pin them to ours so other schemas in the
    // same PostgreSQL database (other test runs, other apps) cannot confuse it.
    const migrationTableSchema =
      dialect === 'postgres' ? (await sql<{ s: string }>`select current_schema() as s`.execute(this.kysely)).rows[0]?.s : undefined;
    const migrator = new Migrator({
      db: this.kysely,
      ...(migrationTableSchema ? { migrationTableSchema } : {}),
      provider: {
        async getMigrations() {
          const out: Record<string, Migration> = {};
          for (const [name, m] of Object.entries(migrations)) {
            out[name] = {
              up: (db) => m.up(db, dialect),
              down: m.down ? (db) => m.down!(db, dialect) : undefined,
            };
          }
          return out;
        },
      },
    });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error');
      const which = failed ? `Migration ${failed.migrationName}` : 'Migrating';
      throw new Error(`${which} failed: ${String(error)}`, { cause: error });
    }
    return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  }

  /**
   * Runs fn in one transaction. Hooks registered with afterCommit run once it has committed
   * (e.g. waking the outbox deliverer), and never when it rolled back.
   *
   * When PostgreSQL gives up on the transaction because it raced another one (40001 serialization
   * failure, 40P01 deadlock detected), fn runs once more from the start: it must not have effects
   * outside the transaction other than through afterCommit. A second loss answers 409.
   */
  async transaction<T>(fn: (tx: Tx, afterCommit: (hook: () => void) => void) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const hooks: Array<() => void> = [];
      let result: T;
      try {
        result = await this.kysely.transaction().execute((tx) => fn(tx, (h) => hooks.push(h)));
      } catch (err) {
        if (!isTransactionRace(err)) throw err;
        if (attempt >= 2) throw new AppError('conflict', SAME_MOMENT, undefined, { cause: err });
        continue;
      }
      for (const h of hooks) {
        try {
          h();
        } catch {
          // a hook is a nudge, never a part of the transaction's outcome
        }
      }
      return result;
    }
  }

  async ping(): Promise<void> {
    await sql`select 1`.execute(this.kysely);
  }

  async close(): Promise<void> {
    await this.kysely.destroy();
    await this.onDestroy();
  }
}

/**
 * better-sqlite3 with a statement cache: Kysely asks for `prepare(sql)` on every query, and preparing the same
 * SQL again was a large part of a page read's CPU. A prepared statement is reusable (Kysely runs it to the end,
 * synchronously, before the next), and SQLite re-prepares it by itself after a schema change. Least recently
 * used statements are dropped past `max` distinct texts.
 */
function reusingStatements(handle: SqliteDatabase.Database, max = 1000) {
  const cache = new Map<string, SqliteDatabase.Statement>();
  return {
    close: () => handle.close(),
    prepare(text: string): SqliteDatabase.Statement {
      let stmt = cache.get(text);
      if (stmt) {
        cache.delete(text);
      } else {
        stmt = handle.prepare(text);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
      }
      cache.set(text, stmt);
      return stmt;
    },
  };
}

/** Drops a PostgreSQL schema (test runs each get their own). */
export async function dropPostgresSchema(url: string, schema: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Bad schema name: ${schema}`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
