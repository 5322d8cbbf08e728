// Proposed wins (SPEC S5 "automatic wins are proposed, and a member confirms them with one click"; issue 13): the
// open proposals the wins job gathered from the other rooms, confirmed into a win (a second confirm is a 409) or
// dismissed; and the room's settings (the small-deal threshold, admins).
import { z } from 'zod';
import { lockForUpdate } from '../../../db/locks.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { badRequest, conflict, forbidden, notFound } from '../../../server/errors.js';
import { nowIso } from '../../../server/ids.js';
import { PageQuery } from '../../../shared/page.js';
import { DEFAULT_SMALL_DEAL_THRESHOLD_CENTS } from '../domain/limits.js';
import { CHANGE_SETTINGS, TAKE_PART, canChangeSettings, canTakePart } from '../policies.js';
import { presentProposal } from '../presenters.js';
import { ConfirmInput, IdParams, ProposalsPageView, SettingsInput, SettingsView, WinView } from '../schemas.js';
import { getProposal, idList, membersToCredit, pageOpenProposals, proposalLock, smallDealThreshold, suggestedPeople, type ProposalRow } from '../store.js';
import { winView } from '../views.js';
import { insertWin } from '../write.js';

const tags = ['wins'];
const NoContent = z.null().describe('No content');

/** The 409 of a proposal already decided, in words. */
function decided(p: ProposalRow): Error {
  return conflict(p.status === 'confirmed' ? 'This proposal was already confirmed: the win is in the feed.' : 'This proposal was already dismissed.');
}

export function registerProposalRoutes(app: Server, { db, config }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/wins/proposals',
    {
      schema: {
        tags,
        summary:
          'Wins Lockstep proposes, waiting for a member to confirm or dismiss them: a KPI reaching its period target, a won deal that marketing sourced, and smaller such deals batched by ISO week. Newest first.',
        querystring: PageQuery,
        response: { 200: ProposalsPageView, 400: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const actor = actorOf(req);
      const page = await pageOpenProposals(k, actor.workspaceId, req.query);
      const people = await suggestedPeople(k, actor.workspaceId, page.items);
      return { items: page.items.map((p) => presentProposal(p, people)), nextCursor: page.nextCursor };
    },
  );

  app.post(
    '/wins/proposals/:id/confirm',
    {
      schema: {
        tags,
        summary:
          'Confirm a proposal: it becomes a win, announced like one posted by hand, crediting the people suggested (or creditedMemberIds), with the title and story given or proposed. Everyone but viewers; a second confirm, or a confirm after a dismissal, is a 409.',
        params: IdParams,
        body: ConfirmInput.nullish(),
        response: { 201: WinView, 400: ErrorView, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const b = req.body ?? {};
      const winId = await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, proposalLock(req.params.id));
        const p = await getProposal(tx, actor.workspaceId, req.params.id);
        if (!p) throw notFound('Proposal');
        if (!canTakePart(actor)) throw forbidden(TAKE_PART);
        if (p.status !== 'open') throw decided(p);
        let credited;
        if (b.creditedMemberIds) credited = await membersToCredit(tx, actor.workspaceId, b.creditedMemberIds);
        else {
          // The suggestion, less anyone who has left since.
          const people = await suggestedPeople(tx, actor.workspaceId, [p]);
          credited = idList(p.credited_member_ids).flatMap((id) => people.get(id) ?? []);
          if (credited.length === 0) throw badRequest('Nobody is suggested for this win: say who to credit (creditedMemberIds).', [{ path: 'body.creditedMemberIds', message: 'Credit at least one person.' }]);
        }
        const id = await insertWin(
          tx,
          actor,
          config.publicUrl,
          {
            kind: p.kind,
            title: b.title ?? p.title,
            story: b.story ?? p.story,
            wonOn: p.won_on,
            credited,
            source: { kind: p.source_kind, id: p.source_id, label: p.source_label, href: p.source_href },
            dealIds: idList(p.deal_ids),
          },
          { action: 'win.confirmed' },
        );
        const done = await tx
          .updateTable('win_proposals')
          .set({ status: 'confirmed', decided_by: actor.memberId, decided_at: nowIso(), win_id: id, updated_at: nowIso() })
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', p.id)
          .where('status', '=', 'open')
          .executeTakeFirst();
        // Under the lock this cannot miss; if it ever did, nothing of this confirm is kept.
        if (Number(done.numUpdatedRows) !== 1) throw decided({ ...p, status: 'confirmed' });
        return id;
      });
      return reply.code(201).send(await winView(k, actor, winId));
    },
  );

  app.post(
    '/wins/proposals/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Dismiss a proposal: it leaves the list and is not proposed again. Everyone but viewers; a second dismiss, or a dismiss after a confirm, is a 409.',
        params: IdParams,
        response: { 204: NoContent, 403: ErrorView, 404: ErrorView, 409: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, proposalLock(req.params.id));
        const p = await getProposal(tx, actor.workspaceId, req.params.id);
        if (!p) throw notFound('Proposal');
        if (!canTakePart(actor)) throw forbidden(TAKE_PART);
        if (p.status !== 'open') throw decided(p);
        const at = nowIso();
        await tx.updateTable('win_proposals').set({ status: 'dismissed', decided_by: actor.memberId, decided_at: at, updated_at: at }).where('workspace_id', '=', actor.workspaceId).where('id', '=', p.id).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'win_proposal.dismissed', entityType: 'win_proposal', entityId: p.id, before: { status: 'open' }, after: { status: 'dismissed', title: p.title } });
      });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/wins/settings',
    { schema: { tags, summary: 'The Wins settings: the small-deal threshold in cents (won deals below it are proposed together, one win a week).', response: { 200: SettingsView } }, config: { readCache: true } },
    async (req) => ({ smallDealThresholdCents: await smallDealThreshold(k, actorOf(req).workspaceId) }),
  );

  app.put(
    '/wins/settings',
    {
      schema: {
        tags,
        summary: `Change the Wins settings (admins): the small-deal threshold in cents (${DEFAULT_SMALL_DEAL_THRESHOLD_CENTS / 100} dollars until set; 0 turns batching off). Open small-deal proposals keep the deals they hold.`,
        body: SettingsInput,
        response: { 200: SettingsView, 400: ErrorView, 403: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canChangeSettings(actor)) throw forbidden(CHANGE_SETTINGS);
      const value = req.body.smallDealThresholdCents;
      await db.transaction(async (tx) => {
        const before = await smallDealThreshold(tx, actor.workspaceId);
        if (before === value) return;
        const at = nowIso();
        await tx
          .insertInto('win_settings')
          .values({ workspace_id: actor.workspaceId, small_deal_threshold_cents: value, updated_by: actor.memberId, updated_at: at })
          .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ small_deal_threshold_cents: value, updated_by: actor.memberId, updated_at: at }))
          .execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'win_settings.changed', entityType: 'win_settings', entityId: actor.workspaceId, before: { smallDealThresholdCents: before }, after: { smallDealThresholdCents: value } });
      });
      return { smallDealThresholdCents: value };
    },
  );
}
