// The check-in series (SPEC S2): one weekly meeting of both teams' key players per workspace.
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf } from '../../../server/auth.js';
import { badRequest, forbidden } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import type { Db } from '../../../db/database.js';
import { lockForUpdate } from '../../../db/locks.js';
import { localDateOf } from '../../../shared/calendar/index.js';
import {
  DEFAULT_QUORUM_RULE,
  defaultRequiredAttendees,
  nextCheckin,
  parseWeeklyRrule,
  validateCheckinSeries,
  weeklyRrule,
  type CheckinMember,
} from '../domain/index.js';
import { canManageSeries } from '../policies.js';
import { quorumText, refused } from '../presenters.js';
import { ensureMeetings, reconcileFutureMeetings } from '../schedule.js';
import { MaybeSeriesView, SeriesInput } from '../schemas.js';
import { activeMembers, checkinsLock, getActiveSeries, listSeriesAttendees, quorumOf, toDomainSeries, type SeriesRow } from '../store.js';

const tags = ['check-ins'];

export async function presentSeries(db: Db, s: SeriesRow, now: Date) {
  const attendees = await listSeriesAttendees(db, s.workspace_id, s.id);
  const next = nextCheckin(toDomainSeries(s), now);
  const nextRow = next
    ? await db.selectFrom('meetings').select('id').where('series_id', '=', s.id).where('starts_at', '=', next.start).executeTakeFirst()
    : undefined;
  const parsed = parseWeeklyRrule(s.rrule);
  const quorum = quorumOf(s);
  return {
    id: s.id,
    title: s.title,
    rrule: s.rrule,
    weekday: parsed.recurrence?.weekday ?? 'MO',
    localTime: s.local_time,
    timeZone: s.time_zone,
    startDate: s.start_date,
    durationMinutes: s.duration_minutes,
    location: s.location,
    quorum,
    quorumText: quorumText(quorum),
    attendees: attendees.filter((a) => a.active === 1).map((a) => ({ memberId: a.member_id, name: a.name, team: a.team, keyPlayer: a.key_player === 1 })),
    next: next ? { meetingId: nextRow?.id ?? null, start: next.start, end: next.end } : null,
    sequence: s.sequence,
  };
}

export function registerSeriesRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/checkins/series',
    { schema: { tags, summary: "The workspace's weekly check-in series, or null when none is set up.", response: { 200: MaybeSeriesView } } },
    async (req) => {
      const actor = actorOf(req);
      const s = await getActiveSeries(k, actor.workspaceId);
      return { series: s ? await presentSeries(k, s, new Date()) : null };
    },
  );

  app.put(
    '/checkins/series',
    {
      schema: {
        tags,
        summary: 'Create or change the weekly check-in (leaders and admins). Upcoming meetings follow the new schedule; calendars get the change.',
        body: SeriesInput,
        response: { 200: MaybeSeriesView, 400: ErrorView, 403: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canManageSeries(actor)) throw forbidden('Only leaders and admins set up the weekly check-in.');
      const b = req.body;
      const now = new Date();
      const id = await db.transaction(async (tx) => {
        // First the lock: two set-ups at the same moment would each find no series and make one, and two
        // changes would each replace the attendees (on PostgreSQL the second insert collided, a 500).
        await lockForUpdate(tx, db.dialect, checkinsLock(actor.workspaceId));
        const ws = await tx.selectFrom('workspaces').select('time_zone').where('id', '=', actor.workspaceId).executeTakeFirstOrThrow();
        const timeZone = b.timeZone ?? ws.time_zone;
        if (!b.rrule && !b.weekday) throw badRequest('Give the weekday (e.g. "TU") or an RRULE (e.g. "FREQ=WEEKLY;BYDAY=TU").');
        const rrule = (b.rrule ?? weeklyRrule({ weekday: b.weekday ?? 'MO' })).replace(/^RRULE:/i, '');
        const members = await activeMembers(tx, actor.workspaceId);
        const checkinMembers: CheckinMember[] = members.map((m) => ({ id: m.id, name: m.name, team: m.team, keyPlayer: m.key_player === 1, active: true }));
        const quorum = b.quorum ?? DEFAULT_QUORUM_RULE;
        const attendeeIds = b.attendeeIds ?? defaultRequiredAttendees(checkinMembers).map((m) => m.id);
        const byId = new Map(checkinMembers.map((m) => [m.id, m]));
        const unknown = attendeeIds.filter((m) => !byId.has(m));
        if (unknown.length > 0) throw badRequest('Every attendee must be an active member of this workspace.', { unknown });
        if (attendeeIds.length === 0) throw badRequest('A check-in needs attendees: mark key players on the Members page, or list attendees.');
        const before = await getActiveSeries(tx, actor.workspaceId);
        const today = localDateOf(now, timeZone);
        const domainSeries = { rrule, startDate: b.startDate ?? today, localTime: b.localTime, timeZone, durationMinutes: b.durationMinutes };
        // The quorum is judged on the required attendees: a rule they cannot reach would leave every meeting unheld.
        const attendees = [...new Set(attendeeIds)].map((id) => byId.get(id)).filter((m) => m !== undefined);
        const check = validateCheckinSeries(domainSeries, { quorumRule: quorum, attendees, today, savedStartDate: before?.start_date });
        if (!check.ok) throw refused(check.problems);
        const at = nowIso();
        const fields = {
          title: b.title,
          rrule,
          time_zone: timeZone,
          start_date: domainSeries.startDate,
          local_time: b.localTime,
          duration_minutes: b.durationMinutes,
          location: b.location,
          quorum: JSON.stringify(quorum),
          updated_at: at,
        };
        let seriesId: string;
        if (before) {
          seriesId = before.id;
          await tx.updateTable('checkin_series').set({ ...fields, sequence: before.sequence + 1 }).where('id', '=', before.id).execute();
          await tx.deleteFrom('checkin_attendees').where('series_id', '=', before.id).execute();
        } else {
          seriesId = newId();
          await tx.insertInto('checkin_series').values({ id: seriesId, workspace_id: actor.workspaceId, ...fields, sequence: 0, active: 1, created_by: actor.memberId, created_at: at }).execute();
        }
        await tx.insertInto('checkin_attendees').values([...new Set(attendeeIds)].map((memberId) => ({ series_id: seriesId, workspace_id: actor.workspaceId, member_id: memberId }))).execute();
        const saved = await getActiveSeries(tx, actor.workspaceId);
        if (!saved) throw badRequest('The series could not be saved.');
        if (before) await reconcileFutureMeetings(tx, saved, now);
        await ensureMeetings(tx, saved, now);
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorMemberId: actor.memberId,
          action: before ? 'checkin_series.changed' : 'checkin_series.created',
          entityType: 'checkin_series',
          entityId: seriesId,
          before: before ? { rrule: before.rrule, localTime: before.local_time, timeZone: before.time_zone, durationMinutes: before.duration_minutes } : null,
          after: { rrule, localTime: b.localTime, timeZone, durationMinutes: b.durationMinutes, attendees: attendeeIds.length, quorum: quorumText(quorum) },
        });
        return seriesId;
      });
      const s = await getActiveSeries(k, actor.workspaceId);
      return { series: s && s.id === id ? await presentSeries(k, s, now) : null };
    },
  );
}
