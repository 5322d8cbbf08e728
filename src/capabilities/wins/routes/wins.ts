// The wins feed (SPEC S5, issue 13): post a win with the people credited, edit or delete it (its poster or an admin),
// react, comment, and mark it celebrated together in a check-in; the summary counts teams, never people.
import { sql } from 'kysely';
import { z } from 'zod';
import type { Tx } from '../../../db/database.js';
import { lockForUpdate } from '../../../db/locks.js';
import { recordAudit } from '../../../server/audit.js';
import { changedFields } from '../../../server/audit-change.js';
import { actorOf, type Actor } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { badRequest, forbidden, notFound } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { summarizeWins, summaryFrom } from '../domain/summary.js';
import { wonOnProblem } from '../domain/won-on.js';
import { CHANGE_WIN, DELETE_COMMENT, TAKE_PART, canChangeWin, canDeleteComment, canTakePart } from '../policies.js';
import { presentComment } from '../presenters.js';
import { CelebratedInput, CommentInput, CommentParams, CommentView, IdParams, ReactionParams, SummaryQuery, SummaryView, WinDetailView, WinInput, WinsPageView, WinsQuery, WinUpdateInput, WinView } from '../schemas.js';
import { getComment, getWin, membersToCredit, pageWins, winLock, workspaceCalendar, type WinRow } from '../store.js';
import { presentWins, winDetail, winView } from '../views.js';
import { creditColumns, insertWin, winAuditShape, writeCredits } from '../write.js';

const tags = ['wins'];
const NoContent = z.null().describe('No content');

export function registerWinRoutes(app: Server, { db, config }: AppContext): void {
  const k = db.kysely;

  async function refuseBadDate(workspaceId: string, wonOn: string): Promise<void> {
    const { today } = await workspaceCalendar(k, workspaceId);
    const problem = wonOnProblem(wonOn, today);
    if (problem) throw badRequest(problem, [{ path: 'body.wonOn', message: problem }]);
  }

  /** The win to change, under its lock: 404 for an unknown or foreign id, then 403 when `allowed` says no. */
  async function lockedWin(tx: Tx, actor: Actor, id: string, allowed: (row: WinRow) => boolean, refusal: string): Promise<WinRow> {
    await lockForUpdate(tx, db.dialect, winLock(id));
    const row = await getWin(tx, actor.workspaceId, id);
    if (!row) throw notFound('Win');
    if (!allowed(row)) throw forbidden(refusal);
    return row;
  }

  app.get(
    '/wins',
    {
      schema: {
        tags,
        summary: 'The wins feed, a page at a time: the newest day first. Filter by team credited, kind, collaborative (sales and marketing credited together) and words in the title or story.',
        querystring: WinsQuery,
        response: { 200: WinsPageView, 400: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, cursor, team, kind, collaborative, q } = req.query;
      const page = await pageWins(k, actor.workspaceId, { team, kind, collaborative: collaborative === undefined ? undefined : collaborative === 'true', q: q || undefined }, { limit, cursor });
      return { items: await presentWins(k, actor, page.items), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/wins/summary',
    {
      schema: {
        tags,
        summary:
          "Wins per week (the workspace's weeks, oldest first) with how many were collaborative; the last four weeks (28 days): wins, wins a week, the share collaborative and the share celebrated together; and the wins crediting each team. Team-level only: no count per person anywhere.",
        querystring: SummaryQuery,
        response: { 200: SummaryView, 400: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const { today, weekStart } = await workspaceCalendar(k, actor.workspaceId);
      const weeks = req.query.weeks;
      const celebrated = sql<number>`case when celebrated_at is null then 0 else 1 end`;
      const rows = await k
        .selectFrom('wins')
        .select(['won_on', 'collaborative', 'has_sales', 'has_marketing', celebrated.as('celebrated'), (eb) => eb.fn.countAll<number | string>().as('n')])
        .where('workspace_id', '=', actor.workspaceId)
        .where('won_on', '>=', summaryFrom(today, weekStart, weeks))
        .groupBy(['won_on', 'collaborative', 'has_sales', 'has_marketing', celebrated])
        .execute();
      return summarizeWins(
        rows.map((r) => ({ wonOn: r.won_on, collaborative: Number(r.collaborative) === 1, hasSales: Number(r.has_sales) === 1, hasMarketing: Number(r.has_marketing) === 1, celebrated: Number(r.celebrated) === 1, n: Number(r.n) })),
        today,
        weekStart,
        weeks,
      );
    },
  );

  app.post(
    '/wins',
    {
      schema: {
        tags,
        summary:
          'Post a win: kind, title, story, the day it happened and the people credited (active members of this workspace). It is collaborative when they span sales and marketing. Announced to the channels that take wins. Everyone but viewers.',
        body: WinInput,
        response: { 201: WinView, 400: ErrorView, 403: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canTakePart(actor)) throw forbidden(TAKE_PART);
      const b = req.body;
      await refuseBadDate(actor.workspaceId, b.wonOn);
      const id = await db.transaction(async (tx) => {
        const credited = await membersToCredit(tx, actor.workspaceId, b.creditedMemberIds);
        return insertWin(tx, actor, config.publicUrl, { kind: b.kind, title: b.title, story: b.story, wonOn: b.wonOn, credited });
      });
      return reply.code(201).send(await winView(k, actor, id));
    },
  );

  app.get(
    '/wins/:id',
    { schema: { tags, summary: 'One win with its comments, oldest first.', params: IdParams, response: { 200: WinDetailView, 404: ErrorView } }, config: { readCache: true } },
    async (req) => winDetail(k, actorOf(req), req.params.id),
  );

  app.patch(
    '/wins/:id',
    {
      schema: {
        tags,
        summary: 'Change a win: kind, title, story, date or the people credited (as a whole list; their teams as they are now). Its poster or an admin.',
        params: IdParams,
        body: WinUpdateInput,
        response: { 200: WinView, 400: ErrorView, 403: ErrorView, 404: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const b = req.body;
      // The date is checked before the transaction: it needs the workspace's today, not the win.
      if (b.wonOn !== undefined) await refuseBadDate(actor.workspaceId, b.wonOn);
      await db.transaction(async (tx) => {
        const row = await lockedWin(tx, actor, req.params.id, (w) => canChangeWin(actor, w.posted_by), CHANGE_WIN);
        const creditsBefore = (await tx.selectFrom('win_credits').select('member_id').where('workspace_id', '=', actor.workspaceId).where('win_id', '=', row.id).orderBy('position').execute()).map((c) => c.member_id);
        const credited = b.creditedMemberIds ? await membersToCredit(tx, actor.workspaceId, b.creditedMemberIds, 'body.creditedMemberIds', creditsBefore) : null;
        const before = winAuditShape({ kind: row.kind, title: row.title, story: row.story, wonOn: row.won_on, creditedMemberIds: creditsBefore });
        const after = winAuditShape({ kind: b.kind ?? row.kind, title: b.title ?? row.title, story: b.story ?? row.story, wonOn: b.wonOn ?? row.won_on, creditedMemberIds: credited ? credited.map((p) => p.memberId) : creditsBefore });
        const changed = changedFields(before, after);
        if (Object.keys(changed.after).length === 0) return;
        await tx
          .updateTable('wins')
          .set({ kind: after.kind, title: after.title, story: after.story, won_on: after.wonOn, ...(credited ? creditColumns(credited) : {}), updated_at: nowIso() })
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', row.id)
          .execute();
        if (credited) await writeCredits(tx, actor.workspaceId, row.id, credited);
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'win.changed', entityType: 'win', entityId: row.id, before: changed.before, after: changed.after });
      });
      return winView(k, actor, req.params.id);
    },
  );

  app.delete(
    '/wins/:id',
    { schema: { tags, summary: 'Delete a win, with its reactions and comments. Its poster or an admin.', params: IdParams, response: { 204: NoContent, 403: ErrorView, 404: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        const row = await lockedWin(tx, actor, req.params.id, (w) => canChangeWin(actor, w.posted_by), CHANGE_WIN);
        await tx.deleteFrom('wins').where('workspace_id', '=', actor.workspaceId).where('id', '=', row.id).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'win.deleted', entityType: 'win', entityId: row.id, before: { kind: row.kind, title: row.title, wonOn: row.won_on } });
      });
      return reply.code(204).send(null);
    },
  );

  for (const verb of ['PUT', 'DELETE'] as const) {
    app.route({
      method: verb,
      url: '/wins/:id/reactions/:emoji',
      schema: {
        tags,
        summary: verb === 'PUT' ? 'React to a win with one of five emoji (tada, clap, rocket, heart, raised_hands). Reacting twice changes nothing. Everyone but viewers.' : 'Take back a reaction. Taking back one never given changes nothing.',
        params: ReactionParams,
        response: { 200: WinView, 400: ErrorView, 403: ErrorView, 404: ErrorView },
      },
      handler: async (req) => {
        const actor = actorOf(req);
        const { id, emoji } = req.params;
        const row = await getWin(k, actor.workspaceId, id);
        if (!row) throw notFound('Win');
        if (!canTakePart(actor)) throw forbidden(TAKE_PART);
        if (verb === 'PUT') {
          await k
            .insertInto('win_reactions')
            .values({ win_id: row.id, workspace_id: actor.workspaceId, member_id: actor.memberId, emoji, created_at: nowIso() })
            .onConflict((oc) => oc.columns(['win_id', 'member_id', 'emoji']).doNothing())
            .execute();
        } else {
          await k.deleteFrom('win_reactions').where('workspace_id', '=', actor.workspaceId).where('win_id', '=', row.id).where('member_id', '=', actor.memberId).where('emoji', '=', emoji).execute();
        }
        return winView(k, actor, row.id);
      },
    });
  }

  app.post(
    '/wins/:id/comments',
    {
      schema: {
        tags,
        summary: 'Add a kudos comment to a win (plain text, 1 to 2,000 characters). Everyone but viewers.',
        params: IdParams,
        body: CommentInput,
        response: { 201: CommentView, 400: ErrorView, 403: ErrorView, 404: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const row = await getWin(k, actor.workspaceId, req.params.id);
      if (!row) throw notFound('Win');
      if (!canTakePart(actor)) throw forbidden(TAKE_PART);
      const id = newId();
      // The win may be deleted at the same moment: the foreign key refuses the comment then (answered 409).
      await k.insertInto('win_comments').values({ id, workspace_id: actor.workspaceId, win_id: row.id, member_id: actor.memberId, body: req.body.body, created_at: nowIso() }).execute();
      const comment = await getComment(k, actor.workspaceId, row.id, id);
      if (!comment) throw notFound('Comment');
      return reply.code(201).send(presentComment(comment, actor));
    },
  );

  app.delete(
    '/wins/:id/comments/:commentId',
    { schema: { tags, summary: "Delete a comment. Its author or an admin.", params: CommentParams, response: { 204: NoContent, 403: ErrorView, 404: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const comment = await getComment(k, actor.workspaceId, req.params.id, req.params.commentId);
      if (!comment) throw notFound('Comment');
      if (!canDeleteComment(actor, comment.member_id)) throw forbidden(DELETE_COMMENT);
      await k.deleteFrom('win_comments').where('workspace_id', '=', actor.workspaceId).where('id', '=', comment.id).execute();
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/wins/:id/celebrated',
    {
      schema: {
        tags,
        summary: 'Mark a win celebrated together (SPEC S5), optionally in a check-in of this workspace (meetingId). Marking it again moves it to that check-in. Everyone but viewers.',
        params: IdParams,
        body: CelebratedInput.nullish(),
        response: { 200: WinView, 400: ErrorView, 403: ErrorView, 404: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const meetingId = req.body?.meetingId ?? null;
      await db.transaction(async (tx) => {
        const row = await lockedWin(tx, actor, req.params.id, () => canTakePart(actor), TAKE_PART);
        if (meetingId !== null) {
          const meeting = await tx.selectFrom('meetings').select('id').where('workspace_id', '=', actor.workspaceId).where('id', '=', meetingId).executeTakeFirst();
          if (!meeting) throw notFound('Check-in');
        }
        const at = nowIso();
        await tx
          .updateTable('wins')
          .set({ celebrated_at: at, celebrated_meeting_id: meetingId, celebrated_by: actor.memberId, updated_at: at })
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', row.id)
          .execute();
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorMemberId: actor.memberId,
          action: 'win.celebrated',
          entityType: 'win',
          entityId: row.id,
          before: row.celebrated_at ? { meetingId: row.celebrated_meeting_id } : null,
          after: { meetingId },
        });
      });
      return winView(k, actor, req.params.id);
    },
  );

  app.delete(
    '/wins/:id/celebrated',
    { schema: { tags, summary: 'Take back "celebrated together". Everyone but viewers.', params: IdParams, response: { 200: WinView, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        const row = await lockedWin(tx, actor, req.params.id, () => canTakePart(actor), TAKE_PART);
        if (!row.celebrated_at) return;
        await tx.updateTable('wins').set({ celebrated_at: null, celebrated_meeting_id: null, celebrated_by: null, updated_at: nowIso() }).where('workspace_id', '=', actor.workspaceId).where('id', '=', row.id).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'win.uncelebrated', entityType: 'win', entityId: row.id, before: { meetingId: row.celebrated_meeting_id } });
      });
      return winView(k, actor, req.params.id);
    },
  );
}
