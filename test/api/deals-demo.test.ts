// The demo workspace's deals (SPEC S8, issue 11), on both databases: a year and more of HubSpot-like deals with an
// owner no member matches, and its KPIs measured from deals computed from them — the Revenue closed KPI's value this
// quarter is the Deals page's "won this quarter", from the same formula.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DealFacetsView, DealSummaryView, DealView } from '../../src/capabilities/deals/schemas.js';
import { DEMO_PASSWORD } from '../../src/capabilities/workspaces/demo.js';
import { seedDemo } from '../../src/lockstep.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { allPages, type KpiView, type Page } from '../factories.js';

let t: TestApp;
let dana: Client;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db);
  dana = t.client();
  expectStatus(await dana.signIn('dana@northwind.example', DEMO_PASSWORD), 200);
});
afterAll(async () => {
  await t?.close();
});

describe('the demo workspace’s deals', () => {
  it('has HubSpot-like deals of every status, with reasons and an unmatched owner', async () => {
    const f = expectStatus(await dana.get<z.infer<typeof DealFacetsView>>('/api/v1/deals/facets'), 200);
    expect(f.total).toBeGreaterThan(1_000);
    expect(f.stages.map((s) => s.value)).toEqual(expect.arrayContaining(['Closed Won', 'Closed Lost', 'Appointment Scheduled', 'Contract Sent']));
    expect(f.owners.map((o) => o.name)).toEqual(expect.arrayContaining(['Elena Petrova', 'Jamal Hughes', 'Unmatched owners']));
    expect(f.sources.filter((s) => s.marketing).length).toBeGreaterThan(2);
    const won = expectStatus(await dana.get<Page<z.infer<typeof DealView>>>('/api/v1/deals?status=won&limit=5'), 200).items;
    expect(won.every((d) => d.winReason !== null && d.amount !== null && d.amount > 0)).toBe(true);
    const unmatched = expectStatus(await dana.get<Page<z.infer<typeof DealView>>>('/api/v1/deals?owner=unmatched&limit=1'), 200).items[0];
    expect(unmatched?.owner).toEqual({ name: 'Chris Morgan', memberId: null, memberName: null });
  });

  it('its deals KPIs are computed from the deals, and the summary agrees with them', async () => {
    const kpis = await allPages<KpiView>(dana, '/api/v1/goals/kpis');
    const revenue = kpis.find((k) => k.kind === 'revenue_closed')!;
    const values = await allPages<{ date: string; value: number; source: string }>(dana, `/api/v1/goals/kpis/${revenue.id}/values`);
    expect(values.length).toBeGreaterThan(3);
    expect(new Set(values.map((v) => v.source))).toEqual(new Set(['deals']));
    const summary = expectStatus(await dana.get<z.infer<typeof DealSummaryView>>('/api/v1/deals/summary'), 200);
    expect(revenue.current.period.key).toBe(summary.quarter.key);
    expect(revenue.current.actual).toBe(summary.quarter.revenueClosed);
    expect(summary.openPipeline.deals).toBeGreaterThan(50);
    // A manual or CSV KPI keeps its generated readings.
    const mqls = kpis.find((k) => k.kind === 'mqls')!;
    expect(new Set((await allPages<{ source: string }>(dana, `/api/v1/goals/kpis/${mqls.id}/values`)).map((v) => v.source))).toEqual(new Set(['csv']));
  });
});
