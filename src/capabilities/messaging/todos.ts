// What a person owes messaging (SPEC S3, S2 "alignment to-dos"), through TodoProvider only: the reviews sales was
// asked for and has not given (on the piece's current version, while it is in review), and the pieces a reviewer
// sent back to their author with changes requested.
import type { Db } from '../../db/database.js';
import { memberName } from '../../db/member-name.js';
import type { Todo, TodoProvider } from '../../shared/contracts/todos.js';
import { clip } from '../../shared/clip.js';

const ROOM = 'messaging';
/** A review waiting longer than this holds up a piece: it comes first. */
export const REVIEW_OVERDUE_DAYS = 3;
const DAY_MS = 86_400_000;


export function messagingTodos(db: Db): TodoProvider {
  return {
    room: ROOM,
    async todos({ workspaceId, memberId, role, now }) {
      if (role === 'viewer') return [];
      const todos: Todo[] = [];
      const reviews = await db
        .selectFrom('piece_reviews')
        .innerJoin('pieces', (j) => j.onRef('pieces.id', '=', 'piece_reviews.piece_id').onRef('pieces.version', '=', 'piece_reviews.version'))
        .leftJoin('members', 'members.id', 'pieces.author_member_id')
        .leftJoin('users', 'users.id', 'members.user_id')
        .select(['piece_reviews.id', 'piece_reviews.requested_at', 'pieces.id as pieceId', 'pieces.title', 'pieces.score', memberName.as('author')])
        .where('piece_reviews.workspace_id', '=', workspaceId)
        .where('pieces.workspace_id', '=', workspaceId)
        .where('piece_reviews.reviewer_member_id', '=', memberId)
        .where('piece_reviews.decision', '=', 'pending')
        .where('pieces.status', '=', 'in_review')
        .orderBy('piece_reviews.requested_at')
        .orderBy('piece_reviews.id')
        .execute();
      for (const r of reviews) {
        const waiting = Math.floor((now.getTime() - Date.parse(r.requested_at)) / DAY_MS);
        todos.push({
          key: `${ROOM}:review:${r.id}`,
          room: ROOM,
          title: `Review “${r.title}”`,
          detail: `${r.author ?? 'Marketing'} asked for your sales review${waiting >= 1 ? ` ${waiting} ${waiting === 1 ? 'day' : 'days'} ago` : ' today'}${r.score !== null ? `; its pain score is ${r.score}` : ''}. Approve it or request changes, so it can be published.`,
          href: `/messaging/pieces/${r.pieceId}`,
          due: null,
          priority: waiting > REVIEW_OVERDUE_DAYS ? 'high' : 'normal',
        });
      }

      const sentBack = await db
        .selectFrom('pieces')
        .select(['id', 'title', 'version'])
        .where('workspace_id', '=', workspaceId)
        .where('author_member_id', '=', memberId)
        .where('status', '=', 'changes_requested')
        .orderBy('updated_at')
        .orderBy('id')
        .execute();
      if (sentBack.length > 0) {
        const asks = await db
          .selectFrom('piece_reviews')
          .leftJoin('members', 'members.id', 'piece_reviews.reviewer_member_id')
          .leftJoin('users', 'users.id', 'members.user_id')
          .select(['piece_reviews.piece_id', 'piece_reviews.version', 'piece_reviews.comment', 'piece_reviews.decided_at', memberName.as('reviewer')])
          .where('piece_reviews.workspace_id', '=', workspaceId)
          .where('piece_reviews.piece_id', 'in', sentBack.map((p) => p.id))
          .where('piece_reviews.decision', '=', 'changes_requested')
          .orderBy('piece_reviews.decided_at', 'desc')
          .execute();
        for (const p of sentBack) {
          const ask = asks.find((a) => a.piece_id === p.id && a.version === p.version) ?? asks.find((a) => a.piece_id === p.id);
          todos.push({
            key: `${ROOM}:revise:${p.id}`,
            room: ROOM,
            title: `Revise “${p.title}”`,
            detail: ask ? `${ask.reviewer ?? 'Sales'} requested changes${ask.comment ? `: “${clip(ask.comment, 140)}”` : '.'}` : 'Sales requested changes.',
            href: `/messaging/pieces/${p.id}`,
            due: null,
            priority: 'normal',
          });
        }
      }
      return todos;
    },
  };
}
