// Invite links (SPEC S0): expiring, single use; accepted by a new person or by someone signed in.
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { recordAudit } from '../../../server/audit.js';
import { actorOf, createSession, hashPassword, setSessionCookie } from '../../../server/auth.js';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../../server/errors.js';
import { hashSecret, nowIso } from '../../../server/ids.js';
import { newestFirst, paginate, presentPage } from '../../../server/pagination.js';
import { PageQuery } from '../../../shared/page.js';
import { consumeRateLimit } from '../../../server/rate-limits.js';
import type { Db } from '../../../db/database.js';
import { inviteStatus } from '../domain/invite-status.js';
import { canManageMembers } from '../policies.js';
import { presentInvite } from '../presenters.js';
import { AcceptInviteInput, CreatedInviteView, IdParams, InviteInput, InvitePreview, InvitesPageView, MeView, Ok, TokenParams } from '../schemas.js';
import { linkClaim } from '../domain/link-claim.js';
import { findUserByEmail, insertInvite, insertMember, insertUser, joinMembership } from '../store.js';
import { loadMe } from './session.js';

const tags = ['invites'];

function invitesWithCreator(db: Db) {
  return db
    .selectFrom('invites')
    .leftJoin('members', 'members.id', 'invites.created_by')
    .leftJoin('users', 'users.id', 'members.user_id')
    .selectAll('invites')
    .select('users.name as created_by_name');
}

async function findOpenInvite(db: Db, token: string) {
  const invite = await invitesWithCreator(db).where('invites.token_hash', '=', hashSecret(token)).executeTakeFirst();
  if (!invite) throw notFound('Invite');
  const status = inviteStatus(invite, new Date());
  if (status !== 'pending') throw new AppError('not_found', `This invite link is ${status === 'accepted' ? 'already used' : status}. Ask an admin for a new one.`);
  return invite;
}

export function registerInviteRoutes(app: Server, { db, config }: AppContext): void {
  const k = db.kysely;

  app.get(
    '/invites',
    { schema: { tags, summary: 'Invites of the workspace, newest first, a page at a time (admins).', querystring: PageQuery, response: { 200: InvitesPageView, 400: ErrorView, 403: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      if (!canManageMembers(actor)) throw forbidden('Only admins see invites.');
      const page = await paginate(invitesWithCreator(k).where('invites.workspace_id', '=', actor.workspaceId), req.query, {
        scope: ['invites', actor.workspaceId],
        order: newestFirst('invites.created_at', 'invites.id'),
        key: (r) => [r.created_at, r.id],
      });
      const now = new Date();
      return presentPage(page, (r) => presentInvite(r, now));
    },
  );

  app.post(
    '/invites',
    { schema: { tags, summary: 'Create an invite link (admins). The link is shown only in this response.', body: InviteInput, response: { 201: CreatedInviteView, 400: ErrorView, 403: ErrorView } } },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canManageMembers(actor)) throw forbidden('Only admins invite people.');
      const b = req.body;
      const { id, token } = await db.transaction(async (tx) => {
        const made = await insertInvite(tx, { workspaceId: actor.workspaceId, email: b.email ?? null, role: b.role, team: b.team, function: b.function, createdBy: actor.memberId, expiresInDays: b.expiresInDays });
        const id = made.id;
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'invite.created', entityType: 'invite', entityId: id, after: { email: b.email ?? null, role: b.role, team: b.team } });
        return made;
      });
      const row = await invitesWithCreator(k).where('invites.id', '=', id).executeTakeFirstOrThrow();
      return reply.code(201).send({ ...presentInvite(row), url: `${config.publicUrl}/invite/${token}`, token });
    },
  );

  app.delete(
    '/invites/:id',
    { schema: { tags, summary: 'Revoke an invite (admins).', params: IdParams, response: { 200: Ok, 403: ErrorView, 404: ErrorView } } },
    async (req) => {
      const actor = actorOf(req);
      await db.transaction(async (tx) => {
        const invite = await tx.selectFrom('invites').selectAll().where('id', '=', req.params.id).where('workspace_id', '=', actor.workspaceId).executeTakeFirst();
        if (!invite) throw notFound('Invite');
        if (!canManageMembers(actor)) throw forbidden('Only admins revoke invites.');
        if (invite.accepted_at) throw conflict('This invite was already accepted; change the member instead.');
        if (invite.revoked_at) return;
        await tx.updateTable('invites').set({ revoked_at: nowIso() }).where('id', '=', invite.id).execute();
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'invite.revoked', entityType: 'invite', entityId: invite.id, before: { status: 'pending' }, after: { status: 'revoked' } });
      });
      return { ok: true as const };
    },
  );

  app.get(
    '/invites/preview/:token',
    { schema: { tags, summary: 'What an invite link is for (public: the link is the secret).', params: TokenParams, response: { 200: InvitePreview, 404: ErrorView } }, config: { access: 'public' } },
    async (req) => {
      const invite = await findOpenInvite(k, req.params.token);
      const ws = await k.selectFrom('workspaces').select('name').where('id', '=', invite.workspace_id).executeTakeFirstOrThrow();
      return { workspaceName: ws.name, role: invite.role, team: invite.team, email: invite.email, invitedBy: invite.created_by_name, expiresAt: invite.expires_at };
    },
  );

  app.post(
    '/invites/accept/:token',
    {
      schema: {
        tags,
        summary: 'Accept an invite. Signed in: join as yourself. Not signed in: give name, email and password to create your account, or set your first password when this workspace added you. A link never sets the password of an account that exists elsewhere: sign in first (409).',
        params: TokenParams,
        body: AcceptInviteInput,
        response: { 200: MeView, 400: ErrorView, 404: ErrorView, 409: ErrorView },
      },
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const b = req.body;
      const signedInUserId = req.auth?.userId ?? null;
      // Per link and per email given, whatever the address.
      await consumeRateLimit(k, `invite-accept:${hashSecret(req.params.token)}`, 10, 15 * 60_000);
      if (!signedInUserId && b.email) await consumeRateLimit(k, `invite-accept-email:${b.email}`, 10, 15 * 60_000);
      // Hash before the transaction (argon2 is slow), and whenever a password is given, so the time taken
      // does not tell which of the branches below ran.
      const passwordHash = !signedInUserId && b.password ? await hashPassword(b.password) : null;
      const { userId, workspaceId } = await db.transaction(async (tx) => {
        const invite = await findOpenInvite(tx, req.params.token);
        const workspace = await tx.selectFrom('workspaces').select(['name', 'time_zone']).where('id', '=', invite.workspace_id).executeTakeFirstOrThrow();
        let userId: string;
        if (signedInUserId) {
          const me = await tx.selectFrom('users').select(['id', 'email']).where('id', '=', signedInUserId).executeTakeFirstOrThrow();
          if (invite.email && invite.email !== me.email) throw forbidden(`This invite is for ${invite.email}; sign out and accept it as that person.`);
          userId = me.id;
        } else {
          const email = invite.email ?? b.email;
          if (!email) throw badRequest('Give your email address to accept this invite.');
          if (!passwordHash) throw badRequest('Choose a password (at least 10 characters) to accept this invite.');
          const existing = await findUserByEmail(tx, email);
          // Only a person's first workspace may set their first password; any other link adds a membership
          // once the person is signed in as themselves (docs/SECURITY.md).
          const claim = linkClaim(existing && { hasPassword: existing.password_hash !== null, setupWorkspaceId: existing.setup_workspace_id }, invite.workspace_id);
          if (claim === 'sign-in-first') {
            throw conflict(`${email} already has a Lockstep account. Sign in as that person, then open this link again to join ${workspace.name}.`);
          }
          if (existing) {
            await tx.updateTable('users').set({ password_hash: passwordHash, ...(b.name ? { name: b.name } : {}) }).where('id', '=', existing.id).where('password_hash', 'is', null).execute();
            userId = existing.id;
          } else {
            if (!b.name) throw badRequest('Give your name to accept this invite.');
            userId = (await insertUser(tx, { email, name: b.name, passwordHash, timeZone: workspace.time_zone })).id;
          }
        }
        const existingMember = await tx
          .selectFrom('members')
          .select(['id', 'active', 'joined_at'])
          .where('workspace_id', '=', invite.workspace_id)
          .where('user_id', '=', userId)
          .executeTakeFirst();
        let memberId: string;
        if (existingMember?.active === 1 && existingMember.joined_at !== null && invite.email === null) throw conflict('You are already a member of this workspace.');
        if (existingMember) {
          memberId = existingMember.id;
          if (existingMember.active !== 1 || existingMember.joined_at === null) await joinMembership(tx, memberId, { reactivate: true });
        } else {
          memberId = (await insertMember(tx, { workspaceId: invite.workspace_id, userId, role: invite.role, team: invite.team, function: invite.function })).id;
        }
        // Single use: the update only wins while the invite is still open (guards against a double submit).
        const used = await tx.updateTable('invites').set({ accepted_at: nowIso(), accepted_by: memberId }).where('id', '=', invite.id).where('accepted_at', 'is', null).executeTakeFirst();
        if (Number(used.numUpdatedRows) !== 1) throw notFound('Invite');
        await tx.updateTable('users').set({ last_workspace_id: invite.workspace_id }).where('id', '=', userId).execute();
        await recordAudit(tx, { workspaceId: invite.workspace_id, actorMemberId: memberId, action: 'invite.accepted', entityType: 'member', entityId: memberId, after: { role: invite.role, team: invite.team } });
        return { userId, workspaceId: invite.workspace_id };
      });
      if (req.auth?.sessionId) {
        await k.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', req.auth.sessionId).execute();
      } else {
        setSessionCookie(reply, req, config, await createSession(k, config, userId, workspaceId));
      }
      return loadMe(k, userId, workspaceId);
    },
  );
}
