// Tenant isolation (SPEC S0, S9): no request can read or change another workspace's data, and a foreign
// id answers 404. The test walks the app's registered route table, so a route added later is checked
// without anyone remembering to: every path parameter must resolve to one of workspace A's ids through
// ID_SOURCES below, or the route must be listed in EXCLUDED with a reason, or this file fails.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RouteEntry } from '../../src/server/app.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type ApiResponse, type Client } from '../helpers/client.js';
import type { AddMemberView, MemberView } from '../helpers/views.js';
import {
  addMember,
  changedInDb,
  makeApiToken,
  insertMeeting,
  makeActionItem,
  makeAgendaItem,
  makeDecision,
  makeInvite,
  makeKpi,
  makeNotification,
  makePublishedTeam,
  makeWeeklySeries,
  makeWorkspace,
  meetingsAround,
  PASSWORD,
  recordAttendance,
  uniqueEmail,
  utcDate,
  type KpiView,
  type TestMember,
  type TestWorkspace,
} from '../factories.js';
import { CUSTOM_MAPPING, HUBSPOT_DEALS, hubspotCsv, uploadAndCheck } from './deals-imports-fixtures.js';
import { generate, openNextQuarter } from './shadowing-fixtures.js';

/** Workspace A's data, made through the API; the sources below pick ids out of it. */
interface WorkspaceA {
  ws: TestWorkspace;
  member: TestMember;
  inviteId: string;
  tokenId: string;
  notificationId: string;
  /** A sales leader: only a team's leads create and publish its KPIs (A's admin is in leadership). */
  salesLead: TestMember;
  kpiId: string;
  publicationId: string;
  /** Check-ins (SPEC S2): A's series, its next meeting with an agenda item, a decision and an action item. */
  seriesId: string;
  meetingId: string;
  agendaItemId: string;
  decisionId: string;
  actionItemId: string;
}

/** A quorum A's and B's admins (leadership key players from sign-up) meet on their own. */
const LEADERSHIP_QUORUM = { requirements: [{ team: 'leadership' as const, min: 1, keyPlayersOnly: true }] };

/**
 * How to find one of A's ids for a path parameter. The key is the parameter's name, or for a bare
 * `:id` the path segment before it (`/members/:id` → `members`). A capability that adds a route with a
 * new kind of id adds a line here (creating the row through A's admin if need be).
 */
const ID_SOURCES: Record<string, (a: WorkspaceA) => string | Promise<string>> = {
  members: (a) => a.member.member.id,
  memberId: (a) => a.member.member.id,
  invites: (a) => a.inviteId,
  inviteId: (a) => a.inviteId,
  tokens: (a) => a.tokenId,
  tokenId: (a) => a.tokenId,
  notifications: (a) => a.notificationId,
  notificationId: (a) => a.notificationId,
  workspaces: (a) => a.ws.id,
  workspaceId: (a) => a.ws.id,
  kpis: (a) => a.kpiId,
  publications: (a) => a.publicationId,
  meetings: (a) => a.meetingId,
  'agenda-items': (a) => a.agendaItemId,
  decisions: (a) => a.decisionId,
  'action-items': (a) => a.actionItemId,
  // A membership A's admin added someone to, waiting for that person: nobody else may accept or decline it.
  invitations: async (a) => (pendingInvitation ??= await addedByAdmin(a.ws)),
  // Deal imports (issue 11): A's checked import and A's column preset.
  imports: async (a) => (aImportId ??= (await uploadAndCheck(a.ws.admin, 'a-deals.csv', hubspotCsv(HUBSPOT_DEALS))).id),
  'column-presets': async (a) => (aPresetId ??= expectStatus(await a.ws.admin.post<{ id: string }>('/api/v1/deals/column-presets', { name: 'A preset', mapping: CUSTOM_MAPPING }), 201).id),
  // A deal of A's, as an import would have written it.
  deals: async (a) => (aDealId ??= await insertDeal(a.ws.id)),
  // Messaging (issue 12): A's pain (its admin's), an evidence entry A's sales member logged on it, and A's admin's piece.
  pains: async (a) => (aPainId ??= await makePain(a.ws.admin, 'Inbound leads go cold before anyone calls them')),
  evidence: async (a) => (aEvidenceId ??= await makeEvidence(a.member.client, await ID_SOURCES.pains!(a))),
  pieces: async (a) => (aPieceId ??= await makePiece(a.ws.admin)),
  // Outbound channels (issue 13): A's Slack channel, and a dead letter of it (its test message, undeliverable).
  channels: async (a) => (aChannelId ??= await makeChannel(a.ws.admin)),
  deliveries: async (a) => (aDeliveryId ??= await makeDeadLetter(a.ws.admin, await ID_SOURCES.channels!(a))),
  // Wins (issue 13): A's admin's win, A's member's comment on it, and an open proposal of A's; an emoji is not an id.
  wins: async (a) => (aWinId ??= await makeWin(a.ws.admin, a.ws.adminMemberId)),
  commentId: async (a) => (aCommentId ??= await makeWinComment(a.member.client, await ID_SOURCES.wins!(a))),
  proposals: async (a) => (aProposalId ??= await insertProposal(a.ws.id, a.ws.adminMemberId)),
  emoji: () => 'tada',
  // Shadowing (issue 15): A's program of the next quarter, paired (A gets a marketer so both directions have people),
  // one of its pairs, and A's sales member as a participant.
  programs: async (a) => (await aShadowProgram(a)).programId,
  pairId: async (a) => (await aShadowProgram(a)).pairId,
  participantId: (a) => a.member.member.id,
};
let aShadow: { programId: string; pairId: string } | undefined;
async function aShadowProgram(a: WorkspaceA): Promise<{ programId: string; pairId: string }> {
  if (!aShadow) {
    await addMember(t, a.ws, { role: 'member', team: 'marketing' });
    aShadow = await makeShadowProgram(a.ws.admin);
  }
  return aShadow;
}
/** The next quarter's shadow program, opened and paired by `by` (a leader or admin). */
async function makeShadowProgram(by: Client): Promise<{ programId: string; pairId: string }> {
  const program = await openNextQuarter(by);
  const paired = await generate(by, program.id);
  return { programId: program.id, pairId: paired.pairs[0]!.id };
}
let aWinId: string | undefined;
let aCommentId: string | undefined;
let aProposalId: string | undefined;
let lastWin: string | undefined;
async function makeWin(by: Client, memberId: string): Promise<string> {
  lastWin = expectStatus(await by.post<{ id: string }>('/api/v1/wins', { kind: 'deal_won', title: 'A’s own win', wonOn: utcDate(-1), creditedMemberIds: [memberId] }), 201).id;
  return lastWin;
}
async function makeWinComment(by: Client, winId: string): Promise<string> {
  return expectStatus(await by.post<{ id: string }>(`/api/v1/wins/${winId}/comments`, { body: 'A’s own kudos' }), 201).id;
}
/** An open proposal, as the wins job writes one. */
async function insertProposal(workspaceId: string, memberId: string): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await t.db.kysely
    .insertInto('win_proposals')
    .values({ id, workspace_id: workspaceId, key: `deal:${id}`, kind: 'deal_won', title: 'A proposed win', story: '', won_on: utcDate(-2), credited_member_ids: JSON.stringify([memberId]), amount_cents: 1_000_000, deal_count: null, deal_ids: '[]', source_kind: 'deal', source_id: null, source_label: 'A deal', source_href: null, status: 'open', decided_by: null, decided_at: null, win_id: null, created_at: at, updated_at: at })
    .execute();
  await changedInDb(t);
  return id;
}
let aChannelId: string | undefined;
let aDeliveryId: string | undefined;
/** A Slack channel to 127.0.0.1:9, which refuses connections: its test messages are dead letters. */
async function makeChannel(by: Client): Promise<string> {
  const body = { kind: 'slack', name: `Channel ${Math.random().toString(36).slice(2, 8)}`, events: ['wins'], url: 'http://127.0.0.1:9/services/T/B/isolation' };
  return expectStatus(await by.post<{ id: string }>('/api/v1/channels', body), 201).id;
}
async function makeDeadLetter(by: Client, channelId: string): Promise<string> {
  return expectStatus(await by.post<{ deliveryId: string }>(`/api/v1/channels/${channelId}/test`), 200).deliveryId;
}
let aPainId: string | undefined;
let aEvidenceId: string | undefined;
let aPieceId: string | undefined;
async function makePain(by: Client, statement = `Own pain ${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  return expectStatus(await by.post<{ id: string }>('/api/v1/messaging/pains', { statement, severity: 4 }), 201).id;
}
async function makeEvidence(by: Client, painId: string | null = null): Promise<string> {
  return expectStatus(await by.post<{ id: string }>('/api/v1/messaging/evidence', { date: utcDate(-2), account: 'Acme', outcome: 'open', quote: 'We call back two days later.', painId }), 201).id;
}
async function makePiece(by: Client): Promise<string> {
  return expectStatus(await by.post<{ id: string }>('/api/v1/messaging/pieces', { title: 'Stop losing leads', channel: 'blog', body: 'Your inbound leads go cold before anyone calls them back.' }), 201).id;
}
let aDealId: string | undefined;
async function insertDeal(workspaceId: string): Promise<string> {
  const id = randomUUID();
  const now = new Date().toISOString();
  await t.db.kysely
    .insertInto('deals')
    .values({ id, workspace_id: workspaceId, external_id: `A-${id}`, origin: 'hubspot', name: 'A secret deal', stage: 'Closed Won', status: 'won', amount: 4_200_000, currency: 'USD', close_date: '2026-03-02', created_date: '2026-01-05', owner_name: null, owner_member_id: null, pipeline: null, source: 'Paid Search', marketing_sourced: 1, win_reason: null, loss_reason: null, last_import_id: null, created_at: now, updated_at: now })
    .execute();
  await changedInDb(t);
  return id;
}
let aImportId: string | undefined;
let aPresetId: string | undefined;
let pendingInvitation: string | undefined;
async function addedByAdmin(ws: TestWorkspace, email = uniqueEmail('waiting')): Promise<string> {
  const res = await ws.admin.post<AddMemberView>('/api/v1/members', { email, name: 'Wanda Waiting', team: 'sales' });
  return expectStatus(res, 201).member.id;
}

/** Routes whose parameter is not a workspace-owned id, with the reason they are not checked here. */
const EXCLUDED: Record<string, string> = {
  'GET /api/v1/invites/preview/:token':
    'the invite token is itself the secret that grants access (anyone holding the link may see it); it is not an id of a row of A; invites.test.ts covers unknown/expired/revoked tokens',
  'POST /api/v1/invites/accept/:token': 'same as the preview: the link is the credential; accepting it is how a person joins a workspace (invites.test.ts)',
  'GET /api/v1/calendar/:file':
    'the file name is the secret feed token (like an invite token, the URL is the credential, there is no session); it is not an id of a row of A; checkins-feed.test.ts covers unknown, regenerated, revoked and garbage names',
  // Their success needs what this walk does not give simply: a caller on sales and a piece in review, or a sales reviewer's id in the body.
  'POST /api/v1/messaging/pieces/:id/decisions':
    'a decision needs a sales member as the caller and a piece in review; messaging-pieces-guards.test.ts "another workspace" has an admin and a sales member of another workspace decide on this one\'s piece: 404, the piece unchanged',
  'POST /api/v1/messaging/pieces/:id/review-requests':
    'the body names sales reviewers of the caller\'s workspace; messaging-pieces-guards.test.ts "another workspace" asks for a review of this one\'s piece from another workspace (its admin and a sales member, naming their own reviewer): 404, the piece unchanged',
  // Shadow days: their success needs the caller to be the pair's guest or host, a day in the quarter that fits, an open proposal of the other one, two pairs.
  'POST /api/v1/shadowing/pairs/:pairId/propose-date':
    'the body is a day that must fit the pair (a workday of its quarter off the check-in day); shadowing.test.ts "another workspace" proposes a date on this one\'s pair from another workspace (an admin and a leader): 404, the pair unchanged',
  'POST /api/v1/shadowing/pairs/:pairId/accept-date':
    'only the other one of the pair\'s guest and host answers an open proposal; shadowing.test.ts "another workspace" accepts this one\'s proposal from another workspace: 404, the proposal still open',
  'POST /api/v1/shadowing/pairs/:pairId/decline-date':
    'as accept-date: the other one of guest and host, with an open proposal; shadowing.test.ts "another workspace" declines it from another workspace: 404, the proposal still open',
  'PUT /api/v1/shadowing/pairs/:pairId/reflection':
    'only the guest writes it, on or after the day; shadowing.test.ts "another workspace" writes one on this one\'s pair from another workspace: 404',
  'POST /api/v1/shadowing/programs/:id/swap':
    'the body names two pairs of the program; shadowing.test.ts "another workspace" swaps this one\'s pairs from another workspace: 404, the pairs unchanged',
};

/**
 * Bodies that make a mutation valid, so the call reaches the handler's lookup (a 400 would prove nothing).
 * A function gets the caller's own member id (an action item's owner must be one of the caller's members).
 */
const BODIES: Record<string, unknown> = {
  'PATCH /api/v1/members/:id': { role: 'viewer', team: 'marketing', function: 'Taken over', keyPlayer: true, active: false },
  'PATCH /api/v1/goals/kpis/:id': { name: 'Taken over', target: 1, rank: null, compensated: true, compWeight: 100 },
  'POST /api/v1/goals/kpis/:id/values': { values: [{ date: '2025-06-02', value: 99, note: 'forged' }] },
  'POST /api/v1/goals/kpis/:id/values/paste': { text: 'date,value\n2025-06-02,99' },
  'PATCH /api/v1/checkins/meetings/:id': { notes: 'Taken over' },
  'PUT /api/v1/checkins/meetings/:id/attendance': { present: [] },
  'POST /api/v1/checkins/meetings/:id/agenda-items': { title: 'Taken over', note: 'forged' },
  'POST /api/v1/checkins/meetings/:id/decisions': { text: 'Taken over' },
  'POST /api/v1/checkins/meetings/:id/action-items': (ownerId: string) => ({ title: 'Taken over', ownerId, dueDate: utcDate(365) }),
  'PATCH /api/v1/checkins/action-items/:id': { status: 'dropped', title: 'Taken over' },
  'PUT /api/v1/deals/imports/:id/mapping': { mapping: { externalId: 'Record ID', name: 'Deal Name', stage: 'Deal Stage', amount: 'Amount' } },
  'POST /api/v1/deals/imports/:id/commit': { mode: 'valid_rows' },
  'PATCH /api/v1/messaging/pains/:id': { statement: 'Taken over by B', severity: 1 },
  'PATCH /api/v1/messaging/evidence/:id': { account: 'Taken over', quote: 'Taken over by B.', outcome: 'lost' },
  'PATCH /api/v1/messaging/pieces/:id': { title: 'Taken over', body: 'Taken over by B.' },
  'POST /api/v1/messaging/pieces/:id/comments': { version: 1, body: 'Taken over' },
  // B's admin is a leader: past the gate with a reason, B's own draft is published; A's answers 404 first.
  'POST /api/v1/messaging/pieces/:id/publish': { overrideReason: 'Published from another workspace on purpose.' },
  'PATCH /api/v1/channels/:id': { name: 'Taken over', events: ['wins', 'kpi_publications'], url: 'https://hooks.slack.com/services/T/B/takenover' },
  'PATCH /api/v1/wins/:id': { title: 'Taken over', story: 'Taken over by B.' },
  'POST /api/v1/wins/:id/comments': { body: 'Taken over' },
  'PATCH /api/v1/shadowing/programs/:id/participants/:participantId': { capacity: 0, unavailableDates: [] },
  'POST /api/v1/shadowing/pairs/:pairId/pin': { pinned: true },
};

const routeKey = (r: Pick<RouteEntry, 'method' | 'url'>) => `${r.method} ${r.url}`;
const paramsOf = (url: string): Array<{ name: string; source: string }> => {
  const segments = url.split('/');
  return segments.flatMap((s, i) => {
    if (!s.startsWith(':')) return [];
    const name = s.slice(1);
    return [{ name, source: name === 'id' ? (segments[i - 1] ?? '') : name }];
  });
};

// The route table is known only once the app is built; build it while collecting so each route gets a test.
const t: TestApp = await createTestApp();
const paramRoutes = t.app.routes.filter((r) => r.url.includes('/:'));
const checkedRoutes = paramRoutes.filter((r) => !(routeKey(r) in EXCLUDED) && paramsOf(r.url).every((p) => p.source in ID_SOURCES));

let a: WorkspaceA;
let b: TestWorkspace;
let bMember: TestMember;
let aIds: string[];
let before: Snapshot;

type Snapshot = Record<string, unknown[]>;

/** Every row of A: each table with a workspace_id column, A's workspace row and its people's user rows. */
async function snapshotOf(workspaceId: string): Promise<Snapshot> {
  const k = t.db.kysely;
  const tables =
    t.db.dialect === 'sqlite'
      ? (
          await sql<{ name: string }>`select m.name as name from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table' and p.name = 'workspace_id' order by m.name`.execute(k)
        ).rows.map((r) => r.name)
      : (
          await sql<{ name: string }>`select table_name as name from information_schema.columns where column_name = 'workspace_id' and table_schema = current_schema() order by table_name`.execute(k)
        ).rows.map((r) => r.name);
  expect(tables).toContain('members');
  const snap: Snapshot = {};
  const sortRows = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
  for (const table of tables) {
    const rows = await sql`select * from ${sql.table(table)} where workspace_id = ${workspaceId}`.execute(k);
    snap[table] = sortRows(rows.rows);
  }
  snap.workspaces = sortRows((await sql`select * from workspaces where id = ${workspaceId}`.execute(k)).rows);
  snap.users = sortRows((await sql`select u.* from users u join members m on m.user_id = u.id where m.workspace_id = ${workspaceId}`.execute(k)).rows);
  return snap;
}

async function resolveUrl(url: string): Promise<string> {
  let out = url;
  for (const p of paramsOf(url)) {
    const source = ID_SOURCES[p.source];
    if (!source) throw new Error(`No id source for :${p.name} in ${url}`);
    out = out.replace(`:${p.name}`, encodeURIComponent(await source(a)));
  }
  return out;
}

function call(client: Client, route: RouteEntry, url: string, ownMemberId: string = b.adminMemberId): Promise<ApiResponse<unknown>> {
  const given = BODIES[routeKey(route)];
  const body = (typeof given === 'function' ? (given as (id: string) => unknown)(ownMemberId) : given) ?? (route.method === 'GET' || route.method === 'DELETE' ? undefined : {});
  return client.request(route.method as 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT', url, body === undefined ? {} : { body });
}

beforeAll(async () => {
  const ws = await makeWorkspace(t, { name: 'Workspace A' });
  const member = await addMember(t, ws, { role: 'member', team: 'sales' });
  const invite = await makeInvite(ws, { role: 'leader', team: 'marketing' });
  const token = await makeApiToken(ws);
  const notificationId = await makeNotification(t, ws.id, ws.adminMemberId);
  await makeNotification(t, ws.id, member.member.id);
  expectStatus(await ws.admin.patch(`/api/v1/members/${member.member.id}`, { managerId: ws.adminMemberId }), 200);
  const salesLead = await addMember(t, ws, { role: 'leader', team: 'sales' });
  const published = await makePublishedTeam(salesLead.client, 'sales');
  const series = await makeWeeklySeries(ws.admin, { weeksBack: 1, quorum: LEADERSHIP_QUORUM });
  const next = (await meetingsAround(ws.admin)).upcoming[0];
  if (!next) throw new Error('A has no upcoming meeting');
  const agendaItemId = await makeAgendaItem(ws.admin, next.id, 'A’s own agenda item');
  const decisionId = await makeDecision(ws.admin, next.id, 'A’s own decision');
  const actionItem = await makeActionItem(ws.admin, next.id, { title: 'A’s own action', ownerId: member.member.id, dueDate: utcDate(30) });
  a = {
    ws,
    member,
    inviteId: invite.id,
    tokenId: token.id,
    notificationId,
    salesLead,
    kpiId: published.kpi.id,
    publicationId: published.publication.id,
    seriesId: series.id,
    meetingId: next.id,
    agendaItemId,
    decisionId,
    actionItemId: actionItem.id,
  };

  b = await makeWorkspace(t, { name: 'Workspace B' });
  bMember = await addMember(t, b, { role: 'member', team: 'marketing' });
  await makeNotification(t, b.id, b.adminMemberId);

  // Resolve every id first (sources may create rows), then take the snapshot the calls must not change.
  for (const r of checkedRoutes) await resolveUrl(r.url);
  aIds = [
    ...[a.ws.id, a.ws.adminMemberId, a.ws.adminUserId, a.member.member.id, a.member.member.userId!, a.inviteId, a.tokenId, a.notificationId, a.salesLead.member.id, a.kpiId, a.publicationId],
    ...[a.seriesId, a.meetingId, a.agendaItemId, a.decisionId, a.actionItemId],
    ...[aPainId, aEvidenceId, aPieceId, aChannelId, aDeliveryId, aWinId, aCommentId, aProposalId, aShadow?.programId, aShadow?.pairId].filter((id): id is string => id !== undefined),
  ];
  before = await snapshotOf(a.ws.id);
});

afterAll(async () => {
  await t.close();
});

describe('tenant isolation over the whole route table', () => {
  it('every route with a path parameter is checked here or excluded with a reason', () => {
    const uncovered = paramRoutes
      .filter((r) => !(routeKey(r) in EXCLUDED))
      .flatMap((r) => paramsOf(r.url).filter((p) => !(p.source in ID_SOURCES)).map((p) => `${routeKey(r)} (:${p.name} → add "${p.source}" to ID_SOURCES, or the route to EXCLUDED with a reason)`));
    expect(uncovered, 'routes with an id parameter that the tenant-isolation test does not know').toEqual([]);
    const stale = Object.keys(EXCLUDED).filter((key) => !paramRoutes.some((r) => routeKey(r) === key));
    expect(stale, 'EXCLUDED lists routes that no longer exist').toEqual([]);
    for (const reason of Object.values(EXCLUDED)) expect(reason.length).toBeGreaterThan(20);
    expect(checkedRoutes.length).toBeGreaterThan(0);
  });

  it.for(checkedRoutes.map((r) => [routeKey(r), r] as const))('%s with workspace A ids answers 404 to an admin of B and changes nothing', async ([, route]) => {
    const url = await resolveUrl(route.url);
    const res = await call(b.admin, route, url);
    expect(res.status, `${route.method} ${url}: ${res.text.slice(0, 300)}`).toBe(404);
    expect(res.error?.code).toBe('not_found');
    for (const id of aIds) expect(res.text).not.toContain(id);
    // Through an API token of B the answer is the same.
    const bToken = await makeApiToken(b, `probe ${route.method}`);
    const viaToken = await call(t.client().withToken(bToken.token), route, url);
    expect(viaToken.status).toBe(404);
    expect(await snapshotOf(a.ws.id)).toEqual(before);
  });

  it('the same calls with B’s own ids reach the handler (the 404s above are not an artefact)', async () => {
    const throwaway = (await addMember(t, b, { role: 'member', team: 'sales' })).member.id;
    // Goals routes are for a team's leads: B's sales lead calls them, on a fresh KPI each time (one call archives it).
    const bLead = await addMember(t, b, { role: 'leader', team: 'sales' });
    const bPublished = await makePublishedTeam(bLead.client, 'sales');
    const goalsSources: Record<string, () => Promise<string>> = {
      kpis: async () => (await makeKpi(bLead.client, { team: 'sales', name: `Own KPI ${Math.random().toString(36).slice(2, 8)}`, kind: 'sqls' })).id,
      publications: async () => bPublished.publication.id,
    };
    // Check-ins: B's own series; each route gets a fresh meeting that started ten minutes ago with B's admin
    // present (so it can be marked held) and fresh items on B's next meeting (one call deletes them).
    const bSeriesId = (await makeWeeklySeries(b.admin, { weeksBack: 1, quorum: LEADERSHIP_QUORUM })).id;
    const bNext = (await meetingsAround(b.admin)).upcoming[0]!.id;
    let minutes = 10;
    const checkinSources: Record<string, () => Promise<string>> = {
      meetings: async () => {
        const id = await insertMeeting(t, bSeriesId, new Date(Date.now() - minutes++ * 60_000));
        await recordAttendance(b.admin, id, [b.adminMemberId]);
        return id;
      },
      'agenda-items': () => makeAgendaItem(b.admin, bNext),
      decisions: () => makeDecision(b.admin, bNext),
      'action-items': async () => (await makeActionItem(b.admin, bNext, { ownerId: b.adminMemberId, dueDate: utcDate(30) })).id,
    };
    const own: Record<string, string> = {
      members: throwaway,
      memberId: throwaway,
      workspaces: b.id,
      workspaceId: b.id,
      invites: (await makeInvite(b)).id,
      inviteId: (await makeInvite(b)).id,
      tokens: (await makeApiToken(b, 'own')).id,
      tokenId: (await makeApiToken(b, 'own')).id,
      notifications: await makeNotification(t, b.id, b.adminMemberId),
      notificationId: await makeNotification(t, b.id, b.adminMemberId),
    };
    // B's admin's own invitations, from a workspace of their own; answered in a separate session, since
    // accepting one moves the session there.
    // Deal imports: a fresh checked import of B's for each route (one call commits it, one cancels it), and a preset.
    const dealSources: Record<string, () => Promise<string>> = {
      imports: async () => (await uploadAndCheck(b.admin, 'b-deals.csv', hubspotCsv(HUBSPOT_DEALS))).id,
      'column-presets': async () => expectStatus(await b.admin.post<{ id: string }>('/api/v1/deals/column-presets', { name: `B preset ${Math.random().toString(36).slice(2, 8)}`, mapping: CUSTOM_MAPPING }), 201).id,
      deals: () => insertDeal(b.id),
    };
    // Messaging: a fresh pain, evidence entry and piece of B's for each route (one retires, one deletes, one publishes).
    const messagingSources: Record<string, () => Promise<string>> = {
      pains: () => makePain(b.admin),
      evidence: () => makeEvidence(b.admin),
      pieces: () => makePiece(b.admin),
    };
    // Channels: a fresh channel of B's for each route (one deletes it), and a fresh dead letter to retry.
    const channelSources: Record<string, () => Promise<string>> = {
      channels: () => makeChannel(b.admin),
      deliveries: async () => makeDeadLetter(b.admin, await makeChannel(b.admin)),
    };
    // Wins: a fresh win of B's for each route (one deletes it), a comment on the win just made, a fresh open proposal.
    const winSources: Record<string, () => Promise<string>> = {
      wins: () => makeWin(b.admin, b.adminMemberId),
      commentId: () => makeWinComment(b.admin, lastWin!),
      proposals: () => insertProposal(b.id, b.adminMemberId),
      emoji: async () => 'tada',
    };
    // Shadowing: B's next-quarter program (opened now, with B's marketer and sales lead taking part), one of its pairs,
    // and B's marketer as the participant changed.
    let bShadow: { programId: string; pairId: string } | undefined;
    const shadowSources: Record<string, () => Promise<string>> = {
      programs: async () => (bShadow ??= await makeShadowProgram(b.admin)).programId,
      pairId: async () => (bShadow ??= await makeShadowProgram(b.admin)).pairId,
      participantId: async () => bMember.member.id,
    };
    const invitationSources: Record<string, () => Promise<string>> = { invitations: async () => addedByAdmin(await makeWorkspace(t), b.admin.email!) };
    const bAdminElsewhere = t.client();
    expectStatus(await bAdminElsewhere.signIn(b.admin.email!, PASSWORD), 200);
    let reached = 0;
    for (const route of checkedRoutes) {
      const params = paramsOf(route.url);
      const sources = { ...goalsSources, ...checkinSources, ...invitationSources, ...dealSources, ...messagingSources, ...channelSources, ...winSources, ...shadowSources };
      if (!params.every((p) => p.source in own || p.source in sources)) continue; // a source added later: its own test proves the route works
      let url = route.url;
      for (const p of params) url = url.replace(`:${p.name}`, own[p.source] ?? (await sources[p.source]!()));
      const caller = params.some((p) => p.source in goalsSources) ? bLead.client : params.some((p) => p.source in invitationSources) ? bAdminElsewhere : b.admin;
      const res = await call(caller, route, url);
      reached++;
      expect(res.status, `${route.method} ${url}: ${res.text.slice(0, 300)}`).toBeLessThan(300);
    }
    expect(reached).toBe(checkedRoutes.length);
  });

  it('lists and reads without parameters never show A’s rows to B', async () => {
    const getRoutes = t.app.routes.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/') && !r.url.includes('/:'));
    expect(getRoutes.length).toBeGreaterThan(3);
    for (const who of [b.admin, bMember.client]) {
      for (const route of getRoutes) {
        const res = await who.get(route.url);
        expect(res.status, route.url).toBeLessThan(500);
        for (const id of aIds) expect(res.text, `${route.url} shows an id of workspace A`).not.toContain(id);
      }
    }
  });

  it('ids of A inside request bodies are refused too', async () => {
    const switched = await b.admin.post('/api/v1/me/workspace', { workspaceId: a.ws.id });
    expect(switched.status).toBe(404);
    expect((await b.admin.me()).workspace?.id).toBe(b.id);

    const manager = await b.admin.patch(`/api/v1/members/${bMember.member.id}`, { managerId: a.ws.adminMemberId });
    expect(manager.status).toBeGreaterThanOrEqual(400);
    expect(manager.status).toBeLessThan(500);
    expect((await b.admin.get<MemberView>(`/api/v1/members/${bMember.member.id}`)).body.managerId).toBeNull();

    const added = await b.admin.post('/api/v1/members', { email: 'someone@example.test', name: 'Some One', team: 'sales', managerId: a.member.member.id });
    expect(added.status).toBeGreaterThanOrEqual(400);
    expect(added.status).toBeLessThan(500);

    // Adding A's member (a person) to B by email is allowed: people may belong to several workspaces.
    // It must create a new member row in B, never touch A's.
    // Goals: A's member as a KPI owner, A's KPI in B's top three, A's KPI kind names nothing in B.
    const bLead = await addMember(t, b, { role: 'leader', team: 'sales' });
    const owned = await bLead.client.post('/api/v1/goals/kpis', { team: 'sales', name: 'Win rate', kind: 'win_rate', ownerMemberId: a.salesLead.member.id });
    expect(owned.status).toBe(400);
    expect(owned.error?.message).toMatch(/owner must be an active member of this workspace/);
    const ranked = await bLead.client.request('PUT', '/api/v1/goals/top-three', { body: { team: 'sales', kpiIds: [a.kpiId] } });
    expect(ranked.status).toBe(400);
    const bKpis = await bLead.client.get<{ items: KpiView[] }>('/api/v1/goals/kpis');
    expect(bKpis.body.items.map((k) => k.id)).not.toContain(a.kpiId);

    // Check-ins: A's member as an attendee of B's series, present at B's meeting, or owning B's action item.
    const attendees = await b.admin.request('PUT', '/api/v1/checkins/series', { body: { weekday: 'TU', localTime: '10:00', quorum: LEADERSHIP_QUORUM, attendeeIds: [b.adminMemberId, a.member.member.id] } });
    expect(attendees.status).toBe(400);
    expect(attendees.error?.message).toMatch(/active member of this workspace/);
    const bMeeting = (await meetingsAround(b.admin)).upcoming[0]!.id;
    const bSeries = (await b.admin.get<{ series: { id: string } }>('/api/v1/checkins/series')).body.series;
    const underWay = await insertMeeting(t, bSeries.id, new Date(Date.now() - 5 * 60_000));
    const present = await b.admin.request('PUT', `/api/v1/checkins/meetings/${underWay}/attendance`, { body: { present: [a.member.member.id] } });
    expect(present.status).toBe(400);
    expect(present.error?.message).toMatch(/active member of this workspace/);
    const owner = await b.admin.post(`/api/v1/checkins/meetings/${bMeeting}/action-items`, { title: 'Theirs', ownerId: a.member.member.id, dueDate: utcDate(30) });
    expect(owner.status).toBe(400);
    expect(owner.error?.message).toMatch(/owner must be a member of this workspace/);

    const joined = await b.admin.post<{ member: MemberView }>('/api/v1/members', { email: a.member.email, name: 'Ignored', team: 'sales' });
    expect(joined.status).toBe(201);
    expect(joined.body.member.id).not.toBe(a.member.member.id);
    expect(await snapshotOf(a.ws.id)).toEqual(before);
  });

  it('A’s session and A’s API token do not reach into B either', async () => {
    expect((await a.ws.admin.get(`/api/v1/members/${bMember.member.id}`)).status).toBe(404);
    const aToken = await makeApiToken(a.ws, 'reverse probe');
    const res = await t.client().withToken(aToken.token).get<{ items: MemberView[] }>('/api/v1/members');
    expect(res.status).toBe(200);
    expect(res.body.items.map((m) => m.id)).not.toContain(bMember.member.id);
  });
});
