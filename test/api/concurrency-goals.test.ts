// Goals writes under concurrency (SPEC S1; S9 "never a 500"): the same request sent by several leads or
// tabs at once, on SQLite and PostgreSQL. Each test checks the answers (2xx, or a 409/400 in words) and the
// data afterwards: one publication per number, each rank held once, one catalog kind per name, one value per
// KPI and date, a member's expectations once each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { addMember, allPages, makeKpi, makeWorkspace, setTopThree, type KpiView, type PublicationView, type TestMember, type TestWorkspace } from '../factories.js';
import { burst, countOf, expectOnly, inParallelStreams, PARALLEL, tally } from '../factories-concurrency.js';

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
    const listed = (await allPages<KpiView>(lead.client, '/api/v1/goals/kpis?team=sales')).filter((k) => k.rank !== null).map((k) => k.id);
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


/** How many audit entries of `action` the entity has. */
async function auditCount(workspaceId: string, entityId: string, action: string): Promise<number> {
  const rows = await t.db.kysely.selectFrom('audit_log').select('id').where('workspace_id', '=', workspaceId).where('entity_id', '=', entityId).where('action', '=', action).execute();
  return rows.length;
}

describe('KPI writes under concurrency', () => {
  it('gives rank 1 to one of 8 KPIs created with it at once; the others are told it is taken', async () => {
    const { ws, lead } = await makeSalesTeam();
    const answers = await burst(PARALLEL, (i) => lead.client.clone().post<KpiView>('/api/v1/goals/kpis', { team: 'sales', name: `Ranked ${i}`, kind: 'win_rate', measurement: 'Defined.', rank: 1 }));
    expectOnly(answers, [201, 400, 409]);
    expect(countOf(answers, 201), tally(answers)).toBe(1);
    expect((await ranksInDb(ws.id, 'sales')).map((r) => r.rank)).toEqual([1]);
  });

  it('gives rank 1 to one of 4 KPIs changed to it at once, and moves one KPI once when 8 ask', async () => {
    const { ws, lead, kpis } = await makeSalesTeam();
    const answers = await burst(4, (i) => lead.client.clone().patch<KpiView>(`/api/v1/goals/kpis/${kpis[i]!.id}`, { rank: 1 }));
    const again = await burst(PARALLEL, () => lead.client.clone().patch<KpiView>(`/api/v1/goals/kpis/${kpis[0]!.id}`, { rank: 2 }));
    expectOnly([...answers, ...again], [200, 400, 409]);
    expect(countOf(answers, 200), tally(answers)).toBe(1);
    const ranks = await ranksInDb(ws.id, 'sales');
    expect(new Set(ranks.map((r) => r.rank)).size).toBe(ranks.length);
  });

  it('archives a KPI once when 8 archive it at once: every answer 200, its rank freed, one audit entry', async () => {
    const { ws, lead, kpis } = await makeSalesTeam();
    await setTopThree(lead.client, 'sales', [kpis[0]!.id, kpis[1]!.id]);
    const answers = await burst(PARALLEL, () => lead.client.clone().delete<KpiView>(`/api/v1/goals/kpis/${kpis[0]!.id}`));
    expectOnly(answers, [200]);
    for (const a of answers) expect(a.body).toMatchObject({ id: kpis[0]!.id, rank: null });
    expect(await ranksInDb(ws.id, 'sales')).toEqual([{ id: kpis[1]!.id, rank: 2 }]);
    expect(await auditCount(ws.id, kpis[0]!.id, 'kpi.archived')).toBe(1);
  });

  it('records the same values 8 times at once as one value per date, whatever order each request lists them in', async () => {
    const { lead, kpis } = await makeSalesTeam();
    const dates = Array.from({ length: 6 }, (_, i) => new Date(Date.now() - (i + 1) * 86_400_000).toISOString().slice(0, 10));
    const url = `/api/v1/goals/kpis/${kpis[0]!.id}/values`;
    const answers = await burst(PARALLEL, (i) => {
      const ordered = i % 2 === 0 ? dates : [...dates].reverse();
      return lead.client.clone().post(url, { values: ordered.map((date) => ({ date, value: 7 })) });
    });
    expectOnly(answers, [200]);
    const rows = await t.db.kysely.selectFrom('kpi_values').select(['date', 'value']).where('kpi_id', '=', kpis[0]!.id).orderBy('date').execute();
    expect(rows).toEqual([...dates].sort().map((date) => ({ date, value: 7 })));
  });

  it('pastes the same lines 8 times at once as one value per date', async () => {
    const { lead, kpis } = await makeSalesTeam();
    const dates = Array.from({ length: 4 }, (_, i) => new Date(Date.now() - (i + 1) * 86_400_000).toISOString().slice(0, 10));
    const url = `/api/v1/goals/kpis/${kpis[1]!.id}/values/paste`;
    const answers = await burst(PARALLEL, (i) => lead.client.clone().post(url, { text: (i % 2 === 0 ? dates : [...dates].reverse()).map((d) => `${d},5`).join('\n') }));
    expectOnly(answers, [200]);
    const rows = await t.db.kysely.selectFrom('kpi_values').select('date').where('kpi_id', '=', kpis[1]!.id).execute();
    expect(rows.map((r) => r.date).sort()).toEqual([...dates].sort());
  });

  it('agrees sharing once when the proposal and the acceptance are each sent 8 times at once', async () => {
    const { ws, lead, kpis } = await makeSalesTeam();
    const marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mara Marketing' });
    const url = `/api/v1/goals/kpis/${kpis[0]!.id}/share`;
    const proposed = await burst(PARALLEL, () => lead.client.clone().post<KpiView>(url));
    expectOnly(proposed, [200]);
    for (const p of proposed) expect(p.body).toMatchObject({ shared: false, sharedProposedByTeam: 'sales' });
    expect(await auditCount(ws.id, kpis[0]!.id, 'kpi.share_proposed')).toBe(1);

    const accepted = await burst(PARALLEL, () => marketingLead.client.clone().post<KpiView>(url));
    expectOnly(accepted, [200]);
    for (const a of accepted) expect(a.body).toMatchObject({ shared: true, sharedProposedByTeam: null });
    expect(await auditCount(ws.id, kpis[0]!.id, 'kpi.share_accepted')).toBe(1);

    const stopped = await burst(PARALLEL, () => marketingLead.client.clone().delete<KpiView>(url));
    expectOnly(stopped, [200]);
    expect(await auditCount(ws.id, kpis[0]!.id, 'kpi.unshared')).toBe(1);
  });

  it('never leaves a KPI shared when its proposal is withdrawn while it is accepted', async () => {
    const { ws, lead, kpis } = await makeSalesTeam();
    const marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mara Marketing' });
    for (const kpi of kpis) {
      const url = `/api/v1/goals/kpis/${kpi.id}/share`;
      expectStatus(await lead.client.post(url), 200);
      // Half withdraw, half accept. In any order one after another the KPI ends unshared: an acceptance
      // before the first withdrawal is then stopped by it, one after it finds nothing to accept (403).
      const answers = await burst(PARALLEL, (i) => (i % 2 === 0 ? lead.client.clone().delete(url) : marketingLead.client.clone().post(url)));
      expectOnly(answers, [200, 403]);
      const row = await t.db.kysely.selectFrom('kpis').select(['shared', 'shared_proposed_by']).where('id', '=', kpi.id).executeTakeFirstOrThrow();
      expect(row, tally(answers)).toEqual({ shared: 0, shared_proposed_by: null });
      expect(await auditCount(ws.id, kpi.id, 'kpi.share_accepted')).toBeLessThanOrEqual(1);
      expect(await auditCount(ws.id, kpi.id, 'kpi.unshared')).toBe(1);
    }
  });
});

describe('publishing under concurrency', () => {
  it('publishes #1 once when 8 publish at once, then #2 once after a change; one notification each', async () => {
    const { ws, lead, kpis } = await makeSalesTeam();
    await setTopThree(lead.client, 'sales', [kpis[0]!.id, kpis[1]!.id, kpis[2]!.id]);
    const first = await burst(PARALLEL, () => lead.client.clone().post<PublicationView>('/api/v1/goals/publications', { team: 'sales' }));
    expectOnly(first, [201, 400, 409]);
    expect(countOf(first, 201), tally(first)).toBe(1);

    await setTopThree(lead.client, 'sales', [kpis[3]!.id, kpis[1]!.id, kpis[2]!.id]);
    const second = await burst(PARALLEL, () => lead.client.clone().post<PublicationView>('/api/v1/goals/publications', { team: 'sales' }));
    expectOnly(second, [201, 400, 409]);
    expect(countOf(second, 201), tally(second)).toBe(1);
    expect(second.find((a) => a.status === 201)?.body.number).toBe(2);

    const rows = await t.db.kysely.selectFrom('publications').select('number').where('workspace_id', '=', ws.id).where('team', '=', 'sales').orderBy('number').execute();
    expect(rows.map((r) => r.number)).toEqual([1, 2]);
    const notices = await t.db.kysely.selectFrom('notifications').select('title').where('workspace_id', '=', ws.id).where('member_id', '=', ws.adminMemberId).where('kind', '=', 'publication').execute();
    expect(notices).toHaveLength(2);
  });
});

describe('the KPI catalog under concurrency', () => {
  it.each([
    ['a Latin name', 'Demos booked'],
    ['a name without Latin letters', 'Продажи'],
  ])('adds %s once when 8 add it at once; the others get a 409', async (_what, name) => {
    const { ws, lead } = await makeSalesTeam();
    const answers = await burst(PARALLEL, () => lead.client.clone().post('/api/v1/goals/catalog', { name, unit: 'count', direction: 'higher' }));
    expectOnly(answers, [201, 409]);
    expect(countOf(answers, 201), tally(answers)).toBe(1);
    const rows = await t.db.kysely.selectFrom('kpi_kinds').select('name').where('workspace_id', '=', ws.id).execute();
    expect(rows.map((r) => r.name)).toEqual([name]);
  });
});

describe('expectations and the quiz under concurrency', () => {
  it('keeps each of a member’s expectations once when the same list is saved 8 times at once', async () => {
    const { ws } = await makeSalesTeam();
    const rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
    const items = [{ kind: 'mqls' }, { text: 'Better leads' }, { kind: 'cac' }];
    const answers = await burst(PARALLEL, () => rep.client.clone().request('PUT', '/api/v1/goals/expectations/mine', { body: { items } }));
    expectOnly(answers, [200]);
    const mine = expectStatus(await rep.client.get<{ items: Array<{ rank: number; text: string }> }>('/api/v1/goals/expectations/mine'), 200);
    expect(mine.items.map((i) => i.rank)).toEqual([1, 2, 3]);
    const rows = await t.db.kysely.selectFrom('expectations').select('rank').where('member_id', '=', rep.member.id).execute();
    expect(rows).toHaveLength(3);
  });

  it('matches free-text expectations once when the same choice is sent 8 times at once: one audit entry, the others find nothing left', async () => {
    const { ws } = await makeSalesTeam();
    const reps = [await addMember(t, ws, { role: 'member', team: 'sales' }), await addMember(t, ws, { role: 'member', team: 'sales' })];
    for (const rep of reps) expectStatus(await rep.client.request('PUT', '/api/v1/goals/expectations/mine', { body: { items: [{ text: 'Webinars' }] } }), 200);
    const body = { holderTeam: 'sales', aboutTeam: 'marketing', text: 'Webinars', kind: 'content_engagement' };
    const answers = await burst(PARALLEL, () => reps[0]!.client.clone().request<{ matched: number }>('PUT', '/api/v1/goals/expectation-gap/match', { body }));
    expectOnly(answers, [200]);
    expect(answers.map((a) => a.body.matched).sort(), tally(answers)).toEqual([0, 0, 0, 0, 0, 0, 0, 2]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('id').where('workspace_id', '=', ws.id).where('action', '=', 'expectation.matched').execute();
    expect(audit).toHaveLength(1);
  });

  it('counts a member once in awareness when the same quiz answer is sent 8 times at once', async () => {
    const { ws } = await makeSalesTeam();
    const marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mara Marketing' });
    const rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
    await makeKpi(marketingLead.client, { team: 'marketing', rank: 1 });
    expectStatus(await marketingLead.client.post('/api/v1/goals/publications', { team: 'marketing' }), 201);
    const answers = await burst(PARALLEL, () => rep.client.clone().post('/api/v1/goals/quiz', { kinds: ['mqls'] }));
    expectOnly(answers, [200]);
    const awareness = expectStatus(await rep.client.get<Array<{ team: string; answered: number; score: number | null }>>('/api/v1/goals/awareness'), 200);
    expect(awareness.find((a) => a.team === 'sales')).toMatchObject({ answered: 1, score: 1 });
  });
});
