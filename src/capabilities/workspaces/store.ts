// Data access for workspaces, people and access. Every function takes the db (or a transaction) first
// and, for workspace-owned rows, the workspace id from the authenticated actor, never from the body.
import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { MembersTable } from '../../db/schema/members.js';
import type { UsersTable } from '../../db/schema/users.js';
import type { WorkspacesTable } from '../../db/schema/workspaces.js';
import { newId, nowIso } from '../../server/ids.js';

export type WorkspaceRow = Selectable<WorkspacesTable>;
export type MemberRow = Selectable<MembersTable>;
export type UserRow = Selectable<UsersTable>;
export type MemberWithUser = MemberRow & { email: string; name: string; time_zone: string; has_password: boolean };

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

export async function getUser(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Db,
  u: { email: string; name: string; passwordHash: string | null; timeZone: string },
): Promise<UserRow> {
  const row: UserRow = {
    id: newId(),
    email: u.email.toLowerCase(),
    name: u.name,
    password_hash: u.passwordHash,
    time_zone: u.timeZone,
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
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('members').values(row).execute();
  return row;
}

function membersWithUsers(db: Db) {
  return db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .selectAll('members')
    .select(['users.email', 'users.name', 'users.time_zone', 'users.password_hash']);
}

function withPasswordFlag(r: MemberRow & { email: string; name: string; time_zone: string; password_hash: string | null }): MemberWithUser {
  const { password_hash, ...rest } = r;
  return { ...rest, has_password: password_hash !== null };
}

export async function listMembers(db: Db, workspaceId: string): Promise<MemberWithUser[]> {
  const rows = await membersWithUsers(db).where('members.workspace_id', '=', workspaceId).orderBy('users.name').execute();
  return rows.map(withPasswordFlag);
}

/** A member of this workspace, or undefined (also for another workspace's member id). */
export async function getMember(db: Db, workspaceId: string, memberId: string): Promise<MemberWithUser | undefined> {
  const row = await membersWithUsers(db)
    .where('members.workspace_id', '=', workspaceId)
    .where('members.id', '=', memberId)
    .executeTakeFirst();
  return row ? withPasswordFlag(row) : undefined;
}

export async function listWorkspacesOfUser(db: Db, userId: string) {
  return db
    .selectFrom('members')
    .innerJoin('workspaces', 'workspaces.id', 'members.workspace_id')
    .select(['workspaces.id', 'workspaces.name', 'workspaces.is_demo', 'members.role', 'members.team'])
    .where('members.user_id', '=', userId)
    .where('members.active', '=', 1)
    .orderBy('workspaces.name')
    .execute();
}
