// The check-in's range rules through HTTP, on both databases (issue 10 "inputs that make sense"): a quorum the
// required attendees cannot reach, a series start date out of its window, an action item due more than two
// years ahead. Each is a 400 with a sentence and the field path in `details`, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import {
  addMember,
  changedInDb,
  getMeeting,
  makeActionItem,
  makeKeyPlayers,
  makeWeeklySeries,
  makeWorkspace,
  meetingsAround,
  putSeries,
  utcDate,
  type SeriesView,
  type TestMember,
  type TestWorkspace,
} from '../factories.js';

let t: TestApp;
let ws: TestWorkspace;
let salesKey: TestMember;
let marketingKey: TestMember;
let rep: TestMember;
let marketer: TestMember;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t, { adminName: 'Ada Admin' });
  salesKey = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
  marketingKey = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketing' });
  rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
  marketer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Max Marketer' });
  await makeKeyPlayers(ws, [salesKey.member.id, marketingKey.member.id]);
});
afterAll(async () => {
  await t?.close();
});

const put = (body: unknown) => ws.admin.request<{ series: SeriesView | null }>('PUT', '/api/v1/checkins/series', { body });
const seriesCount = async () => (await t.db.kysely.selectFrom('checkin_series').select('id').where('workspace_id', '=', ws.id).execute()).length;

describe('the quorum is judged on the required attendees', () => {
  it('refuses attendees who are not key players under the default rule, saying how to fix it', async () => {
    const res = await put({ weekday: 'TU', localTime: '10:00', attendeeIds: [rep.member.id, marketer.member.id] });
    expect(res.status, res.text).toBe(400);
    const sales = 'Quorum needs 1 key player from sales, but the attendees include none: no check-in could count as held; add sales key players to the attendees, mark sales attendees as key players, or lower the rule.';
    expect(res.error?.message).toBe(`${sales} ${sales.replaceAll('sales', 'marketing')}`);
    expect(res.error?.details).toEqual([
      { path: 'body.quorum', message: sales },
      { path: 'body.quorum', message: sales.replaceAll('sales', 'marketing') },
    ]);
    expect(await seriesCount()).toBe(0);
  });

  it('accepts the same attendees with a rule that counts any member of each team', async () => {
    const quorum = { requirements: [{ team: 'sales', min: 1, keyPlayersOnly: false }, { team: 'marketing', min: 1, keyPlayersOnly: false }] };
    const series = await putSeries(ws.admin, { weekday: 'TU', localTime: '10:00', attendeeIds: [rep.member.id, marketer.member.id], quorum } as never);
    expect(series.quorumText).toBe('At least 1 member from sales and 1 member from marketing');
    // And once they are marked key players, the default rule is reachable too.
    await makeKeyPlayers(ws, [rep.member.id]);
    const refused = await put({ weekday: 'TU', localTime: '10:00', attendeeIds: [rep.member.id, marketer.member.id] });
    expect(refused.error?.details).toEqual([{ path: 'body.quorum', message: expect.stringMatching(/^Quorum needs 1 key player from marketing/) as unknown }]);
    await makeKeyPlayers(ws, [marketer.member.id]);
    expect((await putSeries(ws.admin, { weekday: 'TU', localTime: '10:00', attendeeIds: [rep.member.id, marketer.member.id] })).attendees).toHaveLength(2);
  });
});

describe('the series start date', () => {
  it.for([
    ['0001-01-01', /^The start date 1 Jan 0001 is out of range; a series starts between .* \(meetings that far back are not kept\)\.$/],
    [utcDate(-2 * 366), /meetings that far back are not kept/],
    [utcDate(367), /set it up nearer the time/],
    ['2999-12-31', /^The start date 31 Dec 2999 is out of range/],
  ] as const)('refuses %s', async ([startDate, message]) => {
    const before = await t.db.kysely.selectFrom('checkin_series').select(['start_date', 'sequence']).where('workspace_id', '=', ws.id).executeTakeFirst();
    const res = await put({ weekday: 'TU', localTime: '10:00', startDate });
    expect(res.status, res.text).toBe(400);
    expect(res.error?.message).toMatch(message);
    expect(res.error?.details).toEqual([{ path: 'body.startDate', message: res.error?.message }]);
    const after = await t.db.kysely.selectFrom('checkin_series').select(['start_date', 'sequence']).where('workspace_id', '=', ws.id).executeTakeFirst();
    expect(after).toEqual(before);
  });

  it('accepts the edges of the window, and a series keeps a start date it already has', async () => {
    expect((await putSeries(ws.admin, { weekday: 'TU', localTime: '10:00', startDate: utcDate(-700) })).startDate).toBe(utcDate(-700));
    expect((await putSeries(ws.admin, { weekday: 'TU', localTime: '10:00', startDate: utcDate(360) })).startDate).toBe(utcDate(360));
    // A series that began three years ago is still edited with its own start date.
    const old = utcDate(-3 * 365);
    await t.db.kysely.updateTable('checkin_series').set({ start_date: old }).where('workspace_id', '=', ws.id).execute();
    await changedInDb(t);
    expect((await putSeries(ws.admin, { weekday: 'TU', localTime: '11:00', startDate: old })).startDate).toBe(old);
  });
});

describe('action item due dates', () => {
  let meetingId: string;
  beforeAll(async () => {
    await makeWeeklySeries(ws.admin, { weeksBack: 1 });
    meetingId = (await meetingsAround(ws.admin)).upcoming[0]!.id;
  });

  it('refuses one due more than two years ahead, on create and on change', async () => {
    const res = await ws.admin.post(`/api/v1/checkins/meetings/${meetingId}/action-items`, { title: 'Send the lost-deal list', ownerId: rep.member.id, dueDate: '2999-12-31' });
    expect(res.status, res.text).toBe(400);
    expect(res.error?.message).toMatch(/^The due date 31 Dec 2999 is more than two years away; pick a date up to \d+ \w+ \d{4}, or split the work into nearer steps\.$/);
    expect(res.error?.details).toEqual([{ path: 'body.dueDate', message: res.error?.message }]);
    expect((await getMeeting(ws.admin, meetingId)).actionItems).toEqual([]);

    const item = await makeActionItem(ws.admin, meetingId, { ownerId: rep.member.id, dueDate: utcDate(700) });
    const changed = await ws.admin.patch(`/api/v1/checkins/action-items/${item.id}`, { dueDate: utcDate(800) });
    expect(changed.status, changed.text).toBe(400);
    expect(changed.error?.details).toEqual([{ path: 'body.dueDate', message: expect.stringMatching(/more than two years away/) as unknown }]);
  });

  it('refuses one before the meeting, with its path', async () => {
    const res = await ws.admin.post(`/api/v1/checkins/meetings/${meetingId}/action-items`, { title: 'Too late', ownerId: rep.member.id, dueDate: '1900-01-01' });
    expect(res.status).toBe(400);
    expect(res.error?.details).toEqual([{ path: 'body.dueDate', message: expect.stringMatching(/^The due date 1 Jan 1900 is before the check-in on/) as unknown }]);
  });

  it('a due date kept while the title changes is not judged again', async () => {
    const item = await makeActionItem(ws.admin, meetingId, { ownerId: rep.member.id, dueDate: utcDate(30) });
    await t.db.kysely.updateTable('action_items').set({ due_date: '2999-12-31' }).where('id', '=', item.id).execute();
    await changedInDb(t);
    expect(expectStatus(await ws.admin.patch(`/api/v1/checkins/action-items/${item.id}`, { title: 'Renamed' }), 200)).toMatchObject({ title: 'Renamed' });
  });
});
