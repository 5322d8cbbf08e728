// The audit log (read) and in-app notifications.
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { actorOf } from '../../../server/auth.js';
import { forbidden, notFound } from '../../../server/errors.js';
import { nowIso } from '../../../server/ids.js';
import { newestFirst, paginate, presentPage } from '../../../server/pagination.js';
import { PageQuery } from '../../../shared/page.js';
import { canReadAudit } from '../policies.js';
import { presentAudit, presentNotification } from '../presenters.js';
import { AuditPageView, AuditQuery, IdParams, NotificationsView, Ok } from '../schemas.js';

export function registerActivityRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/audit',
    {
      schema: { tags: ['audit'], summary: 'The audit log, newest first, a page at a time (admins and leaders).', querystring: AuditQuery, response: { 200: AuditPageView, 400: ErrorView, 403: ErrorView } },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canReadAudit(actor)) throw forbidden('Only admins and leaders read the audit log.');
      const { limit, cursor, entityType } = req.query;
      let q = k
        .selectFrom('audit_log')
        .leftJoin('members', 'members.id', 'audit_log.actor_member_id')
        .leftJoin('users', 'users.id', 'members.user_id')
        .selectAll('audit_log')
        .select('users.name as actor_name')
        .where('audit_log.workspace_id', '=', actor.workspaceId);
      if (entityType) q = q.where('audit_log.entity_type', '=', entityType);
      const page = await paginate(q, { limit, cursor }, {
        scope: ['audit', actor.workspaceId, entityType ?? null],
        order: newestFirst('audit_log.at', 'audit_log.id'),
        key: (r) => [r.at, r.id],
      });
      return presentPage(page, presentAudit);
    },
  );

  app.get(
    '/notifications',
    {
      schema: { tags: ['notifications'], summary: 'Your notifications, newest first, a page at a time, and how many are unread.', querystring: PageQuery, response: { 200: NotificationsView, 400: ErrorView } },
    },
    async (req) => {
      const actor = actorOf(req);
      const base = k.selectFrom('notifications').where('workspace_id', '=', actor.workspaceId).where('member_id', '=', actor.memberId);
      const page = await paginate(base.selectAll(), req.query, {
        scope: ['notifications', actor.workspaceId, actor.memberId],
        order: newestFirst('created_at', 'id'),
        key: (n) => [n.created_at, n.id],
      });
      const unread = await base.select((eb) => eb.fn.countAll<number>().as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow();
      return { ...presentPage(page, presentNotification), unread: Number(unread.n) };
    },
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags: ['notifications'], summary: 'Mark one notification read.', params: IdParams, response: { 200: Ok, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      const r = await k
        .updateTable('notifications')
        .set({ read_at: nowIso() })
        .where('id', '=', req.params.id)
        .where('workspace_id', '=', actor.workspaceId)
        .where('member_id', '=', actor.memberId)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw notFound('Notification');
      return { ok: true as const };
    },
  );

  app.post(
    '/notifications/read-all',
    { schema: { tags: ['notifications'], summary: 'Mark all your notifications read.', response: { 200: Ok } } },
    async (req) => {
      const actor = actorOf(req);
      await k
        .updateTable('notifications')
        .set({ read_at: nowIso() })
        .where('workspace_id', '=', actor.workspaceId)
        .where('member_id', '=', actor.memberId)
        .where('read_at', 'is', null)
        .execute();
      return { ok: true as const };
    },
  );
}
