// How the workspaces room's audit entries read (issue 10): the workspace, its people, invites and API tokens.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema/index.js';
import { memberName } from '../../db/member-name.js';
import { changedWords, fieldsOf, quoted, type AuditDescriber } from '../../shared/contracts/audit.js';

const teamWords = (team: unknown): string => (team === 'leadership' ? 'the leadership team' : typeof team === 'string' ? `the ${team} team` : 'a team');

const article = (role: unknown): string => (role === 'admin' ? 'an admin' : `a ${String(role)}`);

/** A change of one thing about a member, said as people say it; null for several at once. */
function memberChange(person: string, before: Record<string, unknown>, after: Record<string, unknown>): string | null {
  const keys = Object.keys(after);
  if (keys.length !== 1) return null;
  switch (keys[0]) {
    case 'keyPlayer':
      return after.keyPlayer ? `made ${person} a key player` : `made ${person} no longer a key player`;
    case 'role':
      return `made ${person} ${article(after.role)} (was ${article(before.role)})`;
    case 'team':
      return `moved ${person} to ${teamWords(after.team)}`;
    case 'active':
      return after.active ? `reactivated ${person}` : `deactivated ${person}`;
    default:
      return null;
  }
}

export function workspacesAuditDescriber(db: Kysely<DatabaseSchema>): AuditDescriber {
  return {
    room: 'workspaces',
    kinds: { workspace: 'Workspace', member: 'Member', invite: 'Invite', api_token: 'API token' },
    async names(workspaceId, facts) {
      const ids = [...new Set(facts.filter((f) => f.entityType === 'member').map((f) => f.entityId))];
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('members')
        .leftJoin('users', 'users.id', 'members.user_id')
        .select(['members.id', memberName.as('name')])
        .where('members.workspace_id', '=', workspaceId)
        .where('members.id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    describe(f, name) {
      const after = fieldsOf(f.after);
      const before = fieldsOf(f.before);
      const person = name(f.entityId) ?? 'a former member';
      switch (f.action) {
        case 'workspace.created':
          return `${f.actor} created the workspace ${quoted(after.name as string, '')}`.trim();
        case 'workspace.exported':
          return `${f.actor} downloaded the whole workspace as a JSON export`;
        case 'workspace.imported':
          return `${f.actor} made this workspace from an export${typeof after.from === 'string' ? ` of ${after.from}` : ''}`;
        case 'webhook_secret.created':
          return `${f.actor} made a webhook signing secret`;
        case 'webhook_secret.rotated':
          return `${f.actor} rotated the webhook signing secret`;
        case 'webhook_secret.removed':
          return `${f.actor} removed the webhook signing secret`;
        case 'workspace.settings_changed':
          return `${f.actor} changed the workspace's ${changedWords(f.before, f.after)}`;
        case 'member.added':
          return `${f.actor} added ${person} to the workspace`;
        case 'member.changed':
          return `${f.actor} ${memberChange(person, before, after) ?? `changed ${person}'s ${changedWords(f.before, f.after)}`}`;
        case 'member.joined':
          return `${person} joined the workspace`;
        case 'member.declined':
          return `${person} declined the invitation to the workspace`;
        case 'invite.created':
          return `${f.actor} invited ${typeof after.email === 'string' ? after.email : 'someone by link'} to join ${teamWords(after.team)} as ${article(after.role ?? 'member')}`;
        case 'invite.revoked':
          return `${f.actor} revoked an invitation`;
        case 'invite.accepted':
          return `${person} accepted an invitation to ${teamWords(after.team)}`;
        case 'api_token.created':
          return `${f.actor} created the API token ${quoted(after.name as string, 'without a name')}`;
        case 'api_token.revoked':
          return `${f.actor} revoked the API token ${quoted(before.name as string, 'without a name')}`;
        default:
          return null;
      }
    },
  };
}
