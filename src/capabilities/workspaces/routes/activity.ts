// The audit log (read) and in-app notifications.
import { Readable } from 'node:stream';
import { z } from 'zod';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { csvRow } from '../../../server/csv.js';
import { actorOf } from '../../../server/auth.js';
import { forbidden, notFound } from '../../../server/errors.js';
import { nowIso } from '../../../server/ids.js';
import { newestFirst, paginate, presentPage } from '../../../server/pagination.js';
import { PageQuery } from '../../../shared/page.js';
import { canReadAudit } from '../policies.js';
import { presentAudit, presentNotification } from '../presenters.js';
import { describeAudit, kindOf } from '../describe-audit.js';
import { AuditFilters, AuditKindsView, AuditPageView, AuditQuery, IdParams, NotificationsView, Ok } from '../schemas.js';

type AuditFilters = z.infer<typeof AuditFilters>;

/** How many entries the CSV export reads at a time while it streams. */
const EXPORT_BATCH = 200;

export function registerActivityRoutes(app: Server, ctx: AppContext): void {
  const k = ctx.db.kysely;

  /** One page of the log with its filters, and each entry in words. */
  async function auditPage(workspaceId: string, filters: AuditFilters, page: PageQuery) {
    let q = k
      .selectFrom('audit_log')
      .leftJoin('members', 'members.id', 'audit_log.actor_member_id')
      .leftJoin('users', 'users.id', 'members.user_id')
      .selectAll('audit_log')
      .select('users.name as actor_name')
      .where('audit_log.workspace_id', '=', workspaceId);
    if (filters.entityType) q = q.where('audit_log.entity_type', '=', filters.entityType);
    if (filters.memberId) q = q.where('audit_log.actor_member_id', '=', filters.memberId);
    if (filters.from) q = q.where('audit_log.at', '>=', new Date(filters.from).toISOString());
    if (filters.to) q = q.where('audit_log.at', '<', new Date(filters.to).toISOString());
    const rows = await paginate(q, page, {
      scope: ['audit', workspaceId, filters.entityType ?? null, filters.memberId ?? null, filters.from ?? null, filters.to ?? null],
      order: newestFirst('audit_log.at', 'audit_log.id'),
      key: (r) => [r.at, r.id],
    });
    const words = await describeAudit(ctx.auditDescribers, workspaceId, rows.items);
    return presentPage(rows, (r) => ({ ...presentAudit(r), actorMemberId: r.actor_member_id, ...words.get(r.id)! }));
  }

  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first, a page at a time (admins and leaders): each entry as a sentence, with the raw record.',
        querystring: AuditQuery,
        response: { 200: AuditPageView, 400: ErrorView, 403: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canReadAudit(actor)) throw forbidden('Only admins and leaders read the audit log.');
      const { limit, cursor, ...filters } = req.query;
      return auditPage(actor.workspaceId, filters, { limit, cursor });
    },
  );

  app.get(
    '/audit/kinds',
    { schema: { tags: ['audit'], summary: "The kinds of thing the log records, in words, for its filter (admins and leaders).", response: { 200: AuditKindsView, 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      if (!canReadAudit(actor)) throw forbidden('Only admins and leaders read the audit log.');
      const types = await k.selectFrom('audit_log').select('entity_type').distinct().where('workspace_id', '=', actor.workspaceId).execute();
      const kinds = types.map((t) => ({ entityType: t.entity_type, kind: kindOf(ctx.auditDescribers, t.entity_type) }));
      return { kinds: kinds.sort((a, b) => a.kind.localeCompare(b.kind)) };
    },
  );

  app.get(
    '/audit.csv',
    {
      schema: {
        tags: ['audit'],
        summary: 'The audit log with the same filters, as CSV (admins and leaders), streamed newest first; formula-like cells are prefixed with a quote.',
        querystring: AuditFilters,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV, UTF-8, a header row then one row an entry'), 400: ErrorView, 403: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canReadAudit(actor)) throw forbidden('Only admins and leaders read the audit log.');
      const filters = req.query;
      async function* lines() {
        yield csvRow(['Time', 'Person', 'What happened', 'Kind', 'Record', 'Before', 'After']);
        let cursor: string | undefined;
        do {
          const page = await auditPage(actor.workspaceId, filters, { limit: EXPORT_BATCH, cursor });
          for (const e of page.items) yield csvRow([e.at, e.actorName ?? 'Lockstep', e.summary, e.kind, e.entityId, e.before, e.after]);
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-log-${nowIso().slice(0, 10)}.csv"`)
        // Fastify pipes a stream as it is, without the response schema's serializer.
        .send(Readable.from(lines()) as unknown as string);
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
