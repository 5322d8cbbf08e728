// Goals writes under concurrency (SPEC S1; S9 "never a 500"): the same request sent by several leads or
// tabs at once, on SQLite and PostgreSQL. Each test checks the answers (2xx, or a 409/400 in words) and the
// data afterwards: one publication per number, each rank held once, one catalog kind per name, one value per
// KPI and date, a member's expectations once each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { addMember, makeKpi, makeWorkspace, setTopThree, type KpiView, type TestMember, type TestWorkspace } from '../factories.js';
import { expectOnly, inParallelStreams, PARALLEL, tally } from '../factories-concurrency.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface Team {
  ws: TestWorkspace;
  lead: TestMember;
  /** Four sales KPIs with a measurement, none ranked. */
  kpis: KpiView[];
}

async function makeSalesTeam(): Promise<Team> {
  const ws = await makeWorkspace(t);
  const lead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
  const kpis: KpiView[] = [];
  for (const [name, kind] of [['Win rate', 'win_rate'], ['SQLs', 'sqls'], ['Pipeline', 'pipeline_generated'], ['Cycle', 'sales_cycle_length']] as const) {
    kpis.push(await makeKpi(lead.client, { team: 'sales', name, kind, target: 10 }));
  }
  return { ws, lead, kpis };
}

/** The team's ranked KPIs as stored, rank → id (a rank held twice would show as a longer list). */
async function ranksInDb(workspaceId: string, team: 'sales' | 'marketing'): Promise<Array<{ rank: number | null; id: string }>> {
  const rows = await t.db.kysely.selectFrom('kpis').select(['id', 'rank']).where('workspace_id', '=', workspaceId).where('team', '=', team).where('rank', 'is not', null).execute();
  return rows.sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
}

const putTopThree = (c: Client, kpiIds: string[]) => c.request<KpiView[]>('PUT', '/api/v1/goals/top-three', { body: { team: 'sales', kpiIds } });

describe('PUT /goals/top-three under concurrency', () => {
  it('answers 8 parallel streams of the same top three without a 5xx, and leaves exactly the requested ranks', { timeout: 180_000 }, async () => {
    const { ws, lead, kpis } = await makeSalesTeam();
    const wanted = [kpis[2]!.id, kpis[0]!.id, kpis[3]!.id];
    // Each stream is its own tab (its own cookie jar copy), sending the same top three over and over.
    const tabs = Array.from({ length: PARALLEL }, () => lead.client.clone());
    const answers = await inParallelStreams(PARALLEL, 20, (stream) => putTopThree(tabs[stream]!, wanted));
    expectOnly(answers, [200, 409]);
    expect(answers.filter((a) => a.status === 200).length, tally(answers)).toBeGreaterThan(0);
    expect(await ranksInDb(ws.id, 'sales')).toEqual(wanted.map((id, i) => ({ id, rank: i + 1 })));
  });

  it('leaves one of the requested top threes whole when leads ask for different orders at once', { timeout: 120_000 }, async () => {
    const { ws, lead, kpis } = await makeSalesTeam();
    const orders = [
      [kpis[0]!.id, kpis[1]!.id, kpis[2]!.id],
      [kpis[2]!.id, kpis[1]!.id, kpis[0]!.id],
      [kpis[3]!.id, kpis[0]!.id],
      [kpis[1]!.id, kpis[3]!.id, kpis[2]!.id],
    ];
    const tabs = Array.from({ length: PARALLEL }, () => lead.client.clone());
    const answers = await inParallelStreams(PARALLEL, 10, (stream, i) => putTopThree(tabs[stream]!, orders[(stream + i) % orders.length]!));
    expectOnly(answers, [200, 409]);
    const final = (await ranksInDb(ws.id, 'sales')).map((r) => r.id);
    expect(orders.map((o) => o.join())).toContain(final.join());
    // The list the API shows agrees with the table.
    const listed = expectStatus(await lead.client.get<KpiView[]>('/api/v1/goals/kpis?team=sales'), 200).filter((k) => k.rank !== null).map((k) => k.id);
    expect(listed).toEqual(final);
  });

  it('still answers a plain sequential change as before', async () => {
    const { ws, lead, kpis } = await makeSalesTeam();
    await setTopThree(lead.client, 'sales', [kpis[0]!.id, kpis[1]!.id]);
    await setTopThree(lead.client, 'sales', [kpis[1]!.id, kpis[0]!.id]);
    expect(await ranksInDb(ws.id, 'sales')).toEqual([
      { id: kpis[1]!.id, rank: 1 },
      { id: kpis[0]!.id, rank: 2 },
    ]);
  });
});

