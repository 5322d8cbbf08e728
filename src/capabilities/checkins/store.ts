// Data access for the weekly check-in (SPEC S2). Every query is scoped by the actor's workspace id.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { lockKey } from '../../db/locks.js';
import { memberName } from '../../db/member-name.js';
import { paginate, type Page } from '../../server/pagination.js';
import type { PageQuery } from '../../shared/page.js';
import type { ActionItemsTable, CheckinSeriesTable, MeetingsTable } from '../../db/schema/checkins.js';
import { COMPLIANCE_WINDOW, type ActionItem, type CheckinMeeting, type CheckinSeries, type QuorumRule } from './domain/index.js';

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

/** The series' meetings starting in [from, until), oldest first: callers bound the window (a series runs for years). */
export async function listMeetings(db: Db, workspaceId: string, seriesId: string, window: { from?: string; until?: string } = {}): Promise<MeetingRow[]> {
  let q = db.selectFrom('meetings').selectAll().where('workspace_id', '=', workspaceId).where('series_id', '=', seriesId);
  if (window.from) q = q.where('starts_at', '>=', window.from);
  if (window.until) q = q.where('starts_at', '<', window.until);
  return q.orderBy('starts_at').execute();
}

/** The meetings compliance is judged on (the last 12 decided ones are among them). */
export const complianceMeetings = (db: Db, workspaceId: string, seriesId: string, now: Date): Promise<MeetingRow[]> =>
  recentMeetings(db, workspaceId, seriesId, now, COMPLIANCE_WINDOW + 4);

/**
 * The last `count` meetings that have started and were not cancelled, most recent first: compliance counts the
 * last 12 decided ones, and at most a few of the latest are still undecided (in progress, or in the grace hours).
 */
export async function recentMeetings(db: Db, workspaceId: string, seriesId: string, now: Date, count: number): Promise<MeetingRow[]> {
  return db
    .selectFrom('meetings')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('series_id', '=', seriesId)
    .where('status', '!=', 'cancelled')
    .where('starts_at', '<=', now.toISOString())
    .orderBy('starts_at', 'desc')
    .limit(count)
    .execute();
}

/**
 * One page of the series' meetings: those not started yet soonest first, or those started most recent first
 * (cancelled ones left out). A series has one meeting per start (a unique index), so the start orders them.
 */
export async function pageMeetings(db: Db, workspaceId: string, seriesId: string, when: 'upcoming' | 'past', now: Date, page: PageQuery): Promise<Page<MeetingRow>> {
  const at = now.toISOString();
  let q = db.selectFrom('meetings').selectAll().where('workspace_id', '=', workspaceId).where('series_id', '=', seriesId);
  q = when === 'upcoming' ? q.where('starts_at', '>', at) : q.where('starts_at', '<=', at).where('status', '!=', 'cancelled');
  return paginate(q, page, {
    scope: ['meetings', workspaceId, seriesId, when],
    order: [{ by: sql.ref('starts_at'), dir: when === 'upcoming' ? 'asc' : 'desc', type: 'string' }],
    key: (m) => [m.starts_at],
  });
}

/** The meetings of the series just before and just after this one (cancelled ones skipped). */
export async function neighbourMeetings(db: Db, m: Pick<MeetingRow, 'series_id' | 'starts_at'>): Promise<{ previous: string | null; next: string | null }> {
  const around = db.selectFrom('meetings').select('id').where('series_id', '=', m.series_id).where('status', '!=', 'cancelled');
  const previous = await around.where('starts_at', '<', m.starts_at).orderBy('starts_at', 'desc').limit(1).executeTakeFirst();
  const next = await around.where('starts_at', '>', m.starts_at).orderBy('starts_at', 'asc').limit(1).executeTakeFirst();
  return { previous: previous?.id ?? null, next: next?.id ?? null };
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

export interface ActionItemFilter {
  ownerId?: string | undefined;
  status?: ActionItemsTable['status'] | undefined;
}

/** One page of action items: soonest due first, then as agreed, the id breaking ties. */
export async function pageActionItems(db: Db, workspaceId: string, filter: ActionItemFilter, page: PageQuery): Promise<Page<ActionItemRow>> {
  let q = actionItemsQuery(db, workspaceId);
  if (filter.ownerId) q = q.where('action_items.owner_member_id', '=', filter.ownerId);
  if (filter.status) q = q.where('action_items.status', '=', filter.status);
  return paginate(q, page, {
    scope: ['action-items', workspaceId, filter.ownerId ?? null, filter.status ?? null],
    order: [
      { by: sql.ref('action_items.due_date'), dir: 'asc', type: 'string' },
      { by: sql.ref('action_items.created_at'), dir: 'asc', type: 'string' },
      { by: sql.ref('action_items.id'), dir: 'asc', type: 'string' },
    ],
    key: (a) => [a.due_date, a.created_at, a.id],
  });
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
