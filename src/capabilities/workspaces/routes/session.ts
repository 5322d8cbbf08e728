// Sign-up, sign-in, sign-out, the signed-in person and switching workspaces (SPEC S0).
import type { FastifyRequest } from 'fastify';
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { recordAudit } from '../../../server/audit.js';
import {
  clearSessionCookie,
  createSession,
  hashPassword,
  setSessionCookie,
  userIdOf,
  verifyPassword,
} from '../../../server/auth.js';
import { AppError, badRequest, conflict, notFound, unauthenticated } from '../../../server/errors.js';
import { nowIso } from '../../../server/ids.js';
import { consumeRateLimit } from '../../../server/rate-limits.js';
import { passwordProblem } from '../domain/password-strength.js';
import type { Db } from '../../../db/database.js';
import { presentMember, presentWorkspace } from '../presenters.js';
import {
  ChangePasswordInput,
  CreateWorkspaceInput,
  IdParams,
  MeView,
  Ok,
  SignInInput,
  SignUpInput,
  SwitchWorkspaceInput,
  UpdateProfileInput,
} from '../schemas.js';
import { findUserByEmail, getMember, getUser, getWorkspace, insertMember, insertUser, insertWorkspace, joinMembership, listPendingMemberships, listWorkspacesOfUser, closeOpenInvites, findPendingMembership } from '../store.js';

const tags = ['session'];

/** Sign-in tries per account in 15 minutes, from all addresses together (beside 10 a minute per address and email). */
const ACCOUNT_SIGNIN_TRIES = 20;
const ACCOUNT_WINDOW_MS = 15 * 60_000;

export async function loadMe(db: Db, userId: string, workspaceId: string | null): Promise<MeView> {
  const user = await getUser(db, userId);
  if (!user) throw unauthenticated();
  const list = await listWorkspacesOfUser(db, userId);
  const current = workspaceId ? list.find((w) => w.id === workspaceId) : undefined;
  const workspace = current ? await getWorkspace(db, current.id) : undefined;
  const memberRow = current
    ? await db.selectFrom('members').select('id').where('workspace_id', '=', current.id).where('user_id', '=', userId).executeTakeFirst()
    : undefined;
  const member = memberRow && workspace ? await getMember(db, workspace.id, memberRow.id) : undefined;
  return {
    user: { id: user.id, email: user.email, name: user.name, timeZone: user.time_zone },
    workspace: workspace ? presentWorkspace(workspace) : null,
    member: member ? presentMember(member) : null,
    workspaces: list.map((w) => ({ id: w.id, name: w.name, role: w.role, team: w.team, isDemo: w.is_demo === 1 })),
    invitations: (await listPendingMemberships(db, userId)).map((p) => ({ id: p.id, workspaceName: p.workspace_name, role: p.role, team: p.team, invitedAt: p.created_at })),
  };
}

/** The workspace a person lands in at sign-in: the one they used last, while they still belong to it. */
async function landingWorkspaceId(db: Db, userId: string, lastWorkspaceId: string | null): Promise<string | null> {
  const list = await listWorkspacesOfUser(db, userId);
  return list.find((w) => w.id === lastWorkspaceId)?.id ?? list[0]?.id ?? null;
}

async function rememberWorkspace(db: Db, userId: string, workspaceId: string): Promise<void> {
  await db.updateTable('users').set({ last_workspace_id: workspaceId }).where('id', '=', userId).execute();
}

async function currentWorkspaceId(db: Db, req: FastifyRequest): Promise<string | null> {
  if (req.auth?.actor) return req.auth.actor.workspaceId;
  if (!req.auth?.sessionId) return null;
  const s = await db.selectFrom('sessions').select('workspace_id').where('id', '=', req.auth.sessionId).executeTakeFirst();
  return s?.workspace_id ?? null;
}

export function registerSessionRoutes(app: Server, { db, config }: AppContext): void {
  const k = db.kysely;

  app.post(
    '/auth/signup',
    {
      schema: {
        tags,
        summary: 'Create a workspace and its first admin, and sign in.',
        body: SignUpInput,
        response: { 201: MeView, 400: ErrorView, 409: ErrorView },
      },
      config: { access: 'public', rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const b = req.body;
      await consumeRateLimit(k, `signup-email:${b.email}`, 5, 60 * 60_000);
      const passwordHash = await hashPassword(b.password);
      const taken = await findUserByEmail(k, b.email);
      // A taken email costs the same argon2 work as a new one before it answers (timing tells nothing);
      // the answer itself still differs until sign-up confirms by email (docs/decisions/015).
      await verifyPassword(taken?.password_hash ?? null, b.password);
      const { userId, workspaceId } = await db.transaction(async (tx) => {
        if (taken || (await findUserByEmail(tx, b.email))) {
          throw conflict('We could not create an account with this email. If you already use Lockstep, sign in and create the workspace from the workspace menu.');
        }
        const timeZone = b.timeZone ?? 'UTC';
        const user = await insertUser(tx, { email: b.email, name: b.name, passwordHash, timeZone });
        const ws = await insertWorkspace(tx, { name: b.workspaceName, timeZone });
        const member = await insertMember(tx, { workspaceId: ws.id, userId: user.id, role: 'admin', team: b.team ?? 'leadership', keyPlayer: true });
        await recordAudit(tx, { workspaceId: ws.id, actorMemberId: member.id, action: 'workspace.created', entityType: 'workspace', entityId: ws.id, after: { name: ws.name } });
        await rememberWorkspace(tx, user.id, ws.id);
        return { userId: user.id, workspaceId: ws.id };
      });
      const secret = await createSession(k, config, userId, workspaceId);
      setSessionCookie(reply, req, config, secret);
      return reply.code(201).send(await loadMe(k, userId, workspaceId));
    },
  );

  app.post(
    '/auth/signin',
    {
      schema: { tags, summary: 'Sign in with email and password.', body: SignInInput, response: { 200: MeView, 401: ErrorView, 429: ErrorView } },
      config: {
        access: 'public',
        // A new session changes nothing a cached page shows (docs/decisions/025).
        readsUnchanged: true,
        // Login rate limiting (SPEC S9): 10 tries a minute per address and email.
        rateLimit: {
          // Count after the body is parsed, so the key can include the email.
          hook: 'preHandler',
          max: 10,
          timeWindow: '1 minute',
          keyGenerator: (req: FastifyRequest) => `${req.ip}|${String((req.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
          errorResponseBuilder: () => ({ statusCode: 429, message: 'Too many sign-in attempts. Wait a minute and try again.' }),
        },
      },
    },
    async (req, reply) => {
      // Per account, whatever the address (addresses rotate behind botnets and proxies).
      await consumeRateLimit(k, `signin-account:${req.body.email}`, ACCOUNT_SIGNIN_TRIES, ACCOUNT_WINDOW_MS);
      const user = await findUserByEmail(k, req.body.email);
      const ok = await verifyPassword(user?.password_hash ?? null, req.body.password);
      if (!user || !ok) throw unauthenticated('Email or password is not right.');
      const workspaceId = await landingWorkspaceId(k, user.id, user.last_workspace_id);
      const secret = await createSession(k, config, user.id, workspaceId);
      setSessionCookie(reply, req, config, secret);
      return loadMe(k, user.id, workspaceId);
    },
  );

  app.post(
    '/auth/signout',
    { schema: { tags, summary: 'Sign out of this browser.', response: { 200: Ok } }, config: { access: 'public', readsUnchanged: true } },
    async (req, reply) => {
      if (req.auth?.sessionId) await k.deleteFrom('sessions').where('id', '=', req.auth.sessionId).execute();
      clearSessionCookie(reply, req, config);
      return { ok: true as const };
    },
  );

  app.get(
    '/me',
    { schema: { tags, summary: 'The signed-in person, the current workspace and every workspace they belong to.', response: { 200: MeView } }, config: { access: 'user' } },
    async (req) => loadMe(k, userIdOf(req), await currentWorkspaceId(k, req)),
  );

  app.patch(
    '/me',
    { schema: { tags, summary: 'Change your name or time zone.', body: UpdateProfileInput, response: { 200: MeView, 400: ErrorView } }, config: { access: 'user' } },
    async (req) => {
      const userId = userIdOf(req);
      const patch: { name?: string; time_zone?: string } = {};
      if (req.body.name !== undefined) patch.name = req.body.name;
      if (req.body.timeZone !== undefined) patch.time_zone = req.body.timeZone;
      if (Object.keys(patch).length > 0) await k.updateTable('users').set(patch).where('id', '=', userId).execute();
      return loadMe(k, userId, await currentWorkspaceId(k, req));
    },
  );

  app.post(
    '/me/password',
    {
      schema: { tags, summary: 'Change your password; signs out your other sessions and revokes the API tokens you made, in every workspace.', body: ChangePasswordInput, response: { 200: Ok, 400: ErrorView } },
      config: { access: 'user', rateLimit: { max: 10, timeWindow: '1 minute' } },
    },
    async (req) => {
      const userId = userIdOf(req);
      // A stolen session must not be able to guess the current password quickly, from any address.
      await consumeRateLimit(k, `password-change:${userId}`, 10, ACCOUNT_WINDOW_MS);
      const user = await getUser(k, userId);
      if (!user || !(await verifyPassword(user.password_hash, req.body.currentPassword))) {
        throw badRequest('The current password is not right.');
      }
      const personal = passwordProblem(req.body.newPassword, [user.email, user.name]);
      if (personal) throw new AppError('validation_failed', personal, [{ path: 'body.newPassword', message: personal }]);
      const passwordHash = await hashPassword(req.body.newPassword);
      await db.transaction(async (tx) => {
        await tx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
        let others = tx.deleteFrom('sessions').where('user_id', '=', userId);
        if (req.auth?.sessionId) others = others.where('id', '!=', req.auth.sessionId);
        await others.execute();
        // A changed password ends every other way in: API tokens made while someone else knew it go too.
        await tx
          .updateTable('api_tokens')
          .set({ revoked_at: nowIso() })
          .where('revoked_at', 'is', null)
          .where('member_id', 'in', tx.selectFrom('members').select('id').where('user_id', '=', userId))
          .execute();
      });
      return { ok: true as const };
    },
  );

  app.post(
    '/me/workspace',
    {
      schema: { tags, summary: 'Switch this session to another of your workspaces.', body: SwitchWorkspaceInput, response: { 200: MeView, 400: ErrorView, 404: ErrorView } },
      // Cached pages are kept per member, and the session now acts as another member (docs/decisions/025).
      config: { access: 'user', readsUnchanged: true },
    },
    async (req) => {
      const userId = userIdOf(req);
      if (!req.auth?.sessionId) throw badRequest('API tokens belong to one workspace; switching applies to browser sessions.');
      const list = await listWorkspacesOfUser(k, userId);
      if (!list.some((w) => w.id === req.body.workspaceId)) throw notFound('Workspace');
      await k.updateTable('sessions').set({ workspace_id: req.body.workspaceId }).where('id', '=', req.auth.sessionId).execute();
      await rememberWorkspace(k, userId, req.body.workspaceId);
      return loadMe(k, userId, req.body.workspaceId);
    },
  );

  app.post(
    '/workspaces',
    {
      schema: { tags, summary: 'Create another workspace, with you as its admin, and switch to it.', body: CreateWorkspaceInput, response: { 201: MeView, 400: ErrorView } },
      config: { access: 'user' },
    },
    async (req, reply) => {
      const userId = userIdOf(req);
      const user = await getUser(k, userId);
      if (!user) throw unauthenticated();
      const workspaceId = await db.transaction(async (tx) => {
        const ws = await insertWorkspace(tx, { name: req.body.name, timeZone: req.body.timeZone ?? user.time_zone });
        const member = await insertMember(tx, { workspaceId: ws.id, userId, role: 'admin', team: 'leadership', keyPlayer: true });
        await recordAudit(tx, { workspaceId: ws.id, actorMemberId: member.id, action: 'workspace.created', entityType: 'workspace', entityId: ws.id, after: { name: ws.name } });
        await rememberWorkspace(tx, userId, ws.id);
        return ws.id;
      });
      if (req.auth?.sessionId) await k.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', req.auth.sessionId).execute();
      return reply.code(201).send(await loadMe(k, userId, workspaceId));
    },
  );

  app.post(
    '/me/invitations/:id/accept',
    {
      schema: { tags, summary: 'Join a workspace whose admin added you, and switch to it.', params: IdParams, response: { 200: MeView, 404: ErrorView } },
      config: { access: 'user' },
    },
    async (req) => {
      const userId = userIdOf(req);
      const workspaceId = await db.transaction(async (tx) => {
        const m = await findPendingMembership(tx, req.params.id, userId);
        if (!m || !(await joinMembership(tx, m.id))) throw notFound('Invitation');
        // The link made for the same membership is used up too.
        await closeOpenInvites(tx, m.workspace_id, m.email, { acceptedBy: m.id });
        await recordAudit(tx, { workspaceId: m.workspace_id, actorMemberId: m.id, action: 'member.joined', entityType: 'member', entityId: m.id });
        await rememberWorkspace(tx, userId, m.workspace_id);
        return m.workspace_id;
      });
      if (req.auth?.sessionId) await k.updateTable('sessions').set({ workspace_id: workspaceId }).where('id', '=', req.auth.sessionId).execute();
      return loadMe(k, userId, workspaceId);
    },
  );

  app.post(
    '/me/invitations/:id/decline',
    {
      schema: { tags, summary: "Decline a workspace's invitation: you are not added, and its link stops working.", params: IdParams, response: { 200: MeView, 404: ErrorView } },
      config: { access: 'user' },
    },
    async (req) => {
      const userId = userIdOf(req);
      await db.transaction(async (tx) => {
        const m = await findPendingMembership(tx, req.params.id, userId);
        if (!m) throw notFound('Invitation');
        const declined = await tx.updateTable('members').set({ active: 0, key_player: 0, updated_at: nowIso() }).where('id', '=', m.id).where('joined_at', 'is', null).where('active', '=', 1).executeTakeFirst();
        if (Number(declined.numUpdatedRows) !== 1) throw notFound('Invitation');
        await closeOpenInvites(tx, m.workspace_id, m.email, 'revoke');
        await recordAudit(tx, { workspaceId: m.workspace_id, actorMemberId: null, action: 'member.declined', entityType: 'member', entityId: m.id, before: { status: 'invited' }, after: { status: 'inactive' } });
      });
      return loadMe(k, userId, await currentWorkspaceId(k, req));
    },
  );
}
