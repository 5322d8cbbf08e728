// Sales evidence over HTTP (issue 12), on SQLite and PostgreSQL: a sales member logs what a buyer said (with a
// pain of the library, or a new one in the same request, and an imported deal or its CRM id); the list pages and
// filters; the author and leads change or delete it; hostile input, roles, another workspace and races answered
// in words, never a 500. And why people buy: CRM win/loss reasons normalised and ranked with the evidence by pain.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { allPages, changedInDb } from '../factories.js';
import { expectOnly } from '../factories-concurrency.js';
import { quarterOf } from '../../src/capabilities/messaging/pains/domain.js';
import { insertDeals } from '../factories-deals.js';
import { dayFromToday, evidenceDefaults, logEvidence, makePain, type EvidenceView, type PainView, type WhyView, makeMessagingTeam } from '../factories-pains.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const makeTeam = () => makeMessagingTeam(t);

const url = '/api/v1/messaging/evidence';

async function evidenceCount(workspaceId: string): Promise<number> {
  const r = await t.db.kysely.selectFrom('evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
  return Number(r.n);
}

describe('logging evidence', () => {
  it('logs what the buyer said with its pain, deal and amount in cents, and lists it newest first', async () => {
    const { ws, seller, viewer } = await makeTeam();
    const pain = await makePain(seller.client);
    await insertDeals(t, ws.id, [{ status: 'won', amount: 4_200_000, created: '2026-01-01', closed: dayFromToday(-2) }]);
    await changedInDb(t);
    const deal = await t.db.kysely.selectFrom('deals').select(['id', 'external_id', 'name']).where('workspace_id', '=', ws.id).executeTakeFirstOrThrow();
    const logged = await logEvidence(seller.client, pain.id, {
      date: dayFromToday(-3),
      account: '  Contoso  ',
      dealId: deal.id,
      amount: 42000.5,
      outcome: 'won',
      quote: 'We lost three deals last quarter because nobody called back.',
      notes: 'Champion is the VP Sales.',
    });
    expect(logged).toMatchObject({
      account: 'Contoso',
      amount: 4_200_050,
      outcome: 'won',
      dealExternalId: deal.external_id,
      deal: { id: deal.id, name: deal.name, status: 'won', amount: 4_200_000 },
      pain: { id: pain.id, statement: pain.statement, status: 'active' },
      memberName: 'Sam Seller',
      you: { canChange: true },
    });
    // A CRM id of an imported deal links it; one not imported yet is kept as typed.
    const byExternal = await logEvidence(seller.client, pain.id, { dealExternalId: deal.external_id, date: dayFromToday(-1) });
    expect(byExternal.deal?.id).toBe(deal.id);
    const notYet = await logEvidence(seller.client, null, { dealExternalId: 'SF-006000001', amount: 0 });
    expect(notYet).toMatchObject({ deal: null, dealExternalId: 'SF-006000001', pain: null, amount: 0 });

    const list = expectStatus(await viewer.client.get<{ items: EvidenceView[] }>(url), 200);
    expect(list.items.map((e) => e.id)).toEqual([notYet.id, byExternal.id, logged.id]);
    expect(list.items[0]!.you.canChange).toBe(false);
    const forPain = expectStatus(await viewer.client.get<{ items: EvidenceView[] }>(`${url}?painId=${pain.id}&outcome=won`), 200);
    expect(forPain.items.map((e) => e.id)).toEqual([logged.id]);
    const inRange = expectStatus(await viewer.client.get<{ items: EvidenceView[] }>(`${url}?from=${dayFromToday(-4)}&to=${dayFromToday(-2)}`), 200);
    expect(inRange.items.map((e) => e.id)).toEqual([logged.id]);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', logged.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['evidence.created']);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ painId: pain.id, amount: 4_200_050, account: 'Contoso' });
  });

  it('creates a new pain and ties the evidence to it in one request, or neither', async () => {
    const { ws, seller } = await makeTeam();
    const logged = await logEvidence(seller.client, null, { newPain: { statement: 'Renewals surprise us every quarter', severity: 4, segment: 'Enterprise' } });
    expect(logged.pain).toMatchObject({ statement: 'Renewals surprise us every quarter', status: 'active' });
    const pain = expectStatus(await seller.client.get<PainView>(`/api/v1/messaging/pains/${logged.pain!.id}`), 200);
    expect(pain.evidence.count).toBe(1);
    // The same statement again: the pain is refused, and the evidence with it.
    const again = await seller.client.post(url, { ...evidenceDefaults(null), newPain: { statement: 'renewals surprise us every quarter', severity: 2 } });
    expect(again.status).toBe(409);
    expect(await evidenceCount(ws.id)).toBe(1);
    // A new pain with a bad field: nothing written.
    const bad = await seller.client.post(url, { ...evidenceDefaults(null), newPain: { statement: 'ok statement', severity: 9 } });
    expect(bad.status).toBe(400);
    const both = await seller.client.post(url, { ...evidenceDefaults(pain.id), newPain: { statement: 'Another one', severity: 2 } });
    expect(both.status).toBe(400);
    expect(both.error?.message).toMatch(/either/);
    expect(await evidenceCount(ws.id)).toBe(1);
  });

  it('answers hostile input with a 400 in words and writes nothing', async () => {
    const { ws, seller, lead } = await makeTeam();
    const pain = await makePain(seller.client);
    const retired = await makePain(seller.client);
    expectStatus(await lead.client.post(`/api/v1/messaging/pains/${retired.id}/retire`), 200);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ date: dayFromToday(2) }, /future/],
      [{ date: '2026-02-30' }, /date/i],
      [{ date: '1999-12-31' }, /2000/],
      [{ amount: -1 }, /amount/i],
      [{ amount: 'lots' }, /amount/i],
      [{ amount: 1e13 }, /amount/i],
      [{ account: '' }, /account/i],
      [{ account: 'a'.repeat(201) }, /account/i],
      [{ quote: '' }, /quote/i],
      [{ quote: 'q'.repeat(2001) }, /quote/i],
      [{ notes: 'n'.repeat(4001) }, /notes/i],
      [{ outcome: 'maybe' }, /outcome/i],
      [{ painId: '00000000-0000-4000-8000-000000000000' }, /not one of this workspace's pains/],
      [{ painId: retired.id }, /retired/],
      [{ dealId: '00000000-0000-4000-8000-000000000000' }, /not one of this workspace's deals/],
      [{ memberId: 'someone-else' }, /memberId|member/i],
    ];
    for (const [patch, message] of cases) {
      const res = await seller.client.post(url, { ...evidenceDefaults(pain.id), ...patch });
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect(res.error?.message, JSON.stringify(patch)).toMatch(message);
    }
    expect((await seller.client.post(url, {})).status).toBe(400);
    expect((await seller.client.get(`${url}?from=${dayFromToday(-1)}&to=${dayFromToday(-5)}`)).status).toBe(400);
    expect((await seller.client.get(`${url}?outcome=maybe`)).status).toBe(400);
    expect((await seller.client.get(`${url}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect(await evidenceCount(ws.id)).toBe(0);
  });

  it('lets sales members, leaders and admins log; only the author, leaders and admins change or delete', async () => {
    const { ws, seller, seller2, marketer, lead, viewer } = await makeTeam();
    const pain = await makePain(seller.client);
    for (const who of [marketer, viewer]) {
      const res = await who.client.post(url, evidenceDefaults(pain.id));
      expect(res.status).toBe(403);
      expect(res.error?.message).toMatch(/Sales members, leaders and admins log evidence/);
    }
    const mine = await logEvidence(seller.client, pain.id);
    for (const who of [seller2, marketer, viewer]) {
      expect((await who.client.patch(`${url}/${mine.id}`, { account: 'Hijacked' })).status).toBe(403);
      expect((await who.client.delete(`${url}/${mine.id}`)).status).toBe(403);
    }
    expect(expectStatus(await seller.client.patch<EvidenceView>(`${url}/${mine.id}`, { account: 'Fabrikam', outcome: 'lost', amount: null }), 200)).toMatchObject({ account: 'Fabrikam', outcome: 'lost', amount: null });
    expect(expectStatus(await lead.client.patch<EvidenceView>(`${url}/${mine.id}`, { painId: null }), 200).pain).toBeNull();
    const adminOne = await logEvidence(ws.admin, pain.id);
    expectStatus(await lead.client.delete(`${url}/${adminOne.id}`), 200);
    expectStatus(await seller.client.delete(`${url}/${mine.id}`), 200);
    expect((await seller.client.get(`${url}/${mine.id}`)).status).toBe(404);
    const actions = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', mine.id).orderBy('at').execute();
    expect(actions.map((a) => a.action)).toEqual(['evidence.created', 'evidence.changed', 'evidence.changed', 'evidence.deleted']);
  });

  it('pages the evidence in order without repeats', async () => {
    const { seller } = await makeTeam();
    const made: EvidenceView[] = [];
    for (let i = 0; i < 7; i++) made.push(await logEvidence(seller.client, null, { date: dayFromToday(-(i % 3)) }));
    const all = await allPages<EvidenceView>(seller.client, url, 2);
    expect(all.map((e) => e.id).sort()).toEqual(made.map((e) => e.id).sort());
    expect(all.map((e) => e.date)).toEqual([...all.map((e) => e.date)].sort().reverse());
  });

  it("keeps another workspace out: it cannot read, change or delete the evidence, nor tie its own to the first's pains or deals", async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const pain = await makePain(a.seller.client);
    await insertDeals(t, a.ws.id, [{ status: 'won', amount: 100, created: '2026-01-01', closed: dayFromToday(-1) }]);
    await changedInDb(t);
    const deal = await t.db.kysely.selectFrom('deals').select(['id', 'external_id']).where('workspace_id', '=', a.ws.id).executeTakeFirstOrThrow();
    const entry = await logEvidence(a.seller.client, pain.id, { dealId: deal.id });
    for (const [method, body] of [
      ['GET', undefined],
      ['PATCH', { account: 'Mine now' }],
      ['DELETE', undefined],
    ] as const) {
      const res = await b.lead.client.request(method, `${url}/${entry.id}`, body ? { body } : {});
      expect(res.status, method).toBe(404);
      expect(res.error?.message).toBe('Evidence not found.');
    }
    expect(expectStatus(await b.lead.client.get<{ items: EvidenceView[] }>(url), 200).items).toEqual([]);
    expect(expectStatus(await b.lead.client.get<{ items: EvidenceView[] }>(`${url}?painId=${pain.id}`), 200).items).toEqual([]);
    expect((await b.seller.client.post(url, evidenceDefaults(pain.id))).status).toBe(400);
    expect((await b.seller.client.post(url, { ...evidenceDefaults(null), dealId: deal.id })).status).toBe(400);
    // A's CRM id typed in B is only text in B: it links nothing of A's.
    const typed = await logEvidence(b.seller.client, null, { dealExternalId: deal.external_id });
    expect(typed.deal).toBeNull();
    const own = await logEvidence(b.seller.client, null);
    expect((await b.seller.client.patch(`${url}/${own.id}`, { painId: pain.id })).status).toBe(400);
    expect((await b.seller.client.patch(`${url}/${own.id}`, { dealId: deal.id })).status).toBe(400);
    expect(await t.db.kysely.selectFrom('evidence').select(['account', 'pain_id']).where('id', '=', entry.id).executeTakeFirstOrThrow()).toEqual({ account: 'Northwind Traders', pain_id: pain.id });
  });
});

describe('evidence under concurrency', () => {
  it('applies two edits of one entry at once one after the other, and a delete racing an edit answers 404 or 200, never 500', async () => {
    const { seller, lead } = await makeTeam();
    const entry = await logEvidence(seller.client, null);
    const [one, two] = await Promise.all([seller.client.patch<EvidenceView>(`${url}/${entry.id}`, { account: 'Alpha' }), lead.client.patch<EvidenceView>(`${url}/${entry.id}`, { notes: 'Call back Friday' })]);
    expectOnly([one, two], [200]);
    expect(expectStatus(await seller.client.get<EvidenceView>(`${url}/${entry.id}`), 200)).toMatchObject({ account: 'Alpha', notes: 'Call back Friday' });
    const answers = await Promise.all([lead.client.delete(`${url}/${entry.id}`), seller.client.patch(`${url}/${entry.id}`, { account: 'Beta' }), seller.client.delete(`${url}/${entry.id}`)]);
    expectOnly(answers, [200, 404]);
    expect(answers.filter((r) => r.status === 200 && r.body && (r.body as { ok?: boolean }).ok).length).toBe(1);
  });

  it('never ties evidence to a pain being retired at the same moment', async () => {
    const { ws, seller, lead } = await makeTeam();
    const pain = await makePain(seller.client);
    const answers = await Promise.all([lead.client.post(`/api/v1/messaging/pains/${pain.id}/retire`), ...Array.from({ length: 4 }, () => seller.client.post(url, evidenceDefaults(pain.id)))]);
    expectOnly(answers, [200, 201, 400]);
    const retiredAt = (await t.db.kysely.selectFrom('pains').select('retired_at').where('id', '=', pain.id).executeTakeFirstOrThrow()).retired_at!;
    const rows = await t.db.kysely.selectFrom('evidence').select('created_at').where('workspace_id', '=', ws.id).execute();
    for (const r of rows) expect(r.created_at <= retiredAt).toBe(true);
  });
});

describe('why people buy', () => {
  it('ranks win and loss reasons from the CRM (trimmed and case-folded) and from won and lost evidence by pain, per segment and quarter', async () => {
    const { ws, seller, marketer } = await makeTeam();
    const closed = dayFromToday(-5);
    await insertDeals(t, ws.id, [
      { status: 'won', amount: 100_000, created: '2026-01-01', closed },
      { status: 'won', amount: 200_000, created: '2026-01-01', closed },
      { status: 'won', amount: 50_000, created: '2026-01-01', closed },
      { status: 'won', amount: 70_000, created: '2026-01-01', closed },
      { status: 'lost', amount: 900_000, created: '2026-01-01', closed },
      { status: 'lost', amount: 10_000, created: '2026-01-01', closed: '2019-01-01' },
    ]);
    const deals = await t.db.kysely.selectFrom('deals').select(['id', 'amount', 'status']).where('workspace_id', '=', ws.id).orderBy('amount').execute();
    const reasons: Record<number, { win_reason?: string; loss_reason?: string }> = {
      100_000: { win_reason: 'Faster onboarding' },
      200_000: { win_reason: '  faster   ONBOARDING. ' },
      50_000: { win_reason: 'Price' },
      70_000: { win_reason: '   ' },
      900_000: { loss_reason: 'Missing SSO' },
      10_000: { loss_reason: 'Too old to count' },
    };
    for (const d of deals) await t.db.kysely.updateTable('deals').set(reasons[Number(d.amount)]!).where('id', '=', d.id).execute();
    await changedInDb(t);
    const enterprise = await makePain(seller.client, { statement: 'Security reviews stall every deal', segment: 'Enterprise' });
    const smb = await makePain(seller.client, { statement: 'We cannot afford a RevOps hire', segment: 'SMB' });
    await logEvidence(seller.client, enterprise.id, { outcome: 'lost', amount: 5000 });
    await logEvidence(seller.client, enterprise.id, { outcome: 'lost' });
    await logEvidence(seller.client, smb.id, { outcome: 'won', amount: 1000 });
    await logEvidence(seller.client, smb.id, { outcome: 'open' });

    const why = expectStatus(await marketer.client.get<WhyView>('/api/v1/messaging/why'), 200);
    expect(why.quarters).toHaveLength(4);
    expect(why.totals).toEqual({ wonDeals: 4, lostDeals: 1, wonWithReason: 3, lostWithReason: 1, wonEvidence: 1, lostEvidence: 2 });
    expect(why.wins.map((r) => [r.source, r.label, r.count, r.amount])).toEqual([
      ['deal_reason', 'Faster onboarding', 2, 300_000],
      // One each: the larger amount first.
      ['pain', smb.statement, 1, 100_000],
      ['deal_reason', 'Price', 1, 50_000],
    ]);
    expect(why.wins[0]!.share).toBeCloseTo(2 / 3, 6);
    expect(why.wins[0]!.byQuarter[why.quarters.indexOf(quarterOf(closed))]).toBe(2);
    expect(why.losses.map((r) => [r.source, r.label, r.count])).toEqual([
      ['pain', enterprise.statement, 2],
      ['deal_reason', 'Missing SSO', 1],
    ]);
    expect(why.segments.map((s) => s.segment)).toEqual(['Enterprise', 'SMB']);
    expect(why.segmentOptions).toEqual(['Enterprise', 'SMB']);

    const onlySmb = expectStatus(await marketer.client.get<WhyView>('/api/v1/messaging/why?segment=smb'), 200);
    expect(onlySmb.wins.map((r) => r.label)).toEqual([smb.statement]);
    expect(onlySmb.losses).toEqual([]);
    const older = expectStatus(await marketer.client.get<WhyView>('/api/v1/messaging/why?from=2018-12-01&to=2019-03-31'), 200);
    expect(older.losses.map((r) => r.label)).toEqual(['Too old to count']);
    expect(older.quarters).toEqual(['2018-Q4', '2019-Q1']);
  });

  it('refuses a backwards or unbounded range in words, and shows another workspace none of it', async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    expect((await a.viewer.client.get('/api/v1/messaging/why?from=2026-05-01&to=2026-01-01')).status).toBe(400);
    expect((await a.viewer.client.get('/api/v1/messaging/why?from=1900-01-01&to=2026-01-01')).status).toBe(400);
    expect((await a.viewer.client.get('/api/v1/messaging/why?from=yesterday')).status).toBe(400);
    const pain = await makePain(a.seller.client, { segment: 'Secret segment' });
    await logEvidence(a.seller.client, pain.id, { outcome: 'won' });
    const theirs = expectStatus(await b.viewer.client.get<WhyView>('/api/v1/messaging/why'), 200);
    expect(theirs).toMatchObject({ wins: [], losses: [], segments: [], segmentOptions: [] });
  });
});
