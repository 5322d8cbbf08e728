// Data access for workspaces, people and access. Every function takes the db (or a transaction) first
// and, for workspace-owned rows, the workspace id from the authenticated actor, never from the body.
import { expressionBuilder, sql, type Expression, type Selectable, type SqlBool } from 'kysely';
import type { Db } from '../../db/database.js';
import type { DatabaseSchema } from '../../db/schema/index.js';
import { memberName } from '../../db/member-name.js';
import { containsText } from '../../db/search.js';
import type { MembersTable } from '../../db/schema/members.js';
import type { UsersTable } from '../../db/schema/users.js';
import type { WorkspacesTable } from '../../db/schema/workspaces.js';
import { hashSecret, newId, newSecret, nowIso } from '../../server/ids.js';
import { paginate, type Page } from '../../server/pagination.js';
import type { PageQuery } from '../../shared/page.js';
import { TEAMS, type Role, type Team } from '../../shared/vocabulary.js';

export type WorkspaceRow = Selectable<WorkspacesTable>;
export type MemberRow = Selectable<MembersTable>;
export type UserRow = Selectable<UsersTable>;
/**
 * A member with what the workspace may know of the person. Until they join, that is only what the admin typed
 * (name, email) and the workspace's time zone: nothing stored by another workspace or by the person shows.
 */
export type MemberWithUser = MemberRow & { email: string; name: string; time_zone: string; manager_name: string | null };

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Db,
  u: { email: string; name: string; passwordHash: string | null; timeZone: string; setupWorkspaceId?: string | null },
): Promise<UserRow> {
  const row: UserRow = {
    id: newId(),
    email: u.email.toLowerCase(),
    name: u.name,
    password_hash: u.passwordHash,
    time_zone: u.timeZone,
    setup_workspace_id: u.setupWorkspaceId ?? null,
    last_workspace_id: null,
    created_at: nowIso(),
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

export async function insertWorkspace(
  db: Db,
  w: { name: string; timeZone: string; isDemo?: boolean },
): Promise<WorkspaceRow> {
  const now = nowIso();
  const row: WorkspaceRow = {
    id: newId(),
    name: w.name,
    time_zone: w.timeZone,
    week_start: 1,
    fiscal_year_start_month: 1,
    holidays: '[]',
    pain_threshold: 60,
    is_demo: w.isDemo ? 1 : 0,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('workspaces').values(row).execute();
  return row;
}

export async function getWorkspace(db: Db, id: string): Promise<WorkspaceRow | undefined> {
  return db.selectFrom('workspaces').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertMember(
  db: Db,
  m: {
    workspaceId: string;
    userId: string;
    role: MemberRow['role'];
    team: MemberRow['team'];
    function?: string;
    managerId?: string | null;
    keyPlayer?: boolean;
    /** Added by an admin: the member waits for the person to accept, and shows this name until then. */
    invitedName?: string;
  },
): Promise<MemberRow> {
  const now = nowIso();
  const row: MemberRow = {
    id: newId(),
    workspace_id: m.workspaceId,
    user_id: m.userId,
    role: m.role,
    team: m.team,
    function: m.function ?? '',
    manager_id: m.managerId ?? null,
    key_player: m.keyPlayer ? 1 : 0,
    active: 1,
    joined_at: m.invitedName === undefined ? now : null,
    invited_name: m.invitedName ?? null,
    getting_started_dismissed_at: null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('members').values(row).execute();
  return row;
}

/** The manager's name as memberName gives it, for the members list's Manager column. */
const managerName = sql<string | null>`coalesce(manager.invited_name, manager_user.name)`;

function membersWithUsers(db: Db) {
  return db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .innerJoin('workspaces', 'workspaces.id', 'members.workspace_id')
    .leftJoin('members as manager', 'manager.id', 'members.manager_id')
    .leftJoin('users as manager_user', 'manager_user.id', 'manager.user_id')
    .selectAll('members')
    .select(['users.email', memberName.as('name'), managerName.as('manager_name'), 'users.time_zone as user_time_zone', 'workspaces.time_zone as workspace_time_zone']);
}

function asMemberWithUser(r: MemberRow & { email: string; name: string; manager_name: string | null; user_time_zone: string; workspace_time_zone: string }): MemberWithUser {
  const { user_time_zone, workspace_time_zone, ...member } = r;
  return { ...member, time_zone: r.joined_at !== null ? user_time_zone : workspace_time_zone };
}

/** Everyone in the workspace, by name (for checks over the whole workspace inside a write, never for a list answer). */
export async function listMembers(db: Db, workspaceId: string): Promise<MemberWithUser[]> {
  const rows = await membersWithUsers(db).where('members.workspace_id', '=', workspaceId).orderBy(memberName).orderBy('members.id').execute();
  return rows.map(asMemberWithUser);
}

export type MemberStatus = 'invited' | 'active' | 'inactive';
export interface MemberFilter {
  q?: string | undefined;
  team?: Team | undefined;
  role?: Role | undefined;
  status?: MemberStatus | undefined;
  active?: boolean | undefined;
  keyPlayer?: boolean | undefined;
}

/**
 * One page of the members list: active and invited people first, then by name, the id breaking ties; with how
 * many match the filters. The sort runs over one workspace's members, which the workspace index finds.
 */
export async function pageMembers(db: Db, workspaceId: string, filter: MemberFilter, page: PageQuery): Promise<Page<MemberWithUser> & { total: number }> {
  const matching = memberMatches(workspaceId, filter);
  const result = await paginate(membersWithUsers(db).where(matching), page, {
    scope: ['members', workspaceId, filter],
    order: [
      { by: sql.ref('members.active'), dir: 'desc', type: 'number' },
      { by: memberName, dir: 'asc', type: 'string' },
      { by: sql.ref('members.id'), dir: 'asc', type: 'string' },
    ],
    key: (m) => [m.active, m.name, m.id],
  });
  const { n } = await db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(matching)
    .executeTakeFirstOrThrow();
  return { items: result.items.map(asMemberWithUser), nextCursor: result.nextCursor, total: Number(n) };
}

/** Per team: how many members, key players and leads, and the first few of each by name (the dashboard's cards). */
export async function memberSummary(db: Db, workspaceId: string) {
  const byStatus = await db
    .selectFrom('members')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.case().when('active', '=', 0).then('inactive').when('joined_at', 'is', null).then('invited').else('active').end().as('status'),
    ])
    .where('workspace_id', '=', workspaceId)
    .groupBy('status')
    .execute();
  const counted = (status: MemberStatus) => Number(byStatus.find((r) => r.status === status)?.n ?? 0);
  const perTeam = await db
    .selectFrom('members')
    .select((eb) => [
      'team',
      eb.fn.countAll<number>().as('members'),
      eb.fn.sum<number>('key_player').as('key_players'),
      eb.fn.sum<number>(eb.case().when('role', 'in', ['leader', 'admin']).then(1).else(0).end()).as('leads'),
    ])
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', 1)
    .groupBy('team')
    .execute();
  const first = (team: Team, where: 'keyPlayer' | 'lead', n: number) => {
    let q = db
      .selectFrom('members')
      .innerJoin('users', 'users.id', 'members.user_id')
      .select(['members.id', memberName.as('name'), 'members.function'])
      .where('members.workspace_id', '=', workspaceId)
      .where('members.team', '=', team)
      .where('members.active', '=', 1);
    q = where === 'keyPlayer' ? q.where('members.key_player', '=', 1) : q.where('members.role', 'in', ['leader', 'admin']);
    return q.orderBy(memberName).orderBy('members.id').limit(n).execute();
  };
  const teams = [];
  for (const team of TEAMS) {
    const row = perTeam.find((r) => r.team === team);
    teams.push({
      team,
      members: Number(row?.members ?? 0),
      keyPlayers: Number(row?.key_players ?? 0),
      leads: Number(row?.leads ?? 0),
      firstKeyPlayers: await first(team, 'keyPlayer', 4),
      firstLeads: await first(team, 'lead', 3),
    });
  }
  return { people: { active: counted('active'), invited: counted('invited'), inactive: counted('inactive') }, teams };
}

function memberMatches(workspaceId: string, filter: MemberFilter): Expression<SqlBool> {
  const eb = expressionBuilder<DatabaseSchema, 'members' | 'users'>();
  const all: Array<Expression<SqlBool>> = [eb('members.workspace_id', '=', workspaceId)];
  if (filter.team) all.push(eb('members.team', '=', filter.team));
  if (filter.role) all.push(eb('members.role', '=', filter.role));
  if (filter.keyPlayer !== undefined) all.push(eb('members.key_player', '=', filter.keyPlayer ? 1 : 0));
  if (filter.active !== undefined) all.push(eb('members.active', '=', filter.active ? 1 : 0));
  if (filter.status === 'inactive') all.push(eb('members.active', '=', 0));
  if (filter.status === 'active') all.push(eb('members.active', '=', 1), eb('members.joined_at', 'is not', null));
  if (filter.status === 'invited') all.push(eb('members.active', '=', 1), eb('members.joined_at', 'is', null));
  if (filter.q) all.push(containsText([memberName, eb.ref('users.email'), eb.ref('members.function')], filter.q));
  return eb.and(all);
}

/** A member of this workspace, or undefined (also for another workspace's member id). */
export async function getMember(db: Db, workspaceId: string, memberId: string): Promise<MemberWithUser | undefined> {
  const row = await membersWithUsers(db)
    .where('members.workspace_id', '=', workspaceId)
    .where('members.id', '=', memberId)
    .executeTakeFirst();
  return row ? asMemberWithUser(row) : undefined;
}

export async function listWorkspacesOfUser(db: Db, userId: string) {
  return db
    .selectFrom('members')
    .innerJoin('workspaces', 'workspaces.id', 'members.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'workspaces.is_demo', 'members.role', 'members.team'])
    .where('members.user_id', '=', userId)
    .where('members.active', '=', 1)
    .where('members.joined_at', 'is not', null)
    .orderBy('workspaces.name')
    .execute();
}

/** Memberships an admin added the person to, waiting for them to accept or decline (newest first). */
export async function listPendingMemberships(db: Db, userId: string) {
  return db
    .selectFrom('members')
    .innerJoin('workspaces', 'workspaces.id', 'members.workspace_id')
    .select(['members.id', 'members.role', 'members.team', 'members.created_at', 'workspaces.id as workspace_id', 'workspaces.name as workspace_name'])
    .where('members.user_id', '=', userId)
    .where('members.active', '=', 1)
    .where('members.joined_at', 'is', null)
    .orderBy('members.created_at', 'desc')
    .execute();
}

/** Makes a waiting membership a joined one (the person accepted); answers whether it was still waiting. */
export async function joinMembership(db: Db, memberId: string, opts: { reactivate?: boolean } = {}): Promise<boolean> {
  const now = nowIso();
  let q = db
    .updateTable('members')
    .set((eb) => ({ joined_at: eb.fn.coalesce('joined_at', eb.val(now)), invited_name: null, active: 1, updated_at: now }))
    .where('id', '=', memberId);
  // Accepting an invitation from the switcher joins a waiting membership only; a new invite link may also
  // bring back a deactivated member.
  q = opts.reactivate ? q.where((eb) => eb.or([eb('joined_at', 'is', null), eb('active', '!=', 1)])) : q.where('joined_at', 'is', null).where('active', '=', 1);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** A new invite link; returns its id and the secret token (stored only as its hash). */
export async function insertInvite(
  db: Db,
  i: { workspaceId: string; email: string | null; role: MemberRow['role']; team: MemberRow['team']; function: string; createdBy: string; expiresInDays: number },
): Promise<{ id: string; token: string }> {
  const token = newSecret();
  const id = newId();
  const now = new Date();
  await db
    .insertInto('invites')
    .values({
      id,
      workspace_id: i.workspaceId,
      token_hash: hashSecret(token),
      email: i.email,
      role: i.role,
      team: i.team,
      function: i.function,
      created_by: i.createdBy,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + i.expiresInDays * 86_400_000).toISOString(),
      accepted_at: null,
      accepted_by: null,
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

/**
 * Closes a workspace's open links for one email: as accepted by the member who joined (they are used up), or
 * revoked (the invitation was declined or withdrawn).
 */
export async function closeOpenInvites(db: Db, workspaceId: string, email: string, close: { acceptedBy: string } | 'revoke'): Promise<void> {
  const at = nowIso();
  await db
    .updateTable('invites')
    .set(close === 'revoke' ? { revoked_at: at } : { accepted_at: at, accepted_by: close.acceptedBy })
    .where('workspace_id', '=', workspaceId)
    .where('email', '=', email)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The person's membership that an admin added and that waits for them to accept or decline. */
export async function findPendingMembership(db: Db, memberId: string, userId: string) {
  return db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.id', 'members.workspace_id', 'users.email'])
    .where('members.id', '=', memberId)
    .where('members.user_id', '=', userId)
    .where('members.active', '=', 1)
    .where('members.joined_at', 'is', null)
    .executeTakeFirst();
}
