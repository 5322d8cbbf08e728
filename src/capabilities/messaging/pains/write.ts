// Creating a pain, shared by the pain library and the evidence form ("new pain" in the same request).
import type { Tx } from '../../../db/database.js';
import { recordAudit } from '../../../server/audit.js';
import type { Actor } from '../../../server/auth.js';
import { conflict } from '../../../server/errors.js';
import { newId, nowIso } from '../../../server/ids.js';
import { cleanSynonyms, painAuditShape } from './presenters.js';
import type { PainInput } from './schemas.js';
import { activePainWithStatement } from './store.js';

export const duplicatePain = (statement: string) => conflict(`An active pain already says "${statement}": log the evidence against it, or word this one differently.`);

/** Inserts the pain with its audit entry; the caller holds painsLock and has checked the actor's role. */
export async function insertPain(tx: Tx, actor: Actor, input: PainInput): Promise<string> {
  const same = await activePainWithStatement(tx, actor.workspaceId, input.statement);
  if (same) throw duplicatePain(same.statement);
  const id = newId();
  const at = nowIso();
  const synonyms = cleanSynonyms(input.synonyms, input.statement);
  await tx
    .insertInto('pains')
    .values({
      id,
      workspace_id: actor.workspaceId,
      statement: input.statement,
      persona: input.persona,
      segment: input.segment,
      severity: input.severity,
      emotion: input.emotion,
      synonyms: JSON.stringify(synonyms),
      status: 'active',
      created_by: actor.memberId,
      created_at: at,
      updated_at: at,
      retired_at: null,
    })
    .execute();
  await recordAudit(tx, { workspaceId: actor.workspaceId, actorMemberId: actor.memberId, action: 'pain.created', entityType: 'pain', entityId: id, after: painAuditShape({ ...input, synonyms }) });
  return id;
}
