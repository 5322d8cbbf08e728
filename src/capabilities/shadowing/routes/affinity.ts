// The affinity table (SPEC S4 "configurable affinity, e.g. SDR ↔ demand gen"): how well a sales function and a
// marketing function match, 0–10, which the pairing prefers; with the functions members have now, to pick from.
import { recordAudit } from '../../../server/audit.js';
import { actorOf } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { forbidden } from '../../../server/errors.js';
import type { Db } from '../../../db/database.js';
import { lockForUpdate, lockKey } from '../../../db/locks.js';
import { affinityKey } from '../domain/pairing.js';
import { MANAGE, canManage } from '../policies.js';
import { AffinityInput, AffinityView } from '../schemas.js';
import { affinityRules } from '../store.js';

const tags = ['shadowing'];

async function affinityView(db: Db, workspaceId: string) {
  const rules = await affinityRules(db, workspaceId);
  const fns = await db.selectFrom('members').select(['team', 'function']).distinct().where('workspace_id', '=', workspaceId).where('active', '=', 1).where('function', '!=', '').orderBy('function').execute();
  return {
    rules: rules.map((r) => ({ salesFunction: r.sales_function, marketingFunction: r.marketing_function, bonus: r.bonus })),
    functions: { sales: fns.filter((f) => f.team === 'sales').map((f) => f.function), marketing: fns.filter((f) => f.team === 'marketing').map((f) => f.function) },
  };
}

export function registerAffinityRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/shadowing/affinity',
    { schema: { tags, summary: 'The affinity table (a sales function, a marketing function, a bonus 0–10) and the functions members of each team have.', response: { 200: AffinityView } } },
    async (req) => affinityView(k, actorOf(req).workspaceId),
  );

  app.put(
    '/shadowing/affinity',
    { schema: { tags, summary: 'Replace the affinity table (a pair of functions listed twice counts once, the last wins). Leaders and admins.', body: AffinityInput, response: { 200: AffinityView, 400: ErrorView, 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      if (!canManage(actor)) throw forbidden(MANAGE);
      const byKey = new Map(req.body.rules.map((r) => [affinityKey(r.salesFunction, r.marketingFunction), r]));
      await db.transaction(async (tx) => {
        await lockForUpdate(tx, db.dialect, lockKey('shadowing', 'affinity', actor.workspaceId));
        const before = await affinityRules(tx, actor.workspaceId);
        await tx.deleteFrom('shadow_affinity_rules').where('workspace_id', '=', actor.workspaceId).execute();
        const rows = [...byKey.values()].map((r) => ({ workspace_id: actor.workspaceId, sales_function: r.salesFunction, marketing_function: r.marketingFunction, bonus: r.bonus }));
        if (rows.length > 0) await tx.insertInto('shadow_affinity_rules').values(rows).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'shadow_affinity.changed', entityType: 'shadow_affinity', entityId: actor.workspaceId, before: { rules: before.length }, after: { rules: rows.length } });
      });
      return affinityView(k, actor.workspaceId);
    },
  );
}
