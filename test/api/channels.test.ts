// The channels routes (issue 13): validation in words, secrets write-only, another workspace's channels and
// deliveries out of reach (404), and concurrent adds and tests answering 2xx/409, never 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { addMember, makeWorkspace, type TestWorkspace } from '../factories.js';
import { webhookReceiver, type WebhookReceiver } from './channels-receivers.js';

interface ChannelView {
  id: string;
  kind: string;
  name: string;
  hint: string;
  events: string[];
  enabled: boolean;
  status: string;
  smtp: { host: string; port: number; security: string; user: string | null; from: string; passwordSaved: boolean } | null;
  settingsProblem: string | null;
}
interface TestResult {
  delivered: boolean;
  status: string;
  error: string | null;
  recipient: string | null;
  deliveryId: string;
}

let t: TestApp;
let prod: TestApp;
let ws: TestWorkspace;
let hook: WebhookReceiver;

beforeAll(async () => {
  t = await createTestApp();
  prod = await createTestApp({ config: { production: true } });
  ws = await makeWorkspace(t);
  hook = await webhookReceiver();
});
afterAll(async () => {
  await hook?.close();
  await prod?.close();
  await t?.close();
});

const SLACK = 'https://hooks.slack.com/services/T0001/B0001/abcdEFGHijkl1234';
const smtp = { host: 'smtp.example.com', port: 587, security: 'starttls', user: 'ana@example.com', password: 'hunter2-very-secret', from: 'Lockstep <lockstep@example.com>' };
let seq = 0;
const name = (p: string) => `${p} ${seq++}`;

describe('adding a channel', () => {
  it('refuses bad settings with a sentence naming what to fix', async () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ kind: 'slack', name: name('s'), url: 'http://hooks.slack.com/services/x' }, /must start with https:\/\//],
      [{ kind: 'slack', name: name('s'), url: 'https://example.com/services/x' }, /hooks\.slack\.com/],
      [{ kind: 'slack', name: name('s'), url: 'not a url' }, /not a web address/],
      [{ kind: 'slack', name: name('s') }, /needs its incoming webhook URL/],
      [{ kind: 'slack', name: name('s'), url: SLACK, smtp }, /not SMTP settings/],
      [{ kind: 'teams', name: name('t'), url: 'https://evil.example/webhook.office.com/x' }, /webhook\.office\.com/],
      [{ kind: 'teams', name: name('t'), url: 'https://user:pw@acme.webhook.office.com/x' }, /user name or password/],
      [{ kind: 'email', name: name('e') }, /needs its SMTP server/],
      [{ kind: 'email', name: name('e'), url: SLACK }, /not a webhook URL/],
      [{ kind: 'email', name: name('e'), smtp: { ...smtp, port: 0 } }, /port/i],
      [{ kind: 'email', name: name('e'), smtp: { ...smtp, port: 70000 } }, /port/i],
      [{ kind: 'email', name: name('e'), smtp: { ...smtp, from: 'not an address' } }, /sender \(from\) must be an email address/],
      [{ kind: 'email', name: name('e'), smtp: { ...smtp, host: 'http://smtp.example.com' } }, /server name or address/],
      [{ kind: 'slack', name: name('s'), url: SLACK, events: ['wins', 'birthdays'] }, /wins, kpi_publications, missed_checkins, weekly_digest, shadow_days/],
      [{ kind: 'pigeon', name: name('p'), url: SLACK }, /slack|teams|email/],
      [{ kind: 'slack', name: '   ', url: SLACK }, /empty/],
    ];
    for (const [body, message] of cases) {
      const res = await ws.admin.post('/api/v1/channels', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.error?.message, JSON.stringify(body)).toMatch(message);
    }
  });

  it('takes Slack, Teams (Office and Workflows) and SMTP settings, answering a hint, never the secret', async () => {
    const slack = expectStatus(await ws.admin.post<ChannelView>('/api/v1/channels', { kind: 'slack', name: name('#wins'), events: ['wins', 'wins', 'kpi_publications'], url: SLACK }), 201);
    expect(slack.hint).toBe('hooks.slack.com/…/1234');
    expect(slack.events).toEqual(['wins', 'kpi_publications']);
    const teams = expectStatus(await ws.admin.post<ChannelView>('/api/v1/channels', { kind: 'teams', name: name('Teams'), events: ['missed_checkins'], url: 'https://acme.webhook.office.com/webhookb2/abc/IncomingWebhook/def/ghi9876' }), 201);
    expect(teams.hint).toBe('acme.webhook.office.com/…/9876');
    expectStatus(await ws.admin.post('/api/v1/channels', { kind: 'teams', name: name('Flow'), url: 'https://prod-12.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=zzz' }), 201);
    const email = expectStatus(await ws.admin.post<ChannelView>('/api/v1/channels', { kind: 'email', name: name('Mail'), events: ['weekly_digest'], smtp }), 201);
    expect(email.hint).toBe('smtp.example.com:587 as ana@…');
    expect(email.smtp).toEqual({ host: 'smtp.example.com', port: 587, security: 'starttls', user: 'ana@example.com', from: 'Lockstep <lockstep@example.com>', passwordSaved: true });
    const all = await ws.admin.get('/api/v1/channels');
    expect(all.text).not.toContain('abcdEFGHijkl1234');
    expect(all.text).not.toContain('hunter2');
    expect(all.text).not.toContain('ghi9876');
    // Local receivers are for development only: in production the same URL is refused.
    const pw = await makeWorkspace(prod);
    expect((await ws.admin.post('/api/v1/channels', { kind: 'slack', name: name('local'), url: 'http://localhost:9/hook' })).status).toBe(201);
    const refused = await pw.admin.post('/api/v1/channels', { kind: 'slack', name: 'local', url: 'http://localhost:9/hook' });
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toMatch(/https:\/\//);
  });

  it('is for admins only', async () => {
    const lead = await addMember(t, ws, { role: 'leader', team: 'sales' });
    expect((await lead.client.get('/api/v1/channels')).status).toBe(403);
    expect((await lead.client.post('/api/v1/channels', { kind: 'slack', name: 'x', url: SLACK })).status).toBe(403);
  });
});

describe('changing a channel', () => {
  it('keeps the secret when it is left out, and replaces it when given; the audit log names the change without it', async () => {
    const email = expectStatus(await ws.admin.post<ChannelView>('/api/v1/channels', { kind: 'email', name: name('Mail'), smtp }), 201);
    const renamed = expectStatus(await ws.admin.patch<ChannelView>(`/api/v1/channels/${email.id}`, { name: name('Mail renamed'), smtp: { port: 2525 }, events: ['shadow_days'] }), 200);
    expect(renamed.smtp).toEqual({ ...smtp, port: 2525, password: undefined, passwordSaved: true });
    expect(renamed.events).toEqual(['shadow_days']);
    const cleared = expectStatus(await ws.admin.patch<ChannelView>(`/api/v1/channels/${email.id}`, { smtp: { password: null, user: null } }), 200);
    expect(cleared.smtp?.passwordSaved).toBe(false);
    const slack = expectStatus(await ws.admin.post<ChannelView>('/api/v1/channels', { kind: 'slack', name: name('s'), url: SLACK }), 201);
    const moved = expectStatus(await ws.admin.patch<ChannelView>(`/api/v1/channels/${slack.id}`, { url: 'https://hooks.slack.com/services/T9/B9/zzzzNEW5' }), 200);
    expect(moved.hint).toBe('hooks.slack.com/…/NEW5');
    expect((await ws.admin.patch(`/api/v1/channels/${slack.id}`, { url: 'https://example.com/x' })).status).toBe(400);
    expect((await ws.admin.patch(`/api/v1/channels/${slack.id}`, { smtp: { port: 25 } })).status).toBe(400);
    expect((await ws.admin.patch(`/api/v1/channels/${slack.id}`, { name: renamed.name })).status).toBe(409);
    const audit = await ws.admin.get('/api/v1/audit?limit=200');
    expect(audit.text).toMatch(/changed the/);
    expect(audit.text).not.toContain('zzzzNEW5');
    expect(audit.text).not.toContain('hunter2');
  });

  it('removing a channel removes what it had not sent; a second removal is 404', async () => {
    const c = expectStatus(await ws.admin.post<ChannelView>('/api/v1/channels', { kind: 'slack', name: name('gone'), events: ['wins'], url: `${hook.base}/services/T/B/gone` }), 201);
    const tested = expectStatus(await ws.admin.post<TestResult>(`/api/v1/channels/${c.id}/test`), 200);
    expect(tested.delivered).toBe(true);
    expect((await ws.admin.delete(`/api/v1/channels/${c.id}`)).status).toBe(204);
    expect((await ws.admin.delete(`/api/v1/channels/${c.id}`)).status).toBe(404);
    expect(await t.db.kysely.selectFrom('outbox').select('id').where('id', '=', tested.deliveryId).executeTakeFirst()).toBeUndefined();
  });
});

describe('send test message', () => {
  it('delivers at once and answers what happened, failures included', async () => {
    const c = expectStatus(await ws.admin.post<ChannelView>('/api/v1/channels', { kind: 'slack', name: name('test'), events: ['wins'], url: `${hook.base}/services/T/B/test` }), 201);
    const before = hook.received.length;
    const ok = expectStatus(await ws.admin.post<TestResult>(`/api/v1/channels/${c.id}/test`), 200);
    expect([ok.delivered, ok.status, ok.error]).toEqual([true, 'sent', null]);
    expect(hook.received.length - before).toBe(1);
    expect(JSON.stringify(hook.received.at(-1)!.body)).toContain(`Test message from Lockstep: ${c.name}`);
    hook.answer([500]);
    const failed = expectStatus(await ws.admin.post<TestResult & { channel: ChannelView }>(`/api/v1/channels/${c.id}/test`), 200);
    hook.answer([200]);
    expect([failed.delivered, failed.status, failed.error]).toEqual([false, 'dead', 'HTTP 500: receiver failed with 500']);
    // Kept as a dead letter, to retry by hand.
    const dead = expectStatus(await ws.admin.get<{ items: Array<{ id: string }> }>(`/api/v1/channels/deliveries?status=dead&channelId=${c.id}`), 200);
    expect(dead.items.map((d) => d.id)).toEqual([failed.deliveryId]);
  });
});

describe('another workspace', () => {
  it("cannot read, change, test or remove a channel, nor see or retry its deliveries (404, nothing leaks)", async () => {
    const a = await makeWorkspace(t);
    const b = await makeWorkspace(t);
    const c = expectStatus(await a.admin.post<ChannelView>('/api/v1/channels', { kind: 'slack', name: 'A only', events: ['wins'], url: `${hook.base}/services/A/A/aaaa` }), 201);
    hook.answer([500]);
    const tested = expectStatus(await a.admin.post<TestResult>(`/api/v1/channels/${c.id}/test`), 200);
    hook.answer([200]);
    const before = hook.received.length;
    expect((await b.admin.get(`/api/v1/channels/${c.id}`)).status).toBe(404);
    expect((await b.admin.patch(`/api/v1/channels/${c.id}`, { name: 'taken over' })).status).toBe(404);
    expect((await b.admin.post(`/api/v1/channels/${c.id}/test`)).status).toBe(404);
    expect((await b.admin.delete(`/api/v1/channels/${c.id}`)).status).toBe(404);
    expect((await b.admin.post(`/api/v1/channels/deliveries/${tested.deliveryId}/retry`)).status).toBe(404);
    expect(expectStatus(await b.admin.get<{ items: unknown[] }>('/api/v1/channels'), 200).items).toEqual([]);
    expect(expectStatus(await b.admin.get<{ items: unknown[] }>('/api/v1/channels/deliveries'), 200).items).toEqual([]);
    expect(expectStatus(await b.admin.get<{ items: unknown[] }>(`/api/v1/channels/deliveries?channelId=${c.id}`), 200).items).toEqual([]);
    expect(hook.received.length).toBe(before);
    const still = expectStatus(await a.admin.get<ChannelView>(`/api/v1/channels/${c.id}`), 200);
    expect(still.name).toBe('A only');
    expect((await t.db.kysely.selectFrom('outbox').select('status').where('id', '=', tested.deliveryId).executeTakeFirstOrThrow()).status).toBe('dead');
  });
});

describe('at the same moment', () => {
  it('8 adds of one name: one 201, the rest 409; 8 tests at once: all 200, each delivered once', async () => {
    const w = await makeWorkspace(t);
    const adds = await Promise.all(Array.from({ length: 8 }, () => w.admin.post<ChannelView>('/api/v1/channels', { kind: 'slack', name: 'Same name', events: ['wins'], url: `${hook.base}/services/S/S/same` })));
    expect(adds.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    for (const r of adds.filter((x) => x.status === 409)) expect(r.error?.message).toBe('A channel named "Same name" already exists; choose another name.');
    const id = adds.find((r) => r.status === 201)!.body.id;
    const before = hook.received.length;
    const tests = await Promise.all(Array.from({ length: 8 }, () => w.admin.post<TestResult>(`/api/v1/channels/${id}/test`)));
    expect(tests.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(tests.every((r) => r.body.delivered)).toBe(true);
    expect(hook.received.length - before).toBe(8);
    const distinct = await Promise.all(Array.from({ length: 8 }, (_, i) => w.admin.post('/api/v1/channels', { kind: 'email', name: `Mail ${i}`, smtp })));
    expect(distinct.map((r) => r.status)).toEqual(Array(8).fill(201));
  });
});
