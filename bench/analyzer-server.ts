// The pain analyzer inside the built server (issue 12 "Speed": "the server process with the analyzer loaded stays
// under 300 MB RSS on the large demo workspace"; decision 045). For each database: a fresh database seeded with the
// large demo (`lockstep seed-demo --size large`: 1,000 pains, 50,000 evidence quotes), the built server started on
// it as an operator runs it, the demo admin signed in and moved to the large workspace, then POST
// /api/v1/messaging/analyze with 1,500-word pieces — the first one in the cold process (it builds the workspace's
// pain index from the database), then the rest warm — and the server's peak RSS (VmHWM from /proc/<pid>/status).
// Not a test: nothing is asserted. Needs `npm run build` first.
//
//   npm run bench:analyzer-server
//   npm run bench:analyzer-server -- --db sqlite|postgres|both --runs 100 --words 1500
//
// PostgreSQL: BENCH_PG_URL (default postgres://postgres@127.0.0.1:5432/test) names the server; the run creates a
// database of its own there and drops it after.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { SCALED_DEMOS } from '../src/shared/contracts/demo.js';
import { DEMO_PAINS, DEMO_PIECES } from '../src/capabilities/messaging/demo-content.js';
import { serverEnv, startBuiltServer, type ServerDatabase, type StartedServer } from './built-server.js';
import { createThrowawayDatabase } from './throwaway-postgres.js';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1]! : fallback;
}
const DATABASES = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] }[option('db', 'both')] as Array<'sqlite' | 'postgres'> | undefined;
if (!DATABASES) throw new Error('--db takes sqlite, postgres or both');
const RUNS = Number(option('runs', '100'));
const WORDS = Number(option('words', '1500'));
const PG_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const BIN = new URL('../bin/lockstep.js', import.meta.url).pathname;

/**
 * 1,500-word pieces in the demo's own language: its pieces' paragraphs and its pains' statements, in a different
 * order for each piece (a deterministic shuffle), so no two requests send the same text.
 */
function pieces(count: number): string[] {
  const paragraphs = [...DEMO_PIECES.flatMap((p) => p.body.split(/\n\s*\n/)), ...DEMO_PAINS.map((p) => `${p.statement}.`)].filter((s) => s.trim().length > 0);
  let seed = 45;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const chosen: string[] = [];
    let words = 0;
    while (words < WORDS) {
      const p = paragraphs[Math.floor(random() * paragraphs.length)]!;
      const ws = p.split(/\s+/).filter(Boolean);
      const take = ws.slice(0, WORDS - words);
      chosen.push(take.join(' '));
      words += take.length;
    }
    out.push(chosen.join('\n\n'));
  }
  return out;
}

function status(pid: number): { hwm: number; rss: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)\\s+kB`).exec(s)?.[1] ?? Number.NaN) * 1024;
  return { hwm: kb('VmHWM'), rss: kb('VmRSS') };
}

async function analyze(server: StartedServer, text: string): Promise<{ ms: number; body: { score: number; band: string; matchedPains: unknown[]; words: number } }> {
  const started = performance.now();
  const res = await fetch(`${server.baseUrl}/api/v1/messaging/analyze`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.baseUrl, cookie: server.cookie },
    body: JSON.stringify({ text }),
  });
  const body = (await res.json()) as { score: number; band: string; matchedPains: unknown[]; words: number };
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`POST /api/v1/messaging/analyze answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
  return { ms, body };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function benchOne(choice: 'sqlite' | 'postgres'): Promise<string[]> {
  let database: ServerDatabase;
  let dispose: () => Promise<void>;
  if (choice === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-bench-analyzer-'));
    database = { env: { SQLITE_PATH: join(dir, 'lockstep.sqlite') } };
    dispose = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const pg = await createThrowawayDatabase(PG_URL);
    database = { env: { DATABASE_URL: pg.url } };
    dispose = () => pg.drop();
  }
  let server: StartedServer | null = null;
  try {
    const env = serverEnv(database, { DEMO: 'off' });
    console.log(`${choice}: seeding the large workspace (lockstep seed-demo --size large) …`);
    const seedStarted = performance.now();
    // Seeded here, not with built-server's runLockstep: its five minutes are not enough for the large demo on a busy
    // machine (the demo analyses its pieces against the 1,000-pain library as it seeds).
    const seeded = spawnSync(process.execPath, [BIN, 'seed-demo', '--size', 'large'], { env, encoding: 'utf8', timeout: 30 * 60_000 });
    if (seeded.status !== 0) throw new Error(`lockstep seed-demo --size large exited with ${seeded.status ?? seeded.signal}:\n${`${seeded.stdout ?? ''}${seeded.stderr ?? ''}`.slice(-2000)}`);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    server = await startBuiltServer(env, SCALED_DEMOS.large.workspaceName);
    const ready = status(server.pid);
    const texts = pieces(RUNS + 1);
    const cold = await analyze(server, texts[0]!);
    const afterCold = status(server.pid);
    const warm: number[] = [];
    let last = cold.body;
    for (const text of texts.slice(1)) {
      const r = await analyze(server, text);
      warm.push(r.ms);
      last = r.body;
    }
    const end = status(server.pid);
    return [
      `${choice}, large workspace (seeded in ${seedSeconds.toFixed(0)} s), ${RUNS} warm analyses of ${last.words}-word pieces over HTTP, one at a time`,
      `  first analysis, cold process (builds the pain index)  ${ms(cold.ms)}   (score ${cold.body.score}, ${cold.body.matchedPains.length} pains matched)`,
      `  warm analyses          p50 ${ms(quantile(warm, 0.5))}   p99 ${ms(quantile(warm, 0.99))}   max ${ms(Math.max(...warm))}`,
      `  server RSS             ${mb(ready.rss)} signed in, ${mb(afterCold.rss)} after the first analysis, ${mb(end.rss)} at the end`,
      `  server peak RSS        VmHWM ${mb(end.hwm)}   (target < 300 MB)`,
    ];
  } finally {
    await server?.stop();
    await dispose();
  }
}

const lines: string[] = [`Pain analyzer in the built server — Node ${process.version}, dist/ as built`];
for (const choice of DATABASES) lines.push(...(await benchOne(choice)));
console.log(lines.join('\n'));
