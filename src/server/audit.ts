// The audit log (SPEC S0): who changed what, when, before → after. Every capability calls this inside
// the same transaction as the change, so a change and its record land together or not at all.
import type { Db } from '../db/database.js';
import type { Team } from '../shared/vocabulary.js';
import { newId, nowIso } from './ids.js';

export interface AuditEntry {
  workspaceId: string;
  actorMemberId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  /** The team an admin or leadership leader acted for without leading it ("… for Sales", SPEC S0). */
  onBehalfOf?: Team | null;
}

export async function recordAudit(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      workspace_id: e.workspaceId,
      actor_member_id: e.actorMemberId,
      action: e.action,
      entity_type: e.entityType,
      entity_id: e.entityId,
      before: e.before === undefined || e.before === null ? null : JSON.stringify(e.before),
      after: e.after === undefined || e.after === null ? null : JSON.stringify(e.after),
      on_behalf_of: e.onBehalfOf ?? null,
      at: nowIso(),
    })
    .execute();
}
