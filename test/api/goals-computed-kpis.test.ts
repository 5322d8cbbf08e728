// KPIs computed from deals, as the goals room treats them (issue 11, decisions 033 and 039), on both databases:
// typed values are refused (409, nothing written), a KPI made computed — created so, or changed to it, or its kind or
// period changed while it is — gets its values from the deals already imported at once (typed ones replaced), one
// that stops being computed keeps its values, and a kind the deals do not measure cannot be made computed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDeals as insertDealsInto, type DealSpec } from '../factories-deals.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type ApiResponse, type Client } from '../helpers/client.js';
import { addMember, allPages, changedInDb, makeKpi, makeWorkspace, type KpiDetailView, type KpiView, type TestMember, type TestWorkspace } from '../factories.js';
import { burst, expectOnly, PARALLEL } from '../factories-concurrency.js';

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let lead: TestMember;
let rep: TestMember;
let otherLead: TestMember;
/** This quarter's and this month's first days, and the day before this quarter (workspace zone UTC). */
let quarterStart: string;
let monthStart: string;
let lastQuarter: string;

const REFUSED = (name: string) => `'${name}' is computed from deals: import deals to update it, or change its data source to enter values by hand.`;

async function insertDeals(workspaceId: string, deals: DealSpec[]): Promise<void> {
  await insertDealsInto(t, workspaceId, deals);
  await changedInDb(t);
}

const dayBefore = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const valuesOf = async (by: Client, kpi: { id: string }) =>
  (await allPages<{ date: string; value: number; source: string }>(by, `/api/v1/goals/kpis/${kpi.id}/values`)).map((v) => ({ date: v.date, value: v.value, source: v.source })).sort((a, b) => a.date.localeCompare(b.date));
const detailOf = async (by: Client, kpi: { id: string }) => expectStatus(await by.get<KpiDetailView>(`/api/v1/goals/kpis/${kpi.id}`), 200);
const auditActions = async (kpi: { id: string }) => (await allPages<{ entityId: string; action: string }>(ws.admin, '/api/v1/audit')).filter((e) => e.entityId === kpi.id).map((e) => e.action);
const pipelineKpi = (name: string, extra: Record<string, unknown> = {}) => makeKpi(lead.client, { team: 'sales', name, kind: 'pipeline_generated', period: 'quarter', measurement: 'Amounts of deals created in the quarter.', ...extra });

function expectRefused(res: ApiResponse<unknown>, message: string | RegExp, status = 409): void {
  expect(res.status, res.text).toBe(status);
  if (typeof message === 'string') expect(res.error?.message).toBe(message);
  else expect(res.error?.message).toMatch(message);
}

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { timeZone: 'UTC' });
  other = await makeWorkspace(t, { timeZone: 'UTC' });
  lead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
  rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
  otherLead = await addMember(t, other, { role: 'leader', team: 'sales', name: 'Olga Other' });
  const probe = await pipelineKpi('Probe');
  quarterStart = probe.current.period.start.slice(0, 10);
  lastQuarter = dayBefore(quarterStart);
  const monthly = await makeKpi(lead.client, { team: 'sales', name: 'Probe monthly', kind: 'revenue_closed', period: 'month' });
  monthStart = monthly.current.period.start.slice(0, 10);
  expectStatus(await lead.client.delete(`/api/v1/goals/kpis/${probe.id}`), 200);
  expectStatus(await lead.client.delete(`/api/v1/goals/kpis/${monthly.id}`), 200);
  await insertDeals(ws.id, [
    { status: 'open', amount: 10_000_00, created: quarterStart },
    { status: 'won', amount: 20_000_00, created: monthStart, closed: monthStart },
    { status: 'open', amount: 5_000_00, created: lastQuarter },
  ]);
  // Another workspace's deals never count here.
  await insertDeals(other.id, [{ status: 'open', amount: 99_999_00, created: quarterStart }]);
});
afterAll(async () => {
  await t?.close();
});

describe('a KPI computed from deals takes no typed values', () => {
  let kpi: KpiView;
  let before: Awaited<ReturnType<typeof valuesOf>>;
  beforeAll(async () => {
    kpi = await pipelineKpi('Pipeline generated', { dataSource: 'deals' });
    before = await valuesOf(lead.client, kpi);
  });

  it('recording a value answers 409 in words and writes nothing', async () => {
    expectRefused(await lead.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: quarterStart, value: 1 }] }), REFUSED('Pipeline generated'));
    // An admin acting on the team's behalf is refused the same way.
    expectRefused(await ws.admin.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: quarterStart, value: 1, note: 'typed' }] }), REFUSED('Pipeline generated'));
    expect(await valuesOf(lead.client, kpi)).toEqual(before);
    expect(await auditActions(kpi)).not.toContain('kpi.values_recorded');
  });

  it('pasting values answers 409 before the text is read, and writes nothing', async () => {
    expectRefused(await lead.client.post(`/api/v1/goals/kpis/${kpi.id}/values/paste`, { text: `date,value\n${quarterStart},125` }), REFUSED('Pipeline generated'));
    // Even text that would not parse: the KPI's state is the answer, not the text.
    expectRefused(await lead.client.post(`/api/v1/goals/kpis/${kpi.id}/values/paste`, { text: '"unclosed,quote' }), REFUSED('Pipeline generated'));
    expect(await valuesOf(lead.client, kpi)).toEqual(before);
  });

  it('bad types still answer 400; a rep 403; another workspace 404 — the refusal tells outsiders nothing', async () => {
    expect((await lead.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: quarterStart, value: 'lots' }] })).status).toBe(400);
    expect((await rep.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: quarterStart, value: 1 }] })).status).toBe(403);
    expect((await rep.client.post(`/api/v1/goals/kpis/${kpi.id}/values/paste`, { text: `${quarterStart},1` })).status).toBe(403);
    expect((await otherLead.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: quarterStart, value: 1 }] })).status).toBe(404);
    expect((await otherLead.client.post(`/api/v1/goals/kpis/${kpi.id}/values/paste`, { text: `${quarterStart},1` })).status).toBe(404);
    expect(await valuesOf(lead.client, kpi)).toEqual(before);
  });
});

describe('a KPI becoming computed gets its values from the deals at once', () => {
  it('created with data source deals: this quarter is the sum of the deals created in it, earlier quarters too', async () => {
    const kpi = await pipelineKpi('Pipeline (new)', { dataSource: 'deals', target: 50_000_00 });
    expect(kpi.current.actual).toBe(30_000_00);
    const previous = (await detailOf(lead.client, kpi)).trend.at(-2)!.period.start.slice(0, 10);
    expect(await valuesOf(lead.client, kpi)).toEqual([
      { date: previous, value: 5_000_00, source: 'deals' },
      { date: quarterStart, value: 30_000_00, source: 'deals' },
    ]);
    // The lists the Goals page reads show it too (the read cache was told).
    const listed = (await allPages<KpiView>(lead.client, '/api/v1/goals/kpis?team=sales')).find((k) => k.id === kpi.id);
    expect(listed?.current.actual).toBe(30_000_00);
  });

  it('a manual KPI changed to deals: the typed values are replaced by the computed ones', async () => {
    const kpi = await pipelineKpi('Pipeline (typed)');
    expectStatus(await lead.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: quarterStart, value: 1_00, note: 'typed by mistake' }, { date: lastQuarter, value: 2_00 }] }), 200);
    const changed = expectStatus(await lead.client.patch<KpiView>(`/api/v1/goals/kpis/${kpi.id}`, { dataSource: 'deals' }), 200);
    expect(changed.dataSource).toBe('deals');
    expect(changed.current.actual).toBe(30_000_00);
    const values = await valuesOf(lead.client, kpi);
    expect(values.every((v) => v.source === 'deals')).toBe(true);
    expect(values.find((v) => v.date === quarterStart)?.value).toBe(30_000_00);
    expect(await auditActions(kpi)).toContain('kpi.changed');
  });

  it('its period changed while computed: the values are per month now', async () => {
    const kpi = await pipelineKpi('Pipeline (period)', { dataSource: 'deals' });
    const changed = expectStatus(await lead.client.patch<KpiView>(`/api/v1/goals/kpis/${kpi.id}`, { period: 'month' }), 200);
    const monthly = (await detailOf(lead.client, kpi)).trend.at(-1);
    expect(changed.current.period.start.slice(0, 10)).toBe(monthStart);
    // This month holds the deal created on its first day (and the quarter's first, when that is today's month).
    expect(changed.current.actual).toBe(quarterStart === monthStart ? 30_000_00 : 20_000_00);
    expect(monthly?.actual).toBe(changed.current.actual);
    expect((await valuesOf(lead.client, kpi)).find((v) => v.date === `${lastQuarter.slice(0, 8)}01`)).toEqual({ date: `${lastQuarter.slice(0, 8)}01`, value: 5_000_00, source: 'deals' });
  });

  it('its kind changed while computed: revenue closed is the won amount', async () => {
    const kpi = await pipelineKpi('Pipeline (kind)', { dataSource: 'deals' });
    const changed = expectStatus(await lead.client.patch<KpiView>(`/api/v1/goals/kpis/${kpi.id}`, { kind: 'revenue_closed', name: 'Revenue (kind)' }), 200);
    expect(changed.current.actual).toBe(20_000_00);
    expect((await valuesOf(lead.client, kpi)).map((v) => v.value)).toEqual([20_000_00]);
  });

  it('a change that leaves it computed with the same kind and period recomputes nothing and keeps the values', async () => {
    const kpi = await pipelineKpi('Pipeline (rename)', { dataSource: 'deals' });
    const before = await valuesOf(lead.client, kpi);
    expectStatus(await lead.client.patch<KpiView>(`/api/v1/goals/kpis/${kpi.id}`, { name: 'Pipeline (renamed)', target: 40_000_00, dataSource: 'deals' }), 200);
    expect(await valuesOf(lead.client, kpi)).toEqual(before);
  });

  it('changed from deals to manual: the computed values stay as history, and values can be typed again', async () => {
    const kpi = await pipelineKpi('Pipeline (back)', { dataSource: 'deals' });
    const computed = await valuesOf(lead.client, kpi);
    expect(computed.length).toBeGreaterThan(0);
    expectStatus(await lead.client.patch<KpiView>(`/api/v1/goals/kpis/${kpi.id}`, { dataSource: 'manual' }), 200);
    expect(await valuesOf(lead.client, kpi)).toEqual(computed);
    expectStatus(await lead.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: monthStart, value: 7_00 }] }), 200);
    expect((await valuesOf(lead.client, kpi)).find((v) => v.date === monthStart)).toMatchObject({ value: 7_00, source: 'manual' });
  });

  it("another workspace's deals KPI counts only its own deals, and it cannot change this workspace's KPI", async () => {
    const mine = await pipelineKpi('Pipeline (mine)');
    const theirs = await makeKpi(otherLead.client, { team: 'sales', name: 'Their pipeline', kind: 'pipeline_generated', period: 'quarter', dataSource: 'deals' });
    expect(theirs.current.actual).toBe(99_999_00);
    expect((await otherLead.client.patch(`/api/v1/goals/kpis/${mine.id}`, { dataSource: 'deals' })).status).toBe(404);
    expect((await detailOf(lead.client, mine)).kpi.dataSource).toBe('manual');
    expect(await valuesOf(lead.client, mine)).toEqual([]);
  });
});

describe('a kind the deals do not measure cannot be computed from deals', () => {
  it('creating a CAC KPI from deals answers 400 and creates nothing', async () => {
    const res = await lead.client.post('/api/v1/goals/kpis', { team: 'sales', name: 'CAC from deals', kind: 'cac', measurement: 'Spend ÷ customers.', period: 'quarter', dataSource: 'deals' });
    expect(res.status, res.text).toBe(400);
    expect(res.error?.message).toMatch(/cannot be computed from deals: pick another data source\. The deals compute .*pipeline generated/);
    expect((await allPages<KpiView>(lead.client, '/api/v1/goals/kpis?team=sales')).some((k) => k.name === 'CAC from deals')).toBe(false);
  });

  it('changing a manual CAC KPI to deals answers 400 and changes nothing; an older one can still be renamed but takes no typed value', async () => {
    const kpi = await makeKpi(lead.client, { team: 'sales', name: 'CAC', kind: 'cac', period: 'quarter' });
    const res = await lead.client.patch(`/api/v1/goals/kpis/${kpi.id}`, { dataSource: 'deals' });
    expect(res.status, res.text).toBe(400);
    expect(res.error?.message).toMatch(/'CAC' cannot be computed from deals/);
    expect((await detailOf(lead.client, kpi)).kpi.dataSource).toBe('manual');
    // One made before this was refused (as the large demo's are): renamed freely, values refused with its way out.
    await t.db.kysely.updateTable('kpis').set({ data_source: 'deals' }).where('id', '=', kpi.id).execute();
    await changedInDb(t);
    expectStatus(await lead.client.patch(`/api/v1/goals/kpis/${kpi.id}`, { name: 'CAC (old)', dataSource: 'deals' }), 200);
    expectRefused(
      await lead.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: quarterStart, value: 1 }] }),
      "'CAC (old)' is set to be computed from deals, but the deals do not measure its kind: change its data source to enter values by hand.",
    );
  });
});

describe('at the same moment', () => {
  it(`${PARALLEL} identical changes to deals: each answered (never 500), one set of computed values`, async () => {
    const kpi = await pipelineKpi('Pipeline (race)');
    expectStatus(await lead.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: quarterStart, value: 3_00 }] }), 200);
    const answers = await burst(PARALLEL, () => lead.client.patch(`/api/v1/goals/kpis/${kpi.id}`, { dataSource: 'deals' }));
    expectOnly(answers, [200, 409]);
    const values = await valuesOf(lead.client, kpi);
    expect(values.filter((v) => v.date === quarterStart)).toEqual([{ date: quarterStart, value: 30_000_00, source: 'deals' }]);
    expect(values.every((v) => v.source === 'deals')).toBe(true);
  });

  it('a value typed while another lead switches the KPI to deals: either refused or replaced, never left beside the computed ones', async () => {
    const kpi = await pipelineKpi('Pipeline (typed race)');
    const [switched, ...typed] = await Promise.all([
      lead.client.patch(`/api/v1/goals/kpis/${kpi.id}`, { dataSource: 'deals' }),
      ...Array.from({ length: PARALLEL - 1 }, (_, i) => ws.admin.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: `${lastQuarter.slice(0, 8)}0${1 + i}`, value: 1_00 + i }] })),
    ]);
    expect(switched!.status, switched!.text).toBe(200);
    expectOnly(typed, [200, 409]);
    for (const r of typed.filter((x) => x.status === 409)) expect(r.error?.message).toBe(REFUSED('Pipeline (typed race)'));
    const values = await valuesOf(lead.client, kpi);
    expect(values.every((v) => v.source === 'deals'), JSON.stringify(values)).toBe(true);
    expect(values.find((v) => v.date === quarterStart)?.value).toBe(30_000_00);
  });
});
