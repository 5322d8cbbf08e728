// The first days of a period (issue 10; SPEC S1 "Status per period"), on both databases: while this period has no
// value yet, every KPI view — the list, a KPI's detail, the Goals page's top three — shows how the last closed period
// ended beside "no value yet", instead of only "no data" although last month had values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { GoalsOverviewView } from '../../src/capabilities/goals/schemas.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { addMember, allPages, makeKpi, makeWorkspace, publishTopThree, type KpiDetailView, type KpiView, type TestWorkspace } from '../factories.js';

type Overview = z.infer<typeof GoalsOverviewView>;

let t: TestApp;
let ws: TestWorkspace;
let lead: Client;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t);
  lead = (await addMember(t, ws, { role: 'leader', team: 'sales' })).client;
});
afterAll(async () => {
  await t?.close();
});

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** The first day of the month `back` months before this one (UTC, the test workspace's zone), and its label. */
function monthBefore(back: number): { first: string; label: string; key: string } {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
  const first = d.toISOString().slice(0, 10);
  return { first, key: first.slice(0, 7), label: `${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}` };
}
const thisMonth = monthBefore(0);
const lastMonth = monthBefore(1);

const kpiIn = async (id: string): Promise<KpiView> => {
  const found = (await allPages<KpiView>(lead, '/api/v1/goals/kpis?team=sales')).find((k) => k.id === id);
  if (!found) throw new Error(`KPI ${id} is not listed`);
  return found;
};

describe('a KPI with values last month and none yet this month', () => {
  let winRate: KpiView;
  let sqls: KpiView;
  beforeAll(async () => {
    winRate = await makeKpi(lead, { team: 'sales', name: 'Win rate', kind: 'win_rate', target: 25, rank: 1 });
    sqls = await makeKpi(lead, { team: 'sales', name: 'SQLs', kind: 'sqls', target: 100, rank: 2, measurement: 'Accepted by an AE.' });
    const tenth = `${lastMonth.key}-10`;
    expectStatus(await lead.post(`/api/v1/goals/kpis/${winRate.id}/values`, { values: [{ date: lastMonth.first, value: 20 }, { date: tenth, value: 27 }] }), 200);
    expectStatus(await lead.post(`/api/v1/goals/kpis/${sqls.id}/values`, { values: [{ date: lastMonth.first, value: 40 }, { date: tenth, value: 50 }] }), 200);
  });

  it('the list says no value yet this period and how the last closed period ended', async () => {
    const k = await kpiIn(winRate.id);
    expect(k.current).toMatchObject({ status: 'no_data', actual: null, period: { key: thisMonth.key } });
    expect(k.current.explanation).toBe(`No value yet for ${thisMonth.label}. ${lastMonth.label} closed at 27%: on track.`);
    expect(k.current.lastClosed).toMatchObject({ status: 'on_track', actual: 27, target: 25, period: { key: lastMonth.key, label: lastMonth.label } });
    expect(k.current.lastClosed?.explanation).toBe(`27% in ${lastMonth.label} against a target of at least 25%: on track.`);
    // A flow closes at its total for the month: 90 against 100 is at risk.
    expect((await kpiIn(sqls.id)).current.lastClosed).toMatchObject({ status: 'at_risk', actual: 90, projected: 90 });
  });

  it('so do the KPI’s detail and the Goals page’s published top three', async () => {
    const detail = expectStatus(await lead.get<KpiDetailView>(`/api/v1/goals/kpis/${winRate.id}`), 200);
    expect(detail.kpi.current.lastClosed?.status).toBe('on_track');
    await publishTopThree(lead, 'sales');
    const overview = expectStatus(await ws.admin.get<Overview>('/api/v1/goals/overview'), 200);
    const sales = overview.teams.find((x) => x.team === 'sales');
    expect(sales?.topThree.map((x) => [x.item.name, x.current?.status, x.current?.lastClosed?.status])).toEqual([
      ['Win rate', 'no_data', 'on_track'],
      ['SQLs', 'no_data', 'at_risk'],
    ]);
  });

  it('once this period has a value, it speaks for itself', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const res = expectStatus(await lead.post<{ kpi: KpiView }>(`/api/v1/goals/kpis/${winRate.id}/values`, { values: [{ date: today, value: 30 }] }), 200);
    expect(res.kpi.current).toMatchObject({ status: 'on_track', actual: 30, lastClosed: null });
  });

  it('a quarterly KPI reaches back to the last quarter, however far before this month that began', async () => {
    const pipeline = await makeKpi(lead, { team: 'sales', name: 'Pipeline generated', kind: 'pipeline_generated', target: 100_000_00, period: 'quarter' });
    // The day before this quarter's first day lies in the last one (the test workspace is on UTC).
    const lastDay = new Date(Date.parse(pipeline.current.period.start) - 86_400_000).toISOString().slice(0, 10);
    expectStatus(await lead.post(`/api/v1/goals/kpis/${pipeline.id}/values`, { values: [{ date: lastDay, value: 120_000_00 }] }), 200);
    const k = await kpiIn(pipeline.id);
    expect(k.current).toMatchObject({ status: 'no_data', lastClosed: { status: 'on_track', actual: 120_000_00 } });
    expect(k.current.explanation).toMatch(/^No value yet for FY\d{4} Q\d\. FY\d{4} Q\d closed at \$120,000: on track\.$/);
  });

  it('a KPI with no value last month either says only that it has none', async () => {
    const fresh = await makeKpi(lead, { team: 'sales', name: 'Average deal size', kind: 'average_deal_size', target: 5_000_000 });
    expect(fresh.current).toMatchObject({ status: 'no_data', lastClosed: null, explanation: `No values logged for ${thisMonth.label}.` });
  });
});
