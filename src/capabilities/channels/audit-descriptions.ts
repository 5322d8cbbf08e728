// How the channels room's audit entries read: "Ada Admin added the Slack channel '#wins'".
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema/index.js';
import { changedWords, fieldsOf, quoted, type AuditDescriber } from '../../shared/contracts/audit.js';

const KIND_WORDS: Record<string, string> = { slack: 'Slack channel', teams: 'Microsoft Teams channel', email: 'email (SMTP) channel' };

export function channelsAuditDescriber(db: Kysely<DatabaseSchema>): AuditDescriber {
  return {
    room: 'channels',
    kinds: { channel: 'Channel' },
    async names(workspaceId, facts) {
      const ids = [...new Set(facts.filter((f) => f.entityType === 'channel').map((f) => f.entityId))];
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('channels').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    describe(f, name) {
      const after = fieldsOf(f.after);
      const before = fieldsOf(f.before);
      switch (f.action) {
        case 'channel.created':
          return `${f.actor} added the ${KIND_WORDS[String(after.kind)] ?? 'channel'} ${quoted(after.name as string, '')}`.trim();
        case 'channel.changed':
          return `${f.actor} changed the ${changedWords(before, after)} of the channel ${quoted(name(f.entityId) ?? (after.name as string), 'that was removed since')}`;
        case 'channel.deleted':
          return `${f.actor} removed the ${KIND_WORDS[String(before.kind)] ?? 'channel'} ${quoted(before.name as string, '')}`.trim();
        case 'channel.delivery_retried':
          return `${f.actor} sent ${quoted(after.summary as string, 'a message')} again through the channel ${quoted(name(f.entityId), 'that was removed since')}`;
        default:
          return null;
      }
    },
  };
}
