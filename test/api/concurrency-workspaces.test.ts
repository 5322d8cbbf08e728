// Workspaces, people and access under concurrency (issue #7): the writes that guard a unique key (an email, a
// membership, a single-use link) or an invariant (at least one admin), sent 8 at once on both databases.
// Never a 5xx; a lost race answers 409 in words; the data afterwards is whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import type { AddMemberView } from '../helpers/views.js';
import { addMember, makeInvite, makeWorkspace, PASSWORD, tokenOf, uniqueEmail, type TestWorkspace } from '../factories.js';
import { burst, countOf, expectOnly, PARALLEL, tally } from '../factories-concurrency.js';
import { expectStatus } from '../helpers/client.js';

let t: TestApp;
let ws: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { name: 'Racing Co' });
});
afterAll(async () => {
  await t?.close();
});

const usersWith = async (email: string) => (await t.db.kysely.selectFrom('users').select('id').where('email', '=', email).execute()).length;

describe('eight identical requests at once', () => {
  it('POST /members with one new email: one 201, the rest 409; one account, one member', async () => {
    const email = uniqueEmail('racer');
    const res = await burst(PARALLEL, () => ws.admin.post('/api/v1/members', { email, name: 'Rae Racer', team: 'sales' }));
    expectOnly(res, [201, 409]);
    expect(countOf(res, 201), tally(res)).toBe(1);
    expect(await usersWith(email)).toBe(1);
    const members = await t.db.kysely.selectFrom('members').innerJoin('users', 'users.id', 'members.user_id').select('members.id').where('users.email', '=', email).execute();
    expect(members).toHaveLength(1);
  });

  it('POST /members of one email from eight workspaces at once: all 201, one account, eight invitations', async () => {
    const email = uniqueEmail('wanted');
    const spaces = await Promise.all(Array.from({ length: PARALLEL }, () => makeWorkspace(t)));
    const res = await burst(PARALLEL, (i) => spaces[i]!.admin.post('/api/v1/members', { email, name: 'Wanted', team: 'sales' }));
    // The account is created once; a workspace that lost the race to create it answers 409 and may add again.
    expectOnly(res, [201, 409]);
    expect(await usersWith(email)).toBe(1);
    const retried = await Promise.all(spaces.map((s, i) => (res[i]!.status === 201 ? res[i]! : s.admin.post('/api/v1/members', { email, name: 'Wanted', team: 'sales' }))));
    expectOnly(retried, [201]);
  });

  it('POST /auth/signup with one email: one 201, the rest 409 or 429; one account, one workspace', async () => {
    const email = uniqueEmail('founder');
    const name = `Founders ${email}`;
    const res = await burst(PARALLEL, () => t.client().signUp({ email, password: PASSWORD, name: 'Fay Founder', workspaceName: name }));
    // 429: five sign-ups per email an hour.
    expectOnly(res, [201, 409, 429]);
    expect(countOf(res, 201), tally(res)).toBe(1);
    expect(await usersWith(email)).toBe(1);
    expect(await t.db.kysely.selectFrom('workspaces').select('id').where('name', '=', name).execute()).toHaveLength(1);
  });

  it('POST /invites/accept/:token of one open link by eight new people: one joins, the rest 404', async () => {
    const invite = await makeInvite(ws);
    const res = await burst(PARALLEL, (i) => t.client().post(`/api/v1/invites/accept/${invite.token}`, { name: `Person ${i}`, email: uniqueEmail(`p${i}`), password: PASSWORD }));
    expectOnly(res, [200, 404, 409]);
    expect(countOf(res, 200), tally(res)).toBe(1);
    const accepted = await t.db.kysely.selectFrom('invites').select('accepted_by').where('id', '=', invite.id).executeTakeFirstOrThrow();
    expect(accepted.accepted_by).not.toBeNull();
  });

  it('POST /invites/accept/:token of a member link by one person eight times: one password, one member', async () => {
    const email = uniqueEmail('setup');
    const added = expectStatus(await ws.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Sam Setup', team: 'marketing' }), 201);
    const res = await burst(PARALLEL, (i) => t.client().post(`/api/v1/invites/accept/${tokenOf(added.setupUrl)}`, { password: `velvet orbit cactus ${i}x` }));
    expectOnly(res, [200, 404, 409]);
    expect(countOf(res, 200), tally(res)).toBe(1);
    expect((await t.db.kysely.selectFrom('members').select('joined_at').where('id', '=', added.member.id).executeTakeFirstOrThrow()).joined_at).not.toBeNull();
  });

  it('POST /me/invitations/:id/accept eight times: one 200, the rest 404', async () => {
    const email = uniqueEmail('joiner');
    const own = await makeWorkspace(t, { email });
    const added = expectStatus(await ws.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Jo', team: 'sales' }), 201);
    const res = await burst(PARALLEL, () => own.admin.post(`/api/v1/me/invitations/${added.member.id}/accept`));
    expectOnly(res, [200, 404]);
    expect(countOf(res, 200), tally(res)).toBe(1);
  });

  it('POST /me/invitations/:id/decline eight times: one 200, the rest 404', async () => {
    const email = uniqueEmail('decliner');
    const own = await makeWorkspace(t, { email });
    const added = expectStatus(await ws.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Di', team: 'sales' }), 201);
    const res = await burst(PARALLEL, () => own.admin.post(`/api/v1/me/invitations/${added.member.id}/decline`));
    expectOnly(res, [200, 404]);
    expect(countOf(res, 200), tally(res)).toBe(1);
  });

  it('DELETE /invites/:id eight times: every answer 200, the invite revoked once', async () => {
    const invite = await makeInvite(ws);
    const res = await burst(PARALLEL, () => ws.admin.delete(`/api/v1/invites/${invite.id}`));
    expectOnly(res, [200]);
    const audits = await t.db.kysely.selectFrom('audit_log').select('id').where('entity_id', '=', invite.id).where('action', '=', 'invite.revoked').execute();
    expect(audits.length).toBeGreaterThanOrEqual(1);
  });

  it('PATCH /members/:id eight times with the same change: all 200, the member changed', async () => {
    const m = await addMember(t, ws, { role: 'member', team: 'sales' });
    const res = await burst(PARALLEL, () => ws.admin.patch(`/api/v1/members/${m.member.id}`, { role: 'leader', keyPlayer: true }));
    expectOnly(res, [200]);
    expect((await ws.admin.get<{ role: string }>(`/api/v1/members/${m.member.id}`)).body.role).toBe('leader');
  });
});

describe('the last admin is kept under concurrency', () => {
  it('two admins demoting each other at the same moment leave one admin', async () => {
    const space = await makeWorkspace(t);
    const second = await addMember(t, space, { role: 'admin', team: 'leadership' });
    for (let round = 0; round < 4; round++) {
      const [x, y] = await Promise.all([
        space.admin.patch(`/api/v1/members/${second.member.id}`, { role: 'member' }),
        second.client.patch(`/api/v1/members/${space.adminMemberId}`, { role: 'member' }),
      ]);
      expectOnly([x!, y!], [200, 400, 403, 409]);
      const admins = await t.db.kysely.selectFrom('members').select('id').where('workspace_id', '=', space.id).where('role', '=', 'admin').where('active', '=', 1).execute();
      expect(admins.length, tally([x!, y!])).toBeGreaterThanOrEqual(1);
      // Put both back as admins for the next round, through whichever admin is left.
      const left = admins[0]!.id === space.adminMemberId ? space.admin : second.client;
      for (const id of [space.adminMemberId, second.member.id]) expectStatus(await left.patch(`/api/v1/members/${id}`, { role: 'admin' }), 200);
    }
  });
});
