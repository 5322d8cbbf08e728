// KPIs computed from deals (issue 11, decision 033), on both databases: recomputeDealKpis writes one value per KPI
// per period from the deals, source 'deals', on the period's first day; read back through the goals API. It replaces
// the earlier values of those KPIs, is idempotent, never touches a KPI of another data source or another workspace's
// KPIs, and two at once leave one correct set.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeDealKpis } from '../../src/capabilities/deals/recompute.js';
import { newId } from '../../src/server/ids.js';
import { insertDeals as insertDealsInto, type DealSpec } from '../factories-deals.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { addMember, allPages, makeKpi, makeWorkspace, type KpiView, type TestWorkspace } from '../factories.js';

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let lead: Client;
let marketingLead: Client;

const insertDeals = (workspaceId: string, deals: DealSpec[]) => insertDealsInto(t, workspaceId, deals);

const NOW = new Date('2026-06-15T12:00:00Z');
const valuesOf = async (kpi: KpiView) => (await allPages<{ date: string; value: number; source: string }>(lead, `/api/v1/goals/kpis/${kpi.id}/values`)).map((v) => ({ date: v.date, value: v.value, source: v.source })).sort((a, b) => a.date.localeCompare(b.date));

const kpis: Record<string, KpiView> = {};

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t);
  other = await makeWorkspace(t);
  lead = (await addMember(t, ws, { role: 'leader', team: 'sales' })).client;
  marketingLead = (await addMember(t, ws, { role: 'leader', team: 'marketing' })).client;
  const deals = { dataSource: 'deals' as const, measurement: 'From the CRM.' };
  kpis.pipeline = await makeKpi(lead, { team: 'sales', name: 'Pipeline generated', kind: 'pipeline_generated', period: 'quarter', ...deals });
  kpis.msp = await makeKpi(marketingLead, { team: 'marketing', name: 'Marketing-sourced pipeline', kind: 'marketing_sourced_pipeline', period: 'quarter', ...deals });
  kpis.winRate = await makeKpi(lead, { team: 'sales', name: 'Win rate', kind: 'win_rate', period: 'month', ...deals });
  kpis.revenue = await makeKpi(lead, { team: 'sales', name: 'Revenue closed', kind: 'revenue_closed', period: 'month', ...deals });
  kpis.size = await makeKpi(lead, { team: 'sales', name: 'Average deal size', kind: 'average_deal_size', period: 'quarter', ...deals });
  kpis.cycle = await makeKpi(lead, { team: 'sales', name: 'Sales cycle', kind: 'sales_cycle_length', period: 'quarter', ...deals });
  kpis.sqls = await makeKpi(lead, { team: 'sales', name: 'SQLs', kind: 'sqls', period: 'month', ...deals });
  // A manual KPI of a kind deals could measure, and a deals KPI of a kind they cannot: both left alone.
  kpis.manual = await makeKpi(lead, { team: 'sales', name: 'Revenue (typed)', kind: 'revenue_closed', period: 'month', measurement: 'Typed in.' });
  // A deals KPI of a kind they cannot measure can no longer be made (decision 039); one made before, with a value
  // typed while that was allowed, stays as it was.
  kpis.cac = await makeKpi(marketingLead, { team: 'marketing', name: 'CAC', kind: 'cac', period: 'quarter', measurement: 'From the CRM.' });
  expectStatus(await lead.post(`/api/v1/goals/kpis/${kpis.manual.id}/values`, { values: [{ date: '2026-04-01', value: 123 }] }), 200);
  expectStatus(await marketingLead.post(`/api/v1/goals/kpis/${kpis.cac.id}/values`, { values: [{ date: '2026-04-01', value: 999 }] }), 200);
  await t.db.kysely.updateTable('kpis').set({ data_source: 'deals' }).where('id', '=', kpis.cac.id).execute();
  // A value typed into a deals KPI before the deals came (while typing into one was still allowed): the computation
  // replaces it.
  await t.db.kysely
    .insertInto('kpi_values')
    .values({ id: newId(), workspace_id: ws.id, kpi_id: kpis.revenue.id, date: '2026-04-10', value: 5, source: 'manual', note: null, recorded_by: null, created_at: new Date().toISOString() })
    .execute();

  await insertDeals(ws.id, [
    // Created in Q1 (Jan–Mar 2026, fiscal year starting January); two closed in April.
    { status: 'won', amount: 10_000_00, created: '2026-01-10', closed: '2026-04-09', source: 'Paid Search', marketing: true },
    { status: 'won', amount: 30_000_00, created: '2026-02-01', closed: '2026-04-20' },
    { status: 'lost', amount: 5_000_00, created: '2026-03-31', closed: '2026-04-30', source: 'Webinar', marketing: true },
    // Created in Q2; one won in May without an amount (left out of the mean, in the count), one lost, one open.
    { status: 'won', amount: null, created: '2026-04-02', closed: '2026-05-02' },
    { status: 'lost', amount: 2_000_00, created: '2026-04-03', closed: '2026-05-10' },
    { status: 'open', amount: 7_000_00, created: '2026-05-20', closed: '2026-09-30', marketing: true },
    // No create date: in no pipeline; still a closed deal.
    { status: 'lost', amount: 1_000_00, created: null, closed: '2026-05-11' },
  ]);
  // The other workspace's deals never count here.
  await insertDeals(other.id, [{ status: 'won', amount: 99_999_00, created: '2026-01-05', closed: '2026-04-05', marketing: true }]);
});
afterAll(async () => {
  await t?.close();
});

describe('recomputing the KPIs measured from deals', () => {
  let first: { kpis: number; values: number };
  beforeAll(async () => {
    first = await recomputeDealKpis(t.db.kysely, ws.id, { now: NOW });
  });

  it('counts the seven computed KPIs and leaves CAC (not measurable from deals) out', () => {
    expect(first.kpis).toBe(7);
  });

  it('pipeline generated is the sum of amounts created per fiscal quarter, on the quarter’s first day', async () => {
    expect(await valuesOf(kpis.pipeline!)).toEqual([
      { date: '2026-01-01', value: 45_000_00, source: 'deals' },
      { date: '2026-04-01', value: 9_000_00, source: 'deals' },
    ]);
  });

  it('marketing-sourced pipeline sums only the marketing-sourced deals', async () => {
    expect(await valuesOf(kpis.msp!)).toEqual([
      { date: '2026-01-01', value: 15_000_00, source: 'deals' },
      { date: '2026-04-01', value: 7_000_00, source: 'deals' },
    ]);
  });

  it('win rate per month by close date, and no value in a month nothing closed', async () => {
    expect(await valuesOf(kpis.winRate!)).toEqual([
      { date: '2026-04-01', value: 66.7, source: 'deals' },
      { date: '2026-05-01', value: 33.3, source: 'deals' },
    ]);
  });

  it('revenue closed per month, 0 in a month with closed deals but no win, and the typed value replaced', async () => {
    expect(await valuesOf(kpis.revenue!)).toEqual([
      { date: '2026-04-01', value: 40_000_00, source: 'deals' },
      { date: '2026-05-01', value: 0, source: 'deals' },
      { date: '2026-06-01', value: 0, source: 'deals' },
    ]);
  });

  it('average deal size and the median sales cycle per quarter of close', async () => {
    expect(await valuesOf(kpis.size!)).toEqual([{ date: '2026-04-01', value: 20_000_00, source: 'deals' }]);
    // Won in Q2: 89, 78 and 30 days → median 78.
    expect(await valuesOf(kpis.cycle!)).toEqual([{ date: '2026-04-01', value: 78, source: 'deals' }]);
  });

  it('SQLs count the deals created per month, 0 in the empty months up to today', async () => {
    expect((await valuesOf(kpis.sqls!)).map((v) => [v.date, v.value])).toEqual([
      ['2026-01-01', 1],
      ['2026-02-01', 1],
      ['2026-03-01', 1],
      ['2026-04-01', 2],
      ['2026-05-01', 1],
      ['2026-06-01', 0],
    ]);
  });

  it('never touches a manual KPI or a deals KPI it cannot compute', async () => {
    expect(await valuesOf(kpis.manual!)).toEqual([{ date: '2026-04-01', value: 123, source: 'manual' }]);
    expect(await valuesOf(kpis.cac!)).toEqual([{ date: '2026-04-01', value: 999, source: 'manual' }]);
  });

  it('is idempotent: a second run writes the same values', async () => {
    const before = await Promise.all(Object.values(kpis).map(valuesOf));
    const again = await recomputeDealKpis(t.db.kysely, ws.id, { now: NOW });
    expect(again).toEqual(first);
    expect(await Promise.all(Object.values(kpis).map(valuesOf))).toEqual(before);
  });

  it('two at once both finish and leave one set of values', async () => {
    const before = await Promise.all(Object.values(kpis).map(valuesOf));
    const both = await Promise.all([recomputeDealKpis(t.db.kysely, ws.id, { now: NOW }), recomputeDealKpis(t.db.kysely, ws.id, { now: NOW })]);
    expect(both).toEqual([first, first]);
    expect(await Promise.all(Object.values(kpis).map(valuesOf))).toEqual(before);
  });

  it('a deal that changes is counted on the next run', async () => {
    await insertDeals(ws.id, [{ status: 'won', amount: 1_00, created: '2026-06-01', closed: '2026-06-02' }]);
    await recomputeDealKpis(t.db.kysely, ws.id, { now: NOW });
    expect((await valuesOf(kpis.revenue!)).at(-1)).toEqual({ date: '2026-06-01', value: 1_00, source: 'deals' });
    expect((await valuesOf(kpis.pipeline!)).at(-1)).toEqual({ date: '2026-04-01', value: 9_001_00, source: 'deals' });
  });

  it("another workspace's recompute writes nothing here", async () => {
    const before = await Promise.all(Object.values(kpis).map(valuesOf));
    expect(await recomputeDealKpis(t.db.kysely, other.id, { now: NOW })).toEqual({ kpis: 0, values: 0 });
    expect(await Promise.all(Object.values(kpis).map(valuesOf))).toEqual(before);
  });
});
