// Publishing a team's top three through HTTP (SPEC S1 "Publication"): numbered, immutable snapshots
// with a readable diff against the previous one, a notification to everyone else, and staleness after
// 90 days on the Goals overview.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { GoalsOverviewView } from '../../src/capabilities/goals/schemas.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import type { AuditEntryView, NotificationsView } from '../helpers/views.js';
import { addMember, allPages, changedInDb, makeKpi, makeWorkspace, publishTopThree, setTopThree, type KpiView, type PublicationView, type TestMember, type TestWorkspace } from '../factories.js';

type Overview = z.infer<typeof GoalsOverviewView>;

let t: TestApp;
let ws: TestWorkspace;
let salesLead: TestMember;
let marketingLead: TestMember;
let rep: TestMember;
let viewer: TestMember;
let winRate: KpiView;
let revenue: KpiView;
let mqls: KpiView;
let responseTime: KpiView;
let first: PublicationView;
let second: PublicationView;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { adminName: 'Ada Admin' });
  salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
  marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mara Marketing' });
  rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
  viewer = await addMember(t, ws, { role: 'viewer', team: 'marketing', name: 'Vic Viewer' });
  const lead = salesLead.client;
  winRate = await makeKpi(lead, { team: 'sales', name: 'Win rate', kind: 'win_rate', target: 22, rank: 1, compensated: true, compWeight: 60 });
  revenue = await makeKpi(lead, { team: 'sales', name: 'Revenue closed', kind: 'revenue_closed', target: 2_400_000_00, period: 'quarter', rank: 2, compensated: true, compWeight: 40 });
  mqls = await makeKpi(lead, { team: 'sales', name: 'MQLs', kind: 'mqls', target: 400, rank: 3 });
  responseTime = await makeKpi(lead, { team: 'sales', name: 'Lead response time', kind: 'lead_response_time', measurement: 'Median hours from hand-over to first touch.', target: 4 });
});
afterAll(async () => {
  await t?.close();
});

const overview = async (): Promise<Overview> => expectStatus(await rep.client.get<Overview>('/api/v1/goals/overview'), 200);

describe('publishing the top three', () => {
  it('nothing ranked yet: publishing is refused with what to do', async () => {
    const res = await marketingLead.client.post('/api/v1/goals/publications', { team: 'marketing' });
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/Rank at least one KPI #1, #2 or #3 before publishing the top three/);
  });

  it('publication #1 lists every KPI as added, with its definition, target and comp', async () => {
    first = await publishTopThree(salesLead.client, 'sales', 'FY plan');
    expect(first).toMatchObject({ team: 'sales', number: 1, note: 'FY plan', publishedByName: 'Sam Sales' });
    expect(first.items.map((i) => [i.rank, i.name, i.target, i.compWeight])).toEqual([
      [1, 'Win rate', 22, 60],
      [2, 'Revenue closed', 2_400_000_00, 40],
      [3, 'MQLs', 400, null],
    ]);
    expect(first.items[0]).toMatchObject({ kindId: 'win_rate', unit: 'percent', measurement: winRate.measurement, targetPeriod: 'month', compensated: true, shared: false });
    expect(first.changes.map((c) => c.message)).toEqual(['Win rate added at #1', 'Revenue closed added at #2', 'MQLs added at #3']);
    const audit = (await allPages<AuditEntryView>(ws.admin, '/api/v1/audit')).find((e) => e.entityId === first.id);
    expect(audit).toMatchObject({ action: 'publication.published', actorName: 'Sam Sales' });
  });

  it('publishing again with no change is refused', async () => {
    const res = await salesLead.client.post('/api/v1/goals/publications', { team: 'sales' });
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe('Nothing changed since publication #1; the sales top three is already published as it is.');
    expect(await allPages<PublicationView>(rep.client, '/api/v1/goals/publications?team=sales')).toHaveLength(1);
  });

  it('#2 after a target change and a replaced #3 reads as two plain sentences', async () => {
    expectStatus(await salesLead.client.patch(`/api/v1/goals/kpis/${winRate.id}`, { target: 25 }), 200);
    await setTopThree(salesLead.client, 'sales', [winRate.id, revenue.id, responseTime.id]);
    expect((await overview()).teams.find((x) => x.team === 'sales')?.unpublishedChanges).toBe(true);

    second = await publishTopThree(salesLead.client, 'sales');
    expect(second.number).toBe(2);
    expect(second.changes.map((c) => c.message)).toEqual(['Target for Win rate raised from 22% to 25%', 'Lead response time replaced MQLs at #3']);
    expect(second.changes.map((c) => c.type)).toEqual(['target_changed', 'replaced']);
    expect((await overview()).teams.find((x) => x.team === 'sales')?.unpublishedChanges).toBe(false);

    const history = await allPages<PublicationView>(rep.client, '/api/v1/goals/publications?team=sales');
    expect(history.map((p) => p.number)).toEqual([2, 1]);
    expect(await allPages<PublicationView>(rep.client, '/api/v1/goals/publications?team=marketing')).toEqual([]);
  });

  it('a publication is immutable: later KPI edits do not change it', async () => {
    const before = expectStatus(await viewer.client.get<PublicationView>(`/api/v1/goals/publications/${second.id}`), 200);
    expect(before).toEqual(second);
    expectStatus(await salesLead.client.patch(`/api/v1/goals/kpis/${winRate.id}`, { target: 30, name: 'Win rate (90 days)', measurement: 'Changed later.' }), 200);
    expectStatus(await salesLead.client.delete(`/api/v1/goals/kpis/${responseTime.id}`), 200);
    expect(expectStatus(await viewer.client.get<PublicationView>(`/api/v1/goals/publications/${second.id}`), 200)).toEqual(second);
    expect(expectStatus(await viewer.client.get<PublicationView>(`/api/v1/goals/publications/${first.id}`), 200)).toEqual(first);
    expect((await rep.client.get('/api/v1/goals/publications/no-such-publication')).status).toBe(404);
  });

  it('everyone else gets an in-app notification; the publisher does not', async () => {
    for (const person of [ws.admin, marketingLead.client, rep.client, viewer.client]) {
      const inbox = expectStatus(await person.get<NotificationsView>('/api/v1/notifications'), 200);
      const titles = inbox.items.filter((n) => n.kind === 'publication').map((n) => n.title);
      expect(titles).toEqual(expect.arrayContaining(['Sales published its top three (#1)', 'Sales published its top three (#2)']));
      const latest = inbox.items.find((n) => n.title === 'Sales published its top three (#2)');
      expect(latest?.body).toContain('#1 Win rate · #2 Revenue closed · #3 Lead response time');
      expect(latest?.body).toContain('Lead response time replaced MQLs at #3');
      expect(latest?.link).toBe('/goals');
    }
    const own = expectStatus(await salesLead.client.get<NotificationsView>('/api/v1/notifications'), 200);
    expect(own.items.filter((n) => n.kind === 'publication')).toEqual([]);
  });

  it('only the team’s leads publish: the admin (leadership), the marketing lead, a rep and a viewer get 403', async () => {
    for (const person of [ws.admin, marketingLead.client, rep.client, viewer.client]) {
      const res = await person.post('/api/v1/goals/publications', { team: 'sales' });
      expect(res.status).toBe(403);
      expect(res.error?.message).toMatch(/Only sales leads publish the sales top three/);
    }
  });

  it('a team whose latest publication is older than 90 days is stale on the overview', async () => {
    const marketingKpi = await makeKpi(marketingLead.client, { team: 'marketing', rank: 1 });
    const published = await publishTopThree(marketingLead.client, 'marketing');
    let view = await overview();
    expect(view.teams.map((x) => [x.team, x.freshness.state])).toEqual([
      ['sales', 'fresh'],
      ['marketing', 'fresh'],
    ]);
    expect(view.teams.find((x) => x.team === 'marketing')?.topThree.map((x) => x.item.kpiId)).toEqual([marketingKpi.id]);

    // Published a minute short of 90 days ago: still fresh; 91 days ago: stale.
    const setAge = async (ms: number) => {
      await t.db.kysely.updateTable('publications').set({ published_at: new Date(Date.now() - ms).toISOString() }).where('id', '=', published.id).execute();
      await changedInDb(t);
    };
    await setAge(90 * 86_400_000 - 60_000);
    view = await overview();
    expect(view.teams.find((x) => x.team === 'marketing')?.freshness).toEqual({ state: 'fresh', ageDays: 89 });
    await setAge(91 * 86_400_000);
    view = await overview();
    expect(view.teams.find((x) => x.team === 'marketing')?.freshness).toEqual({ state: 'stale', ageDays: 91 });
    expect(view.teams.find((x) => x.team === 'sales')?.freshness.state).toBe('fresh');
    // Its snapshot still reads as published.
    expect(view.teams.find((x) => x.team === 'marketing')?.latest?.number).toBe(1);
  });

  it('the overview shows the published items, each judged against its published target', async () => {
    const view = await overview();
    const sales = view.teams.find((x) => x.team === 'sales')!;
    expect(sales.latest?.number).toBe(2);
    expect(sales.topThree.map((x) => x.item.name)).toEqual(['Win rate', 'Revenue closed', 'Lead response time']);
    // The KPI's target is 30 now, but the card shows what was published (25), so its status is judged on 25
    // until the change is published; the KPI's own view (Manage KPIs) uses the live 30.
    expect(sales.topThree[0]?.item.target).toBe(25);
    expect(sales.topThree[0]?.current?.target).toBe(25);
    expect((await rep.client.get<{ kpi: KpiView }>(`/api/v1/goals/kpis/${sales.topThree[0]!.item.kpiId}`)).body.kpi.current.target).toBe(30);
    // After the edits since #2, there is something new to publish.
    expect(sales.unpublishedChanges).toBe(true);
    // MQLs left the top three but is still a sales KPI.
    expect((await rep.client.get<{ kpi: KpiView }>(`/api/v1/goals/kpis/${mqls.id}`)).body.kpi.rank).toBeNull();
  });
});

describe('two leads publishing at the same moment', () => {
  it('one publication is made, the other answer is a clear 4xx, never a 500', async () => {
    const other = await makeWorkspace(t);
    const leads = [await addMember(t, other, { role: 'leader', team: 'marketing' }), await addMember(t, other, { role: 'leader', team: 'marketing' })];
    const kpi = await makeKpi(leads[0]!.client, { team: 'marketing', rank: 1, target: 100 });
    for (let round = 0; round < 3; round++) {
      expectStatus(await leads[0]!.client.patch(`/api/v1/goals/kpis/${kpi.id}`, { target: 200 + round }), 200);
      const answers = await Promise.all(leads.map((l) => l.client.post('/api/v1/goals/publications', { team: 'marketing' })));
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses[0], answers.map((r) => r.text).join('\n')).toBe(201);
      expect([400, 409], answers.map((r) => r.text).join('\n')).toContain(statuses[1]);
    }
    const history = await allPages<PublicationView>(leads[1]!.client, '/api/v1/goals/publications?team=marketing');
    expect(history.map((p) => p.number)).toEqual([3, 2, 1]);
  });
});
