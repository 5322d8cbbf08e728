// Test factories (Outline-style): small functions that make real data through the API, so tests state
// only what matters to them. Everything goes through HTTP except what has no route (notifications).
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type * as G from '../src/capabilities/goals/schemas.js';
import type { Role, Team } from '../src/capabilities/workspaces/domain/roles.js';
import { notifyMember } from '../src/server/notifications.js';
import type { TestApp } from './helpers/app.js';
import { expectStatus, type Client } from './helpers/client.js';
import type { CreatedApiTokenView, CreatedInviteView, MemberView, MeView } from './helpers/views.js';

export const PASSWORD = 'correct-horse-battery';

export const uniqueEmail = (prefix = 'person'): string => `${prefix}-${randomBytes(5).toString('hex')}@example.test`;

export interface TestWorkspace {
  id: string;
  name: string;
  /** The admin who signed up, signed in. */
  admin: Client;
  adminMemberId: string;
  adminUserId: string;
  me: MeView;
}

/** Signs up a new admin, which creates a workspace. */
export async function makeWorkspace(
  t: TestApp,
  opts: { name?: string; email?: string; password?: string; adminName?: string; timeZone?: string } = {},
): Promise<TestWorkspace> {
  const admin = t.client();
  const name = opts.name ?? `Acme ${randomBytes(3).toString('hex')}`;
  const me = expectStatus(
    await admin.signUp({
      email: opts.email ?? uniqueEmail('admin'),
      password: opts.password ?? PASSWORD,
      name: opts.adminName ?? 'Ada Admin',
      workspaceName: name,
      ...(opts.timeZone ? { timeZone: opts.timeZone } : {}),
    }),
    201,
  );
  if (!me.workspace || !me.member) throw new Error('sign-up answered without a workspace');
  return { id: me.workspace.id, name, admin, adminMemberId: me.member.id, adminUserId: me.user.id, me };
}

export interface TestMember {
  client: Client;
  member: MemberView;
  email: string;
  password: string;
}

/** Creates an invite as the workspace's admin. */
export async function makeInvite(
  ws: TestWorkspace,
  input: { role?: Role; team?: Team; email?: string; function?: string; expiresInDays?: number } = {},
): Promise<CreatedInviteView> {
  return expectStatus(await ws.admin.post<CreatedInviteView>('/api/v1/invites', { role: 'member', team: 'sales', ...input }), 201);
}

/** A new person who joins the workspace through an invite link, signed in. */
export async function addMember(
  t: TestApp,
  ws: TestWorkspace,
  opts: { role?: Role; team?: Team; name?: string; email?: string; function?: string } = {},
): Promise<TestMember> {
  const role = opts.role ?? 'member';
  const team = opts.team ?? 'sales';
  const email = opts.email ?? uniqueEmail(role);
  const invite = await makeInvite(ws, { role, team, ...(opts.function ? { function: opts.function } : {}) });
  const client = t.client();
  const me = expectStatus(
    await client.post<MeView>(`/api/v1/invites/accept/${invite.token}`, { name: opts.name ?? `${role} ${team}`, email, password: PASSWORD }),
    200,
  );
  if (!me.member) throw new Error('accepting the invite answered without a member');
  client.email = email;
  client.password = PASSWORD;
  return { client, member: me.member, email, password: PASSWORD };
}

/** An API token made by the workspace's admin (or `by`), with its secret. */
export async function makeApiToken(ws: TestWorkspace, name = 'CRM sync', by: Client = ws.admin): Promise<CreatedApiTokenView> {
  return expectStatus(await by.post<CreatedApiTokenView>('/api/v1/tokens', { name }), 201);
}

/** A notification for one member (no route creates one directly; capabilities do). Returns its id. */
export async function makeNotification(t: TestApp, workspaceId: string, memberId: string, title = `Something happened ${randomBytes(4).toString('hex')}`): Promise<string> {
  await notifyMember(t.db.kysely, workspaceId, memberId, { kind: 'test', title, body: 'Details', link: null });
  const row = await t.db.kysely
    .selectFrom('notifications')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('member_id', '=', memberId)
    .where('title', '=', title)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The token at the end of an invite or setup URL. */
export const tokenOf = (url: string): string => {
  const token = url.split('/invite/')[1];
  if (!token) throw new Error(`not an invite url: ${url}`);
  return token;
};

// ── Published goals (SPEC S1) ──────────────────────────────────────────────────────────────────────

export type KpiView = z.infer<typeof G.KpiView>;
export type KpiDetailView = z.infer<typeof G.KpiDetailView>;
export type PublicationView = z.infer<typeof G.PublicationView>;
export type KpiInput = z.input<typeof G.KpiCreateInput>;

/** What a KPI says when a test does not care: a monthly win rate with a measurement definition. */
export const kpiDefaults = (team: 'sales' | 'marketing'): KpiInput => ({
  team,
  name: team === 'sales' ? 'Win rate' : 'MQLs',
  kind: team === 'sales' ? 'win_rate' : 'mqls',
  measurement: team === 'sales' ? 'Closed-won ÷ closed deals, trailing 90 days.' : 'Leads reaching score 65 for the first time.',
  period: 'month',
});

/** Creates a KPI as `lead` (a lead of the KPI's team). */
export async function makeKpi(lead: Client, input: Partial<KpiInput> & { team: 'sales' | 'marketing' }): Promise<KpiView> {
  return expectStatus(await lead.post<KpiView>('/api/v1/goals/kpis', { ...kpiDefaults(input.team), ...input }), 201);
}

/** Sets a team's top three in rank order as `lead`. */
export async function setTopThree(lead: Client, team: 'sales' | 'marketing', kpiIds: string[]): Promise<KpiView[]> {
  return expectStatus(await lead.request<KpiView[]>('PUT', '/api/v1/goals/top-three', { body: { team, kpiIds } }), 200);
}

/** Publishes a team's current top three as `lead`. */
export async function publishTopThree(lead: Client, team: 'sales' | 'marketing', note?: string): Promise<PublicationView> {
  return expectStatus(await lead.post<PublicationView>('/api/v1/goals/publications', { team, ...(note ? { note } : {}) }), 201);
}

/** A team with a published top three of one KPI (ranked #1), made by `lead`. */
export async function makePublishedTeam(lead: Client, team: 'sales' | 'marketing', kpi: Partial<KpiInput> = {}): Promise<{ kpi: KpiView; publication: PublicationView }> {
  const made = await makeKpi(lead, { team, rank: 1, ...kpi });
  return { kpi: made, publication: await publishTopThree(lead, team) };
}
