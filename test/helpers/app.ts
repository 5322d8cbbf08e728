// Builds an app for one API test file on the database the vitest project chose (LOCKSTEP_TEST_DB):
// SQLite in memory, or a PostgreSQL schema of its own that close() drops. Files never share a database,
// so they run in parallel.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/lockstep.js';
import { testConfig, type Config, type DatabaseConfig } from '../../src/server/config.js';
import { Database, dropPostgresSchema } from '../../src/db/database.js';
import type { Logger } from '../../src/server/logger.js';
import { Client } from './client.js';

export type TestDbKind = 'sqlite' | 'postgres';

export const testDbKind = (): TestDbKind => (process.env.LOCKSTEP_TEST_DB === 'postgres' ? 'postgres' : 'sqlite');
const pgUrl = (): string => process.env.LOCKSTEP_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestApp {
  app: App;
  db: Database;
  config: Config;
  kind: TestDbKind;
  /** A new person with an empty cookie jar. */
  client(): Client;
  /** Another handle on the same database (a second instance); the caller closes it. Needs `shareable`. */
  openDatabase(): Promise<Database>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** Config overrides (e.g. secureCookies: 'auto'); the database is always the test one. */
  config?: Partial<Config>;
  /** On SQLite, use a temporary file instead of :memory: so a second handle can open it. */
  shareable?: boolean;
  /** The app's logger (default: silent); the hostile-input suite reads the errors behind its 500s. */
  log?: Logger;
}

export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const kind = testDbKind();
  const suffix = randomBytes(6).toString('hex');
  let database: DatabaseConfig;
  let cleanup: () => Promise<void>;
  if (kind === 'postgres') {
    const url = pgUrl();
    const schema = `t_${suffix}`;
    database = { kind: 'postgres', url, schema };
    cleanup = () => dropPostgresSchema(url, schema);
  } else if (opts.shareable) {
    const path = join(tmpdir(), `lockstep-test-${suffix}.sqlite`);
    database = { kind: 'sqlite', path };
    cleanup = async () => {
      for (const ext of ['', '-wal', '-shm']) rmSync(path + ext, { force: true });
    };
  } else {
    database = { kind: 'sqlite', path: ':memory:' };
    cleanup = async () => {};
  }
  // Trust app.inject's own address (127.0.0.1) as a proxy, so each Client's X-Forwarded-For is its address.
  const config = testConfig({ trustProxy: ['127.0.0.1'], ...opts.config, database });
  let app: App;
  try {
    app = await createApp(config, opts.log ? { log: opts.log } : {});
  } catch (err) {
    await cleanup().catch(() => undefined);
    if (kind === 'postgres') {
      const why = err instanceof Error ? err.message : String(err);
      throw new Error(`The api-postgres tests need PostgreSQL at ${pgUrl()} (CI starts it; locally start it or set LOCKSTEP_SKIP_PG=1): ${why}`, { cause: err });
    }
    throw err;
  }
  let closed = false;
  return {
    app,
    db: app.ctx.db,
    config,
    kind,
    client: () => new Client(app.server),
    async openDatabase() {
      if (database.kind === 'sqlite' && database.path === ':memory:') throw new Error('createTestApp({ shareable: true }) to open a second handle');
      return Database.open(database);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await app.close();
      } finally {
        await cleanup();
      }
    },
  };
}
