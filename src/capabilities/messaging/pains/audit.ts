// How the pain library's and the evidence's audit entries read (issue 12): "Sam Seller added the pain 'Inbound
// leads go cold…'", "Dana Lead retired the pain …", "Sam Seller logged evidence from Acme for 'Inbound leads…'".
// COVERAGE wires this into the room's auditDescribers.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../../db/schema/index.js';
import { changedWords, fieldsOf, quoted, type AuditDescriber } from '../../../shared/contracts/audit.js';

const short = (s: string) => (s.length > 80 ? `${s.slice(0, 77)}…` : s);

export function painsAuditDescriber(db: Kysely<DatabaseSchema>): AuditDescriber {
  return {
    room: 'messaging-pains',
    kinds: { pain: 'Pain', evidence: 'Sales evidence' },
    async names(workspaceId, facts) {
      const names = new Map<string, string>();
      const painIds = new Set<string>();
      for (const f of facts) {
        if (f.entityType === 'pain') painIds.add(f.entityId);
        for (const side of [fieldsOf(f.before), fieldsOf(f.after)]) if (typeof side.painId === 'string') painIds.add(side.painId);
      }
      if (painIds.size > 0) {
        const rows = await db.selectFrom('pains').select(['id', 'statement']).where('workspace_id', '=', workspaceId).where('id', 'in', [...painIds]).execute();
        for (const r of rows) names.set(r.id, short(r.statement));
      }
      const evidenceIds = [...new Set(facts.filter((f) => f.entityType === 'evidence').map((f) => f.entityId))];
      if (evidenceIds.length > 0) {
        const rows = await db.selectFrom('evidence').select(['id', 'account']).where('workspace_id', '=', workspaceId).where('id', 'in', evidenceIds).execute();
        for (const r of rows) names.set(r.id, r.account);
      }
      return names;
    },
    describe(f, name) {
      const after = fieldsOf(f.after);
      const before = fieldsOf(f.before);
      const named = name(f.entityId) ?? (typeof after.statement === 'string' ? short(after.statement) : null);
      const pain = named ? `the pain ${quoted(named, '')}` : 'a pain';
      const painOf = (v: unknown) => (typeof v === 'string' ? quoted(name(v), 'a removed pain') : null);
      const account = typeof after.account === 'string' ? after.account : typeof before.account === 'string' ? before.account : name(f.entityId);
      const from = account ? ` from ${account}` : '';
      switch (f.action) {
        case 'pain.created':
          return `${f.actor} added ${pain}`;
        case 'pain.changed':
          return `${f.actor} changed the ${changedWords(f.before, f.after)} of ${pain}`;
        case 'pain.retired':
          return `${f.actor} retired ${pain}`;
        case 'pain.reactivated':
          return `${f.actor} brought back ${pain}`;
        case 'evidence.created': {
          const of = painOf(after.painId);
          return `${f.actor} logged ${String(after.outcome ?? '')} evidence${from}${of ? ` for the pain ${of}` : ''}`.replace('logged  evidence', 'logged evidence');
        }
        case 'evidence.changed': {
          if ('painId' in after) {
            const of = painOf(after.painId);
            return `${f.actor} ${of ? `tied the evidence${from} to the pain ${of}` : `took the evidence${from} off its pain`}`;
          }
          return `${f.actor} changed the ${changedWords(f.before, f.after)} of the evidence${from}`;
        }
        case 'evidence.imported': {
          const n = typeof after.entries === 'number' ? after.entries : 0;
          return `${f.actor} imported ${n} evidence ${n === 1 ? 'entry' : 'entries'} from a CSV`;
        }
        case 'evidence.deleted':
          return `${f.actor} deleted the evidence${from}`;
        default:
          return null;
      }
    },
  };
}
