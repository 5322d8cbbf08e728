// Check-in writes under concurrency (SPEC S2; S9 "never a 500"): the same request sent by several people or
// tabs at once, on SQLite and PostgreSQL. Each test checks the answers (2xx, or a refusal in words) and the
// data afterwards: one active series with its attendees once, one meeting per start, attendance once per
// member, a meeting marked held once, items in one order everywhere, one live calendar feed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type ApiResponse } from '../helpers/client.js';
import {
  addMember,
  allPages,
  changedInDb,
  getMeeting,
  insertMeeting,
  makeActionItem,
  makeAgendaItem,
  makeDecision,
  makeFeed,
  makeKeyPlayers,
  makeWeeklySeries,
  makeWorkspace,
  meetingsAround,
  utcDate,
  weekdayOf,
  type ActionItemView,
  type MeetingSummaryView,
  type MeetingView,
  type SeriesView,
  type TestMember,
  type TestWorkspace,
} from '../factories.js';
import { burst, countOf, expectOnly, PARALLEL, tally } from '../factories-concurrency.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface Teams {
  ws: TestWorkspace;
  salesLead: TestMember;
  marketer: TestMember;
}

/** A UTC workspace with a sales lead and a marketer, both key players, and no series yet. */
async function makeTeams(): Promise<Teams> {
  const ws = await makeWorkspace(t, { adminName: 'Ada Admin' });
  const salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
  const marketer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketing' });
  await makeKeyPlayers(ws, [salesLead.member.id, marketer.member.id]);
  return { ws, salesLead, marketer };
}

/** Teams with a series whose last meeting was yesterday and whose next is in six days. */
async function makeTeamsWithSeries(): Promise<Teams & { series: SeriesView; past: MeetingSummaryView[]; upcoming: MeetingSummaryView[] }> {
  const teams = await makeTeams();
  const series = await makeWeeklySeries(teams.ws.admin, { weeksBack: 2 });
  return { ...teams, series, ...(await meetingsAround(teams.ws.admin)) };
}

/** Meetings per start of the workspace's series, as stored: a start held twice would show as 2. */
async function meetingStarts(workspaceId: string): Promise<Map<string, number>> {
  const rows = await t.db.kysely.selectFrom('meetings').select('starts_at').where('workspace_id', '=', workspaceId).execute();
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.starts_at, (out.get(r.starts_at) ?? 0) + 1);
  return out;
}

async function auditCount(workspaceId: string, entityId: string, action: string): Promise<number> {
  return (await t.db.kysely.selectFrom('audit_log').select('id').where('workspace_id', '=', workspaceId).where('entity_id', '=', entityId).where('action', '=', action).execute()).length;
}

describe('the series under concurrency', () => {
  it('sets the series up once when 8 set it up at once, then changes it once per request', async () => {
    const { ws, salesLead, marketer } = await makeTeams();
    const yesterday = utcDate(-1);
    const input = { weekday: weekdayOf(yesterday), localTime: '10:00', startDate: utcDate(-15), attendeeIds: [salesLead.member.id, marketer.member.id, ws.adminMemberId] };
    const put = (body: unknown) => ws.admin.clone().request<{ series: SeriesView | null }>('PUT', '/api/v1/checkins/series', { body });

    const created = await burst(PARALLEL, () => put(input));
    expectOnly(created, [200]);
    const series = await t.db.kysely.selectFrom('checkin_series').select(['id', 'active', 'sequence']).where('workspace_id', '=', ws.id).execute();
    expect(series.filter((s) => s.active === 1), tally(created)).toHaveLength(1);
    expect(series).toHaveLength(1);
    // Every answer shows the one series.
    for (const c of created) expect(c.body.series?.id).toBe(series[0]?.id);

    const changed = await burst(PARALLEL, () => put({ ...input, localTime: '11:00' }));
    expectOnly(changed, [200]);
    const after = await t.db.kysely.selectFrom('checkin_series').select(['id', 'sequence', 'local_time']).where('workspace_id', '=', ws.id).execute();
    expect(after).toEqual([{ id: series[0]?.id, sequence: 2 * PARALLEL - 1, local_time: '11:00' }]);
    const attendees = await t.db.kysely.selectFrom('checkin_attendees').select('member_id').where('workspace_id', '=', ws.id).execute();
    expect(attendees.map((a) => a.member_id).sort()).toEqual(input.attendeeIds.sort());
    for (const n of (await meetingStarts(ws.id)).values()) expect(n).toBe(1);
  });

  it('materialises each missing meeting once when 8 list the meetings at once', async () => {
    const { ws, upcoming } = await makeTeamsWithSeries();
    const before = await meetingStarts(ws.id);
    // Meetings further ahead than any listed so far go missing, as if the horizon had just moved on.
    await t.db.kysely.deleteFrom('meetings').where('workspace_id', '=', ws.id).where('starts_at', '>', upcoming[0]!.start).execute();
    await changedInDb(t);
    const answers = await burst(PARALLEL, () => ws.admin.clone().get<{ items: MeetingSummaryView[] }>('/api/v1/checkins/meetings?when=upcoming&limit=200'));
    expectOnly(answers, [200]);
    expect(await meetingStarts(ws.id)).toEqual(before);
    const ids = new Set(answers.map((a) => a.body.items.map((m) => m.id).join()));
    expect(ids.size, 'every answer lists the same meetings').toBe(1);
  });
});

describe('running a meeting under concurrency', () => {
  it('records the same attendance 8 times at once as one row per member', async () => {
    const { ws, salesLead, marketer, past } = await makeTeamsWithSeries();
    const id = past.at(-1)!.id;
    const answers = await burst(PARALLEL, () => salesLead.client.clone().request<MeetingView>('PUT', `/api/v1/checkins/meetings/${id}/attendance`, { body: { present: [salesLead.member.id, marketer.member.id] } }));
    expectOnly(answers, [200]);
    const rows = await t.db.kysely.selectFrom('meeting_attendance').select(['member_id', 'present']).where('meeting_id', '=', id).execute();
    expect(rows.map((r) => `${r.member_id}:${r.present}`).sort()).toEqual([`${salesLead.member.id}:1`, `${marketer.member.id}:1`, `${ws.adminMemberId}:0`].sort());
  });

  it('marks a meeting held once when 8 mark it at once', async () => {
    const { ws, salesLead, marketer, past } = await makeTeamsWithSeries();
    const id = past.at(-1)!.id;
    expectStatus(await salesLead.client.request('PUT', `/api/v1/checkins/meetings/${id}/attendance`, { body: { present: [salesLead.member.id, marketer.member.id] } }), 200);
    const answers = await burst(PARALLEL, (i) => (i % 2 === 0 ? salesLead : marketer).client.clone().post<MeetingView>(`/api/v1/checkins/meetings/${id}/held`));
    expectOnly(answers, [200]);
    for (const a of answers) expect(a.body.state).toBe('held');
    const heldAt = new Set(answers.map((a) => a.body.heldAt));
    expect(heldAt.size, 'every answer shows the one time it was marked held').toBe(1);
    expect(await auditCount(ws.id, id, 'meeting.held')).toBe(1);
  });

  it('never marks a meeting held on attendance that was changed at the same moment to lose quorum', async () => {
    const { salesLead, marketer, series } = await makeTeamsWithSeries();
    for (let round = 1; round <= 3; round++) {
      // A meeting that ended `round` hours ago (as if rescheduled): it may still be marked held.
      const id = await insertMeeting(t, series.id, new Date(Date.now() - round * 3_600_000 - 30 * 60_000));
      expectStatus(await salesLead.client.request('PUT', `/api/v1/checkins/meetings/${id}/attendance`, { body: { present: [salesLead.member.id, marketer.member.id] } }), 200);
      // Half say the marketer left; half mark it held. Held only stands on the attendance it was judged on.
      const answers = await burst(PARALLEL, (i) =>
        i % 2 === 0
          ? salesLead.client.clone().request('PUT', `/api/v1/checkins/meetings/${id}/attendance`, { body: { present: [salesLead.member.id] } })
          : salesLead.client.clone().post(`/api/v1/checkins/meetings/${id}/held`),
      );
      expectOnly(answers, [200, 400]);
      const meeting = await getMeeting(salesLead.client, id);
      if (meeting.state === 'held') expect(meeting.quorum.met, tally(answers)).toBe(true);
    }
  });

  it('keeps items added at the same moment in one order: the meeting view, its agenda and a second read agree', async () => {
    const { salesLead, upcoming } = await makeTeamsWithSeries();
    const id = upcoming[0]!.id;
    const added = await burst(PARALLEL, (i) => salesLead.client.clone().post<MeetingView>(`/api/v1/checkins/meetings/${id}/agenda-items`, { title: `Topic ${i}`, note: '' }));
    expectOnly(added, [201]);
    const decided = await burst(PARALLEL, (i) => salesLead.client.clone().post<MeetingView>(`/api/v1/checkins/meetings/${id}/decisions`, { text: `Decision ${i}` }));
    expectOnly(decided, [201]);
    const view = await getMeeting(salesLead.client, id);
    expect(view.customItems).toHaveLength(PARALLEL);
    expect(view.decisions).toHaveLength(PARALLEL);
    const agendaOrder = view.agenda.sections.find((s) => s.key === 'attendee_items')?.items.map((i) => i.ref?.id);
    expect(view.customItems.map((c) => c.id)).toEqual(agendaOrder);
    // Oldest first, ties (the same millisecond) broken by id, so every read and both databases agree.
    const byTimeThenId = <T extends { id: string; createdAt: string }>(xs: readonly T[]) => [...xs].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)).map((x) => x.id);
    expect(view.customItems.map((c) => c.id)).toEqual(byTimeThenId(view.customItems));
    expect(view.decisions.map((d) => d.id)).toEqual(byTimeThenId(view.decisions));
  });

  it('lists action items agreed at the same moment in one order', async () => {
    const { salesLead, marketer, past } = await makeTeamsWithSeries();
    const id = past.at(-1)!.id;
    const dueDate = utcDate(6);
    const answers = await burst(PARALLEL, (i) => salesLead.client.clone().post<ActionItemView>(`/api/v1/checkins/meetings/${id}/action-items`, { title: `Follow up ${i}`, ownerId: marketer.member.id, dueDate }));
    expectOnly(answers, [201]);
    const view = await getMeeting(salesLead.client, id);
    expect(view.actionItems).toHaveLength(PARALLEL);
    const sorted = [...view.actionItems].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
    expect(view.actionItems.map((a) => a.id)).toEqual(sorted.map((a) => a.id));
    const mine = await allPages<ActionItemView>(marketer.client, '/api/v1/checkins/action-items');
    expect(mine.map((a) => a.id)).toEqual(sorted.map((a) => a.id));
  });

  it('closes an action item once when 8 mark it done at once', async () => {
    const { ws, salesLead, marketer, past } = await makeTeamsWithSeries();
    const item = await makeActionItem(salesLead.client, past.at(-1)!.id, { ownerId: marketer.member.id, dueDate: utcDate(6) });
    const answers = await burst(PARALLEL, () => marketer.client.clone().patch<ActionItemView>(`/api/v1/checkins/action-items/${item.id}`, { status: 'done' }));
    expectOnly(answers, [200]);
    const closedAt = new Set(answers.map((a) => a.body.closedAt));
    expect(closedAt.size, 'every answer shows the one time it was closed').toBe(1);
    expect(await auditCount(ws.id, item.id, 'action_item.changed')).toBe(1);
  });

  it('builds an upcoming agenda 8 times at once (each read stores it) and removes an item once when 8 remove it', async () => {
    const { salesLead, upcoming } = await makeTeamsWithSeries();
    const id = upcoming[0]!.id;
    const itemId = await makeAgendaItem(salesLead.client, id);
    const decisionId = await makeDecision(salesLead.client, upcoming[0]!.id);
    const reads = await burst(PARALLEL, () => salesLead.client.clone().get<MeetingView>(`/api/v1/checkins/meetings/${id}`));
    expectOnly(reads, [200]);
    const removed = await burst(PARALLEL, () => salesLead.client.clone().delete(`/api/v1/checkins/agenda-items/${itemId}`));
    // The first removes it; a later one finds nothing to remove, as it would one after another.
    expectOnly(removed, [200, 404]);
    expect(countOf(removed, 200), tally(removed)).toBeGreaterThanOrEqual(1);
    const unDecided = await burst(PARALLEL, () => salesLead.client.clone().delete(`/api/v1/checkins/decisions/${decisionId}`));
    expectOnly(unDecided, [200, 404]);
    const view = await getMeeting(salesLead.client, id);
    expect(view.customItems).toEqual([]);
    expect(view.decisions).toEqual([]);
  });

  it('saves the same notes 8 times at once', async () => {
    const { salesLead, past } = await makeTeamsWithSeries();
    const id = past.at(-1)!.id;
    const answers = await burst(PARALLEL, () => salesLead.client.clone().patch<MeetingView>(`/api/v1/checkins/meetings/${id}`, { notes: '# Notes\n- agreed' }));
    expectOnly(answers, [200]);
    expect((await getMeeting(salesLead.client, id)).notes).toBe('# Notes\n- agreed');
  });
});

describe('the calendar feed under concurrency', () => {
  it('leaves exactly one live feed when 8 make it at once, and only its URL works', async () => {
    const { ws, salesLead } = await makeTeamsWithSeries();
    const answers = await burst(PARALLEL, () => salesLead.client.clone().post<{ url: string | null }>('/api/v1/checkins/feed'));
    expectOnly(answers, [201]);
    const live = await t.db.kysely.selectFrom('calendar_feeds').select('id').where('workspace_id', '=', ws.id).where('member_id', '=', salesLead.member.id).where('revoked_at', 'is', null).execute();
    expect(live, tally(answers)).toHaveLength(1);
    const fetched: Array<ApiResponse<unknown>> = [];
    for (const a of answers) fetched.push(await t.client().get(new URL(a.body.url ?? '').pathname));
    expect(countOf(fetched, 200), tally(fetched)).toBe(1);
    expect(countOf(fetched, 404)).toBe(PARALLEL - 1);
  });

  it('serves one feed fetched 8 times at once (each fetch may note when it was fetched), and revokes it once', async () => {
    const { ws, salesLead } = await makeTeamsWithSeries();
    const path = await makeFeed(salesLead.client);
    const fetched = await burst(PARALLEL, () => t.client().get(path));
    expectOnly(fetched, [200]);
    expect(new Set(fetched.map((f) => f.text.replace(/DTSTAMP:\S+/g, ''))).size, 'every fetch reads the same calendar').toBe(1);
    const revoked = await burst(PARALLEL, () => salesLead.client.clone().delete('/api/v1/checkins/feed'));
    expectOnly(revoked, [200]);
    const live = await t.db.kysely.selectFrom('calendar_feeds').select('id').where('workspace_id', '=', ws.id).where('revoked_at', 'is', null).execute();
    expect(live).toEqual([]);
    expect((await t.client().get(path)).status).toBe(404);
  });
});
