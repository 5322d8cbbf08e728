// The deals part of the scaled demo workspaces (decision 022): the small demo's CRM at scale — 200,000 deals over
// the large workspace's five years (20,000 over the 10x's three), owned by its account executives and a few names
// no member matches, inserted as they are generated in multi-row chunks inside seedDemo's one transaction.
// The KPIs are NOT recomputed here: the scaled workspaces' regional KPIs (Revenue closed — EMEA, …) have data
// source 'deals' but deals carry no region, so computing them would give every region the company's numbers; their
// generated readings stay. recomputeDealKpis is measured on this workspace instead (docs/ARCHITECTURE.md "Deals").
import type { Db } from '../../db/database.js';
import { localDateOf } from '../../shared/calendar/index.js';
import { SCALED_DEMOS, type DemoContext } from '../../shared/contracts/demo.js';
import { demoDeals, insertDemoDeals } from './demo.js';

const DEALS: Record<'10x' | 'large', number> = { '10x': 20_000, large: 200_000 };

export async function seedLargeDealsDemo(db: Db, demo: DemoContext): Promise<void> {
  if (demo.size === 'demo') return;
  const { years } = SCALED_DEMOS[demo.size];
  const owners = demo.people.filter((p) => p.function.startsWith('Account executive'));
  const today = localDateOf(demo.now, demo.timeZone);
  await insertDemoDeals(
    db,
    demoDeals(demo.workspaceId, today, { total: DEALS[demo.size], days: Math.round(years * 365.25), owners, unmatched: ['Chris Morgan', 'Sales Ops Queue', 'Integration User'], seed: 20261205 }, demo.now.toISOString()),
  );
}
