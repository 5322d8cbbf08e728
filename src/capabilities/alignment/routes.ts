// The alignment score's routes (SPEC S6; the contract /tmp/lk/alignment-api.md): the score with its strategies,
// reasons, next actions and weekly history; and the weights, set by leaders and admins (audited).
import { recordAudit } from '../../server/audit.js';
import { actorOf } from '../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../server/context.js';
import { forbidden } from '../../server/errors.js';
import { CHANGE_WEIGHTS, canChangeWeights } from './policies.js';
import { presentAlignment } from './presenters.js';
import { AlignmentView, AlignmentWeightsInput } from './schemas.js';
import { alignmentNow, scoreNow, type AlignmentDeps, type AlignmentNow } from './score-now.js';
import { getWeights, putWeights, recentHistory, sameWeights } from './store.js';

const tags = ['alignment'];

export function registerAlignmentRoutes(app: Server, ctx: AppContext, deps: AlignmentDeps): void {
  const view = async (workspaceId: string, score: Promise<AlignmentNow>) => {
    const [now, history] = await Promise.all([score, recentHistory(ctx.db.kysely, workspaceId)]);
    return presentAlignment(now, history);
  };

  app.get(
    '/alignment',
    {
      schema: {
        tags,
        summary: 'The alignment score (SPEC S6): overall and per strategy 0–100 (null when nothing to judge), the reasons behind each point lost, the next actions by the points they add, and the weekly history.',
        response: { 200: AlignmentView, 403: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const { workspaceId } = actorOf(req);
      // The versions the request was authenticated with, read before any data (the read cache's rule).
      return view(workspaceId, scoreNow(deps, workspaceId, req.auth?.readVersions));
    },
  );

  app.put(
    '/alignment/weights',
    {
      schema: {
        tags,
        summary: 'Set how much each strategy weighs in the overall score (leaders and admins): whole numbers 0–100, at least one above 0. Answers the score recomputed.',
        body: AlignmentWeightsInput,
        response: { 200: AlignmentView, 400: ErrorView, 403: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      if (!canChangeWeights(actor)) throw forbidden(CHANGE_WEIGHTS);
      const weights = req.body;
      await ctx.db.transaction(async (tx) => {
        const before = await getWeights(tx, actor.workspaceId);
        if (sameWeights(before, weights)) return;
        await putWeights(tx, actor.workspaceId, weights, actor.memberId);
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'alignment_weights.changed', entityType: 'alignment_weights', entityId: actor.workspaceId, before, after: weights });
      });
      // Computed afresh: the memo still holds the score under the old weights until this write's versions bump.
      return view(actor.workspaceId, alignmentNow(deps, actor.workspaceId));
    },
  );
}
