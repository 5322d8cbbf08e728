// The workspace's webhook signing secret (SPEC S7 "an HMAC signature option"; docs/decisions/031): admins make,
// rotate or remove it; it is shown once, when made, like an API token or a calendar feed URL (decision 012). While
// a workspace has one, every inbound webhook must be signed with it (src/server/webhook-signature.ts).
import { z } from 'zod';
import { recordAudit } from '../../../server/audit.js';
import { actorOf } from '../../../server/auth.js';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { conflict, forbidden } from '../../../server/errors.js';
import { nowIso } from '../../../server/ids.js';
import { randomBytes } from 'node:crypto';
import { canManageIntegrations } from '../policies.js';

const tags = ['api tokens'];
const SECRET_PREFIX = 'whsec_';

export const WebhookSecretView = z.object({
  set: z.boolean().describe('Whether inbound webhooks must be signed'),
  prefix: z.string().nullable().describe('The first characters of the secret, to recognise it'),
  createdAt: z.string().nullable(),
  createdByName: z.string().nullable(),
});
export const CreatedWebhookSecretView = WebhookSecretView.extend({ secret: z.string().describe('The secret itself: shown this once') });
const WebhookSecretInput = z.strictObject({
  replacing: z
    .string()
    .max(40)
    .nullable()
    .describe('The prefix of the secret being replaced, as shown (null when there is none): if another admin changed it meanwhile, the answer is 409'),
});

const taken = 'Another admin changed the signing secret at the same moment; reload to see the current one.';

export function registerWebhookSecretRoutes(app: Server, { db }: AppContext): void {
  const k = db.kysely;

  async function current(workspaceId: string) {
    const row = await k
      .selectFrom('webhook_secrets')
      .leftJoin('members', 'members.id', 'webhook_secrets.created_by')
      .leftJoin('users', 'users.id', 'members.user_id')
      .select(['webhook_secrets.prefix', 'webhook_secrets.created_at', 'users.name as created_by_name'])
      .where('webhook_secrets.workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return { set: !!row, prefix: row?.prefix ?? null, createdAt: row?.created_at ?? null, createdByName: row?.created_by_name ?? null };
  }

  app.get(
    '/workspace/webhook-secret',
    { schema: { tags, summary: 'Whether inbound webhooks must be signed, and which secret (its prefix, never the secret) (admins).', response: { 200: WebhookSecretView, 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      if (!canManageIntegrations(actor)) throw forbidden('Only admins manage the webhook signing secret.');
      return current(actor.workspaceId);
    },
  );

  app.post(
    '/workspace/webhook-secret',
    {
      schema: {
        tags,
        summary: 'Make or rotate the webhook signing secret (admins). It is shown once, in this answer; the one it replaces stops working at once.',
        body: WebhookSecretInput,
        response: { 201: CreatedWebhookSecretView, 400: ErrorView, 403: ErrorView, 409: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canManageIntegrations(actor)) throw forbidden('Only admins manage the webhook signing secret.');
      const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
      const prefix = secret.slice(0, 12);
      const at = nowIso();
      const { replacing } = req.body;
      await db.transaction(async (tx) => {
        // Conditional on what the admin saw: two admins rotating at once cannot both be shown a secret that works.
        const changed =
          replacing === null
            ? await tx.insertInto('webhook_secrets').values({ workspace_id: actor.workspaceId, secret, prefix, created_by: actor.memberId, created_at: at }).onConflict((oc) => oc.column('workspace_id').doNothing()).executeTakeFirst()
            : await tx.updateTable('webhook_secrets').set({ secret, prefix, created_by: actor.memberId, created_at: at }).where('workspace_id', '=', actor.workspaceId).where('prefix', '=', replacing).executeTakeFirst();
        const n = 'numUpdatedRows' in changed ? changed.numUpdatedRows : changed.numInsertedOrUpdatedRows;
        if (Number(n ?? 0) === 0) throw conflict(taken);
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorMemberId: actor.memberId,
          action: replacing === null ? 'webhook_secret.created' : 'webhook_secret.rotated',
          entityType: 'workspace',
          entityId: actor.workspaceId,
          before: replacing === null ? null : { prefix: replacing },
          after: { prefix },
        });
      });
      return reply.code(201).send({ ...(await current(actor.workspaceId)), secret });
    },
  );

  app.delete(
    '/workspace/webhook-secret',
    { schema: { tags, summary: 'Remove the signing secret (admins): webhooks are then authenticated by their API token alone.', response: { 200: WebhookSecretView, 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      if (!canManageIntegrations(actor)) throw forbidden('Only admins manage the webhook signing secret.');
      await db.transaction(async (tx) => {
        const row = await tx.selectFrom('webhook_secrets').select('prefix').where('workspace_id', '=', actor.workspaceId).executeTakeFirst();
        // Removing it twice (a second click, a second tab at the same moment) finds it gone: nothing to do.
        const gone = await tx.deleteFrom('webhook_secrets').where('workspace_id', '=', actor.workspaceId).executeTakeFirst();
        if (!row || Number(gone.numDeletedRows) === 0) return;
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'webhook_secret.removed', entityType: 'workspace', entityId: actor.workspaceId, before: { prefix: row.prefix }, after: null });
      });
      return current(actor.workspaceId);
    },
  );
}
