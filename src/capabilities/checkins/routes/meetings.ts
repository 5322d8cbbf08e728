// Running the weekly check-in (SPEC S2): meetings with their generated agenda, attendance, notes,
// decisions and action items; marking a meeting held (only with quorum); compliance.
import type { Db } from '../../../db/database.js';
import { lockForUpdate } from '../../../db/locks.js';
import { memberName } from '../../../db/member-name.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { recordAudit } from '../../../server/audit.js';
import { changedFields } from '../../../server/audit-change.js';
import { actorOf, type Actor } from '../../../server/auth.js';
import { badRequest, forbidden, notFound } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { presentPage } from '../../../server/pagination.js';
import { localDateOf } from '../../../shared/calendar/index.js';
import { checkinCompliance, checkQuorum, markHeldProblem, validateActionItem, weightedCompliance, type AttendanceEntry } from '../domain/index.js';
import { agendaFor } from '../agenda.js';
import { canAddAgendaItem, canRunMeeting, canUpdateActionItem } from '../policies.js';
import { presentActionItem, presentMeetingSummary, refused } from '../presenters.js';
import { ensureMeetings } from '../schedule.js';
import {
  ActionItemInput,
  ActionItemsPageView,
  ActionItemsQuery,
  ActionItemUpdateInput,
  ActionItemView,
  AttendanceInput,
  ComplianceView,
  CustomItemInput,
  DecisionInput,
  IdParams,
  MeetingsQuery,
  MeetingsView,
  MeetingView,
  NotesInput,
  Ok,
} from '../schemas.js';
import {
  activeMembers,
  checkinsLock,
  getActionItem,
  getActiveSeries,
  getMeeting,
  listActionItems,
  complianceMeetings,
  listSeriesAttendees,
  neighbourMeetings,
  pageActionItems,
  pageMeetings,
  quorumOf,
  toDomainMeeting,
  type MeetingRow,
} from '../store.js';

const tags = ['check-ins'];

async function attendanceOf(db: Db, meeting: MeetingRow) {
  const required = await listSeriesAttendees(db, meeting.workspace_id, meeting.series_id);
  const rows = await db
    .selectFrom('meeting_attendance')
    .innerJoin('members', 'members.id', 'meeting_attendance.member_id')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['meeting_attendance.member_id', 'meeting_attendance.present', memberName.as('name'), 'members.team', 'members.key_player'])
    .where('meeting_attendance.meeting_id', '=', meeting.id)
    .execute();
  const present = new Map(rows.map((r) => [r.member_id, r.present === 1]));
  const requiredIds = new Set(required.map((r) => r.member_id));
  const list = [
    ...required.filter((r) => r.active === 1 || present.get(r.member_id)).map((r) => ({ memberId: r.member_id, name: r.name, team: r.team, keyPlayer: r.key_player === 1, required: true, present: present.get(r.member_id) ?? false })),
    ...rows.filter((r) => !requiredIds.has(r.member_id)).map((r) => ({ memberId: r.member_id, name: r.name, team: r.team, keyPlayer: r.key_player === 1, required: false, present: r.present === 1 })),
  ];
  return list.sort((a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name));
}

const toEntries = (list: Awaited<ReturnType<typeof attendanceOf>>): AttendanceEntry[] =>
  list.map((a) => ({ memberId: a.memberId, team: a.team, keyPlayer: a.keyPlayer, present: a.present }));

async function isAttendee(db: Db, actor: Actor, seriesId: string): Promise<boolean> {
  const row = await db.selectFrom('checkin_attendees').select('member_id').where('series_id', '=', seriesId).where('member_id', '=', actor.memberId).executeTakeFirst();
  return row !== undefined;
}

/** The meeting (404 for unknown or foreign ids), after checking the actor may run it (403). */
async function meetingToRun(db: Db, actor: Actor, id: string): Promise<MeetingRow> {
  const m = await getMeeting(db, actor.workspaceId, id);
  if (!m) throw notFound('Meeting');
  if (!canRunMeeting(actor, await isAttendee(db, actor, m.series_id))) throw forbidden('Only attendees and leaders record the meeting.');
  if (m.status === 'cancelled') throw badRequest('This meeting was cancelled.');
  return m;
}

export function registerMeetingRoutes(app: Server, ctx: AppContext): void {
  const { db } = ctx;
  const k = db.kysely;

  async function meetingView(actor: Actor, m: MeetingRow, now: Date) {
    const series = await k.selectFrom('checkin_series').selectAll().where('id', '=', m.series_id).executeTakeFirstOrThrow();
    const attendance = await attendanceOf(k, m);
    const quorum = checkQuorum(toEntries(attendance), quorumOf(series));
    const agenda = await agendaFor(k, ctx.agendaSections, m, series.time_zone, now);
    const today = localDateOf(now, series.time_zone);
    const items = await listActionItems(k, actor.workspaceId, { meetingId: m.id });
    const decisions = await k
      .selectFrom('decisions')
      .leftJoin('members', 'members.id', 'decisions.created_by')
      .leftJoin('users', 'users.id', 'members.user_id')
      .select(['decisions.id', 'decisions.text', 'decisions.created_at', 'users.name'])
      .where('decisions.meeting_id', '=', m.id)
      // The id breaks ties between entries made in the same millisecond, as the agenda does.
      .orderBy('decisions.created_at')
      .orderBy('decisions.id')
      .execute();
    const custom = await k
      .selectFrom('agenda_items')
      .leftJoin('members', 'members.id', 'agenda_items.member_id')
      .leftJoin('users', 'users.id', 'members.user_id')
      .select(['agenda_items.id', 'agenda_items.title', 'agenda_items.note', 'agenda_items.member_id', 'agenda_items.created_at', 'users.name'])
      .where('agenda_items.meeting_id', '=', m.id)
      .orderBy('agenda_items.created_at')
      .orderBy('agenda_items.id')
      .execute();
    // Two indexed look-ups, not the whole series (five years of weekly meetings in the large demo).
    const neighbours = await neighbourMeetings(k, m);
    const heldProblem = markHeldProblem(toDomainMeeting(m), now);
    return {
      ...presentMeetingSummary(m, now, { attended: attendance.filter((a) => a.present).length, actionItems: items.length }),
      seriesId: m.series_id,
      title: series.title,
      timeZone: series.time_zone,
      location: series.location,
      notes: m.notes,
      agenda,
      attendance,
      quorum: { met: quorum.met, reason: quorum.reason },
      canMarkHeld: m.held_at ? { ok: false, reason: 'Already marked held.' } : heldProblem ? { ok: false, reason: heldProblem } : quorum.met ? { ok: true, reason: null } : { ok: false, reason: quorum.reason },
      decisions: decisions.map((d) => ({ id: d.id, text: d.text, createdByName: d.name, createdAt: d.created_at })),
      actionItems: items.map((a) => presentActionItem(a, today)),
      customItems: custom.map((c) => ({ id: c.id, title: c.title, note: c.note, addedById: c.member_id, addedByName: c.name, createdAt: c.created_at })),
      you: {
        canRun: m.status !== 'cancelled' && canRunMeeting(actor, await isAttendee(k, actor, m.series_id)),
        canAddAgendaItem: canAddAgendaItem(actor) && !m.held_at && m.status !== 'cancelled',
      },
      previousMeetingId: neighbours.previous,
      nextMeetingId: neighbours.next,
    };
  }

  async function viewById(actor: Actor, id: string) {
    const m = await getMeeting(k, actor.workspaceId, id);
    if (!m) throw notFound('Meeting');
    return meetingView(actor, m, new Date());
  }

  app.get(
    '/checkins/meetings',
    {
      schema: {
        tags,
        summary: "The series' meetings, a page at a time: upcoming ones soonest first, or past ones most recent first (when), each with its attendance and action-item counts.",
        querystring: MeetingsQuery,
        response: { 200: MeetingsView, 400: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const series = await getActiveSeries(k, actor.workspaceId);
      if (!series) return { items: [], nextCursor: null };
      const now = new Date();
      await ensureMeetings(k, series, now);
      const { limit, cursor, when } = req.query;
      const page = await pageMeetings(k, actor.workspaceId, series.id, when, now, { limit, cursor });
      const ids = page.items.map((m) => m.id);
      const attended = ids.length
        ? await k.selectFrom('meeting_attendance').select(['meeting_id', (eb) => eb.fn.countAll<number>().as('n')]).where('meeting_id', 'in', ids).where('present', '=', 1).groupBy('meeting_id').execute()
        : [];
      const items = ids.length
        ? await k.selectFrom('action_items').select(['meeting_id', (eb) => eb.fn.countAll<number>().as('n')]).where('meeting_id', 'in', ids).groupBy('meeting_id').execute()
        : [];
      const count = (rows: Array<{ meeting_id: string; n: number }>, id: string) => Number(rows.find((r) => r.meeting_id === id)?.n ?? 0);
      return presentPage(page, (m) => presentMeetingSummary(m, now, { attended: count(attended, m.id), actionItems: count(items, m.id) }));
    },
  );

  app.get(
    '/checkins/meetings/:id',
    { schema: { tags, summary: 'One meeting: its agenda (refreshed until it starts), attendance, quorum, notes, decisions and action items.', params: IdParams, response: { 200: MeetingView, 404: ErrorView } }, config: { readCache: true } },
    async (req) => viewById(actorOf(req), req.params.id),
  );

  app.patch(
    '/checkins/meetings/:id',
    { schema: { tags, summary: 'Save the meeting notes (markdown).', params: IdParams, body: NotesInput, response: { 200: MeetingView, 400: ErrorView, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, checkinsLock(actor.workspaceId));
        const m = await meetingToRun(tx, actor, req.params.id);
        await tx.updateTable('meetings').set({ notes: req.body.notes, updated_at: nowIso() }).where('id', '=', m.id).execute();
      });
      return viewById(actor, req.params.id);
    },
  );

  app.put(
    '/checkins/meetings/:id/attendance',
    { schema: { tags, summary: 'Record who is present; required attendees not listed are recorded absent.', params: IdParams, body: AttendanceInput, response: { 200: MeetingView, 400: ErrorView, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        // Replaced as a whole (delete, then insert) under the lock: on PostgreSQL two saves at once both
        // inserted every row and the second collided on the key (a 500); and a meeting is never marked
        // held on attendance that is being replaced.
        await lockForUpdate(tx, db.dialect, checkinsLock(actor.workspaceId));
        const m = await meetingToRun(tx, actor, req.params.id);
        if (m.held_at) throw badRequest('This meeting is already marked held; its attendance is the record its quorum was judged on.');
        if (Date.parse(m.starts_at) - Date.now() > 24 * 3_600_000) throw badRequest('Attendance is taken on the day of the meeting.');
        const members = new Set((await activeMembers(tx, actor.workspaceId)).map((x) => x.id));
        const present = [...new Set(req.body.present)];
        const unknown = present.filter((id) => !members.has(id));
        if (unknown.length > 0) throw badRequest('Everyone marked present must be an active member of this workspace.', { unknown });
        const required = (await listSeriesAttendees(tx, actor.workspaceId, m.series_id)).map((r) => r.member_id);
        await tx.deleteFrom('meeting_attendance').where('meeting_id', '=', m.id).execute();
        const rows = [...new Set([...required, ...present])].map((memberId) => ({ meeting_id: m.id, workspace_id: actor.workspaceId, member_id: memberId, present: present.includes(memberId) ? 1 : 0 }));
        if (rows.length > 0) await tx.insertInto('meeting_attendance').values(rows).execute();
      });
      return viewById(actor, req.params.id);
    },
  );

  app.post(
    '/checkins/meetings/:id/held',
    { schema: { tags, summary: 'Mark the meeting held. Refused, with the reason, without quorum.', params: IdParams, response: { 200: MeetingView, 400: ErrorView, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        // Under the lock, so a second click finds it held (one audit entry, one held_at) and the quorum
        // is judged on attendance no one is changing.
        await lockForUpdate(tx, db.dialect, checkinsLock(actor.workspaceId));
        const m = await meetingToRun(tx, actor, req.params.id);
        if (m.held_at) return;
        const problem = markHeldProblem(toDomainMeeting(m), new Date());
        if (problem) throw badRequest(problem);
        const series = await tx.selectFrom('checkin_series').select('quorum').where('id', '=', m.series_id).executeTakeFirstOrThrow();
        const quorum = checkQuorum(toEntries(await attendanceOf(tx, m)), quorumOf(series));
        if (!quorum.met) throw badRequest(`Not held: ${quorum.reason}`, { shortfalls: quorum.shortfalls });
        const at = nowIso();
        await tx.updateTable('meetings').set({ status: 'held', held_at: at, quorum_met: 1, updated_at: at }).where('id', '=', m.id).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'meeting.held', entityType: 'meeting', entityId: m.id, before: { status: m.status }, after: { status: 'held', quorum: quorum.reason } });
      });
      return viewById(actor, req.params.id);
    },
  );

  app.post(
    '/checkins/meetings/:id/agenda-items',
    { schema: { tags, summary: 'Add your own item to the agenda.', params: IdParams, body: CustomItemInput, response: { 201: MeetingView, 400: ErrorView, 403: ErrorView, 404: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        // Under the lock: a series change deciding whether this meeting may be deleted sees the item.
        await lockForUpdate(tx, db.dialect, checkinsLock(actor.workspaceId));
        const m = await getMeeting(tx, actor.workspaceId, req.params.id);
        if (!m) throw notFound('Meeting');
        if (!canAddAgendaItem(actor)) throw forbidden('Viewers read only.');
        if (m.held_at || m.status === 'cancelled') throw badRequest('This meeting is over; add the item to the next one.');
        await tx.insertInto('agenda_items').values({ id: newId(), workspace_id: actor.workspaceId, meeting_id: m.id, member_id: actor.memberId, title: req.body.title, note: req.body.note, created_at: nowIso() }).execute();
      });
      return reply.code(201).send(await viewById(actor, req.params.id));
    },
  );

  app.delete(
    '/checkins/agenda-items/:id',
    { schema: { tags, summary: 'Remove an agenda item you added (or any, for leaders).', params: IdParams, response: { 200: Ok, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const item = await k.selectFrom('agenda_items').select(['id', 'member_id', 'meeting_id']).where('workspace_id', '=', actor.workspaceId).where('id', '=', req.params.id).executeTakeFirst();
      if (!item) throw notFound('Agenda item');
      if (actor.role === 'viewer' || (item.member_id !== actor.memberId && actor.role !== 'leader' && actor.role !== 'admin')) throw forbidden('Only who added it, or a leader, removes an agenda item.');
      const meeting = await getMeeting(k, actor.workspaceId, item.meeting_id);
      if (meeting?.held_at || meeting?.status === 'cancelled') throw badRequest('This meeting is over; its agenda is part of the record.');
      await k.deleteFrom('agenda_items').where('id', '=', item.id).execute();
      return { ok: true as const };
    },
  );

  app.post(
    '/checkins/meetings/:id/decisions',
    { schema: { tags, summary: 'Record a decision taken in the meeting.', params: IdParams, body: DecisionInput, response: { 201: MeetingView, 400: ErrorView, 403: ErrorView, 404: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, checkinsLock(actor.workspaceId));
        const m = await meetingToRun(tx, actor, req.params.id);
        await tx.insertInto('decisions').values({ id: newId(), workspace_id: actor.workspaceId, meeting_id: m.id, text: req.body.text, created_by: actor.memberId, created_at: nowIso() }).execute();
      });
      return reply.code(201).send(await viewById(actor, req.params.id));
    },
  );

  app.delete(
    '/checkins/decisions/:id',
    { schema: { tags, summary: 'Remove a decision recorded by mistake.', params: IdParams, response: { 200: Ok, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const d = await k.selectFrom('decisions').select(['id', 'meeting_id']).where('workspace_id', '=', actor.workspaceId).where('id', '=', req.params.id).executeTakeFirst();
      if (!d) throw notFound('Decision');
      await meetingToRun(k, actor, d.meeting_id);
      await k.deleteFrom('decisions').where('id', '=', d.id).execute();
      return { ok: true as const };
    },
  );

  app.post(
    '/checkins/meetings/:id/action-items',
    { schema: { tags, summary: 'Agree an action item (title, owner, due date). It carries over to each next agenda until done or dropped.', params: IdParams, body: ActionItemInput, response: { 201: ActionItemView, 400: ErrorView, 403: ErrorView, 404: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = newId();
      const timeZone = await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, checkinsLock(actor.workspaceId));
        const m = await meetingToRun(tx, actor, req.params.id);
        const series = await tx.selectFrom('checkin_series').select('time_zone').where('id', '=', m.series_id).executeTakeFirstOrThrow();
        const memberIds = (await activeMembers(tx, actor.workspaceId)).map((x) => x.id);
        const today = localDateOf(new Date(), series.time_zone);
        const check = validateActionItem({ title: req.body.title, ownerId: req.body.ownerId, dueDate: req.body.dueDate }, { meetingStart: m.starts_at, timeZone: series.time_zone, memberIds, today });
        if (!check.ok) throw refused(check.problems);
        const at = nowIso();
        await tx
          .insertInto('action_items')
          .values({ id, workspace_id: actor.workspaceId, meeting_id: m.id, title: req.body.title, owner_member_id: req.body.ownerId, due_date: req.body.dueDate, status: 'open', closed_at: null, created_by: actor.memberId, created_at: at, updated_at: at })
          .execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'action_item.created', entityType: 'action_item', entityId: id, after: req.body });
        return series.time_zone;
      });
      const row = await getActionItem(k, actor.workspaceId, id);
      if (!row) throw notFound('Action item');
      // "Overdue" on the series' calendar, as the meeting view and the list say it.
      return reply.code(201).send(presentActionItem(row, localDateOf(new Date(), timeZone)));
    },
  );

  app.patch(
    '/checkins/action-items/:id',
    { schema: { tags, summary: 'Change an action item or mark it done or dropped (its owner, attendees, leaders).', params: IdParams, body: ActionItemUpdateInput, response: { 200: ActionItemView, 400: ErrorView, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const timeZone = await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, checkinsLock(actor.workspaceId));
        const item = await getActionItem(tx, actor.workspaceId, req.params.id);
        if (!item) throw notFound('Action item');
        const m = await getMeeting(tx, actor.workspaceId, item.meeting_id);
        if (!m) throw notFound('Meeting');
        if (!canUpdateActionItem(actor, item.owner_member_id, await isAttendee(tx, actor, m.series_id))) throw forbidden('Only the owner, attendees or a leader change an action item.');
        const b = req.body;
        const series = await tx.selectFrom('checkin_series').select('time_zone').where('id', '=', m.series_id).executeTakeFirstOrThrow();
        if (b.ownerId !== undefined || b.dueDate !== undefined || b.title !== undefined) {
          const memberIds = (await activeMembers(tx, actor.workspaceId)).map((x) => x.id);
          // The two-year bound applies to a due date being set, not to one kept while the title changes.
          const today = b.dueDate !== undefined ? localDateOf(new Date(), series.time_zone) : undefined;
          const check = validateActionItem(
            { title: b.title ?? item.title, ownerId: b.ownerId ?? item.owner_member_id, dueDate: b.dueDate ?? item.due_date },
            { meetingStart: m.starts_at, timeZone: series.time_zone, memberIds, today },
          );
          if (!check.ok) throw refused(check.problems);
        }
        const at = nowIso();
        // Only what changes is written: marking a done item done again (a second click, a second tab)
        // keeps the time it was closed and adds nothing to the audit log.
        const patch = {
          ...(b.title !== undefined && b.title !== item.title ? { title: b.title } : {}),
          ...(b.ownerId !== undefined && b.ownerId !== item.owner_member_id ? { owner_member_id: b.ownerId } : {}),
          ...(b.dueDate !== undefined && b.dueDate !== item.due_date ? { due_date: b.dueDate } : {}),
          ...(b.status !== undefined && b.status !== item.status ? { status: b.status, closed_at: b.status === 'open' ? null : at } : {}),
        };
        if (Object.keys(patch).length === 0) return series.time_zone;
        await tx
          .updateTable('action_items')
          .set({ ...patch, updated_at: at })
          .where('id', '=', item.id)
          .execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'action_item.changed', entityType: 'action_item', entityId: item.id, ...changedFields({ title: item.title, ownerId: item.owner_member_id, dueDate: item.due_date, status: item.status }, b) });
        return series.time_zone;
      });
      const row = await getActionItem(k, actor.workspaceId, req.params.id);
      if (!row) throw notFound('Action item');
      return presentActionItem(row, localDateOf(new Date(), timeZone));
    },
  );

  app.get(
    '/checkins/action-items',
    {
      schema: {
        tags,
        summary: 'Action items, soonest due first, a page at a time: yours (default) or everyone’s, open (default) or by status.',
        querystring: ActionItemsQuery,
        response: { 200: ActionItemsPageView, 400: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, cursor, owner, status } = req.query;
      const page = await pageActionItems(k, actor.workspaceId, { ownerId: owner === 'me' ? actor.memberId : undefined, status: status === 'all' ? undefined : status }, { limit, cursor });
      const ws = await k.selectFrom('workspaces').select('time_zone').where('id', '=', actor.workspaceId).executeTakeFirstOrThrow();
      const today = localDateOf(new Date(), ws.time_zone);
      return presentPage(page, (a) => presentActionItem(a, today));
    },
  );

  app.get(
    '/checkins/compliance',
    { schema: { tags, summary: 'Share of the last 12 scheduled check-ins held with quorum, the streak and the missed ones.', response: { 200: ComplianceView } } },
    async (req) => {
      const actor = actorOf(req);
      const series = await getActiveSeries(k, actor.workspaceId);
      const now = new Date();
      const meetings = series ? (await complianceMeetings(k, actor.workspaceId, series.id, now)).map(toDomainMeeting) : [];
      const c = checkinCompliance(meetings, now);
      return { ...c, weighted: weightedCompliance(meetings, now).score };
    },
  );
}
