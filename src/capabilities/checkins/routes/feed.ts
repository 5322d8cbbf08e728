// Each member's private calendar feed (SPEC S2): an iCalendar URL with the check-ins, for Google
// Calendar, Outlook and Apple Calendar to subscribe to; the other rooms' events (a shadow day) ride along as
// all-day events, read through the calendar-events contract. The secret in the URL is stored hashed, so the
// URL is shown when made; regenerating makes a new one and revoking stops the old one at once.
import type { AppContext, Server } from '../../../server/context.js';
import type { CalendarEventProvider } from '../../../shared/contracts/calendar-events.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf } from '../../../server/auth.js';
import { notFound } from '../../../server/errors.js';
import { hashSecret, newId, newSecret, nowIso } from '../../../server/ids.js';
import type { Db } from '../../../db/database.js';
import { lockForUpdate } from '../../../db/locks.js';
import { z } from 'zod';
import { buildCalendarFeed, type FeedEvent } from '../domain/index.js';
import { FeedView, Ok } from '../schemas.js';
import { feedLock, getActiveSeries } from '../store.js';

const tags = ['check-ins'];
const DAY = 86_400_000;

/** The zone a member's feed is written in: the check-in series' when there is one, else the workspace's. */
async function feedTimeZone(db: Db, workspaceId: string): Promise<string> {
  const series = await getActiveSeries(db, workspaceId);
  if (series) return series.time_zone;
  return (await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirstOrThrow()).time_zone;
}

/**
 * What a member's feed carries: every room's events they take part in (the check-ins they attend or run, their shadow
 * day), from 8 weeks back to a year ahead (the check-ins are scheduled 12 weeks ahead), read through the
 * calendar-events contract. A shadow day is an all-day event.
 */
async function feedEventsFor(providers: readonly CalendarEventProvider[], workspaceId: string, memberId: string, now: Date): Promise<FeedEvent[]> {
  const window = { workspaceId, memberId, from: new Date(now.getTime() - 56 * DAY).toISOString(), until: new Date(now.getTime() + 400 * DAY).toISOString(), now };
  const lists = await Promise.all(providers.map((p) => p.events(window)));
  return lists.flat().map((e) => ({
    uid: e.uid,
    start: e.start,
    end: e.end,
    allDay: e.date,
    summary: e.summary,
    description: e.description,
    location: e.location,
    url: e.url,
    sequence: e.sequence,
    status: e.status,
    lastModified: e.lastModified,
  }));
}

/** Revokes every live feed URL of the member. */
export async function revokeFeeds(db: Db, workspaceId: string, memberId: string, at = nowIso()): Promise<void> {
  await db.updateTable('calendar_feeds').set({ revoked_at: at }).where('workspace_id', '=', workspaceId).where('member_id', '=', memberId).where('revoked_at', 'is', null).execute();
}

export function registerFeedRoutes(app: Server, { db, config, calendarEvents }: AppContext): void {
  const k = db.kysely;
  const urlOf = (token: string) => `${config.publicUrl}/api/v1/calendar/${token}.ics`;

  app.get(
    '/checkins/feed',
    { schema: { tags, summary: 'Your calendar feed: whether it is active (the URL is shown only when made).', response: { 200: FeedView } } },
    async (req) => {
      const actor = actorOf(req);
      const f = await k.selectFrom('calendar_feeds').selectAll().where('workspace_id', '=', actor.workspaceId).where('member_id', '=', actor.memberId).where('revoked_at', 'is', null).executeTakeFirst();
      return { active: f !== undefined, createdAt: f?.created_at ?? null, lastFetchedAt: f?.last_fetched_at ?? null, url: null };
    },
  );

  app.post(
    '/checkins/feed',
    { schema: { tags, summary: 'Make (or regenerate) your private calendar feed URL; an earlier URL stops working.', response: { 201: FeedView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const token = newSecret();
      const at = nowIso();
      await db.transaction(async (tx) => {
        // Under the member's lock: two requests at the same moment would each revoke the old feed and
        // each add one, leaving two live URLs where the member was shown "an earlier URL stops working".
        await lockForUpdate(tx, db.dialect, feedLock(actor.memberId));
        await revokeFeeds(tx, actor.workspaceId, actor.memberId, at);
        const id = newId();
        await tx.insertInto('calendar_feeds').values({ id, workspace_id: actor.workspaceId, member_id: actor.memberId, token_hash: hashSecret(token), created_at: at, last_fetched_at: null, revoked_at: null }).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'calendar_feed.created', entityType: 'calendar_feed', entityId: id });
      });
      return reply.code(201).send({ active: true, createdAt: at, lastFetchedAt: null, url: urlOf(token) });
    },
  );

  app.delete(
    '/checkins/feed',
    { schema: { tags, summary: 'Revoke your calendar feed URL.', response: { 200: Ok } } },
    async (req) => {
      const actor = actorOf(req);
      await revokeFeeds(k, actor.workspaceId, actor.memberId);
      return { ok: true as const };
    },
  );

  app.get(
    '/calendar/:file',
    {
      schema: {
        tags,
        summary: 'The iCalendar feed (text/calendar). The secret URL is the credential: no cookie or token needed.',
        params: z.strictObject({ file: z.string().regex(/^[A-Za-z0-9_-]{20,100}\.ics$/, { message: 'is not a calendar feed address' }) }),
      },
      config: { access: 'public' },
    },
    async (req, reply) => {
      const token = req.params.file.replace(/\.ics$/, '');
      const feed = await k
        .selectFrom('calendar_feeds')
        .innerJoin('members', 'members.id', 'calendar_feeds.member_id')
        .innerJoin('workspaces', 'workspaces.id', 'calendar_feeds.workspace_id')
        .select(['calendar_feeds.id', 'calendar_feeds.workspace_id', 'calendar_feeds.member_id', 'calendar_feeds.last_fetched_at', 'members.active', 'workspaces.name'])
        .where('calendar_feeds.token_hash', '=', hashSecret(token))
        .where('calendar_feeds.revoked_at', 'is', null)
        .executeTakeFirst();
      if (!feed || feed.active !== 1) throw notFound('Calendar feed');
      const now = new Date();
      if (!feed.last_fetched_at || now.getTime() - Date.parse(feed.last_fetched_at) > 3_600_000) {
        await k.updateTable('calendar_feeds').set({ last_fetched_at: now.toISOString() }).where('id', '=', feed.id).execute();
      }
      const [events, timeZone] = await Promise.all([feedEventsFor(calendarEvents, feed.workspace_id, feed.member_id, now), feedTimeZone(k, feed.workspace_id)]);
      const ics = buildCalendarFeed({ calendarName: `Lockstep — ${feed.name}`, timeZone, events, generatedAt: now });
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(ics);
    },
  );
}
