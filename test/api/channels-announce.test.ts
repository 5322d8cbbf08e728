// announce (src/server/outbound/announce.ts): one outbox row per enabled channel subscribed to the event's kind
// (email: per recipient), rendered at announce time, written once however often the same event is announced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { announce, type OutboundEvent } from '../../src/server/outbound/announce.js';
import { newId, nowIso } from '../../src/server/ids.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { sweepCheckins } from '../../src/capabilities/checkins/jobs.js';
import { addMember, makeKeyPlayers, makePublishedTeam, makeWeeklySeries, makeWorkspace, meetingsAround, type TestWorkspace } from '../factories.js';

let t: TestApp;
let ws: TestWorkspace;

async function insertChannel(workspaceId: string, kind: 'slack' | 'teams' | 'email', events: string[], enabled = 1): Promise<string> {
  const id = newId();
  const now = nowIso();
  await t.db.kysely
    .insertInto('channels')
    .values({ id, workspace_id: workspaceId, kind, name: `${kind} ${id.slice(0, 6)}`, config_encrypted: 'v1.x.y', config_hint: 'hint', events: JSON.stringify(events), enabled, status: 'ok', consecutive_failures: 0, last_error: null, last_error_at: null, last_sent_at: null, created_by: null, created_at: now, updated_at: now })
    .execute();
  return id;
}

const event = (key: string, over: Partial<OutboundEvent> = {}): OutboundEvent => ({
  kind: 'wins',
  key,
  title: 'Northwind closed: $120,000 — sales and marketing together',
  text: 'Ana and Ben closed it together.',
  link: '/wins/abc',
  accent: 'celebrate',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t);
});
afterAll(async () => t.close());

describe('announce', () => {
  it('writes one row per subscribed enabled channel and per email recipient, and nothing the second time', async () => {
    const slack = await insertChannel(ws.id, 'slack', ['wins', 'kpi_publications']);
    const teams = await insertChannel(ws.id, 'teams', ['missed_checkins']);
    await insertChannel(ws.id, 'slack', ['wins'], 0);
    const email = await insertChannel(ws.id, 'email', ['wins']);
    await addMember(t, ws, { role: 'member', team: 'sales' });
    const rows = () => t.db.kysely.selectFrom('outbox').selectAll().where('workspace_id', '=', ws.id).orderBy('channel').orderBy('target').execute();

    const n = await t.db.transaction((tx) => announce(tx, { publicUrl: 'https://lockstep.example' }, ws.id, event('win:1')));
    const after = await rows();
    // The admin and the joined member each get their own email; the disabled Slack and the Teams channel (not subscribed) none.
    const emails = after.filter((r) => r.channel === 'email');
    expect(n).toBe(after.length);
    expect(after.filter((r) => r.channel === 'slack').map((r) => [r.target, r.channel_id])).toEqual([[slack, slack]]);
    expect(after.some((r) => r.channel_id === teams)).toBe(false);
    expect(emails.every((r) => r.channel_id === email && r.target.includes('@'))).toBe(true);
    expect(emails.length).toBeGreaterThanOrEqual(1);
    const slackPayload = JSON.parse(after.find((r) => r.channel === 'slack')!.payload) as { blocks: Array<{ type: string; elements?: Array<{ url?: string }> }> };
    expect(slackPayload.blocks.at(-1)?.elements?.[0]?.url).toBe('https://lockstep.example/wins/abc');

    const again = await t.db.transaction((tx) => announce(tx, { publicUrl: 'https://lockstep.example' }, ws.id, event('win:1')));
    expect(again).toBe(0);
    expect((await rows()).length).toBe(after.length);

    const other = await t.db.transaction((tx) => announce(tx, { publicUrl: 'https://lockstep.example' }, ws.id, event('kpi:1', { kind: 'kpi_publications' })));
    expect(other).toBe(1);
  });

  it('sends email only to the listed members, and writes nothing when no channel takes the kind', async () => {
    const ws2 = await makeWorkspace(t);
    expect(await t.db.transaction((tx) => announce(tx, { publicUrl: 'https://x.example' }, ws2.id, event('win:2')))).toBe(0);
    const email = await insertChannel(ws2.id, 'email', ['shadow_days']);
    const m = await addMember(t, ws2, { role: 'member', team: 'marketing' });
    const n = await t.db.transaction((tx) => announce(tx, { publicUrl: 'https://x.example' }, ws2.id, event('shadow:1', { kind: 'shadow_days', recipientMemberIds: [m.member.id] })));
    expect(n).toBe(1);
    const row = await t.db.kysely.selectFrom('outbox').selectAll().where('channel_id', '=', email).executeTakeFirstOrThrow();
    expect(row.target).toBe(m.email);
    expect(row.idempotency_key).toBe(`shadow:1:${email}:${m.member.id}`);
  });
});

describe('the notifications that existed go out too', () => {
  it('publishing a top three writes one row per channel subscribed to KPI publications, with the publication in it', async () => {
    const w = await makeWorkspace(t);
    const slack = await insertChannel(w.id, 'slack', ['kpi_publications']);
    await insertChannel(w.id, 'teams', ['wins']);
    const lead = await addMember(t, w, { role: 'leader', team: 'sales' });
    const { publication } = await makePublishedTeam(lead.client, 'sales', { name: 'Win rate' });
    const rows = await t.db.kysely.selectFrom('outbox').selectAll().where('workspace_id', '=', w.id).execute();
    expect(rows.map((r) => [r.channel_id, r.idempotency_key])).toEqual([[slack, `publication:${publication.id}:${slack}`]]);
    const payload = JSON.parse(rows[0]!.payload) as { text: string; blocks: Array<{ type: string; fields?: Array<{ text: string }> }> };
    expect(payload.text).toBe('Sales published its top three (#1)');
    expect(payload.blocks.find((b) => b.fields)?.fields?.[0]?.text).toBe('*#1*\nWin rate');
  });

  it('a missed check-in goes to the channels subscribed to missed check-ins once, and by email to the leaders only', async () => {
    const w = await makeWorkspace(t);
    const lead = await addMember(t, w, { role: 'leader', team: 'sales' });
    const marketer = await addMember(t, w, { role: 'member', team: 'marketing' });
    await makeKeyPlayers(w, [lead.member.id, marketer.member.id]);
    const teams = await insertChannel(w.id, 'teams', ['missed_checkins']);
    const email = await insertChannel(w.id, 'email', ['missed_checkins']);
    await makeWeeklySeries(w.admin, { weeksBack: 1 });
    const { past } = await meetingsAround(w.admin);
    const yesterday = past[past.length - 1]!;
    await t.db.transaction((tx) => sweepCheckins(tx, new Date(), { publicUrl: 'https://lockstep.example' }));
    await t.db.transaction((tx) => sweepCheckins(tx, new Date(), { publicUrl: 'https://lockstep.example' }));
    const rows = await t.db.kysely.selectFrom('outbox').selectAll().where('workspace_id', '=', w.id).orderBy('channel').orderBy('target').execute();
    expect(rows.filter((r) => r.channel_id === teams).map((r) => r.idempotency_key)).toEqual([`checkin-missed:${yesterday.id}:${teams}`]);
    expect(rows.filter((r) => r.channel_id === email).map((r) => r.target).sort()).toEqual([w.me.user.email, lead.email].sort());
    expect(rows.filter((r) => r.channel_id === email).map((r) => r.target)).not.toContain(marketer.email);
    const card = JSON.parse(rows.find((r) => r.channel_id === teams)!.payload) as { attachments: Array<{ content: { actions: Array<{ url: string }> } }> };
    expect(card.attachments[0]!.content.actions[0]!.url).toBe(`https://lockstep.example/checkins/meetings/${yesterday.id}`);
  });
});
