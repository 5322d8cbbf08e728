// Data access for the Wins room (SPEC S5, issue 13). Every query is scoped by the actor's workspace id; a page of
// wins is read with one query per part (the wins, their credits, reactions, comment counts), never one per win.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import { lockKey } from '../../db/locks.js';
import { memberName } from '../../db/member-name.js';
import { containsText } from '../../db/search.js';
import type { WinProposalsTable, WinsTable } from '../../db/schema/wins.js';
import { badRequest } from '../../server/errors.js';
import { paginate, type Page } from '../../server/pagination.js';
import { localDateOf } from '../../shared/calendar/index.js';
import type { PageQuery } from '../../shared/page.js';
import type { WinKind } from '../../shared/contracts/win-candidates.js';
import { DEFAULT_SMALL_DEAL_THRESHOLD_CENTS } from './domain/limits.js';
import type { Team } from './domain/collaboration.js';

/** One win's lock: two edits, an edit and a delete, or two celebrations apply one after the other. */
export const winLock = (winId: string): string => lockKey('wins-win', winId);
/** One proposal's lock: of eight confirms at once, one makes the win and the others find it decided (409). */
export const proposalLock = (proposalId: string): string => lockKey('wins-proposal', proposalId);
/** The workspace's proposals while the job writes them (a small-deals batch is read, merged and written). */
export const proposalsLock = (workspaceId: string): string => lockKey('wins-proposals', workspaceId);

export type WinRow = Selectable<WinsTable>;
export type ProposalRow = Selectable<WinProposalsTable>;

export interface Person {
  memberId: string;
  name: string;
  team: Team;
}

/** "Nobody with that id is a member of this workspace": the same words whether the id exists elsewhere or not. */
export const NOT_A_MEMBER = 'Nobody with that id is a member of this workspace: credit active members of this workspace.';

/**
 * The members to credit, in the order given (a repeat counts once), each with their team now; a 400 naming the
 * first id that is not an active member of this workspace. `alreadyCredited` (an edit's current credits) may stay
 * though deactivated since: someone who has left keeps the wins they made.
 */
export async function membersToCredit(db: Db, workspaceId: string, ids: readonly string[], path = 'body.creditedMemberIds', alreadyCredited: readonly string[] = []): Promise<Person[]> {
  const unique = [...new Set(ids)];
  const kept = unique.filter((id) => alreadyCredited.includes(id));
  const rows = unique.length === 0 ? [] : await db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.id', 'members.team', memberName.as('name')])
    .where('members.workspace_id', '=', workspaceId)
    .where('members.id', 'in', unique)
    .where((eb) => (kept.length > 0 ? eb.or([eb('members.active', '=', 1), eb('members.id', 'in', kept)]) : eb('members.active', '=', 1)))
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const people: Person[] = [];
  for (const id of unique) {
    const r = byId.get(id);
    if (!r) throw badRequest(NOT_A_MEMBER, [{ path: `${path}.${ids.indexOf(id)}`, message: 'Not a member of this workspace.' }]);
    people.push({ memberId: r.id, name: r.name, team: r.team });
  }
  return people;
}

/** Today in the workspace's time zone, with the zone and its week start. */
export async function workspaceCalendar(db: Db, workspaceId: string, now = new Date()): Promise<{ today: string; timeZone: string; weekStart: number }> {
  const ws = await db.selectFrom('workspaces').select(['time_zone', 'week_start']).where('id', '=', workspaceId).executeTakeFirstOrThrow();
  return { today: localDateOf(now, ws.time_zone), timeZone: ws.time_zone, weekStart: ws.week_start };
}

export async function getWin(db: Db, workspaceId: string, id: string): Promise<WinRow | undefined> {
  return db.selectFrom('wins').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

export interface WinFilter {
  team?: 'sales' | 'marketing' | undefined;
  kind?: WinKind | undefined;
  collaborative?: boolean | undefined;
  q?: string | undefined;
}

/** One page of the feed: the newest day first; within a day the latest posted first, the id breaking ties. */
export async function pageWins(db: Db, workspaceId: string, filter: WinFilter, page: PageQuery): Promise<Page<WinRow>> {
  let q = db.selectFrom('wins').selectAll().where('workspace_id', '=', workspaceId);
  if (filter.team === 'sales') q = q.where('has_sales', '=', 1);
  if (filter.team === 'marketing') q = q.where('has_marketing', '=', 1);
  if (filter.kind) q = q.where('kind', '=', filter.kind);
  if (filter.collaborative !== undefined) q = q.where('collaborative', '=', filter.collaborative ? 1 : 0);
  if (filter.q) q = q.where(containsText([sql.ref<string>('title'), sql.ref<string>('story')], filter.q));
  return paginate(q, page, {
    scope: ['wins', workspaceId, filter.team ?? '', filter.kind ?? '', filter.collaborative ?? '', filter.q ?? ''],
    order: [
      { by: sql.ref('won_on'), dir: 'desc', type: 'string' },
      { by: sql.ref('created_at'), dir: 'desc', type: 'string' },
      { by: sql.ref('id'), dir: 'desc', type: 'string' },
    ],
    key: (r) => [r.won_on, r.created_at, r.id],
  });
}

/** What a page of wins shows beside each row: credits, reactions, comment counts, people and meetings named. */
export interface WinExtras {
  credits: Map<string, Person[]>;
  reactions: Map<string, Array<{ emoji: string; memberId: string }>>;
  comments: Map<string, number>;
  people: Map<string, Person>;
  meetings: Map<string, { startsAt: string; seriesTitle: string }>;
  timeZone: string;
}

export async function winExtras(db: Db, workspaceId: string, wins: readonly WinRow[]): Promise<WinExtras> {
  const ids = wins.map((w) => w.id);
  const out: WinExtras = { credits: new Map(), reactions: new Map(), comments: new Map(), people: new Map(), meetings: new Map(), timeZone: 'UTC' };
  const ws = await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirst();
  out.timeZone = ws?.time_zone ?? 'UTC';
  if (ids.length === 0) return out;
  const credits = await db
    .selectFrom('win_credits')
    .innerJoin('members', 'members.id', 'win_credits.member_id')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['win_credits.win_id', 'win_credits.member_id', 'win_credits.team', memberName.as('name')])
    .where('win_credits.workspace_id', '=', workspaceId)
    .where('win_credits.win_id', 'in', ids)
    .orderBy('win_credits.win_id')
    .orderBy('win_credits.position')
    .execute();
  for (const c of credits) {
    const list = out.credits.get(c.win_id) ?? [];
    list.push({ memberId: c.member_id, name: c.name, team: c.team });
    out.credits.set(c.win_id, list);
  }
  const reactions = await db.selectFrom('win_reactions').select(['win_id', 'emoji', 'member_id']).where('workspace_id', '=', workspaceId).where('win_id', 'in', ids).execute();
  for (const r of reactions) {
    const list = out.reactions.get(r.win_id) ?? [];
    list.push({ emoji: r.emoji, memberId: r.member_id });
    out.reactions.set(r.win_id, list);
  }
  const counts = await db
    .selectFrom('win_comments')
    .select(['win_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('win_id', 'in', ids)
    .groupBy('win_id')
    .execute();
  for (const c of counts) out.comments.set(c.win_id, Number(c.n));
  const memberIds = [...new Set(wins.flatMap((w) => [w.posted_by, w.celebrated_by]).filter((x): x is string => x !== null))];
  if (memberIds.length > 0) {
    const people = await db
      .selectFrom('members')
      .innerJoin('users', 'users.id', 'members.user_id')
      .select(['members.id', 'members.team', memberName.as('name')])
      .where('members.workspace_id', '=', workspaceId)
      .where('members.id', 'in', memberIds)
      .execute();
    for (const p of people) out.people.set(p.id, { memberId: p.id, name: p.name, team: p.team });
  }
  const meetingIds = [...new Set(wins.map((w) => w.celebrated_meeting_id).filter((x): x is string => x !== null))];
  if (meetingIds.length > 0) {
    const meetings = await db
      .selectFrom('meetings')
      .innerJoin('checkin_series', 'checkin_series.id', 'meetings.series_id')
      .select(['meetings.id', 'meetings.starts_at', 'checkin_series.title'])
      .where('meetings.workspace_id', '=', workspaceId)
      .where('meetings.id', 'in', meetingIds)
      .execute();
    for (const m of meetings) out.meetings.set(m.id, { startsAt: m.starts_at, seriesTitle: m.title });
  }
  return out;
}

export async function listComments(db: Db, workspaceId: string, winId: string, limit: number) {
  return db
    .selectFrom('win_comments')
    .leftJoin('members', 'members.id', 'win_comments.member_id')
    .leftJoin('users', 'users.id', 'members.user_id')
    .select(['win_comments.id', 'win_comments.body', 'win_comments.member_id', 'win_comments.created_at', 'members.team', sql<string | null>`case when members.id is null then null else ${memberName} end`.as('name')])
    .where('win_comments.workspace_id', '=', workspaceId)
    .where('win_comments.win_id', '=', winId)
    .orderBy('win_comments.created_at')
    .orderBy('win_comments.id')
    .limit(limit)
    .execute();
}
export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

export async function getComment(db: Db, workspaceId: string, winId: string, id: string) {
  return (await db
    .selectFrom('win_comments')
    .leftJoin('members', 'members.id', 'win_comments.member_id')
    .leftJoin('users', 'users.id', 'members.user_id')
    .select(['win_comments.id', 'win_comments.body', 'win_comments.member_id', 'win_comments.created_at', 'members.team', sql<string | null>`case when members.id is null then null else ${memberName} end`.as('name')])
    .where('win_comments.workspace_id', '=', workspaceId)
    .where('win_comments.win_id', '=', winId)
    .where('win_comments.id', '=', id)
    .executeTakeFirst()) as CommentRow | undefined;
}

/** The workspace's small-deal threshold: its setting, or the default until an admin sets one. */
export async function smallDealThreshold(db: Db, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('win_settings').select('small_deal_threshold_cents').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? Number(row.small_deal_threshold_cents) : DEFAULT_SMALL_DEAL_THRESHOLD_CENTS;
}

export async function getProposal(db: Db, workspaceId: string, id: string): Promise<ProposalRow | undefined> {
  return db.selectFrom('win_proposals').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
}

/** Open proposals, newest first (the id breaking ties). */
export async function pageOpenProposals(db: Db, workspaceId: string, page: PageQuery): Promise<Page<ProposalRow>> {
  const q = db.selectFrom('win_proposals').selectAll().where('workspace_id', '=', workspaceId).where('status', '=', 'open');
  return paginate(q, page, {
    scope: ['win-proposals', workspaceId],
    order: [
      { by: sql.ref('created_at'), dir: 'desc', type: 'string' },
      { by: sql.ref('id'), dir: 'desc', type: 'string' },
    ],
    key: (r) => [r.created_at, r.id],
  });
}

/** The members a page of proposals suggests, named, by id (those no longer active are left out of the suggestion). */
export async function suggestedPeople(db: Db, workspaceId: string, proposals: readonly ProposalRow[]): Promise<Map<string, Person>> {
  const ids = [...new Set(proposals.flatMap((p) => idList(p.credited_member_ids)))];
  const out = new Map<string, Person>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.id', 'members.team', memberName.as('name')])
    .where('members.workspace_id', '=', workspaceId)
    .where('members.active', '=', 1)
    .where('members.id', 'in', ids)
    .execute();
  for (const r of rows) out.set(r.id, { memberId: r.id, name: r.name, team: r.team });
  return out;
}

/** A JSON list of ids as stored (an unreadable value reads as none). */
export function idList(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
