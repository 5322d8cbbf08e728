// Acting on a team's behalf (SPEC S0, issue 10 "Onboarding"): admins and leadership leaders create and change
// either team's KPIs and top three, recorded as done for that team; a team's leads publish (S1), and someone
// acting for the team publishes only while it has no lead of its own ("published by Dana Whitfield for Sales").
// The founder chooses at sign-up which team they lead. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { GoalsOverviewView } from '../../src/capabilities/goals/schemas.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import type { AuditEntryView, NotificationsView } from '../helpers/views.js';
import { addMember, allPages, kpiDefaults, makeWorkspace, PASSWORD, uniqueEmail, type KpiView, type PublicationView, type TestMember, type TestWorkspace } from '../factories.js';

type Overview = z.infer<typeof GoalsOverviewView>;
type Team = 'sales' | 'marketing';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const createKpi = (by: Client, team: Team, name = `KPI ${Math.random().toString(36).slice(2, 7)}`) => by.post<KpiView>('/api/v1/goals/kpis', { ...kpiDefaults(team), name });
const publish = (by: Client, team: Team) => by.post<PublicationView>('/api/v1/goals/publications', { team });
const rankOnly = (by: Client, team: Team, id: string) => by.request<KpiView[]>('PUT', '/api/v1/goals/top-three', { body: { team, kpiIds: [id] } });
const overviewOf = async (by: Client) => expectStatus(await by.get<Overview>('/api/v1/goals/overview'), 200);

describe('sign-up: the founder says which team they lead', () => {
  it('defaults to leadership, and takes sales or marketing when asked', async () => {
    const founder = await makeWorkspace(t);
    expect(founder.me.member).toMatchObject({ role: 'admin', team: 'leadership' });
    const client = t.client();
    const me = expectStatus(
      await client.signUp({ email: uniqueEmail('founder'), password: PASSWORD, name: 'Sal Founder', workspaceName: 'Sal & Co', team: 'sales' }),
      201,
    );
    expect(me.member).toMatchObject({ role: 'admin', team: 'sales' });
  });

  it('refuses a team that does not exist with the field named', async () => {
    const res = await t.client().signUp({ email: uniqueEmail('founder'), password: PASSWORD, name: 'Sal Founder', workspaceName: 'Sal & Co', team: 'finance' });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.error)).toMatch(/team/);
  });
});

describe('who may create, edit and publish for which team', () => {
  let ws: TestWorkspace;
  let leadershipLeader: TestMember;
  let leadershipMember: TestMember;
  let salesLead: TestMember;
  let salesRep: TestMember;
  let marketingAdmin: TestMember;
  let viewer: TestMember;

  beforeAll(async () => {
    ws = await makeWorkspace(t, { adminName: 'Dana Whitfield' });
    leadershipLeader = await addMember(t, ws, { role: 'leader', team: 'leadership', name: 'Lee Leadership' });
    leadershipMember = await addMember(t, ws, { role: 'member', team: 'leadership', name: 'Mo Member' });
    salesRep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
    viewer = await addMember(t, ws, { role: 'viewer', team: 'leadership', name: 'Vic Viewer' });
  });

  it('before sales has a lead: the founder (admin, leadership) and a leadership leader create, rank and publish for it', async () => {
    for (const by of [ws.admin, leadershipLeader.client]) {
      const kpi = expectStatus(await createKpi(by, 'sales'), 201);
      expectStatus(await by.patch(`/api/v1/goals/kpis/${kpi.id}`, { target: 30 }), 200);
      expectStatus(await rankOnly(by, 'sales', kpi.id), 200);
    }
    const overview = await overviewOf(ws.admin);
    const sales = overview.teams.find((x) => x.team === 'sales');
    expect(sales).toMatchObject({ hasLead: false, you: { canEdit: true, canPublish: true, onBehalf: true } });
    const first = expectStatus(await publish(ws.admin, 'sales'), 201);
    expect(first).toMatchObject({ publishedByName: 'Dana Whitfield', onBehalfOf: 'sales', byline: 'by Dana Whitfield for Sales' });
  });

  it('members, viewers and the other team may not act for sales', async () => {
    for (const by of [leadershipMember.client, salesRep.client, viewer.client]) {
      expect((await createKpi(by, 'sales')).status).toBe(403);
      expect((await publish(by, 'sales')).status).toBe(403);
    }
    const rep = (await overviewOf(salesRep.client)).teams.find((x) => x.team === 'sales');
    expect(rep?.you).toEqual({ canEdit: false, canPublish: false, onBehalf: true });
  });

  it('once sales has a lead: the founder still edits for sales, but only the lead publishes', async () => {
    salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
    const kpi = expectStatus(await createKpi(ws.admin, 'sales', 'Pipeline'), 201);
    expectStatus(await rankOnly(ws.admin, 'sales', kpi.id), 200);
    const refused = await publish(ws.admin, 'sales');
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toMatch(/Only sales leads publish the sales top three; an admin or leadership leader may publish it on the team's behalf only while sales has no lead/);
    expect((await publish(leadershipLeader.client, 'sales')).status).toBe(403);
    const admin = (await overviewOf(ws.admin)).teams.find((x) => x.team === 'sales');
    expect(admin).toMatchObject({ hasLead: true, you: { canEdit: true, canPublish: false, onBehalf: true } });
    const lead = (await overviewOf(salesLead.client)).teams.find((x) => x.team === 'sales');
    expect(lead?.you).toEqual({ canEdit: true, canPublish: true, onBehalf: false });
    const byLead = expectStatus(await publish(salesLead.client, 'sales'), 201);
    expect(byLead).toMatchObject({ onBehalfOf: null, byline: 'by Sam Sales' });
  });

  it('an invited lead who has not joined yet is not a lead: the founder may still publish for marketing', async () => {
    expectStatus(await ws.admin.post('/api/v1/members', { email: uniqueEmail('mara'), name: 'Mara Invited', role: 'leader', team: 'marketing' }), 201);
    const kpi = expectStatus(await createKpi(ws.admin, 'marketing'), 201);
    expectStatus(await rankOnly(ws.admin, 'marketing', kpi.id), 200);
    expect((await overviewOf(ws.admin)).teams.find((x) => x.team === 'marketing')?.hasLead).toBe(false);
    expectStatus(await publish(ws.admin, 'marketing'), 201);
  });

  it('an admin on the marketing team leads marketing and acts for sales; a sales lead cannot act for marketing', async () => {
    marketingAdmin = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mia Admin' });
    expectStatus(await ws.admin.patch(`/api/v1/members/${marketingAdmin.member.id}`, { role: 'admin' }), 200);
    const forSales = expectStatus(await createKpi(marketingAdmin.client, 'sales', 'Win rate by segment'), 201);
    expect(forSales.team).toBe('sales');
    expect((await createKpi(salesLead.client, 'marketing')).status).toBe(403);
    const mine = (await overviewOf(marketingAdmin.client)).teams.find((x) => x.team === 'marketing');
    expect(mine?.you).toEqual({ canEdit: true, canPublish: true, onBehalf: false });
  });

  it('the audit log says who acted for which team, and a lead acting for their own team is not "on behalf"', async () => {
    const entries = await allPages<AuditEntryView>(ws.admin, '/api/v1/audit');
    const published = entries.filter((e) => e.action === 'publication.published');
    expect(published.map((e) => e.actorLabel)).toEqual(expect.arrayContaining(['Dana Whitfield for Sales', 'Dana Whitfield for Marketing', 'Sam Sales']));
    const byLead = published.find((e) => e.actorName === 'Sam Sales');
    expect(byLead?.onBehalfOf).toBeNull();
    const created = entries.filter((e) => e.action === 'kpi.created' && e.actorName === 'Lee Leadership');
    expect(created.length).toBeGreaterThan(0);
    expect(created.every((e) => e.onBehalfOf === 'sales' && e.actorLabel === 'Lee Leadership for Sales')).toBe(true);
    expect(entries.some((e) => e.action === 'top_three.set' && e.actorLabel === 'Dana Whitfield for Sales')).toBe(true);
    expect(entries.some((e) => e.action === 'kpi.changed' && e.actorLabel === 'Dana Whitfield for Sales')).toBe(true);
    // The sentence the audit log shows says so too.
    const sentence = published.find((e) => e.actorLabel === 'Dana Whitfield for Sales')?.summary ?? '';
    expect(sentence).toMatch(/^Dana Whitfield for Sales /);
  });

  it('the publication history and the notification say "for Sales"', async () => {
    const history = await allPages<PublicationView>(ws.admin, '/api/v1/goals/publications?team=sales');
    expect(history.map((p) => p.byline)).toEqual(['by Sam Sales', 'by Dana Whitfield for Sales']);
    const notes = expectStatus(await salesRep.client.get<NotificationsView>('/api/v1/notifications'), 200);
    expect(notes.items.map((n) => n.title)).toContain('The Sales top three was published (#1) by Dana Whitfield for Sales');
  });

  it('sharing stays with each team\'s own leads: acting for both teams would let one person agree with themself', async () => {
    const kpi = expectStatus(await createKpi(ws.admin, 'sales', 'Shared pipeline'), 201);
    expect((await ws.admin.post(`/api/v1/goals/kpis/${kpi.id}/share`)).status).toBe(403);
  });
});

describe('across workspaces', () => {
  it('a leader or admin of workspace B cannot act on behalf of a team in workspace A', async () => {
    const a = await makeWorkspace(t, { adminName: 'Ann A' });
    const kpi = expectStatus(await createKpi(a.admin, 'sales', 'A pipeline'), 201);
    const b = await makeWorkspace(t, { adminName: 'Bob B' });
    const bLeader = await addMember(t, b, { role: 'leader', team: 'leadership' });
    for (const by of [b.admin, bLeader.client]) {
      // Their own workspace is where their writes land: nothing of A changes, and A's KPI is not found.
      expect((await by.patch(`/api/v1/goals/kpis/${kpi.id}`, { target: 1 })).status).toBe(404);
      expect((await by.request('PUT', '/api/v1/goals/top-three', { body: { team: 'sales', kpiIds: [kpi.id] } })).status).toBe(400);
      expect((await by.request('DELETE', `/api/v1/goals/kpis/${kpi.id}`)).status).toBe(404);
    }
    expect((await publish(b.admin, 'sales')).status).toBe(400);
    const inA = await allPages<AuditEntryView>(a.admin, '/api/v1/audit');
    expect(inA.some((e) => e.actorName === 'Bob B')).toBe(false);
    expect(expectStatus(await a.admin.get<KpiView>(`/api/v1/goals/kpis/${kpi.id}`), 200)).toMatchObject({ kpi: { target: kpi.target, rank: null } });
  });
});
