// Invite links (SPEC S0): expiring, single use, optionally bound to an email; and people added directly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import type { AddMemberView, InvitePreview, InviteView, MeView, MemberView } from '../helpers/views.js';
import { allPages, makeInvite, makeWorkspace, type Page, PASSWORD, tokenOf, uniqueEmail, type TestWorkspace } from '../factories.js';

let t: TestApp;
let ws: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { name: 'Northwind', adminName: 'Dana Admin' });
});
afterAll(async () => {
  await t?.close();
});

const newcomer = (over: Partial<{ name: string; email: string; password: string }> = {}) => ({
  name: 'Nia Newcomer',
  email: uniqueEmail('newcomer'),
  password: PASSWORD,
  ...over,
});

describe('creating and previewing an invite', () => {
  it('an admin creates an invite; the link and token are shown once and the list shows it pending', async () => {
    const invite = await makeInvite(ws, { role: 'leader', team: 'marketing', function: 'Demand gen', expiresInDays: 3 });
    expect(invite.url).toBe(`${t.config.publicUrl}/invite/${invite.token}`);
    expect(invite.status).toBe('pending');
    expect(invite.createdByName).toBe('Dana Admin');
    const days = (Date.parse(invite.expiresAt) - Date.parse(invite.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(3, 5);

    const list = await ws.admin.get<Page<InviteView>>('/api/v1/invites');
    expect(list.status).toBe(200);
    const listed = list.body.items.find((i) => i.id === invite.id);
    expect(listed?.status).toBe('pending');
    expect(list.text).not.toContain(invite.token);
    // The token is stored only as a hash.
    const row = await t.db.kysely.selectFrom('invites').selectAll().where('id', '=', invite.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(invite.token);
  });

  it('anyone with the link sees what it is for, without signing in', async () => {
    const invite = await makeInvite(ws, { role: 'viewer', team: 'sales', email: 'Preview@Example.test' });
    const res = await t.client().get<InvitePreview>(`/api/v1/invites/preview/${invite.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      workspaceName: 'Northwind',
      role: 'viewer',
      team: 'sales',
      email: 'preview@example.test',
      invitedBy: 'Dana Admin',
      expiresAt: invite.expiresAt,
    });
  });

  it('an unknown token answers 404', async () => {
    const res = await t.client().get(`/api/v1/invites/preview/${'x'.repeat(43)}`);
    expect(res.status).toBe(404);
    expect(res.error?.code).toBe('not_found');
  });

  it('refuses bad input with 400', async () => {
    expect((await ws.admin.post('/api/v1/invites', { role: 'owner', team: 'sales' })).status).toBe(400);
    expect((await ws.admin.post('/api/v1/invites', { role: 'member', team: 'sales', expiresInDays: 90 })).status).toBe(400);
    expect((await ws.admin.post('/api/v1/invites', { role: 'member', team: 'sales', email: 'nope' })).status).toBe(400);
  });
});

describe('accepting an invite', () => {
  it('a new person accepts: gets a session and lands in the workspace with the invite role and team', async () => {
    const invite = await makeInvite(ws, { role: 'leader', team: 'marketing', function: 'Content' });
    const person = t.client();
    const input = newcomer();
    const res = await person.post<MeView>(`/api/v1/invites/accept/${invite.token}`, input);
    expect(res.status).toBe(200);
    expect(res.cookies.find((c) => c.name === 'lockstep_session')?.httpOnly).toBe(true);
    expect(res.body.workspace?.id).toBe(ws.id);
    expect(res.body.member).toMatchObject({ role: 'leader', team: 'marketing', function: 'Content', email: input.email, name: 'Nia Newcomer' });
    const me = await person.me();
    expect(me.workspace?.id).toBe(ws.id);
    expect(me.user.timeZone).toBe(ws.me.workspace?.timeZone);
    // The person can sign in later with the password they chose.
    expect((await t.client().signIn(input.email, PASSWORD)).status).toBe(200);
    // The admin sees the member and the invite as accepted.
    expect((await allPages<MemberView>(ws.admin, '/api/v1/members')).map((m) => m.email)).toContain(input.email);
    expect((await allPages<InviteView>(ws.admin, '/api/v1/invites')).find((i) => i.id === invite.id)?.status).toBe('accepted');
  });

  it('is single use: a second accept answers 404 with a message', async () => {
    const invite = await makeInvite(ws);
    expectStatus(await t.client().post(`/api/v1/invites/accept/${invite.token}`, newcomer()), 200);
    const second = await t.client().post(`/api/v1/invites/accept/${invite.token}`, newcomer());
    expect(second.status).toBe(404);
    expect(second.error?.message).toMatch(/already used/);
    expect((await t.client().get(`/api/v1/invites/preview/${invite.token}`)).status).toBe(404);
  });

  it('two accepts racing for one invite: exactly one wins', async () => {
    const invite = await makeInvite(ws);
    const results = await Promise.all([
      t.client().post(`/api/v1/invites/accept/${invite.token}`, newcomer()),
      t.client().post(`/api/v1/invites/accept/${invite.token}`, newcomer()),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).toBeGreaterThanOrEqual(400);
    expect(statuses[1]).toBeLessThan(500);
    const row = await t.db.kysely.selectFrom('invites').select(['accepted_by']).where('id', '=', invite.id).executeTakeFirstOrThrow();
    expect(row.accepted_by).not.toBeNull();
  });

  it('an expired invite answers 404 and says it expired', async () => {
    const invite = await makeInvite(ws);
    await t.db.kysely.updateTable('invites').set({ expires_at: new Date(Date.now() - 60_000).toISOString() }).where('id', '=', invite.id).execute();
    const preview = await t.client().get(`/api/v1/invites/preview/${invite.token}`);
    expect(preview.status).toBe(404);
    expect(preview.error?.message).toMatch(/expired/);
    const accept = await t.client().post(`/api/v1/invites/accept/${invite.token}`, newcomer());
    expect(accept.status).toBe(404);
    expect(accept.error?.message).toMatch(/expired/);
    expect((await allPages<InviteView>(ws.admin, '/api/v1/invites')).find((i) => i.id === invite.id)?.status).toBe('expired');
  });

  it('a revoked invite answers 404', async () => {
    const invite = await makeInvite(ws);
    expectStatus(await ws.admin.delete(`/api/v1/invites/${invite.id}`), 200);
    const accept = await t.client().post(`/api/v1/invites/accept/${invite.token}`, newcomer());
    expect(accept.status).toBe(404);
    expect(accept.error?.message).toMatch(/revoked/);
    // Revoking twice is harmless; revoking an accepted invite is a conflict.
    expect((await ws.admin.delete(`/api/v1/invites/${invite.id}`)).status).toBe(200);
    const used = await makeInvite(ws);
    expectStatus(await t.client().post(`/api/v1/invites/accept/${used.token}`, newcomer()), 200);
    expect((await ws.admin.delete(`/api/v1/invites/${used.id}`)).status).toBe(409);
  });

  it('an email-bound invite refuses another email', async () => {
    const bound = uniqueEmail('bound');
    const invite = await makeInvite(ws, { email: bound });
    // Signed in as someone else: refused, and the invite stays open.
    const other = await makeWorkspace(t);
    const refused = await other.admin.post(`/api/v1/invites/accept/${invite.token}`, {});
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toContain(bound);
    // Not signed in: the email in the body is ignored; the account is made for the invite's address.
    const person = t.client();
    const res = await person.post<MeView>(`/api/v1/invites/accept/${invite.token}`, newcomer({ email: uniqueEmail('other') }));
    expect(res.status).toBe(200);
    expect(res.body.user.email).toBe(bound);
  });

  it('accepting without the details a new account needs answers 400 and leaves the invite open', async () => {
    const invite = await makeInvite(ws);
    const noPassword = await t.client().post(`/api/v1/invites/accept/${invite.token}`, { name: 'No Password', email: uniqueEmail('np') });
    expect(noPassword.status).toBe(400);
    expect(noPassword.error?.message).toMatch(/password/);
    const noEmail = await t.client().post(`/api/v1/invites/accept/${invite.token}`, { name: 'No Email', password: PASSWORD });
    expect(noEmail.status).toBe(400);
    expect(noEmail.error?.message).toMatch(/email/);
    expect((await t.client().get(`/api/v1/invites/preview/${invite.token}`)).status).toBe(200);
  });

  it('an existing account accepting while signed out is asked to sign in first (409)', async () => {
    const other = await makeWorkspace(t);
    const invite = await makeInvite(ws);
    const res = await t.client().post(`/api/v1/invites/accept/${invite.token}`, { name: 'Again', email: other.admin.email, password: 'some-other-password' });
    expect(res.status).toBe(409);
    expect(res.error?.message).toMatch(/Sign in as that person/);
    // The existing account's password is unchanged.
    expect((await t.client().signIn(other.admin.email!, PASSWORD)).status).toBe(200);
  });

  it('a signed-in person joins a second workspace, switches between them, and /me lists both', async () => {
    const other = await makeWorkspace(t, { name: 'Contoso' });
    const invite = await makeInvite(ws, { role: 'viewer', team: 'marketing' });
    const person = other.admin;

    const joined = await person.post<MeView>(`/api/v1/invites/accept/${invite.token}`, {});
    expect(joined.status).toBe(200);
    expect(joined.body.workspace?.id).toBe(ws.id);
    expect(joined.body.member?.role).toBe('viewer');
    expect(joined.cookies).toHaveLength(0); // the same session, now in the new workspace

    const me = await person.me();
    expect(me.workspace?.id).toBe(ws.id);
    expect(me.workspaces.map((w) => w.id).sort()).toEqual([ws.id, other.id].sort());
    expect(me.workspaces.find((w) => w.id === other.id)?.role).toBe('admin');
    expect(me.workspaces.find((w) => w.id === ws.id)?.role).toBe('viewer');

    const back = await person.post<MeView>('/api/v1/me/workspace', { workspaceId: other.id });
    expect(back.status).toBe(200);
    expect(back.body.workspace?.id).toBe(other.id);
    expect((await person.me()).member?.role).toBe('admin');
    expect((await person.get<{ id: string }>('/api/v1/workspace')).body.id).toBe(other.id);

    // Accepting again as an existing member is refused.
    const again = await makeInvite(ws);
    expect((await person.post(`/api/v1/invites/accept/${again.token}`, {})).status).toBe(409);
    // Switching to a workspace one does not belong to answers 404.
    const stranger = await makeWorkspace(t);
    expect((await person.post('/api/v1/me/workspace', { workspaceId: stranger.id })).status).toBe(404);
  });
});

describe('adding a member directly', () => {
  it("returns a setup link that lets the person set a password and sign in", async () => {
    const email = uniqueEmail('added');
    const res = await ws.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Ari Added', role: 'member', team: 'sales', function: 'SDR', keyPlayer: true });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({ email, name: 'Ari Added', role: 'member', team: 'sales', function: 'SDR', keyPlayer: true, status: 'invited', userId: null, joinedAt: null });
    expect(res.body.setupUrl).toMatch(new RegExp(`^${t.config.publicUrl}/invite/`));
    const token = tokenOf(res.body.setupUrl);

    // No password yet: signing in fails.
    expect((await t.client().signIn(email, PASSWORD)).status).toBe(401);
    const preview = await t.client().get<InvitePreview>(`/api/v1/invites/preview/${token}`);
    expect(preview.body.email).toBe(email);

    const person = t.client();
    const set = await person.post<MeView>(`/api/v1/invites/accept/${token}`, { password: 'my-own-password-1' });
    expect(set.status).toBe(200);
    expect(set.body.member?.id).toBe(res.body.member.id);
    expect(set.body.member?.status).toBe('active');
    expect(set.body.member?.userId).toBe(set.body.user.id);
    expect((await t.client().signIn(email, 'my-own-password-1')).status).toBe(200);
    // The setup link is single use.
    expect((await t.client().post(`/api/v1/invites/accept/${token}`, { password: 'another-password-2' })).status).toBe(404);
    // Only one member row for the person.
    expect((await allPages<MemberView>(ws.admin, `/api/v1/members?q=${encodeURIComponent(email)}`)).filter((m) => m.email === email)).toHaveLength(1);
  });

  it('adding someone who already has an account answers as for anyone else and waits for them to accept; adding them twice is a conflict', async () => {
    const other = await makeWorkspace(t, { adminName: 'Olga Other' });
    const email = other.admin.email!;
    const res = await ws.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Typed Name', team: 'leadership' });
    expect(res.status).toBe(201);
    expect(res.body.setupUrl).toMatch(new RegExp(`^${t.config.publicUrl}/invite/`));
    expect(res.body.member).toMatchObject({ email, name: 'Typed Name', status: 'invited', userId: null, joinedAt: null, timeZone: ws.me.workspace?.timeZone });
    expect(res.text).not.toContain('Olga Other');
    expect(res.text).not.toContain(other.adminUserId);
    const again = await ws.admin.post('/api/v1/members', { email, name: 'Typed Name', team: 'leadership' });
    expect(again.status).toBe(409);
    expect(again.error?.message).toContain(email);

    // The person sees the invitation and joins only when they accept it.
    const me = await other.admin.me();
    expect(me.workspaces.map((w) => w.id)).not.toContain(ws.id);
    const invitation = me.invitations.find((i) => i.id === res.body.member.id);
    expect(invitation).toMatchObject({ workspaceName: 'Northwind', role: 'member', team: 'leadership' });
    const joined = await other.admin.post<MeView>(`/api/v1/me/invitations/${res.body.member.id}/accept`);
    expect(joined.status).toBe(200);
    expect(joined.body.workspace?.id).toBe(ws.id);
    expect(joined.body.member).toMatchObject({ status: 'active', name: 'Olga Other' });
    expect(joined.body.invitations).toEqual([]);
    // The setup link made for the membership is used up.
    expect((await other.admin.post(`/api/v1/invites/accept/${tokenOf(res.body.setupUrl)}`, {})).status).toBe(404);
  });
});
