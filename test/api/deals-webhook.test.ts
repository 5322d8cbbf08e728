// SPEC S7 "Inbound webhook for … deal updates": POST /hooks/deals with an API token of an admin or leader, the
// workspace's optional signing secret (the same scheme as the KPI values hook, decision 031), each deal checked as an
// import row is and upserted by external id; computed KPIs follow. On SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiToken } from '../../src/server/auth.js';
import { newId } from '../../src/server/ids.js';
import { signWebhook } from '../../src/server/webhook-signature.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { addMember, makeApiToken, makeKpi, makeWorkspace, type KpiView, type TestMember, type TestWorkspace } from '../factories.js';

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let salesLead: TestMember;
let seller: TestMember;
let admin: Client;
let pipeline: KpiView;

const HOOK = '/api/v1/hooks/deals';
interface HookView {
  received: number;
  valid: number;
  invalid: number;
  inserted: number;
  updated: number;
  unchanged: number;
  unmatchedOwners: Array<{ name: string; rows: number }>;
  errors: Array<{ row: number; column: string | null; message: string }>;
}
const send = (by: Client, deals: unknown[], headers: Record<string, string> = {}, query = '') => {
  const raw = JSON.stringify({ deals });
  return by.request<HookView>('POST', `${HOOK}${query}`, { rawBody: raw, headers: { 'content-type': 'application/json', ...headers }, origin: null });
};
const dealsOf = (workspaceId: string) => t.db.kysely.selectFrom('deals').select(['external_id', 'name', 'stage', 'status', 'amount', 'close_date', 'owner_member_id', 'origin']).where('workspace_id', '=', workspaceId).orderBy('external_id').execute();

async function tokenInDb(workspaceId: string, memberId: string): Promise<string> {
  const { token, prefix, hash } = newApiToken();
  await t.db.kysely.insertInto('api_tokens').values({ id: newId(), workspace_id: workspaceId, member_id: memberId, name: 'Made in the test', token_hash: hash, prefix, created_at: new Date().toISOString(), last_used_at: null, revoked_at: null }).execute();
  return token;
}

const thisQuarterDay = new Date().toISOString().slice(0, 10);
const won = (id: string, amount: number | string, extra: Record<string, unknown> = {}) => ({ externalId: id, name: `Deal ${id}`, stage: 'Closed Won', amount, closeDate: thisQuarterDay, createdDate: thisQuarterDay, ...extra });

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t);
  other = await makeWorkspace(t);
  salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sal Lead', email: `sal-${newId().slice(0, 6)}@acme.example` });
  seller = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rita Rep' });
  admin = ws.admin.stranger().withToken((await makeApiToken(ws, 'CRM workflow')).token);
  pipeline = await makeKpi(salesLead.client, { team: 'sales', name: 'Pipeline generated', kind: 'pipeline_generated', period: 'quarter', dataSource: 'deals', target: 100_000 });
});
afterAll(async () => {
  await t?.close();
});

describe('POST /hooks/deals', () => {
  it('creates deals, then updates them by external id; the computed KPI follows', async () => {
    const first = expectStatus(await send(admin, [won('HK-1', '$12,500', { owner: 'Sal Lead' }), won('HK-2', 7500)]), 200);
    expect(first).toMatchObject({ received: 2, valid: 2, invalid: 0, inserted: 2, updated: 0, unchanged: 0 });
    const rows = await dealsOf(ws.id);
    expect(rows.map((r) => [r.external_id, r.amount, r.status, r.origin])).toEqual([
      ['HK-1', 1_250_000, 'won', 'webhook'],
      ['HK-2', 750_000, 'won', 'webhook'],
    ]);
    expect(rows[0]!.owner_member_id).toBe(salesLead.member.id);
    const again = expectStatus(await send(admin, [won('HK-1', '$12,500', { owner: 'Sal Lead' }), won('HK-2', 9000)]), 200);
    expect(again).toMatchObject({ inserted: 0, updated: 1, unchanged: 1 });
    const detail = expectStatus(await salesLead.client.get<{ kpi: KpiView & { current: { actual: number | null } } }>(`/api/v1/goals/kpis/${pipeline.id}`), 200);
    expect(detail.kpi.current.actual).toBe(1_250_000 + 900_000);
  });

  it('all or nothing by default: one bad deal writes none and says which and why', async () => {
    const before = await dealsOf(ws.id);
    const res = await send(admin, [won('HK-3', 100), { externalId: 'HK-4', name: 'No stage' }, won('HK-5', 100, { closeDate: '2026-02-30' })]);
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/2 of the 3 deals have errors, so none was written/);
    const details = (res.error?.details as { errors: HookView['errors'] }).errors;
    expect(details.map((e) => e.row).sort()).toEqual([2, 3]);
    expect(details.find((e) => e.row === 3)?.message).toMatch(/February 2026 has 28 days/);
    expect(await dealsOf(ws.id)).toEqual(before);
    const some = expectStatus(await send(admin, [won('HK-3', 100), { externalId: 'HK-4', name: 'No stage' }], {}, '?mode=valid_rows'), 200);
    expect(some).toMatchObject({ valid: 1, invalid: 1, inserted: 1 });
  });

  it('refuses bad calls with a sentence and writes nothing: no deals, too many, unknown fields, a session instead of a token', async () => {
    const before = await dealsOf(ws.id);
    expect((await send(admin, [])).status).toBe(400);
    expect((await send(admin, Array.from({ length: 1001 }, (_, i) => won(`X-${i}`, 1)))).status).toBe(400);
    expect((await send(admin, [{ ...won('HK-9', 1), region: 'EMEA' }])).status).toBe(400);
    const bySession = await ws.admin.request('POST', HOOK, { body: { deals: [won('HK-9', 1)] } });
    expect(bySession.status).toBe(403);
    expect(bySession.text).toMatch(/takes an API token/);
    expect(await dealsOf(ws.id)).toEqual(before);
  });

  it('is for admins and leaders: a member’s token is refused', async () => {
    const memberToken = ws.admin.stranger().withToken(await tokenInDb(ws.id, seller.member.id));
    expect((await send(memberToken, [won('HK-10', 1)])).status).toBe(403);
    const leadToken = ws.admin.stranger().withToken(await tokenInDb(ws.id, salesLead.member.id));
    expectStatus(await send(leadToken, [won('HK-10', 1)]), 200);
  });

  it('another workspace’s token writes only its own deals, and owners match only its own members', async () => {
    const theirs = other.admin.stranger().withToken((await makeApiToken(other, 'Theirs')).token);
    const mine = await dealsOf(ws.id);
    // The same external id as one of ours, and our lead's name and email as owner.
    const res = expectStatus(await send(theirs, [won('HK-1', 1, { owner: 'Sal Lead', ownerEmail: salesLead.email ?? '' })]), 200);
    expect(res).toMatchObject({ inserted: 1, updated: 0 });
    expect(res.unmatchedOwners).toEqual([{ name: 'Sal Lead', rows: 1 }]);
    expect(await dealsOf(ws.id)).toEqual(mine);
    const theirsNow = await dealsOf(other.id);
    expect(theirsNow).toHaveLength(1);
    expect(theirsNow[0]!.owner_member_id).toBeNull();
  });

  it('with a signing secret: signed calls pass once; unsigned, forged, stale and replayed ones answer 401 and write nothing', async () => {
    const created = expectStatus(await ws.admin.post<{ secret: string }>('/api/v1/workspace/webhook-secret', { replacing: null }), 201);
    const raw = JSON.stringify({ deals: [won('HK-S1', 100)] });
    const sign = (at: number, body = raw) => ({ 'X-Lockstep-Timestamp': String(at), 'X-Lockstep-Signature': `sha256=${signWebhook(created.secret, at, body)}` });
    const post = (headers: Record<string, string>, body = raw) => admin.request<HookView>('POST', HOOK, { rawBody: body, headers: { 'content-type': 'application/json', ...headers }, origin: null });
    const now = Math.floor(Date.now() / 1000);
    const before = await dealsOf(ws.id);
    expect((await post({})).status).toBe(401);
    expect((await post(sign(now - 600))).status).toBe(401);
    expect((await post(sign(now), JSON.stringify({ deals: [won('HK-S1', 999_999)] }))).status).toBe(401);
    expect(await dealsOf(ws.id)).toEqual(before);
    const headers = sign(now);
    const [a, b] = await Promise.all([post(headers), post(headers)]);
    expect([a.status, b.status].sort()).toEqual([200, 401]);
    expect((await dealsOf(ws.id)).filter((d) => d.external_id === 'HK-S1')).toHaveLength(1);
    expect((await post(headers)).status).toBe(401);
    expectStatus(await ws.admin.request('DELETE', '/api/v1/workspace/webhook-secret'), 200);
  });
});
