import type { ColumnType } from 'kysely';
import type { Team } from '../../shared/vocabulary.js';
export interface AuditLogTable {
  id: string;
  workspace_id: string;
  actor_member_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string;
  /** JSON of the state before the change, or null when created. */
  before: string | null;
  /** JSON of the state after the change, or null when deleted. */
  after: string | null;
  /** The team an admin or leadership leader acted for, when not a lead of it (SPEC S0); null otherwise. */
  on_behalf_of: ColumnType<Team | null, Team | null | undefined, Team | null>;
  at: string;
}
