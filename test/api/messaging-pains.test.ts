// The pain library over HTTP (issue 12), on SQLite and PostgreSQL: create, edit, retire and reactivate with the
// roles that may; each pain's evidence figures (count, amount, win rate with its Wilson interval, the monthly
// trend); hostile input answered in words; another workspace sees and touches nothing; races answer in order or 409.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { addMember, allPages, changedInDb } from '../factories.js';
import { burst, countOf, expectOnly, PARALLEL } from '../factories-concurrency.js';
import { insertDeals } from '../factories-deals.js';
import { dayFromToday, logEvidence, makePain, type PainView, makeMessagingTeam } from '../factories-pains.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const makeTeam = () => makeMessagingTeam(t);

const url = '/api/v1/messaging/pains';

describe('the pain library', () => {
  it('lets sales and marketing create and edit pains, leaders retire and reactivate them, and everyone read them', async () => {
    const { seller, marketer, lead, viewer } = await makeTeam();
    const created = expectStatus(
      await seller.client.post<PainView>(url, {
        statement: '  Inbound leads go cold before anyone calls them  ',
        persona: 'VP Sales',
        segment: 'Mid-market SaaS',
        severity: 5,
        emotion: 'frustrated',
        synonyms: ['leads go stale', 'Leads go stale ', 'we call back too late', 'Inbound leads go cold before anyone calls them'],
      }),
      201,
    );
    expect(created).toMatchObject({ statement: 'Inbound leads go cold before anyone calls them', severity: 5, status: 'active', createdByName: 'Sam Seller', synonyms: ['leads go stale', 'we call back too late'] });
    expect(created.evidence).toMatchObject({ count: 0, amount: 0, winRate: null, lastDate: null });
    expect(created.evidence.trend.months).toHaveLength(12);

    const edited = expectStatus(await marketer.client.patch<PainView>(`${url}/${created.id}`, { severity: 3, synonyms: ['speed to lead'] }), 200);
    expect(edited).toMatchObject({ severity: 3, synonyms: ['speed to lead'], persona: 'VP Sales' });

    const forViewer = expectStatus(await viewer.client.get<PainView>(`${url}/${created.id}`), 200);
    expect(forViewer.you).toEqual({ canEdit: false, canRetire: false });

    expect(expectStatus(await lead.client.post<PainView>(`${url}/${created.id}/retire`), 200)).toMatchObject({ status: 'retired' });
    expect(expectStatus(await lead.client.get<{ items: PainView[]; total: number }>(url), 200).total).toBe(0);
    const retired = expectStatus(await viewer.client.get<{ items: PainView[]; total: number }>(`${url}?status=retired`), 200);
    expect(retired.items.map((p) => p.id)).toEqual([created.id]);
    // Retiring again changes nothing and records nothing.
    expectStatus(await lead.client.post(`${url}/${created.id}/retire`), 200);
    expect(expectStatus(await lead.client.post<PainView>(`${url}/${created.id}/reactivate`), 200)).toMatchObject({ status: 'active', retiredAt: null });

    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', created.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['pain.created', 'pain.changed', 'pain.retired', 'pain.reactivated']);
    expect(JSON.parse(audit[1]!.after!)).toEqual({ severity: 3, synonyms: ['speed to lead'] });
  });

  it('refuses the roles that may not: viewers and leadership members create nothing, members retire nothing', async () => {
    const { ws, seller, marketer, viewer } = await makeTeam();
    const exec = await addMember(t, ws, { role: 'member', team: 'leadership' });
    const pain = await makePain(seller.client);
    for (const who of [viewer, exec]) {
      const res = await who.client.post(url, { statement: 'Forecasts are a guess', severity: 3 });
      expect(res.status).toBe(403);
      expect(res.error?.message).toMatch(/create and edit pains/);
      expect((await who.client.patch(`${url}/${pain.id}`, { severity: 1 })).status).toBe(403);
    }
    for (const who of [seller, marketer]) {
      const res = await who.client.post(`${url}/${pain.id}/retire`);
      expect(res.status).toBe(403);
      expect(res.error?.message).toMatch(/leaders and admins/);
    }
    expect(expectStatus(await ws.admin.post<PainView>(`${url}/${pain.id}/retire`), 200).status).toBe('retired');
    expect(await t.db.kysely.selectFrom('pains').select('severity').where('id', '=', pain.id).executeTakeFirstOrThrow()).toEqual({ severity: 4 });
  });

  it('shows each pain its evidence: count, amount with each deal once, the win rate with its Wilson interval, and the trend', async () => {
    const { ws, seller } = await makeTeam();
    const pain = await makePain(seller.client);
    await insertDeals(t, ws.id, [
      { status: 'won', amount: 1_000_000, created: '2026-01-01', closed: dayFromToday(-3) },
      { status: 'lost', amount: 500_000, created: '2026-01-01', closed: dayFromToday(-3) },
    ]);
    await changedInDb(t);
    const deals = await t.db.kysely.selectFrom('deals').select(['id', 'status', 'external_id']).where('workspace_id', '=', ws.id).execute();
    const won = deals.find((d) => d.status === 'won')!;
    const lost = deals.find((d) => d.status === 'lost')!;
    // The won deal twice (counted once, at the CRM's amount), the lost deal by its CRM id, one more win on its own.
    await logEvidence(seller.client, pain.id, { dealId: won.id, outcome: 'open', amount: 1 });
    await logEvidence(seller.client, pain.id, { dealId: won.id, outcome: 'won' });
    await logEvidence(seller.client, pain.id, { dealExternalId: lost.external_id, outcome: 'open' });
    await logEvidence(seller.client, pain.id, { outcome: 'won', amount: 2500.5 });
    const view = expectStatus(await seller.client.get<PainView>(`${url}/${pain.id}`), 200);
    expect(view.evidence.count).toBe(4);
    expect(view.evidence.amount).toBe(1_000_000 + 500_000 + 250_050);
    expect(view.evidence.deals).toEqual({ won: 2, lost: 1, open: 0 });
    expect(view.evidence.winRate!.rate).toBeCloseTo(2 / 3, 6);
    expect(view.evidence.winRate!.low).toBeCloseTo(0.2077, 3);
    expect(view.evidence.winRate!.high).toBeCloseTo(0.9385, 3);
    expect(view.evidence.trend.months.reduce((s, m) => s + m.count, 0)).toBe(4);
    expect(view.evidence.trend.weightedCount).toBeGreaterThan(3);
    // The list shows the same figures.
    const listed = expectStatus(await seller.client.get<{ items: PainView[] }>(url), 200).items.find((p) => p.id === pain.id)!;
    expect(listed.evidence).toEqual(view.evidence);
  });

  it('pages the library, most severe first, and searches statements, personas, segments and synonyms', async () => {
    const { seller } = await makeTeam();
    const made: PainView[] = [];
    for (let i = 0; i < 7; i++) made.push(await makePain(seller.client, { severity: (i % 5) + 1, segment: i === 3 ? 'Healthcare' : 'SaaS', synonyms: i === 5 ? ['spreadsheet hell'] : [] }));
    const all = await allPages<PainView>(seller.client, url, 3);
    expect(all.map((p) => p.id).sort()).toEqual(made.map((p) => p.id).sort());
    expect(all.map((p) => p.severity)).toEqual([...all.map((p) => p.severity)].sort((a, b) => b - a));
    const bySegment = expectStatus(await seller.client.get<{ items: PainView[]; total: number }>(`${url}?q=healthcare`), 200);
    expect(bySegment.items.map((p) => p.id)).toEqual([made[3]!.id]);
    expect(bySegment.total).toBe(1);
    expect(expectStatus(await seller.client.get<{ items: PainView[] }>(`${url}?q=SPREADSHEET`), 200).items.map((p) => p.id)).toEqual([made[5]!.id]);
    // A search with like-wildcards finds only what it says.
    expect(expectStatus(await seller.client.get<{ items: PainView[] }>(`${url}?q=%25`), 200).items).toEqual([]);
  });

  it('answers hostile input in words and writes nothing', async () => {
    const { ws, seller } = await makeTeam();
    const pain = await makePain(seller.client);
    const bad: unknown[] = [
      {},
      { statement: '', severity: 3 },
      { statement: '   ', severity: 3 },
      { statement: 'x'.repeat(301), severity: 3 },
      { statement: 'Valid statement', severity: 0 },
      { statement: 'Valid statement', severity: 6 },
      { statement: 'Valid statement', severity: 2.5 },
      { statement: 'Valid statement', severity: '3' },
      { statement: 'Valid statement', severity: 3, synonyms: Array.from({ length: 21 }, (_, i) => `way ${i}`) },
      { statement: 'Valid statement', severity: 3, synonyms: ['y'.repeat(101)] },
      { statement: 'Valid statement', severity: 3, synonyms: [''] },
      { statement: 'Valid statement', severity: 3, persona: 'p'.repeat(101) },
      { statement: 'Valid statement', severity: 3, status: 'retired' },
      { statement: 'Valid statement', severity: 3, workspaceId: 'x' },
      ['not', 'an', 'object'],
    ];
    for (const body of bad) {
      const res = await seller.client.post(url, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(res.error?.message.split(' ').length).toBeGreaterThan(2);
    }
    expect((await seller.client.patch(`${url}/${pain.id}`, {})).status).toBe(400);
    expect((await seller.client.patch(`${url}/${pain.id}`, { statement: 'a' })).status).toBe(400);
    // An id longer than any id: the kernel's 414 for an over-long path segment, in words.
    const long = await seller.client.patch(`${url}/${'9'.repeat(101)}`, { severity: 2 });
    expect(long.status).toBe(414);
    expect(long.error?.message.split(' ').length).toBeGreaterThan(2);
    const unknown = await seller.client.patch(`${url}/00000000-0000-4000-8000-000000000000`, { severity: 2 });
    expect(unknown.status).toBe(404);
    expect(unknown.error?.message).toBe('Pain not found.');
    expect((await seller.client.get(`${url}?status=gone`)).status).toBe(400);
    expect((await seller.client.get(`${url}?cursor=nonsense`)).status).toBe(400);
    expect((await seller.client.get(`${url}?q=${'q'.repeat(101)}`)).status).toBe(400);
    // The same statement as an active pain, in another case, is refused.
    const same = await seller.client.post(url, { statement: pain.statement.toUpperCase(), severity: 2 });
    expect(same.status).toBe(409);
    expect(same.error?.message).toMatch(/already says/);
    const count = await t.db.kysely.selectFrom('pains').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', ws.id).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('shows another workspace nothing of a pain and lets it change nothing, by id or by search', async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const pain = await makePain(a.seller.client, { statement: 'Our board cannot trust the pipeline number' });
    await logEvidence(a.seller.client, pain.id);
    for (const [method, path, body] of [
      ['GET', `${url}/${pain.id}`, undefined],
      ['PATCH', `${url}/${pain.id}`, { severity: 1 }],
      ['POST', `${url}/${pain.id}/retire`, undefined],
      ['POST', `${url}/${pain.id}/reactivate`, undefined],
    ] as const) {
      const res = await b.lead.client.request(method, path, body === undefined ? {} : { body });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.error?.message).toBe('Pain not found.');
    }
    const theirs = expectStatus(await b.lead.client.get<{ items: PainView[]; total: number }>(`${url}?q=board&status=all`), 200);
    expect(theirs).toMatchObject({ items: [], total: 0 });
    // B may use A's statement: statements are unique per workspace.
    await makePain(b.seller.client, { statement: pain.statement });
    expect(await t.db.kysely.selectFrom('pains').select(['severity', 'status']).where('id', '=', pain.id).executeTakeFirstOrThrow()).toEqual({ severity: 4, status: 'active' });
    // A's cursor does not page B's list.
    await makePain(a.seller.client);
    const page = expectStatus(await a.seller.client.get<{ nextCursor: string | null }>(`${url}?limit=1`), 200);
    expect((await b.seller.client.get(`${url}?limit=1&cursor=${page.nextCursor}`)).status).toBe(400);
  });
});

describe('the pain library under concurrency', () => {
  it('applies two edits of one pain at once one after the other (each recorded), never a 500', async () => {
    const { seller, marketer } = await makeTeam();
    const pain = await makePain(seller.client);
    const [one, two] = await Promise.all([seller.client.patch<PainView>(`${url}/${pain.id}`, { severity: 1, persona: 'CRO' }), marketer.client.patch<PainView>(`${url}/${pain.id}`, { severity: 2, emotion: 'anxious' })]);
    expectOnly([one, two], [200]);
    const after = expectStatus(await seller.client.get<PainView>(`${url}/${pain.id}`), 200);
    // Both landed: the later one's severity, both other fields.
    expect(after).toMatchObject({ persona: 'CRO', emotion: 'anxious' });
    expect([1, 2]).toContain(after.severity);
    const changes = await t.db.kysely.selectFrom('audit_log').select('id').where('entity_id', '=', pain.id).where('action', '=', 'pain.changed').execute();
    expect(changes).toHaveLength(2);
  });

  it(`creates one pain when ${PARALLEL} people add the same statement at once; the others hear 409`, async () => {
    const { ws, seller, marketer } = await makeTeam();
    const answers = await burst(PARALLEL, (i) => (i % 2 ? seller : marketer).client.post<PainView>(url, { statement: 'Month-end close takes two weeks', severity: 3 }));
    expectOnly(answers, [201, 409]);
    expect(countOf(answers, 201)).toBe(1);
    const rows = await t.db.kysely.selectFrom('pains').select('id').where('workspace_id', '=', ws.id).execute();
    expect(rows).toHaveLength(1);
  });

  it('retires once when a leader and an admin retire at once', async () => {
    const { ws, seller, lead } = await makeTeam();
    const pain = await makePain(seller.client);
    const answers = await Promise.all([lead.client.post(`${url}/${pain.id}/retire`), ws.admin.post(`${url}/${pain.id}/retire`)]);
    expectOnly(answers, [200]);
    const entries = await t.db.kysely.selectFrom('audit_log').select('id').where('entity_id', '=', pain.id).where('action', '=', 'pain.retired').execute();
    expect(entries).toHaveLength(1);
  });
});
