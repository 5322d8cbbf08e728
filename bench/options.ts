// The command line of `npm run bench`, parsed and checked in one place (node:util parseArgs).
// A bad option is a refusal (exit 2), like the `lockstep` command's.
import { parseArgs } from 'node:util';
import type { DemoSize } from '../src/shared/contracts/demo.js';

export type DatabaseChoice = 'sqlite' | 'postgres';
/** Which demo workspace a run measures: `lockstep seed-demo --size <it>`. */
export type WorkspaceChoice = DemoSize;

export interface BenchOptions {
  databases: DatabaseChoice[];
  /** Seconds of measured load per endpoint. */
  durationSeconds: number;
  /** Seconds of unmeasured load per endpoint before it is measured (JIT, statement caches, pools). */
  warmupSeconds: number;
  connections: number;
  /** Smallest first: growth is read from the demo up. */
  workspaces: WorkspaceChoice[];
  /** Chromium's figures (initial JS, time to visible) on the largest workspace of each database; --no-browser skips them. */
  browser: boolean;
  /** First visits timed per route (the median is the figure). */
  browserVisits: number;
  /** Seconds of the memory soak on the largest workspace of each database, or null without --soak. */
  soakSeconds: number | null;
  check: boolean;
  /** The PostgreSQL server to create the throwaway database on (a URL to any database on it). */
  postgresUrl: string;
}

export const USAGE = `npm run bench -- [--db sqlite|postgres|both] [--duration <s>] [--quick] [--workspace demo|10x|large|both|all]
                    [--no-browser] [--soak] [--soak-seconds <s>] [--check]
  --db            which database(s) to run the built server on (default both)
  --duration      seconds of load per endpoint (default 8), after a warm-up of a quarter of that (at least 1 s)
  --quick         2 s per endpoint and 3 browser visits per route: a smoke run, not a figure to quote
  --workspace     demo (default), 10x or large (\`lockstep seed-demo --size …\`), both (demo and large) or all
                  (demo, 10x, large: the growth figure compares each read across them)
  --no-browser    skip the web figures (initial JS and time to visible in headless Chromium, on the largest
                  workspace; Chromium at LOCKSTEP_CHROMIUM, default /usr/bin/chromium)
  --soak          the memory figure: after a warm-up, mixed reads for --soak-seconds on the largest workspace,
                  RSS sampled every 2 s; target: RSS at the end <= 1.15 x RSS after the warm-up (medians of 15 s)
  --soak-seconds  seconds of the soak (default 300; implies --soak)
  --check         exit 1 when any target is missed (reads, growth, initial JS, soak)
PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test) names the server; a database
of its own is created for the run and dropped after.`;

export class UsageError extends Error {}

const WORKSPACES: Record<string, WorkspaceChoice[]> = { demo: ['demo'], '10x': ['10x'], large: ['large'], both: ['demo', 'large'], all: ['demo', '10x', 'large'] };

export function parseOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string', default: 'both' },
      duration: { type: 'string' },
      quick: { type: 'boolean', default: false },
      workspace: { type: 'string', default: 'demo' },
      'no-browser': { type: 'boolean', default: false },
      soak: { type: 'boolean', default: false },
      'soak-seconds': { type: 'string' },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) throw new UsageError('');
  const db = values.db;
  if (db !== 'sqlite' && db !== 'postgres' && db !== 'both') throw new UsageError(`--db must be sqlite, postgres or both, not ${db}`);
  const workspaces = WORKSPACES[values.workspace ?? ''];
  if (!workspaces) throw new UsageError(`--workspace must be one of ${Object.keys(WORKSPACES).join(', ')}, not ${values.workspace}`);
  let durationSeconds = values.quick ? 2 : 8;
  if (values.duration !== undefined) {
    durationSeconds = Number(values.duration);
    if (!Number.isInteger(durationSeconds) || durationSeconds < 1 || durationSeconds > 600) throw new UsageError(`--duration must be whole seconds from 1 to 600, not ${values.duration}`);
  }
  let soakSeconds = values.soak ? 300 : null;
  if (values['soak-seconds'] !== undefined) {
    soakSeconds = Number(values['soak-seconds']);
    if (!Number.isInteger(soakSeconds) || soakSeconds < 5 || soakSeconds > 3600) throw new UsageError(`--soak-seconds must be whole seconds from 5 to 3600, not ${values['soak-seconds']}`);
  }
  return {
    databases: db === 'both' ? ['sqlite', 'postgres'] : [db],
    durationSeconds,
    warmupSeconds: Math.max(1, Math.round(durationSeconds / 4)),
    connections: 32,
    workspaces,
    browser: !values['no-browser'],
    browserVisits: values.quick ? 3 : 5,
    soakSeconds,
    check: values.check,
    postgresUrl: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
  };
}
