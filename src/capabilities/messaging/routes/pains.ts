// The pain library (SPEC S3, issue 12): the problems buyers describe in their own words, each with its evidence
// figures — count, total deal amount, win rate with its Wilson 95% interval, and the monthly trend weighted to
// recent evidence. Create and edit (sales and marketing), retire and reactivate (leaders and admins), read (all).
import type { Db, Tx } from '../../../db/database.js';
import { lockForUpdate } from '../../../db/locks.js';
import { recordAudit } from '../../../server/audit.js';
import { changedFields } from '../../../server/audit-change.js';
import { actorOf, type Actor } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { forbidden, notFound } from '../../../server/errors.js';
import { nowIso } from '../../../server/ids.js';
import { canEditPains, canRetirePains, EDIT_PAINS, RETIRE_PAINS } from '../pains/policies.js';
import { cleanSynonyms, painAuditShape, presentPain, synonymsOf } from '../pains/presenters.js';
import { IdParams, PainInput, PainsPageView, PainsQuery, PainUpdateInput, PainView } from '../pains/schemas.js';
import { activePainWithStatement, evidenceFactsFor, getPain, pagePains, painsLock, workspaceToday, type PainRow } from '../pains/store.js';
import { duplicatePain, insertPain } from '../pains/write.js';

const tags = ['messaging'];

/** Pains with their evidence figures: the evidence of the whole page read in one query. */
export async function presentPains(db: Db, actor: Actor, rows: readonly PainRow[]) {
  const facts = await evidenceFactsFor(db, actor.workspaceId, rows.map((r) => r.id));
  const today = await workspaceToday(db, actor.workspaceId);
  return rows.map((r) => presentPain(r, facts.get(r.id) ?? [], today, actor));
}

export async function painView(db: Db, actor: Actor, id: string) {
  const row = await getPain(db, actor.workspaceId, id);
  if (!row) throw notFound('Pain');
  const [view] = await presentPains(db, actor, [row]);
  return view!;
}

export function registerPainRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  /** The pain to change, under the pains lock: 404 for an unknown or foreign id, then 403 with `refusal` when given. */
  async function lockedPain(tx: Tx, actor: Actor, id: string, refusal: string | null): Promise<PainRow> {
    await lockForUpdate(tx, db.dialect, painsLock(actor.workspaceId));
    const row = await getPain(tx, actor.workspaceId, id);
    if (!row) throw notFound('Pain');
    if (refusal) throw forbidden(refusal);
    return row;
  }

  app.get(
    '/messaging/pains',
    {
      schema: {
        tags,
        summary: 'The pain library, a page at a time: the most severe first, then by statement. Each pain with its evidence figures: count, total deal amount, win rate with its Wilson 95% interval, and the monthly trend of the last 12 months weighted to recent evidence.',
        querystring: PainsQuery,
        response: { 200: PainsPageView, 400: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const { limit, cursor, status, q } = req.query;
      const page = await pagePains(k, actor.workspaceId, { status, q: q || undefined }, { limit, cursor });
      return { items: await presentPains(k, actor, page.items), nextCursor: page.nextCursor, total: page.total };
    },
  );

  app.get(
    '/messaging/pains/:id',
    { schema: { tags, summary: 'One pain with its evidence figures (its evidence entries: GET /messaging/evidence?painId=).', params: IdParams, response: { 200: PainView, 404: ErrorView } }, config: { readCache: true } },
    async (req) => painView(k, actorOf(req), req.params.id),
  );

  app.post(
    '/messaging/pains',
    {
      schema: {
        tags,
        summary: "Add a pain in the buyer's words. Sales and marketing members, leaders and admins; refused (409) when an active pain already has the same statement.",
        body: PainInput,
        response: { 201: PainView, 400: ErrorView, 403: ErrorView, 409: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canEditPains(actor)) throw forbidden(EDIT_PAINS);
      const id = await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, painsLock(actor.workspaceId));
        return insertPain(tx, actor, req.body);
      });
      return reply.code(201).send(await painView(k, actor, id));
    },
  );

  app.patch(
    '/messaging/pains/:id',
    {
      schema: {
        tags,
        summary: 'Change a pain: its statement, persona, segment, severity, emotion or synonyms (the synonyms as a whole list). Two edits at once apply one after the other.',
        params: IdParams,
        body: PainUpdateInput,
        response: { 200: PainView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        const row = await lockedPain(tx, actor, req.params.id, canEditPains(actor) ? null : EDIT_PAINS);
        const before = painAuditShape({ ...row, synonyms: synonymsOf(row.synonyms) });
        const b = req.body;
        const statement = b.statement ?? row.statement;
        if (b.statement !== undefined && row.status === 'active') {
          const same = await activePainWithStatement(tx, actor.workspaceId, statement, row.id);
          if (same) throw duplicatePain(same.statement);
        }
        const after = {
          statement,
          persona: b.persona ?? row.persona,
          segment: b.segment ?? row.segment,
          severity: b.severity ?? row.severity,
          emotion: b.emotion ?? row.emotion,
          synonyms: cleanSynonyms(b.synonyms ?? before.synonyms, statement),
        };
        const changed = changedFields(before, after);
        if (Object.keys(changed.after).length === 0) return;
        await tx
          .updateTable('pains')
          .set({ ...after, synonyms: JSON.stringify(after.synonyms), updated_at: nowIso() })
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', row.id)
          .execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'pain.changed', entityType: 'pain', entityId: row.id, before: changed.before, after: changed.after });
      });
      return painView(k, actor, req.params.id);
    },
  );

  for (const [verb, status] of [
    ['retire', 'retired'],
    ['reactivate', 'active'],
  ] as const) {
    app.post(
      `/messaging/pains/:id/${verb}`,
      {
        schema: {
          tags,
          summary:
            verb === 'retire'
              ? 'Retire a pain: it leaves the active library and the analyzer, keeping its evidence. Leaders and admins; retiring a retired pain changes nothing.'
              : 'Bring a retired pain back into the active library. Leaders and admins; refused (409) while another active pain has its statement.',
          params: IdParams,
          response: { 200: PainView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
        },
      },
      async (req) => {
        const actor = actorOf(req);
        await db.transaction(async (tx) => {
          const row = await lockedPain(tx, actor, req.params.id, canRetirePains(actor) ? null : RETIRE_PAINS);
          if (row.status === status) return;
          if (status === 'active') {
            const same = await activePainWithStatement(tx, actor.workspaceId, row.statement, row.id);
            if (same) throw duplicatePain(same.statement);
          }
          const at = nowIso();
          await tx
            .updateTable('pains')
            .set({ status, retired_at: status === 'retired' ? at : null, updated_at: at })
            .where('workspace_id', '=', actor.workspaceId)
            .where('id', '=', row.id)
            .execute();
          await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: `pain.${verb === 'retire' ? 'retired' : 'reactivated'}`, entityType: 'pain', entityId: row.id, before: { status: row.status }, after: { status } });
        });
        return painView(k, actor, req.params.id);
      },
    );
  }
}
