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
  at: string;
}
