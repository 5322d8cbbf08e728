// Data access for pains and evidence (SPEC S3, issue 12). Every query is scoped by the actor's workspace id.
import { sql, type Selectable } from 'kysely';
import type { Db } from '../../../db/database.js';
import { lockKey } from '../../../db/locks.js';
import { memberName } from '../../../db/member-name.js';
import { containsText } from '../../../db/search.js';
import type { EvidenceTable, PainsTable, PieceStatus } from '../../../db/schema/messaging.js';
import { paginate, type Page } from '../../../server/pagination.js';
import type { PageQuery } from '../../../shared/page.js';
import { localDateOf } from '../../../shared/calendar/index.js';
import type { EvidenceFact, Outcome } from './domain.js';

/**
 * The lock every write of a workspace's pains takes first (docs/decisions/015-lock-order.md): two pains with one
 * statement are refused under it, and two edits of one pain apply one after the other.
 */
export const painsLock = (workspaceId: string): string => lockKey('messaging-pains', workspaceId);
/** The lock of one evidence entry: two edits (or an edit and a delete) run one after the other. */
export const evidenceLock = (evidenceId: string): string => lockKey('messaging-evidence', evidenceId);

export type PainRow = Selectable<PainsTable> & { created_by_name: string | null };

function painsQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('pains')
    .leftJoin('members', 'members.id', 'pains.created_by')
    .leftJoin('users', 'users.id', 'members.user_id')
    .selectAll('pains')
    .select(sql<string | null>`case when members.id is null then null else ${memberName} end`.as('created_by_name'))
    .where('pains.workspace_id', '=', workspaceId);
}

export async function getPain(db: Db, workspaceId: string, id: string): Promise<PainRow | undefined> {
  return (await painsQuery(db, workspaceId).where('pains.id', '=', id).executeTakeFirst()) as PainRow | undefined;
}

export interface PainFilter {
  status: 'active' | 'retired' | 'all';
  q?: string | undefined;
}

/** One page of pains: the most severe first, then by statement, the id breaking ties; with how many match. */
export async function pagePains(db: Db, workspaceId: string, filter: PainFilter, page: PageQuery): Promise<Page<PainRow> & { total: number }> {
  let q = painsQuery(db, workspaceId);
  let count = db.selectFrom('pains').select((eb) => eb.fn.countAll<number>().as('n')).where('pains.workspace_id', '=', workspaceId);
  if (filter.status !== 'all') {
    q = q.where('pains.status', '=', filter.status);
    count = count.where('pains.status', '=', filter.status);
  }
  if (filter.q) {
    const cols = [sql.ref<string>('pains.statement'), sql.ref<string>('pains.persona'), sql.ref<string>('pains.segment'), sql.ref<string>('pains.synonyms')];
    q = q.where(containsText(cols, filter.q));
    count = count.where(containsText(cols, filter.q));
  }
  const result = await paginate(q, page, {
    scope: ['messaging-pains', workspaceId, filter.status, filter.q ?? ''],
    order: [
      { by: sql.ref('pains.severity'), dir: 'desc', type: 'number' },
      { by: sql.ref('pains.statement'), dir: 'asc', type: 'string' },
      { by: sql.ref('pains.id'), dir: 'asc', type: 'string' },
    ],
    key: (r) => [r.severity, r.statement, r.id],
  });
  const { n } = await count.executeTakeFirstOrThrow();
  return { items: result.items as PainRow[], nextCursor: result.nextCursor, total: Number(n) };
}

/** An active pain of the workspace with this statement (compared trimmed and case-folded), other than `exceptId`. */
export async function activePainWithStatement(db: Db, workspaceId: string, statement: string, exceptId?: string): Promise<{ id: string; statement: string } | undefined> {
  let q = db
    .selectFrom('pains')
    .select(['id', 'statement'])
    .where('workspace_id', '=', workspaceId)
    .where('status', '=', 'active')
    .where(sql<boolean>`lower(statement) = ${statement.trim().toLowerCase()}`);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.executeTakeFirst();
}

/** The evidence of these pains as the figures read it, by pain id (the linked deal's CRM status and amount with it). */
export async function evidenceFactsFor(db: Db, workspaceId: string, painIds: readonly string[]): Promise<Map<string, EvidenceFact[]>> {
  const out = new Map<string, EvidenceFact[]>(painIds.map((id) => [id, []]));
  if (painIds.length === 0) return out;
  const rows = await db
    .selectFrom('evidence')
    .leftJoin('deals', (j) => j.onRef('deals.id', '=', 'evidence.deal_id').onRef('deals.workspace_id', '=', 'evidence.workspace_id'))
    .select(['evidence.pain_id', 'evidence.date', 'evidence.outcome', 'evidence.amount', 'evidence.deal_id', 'evidence.deal_external_id', 'deals.status as deal_status', 'deals.amount as deal_amount'])
    .where('evidence.workspace_id', '=', workspaceId)
    .where('evidence.pain_id', 'in', [...painIds])
    .execute();
  for (const r of rows) {
    out.get(r.pain_id!)?.push({
      date: r.date,
      outcome: r.outcome,
      amount: r.amount === null ? null : Number(r.amount),
      dealId: r.deal_id,
      dealExternalId: r.deal_external_id,
      dealStatus: (r.deal_status as Outcome | null) ?? null,
      dealAmount: r.deal_amount === null ? null : Number(r.deal_amount),
    });
  }
  return out;
}

/** Today in the workspace's time zone ('YYYY-MM-DD'). */
export async function workspaceToday(db: Db, workspaceId: string, now = new Date()): Promise<string> {
  const ws = await db.selectFrom('workspaces').select('time_zone').where('id', '=', workspaceId).executeTakeFirstOrThrow();
  return localDateOf(now, ws.time_zone);
}

export type EvidenceRow = Selectable<EvidenceTable> & {
  member_name: string | null;
  deal_name: string | null;
  deal_status: Outcome | null;
  deal_amount: number | null;
  pain_statement: string | null;
  pain_status: 'active' | 'retired' | null;
  piece_title: string | null;
  piece_status: PieceStatus | null;
};

function evidenceQuery(db: Db, workspaceId: string) {
  return db
    .selectFrom('evidence')
    .leftJoin('members', 'members.id', 'evidence.member_id')
    .leftJoin('users', 'users.id', 'members.user_id')
    .leftJoin('deals', (j) => j.onRef('deals.id', '=', 'evidence.deal_id').onRef('deals.workspace_id', '=', 'evidence.workspace_id'))
    .leftJoin('pains', (j) => j.onRef('pains.id', '=', 'evidence.pain_id').onRef('pains.workspace_id', '=', 'evidence.workspace_id'))
    .leftJoin('pieces', (j) => j.onRef('pieces.id', '=', 'evidence.piece_id').onRef('pieces.workspace_id', '=', 'evidence.workspace_id'))
    .selectAll('evidence')
    .select([
      sql<string | null>`case when members.id is null then null else ${memberName} end`.as('member_name'),
      'deals.name as deal_name',
      'deals.status as deal_status',
      'deals.amount as deal_amount',
      'pains.statement as pain_statement',
      'pains.status as pain_status',
      'pieces.title as piece_title',
      'pieces.status as piece_status',
    ])
    .where('evidence.workspace_id', '=', workspaceId);
}

export async function getEvidence(db: Db, workspaceId: string, id: string): Promise<EvidenceRow | undefined> {
  return (await evidenceQuery(db, workspaceId).where('evidence.id', '=', id).executeTakeFirst()) as EvidenceRow | undefined;
}

export interface EvidenceFilter {
  painId?: string | undefined;
  pieceId?: string | undefined;
  outcome?: Outcome | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** One page of evidence: the most recent day first; within a day the latest logged first, the id breaking ties. */
export async function pageEvidence(db: Db, workspaceId: string, filter: EvidenceFilter, page: PageQuery): Promise<Page<EvidenceRow>> {
  let q = evidenceQuery(db, workspaceId);
  if (filter.painId) q = q.where('evidence.pain_id', '=', filter.painId);
  if (filter.pieceId) q = q.where('evidence.piece_id', '=', filter.pieceId);
  if (filter.outcome) q = q.where('evidence.outcome', '=', filter.outcome);
  if (filter.from) q = q.where('evidence.date', '>=', filter.from);
  if (filter.to) q = q.where('evidence.date', '<=', filter.to);
  const result = await paginate(q, page, {
    scope: ['messaging-evidence', workspaceId, filter.painId ?? '', filter.pieceId ?? '', filter.outcome ?? '', filter.from ?? '', filter.to ?? ''],
    order: [
      { by: sql.ref('evidence.date'), dir: 'desc', type: 'string' },
      { by: sql.ref('evidence.created_at'), dir: 'desc', type: 'string' },
      { by: sql.ref('evidence.id'), dir: 'desc', type: 'string' },
    ],
    key: (r) => [r.date, r.created_at, r.id],
  });
  return { items: result.items as EvidenceRow[], nextCursor: result.nextCursor };
}

/** A deal of the workspace by its id, or by its CRM id. */
export async function findDeal(db: Db, workspaceId: string, by: { id: string } | { externalId: string }) {
  let q = db.selectFrom('deals').select(['id', 'external_id', 'name', 'status', 'amount']).where('workspace_id', '=', workspaceId);
  q = 'id' in by ? q.where('id', '=', by.id) : q.where('external_id', '=', by.externalId);
  return q.executeTakeFirst();
}

/** The sentence every refusal of a cited piece says: the same for an unknown id, another workspace's, or one not published. */
export const NOT_CITABLE = 'Only a published piece of this workspace can be cited: pick one from the published pieces, or leave it empty.';

/** A published piece of this workspace, by id (or, for a CSV, by its exact title, any case); undefined when there is none. */
export async function citablePiece(db: Db, workspaceId: string, by: { id: string } | { idOrTitle: string }): Promise<{ id: string; title: string } | undefined> {
  const base = db.selectFrom('pieces').select(['id', 'title']).where('workspace_id', '=', workspaceId).where('status', '=', 'published');
  if ('id' in by) return base.where('id', '=', by.id).executeTakeFirst();
  const byId = await base.where('id', '=', by.idOrTitle).executeTakeFirst();
  if (byId) return byId;
  return base.where(sql<boolean>`lower(title) = ${by.idOrTitle.trim().toLowerCase()}`).orderBy('published_at', 'desc').orderBy('id').executeTakeFirst();
}

/** How often sales cited a piece, and the latest citations (the most recent day first). */
export async function pieceCitations(db: Db, workspaceId: string, pieceId: string, latest: number): Promise<{ count: number; latest: EvidenceRow[] }> {
  const { n } = await db.selectFrom('evidence').select((eb) => eb.fn.countAll<number>().as('n')).where('workspace_id', '=', workspaceId).where('piece_id', '=', pieceId).executeTakeFirstOrThrow();
  const rows = await evidenceQuery(db, workspaceId)
    .where('evidence.piece_id', '=', pieceId)
    .orderBy('evidence.date', 'desc')
    .orderBy('evidence.created_at', 'desc')
    .orderBy('evidence.id', 'desc')
    .limit(latest)
    .execute();
  return { count: Number(n), latest: rows as EvidenceRow[] };
}
