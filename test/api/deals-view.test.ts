// The Deals view through HTTP on both databases (issue 11): the list pages by keyset (newest close date first, no
// close date last), every filter and the search return exactly the deals they name, a cursor is bound to its filters,
// the CSV is the whole filtered list, the facets and sources count the deals, one deal reads by id with the evidence
// that cites it (newest 20 and the count; never another workspace's), another workspace sees none of it, and
// hostile filters answer 4xx or an empty list, never 500.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { DealDetailView, DealFacetsView, DealSourcesView, DealSummaryView, DealView } from '../../src/capabilities/deals/schemas.js';
import { DEFAULT_MARKETING_SOURCES, marketingSourceMatcher } from '../../src/capabilities/deals/domain/marketing-source.js';
import type { DealStatus } from '../../src/db/schema/deals.js';
import { newId } from '../../src/server/ids.js';
import { calendarDate, periodOf } from '../../src/shared/calendar/index.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { addMember, allPages, changedInDb, makeWorkspace, type Page, type TestMember, type TestWorkspace } from '../factories.js';
import { logEvidence, makePain } from '../factories-pains.js';

type Deal = z.infer<typeof DealView>;

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let seller: TestMember;
let viewer: TestMember;

const N = 73;
const OPEN_STAGES = ['Appointment Scheduled', 'Qualified To Buy', 'Contract Sent'];
const SOURCES = ['Paid Search', 'Organic Search', 'Partner Referral', 'Cold Call', null];
const isMarketing = marketingSourceMatcher(DEFAULT_MARKETING_SOURCES);
const today = new Date().toISOString().slice(0, 10);

interface Spec {
  id: string;
  externalId: string;
  name: string;
  status: DealStatus;
  stage: string;
  amount: number | null;
  closeDate: string | null;
  createdDate: string | null;
  ownerName: string;
  ownerMemberId: string | null;
  source: string | null;
}
let specs: Spec[] = [];

function makeSpecs(workspaceId: string, owners: Array<{ name: string; memberId: string | null }>, prefix: string): Spec[] {
  return Array.from({ length: N }, (_, i) => {
    const status: DealStatus = i % 3 === 0 ? 'won' : i % 3 === 1 ? 'lost' : 'open';
    // Spread over 2026 and the days around today; every seventh has no close date; one in ten has no amount.
    const closeDate = i % 7 === 6 ? null : i < 5 ? calendarDate.addDays(today, -i) : calendarDate.addDays('2026-01-03', i * 4);
    const owner = owners[i % owners.length]!;
    return {
      id: newId(),
      externalId: `${prefix}-${1000 + i}`,
      name: i === 11 ? `100% off_deal ${prefix}` : `${prefix} Deal ${i}`,
      status,
      stage: status === 'won' ? 'Closed Won' : status === 'lost' ? 'Closed Lost' : OPEN_STAGES[i % 3]!,
      amount: i % 10 === 9 ? null : (i + 1) * 1000_00 + 37,
      closeDate,
      createdDate: closeDate ? calendarDate.addDays(closeDate, -30 - (i % 5)) : null,
      ownerName: owner.name,
      ownerMemberId: owner.memberId,
      source: SOURCES[i % SOURCES.length]!,
    };
  });
}

async function insert(workspaceId: string, deals: Spec[]): Promise<void> {
  const now = new Date().toISOString();
  await t.db.kysely
    .insertInto('deals')
    .values(
      deals.map((d) => ({
        id: d.id,
        workspace_id: workspaceId,
        external_id: d.externalId,
        origin: 'hubspot' as const,
        name: d.name,
        stage: d.stage,
        status: d.status,
        amount: d.amount,
        currency: 'USD',
        close_date: d.closeDate,
        created_date: d.createdDate,
        owner_name: d.ownerName,
        owner_member_id: d.ownerMemberId,
        pipeline: 'Sales Pipeline',
        source: d.source,
        marketing_sourced: isMarketing(d.source) ? 1 : 0,
        win_reason: d.status === 'won' ? 'Strong champion' : null,
        loss_reason: d.status === 'lost' ? 'Went with a competitor' : null,
        last_import_id: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  await changedInDb(t);
}

/** The documented order: close date newest first, no close date last, then id descending. */
const inListOrder = (a: Spec, b: Spec) => (b.closeDate ?? '').localeCompare(a.closeDate ?? '') || b.id.localeCompare(a.id);
const expected = (keep: (d: Spec) => boolean) => specs.filter(keep).sort(inListOrder).map((d) => d.id);
const listed = async (by: Client, query: string) => (await allPages<Deal>(by, `/api/v1/deals${query}`, 20)).map((d) => d.id);

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { adminName: 'Ada Admin' });
  other = await makeWorkspace(t);
  seller = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Sam Seller' });
  viewer = await addMember(t, ws, { role: 'viewer', team: 'leadership' });
  specs = makeSpecs(ws.id, [{ name: 'Ada Admin', memberId: ws.adminMemberId }, { name: 'sam seller', memberId: seller.member.id }, { name: 'Pat Unknown', memberId: null }, { name: 'Lee Gone', memberId: null }], 'Acme');
  await insert(ws.id, specs);
  await insert(other.id, makeSpecs(other.id, [{ name: 'Other Owner', memberId: other.adminMemberId }], 'Globex'));
});
afterAll(async () => {
  await t?.close();
});

describe('the list', () => {
  it('pages 50 by default and following nextCursor walks every deal once in the documented order', async () => {
    const first = expectStatus(await viewer.client.get<Page<Deal>>('/api/v1/deals'), 200);
    expect(first.items).toHaveLength(50);
    expect(first.nextCursor).not.toBeNull();
    expect(await listed(viewer.client, '')).toEqual(expected(() => true));
  });

  it('shows each deal with its matched owner, marketing flag and reasons, amounts in cents', async () => {
    const page = expectStatus(await seller.client.get<Page<Deal>>(`/api/v1/deals?owner=${seller.member.id}&status=won&limit=1`), 200);
    const d = page.items[0]!;
    const spec = specs.find((s) => s.id === d.id)!;
    expect(d).toMatchObject({ externalId: spec.externalId, name: spec.name, stage: 'Closed Won', status: 'won', amount: spec.amount, winReason: 'Strong champion', lossReason: null, marketingSourced: isMarketing(spec.source) });
    expect(d.owner).toEqual({ name: 'sam seller', memberId: seller.member.id, memberName: 'Sam Seller' });
  });

  it('filters by status, stages (several), owner, unmatched owners, source and marketing-sourced', async () => {
    expect(await listed(viewer.client, '?status=lost')).toEqual(expected((d) => d.status === 'lost'));
    expect(await listed(viewer.client, '?stage=Contract%20Sent&stage=Closed%20Won')).toEqual(expected((d) => d.stage === 'Contract Sent' || d.stage === 'Closed Won'));
    expect(await listed(viewer.client, `?owner=${ws.adminMemberId}`)).toEqual(expected((d) => d.ownerMemberId === ws.adminMemberId));
    expect(await listed(viewer.client, '?owner=unmatched')).toEqual(expected((d) => d.ownerMemberId === null));
    expect(await listed(viewer.client, '?source=Partner%20Referral')).toEqual(expected((d) => d.source === 'Partner Referral'));
    expect(await listed(viewer.client, '?marketingSourced=true')).toEqual(expected((d) => isMarketing(d.source)));
    expect(await listed(viewer.client, '?marketingSourced=false&status=open')).toEqual(expected((d) => !isMarketing(d.source) && d.status === 'open'));
  });

  it('filters by close date range, by fiscal quarter and month, and by amount range', async () => {
    expect(await listed(viewer.client, '?closedFrom=2026-03-01&closedTo=2026-04-30')).toEqual(expected((d) => d.closeDate !== null && d.closeDate >= '2026-03-01' && d.closeDate <= '2026-04-30'));
    expect(await listed(viewer.client, '?closedIn=2026-Q2')).toEqual(expected((d) => d.closeDate !== null && d.closeDate >= '2026-04-01' && d.closeDate < '2026-07-01'));
    expect(await listed(viewer.client, '?closedIn=FY2026-Q2&status=won')).toEqual(expected((d) => d.status === 'won' && d.closeDate !== null && d.closeDate >= '2026-04-01' && d.closeDate < '2026-07-01'));
    expect(await listed(viewer.client, '?closedIn=2026-05')).toEqual(expected((d) => d.closeDate?.startsWith('2026-05') === true));
    expect(await listed(viewer.client, '?amountMin=2000000&amountMax=4000037')).toEqual(expected((d) => d.amount !== null && d.amount >= 20_000_00 && d.amount <= 40_000_37));
  });

  it("reads a quarter in the workspace's fiscal calendar: with a February start, FY2027 Q1 is February to April 2026", async () => {
    expectStatus(await ws.admin.request('PATCH', '/api/v1/workspace', { body: { fiscalYearStartMonth: 2 } }), 200);
    try {
      const between = (from: string, before: string) => expected((d) => d.closeDate !== null && d.closeDate >= from && d.closeDate < before);
      expect(await listed(viewer.client, '?closedIn=FY2027-Q1')).toEqual(between('2026-02-01', '2026-05-01'));
      expect(await listed(viewer.client, '?closedIn=2026-Q4')).toEqual(between('2025-11-01', '2026-02-01'));
      // A month is a month whatever the fiscal year; a range narrows a period further.
      expect(await listed(viewer.client, '?closedIn=2026-03&closedFrom=2026-03-10')).toEqual(between('2026-03-10', '2026-04-01'));
    } finally {
      expectStatus(await ws.admin.request('PATCH', '/api/v1/workspace', { body: { fiscalYearStartMonth: 1 } }), 200);
    }
  });

  it('searches name, CRM id and exported owner name, ignoring case; % and _ are themselves', async () => {
    expect(await listed(viewer.client, '?q=deal%205')).toEqual(expected((d) => d.name.toLowerCase().includes('deal 5')));
    expect(await listed(viewer.client, '?q=ACME-1042')).toEqual(expected((d) => d.externalId === 'Acme-1042'));
    expect(await listed(viewer.client, '?q=pat%20unk')).toEqual(expected((d) => d.ownerName === 'Pat Unknown'));
    expect(await listed(viewer.client, `?q=${encodeURIComponent('100% off_')}`)).toEqual(expected((d) => d.name.startsWith('100% off_')));
    expect(await listed(viewer.client, '?q=%25')).toEqual(expected((d) => d.name.includes('%')));
  });

  it('a cursor is good only for the filters it came with', async () => {
    const first = expectStatus(await viewer.client.get<Page<Deal>>('/api/v1/deals?status=open&limit=5'), 200);
    const res = await viewer.client.get<Page<Deal>>(`/api/v1/deals?status=won&limit=5&cursor=${first.nextCursor}`);
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/another list/);
    const next = expectStatus(await viewer.client.get<Page<Deal>>(`/api/v1/deals?status=open&limit=5&cursor=${first.nextCursor}`), 200);
    expect(next.items.map((d) => d.id)).toEqual(expected((d) => d.status === 'open').slice(5, 10));
  });
});

describe('the CSV download', () => {
  it('is the whole filtered list (every page), amounts as amounts, with a filename', async () => {
    const res = await viewer.client.get('/api/v1/deals.csv?status=won&marketingSourced=false&limit=5'.replace('&limit=5', ''));
    expect(res.status).toBe(200);
    expect(String(res.headers['content-type'])).toMatch(/^text\/csv/);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="deals-\d{4}-\d{2}-\d{2}\.csv"$/);
    const rows = parse(res.text, { columns: true }) as Array<Record<string, string>>;
    const want = expected((d) => d.status === 'won' && !isMarketing(d.source)).map((id) => specs.find((s) => s.id === id)!);
    expect(rows.map((r) => r['CRM id'])).toEqual(want.map((d) => d.externalId));
    const withAmount = want.find((d) => d.amount !== null)!;
    const row = rows.find((r) => r['CRM id'] === withAmount.externalId)!;
    expect(row.Amount).toBe(`${Math.floor(withAmount.amount! / 100)}.37`);
    expect(row).toMatchObject({ 'Deal name': withAmount.name, Status: 'won', Currency: 'USD', 'Marketing-sourced': 'no', 'Win reason': 'Strong champion' });
  });

  it('holds more than one export batch and equals the list', async () => {
    const rows = parse((await viewer.client.get('/api/v1/deals.csv')).text, { columns: true }) as Array<Record<string, string>>;
    const ids = new Map(specs.map((s) => [s.externalId, s.id]));
    expect(rows.map((r) => ids.get(r['CRM id']!))).toEqual(expected(() => true));
  });
});

describe('one deal, facets, sources and the summary', () => {
  it('reads one deal by id with its reasons', async () => {
    const lost = specs.find((s) => s.status === 'lost')!;
    const d = expectStatus(await viewer.client.get<z.infer<typeof DealDetailView>>(`/api/v1/deals/${lost.id}`), 200);
    expect(d).toMatchObject({ id: lost.id, lossReason: 'Went with a competitor', lastImport: null });
    expect((await viewer.client.get(`/api/v1/deals/${newId()}`)).status).toBe(404);
  });

  it('counts stages, owners and sources for the filter selects', async () => {
    const f = expectStatus(await viewer.client.get<z.infer<typeof DealFacetsView>>('/api/v1/deals/facets'), 200);
    expect(f.total).toBe(N);
    expect(f.stages.find((s) => s.value === 'Closed Won')?.deals).toBe(specs.filter((s) => s.stage === 'Closed Won').length);
    expect(f.owners.find((o) => o.memberId === seller.member.id)).toEqual({ memberId: seller.member.id, name: 'Sam Seller', deals: specs.filter((s) => s.ownerMemberId === seller.member.id).length });
    expect(f.owners.find((o) => o.memberId === null)).toEqual({ memberId: null, name: 'Unmatched owners', deals: specs.filter((s) => s.ownerMemberId === null).length });
    expect(f.sources.find((s) => s.value === 'Paid Search')).toEqual({ value: 'Paid Search', deals: specs.filter((s) => s.source === 'Paid Search').length, marketing: true });
  });

  it('lists the distinct sources with counts and whether each counts as marketing', async () => {
    const s = expectStatus(await viewer.client.get<z.infer<typeof DealSourcesView>>('/api/v1/deals/sources'), 200);
    expect(s.distinct).toBe(4);
    expect(s.withoutSource).toBe(specs.filter((d) => d.source === null).length);
    expect(s.items.map((i) => [i.source, i.marketing]).sort()).toEqual([['Cold Call', false], ['Organic Search', true], ['Paid Search', true], ['Partner Referral', false]]);
  });

  it('sums open pipeline and this quarter’s revenue and win rate', async () => {
    const s = expectStatus(await viewer.client.get<z.infer<typeof DealSummaryView>>('/api/v1/deals/summary'), 200);
    const q = periodOf('quarter', new Date(), { timeZone: 'UTC', weekStart: 1, fiscalYearStartMonth: 1 });
    const inQ = specs.filter((d) => d.closeDate !== null && d.closeDate >= q.startDate && d.closeDate < q.endDate);
    const won = inQ.filter((d) => d.status === 'won');
    const lost = inQ.filter((d) => d.status === 'lost');
    expect(s.openPipeline).toEqual({ amount: specs.filter((d) => d.status === 'open').reduce((a, d) => a + (d.amount ?? 0), 0), deals: specs.filter((d) => d.status === 'open').length });
    expect(s.quarter).toMatchObject({ key: q.key, won: won.length, lost: lost.length, revenueClosed: won.reduce((a, d) => a + (d.amount ?? 0), 0) });
    expect(s.quarter.winRate).toBe(won.length + lost.length === 0 ? null : Math.round((1000 * won.length) / (won.length + lost.length)) / 10);
    expect(s.total).toBe(N);
  });
});

describe('what cites a deal', () => {
  type Detail = z.infer<typeof DealDetailView>;
  const readDeal = async (by: Client, id: string) => expectStatus(await by.get<Detail>(`/api/v1/deals/${id}`), 200);

  it('a deal no evidence names is cited by nothing', async () => {
    const d = await readDeal(viewer.client, specs[40]!.id);
    expect(d.citedBy).toEqual({ items: [], total: 0, unavailable: [] });
  });

  it('evidence logged on a deal shows at once (the read cache kept the deal), newest first, with its pain, words, who and a link; a viewer reads it', async () => {
    const deal = specs[41]!;
    // Read first, so the deal's answer is in the read cache: the evidence write must make the next read miss.
    expect((await readDeal(viewer.client, deal.id)).citedBy.total).toBe(0);
    const pain = await makePain(seller.client, { statement: 'Renewal forecasts are a guess every quarter' });
    const older = await logEvidence(seller.client, pain.id, { dealId: deal.id, date: calendarDate.addDays(today, -9), account: 'Contoso', quote: 'We find out a renewal is at risk the week it is due.' });
    const d1 = await readDeal(viewer.client, deal.id);
    expect(d1.citedBy).toEqual({
      items: [
        {
          kind: 'evidence',
          room: 'messaging',
          id: older.id,
          title: 'Contoso',
          excerpt: 'We find out a renewal is at risk the week it is due.',
          about: 'Renewal forecasts are a guess every quarter',
          date: calendarDate.addDays(today, -9),
          who: 'Sam Seller',
          href: `/messaging/pains/${pain.id}`,
        },
      ],
      total: 1,
      unavailable: [],
    });
    // By its CRM id, with no pain confirmed yet, and a long quote cut to a line or two.
    const long = `${'Every Monday we rebuild the same forecast spreadsheet by hand, '.repeat(8)}and nobody trusts it.`;
    const newer = await logEvidence(seller.client, null, { dealExternalId: deal.externalId, date: calendarDate.addDays(today, -2), account: 'Contoso EMEA', quote: long });
    const d2 = await readDeal(viewer.client, deal.id);
    expect(d2.citedBy.total).toBe(2);
    expect(d2.citedBy.items.map((c) => c.id)).toEqual([newer.id, older.id]);
    const cut = d2.citedBy.items[0]!;
    expect(cut).toMatchObject({ about: null, href: '/messaging/evidence', title: 'Contoso EMEA' });
    expect(cut.excerpt!.length).toBeLessThanOrEqual(240);
    expect(cut.excerpt!.endsWith('…')).toBe(true);
    expect(long.startsWith(cut.excerpt!.slice(0, -1))).toBe(true);
    // Another deal stays uncited; deleting the evidence takes it off the deal.
    expect((await readDeal(viewer.client, specs[42]!.id)).citedBy.total).toBe(0);
    expectStatus(await seller.client.delete(`/api/v1/messaging/evidence/${newer.id}`), 200);
    expect((await readDeal(viewer.client, deal.id)).citedBy.items.map((c) => c.id)).toEqual([older.id]);
  });

  it('lists the newest 20 and counts them all', async () => {
    const deal = specs[43]!;
    const now = new Date().toISOString();
    await t.db.kysely
      .insertInto('evidence')
      .values(
        Array.from({ length: 27 }, (_, i) => ({
          id: newId(),
          workspace_id: ws.id,
          pain_id: null,
          member_id: seller.member.id,
          date: calendarDate.addDays(today, -i),
          account: `Account ${i}`,
          deal_id: deal.id,
          deal_external_id: deal.externalId,
          amount: null,
          outcome: 'open' as const,
          quote: `Quote number ${i}`,
          notes: null,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();
    await changedInDb(t);
    const d = await readDeal(viewer.client, deal.id);
    expect(d.citedBy.total).toBe(27);
    expect(d.citedBy.items.map((c) => c.title)).toEqual(Array.from({ length: 20 }, (_, i) => `Account ${i}`));
  });

  it('the messaging provider answers a batch of deals at once, more than 200 in batches, only for the deals cited', async () => {
    const provider = t.app.ctx.dealCitations.find((p) => p.room === 'messaging')!;
    // 158 unknown ids first: specs[41] is the 200th id asked (the first batch), specs[43] the 202nd (the second).
    const asked = [...Array.from({ length: 158 }, () => newId()), ...specs.map((d) => d.id)];
    const groups = await provider.citations({ workspaceId: ws.id, dealIds: asked, limit: 3 });
    const byDeal = new Map(groups.map((g) => [g.dealId, g]));
    // Cited above: specs[41] (one entry left), specs[43] (27 entries); nothing else of this workspace.
    expect([...byDeal.keys()].sort()).toEqual([specs[41]!.id, specs[43]!.id].sort());
    expect(byDeal.get(specs[43]!.id)).toMatchObject({ total: 27 });
    expect(byDeal.get(specs[43]!.id)!.items.map((c) => c.title)).toEqual(['Account 0', 'Account 1', 'Account 2']);
    expect(byDeal.get(specs[41]!.id)!.total).toBe(1);
    // The same deals asked as another workspace: none of them is its own.
    expect(await provider.citations({ workspaceId: other.id, dealIds: asked, limit: 3 })).toEqual([]);
  });

  it("another workspace's evidence pointing at this workspace's deal never shows, and that workspace cannot log evidence on it", async () => {
    const deal = specs[44]!;
    const now = new Date().toISOString();
    await t.db.kysely
      .insertInto('evidence')
      .values({ id: newId(), workspace_id: other.id, pain_id: null, member_id: other.adminMemberId, date: today, account: 'Globex spy', deal_id: deal.id, deal_external_id: deal.externalId, amount: null, outcome: 'open', quote: 'Not yours to see.', notes: null, created_at: now, updated_at: now })
      .execute();
    await changedInDb(t);
    expect((await readDeal(viewer.client, deal.id)).citedBy).toEqual({ items: [], total: 0, unavailable: [] });
    const refused = await other.admin.post('/api/v1/messaging/evidence', { date: today, account: 'Globex', outcome: 'open', quote: 'Trying to cite a deal of another workspace.', dealId: deal.id });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/not one of this workspace's deals/);
    expect((await other.admin.get(`/api/v1/deals/${deal.id}`)).status).toBe(404);
  });
});

describe('another workspace', () => {
  it('sees none of these deals by id, list, CSV, facets, sources or summary', async () => {
    const b = other.admin;
    for (const d of specs.slice(0, 5)) expect((await b.get(`/api/v1/deals/${d.id}`)).status).toBe(404);
    const theirs = await allPages<Deal>(b, '/api/v1/deals');
    expect(theirs).toHaveLength(N);
    expect(theirs.every((d) => d.externalId.startsWith('Globex-'))).toBe(true);
    expect((await b.get('/api/v1/deals.csv')).text).not.toContain('Acme-');
    expect((await b.get(`/api/v1/deals?owner=${seller.member.id}`)).body).toEqual({ items: [], nextCursor: null });
    const f = expectStatus(await b.get<z.infer<typeof DealFacetsView>>('/api/v1/deals/facets'), 200);
    expect(f.total).toBe(N);
    expect(f.owners.map((o) => o.name)).toEqual(['Ada Admin']);
    expect(JSON.stringify(await b.get('/api/v1/deals/sources'))).not.toContain('Acme');
  });

  it("cannot use this workspace's cursor", async () => {
    const first = expectStatus(await viewer.client.get<Page<Deal>>('/api/v1/deals?limit=5'), 200);
    expect((await other.admin.get(`/api/v1/deals?limit=5&cursor=${first.nextCursor}`)).status).toBe(400);
  });
});

describe('hostile filters', () => {
  const cases: Array<[string, string]> = [
    ['an impossible date', '?closedFrom=2026-13-45'],
    ['a date in another format', '?closedTo=3/7/2026'],
    ['a backwards range', '?closedFrom=2026-05-01&closedTo=2026-04-01'],
    ['a period that is not one', '?closedIn=last%20summer'],
    ['a quarter 5', '?closedIn=2026-Q5'],
    ['a huge limit', '?limit=100000'],
    ['a negative limit', '?limit=-1'],
    ['a limit that is not a number', '?limit=lots'],
    ['an amount that is not a number', '?amountMin=ten'],
    ['a negative amount', '?amountMin=-5'],
    ['an amount range backwards', '?amountMin=500&amountMax=100'],
    ['an unknown status', '?status=maybe'],
    ['a marketing flag that is not true or false', '?marketingSourced=yes'],
    ['a search of 101 characters', `?q=${'x'.repeat(101)}`],
    ['stage given 51 times', `?${Array.from({ length: 51 }, (_, i) => `stage=s${i}`).join('&')}`],
    ['an unknown parameter', '?sort=amount'],
    ['a NUL byte', '?source=%00'],
    ['a forged cursor', '?cursor=eyJzIjoiZm9vIiwiayI6WyIiLCIiXX0'],
  ];
  for (const [what, query] of cases) {
    it(`${what} answers 400 in words`, async () => {
      for (const url of [`/api/v1/deals${query}`, `/api/v1/deals.csv${query}`]) {
        if (url.startsWith('/api/v1/deals.csv') && /limit|cursor/.test(query)) continue;
        const res = await viewer.client.get(url);
        expect(res.status, url).toBe(400);
        expect(res.error?.message.length, url).toBeGreaterThan(10);
      }
    });
  }

  it('unknown stages, owners and SQL-looking searches are an empty list', async () => {
    for (const query of ['?stage=Nope', `?owner=${newId()}`, "?q=%27%3B%20drop%20table%20deals%3B%20--", '?q=%27%20or%201%3D1%20--', '?closedIn=0001-Q1', '?closedTo=9999-12-31&closedFrom=9999-12-31']) {
      const res = await viewer.client.get<Page<Deal>>(`/api/v1/deals${query}`);
      expect(res.status, query).toBe(200);
      expect(res.body.items, query).toEqual([]);
    }
    expect((await allPages<Deal>(viewer.client, '/api/v1/deals'))).toHaveLength(N);
  });
});
