// Data access for the weekly check-in (SPEC S2). Every query is scoped by the actor's workspace id.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { lockKey } from '../../db/locks.js';
import { memberName } from '../../db/member-name.js';
import type { ActionItemsTable, CheckinSeriesTable, MeetingsTable } from '../../db/schema/checkins.js';
import type { ActionItem, CheckinMeeting, CheckinSeries, QuorumRule } from './domain/index.js';

/**
 * The lock every transaction that writes a workspace's series or a meeting's record takes first
 * (docs/decisions/015-lock-order.md). A series change deletes or cancels future meetings depending on
 * whether they hold notes, attendance or items; attendance is replaced (delete, then insert) and judged for
 * quorum when the meeting is marked held. Under one lock per workspace these run one after another, so no
 * item is written into a meeting being deleted, nothing is marked held on attendance being replaced, and
 * PostgreSQL never sees two inserts of one attendance row.
 */
export const checkinsLock = (workspaceId: string): string => lockKey('checkins', workspaceId);
/** The lock for making or revoking one member's calendar feed: one stays live. */
export const feedLock = (memberId: string): string => lockKey('checkins-feed', memberId);

export type SeriesRow = Selectable<CheckinSeriesTable>;
export type MeetingRow = Selectable<MeetingsTable>;
export type ActionItemRow = Selectable<ActionItemsTable> & { owner_name: string; meeting_start: string };

export async function getActiveSeries(db: Db, workspaceId: string): Promise<SeriesRow | undefined> {
  return db.selectFrom('checkin_series').selectAll().where('workspace_id', '=', workspaceId).where('active', '=', 1).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
}

export function toDomainSeries(s: SeriesRow): CheckinSeries {
  return { rrule: s.rrule, startDate: s.start_date, localTime: s.local_time, timeZone: s.time_zone, durationMinutes: s.duration_minutes };
}

export const quorumOf = (s: Pick<SeriesRow, 'quorum'>): QuorumRule => JSON.parse(s.quorum) as QuorumRule;

export function toDomainMeeting(m: MeetingRow): CheckinMeeting {
  return { id: m.id, start: m.starts_at, end: m.ends_at, heldAt: m.held_at, quorumMet: m.quorum_met === 1, cancelledAt: m.cancelled_at };
}

export async function listSeriesAttendees(db: Db, workspaceId: string, seriesId: string) {
  return db
    .selectFrom('checkin_attendees')
    .innerJoin('members', 'members.id', 'checkin_attendees.member_id')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.id as member_id', memberName.as('name'), 'members.team', 'members.key_player', 'members.active'])
    .where('checkin_attendees.workspace_id', '=', workspaceId)
    .where('checkin_attendees.series_id', '=', seriesId)
    .orderBy(memberName)
    .execute();
}

export async function listMeetings(db: Db, workspaceId: string, seriesId: string): Promise<MeetingRow[]> {
  return db.selectFrom('meetings').selectAll().where('workspace_id', '=', workspaceId).where('series_id', '=', seriesId).orderBy('starts_at').execute();
}

export async function getMeeting(db: Db, workspaceId: string, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('meetings').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

function actionItemsQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('action_items')
    .innerJoin('members', 'members.id', 'action_items.owner_member_id')
    .innerJoin('users', 'users.id', 'members.user_id')
    .innerJoin('meetings', 'meetings.id', 'action_items.meeting_id')
    .selectAll('action_items')
    .select([memberName.as('owner_name'), 'meetings.starts_at as meeting_start'])
    .where('action_items.workspace_id', '=', workspaceId);
}

export async function listActionItems(
  db: Db,
  workspaceId: string,
  filter: { meetingId?: string; ownerId?: string; status?: ActionItemsTable['status'] } = {},
): Promise<ActionItemRow[]> {
  let q = actionItemsQuery(db, workspaceId);
  if (filter.meetingId) q = q.where('action_items.meeting_id', '=', filter.meetingId);
  if (filter.ownerId) q = q.where('action_items.owner_member_id', '=', filter.ownerId);
  if (filter.status) q = q.where('action_items.status', '=', filter.status);
  // The id breaks ties between items agreed in the same millisecond, so every read lists them alike.
  return q.orderBy('action_items.due_date').orderBy('action_items.created_at').orderBy('action_items.id').execute();
}

export async function getActionItem(db: Db, workspaceId: string, id: string): Promise<ActionItemRow | undefined> {
  return actionItemsQuery(db, workspaceId).where('action_items.id', '=', id).executeTakeFirst();
}

export function toDomainActionItem(a: Selectable<ActionItemsTable>): ActionItem {
  return { id: a.id, title: a.title, ownerId: a.owner_member_id, dueDate: a.due_date, status: a.status, meetingId: a.meeting_id, createdAt: a.created_at, closedAt: a.closed_at };
}

export async function activeMembers(db: Db, workspaceId: string) {
  return db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.id', memberName.as('name'), 'members.team', 'members.key_player', 'members.role', 'members.active'])
    .where('members.workspace_id', '=', workspaceId)
    .where('members.active', '=', 1)
    .orderBy(memberName)
    .execute();
}
