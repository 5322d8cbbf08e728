// Deal updates from a program (SPEC S7 "Inbound webhook for KPI values and deal updates"): POST /hooks/deals with an
// API token, signed with the workspace's secret when it has one (decision 031), each deal checked exactly as an
// import row is and written by the import's upsert, by external id — so a CRM workflow can send a deal each time it
// changes stage and the computed KPIs follow without a new export.
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Tx } from '../../../db/database.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { badRequest, forbidden } from '../../../server/errors.js';
import { consumeWebhookSignature, keepRawJsonBodies, verifiedSignatureOf, verifyWebhookSignature } from '../../../server/signed-webhooks.js';
import { writeSentDeals } from '../import/engine.js';
import { DEAL_FIELDS, type DealField } from '../import/fields.js';
import { canImportDeals, IMPORTERS } from '../imports-http/policies.js';

const tags = ['deals'];
/** The most deals one call carries; more go in several calls. */
export const DEALS_HOOK_MAX = 1000;

const Cell = z.union([z.string().max(5000), z.number(), z.boolean(), z.null()]);
const SentDealBody = z.strictObject(
  Object.fromEntries((Object.keys(DEAL_FIELDS) as DealField[]).map((f) => [f, Cell.optional().describe(DEAL_FIELDS[f].description)])) as Record<DealField, z.ZodOptional<typeof Cell>>,
);
const HookBody = z.strictObject({
  deals: z.array(SentDealBody).min(1, 'Send at least one deal.').max(DEALS_HOOK_MAX, `Send at most ${DEALS_HOOK_MAX} deals a call; send more in several calls.`),
});
const HookQuery = z.strictObject({
  mode: z.enum(['all_or_nothing', 'valid_rows']).default('all_or_nothing').describe('all_or_nothing writes no deal when one is bad (400 with the deals in details); valid_rows: the good deals are written, the bad ones listed'),
});
const HookView = z.object({
  received: z.number().int(),
  valid: z.number().int(),
  invalid: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int().describe('Valid deals that already held these values'),
  unmatchedOwners: z.array(z.object({ name: z.string(), rows: z.number().int() })).describe('Owners no member matches (by email, name or a remembered mapping): map them on the import page'),
  errors: z.array(z.object({ row: z.number().int().describe('The deal’s position in `deals`, from 1'), column: z.string().nullable(), message: z.string() })),
});

export function registerDealHookRoutes(app: Server, ctx: AppContext): void {
  void app.register(async (plain) => {
    const scope = plain.withTypeProvider<ZodTypeProvider>();
    keepRawJsonBodies(scope);
    scope.post(
      '/hooks/deals',
      {
        schema: {
          tags,
          summary: `Create or update deals from a program (API token of an admin or leader; up to ${DEALS_HOOK_MAX} a call), by the same rules as an import.`,
          description:
            'Authenticate with `Authorization: Bearer lst_…`. When the workspace has a signing secret (Settings → API tokens), every call must also carry `X-Lockstep-Timestamp` (unix seconds) and `X-Lockstep-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + raw body)>`; a timestamp more than 5 minutes off, a missing or wrong signature, or a signature already received answers 401 and writes nothing. Each deal has the import\'s fields by name — externalId, name and stage are required; amount in currency units as a number or as written ("$12,500"); dates as YYYY-MM-DD (slashed dates are read month first); won/closed as true/false — and is matched to an existing deal by externalId. The computed KPIs are recomputed after each call that writes.',
          querystring: HookQuery,
          body: HookBody,
          response: { 200: HookView, 400: ErrorView, 401: ErrorView, 403: ErrorView },
        },
        // The signature is checked before the body's schema: a forged call learns nothing from a 400.
        preValidation: async (req) => {
          const actor = actorOf(req);
          if (actor.via !== 'token') throw forbidden('The deals webhook takes an API token (Authorization: Bearer lst_…), not a browser session; people upload an export on the Import deals page.');
          await verifyWebhookSignature(ctx.db.kysely, req, actor.workspaceId);
        },
      },
      async (req) => {
        const actor = actorOf(req);
        if (!canImportDeals(actor)) throw forbidden(IMPORTERS);
        const signature = verifiedSignatureOf(req);
        const result = await writeSentDeals(ctx.db.kysely, actor.workspaceId, req.body.deals, req.query.mode, async (tx: Tx) => {
          if (signature) await consumeWebhookSignature(tx, actor.workspaceId, signature);
          await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'deals.received', entityType: 'deal_hook', entityId: actor.workspaceId, after: { deals: req.body.deals.length, mode: req.query.mode } });
        });
        if (req.query.mode === 'all_or_nothing' && result.invalid > 0) {
          const n = result.invalid;
          throw badRequest(`${n} of the ${result.received} deals ${n === 1 ? 'has' : 'have'} errors, so none was written (all or nothing). Fix ${n === 1 ? 'it' : 'them'} and send the call again, or send it with mode=valid_rows.`, { errors: result.errors });
        }
        return result;
      },
    );
  });
}
