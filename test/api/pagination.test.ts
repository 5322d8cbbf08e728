// Every list endpoint pages the one way (docs/decisions/023-pagination.md), checked list by list through HTTP on
// two workspaces with more rows than a page: 50 by default and at most 200; following nextCursor walks every row
// once, in the documented order, even where many rows tie on the sort keys; a malformed cursor, or another list's,
// answers 400 in plain words; and a cursor neither reveals nor reaches another workspace's rows.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kpiCatalog } from '../../src/capabilities/goals/domain/index.js';
import { hashSecret, newId } from '../../src/server/ids.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import type { MemberView } from '../helpers/views.js';
import { addMember, allPages, changedInDb, makeKeyPlayers, makeKpi, makeWeeklySeries, makeWorkspace, type Page, type TestMember, type TestWorkspace } from '../factories.js';

/** More rows than the default page holds. */
const N = 61;
/** Few distinct instants, so many rows tie on them and only the id tells them apart. */
const STAMPS = ['2026-03-01T09:00:00.000Z', '2026-03-02T09:00:00.000Z', '2026-03-03T09:00:00.000Z'];
const stamp = (i: number) => STAMPS[i % STAMPS.length]!;

let t: TestApp;

interface World {
  ws: TestWorkspace;
  lead: TestMember;
  kpiId: string;
  meetingId: string;
}
let a: World;
let b: World;

const rows = (n: number) => Array.from({ length: n }, (_, i) => i);

/** N rows of every list in one workspace, straight into the database (many sharing a timestamp or a name). */
async function seed(w: World): Promise<void> {
  const db = t.db.kysely;
  const ws = w.ws;
  for (const i of rows(N)) {
    const userId = newId();
    await db.insertInto('users').values({ id: userId, email: `same-${randomBytes(5).toString('hex')}@example.test`, name: i % 2 ? 'Sam Same' : 'Alex Also', password_hash: null, time_zone: 'UTC', setup_workspace_id: null, last_workspace_id: null, created_at: stamp(i) }).execute();
    await db
      .insertInto('members')
      .values({ id: newId(), workspace_id: ws.id, user_id: userId, role: 'member', team: i % 3 ? 'sales' : 'marketing', function: 'Paged', manager_id: null, key_player: 0, active: i % 7 ? 1 : 0, joined_at: stamp(i), invited_name: null, created_at: stamp(i), updated_at: stamp(i) })
      .execute();
  }
  await db
    .insertInto('invites')
    .values(rows(N).map((i) => ({ id: newId(), workspace_id: ws.id, token_hash: hashSecret(randomBytes(16).toString('hex')), email: null, role: 'member' as const, team: 'sales' as const, function: '', created_by: ws.adminMemberId, created_at: stamp(i), expires_at: '2099-01-01T00:00:00.000Z', accepted_at: null, accepted_by: null, revoked_at: null })))
    .execute();
  await db
    .insertInto('api_tokens')
    .values(rows(N).map((i) => ({ id: newId(), workspace_id: ws.id, member_id: ws.adminMemberId, name: `Token ${i % 3}`, token_hash: hashSecret(randomBytes(16).toString('hex')), prefix: 'lst_test', created_at: stamp(i), last_used_at: null, revoked_at: null })))
    .execute();
  await db
    .insertInto('notifications')
    .values(rows(N).map((i) => ({ id: newId(), workspace_id: ws.id, member_id: ws.adminMemberId, kind: 'test', title: `Note ${i}`, body: '', link: null, created_at: stamp(i), read_at: i % 2 ? stamp(i) : null })))
    .execute();
  await db
    .insertInto('audit_log')
    .values(rows(N).map((i) => ({ id: newId(), workspace_id: ws.id, actor_member_id: ws.adminMemberId, action: 'test.paged', entity_type: i % 2 ? 'paged' : 'other', entity_id: `e${i}`, before: null, after: null, at: stamp(i) })))
    .execute();
  // Outbound channels (issue 13): one Slack channel and N deliveries through it, many written at the same instant.
  const channelId = newId();
  await db
    .insertInto('channels')
    .values({ id: channelId, workspace_id: ws.id, kind: 'slack', name: 'Paged channel', config_encrypted: 'v1.paged.x', config_hint: 'hooks.slack.com/…/page', events: '["wins"]', enabled: 1, status: 'ok', consecutive_failures: 0, last_error: null, last_error_at: null, last_sent_at: null, created_by: ws.adminMemberId, created_at: stamp(0), updated_at: stamp(0) })
    .execute();
  await db
    .insertInto('outbox')
    .values(rows(N).map((i) => ({ id: newId(), workspace_id: ws.id, channel: 'slack', target: channelId, payload: JSON.stringify({ text: `Paged ${i}`, blocks: [] }), status: i % 4 ? ('sent' as const) : ('dead' as const), attempts: 1, next_attempt_at: stamp(i), claimed_until: null, last_error: i % 4 ? null : 'HTTP 500', created_at: stamp(i), sent_at: i % 4 ? stamp(i) : null, idempotency_key: `paged:${i}`, channel_id: channelId })))
    .execute();
  await db
    .insertInto('kpis')
    .values(
      rows(N).map((i) => ({
        id: newId(),
        workspace_id: ws.id,
        team: i % 2 ? ('sales' as const) : ('marketing' as const),
        name: i % 3 ? 'Same KPI' : 'Another KPI',
        kind: 'win_rate',
        unit: 'percent' as const,
        direction: 'higher' as const,
        measurement: '',
        data_source: 'manual' as const,
        period: 'month' as const,
        target: null,
        baseline: null,
        owner_member_id: null,
        compensated: 0,
        comp_weight: 0,
        rank: null,
        shared: 0,
        shared_proposed_by: null,
        archived_at: null,
        created_at: stamp(i),
        updated_at: stamp(i),
      })),
    )
    .execute();
  await db
    .insertInto('kpi_kinds')
    .values(rows(N).map((i) => ({ id: newId(), workspace_id: ws.id, key: `custom:paged_${ws.name.toLowerCase()}_${i}`, name: i % 2 ? 'Same kind' : 'Other kind', unit: 'count' as const, direction: 'higher' as const, description: '', created_at: stamp(i) })))
    .execute();
  await db
    .insertInto('publications')
    .values(rows(N).map((i) => ({ id: newId(), workspace_id: ws.id, team: i % 2 ? ('sales' as const) : ('marketing' as const), number: 100 + i, published_by: ws.adminMemberId, published_at: stamp(i), note: null, snapshot: JSON.stringify({ team: 'sales', number: 100 + i, publishedAt: stamp(i), items: [] }), diff: '[]' })))
    .execute();
  await db
    .insertInto('action_items')
    .values(rows(N).map((i) => ({ id: newId(), workspace_id: ws.id, meeting_id: w.meetingId, title: `Item ${i}`, owner_member_id: ws.adminMemberId, due_date: stamp(i).slice(0, 10), status: i % 4 ? ('open' as const) : ('done' as const), closed_at: null, created_by: ws.adminMemberId, created_at: stamp(i + 1), updated_at: stamp(i) })))
    .execute();
  await db
    .insertInto('kpi_values')
    .values(rows(N).map((i) => ({ id: newId(), workspace_id: ws.id, kpi_id: w.kpiId, date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10), value: i, source: 'manual' as const, note: null, recorded_by: ws.adminMemberId, created_at: stamp(i) })))
    .execute();
  await seedMessaging(w);
}

/** N pains (three severities, two statements: many tie), N evidence entries on few days and instants, N pieces on few instants. */
async function seedMessaging(w: World): Promise<void> {
  const db = t.db.kysely;
  const ws = w.ws;
  await db
    .insertInto('pains')
    .values(rows(N).map((i) => ({ id: newId(), workspace_id: ws.id, statement: i % 2 ? 'Same pain' : 'Other pain', persona: '', segment: '', severity: 1 + (i % 3), emotion: '', synonyms: '[]', status: 'active' as const, created_by: ws.adminMemberId, created_at: stamp(i), updated_at: stamp(i), retired_at: null })))
    .execute();
  await db
    .insertInto('evidence')
    .values(
      rows(N).map((i) => ({
        id: newId(), workspace_id: ws.id, pain_id: null, member_id: ws.adminMemberId, date: `2026-02-0${1 + (i % 4)}`, account: `Account ${i}`, deal_id: null, deal_external_id: null,
        amount: null, outcome: 'open' as const, quote: 'We call back two days later.', notes: null, created_at: stamp(i), updated_at: stamp(i),
      })),
    )
    .execute();
  await db
    .insertInto('pieces')
    .values(
      rows(N).map((i) => ({
        id: newId(), workspace_id: ws.id, title: `Paged piece ${i % 5}`, channel: 'blog' as const, body: 'Your inbound leads go cold before anyone calls them back.', author_member_id: ws.adminMemberId, status: 'draft' as const, version: 1,
        score: null, band: null, analyzed_at: null, published_at: null, published_by: null, override_reason: null, override_by: null, override_at: null, archived_at: null, created_at: stamp(i), updated_at: stamp(i),
      })),
    )
    .execute();
}

/** N deals, some with no close date (they come last), some sharing a close date (the id breaks the tie). */
async function seedDeals(w: World): Promise<void> {
  const now = new Date().toISOString();
  await t.db.kysely
    .insertInto('deals')
    .values(
      rows(N).map((i) => ({
        id: newId(), workspace_id: w.ws.id, external_id: `P-${i}`, origin: 'hubspot' as const, name: `Paged deal ${i}`, stage: 'Closed Won', status: 'won' as const,
        amount: 1_000 * i, currency: 'USD', close_date: i % 9 === 0 ? null : new Date(Date.UTC(2025, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10), created_date: '2024-12-01',
        owner_name: null, owner_member_id: null, pipeline: null, source: null, marketing_sourced: 0, win_reason: null, loss_reason: null, last_import_id: null, created_at: now, updated_at: now,
      })),
    )
    .execute();
}

/** N wins on few days and instants (every third collaborative), each crediting the lead; N open proposals on few instants. */
async function seedWins(w: World, marketerId: string): Promise<void> {
  const db = t.db.kysely;
  const ws = w.ws;
  const ids = rows(N).map(() => newId());
  await db
    .insertInto('wins')
    .values(
      rows(N).map((i) => ({
        id: ids[i]!, workspace_id: ws.id, kind: 'other' as const, title: `Paged win ${i % 4}`, story: '', won_on: `2026-02-0${1 + (i % 3)}`, collaborative: i % 3 === 0 ? 1 : 0, has_sales: 1, has_marketing: i % 3 === 0 ? 1 : 0,
        posted_by: ws.adminMemberId, source_kind: null, source_id: null, source_label: null, source_href: null, celebrated_at: null, celebrated_meeting_id: null, celebrated_by: null, created_at: stamp(i), updated_at: stamp(i),
      })),
    )
    .execute();
  await db
    .insertInto('win_credits')
    .values(rows(N).flatMap((i) => [{ win_id: ids[i]!, workspace_id: ws.id, member_id: w.lead.member.id, team: 'sales' as const, position: 0 }, ...(i % 3 === 0 ? [{ win_id: ids[i]!, workspace_id: ws.id, member_id: marketerId, team: 'marketing' as const, position: 1 }] : [])]))
    .execute();
  await db
    .insertInto('win_proposals')
    .values(
      rows(N).map((i) => ({
        id: newId(), workspace_id: ws.id, key: `deal:paged-${i}`, kind: 'deal_won' as const, title: `Paged proposal ${i % 3}`, story: '', won_on: '2026-02-01', credited_member_ids: JSON.stringify([w.lead.member.id]), amount_cents: 1_000_000, deal_count: null, deal_ids: '[]',
        source_kind: 'deal' as const, source_id: null, source_label: 'A deal', source_href: null, status: 'open' as const, decided_by: null, decided_at: null, win_id: null, created_at: stamp(i), updated_at: stamp(i),
      })),
    )
    .execute();
}

async function makeWorld(name: string): Promise<World> {
  const ws = await makeWorkspace(t, { name, adminName: `${name} Admin` });
  const lead = await addMember(t, ws, { role: 'leader', team: 'sales', name: `${name} Lead` });
  const marketer = await addMember(t, ws, { role: 'member', team: 'marketing', name: `${name} Marketer` });
  await makeKeyPlayers(ws, [lead.member.id, marketer.member.id]);
  const kpiId = (await makeKpi(lead.client, { team: 'sales', name: 'Valued KPI' })).id;
  // 60 weeks back: more past meetings than a page.
  await makeWeeklySeries(ws.admin, { weeksBack: 60 });
  const past = expectStatus(await ws.admin.get<Page<{ id: string }>>('/api/v1/checkins/meetings?when=past&limit=1'), 200);
  const world = { ws, lead, kpiId, meetingId: past.items[0]!.id };
  await seed(world);
  await seedDeals(world);
  await seedWins(world, marketer.member.id);
  return world;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await makeWorld('Alpha');
  b = await makeWorld('Bravo');
  await changedInDb(t);
}, 120_000);
afterAll(async () => {
  await t?.close();
});

type Item = Record<string, unknown>;
interface PagedList {
  name: string;
  url(w: World): string;
  caller(w: World): Client;
  /** What identifies an item. */
  id(item: Item): string;
  /** The documented order, as a comparison of two items (negative: a comes first). */
  order(x: Item, y: Item): number;
  /** How many rows the list has in a seeded workspace (at least). */
  atLeast: number;
}

const str = (v: unknown) => String(v);
const asc = (x: unknown, y: unknown) => (str(x) < str(y) ? -1 : str(x) > str(y) ? 1 : 0);
const byKeys = (...keys: Array<[string, 'asc' | 'desc']>) => (x: Item, y: Item) => {
  for (const [k, dir] of keys) {
    const c = asc(x[k], y[k]);
    if (c !== 0) return dir === 'asc' ? c : -c;
  }
  return 0;
};
/** Items the server sorts by a key this test cannot see (a join, an expression): only distinct and complete. */
const anyOrder = () => 0;

const LISTS: PagedList[] = [
  { name: 'members', url: () => '/api/v1/members', caller: (w) => w.ws.admin, id: (m) => str(m.id), order: anyOrder, atLeast: N },
  // Every seeded person's email has "same" in it; 52 of the 61 are active.
  { name: 'members, searched', url: () => '/api/v1/members?q=same&status=active', caller: (w) => w.lead.client, id: (m) => str(m.id), order: byKeys(['name', 'asc'], ['id', 'asc']), atLeast: 52 },
  { name: 'invites', url: () => '/api/v1/invites', caller: (w) => w.ws.admin, id: (i) => str(i.id), order: byKeys(['createdAt', 'desc'], ['id', 'desc']), atLeast: N },
  { name: 'API tokens', url: () => '/api/v1/tokens', caller: (w) => w.ws.admin, id: (i) => str(i.id), order: byKeys(['createdAt', 'desc'], ['id', 'desc']), atLeast: N },
  { name: 'notifications', url: () => '/api/v1/notifications', caller: (w) => w.ws.admin, id: (i) => str(i.id), order: byKeys(['createdAt', 'desc'], ['id', 'desc']), atLeast: N },
  { name: 'audit log', url: () => '/api/v1/audit', caller: (w) => w.lead.client, id: (i) => str(i.id), order: byKeys(['at', 'desc'], ['id', 'desc']), atLeast: N },
  { name: 'audit log of one entity type', url: () => '/api/v1/audit?entityType=paged', caller: (w) => w.ws.admin, id: (i) => str(i.id), order: byKeys(['at', 'desc'], ['id', 'desc']), atLeast: 30 },
  { name: 'KPIs', url: () => '/api/v1/goals/kpis', caller: (w) => w.lead.client, id: (k) => str(k.id), order: byKeys(['team', 'asc'], ['name', 'asc'], ['id', 'asc']), atLeast: N },
  { name: 'KPIs of one team', url: () => '/api/v1/goals/kpis?team=sales', caller: (w) => w.ws.admin, id: (k) => str(k.id), order: byKeys(['name', 'asc'], ['id', 'asc']), atLeast: 30 },
  { name: 'KPI catalog', url: () => '/api/v1/goals/catalog', caller: (w) => w.ws.admin, id: (k) => str(k.id), order: anyOrder, atLeast: N + kpiCatalog.length },
  { name: 'publications', url: () => '/api/v1/goals/publications', caller: (w) => w.ws.admin, id: (p) => str(p.id), order: byKeys(['publishedAt', 'desc'], ['id', 'desc']), atLeast: N },
  // A series is scheduled at most a year back: 53 of the 61 weeks.
  { name: 'past meetings', url: () => '/api/v1/checkins/meetings?when=past', caller: (w) => w.ws.admin, id: (m) => str(m.id), order: byKeys(['start', 'desc']), atLeast: 53 },
  { name: 'upcoming meetings', url: () => '/api/v1/checkins/meetings?when=upcoming', caller: (w) => w.ws.admin, id: (m) => str(m.id), order: byKeys(['start', 'asc']), atLeast: 2 },
  { name: 'action items, everyone’s', url: () => '/api/v1/checkins/action-items?owner=anyone&status=all', caller: (w) => w.lead.client, id: (i) => str(i.id), order: byKeys(['dueDate', 'asc'], ['createdAt', 'asc'], ['id', 'asc']), atLeast: N },
  { name: 'action items, mine and open', url: () => '/api/v1/checkins/action-items', caller: (w) => w.ws.admin, id: (i) => str(i.id), order: byKeys(['dueDate', 'asc'], ['createdAt', 'asc'], ['id', 'asc']), atLeast: 45 },
  { name: 'KPI values', url: (w) => `/api/v1/goals/kpis/${w.kpiId}/values`, caller: (w) => w.ws.admin, id: (v) => str(v.id), order: byKeys(['date', 'desc']), atLeast: N },
  // Newest close date first, deals with no close date last, the id breaking ties.
  // Messaging (issue 12): the most severe pains first, then by statement, the id breaking ties; evidence of the latest
  // day first, the latest logged first within it; pieces most recently changed first.
  { name: 'pains', url: () => '/api/v1/messaging/pains', caller: (w) => w.lead.client, id: (p) => str(p.id), order: (x, y) => Number(y.severity) - Number(x.severity) || byKeys(['statement', 'asc'], ['id', 'asc'])(x, y), atLeast: N },
  { name: 'evidence', url: () => '/api/v1/messaging/evidence', caller: (w) => w.ws.admin, id: (e) => str(e.id), order: byKeys(['date', 'desc'], ['createdAt', 'desc'], ['id', 'desc']), atLeast: N },
  { name: 'pieces', url: () => '/api/v1/messaging/pieces', caller: (w) => w.lead.client, id: (p) => str(p.id), order: byKeys(['updatedAt', 'desc'], ['id', 'desc']), atLeast: N },
  // Channel deliveries (issue 13): newest first, the id breaking ties; the dead letters alone.
  { name: 'channel deliveries', url: () => '/api/v1/channels/deliveries', caller: (w) => w.ws.admin, id: (d) => str(d.id), order: byKeys(['createdAt', 'desc'], ['id', 'desc']), atLeast: N },
  { name: 'channel dead letters', url: () => '/api/v1/channels/deliveries?status=dead', caller: (w) => w.ws.admin, id: (d) => str(d.id), order: byKeys(['createdAt', 'desc'], ['id', 'desc']), atLeast: 15 },
  // Wins (issue 13): the newest day first, the latest posted first within it, the id breaking ties; open proposals newest first.
  { name: 'wins', url: () => '/api/v1/wins', caller: (w) => w.lead.client, id: (x) => str(x.id), order: byKeys(['wonOn', 'desc'], ['createdAt', 'desc'], ['id', 'desc']), atLeast: N },
  { name: 'wins, collaborative', url: () => '/api/v1/wins?collaborative=true&team=marketing', caller: (w) => w.ws.admin, id: (x) => str(x.id), order: byKeys(['wonOn', 'desc'], ['createdAt', 'desc'], ['id', 'desc']), atLeast: 21 },
  { name: 'win proposals', url: () => '/api/v1/wins/proposals', caller: (w) => w.lead.client, id: (x) => str(x.id), order: byKeys(['createdAt', 'desc'], ['id', 'desc']), atLeast: N },
  { name: 'deals', url: () => '/api/v1/deals', caller: (w) => w.lead.client, id: (d) => str(d.id), order: (x, y) => byKeys(['closeDate', 'desc'], ['id', 'desc'])({ ...x, closeDate: x.closeDate ?? '' }, { ...y, closeDate: y.closeDate ?? '' }), atLeast: N },
];

const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;
const MALFORMED = 'The cursor is not one this list gave out: pass nextCursor exactly as it came, or leave cursor out to start from the first page.';
const OTHER_LIST = 'This cursor belongs to another list (another workspace, or other filters): leave cursor out to start this list from the first page.';

describe.each(LISTS)('$name', (list) => {
  const get = (w: World, query = '') => list.caller(w).get<Page<Item>>(query ? withQuery(list.url(w), query) : list.url(w));
  const ids = (items: Item[]) => items.map(list.id);

  it('answers 50 by default and at most 200, with a cursor while more remain', async () => {
    const max = expectStatus(await get(a, 'limit=200'), 200);
    expect(max.items.length).toBeGreaterThanOrEqual(list.atLeast);
    expect(max.items.length).toBeLessThanOrEqual(200);
    const first = expectStatus(await get(a), 200);
    expect(first.items).toHaveLength(Math.min(50, max.items.length));
    expect(first.nextCursor === null).toBe(max.items.length <= 50);
    for (const bad of ['201', '0', '-1', '2.5', 'ten', '']) {
      const res = await get(a, `limit=${bad}`);
      expect(res.status, `limit=${bad}`).toBe(400);
      expect(res.error?.message).toBe('The limit must be a whole number from 1 to 200.');
    }
  });

  it('following nextCursor walks every row exactly once, in the documented order', async () => {
    const whole = expectStatus(await get(a, 'limit=200'), 200);
    expect(whole.nextCursor, 'this list fits one page of 200 here').toBeNull();
    const walked = await allPages<Item>(list.caller(a), list.url(a), 7);
    expect(ids(walked)).toEqual(ids(whole.items));
    expect(new Set(ids(walked)).size).toBe(walked.length);
    expect(walked.length).toBeGreaterThanOrEqual(list.atLeast);
    const sorted = [...walked].sort(list.order);
    expect(ids(sorted)).toEqual(ids(walked));
  });

  it('a malformed cursor, or one of another list, answers 400 in plain words', async () => {
    const first = expectStatus(await get(a, 'limit=2'), 200);
    const cursor = first.nextCursor!;
    for (const bad of ['not-a-cursor!', cursor.slice(0, Math.floor(cursor.length / 2)), `${cursor}x`, Buffer.from('{"s":"x","k":[1]}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      const res = await get(a, `cursor=${encodeURIComponent(bad)}`);
      expect(res.status, bad).toBe(400);
      expect([MALFORMED, OTHER_LIST]).toContain(res.error?.message);
      expect(res.error?.details).toEqual([{ path: 'querystring.cursor', message: res.error?.message }]);
    }
    // Another list's cursor (the audit log's, or the notifications' for the audit log itself).
    const other = list.name.startsWith('audit') ? '/api/v1/notifications?limit=1' : '/api/v1/audit?limit=1';
    const foreign = expectStatus(await a.ws.admin.get<Page<Item>>(other), 200).nextCursor!;
    const res = await get(a, `cursor=${encodeURIComponent(foreign)}`);
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe(OTHER_LIST);
  });

  it("a cursor from another workspace is refused, and no page shows that workspace's rows", async () => {
    const aIds = new Set(ids(await allPages<Item>(list.caller(a), list.url(a))));
    const aCursor = expectStatus(await get(a, 'limit=3'), 200).nextCursor!;
    const res = await get(b, `cursor=${encodeURIComponent(aCursor)}`);
    expect(res.status).toBe(400);
    expect(res.error?.message).toBe(OTHER_LIST);
    const bWalk = await allPages<Item>(list.caller(b), list.url(b), 9);
    expect(bWalk.length).toBeGreaterThanOrEqual(list.atLeast);
    // The catalog's built-in kinds are everyone's; every other row belongs to one workspace.
    const shared = new Set(list.name === 'KPI catalog' ? kpiCatalog.map((k) => k.id) : []);
    expect(ids(bWalk).filter((id) => aIds.has(id) && !shared.has(id))).toEqual([]);
  });
});

describe('the members list searches and filters for pickers', () => {
  const search = (c: Client, query: string) => allPages<MemberView>(c, `/api/v1/members?${query}`);

  it('q finds a name, an email or a function, in any case, and % or _ only as themselves', async () => {
    const lead = a.lead;
    expect((await search(lead.client, 'q=alpha%20lead')).map((m) => m.id)).toEqual([lead.member.id]);
    expect((await search(lead.client, `q=${encodeURIComponent(lead.email.toUpperCase())}`)).map((m) => m.id)).toEqual([lead.member.id]);
    expect((await search(lead.client, 'q=PAGED')).length).toBe(N);
    expect(await search(lead.client, 'q=%25')).toEqual([]);
    expect(await search(lead.client, 'q=_')).toEqual([]);
    // The same search in B finds B's lead only.
    expect((await search(b.lead.client, 'q=lead')).map((m) => m.id)).toEqual([b.lead.member.id]);
  });

  it('filters by team, role, status and key player, and counts what matches on every page', async () => {
    const page = expectStatus(await a.ws.admin.get<Page<MemberView> & { total: number }>('/api/v1/members?team=marketing&status=active&limit=3'), 200);
    const all = await search(a.ws.admin, 'team=marketing&status=active');
    expect(page.total).toBe(all.length);
    expect(all.every((m) => m.team === 'marketing' && m.status === 'active')).toBe(true);
    const next = expectStatus(await a.ws.admin.get<Page<MemberView> & { total: number }>(`/api/v1/members?team=marketing&status=active&limit=3&cursor=${encodeURIComponent(page.nextCursor!)}`), 200);
    expect(next.total).toBe(page.total);
    expect((await search(a.ws.admin, 'role=leader')).map((m) => m.id)).toEqual([a.lead.member.id]);
    expect((await search(a.ws.admin, 'status=inactive')).every((m) => !m.active)).toBe(true);
    expect((await search(a.ws.admin, 'keyPlayer=true')).every((m) => m.keyPlayer)).toBe(true);
    // A filter changed between pages is another list: its cursor is refused.
    const changed = await a.ws.admin.get(`/api/v1/members?team=sales&status=active&limit=3&cursor=${encodeURIComponent(page.nextCursor!)}`);
    expect(changed.status).toBe(400);
    expect((await a.ws.admin.get('/api/v1/members?keyPlayer=yes')).status).toBe(400);
    expect((await a.ws.admin.get(`/api/v1/members?q=${'x'.repeat(101)}`)).status).toBe(400);
  });

  it('active and invited people come before inactive ones, then by name', async () => {
    const all = await search(a.ws.admin, '');
    const firstInactive = all.findIndex((m) => !m.active);
    expect(firstInactive).toBeGreaterThan(0);
    expect(all.slice(firstInactive).every((m) => !m.active)).toBe(true);
  });

  it('names each member’s manager, so a list needs no second look-up', async () => {
    const rep = await addMember(t, a.ws, { name: 'Rita Reports' });
    expectStatus(await a.ws.admin.patch(`/api/v1/members/${rep.member.id}`, { managerId: a.lead.member.id }), 200);
    const [found] = await search(a.ws.admin, 'q=rita');
    expect(found).toMatchObject({ managerId: a.lead.member.id, managerName: 'Alpha Lead' });
  });
});

describe('the members summary', () => {
  it('counts people by status and per team, with the first key players and leads by name', async () => {
    const summary = expectStatus(
      await a.ws.admin.get<{ people: { active: number; invited: number; inactive: number }; teams: Array<{ team: string; members: number; keyPlayers: number; leads: number; firstLeads: Array<{ name: string }>; firstKeyPlayers: unknown[] }> }>('/api/v1/members/summary'),
      200,
    );
    const everyone = await allPages<MemberView>(a.ws.admin, '/api/v1/members');
    expect(summary.people.active + summary.people.invited + summary.people.inactive).toBe(everyone.length);
    const sales = summary.teams.find((x) => x.team === 'sales')!;
    expect(sales.members).toBe(everyone.filter((m) => m.team === 'sales' && m.active).length);
    expect(sales.firstLeads.map((l) => l.name)).toContain('Alpha Lead');
    expect(summary.teams.map((x) => x.team)).toEqual(['sales', 'marketing', 'leadership']);
    for (const team of summary.teams) expect(team.firstKeyPlayers.length).toBeLessThanOrEqual(4);
  });
});

describe('a KPI’s values', () => {
  it('the KPI answers the first page of its values; from and to bound the history', async () => {
    const detail = expectStatus(await a.ws.admin.get<{ values: Page<{ date: string }> }>(`/api/v1/goals/kpis/${a.kpiId}`), 200);
    expect(detail.values.items).toHaveLength(50);
    expect(typeof detail.values.nextCursor).toBe('string');
    const rest = expectStatus(await a.ws.admin.get<Page<{ date: string }>>(`/api/v1/goals/kpis/${a.kpiId}/values?cursor=${encodeURIComponent(detail.values.nextCursor!)}`), 200);
    expect(rest.items).toHaveLength(N - 50);
    const january = await allPages<{ date: string }>(a.ws.admin, `/api/v1/goals/kpis/${a.kpiId}/values?from=2024-01-10&to=2024-01-20`);
    expect(january.map((v) => v.date)).toEqual(Array.from({ length: 11 }, (_, i) => `2024-01-${String(20 - i).padStart(2, '0')}`));
    expect((await b.ws.admin.get(`/api/v1/goals/kpis/${a.kpiId}/values`)).status).toBe(404);
  });
});

describe('the OpenAPI document', () => {
  interface Operation {
    parameters?: Array<{ in: string; name: string; description?: string }>;
    responses: Record<string, { content?: Record<string, { schema?: { type?: string; properties?: Record<string, unknown> } }> }>;
  }
  const document = async () => expectStatus(await a.ws.admin.get<{ paths: Record<string, { get?: Operation }> }>('/api/openapi.json'), 200);
  const answerOf = (op: Operation) => op.responses['200']?.content?.['application/json']?.schema;

  it('no list endpoint answers a bare array, and every page answer takes limit and cursor, described', async () => {
    const paths = (await document()).paths;
    const paged: string[] = [];
    for (const [path, { get }] of Object.entries(paths)) {
      if (!get || !path.startsWith('/api/v1/')) continue;
      const answer = answerOf(get);
      // Awareness is one entry per team of the two: a fixed size.
      if (path !== '/api/v1/goals/awareness') expect(answer?.type, `GET ${path} answers a bare array`).not.toBe('array');
      if (!answer?.properties || !('nextCursor' in answer.properties)) continue;
      paged.push(path);
      const query = (get.parameters ?? []).filter((p) => p.in === 'query');
      for (const name of ['limit', 'cursor']) {
        const param = query.find((p) => p.name === name);
        expect(param, `GET ${path} ?${name}`).toBeDefined();
        expect(param?.description, `GET ${path} ?${name} is described`).toBeTruthy();
      }
    }
    expect(paged.sort()).toEqual(
      [
        '/api/v1/audit',
        '/api/v1/channels/deliveries',
        '/api/v1/checkins/action-items',
        '/api/v1/checkins/meetings',
        '/api/v1/deals',
        '/api/v1/deals/column-presets',
        '/api/v1/deals/imports',
        '/api/v1/deals/imports/{id}/errors',
        '/api/v1/deals/owner-mappings',
        '/api/v1/goals/catalog',
        '/api/v1/goals/kpis',
        '/api/v1/goals/kpis/{id}/values',
        '/api/v1/goals/publications',
        '/api/v1/invites',
        '/api/v1/members',
        '/api/v1/messaging/evidence',
        '/api/v1/messaging/pains',
        '/api/v1/messaging/pieces',
        '/api/v1/messaging/pieces/reviewers',
        '/api/v1/notifications',
        '/api/v1/tokens',
        '/api/v1/wins',
        '/api/v1/wins/proposals',
      ].sort(),
    );
  });
});

