// Inputs that make sense (issue 10; SPEC S1, S9), on both databases: each KPI unit has its domain for targets,
// baselines and values (money, counts, durations and ratios ≥ 0, percents 0–100, a sane maximum), values are dated
// from ten years back to the end of next year, and a comp weight outside 0–100 is refused, never cut. Every refusal
// is a sentence with the field's path in details, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type ApiResponse, type Client } from '../helpers/client.js';
import { addMember, allPages, makeKpi, makeWorkspace, type KpiDetailView, type KpiView, type TestWorkspace } from '../factories.js';

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

/** The test workspace is on UTC. */
const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
const year = new Date().getUTCFullYear();

function refused(res: ApiResponse<unknown>, message: string, details: Array<{ path: string; message: string }> = [{ path: expect.any(String) as unknown as string, message }]): void {
  expect(res.status, res.text).toBe(400);
  expect(res.error?.code).toBe('validation_failed');
  expect(res.error?.message).toBe(message);
  expect(res.error?.details).toEqual(details);
}

const salesKpis = async (): Promise<KpiView[]> => allPages<KpiView>(lead, '/api/v1/goals/kpis?team=sales');
const valuesOf = async (kpi: KpiView) => expectStatus(await lead.get<KpiDetailView>(`/api/v1/goals/kpis/${kpi.id}`), 200).values.items;

describe('targets and baselines have their unit’s domain', () => {
  it('a revenue target of −$500,000 is refused in money, and nothing is created', async () => {
    const before = (await salesKpis()).length;
    const res = await lead.post('/api/v1/goals/kpis', { team: 'sales', name: 'Revenue closed', kind: 'revenue_closed', target: -50_000_000 });
    const message = "The target of Revenue closed can't be negative; it is −$500,000.";
    refused(res, message, [{ path: 'body.target', message }]);
    expect((await salesKpis()).length).toBe(before);
  });

  it('a percent is a share from 0% to 100%; counts, days and hours are not negative; each unit has a sane maximum', async () => {
    const create = (body: object) => lead.post('/api/v1/goals/kpis', { team: 'sales', name: 'X KPI', ...body });
    refused(await create({ kind: 'win_rate', target: 150 }), 'The target of X KPI is a share, so it is between 0% and 100%; it is 150%.');
    refused(await create({ kind: 'sqls', baseline: -3 }), "The baseline of X KPI can't be negative; it is −3.");
    refused(await create({ kind: 'sales_cycle_length', target: -1 }), "The target of X KPI can't be negative; it is −1 days.");
    refused(await create({ kind: 'lead_response_time', target: 100_000 }), 'The target of X KPI can be at most 87,600 hours; it is 100,000 hours.');
    refused(await create({ kind: 'pipeline_generated', target: Number('99999999999999999') }), 'The target of X KPI can be at most $1,000,000,000,000; it is $1,000,000,000,000,000.');
    // Both fields at once: both named, each with its path.
    const both = await create({ kind: 'win_rate', target: 101, baseline: -1 });
    refused(both, 'The target of X KPI is a share, so it is between 0% and 100%; it is 101%. The baseline of X KPI is a share, so it is between 0% and 100%; it is −1%.', [
      { path: 'body.target', message: 'The target of X KPI is a share, so it is between 0% and 100%; it is 101%.' },
      { path: 'body.baseline', message: 'The baseline of X KPI is a share, so it is between 0% and 100%; it is −1%.' },
    ]);
    // The edges are fine.
    expectStatus(await create({ kind: 'win_rate', name: 'Win rate edge', target: 100, baseline: 0 }), 201);
  });

  it('a change is checked as it will be: a new target, and a new kind whose unit the old target does not fit', async () => {
    const kpi = await makeKpi(lead, { team: 'sales', name: 'Deals closed', kind: 'sqls', target: 500 });
    const url = `/api/v1/goals/kpis/${kpi.id}`;
    refused(await lead.patch(url, { target: -10 }), "The target of Deals closed can't be negative; it is −10.", [{ path: 'body.target', message: "The target of Deals closed can't be negative; it is −10." }]);
    refused(await lead.patch(url, { kind: 'win_rate' }), 'The target of Deals closed is a share, so it is between 0% and 100%; it is 500%.');
    const now = expectStatus(await lead.get<KpiDetailView>(url), 200).kpi;
    expect([now.kind, now.target]).toEqual(['sqls', 500]);
    expect(expectStatus(await lead.patch<KpiView>(url, { kind: 'win_rate', target: 30 }), 200)).toMatchObject({ kind: 'win_rate', target: 30 });
  });
});

describe('a comp weight outside 0–100% is refused, never cut', () => {
  it('150%, −5% and 12.5% are refused on create and on change; the weight stays what it was', async () => {
    const message = 'The comp weight is a share of variable pay, from 0% to 100%; it is 150%.';
    refused(await lead.post('/api/v1/goals/kpis', { team: 'sales', name: 'Paid KPI', kind: 'sqls', compensated: true, compWeight: 150 }), message, [{ path: 'body.compWeight', message }]);
    const kpi = await makeKpi(lead, { team: 'sales', name: 'Paid KPI', kind: 'sqls', compensated: true, compWeight: 20 });
    const url = `/api/v1/goals/kpis/${kpi.id}`;
    refused(await lead.patch(url, { compWeight: 150 }), message);
    refused(await lead.patch(url, { compWeight: -5 }), 'The comp weight is a share of variable pay, from 0% to 100%; it is −5%.');
    refused(await lead.patch(url, { compWeight: 12.5 }), 'The comp weight is a whole percentage; it is 12.5%.');
    expect(expectStatus(await lead.get<KpiDetailView>(url), 200).kpi.compWeight).toBe(20);
  });
});

describe('values have their unit’s domain and a sensible date', () => {
  let revenue: KpiView;
  let winRate: KpiView;
  beforeAll(async () => {
    revenue = await makeKpi(lead, { team: 'sales', name: 'Revenue closed', kind: 'revenue_closed', period: 'quarter' });
    winRate = await makeKpi(lead, { team: 'sales', name: 'Win rate', kind: 'win_rate' });
  });

  it('negative revenue, dates of 0001-01-01 and 1900-01-01 and 99999999999999999 are each refused with their path; nothing is recorded', async () => {
    const url = `/api/v1/goals/kpis/${revenue.id}/values`;
    const first = `${year - 10}-01-01`;
    const last = `${year + 1}-12-31`;
    const negative = `The value of Revenue closed on ${daysAgo(1)} can't be negative; it is −$1,200.`;
    refused(await lead.post(url, { values: [{ date: daysAgo(1), value: -120_000 }] }), negative, [{ path: 'body.values.0.value', message: negative }]);
    const early = (d: string) => `Values can be dated from ${first} to ${last}; ${d} is earlier than that.`;
    const res = await lead.post(url, {
      values: [
        { date: daysAgo(2), value: 5_000_00 },
        { date: '0001-01-01', value: 100 },
        { date: '1900-01-01', value: 100 },
        { date: daysAgo(3), value: Number('99999999999999999') },
      ],
    });
    const huge = `The value of Revenue closed on ${daysAgo(3)} can be at most $1,000,000,000,000; it is $1,000,000,000,000,000.`;
    refused(res, `${early('0001-01-01')} ${early('1900-01-01')} ${huge}`, [
      { path: 'body.values.1.date', message: early('0001-01-01') },
      { path: 'body.values.2.date', message: early('1900-01-01') },
      { path: 'body.values.3.value', message: huge },
    ]);
    expect(await valuesOf(revenue)).toEqual([]);
    // The first day of the window is fine, and so is 0.
    expect(expectStatus(await lead.post<{ recorded: number }>(url, { values: [{ date: first, value: 0 }] }), 200).recorded).toBe(1);
  });

  it('a percent value is a share; a pasted line says its line number; nothing is recorded', async () => {
    const url = `/api/v1/goals/kpis/${winRate.id}/values`;
    refused(await lead.post(url, { values: [{ date: daysAgo(1), value: 140 }] }), `The value of Win rate on ${daysAgo(1)} is a share, so it is between 0% and 100%; it is 140%.`);
    const pasted = await lead.post(`${url}/paste`, { text: `date,value\n${daysAgo(1)},27\n${daysAgo(2)},-4\n1900-01-01,20` });
    const line3 = `Line 3: The value of Win rate on ${daysAgo(2)} is a share, so it is between 0% and 100%; it is −4%.`;
    const line4 = `Line 4: Values can be dated from ${year - 10}-01-01 to ${year + 1}-12-31; 1900-01-01 is earlier than that.`;
    refused(pasted, `${line3} ${line4}`, [
      { path: 'body.text', message: line3 },
      { path: 'body.text', message: line4 },
    ]);
    expect(await valuesOf(winRate)).toEqual([]);
    expect(expectStatus(await lead.post<{ recorded: number }>(`${url}/paste`, { text: `${daysAgo(1)},100\n${daysAgo(2)},0` }), 200).recorded).toBe(2);
  });
});
