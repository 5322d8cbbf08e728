// SPEC S7 "a full workspace JSON export (admins) that a test re-imports into an empty workspace and compares": a
// workspace with goals, check-ins and deals is exported, imported as a new workspace with fresh ids, exported again,
// and both documents are equal once ids are normalised. Secrets are never in it; members come back invited, never
// joined to an account by email; hostile and foreign documents are refused whole. Both databases.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { HUBSPOT_DEALS, hubspotCsv, uploadAndCheck } from './deals-imports-fixtures.js';
import { expectStatus, type Client } from '../helpers/client.js';
import type { MeView } from '../helpers/views.js';
import {
  addMember,
  makeActionItem,
  makeAgendaItem,
  makeApiToken,
  makeDecision,
  makeFeed,
  makeInvite,
  makeKpi,
  makeWeeklySeries,
  makeWorkspace,
  meetingsAround,
  publishTopThree,
  recordAttendance,
  utcDate,
  type TestMember,
  type TestWorkspace,
} from '../factories.js';

type Doc = { format: string; version: number; instance: string; workspace: Record<string, unknown>; tables: Record<string, Array<Record<string, unknown>>>; people: Array<{ member: string; email: string; name: string }> };
type Imported = { workspace: { id: string; name: string }; rows: number; invited: Array<{ name: string; email: string; setupUrl: string }> };

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let salesLead: TestMember;
let seller: TestMember;
let feedPath: string;

const exportOf = async (by: Client): Promise<{ doc: Doc; text: string }> => {
  const res = await by.get('/api/v1/workspace/export');
  expect(res.status, res.text.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="lockstep-workspace-\d{4}-\d{2}-\d{2}\.json"$/);
  return { doc: JSON.parse(res.text) as Doc, text: res.text };
};
const importDoc = (by: Client, doc: unknown) => by.request<Imported>('POST', '/api/v1/workspace/import', { rawBody: JSON.stringify(doc), headers: { 'content-type': 'application/json' } });
const count = async (table: 'workspaces' | 'members' | 'users' | 'kpis' | 'invites') => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
const counts = async () => Promise.all((['workspaces', 'members', 'users', 'kpis', 'invites'] as const).map(count));

/**
 * The document with every id replaced by a label that does not depend on its value: each table's rows sorted by what
 * they say, each row's id labelled by its place, and again with the references read as the labels of the last round
 * (so rows that differ only in what they refer to — attendance, a notification per member — sort the same way in
 * both documents); then every id anywhere replaced by its label. What differs by design is dropped: the export and
 * import entries of the audit log, and how members joined (the importer joined, the others wait: joined_at,
 * invited_name, user_id); an id the document does not hold (an audit entry's API token or invite, never exported)
 * is new in each workspace.
 */
function normalise(doc: Doc): unknown {
  const TOKEN = /[A-Za-z0-9][A-Za-z0-9_-]{7,}/g;
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const users = new Set((doc.tables.members ?? []).map((m) => String(m.user_id)));
  const tables: Record<string, Array<Record<string, unknown>>> = {};
  for (const [name, rows] of Object.entries(doc.tables)) {
    tables[name] = rows
      .filter((r) => !(name === 'audit_log' && (r.action === 'workspace.exported' || r.action === 'workspace.imported')))
      .map((r) => (name === 'members' ? Object.fromEntries(Object.entries(r).filter(([k]) => !['joined_at', 'invited_name', 'user_id'].includes(k))) : r));
  }
  let labels = new Map<string, string>([[String(doc.workspace.id), 'workspace']]);
  const relabel = (v: unknown, own?: unknown): unknown =>
    typeof v === 'string'
      ? v.replace(TOKEN, (x) => (x === own ? '#' : (labels.get(x) ?? (users.has(x) ? '?user' : UUID.test(x) ? '?' : x))))
      : Array.isArray(v)
        ? v.map((x) => relabel(x, own))
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, relabel(x, own)]))
          : v;
  for (let round = 0; round < 4; round++) {
    const next = new Map<string, string>([[String(doc.workspace.id), 'workspace']]);
    for (const name of Object.keys(tables).sort()) {
      const keyed = tables[name]!.map((r) => ({ r, key: JSON.stringify(relabel(r, r.id)) })).sort((a, b) => a.key.localeCompare(b.key));
      keyed.forEach(({ r }, i) => typeof r.id === 'string' && next.set(r.id, `${name}#${i}`));
    }
    labels = next;
  }
  const out = Object.fromEntries(Object.entries(tables).map(([name, rows]) => [name, rows.map((r) => relabel(r)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))]));
  const people = doc.people.map((p) => ({ ...p, member: labels.get(p.member) })).sort((a, b) => a.email.localeCompare(b.email));
  const workspace = Object.fromEntries(Object.entries(doc.workspace).filter(([k]) => k !== 'id'));
  return { format: doc.format, version: doc.version, workspace: relabel(workspace), tables: out, people };
}

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { adminName: 'Ada Admin', timeZone: 'Europe/Berlin' });
  other = await makeWorkspace(t);
  salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Seller' });
  const marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mia Marketer' });
  seller = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
  expectStatus(await ws.admin.patch(`/api/v1/members/${seller.member.id}`, { managerId: salesLead.member.id, keyPlayer: true }), 200);
  expectStatus(await ws.admin.patch(`/api/v1/members/${salesLead.member.id}`, { keyPlayer: true }), 200);
  expectStatus(await ws.admin.patch(`/api/v1/members/${marketingLead.member.id}`, { keyPlayer: true }), 200);
  // Goals: a custom kind, KPIs with values, the top three published, expectations.
  expectStatus(await marketingLead.client.post('/api/v1/goals/catalog', { name: 'Webinar signups', unit: 'count', direction: 'higher', description: 'People who registered.' }), 201);
  const kinds = await t.db.kysely.selectFrom('kpi_kinds').select('key').where('workspace_id', '=', ws.id).execute();
  const winRate = await makeKpi(salesLead.client, { team: 'sales', name: 'Win rate', kind: 'win_rate', rank: 1, target: 30, ownerMemberId: seller.member.id });
  const webinars = await makeKpi(marketingLead.client, { team: 'marketing', name: 'Webinar signups', kind: kinds[0]!.key, rank: 1, target: 200 });
  expectStatus(await salesLead.client.post(`/api/v1/goals/kpis/${winRate.id}/values`, { values: [{ date: utcDate(-3), value: 25, note: 'From the CRM' }, { date: utcDate(-40), value: 22, note: null }] }), 200);
  expectStatus(await marketingLead.client.post(`/api/v1/goals/kpis/${webinars.id}/values`, { values: [{ date: utcDate(-2), value: 40, note: null }] }), 200);
  await publishTopThree(salesLead.client, 'sales', 'First cut');
  await publishTopThree(marketingLead.client, 'marketing');
  expectStatus(await seller.client.request('PUT', '/api/v1/goals/expectations/mine', { body: { items: [{ text: 'More webinars' }, { kind: 'mqls' }, { text: 'Case studies' }] } }), 200);
  // Check-ins: a series, attendance, an agenda item, a decision and action items.
  await makeWeeklySeries(ws.admin, { weeksBack: 2, quorum: { requirements: [{ team: 'leadership', min: 1, keyPlayersOnly: true }] } });
  const { past, upcoming } = await meetingsAround(ws.admin);
  await recordAttendance(ws.admin, past[0]!.id, [ws.adminMemberId, salesLead.member.id]);
  await makeDecision(ws.admin, past[0]!.id, 'Ship the lost-deal list weekly');
  await makeActionItem(ws.admin, past[0]!.id, { title: 'Send the lost-deal list', ownerId: seller.member.id, dueDate: utcDate(5) });
  await makeAgendaItem(ws.admin, upcoming[0]!.id, 'Talk about the webinar', 'Numbers are in');
  // Deals (the room's tables, written as an import would): a finished import, and a deal it wrote with a matched
  // owner. Deals have no foreign keys (decision 059): the export must still know both columns are references.
  const now = new Date().toISOString();
  const importId = randomUUID();
  await t.db.kysely.insertInto('deal_imports').values({ id: importId, workspace_id: ws.id, filename: 'hubspot.csv', status: 'done', created_at: now, updated_at: now, finished_at: now } as never).execute();
  await t.db.kysely
    .insertInto('deals')
    .values({ id: randomUUID(), workspace_id: ws.id, external_id: 'HS-1', origin: 'hubspot', name: 'Acme renewal', stage: 'Closed Won', status: 'won', amount: 1_250_000, currency: 'USD', close_date: utcDate(-5), created_date: utcDate(-60), owner_name: 'Sam Seller', owner_member_id: salesLead.member.id, pipeline: 'default', source: 'Webinar', marketing_sourced: 1, win_reason: 'Fast onboarding', loss_reason: null, last_import_id: importId, created_at: now, updated_at: now } as never)
    .execute();
  // Secrets that must never leave: a token, an invite, a calendar feed, a webhook secret.
  await makeApiToken(ws, 'Warehouse');
  await makeInvite(ws, { email: 'pending@example.test' });
  feedPath = await makeFeed(ws.admin);
  expectStatus(await ws.admin.post('/api/v1/workspace/webhook-secret', { replacing: null }), 201);
});

afterAll(async () => {
  await t.close();
});

describe('GET /workspace/export', () => {
  it('holds every table with a workspace_id but the secret ones, and no secret anywhere', async () => {
    const { doc, text } = await exportOf(ws.admin);
    expect(doc).toMatchObject({ format: 'lockstep.workspace-export', version: 1, instance: 'http://localhost:3000' });
    expect(doc.workspace).toMatchObject({ id: ws.id, name: ws.name, time_zone: 'Europe/Berlin' });
    for (const table of ['members', 'kpis', 'kpi_values', 'kpi_kinds', 'publications', 'expectations', 'checkin_series', 'meetings', 'meeting_attendance', 'decisions', 'action_items', 'agenda_items', 'audit_log', 'deals']) {
      expect(doc.tables[table]?.length ?? 0, table).toBeGreaterThan(0);
    }
    for (const secret of ['sessions', 'api_tokens', 'invites', 'calendar_feeds', 'webhook_secrets', 'webhook_replays', 'outbox', 'channels', 'users', 'rate_limits', 'read_versions']) {
      expect(doc.tables[secret], secret).toBeUndefined();
    }
    const hashes = await t.db.kysely.selectFrom('api_tokens').select('token_hash').execute();
    const secrets = [ws.admin.cookie('lockstep_session')!, feedPath.split('/').pop()!.replace('.ics', ''), ...hashes.map((h) => h.token_hash)];
    const whsec = await t.db.kysely.selectFrom('webhook_secrets').select('secret').executeTakeFirstOrThrow();
    for (const s of [...secrets, whsec.secret, 'password_hash', '$argon2']) expect(text, s.slice(0, 12)).not.toContain(s);
    expect(doc.people.map((p) => p.name).sort()).toEqual(['Ada Admin', 'Mia Marketer', 'Rae Rep', 'Sam Seller']);
    // Nothing of another workspace.
    expect(text).not.toContain(other.id);
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('workspace_id', '=', ws.id).where('action', '=', 'workspace.exported').execute();
    expect(audit.length).toBeGreaterThan(0);
    const words = expectStatus(await ws.admin.get<{ items: Array<{ action: string; summary: string }> }>('/api/v1/audit?entityType=workspace'), 200).items;
    expect(words.find((w) => w.action === 'workspace.exported')?.summary).toBe('Ada Admin downloaded the whole workspace as a JSON export');
  });

  it('is for admins only', async () => {
    for (const who of [salesLead.client, seller.client]) {
      expect((await who.get('/api/v1/workspace/export')).status).toBe(403);
      expect((await importDoc(who, (await exportOf(ws.admin)).doc)).status).toBe(403);
    }
    expect((await t.client().get('/api/v1/workspace/export')).status).toBe(401);
  });
});

describe('POST /workspace/import', () => {
  it('re-imports into a new workspace with fresh ids; exported again, the two documents are equal', async () => {
    const { doc } = await exportOf(ws.admin);
    const res = await importDoc(ws.admin, doc);
    expect(res.status, res.text.slice(0, 400)).toBe(201);
    const made = res.body;
    expect(made.workspace.name).toBe(ws.name);
    expect(made.workspace.id).not.toBe(ws.id);
    expect(made.invited.map((i) => i.name).sort()).toEqual(['Mia Marketer', 'Rae Rep', 'Sam Seller']);
    // The importer owns it: switch to it and export it.
    const again = ws.admin.clone();
    expectStatus(await again.post<MeView>('/api/v1/me/workspace', { workspaceId: made.workspace.id }), 200);
    const second = (await exportOf(again)).doc;
    const oldIds = [ws.id, ...Object.values(doc.tables).flatMap((rows) => rows.map((r) => String(r.id ?? '')))].filter((x) => x.length > 8);
    const secondText = JSON.stringify(second);
    for (const id of oldIds) expect(secondText, `old id ${id} left in the new workspace`).not.toContain(id);
    expect(normalise(second)).toEqual(normalise(doc));
    // The deal's owner and import are the new workspace's own rows, though no foreign key names them.
    const deal = await t.db.kysely.selectFrom('deals').select(['owner_member_id', 'last_import_id']).where('workspace_id', '=', made.workspace.id).where('external_id', '=', 'HS-1').executeTakeFirstOrThrow();
    const owner = await t.db.kysely.selectFrom('members').select('workspace_id').where('id', '=', deal.owner_member_id!).executeTakeFirstOrThrow();
    const batch = await t.db.kysely.selectFrom('deal_imports').select(['workspace_id', 'filename']).where('id', '=', deal.last_import_id!).executeTakeFirstOrThrow();
    expect([owner.workspace_id, batch]).toEqual([made.workspace.id, { workspace_id: made.workspace.id, filename: 'hubspot.csv' }]);
    // The others wait for their people: invited, not joined to their accounts.
    const members = await t.db.kysely.selectFrom('members').select(['user_id', 'joined_at', 'role']).where('workspace_id', '=', made.workspace.id).execute();
    expect(members.filter((m) => m.joined_at !== null)).toEqual([{ user_id: ws.adminUserId, joined_at: expect.any(String), role: 'admin' }]);
    const sam = await salesLead.client.me();
    expect(sam.invitations?.map((i) => i.workspaceName)).toContain(ws.name);
    expect((await salesLead.client.post('/api/v1/me/workspace', { workspaceId: made.workspace.id })).status).toBe(404);
    const log = expectStatus(await again.get<{ items: Array<{ action: string; summary: string }> }>('/api/v1/audit?entityType=workspace'), 200).items;
    expect(log.find((w) => w.action === 'workspace.imported')?.summary).toBe('Ada Admin made this workspace from an export of http://localhost:3000');
  });

  it('takes a document from another Lockstep (ids it has never seen), the importer new to it', async () => {
    const { doc } = await exportOf(ws.admin);
    const text = JSON.stringify({ ...doc, instance: 'https://lockstep.elsewhere.example' });
    const fresh = new Map<string, string>();
    const foreign = JSON.parse(text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, (id) => fresh.get(id) ?? (fresh.set(id, randomUUID()), fresh.get(id)!))) as Doc;
    // Imported by the other workspace's admin, who is not in it: they own it, and all four are invited.
    const res = await importDoc(other.admin, foreign);
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    expect(res.body.invited).toHaveLength(4);
    const owner = await t.db.kysely.selectFrom('members').select(['role', 'team', 'joined_at']).where('workspace_id', '=', res.body.workspace.id).where('user_id', '=', other.adminUserId).executeTakeFirstOrThrow();
    expect(owner).toMatchObject({ role: 'admin', team: 'leadership' });
    expect(owner.joined_at).not.toBeNull();
  });

  it('a deal import not finished at export time comes in failed, with a sentence, not waiting for a file it lacks', async () => {
    const checked = await uploadAndCheck(ws.admin, 'half-way.csv', hubspotCsv(HUBSPOT_DEALS));
    expect(checked.status).toBe('validated');
    const { doc } = await exportOf(ws.admin);
    const res = await importDoc(other.admin, doc);
    expect(res.status, res.text.slice(0, 300)).toBe(201);
    const imported = await t.db.kysely.selectFrom('deal_imports').select(['status', 'error', 'finished_at']).where('workspace_id', '=', res.body.workspace.id).where('filename', '=', 'half-way.csv').executeTakeFirstOrThrow();
    expect(imported.status).toBe('failed');
    expect(imported.error).toMatch(/had not finished when the workspace was exported/);
    expect(imported.finished_at).not.toBeNull();
    expectStatus(await ws.admin.delete(`/api/v1/deals/imports/${checked.id}`), 200);
  });

  it('refuses tampered, foreign-pointing, unknown and oversized documents with a sentence, writing nothing', async () => {
    const { doc } = await exportOf(ws.admin);
    const otherMember = other.me.member!.id;
    const withKpi = (patch: Record<string, unknown>) => ({ ...doc, tables: { ...doc.tables, kpis: doc.tables.kpis!.map((k, i) => (i === 0 ? { ...k, ...patch } : k)) } });
    const cases: Array<[string, unknown, RegExp]> = [
      ['not an export', { hello: 'world' }, /not a Lockstep workspace export/],
      ['another version', { ...doc, version: 2 }, /format version 2; this Lockstep reads version 1/],
      ['a reference into another workspace', withKpi({ owner_member_id: otherMember }), /Row 1 of kpis: owner_member_id refers to a row of members that is not in the export/],
      ['a row of another workspace', withKpi({ workspace_id: other.id }), /belongs to another workspace/],
      ['an unknown table', { ...doc, tables: { ...doc.tables, sessions: [{ id: 'x' }] } }, /table "sessions" this Lockstep does not know/],
      ['an unknown column', withKpi({ is_admin: 1 }), /column "is_admin"/],
      ['a wrong type', withKpi({ target: 'lots' }), /target must be a number/],
      ['a missing person', { ...doc, people: doc.people.slice(1) }, /has no person/],
      ['the same id twice', { ...doc, tables: { ...doc.tables, kpis: [...doc.tables.kpis!, doc.tables.kpis![0]!] } }, /on two rows/],
      ['a bad time zone', { ...doc, workspace: { ...doc.workspace, time_zone: 'Mars/Olympus' } }, /time zone/],
    ];
    const before = await counts();
    for (const [what, body, message] of cases) {
      const res = await importDoc(ws.admin, body);
      expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(400);
      expect(res.error?.message, what).toMatch(message);
    }
    const huge = Buffer.alloc(65 * 1024 * 1024, 0x20);
    const big = await ws.admin.request('POST', '/api/v1/workspace/import', { rawBody: huge, headers: { 'content-type': 'application/json' } });
    expect(big.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it('two imports of one document at the same moment: each a workspace of its own or a 409, never a 500', async () => {
    const { doc } = await exportOf(ws.admin);
    const answers = await Promise.all([importDoc(ws.admin, doc), importDoc(ws.admin, doc)]);
    for (const a of answers) expect([201, 409], a.text.slice(0, 300)).toContain(a.status);
    const ids = answers.filter((a) => a.status === 201).map((a) => a.body.workspace.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
