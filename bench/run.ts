// `npm run bench`: one honest measurement while the performance issue's figures are pending (bench/README.md).
// Requests per second of GET /api/v1/members (the demo workspace's 15 people, a signed-in session) against
// GET /api/health in the same process and run, through Fastify's inject (no sockets), on in-memory SQLite.
// The ratio is the figure to compare between runs and machines; absolute rates depend on the machine.
// Not a test: it asserts nothing and never fails on a number.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DEMO_EMAIL, DEMO_PASSWORD } from '../src/capabilities/workspaces/demo.js';
import { createApp, seedDemo, type App } from '../src/lockstep.js';
import { testConfig } from '../src/server/config.js';

const N = 2000;
const WARMUP = 200;

interface Measured {
  label: string;
  perSecond: number;
  meanMs: number;
}

async function measure(app: App, label: string, url: string, headers: Record<string, string>): Promise<Measured> {
  const once = async () => {
    const res = await app.server.inject({ method: 'GET', url, headers });
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
  };
  for (let i = 0; i < WARMUP; i++) await once();
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    await once();
    // inject's per-request cleanup waits for the event loop to turn; a loop of awaits alone never lets it,
    // and memory would grow ~10 KB a request (a bench artefact, not a leak: a real server turns the loop).
    if (i % 100 === 99) await new Promise((done) => setImmediate(done));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { label, perSecond: N / seconds, meanMs: (seconds * 1000) / N };
}

const mib = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;

// A full collection before reading memory, so "after" is what is retained, not garbage not yet collected.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memory = () => {
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
};

const before = memory();
const app = await createApp(testConfig());
try {
  await seedDemo(app.ctx.db);
  const signin = await app.server.inject({
    method: 'POST',
    url: '/api/v1/auth/signin',
    headers: { origin: 'http://localhost:3000' },
    payload: { email: DEMO_EMAIL, password: DEMO_PASSWORD },
  });
  const session = signin.cookies.find((c) => c.name === 'lockstep_session');
  if (signin.statusCode !== 200 || !session) throw new Error(`Demo sign-in failed (${signin.statusCode}): ${signin.body}`);
  const cookie = { cookie: `lockstep_session=${session.value}` };

  const ready = memory();
  // Alternate the two so neither gets the warmer process: health, members, health, members.
  const rounds: Measured[] = [];
  for (let r = 0; r < 2; r++) {
    rounds.push(await measure(app, 'GET /api/health', '/api/health', {}));
    rounds.push(await measure(app, 'GET /api/v1/members', '/api/v1/members', cookie));
  }
  const after = memory();

  const best = (label: string) => rounds.filter((m) => m.label === label).reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const health = best('GET /api/health');
  const members = best('GET /api/v1/members');

  console.log(`Lockstep bench — ${N} requests each (after ${WARMUP} warm-up), best of 2 alternating rounds, in-memory SQLite, Node ${process.version}`);
  for (const m of [health, members]) console.log(`  ${m.label.padEnd(20)} ${m.perSecond.toFixed(0).padStart(7)} req/s  (${m.meanMs.toFixed(3)} ms mean)`);
  console.log(`  ratio members/health   ${(members.perSecond / health.perSecond).toFixed(3)}  (share of the bare-framework rate a real authenticated read keeps)`);
  const delta = (a: number, b: number) => `${b >= a ? '+' : ''}${mib(b - a)}`;
  console.log(`  rss  before ${mib(before.rss)}, app + demo ready ${mib(ready.rss)}, after ${mib(after.rss)} (${delta(ready.rss, after.rss)} over the runs)`);
  console.log(`  heap before ${mib(before.heap)}, app + demo ready ${mib(ready.heap)}, after ${mib(after.heap)} (${delta(ready.heap, after.heap)} over the runs; measured after a full GC)`);
} finally {
  await app.close();
}
