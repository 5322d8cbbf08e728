// Getting started (issue 10 "Onboarding"): GET /api/v1/me/getting-started lists every room's steps to the first
// value, in order, each done from the workspace's real state (never a stored tick), and a member may put the
// list away once every step is done. Runs on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { GettingStartedView } from '../../src/server/contract-routes.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import {
  addMember,
  getMeeting,
  makeKeyPlayers,
  makeKpi,
  makeWorkspace,
  meetingsAround,
  publishTopThree,
  putSeries,
  recordAttendance,
  utcDate,
  weekdayOf,
  type TestMember,
  type TestWorkspace,
} from '../factories.js';

type View = z.infer<typeof GettingStartedView>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const read = async (by: Client): Promise<View> => expectStatus(await by.get<View>('/api/v1/me/getting-started'), 200);
const doneKeys = (v: View) => v.steps.filter((s) => s.done).map((s) => s.key);

describe('a new workspace walks to its first value', () => {
  let ws: TestWorkspace;
  let sales: TestMember;
  let marketing: TestMember;

  beforeAll(async () => {
    ws = await makeWorkspace(t, { timeZone: 'UTC' });
  });

  it('starts with every step to do, in the order they are best done, each linking to where it is done', async () => {
    const v = await read(ws.admin);
    expect(v.steps.map((s) => s.key)).toEqual([
      'workspaces.invite_teams',
      'workspaces.key_players',
      'workspaces.calendar',
      'goals.top_three',
      'goals.first_publication',
      'checkins.series',
      'checkins.first_held',
    ]);
    expect(v).toMatchObject({ done: 0, total: 7, dismissedAt: null, unavailable: [] });
    for (const s of v.steps) expect(s.href).toMatch(/^\/(settings|goals|checkins)/);
  });

  it('the calendar step completes when the settings are saved, even unchanged on a UTC workspace with a January fiscal year', async () => {
    expectStatus(await ws.admin.patch('/api/v1/workspace', { timeZone: 'UTC', fiscalYearStartMonth: 1 }), 200);
    const v = await read(ws.admin);
    expect(doneKeys(v)).toEqual(['workspaces.calendar']);
    expect(v.done).toBe(1);
  });

  it('inviting both teams and marking a key player in each completes the first two', async () => {
    sales = await addMember(t, ws, { team: 'sales', name: 'Sam Sales' });
    expect(doneKeys(await read(ws.admin))).not.toContain('workspaces.invite_teams');
    marketing = await addMember(t, ws, { team: 'marketing', name: 'Mara Marketing' });
    expect(doneKeys(await read(ws.admin))).toContain('workspaces.invite_teams');
    await makeKeyPlayers(ws, [sales.member.id, marketing.member.id]);
    const v = await read(sales.client);
    expect(doneKeys(v)).toEqual(['workspaces.invite_teams', 'workspaces.key_players', 'workspaces.calendar']);
    expect(v.steps.find((s) => s.key === 'workspaces.key_players')?.detail).toMatch(/Now: 1 in sales, 1 in marketing/);
  });

  it("each team's top three with how-measured, then each team's first publication", async () => {
    for (const team of ['sales', 'marketing'] as const) {
      for (const rank of [1, 2, 3]) await makeKpi(ws.admin, { team, name: `${team} KPI ${rank}`, rank });
      const v = await read(ws.admin);
      expect(v.steps.find((s) => s.key === 'goals.top_three')?.done).toBe(team === 'marketing');
    }
    expect((await read(ws.admin)).steps.find((s) => s.key === 'goals.top_three')?.detail).toBe('Ranked and measured now: Sales 3 of 3, Marketing 3 of 3.');
    await publishTopThree(ws.admin, 'sales');
    const half = (await read(ws.admin)).steps.find((s) => s.key === 'goals.first_publication');
    expect(half).toMatchObject({ done: false, detail: 'Sales published #1; Marketing has not published yet.' });
    await publishTopThree(ws.admin, 'marketing');
    expect(doneKeys(await read(ws.admin))).toContain('goals.first_publication');
  });

  it('the list cannot be put away while steps are left, and says which', async () => {
    const res = await ws.admin.post('/api/v1/me/getting-started/dismiss');
    expect(res.status).toBe(400);
    expect(res.error?.message).toMatch(/2 steps are still to do: "Set up the weekly check-in", "Hold the first check-in"/);
  });

  it('the weekly check-in set up, then held with quorum today, completes the list', async () => {
    // The meeting of yesterday (UTC workspace): ended, and still within the week a leader may mark it held.
    const yesterday = utcDate(-1);
    const series = await putSeries(ws.admin, { weekday: weekdayOf(yesterday), localTime: '10:00', startDate: yesterday });
    expect(doneKeys(await read(ws.admin))).toContain('checkins.series');
    const { past } = await meetingsAround(ws.admin);
    const started = past[0];
    expect(started, `a meeting of series ${series.id} that has started`).toBeDefined();
    const id = started?.id ?? '';
    await recordAttendance(ws.admin, id, [sales.member.id, marketing.member.id]);
    expect(doneKeys(await read(ws.admin))).not.toContain('checkins.first_held');
    expectStatus(await ws.admin.post(`/api/v1/checkins/meetings/${id}/held`), 200);
    expect((await getMeeting(ws.admin, id)).state).toBe('held');
    const v = await read(ws.admin);
    expect(v).toMatchObject({ done: 7, total: 7 });
  });

  it('once every step is done, a member puts the list away for themself only', async () => {
    const v = expectStatus(await sales.client.post<View>('/api/v1/me/getting-started/dismiss'), 200);
    expect(v.dismissedAt).not.toBeNull();
    expect((await read(sales.client)).dismissedAt).toBe(v.dismissedAt);
    expect((await read(ws.admin)).dismissedAt).toBeNull();
    // Again: already put away, nothing changes.
    expect(expectStatus(await sales.client.post<View>('/api/v1/me/getting-started/dismiss'), 200).dismissedAt).toBe(v.dismissedAt);
  });

  it('another workspace starts from its own state', async () => {
    const other = await makeWorkspace(t);
    expect((await read(other.admin)).done).toBe(0);
  });
});
