// How the Shadowing room's audit entries read: "Lee Lead opened the shadow program FY2027 Q1", "… generated the
// pairs of FY2027 Q1: 12 pairs, 1 not placed", "… proposed 12 March 2026 for Mia Marketer's shadow day with Sam
// Seller", "… wrote the reflection on …".
import type { Db } from '../../db/database.js';
import { spokenDate } from '../../shared/calendar/index.js';
import { fieldsOf, changedWords, type AuditDescriber } from '../../shared/contracts/audit.js';
import { membersById } from './store.js';

export function shadowingAuditDescriber(db: Db): AuditDescriber {
  return {
    room: 'shadowing',
    kinds: { shadow_program: 'Shadow program', shadow_participant: 'Shadow participant', shadow_pair: 'Shadow day', shadow_affinity: 'Shadow affinity table' },
    async names(workspaceId, facts) {
      const names = new Map<string, string>();
      const programIds = [...new Set(facts.filter((f) => f.entityType === 'shadow_program' || f.entityType === 'shadow_participant').map((f) => f.entityId.split(':')[0]!))];
      if (programIds.length > 0) {
        for (const r of await db.selectFrom('shadow_programs').select(['id', 'quarter_label']).where('workspace_id', '=', workspaceId).where('id', 'in', programIds).execute()) names.set(r.id, r.quarter_label);
      }
      const pairIds = [...new Set(facts.filter((f) => f.entityType === 'shadow_pair').map((f) => f.entityId))];
      const pairs = pairIds.length > 0 ? await db.selectFrom('shadow_pairs').select(['id', 'guest_id', 'host_id']).where('workspace_id', '=', workspaceId).where('id', 'in', pairIds).execute() : [];
      const memberIds = [...pairs.flatMap((p) => [p.guest_id, p.host_id]), ...facts.filter((f) => f.entityType === 'shadow_participant').map((f) => f.entityId.split(':')[1] ?? '')];
      const people = await membersById(db, workspaceId, memberIds.filter(Boolean));
      for (const p of pairs) names.set(p.id, `${people.get(p.guest_id)?.name ?? 'a member'}'s shadow day with ${people.get(p.host_id)?.name ?? 'a member'}`);
      for (const f of facts.filter((x) => x.entityType === 'shadow_participant')) {
        const [programId, memberId] = f.entityId.split(':');
        names.set(f.entityId, `${people.get(memberId ?? '')?.name ?? 'a member'} in ${names.get(programId ?? '') ?? 'a shadow program'}`);
      }
      return names;
    },
    describe(f, name) {
      const after = fieldsOf(f.after);
      const the = name(f.entityId);
      const day = the ?? 'a shadow day';
      const date = (v: unknown) => (typeof v === 'string' ? spokenDate(v) : 'no date');
      switch (f.action) {
        case 'shadow_program.created':
          return `${f.actor} opened the shadow program ${the ?? String(after.quarter ?? '')}`.trimEnd();
        case 'shadow_program.generated':
          return `${f.actor} generated the pairs of ${the ?? 'a shadow program'}: ${String(after.pairs ?? 0)} pairs, ${String(after.unplaced ?? 0)} not placed`;
        case 'shadow_program.swapped':
          return `${f.actor} swapped the hosts of two pairs in ${the ?? 'a shadow program'}`;
        case 'shadow_participant.changed':
          return `${f.actor} changed the ${changedWords(f.before, f.after).replace('opted out', 'opt-out')} of ${the ?? 'a shadow participant'}`;
        case 'shadow_pair.pinned':
          return `${f.actor} pinned ${day}`;
        case 'shadow_pair.unpinned':
          return `${f.actor} unpinned ${day}`;
        case 'shadow_pair.date_proposed':
          return `${f.actor} proposed ${date(after.date)} for ${day}`;
        case 'shadow_pair.date_accepted':
          return `${f.actor} accepted ${date(after.date)} for ${day}`;
        case 'shadow_pair.date_declined':
          return `${f.actor} declined the proposed date for ${day}`;
        case 'shadow_reflection.written':
          return `${f.actor} wrote the reflection on ${day}`;
        case 'shadow_reflection.changed':
          return `${f.actor} rewrote the reflection on ${day}`;
        case 'shadow_affinity.changed':
          return `${f.actor} changed the shadow-day affinity table (${String(after.rules ?? 0)} rules)`;
        default:
          return null;
      }
    },
  };
}
