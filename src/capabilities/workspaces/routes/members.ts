// Members of a workspace (SPEC S0): list, add, and set role, team, function, manager, key player, active.
import { ErrorView, type AppContext, type Server } from '../../../server/context.js';
import { recordAudit } from '../../../server/audit.js';
import { changedFields } from '../../../server/audit-change.js';
import { actorOf } from '../../../server/auth.js';
import { badRequest, conflict, forbidden, notFound } from '../../../server/errors.js';
import { nowIso } from '../../../server/ids.js';
import { presentPage } from '../../../server/pagination.js';
import { lockForUpdate, lockKey } from '../../../db/locks.js';
import { memberChangeProblem, type MemberState } from '../domain/member-rules.js';
import { canManageMembers, canMarkKeyPlayers } from '../policies.js';
import { presentMember } from '../presenters.js';
import { AddMemberInput, AddMemberView, IdParams, MembersPageView, MembersQuery, MemberSummaryView, MemberUpdateInput, MemberView } from '../schemas.js';
import { closeOpenInvites, findUserByEmail, getMember, insertInvite, insertMember, insertUser, listMembers, memberSummary, pageMembers, type MemberWithUser } from '../store.js';

const tags = ['members'];
// An invited member does not count as an admin who keeps the workspace governable until they join.
const toState = (m: MemberWithUser): MemberState => ({ id: m.id, role: m.role, active: m.active === 1 && m.joined_at !== null, managerId: m.manager_id });

export function registerMemberRoutes(app: Server, { db, config, memberDeactivated }: AppContext): void {
  app.get(
    '/members',
    {
      schema: {
        tags,
        summary: 'The people of the workspace, a page at a time: active and invited first, then by name. Search with q; filter by team, role, status and key player.',
        querystring: MembersQuery,
        response: { 200: MembersPageView, 400: ErrorView },
      },
      config: { readCache: true },
    },
    async (req) => {
      const { limit, cursor, keyPlayer, active, ...filter } = req.query;
      const flag = (v: 'true' | 'false' | undefined) => (v === undefined ? undefined : v === 'true');
      const page = await pageMembers(db.kysely, actorOf(req).workspaceId, { ...filter, keyPlayer: flag(keyPlayer), active: flag(active) }, { limit, cursor });
      return { ...presentPage(page, presentMember), total: page.total };
    },
  );

  app.get(
    '/members/summary',
    {
      schema: { tags, summary: 'How many people the workspace has by status, and per team its members, key players and leads, with the first few by name.', response: { 200: MemberSummaryView } },
      config: { readCache: true },
    },
    async (req) => memberSummary(db.kysely, actorOf(req).workspaceId),
  );

  app.get(
    '/members/:id',
    { schema: { tags, summary: 'One member.', params: IdParams, response: { 200: MemberView, 404: ErrorView } } },
    async (req) => {
      const m = await getMember(db.kysely, actorOf(req).workspaceId, req.params.id);
      if (!m) throw notFound('Member');
      return presentMember(m);
    },
  );

  app.post(
    '/members',
    {
      schema: {
        tags,
        summary: 'Add a person (admins). The member is invited until the person accepts: with the single-use link in setupUrl (which sets a password for a person new to Lockstep), or from their workspace switcher when they already use Lockstep. The answer is the same either way and shows only what you typed.',
        body: AddMemberInput,
        response: { 201: AddMemberView, 400: ErrorView, 403: ErrorView, 409: ErrorView },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      if (!canManageMembers(actor)) throw forbidden('Only admins add members.');
      const b = req.body;
      const result = await db.transaction(async (tx) => {
        if (b.managerId && !(await getMember(tx, actor.workspaceId, b.managerId))) throw badRequest('The manager must be a member of this workspace.');
        const ws = await tx.selectFrom('workspaces').select(['name', 'time_zone']).where('id', '=', actor.workspaceId).executeTakeFirstOrThrow();
        // The same answer whether or not the email has an account elsewhere: the member waits, showing what
        // the admin typed, until the person accepts (docs/SECURITY.md). A person new to Lockstep is created
        // here, with this workspace as the one whose link sets their first password.
        const user = (await findUserByEmail(tx, b.email)) ?? (await insertUser(tx, { email: b.email, name: b.name, passwordHash: null, timeZone: ws.time_zone, setupWorkspaceId: actor.workspaceId }));
        const existing = await tx.selectFrom('members').select('id').where('workspace_id', '=', actor.workspaceId).where('user_id', '=', user.id).executeTakeFirst();
        if (existing) throw conflict(`${b.email} is already a member of this workspace (or invited to it).`);
        const member = await insertMember(tx, {
          workspaceId: actor.workspaceId,
          userId: user.id,
          role: b.role,
          team: b.team,
          function: b.function,
          managerId: b.managerId,
          keyPlayer: b.keyPlayer,
          invitedName: b.name,
        });
        // A single-use link bound to this email: it sets a password for a person new to Lockstep, or lets a
        // person who already uses it join once signed in. It is also offered in their workspace switcher.
        const { token } = await insertInvite(tx, { workspaceId: actor.workspaceId, email: b.email, role: b.role, team: b.team, function: b.function, createdBy: actor.memberId, expiresInDays: 7 });
        const view = await getMember(tx, actor.workspaceId, member.id);
        if (!view) throw notFound('Member');
        await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'member.added', entityType: 'member', entityId: member.id, after: presentMember(view) });
        return { member: presentMember(view), setupUrl: `${config.publicUrl}/invite/${token}` };
      });
      return reply.code(201).send(result);
    },
  );

  app.patch(
    '/members/:id',
    {
      schema: {
        tags,
        summary: "Change a member's role, team, function, manager, key-player flag or active state (admins; leaders may change the key-player flag alone).",
        params: IdParams,
        body: MemberUpdateInput,
        response: { 200: MemberView, 400: ErrorView, 403: ErrorView, 404: ErrorView },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      return db.transaction(async (tx) => {
        // One member change at a time per workspace: two admins demoting each other at once must not both
        // pass the "at least one admin" check (PostgreSQL reads each statement afresh).
        await lockForUpdate(tx, db.dialect, lockKey('members', actor.workspaceId));
        const all = await listMembers(tx, actor.workspaceId);
        const before = all.find((m) => m.id === req.params.id);
        if (!before) throw notFound('Member');
        const b = req.body;
        const onlyKeyPlayer = Object.keys(b).every((key) => key === 'keyPlayer');
        if (!canManageMembers(actor) && !(onlyKeyPlayer && canMarkKeyPlayers(actor))) {
          throw forbidden(canMarkKeyPlayers(actor) ? 'Leaders may mark key players; only admins change anything else about a member.' : 'Only admins change members.');
        }
        const next: MemberState = {
          id: before.id,
          role: b.role ?? before.role,
          active: (b.active ?? before.active === 1) && before.joined_at !== null,
          managerId: b.managerId === undefined ? before.manager_id : b.managerId,
        };
        const problem = memberChangeProblem(all.map(toState), next);
        if (problem) throw badRequest(problem);
        const patch: Record<string, string | number | null> = {};
        if (b.role !== undefined) patch.role = b.role;
        if (b.team !== undefined) patch.team = b.team;
        if (b.function !== undefined) patch.function = b.function;
        if (b.managerId !== undefined) patch.manager_id = b.managerId;
        if (b.keyPlayer !== undefined) patch.key_player = b.keyPlayer ? 1 : 0;
        if (b.active !== undefined) patch.active = b.active ? 1 : 0;
        if (Object.keys(patch).length === 0) return presentMember(before);
        await tx.updateTable('members').set({ ...patch, updated_at: nowIso() }).where('id', '=', before.id).where('workspace_id', '=', actor.workspaceId).execute();
        if (b.active === false) {
          // A deactivated member loses API tokens at once; browser sessions stop resolving to this workspace;
          // an invited one's open links stop working (a new invite brings them back).
          await tx.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('member_id', '=', before.id).where('revoked_at', 'is', null).execute();
          await closeOpenInvites(tx, actor.workspaceId, before.email, 'revoke');
          for (const hook of memberDeactivated) await hook(tx, { workspaceId: actor.workspaceId, memberId: before.id });
        }
        const after = await getMember(tx, actor.workspaceId, before.id);
        if (!after) throw notFound('Member');
        const beforeView = presentMember(before);
        const afterView = presentMember(after);
        const changed = Object.keys(b) as Array<keyof typeof beforeView>;
        await recordAudit(tx, {
          workspaceId: actor.workspaceId,
          actorMemberId: actor.memberId,
          action: 'member.changed',
          entityType: 'member',
          entityId: before.id,
          // Only what the request changed, before → after (a field sent with its old value is not a change).
          ...changedFields(
            Object.fromEntries(changed.map((key) => [key, beforeView[key]])),
            Object.fromEntries(changed.map((key) => [key, afterView[key]])),
          ),
        });
        return afterView;
      });
    },
  );
}
