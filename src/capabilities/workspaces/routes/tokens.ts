// API tokens for integrations (SPEC S0): hashed at rest, shown once, revocable. Admins manage them.
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf, newApiToken } from '../../../server/auth.js';
import { forbidden, notFound } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { newestFirst, paginate, presentPage } from '../../../server/pagination.js';
import { PageQuery } from '../../../shared/page.js';
import type { Db } from '../../../db/database.js';
import { canManageIntegrations } from '../policies.js';
import { ApiTokenInput, ApiTokensPageView, CreatedApiTokenView, IdParams, Ok } from '../schemas.js';

const tags = ['api tokens'];

function tokensWithMember(db: Db, workspaceId: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('members', 'members.id', 'api_tokens.member_id')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.prefix',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
      'users.name as member_name',
    ])
    .where('api_tokens.workspace_id', '=', workspaceId);
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof tokensWithMember>['executeTakeFirstOrThrow']>>;
const present = (t: TokenRow) => ({
  id: t.id,
  name: t.name,
  prefix: t.prefix,
  memberName: t.member_name,
  createdAt: t.created_at,
  lastUsedAt: t.last_used_at,
  revokedAt: t.revoked_at,
});

export function registerTokenRoutes(app: Server, { db }: AppContext): void {
  app.get(
    '/tokens',
    { schema: { tags, summary: 'API tokens of the workspace, newest first, a page at a time (admins).', querystring: PageQuery, response: { 200: ApiTokensPageView, 400: ErrorView, 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      if (!canManageIntegrations(actor)) throw forbidden('Only admins manage API tokens.');
      const page = await paginate(tokensWithMember(db.kysely, actor.workspaceId), req.query, {
        scope: ['tokens', actor.workspaceId],
        order: newestFirst('api_tokens.created_at', 'api_tokens.id'),
        key: (t) => [t.created_at, t.id],
      });
      return presentPage(page, present);
    },
  );

  app.post(
    '/tokens',
    { schema: { tags, summary: 'Create an API token that acts as you in this workspace. The token is shown only in this response.', body: ApiTokenInput, response: { 201: CreatedApiTokenView, 400: ErrorView, 403: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canManageIntegrations(actor)) throw forbidden('Only admins create API tokens.');
      const { token, prefix, hash } = newApiToken();
      const id = newId();
      await db.transaction(async (tx) => {
        await tx.insertInto('api_tokens').values({ id, workspace_id: actor.workspaceId, member_id: actor.memberId, name: req.body.name, token_hash: hash, prefix, created_at: nowIso(), last_used_at: null, revoked_at: null }).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'api_token.created', entityType: 'api_token', entityId: id, after: { name: req.body.name, prefix } });
      });
      const row = await tokensWithMember(db.kysely, actor.workspaceId).where('api_tokens.id', '=', id).executeTakeFirstOrThrow();
      return reply.code(201).send({ ...present(row), token });
    },
  );

  app.delete(
    '/tokens/:id',
    { schema: { tags, summary: 'Revoke an API token (admins). Calls with it fail at once.', params: IdParams, response: { 200: Ok, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        const row = await tx.selectFrom('api_tokens').select(['id', 'name', 'revoked_at']).where('id', '=', req.params.id).where('workspace_id', '=', actor.workspaceId).executeTakeFirst();
        if (!row) throw notFound('API token');
        if (!canManageIntegrations(actor)) throw forbidden('Only admins revoke API tokens.');
        if (row.revoked_at) return;
        await tx.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', row.id).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'api_token.revoked', entityType: 'api_token', entityId: row.id, before: { name: row.name, revoked: false }, after: { revoked: true } });
      });
      return { ok: true as const };
    },
  );
}
