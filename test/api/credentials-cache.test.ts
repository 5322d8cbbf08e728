// The credentials cache and the change feed (docs/decisions/030). On PostgreSQL, what a session or token resolves
// to is kept in memory, so a cached read costs no query; every change to sessions, tokens and members — on this
// instance, on another, or straight in the database — still takes effect: on this instance before the write's
// answer is sent, elsewhere once PostgreSQL has delivered the notification (caughtUp). A lost feed connection
// makes the instance read credentials from the database until the feed is back. On SQLite there is no such cache.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/lockstep.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { Client, expectStatus } from '../helpers/client.js';
import type { CreatedApiTokenView } from '../helpers/views.js';
import { addMember, caughtUp, makeWorkspace, sameSessionOn } from '../factories.js';

let t: TestApp;
let second: App;
beforeAll(async () => {
  t = await createTestApp({ shareable: true });
  second = await createApp(t.config);
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const onSecond = (c: Client): Client => sameSessionOn(second, c);

const members = (c: Client) => c.get('/api/v1/members');

/** Waits (at most 10 s) until cond holds; the feed reconnects on its own after a lost connection. */
async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(cond()).toBe(true);
}

describe.runIf(process.env.LOCKSTEP_TEST_DB !== 'postgres')('credentials cache on SQLite', () => {
  it('is off: every request resolves its credentials in the one query', () => {
    expect(t.app.ctx.credentials).toBeNull();
    expect(t.app.ctx.changeFeed).toBeNull();
  });
});

describe.runIf(process.env.LOCKSTEP_TEST_DB === 'postgres')('credentials cache on PostgreSQL', () => {
  it('answers repeated reads from memory once the credentials and versions are known', async () => {
    const ws = await makeWorkspace(t);
    const cache = t.app.ctx.credentials!;
    expectStatus(await members(ws.admin), 200);
    const hits = cache.hits;
    expectStatus(await members(ws.admin), 200);
    expectStatus(await members(ws.admin), 200);
    expect(cache.hits - hits).toBe(2);
  });

  it('a sign-out holds for the very next request on the same instance', async () => {
    const ws = await makeWorkspace(t);
    const stolen = ws.admin.clone();
    expectStatus(await members(stolen), 200);
    expectStatus(await members(stolen), 200);
    expectStatus(await ws.admin.signOut(), 200);
    expect((await members(stolen)).status).toBe(401);
  });

  it('a sign-out on one instance holds on another once it has heard it', async () => {
    const ws = await makeWorkspace(t);
    const there = onSecond(ws.admin);
    expectStatus(await members(there), 200);
    expectStatus(await members(there), 200);
    const hits = second.ctx.credentials!.hits;
    expectStatus(await members(there), 200);
    expect(second.ctx.credentials!.hits, 'served from memory on the second instance').toBe(hits + 1);
    expectStatus(await ws.admin.signOut(), 200);
    await caughtUp(second);
    expect((await members(there)).status).toBe(401);
  });

  it('a revoked API token is refused on every instance', async () => {
    const ws = await makeWorkspace(t);
    const created = expectStatus(await ws.admin.post<CreatedApiTokenView>('/api/v1/tokens', { name: 'CRM sync' }), 201);
    const here = t.client().withToken(created.token);
    const there = new Client(second.server).withToken(created.token);
    for (const c of [here, there, here, there]) expectStatus(await members(c), 200);
    expectStatus(await ws.admin.delete(`/api/v1/tokens/${created.id}`), 200);
    expect((await members(here)).status).toBe(401);
    await caughtUp(second);
    expect((await members(there)).status).toBe(401);
  });

  it('changes made straight in the database (a CLI command, SQL by hand) take effect once heard', async () => {
    const ws = await makeWorkspace(t);
    const rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rita Rep' });
    expectStatus(await members(rep.client), 200);
    expectStatus(await members(rep.client), 200);
    // Promoted to admin by SQL: the new role counts (managing tokens is for admins).
    expect((await rep.client.get('/api/v1/tokens')).status).toBe(403);
    await t.db.kysely.updateTable('members').set({ role: 'admin' }).where('id', '=', rep.member.id).execute();
    await caughtUp(t.app);
    expectStatus(await rep.client.get('/api/v1/tokens'), 200);
    // Deactivated by SQL: no longer a member of the workspace.
    await t.db.kysely.updateTable('members').set({ active: 0 }).where('id', '=', rep.member.id).execute();
    await caughtUp(t.app);
    expect((await members(rep.client)).status).toBe(403);
    // Every session deleted by SQL: signed out.
    const admin = ws.admin;
    expectStatus(await members(admin), 200);
    await t.db.kysely.deleteFrom('sessions').where('user_id', '=', ws.adminUserId).execute();
    await caughtUp(t.app);
    expect((await members(admin)).status).toBe(401);
  });

  it('a lost feed connection stops serving credentials from memory until the feed is back', async () => {
    const ws = await makeWorkspace(t);
    const feed = t.app.ctx.changeFeed!;
    const cache = t.app.ctx.credentials!;
    expectStatus(await members(ws.admin), 200);
    expectStatus(await members(ws.admin), 200);
    const schema = t.config.database.kind === 'postgres' ? t.config.database.schema : '';
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${`lockstep change feed ${schema}`}`.execute(t.db.kysely);
    await until(() => !feed.connected);
    const hits = cache.hits;
    expectStatus(await members(ws.admin), 200);
    expect(cache.hits, 'read from the database while the feed is down').toBe(hits);
    // A change made while nobody listens is never missed: the feed's return starts from nothing.
    const stolen = ws.admin.clone();
    await t.db.kysely.deleteFrom('sessions').where('user_id', '=', ws.adminUserId).execute();
    expect((await members(stolen)).status).toBe(401);
    await until(() => feed.connected);
    expect((await members(stolen)).status).toBe(401);
    const again = await makeWorkspace(t);
    expectStatus(await members(again.admin), 200);
    const before = cache.hits;
    expectStatus(await members(again.admin), 200);
    expect(cache.hits, 'from memory again once the feed is back').toBe(before + 1);
  });

  it('notifications of another schema in the same database are not ours', async () => {
    const ws = await makeWorkspace(t);
    expectStatus(await members(ws.admin), 200);
    expectStatus(await members(ws.admin), 200);
    const hits = t.app.ctx.credentials!.hits;
    await sql`select pg_notify('lockstep_changes', 'some_other_schema c')`.execute(t.db.kysely);
    await caughtUp(t.app);
    expectStatus(await members(ws.admin), 200);
    expect(t.app.ctx.credentials!.hits).toBe(hits + 1);
  });
});
