// What the wins room gives the rest of the product (issue 13), on SQLite and PostgreSQL: the check-in agenda opens
// with the wins since the last check-in (collaborative ones marked); the three Celebration signals of the alignment
// score; the Getting started step; its audit entries in words; and the workspace export and import carry its tables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import type { MeView } from '../helpers/views.js';
import { getMeeting, makeWeeklySeries, meetingsAround } from '../factories.js';
import { day, makeWinsTeam, postWin, type WinView } from './wins-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const quorum = { requirements: [{ team: 'leadership' as const, min: 1, keyPlayersOnly: false }] };

describe('the check-in agenda', () => {
  it('opens with the wins since the last check-in, collaborative ones first and marked', async () => {
    const team = await makeWinsTeam(t);
    await makeWeeklySeries(team.ws.admin, { weeksBack: 1, quorum });
    const { upcoming } = await meetingsAround(team.ws.admin);
    const together = await postWin(team.seller.client, [team.seller.member.id, team.marketer.member.id], { title: 'Initech signed', wonOn: day(0) });
    const alone = await postWin(team.seller.client, [team.seller.member.id], { title: 'Sales alone', wonOn: day(0) });
    const meeting = await getMeeting(team.ws.admin, upcoming[0]!.id);
    expect(meeting.agenda.sections[0]!.key).toBe('wins');
    expect(meeting.agenda.sections[0]!.title).toBe('Wins since the last check-in');
    const items = meeting.agenda.sections[0]!.items;
    expect(items.map((i) => i.id)).toEqual([`win:${together.id}`, `win:${alone.id}`]);
    expect(items[0]).toMatchObject({ text: 'Together: Initech signed', href: `/wins/${together.id}`, tone: 'celebrate', ref: { type: 'win', id: together.id } });
    expect(items[0]!.detail).toContain('Credited to Sam Seller and Mia Marketer · sales and marketing together');
    expect(items[1]!.text).toBe('Sales alone');
  });
});

describe('the alignment signals', () => {
  it('reports wins a week against one, the share collaborative and the share celebrated together', async () => {
    const team = await makeWinsTeam(t);
    type Signals = { signals: Array<{ key: string; score: number | null; detail: string; nextStep: unknown }> };
    const read = async () => expectStatus(await team.ws.admin.get<Signals>('/api/v1/alignment/signals'), 200).signals.filter((s) => s.key.startsWith('wins.'));
    const none = await read();
    expect(none.map((s) => [s.key, s.score])).toEqual([
      ['wins.per_week', null],
      ['wins.collaborative_share', null],
      ['wins.celebrated_share', null],
    ]);
    // Wins long ago only: a rate of 0, which is a measure, not a lack of data.
    await postWin(team.seller.client, [team.seller.member.id], { wonOn: day(-40) });
    expect((await read())[0]).toMatchObject({ score: 0, detail: 'No win was posted in the last 4 weeks, against a target of at least 1 a week.' });
    const a = await postWin(team.seller.client, [team.seller.member.id, team.marketer.member.id], { wonOn: day(-3) });
    await postWin(team.seller.client, [team.seller.member.id], { wonOn: day(-10) });
    expectStatus(await team.seller.client.request('PUT', `/api/v1/wins/${a.id}/celebrated`, { body: {} }), 200);
    const s = await read();
    expect(s.map((x) => [x.key, x.score])).toEqual([
      ['wins.per_week', 0.5],
      ['wins.collaborative_share', 0.5],
      ['wins.celebrated_share', 0.5],
    ]);
    expect(s[0]!.detail).toBe('2 wins in the last 4 weeks (0.5 a week), against a target of at least 1 a week.');
    expect(s[1]!.detail).toBe('1 of 2 wins in the last 4 weeks credited sales and marketing together (50%).');
  });
});

describe('getting started and the audit log', () => {
  it('has a "Celebrate a first win" step, done by the first win, and describes its entries in words', async () => {
    const team = await makeWinsTeam(t);
    type Steps = { steps: Array<{ key: string; order: number; title: string; done: boolean; detail: string }> };
    const step = async () => expectStatus(await team.ws.admin.get<Steps>('/api/v1/me/getting-started'), 200).steps.find((s) => s.key === 'wins.first_win')!;
    expect(await step()).toMatchObject({ title: 'Celebrate a first win', done: false });
    expect((await step()).order).toBeGreaterThanOrEqual(90);
    const win = await postWin(team.seller.client, [team.seller.member.id, team.marketer.member.id], { title: 'Globex signed' });
    expect(await step()).toMatchObject({ done: true, detail: '1 win posted, 1 by sales and marketing together.' });
    expectStatus(await team.seller.client.patch(`/api/v1/wins/${win.id}`, { story: 'New story' }), 200);
    expectStatus(await team.seller.client.request('PUT', `/api/v1/wins/${win.id}/celebrated`, { body: {} }), 200);
    expectStatus(await team.ws.admin.request('PUT', '/api/v1/wins/settings', { body: { smallDealThresholdCents: 1_000_000 } }), 200);
    const log = expectStatus(await team.ws.admin.get<{ items: Array<{ action: string; summary: string }> }>('/api/v1/audit?limit=20'), 200).items;
    const said = (action: string) => log.find((e) => e.action === action)?.summary;
    expect(said('win.posted')).toBe("Sam Seller posted the win 'Globex signed'");
    expect(said('win.changed')).toBe("Sam Seller changed the story of the win 'Globex signed'");
    expect(said('win.celebrated')).toBe("Sam Seller marked the win 'Globex signed' celebrated together");
    expect(said('win_settings.changed')).toBe('Ada Admin set the small-deal threshold of wins to $10,000');
    const kinds = expectStatus(await team.ws.admin.get<{ kinds: Array<{ entityType: string; kind: string }> }>('/api/v1/audit/kinds'), 200).kinds;
    expect(kinds.filter((k) => k.entityType.startsWith('win'))).toEqual([
      { entityType: 'win', kind: 'Win' },
      { entityType: 'win_settings', kind: 'Wins settings' },
    ]);
  });
});

describe('the workspace export', () => {
  it('carries the wins tables, and the import gives them fresh ids pointing at the new members', async () => {
    const team = await makeWinsTeam(t);
    const win = await postWin(team.seller.client, [team.seller.member.id, team.marketer.member.id], { title: 'Exported win' });
    expectStatus(await team.marketer.client.request('PUT', `/api/v1/wins/${win.id}/reactions/clap`), 200);
    expectStatus(await team.marketer.client.post(`/api/v1/wins/${win.id}/comments`, { body: 'Bravo' }), 201);
    expectStatus(await team.ws.admin.request('PUT', '/api/v1/wins/settings', { body: { smallDealThresholdCents: 0 } }), 200);
    const res = await team.ws.admin.get('/api/v1/workspace/export');
    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text) as { tables: Record<string, Array<Record<string, unknown>>> };
    for (const table of ['wins', 'win_credits', 'win_reactions', 'win_comments', 'win_settings']) expect(doc.tables[table]?.length ?? 0, table).toBeGreaterThan(0);
    const imported = await team.ws.admin.request<{ workspace: { id: string } }>('POST', '/api/v1/workspace/import', { rawBody: res.text, headers: { 'content-type': 'application/json' } });
    expect(imported.status, imported.text.slice(0, 300)).toBe(201);
    const again = team.ws.admin.clone();
    expectStatus(await again.post<MeView>('/api/v1/me/workspace', { workspaceId: imported.body.workspace.id }), 200);
    const [copy] = expectStatus(await again.get<{ items: WinView[] }>('/api/v1/wins'), 200).items;
    expect(copy).toMatchObject({ title: 'Exported win', collaborative: true, commentCount: 1 });
    expect(copy!.id).not.toBe(win.id);
    expect(copy!.credited.map((c) => c.name)).toEqual(['Sam Seller', 'Mia Marketer']);
    expect(copy!.credited.map((c) => c.memberId)).not.toContain(team.seller.member.id);
    expect(copy!.reactions.find((r) => r.emoji === 'clap')!.count).toBe(1);
    expect(expectStatus(await again.get('/api/v1/wins/settings'), 200)).toEqual({ smallDealThresholdCents: 0 });
  });
});
