// Accounts and memberships across workspaces (issue #7, SPEC S0, docs/SECURITY.md): every flow that creates or
// changes a credential or a membership, driven from a second workspace against a person of the first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import type { AddMemberView, CreatedInviteView, MemberView, MeView } from '../helpers/views.js';
import { makeApiToken, makeInvite, makeWeeklySeries, makeWorkspace, PASSWORD, tokenOf, uniqueEmail, type TestWorkspace } from '../factories.js';

let t: TestApp;
let a: TestWorkspace;
let b: TestWorkspace;
const ATTACKER_PASSWORD = 'attacker-chosen-passphrase-77';

beforeAll(async () => {
  t = await createTestApp();
  a = await makeWorkspace(t, { name: 'Alpha Corp', adminName: 'Alma Alpha', timeZone: 'Europe/Berlin' });
  // "Aardvark" sorts before "Alpha": a workspace that sorts first must not become where anyone lands.
  b = await makeWorkspace(t, { name: 'Aardvark Ltd', adminName: 'Bram Beta', timeZone: 'America/New_York' });
});
afterAll(async () => {
  await t?.close();
});

async function addToA(email: string, role: 'admin' | 'member' = 'admin'): Promise<AddMemberView> {
  return expectStatus(await a.admin.post<AddMemberView>('/api/v1/members', { email, name: 'New Hire', role, team: 'leadership' }), 201);
}

async function userRow(email: string) {
  return t.db.kysely.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

describe('a person another workspace added cannot be taken over from a second workspace', () => {
  it("B's member link never sets the password of A's new hire; A's own link still works", async () => {
    const email = uniqueEmail('newhire');
    const fromA = await addToA(email);
    const fromB = expectStatus(await b.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Someone Else', role: 'admin', team: 'sales' }), 201);

    const attacker = t.client();
    const claim = await attacker.post(`/api/v1/invites/accept/${tokenOf(fromB.setupUrl)}`, { name: 'Attacker', password: ATTACKER_PASSWORD });
    expect(claim.status).toBe(409);
    expect(claim.cookies.find((c) => c.name === 'lockstep_session')).toBeUndefined();
    expect((await userRow(email)).password_hash).toBeNull();
    expect((await t.client().signIn(email, ATTACKER_PASSWORD)).status).toBe(401);

    // The real person's link from A sets their password and makes them admin of A — and only of A.
    const person = t.client();
    const joined = expectStatus(await person.post<MeView>(`/api/v1/invites/accept/${tokenOf(fromA.setupUrl)}`, { password: 'my-real-passphrase-42' }), 200);
    expect(joined.workspace?.id).toBe(a.id);
    expect(joined.member).toMatchObject({ role: 'admin', status: 'active' });
    expect(joined.workspaces.map((w) => w.id)).toEqual([a.id]);
    expect(joined.invitations.map((i) => i.workspaceName)).toEqual(['Aardvark Ltd']);
    // B's link, now that the account exists, still sets nothing.
    expect((await t.client().post(`/api/v1/invites/accept/${tokenOf(fromB.setupUrl)}`, { password: ATTACKER_PASSWORD })).status).toBe(409);
    expect((await t.client().signIn(email, 'my-real-passphrase-42')).status).toBe(200);
  });

  it("B's email-bound invite and B's open invite never set the password of A's new hire", async () => {
    const email = uniqueEmail('newhire');
    const fromA = await addToA(email);
    const bound = await makeInvite(b, { email, role: 'admin', team: 'sales' });
    const open = await makeInvite(b, { role: 'admin', team: 'sales' });
    expect((await t.client().post(`/api/v1/invites/accept/${bound.token}`, { name: 'Attacker', password: ATTACKER_PASSWORD })).status).toBe(409);
    expect((await t.client().post(`/api/v1/invites/accept/${open.token}`, { name: 'Attacker', email, password: ATTACKER_PASSWORD })).status).toBe(409);
    expect((await userRow(email)).password_hash).toBeNull();
    // Both invites are still unused, and A's link still works.
    const invites = await b.admin.get<{ items: Array<{ id: string; status: string }> }>('/api/v1/invites');
    expect(invites.body.items.filter((i) => i.id === bound.id || i.id === open.id).map((i) => i.status)).toEqual(['pending', 'pending']);
    expectStatus(await t.client().post(`/api/v1/invites/accept/${tokenOf(fromA.setupUrl)}`, { password: 'my-real-passphrase-42' }), 200);
  });

  it("no link of B sets or changes the password of A's admin, who has one", async () => {
    const email = a.admin.email!;
    const before = (await userRow(email)).password_hash;
    const open = await makeInvite(b, { role: 'admin', team: 'sales' });
    const bound = await makeInvite(b, { email, role: 'admin', team: 'sales' });
    const added = expectStatus(await b.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Alma?', team: 'sales' }), 201);
    for (const [token, body] of [
      [open.token, { name: 'X', email, password: ATTACKER_PASSWORD }],
      [bound.token, { name: 'X', password: ATTACKER_PASSWORD }],
      [tokenOf(added.setupUrl), { name: 'X', password: ATTACKER_PASSWORD }],
    ] as const) {
      expect((await t.client().post(`/api/v1/invites/accept/${token}`, body)).status).toBe(409);
    }
    expect((await userRow(email)).password_hash).toBe(before);
    expect((await t.client().signIn(email, PASSWORD)).status).toBe(200);
  });
});

describe("adding a person who already has an account shows nothing of it and adds nobody without consent", () => {
  it('the answer for an existing account has the same shape and content as for a new email: only what B typed', async () => {
    const elsewhere = await makeWorkspace(t, { adminName: 'Alma Alpha', timeZone: 'Europe/Berlin' });
    const existing = expectStatus(await b.admin.post<AddMemberView>('/api/v1/members', { email: elsewhere.admin.email!, name: 'Typed By B', role: 'member', team: 'marketing' }), 201);
    const fresh = expectStatus(await b.admin.post<AddMemberView>('/api/v1/members', { email: uniqueEmail('fresh'), name: 'Typed By B', role: 'member', team: 'marketing' }), 201);
    const shape = (v: AddMemberView) => ({ ...v, setupUrl: typeof v.setupUrl, member: { ...v.member, id: typeof v.member.id, email: typeof v.member.email, createdAt: typeof v.member.createdAt } });
    expect(shape(existing)).toEqual(shape(fresh));
    expect(existing.member).toMatchObject({ name: 'Typed By B', userId: null, timeZone: 'America/New_York', status: 'invited', joinedAt: null });
    const text = JSON.stringify(existing);
    for (const secret of ['Alma Alpha', 'Europe/Berlin', elsewhere.adminUserId, elsewhere.id]) expect(text).not.toContain(secret);
    // B's member list and the single member read show the same, nothing more.
    const one = expectStatus(await b.admin.get<MemberView>(`/api/v1/members/${existing.member.id}`), 200);
    expect(one).toEqual(existing.member);
    const list = expectStatus(await b.admin.get<MemberView[]>('/api/v1/members'), 200);
    expect(JSON.stringify(list)).not.toContain('Alma Alpha');
  });

  it("B's other rooms show an invited person by the name B typed too (check-in attendees)", async () => {
    const elsewhere = await makeWorkspace(t, { adminName: 'Secret Stored Name' });
    const space = await makeWorkspace(t);
    const added = expectStatus(await space.admin.post<AddMemberView>('/api/v1/members', { email: elsewhere.admin.email!, name: 'Name Typed Here', team: 'sales', keyPlayer: true }), 201);
    const series = await makeWeeklySeries(space.admin, { attendeeIds: [space.adminMemberId, added.member.id], quorum: { requirements: [{ team: 'leadership', min: 1, keyPlayersOnly: true }] } });
    expect(series.attendees.map((x) => x.name).sort()).toEqual(['Ada Admin', 'Name Typed Here']);
    const text = (await space.admin.get('/api/v1/checkins/series')).text + (await space.admin.get('/api/v1/checkins/meetings')).text;
    expect(text).not.toContain('Secret Stored Name');
  });

  it('the person is not in B until they accept; they land in the workspace they last used, not in B', async () => {
    const email = uniqueEmail('person');
    const c = await makeWorkspace(t, { name: 'Zulu Works', email });
    const added = expectStatus(await b.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Zed', team: 'sales' }), 201);
    const signedIn = expectStatus(await t.client().signIn(email, PASSWORD), 200);
    expect(signedIn.workspace?.id).toBe(c.id);
    expect(signedIn.workspaces.map((w) => w.id)).toEqual([c.id]);
    expect(signedIn.invitations).toEqual([expect.objectContaining({ id: added.member.id, workspaceName: 'Aardvark Ltd', role: 'member', team: 'sales' })]);
    // Not a member yet: switching to B, or calling with B's workspace, is refused.
    expect((await c.admin.post('/api/v1/me/workspace', { workspaceId: b.id })).status).toBe(404);

    // Accepting joins B; the next sign-in lands in B, the workspace used last.
    const joined = expectStatus(await c.admin.post<MeView>(`/api/v1/me/invitations/${added.member.id}/accept`), 200);
    expect(joined.workspace?.id).toBe(b.id);
    expect(joined.member).toMatchObject({ id: added.member.id, status: 'active', name: 'Ada Admin' });
    expect((await t.client().signIn(email, PASSWORD)).body).toMatchObject({ workspace: { id: b.id } });
    // Switch back to C: that is where the next sign-in lands.
    expectStatus(await c.admin.post('/api/v1/me/workspace', { workspaceId: c.id }), 200);
    expect((await t.client().signIn(email, PASSWORD)).body).toMatchObject({ workspace: { id: c.id } });
    // Accepting twice is a 404: nothing is waiting any more.
    expect((await c.admin.post(`/api/v1/me/invitations/${added.member.id}/accept`)).status).toBe(404);
  });

  it('declining leaves the person out of B and uses up its link', async () => {
    const email = uniqueEmail('decliner');
    const c = await makeWorkspace(t, { email });
    const added = expectStatus(await b.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Dee', team: 'sales' }), 201);
    const after = expectStatus(await c.admin.post<MeView>(`/api/v1/me/invitations/${added.member.id}/decline`), 200);
    expect(after.invitations).toEqual([]);
    expect(after.workspaces.map((w) => w.id)).toEqual([c.id]);
    expect((await b.admin.get<MemberView>(`/api/v1/members/${added.member.id}`)).body.status).toBe('inactive');
    expect((await c.admin.post(`/api/v1/invites/accept/${tokenOf(added.setupUrl)}`, {})).status).toBe(404);
  });

  it('deactivating an invited member takes the invitation back and stops their link', async () => {
    const email = uniqueEmail('withdrawn');
    const c = await makeWorkspace(t, { email });
    const added = expectStatus(await b.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Wyn', team: 'sales' }), 201);
    expectStatus(await b.admin.patch(`/api/v1/members/${added.member.id}`, { active: false }), 200);
    expect((await c.admin.me()).invitations).toEqual([]);
    expect((await c.admin.post(`/api/v1/invites/accept/${tokenOf(added.setupUrl)}`, {})).status).toBe(404);
    expect((await c.admin.post(`/api/v1/me/invitations/${added.member.id}/accept`)).status).toBe(404);
  });

  it('an invited admin does not count as the admin who keeps a workspace governable', async () => {
    const space = await makeWorkspace(t);
    expectStatus(await space.admin.post('/api/v1/members', { email: uniqueEmail('future-admin'), name: 'Future', role: 'admin', team: 'leadership' }), 201);
    const demote = await space.admin.patch(`/api/v1/members/${space.adminMemberId}`, { role: 'member' });
    expect(demote.status).toBe(400);
    expect(demote.error?.message).toMatch(/at least one active admin/);
  });

  it("nobody else accepts or declines a person's invitation, not B's admin nor A's", async () => {
    const email = uniqueEmail('target');
    await makeWorkspace(t, { email });
    const added = expectStatus(await b.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Tee', team: 'sales' }), 201);
    for (const who of [b.admin, a.admin]) {
      expect((await who.post(`/api/v1/me/invitations/${added.member.id}/accept`)).status).toBe(404);
      expect((await who.post(`/api/v1/me/invitations/${added.member.id}/decline`)).status).toBe(404);
    }
    expect((await b.admin.get<MemberView>(`/api/v1/members/${added.member.id}`)).body.status).toBe('invited');
  });

  it('an invited member cannot act in B: an API token of theirs cannot exist and a session cannot reach it', async () => {
    const email = uniqueEmail('waiting');
    const c = await makeWorkspace(t, { email });
    expectStatus(await b.admin.post('/api/v1/members', { email, name: 'W', role: 'admin', team: 'sales' }), 201);
    const row = await t.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', c.adminUserId).executeTakeFirstOrThrow();
    // Even a session pointed at B by hand does not make them an actor there.
    await t.db.kysely.updateTable('sessions').set({ workspace_id: b.id }).where('id', '=', row.id).execute();
    expect((await c.admin.get('/api/v1/members')).status).toBe(403);
  });
});

describe('sign-up with an email that has an account', () => {
  it('creates nothing, signs nobody in and does not say whose account it is', async () => {
    const res = await t.client().signUp({ email: a.admin.email!, password: 'some-other-passphrase-9', name: 'Mallory', workspaceName: 'Takeover Inc' });
    expect(res.status).toBe(409);
    expect(res.cookies.find((c) => c.name === 'lockstep_session')).toBeUndefined();
    expect(res.text).not.toContain('Alma');
    expect(await t.db.kysely.selectFrom('workspaces').select('id').where('name', '=', 'Takeover Inc').execute()).toEqual([]);
  });
});

describe('a password change ends every other way in', () => {
  it('revokes the other sessions and the API tokens the person made, in every workspace', async () => {
    const email = uniqueEmail('changer');
    const c = await makeWorkspace(t, { email });
    const tokenC = await makeApiToken(c, 'integration');
    // The person also belongs to B, with a token there.
    const added = expectStatus(await b.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Cee', role: 'admin', team: 'sales' }), 201);
    const second = t.client();
    expectStatus(await second.signIn(email, PASSWORD), 200);
    expectStatus(await second.post(`/api/v1/me/invitations/${added.member.id}/accept`), 200);
    const tokenB = expectStatus(await second.post<{ token: string }>('/api/v1/tokens', { name: 'in B' }), 201);
    // B's admin's own token is not the person's and stays.
    const bAdminToken = await makeApiToken(b, 'b admin');

    expectStatus(await c.admin.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'a-brand-new-passphrase-3' }), 200);
    expect((await second.get('/api/v1/me')).status).toBe(401);
    expect((await c.admin.get('/api/v1/me')).status).toBe(200);
    for (const token of [tokenC.token, tokenB.token]) expect((await t.client().withToken(token).get('/api/v1/members')).status).toBe(401);
    expect((await t.client().withToken(bAdminToken.token).get('/api/v1/members')).status).toBe(200);
  });
});

describe('limits per account, whatever the address', () => {
  it('twenty sign-in tries for one account from twenty addresses, then 429 even with the right password', async () => {
    const email = uniqueEmail('guessed');
    await makeWorkspace(t, { email });
    for (let i = 0; i < 20; i++) expect((await t.client().signIn(email, `wrong-guess-${i}-xyz`)).status).toBe(401);
    const blocked = await t.client().signIn(email, PASSWORD);
    expect(blocked.status).toBe(429);
    expect(blocked.error?.code).toBe('rate_limited');
    expect(blocked.error?.message).toMatch(/Try again in/);
    // Another account is not affected.
    expect((await t.client().signIn(a.admin.email!, PASSWORD)).status).toBe(200);
  });

  it('ten tries at the current password per person, then 429', async () => {
    const c = await makeWorkspace(t);
    for (let i = 0; i < 10; i++) expect((await c.admin.post('/api/v1/me/password', { currentPassword: `not-it-${i}-abc`, newPassword: 'velvet orbit cactus lantern' })).status).toBe(400);
    expect((await c.admin.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'velvet orbit cactus lantern' })).status).toBe(429);
  });

  it('an invite link takes ten tries, then 429', async () => {
    const invite = await makeInvite(a);
    const existing = (await makeWorkspace(t)).admin.email!;
    // Each try names an email that has an account (409): probing which emails exist takes ten tries per link.
    for (let i = 0; i < 10; i++) expect((await t.client().post(`/api/v1/invites/accept/${invite.token}`, { name: 'P', email: existing, password: PASSWORD })).status).toBe(409);
    expect((await t.client().post(`/api/v1/invites/accept/${invite.token}`, { name: 'P', email: uniqueEmail('late'), password: PASSWORD })).status).toBe(429);
  });
});

describe('passwords that are easy to guess are refused with the reason', () => {
  it.for(['1234567890', 'aaaaaaaaaa', 'password12', '          ', 'qwertyuiop'])('sign-up refuses %j', async (password) => {
    const res = await t.client().signUp({ email: uniqueEmail('weak'), password, name: 'Wei', workspaceName: 'Weak Co' });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/password/i);
    expect(res.error?.message).toMatch(/too easy to guess|only spaces/);
  });

  it('a password made of the person’s own name and company is refused', async () => {
    const res = await t.client().signUp({ email: uniqueEmail('jordan'), password: 'Jordan Blackwood', name: 'Jordan Blackwood', workspaceName: 'Blackwood Analytics' });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/your name, email or company|too easy to guess/);
  });

  it('accepting an invite and changing the password refuse weak ones too', async () => {
    const invite: CreatedInviteView = await makeInvite(a);
    const accept = await t.client().post(`/api/v1/invites/accept/${invite.token}`, { name: 'Pat', email: uniqueEmail('pat'), password: 'password12' });
    expect(accept.status).toBe(400);
    const change = await a.admin.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'aaaaaaaaaa' });
    expect(change.status).toBe(400);
    expect((await t.client().signIn(a.admin.email!, PASSWORD)).status).toBe(200);
  });

  it('a passphrase of unrelated words is fine', async () => {
    expectStatus(await t.client().signUp({ email: uniqueEmail('strong'), password: 'velvet orbit cactus lantern', name: 'Sam', workspaceName: 'Strong Co' }), 201);
  });
});
