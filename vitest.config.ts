// One `vitest run` runs every kind of test (issue: foundation tests). The API tests run twice, once on
// SQLite and once on PostgreSQL: PostgreSQL is required (CI starts it); set LOCKSTEP_SKIP_PG=1 only on a
// machine without it, and the run then says so instead of passing quietly.
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

const PG_URL = 'postgres://postgres@127.0.0.1:5432/test';
const skipPostgres = Boolean(process.env.LOCKSTEP_SKIP_PG);
if (skipPostgres && process.env.CI) throw new Error('LOCKSTEP_SKIP_PG is set in CI: PostgreSQL is required there, start it instead.');
if (skipPostgres) console.warn('LOCKSTEP_SKIP_PG is set: the api-postgres project does not run.');

// Argon2 at its cheapest for the API tests' thousands of sign-ups and sign-ins (why: in the file).
const API_SETUP = './test/helpers/cheap-argon2.ts';

const projects: TestProjectInlineConfiguration[] = [
  // Inline projects do not inherit the root's timeouts; property tests can be slow on a loaded 2-core machine.
  { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', testTimeout: 30_000 } },
  // Each API test file builds its own app on its own database (SQLite :memory: or a PostgreSQL schema),
  // so files run in parallel safely.
  { test: { name: 'api-sqlite', include: ['test/api/**/*.test.ts'], environment: 'node', testTimeout: 30_000, hookTimeout: 60_000, setupFiles: [API_SETUP], env: { LOCKSTEP_TEST_DB: 'sqlite' } } },
  ...(skipPostgres
    ? []
    : [
        {
          test: {
            name: 'api-postgres',
            include: ['test/api/**/*.test.ts'],
            environment: 'node',
            testTimeout: 30_000,
            hookTimeout: 60_000,
            setupFiles: [API_SETUP],
            env: { LOCKSTEP_TEST_DB: 'postgres', LOCKSTEP_TEST_PG_URL: process.env.LOCKSTEP_TEST_PG_URL ?? PG_URL },
          },
        },
      ]),
  { test: { name: 'cli', include: ['test/cli/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 } },
  {
    test: {
      name: 'e2e',
      include: ['test/e2e/**/*.test.ts'],
      environment: 'node',
      testTimeout: 120_000,
      hookTimeout: 120_000,
      // One browser and one server at a time on a 2-core machine.
      fileParallelism: false,
    },
  },
];

export default defineConfig({
  test: {
    // better-sqlite3 and argon2 are native modules: child processes are the safe pool for them.
    pool: 'forks',
    // Two test files at a time. Vitest's default is one worker fewer than the cores, so one on CI's 2-core
    // machine; an API test file spends much of its time waiting on PostgreSQL (its own processes), and a second
    // worker fills the idle core. Files never share a database (test/helpers/app.ts);
    // the e2e project still runs one file at a time (its fileParallelism above).
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default', './test/reporter.ts'],
    projects,
  },
});
