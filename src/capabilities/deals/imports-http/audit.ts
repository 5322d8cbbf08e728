// How deal imports read in the audit log (issue 11, decision 029): uploads, column mappings, commits and cancels,
// column presets and remembered owner mappings, each as a sentence that names the file, the preset or the member.
import type { Kysely } from 'kysely';
import type { DatabaseSchema } from '../../../db/schema/index.js';
import { memberName } from '../../../db/member-name.js';
import { fieldsOf, quoted, type AuditDescriber } from '../../../shared/contracts/audit.js';

const count = (n: unknown, one: string, many: string) => (typeof n === 'number' ? `${n.toLocaleString('en-US')} ${n === 1 ? one : many}` : many);

export function importAuditDescriber(db: Kysely<DatabaseSchema>): AuditDescriber {
  return {
    room: 'deal-imports',
    kinds: { deal_import: 'Deal import', deal_column_preset: 'Column preset', deal_owner_mapping: 'Deal owner mapping' },
    async names(workspaceId, facts) {
      const names = new Map<string, string>();
      const imports = [...new Set(facts.filter((f) => f.entityType === 'deal_import').map((f) => f.entityId))];
      if (imports.length > 0) {
        const rows = await db.selectFrom('deal_imports').select(['id', 'filename']).where('workspace_id', '=', workspaceId).where('id', 'in', imports).execute();
        for (const r of rows) names.set(r.id, r.filename);
      }
      const members = [
        ...new Set(
          facts
            .filter((f) => f.entityType === 'deal_owner_mapping')
            .flatMap((f) => [fieldsOf(f.after).memberId, fieldsOf(f.before).memberId])
            .filter((id): id is string => typeof id === 'string'),
        ),
      ];
      if (members.length > 0) {
        const rows = await db
          .selectFrom('members')
          .innerJoin('users', 'users.id', 'members.user_id')
          .select(['members.id', memberName.as('name')])
          .where('members.workspace_id', '=', workspaceId)
          .where('members.id', 'in', members)
          .execute();
        for (const r of rows) names.set(r.id, r.name);
      }
      return names;
    },
    describe(f, name) {
      const after = fieldsOf(f.after);
      const before = fieldsOf(f.before);
      const file = quoted(name(f.entityId) ?? (after.filename as string | undefined) ?? (before.filename as string | undefined), 'a deal export');
      switch (f.action) {
        case 'deal_import.uploaded':
          return `${f.actor} uploaded the deal export ${file}`;
        case 'deal_import.mapped':
          return `${f.actor} mapped the columns of ${file}`;
        case 'deal_import.committed':
          return after.mode === 'valid_rows' && typeof after.rowsInvalid === 'number' && after.rowsInvalid > 0
            ? `${f.actor} imported the ${count(after.rowsValid, 'valid row', 'valid rows')} of ${file}, skipping ${count(after.rowsInvalid, 'row', 'rows')} with errors`
            : `${f.actor} imported ${count(after.rowsValid, 'row', 'rows')} of ${file}`;
        case 'deal_import.cancelled':
          return `${f.actor} cancelled the import of ${file}`;
        case 'deal_column_preset.created':
          return `${f.actor} saved the column preset ${quoted(after.name as string | undefined, 'without a name')}`;
        case 'deal_column_preset.deleted':
          return `${f.actor} deleted the column preset ${quoted(before.name as string | undefined, 'without a name')}`;
        case 'deal_owner_mapping.set': {
          const member = typeof after.memberId === 'string' ? name(after.memberId) : null;
          return `${f.actor} mapped the deal owner ${quoted(f.entityId, 'without a name')} to ${member ?? 'a member no longer in the workspace'}`;
        }
        case 'deal_owner_mapping.removed':
          return `${f.actor} forgot the mapping of the deal owner ${quoted(f.entityId, 'without a name')}`;
        default:
          return null;
      }
    },
  };
}
