// In-app notifications. Later capabilities also put Slack/Teams/email copies in the outbox.
import type { Db } from '../db/database.js';
import { newId, nowIso } from './ids.js';

export interface NotificationInput {
  kind: string;
  title: string;
  body: string;
  link?: string | null;
}

/** Notifies every active member of the workspace (except `exceptMemberId`, usually the actor). */
export async function notifyWorkspace(
  db: Db,
  workspaceId: string,
  n: NotificationInput,
  exceptMemberId?: string | null,
): Promise<number> {
  const members = await db
    .selectFrom('members')
    .select('id')
    .where('workspace_id', '=', workspaceId)
    .where('active', '=', 1)
    .execute();
  const at = nowIso();
  const rows = members
    .filter((m) => m.id !== exceptMemberId)
    .map((m) => ({
      id: newId(),
      workspace_id: workspaceId,
      member_id: m.id,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link ?? null,
      created_at: at,
      read_at: null,
    }));
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
  return rows.length;
}

export async function notifyMember(db: Db, workspaceId: string, memberId: string, n: NotificationInput): Promise<void> {
  await db
    .insertInto('notifications')
    .values({
      id: newId(),
      workspace_id: workspaceId,
      member_id: memberId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      link: n.link ?? null,
      created_at: nowIso(),
      read_at: null,
    })
    .execute();
}
