// Writing a win (SPEC S5, issue 13): one way for a win posted by hand and one confirmed from a proposal — the row,
// the people credited with their team at that moment (which decides collaborative), the deals it stands for, the
// audit entry and the announcement to the workspace's channels, all in the caller's transaction.
import type { Tx } from '../../db/database.js';
import type { WinSourceKind } from '../../db/schema/wins.js';
import { recordAudit } from '../../server/audit.js';
import type { Actor } from '../../server/auth.js';
import { newId, nowIso } from '../../server/ids.js';
import { announce } from '../../server/outbound/announce.js';
import type { WinKind } from '../../shared/contracts/win-candidates.js';
import { collaborationOf } from './domain/collaboration.js';
import { KIND_WORDS, winAnnouncement } from './domain/announcement.js';
import type { Person } from './store.js';

export interface NewWin {
  kind: WinKind;
  title: string;
  story: string;
  wonOn: string;
  credited: readonly Person[];
  source?: { kind: WinSourceKind; id: string | null; label: string; href: string | null } | null;
  dealIds?: readonly string[];
}

/** The fields of a win an audit entry records. */
export const winAuditShape = (w: { kind: WinKind; title: string; story: string; wonOn: string; creditedMemberIds: readonly string[] }) => ({
  kind: w.kind,
  title: w.title,
  story: w.story,
  wonOn: w.wonOn,
  creditedMemberIds: [...w.creditedMemberIds],
});

/** The credits and the flags the feed filters on, as stored. */
export function creditColumns(credited: readonly Person[]) {
  const c = collaborationOf(credited.map((p) => p.team));
  return { collaborative: c.collaborative ? 1 : 0, has_sales: c.teams.includes('sales') ? 1 : 0, has_marketing: c.teams.includes('marketing') ? 1 : 0 };
}

export async function writeCredits(tx: Tx, workspaceId: string, winId: string, credited: readonly Person[]): Promise<void> {
  await tx.deleteFrom('win_credits').where('workspace_id', '=', workspaceId).where('win_id', '=', winId).execute();
  if (credited.length === 0) return;
  await tx
    .insertInto('win_credits')
    .values(credited.map((p, position) => ({ win_id: winId, workspace_id: workspaceId, member_id: p.memberId, team: p.team, position })))
    .execute();
}

/** Inserts the win and announces it; returns its id. `audit` names the action ('win.posted' or the confirm's). */
export async function insertWin(tx: Tx, actor: Actor, publicUrl: string, win: NewWin, audit: { action: string } = { action: 'win.posted' }): Promise<string> {
  const id = newId();
  const at = nowIso();
  const flags = creditColumns(win.credited);
  await tx
    .insertInto('wins')
    .values({
      id,
      workspace_id: actor.workspaceId,
      kind: win.kind,
      title: win.title,
      story: win.story,
      won_on: win.wonOn,
      ...flags,
      posted_by: actor.memberId,
      source_kind: win.source?.kind ?? null,
      source_id: win.source?.id ?? null,
      source_label: win.source?.label ?? null,
      source_href: win.source?.href ?? null,
      celebrated_at: null,
      celebrated_meeting_id: null,
      celebrated_by: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await writeCredits(tx, actor.workspaceId, id, win.credited);
  const dealIds = [...new Set(win.dealIds ?? [])];
  if (dealIds.length > 0) {
    // Only deals still in this workspace (a proposal's deal may have been removed since).
    const present = await tx.selectFrom('deals').select('id').where('workspace_id', '=', actor.workspaceId).where('id', 'in', dealIds).execute();
    if (present.length > 0) await tx.insertInto('win_deals').values(present.map((d) => ({ win_id: id, workspace_id: actor.workspaceId, deal_id: d.id }))).execute();
  }
  await recordAudit(tx, {
    workspaceId: actor.workspaceId,
    actorMemberId: actor.memberId,
    action: audit.action,
    entityType: 'win',
    entityId: id,
    after: winAuditShape({ ...win, creditedMemberIds: win.credited.map((p) => p.memberId) }),
  });
  await announceWin(tx, publicUrl, actor.workspaceId, id, win);
  return id;
}

/** Tells the workspace's channels subscribed to wins (issue 13: "posting or confirming a win"); once per win. */
export async function announceWin(tx: Tx, publicUrl: string, workspaceId: string, id: string, win: Pick<NewWin, 'kind' | 'title' | 'story' | 'wonOn' | 'credited'>): Promise<number> {
  return announce(tx, { publicUrl }, workspaceId, { kind: 'wins', key: `win:${id}`, ...winAnnouncement({ id, ...win }) });
}

export { KIND_WORDS };
