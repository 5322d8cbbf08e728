// How the audit entries of marketing pieces read (issue 12 "Audit-log approvals, overrides and publications"):
// "Sam Seller approved version 3 of 'Stop losing inbound leads'", "Lee Leader published 'Q3 launch email' past the
// gate: 'Launch date is fixed by the partner'". COVERAGE wires this describer into the messaging room.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../../db/schema/index.js';
import { fieldsOf, quoted, type AuditDescriber } from '../../../shared/contracts/audit.js';

const ofVersion = (v: unknown) => (typeof v === 'number' ? `version ${v} of ` : '');
const list = (xs: unknown): string => {
  const names = Array.isArray(xs) ? xs.filter((x): x is string => typeof x === 'string') : [];
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)!}`;
};

export function piecesAuditDescriber(db: Kysely<DatabaseSchema>): AuditDescriber {
  return {
    room: 'messaging-pieces',
    kinds: { piece: 'Marketing piece' },
    async names(workspaceId, facts) {
      const ids = [...new Set(facts.filter((f) => f.entityType === 'piece').map((f) => f.entityId))];
      const names = new Map<string, string>();
      if (ids.length === 0) return names;
      const rows = await db.selectFrom('pieces').select(['id', 'title']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
      for (const r of rows) names.set(r.id, r.title);
      return names;
    },
    describe(f, name) {
      if (f.entityType !== 'piece') return null;
      const after = fieldsOf(f.after);
      const before = fieldsOf(f.before);
      const piece = quoted(name(f.entityId) ?? (after.title as string | undefined) ?? (before.title as string | undefined), 'a piece');
      const score = typeof after.score === 'number' ? ` (pain score ${after.score}${typeof after.threshold === 'number' ? `, threshold ${after.threshold}` : ''})` : '';
      switch (f.action) {
        case 'piece.created':
          return `${f.actor} wrote the piece ${piece}${score}`;
        case 'piece.edited':
          return after.version !== before.version ? `${f.actor} saved version ${String(after.version)} of ${piece}${score}${before.status !== after.status ? ', which goes back to review' : ''}` : `${f.actor} changed the details of ${piece}`;
        case 'piece.review_requested':
          return `${f.actor} asked ${list(after.reviewers) || 'sales'} to review ${ofVersion(after.version)}${piece}`;
        case 'piece.approved':
          return `${f.actor} approved ${ofVersion(after.version)}${piece}${typeof after.comment === 'string' && after.comment ? `: '${after.comment}'` : ''}`;
        case 'piece.changes_requested':
          return `${f.actor} asked for changes to ${ofVersion(after.version)}${piece}${typeof after.comment === 'string' && after.comment ? `: '${after.comment}'` : ''}`;
        case 'piece.published':
          return `${f.actor} published ${ofVersion(after.version)}${piece}${score}${list(after.approvedBy) ? `, approved by ${list(after.approvedBy)}` : ''}`;
        case 'piece.published_past_gate':
          return `${f.actor} published ${ofVersion(after.version)}${piece} past the gate${score}: '${String(after.reason ?? '')}'`;
        case 'piece.archived':
          return `${f.actor} archived ${piece}`;
        default:
          return null;
      }
    },
  };
}
