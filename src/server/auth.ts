// Who is calling: a browser session (cookie) or an API token (Authorization: Bearer). Sessions and
// tokens live in the database, so any number of instances can serve the same person (SPEC S0, S8).
import { hash as argon2Hash, verify as argon2Verify } from '@node-rs/argon2';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sql, type Expression } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { preparedQuery } from '../db/prepared-query.js';
import { ALL_WORKSPACES, type ReadVersions } from '../db/read-versions.js';
import type { AuthCache } from './auth-cache.js';
import type { Role, Team } from '../shared/vocabulary.js';
import type { Config } from './config.js';
import { forbidden, unauthenticated } from './errors.js';
import { hashSecret, newSecret, nowIso } from './ids.js';

export type { Role, Team };

/** The member acting in the current workspace. Everything workspace-owned is read through this. */
export interface Actor {
  userId: string;
  memberId: string;
  workspaceId: string;
  role: Role;
  team: Team;
  via: 'session' | 'token';
}

export interface RequestAuth {
  userId: string;
  sessionId: string | null;
  actor: Actor | null;
  /** The current workspace's read versions, read with the credentials (docs/decisions/025); null without a workspace. */
  readVersions: ReadVersions | null;
}

/** What a route requires: nobody, a signed-in person, or a member of the current workspace. */
export type Access = 'public' | 'user' | 'member';

/** A route's access: what its config says, else member for /api/v1 routes and public for the rest. */
export function routeAccess(url: string, config: { access?: Access } | undefined): Access {
  return config?.access ?? (url.startsWith('/api/v1') ? 'member' : 'public');
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

export const SESSION_COOKIE = 'lockstep_session';
const TOKEN_PREFIX = 'lst_';

// argon2id, OWASP's second recommended profile (19 MiB, 2 passes, 1 lane).
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
export const hashPassword = (password: string): Promise<string> => argon2Hash(password, ARGON2);
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  // Verify against a fixed hash when the person has none, so timing does not tell which emails exist.
  dummyHash ??= hashPassword(newSecret());
  const target = hash ?? (await dummyHash);
  const ok = await argon2Verify(target, password).catch(() => false);
  return ok && hash !== null;
}
let dummyHash: Promise<string> | undefined;

export function newApiToken(): { token: string; prefix: string; hash: string } {
  const token = TOKEN_PREFIX + newSecret();
  return { token, prefix: token.slice(0, 10), hash: hashSecret(token) };
}

export async function createSession(db: Db, config: Config, userId: string, workspaceId: string | null): Promise<string> {
  const secret = newSecret();
  const now = new Date();
  await db
    .insertInto('sessions')
    .values({
      id: hashSecret(secret),
      user_id: userId,
      workspace_id: workspaceId,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + config.sessionDays * 86_400_000).toISOString(),
    })
    .execute();
  return secret;
}

export function setSessionCookie(reply: FastifyReply, req: FastifyRequest, config: Config, secret: string): void {
  reply.setCookie(SESSION_COOKIE, secret, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: isSecure(req, config),
    maxAge: config.sessionDays * 86_400,
  });
}

export function clearSessionCookie(reply: FastifyReply, req: FastifyRequest, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: isSecure(req, config) });
}

function isSecure(req: FastifyRequest, config: Config): boolean {
  if (config.secureCookies !== 'auto') return config.secureCookies;
  // req.protocol honours X-Forwarded-Proto only from a trusted proxy (TRUST_PROXY).
  return req.protocol === 'https';
}

/** The member conditions that make a user an actor: active, and joined (an invited member acts only once the person has accepted; docs/SECURITY.md). */
const ACTING = 'members.active = 1 and members.joined_at is not null';

type TokenRow = NonNullable<Awaited<ReturnType<typeof tokenCredentials>>>;
type SessionRow = NonNullable<Awaited<ReturnType<typeof sessionCredentials>>>;
/** What credentials resolved to, kept in memory where the change feed makes that safe (src/server/auth-cache.ts). */
export type CredentialsCache = AuthCache<TokenRow | SessionRow>;

/**
 * Resolves the request's credentials into RequestAuth (or null when it carries none that are valid). At most one
 * query per request: the session or token, the member it acts as, and the workspace's read versions — none when
 * the credentials cache (PostgreSQL with its change feed, docs/decisions/030) already holds them.
 */
export async function resolveAuth(database: Database, req: FastifyRequest, cache: CredentialsCache | null = null): Promise<RequestAuth | null> {
  const header = req.headers.authorization;
  // The scheme name is case-insensitive (RFC 9110 §11.1): "bearer lst_…" is a token too, not a cookie call.
  const bearer = header ? /^bearer\s+(.*)$/is.exec(header) : null;
  if (bearer) {
    const token = (bearer[1] ?? '').trim();
    const { row, versions } = await credentialsOf(cache, `t:${hashSecret(token)}`, (key) => tokenCredentials(database, key.slice(2)), (r) => r.workspace_id);
    if (!row) throw unauthenticated('This API token is not valid or was revoked.');
    if (!row.acting) throw unauthenticated('The member this API token belongs to is no longer active.');
    if (!row.last_used_at || Date.now() - Date.parse(row.last_used_at) > 60_000) {
      const now = nowIso();
      await database.kysely.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', row.token_id).execute();
      row.last_used_at = now;
    }
    const actor: Actor = { userId: row.user_id, memberId: row.member_id, workspaceId: row.workspace_id, role: row.role, team: row.team, via: 'token' };
    return { userId: row.user_id, sessionId: null, actor, readVersions: versions };
  }
  const secret = req.cookies[SESSION_COOKIE];
  if (!secret) return null;
  const id = hashSecret(secret);
  const { row: session, versions } = await credentialsOf(cache, `s:${id}`, () => sessionCredentials(database, id), (r) => (r.member_id ? r.workspace_id : null));
  if (!session || Date.parse(session.expires_at) <= Date.now()) return null;
  if (Date.now() - Date.parse(session.last_seen_at) > 5 * 60_000) {
    const now = nowIso();
    await database.kysely.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', id).execute();
    session.last_seen_at = now;
  }
  const { member_id: memberId, role, team, workspace_id: workspaceId } = session;
  const actor: Actor | null =
    workspaceId && memberId && role && team ? { userId: session.user_id, memberId, workspaceId, role, team, via: 'session' } : null;
  return { userId: session.user_id, sessionId: id, actor, readVersions: actor ? versions : null };
}

/** The credentials row and its workspace's versions: from the cache when it holds both, else from the one query. */
async function credentialsOf<Row extends TokenRow | SessionRow>(
  cache: CredentialsCache | null,
  key: string,
  query: (key: string) => Promise<Row | undefined>,
  workspaceOf: (row: Row) => string | null,
): Promise<{ row: Row | undefined; versions: ReadVersions | null }> {
  const hit = cache?.lookup(key, workspaceOf as (row: TokenRow | SessionRow) => string | null);
  if (hit) return { row: hit.row as Row, versions: hit.versions };
  const epoch = cache?.currentEpoch ?? 0;
  const row = await query(key);
  if (!row) return { row, versions: null };
  const versions = versionsOf(row);
  cache?.remember(key, row, epoch);
  cache?.noteVersions(workspaceOf(row), versions, epoch);
  return { row, versions };
}

/** A live API token, the member it acts as, and that workspace's read versions. */
const tokenCredentials = preparedQuery('lockstep_token_credentials', (db, tokenHash: string) =>
  db
    .selectFrom('api_tokens')
    .innerJoin('members', 'members.id', 'api_tokens.member_id')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at', 'members.user_id', 'members.workspace_id', 'members.id as member_id', 'members.role', 'members.team'])
    .select((eb) => [sql<number>`case when ${sql.raw(ACTING)} then 1 else 0 end`.as('acting'), ...versionColumns(eb.ref('members.workspace_id'))])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null),
);

/** A session, the member it acts as in its workspace (if any), and that workspace's read versions. */
const sessionCredentials = preparedQuery('lockstep_session_credentials', (db, sessionId: string) =>
  db
    .selectFrom('sessions')
    .leftJoin('members', (join) =>
      join
        .onRef('members.workspace_id', '=', 'sessions.workspace_id')
        .onRef('members.user_id', '=', 'sessions.user_id')
        .on(sql<boolean>`${sql.raw(ACTING)}`),
    )
    .select(['sessions.user_id', 'sessions.workspace_id', 'sessions.expires_at', 'sessions.last_seen_at', 'members.id as member_id', 'members.role', 'members.team'])
    .select((eb) => versionColumns(eb.ref('sessions.workspace_id')))
    .where('sessions.id', '=', sessionId),
);

/** The two read versions, as columns of the credentials query. */
function versionColumns(workspaceId: Expression<string | null>) {
  return [
    sql<number | null>`(select version from read_versions where scope = ${workspaceId})`.as('workspace_version'),
    sql<number | null>`(select version from read_versions where scope = ${ALL_WORKSPACES})`.as('all_version'),
  ] as const;
}

function versionsOf(row: { workspace_version: number | null; all_version: number | null }): ReadVersions {
  return { workspace: Number(row.workspace_version ?? 0), all: Number(row.all_version ?? 0) };
}

/** Throws 401/403 unless the request meets the route's access level; returns the actor when required. */
export function requireAccess(req: FastifyRequest, access: Access): void {
  if (access === 'public') return;
  if (!req.auth) throw unauthenticated();
  if (access === 'member' && !req.auth.actor) {
    throw forbidden('You are not a member of a workspace yet. Accept an invite or create a workspace.');
  }
}

export function actorOf(req: FastifyRequest): Actor {
  const actor = req.auth?.actor;
  if (!actor) throw unauthenticated();
  return actor;
}

export function userIdOf(req: FastifyRequest): string {
  if (!req.auth) throw unauthenticated();
  return req.auth.userId;
}
