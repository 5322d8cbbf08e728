// Channels deliver through the outbox (issue 13): local receivers stand in for Slack and Teams (an HTTP server)
// and for an SMTP server (smtp-server). Exact payloads arrive; a 500 is retried with backoff; repeated failures
// dead-letter the message and mark the channel failing, without holding up other channels; a restart
// mid-delivery sends nothing twice; and neither the webhook URL nor the SMTP password is ever in the log or in
// plaintext in the database. Time is driven with deliverDue(now).
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { announce, type OutboundEvent } from '../../src/server/outbound/announce.js';
import { emailMessage } from '../../src/server/outbound/email.js';
import { slackMessage } from '../../src/server/outbound/slack.js';
import { teamsMessage } from '../../src/server/outbound/teams.js';
import { backoffMs, FAILING_AFTER, MAX_ATTEMPTS } from '../../src/server/outbox.js';
import { SecretBox } from '../../src/server/secrets.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { addMember, makeWorkspace, type TestWorkspace } from '../factories.js';
import { mimePart, smtpReceiver, webhookReceiver, type SmtpReceiver, type WebhookReceiver } from './channels-receivers.js';

interface ChannelView {
  id: string;
  status: 'ok' | 'failing';
  consecutiveFailures: number;
  lastError: string | null;
  lastSentAt: string | null;
  settingsProblem: string | null;
  hint: string;
}
interface DeliveryView {
  id: string;
  status: string;
  attempts: number;
  lastError: string | null;
  summary: string;
  recipient: string | null;
  channelId: string;
}

// The test app's public URL (the client's Origin must match it).
const PUBLIC_URL = 'http://localhost:3000';
const SMTP_PASSWORD = 'smtp-Pa55word-that-must-stay-secret';
const logLines: string[] = [];
let t: TestApp;
let ws: TestWorkspace;
let hook: WebhookReceiver;
let smtp: SmtpReceiver;

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      logLines.push(chunk.toString());
      done();
    },
  });
  t = await createTestApp({ log: pino({ level: 'trace' }, sink) });
  ws = await makeWorkspace(t);
  hook = await webhookReceiver();
  smtp = await smtpReceiver();
});
afterAll(async () => {
  await hook?.close();
  await smtp?.close();
  await t?.close();
});
afterEach(() => {
  hook.answer([200]);
  smtp.refuseWith(null);
});

let n = 0;
/** A webhook path with a secret-looking tail unique to the test, as Slack and Teams give out. */
const secretPath = () => `/services/T0AAA/B0BBB/s3cret${(n++).toString().padStart(3, '0')}XyZ`;

async function addWebhookChannel(w: TestWorkspace, kind: 'slack' | 'teams', events: string[] = ['wins']): Promise<{ channel: ChannelView; url: string }> {
  const url = `${hook.base}${secretPath()}`;
  const channel = expectStatus(await w.admin.post<ChannelView>('/api/v1/channels', { kind, name: `${kind} ${n}`, events, url }), 201);
  return { channel, url };
}

async function addEmailChannel(w: TestWorkspace, events: string[] = ['wins']): Promise<ChannelView> {
  return expectStatus(
    await w.admin.post<ChannelView>('/api/v1/channels', {
      kind: 'email',
      name: `email ${n++}`,
      events,
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'lockstep-bot', password: SMTP_PASSWORD, from: 'Lockstep <lockstep@example.test>' },
    }),
    201,
  );
}

const winEvent = (key: string, over: Partial<OutboundEvent> = {}): OutboundEvent => ({
  kind: 'wins',
  key,
  title: 'Northwind closed: $120,000 — sales and marketing together',
  text: 'Ana (sales) and Ben (marketing) closed Northwind.\n\nThe webinar brought them in.',
  fields: [
    { label: 'Amount', value: '$120,000' },
    { label: 'Credited', value: 'Ana Seller, Ben Marketer' },
  ],
  link: `/wins/${key}`,
  linkLabel: 'See the win',
  accent: 'celebrate',
  ...over,
});

const announceIn = (w: TestWorkspace, event: OutboundEvent) => t.db.transaction((tx) => announce(tx, { publicUrl: PUBLIC_URL }, w.id, event));
const outbox = () => t.app.ctx.outbox;
const channelRow = (id: string) => t.db.kysely.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const rowsOf = (channelId: string) => t.db.kysely.selectFrom('outbox').selectAll().where('channel_id', '=', channelId).orderBy('created_at').orderBy('id').execute();

describe('Slack and Teams', () => {
  it('the Slack receiver gets the exact Block Kit payload at the channel URL; the row holds the channel id, not the URL', async () => {
    const { channel, url } = await addWebhookChannel(ws, 'slack');
    const event = winEvent('win:slack-1');
    expect(await announceIn(ws, event)).toBe(1);
    const [row] = await rowsOf(channel.id);
    expect(row!.target).toBe(channel.id);
    expect(JSON.stringify(row)).not.toContain(new URL(url).pathname);
    const before = hook.received.length;
    await outbox().deliverDue(new Date());
    const got = hook.received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]!.path).toBe(new URL(url).pathname);
    expect(got[0]!.contentType).toMatch(/application\/json/);
    expect(got[0]!.body).toEqual(slackMessage(event, PUBLIC_URL));
    expect((await rowsOf(channel.id))[0]!.status).toBe('sent');
    const after = expectStatus(await ws.admin.get<ChannelView>(`/api/v1/channels/${channel.id}`), 200);
    expect(after.status).toBe('ok');
    expect(after.lastSentAt).not.toBeNull();
  });

  it('the Teams receiver gets the exact Adaptive Card message', async () => {
    const { channel, url } = await addWebhookChannel(ws, 'teams', ['missed_checkins']);
    const event: OutboundEvent = { kind: 'missed_checkins', key: 'missed:1', title: 'Weekly check-in missed', text: 'The check-in of Monday was not held.', link: '/checkins', accent: 'warning' };
    expect(await announceIn(ws, event)).toBe(1);
    const before = hook.received.length;
    await outbox().deliverDue(new Date());
    const got = hook.received.slice(before);
    expect(got.map((r) => r.path)).toEqual([new URL(url).pathname]);
    expect(got[0]!.body).toEqual(teamsMessage(event, PUBLIC_URL));
    expect((await rowsOf(channel.id)).map((r) => r.status)).toEqual(['sent']);
  });

  it('a 500 is retried after the backoff and then delivered once; the channel counts the failure, then is ok again', async () => {
    const wsR = await makeWorkspace(t);
    const { channel } = await addWebhookChannel(wsR, 'slack');
    hook.answer([500, 200]);
    await announceIn(wsR, winEvent('win:retry'));
    const now = new Date(Date.now() + 1000);
    const before = hook.received.length;
    expect(await outbox().deliverDue(now)).toBe(0);
    let [row] = await rowsOf(channel.id);
    expect(row!.status).toBe('pending');
    expect(row!.attempts).toBe(1);
    expect(row!.last_error).toBe('HTTP 500: receiver failed with 500');
    expect(Date.parse(row!.next_attempt_at)).toBe(now.getTime() + backoffMs(1));
    let c = await channelRow(channel.id);
    expect([c.status, c.consecutive_failures, c.last_error]).toEqual(['ok', 1, 'HTTP 500: receiver failed with 500']);

    expect(await outbox().deliverDue(new Date(now.getTime() + backoffMs(1) - 1))).toBe(0);
    expect(hook.received.length - before).toBe(1);
    expect(await outbox().deliverDue(new Date(now.getTime() + backoffMs(1)))).toBe(1);
    [row] = await rowsOf(channel.id);
    expect([row!.status, row!.attempts]).toEqual(['sent', 2]);
    c = await channelRow(channel.id);
    expect([c.status, c.consecutive_failures]).toEqual(['ok', 0]);
    expect(hook.received.length - before).toBe(2);
    expect(await outbox().deliverDue(new Date(now.getTime() + 86_400_000))).toBe(0);
    expect(hook.received.length - before).toBe(2);
  });

  it('after the attempt limit the message is a dead letter, the channel is failing with its error, and an admin sees it and retries it', async () => {
    const ws2 = await makeWorkspace(t);
    const { channel } = await addWebhookChannel(ws2, 'slack');
    hook.answer([503]);
    await announceIn(ws2, winEvent('win:dead'));
    let at = Date.now() + 1000;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await outbox().deliverDue(new Date(at));
      const c = await channelRow(channel.id);
      expect(c.consecutive_failures).toBe(attempt);
      expect(c.status).toBe(attempt >= FAILING_AFTER ? 'failing' : 'ok');
      at += backoffMs(attempt);
    }
    const [row] = await rowsOf(channel.id);
    expect([row!.status, row!.attempts]).toEqual(['dead', MAX_ATTEMPTS]);
    // Dead: never tried again by itself.
    const before = hook.received.length;
    await outbox().deliverDue(new Date(at + 30 * 86_400_000));
    expect(hook.received.length).toBe(before);

    const listed = expectStatus(await ws2.admin.get<{ items: ChannelView[] }>('/api/v1/channels'), 200);
    expect(listed.items.map((c) => [c.id, c.status, c.lastError])).toEqual([[channel.id, 'failing', 'HTTP 503: receiver failed with 503']]);
    const dead = expectStatus(await ws2.admin.get<{ items: DeliveryView[] }>('/api/v1/channels/deliveries?status=dead'), 200);
    expect(dead.items.map((d) => [d.id, d.status, d.attempts, d.lastError, d.summary])).toEqual([[row!.id, 'dead', MAX_ATTEMPTS, 'HTTP 503: receiver failed with 503', `🤝 ${winEvent('x').title}`]]);

    hook.answer([200]);
    const retried = expectStatus(await ws2.admin.post<DeliveryView>(`/api/v1/channels/deliveries/${row!.id}/retry`), 200);
    expect([retried.status, retried.attempts]).toEqual(['pending', 0]);
    expect((await ws2.admin.post(`/api/v1/channels/deliveries/${row!.id}/retry`)).status).toBe(409);
    expect(await outbox().deliverDue(new Date())).toBeGreaterThanOrEqual(1);
    expect((await rowsOf(channel.id))[0]!.status).toBe('sent');
    const healed = expectStatus(await ws2.admin.get<ChannelView>(`/api/v1/channels/${channel.id}`), 200);
    expect([healed.status, healed.consecutiveFailures]).toEqual(['ok', 0]);
    expect((await ws2.admin.post(`/api/v1/channels/deliveries/${row!.id}/retry`)).status).toBe(409);
  });

  it('a 404 from the receiver (a webhook removed in Slack) is a dead letter at once and marks the channel failing', async () => {
    const ws3 = await makeWorkspace(t);
    const { channel } = await addWebhookChannel(ws3, 'slack');
    hook.answer([404]);
    await announceIn(ws3, winEvent('win:gone'));
    await outbox().deliverDue(new Date());
    expect((await rowsOf(channel.id)).map((r) => [r.status, r.attempts])).toEqual([['dead', 1]]);
    expect((await channelRow(channel.id)).status).toBe('failing');
  });

  it('a redirect from the receiver is not followed: a dead letter at once, nothing sent elsewhere', async () => {
    const wsRd = await makeWorkspace(t);
    const { channel } = await addWebhookChannel(wsRd, 'slack');
    hook.answer([307]);
    await announceIn(wsRd, winEvent('win:redirect'));
    const before = hook.received.length;
    await outbox().deliverDue(new Date());
    expect(hook.received.slice(before).map((r) => r.path)).not.toContain('/elsewhere');
    expect(hook.received.length - before).toBe(1);
    const rows = await rowsOf(channel.id);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['dead', 1]]);
    expect(rows[0]!.last_error).toBe('HTTP 307: the receiver answered with a redirect, which is not followed; check the webhook URL.');
  });

  it('a failing channel does not hold up another: the other channel gets every message in the same pass', async () => {
    const ws4 = await makeWorkspace(t);
    const bad = await ws4.admin.post<ChannelView>('/api/v1/channels', { kind: 'slack', name: 'down', events: ['wins'], url: 'http://127.0.0.1:9/services/T/B/down' });
    expect(bad.status).toBe(201);
    const { channel: good } = await addWebhookChannel(ws4, 'slack');
    for (let i = 0; i < 5; i++) await announceIn(ws4, winEvent(`win:pair-${i}`));
    await outbox().deliverDue(new Date());
    expect((await rowsOf(good.id)).map((r) => r.status)).toEqual(['sent', 'sent', 'sent', 'sent', 'sent']);
    const down = await rowsOf(bad.body.id);
    // One attempt this pass for the channel that is down; the rest wait their turn, none lost.
    expect(down.map((r) => r.status).sort()).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
    expect(down.filter((r) => r.attempts === 1)).toHaveLength(1);
    expect(down.find((r) => r.attempts === 1)!.last_error).toMatch(/fetch failed|ECONNREFUSED/);
  });

  it("a channel's backlog of failing messages does not starve another: its untried rows wait with it", async () => {
    const wsB = await makeWorkspace(t);
    const bad = expectStatus(await wsB.admin.post<ChannelView>('/api/v1/channels', { kind: 'slack', name: 'backlog', events: ['weekly_digest'], url: 'http://127.0.0.1:9/services/T/B/backlog' }), 201);
    const { channel: good } = await addWebhookChannel(wsB, 'slack', ['wins']);
    for (let i = 0; i < 60; i++) await announceIn(wsB, { kind: 'weekly_digest', key: `digest:${i}`, title: `Digest ${i}`, text: 'The week.', link: '/' });
    await announceIn(wsB, winEvent('win:after-backlog'));
    const now = new Date(Date.now() + 1000);
    // A pass takes at most 50 due rows, oldest first: the backlog fills the first one.
    await outbox().deliverDue(now);
    await outbox().deliverDue(now);
    expect((await rowsOf(good.id)).map((r) => r.status)).toEqual(['sent']);
    const backlog = await rowsOf(bad.id);
    expect(backlog).toHaveLength(60);
    expect(backlog.every((r) => r.status === 'pending')).toBe(true);
    expect(backlog.reduce((n, r) => n + r.attempts, 0)).toBe(2);
    expect(backlog.every((r) => Date.parse(r.next_attempt_at) > now.getTime())).toBe(true);
  });

  it('a restart mid-delivery sends nothing twice: the row claimed by the dead process goes out once, after its lease', async () => {
    const ws5 = await makeWorkspace(t);
    const { channel } = await addWebhookChannel(ws5, 'slack');
    await announceIn(ws5, winEvent('win:lease'));
    const [row] = await rowsOf(channel.id);
    const now = new Date();
    // The instance that claimed it died mid-send; its lease runs 60 s.
    await t.db.kysely.updateTable('outbox').set({ status: 'sending', claimed_until: new Date(now.getTime() + 60_000).toISOString() }).where('id', '=', row!.id).execute();
    const before = hook.received.length;
    expect(await outbox().deliverDue(now)).toBe(0);
    expect(hook.received.length).toBe(before);
    // A second deliverer (another instance) and this one both pass after the lease: one send.
    const [a, b] = await Promise.all([outbox().deliverDue(new Date(now.getTime() + 60_001)), outbox().deliverDue(new Date(now.getTime() + 60_001))]);
    expect(a + b).toBe(1);
    expect(hook.received.length - before).toBe(1);
    // Announcing the same event again (the change retried) writes nothing new.
    expect(await announceIn(ws5, winEvent('win:lease'))).toBe(0);
    await outbox().deliverDue(new Date(now.getTime() + 120_000));
    expect(hook.received.length - before).toBe(1);
  });
});

describe('email', () => {
  it('each recipient gets their own message through the SMTP server, signed in with the saved password: subject, HTML and text parts, attachment', async () => {
    const ws6 = await makeWorkspace(t);
    const m = await addMember(t, ws6, { role: 'member', team: 'marketing' });
    const channel = await addEmailChannel(ws6, ['wins', 'shadow_days']);
    const event = winEvent('win:mail', { title: 'A <script>alert(1)</script> win', attachments: [{ filename: 'shadow-day.ics', contentType: 'text/calendar', content: 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n' }] });
    expect(await announceIn(ws6, event)).toBe(2);
    const before = smtp.received.length;
    expect(await outbox().deliverDue(new Date())).toBe(2);
    const got = smtp.received.slice(before);
    expect(got.map((g) => g.to).sort()).toEqual([[m.email], [ws6.me.user.email]].sort());
    const expected = emailMessage(event, PUBLIC_URL);
    for (const g of got) {
      expect(g.from).toBe('lockstep@example.test');
      expect([g.user, g.password]).toEqual(['lockstep-bot', SMTP_PASSWORD]);
      expect(g.raw).toMatch(/^Subject: A <script>alert\(1\)<\/script> win\r?$/m);
      expect(g.raw).toMatch(/^From: Lockstep <lockstep@example\.test>\r?$/m);
      expect(mimePart(g.raw, 'text/plain')).toBe(expected.text);
      const html = mimePart(g.raw, 'text/html')!;
      expect(html).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; win');
      expect(html).not.toContain('<script>');
      expect(g.raw).toContain('filename=shadow-day.ics');
    }
    expect((await rowsOf(channel.id)).map((r) => r.status)).toEqual(['sent', 'sent']);
  });

  it('a 5xx from the SMTP server is a dead letter at once; the channel is failing with the server\'s answer', async () => {
    const ws7 = await makeWorkspace(t);
    const channel = await addEmailChannel(ws7);
    smtp.refuseWith(550);
    await announceIn(ws7, winEvent('win:refused'));
    await outbox().deliverDue(new Date());
    const rows = await rowsOf(channel.id);
    expect(rows.map((r) => [r.status, r.attempts])).toEqual([['dead', 1]]);
    expect(rows[0]!.last_error).toMatch(/550/);
    const c = await channelRow(channel.id);
    expect(c.status).toBe('failing');
  });
});

describe('secrets', () => {
  it('neither a webhook URL nor the SMTP password is in any log line, any answer, or in plaintext in the database', async () => {
    const ws8 = await makeWorkspace(t);
    const { channel, url } = await addWebhookChannel(ws8, 'slack');
    const email = await addEmailChannel(ws8);
    // Failures log their errors: make some.
    hook.answer([500]);
    smtp.refuseWith(451);
    await announceIn(ws8, winEvent('win:secret'));
    await outbox().deliverDue(new Date());
    const answers = [
      await ws8.admin.get('/api/v1/channels'),
      await ws8.admin.get(`/api/v1/channels/${channel.id}`),
      await ws8.admin.get(`/api/v1/channels/${email.id}`),
      await ws8.admin.get('/api/v1/channels/deliveries'),
      await ws8.admin.post(`/api/v1/channels/${channel.id}/test`),
      await ws8.admin.post(`/api/v1/channels/${email.id}/test`),
      await ws8.admin.patch(`/api/v1/channels/${email.id}`, { name: 'renamed mail' }),
      await ws8.admin.get('/api/v1/audit?limit=200'),
    ];
    const path = new URL(url).pathname;
    for (const a of answers) {
      expect(a.status).toBeLessThan(300);
      expect(a.text).not.toContain(path);
      expect(a.text).not.toContain(SMTP_PASSWORD);
    }
    const logs = logLines.join('');
    expect(logs).toContain('outbox delivery failed');
    expect(logs).not.toContain(path);
    expect(logs).not.toContain('s3cret');
    expect(logs).not.toContain(SMTP_PASSWORD);
    const dbRows = JSON.stringify([await t.db.kysely.selectFrom('channels').selectAll().execute(), await t.db.kysely.selectFrom('outbox').selectAll().execute(), await t.db.kysely.selectFrom('audit_log').selectAll().execute()]);
    expect(dbRows).not.toContain(path);
    expect(dbRows).not.toContain('s3cret');
    expect(dbRows).not.toContain(SMTP_PASSWORD);
  });

  it('settings saved under another key answer in words, never a 500, and can be entered again', async () => {
    const ws9 = await makeWorkspace(t);
    const { channel } = await addWebhookChannel(ws9, 'slack');
    const other = new SecretBox(Buffer.alloc(32, 7));
    await t.db.kysely.updateTable('channels').set({ config_encrypted: other.seal(JSON.stringify({ url: 'https://hooks.slack.com/services/x' })) }).where('id', '=', channel.id).execute();
    const message = "this channel's settings were saved with another LOCKSTEP_SECRET_KEY; enter them again";
    const shown = expectStatus(await ws9.admin.get<ChannelView>(`/api/v1/channels/${channel.id}`), 200);
    expect(shown.settingsProblem).toBe(message);
    const tested = await ws9.admin.post(`/api/v1/channels/${channel.id}/test`);
    expect(tested.status).toBe(400);
    expect(tested.error?.message).toBe(`T${message.slice(1)}.`);
    // What was waiting for it is a dead letter with the same words.
    await announceIn(ws9, winEvent('win:rekeyed'));
    await outbox().deliverDue(new Date());
    const rows = await rowsOf(channel.id);
    expect(rows.map((r) => [r.status, r.last_error])).toEqual([['dead', message]]);
    // Entering the URL again mends it.
    const mended = expectStatus(await ws9.admin.patch<ChannelView>(`/api/v1/channels/${channel.id}`, { url: `${hook.base}${secretPath()}` }), 200);
    expect([mended.settingsProblem, mended.status]).toEqual([null, 'ok']);
    const test = expectStatus(await ws9.admin.post<{ delivered: boolean }>(`/api/v1/channels/${channel.id}/test`), 200);
    expect(test.delivered).toBe(true);
  });
});
