// The kernel's rules for hostile input, route by route what the property suite (hostile-input-*.test.ts)
// checks at random: control characters refused in one place, database errors answered in our error shape
// without SQL, the Origin check that a forged X-Forwarded-Host cannot pass, `Cache-Control: no-store` on
// every /api answer, malformed URLs in our error shape, and public routes that ignore bad credentials.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { presentError } from '../../src/server/app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { SAME_ORIGIN } from '../helpers/client.js';
import { addMember, makeApiToken, makeFeed, makeWorkspace, type TestWorkspace } from '../factories.js';

let t: TestApp;
let ws: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { adminName: 'Ada Admin' });
});
afterAll(async () => {
  await t?.close();
});

describe('control characters are refused in every string of a request', () => {
  it('PATCH /me with a NUL in the name answers 400 naming the field, and changes nothing', async () => {
    const res = await ws.admin.patch('/api/v1/me', { name: 'a\u0000b' });
    expect(res.status).toBe(400);
    expect(res.error).toEqual({
      code: 'validation_failed',
      message: 'name contains a control character (U+0000); remove it.',
      details: [{ path: 'body.name', message: 'contains a control character (U+0000)' }],
    });
    expect((await ws.admin.me()).user.name).toBe('Ada Admin');
  });

  it('a NUL in a path parameter answers 400', async () => {
    const res = await ws.admin.get('/api/v1/members/x%00');
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('validation_failed');
    expect(res.error?.details).toEqual([{ path: 'params.id', message: 'contains a control character (U+0000)' }]);
  });

  it('a NUL in a query value answers 400', async () => {
    const res = await ws.admin.get('/api/v1/audit?entityType=%00');
    expect(res.status).toBe(400);
    expect(res.error?.details).toEqual([{ path: 'query.entityType', message: 'contains a control character (U+0000)' }]);
  });

  it('a control character in a query parameter name answers 400', async () => {
    const res = await ws.admin.get('/api/v1/audit?entity%01Type=x');
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe('A field name in query contains a control character (U+0001); remove it.');
  });

  it('deep in a body: an array of objects', async () => {
    const res = await ws.admin.post('/api/v1/goals/catalog', { name: 'Pipeline', unit: 'count', direction: 'higher', description: 'ok\u0007' });
    expect(res.status).toBe(400);
    expect(res.error?.details).toEqual([{ path: 'body.description', message: 'contains a control character (U+0007)' }]);
    const nested = await ws.admin.patch('/api/v1/workspace', { holidays: [{ date: '2026-12-25', name: 'Christmas' }, { date: '2026-12-26', name: 'Boxing\u001fDay' }] });
    expect(nested.status).toBe(400);
    expect(nested.error?.message).toBe('name contains a control character (U+001F); remove it.');
    expect(nested.error?.details).toEqual([{ path: 'body.holidays.1.name', message: 'contains a control character (U+001F)' }]);
  });

  it('in an object key of the body', async () => {
    const res = await ws.admin.patch('/api/v1/me', { ['na\u0002me']: 'x' });
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe('A field name in body contains a control character (U+0002); remove it.');
    expect(res.error?.details).toEqual([{ path: 'body', message: 'a field name contains a control character (U+0002)' }]);
  });

  it('DEL (U+007F) is refused too', async () => {
    const res = await ws.admin.patch('/api/v1/me', { name: 'a\u007fb' });
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe('name contains a control character (U+007F); remove it.');
  });

  it('a string nested 5,000 levels deep is reached without overflowing the stack', async () => {
    // Written out by hand: JSON.stringify itself recurses and overflows at this depth.
    const rawBody = `{"name":${'['.repeat(5000)}"x\\u0000"${']'.repeat(5000)}}`;
    const res = await ws.admin.request('PATCH', '/api/v1/me', { rawBody, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.error?.code).toBe('validation_failed');
    expect(res.error?.message).toMatch(/control character \(U\+0000\)/);
  });

  it('a body of 400,000 nested arrays (1 MB) is walked in linear time: refused or answered, never hung', async () => {
    const depth = 400_000;
    for (const inner of ['"x\\u0001"', '"x"']) {
      const rawBody = `{"name":${'['.repeat(depth)}${inner}${']'.repeat(depth)}}`;
      const res = await ws.admin.request('PATCH', '/api/v1/me', { rawBody, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.error?.code).toBe('validation_failed');
    }
  });

  it('tab, line feed and carriage return are text, and pass', async () => {
    const measurement = 'Closed-won ÷ closed deals:\r\n\tcounted weekly\nfrom the CRM';
    const salesAdmin = await addMember(t, ws, { role: 'admin', team: 'sales' });
    const res = await salesAdmin.client.post<{ measurement: string }>('/api/v1/goals/kpis', { team: 'sales', name: 'Win rate', kind: 'win_rate', measurement });
    expect(res.status).toBe(201);
    expect(res.body.measurement).toBe(measurement);
  });
});

describe('database errors answer in our error shape, without SQL (the safety net in presentError)', () => {
  /** Runs a query that must fail and returns what presentError makes of the driver's own error. */
  async function presented(query: () => Promise<unknown>): Promise<ReturnType<typeof presentError>> {
    let caught: unknown = null;
    try {
      await query();
    } catch (err) {
      caught = err;
    }
    expect(caught, 'the query was expected to fail').not.toBeNull();
    const out = presentError(caught);
    // No SQL, table, column or constraint names reach the person.
    expect(out.body.error.message).not.toMatch(/insert|select|update|constraint|violat|job_runs|members|users|sqlite|duplicate|key \(/i);
    return out;
  }

  it('a unique violation answers 409: someone else made the same change', async () => {
    const row = { job: 'once', period_key: '2026-W48', instance: 'a', started_at: new Date().toISOString(), finished_at: null, status: 'done' as const, error: null };
    await t.db.kysely.insertInto('job_runs').values(row).execute();
    const out = await presented(() => t.db.kysely.insertInto('job_runs').values(row).execute());
    expect(out).toEqual({ status: 409, body: { error: { code: 'conflict', message: 'Someone else made the same change at the same moment; reload and try again.' } } });
  });

  it('a unique index violation (not the primary key) answers 409 too', async () => {
    const user = await t.db.kysely.selectFrom('users').selectAll().executeTakeFirstOrThrow();
    const out = await presented(() => t.db.kysely.insertInto('users').values({ ...user, id: 'another-id' }).execute());
    expect(out.status).toBe(409);
    expect(out.body.error.code).toBe('conflict');
  });

  it('a foreign key violation answers 409 with a plain message', async () => {
    const member = await t.db.kysely.selectFrom('members').selectAll().executeTakeFirstOrThrow();
    const out = await presented(() => t.db.kysely.insertInto('members').values({ ...member, id: 'member-of-nothing', workspace_id: 'no-such-workspace' }).execute());
    expect(out.status).toBe(409);
    expect(out.body.error.code).toBe('conflict');
    expect(out.body.error.message).toMatch(/reload and try again/);
  });

  describe.runIf(process.env.LOCKSTEP_TEST_DB === 'postgres')('PostgreSQL data exceptions answer 400', () => {
    it.each([
      ['numeric out of range (22003)', sql`select 2147483648::integer`, /too large or too small/],
      ['invalid text representation (22P02)', sql`select 'twelve'::integer`, /not in the form/],
      ['invalid datetime format (22007)', sql`select 'soon'::timestamptz`, /not a valid date or time/],
      ['datetime field out of range (22008)', sql`select '2026-13-45'::date`, /not a valid date or time/],
      ['bad encoding (22021)', sql`select ${'a\u0000b'}::text`, /cannot be stored/],
    ])('%s', async (_name, query, message) => {
      const out = await presented(() => query.execute(t.db.kysely));
      expect(out.status).toBe(400);
      expect(out.body.error.code).toBe('bad_request');
      expect(out.body.error.message).toMatch(message);
    });
  });
});

describe('the Origin check', () => {
  it('refuses a foreign Origin even when X-Forwarded-Host claims to be that site', async () => {
    const res = await ws.admin.post('/api/v1/tokens', { name: 'Forged' }, { origin: 'https://evil.example', headers: { 'x-forwarded-host': 'evil.example' } });
    expect(res.status).toBe(403);
    expect(res.error?.code).toBe('forbidden');
    expect(res.error?.message).toMatch(/Origin/);
  });

  it('behind a trusted proxy, only PUBLIC_URL is this site: an Origin matching the Host header alone is refused', async () => {
    const res = await ws.admin.post('/api/v1/tokens', { name: 'Host' }, { origin: 'http://internal.example:8080', headers: { host: 'internal.example:8080' } });
    expect(res.status).toBe(403);
    expect((await ws.admin.post('/api/v1/tokens', { name: 'Public URL' }, { origin: SAME_ORIGIN })).status).toBe(201);
  });

  it('with no proxy trusted, an Origin matching the Host header is this site (reached by another name)', async () => {
    const direct = await createTestApp({ config: { trustProxy: false } });
    try {
      const other = await makeWorkspace(direct);
      const byHost = { origin: 'http://10.0.0.5:3000', headers: { host: '10.0.0.5:3000' } };
      expect((await other.admin.post('/api/v1/tokens', { name: 'By address' }, byHost)).status).toBe(201);
      const forged = { origin: 'https://evil.example', headers: { host: '10.0.0.5:3000', 'x-forwarded-host': 'evil.example' } };
      expect((await other.admin.post('/api/v1/tokens', { name: 'Forged' }, forged)).status).toBe(403);
    } finally {
      await direct.close();
    }
  });
});

describe('Cache-Control: no-store on every /api answer', () => {
  it('on the answer that shows a new API token once', async () => {
    const res = await ws.admin.post('/api/v1/tokens', { name: 'Shown once' });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('on errors: validation, unknown route, unauthenticated, a malformed URL', async () => {
    for (const res of [
      await ws.admin.post('/api/v1/tokens', { name: '' }),
      await ws.admin.get('/api/v1/nothing-here'),
      await t.client().get('/api/v1/me'),
      await ws.admin.get('/api/v1/members/%E0%A4%A'),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('on the calendar feed, whose URL is a credential', async () => {
    const path = await makeFeed(ws.admin);
    const res = await t.client().get(path);
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
  });
});

describe('every error is in our shape', () => {
  it.each(['/api/v1/members/%E0%A4%A', '/api/v1/calendar/%E0%A4%A.ics', '/api/v1/members/%'])('a malformed escape in the path (%s) answers 400 bad_request', async (url) => {
    const res = await ws.admin.get(url);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/address/) } });
  });
});

describe('public routes ignore credentials that are not valid', () => {
  it('GET /api/health and /api/ready answer 200 with a bad bearer token or a made-up cookie', async () => {
    const credentials: Array<Record<string, string>> = [{ authorization: 'Bearer x' }, { authorization: 'Bearer lst_revoked-or-never-issued' }, { cookie: 'lockstep_session=made-up' }];
    for (const headers of credentials) {
      expect((await t.client().get('/api/health', { headers })).status).toBe(200);
      expect((await t.client().get('/api/ready', { headers })).status).toBe(200);
    }
  });

  it('a revoked token on a public route is anonymous; on a member route it still answers 401', async () => {
    const token = await makeApiToken(ws, 'Soon revoked');
    expect((await ws.admin.delete(`/api/v1/tokens/${token.id}`)).status).toBe(200);
    const caller = t.client().withToken(token.token);
    expect((await caller.get('/api/health')).status).toBe(200);
    const members = await caller.get('/api/v1/members');
    expect(members.status).toBe(401);
    expect(members.error?.code).toBe('unauthenticated');
  });
});
