// Team KPIs through HTTP (SPEC S1 "KPI", "Values", shared KPIs; S0 who may edit; S9 errors): create,
// edit and archive with audit entries, every bad input a clear 400 with nothing written, the top three
// swapped in one step, values by form and by paste, status and trend, and sharing between teams.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type ApiResponse, type Client } from '../helpers/client.js';
import type { AuditEntryView } from '../helpers/views.js';
import { addMember, allPages, makeKpi, makeWorkspace, setTopThree, type KpiDetailView, type KpiView, type TestMember, type TestWorkspace } from '../factories.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface Teams {
  ws: TestWorkspace;
  salesLead: TestMember;
  salesLead2: TestMember;
  marketingLead: TestMember;
  rep: TestMember;
}

/** A workspace (UTC) with two sales leads, a marketing lead and a sales rep. */
async function makeTeams(): Promise<Teams> {
  const ws = await makeWorkspace(t, { adminName: 'Ada Admin' });
  return {
    ws,
    salesLead: await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' }),
    salesLead2: await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sid Sales' }),
    marketingLead: await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mara Marketing' }),
    rep: await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' }),
  };
}

const today = (): string => new Date().toISOString().slice(0, 10);
/** A date n days before today (UTC, the test workspace's time zone). */
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
/** The first day of next month: a future period for a monthly KPI. */
const nextMonth = (): string => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
};

const put = <T>(c: Client, url: string, body: unknown): Promise<ApiResponse<T>> => c.request<T>('PUT', url, { body });

async function auditOf(ws: TestWorkspace, entityId: string): Promise<AuditEntryView[]> {
  return (await allPages<AuditEntryView>(ws.admin, '/api/v1/audit')).filter((e) => e.entityId === entityId);
}

async function kpisOf(c: Client, team: 'sales' | 'marketing', includeArchived = false): Promise<KpiView[]> {
  return allPages<KpiView>(c, `/api/v1/goals/kpis?team=${team}${includeArchived ? '&includeArchived=true' : ''}`);
}

function expect400(res: ApiResponse<unknown>, message: RegExp): void {
  expect(res.status, res.text).toBe(400);
  expect(['bad_request', 'validation_failed']).toContain(res.error?.code);
  expect(res.error?.message).toMatch(message);
}

describe('creating, changing and archiving a KPI', () => {
  let teams: Teams;
  beforeAll(async () => {
    teams = await makeTeams();
  });

  it('a sales lead creates a KPI; everyone reads it; the audit log records it', async () => {
    const res = await teams.salesLead.client.post<KpiView>('/api/v1/goals/kpis', {
      team: 'sales',
      name: 'Win rate',
      kind: 'win_rate',
      measurement: 'Closed-won ÷ closed, trailing 90 days.',
      dataSource: 'deals',
      period: 'month',
      target: 22,
      baseline: 19,
      ownerMemberId: teams.rep.member.id,
      compensated: true,
      compWeight: 40,
      rank: 1,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({
      team: 'sales',
      name: 'Win rate',
      kind: 'win_rate',
      kindName: 'Win rate',
      unit: 'percent',
      direction: 'higher',
      dataSource: 'deals',
      period: 'month',
      target: 22,
      baseline: 19,
      ownerMemberId: teams.rep.member.id,
      ownerName: 'Rae Rep',
      compensated: true,
      compWeight: 40,
      rank: 1,
      shared: false,
      sharedProposedByTeam: null,
    });
    expect(res.body.current.status).toBe('no_data');
    // Everyone reads: the rep and the marketing lead see it.
    for (const c of [teams.rep.client, teams.marketingLead.client]) {
      expect((await kpisOf(c, 'sales')).map((k) => k.id)).toContain(res.body.id);
    }
    const [entry] = await auditOf(teams.ws, res.body.id);
    expect(entry).toMatchObject({ action: 'kpi.created', entityType: 'kpi', actorName: 'Sam Sales', before: null });
    expect(entry!.after).toMatchObject({ name: 'Win rate', target: 22, compWeight: 40, rank: 1 });
  });

  it('a change is audited before → after; archiving hides it from the list and is audited too', async () => {
    const kpi = await makeKpi(teams.salesLead.client, { team: 'sales', name: 'Revenue closed', kind: 'revenue_closed', target: 100_000_00, period: 'quarter' });
    const changed = await teams.salesLead2.client.patch<KpiView>(`/api/v1/goals/kpis/${kpi.id}`, { target: 120_000_00, name: 'Revenue closed (ACV)' });
    expect(changed.status, changed.text).toBe(200);
    expect(changed.body).toMatchObject({ target: 120_000_00, name: 'Revenue closed (ACV)', unit: 'currency' });
    const change = (await auditOf(teams.ws, kpi.id)).find((e) => e.action === 'kpi.changed');
    expect(change?.actorName).toBe('Sid Sales');
    expect(change?.before).toMatchObject({ name: 'Revenue closed', target: 100_000_00 });
    expect(change?.after).toMatchObject({ name: 'Revenue closed (ACV)', target: 120_000_00 });

    const archived = await teams.salesLead.client.delete<KpiView>(`/api/v1/goals/kpis/${kpi.id}`);
    expect(archived.status, archived.text).toBe(200);
    expect((await kpisOf(teams.rep.client, 'sales')).map((k) => k.id)).not.toContain(kpi.id);
    expect((await kpisOf(teams.rep.client, 'sales', true)).map((k) => k.id)).toContain(kpi.id);
    expect((await auditOf(teams.ws, kpi.id)).map((e) => e.action)).toContain('kpi.archived');
    // An archived KPI can be read (its history stays) but not changed.
    expect((await teams.rep.client.get(`/api/v1/goals/kpis/${kpi.id}`)).status).toBe(200);
    expect((await teams.salesLead.client.patch(`/api/v1/goals/kpis/${kpi.id}`, { target: 1 })).status).toBe(404);
  });

  it('only that team’s leads (or an admin on its behalf) change its KPIs: a marketing lead and a sales rep get 403', async () => {
    const kpi = await makeKpi(teams.salesLead.client, { team: 'sales', name: 'SQLs', kind: 'sqls' });
    for (const c of [teams.marketingLead.client, teams.rep.client]) {
      const res = await c.patch(`/api/v1/goals/kpis/${kpi.id}`, { target: 5 });
      expect(res.status).toBe(403);
      expect(res.error?.message).toMatch(/Only sales leads, admins and leadership leaders change sales KPIs/);
    }
    // The admin (on leadership) acts for sales (SPEC S0; test/api/goals-on-behalf.test.ts has the whole matrix).
    expect((await teams.ws.admin.patch(`/api/v1/goals/kpis/${kpi.id}`, { target: 5 })).status).toBe(200);
    expect((await teams.marketingLead.client.post('/api/v1/goals/kpis', { team: 'sales', name: 'SQLs', kind: 'sqls' })).status).toBe(403);
    const mine = await teams.marketingLead.client.post<KpiView>('/api/v1/goals/kpis', { team: 'marketing', name: 'MQLs', kind: 'mqls' });
    expect(mine.status).toBe(201);
  });

  it('a KPI of an unknown id answers 404', async () => {
    expect((await teams.rep.client.get('/api/v1/goals/kpis/does-not-exist')).status).toBe(404);
    expect((await teams.salesLead.client.patch('/api/v1/goals/kpis/does-not-exist', { target: 1 })).status).toBe(404);
  });
});

describe('bad input is a 400 with a clear message, and nothing is written', () => {
  let teams: Teams;
  let lead: Client;
  beforeAll(async () => {
    teams = await makeTeams();
    lead = teams.salesLead.client;
    await makeKpi(lead, { team: 'sales', name: 'Win rate', kind: 'win_rate', rank: 1, compensated: true, compWeight: 60 });
    await makeKpi(lead, { team: 'sales', name: 'Revenue closed', kind: 'revenue_closed', rank: 2 });
  });

  async function refused(body: Record<string, unknown>, message: RegExp): Promise<void> {
    const before = (await kpisOf(lead, 'sales', true)).length;
    expect400(await lead.post('/api/v1/goals/kpis', { team: 'sales', name: 'Another', kind: 'sqls', measurement: 'Counted at discovery.', ...body }), message);
    expect((await kpisOf(lead, 'sales', true)).length).toBe(before);
  }

  it('a fourth rank', async () => {
    await refused({ rank: 4 }, /Another is ranked #4, but the top three only has ranks #1, #2 and #3/);
  });

  it('two KPIs at the same rank (on create and on change)', async () => {
    await refused({ rank: 1 }, /Win rate and Another are both ranked #1; each rank holds one KPI/);
    const other = await makeKpi(lead, { team: 'sales', name: 'Pipeline generated', kind: 'pipeline_generated' });
    expect400(await lead.patch(`/api/v1/goals/kpis/${other.id}`, { rank: 2 }), /both ranked #2/);
    expect((await lead.get<KpiDetailView>(`/api/v1/goals/kpis/${other.id}`)).body.kpi.rank).toBeNull();
  });

  it('a ranked KPI without a measurement definition', async () => {
    await refused({ rank: 3, measurement: '   ' }, /Another is in the top three but does not say how it is measured/);
  });

  it('comp weights over 100% in a team (on create and on change)', async () => {
    await refused({ compensated: true, compWeight: 50 }, /Comp weights add up to 110% \(Win rate 60%, Another 50%\); a team's weights can total at most 100%/);
    const revenue = (await kpisOf(lead, 'sales')).find((k) => k.name === 'Revenue closed')!;
    expect400(await lead.patch(`/api/v1/goals/kpis/${revenue.id}`, { compensated: true, compWeight: 41 }), /Comp weights add up to 101%/);
    expect400(await lead.post('/api/v1/goals/kpis', { team: 'sales', name: 'Another', kind: 'sqls', compWeight: 101 }), /^The comp weight is a share of variable pay, from 0% to 100%; it is 101%\.$/);
  });

  it('an unknown kind and an owner who is not a member', async () => {
    await refused({ kind: 'vibes' }, /Unknown KPI kind "vibes"/);
    const elsewhere = await makeWorkspace(t);
    await refused({ ownerMemberId: elsewhere.adminMemberId }, /owner must be an active member of this workspace/);
    await refused({ ownerMemberId: 'no-such-member' }, /owner must be an active member/);
  });

  it('wrong types and unknown fields', async () => {
    await refused({ target: 'lots' }, /target/);
    await refused({ team: 'leadership' }, /team/);
    await refused({ colour: 'red' }, /colour|unrecognized|Unrecognized/);
  });

  it('non-numeric values and a value dated in a future period; nothing is recorded', async () => {
    const kpi = (await kpisOf(lead, 'sales')).find((k) => k.name === 'Win rate')!;
    const url = `/api/v1/goals/kpis/${kpi.id}/values`;
    const text = await lead.post(url, { values: [{ date: today(), value: 'twenty' }] });
    expect400(text, /must be a number/);
    expect(text.error?.details).toEqual([expect.objectContaining({ path: 'body.values.0.value' })]);
    const date = await lead.post(url, { values: [{ date: 'yesterday', value: 20 }] });
    expect400(date, /must be a date as YYYY-MM-DD/);
    expect(date.error?.details).toEqual([expect.objectContaining({ path: 'body.values.0.date' })]);
    expect400(await lead.post(url, { values: [{ date: today(), value: 21 }, { date: nextMonth(), value: 20 }] }), new RegExp(`${nextMonth()} is in a future period; values can be recorded up to`));
    const detail = expectStatus(await lead.get<KpiDetailView>(`/api/v1/goals/kpis/${kpi.id}`), 200);
    expect(detail.values.items).toEqual([]);
  });
});

describe('the top three', () => {
  it('PUT /goals/top-three swaps ranks in one step; a bad list changes nothing', async () => {
    const teams = await makeTeams();
    const lead = teams.salesLead.client;
    const a = await makeKpi(lead, { team: 'sales', name: 'Win rate', kind: 'win_rate', rank: 1 });
    const b = await makeKpi(lead, { team: 'sales', name: 'Revenue closed', kind: 'revenue_closed', rank: 2 });
    const c = await makeKpi(lead, { team: 'sales', name: 'SQLs', kind: 'sqls', rank: 3 });
    const undefinedKpi = await makeKpi(lead, { team: 'sales', name: 'Sales cycle length', kind: 'sales_cycle_length', measurement: '' });
    const ranks = async () => Object.fromEntries((await kpisOf(lead, 'sales')).map((k) => [k.name, k.rank]));

    const swapped = await setTopThree(lead, 'sales', [b.id, a.id, c.id]);
    expect(swapped.filter((k) => k.rank !== null).map((k) => [k.rank, k.name])).toEqual([
      [1, 'Revenue closed'],
      [2, 'Win rate'],
      [3, 'SQLs'],
    ]);
    const audit = (await auditOf(teams.ws, 'sales')).find((e) => e.action === 'top_three.set');
    expect(audit?.before).toEqual(['Win rate', 'Revenue closed', 'SQLs']);
    expect(audit?.after).toEqual(['Revenue closed', 'Win rate', 'SQLs']);

    const unchanged = await ranks();
    expect400(await put(lead, '/api/v1/goals/top-three', { team: 'sales', kpiIds: [a.id, b.id, c.id, undefinedKpi.id] }), /at most three/);
    expect400(await put(lead, '/api/v1/goals/top-three', { team: 'sales', kpiIds: [a.id, a.id] }), /only one rank/);
    expect400(await put(lead, '/api/v1/goals/top-three', { team: 'sales', kpiIds: [undefinedKpi.id, a.id] }), /Sales cycle length is in the top three but does not say how it is measured/);
    const marketingKpi = await makeKpi(teams.marketingLead.client, { team: 'marketing' });
    expect400(await put(lead, '/api/v1/goals/top-three', { team: 'sales', kpiIds: [marketingKpi.id] }), /is not an active sales KPI/);
    expect(await ranks()).toEqual(unchanged);

    // Only sales leads set the sales top three.
    expect((await put(teams.marketingLead.client, '/api/v1/goals/top-three', { team: 'sales', kpiIds: [a.id] })).status).toBe(403);
    // An empty list clears it.
    expect((await setTopThree(lead, 'sales', [])).every((k) => k.rank === null)).toBe(true);
  });
});

describe('values, status and trend', () => {
  let teams: Teams;
  let lead: Client;
  let winRate: KpiView;
  let pipeline: KpiView;
  beforeAll(async () => {
    teams = await makeTeams();
    lead = teams.salesLead.client;
    winRate = await makeKpi(lead, { team: 'sales', name: 'Win rate', kind: 'win_rate', target: 25 });
    pipeline = await makeKpi(lead, { team: 'sales', name: 'Pipeline generated', kind: 'pipeline_generated', target: 500_000_00, period: 'quarter' });
  });

  it('values recorded by form set this period’s status; a value on a date that has one replaces it', async () => {
    const url = `/api/v1/goals/kpis/${winRate.id}/values`;
    const onTrack = expectStatus(await lead.post<{ recorded: number; kpi: KpiView }>(url, { values: [{ date: today(), value: 30, note: 'Good month' }] }), 200);
    expect(onTrack.recorded).toBe(1);
    expect(onTrack.kpi.current).toMatchObject({ status: 'on_track', actual: 30, target: 25 });
    expect(onTrack.kpi.current.explanation).toMatch(/30% in .* against a target of at least 25%: on track\./);

    const offTrack = expectStatus(await lead.post<{ recorded: number; kpi: KpiView }>(url, { values: [{ date: today(), value: 20, note: null }] }), 200);
    expect(offTrack.kpi.current).toMatchObject({ status: 'off_track', actual: 20 });
    // The list shows the same status.
    expect((await kpisOf(teams.rep.client, 'sales')).find((k) => k.id === winRate.id)?.current.status).toBe('off_track');
    const detail = expectStatus(await lead.get<KpiDetailView>(`/api/v1/goals/kpis/${winRate.id}`), 200);
    expect(detail.values.items.filter((v) => v.date === today())).toHaveLength(1);
    expect((await auditOf(teams.ws, winRate.id)).filter((e) => e.action === 'kpi.values_recorded')).toHaveLength(2);

    // Only sales leads record sales values, by form or by paste (whatever they paste).
    expect((await teams.rep.client.post(url, { values: [{ date: today(), value: 99 }] })).status).toBe(403);
    expect((await teams.rep.client.post(`${url}/paste`, { text: `${today()},99` })).status).toBe(403);
    expect((await teams.marketingLead.client.post(`${url}/paste`, { text: 'not,a,value\nat all' })).status).toBe(403);
  });

  it('pasted values: a header line is allowed, money is pasted in dollars and stored in cents', async () => {
    const res = await lead.post<{ recorded: number; kpi: KpiView }>(`/api/v1/goals/kpis/${pipeline.id}/values/paste`, {
      text: `date,value,note\n${daysAgo(2)},"$1,250.50",Webinar\n\n${daysAgo(1)},2000\n`,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.recorded).toBe(2);
    const detail = expectStatus(await lead.get<KpiDetailView>(`/api/v1/goals/kpis/${pipeline.id}`), 200);
    const byDate = Object.fromEntries(detail.values.items.map((v) => [v.date, [v.value, v.note]]));
    expect(byDate[daysAgo(2)]).toEqual([125_050, 'Webinar']);
    expect(byDate[daysAgo(1)]).toEqual([200_000, null]);
  });

  it('a bad pasted line is reported with its line number, and nothing is recorded', async () => {
    const url = `/api/v1/goals/kpis/${winRate.id}/values/paste`;
    const before = expectStatus(await lead.get<KpiDetailView>(`/api/v1/goals/kpis/${winRate.id}`), 200).values;
    // Line 4 (after a blank line 2) has a bad number, line 5 a bad date; line 3 is fine but is not recorded either.
    const res = await lead.post(url, { text: `date,value\n\n${daysAgo(1)},27\n${daysAgo(2)},lots\n31/12/2025,5` });
    expect400(res, /Nothing was recorded\. line 4: "lots" is not a number; line 5: "31\/12\/2025" is not a date as YYYY-MM-DD/);
    expect(res.error?.details).toEqual(['line 4: "lots" is not a number', 'line 5: "31/12/2025" is not a date as YYYY-MM-DD']);
    // Without a header, the first line is data and is checked like the others.
    expect400(await lead.post(url, { text: `${daysAgo(1)},27\n${daysAgo(2)},x` }), /line 2: "x" is not a number/);
    expect400(await lead.post(url, { text: `${nextMonth()},27` }), /is in a future period/);
    // A day that no calendar has is not a date (the form refuses it too).
    expect400(await lead.post(url, { text: '2026-02-31,27' }), /line 1: "2026-02-31" is not a date as YYYY-MM-DD/);
    expect400(await lead.post(`/api/v1/goals/kpis/${winRate.id}/values`, { values: [{ date: '2026-02-31', value: 27 }] }), /must be a date as YYYY-MM-DD/);
    expect400(await lead.post(url, { text: 'date,value\n' }), /No values found/);
    // No larger than a value recorded one by one (the unit's domain): 1e308 once made the KPI's status Infinity.
    expect400(await lead.post(url, { text: `${daysAgo(1)},1e308` }), /^Line 1: The value of Win rate on .* is a share, so it is between 0% and 100%/);
    expect400(await lead.post(`/api/v1/goals/kpis/${pipeline.id}/values/paste`, { text: `${daysAgo(1)},1e308` }), /line 1: 1e308 is larger than a KPI value can be/);
    expect(expectStatus(await lead.get<KpiDetailView>(`/api/v1/goals/kpis/${winRate.id}`), 200).values).toEqual(before);
  });

  it('a KPI’s detail has its last 12 periods, the current one last', async () => {
    const detail = expectStatus(await teams.rep.client.get<KpiDetailView>(`/api/v1/goals/kpis/${winRate.id}`), 200);
    expect(detail.trend).toHaveLength(12);
    const current = detail.trend[11]!;
    expect(current.period.key).toBe(today().slice(0, 7));
    expect(current.period.key).toBe(detail.kpi.current.period.key);
    expect(current.status).toBe(detail.kpi.current.status);
    expect(new Set(detail.trend.map((p) => p.period.key)).size).toBe(12);
    const quarterly = expectStatus(await teams.rep.client.get<KpiDetailView>(`/api/v1/goals/kpis/${pipeline.id}`), 200);
    expect(quarterly.trend).toHaveLength(12);
    expect(quarterly.trend[11]!.actual).toBe(325_050);
  });
});

describe('shared KPIs', () => {
  it('a sales lead proposes, another sales lead cannot accept, a marketing lead accepts; either side can stop sharing', async () => {
    const teams = await makeTeams();
    const kpi = await makeKpi(teams.salesLead.client, { team: 'sales', name: 'Pipeline generated', kind: 'pipeline_generated' });
    const url = `/api/v1/goals/kpis/${kpi.id}/share`;

    expect((await teams.rep.client.post(url)).status).toBe(403);
    expect((await teams.marketingLead.client.post(url)).status).toBe(403);

    const proposed = expectStatus(await teams.salesLead.client.post<KpiView>(url), 200);
    expect(proposed).toMatchObject({ shared: false, sharedProposedByTeam: 'sales' });

    const sameTeam = await teams.salesLead2.client.post(url);
    expect(sameTeam.status).toBe(403);
    expect(sameTeam.error?.message).toMatch(/a marketing lead accepts it/);

    const accepted = expectStatus(await teams.marketingLead.client.post<KpiView>(url), 200);
    expect(accepted).toMatchObject({ shared: true, sharedProposedByTeam: null });
    expect((await auditOf(teams.ws, kpi.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['kpi.share_proposed', 'kpi.share_accepted']));
    // Accepting again is a no-op for a lead, and still refused to people who may not change sharing.
    expect((await teams.marketingLead.client.post<KpiView>(url)).body.shared).toBe(true);
    for (const c of [teams.rep.client, teams.ws.admin]) expect((await c.post(url)).status).toBe(403);

    expect((await teams.rep.client.delete(url)).status).toBe(403);
    const stopped = expectStatus(await teams.marketingLead.client.delete<KpiView>(url), 200);
    expect(stopped).toMatchObject({ shared: false, sharedProposedByTeam: null });
    expect((await auditOf(teams.ws, kpi.id)).map((e) => e.action)).toContain('kpi.unshared');
  });
});

describe('a weekly KPI in the first days of a quarter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('the list and the overview count this week’s values from before the quarter began, as the detail does', async () => {
    // Friday 2 October 2026: the week (Monday start) began on 28 September, the fiscal quarter on 1 October.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-02T12:00:00Z'));
    const teams = await makeTeams();
    const kpi = await makeKpi(teams.salesLead.client, { team: 'sales', name: 'SQLs', kind: 'sqls', period: 'week', target: 10, rank: 1 });
    expectStatus(await teams.salesLead.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: '2026-09-29', value: 4 }, { date: '2026-10-01', value: 3 }] }), 200);

    const detail = expectStatus(await teams.rep.client.get<KpiDetailView>(`/api/v1/goals/kpis/${kpi.id}`), 200);
    expect(detail.kpi.current.period.start).toBe('2026-09-28T00:00:00.000Z');
    expect(detail.kpi.current.actual).toBe(7);
    const listed = (await kpisOf(teams.rep.client, 'sales')).find((k) => k.id === kpi.id);
    expect(listed?.current).toEqual(detail.kpi.current);

    expectStatus(await teams.salesLead.client.post('/api/v1/goals/publications', { team: 'sales' }), 201);
    const overview = expectStatus(await teams.rep.client.get<{ teams: Array<{ team: string; topThree: Array<{ current: KpiView['current'] | null }> }> }>('/api/v1/goals/overview'), 200);
    expect(overview.teams.find((x) => x.team === 'sales')?.topThree[0]?.current).toEqual(detail.kpi.current);
  });
});

describe('two leads at the same moment', () => {
  it('recording a value on the same date twice at once keeps one value; two KPIs claiming one rank get one 201 and a 4xx, never a 500', async () => {
    const teams = await makeTeams();
    const kpi = await makeKpi(teams.salesLead.client, { team: 'sales', name: 'SQLs', kind: 'sqls' });
    const url = `/api/v1/goals/kpis/${kpi.id}/values`;
    for (let round = 0; round < 3; round++) {
      const date = daysAgo(round + 1);
      const answers = await Promise.all([teams.salesLead.client.post(url, { values: [{ date, value: 1 }] }), teams.salesLead2.client.post(url, { values: [{ date, value: 2 }] })]);
      expect(answers.map((r) => r.status), answers.map((r) => r.text).join('\n')).toEqual([200, 200]);
    }
    const detail = expectStatus(await teams.rep.client.get<KpiDetailView>(`/api/v1/goals/kpis/${kpi.id}`), 200);
    expect(detail.values.items).toHaveLength(3);

    for (let rank = 1; rank <= 3; rank++) {
      const answers = await Promise.all(
        [teams.salesLead.client, teams.salesLead2.client].map((c, i) => c.post('/api/v1/goals/kpis', { team: 'sales', name: `Ranked ${rank}.${i}`, kind: 'win_rate', measurement: 'Defined.', rank })),
      );
      const statuses = answers.map((r) => r.status).sort();
      expect(statuses[0], answers.map((r) => r.text).join('\n')).toBe(201);
      expect([400, 409]).toContain(statuses[1]);
    }
  });
});

describe('the KPI catalog', () => {
  it('leads add their own kinds, named in any language; a name like an existing kind is a 409', async () => {
    const teams = await makeTeams();
    const catalog = await allPages<{ id: string; builtIn: boolean }>(teams.rep.client, '/api/v1/goals/catalog');
    expect(catalog.map((k) => k.id)).toEqual(expect.arrayContaining(['mqls', 'win_rate', 'lead_response_time', 'cac']));
    expect(catalog.every((k) => k.builtIn)).toBe(true);

    const demos = await teams.salesLead.client.post<{ id: string; name: string; builtIn: boolean; unit: string }>('/api/v1/goals/catalog', { name: 'Demos booked', unit: 'count', direction: 'higher' });
    expect(demos.status, demos.text).toBe(201);
    expect(demos.body).toMatchObject({ name: 'Demos booked', unit: 'count', builtIn: false });
    expect((await teams.marketingLead.client.post('/api/v1/goals/catalog', { name: 'demo booked', unit: 'count', direction: 'higher' })).status).toBe(409);
    expect((await teams.marketingLead.client.post('/api/v1/goals/catalog', { name: 'Win rates', unit: 'percent', direction: 'higher' })).status).toBe(409);
    expect((await teams.rep.client.post('/api/v1/goals/catalog', { name: 'Calls made', unit: 'count', direction: 'higher' })).status).toBe(403);

    // Names without Latin letters or digits are kinds of their own, not one shared empty key.
    const sales = await teams.salesLead.client.post<{ id: string }>('/api/v1/goals/catalog', { name: 'Продажи', unit: 'currency', direction: 'higher' });
    const meetings = await teams.salesLead.client.post<{ id: string }>('/api/v1/goals/catalog', { name: 'Встречи', unit: 'count', direction: 'higher' });
    expect([sales.status, meetings.status], `${sales.text} ${meetings.text}`).toEqual([201, 201]);
    expect(sales.body.id).not.toBe(meetings.body.id);
    expect((await teams.marketingLead.client.post('/api/v1/goals/catalog', { name: 'продажи', unit: 'currency', direction: 'higher' })).status).toBe(409);

    const kpi = await makeKpi(teams.salesLead.client, { team: 'sales', name: 'Встречи за месяц', kind: meetings.body.id });
    expect(kpi).toMatchObject({ kind: meetings.body.id, kindName: 'Встречи', unit: 'count' });
    expect((await makeKpi(teams.salesLead.client, { team: 'sales', name: 'Demos', kind: demos.body.id })).kindName).toBe('Demos booked');
  });
});
