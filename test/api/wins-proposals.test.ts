// Proposed wins (issue 13), on SQLite and PostgreSQL: the wins job gathers candidates from deals (won deals that
// marketing sourced) and goals (a KPI reaching its period target) through the winCandidates contract and writes each
// once by its key — across two runs and two instances; smaller deals are batched into one proposal per ISO week,
// rewritten while open; a proposal is confirmed into a win (eight at once: one win, seven 409) or dismissed for good;
// the people suggested see it in their to-dos. Messaging proposes a piece sales cites, and a won deal whose evidence
// cites one under the deals room's key (decision 056).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/lockstep.js';
import { gatherProposals, gatherWorkspace } from '../../src/capabilities/wins/gather.js';
import { newId, nowIso } from '../../src/server/ids.js';
import { calendarDate, isoWeekOf, periodOf } from '../../src/shared/calendar/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { allPages, changedInDb, makeKpi } from '../factories.js';
import { burst, countOf, expectOnly, PARALLEL } from '../factories-concurrency.js';
import { insertDeals } from '../factories-deals.js';
import { insertPiece } from '../factories-messaging-rows.js';
import { day, gather, insertChannel, makeWinsTeam, type ProposalView, type WinsTeam, type WinView } from './wins-fixtures.js';

let t: TestApp;
let second: App;

beforeAll(async () => {
  t = await createTestApp({ shareable: true });
  second = await createApp(t.config);
});
afterAll(async () => {
  await second?.close();
  await t?.close();
});

const url = '/api/v1/wins/proposals';

/** Last ISO week's Tuesday and Wednesday: in the job's look-back, and in one ISO week whatever today is. */
const lastWeek = () => {
  const monday = calendarDate.addDays(isoWeekOf(day()).startDate, -7);
  return { week: isoWeekOf(monday).key, tue: calendarDate.addDays(monday, 1), wed: calendarDate.addDays(monday, 2), thu: calendarDate.addDays(monday, 3) };
};

/** Won (and other) deals of the team's workspace, the won marketing ones owned by the seller. */
async function dealsFor(team: WinsTeam, specs: Array<{ name: string; status?: 'won' | 'lost' | 'open'; amount: number | null; closed: string; marketing?: boolean }>): Promise<Map<string, string>> {
  await insertDeals(t, team.ws.id, specs.map((s) => ({ status: s.status ?? 'won', amount: s.amount, created: day(-90), closed: s.closed, marketing: s.marketing ?? true, source: s.marketing === false ? 'Offline Sources' : 'Paid Search' })));
  const rows = await t.db.kysely.selectFrom('deals').select(['id', 'close_date', 'amount', 'status']).where('workspace_id', '=', team.ws.id).orderBy('external_id').execute();
  const ids = new Map<string, string>();
  const fresh = rows.slice(rows.length - specs.length);
  for (const [i, s] of specs.entries()) {
    const id = fresh[i]!.id;
    ids.set(s.name, id);
    await t.db.kysely.updateTable('deals').set({ name: s.name, owner_member_id: team.seller.member.id }).where('id', '=', id).execute();
  }
  await changedInDb(t);
  return ids;
}

const openProposals = async (team: WinsTeam) => allPages<ProposalView>(team.seller.client, url);

describe('gathering proposals', () => {
  it('proposes won marketing-sourced deals once, batches the smaller ones by ISO week, and leaves the rest alone', async () => {
    const team = await makeWinsTeam(t);
    const w = lastWeek();
    const ids = await dealsFor(team, [
      { name: 'Globex platform', amount: 1_200_000, closed: w.tue },
      { name: 'Small one', amount: 100_000, closed: w.tue },
      { name: 'Small two', amount: 250_000, closed: w.wed },
      { name: 'Not marketing', amount: 900_000, closed: w.tue, marketing: false },
      { name: 'Lost one', status: 'lost', amount: 900_000, closed: w.tue },
      { name: 'Old news', amount: 900_000, closed: day(-60) },
    ]);
    const first = await gather(t);
    expect(first).toEqual({ proposed: 2, updated: 0 });
    const open = await openProposals(team);
    const deal = open.find((p) => p.source.kind === 'deal')!;
    expect(deal).toMatchObject({
      kind: 'deal_won',
      title: 'Globex platform closed won: $12,000',
      wonOn: w.tue,
      amountCents: 1_200_000,
      dealCount: null,
      source: { kind: 'deal', id: ids.get('Globex platform'), label: 'Globex platform', href: `/deals?deal=${ids.get('Globex platform')}` },
    });
    // The owner the import matched, and marketing's lead.
    expect(deal.suggestedCredits.map((p) => p.name)).toEqual(['Sam Seller', 'Max Marketing']);
    const batch = open.find((p) => p.source.kind === 'small_deals')!;
    expect(batch).toMatchObject({ kind: 'deal_won', amountCents: 350_000, dealCount: 2, wonOn: w.wed, title: `2 smaller deals won in week ${Number(w.week.slice(-2))}: $3,500` });
    expect(batch.story).toContain('Small one ($1,000), Small two ($2,500)');
    expect(open).toHaveLength(2);

    // Again: nothing new. A third small deal that week joins the open batch.
    expect(await gather(t)).toEqual({ proposed: 0, updated: 0 });
    await dealsFor(team, [{ name: 'Small three', amount: 50_000, closed: w.thu }]);
    expect(await gather(t)).toEqual({ proposed: 0, updated: 1 });
    const grown = (await openProposals(team)).find((p) => p.source.kind === 'small_deals')!;
    expect(grown).toMatchObject({ id: batch.id, dealCount: 3, amountCents: 400_000, wonOn: w.thu });
    expect(await t.db.kysely.selectFrom('win_proposals').select('key').where('workspace_id', '=', team.ws.id).orderBy('key').execute()).toEqual([{ key: `deal:${ids.get('Globex platform')}` }, { key: `small-deals:${w.week}` }]);
  });

  it('follows the small-deal threshold an admin sets (0: every deal on its own)', async () => {
    const team = await makeWinsTeam(t);
    expect(expectStatus(await team.seller.client.get('/api/v1/wins/settings'), 200)).toEqual({ smallDealThresholdCents: 500_000 });
    const refused = await team.salesLead.client.request('PUT', '/api/v1/wins/settings', { body: { smallDealThresholdCents: 0 } });
    expect(refused.status).toBe(403);
    for (const bad of [-1, 1.5, 'x', 1e11]) expect((await team.ws.admin.request('PUT', '/api/v1/wins/settings', { body: { smallDealThresholdCents: bad } })).status, String(bad)).toBe(400);
    expect(expectStatus(await team.ws.admin.request('PUT', '/api/v1/wins/settings', { body: { smallDealThresholdCents: 0 } }), 200)).toEqual({ smallDealThresholdCents: 0 });
    const w = lastWeek();
    await dealsFor(team, [
      { name: 'Tiny', amount: 10_000, closed: w.tue },
      { name: 'Tiny too', amount: 20_000, closed: w.tue },
    ]);
    expect(await gather(t)).toEqual({ proposed: 2, updated: 0 });
    expect((await openProposals(team)).map((p) => p.source.kind)).toEqual(['deal', 'deal']);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'after']).where('workspace_id', '=', team.ws.id).where('entity_type', '=', 'win_settings').execute();
    expect(audit).toEqual([{ action: 'win_settings.changed', after: JSON.stringify({ smallDealThresholdCents: 0 }) }]);
  });

  it('proposes a KPI that reached its period target, crediting its owner', async () => {
    const team = await makeWinsTeam(t);
    const kpi = await makeKpi(team.marketingLead.client, { team: 'marketing', name: 'MQLs', kind: 'mqls', period: 'week', target: 100, ownerMemberId: team.marketer.member.id });
    const ws = await t.db.kysely.selectFrom('workspaces').select(['time_zone', 'week_start', 'fiscal_year_start_month']).where('id', '=', team.ws.id).executeTakeFirstOrThrow();
    const options = { timeZone: ws.time_zone, weekStart: ws.week_start, fiscalYearStartMonth: ws.fiscal_year_start_month };
    const previous = periodOf('week', calendarDate.addDays(periodOf('week', new Date(), options).startDate, -1), options);
    const d1 = previous.startDate;
    const d3 = calendarDate.addDays(previous.startDate, 2);
    expectStatus(await team.marketingLead.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, { values: [{ date: d1, value: 60, note: null }, { date: d3, value: 50, note: null }] }), 200);
    // A KPI that fell short proposes nothing.
    const short = await makeKpi(team.marketingLead.client, { team: 'marketing', name: 'Webinar signups', kind: 'mqls', period: 'week', target: 500 });
    expectStatus(await team.marketingLead.client.post(`/api/v1/goals/kpis/${short.id}/values`, { values: [{ date: d1, value: 60, note: null }] }), 200);
    await gather(t);
    const open = await openProposals(team);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ kind: 'kpi_target_hit', title: `MQLs hit its ${previous.label} target`, wonOn: d3, source: { kind: 'kpi', id: kpi.id, label: 'MQLs', href: `/goals/kpis/${kpi.id}` } });
    expect(open[0]!.suggestedCredits.map((p) => p.memberId)).toEqual([team.marketer.member.id]);
    expect(await t.db.kysely.selectFrom('win_proposals').select('key').where('workspace_id', '=', team.ws.id).execute()).toEqual([{ key: `kpi:${kpi.id}:${previous.key}` }]);
  });

  it('proposes once when two instances gather at the same moment, and runs the job once per hour across them', async () => {
    const team = await makeWinsTeam(t);
    const w = lastWeek();
    await dealsFor(team, [
      { name: 'Both instances', amount: 2_000_000, closed: w.tue },
      { name: 'Small for both', amount: 10_000, closed: w.tue },
    ]);
    const now = new Date();
    // Several instances run on PostgreSQL (SPEC S8), at the same moment; SQLite's one file has one writer at a time.
    const runs = [() => gatherProposals(t.db, t.app.ctx.winCandidates, now), () => gatherProposals(second.ctx.db, second.ctx.winCandidates, now)];
    const [a, b] = t.kind === 'postgres' ? await Promise.all(runs.map((r) => r())) : [await runs[0]!(), await runs[1]!()];
    expect(a!.proposed + b!.proposed).toBe(2);
    const rows = await t.db.kysely.selectFrom('win_proposals').select('key').where('workspace_id', '=', team.ws.id).execute();
    expect(rows).toHaveLength(2);
    // The scheduler claims the hour once however many instances run it.
    const at = new Date(Date.UTC(2031, 0, 1, 10, 30));
    const ran = await Promise.all([t.app.ctx.jobs.runDue(at), second.ctx.jobs.runDue(at)]);
    expect(ran.flat().filter((j) => j === 'wins.gather-proposals')).toEqual(['wins.gather-proposals']);
  });
});

describe('confirming and dismissing', () => {
  it('confirms a proposal into a win once: eight at once make one win and seven 409s; it is announced', async () => {
    const team = await makeWinsTeam(t);
    const slack = await insertChannel(t, team.ws.id, ['wins']);
    const w = lastWeek();
    const ids = await dealsFor(team, [{ name: 'Race deal', amount: 3_000_000, closed: w.tue }]);
    await gather(t);
    const [p] = await openProposals(team);
    const people = [team.seller, team.marketer, team.salesLead, team.marketingLead, team.exec, team.seller, team.marketer, team.salesLead];
    const answers = await burst(PARALLEL, (i) => people[i]!.client.post<WinView>(`${url}/${p!.id}/confirm`, {}));
    expectOnly(answers, [201, 409]);
    expect(countOf(answers, 201)).toBe(1);
    expect(answers.find((r) => r.status === 409)?.error?.message).toBe('This proposal was already confirmed: the win is in the feed.');
    const win = answers.find((r) => r.status === 201)!.body;
    expect(win).toMatchObject({ kind: 'deal_won', title: 'Race deal closed won: $30,000', wonOn: w.tue, collaborative: true, teams: ['sales', 'marketing'], source: { kind: 'deal', id: ids.get('Race deal'), label: 'Race deal' } });
    expect(await t.db.kysely.selectFrom('wins').select('id').where('workspace_id', '=', team.ws.id).execute()).toEqual([{ id: win.id }]);
    expect(await t.db.kysely.selectFrom('win_deals').select('deal_id').where('win_id', '=', win.id).execute()).toEqual([{ deal_id: ids.get('Race deal') }]);
    expect((await t.db.kysely.selectFrom('outbox').select('idempotency_key').where('workspace_id', '=', team.ws.id).execute()).map((r) => r.idempotency_key)).toEqual([`win:${win.id}:${slack}`]);
    const row = await t.db.kysely.selectFrom('win_proposals').select(['status', 'win_id', 'decided_by']).where('id', '=', p!.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'confirmed', win_id: win.id });
    expect(await openProposals(team)).toEqual([]);
    // The deal's drawer lists the win.
    const drawer = expectStatus(await team.seller.client.get<{ citedBy: { items: Array<{ kind: string; id: string; room: string }>; total: number } }>(`/api/v1/deals/${ids.get('Race deal')}`), 200);
    expect(drawer.citedBy.items).toEqual([expect.objectContaining({ kind: 'win', id: win.id, room: 'wins' })]);
    // Gathering again does not bring it back.
    expect(await gather(t)).toEqual({ proposed: 0, updated: 0 });
  });

  it('confirms with the title, story and people the member gives, and asks for people when none is suggested', async () => {
    const team = await makeWinsTeam(t);
    const at = nowIso();
    const id = newId();
    await t.db.kysely
      .insertInto('win_proposals')
      .values({ id, workspace_id: team.ws.id, key: `kpi:x:${id}`, kind: 'kpi_target_hit', title: 'Pipeline hit target', story: 'At 110%.', won_on: day(-1), credited_member_ids: '[]', amount_cents: null, deal_count: null, deal_ids: '[]', source_kind: 'kpi', source_id: 'x', source_label: 'Pipeline', source_href: null, status: 'open', decided_by: null, decided_at: null, win_id: null, created_at: at, updated_at: at })
      .execute();
    await changedInDb(t);
    // No body at all is a confirm as proposed.
    const none = await team.seller.client.post(`${url}/${id}/confirm`);
    expect(none.status).toBe(400);
    expect(none.error?.message).toMatch(/Nobody is suggested for this win: say who to credit/);
    expect((await team.seller.client.post(`${url}/${id}/confirm`, { creditedMemberIds: ['not-one'] })).error?.message).toMatch(/^Nobody with that id is a member of this workspace/);
    const win = expectStatus(await team.seller.client.post<WinView>(`${url}/${id}/confirm`, { title: 'Pipeline at 110%', creditedMemberIds: [team.marketer.member.id] }), 201);
    expect(win).toMatchObject({ title: 'Pipeline at 110%', story: 'At 110%.', kind: 'kpi_target_hit', teams: ['marketing'], postedBy: { memberId: team.seller.member.id } });
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', win.id).execute();
    expect(audit).toEqual([{ action: 'win.confirmed' }]);
  });

  it('dismisses for good: a second dismiss or a confirm after it is a 409, and gathering never brings it back', async () => {
    const team = await makeWinsTeam(t);
    await dealsFor(team, [{ name: 'Dismiss me', amount: 2_000_000, closed: lastWeek().tue }]);
    await gather(t);
    const [p] = await openProposals(team);
    expect((await team.viewer.client.post(`${url}/${p!.id}/dismiss`)).status).toBe(403);
    expect((await team.viewer.client.post(`${url}/${p!.id}/confirm`, {})).status).toBe(403);
    const res = await team.marketer.client.post(`${url}/${p!.id}/dismiss`);
    expect(res.status).toBe(204);
    expect((await team.seller.client.post(`${url}/${p!.id}/dismiss`)).error?.message).toBe('This proposal was already dismissed.');
    expect((await team.seller.client.post(`${url}/${p!.id}/confirm`, {})).status).toBe(409);
    expect(await gather(t)).toEqual({ proposed: 0, updated: 0 });
    expect(await openProposals(team)).toEqual([]);
  });

  it('keeps another workspace out: 404 on its proposals, none in its list', async () => {
    const a = await makeWinsTeam(t);
    const b = await makeWinsTeam(t);
    await dealsFor(a, [{ name: 'A only', amount: 2_000_000, closed: lastWeek().tue }]);
    await gather(t);
    const [p] = await openProposals(a);
    for (const path of [`${url}/${p!.id}/confirm`, `${url}/${p!.id}/dismiss`]) expect((await b.ws.admin.post(path, {})).status, path).toBe(404);
    expect(await openProposals(b)).toEqual([]);
    expect((await openProposals(a)).map((x) => x.id)).toEqual([p!.id]);
  });
});

describe('to-dos', () => {
  it('asks the people suggested to confirm, and the leads when nobody is', async () => {
    const team = await makeWinsTeam(t);
    await dealsFor(team, [{ name: 'Todo deal', amount: 2_000_000, closed: lastWeek().tue }]);
    await gather(t);
    type Todos = { todos: Array<{ key: string; room: string; title: string; href: string }> };
    const mine = async (c: typeof team.seller.client) => expectStatus(await c.get<Todos>('/api/v1/me/todos'), 200).todos.filter((x) => x.room === 'wins');
    expect((await mine(team.seller.client)).map((x) => x.title)).toEqual(['Confirm the win “Todo deal closed won: $20,000”']);
    expect((await mine(team.marketingLead.client)).length).toBe(1);
    expect(await mine(team.marketer.client)).toEqual([]);
    expect(await mine(team.viewer.client)).toEqual([]);
  });
});

describe('proposals from messaging: a piece sales cites, a won deal whose evidence cites one (decision 056)', () => {
  /** An evidence entry citing a piece, written as the evidence routes write one. */
  async function cite(team: WinsTeam, e: { pieceId: string; date: string; by?: string; dealId?: string; quote?: string; account?: string; workspaceId?: string }) {
    const at = nowIso();
    await t.db.kysely
      .insertInto('evidence')
      .values({ id: newId(), workspace_id: e.workspaceId ?? team.ws.id, pain_id: null, member_id: e.by ?? team.seller.member.id, date: e.date, account: e.account ?? 'Contoso', deal_id: e.dealId ?? null, deal_external_id: null, amount: null, outcome: e.dealId ? 'won' : 'open', quote: e.quote ?? 'Your playbook is why we called back in an hour.', notes: null, piece_id: e.pieceId, created_at: at, updated_at: at })
      .execute();
    await changedInDb(t);
  }
  const publishedPiece = (team: WinsTeam, title: string, publishedOn: string, status: 'published' | 'draft' = 'published') =>
    insertPiece(t, team.ws.id, { title, status, authorId: team.marketer.member.id, publishedAt: `${publishedOn}T12:00:00.000Z` });
  const keysOf = async (team: WinsTeam) => (await t.db.kysely.selectFrom('win_proposals').select('key').where('workspace_id', '=', team.ws.id).orderBy('key').execute()).map((r) => r.key);

  it('proposes a cited piece once however often it is cited, crediting its author and the reps; not one cited before it was published', async () => {
    const team = await makeWinsTeam(t);
    const playbook = await publishedPiece(team, 'Speed-to-lead playbook', day(-12));
    const late = await publishedPiece(team, 'Late launch', day(-3));
    const draft = await publishedPiece(team, 'Never published', day(-12), 'draft');
    await cite(team, { pieceId: playbook, date: day(-8), account: 'Contoso' });
    await cite(team, { pieceId: playbook, date: day(-4), by: team.salesLead.member.id, account: 'Fabrikam', quote: 'The playbook got us a second meeting.' });
    // Cited on a day before its publication: the piece cannot have helped then.
    await cite(team, { pieceId: late, date: day(-6) });
    // A draft written into evidence around the routes: not a published piece, nothing.
    await cite(team, { pieceId: draft, date: day(-2) });

    expect(await gather(t)).toMatchObject({ proposed: 1 });
    const [p, ...rest] = await openProposals(team);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({
      kind: 'content_helped_sales',
      title: '"Speed-to-lead playbook" helped sales',
      wonOn: day(-8),
      amountCents: null,
      source: { kind: 'piece', id: playbook, label: 'Speed-to-lead playbook', href: `/messaging/pieces/${playbook}` },
    });
    expect(p!.story).toBe(`Sales cited "Speed-to-lead playbook" in 2 evidence entries since ${day(-8)} (Contoso, Fabrikam). The latest buyer's words: "The playbook got us a second meeting."`);
    expect(p!.suggestedCredits.map((c) => c.name)).toEqual(['Mia Marketer', 'Sam Seller', 'Lee Lead']);
    // Cited again, gathered again: still one proposal for the piece.
    await cite(team, { pieceId: playbook, date: day(-1) });
    expect(await gather(t)).toEqual({ proposed: 0, updated: 0 });
    expect(await keysOf(team)).toEqual([`piece:${playbook}`]);
  });

  it('proposes a won deal whose evidence cites a piece under the deals room\'s key: once when both rooms offer it, small ones in the week\'s batch once', async () => {
    const team = await makeWinsTeam(t);
    const w = lastWeek();
    const playbook = await publishedPiece(team, 'Speed-to-lead playbook', day(-30));
    const ids = await dealsFor(team, [
      { name: 'Referral deal', amount: 2_400_000, closed: w.tue, marketing: false },
      { name: 'Marketing deal', amount: 3_000_000, closed: w.tue },
      { name: 'Small referral', amount: 100_000, closed: w.wed, marketing: false },
      { name: 'Small marketing', amount: 200_000, closed: w.wed },
      { name: 'Uncited referral', amount: 2_000_000, closed: w.tue, marketing: false },
    ]);
    for (const name of ['Referral deal', 'Marketing deal', 'Small referral', 'Small marketing']) await cite(team, { pieceId: playbook, date: day(-25), dealId: ids.get(name)! });

    // Deals and messaging in one run: one proposal per deal.
    expect(await gather(t)).toMatchObject({ proposed: 3 });
    expect(await keysOf(team)).toEqual([`deal:${ids.get('Marketing deal')}`, `deal:${ids.get('Referral deal')}`, `small-deals:${w.week}`].sort());
    const open = await openProposals(team);
    const referral = open.find((p) => p.source.id === ids.get('Referral deal'))!;
    expect(referral).toMatchObject({ kind: 'deal_won', title: 'Referral deal closed won: $24,000', wonOn: w.tue, amountCents: 2_400_000, source: { kind: 'deal', href: `/deals?deal=${ids.get('Referral deal')}` } });
    expect(referral.story).toBe(`A deal won on ${w.tue}, owned by Sam Seller, whose evidence cites marketing's piece "Speed-to-lead playbook".`);
    // The owner the import matched, and the piece's author.
    expect(referral.suggestedCredits.map((c) => c.name)).toEqual(['Sam Seller', 'Mia Marketer']);
    // The marketing-sourced one is the deals room's proposal (its words), not a second one.
    expect(open.find((p) => p.source.id === ids.get('Marketing deal'))!.story).toMatch(/^A marketing-sourced deal/);
    // Each small deal once in its week's batch, whichever room offered it.
    const batch = open.find((p) => p.source.kind === 'small_deals')!;
    expect(batch).toMatchObject({ dealCount: 2, amountCents: 300_000 });
    const stored = await t.db.kysely.selectFrom('win_proposals').select('deal_ids').where('id', '=', batch.id).executeTakeFirstOrThrow();
    expect((JSON.parse(stored.deal_ids) as string[]).sort()).toEqual([ids.get('Small referral'), ids.get('Small marketing')].sort());
    // The piece itself is not proposed: its citations are older than the look-back.
    expect(open.some((p) => p.source.kind === 'piece')).toBe(false);
    expect(await gather(t)).toEqual({ proposed: 0, updated: 0 });
  });

  it('writes two candidates of one key offered in one run once (the second finds the first: ON CONFLICT)', async () => {
    const team = await makeWinsTeam(t);
    const playbook = await publishedPiece(team, 'Speed-to-lead playbook', day(-30));
    const ids = await dealsFor(team, [{ name: 'Referral deal', amount: 2_400_000, closed: lastWeek().tue, marketing: false }]);
    await cite(team, { pieceId: playbook, date: day(-25), dealId: ids.get('Referral deal')! });
    const messaging = t.app.ctx.winCandidates.filter((p) => p.room === 'messaging');
    expect(messaging).toHaveLength(1);
    expect(await gatherWorkspace(t.db, [...messaging, ...messaging], { id: team.ws.id, timeZone: 'UTC' }, new Date())).toEqual({ proposed: 1, updated: 0 });
    expect(await keysOf(team)).toEqual([`deal:${ids.get('Referral deal')}`]);
  });

  it('never proposes from another workspace\'s rows: B\'s evidence citing A\'s piece, or A\'s citing B\'s', async () => {
    const a = await makeWinsTeam(t);
    const b = await makeWinsTeam(t);
    const aPiece = await publishedPiece(a, 'A playbook', day(-12));
    const bPiece = await publishedPiece(b, 'B playbook', day(-12));
    // Written around the routes (which refuse them): rows that point across workspaces.
    await cite(b, { pieceId: aPiece, date: day(-5), by: b.seller.member.id });
    await cite(a, { pieceId: bPiece, date: day(-5), by: a.seller.member.id });
    await dealsFor(b, [{ name: 'B referral', amount: 2_000_000, closed: lastWeek().tue, marketing: false }]);
    const bDeal = (await t.db.kysely.selectFrom('deals').select('id').where('workspace_id', '=', b.ws.id).where('name', '=', 'B referral').executeTakeFirstOrThrow()).id;
    await cite(a, { pieceId: bPiece, date: day(-5), dealId: bDeal });
    await gather(t);
    expect(await keysOf(a)).toEqual([]);
    expect(await keysOf(b)).toEqual([]);
    // B's own citation of its own piece is B's proposal only.
    await cite(b, { pieceId: bPiece, date: day(-4) });
    await gather(t);
    expect(await keysOf(b)).toEqual([`piece:${bPiece}`]);
    expect(await keysOf(a)).toEqual([]);
  });
});
