// The alignment score's API (SPEC S6, issue 14), on SQLite and PostgreSQL: GET /alignment (the five strategies, a
// new workspace's null with next actions), PUT /alignment/weights (leaders and admins, audited, bad input in
// words), and the read cache: a write in another room moves the score on the next read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import type { AlignmentView } from '../../src/capabilities/alignment/schemas.js';
import { changedInDb, getMeeting, makePublishedTeam, makeWeeklySeries, meetingsAround } from '../factories.js';
import { makeWinsTeam, postWin, day } from './wins-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const weights = { goals: 40, checkins: 20, messaging: 20, shadowing: 0, wins: 20 };

describe('GET /alignment', () => {
  it('gives a new workspace the five strategies, a null or low score without NaN, and next actions to start with', async () => {
    const team = await makeWinsTeam(t);
    const res = await team.ws.admin.get<AlignmentView>('/api/v1/alignment');
    const v = expectStatus(res, 200);
    expect(v.strategies.map((s) => [s.strategy, s.label, s.href])).toEqual([
      ['goals', 'Goals', '/goals'],
      ['checkins', 'Cadence', '/checkins'],
      ['messaging', 'Messaging', '/messaging'],
      ['shadowing', 'Shadowing', '/shadowing'],
      ['wins', 'Celebration', '/wins'],
    ]);
    expect(v.overall.totalStrategies).toBe(5);
    expect(v.weights).toEqual({ goals: 20, checkins: 20, messaging: 20, shadowing: 20, wins: 20 });
    expect(v.nextActions.length).toBeGreaterThan(0);
    expect(v.nextActions.length).toBeLessThanOrEqual(8);
    expect(v.history).toEqual([]);
    expect(res.text).not.toContain('NaN');
    for (const s of v.strategies) {
      expect(s.summary.length).toBeGreaterThan(10);
      if (s.status !== 'scored') expect(s.score).toBeNull();
    }
    const points = v.nextActions.map((a) => a.points);
    expect(points).toEqual([...points].sort((a, b) => b - a));
  });

  it('answers from the read cache until a write in another room, which moves the score', async () => {
    const team = await makeWinsTeam(t);
    const read = async () => expectStatus(await team.ws.admin.get<AlignmentView>('/api/v1/alignment'), 200);
    const before = await read();
    const wins = () => before.strategies.find((s) => s.strategy === 'wins')!;
    expect(wins().status).toBe('no_data');
    const hits = t.app.ctx.readCache.hits;
    const again = await read();
    expect(t.app.ctx.readCache.hits).toBe(hits + 1);
    expect(again.computedAt).toBe(before.computedAt);
    // Posting a collaborative win (the wins room) invalidates: the next read has a Celebration score.
    await postWin(team.seller.client, [team.seller.member.id, team.marketer.member.id], { wonOn: day(-1) });
    const after = await read();
    const w = after.strategies.find((s) => s.strategy === 'wins')!;
    expect(w.status).toBe('scored');
    expect(w.score).toBeGreaterThan(0);
    expect(after.overall.score).not.toBeNull();
    expect(after.overall.scoredStrategies).toBeGreaterThan(before.overall.scoredStrategies);
    // Each point lost says why, with the signal's words.
    for (const r of w.reasons) expect(w.signals.find((x) => x.key === r.key)?.detail).toBe(r.text);
  });

  it('publishing a team’s top three (a to-do done) raises the Goals score on the next read, and its next action goes', async () => {
    const team = await makeWinsTeam(t);
    const read = async () => expectStatus(await team.ws.admin.get<AlignmentView>('/api/v1/alignment'), 200);
    const goals = (v: AlignmentView) => v.strategies.find((s) => s.strategy === 'goals')!;
    const topThree = (v: AlignmentView) => goals(v).signals.find((s) => s.key === 'goals.top_three_published')!;
    await makePublishedTeam(team.salesLead.client, 'sales');
    const half = await read();
    expect(topThree(half).score).toBe(0.5);
    expect(half.nextActions.map((a) => a.text)).toContain('Publish the marketing top three');
    const reason = goals(half).reasons.find((r) => r.key === 'goals.top_three_published')!;
    expect(reason.pointsLost).toBeGreaterThan(0);
    await makePublishedTeam(team.marketingLead.client, 'marketing');
    const both = await read();
    expect(topThree(both).score).toBe(1);
    expect(goals(both).score!).toBeGreaterThan(goals(half).score!);
    expect(both.nextActions.map((a) => a.text)).not.toContain('Publish the marketing top three');
    expect(goals(both).reasons.map((r) => r.key)).not.toContain('goals.top_three_published');
  });

  it('names a room that could not answer and leaves its strategy unavailable, not scored', async () => {
    const team = await makeWinsTeam(t);
    const failing = { room: 'wins', signals: () => Promise.reject(new Error('boom')) };
    t.app.ctx.alignmentSignals.push(failing);
    try {
      await changedInDb(t);
      const v = expectStatus(await team.ws.admin.get<AlignmentView>('/api/v1/alignment'), 200);
      expect(v.unavailable).toEqual([{ room: 'wins', message: 'The wins room could not report its signals just now; the score is shown without it.' }]);
      expect(v.strategies[4]).toMatchObject({ strategy: 'wins', status: 'unavailable', score: null, summary: 'The wins room could not report just now; the score leaves it out.' });
    } finally {
      t.app.ctx.alignmentSignals.splice(t.app.ctx.alignmentSignals.indexOf(failing), 1);
    }
  });
});

describe('PUT /alignment/weights', () => {
  it('lets a leader or admin set the weights, answers the score recomputed and audits the change in words', async () => {
    const team = await makeWinsTeam(t);
    await postWin(team.seller.client, [team.seller.member.id, team.marketer.member.id], { wonOn: day(-1) });
    const v = expectStatus(await team.ws.admin.request<AlignmentView>('PUT', '/api/v1/alignment/weights', { body: weights }), 200);
    expect(v.weights).toEqual(weights);
    expect(v.strategies.map((s) => s.weight)).toEqual([40, 20, 20, 0, 20]);
    expect(expectStatus(await team.seller.client.get<AlignmentView>('/api/v1/alignment'), 200).weights).toEqual(weights);
    // Only the Celebration strategy weighs in now: the overall is its score.
    const only = { goals: 0, checkins: 0, messaging: 0, shadowing: 0, wins: 100 };
    const o = expectStatus(await team.ws.admin.request<AlignmentView>('PUT', '/api/v1/alignment/weights', { body: only }), 200);
    expect(o.overall.score).toBe(o.strategies[4]!.score);
    const log = expectStatus(await team.ws.admin.get<{ items: Array<{ action: string; summary: string }> }>('/api/v1/audit?limit=5'), 200).items;
    const entry = log.find((e) => e.action === 'alignment_weights.changed')!;
    expect(entry.summary).toContain('set the alignment weights to goals 0, cadence 0, messaging 0, shadowing 0, celebration 100');
  });

  it('refuses members and viewers with 403, in words', async () => {
    const team = await makeWinsTeam(t);
    for (const who of [team.seller, team.viewer]) {
      const res = await who.client.request('PUT', '/api/v1/alignment/weights', { body: weights });
      expect(res.status).toBe(403);
      expect(res.error?.message).toBe('Only leaders and admins change how the alignment score weighs the strategies.');
    }
    expectStatus(await team.salesLead.client.request('PUT', '/api/v1/alignment/weights', { body: weights }), 200);
    expectStatus(await team.viewer.client.get('/api/v1/alignment'), 200);
  });

  it.each([
    [{ ...weights, goals: 101 }, 'must be a whole number from 0 to 100'],
    [{ ...weights, goals: 2.5 }, 'must be a whole number from 0 to 100'],
    [{ ...weights, goals: '40' }, 'must be a whole number from 0 to 100'],
    [{ goals: 0, checkins: 0, messaging: 0, shadowing: 0, wins: 0 }, 'Give at least one strategy a weight above 0'],
    [{ goals: 40 }, ''],
    [{ ...weights, extra: 1 }, ''],
  ])('answers 400 in words for %j', async (body, words) => {
    const team = await makeWinsTeam(t);
    const res = await team.ws.admin.request('PUT', '/api/v1/alignment/weights', { body });
    expect(res.status).toBe(400);
    expect(res.error?.message).toContain(words);
    expect(res.error?.message.length).toBeGreaterThan(10);
  });

  it('two leaders setting weights at the same moment both succeed, one wins, never a 500', async () => {
    const team = await makeWinsTeam(t);
    const a = { ...weights, goals: 10 };
    const b = { ...weights, goals: 90 };
    const [ra, rb] = await Promise.all([team.ws.admin.request('PUT', '/api/v1/alignment/weights', { body: a }), team.ws.admin.request('PUT', '/api/v1/alignment/weights', { body: b })]);
    for (const r of [ra, rb]) expect([200, 409]).toContain(r.status);
    const now = expectStatus(await team.ws.admin.get<AlignmentView>('/api/v1/alignment'), 200).weights.goals;
    expect([10, 90]).toContain(now);
  });
});

describe('another workspace', () => {
  it('never sees or changes the first one’s weights', async () => {
    const one = await makeWinsTeam(t);
    const two = await makeWinsTeam(t);
    expectStatus(await one.ws.admin.request('PUT', '/api/v1/alignment/weights', { body: weights }), 200);
    expect(expectStatus(await two.ws.admin.get<AlignmentView>('/api/v1/alignment'), 200).weights.goals).toBe(20);
    expectStatus(await two.ws.admin.request('PUT', '/api/v1/alignment/weights', { body: { ...weights, goals: 5 } }), 200);
    expect(expectStatus(await one.ws.admin.get<AlignmentView>('/api/v1/alignment'), 200).weights.goals).toBe(40);
  });
});

describe('the check-in agenda', () => {
  it('lists the score’s top next actions, with the points each would add, as its alignment to-dos', async () => {
    const team = await makeWinsTeam(t);
    await makeWeeklySeries(team.ws.admin, { weeksBack: 1, quorum: { requirements: [{ team: 'leadership', min: 1, keyPlayersOnly: false }] } });
    await makePublishedTeam(team.salesLead.client, 'sales');
    const { upcoming } = await meetingsAround(team.ws.admin);
    const meeting = await getMeeting(team.ws.admin, upcoming[0]!.id);
    const view = expectStatus(await team.ws.admin.get<AlignmentView>('/api/v1/alignment'), 200);
    const section = meeting.agenda.sections.find((s) => s.key === 'alignment_todos')!;
    expect(section.title).toBe('Top to-dos from the alignment score');
    const top = view.nextActions.filter((a) => a.points > 0).slice(0, 3);
    expect(section.items.map((i) => i.text)).toEqual(top.map((a) => a.text));
    expect(section.items[0]!.detail).toMatch(/^Would add \d+(\.\d)? points? to the alignment score/);
    expect(section.items[0]!.href).toBe(top[0]!.href);
  });
});
