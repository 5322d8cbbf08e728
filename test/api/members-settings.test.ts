// Managing members and workspace settings (SPEC S0), and the audit log that records every change.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import type { AuditEntryView, MemberView, WorkspaceView } from '../helpers/views.js';
import { addMember, allPages, makeWorkspace, type Page, type TestMember, type TestWorkspace } from '../factories.js';

let t: TestApp;
let ws: TestWorkspace;
let rep: TestMember;
let lead: TestMember;
let viewer: TestMember;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { adminName: 'Dana Admin' });
  rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep', function: 'AE' });
  lead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Lee Lead' });
  viewer = await addMember(t, ws, { role: 'viewer', team: 'marketing', name: 'Vic Viewer' });
});
afterAll(async () => {
  await t?.close();
});

async function auditFor(entityId: string, action?: string): Promise<AuditEntryView[]> {
  const all = await allPages<AuditEntryView>(ws.admin, '/api/v1/audit');
  return all.filter((e) => e.entityId === entityId && (!action || e.action === action));
}

describe('changing members', () => {
  it('an admin changes role, team, function, manager and key player, and the audit log shows before → after', async () => {
    const res = await ws.admin.patch<MemberView>(`/api/v1/members/${rep.member.id}`, {
      role: 'leader',
      team: 'marketing',
      function: 'Product marketing',
      managerId: lead.member.id,
      keyPlayer: true,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ role: 'leader', team: 'marketing', function: 'Product marketing', managerId: lead.member.id, keyPlayer: true });
    expect((await ws.admin.get<MemberView>(`/api/v1/members/${rep.member.id}`)).body).toMatchObject(res.body);

    const [entry] = await auditFor(rep.member.id, 'member.changed');
    expect(entry).toBeDefined();
    expect(entry!.entityType).toBe('member');
    expect(entry!.actorName).toBe('Dana Admin');
    expect(entry!.before).toEqual({ role: 'member', team: 'sales', function: 'AE', managerId: null, keyPlayer: false });
    expect(entry!.after).toEqual({ role: 'leader', team: 'marketing', function: 'Product marketing', managerId: lead.member.id, keyPlayer: true });

    // The member's own session now carries the new role.
    expect((await rep.client.me()).member?.role).toBe('leader');
    // Put things back for the other tests.
    expectStatus(await ws.admin.patch(`/api/v1/members/${rep.member.id}`, { role: 'member', team: 'sales', function: 'AE', managerId: null, keyPlayer: false }), 200);
  });

  it('the audit log records only what changed, even when the form sends every field', async () => {
    const res = await ws.admin.patch<MemberView>(`/api/v1/members/${rep.member.id}`, { role: 'member', team: 'sales', function: 'AE', managerId: null, keyPlayer: true });
    expect(res.status).toBe(200);
    const [entry] = await auditFor(rep.member.id, 'member.changed');
    expect(entry!.before).toEqual({ keyPlayer: false });
    expect(entry!.after).toEqual({ keyPlayer: true });
    expectStatus(await ws.admin.patch(`/api/v1/members/${rep.member.id}`, { keyPlayer: false }), 200);
  });

  it('the last admin cannot be demoted or deactivated (400), and nothing is recorded', async () => {
    const before = (await auditFor(ws.adminMemberId)).length;
    const demote = await ws.admin.patch(`/api/v1/members/${ws.adminMemberId}`, { role: 'leader' });
    expect(demote.status).toBe(400);
    expect(demote.error?.message).toMatch(/at least one active admin/);
    const deactivate = await ws.admin.patch(`/api/v1/members/${ws.adminMemberId}`, { active: false });
    expect(deactivate.status).toBe(400);
    expect((await ws.admin.me()).member?.role).toBe('admin');
    expect((await auditFor(ws.adminMemberId)).length).toBe(before);
  });

  it('with a second admin, the first can step down', async () => {
    const second = await addMember(t, ws, { role: 'admin', team: 'leadership', name: 'Sol Second' });
    const stepDown = await second.client.patch<MemberView>(`/api/v1/members/${second.member.id}`, { role: 'member' });
    expect(stepDown.status).toBe(200);
    expect((await second.client.get('/api/v1/invites')).status).toBe(403);
  });

  it('refuses a manager line that loops (400), and a manager from nowhere (400)', async () => {
    expectStatus(await ws.admin.patch(`/api/v1/members/${rep.member.id}`, { managerId: lead.member.id }), 200);
    const loop = await ws.admin.patch(`/api/v1/members/${lead.member.id}`, { managerId: rep.member.id });
    expect(loop.status).toBe(400);
    expect(loop.error?.message).toMatch(/loop/);
    const self = await ws.admin.patch(`/api/v1/members/${lead.member.id}`, { managerId: lead.member.id });
    expect(self.status).toBe(400);
    const unknown = await ws.admin.patch(`/api/v1/members/${lead.member.id}`, { managerId: 'no-such-member' });
    expect(unknown.status).toBe(400);
    expect((await ws.admin.get<MemberView>(`/api/v1/members/${lead.member.id}`)).body.managerId).toBeNull();
    expectStatus(await ws.admin.patch(`/api/v1/members/${rep.member.id}`, { managerId: null }), 200);
  });

  it('deactivating a member ends their access and revokes their API tokens', async () => {
    const temp = await addMember(t, ws, { role: 'admin', team: 'sales', name: 'Tem Porary' });
    const token = expectStatus(await temp.client.post<{ token: string }>('/api/v1/tokens', { name: 'temp' }), 201);
    const bot = t.client().withToken(token.token);
    expect((await bot.get('/api/v1/members')).status).toBe(200);
    const res = await ws.admin.patch<MemberView>(`/api/v1/members/${temp.member.id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await bot.get('/api/v1/members')).status).toBe(401);
    expect((await temp.client.get('/api/v1/members')).status).toBe(403);
    const me = await temp.client.me();
    expect(me.workspace).toBeNull();
    expect(me.workspaces).toEqual([]);
  });

  it('non-admins cannot change members (403), and an unknown id answers 404', async () => {
    for (const who of [lead, rep, viewer]) {
      const res = await who.client.patch(`/api/v1/members/${rep.member.id}`, { function: 'Hacked' });
      expect(res.status).toBe(403);
      expect(res.error?.code).toBe('forbidden');
    }
    expect((await ws.admin.get<MemberView>(`/api/v1/members/${rep.member.id}`)).body.function).toBe('AE');
    expect((await ws.admin.patch('/api/v1/members/00000000-0000-0000-0000-000000000000', { function: 'x' })).status).toBe(404);
    expect((await ws.admin.get('/api/v1/members/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });

  it('refuses unknown roles and fields with 400', async () => {
    expect((await ws.admin.patch(`/api/v1/members/${rep.member.id}`, { role: 'owner' })).status).toBe(400);
    expect((await ws.admin.patch(`/api/v1/members/${rep.member.id}`, { workspaceId: 'elsewhere' })).status).toBe(400);
  });
});

describe('workspace settings', () => {
  it('an admin changes settings; the audit log records only what changed, before → after', async () => {
    const before = expectStatus(await ws.admin.get<WorkspaceView>('/api/v1/workspace'), 200);
    const res = await ws.admin.patch<WorkspaceView>('/api/v1/workspace', {
      name: 'Northwind Traders',
      timeZone: 'Europe/Berlin',
      weekStart: 0,
      fiscalYearStartMonth: 4,
      painThreshold: 70,
      holidays: [
        { date: '2026-12-25', name: 'Christmas' },
        { date: '2026-10-03', name: 'Unity Day' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Northwind Traders', timeZone: 'Europe/Berlin', weekStart: 0, fiscalYearStartMonth: 4, painThreshold: 70 });
    // Holidays are kept in date order.
    expect(res.body.holidays.map((h) => h.date)).toEqual(['2026-10-03', '2026-12-25']);
    expect((await viewer.client.get<WorkspaceView>('/api/v1/workspace')).body.name).toBe('Northwind Traders');

    const [entry] = await auditFor(ws.id, 'workspace.settings_changed');
    expect(entry!.before).toMatchObject({ name: before.name, timeZone: before.timeZone, weekStart: before.weekStart, painThreshold: before.painThreshold });
    expect(entry!.after).toMatchObject({ name: 'Northwind Traders', timeZone: 'Europe/Berlin', weekStart: 0, fiscalYearStartMonth: 4, painThreshold: 70 });

    const small = await ws.admin.patch<WorkspaceView>('/api/v1/workspace', { painThreshold: 65 });
    expect(small.status).toBe(200);
    const [latest] = await auditFor(ws.id, 'workspace.settings_changed');
    expect(latest!.before).toEqual({ painThreshold: 70 });
    expect(latest!.after).toEqual({ painThreshold: 65 });
    // Saving the whole form with one change records that change only.
    const whole = await ws.admin.patch<WorkspaceView>('/api/v1/workspace', { name: 'Northwind Traders', timeZone: 'Europe/Berlin', weekStart: 0, painThreshold: 60 });
    expect(whole.status).toBe(200);
    const [third] = await auditFor(ws.id, 'workspace.settings_changed');
    expect(third!.before).toEqual({ painThreshold: 65 });
    expect(third!.after).toEqual({ painThreshold: 60 });
  });

  it('refuses an invalid time zone and out-of-range values with 400, changing nothing', async () => {
    const before = expectStatus(await ws.admin.get<WorkspaceView>('/api/v1/workspace'), 200);
    const tz = await ws.admin.patch('/api/v1/workspace', { timeZone: 'Europe/Atlantis' });
    expect(tz.status).toBe(400);
    expect(tz.error?.message).toMatch(/The time zone/);
    expect(tz.error?.message).toMatch(/IANA/);
    expect((await ws.admin.patch('/api/v1/workspace', { painThreshold: 101 })).status).toBe(400);
    expect((await ws.admin.patch('/api/v1/workspace', { weekStart: 7 })).status).toBe(400);
    expect((await ws.admin.patch('/api/v1/workspace', { fiscalYearStartMonth: 0 })).status).toBe(400);
    expect((await ws.admin.patch('/api/v1/workspace', { holidays: [{ date: '2026-02-30', name: 'Nope' }] })).status).toBe(400);
    expect((await ws.admin.patch('/api/v1/workspace', { name: '   ' })).status).toBe(400);
    expect((await ws.admin.get<WorkspaceView>('/api/v1/workspace')).body).toEqual(before);
  });

  it('non-admins cannot change settings (403); a viewer can read them', async () => {
    for (const who of [lead, rep, viewer]) {
      const res = await who.client.patch('/api/v1/workspace', { name: 'Taken over' });
      expect(res.status).toBe(403);
    }
    expect((await viewer.client.get('/api/v1/workspace')).status).toBe(200);
    expect((await ws.admin.get<WorkspaceView>('/api/v1/workspace')).body.name).not.toBe('Taken over');
  });

  it('the audit log is for admins and leaders; it pages and filters', async () => {
    expect((await lead.client.get('/api/v1/audit')).status).toBe(200);
    expect((await rep.client.get('/api/v1/audit')).status).toBe(403);
    expect((await viewer.client.get('/api/v1/audit')).status).toBe(403);

    const all = await allPages<AuditEntryView>(ws.admin, '/api/v1/audit');
    const ats = all.map((e) => e.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(all.some((e) => e.action === 'invite.accepted')).toBe(true);
    expect(all.some((e) => e.action === 'workspace.created')).toBe(true);

    const page = expectStatus(await ws.admin.get<Page<AuditEntryView>>('/api/v1/audit?limit=2'), 200);
    expect(page.items).toHaveLength(2);
    const older = expectStatus(await ws.admin.get<Page<AuditEntryView>>(`/api/v1/audit?limit=200&cursor=${encodeURIComponent(page.nextCursor!)}`), 200);
    expect(older.items.every((e) => e.at <= page.items[1]!.at)).toBe(true);
    expect([...page.items, ...older.items].map((e) => e.id)).toEqual(all.map((e) => e.id));

    const onlyWorkspace = await allPages<AuditEntryView>(ws.admin, '/api/v1/audit?entityType=workspace');
    expect(onlyWorkspace.length).toBeGreaterThan(0);
    expect(onlyWorkspace.every((e) => e.entityType === 'workspace')).toBe(true);
    expect((await ws.admin.get('/api/v1/audit?limit=0')).status).toBe(400);
  });

  it('paging the audit log loses no entry, even when several share a timestamp', async () => {
    // Several changes in one request (or one import) are recorded in the same millisecond.
    const other = await makeWorkspace(t);
    const at = new Date(Date.now() + 1000).toISOString();
    for (const n of [1, 2, 3]) {
      await t.db.kysely
        .insertInto('audit_log')
        .values({ id: `00000000-0000-4000-8000-00000000000${n}`, workspace_id: other.id, actor_member_id: other.adminMemberId, action: 'test.same_instant', entity_type: 'test', entity_id: `e${n}`, before: null, after: null, at })
        .execute();
    }
    const everything = expectStatus(await other.admin.get<Page<AuditEntryView>>('/api/v1/audit?limit=200'), 200).items;
    const seen = await allPages<AuditEntryView>(other.admin, '/api/v1/audit', 1);
    expect(seen.map((e) => e.id)).toEqual(everything.map((e) => e.id));
    expect(new Set(seen.map((e) => e.id)).size).toBe(seen.length);
  });
});
