// Getting started (issue 10 "Onboarding"): GET /api/v1/me/getting-started lists every room's steps to the first
// value, in order, each done from the workspace's real state (never a stored tick), and a member may put the
// list away once every step is done. Runs on SQLite and PostgreSQL. This file walks the steps of the rooms up to
// messaging (orders 10–100); a room after them (wins, shadowing…) walks its own in its tests, so the walk below
// reads the checklist without them, once it has checked that theirs come after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { GettingStartedView } from '../../src/server/contract-routes.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import {
  addMember,
  changedInDb,
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
import { insertDeals } from '../factories-deals.js';
import { logEvidence, makePain } from '../factories-pains.js';
import { decide, makePiece, requestReview, setThreshold } from '../factories-pieces.js';
import { commitAndWait, HUBSPOT_DEALS, hubspotCsv, uploadAndCheck } from './deals-imports-fixtures.js';

type View = z.infer<typeof GettingStartedView>;

/** The rooms whose steps this file walks, in the walk's order. */
const WALKED = ['workspaces', 'goals', 'checkins', 'deals', 'messaging'];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const read = async (by: Client): Promise<View> => expectStatus(await by.get<View>('/api/v1/me/getting-started'), 200);
const doneKeys = (v: View) => v.steps.filter((s) => s.done).map((s) => s.key);
const step = (v: View, key: string) => v.steps.find((s) => s.key === key);

describe('rooms after messaging', () => {
  it("put their steps after the ten walked here (order above 100), so they never come before what they need", async () => {
    const ws = await makeWorkspace(t);
    const v = await read(ws.admin);
    const later = v.steps.filter((s) => !WALKED.includes(s.room));
    expect(v.steps.slice(0, 10).map((s) => s.room)).toEqual(['workspaces', 'workspaces', 'workspaces', 'goals', 'goals', 'checkins', 'checkins', 'deals', 'messaging', 'messaging']);
    for (const s of later) expect(s.order, s.key).toBeGreaterThan(100);
    expect(v.total).toBe(10 + later.length);
  });
});

describe('the walk', () => {
  // The checklist as these rooms make it (the providers of rooms after them set aside for this walk).
  let others: typeof t.app.ctx.gettingStarted = [];
  beforeAll(() => {
    others = t.app.ctx.gettingStarted.filter((p) => !WALKED.includes(p.room));
    t.app.ctx.gettingStarted = t.app.ctx.gettingStarted.filter((p) => WALKED.includes(p.room));
  });
  afterAll(() => {
    t.app.ctx.gettingStarted.push(...others);
  });

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
        'deals.first_import',
        'messaging.first_evidence',
        'messaging.first_approved_publication',
      ]);
      expect(v).toMatchObject({ done: 0, total: 10, dismissedAt: null, unavailable: [] });
      for (const s of v.steps) expect(s.href).toMatch(/^\/(settings|goals|checkins|deals|messaging)/);
      expect(step(v, 'deals.first_import')).toMatchObject({ title: 'Import your deals from HubSpot or Salesforce', href: '/deals/import', detail: 'No deals yet: upload a CRM export (a CSV) and the KPIs computed from deals fill in.' });
      expect(step(v, 'messaging.first_evidence')).toMatchObject({ title: 'Log what buyers say on sales calls', href: '/messaging/evidence', detail: "None yet: after a call, a rep logs the buyer's own words and the pain they show, in a minute." });
      expect(step(v, 'messaging.first_approved_publication')).toMatchObject({
        title: 'Publish a piece sales approved',
        href: '/messaging/pieces',
        detail: 'No pieces yet: write one, ask a sales member to review it, and publish once they approve and it scores at the threshold.',
      });
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
      expect(res.error?.message).toMatch(/5 steps are still to do: "Set up the weekly check-in", "Hold the first check-in", "Import your deals from HubSpot or Salesforce", "Log what buyers say on sales calls", "Publish a piece sales approved"\.$/);
    });

    it('the weekly check-in set up, then held with quorum today, completes the first seven', async () => {
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
      expect(v).toMatchObject({ done: 7, total: 10 });
    });

    it("the deals step waits for the workspace's own deals, not the demo's, and completes with the first import", async () => {
      await insertDeals(t, ws.id, [{ status: 'open', amount: 100_00, created: '2026-01-05' }]);
      await changedInDb(t);
      expect(step(await read(ws.admin), 'deals.first_import')).toMatchObject({ done: false, detail: 'None of your own yet: the 1 deal here came with the demo. Upload a CRM export and the KPIs computed from deals fill in.' });
      const checked = await uploadAndCheck(ws.admin, 'hubspot-deals.csv', hubspotCsv(HUBSPOT_DEALS));
      expect(step(await read(ws.admin), 'deals.first_import')?.done).toBe(false);
      expect((await commitAndWait(ws.admin, checked.id)).status).toBe('done');
      expect(step(await read(ws.admin), 'deals.first_import')).toMatchObject({ done: true, detail: '3 deals from your CRM; the latest import: hubspot-deals.csv.' });
    });

    it('the first evidence a rep logs completes the evidence step, with who and how many are tied to a pain', async () => {
      const pain = await makePain(sales.client, { statement: 'Inbound leads go cold before anyone calls them' });
      await logEvidence(sales.client, pain.id);
      expect(step(await read(marketing.client), 'messaging.first_evidence')).toMatchObject({ done: true, detail: '1 entry logged by 1 person, 1 tied to a pain.' });
      await logEvidence(ws.admin, null, { account: 'Contoso' });
      expect(step(await read(marketing.client), 'messaging.first_evidence')?.detail).toBe('2 entries logged by 2 people, 1 tied to a pain.');
    });

    it("the publishing step needs a piece published with a sales member's approval: drafts, reviews and a leader's override do not do it", async () => {
      const pub = async () => step(await read(ws.admin), 'messaging.first_approved_publication');
      const piece = await makePiece(marketing.client);
      expect(await pub()).toMatchObject({ done: false, detail: 'None published through the sign-off yet (1 draft).' });
      await requestReview(marketing.client, piece.id, [sales.member.id]);
      expect((await pub())?.detail).toBe('None published through the sign-off yet (1 in review).');
      // A leader publishes another piece past the gate, with a reason: it is published, but not through the sign-off.
      await setThreshold(ws, 100);
      const rushed = await makePiece(marketing.client, { title: 'Launch note' });
      expectStatus(await ws.admin.post(`/api/v1/messaging/pieces/${rushed.id}/publish`, { overrideReason: 'The launch date is fixed by our partner.' }), 200);
      expect(await pub()).toMatchObject({ done: false, detail: "None published through the sign-off yet (1 in review). 1 piece went out on a leader's override, which does not count." });
      // Sales approves; with the score at the threshold it is published by its author.
      await decide(sales.client, piece, 'approved');
      expect((await pub())?.detail).toBe("None published through the sign-off yet (1 approved). 1 piece went out on a leader's override, which does not count.");
      await setThreshold(ws, 0);
      expectStatus(await marketing.client.post(`/api/v1/messaging/pieces/${piece.id}/publish`, {}), 200);
      expect(await pub()).toMatchObject({ done: true, detail: "1 piece published with sales approval and a passing score. 1 piece went out on a leader's override, which does not count." });
      expect(await read(ws.admin)).toMatchObject({ done: 10, total: 10 });
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
});
