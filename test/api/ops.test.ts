// Running it (SPEC S7, S8, S9): health and readiness, the OpenAPI document, security headers, the error
// shape of unknown routes, jobs claimed once per period across instances, and the durable outbox.
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.js';
import { claimJobRun, JobScheduler, periodKey, type Job } from '../../src/server/jobs.js';
import { backoffMs, enqueueMessage, MAX_ATTEMPTS, Outbox } from '../../src/server/outbox.js';
import { sql } from 'kysely';
import { AppError } from '../../src/server/errors.js';
import { createApp } from '../../src/lockstep.js';
import { consumeRateLimit } from '../../src/server/rate-limits.js';
import { createTestApp, testDbKind, type TestApp } from '../helpers/app.js';
import { Client } from '../helpers/client.js';
import { makeWorkspace } from '../factories.js';

let t: TestApp;
const extraDbs: Database[] = [];

beforeAll(async () => {
  // Shareable: the job and outbox tests open a second handle on the same database, as a second instance would.
  t = await createTestApp({ shareable: true });
});
afterAll(async () => {
  for (const db of extraDbs) await db.close();
  await t?.close();
});

async function secondInstanceDb(): Promise<Database> {
  const db = await t.openDatabase();
  extraDbs.push(db);
  return db;
}

describe('health, readiness and the API description', () => {
  it('GET /api/health answers 200', async () => {
    const res = await t.client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /api/ready answers 200 and names the database', async () => {
    const res = await t.client().get('/api/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ready', database: t.kind });
  });

  it('GET /api/openapi.json is an OpenAPI 3.1.0 document listing every /api/v1 route', async () => {
    const res = await t.client().get<{ openapi: string; info: { title: string }; paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info.title).toMatch(/Lockstep/);
    expect(res.body.paths).toHaveProperty('/api/v1/members');
    expect(res.body.paths['/api/v1/members']).toHaveProperty('get');
    for (const route of t.app.routes.filter((r) => r.url.startsWith('/api/v1/'))) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      expect(res.body.paths[path], `${route.method} ${route.url} is missing from the OpenAPI document`).toHaveProperty(route.method.toLowerCase());
    }
  });

  it('GET /api/docs serves the interactive docs', async () => {
    const res = await t.client().get('/api/docs');
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/text\/html/);
  });

  it('every answer carries the security headers and a CSP', async () => {
    for (const url of ['/api/health', '/api/v1/me', '/api/nothing-here']) {
      const res = await t.client().get(url);
      const csp = String(res.headers['content-security-policy'] ?? '');
      expect(csp, url).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBeDefined();
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('an unknown /api route answers 404 with the error shape', async () => {
    const anonymous = t.client();
    // Under /api/v1 a caller must be signed in before learning which routes exist.
    const { admin } = await makeWorkspace(t);
    for (const [who, method, url] of [
      [anonymous, 'GET', '/api/x'],
      [anonymous, 'POST', '/api/x/y'],
      [admin, 'GET', '/api/v1/nothing'],
      [admin, 'POST', '/api/v1/nothing'],
      [admin, 'DELETE', '/api/v1/members'],
    ] as const) {
      const res = await who.request(method, url);
      expect(res.status, `${method} ${url}`).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: expect.stringContaining(url) } });
      expect(String(res.headers['content-type'])).toMatch(/application\/json/);
    }
  });

  it('a second app on the same database server gets its own database and migrates on its own', async () => {
    // On PostgreSQL each test app is a schema in one database: migrations must only look at their own schema.
    const second = await createTestApp();
    try {
      expect((await second.client().get('/api/ready')).status).toBe(200);
      const ws = await makeWorkspace(second);
      expect((await ws.admin.get('/api/v1/members')).status).toBe(200);
      const here = await t.db.kysely.selectFrom('workspaces').select('id').where('id', '=', ws.id).execute();
      expect(here).toEqual([]);
    } finally {
      await second.close();
    }
  });
});

describe('trusted proxies (TRUST_PROXY, docs/decisions/013)', () => {
  it('with no proxy trusted, a rotating X-Forwarded-For does not escape the sign-in limit', async () => {
    const direct = await createTestApp({ config: { trustProxy: false } });
    try {
      const ws = await makeWorkspace(direct);
      const statuses: number[] = [];
      // Each client sends a different X-Forwarded-For; the connection's address (127.0.0.1) is what counts.
      for (let i = 0; i < 11; i++) statuses.push((await direct.client().signIn(ws.admin.email!, `guess-number-${i}`)).status);
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
    } finally {
      await direct.close();
    }
  });

  it('behind a trusted proxy, X-Forwarded-For names the client: other addresses keep their own limit', async () => {
    // The test app trusts 127.0.0.1, the address app.inject connects from.
    expect(t.config.trustProxy).toEqual(['127.0.0.1']);
    const ws = await makeWorkspace(t);
    const attacker = t.client();
    for (let i = 0; i < 10; i++) expect((await attacker.signIn(ws.admin.email!, `guess-number-${i}`)).status).toBe(401);
    expect((await attacker.signIn(ws.admin.email!, 'guess-number-10')).status).toBe(429);
    expect((await t.client().signIn(ws.admin.email!, 'guess-number-11')).status).toBe(401);
  });
});

describe('rate limits live in the database, so they hold across instances (docs/decisions/013)', () => {
  it('the sign-in limit counts the tries made on two instances together', async () => {
    const second = await createApp(t.config, { db: await secondInstanceDb() });
    try {
      const ws = await makeWorkspace(t);
      const onFirst = t.client();
      const onSecond = new Client(second.server, null, onFirst.address);
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await (i % 2 ? onSecond : onFirst).signIn(ws.admin.email!, `guess-number-${i}`)).status);
      expect(statuses).toEqual(Array(10).fill(401));
      for (const c of [onFirst, onSecond]) {
        const blocked = await c.signIn(ws.admin.email!, 'guess-number-10');
        expect(blocked.status).toBe(429);
        expect(blocked.error?.code).toBe('rate_limited');
        expect(blocked.headers['retry-after']).toBeDefined();
      }
    } finally {
      await second.close();
    }
  });

  it('a window that has passed starts counting again', async () => {
    const ws = await makeWorkspace(t);
    const attacker = t.client();
    for (let i = 0; i < 10; i++) await attacker.signIn(ws.admin.email!, `guess-number-${i}`);
    expect((await attacker.signIn(ws.admin.email!, 'guess-number-10')).status).toBe(429);
    // The minute is over (moved into the past rather than waited for).
    const passed = new Date(Date.now() - 1000).toISOString();
    await t.db.kysely.updateTable('rate_limits').set({ reset_at: passed }).where('key', 'like', `%${attacker.address}%`).execute();
    expect((await attacker.signIn(ws.admin.email!, 'guess-number-11')).status).toBe(401);
    expect((await attacker.signIn(ws.admin.email!, 'guess-number-12')).status).toBe(401);
  });

  it('each route counts on its own: sign-in tries do not use up the sign-up limit', async () => {
    const ws = await makeWorkspace(t);
    const person = t.client();
    for (let i = 0; i < 11; i++) await person.signIn(ws.admin.email!, `guess-number-${i}`);
    expect((await person.signIn(ws.admin.email!, 'guess-number-11')).status).toBe(429);
    const res = await person.signUp({ email: `fresh-${Date.now()}@example.test`, password: 'a long and unusual passphrase 42', name: 'Fresh', workspaceName: 'Fresh Co' });
    expect(res.status).toBe(201);
  });

  describe('consumeRateLimit, the per-account limit a handler calls', () => {
    it('lets max tries through in the window, then throws rate_limited in our words', async () => {
      const key = `signin-account:${Date.now()}@example.test`;
      for (let i = 0; i < 3; i++) await consumeRateLimit(t.db.kysely, key, 3, 15 * 60_000);
      const err = await consumeRateLimit(t.db.kysely, key, 3, 15 * 60_000).then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect(err).toMatchObject({ status: 429, code: 'rate_limited', message: 'Too many attempts. Try again in 15 minutes.', details: { retryAfterSeconds: 900 } });
      // Another key is not affected.
      await expect(consumeRateLimit(t.db.kysely, `${key}.other`, 3, 15 * 60_000)).resolves.toBeUndefined();
    });

    it('counts exactly under concurrency: of 12 tries at once with a limit of 5, 5 pass', async () => {
      const other = await secondInstanceDb();
      const key = `concurrent-${Date.now()}`;
      const outcomes = await Promise.all(
        Array.from({ length: 12 }, (_, i) => consumeRateLimit((i % 2 ? other : t.db).kysely, key, 5, 60_000).then(() => 'passed', (e: unknown) => (e instanceof AppError ? e.code : String(e)))),
      );
      expect(outcomes.filter((o) => o === 'passed')).toHaveLength(5);
      expect(outcomes.filter((o) => o === 'rate_limited')).toHaveLength(7);
      const row = await t.db.kysely.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
      expect(row.count).toBe(12);
    });

    it('starts again once the window has passed', async () => {
      const key = `window-${Date.now()}`;
      for (let i = 0; i < 2; i++) await consumeRateLimit(t.db.kysely, key, 2, 60_000);
      await expect(consumeRateLimit(t.db.kysely, key, 2, 60_000)).rejects.toMatchObject({ code: 'rate_limited', message: 'Too many attempts. Try again in 1 minute.' });
      await t.db.kysely.updateTable('rate_limits').set({ reset_at: new Date(Date.now() - 1).toISOString() }).where('key', '=', key).execute();
      await expect(consumeRateLimit(t.db.kysely, key, 2, 60_000)).resolves.toBeUndefined();
      const row = await t.db.kysely.selectFrom('rate_limits').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
      expect(row.count).toBe(1);
    });
  });

  it('an hourly job deletes the windows that have passed and keeps the live ones', async () => {
    const now = new Date();
    const at = (ms: number) => new Date(now.getTime() + ms).toISOString();
    await t.db.kysely
      .insertInto('rate_limits')
      .values([
        { key: 'sweep-old', count: 3, reset_at: at(-3_600_000) },
        { key: 'sweep-just-passed', count: 1, reset_at: at(-1) },
        { key: 'sweep-live', count: 2, reset_at: at(60_000) },
      ])
      .execute();
    const job = t.app.ctx.jobs.list().find((j) => j.name === 'rate-limits.sweep');
    expect(job?.period).toBe('hour');
    await job!.run({ db: t.db, log: t.app.ctx.log, now, periodKey: 'unused' });
    const left = await t.db.kysely.selectFrom('rate_limits').select('key').where('key', 'like', 'sweep-%').execute();
    expect(left.map((r) => r.key)).toEqual(['sweep-live']);
  });
});

describe('db.transaction retries once a transaction that PostgreSQL gave up on', () => {
  const onPostgres = testDbKind() === 'postgres';
  const started = () => ({ instance: 'a', started_at: new Date().toISOString(), finished_at: null, status: 'running' as const, error: null });

  /**
   * A transaction that reads a job_runs row under REPEATABLE READ, lets a second instance change that row
   * (when `interfere` says so for this attempt), then updates it: PostgreSQL refuses the update with 40001.
   */
  async function racingTransaction(job: string, interfere: (attempt: number) => boolean) {
    const other = await secondInstanceDb();
    await t.db.kysely.insertInto('job_runs').values({ job, period_key: 'p', ...started() }).execute();
    let attempts = 0;
    const hooks: number[] = [];
    const run = t.db.transaction(async (tx, afterCommit) => {
      const attempt = ++attempts;
      await sql`set transaction isolation level repeatable read`.execute(tx);
      await tx.selectFrom('job_runs').select('status').where('job', '=', job).execute();
      if (interfere(attempt)) await other.kysely.updateTable('job_runs').set({ instance: `other-${attempt}` }).where('job', '=', job).execute();
      afterCommit(() => hooks.push(attempt));
      await tx.updateTable('job_runs').set({ status: 'done' }).where('job', '=', job).execute();
      return attempt;
    });
    return { run, attempts: () => attempts, hooks };
  }

  it.runIf(onPostgres)('a serialization failure runs the whole function again; after-commit hooks come only from the attempt that committed', async () => {
    const race = await racingTransaction('retry-once', (attempt) => attempt === 1);
    expect(await race.run).toBe(2);
    expect(race.attempts()).toBe(2);
    expect(race.hooks).toEqual([2]);
    const row = await t.db.kysely.selectFrom('job_runs').selectAll().where('job', '=', 'retry-once').executeTakeFirstOrThrow();
    expect([row.status, row.instance]).toEqual(['done', 'other-1']);
  });

  it.runIf(onPostgres)('failing again answers 409 conflict: someone changed this at the same moment', async () => {
    const race = await racingTransaction('retry-twice', () => true);
    const err = await race.run.then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 409, code: 'conflict', message: 'Someone changed this at the same moment; reload and try again.' });
    expect(race.attempts()).toBe(2);
    expect(race.hooks).toEqual([]);
    const row = await t.db.kysely.selectFrom('job_runs').selectAll().where('job', '=', 'retry-twice').executeTakeFirstOrThrow();
    expect(row.status).toBe('running');
  });

  it('any other failure is not retried', async () => {
    let attempts = 0;
    const failing = t.db.transaction(async (tx) => {
      attempts++;
      await tx.insertInto('job_runs').values({ job: 'no-retry', period_key: 'p', ...started() }).execute();
      throw new Error('a bug, not a race');
    });
    await expect(failing).rejects.toThrow('a bug, not a race');
    expect(attempts).toBe(1);
    expect(await t.db.kysely.selectFrom('job_runs').select('job').where('job', '=', 'no-retry').execute()).toEqual([]);
  });
});

describe('jobs run once per period however many instances run', () => {
  const counting = (name: string, runs: string[], period: Job['period'] = 'hour'): Job => ({
    name,
    period,
    async run(ctx) {
      runs.push(ctx.periodKey);
      // Yield so the other instance gets its turn mid-run.
      await new Promise((r) => setImmediate(r));
    },
  });

  it('two schedulers on the same database racing runDue for one period run the job exactly once', async () => {
    const other = await secondInstanceDb();
    const runs: string[] = [];
    const a = new JobScheduler(t.db, t.app.ctx.log);
    const b = new JobScheduler(other, t.app.ctx.log);
    a.add(counting('race-digest', runs));
    b.add(counting('race-digest', runs));

    const base = Date.parse('2026-11-26T10:00:00.000Z');
    for (let hour = 0; hour < 5; hour++) {
      const now = new Date(base + hour * 3_600_000 + 17 * 60_000);
      const [ranA, ranB] = await Promise.all([a.runDue(now), b.runDue(now)]);
      expect([...ranA, ...ranB]).toEqual(['race-digest']);
      // A later tick in the same period does nothing.
      expect(await a.runDue(new Date(now.getTime() + 30 * 60_000))).toEqual([]);
    }
    expect(runs).toEqual(['2026-11-26T10', '2026-11-26T11', '2026-11-26T12', '2026-11-26T13', '2026-11-26T14']);
    const rows = await t.db.kysely.selectFrom('job_runs').selectAll().where('job', '=', 'race-digest').orderBy('period_key').execute();
    expect(rows.map((r) => [r.period_key, r.status])).toEqual(runs.map((k) => [k, 'done']));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it('claimJobRun is true for exactly one of many concurrent callers', async () => {
    const other = await secondInstanceDb();
    const key = periodKey('day', new Date('2026-11-26T09:00:00Z'));
    const claims = await Promise.all(Array.from({ length: 8 }, (_, i) => claimJobRun((i % 2 ? other : t.db).kysely, 'claim-race', key, `instance-${i}`)));
    expect(claims.filter(Boolean)).toHaveLength(1);
  });

  it('a failing job is recorded as failed and not retried in the same period', async () => {
    const s = new JobScheduler(t.db, t.app.ctx.log);
    let calls = 0;
    s.add({
      name: 'always-fails',
      period: 'day',
      async run() {
        calls++;
        throw new Error('upstream is down');
      },
    });
    const now = new Date('2026-11-26T08:00:00Z');
    expect(await s.runDue(now)).toEqual(['always-fails']);
    expect(await s.runDue(now)).toEqual([]);
    expect(calls).toBe(1);
    const row = await t.db.kysely.selectFrom('job_runs').selectAll().where('job', '=', 'always-fails').executeTakeFirstOrThrow();
    expect(row.status).toBe('failed');
    expect(row.error).toBe('upstream is down');
  });
});

describe('the outbox delivers durably, with retries and backoff', () => {
  interface Received {
    body: unknown;
    contentType: string | undefined;
  }
  let server: HttpServer | null = null;

  /** A webhook receiver on 127.0.0.1 answering the given statuses in turn (the last one repeats). */
  async function receiver(statuses: number[]): Promise<{ url: string; received: Received[] }> {
    const received: Received[] = [];
    let n = 0;
    server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        received.push({ body: JSON.parse(text) as unknown, contentType: req.headers['content-type'] });
        const status = statuses[Math.min(n++, statuses.length - 1)] ?? 200;
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? `failed with ${status}` : 'ok');
      });
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${port}/hook`, received };
  }

  afterEach(async () => {
    if (!server) return;
    const s = server;
    server = null;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  });

  const row = (id: string) => t.db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const payload = { text: 'Dana won Globex 🎉', blocks: [{ type: 'section', text: { type: 'mrkdwn', text: '*Globex* — $48,000' } }], n: 3 };

  it('a 500 leaves the message pending with a backoff; the next pass after the backoff delivers the exact payload', async () => {
    const hook = await receiver([500, 200]);
    const outbox = new Outbox(t.db, t.app.ctx.log);
    const id = await enqueueMessage(t.db.kysely, { workspaceId: null, channel: 'webhook', target: hook.url, payload });
    const now = new Date();

    expect(await outbox.deliverDue(now)).toBe(0);
    const failed = await row(id);
    expect(failed.status).toBe('pending');
    expect(failed.attempts).toBe(1);
    expect(Date.parse(failed.next_attempt_at)).toBe(now.getTime() + backoffMs(1));
    expect(Date.parse(failed.next_attempt_at)).toBeGreaterThan(now.getTime());
    expect(failed.last_error).toMatch(/HTTP 500/);
    expect(failed.claimed_until).toBeNull();

    // Not due yet: nothing is sent.
    expect(await outbox.deliverDue(new Date(now.getTime() + backoffMs(1) - 1))).toBe(0);
    expect(hook.received).toHaveLength(1);

    expect(await outbox.deliverDue(new Date(now.getTime() + backoffMs(1)))).toBe(1);
    const sent = await row(id);
    expect(sent.status).toBe('sent');
    expect(sent.attempts).toBe(2);
    expect(sent.sent_at).not.toBeNull();
    expect(sent.last_error).toBeNull();
    expect(hook.received).toHaveLength(2);
    expect(hook.received[1]!.body).toEqual(payload);
    expect(hook.received[1]!.contentType).toMatch(/application\/json/);

    // Delivered messages are never sent again.
    expect(await outbox.deliverDue(new Date(now.getTime() + 86_400_000))).toBe(0);
    expect(hook.received).toHaveLength(2);
  });

  it('a 400 will not get better: the message goes dead at once and is not retried', async () => {
    const hook = await receiver([400]);
    const outbox = new Outbox(t.db, t.app.ctx.log);
    const id = await enqueueMessage(t.db.kysely, { workspaceId: null, channel: 'webhook', target: hook.url, payload });
    const now = new Date();
    expect(await outbox.deliverDue(now)).toBe(0);
    const dead = await row(id);
    expect(dead.status).toBe('dead');
    expect(dead.attempts).toBe(1);
    expect(dead.last_error).toMatch(/HTTP 400/);
    expect(await outbox.deliverDue(new Date(now.getTime() + 7 * 86_400_000))).toBe(0);
    expect(hook.received).toHaveLength(1);
  });

  it('429 is retried, and the last allowed attempt that fails makes the message dead', async () => {
    const hook = await receiver([429, 503]);
    const outbox = new Outbox(t.db, t.app.ctx.log);
    const id = await enqueueMessage(t.db.kysely, { workspaceId: null, channel: 'webhook', target: hook.url, payload });
    const now = new Date();
    await outbox.deliverDue(now);
    expect((await row(id)).status).toBe('pending');
    await t.db.kysely.updateTable('outbox').set({ attempts: MAX_ATTEMPTS - 1 }).where('id', '=', id).execute();
    await outbox.deliverDue(new Date(now.getTime() + 6 * 3_600_000));
    const dead = await row(id);
    expect(dead.status).toBe('dead');
    expect(dead.attempts).toBe(MAX_ATTEMPTS);
  });

  it('a message stuck in sending after a crash is delivered again once its lease has passed, not before', async () => {
    const hook = await receiver([200]);
    const outbox = new Outbox(t.db, t.app.ctx.log);
    const id = await enqueueMessage(t.db.kysely, { workspaceId: null, channel: 'webhook', target: hook.url, payload });
    const now = new Date();
    // Another instance claimed it and died mid-send; its lease runs until now + 10 s.
    await t.db.kysely.updateTable('outbox').set({ status: 'sending', claimed_until: new Date(now.getTime() + 10_000).toISOString() }).where('id', '=', id).execute();
    expect(await outbox.deliverDue(now)).toBe(0);
    expect(hook.received).toHaveLength(0);
    expect(await outbox.deliverDue(new Date(now.getTime() + 10_001))).toBe(1);
    expect((await row(id)).status).toBe('sent');
    expect(hook.received.map((r) => r.body)).toEqual([payload]);
  });

  it('two instances delivering at once send each message exactly once', async () => {
    const hook = await receiver([200]);
    const other = await secondInstanceDb();
    const a = new Outbox(t.db, t.app.ctx.log);
    const b = new Outbox(other, t.app.ctx.log);
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(await enqueueMessage(t.db.kysely, { workspaceId: null, channel: 'webhook', target: hook.url, payload: { i } }));
    const now = new Date();
    const [sentA, sentB] = await Promise.all([a.deliverDue(now), b.deliverDue(now)]);
    expect(sentA + sentB).toBe(6);
    expect(hook.received.map((r) => (r.body as { i: number }).i).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const id of ids) expect((await row(id)).status).toBe('sent');
  });

  it('a message for a channel with no transport is retried later, not lost', async () => {
    const outbox = new Outbox(t.db, t.app.ctx.log);
    const id = await enqueueMessage(t.db.kysely, { workspaceId: null, channel: 'carrier-pigeon', target: 'loft', payload });
    await outbox.deliverDue(new Date());
    const r = await row(id);
    expect(r.status).toBe('pending');
    expect(r.last_error).toMatch(/No transport/);
  });
});
