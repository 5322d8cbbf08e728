// What a person owes the wins room (SPEC S5 "a member confirms them with one click"; S2 alignment to-dos), through
// TodoProvider only: the open proposals that suggest crediting them; a proposal that suggests nobody goes to the
// workspace's leaders and admins.
import type { Db } from '../../db/database.js';
import type { Todo, TodoProvider } from '../../shared/contracts/todos.js';
import { idList } from './store.js';

const ROOM = 'wins';
/** A proposal waiting longer than this is stale news: it comes first. */
export const PROPOSAL_WAITING_DAYS = 7;
const DAY_MS = 86_400_000;

export function winsTodos(db: Db): TodoProvider {
  return {
    room: ROOM,
    async todos({ workspaceId, memberId, role, now }) {
      if (role === 'viewer') return [];
      const open = await db
        .selectFrom('win_proposals')
        .select(['id', 'title', 'credited_member_ids', 'created_at', 'deal_count'])
        .where('workspace_id', '=', workspaceId)
        .where('status', '=', 'open')
        .orderBy('created_at')
        .orderBy('id')
        .limit(500)
        .execute();
      if (open.length === 0) return [];
      const active = new Set((await db.selectFrom('members').select('id').where('workspace_id', '=', workspaceId).where('active', '=', 1).execute()).map((m) => m.id));
      const lead = role === 'admin' || role === 'leader';
      const todos: Todo[] = [];
      for (const p of open) {
        const suggested = idList(p.credited_member_ids).filter((id) => active.has(id));
        const mine = suggested.includes(memberId);
        if (!mine && !(suggested.length === 0 && lead)) continue;
        const waiting = Math.floor((now.getTime() - Date.parse(p.created_at)) / DAY_MS);
        todos.push({
          key: `${ROOM}:proposal:${p.id}`,
          room: ROOM,
          title: `Confirm the win “${p.title}”`,
          detail: mine
            ? `Lockstep proposed it and suggests crediting you${suggested.length > 1 ? ` and ${suggested.length - 1} ${suggested.length === 2 ? 'other' : 'others'}` : ''}. Confirm it to post it to the feed, or dismiss it.`
            : 'Lockstep proposed it and found nobody to credit: confirm it with the people who made it happen, or dismiss it.',
          href: '/wins',
          due: null,
          priority: waiting > PROPOSAL_WAITING_DAYS ? 'high' : 'normal',
        });
      }
      return todos;
    },
  };
}
