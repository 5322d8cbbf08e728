// The read cache (docs/decisions/025): cached reads are served again only while nothing changed, a write is
// visible on the next read — on the instance that took it and on every other instance of the same database —
// and one member's cached answer never reaches another member or another workspace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/lockstep.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { Client, expectStatus } from '../helpers/client.js';
import type { MemberView } from '../helpers/views.js';
import { addMember, changedInDb, makeKpi, makeWorkspace, sameSessionOn, uniqueEmail } from '../factories.js';

let t: TestApp;
let second: App;
beforeAll(async () => {
  t = await createTestApp({ shareable: true });
  // A second instance on the same database, as a second server process behind a load balancer would be.
  second = await createApp(t.config);
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const onSecond = (c: Client): Client => sameSessionOn(second, c);

const members = async (c: Client) => expectStatus(await c.get<{ items: MemberView[] }>('/api/v1/members?limit=200'), 200).items;
const memberNames = async (c: Client) => (await members(c)).map((m) => m.name);
const kpiNames = async (c: Client) => expectStatus(await c.get<{ items: Array<{ name: string }> }>('/api/v1/goals/kpis'), 200).items.map((k) => k.name);

describe('read cache', () => {
  it('answers a repeated read from the cache, with the same body and headers', async () => {
    const ws = await makeWorkspace(t);
    const cache = t.app.ctx.readCache;
    const first = await ws.admin.get('/api/v1/members');
    const hits = cache.hits;
    const again = await ws.admin.get('/api/v1/members');
    expect(cache.hits).toBe(hits + 1);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.headers['cache-control']).toBe('no-store');
  });

  it('reads a missing answer once however many ask for it at the same moment', async () => {
    const ws = await makeWorkspace(t);
    const cache = t.app.ctx.readCache;
    const [hits, misses] = [cache.hits, cache.misses];
    const answers = await Promise.all(Array.from({ length: 8 }, () => ws.admin.clone().get('/api/v1/goals/overview')));
    expect(answers.map((a) => a.status)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(cache.misses - misses, 'one read of the database').toBe(1);
    expect(cache.hits - hits).toBe(7);
  });

  it('a write through the API is visible on the next read of the same instance', async () => {
    const ws = await makeWorkspace(t);
    const lead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sal Lead' });
    expect(await kpiNames(lead.client)).toEqual([]);
    await makeKpi(lead.client, { team: 'sales', name: 'Pipeline created' });
    expect(await kpiNames(lead.client)).toEqual(['Pipeline created']);
    expect(await memberNames(ws.admin)).toContain('Sal Lead');
  });

  it('a write on one instance is visible on the next read of another instance', async () => {
    const ws = await makeWorkspace(t);
    const admin2 = onSecond(ws.admin);
    const before = await memberNames(admin2);
    await memberNames(admin2); // now cached on the second instance
    expectStatus(await ws.admin.patch(`/api/v1/members/${ws.adminMemberId}`, { function: 'Chief revenue officer' }), 200);
    await addMember(t, ws, { name: 'Newly Joined' });
    const after = await memberNames(admin2);
    expect(after).toEqual(expect.arrayContaining([...before, 'Newly Joined']));
    const me = (await members(admin2)).find((m) => m.id === ws.adminMemberId);
    expect(me).toMatchObject({ function: 'Chief revenue officer' });
  });

  it("a person's profile change (a /me route) reaches every workspace's cached lists", async () => {
    const ws = await makeWorkspace(t, { adminName: 'Old Name' });
    expect(await memberNames(ws.admin)).toContain('Old Name');
    expectStatus(await ws.admin.patch('/api/v1/me', { name: 'New Name' }), 200);
    const names = await memberNames(onSecond(ws.admin));
    expect(names).toContain('New Name');
    expect(names).not.toContain('Old Name');
    expect(await memberNames(ws.admin)).toContain('New Name');
  });

  it('keeps answers per member: another member, or the same person in another workspace, is never served them', async () => {
    const a = await makeWorkspace(t, { adminName: 'Admin A' });
    const b = await makeWorkspace(t, { adminName: 'Admin B' });
    const both = await addMember(t, a, { name: 'In Both', email: uniqueEmail('both') });
    // b invites the same person; they accept, then switch their session to b.
    const invited = expectStatus(await b.admin.post<MemberView & { invite?: unknown }>('/api/v1/members', { email: both.email, name: 'In Both', role: 'member', team: 'marketing' }), 201);
    expect(invited).toBeTruthy();
    const me = expectStatus(await both.client.get<{ invitations: Array<{ id: string }> }>('/api/v1/me'), 200);
    const invitation = me.invitations[0];
    if (!invitation) throw new Error('no invitation');
    expect(await memberNames(both.client)).toContain('Admin A');
    expectStatus(await both.client.post(`/api/v1/me/invitations/${invitation.id}/accept`, {}), 200);
    const inB = await memberNames(both.client);
    expect(inB).toContain('Admin B');
    expect(inB).not.toContain('Admin A');
    // Admin of a reads a's list; it names a's people, not b's.
    expect(await memberNames(a.admin)).not.toContain('Admin B');
  });

  it('a refused write leaves the cache as it was, and a deactivated member is refused, not served from it', async () => {
    const ws = await makeWorkspace(t);
    const member = await addMember(t, ws, { name: 'Soon Gone' });
    await memberNames(member.client);
    const versions = await t.db.kysely.selectFrom('read_versions').select('version').where('scope', '=', ws.id).executeTakeFirst();
    expect((await ws.admin.post('/api/v1/invites', { role: 'wizard', team: 'sales' })).status).toBe(400);
    const unchanged = await t.db.kysely.selectFrom('read_versions').select('version').where('scope', '=', ws.id).executeTakeFirst();
    expect(unchanged?.version).toBe(versions?.version);
    expectStatus(await ws.admin.patch(`/api/v1/members/${member.member.id}`, { active: false }), 200);
    expect((await member.client.get('/api/v1/members')).status).toBe(403);
  });

  it('signing in, signing out and switching workspace empty nobody\'s cache', async () => {
    const ws = await makeWorkspace(t);
    const other = await makeWorkspace(t);
    await memberNames(ws.admin);
    const hits = t.app.ctx.readCache.hits;
    const again = other.admin.stranger();
    if (!other.admin.email || !other.admin.password) throw new Error('no credentials');
    expectStatus(await again.signIn(other.admin.email, other.admin.password), 200);
    expectStatus(await again.post('/api/v1/auth/signout', {}), 200);
    await memberNames(ws.admin);
    expect(t.app.ctx.readCache.hits).toBe(hits + 1);
  });

  it('a job run and a CLI-style direct write both invalidate: every workspace is read again', async () => {
    const ws = await makeWorkspace(t);
    await memberNames(ws.admin);
    const hits = t.app.ctx.readCache.hits;
    expect(await t.app.ctx.jobs.runDue(new Date())).not.toEqual([]);
    await memberNames(ws.admin);
    expect(t.app.ctx.readCache.hits, 'read again after the job').toBe(hits);
    await memberNames(ws.admin);
    expect(t.app.ctx.readCache.hits, 'then cached').toBe(hits + 1);
    await changedInDb(t);
    await memberNames(ws.admin);
    expect(t.app.ctx.readCache.hits, 'read again after a direct write').toBe(hits + 1);
  });

  it('an answer older than READ_CACHE_MS is read again (state derived from the clock stays fresh)', async () => {
    const fresh = await createTestApp({ config: { readCacheMs: 0 } });
    try {
      const ws = await makeWorkspace(fresh);
      await memberNames(ws.admin);
      await memberNames(ws.admin);
      expect(fresh.app.ctx.readCache.hits).toBe(0);
    } finally {
      await fresh.close();
    }
  });
});
