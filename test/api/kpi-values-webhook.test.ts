// SPEC S7: KPI values from an inbound webhook — API-token auth, the workspace's optional signing secret
// (HMAC-SHA256 over "<timestamp>.<raw body>", 5-minute window, replays refused across requests), the CSV's rules,
// and the secret's settings (admins, shown once, rotation that cannot race); on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newApiToken } from '../../src/server/auth.js';
import { newId } from '../../src/server/ids.js';
import { signWebhook } from '../../src/server/webhook-signature.js';
import type { KpiValuesImportView } from '../../src/capabilities/goals/routes/kpi-value-import.js';
import { createApp, type App } from '../../src/lockstep.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { Client, expectStatus } from '../helpers/client.js';
import { addMember, makeApiToken, makeKpi, makeWorkspace, utcDate, type KpiView, type Page, type TestMember, type TestWorkspace } from '../factories.js';

let t: TestApp;
/** A second instance on the same database, as a second server behind a load balancer would be. */
let second: App;
let adminToken: string;
let ws: TestWorkspace;
let other: TestWorkspace;
let marketingLead: TestMember;
let mqls: KpiView;
let admin: Client;
let lead: Client;
let otherAdmin: Client;

const HOOK = '/api/v1/hooks/kpi-values';
const SECRET_URL = '/api/v1/workspace/webhook-secret';
type SecretView = { set: boolean; prefix: string | null; createdAt: string | null; createdByName: string | null; secret?: string };

/** A body as bytes, exactly as it will be sent and signed. */
const bodyOf = (values: unknown[]) => JSON.stringify({ values });
const send = (by: Client, raw: string, headers: Record<string, string> = {}, query = '') =>
  by.request<KpiValuesImportView>('POST', `${HOOK}${query}`, { rawBody: raw, headers: { 'content-type': 'application/json', ...headers }, origin: null });
const signed = (secret: string, raw: string, at = Math.floor(Date.now() / 1000)) => ({
  'X-Lockstep-Timestamp': String(at),
  'X-Lockstep-Signature': `sha256=${signWebhook(secret, at, raw)}`,
});
const valuesOf = async (kpiId: string) => t.db.kysely.selectFrom('kpi_values').select(['date', 'value', 'source']).where('kpi_id', '=', kpiId).orderBy('date').execute();
const allValues = async () => Number((await t.db.kysely.selectFrom('kpi_values').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

/**
 * A token of a member who is not an admin, written straight to the table: only admins make tokens through the API
 * (a token acts as its maker), and the per-KPI rules need a token that acts as a team's lead or a seller.
 */
async function tokenInDb(workspaceId: string, memberId: string): Promise<string> {
  const { token, prefix, hash } = newApiToken();
  await t.db.kysely.insertInto('api_tokens').values({ id: newId(), workspace_id: workspaceId, member_id: memberId, name: 'Made in the test', token_hash: hash, prefix, created_at: new Date().toISOString(), last_used_at: null, revoked_at: null }).execute();
  return token;
}

beforeAll(async () => {
  t = await createTestApp({ shareable: true });
  second = await createApp(t.config);
  ws = await makeWorkspace(t);
  other = await makeWorkspace(t);
  marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mia Marketer' });
  mqls = await makeKpi(marketingLead.client, { team: 'marketing', name: 'MQLs', kind: 'mqls', period: 'month', target: 100 });
  adminToken = (await makeApiToken(ws, 'Warehouse sync')).token;
  admin = ws.admin.stranger().withToken(adminToken);
  lead = ws.admin.stranger().withToken(await tokenInDb(ws.id, marketingLead.member.id));
  otherAdmin = other.admin.stranger().withToken((await makeApiToken(other, 'Theirs')).token);
});

afterAll(async () => {
  await second?.close();
  await t?.close();
});

describe('POST /hooks/kpi-values without a signing secret', () => {
  it('records values by KPI name or id, dates or periods, written as people write them; the goals list shows them at once', async () => {
    const before = expectStatus(await ws.admin.get<Page<KpiView>>('/api/v1/goals/kpis?team=marketing'), 200).items.find((k) => k.id === mqls.id);
    const today = utcDate(0);
    const res = expectStatus(await send(admin, bodyOf([{ kpi: 'mqls', date: today, value: '1,000' }, { kpi: mqls.id, period: '2026-01', value: 12, note: 'January' }])), 200);
    expect(res).toMatchObject({ valid: 2, invalid: 0, recorded: 2, mode: 'all_or_nothing' });
    expect(await valuesOf(mqls.id)).toEqual([
      { date: '2026-01-01', value: 12, source: 'webhook' },
      { date: today, value: 1000, source: 'webhook' },
    ]);
    // The cached goals list (readCache) was invalidated by the write: the next read has this period's value.
    const after = expectStatus(await ws.admin.get<Page<KpiView>>('/api/v1/goals/kpis?team=marketing'), 200).items.find((k) => k.id === mqls.id);
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
    expect(JSON.stringify(after)).toContain('1000');
  });

  it('refuses a browser session, and a token of someone who may not record the KPI (per value)', async () => {
    const session = await ws.admin.request('POST', HOOK, { body: { values: [{ kpi: 'MQLs', date: utcDate(-1), value: 1 }] } });
    expect(session.status).toBe(403);
    expect(session.error?.message).toMatch(/takes an API token/);
    const seller = await addMember(t, ws, { role: 'leader', team: 'sales' });
    const sellerToken = ws.admin.stranger().withToken(await tokenInDb(ws.id, seller.member.id));
    const res = await send(sellerToken, bodyOf([{ kpi: 'MQLs', date: utcDate(-1), value: 1 }]));
    expect(res.status).toBe(400);
    expect((res.error?.details as KpiValuesImportView).errors[0]?.message).toMatch(/^You can't record values of MQLs/);
    const ok = expectStatus(await send(lead, bodyOf([{ kpi: 'MQLs', date: utcDate(-1), value: 2 }])), 200);
    expect(ok.recorded).toBe(1);
  });

  it("another workspace's token cannot write this workspace's KPIs, by id or by name", async () => {
    const before = await allValues();
    const res = await send(otherAdmin, bodyOf([{ kpi: mqls.id, date: utcDate(-2), value: 666 }, { kpi: 'MQLs', date: utcDate(-2), value: 666 }]), {}, '?mode=valid_rows');
    expect(res.status).toBe(200);
    expect(res.body.errors.map((e) => e.message)).toEqual([`No such KPI: "${mqls.id}". Use the name as the goals page shows it, or the KPI's id.`, 'No such KPI: "MQLs". Use the name as the goals page shows it, or the KPI\'s id.']);
    expect(await allValues()).toBe(before);
  });

  it('refuses bad bodies with 400 and writes nothing: too many values, wrong types, no JSON', async () => {
    const before = await allValues();
    const many = Array.from({ length: 1001 }, (_, i) => ({ kpi: 'MQLs', date: utcDate(-(i % 300) - 1), value: 1 }));
    for (const raw of [bodyOf(many), bodyOf([{ kpi: 'MQLs', date: utcDate(-1), value: { n: 1 } }]), bodyOf([]), '{"values":', 'null', bodyOf([{ kpi: 'MQLs', value: 1 }])]) {
      const res = await send(admin, raw);
      expect(res.status, res.text.slice(0, 200)).toBe(400);
      expect(res.error?.message.length).toBeGreaterThan(10);
    }
    expect(await allValues()).toBe(before);
  });
});

describe('the signing secret', () => {
  let secret: string;

  it('is made by admins only and shown once; its settings show only the prefix', async () => {
    expect((await marketingLead.client.post(SECRET_URL, { replacing: null })).status).toBe(403);
    expect((await marketingLead.client.get(SECRET_URL)).status).toBe(403);
    expect(expectStatus(await ws.admin.get<SecretView>(SECRET_URL), 200)).toEqual({ set: false, prefix: null, createdAt: null, createdByName: null });
    const made = expectStatus(await ws.admin.post<SecretView>(SECRET_URL, { replacing: null }), 201);
    expect(made.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    secret = made.secret!;
    const shown = expectStatus(await ws.admin.get<SecretView>(SECRET_URL), 200);
    expect(shown).toMatchObject({ set: true, prefix: secret.slice(0, 12), createdByName: 'Ada Admin' });
    expect(JSON.stringify(shown)).not.toContain(secret);
    // The other workspace has none of its own, and cannot see or change this one's.
    expect(expectStatus(await other.admin.get<SecretView>(SECRET_URL), 200).set).toBe(false);
  });

  it('then requires every call to be signed: unsigned, forged, stale, future and replayed calls answer 401 and write nothing', async () => {
    const before = await allValues();
    const raw = bodyOf([{ kpi: 'MQLs', date: utcDate(-3), value: 77 }]);
    const now = Math.floor(Date.now() / 1000);
    const refused: Array<[string, Record<string, string>, string, RegExp]> = [
      ['unsigned', {}, raw, /no X-Lockstep-Timestamp header/],
      ['another secret', signed('whsec_not_the_secret', raw), raw, /does not match/],
      ['tampered body', signed(secret, raw), raw.replace('77', '78'), /does not match/],
      ['stale', signed(secret, raw, now - 301), raw, /seconds in the past/],
      ['future', signed(secret, raw, now + 400), raw, /in the future/],
      ['malformed', { 'X-Lockstep-Timestamp': String(now), 'X-Lockstep-Signature': 'md5=abc' }, raw, /sha256=/],
    ];
    for (const [what, headers, body, message] of refused) {
      const res = await send(admin, body, headers);
      expect(res.status, what).toBe(401);
      expect(res.error?.message, what).toMatch(message);
    }
    expect(await allValues()).toBe(before);
    const headers = signed(secret, raw);
    expect(expectStatus(await send(admin, raw, headers), 200).recorded).toBe(1);
    const replay = await send(admin, raw, headers);
    expect(replay.status).toBe(401);
    expect(replay.error?.message).toMatch(/already received/);
    // Another token of the same workspace replaying it is refused too: the signature is what was seen.
    expect((await send(lead, raw, headers)).status).toBe(401);
    expect(await allValues()).toBe(before + 1);
  });

  it('a signature is checked before the body: a forged call with a bad body still answers 401', async () => {
    const res = await send(admin, bodyOf([{ kpi: 3 }]), { 'X-Lockstep-Timestamp': String(Math.floor(Date.now() / 1000)), 'X-Lockstep-Signature': `sha256=${'a'.repeat(64)}` });
    expect(res.status).toBe(401);
  });

  it('the replay is remembered in the database: a second instance refuses it too', async () => {
    const raw = bodyOf([{ kpi: 'MQLs', date: utcDate(-4), value: 5 }]);
    const headers = signed(secret, raw);
    expect((await send(admin, raw, headers)).status).toBe(200);
    const seen = await t.db.kysely.selectFrom('webhook_replays').select(['signature', 'expires_at']).where('workspace_id', '=', ws.id).execute();
    expect(seen.map((s) => s.signature)).toContain(headers['X-Lockstep-Signature'].slice(7));
    const replay = await send(new Client(second.server, adminToken), raw, headers);
    expect(replay.status).toBe(401);
    expect(replay.error?.message).toMatch(/already received/);
  });

  it('two identical signed calls at the same moment: one is recorded, the other answers 401, never a 500', async () => {
    for (let round = 0; round < 3; round++) {
      const raw = bodyOf([{ kpi: 'MQLs', date: utcDate(-10 - round), value: 40 + round }]);
      const headers = signed(secret, raw);
      const before = await allValues();
      // Two on this instance and one on the other, at the same moment.
      const answers = await Promise.all([send(admin, raw, headers), send(new Client(second.server, adminToken), raw, headers), send(lead, raw, headers)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 401, 401]);
      expect(await allValues()).toBe(before + 1);
    }
  });

  it('a value refused by the rules is not recorded, and the signature stays unused (nothing changed)', async () => {
    const raw = bodyOf([{ kpi: 'MQLs', date: utcDate(-5), value: -1 }]);
    const headers = signed(secret, raw);
    const res = await send(admin, raw, headers);
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/can't be negative/);
    expect((await t.db.kysely.selectFrom('webhook_replays').select('signature').where('signature', '=', headers['X-Lockstep-Signature'].slice(7)).execute()).length).toBe(0);
  });

  it('rotates only from the secret the admin saw: two rotations at once, one 201 and one 409; the old secret stops working', async () => {
    const prefix = secret.slice(0, 12);
    const [a, b] = await Promise.all([ws.admin.post<SecretView>(SECRET_URL, { replacing: prefix }), ws.admin.post<SecretView>(SECRET_URL, { replacing: prefix })]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const lost = a.status === 409 ? a : b;
    expect(lost.error?.message).toBe('Another admin changed the signing secret at the same moment; reload to see the current one.');
    const fresh = (a.status === 201 ? a : b).body.secret!;
    expect(fresh).not.toBe(secret);
    const raw = bodyOf([{ kpi: 'MQLs', date: utcDate(-6), value: 6 }]);
    expect((await send(admin, raw, signed(secret, raw))).status).toBe(401);
    expect((await send(admin, raw, signed(fresh, raw))).status).toBe(200);
    // Making one where one exists (replacing: null) is the same race, answered the same way.
    expect((await ws.admin.post(SECRET_URL, { replacing: null })).status).toBe(409);
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('workspace_id', '=', ws.id).where('action', 'like', 'webhook_secret.%').execute();
    expect(audit.map((x) => x.action).sort()).toEqual(['webhook_secret.created', 'webhook_secret.rotated']);
    const words = expectStatus(await ws.admin.get<{ items: Array<{ action: string; summary: string }> }>('/api/v1/audit?entityType=workspace'), 200).items;
    expect(words.filter((w) => w.action.startsWith('webhook_secret.')).map((w) => w.summary)).toEqual(['Ada Admin rotated the webhook signing secret', 'Ada Admin made a webhook signing secret']);
    secret = fresh;
  });

  it('removed, calls need no signature again; removing twice is harmless', async () => {
    expect((await marketingLead.client.delete(SECRET_URL)).status).toBe(403);
    const [x, y] = await Promise.all([ws.admin.delete<SecretView>(SECRET_URL), ws.admin.delete<SecretView>(SECRET_URL)]);
    expect([x.status, y.status]).toEqual([200, 200]);
    expect(x.body.set).toBe(false);
    const removed = await t.db.kysely.selectFrom('audit_log').select('action').where('workspace_id', '=', ws.id).where('action', '=', 'webhook_secret.removed').execute();
    expect(removed).toHaveLength(1);
    const raw = bodyOf([{ kpi: 'MQLs', date: utcDate(-7), value: 7 }]);
    expect((await send(admin, raw)).status).toBe(200);
  });
});
