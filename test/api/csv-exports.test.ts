// SPEC S7 "CSV of every table a user sees": each table's CSV holds exactly the rows its JSON list holds for the same
// filters and the same person — every page, in order — with readable headers, values in their units, dates in the
// workspace's zone and formula-like cells made text; another workspace gets nothing of it. Both databases.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import type { MemberView } from '../helpers/views.js';
import {
  addMember,
  allPages,
  makeActionItem,
  makeApiToken,
  makeInvite,
  makeKpi,
  makeWeeklySeries,
  makeWorkspace,
  meetingsAround,
  utcDate,
  type ActionItemView,
  type KpiView,
  type MeetingSummaryView,
  type TestMember,
  type TestWorkspace,
} from '../factories.js';

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let salesLead: TestMember;
let seller: TestMember;
let pipeline: KpiView;

/** The CSV's rows (header first), after checking it is a CSV download. */
async function csvOf(by: Client, url: string): Promise<string[][]> {
  const res = await by.get(url);
  expect(res.status, `${url}: ${res.text.slice(0, 300)}`).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
  expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.csv"$/);
  expect(res.text.startsWith('\uFEFF')).toBe(true);
  return parse(res.text, { bom: true }) as string[][];
}

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { timeZone: 'America/New_York' });
  other = await makeWorkspace(t);
  salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Seller' });
  seller = await addMember(t, ws, { role: 'member', team: 'sales', name: '=HYPERLINK("http://evil.test","click")' });
  await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketer' });
  pipeline = await makeKpi(salesLead.client, { team: 'sales', name: 'Pipeline generated', kind: 'pipeline_generated', period: 'month', target: 50_000_000 });
  await makeKpi(salesLead.client, { team: 'sales', name: 'Win rate', kind: 'win_rate', period: 'month', target: 30 });
  // 450 values: the CSV must follow the list across three pages of 200.
  const values = Array.from({ length: 450 }, (_, i) => ({ date: utcDate(-i - 1), value: 1000 * (i + 1) + 55, note: i === 0 ? '+1 from the webinar' : null }));
  expectStatus(await salesLead.client.post(`/api/v1/goals/kpis/${pipeline.id}/values`, { values }), 200);
});

afterAll(async () => {
  await t.close();
});

describe('CSV downloads', () => {
  it("a KPI's values: every page, newest first, money as dollars, the same rows as the list with the same bounds", async () => {
    const rows = await csvOf(ws.admin, `/api/v1/goals/kpis/${pipeline.id}/values.csv`);
    expect(rows[0]).toEqual(['Date', 'Pipeline generated (USD)', 'Source', 'Note']);
    const list = await allPages<{ date: string; value: number; note: string | null }>(ws.admin, `/api/v1/goals/kpis/${pipeline.id}/values`);
    expect(list).toHaveLength(450);
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.map((v) => v.date));
    expect(rows.slice(1).map((r) => r[1])).toEqual(list.map((v) => (v.value / 100).toFixed(2)));
    // A note starting with + would run as a formula in a spreadsheet: it is text.
    expect(rows[1]).toEqual([list[0]!.date, '10.55', 'Typed in', "'+1 from the webinar"]);
    const from = utcDate(-30);
    const bounded = await csvOf(ws.admin, `/api/v1/goals/kpis/${pipeline.id}/values.csv?from=${from}`);
    expect(bounded.slice(1).map((r) => r[0])).toEqual((await allPages<{ date: string }>(ws.admin, `/api/v1/goals/kpis/${pipeline.id}/values?from=${from}`)).map((v) => v.date));
    expect(bounded).toHaveLength(31);
  });

  it('the KPIs list with the same filters: team, target in its unit, this period and its status in words', async () => {
    const rows = await csvOf(ws.admin, '/api/v1/goals/kpis.csv?team=sales');
    expect(rows[0]?.slice(0, 4)).toEqual(['Team', 'Rank', 'KPI', 'Kind']);
    const list = await allPages<KpiView>(ws.admin, '/api/v1/goals/kpis?team=sales');
    expect(rows.slice(1).map((r) => r[2])).toEqual(list.map((k) => k.name));
    const head = rows[0]!;
    const row = Object.fromEntries(head.map((h, i) => [h, rows.find((r) => r[2] === 'Pipeline generated')![i]]));
    expect(row).toMatchObject({ Team: 'Sales', Unit: 'USD', Target: '500000.00', 'Data source': 'Typed in', Shared: 'No' });
    expect(head.at(-1)).toBe('Last changed (America/New_York)');
    expect(row['Last changed (America/New_York)']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect((await csvOf(ws.admin, '/api/v1/goals/kpis.csv?team=marketing')).length).toBe(1);
    expect((await csvOf(ws.admin, '/api/v1/goals/kpis.csv?q=win')).slice(1).map((r) => r[2])).toEqual(['Win rate']);
  });

  it('the KPI catalog, built-in kinds then the workspace\'s own, with the same search', async () => {
    const rows = await csvOf(ws.admin, '/api/v1/goals/catalog.csv');
    expect(rows[0]).toEqual(['Kind', 'Unit', 'Better when', 'Usually', 'How it is measured', 'Source']);
    const list = await allPages<{ name: string }>(ws.admin, '/api/v1/goals/catalog');
    expect(rows.slice(1).map((r) => r[0])).toEqual(list.map((c) => c.name));
    expect(rows.find((r) => r[0] === 'Pipeline generated')?.[1]).toBe('USD');
    expect((await csvOf(ws.admin, '/api/v1/goals/catalog.csv?q=win')).slice(1).map((r) => r[0])).toEqual(['Win rate']);
  });

  it('people, with the same search and team filter as the list; a formula-like name stays text', async () => {
    const rows = await csvOf(ws.admin, '/api/v1/members.csv');
    expect(rows[0]).toEqual(['Name', 'Email', 'Team', 'Role', 'Function', 'Manager', 'Key player', 'Status', 'Joined (America/New_York)', 'Added (America/New_York)']);
    const list = await allPages<MemberView>(ws.admin, '/api/v1/members');
    expect(rows.slice(1).map((r) => r[1])).toEqual(list.map((m) => m.email));
    expect(rows.find((r) => r[1] === seller.email)?.[0]).toBe(`'=HYPERLINK("http://evil.test","click")`);
    const sales = await csvOf(ws.admin, '/api/v1/members.csv?team=sales');
    expect(sales.slice(1).map((r) => r[1])).toEqual((await allPages<MemberView>(ws.admin, '/api/v1/members?team=sales')).map((m) => m.email));
    expect(sales.slice(1).every((r) => r[2] === 'Sales')).toBe(true);
    // Any member sees the people list, so any member may download it.
    expect((await csvOf(seller.client, '/api/v1/members.csv?q=mia')).slice(1).map((r) => r[0])).toEqual(['Mia Marketer']);
    const bad = await ws.admin.get('/api/v1/members.csv?team=pirates');
    expect(bad.status).toBe(400);
  });

  it('invites and API tokens are for admins, as their lists are, and never carry a link or a token', async () => {
    const invite = await makeInvite(ws, { email: 'new.person@example.test' });
    const token = await makeApiToken(ws, 'Warehouse');
    const invites = await csvOf(ws.admin, '/api/v1/invites.csv');
    expect(invites.slice(1).map((r) => r[0])).toContain('new.person@example.test');
    expect(JSON.stringify(invites)).not.toContain(invite.token);
    const tokens = await csvOf(ws.admin, '/api/v1/tokens.csv');
    expect(tokens.slice(1).map((r) => r[0])).toEqual(['Warehouse']);
    expect(JSON.stringify(tokens)).not.toContain(token.token);
    for (const url of ['/api/v1/invites.csv', '/api/v1/tokens.csv']) {
      const res = await seller.client.get(url);
      expect(res.status, url).toBe(403);
      expect(res.headers['content-type']).toMatch(/json/);
    }
  });

  it('meetings and action items: the same rows as their lists, times in the workspace zone; yours or everyone’s', async () => {
    await makeWeeklySeries(ws.admin, { weeksBack: 3, quorum: { requirements: [{ team: 'leadership', min: 1, keyPlayersOnly: true }] } });
    const { past } = await meetingsAround(ws.admin);
    const meeting = past[0]!;
    await makeActionItem(ws.admin, meeting.id, { title: 'Send the lost-deal list', ownerId: seller.member.id, dueDate: utcDate(3) });
    await makeActionItem(ws.admin, meeting.id, { title: '@mention the webinar', ownerId: ws.adminMemberId, dueDate: utcDate(4) });
    const pastCsv = await csvOf(ws.admin, '/api/v1/checkins/meetings.csv?when=past');
    expect(pastCsv[0]?.[0]).toBe('Starts (America/New_York)');
    const pastList = await allPages<MeetingSummaryView>(ws.admin, '/api/v1/checkins/meetings?when=past');
    expect(pastCsv.length - 1).toBe(pastList.length);
    expect(pastCsv.slice(1).map((r) => r[5])).toEqual(pastList.map((m) => String(m.actionItems)));
    expect(pastCsv[1]?.[0]).toMatch(/^\d{4}-\d{2}-\d{2} 10:00$/);
    const upcomingList = await allPages<MeetingSummaryView>(ws.admin, '/api/v1/checkins/meetings?when=upcoming');
    const upcoming = await csvOf(ws.admin, '/api/v1/checkins/meetings.csv?when=upcoming');
    expect(upcoming.length - 1).toBe(upcomingList.length);
    // As the page shows them: upcoming soonest first, then the past most recent first.
    const both = await csvOf(ws.admin, '/api/v1/checkins/meetings.csv');
    expect(both.slice(1)).toEqual([...upcoming.slice(1), ...pastCsv.slice(1)]);
    // One meeting's action items, as its page lists them.
    const items = await csvOf(seller.client, `/api/v1/checkins/meetings/${meeting.id}/action-items.csv`);
    expect(items.slice(1).map((r) => [r[0], r[1]])).toEqual([
      ['Send the lost-deal list', '=HYPERLINK("http://evil.test","click")'.replace(/^/, "'")],
      ["'@mention the webinar", 'Ada Admin'],
    ]);
    expect((await other.admin.get(`/api/v1/checkins/meetings/${meeting.id}/action-items.csv`)).status).toBe(404);

    const everyone = await csvOf(ws.admin, '/api/v1/checkins/action-items.csv?owner=anyone&status=all');
    const list = await allPages<ActionItemView>(ws.admin, '/api/v1/checkins/action-items?owner=anyone&status=all');
    expect(everyone.slice(1).map((r) => r[0])).toEqual(list.map((a) => (a.title.startsWith('@') ? `'${a.title}` : a.title)));
    expect(everyone.slice(1).map((r) => r[0])).toContain("'@mention the webinar");
    // "Mine" for the seller is the seller's only.
    const mine = await csvOf(seller.client, '/api/v1/checkins/action-items.csv');
    expect(mine.slice(1).map((r) => r[0])).toEqual(['Send the lost-deal list']);
  });

  it("another workspace cannot download this one's: a KPI's values by id answer 404, and its lists are its own", async () => {
    const res = await other.admin.get(`/api/v1/goals/kpis/${pipeline.id}/values.csv`);
    expect(res.status).toBe(404);
    expect(res.error?.code).toBe('not_found');
    const people = await csvOf(other.admin, '/api/v1/members.csv');
    expect(people.slice(1).map((r) => r[0])).toEqual(['Ada Admin']);
    expect(JSON.stringify(await csvOf(other.admin, '/api/v1/goals/kpis.csv'))).not.toContain('Pipeline generated');
    expect((await t.client().get('/api/v1/members.csv')).status).toBe(401);
  });
});
