// `npm run bench` (issue 9): the built server in its own process, on SQLite and on PostgreSQL, driven by
// autocannon in another process; each signed-in read is compared with GET /api/health measured on the same
// server right before it, in the same run, and across workspace sizes (growth). On the largest workspace of
// each database: the web app in headless Chromium and, with --soak, the server's memory under mixed reads.
// Prints the tables and writes bench/results/latest.json and bench/RESULTS.md. `--check` exits 1 when a target
// is missed. Not a test: the suite never asserts these.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCALED_DEMOS } from '../src/shared/contracts/demo.js';
import { measureWeb } from './browser.js';
import { runLockstep, serverEnv, startBuiltServer, type ServerDatabase, type StartedServer } from './built-server.js';
import { growthRows } from './growth.js';
import { measureAgainstFloor, type LoadResult } from './load-generator.js';
import { describeMachine, loadAverage } from './machine.js';
import { parseOptions, USAGE, UsageError, type BenchOptions, type DatabaseChoice, type WorkspaceChoice } from './options.js';
import { printTable, verdicts, writeResults, type BenchResult, type DatabaseRun, type Row } from './report.js';
import { soak, soakWarmupSeconds } from './soak.js';
import { FLOOR, judge, readFigures } from './targets.js';
import { createThrowawayDatabase } from './throwaway-postgres.js';
import { workspaceRows } from './workspace-size.js';

const EXIT_MISSED = 1;
const EXIT_REFUSED = 2;
const CHROMIUM = process.env.LOCKSTEP_CHROMIUM ?? '/usr/bin/chromium';

/** A fresh, empty database for one run, and how to throw it away after. */
async function freshDatabase(choice: DatabaseChoice, options: BenchOptions): Promise<{ database: ServerDatabase; dispose: () => Promise<void> }> {
  if (choice === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-bench-'));
    return { database: { env: { SQLITE_PATH: join(dir, 'lockstep.sqlite') } }, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const pg = await createThrowawayDatabase(options.postgresUrl);
  return { database: { env: { DATABASE_URL: pg.url } }, dispose: () => pg.drop() };
}

/** The id of the series' next meeting (the one with its live agenda), from the list the web app reads. */
async function nextMeetingId(server: StartedServer): Promise<string | null> {
  const res = await fetch(`${server.baseUrl}/api/v1/checkins/meetings?when=upcoming&limit=1`, { headers: { cookie: server.cookie } });
  if (res.status !== 200) throw new Error(`GET /api/v1/checkins/meetings answered ${res.status}`);
  const { items: meetings } = (await res.json()) as { items: Array<{ id: string; start: string }> };
  const now = new Date().toISOString();
  return meetings.find((m) => m.start > now)?.id ?? null;
}

/**
 * One database and one workspace: a fresh database, the server, the reads; on the largest workspace of the run
 * (`extras`) the web figures and the soak too, on the same server after the reads.
 */
async function benchOne(choice: DatabaseChoice, workspace: WorkspaceChoice, options: BenchOptions, notes: string[], extras: boolean): Promise<DatabaseRun> {
  const label = workspace === 'demo' ? choice : `${choice}, ${workspace}`;
  const { database, dispose } = await freshDatabase(choice, options);
  let server: StartedServer | null = null;
  try {
    const env = serverEnv(database, workspace === 'demo' ? {} : { DEMO: 'off' });
    if (workspace !== 'demo') {
      console.log(`${label}: seeding the ${workspace} workspace (lockstep seed-demo --size ${workspace}) …`);
      const seeded = runLockstep(['seed-demo', '--size', workspace], env);
      if (seeded.status !== 0) throw new Error(`lockstep seed-demo --size ${workspace} exited with ${seeded.status}:\n${seeded.output.slice(-2000)}`);
    }
    server = await startBuiltServer(env, workspace === 'demo' ? undefined : SCALED_DEMOS[workspace].workspaceName);
    const rssStartBytes = server.rss();
    const dataRows = await workspaceRows(database, server.workspace.id);
    const meetingId = await nextMeetingId(server);
    if (!meetingId) notes.push(`${label}: the series has no upcoming meeting, so the one-meeting figure was left out`);
    const figures = readFigures(meetingId);
    const cookie = { cookie: server.cookie };
    // Every figure must answer 200 before it is measured: a fast 401 or 404 is not a figure.
    for (const f of figures) {
      const res = await fetch(`${server.baseUrl}${f.path}`, { headers: cookie });
      if (res.status !== 200) throw new Error(`${f.label} answered ${res.status} on ${label}: ${(await res.text()).slice(0, 300)}`);
    }

    const load = { connections: options.connections, durationSeconds: options.durationSeconds, warmupSeconds: options.warmupSeconds };
    console.log(`${label}: server pid ${server.pid} at ${server.baseUrl}; ${figures.length + 1} figures, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s each …`);
    // Each figure is measured in slices alternating with its own floor's (decision 036).
    const measured: Array<{ f: (typeof figures)[number]; figure: LoadResult; floor: LoadResult }> = [];
    for (const f of figures) {
      const { figure, floor } = await measureAgainstFloor(`${server.baseUrl}${f.path}`, `${server.baseUrl}${FLOOR.path}`, cookie, load);
      measured.push({ f, figure, floor });
      console.log(`  ${f.label}: ${Math.round(figure.requestsPerSecond)} req/s (${(figure.requestsPerSecond / floor.requestsPerSecond).toFixed(2)} of ${Math.round(floor.requestsPerSecond)}), p99 ${figure.p99Ms} ms`);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
    const floor: LoadResult = {
      requestsPerSecond: mean(measured.map((m) => m.floor.requestsPerSecond)),
      p50Ms: Math.round(mean(measured.map((m) => m.floor.p50Ms)) * 10) / 10,
      p99Ms: Math.max(0, ...measured.map((m) => m.floor.p99Ms)),
      failures: measured.reduce((n, m) => n + m.floor.failures, 0),
      total: measured.reduce((n, m) => n + m.floor.total, 0),
    };
    const rows: Row[] = [
      { figure: FLOOR.label, database: label, requestsPerSecond: floor.requestsPerSecond, floorRequestsPerSecond: floor.requestsPerSecond, ratio: null, p50Ms: floor.p50Ms, p99Ms: floor.p99Ms, failures: floor.failures, verdict: null },
    ];
    for (const { f, figure: r, floor: own } of measured) {
      const ratio = r.requestsPerSecond / own.requestsPerSecond;
      rows.push({ figure: f.label, database: label, requestsPerSecond: r.requestsPerSecond, floorRequestsPerSecond: own.requestsPerSecond, ratio, p50Ms: r.p50Ms, p99Ms: r.p99Ms, failures: r.failures, verdict: judge(ratio, r.p99Ms, r.failures, f.minRatio) });
    }
    if (floor.failures > 0) notes.push(`${label}: ${floor.failures} floor requests failed`);

    let web = null;
    if (extras && options.browser) {
      console.log(`${label}: the web app in headless Chromium, ${options.browserVisits} first visits per route …`);
      web = await measureWeb(server, options.browserVisits);
      for (const w of web.routes) console.log(`  ${w.label}: ${(w.gzipBytes / 1000).toFixed(1)} kB of JS gzipped in ${w.scripts.length} files; visible after ${w.medianVisibleMs} ms (median)`);
    }
    let soaked = null;
    if (extras && options.soakSeconds !== null) {
      console.log(`${label}: soak, ${soakWarmupSeconds(options.soakSeconds)} s of mixed reads to warm up, then ${options.soakSeconds} s, RSS every 2 s …`);
      soaked = await soak(server, figures, { seconds: options.soakSeconds, connections: options.connections });
      console.log(`  RSS ${(soaked.rssAfterWarmupBytes / 1024 ** 2).toFixed(1)} MiB after warm-up, ${(soaked.rssFinalBytes / 1024 ** 2).toFixed(1)} MiB at the end (${soaked.ratio.toFixed(3)}×)`);
    }
    return { database: choice, workspace, dataRows, rssStartBytes, rssEndBytes: server.rss(), rows, web, soak: soaked };
  } finally {
    await server?.stop();
    await dispose();
  }
}

/** Which code was measured: dist/ is whatever `npm run build` last compiled from this tree. */
function treeNote(): string {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: new URL('..', import.meta.url), encoding: 'utf8' }).stdout?.trim() ?? '';
  const head = git('rev-parse', '--short', 'HEAD') || 'unknown';
  const dirty = git('status', '--porcelain', '--', 'src').length > 0;
  return `dist/ built from the tree at ${head}${dirty ? ', which had uncommitted changes under src/ (others at work in the same tree)' : ''}`;
}

/** The sizes `lockstep seed-demo --size` takes in the built CLI (its help lists commander's choices). */
function builtSizes(): string[] {
  const help = runLockstep(['seed-demo', '--help'], process.env).output;
  return /choices: ([^)]*)\)/.exec(help)?.[1]?.match(/"[^"]+"/g)?.map((c) => c.slice(1, -1)) ?? [];
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError) && !(e instanceof TypeError)) throw e;
    if (e.message) console.error(e.message);
    console.error(USAGE);
    return EXIT_REFUSED;
  }
  if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
    console.error('The server is not built: run `npm run build` first (the benchmark measures dist/, and builds nothing itself).');
    return EXIT_REFUSED;
  }
  const loadBefore = loadAverage();
  const notes: string[] = [treeNote()];
  const sizes = builtSizes();
  const missing = options.workspaces.filter((w) => w !== 'demo' && !sizes.includes(w));
  if (missing.length > 0) {
    const note = `\`lockstep seed-demo --size ${missing.join('|')}\` does not exist in the built CLI, so ${missing.join(' and ')} ${missing.length === 1 ? 'was' : 'were'} skipped`;
    console.log(`note: ${note}`);
    notes.push(note);
    const rest = options.workspaces.filter((w) => !missing.includes(w));
    options = { ...options, workspaces: rest.length ? rest : ['demo'] };
  }
  if (options.browser && !existsSync(CHROMIUM)) {
    console.error(`Chromium is not at ${CHROMIUM} (apt-get install -y chromium, or set LOCKSTEP_CHROMIUM); or run with --no-browser to leave out the web figures.`);
    return EXIT_REFUSED;
  }

  const runs: DatabaseRun[] = [];
  const largest = options.workspaces.at(-1);
  for (const workspace of options.workspaces) {
    for (const choice of options.databases) runs.push(await benchOne(choice, workspace, options, notes, workspace === largest));
  }

  const args = process.argv.slice(2);
  const measured: Omit<BenchResult, 'allMet'> = {
    command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
    date: new Date().toISOString(),
    machine: describeMachine(loadBefore),
    connections: options.connections,
    durationSeconds: options.durationSeconds,
    warmupSeconds: options.warmupSeconds,
    notes,
    runs,
    growth: growthRows(runs),
  };
  const result: BenchResult = { ...measured, allMet: verdicts(measured).every((v) => v.met) };
  printTable(result);
  const written = writeResults(result);
  console.log(`wrote ${written.json} and ${written.markdown}`);
  return options.check && !result.allMet ? EXIT_MISSED : 0;
}

try {
  process.exitCode = await main();
} catch (e) {
  // A run that cannot finish (PostgreSQL unreachable, a figure answering 500) is one plain line, exit 1.
  console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = EXIT_MISSED;
}
