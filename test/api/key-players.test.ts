// Marking key players (decision 027): leaders may change a member's key-player flag alone, as the check-in form
// does; anything else about a member, and the flag for members and viewers, stays with admins. Both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { addMember, makeWorkspace, type TestMember, type TestWorkspace } from '../factories.js';
import type { MemberView } from '../helpers/views.js';

let t: TestApp;
let ws: TestWorkspace;
let leader: TestMember;
let member: TestMember;
let rep: TestMember;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t);
  leader = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Lee Leader' });
  member = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mo Member' });
  rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
});
afterAll(async () => {
  await t?.close();
});

describe('the key-player flag', () => {
  it('a leader may set it alone, and unset it', async () => {
    expect(expectStatus(await leader.client.patch<MemberView>(`/api/v1/members/${rep.member.id}`, { keyPlayer: true }), 200).keyPlayer).toBe(true);
    expect(expectStatus(await leader.client.patch<MemberView>(`/api/v1/members/${rep.member.id}`, { keyPlayer: false }), 200).keyPlayer).toBe(false);
  });

  it('a leader may not change anything else with it', async () => {
    const res = await leader.client.patch(`/api/v1/members/${rep.member.id}`, { keyPlayer: true, role: 'admin' });
    expect(res.status).toBe(403);
    expect(res.error?.message).toBe('Leaders may mark key players; only admins change anything else about a member.');
    expect(expectStatus(await ws.admin.get<MemberView>(`/api/v1/members/${rep.member.id}`), 200)).toMatchObject({ role: 'member', keyPlayer: false });
  });

  it('members may not set it', async () => {
    const res = await member.client.patch(`/api/v1/members/${rep.member.id}`, { keyPlayer: true });
    expect(res.status).toBe(403);
    expect(res.error?.message).toBe('Only admins change members.');
  });
});
