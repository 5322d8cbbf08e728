// Test factories (Outline-style): small functions that make real data through the API, so tests state
// only what matters to them. Everything goes through HTTP except what has no route (notifications).
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type * as C from '../src/capabilities/checkins/schemas.js';
import type * as G from '../src/capabilities/goals/schemas.js';
import type { Role, Team } from '../src/shared/vocabulary.js';
import type { AppContext } from '../src/server/context.js';
import { notifyMember } from '../src/server/notifications.js';
import type { TestApp } from './helpers/app.js';
import { Client, expectStatus } from './helpers/client.js';
import type { CreatedApiTokenView, CreatedInviteView, MemberView, MeView } from './helpers/views.js';
import { newMeetingRow } from '../src/capabilities/checkins/schedule.js';
import { ALL_WORKSPACES, bumpReadVersions } from '../src/db/read-versions.js';

export const PASSWORD = 'correct-horse-battery';

export const uniqueEmail = (prefix = 'person'): string => `${prefix}-${randomBytes(5).toString('hex')}@example.test`;

export interface TestWorkspace {
  id: string;
  name: string;
  /** The admin who signed up, signed in. */
  admin: Client;
  adminMemberId: string;
  adminUserId: string;
  me: MeView;
}

/**
 * After a test writes straight to the database (as a CLI command would), cached reads are read again: the
 * read cache only sees writes that go through the app (docs/decisions/025).
 */
export async function changedInDb(t: TestApp): Promise<void> {
  await bumpReadVersions(t.db.kysely, [ALL_WORKSPACES]);
  await caughtUp(t.app);
}

/**
 * On PostgreSQL, waits until the app has heard every change committed so far through its change feed (as another
 * instance's writes, a CLI command or SQL typed by hand reach it; docs/decisions/030). Nothing to wait for on SQLite.
 */
export async function caughtUp(app: { ctx: AppContext }): Promise<void> {
  if (app.ctx.changeFeed && !(await app.ctx.changeFeed.caughtUp())) throw new Error('the change feed did not catch up');
}

/** Signs up a new admin, which creates a workspace. */
export async function makeWorkspace(
  t: TestApp,
  opts: { name?: string; email?: string; password?: string; adminName?: string; timeZone?: string } = {},
): Promise<TestWorkspace> {
  const admin = t.client();
  const name = opts.name ?? `Acme ${randomBytes(3).toString('hex')}`;
  const me = expectStatus(
    await admin.signUp({
      email: opts.email ?? uniqueEmail('admin'),
      password: opts.password ?? PASSWORD,
      name: opts.adminName ?? 'Ada Admin',
      workspaceName: name,
      ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    }),
    201,
  );
  if (!me.workspace || !me.member) throw new Error('sign-up answered without a workspace');
  return { id: me.workspace.id, name, admin, adminMemberId: me.member.id, adminUserId: me.user.id, me };
}

export interface TestMember {
  client: Client;
  member: MemberView;
  email: string;
  password: string;
}

/** Creates an invite as the workspace's admin. */
export async function makeInvite(
  ws: TestWorkspace,
  input: { role?: Role; team?: Team; email?: string; function?: string; expiresInDays?: number } = {},
): Promise<CreatedInviteView> {
  return expectStatus(await ws.admin.post<CreatedInviteView>('/api/v1/invites', { role: 'member', team: 'sales', ...input }), 201);
}

/** A new person who joins the workspace through an invite link, signed in. */
export async function addMember(
  t: TestApp,
  ws: TestWorkspace,
  opts: { role?: Role; team?: Team; name?: string; email?: string; function?: string } = {},
): Promise<TestMember> {
  const role = opts.role ?? 'member';
  const team = opts.team ?? 'sales';
  const email = opts.email ?? uniqueEmail(role);
  const invite = await makeInvite(ws, { role, team, ...(opts.function ? { function: opts.function } : {}) });
  const client = t.client();
  const me = expectStatus(
    await client.post<MeView>(`/api/v1/invites/accept/${invite.token}`, { name: opts.name ?? `${role} ${team}`, email, password: PASSWORD }),
    200,
  );
  if (!me.member) throw new Error('accepting the invite answered without a member');
  client.email = email;
  client.password = PASSWORD;
  return { client, member: me.member, email, password: PASSWORD };
}

/** An API token made by the workspace's admin (or `by`), with its secret. */
export async function makeApiToken(ws: TestWorkspace, name = 'CRM sync', by: Client = ws.admin): Promise<CreatedApiTokenView> {
  return expectStatus(await by.post<CreatedApiTokenView>('/api/v1/tokens', { name }), 201);
}

/** A notification for one member (no route creates one directly; capabilities do). Returns its id. */
export async function makeNotification(t: TestApp, workspaceId: string, memberId: string, title = `Something happened ${randomBytes(4).toString('hex')}`): Promise<string> {
  await notifyMember(t.db.kysely, workspaceId, memberId, { kind: 'test', title, body: 'Details', link: null });
  const row = await t.db.kysely
    .selectFrom('notifications')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('member_id', '=', memberId)
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The token at the end of an invite or setup URL. */
export const tokenOf = (url: string): string => {
  const token = url.split('/invite/')[1];
  if (!token) throw new Error(`not an invite url: ${url}`);
  return token;
};

// ── Published goals (SPEC S1) ──────────────────────────────────────────────────────────────────────

export type KpiView = z.infer<typeof G.KpiView>;
export type KpiDetailView = z.infer<typeof G.KpiDetailView>;
export type PublicationView = z.infer<typeof G.PublicationView>;
export type KpiInput = z.input<typeof G.KpiCreateInput>;

/** What a KPI says when a test does not care: a monthly win rate with a measurement definition. */
export const kpiDefaults = (team: 'sales' | 'marketing'): KpiInput => ({
  team,
  name: team === 'sales' ? 'Win rate' : 'MQLs',
  kind: team === 'sales' ? 'win_rate' : 'mqls',
  measurement: team === 'sales' ? 'Closed-won ÷ closed deals, trailing 90 days.' : 'Leads reaching score 65 for the first time.',
  period: 'month',
});

/** Creates a KPI as `lead` (a lead of the KPI's team). */
export async function makeKpi(lead: Client, input: Partial<KpiInput> & { team: 'sales' | 'marketing' }): Promise<KpiView> {
  return expectStatus(await lead.post<KpiView>('/api/v1/goals/kpis', { ...kpiDefaults(input.team), ...input }), 201);
}

/** Sets a team's top three in rank order as `lead`. */
export async function setTopThree(lead: Client, team: 'sales' | 'marketing', kpiIds: string[]): Promise<KpiView[]> {
  return expectStatus(await lead.request<KpiView[]>('PUT', '/api/v1/goals/top-three', { body: { team, kpiIds } }), 200);
}

/** Publishes a team's current top three as `lead`. */
export async function publishTopThree(lead: Client, team: 'sales' | 'marketing', note?: string): Promise<PublicationView> {
  return expectStatus(await lead.post<PublicationView>('/api/v1/goals/publications', { team, ...(note ? { note } : {}) }), 201);
}

/** A team with a published top three of one KPI (ranked #1), made by `lead`. */
export async function makePublishedTeam(lead: Client, team: 'sales' | 'marketing', kpi: Partial<KpiInput> = {}): Promise<{ kpi: KpiView; publication: PublicationView }> {
  const made = await makeKpi(lead, { team, rank: 1, ...kpi });
  return { kpi: made, publication: await publishTopThree(lead, team) };
}

// ── Weekly check-in (SPEC S2) ───────────────────────────────────────────────────────────────────────

export type SeriesView = z.infer<typeof C.SeriesView>;
export type MeetingView = z.infer<typeof C.MeetingView>;
export type MeetingSummaryView = z.infer<typeof C.MeetingSummaryView>;
export type ActionItemView = z.infer<typeof C.ActionItemView>;
export type ComplianceView = z.infer<typeof C.ComplianceView>;
export type FeedView = z.infer<typeof C.FeedView>;
export type SeriesInput = z.input<typeof C.SeriesInput>;

const WEEKDAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_MS = 86_400_000;

/** The UTC calendar date `days` from now ('YYYY-MM-DD'); negative for the past. */
export const utcDate = (days = 0, from: Date = new Date()): string => new Date(from.getTime() + days * DAY_MS).toISOString().slice(0, 10);

/** The RFC 5545 weekday code of a 'YYYY-MM-DD' date. */
export const weekdayOf = (date: string): (typeof WEEKDAYS)[number] => WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()] ?? 'MO';

/** Marks members as key players (SPEC S0: "attends the weekly check-in") as the workspace's admin. */
export async function makeKeyPlayers(ws: TestWorkspace, memberIds: string[]): Promise<void> {
  for (const id of memberIds) expectStatus(await ws.admin.patch(`/api/v1/members/${id}`, { keyPlayer: true }), 200);
}

/** Creates or changes the workspace's check-in series as `by` (a leader or admin). */
export async function putSeries(by: Client, input: SeriesInput): Promise<SeriesView> {
  const res = expectStatus(await by.request<{ series: SeriesView | null }>('PUT', '/api/v1/checkins/series', { body: input }), 200);
  if (!res.series) throw new Error('PUT /checkins/series answered without a series');
  return res.series;
}

/**
 * A series meeting on the weekday of the day before today (UTC workspace), at `localTime` (10:00 by
 * default), starting `weeksBack` weeks before that day: its past meetings are exactly the `weeksBack + 1`
 * on days -1, -8, … (all decided: even the one yesterday ended more than 12 hours ago), and the next is
 * six days from now.
 */
export async function makeWeeklySeries(by: Client, opts: Partial<SeriesInput> & { weeksBack?: number } = {}): Promise<SeriesView> {
  const { weeksBack = 4, ...input } = opts;
  const yesterday = utcDate(-1);
  return putSeries(by, { weekday: weekdayOf(yesterday), localTime: '10:00', startDate: utcDate(-1 - 7 * weeksBack), ...input });
}

/** One page of a paged list: `{ items, nextCursor }` (docs/decisions/023-pagination.md). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every item of a paged list, following nextCursor from the first page to the last (`url` may carry filters). */
export async function allPages<T>(by: Client, url: string, limit = 200): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const query = `${url.includes('?') ? '&' : '?'}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const page: Page<T> = expectStatus(await by.get<Page<T>>(`${url}${query}`), 200);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The series' last `past` meetings that have started and its next `upcoming` ones (GET /checkins/meetings), oldest first. */
export async function listMeetings(by: Client, past = 100, upcoming = 20): Promise<MeetingSummaryView[]> {
  const page = async (when: 'past' | 'upcoming', limit: number) =>
    limit === 0 ? [] : expectStatus(await by.get<Page<MeetingSummaryView>>(`/api/v1/checkins/meetings?when=${when}&limit=${limit}`), 200).items;
  return [...(await page('past', past)).reverse(), ...(await page('upcoming', upcoming))];
}

/** The past and upcoming meetings of the series, each oldest first. */
export async function meetingsAround(by: Client): Promise<{ past: MeetingSummaryView[]; upcoming: MeetingSummaryView[] }> {
  const now = new Date().toISOString();
  const all = await listMeetings(by);
  return { past: all.filter((m) => m.start <= now), upcoming: all.filter((m) => m.start > now) };
}

export async function getMeeting(by: Client, id: string): Promise<MeetingView> {
  return expectStatus(await by.get<MeetingView>(`/api/v1/checkins/meetings/${id}`), 200);
}

/**
 * An extra meeting of the series at a chosen time (as if rescheduled), written straight to the database:
 * the API only schedules meetings from the series' rule, and tests need one that is under way or just over.
 */
export async function insertMeeting(t: TestApp, seriesId: string, start: Date, durationMinutes = 30): Promise<string> {
  const series = await t.db.kysely.selectFrom('checkin_series').select(['id', 'workspace_id']).where('id', '=', seriesId).executeTakeFirstOrThrow();
  const id = `mtg-${randomBytes(8).toString('hex')}`;
  const end = new Date(start.getTime() + durationMinutes * 60_000);
  await t.db.kysely.insertInto('meetings').values(newMeetingRow(series, start.toISOString(), end.toISOString(), id)).execute();
  await changedInDb(t);
  return id;
}

/** Marks a past meeting held with quorum straight in the database (marking held through the API only works up to a week after). */
export async function markHeldInDb(t: TestApp, meetingId: string): Promise<void> {
  const m = await t.db.kysely.selectFrom('meetings').select('ends_at').where('id', '=', meetingId).executeTakeFirstOrThrow();
  await t.db.kysely.updateTable('meetings').set({ status: 'held', held_at: m.ends_at, quorum_met: 1, updated_at: m.ends_at }).where('id', '=', meetingId).execute();
  await changedInDb(t);
}

export async function recordAttendance(by: Client, meetingId: string, present: string[]): Promise<MeetingView> {
  return expectStatus(await by.request<MeetingView>('PUT', `/api/v1/checkins/meetings/${meetingId}/attendance`, { body: { present } }), 200);
}

export async function makeActionItem(by: Client, meetingId: string, input: { title?: string; ownerId: string; dueDate: string }): Promise<ActionItemView> {
  return expectStatus(await by.post<ActionItemView>(`/api/v1/checkins/meetings/${meetingId}/action-items`, { title: `Follow up ${randomBytes(3).toString('hex')}`, ...input }), 201);
}

/** Adds an agenda item as `by`; returns its id. */
export async function makeAgendaItem(by: Client, meetingId: string, title = `Talk about ${randomBytes(3).toString('hex')}`, note = ''): Promise<string> {
  const view = expectStatus(await by.post<MeetingView>(`/api/v1/checkins/meetings/${meetingId}/agenda-items`, { title, note }), 201);
  const item = view.customItems.find((c) => c.title === title);
  if (!item) throw new Error('the added agenda item is not on the meeting');
  return item.id;
}

/** Records a decision as `by`; returns its id. */
export async function makeDecision(by: Client, meetingId: string, text = `Decided ${randomBytes(3).toString('hex')}`): Promise<string> {
  const view = expectStatus(await by.post<MeetingView>(`/api/v1/checkins/meetings/${meetingId}/decisions`, { text }), 201);
  const d = view.decisions.find((x) => x.text === text);
  if (!d) throw new Error('the decision is not on the meeting');
  return d.id;
}

/** Makes (or regenerates) `by`'s calendar feed; returns the URL path (/api/v1/calendar/<token>.ics). */
export async function makeFeed(by: Client): Promise<string> {
  const feed = expectStatus(await by.post<FeedView>('/api/v1/checkins/feed'), 201);
  if (!feed.url) throw new Error('POST /checkins/feed answered without the URL');
  return new URL(feed.url).pathname;
}

/** The same signed-in browser talking to another instance of the app (a second server behind a load balancer). */
export function sameSessionOn(app: { server: ConstructorParameters<typeof Client>[0] }, c: Client): Client {
  const other = new Client(app.server);
  const session = c.cookie('lockstep_session');
  if (!session) throw new Error('not signed in');
  other.setCookie('lockstep_session', session);
  return other;
}
