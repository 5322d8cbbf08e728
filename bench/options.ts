// The command line of `npm run bench`, parsed and checked in one place (node:util parseArgs).
// A bad option is a refusal (exit 2), like the `lockstep` command's.
import { parseArgs } from 'node:util';

export type DatabaseChoice = 'sqlite' | 'postgres';
export type WorkspaceChoice = 'demo' | 'large';

export interface BenchOptions {
  databases: DatabaseChoice[];
  /** Seconds of measured load per endpoint. */
  durationSeconds: number;
  /** Seconds of unmeasured load per endpoint before it is measured (JIT, statement caches, pools). */
  warmupSeconds: number;
  connections: number;
  workspaces: WorkspaceChoice[];
  check: boolean;
  /** The PostgreSQL server to create the throwaway database on (a URL to any database on it). */
  postgresUrl: string;
}

export const USAGE = `npm run bench -- [--db sqlite|postgres|both] [--duration <s>] [--quick] [--workspace demo|large|both] [--check]
  --db         which database(s) to run the built server on (default both)
  --duration   seconds of load per endpoint (default 8), after a warm-up of a quarter of that (at least 1 s)
  --quick      2 s per endpoint: a smoke run, not a figure to quote
  --workspace  demo (default), large (\`lockstep seed-demo --size large\`, when that command exists) or both
  --check      exit 1 when any target is missed (each read >= 0.40 of the floor's req/s, p99 <= 50 ms)
PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test) names the server; a database
of its own is created for the run and dropped after.`;

export class UsageError extends Error {}

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string', default: 'both' },
      duration: { type: 'string' },
      quick: { type: 'boolean', default: false },
      workspace: { type: 'string', default: 'demo' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new UsageError('');
  const db = values.db;
  if (db !== 'sqlite' && db !== 'postgres' && db !== 'both') throw new UsageError(`--db must be sqlite, postgres or both, not ${db}`);
  const workspace = values.workspace;
  if (workspace !== 'demo' && workspace !== 'large' && workspace !== 'both') throw new UsageError(`--workspace must be demo, large or both, not ${workspace}`);
  let durationSeconds = values.quick ? 2 : 8;
  if (values.duration !== undefined) {
    durationSeconds = Number(values.duration);
    if (!Number.isInteger(durationSeconds) || durationSeconds < 1 || durationSeconds > 600) throw new UsageError(`--duration must be whole seconds from 1 to 600, not ${values.duration}`);
  }
  return {
    databases: db === 'both' ? ['sqlite', 'postgres'] : [db],
    durationSeconds,
    warmupSeconds: Math.max(1, Math.round(durationSeconds / 4)),
    connections: 32,
    workspaces: workspace === 'both' ? ['demo', 'large'] : [workspace],
    check: values.check,
    postgresUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  };
}
