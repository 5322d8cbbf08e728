// Running the weekly check-in through HTTP (SPEC S2): the agenda built for each meeting (the sections of the
// rooms that exist, in the SPEC's order, the KPIs of both teams, action items carried over until done, items attendees add),
// attendance and quorum, marking a meeting held (only with quorum, only once it started), action items
// with their owner and due date, the missed-meeting sweep that alerts the leaders, and compliance.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { sweepCheckins } from '../../src/capabilities/checkins/jobs.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import type { AuditEntryView, NotificationsView } from '../helpers/views.js';
import {
  addMember,
  allPages,
  changedInDb,
  getMeeting,
  insertMeeting,
  makeActionItem,
  makeAgendaItem,
  makeKeyPlayers,
  makePublishedTeam,
  makeWeeklySeries,
  makeWorkspace,
  markHeldInDb,
  meetingsAround,
  putSeries,
  recordAttendance,
  utcDate,
  weekdayOf,
  type ActionItemView,
  type ComplianceView,
  type MeetingSummaryView,
  type MeetingView,
  type SeriesView,
  type TestMember,
  type TestWorkspace,
} from '../factories.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface Teams {
  ws: TestWorkspace;
  /** Leader, sales key player: an attendee. */
  salesLead: TestMember;
  /** Member, marketing key player: an attendee. */
  marketer: TestMember;
  /** Member, sales, not a key player: not an attendee. */
  rep: TestMember;
  viewer: TestMember;
  series: SeriesView;
  /** Past meetings (days -1, -8, …), oldest first, and upcoming ones (the first in six days). */
  past: MeetingSummaryView[];
  upcoming: MeetingSummaryView[];
}

/** A UTC workspace with its series (default attendees: the admin, the sales lead, the marketer), `weeksBack` weeks old. */
async function makeTeams(weeksBack = 2): Promise<Teams> {
  const ws = await makeWorkspace(t, { adminName: 'Ada Admin' });
  const salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
  const marketer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketing' });
  const rep = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Rae Rep' });
  const viewer = await addMember(t, ws, { role: 'viewer', team: 'sales', name: 'Vic Viewer' });
  await makeKeyPlayers(ws, [salesLead.member.id, marketer.member.id]);
  const series = await makeWeeklySeries(ws.admin, { weeksBack });
  const { past, upcoming } = await meetingsAround(ws.admin);
  expect(past).toHaveLength(weeksBack + 1);
  return { ws, salesLead, marketer, rep, viewer, series, past, upcoming };
}

const last = <T>(xs: T[]): T => {
  const x = xs[xs.length - 1];
  if (x === undefined) throw new Error('empty list');
  return x;
};
const sectionOf = (m: MeetingView, key: string) => {
  const s = m.agenda.sections.find((x) => x.key === key);
  if (!s) throw new Error(`no ${key} section`);
  return s;
};

describe('the agenda of the next meeting', () => {
  it('has the sections of the rooms that exist in the SPEC’s order, the published KPIs, the items carried over and what attendees added', async () => {
    const teams = await makeTeams();
    const { kpi } = await makePublishedTeam(teams.salesLead.client, 'sales', { name: 'Win rate', target: 25 });
    const previous = last(teams.past);
    const next = teams.upcoming[0]!;
    const carried = await makeActionItem(teams.salesLead.client, previous.id, { title: 'Send the lost-deal list', ownerId: teams.marketer.member.id, dueDate: utcDate(8) });
    await makeAgendaItem(teams.rep.client, next.id, 'Webinar leads are students', 'Three this week');

    const view = await getMeeting(teams.rep.client, next.id);
    expect(view.state).toBe('upcoming');
    expect(view.agenda.frozen).toBe(false);
    // Every room's section in the SPEC's order: the wins room's opens the agenda, messaging's evidence and the
    // shadowing room's reflections are there, empty (this workspace has none), and the alignment score's to-dos close
    // the rooms' sections.
    expect(view.agenda.sections.map((s) => s.key)).toEqual(['wins', 'kpis', 'action_items', 'evidence', 'reflections', 'alignment_todos', 'attendee_items']);
    expect(view.agenda.sections.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sectionOf(view, 'alignment_todos').items.length).toBeGreaterThan(0);

    const kpis = sectionOf(view, 'kpis');
    expect(kpis.error).toBeNull();
    expect(kpis.items.map((i) => i.ref)).toContainEqual({ type: 'kpi', id: kpi.id });
    expect(kpis.items.find((i) => i.ref?.id === kpi.id)?.text).toMatch(/^Win rate/);

    const actions = sectionOf(view, 'action_items');
    expect(actions.items).toHaveLength(1);
    expect(actions.items[0]).toMatchObject({ ref: { type: 'action_item', id: carried.id }, text: 'Send the lost-deal list — Mia Marketing' });
    // Due after the meeting (in six days): not overdue at it.
    // Due dates read as people say them: "Due Fri, Dec 4".
    const due = new Intl.DateTimeFormat('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${utcDate(8)}T00:00:00Z`));
    expect(actions.items[0]?.detail).toBe(`Due ${due}`);

    const added = sectionOf(view, 'attendee_items');
    expect(added.items.map((i) => i.text)).toEqual(['Webinar leads are students']);
    expect(view.customItems[0]).toMatchObject({ title: 'Webinar leads are students', note: 'Three this week', addedByName: 'Rae Rep' });
    expect(view.agenda.itemCount).toBe(view.agenda.sections.reduce((n, s) => n + s.items.length, 0));
    expect(view.previousMeetingId).toBe(previous.id);
    expect(view.nextMeetingId).toBe(teams.upcoming[1]?.id);
  });

  it('a stored agenda of a past meeting drops the empty placeholders of rooms not built, and keeps what held items', async () => {
    const teams = await makeTeams();
    const past = last(teams.past);
    const section = (key: string, order: number, items: { id: string; text: string }[] = []) => ({ key, title: key, order, items, emptyText: items.length ? null : 'Nothing.', error: null });
    // As agendas were stored before rooms offered only their own sections.
    const stored = {
      sections: [section('wins', 1), section('kpis', 2), section('action_items', 3), section('evidence', 4, [{ id: 'ev:1', text: 'Kept: it held an item' }]), section('reflections', 5), section('alignment_todos', 6), section('attendee_items', 7)],
      itemCount: 1,
    };
    await t.db.kysely.updateTable('meetings').set({ agenda: JSON.stringify(stored), agenda_refreshed_at: past.start }).where('id', '=', past.id).execute();
    await changedInDb(t);
    const view = await getMeeting(teams.rep.client, past.id);
    expect(view.agenda.frozen).toBe(true);
    // Every room of the SPEC's six sections is built now (reflections came with the shadowing room): all are kept.
    expect(view.agenda.sections.map((s) => s.key)).toEqual(['wins', 'kpis', 'action_items', 'evidence', 'reflections', 'alignment_todos', 'attendee_items']);
    expect(view.agenda.itemCount).toBe(1);
  });

  it('an item agreed in meeting N is on the agenda of N+1 until it is done, then not; an overdue one says so', async () => {
    const teams = await makeTeams();
    const n = last(teams.past);
    const next = teams.upcoming[0]!;
    const open = await makeActionItem(teams.salesLead.client, n.id, { title: 'Tighten the event form', ownerId: teams.marketer.member.id, dueDate: utcDate(2) });
    const late = await makeActionItem(teams.salesLead.client, n.id, { title: 'Define SAL reasons', ownerId: teams.rep.member.id, dueDate: utcDate(-1) });
    // Agreed in N+1 itself: listed with that meeting's items, not carried over onto its own agenda.
    const own = await makeActionItem(teams.salesLead.client, next.id, { title: 'Agreed next week', ownerId: teams.rep.member.id, dueDate: utcDate(10) });

    let view = await getMeeting(teams.salesLead.client, next.id);
    const carried = () => sectionOf(view, 'action_items').items.map((i) => i.ref?.id);
    // The overdue one first.
    expect(carried()).toEqual([late.id, open.id]);
    expect(sectionOf(view, 'action_items').items[0]).toMatchObject({ tone: 'warning' });
    expect(sectionOf(view, 'action_items').items[0]?.detail).toMatch(/^Overdue by 7 days \(due /);
    expect(view.actionItems.map((a) => a.id)).toEqual([own.id]);
    // The meeting N lists what was agreed in it.
    expect((await getMeeting(teams.salesLead.client, n.id)).actionItems.map((a) => a.id).sort()).toEqual([open.id, late.id].sort());

    // The owner (a member who is an attendee) marks it done: it no longer carries over.
    const done = expectStatus(await teams.marketer.client.patch<ActionItemView>(`/api/v1/checkins/action-items/${open.id}`, { status: 'done' }), 200);
    expect(done.status).toBe('done');
    expect(done.closedAt).not.toBeNull();
    view = await getMeeting(teams.salesLead.client, next.id);
    expect(carried()).toEqual([late.id]);
    // The rep owns the late one (not an attendee): owners may drop their own; then nothing is carried.
    expectStatus(await teams.rep.client.patch(`/api/v1/checkins/action-items/${late.id}`, { status: 'dropped' }), 200);
    view = await getMeeting(teams.salesLead.client, next.id);
    expect(carried()).toEqual([]);
    expect(sectionOf(view, 'action_items').emptyText).toMatch(/No open action items/);
    // Reopened, it is back.
    expectStatus(await teams.salesLead.client.patch(`/api/v1/checkins/action-items/${open.id}`, { status: 'open' }), 200);
    view = await getMeeting(teams.salesLead.client, next.id);
    expect(carried()).toEqual([open.id]);

    const audit = await allPages<AuditEntryView>(teams.ws.admin, '/api/v1/audit?entityType=action_item');
    expect(audit.filter((e) => e.action === 'action_item.created')).toHaveLength(3);
    expect(audit.filter((e) => e.action === 'action_item.changed')).toHaveLength(3);
  });
});

describe('attendance, quorum and marking a meeting held', () => {
  it('records who came, says why there is no quorum, refuses to mark it held without, and marks it held with', async () => {
    const teams = await makeTeams();
    const id = await insertMeeting(t, teams.series.id, new Date(Date.now() - 20 * 60_000));

    // The rep is not a key player: present, they do not make the sales side of the quorum.
    let view = await recordAttendance(teams.marketer.client, id, [teams.marketer.member.id, teams.rep.member.id]);
    expect(view.state).toBe('in_progress');
    expect(view.quorum).toEqual({ met: false, reason: 'Needs at least one key player from sales; none attended.' });
    expect(view.canMarkHeld).toEqual({ ok: false, reason: 'Needs at least one key player from sales; none attended.' });
    expect(view.attended).toBe(2);
    const rep = view.attendance.find((a) => a.memberId === teams.rep.member.id);
    expect(rep).toMatchObject({ required: false, present: true, keyPlayer: false });
    expect(view.attendance.filter((a) => a.required).map((a) => a.name).sort()).toEqual(['Ada Admin', 'Mia Marketing', 'Sam Sales']);

    const refused = await teams.salesLead.client.post(`/api/v1/checkins/meetings/${id}/held`);
    expect(refused.status).toBe(400);
    expect(refused.error?.message).toBe('Not held: Needs at least one key player from sales; none attended.');
    expect((await getMeeting(teams.rep.client, id)).state).toBe('in_progress');

    view = await recordAttendance(teams.salesLead.client, id, [teams.marketer.member.id, teams.salesLead.member.id]);
    expect(view.quorum).toEqual({ met: true, reason: 'Quorum met: one key player from sales and one key player from marketing attended.' });
    expect(view.canMarkHeld).toEqual({ ok: true, reason: null });
    // Absent required attendees are recorded as such; the rep is no longer listed.
    expect(view.attendance.map((a) => [a.name, a.present])).toEqual([
      ['Ada Admin', false],
      ['Mia Marketing', true],
      ['Sam Sales', true],
    ]);

    // An attendee who is a member may mark it held; a non-attendee member may not.
    const byRep = await teams.rep.client.post(`/api/v1/checkins/meetings/${id}/held`);
    expect(byRep.status).toBe(403);
    const held = expectStatus(await teams.marketer.client.post<MeetingView>(`/api/v1/checkins/meetings/${id}/held`), 200);
    expect(held.state).toBe('held');
    expect(held.heldAt).not.toBeNull();
    expect(held.canMarkHeld).toEqual({ ok: false, reason: 'Already marked held.' });
    // Again: nothing changes.
    expect(expectStatus(await teams.salesLead.client.post<MeetingView>(`/api/v1/checkins/meetings/${id}/held`), 200).heldAt).toBe(held.heldAt);
    const audit = await allPages<AuditEntryView>(teams.ws.admin, '/api/v1/audit?entityType=meeting');
    expect(audit.filter((e) => e.action === 'meeting.held' && e.entityId === id)).toHaveLength(1);

    // A held meeting takes no more agenda items.
    const late = await teams.rep.client.post(`/api/v1/checkins/meetings/${id}/agenda-items`, { title: 'One more thing', note: '' });
    expect(late.status).toBe(400);
    expect(late.error?.message).toMatch(/add the item to the next one/);
    // Its attendance is the record the quorum was judged on: it no longer changes.
    const after = await teams.salesLead.client.request('PUT', `/api/v1/checkins/meetings/${id}/attendance`, { body: { present: [teams.marketer.member.id] } });
    expect(after.status).toBe(400);
    expect(after.error?.message).toMatch(/already marked held/);
    expect((await getMeeting(teams.rep.client, id)).attended).toBe(2);
  });

  it('a meeting cannot be marked held before it starts, attendance waits for its day, and an old one stays missed', async () => {
    const teams = await makeTeams();
    const next = teams.upcoming[0]!;
    const early = await teams.salesLead.client.post(`/api/v1/checkins/meetings/${next.id}/held`);
    expect(early.status).toBe(400);
    expect(early.error?.message).toBe('A check-in can be marked held once it has started.');
    const attendance = await teams.salesLead.client.request('PUT', `/api/v1/checkins/meetings/${next.id}/attendance`, { body: { present: [teams.salesLead.member.id] } });
    expect(attendance.status).toBe(400);
    expect(attendance.error?.message).toMatch(/on the day of the meeting/);

    // Fifteen days ago: more than a week after it ended, too late to mark held even with quorum.
    const old = teams.past[0]!;
    await recordAttendance(teams.salesLead.client, old.id, [teams.marketer.member.id, teams.salesLead.member.id]);
    const tooLate = await teams.salesLead.client.post(`/api/v1/checkins/meetings/${old.id}/held`);
    expect(tooLate.status).toBe(400);
    expect(tooLate.error?.message).toMatch(/up to 7 days after it ended/);
    expect((await getMeeting(teams.rep.client, old.id)).state).toBe('missed');

    // Yesterday's is still within the week: it can be marked held late.
    const yesterday = last(teams.past);
    await recordAttendance(teams.salesLead.client, yesterday.id, [teams.marketer.member.id, teams.salesLead.member.id]);
    expect(expectStatus(await teams.salesLead.client.post<MeetingView>(`/api/v1/checkins/meetings/${yesterday.id}/held`), 200).state).toBe('held');
  });

  it('unknown people and viewers are refused', async () => {
    const teams = await makeTeams();
    const id = await insertMeeting(t, teams.series.id, new Date(Date.now() - 5 * 60_000));
    const stranger = await teams.salesLead.client.request('PUT', `/api/v1/checkins/meetings/${id}/attendance`, { body: { present: ['nobody'] } });
    expect(stranger.status).toBe(400);
    expect(stranger.error?.message).toMatch(/active member of this workspace/);
    const byViewer = await teams.viewer.client.request('PUT', `/api/v1/checkins/meetings/${id}/attendance`, { body: { present: [] } });
    expect(byViewer.status).toBe(403);
    expect((await teams.viewer.client.get(`/api/v1/checkins/meetings/no-such-meeting`)).status).toBe(404);
  });
});

describe('action items', () => {
  it('a due date before the meeting, an owner who is not a member, or no title is refused with nothing written', async () => {
    const teams = await makeTeams();
    const next = teams.upcoming[0]!;
    const url = `/api/v1/checkins/meetings/${next.id}/action-items`;
    const dueBefore = await teams.salesLead.client.post(url, { title: 'Too late already', ownerId: teams.rep.member.id, dueDate: utcDate(1) });
    expect(dueBefore.status).toBe(400);
    expect(dueBefore.error?.message).toMatch(/is before the check-in on .*; pick the meeting day or later/);
    const stranger = await teams.salesLead.client.post(url, { title: 'Someone else', ownerId: 'not-a-member', dueDate: utcDate(20) });
    expect(stranger.status).toBe(400);
    expect(stranger.error?.message).toBe('The owner must be a member of this workspace.');
    // A member who left no longer owns new items.
    expectStatus(await teams.ws.admin.patch(`/api/v1/members/${teams.viewer.member.id}`, { active: false }), 200);
    const inactive = await teams.salesLead.client.post(url, { title: 'Left already', ownerId: teams.viewer.member.id, dueDate: utcDate(20) });
    expect(inactive.status).toBe(400);
    const untitled = await teams.salesLead.client.post(url, { title: ' ', ownerId: teams.rep.member.id, dueDate: utcDate(20) });
    expect(untitled.status).toBe(400);
    const badDate = await teams.salesLead.client.post(url, { title: 'Some day', ownerId: teams.rep.member.id, dueDate: '2026-02-30' });
    expect(badDate.status).toBe(400);
    expect((await getMeeting(teams.salesLead.client, next.id)).actionItems).toEqual([]);

    // Moving an existing item's due date before its meeting is refused the same way.
    const item = await makeActionItem(teams.salesLead.client, next.id, { ownerId: teams.rep.member.id, dueDate: utcDate(20) });
    const moved = await teams.rep.client.patch(`/api/v1/checkins/action-items/${item.id}`, { dueDate: utcDate(0) });
    expect(moved.status).toBe(400);
    expect(moved.error?.message).toMatch(/pick the meeting day or later/);
  });

  it('GET /checkins/action-items lists mine by default, everyone’s or by status on request', async () => {
    const teams = await makeTeams();
    const n = last(teams.past);
    const mine1 = await makeActionItem(teams.salesLead.client, n.id, { title: 'Mine, overdue', ownerId: teams.marketer.member.id, dueDate: utcDate(-1) });
    const mine2 = await makeActionItem(teams.salesLead.client, n.id, { title: 'Mine, later', ownerId: teams.marketer.member.id, dueDate: utcDate(5) });
    const theirs = await makeActionItem(teams.salesLead.client, n.id, { title: 'The rep’s', ownerId: teams.rep.member.id, dueDate: utcDate(5) });
    expectStatus(await teams.marketer.client.patch(`/api/v1/checkins/action-items/${mine2.id}`, { status: 'done' }), 200);

    const mine = await allPages<ActionItemView>(teams.marketer.client, '/api/v1/checkins/action-items');
    expect(mine.map((a) => a.id)).toEqual([mine1.id]);
    expect(mine[0]).toMatchObject({ title: 'Mine, overdue', ownerName: 'Mia Marketing', status: 'open', overdue: true, meetingId: n.id, meetingStart: n.start });

    const allMine = await allPages<ActionItemView>(teams.marketer.client, '/api/v1/checkins/action-items?status=all');
    expect(allMine.map((a) => a.id)).toEqual([mine1.id, mine2.id]);
    const doneMine = await allPages<ActionItemView>(teams.marketer.client, '/api/v1/checkins/action-items?status=done');
    expect(doneMine.map((a) => a.id)).toEqual([mine2.id]);
    const everyone = await allPages<ActionItemView>(teams.viewer.client, '/api/v1/checkins/action-items?owner=anyone');
    expect(everyone.map((a) => a.id).sort()).toEqual([mine1.id, theirs.id].sort());
    expect((await teams.viewer.client.get('/api/v1/checkins/action-items?owner=someone')).status).toBe(400);

    // Viewers read only; a member who neither owns it nor attends may not change someone else's item.
    expect((await teams.viewer.client.patch(`/api/v1/checkins/action-items/${theirs.id}`, { status: 'done' })).status).toBe(403);
    expect((await teams.rep.client.patch(`/api/v1/checkins/action-items/${mine1.id}`, { status: 'done' })).status).toBe(403);
  });
});

describe('notes, decisions and agenda items', () => {
  it('an attendee writes notes and decisions; who added an agenda item removes it', async () => {
    const teams = await makeTeams();
    const next = teams.upcoming[0]!;
    const notes = expectStatus(await teams.marketer.client.patch<MeetingView>(`/api/v1/checkins/meetings/${next.id}`, { notes: '## Pipeline\n- ahead of plan' }), 200);
    expect(notes.notes).toBe('## Pipeline\n- ahead of plan');
    expect((await teams.rep.client.patch(`/api/v1/checkins/meetings/${next.id}`, { notes: 'not mine' })).status).toBe(403);

    const decided = expectStatus(await teams.marketer.client.post<MeetingView>(`/api/v1/checkins/meetings/${next.id}/decisions`, { text: 'Event leads get a qualification call' }), 201);
    expect(decided.decisions).toMatchObject([{ text: 'Event leads get a qualification call', createdByName: 'Mia Marketing' }]);
    expectStatus(await teams.salesLead.client.delete(`/api/v1/checkins/decisions/${decided.decisions[0]!.id}`), 200);
    expect((await getMeeting(teams.rep.client, next.id)).decisions).toEqual([]);

    const itemId = await makeAgendaItem(teams.rep.client, next.id, 'Rep’s question');
    const otherId = await makeAgendaItem(teams.marketer.client, next.id, 'Marketer’s question');
    expect((await teams.rep.client.delete(`/api/v1/checkins/agenda-items/${otherId}`)).status).toBe(403);
    expectStatus(await teams.rep.client.delete(`/api/v1/checkins/agenda-items/${itemId}`), 200);
    expect((await teams.rep.client.delete(`/api/v1/checkins/agenda-items/${itemId}`)).status).toBe(404);
    const view = await getMeeting(teams.rep.client, next.id);
    expect(sectionOf(view, 'attendee_items').items.map((i) => i.text)).toEqual(['Marketer’s question']);
    // The view says who added each item and what the reader may do: the rep adds items but does not run the meeting.
    expect(view.customItems.map((c) => c.addedById)).toEqual([teams.marketer.member.id]);
    expect(view.you).toEqual({ canRun: false, canAddAgendaItem: true });
    expect((await getMeeting(teams.marketer.client, next.id)).you).toEqual({ canRun: true, canAddAgendaItem: true });
    expect((await getMeeting(teams.viewer.client, next.id)).you).toEqual({ canRun: false, canAddAgendaItem: false });
    expect((await teams.viewer.client.post(`/api/v1/checkins/meetings/${next.id}/agenda-items`, { title: 'Viewer', note: '' })).status).toBe(403);
  });
});

describe('the missed-meeting sweep', () => {
  it('marks a past meeting that was not held as missed and alerts the leaders once', async () => {
    const teams = await makeTeams();
    const yesterday = last(teams.past);
    const before = await getMeeting(teams.rep.client, yesterday.id);
    expect(before.state).toBe('missed');

    const marked = await sweepCheckins(t.db.kysely, new Date());
    expect(marked).toBeGreaterThanOrEqual(teams.past.length);
    const rows = await t.db.kysely.selectFrom('meetings').select(['id', 'status', 'missed_alerted_at']).where('series_id', '=', teams.series.id).where('ends_at', '<', new Date().toISOString()).execute();
    expect(rows.map((r) => r.status)).toEqual(rows.map(() => 'missed'));
    expect((await getMeeting(teams.rep.client, yesterday.id)).state).toBe('missed');

    const alerts = async (who: TestMember['client']) =>
      expectStatus(await who.get<NotificationsView>('/api/v1/notifications'), 200).items.filter((n) => n.kind === 'checkin_missed');
    // Only yesterday's alerts (older misses of a series set up with past dates do not flood the leaders).
    for (const leader of [teams.ws.admin, teams.salesLead.client]) {
      const got = await alerts(leader);
      expect(got).toHaveLength(1);
      expect(got[0]?.title).toBe(`The weekly check-in on ${yesterday.start.slice(0, 10)} was missed`);
      expect(got[0]?.body).toMatch(/Most companies do not make this meeting a requirement/);
      expect(got[0]?.link).toBe(`/checkins/meetings/${yesterday.id}`);
    }
    expect(await alerts(teams.rep.client)).toHaveLength(0);
    expect(await alerts(teams.marketer.client)).toHaveLength(0);

    // A second run changes nothing and alerts nobody again.
    await sweepCheckins(t.db.kysely, new Date());
    expect(await alerts(teams.salesLead.client)).toHaveLength(1);

    // A held meeting is not touched.
    const held = await insertMeeting(t, teams.series.id, new Date(Date.now() - 3 * 3_600_000));
    await recordAttendance(teams.salesLead.client, held, [teams.marketer.member.id, teams.salesLead.member.id]);
    expectStatus(await teams.salesLead.client.post(`/api/v1/checkins/meetings/${held}/held`), 200);
    await sweepCheckins(t.db.kysely, new Date(Date.now() + 24 * 3_600_000));
    expect((await getMeeting(teams.rep.client, held)).state).toBe('held');
  });
});

describe('compliance', () => {
  it('shares, streak and missed list over the last 12 decided check-ins', async () => {
    const empty = await makeTeams(0);
    const none = expectStatus(await empty.rep.client.get<ComplianceView>('/api/v1/checkins/compliance'), 200);
    // One past meeting yesterday, not held: decided as missed.
    expect(none).toMatchObject({ window: 12, counted: 1, held: 0, share: 0, streak: 0 });

    // Fourteen past meetings, days -92 … -1. Missed: -85 (outside the window of 12), -29 and -8; the rest held.
    const teams = await makeTeams(13);
    const recentFirst = [...teams.past].reverse();
    expect(recentFirst.map((m) => Math.round((Date.parse(recentFirst[0]!.start) - Date.parse(m.start)) / 86_400_000))).toEqual([...Array(14).keys()].map((i) => 7 * i));
    const missedIndexes = new Set([1, 4, 12]);
    for (const [i, m] of recentFirst.entries()) if (!missedIndexes.has(i)) await markHeldInDb(t, m.id);
    // A cancelled one in the window does not count either way.
    const cancelled = await insertMeeting(t, teams.series.id, new Date(Date.now() - 3 * 86_400_000));
    await t.db.kysely.updateTable('meetings').set({ status: 'cancelled', cancelled_at: new Date().toISOString() }).where('id', '=', cancelled).execute();

    const c = expectStatus(await teams.viewer.client.get<ComplianceView>('/api/v1/checkins/compliance'), 200);
    expect(c.window).toBe(12);
    expect(c.counted).toBe(12);
    expect(c.held).toBe(10);
    expect(c.share).toBeCloseTo(10 / 12, 10);
    expect(c.streak).toBe(1);
    expect(c.missed.map((m) => m.id)).toEqual([recentFirst[1]!.id, recentFirst[4]!.id]);
    expect(c.summary).toBe('10 of the last 12 check-ins held with quorum (83%); the last one was held.');
    expect(c.weighted).toBeGreaterThan(0);
    expect(c.weighted).toBeLessThan(1);

    // Last week's missed one held after all (straight in the database: too late through the API): the streak grows to 4.
    await markHeldInDb(t, recentFirst[1]!.id);
    const after = expectStatus(await teams.viewer.client.get<ComplianceView>('/api/v1/checkins/compliance'), 200);
    expect(after).toMatchObject({ held: 11, streak: 4 });
    expect(after.summary).toBe('11 of the last 12 check-ins held with quorum (92%); the last 4 in a row.');
  });
});

describe('the KPI section across a quarter boundary', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('a weekly KPI’s value at the last check-in counts the whole week, also its days before the quarter began', async () => {
    // Thursday 8 October 2026. The last check-in was Friday 2 October, in the week that began Monday 28
    // September, before the quarter (1 October): that week's value then was 4 + 3 = 7; this week's is 5.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-08T12:00:00Z'));
    const ws = await makeWorkspace(t);
    const salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
    const marketer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketing' });
    await makeKeyPlayers(ws, [salesLead.member.id, marketer.member.id]);
    const { kpi } = await makePublishedTeam(salesLead.client, 'sales', { name: 'SQLs', kind: 'sqls', period: 'week', target: 10 });
    expectStatus(
      await salesLead.client.post(`/api/v1/goals/kpis/${kpi.id}/values`, {
        values: [
          { date: '2026-09-29', value: 4 },
          { date: '2026-10-01', value: 3 },
          { date: '2026-10-06', value: 5 },
        ],
      }),
      200,
    );
    await putSeries(ws.admin, { weekday: 'FR', localTime: '10:00', startDate: '2026-09-04' });
    const { past, upcoming } = await meetingsAround(ws.admin);
    expect(last(past).start).toBe('2026-10-02T10:00:00.000Z');
    await markHeldInDb(t, last(past).id);

    const view = await getMeeting(salesLead.client, upcoming[0]!.id);
    const item = sectionOf(view, 'kpis').items.find((i) => i.ref?.id === kpi.id);
    expect(item?.text).toMatch(/^SQLs 7 → 5 /);
  });
});

describe('action items in a workspace far from UTC', () => {
  it('“overdue” is decided on the workspace’s calendar, whichever route answers', async () => {
    // At any instant one of these zones is on a different date than UTC: Kiritimati (UTC+14) from 10:00
    // UTC, Pago Pago (UTC−11) before 11:00 UTC. Due on a date that is overdue locally but not in UTC, or
    // the other way round.
    const ahead = new Date().getUTCHours() >= 10;
    const zone = ahead ? 'Pacific/Kiritimati' : 'Pacific/Pago_Pago';
    const localToday = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    const shift = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
    const due = ahead ? shift(localToday, -1) : localToday;
    const overdue = ahead;

    const ws = await makeWorkspace(t, { timeZone: zone });
    const salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sam Sales' });
    const marketer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketing' });
    await makeKeyPlayers(ws, [salesLead.member.id, marketer.member.id]);
    await putSeries(ws.admin, { weekday: weekdayOf(shift(localToday, -3)), localTime: '10:00', startDate: shift(localToday, -10) });
    const meeting = last((await meetingsAround(ws.admin)).past);

    const made = await makeActionItem(salesLead.client, meeting.id, { ownerId: marketer.member.id, dueDate: due });
    expect(made.overdue).toBe(overdue);
    const listed = await allPages<ActionItemView>(marketer.client, '/api/v1/checkins/action-items');
    expect(listed.find((a) => a.id === made.id)?.overdue).toBe(overdue);
    const changed = expectStatus(await marketer.client.patch<ActionItemView>(`/api/v1/checkins/action-items/${made.id}`, { title: 'Renamed' }), 200);
    expect(changed.overdue).toBe(overdue);
    const view = await getMeeting(marketer.client, meeting.id);
    expect(view.actionItems.find((a) => a.id === made.id)?.overdue).toBe(overdue);
  });
});
