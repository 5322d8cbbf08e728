// The audit log (read) and in-app notifications.
import { z } from 'zod';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { actorOf } from '../../../server/auth.js';
import { forbidden, notFound } from '../../../server/errors.js';
import { nowIso } from '../../../server/ids.js';
import { canReadAudit } from '../policies.js';
import { presentAudit, presentNotification } from '../presenters.js';
import { AuditEntryView, AuditQuery, IdParams, NotificationsView, Ok } from '../schemas.js';

export function registerActivityRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/audit',
    { schema: { tags: ['audit'], summary: 'The audit log, newest first (admins and leaders).', querystring: AuditQuery, response: { 200: z.array(AuditEntryView), 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      if (!canReadAudit(actor)) throw forbidden('Only admins and leaders read the audit log.');
      let q = k
        .selectFrom('audit_log')
        .leftJoin('members', 'members.id', 'audit_log.actor_member_id')
        .leftJoin('users', 'users.id', 'members.user_id')
        .selectAll('audit_log')
        .select('users.name as actor_name')
        .where('audit_log.workspace_id', '=', actor.workspaceId);
      const { before, beforeId } = req.query;
      if (before && beforeId) {
        q = q.where((eb) => eb.or([eb('audit_log.at', '<', before), eb.and([eb('audit_log.at', '=', before), eb('audit_log.id', '<', beforeId)])]));
      } else if (before) {
        q = q.where('audit_log.at', '<', before);
      }
      if (req.query.entityType) q = q.where('audit_log.entity_type', '=', req.query.entityType);
      const rows = await q.orderBy('audit_log.at', 'desc').orderBy('audit_log.id', 'desc').limit(req.query.limit).execute();
      return rows.map(presentAudit);
    },
  );

  app.get(
    '/notifications',
    { schema: { tags: ['notifications'], summary: 'Your latest 50 notifications and the unread count.', response: { 200: NotificationsView } } },
    async (req) => {
      const actor = actorOf(req);
      const base = k.selectFrom('notifications').where('workspace_id', '=', actor.workspaceId).where('member_id', '=', actor.memberId);
      const items = await base.selectAll().orderBy('created_at', 'desc').limit(50).execute();
      const unread = await base.select((eb) => eb.fn.countAll<number>().as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow();
      return { items: items.map(presentNotification), unread: Number(unread.n) };
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
