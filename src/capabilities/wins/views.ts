// Reading wins as the API shows them: a page with one query per part, and one win with its comments.
import type { Db } from '../../db/database.js';
import type { Actor } from '../../server/auth.js';
import { notFound } from '../../server/errors.js';
import { WIN_LIMITS } from './domain/limits.js';
import { presentComment, presentWin } from './presenters.js';
import { getWin, listComments, winExtras, type WinRow } from './store.js';

export async function presentWins(db: Db, actor: Actor, rows: readonly WinRow[]) {
  const extras = await winExtras(db, actor.workspaceId, rows);
  return rows.map((r) => presentWin(r, extras, actor));
}

export async function winView(db: Db, actor: Actor, id: string) {
  const row = await getWin(db, actor.workspaceId, id);
  if (!row) throw notFound('Win');
  const [view] = await presentWins(db, actor, [row]);
  return view!;
}

export async function winDetail(db: Db, actor: Actor, id: string) {
  const view = await winView(db, actor, id);
  const comments = await listComments(db, actor.workspaceId, id, WIN_LIMITS.commentsShown);
  return { ...view, comments: comments.map((c) => presentComment(c, actor)) };
}
