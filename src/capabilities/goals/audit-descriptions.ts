// How the goals room's audit entries read (issue 10): KPIs and their values, the catalog, top threes, publications.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../db/schema/index.js';
import { changedWords, fieldsOf, quoted, type AuditDescriber } from '../../shared/contracts/audit.js';

const TEAM: Record<string, string> = { sales: 'Sales', marketing: 'Marketing', leadership: 'Leadership' };

export function goalsAuditDescriber(db: Kysely<DatabaseSchema>): AuditDescriber {
  return {
    room: 'goals',
    kinds: { kpi: 'KPI', kpi_kind: 'KPI kind', team: 'Top three', publication: 'Publication' },
    async names(workspaceId, facts) {
      const ids = (type: string) => [...new Set(facts.filter((f) => f.entityType === type).map((f) => f.entityId))];
      const names = new Map<string, string>();
      const kpis = ids('kpi');
      if (kpis.length > 0) {
        const rows = await db.selectFrom('kpis').select(['id', 'name']).where('workspace_id', '=', workspaceId).where('id', 'in', kpis).execute();
        for (const r of rows) names.set(r.id, r.name);
      }
      const publications = ids('publication');
      if (publications.length > 0) {
        const rows = await db.selectFrom('publications').select(['id', 'team']).where('workspace_id', '=', workspaceId).where('id', 'in', publications).execute();
        for (const r of rows) names.set(r.id, TEAM[r.team] ?? r.team);
      }
      return names;
    },
    describe(f, name) {
      const after = fieldsOf(f.after);
      const before = fieldsOf(f.before);
      const kpi = quoted(name(f.entityId) ?? (after.name as string | undefined) ?? (before.name as string | undefined), 'a KPI');
      switch (f.action) {
        case 'kpi.created':
          return `${f.actor} created the KPI ${kpi}`;
        case 'kpi.changed':
          return `${f.actor} changed the ${changedWords(before, after)} of ${kpi}`;
        case 'kpi.archived':
          return `${f.actor} archived the KPI ${kpi}`;
        case 'kpi.values_recorded':
          return `${f.actor} recorded ${typeof after.count === 'number' && after.count !== 1 ? `${after.count} values` : 'a value'} of ${kpi}`;
        case 'kpi.share_proposed':
          return `${f.actor} proposed sharing ${kpi}`;
        case 'kpi.share_accepted':
          return `${f.actor} accepted sharing ${kpi}`;
        case 'kpi.unshared':
          return `${f.actor} stopped sharing ${kpi}`;
        case 'kpi_kind.created':
          return `${f.actor} added the KPI kind ${quoted(after.name as string | undefined, 'without a name')} to the catalog`;
        case 'top_three.set':
          return `${f.actor} set the ${TEAM[f.entityId] ?? f.entityId} top three${Array.isArray(f.after) && f.after.length > 0 ? `: ${f.after.join(', ')}` : ''}`;
        case 'publication.published':
          return `${f.actor} published the ${name(f.entityId) ?? ''} top three${typeof after.number === 'number' ? ` (#${after.number})` : ''}`.replace('  ', ' ');
        default:
          return null;
      }
    },
  };
}
