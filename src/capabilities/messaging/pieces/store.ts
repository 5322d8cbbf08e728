// Data access for marketing pieces, their reviews and comments (SPEC S3; issue 12). Every query is scoped by the
// actor's workspace id, so another workspace's id reads as unknown (404, decision 004).
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../../db/database.js';
import { lockKey } from '../../../db/locks.js';
import { containsText } from '../../../db/search.js';
import type { PieceChannel, PieceCommentsTable, PieceReviewsTable, PiecesTable, PieceStatus } from '../../../db/schema/messaging.js';
import { newestFirst, paginate, type Page } from '../../../server/pagination.js';
import type { PageQuery } from '../../../shared/page.js';

export type PieceRow = Selectable<PiecesTable> & { author_name: string | null; published_by_name: string | null; override_by_name: string | null; pending_reviews: number };
export type ReviewRow = Selectable<PieceReviewsTable> & { reviewer_name: string };
export type CommentRow = Selectable<PieceCommentsTable> & { member_name: string | null };

/** The lock every write to one piece takes first (decision 015): edits, review requests, decisions and publications run one after another. */
export const pieceLock = (pieceId: string): string => lockKey('messaging-piece', pieceId);

/** A member's name as the workspace shows it: their account's name, or the name they were invited under. */
const memberName = (alias: string) => sql<string | null>`coalesce(${sql.ref(`${alias}_user.name`)}, ${sql.ref(`${alias}.invited_name`)})`;

function piecesQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('pieces')
    .leftJoin('members as author', 'author.id', 'pieces.author_member_id')
    .leftJoin('users as author_user', 'author_user.id', 'author.user_id')
    .leftJoin('members as publisher', 'publisher.id', 'pieces.published_by')
    .leftJoin('users as publisher_user', 'publisher_user.id', 'publisher.user_id')
    .leftJoin('members as overrider', 'overrider.id', 'pieces.override_by')
    .leftJoin('users as overrider_user', 'overrider_user.id', 'overrider.user_id')
    .selectAll('pieces')
    .select([
      memberName('author').as('author_name'),
      memberName('publisher').as('published_by_name'),
      memberName('overrider').as('override_by_name'),
      (eb) =>
        eb
          .selectFrom('piece_reviews')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('piece_reviews.piece_id', '=', 'pieces.id')
          .whereRef('piece_reviews.version', '=', 'pieces.version')
          .where('piece_reviews.decision', '=', 'pending')
          .as('pending_reviews'),
    ])
    .where('pieces.workspace_id', '=', workspaceId);
}

const normalised = (r: PieceRow | undefined): PieceRow | undefined => (r ? { ...r, pending_reviews: Number(r.pending_reviews ?? 0), score: r.score === null ? null : Number(r.score), version: Number(r.version) } : r);

export interface PieceFilter {
  status?: PieceStatus | undefined;
  channel?: PieceChannel | undefined;
  author?: string | undefined;
  q?: string | undefined;
}

/** One page of pieces, the most recently changed first, the id breaking ties. */
export async function pagePieces(db: Db, workspaceId: string, filter: PieceFilter, page: PageQuery): Promise<Page<PieceRow>> {
  let q = piecesQuery(db, workspaceId);
  if (filter.status) q = q.where('pieces.status', '=', filter.status);
  if (filter.channel) q = q.where('pieces.channel', '=', filter.channel);
  if (filter.author) q = q.where('pieces.author_member_id', '=', filter.author);
  if (filter.q) q = q.where(containsText([sql.ref('pieces.title')], filter.q));
  const result = await paginate(q, page, {
    scope: ['pieces', workspaceId, filter.status ?? null, filter.channel ?? null, filter.author ?? null, filter.q ?? null],
    order: newestFirst('pieces.updated_at', 'pieces.id'),
    key: (r) => [r.updated_at, r.id],
  });
  return { items: result.items.map((r) => normalised(r as PieceRow)!), nextCursor: result.nextCursor };
}

export async function getPiece(db: Db, workspaceId: string, id: string): Promise<PieceRow | undefined> {
  return normalised((await piecesQuery(db, workspaceId).where('pieces.id', '=', id).executeTakeFirst()) as PieceRow | undefined);
}

export async function listReviews(db: Db, workspaceId: string, pieceId: string): Promise<ReviewRow[]> {
  const rows = await db
    .selectFrom('piece_reviews')
    .innerJoin('members as reviewer', 'reviewer.id', 'piece_reviews.reviewer_member_id')
    .leftJoin('users as reviewer_user', 'reviewer_user.id', 'reviewer.user_id')
    .selectAll('piece_reviews')
    .select(memberName('reviewer').as('reviewer_name'))
    .where('piece_reviews.workspace_id', '=', workspaceId)
    .where('piece_reviews.piece_id', '=', pieceId)
    .orderBy('piece_reviews.version', 'desc')
    .orderBy('piece_reviews.requested_at')
    .orderBy('piece_reviews.id')
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version), reviewer_name: r.reviewer_name ?? 'A former member' }));
}

export async function listComments(db: Db, workspaceId: string, pieceId: string): Promise<CommentRow[]> {
  const rows = await db
    .selectFrom('piece_comments')
    .leftJoin('members as commenter', 'commenter.id', 'piece_comments.member_id')
    .leftJoin('users as commenter_user', 'commenter_user.id', 'commenter.user_id')
    .selectAll('piece_comments')
    .select(memberName('commenter').as('member_name'))
    .where('piece_comments.workspace_id', '=', workspaceId)
    .where('piece_comments.piece_id', '=', pieceId)
    .orderBy('piece_comments.created_at')
    .orderBy('piece_comments.id')
    .execute();
  return rows.map((r) => ({ ...r, version: Number(r.version), sentence_index: r.sentence_index === null ? null : Number(r.sentence_index) }));
}

export async function workspaceThreshold(db: Db, workspaceId: string): Promise<number> {
  const w = await db.selectFrom('workspaces').select('pain_threshold').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  return Number(w.pain_threshold);
}

export interface SalesMember {
  id: string;
  name: string;
  email: string;
  function: string;
}

function salesMembersQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.id as id', 'users.name as name', 'users.email as email', 'members.function as function'])
    .where('members.workspace_id', '=', workspaceId)
    .where('members.team', '=', 'sales')
    .where('members.role', '!=', 'viewer')
    .where('members.active', '=', 1)
    .where('members.joined_at', 'is not', null);
}

/** The sales members who can review (active, joined, not viewers), a page at a time by name; q searches name and email. */
export async function pageSalesReviewers(db: Db, workspaceId: string, q: string | undefined, page: PageQuery): Promise<Page<SalesMember>> {
  let query = salesMembersQuery(db, workspaceId);
  if (q) query = query.where(containsText([sql.ref('users.name'), sql.ref('users.email')], q));
  return paginate(query, page, {
    scope: ['piece-reviewers', workspaceId, q ?? null],
    order: [
      { by: sql.ref('users.name'), dir: 'asc', type: 'string' },
      { by: sql.ref('members.id'), dir: 'asc', type: 'string' },
    ],
    key: (m) => [m.name, m.id],
  });
}

/** Of these ids and emails, the sales members of this workspace who can review. */
export async function findSalesReviewers(db: Db, workspaceId: string, ids: readonly string[], emails: readonly string[]): Promise<SalesMember[]> {
  if (ids.length === 0 && emails.length === 0) return [];
  return salesMembersQuery(db, workspaceId)
    .where((eb) => eb.or([...(ids.length > 0 ? [eb('members.id', 'in', [...ids])] : []), ...(emails.length > 0 ? [eb('users.email', 'in', emails.map((e) => e.toLowerCase()))] : [])]))
    .execute();
}

/** An active member of this workspace (to be named a piece's author), or undefined. */
export async function activeMember(db: Db, workspaceId: string, memberId: string): Promise<{ id: string } | undefined> {
  return db.selectFrom('members').select('id').where('workspace_id', '=', workspaceId).where('id', '=', memberId).where('active', '=', 1).executeTakeFirst();
}

export interface PainFacts {
  statement: string;
  evidenceCount: number;
  sampleQuote: string | null;
}

/** For the matched pains: each one's statement, how much evidence it has and its newest quote (three queries for all of them). */
export async function painFacts(db: Db, workspaceId: string, painIds: readonly string[]): Promise<Map<string, PainFacts>> {
  const facts = new Map<string, PainFacts>();
  if (painIds.length === 0) return facts;
  const ids = [...new Set(painIds)];
  const pains = await db.selectFrom('pains').select(['id', 'statement']).where('workspace_id', '=', workspaceId).where('id', 'in', ids).execute();
  for (const p of pains) facts.set(p.id, { statement: p.statement, evidenceCount: 0, sampleQuote: null });
  const counts = await db
    .selectFrom('evidence')
    .select(['pain_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('workspace_id', '=', workspaceId)
    .where('pain_id', 'in', ids)
    .groupBy('pain_id')
    .execute();
  for (const c of counts) {
    const f = c.pain_id ? facts.get(c.pain_id) : undefined;
    if (f) f.evidenceCount = Number(c.n);
  }
  // The newest quote of each pain: one row per pain through a window, not every quote of every pain.
  const newest = await sql<{ pain_id: string; quote: string }>`
    select pain_id, quote from (
      select pain_id, quote, row_number() over (partition by pain_id order by date desc, created_at desc, id desc) as n
      from evidence where workspace_id = ${workspaceId} and pain_id in (${sql.join(ids)})
    ) ranked where n = 1`.execute(db);
  for (const q of newest.rows) {
    const f = facts.get(q.pain_id);
    if (f) f.sampleQuote = q.quote;
  }
  return facts;
}
