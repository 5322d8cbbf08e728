// Messaging rows written straight to the tables (tests of what is read from them — coverage, the room's contracts —
// not of the routes that write them): pains, evidence, pieces, their reviews and what each version matched. The
// caller tells the read cache (changedInDb) before it reads through HTTP.
import type { EvidenceOutcome, PieceStatus, ReviewDecision } from '../src/db/schema/messaging.js';
import { newId } from '../src/server/ids.js';
import type { TestApp } from './helpers/app.js';

const now = () => new Date().toISOString();

export async function insertPain(t: TestApp, workspaceId: string, p: { statement: string; status?: 'active' | 'retired'; severity?: number; createdAt?: string }): Promise<string> {
  const id = newId();
  const at = p.createdAt ?? now();
  await t.db.kysely
    .insertInto('pains')
    .values({
      id,
      workspace_id: workspaceId,
      statement: p.statement,
      persona: 'RevOps lead',
      segment: 'Mid-market',
      severity: p.severity ?? 3,
      emotion: 'frustrated',
      synonyms: '[]',
      status: p.status ?? 'active',
      created_by: null,
      created_at: at,
      updated_at: at,
      retired_at: p.status === 'retired' ? at : null,
    })
    .execute();
  return id;
}

export async function insertEvidence(
  t: TestApp,
  workspaceId: string,
  e: { painId: string | null; date: string; count?: number; quote?: string; memberId?: string | null; outcome?: EvidenceOutcome; createdAt?: string; account?: string },
): Promise<void> {
  const at = e.createdAt ?? now();
  const rows = Array.from({ length: e.count ?? 1 }, () => ({
    id: newId(),
    workspace_id: workspaceId,
    pain_id: e.painId,
    member_id: e.memberId ?? null,
    date: e.date,
    account: e.account ?? 'Blue Harbor Logistics',
    deal_id: null,
    deal_external_id: null,
    amount: 2_500_000,
    outcome: e.outcome ?? 'open',
    quote: e.quote ?? 'Our reps call back two days later.',
    notes: null,
    created_at: at,
    updated_at: at,
  }));
  await t.db.kysely.insertInto('evidence').values(rows).execute();
}

export async function insertPiece(
  t: TestApp,
  workspaceId: string,
  p: { title: string; status: PieceStatus; authorId?: string | null; version?: number; score?: number | null; publishedAt?: string | null; overrideReason?: string | null; updatedAt?: string },
): Promise<string> {
  const id = newId();
  const at = p.updatedAt ?? now();
  const published = p.status === 'published' || p.status === 'archived' ? (p.publishedAt ?? at) : null;
  await t.db.kysely
    .insertInto('pieces')
    .values({
      id,
      workspace_id: workspaceId,
      title: p.title,
      channel: 'blog',
      body: `${p.title}. Your reps stop losing inbound leads.`,
      author_member_id: p.authorId ?? null,
      status: p.status,
      version: p.version ?? 1,
      score: p.score === undefined ? 72 : p.score,
      band: p.score === null ? null : (p.score ?? 72) >= 60 ? 'pain_based' : 'feature_led',
      analyzed_at: at,
      published_at: published,
      published_by: null,
      override_reason: p.overrideReason ?? null,
      override_by: null,
      override_at: p.overrideReason ? published : null,
      archived_at: p.status === 'archived' ? at : null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

export async function insertMatch(t: TestApp, workspaceId: string, m: { pieceId: string; painId: string; similarity: number; version?: number }): Promise<void> {
  await t.db.kysely
    .insertInto('piece_pain_matches')
    .values({ workspace_id: workspaceId, piece_id: m.pieceId, pain_id: m.painId, version: m.version ?? 1, similarity: m.similarity })
    .execute();
}

export async function insertReview(
  t: TestApp,
  workspaceId: string,
  r: { pieceId: string; reviewerId: string; decision: ReviewDecision; version?: number; comment?: string | null; requestedAt?: string },
): Promise<string> {
  const id = newId();
  const at = r.requestedAt ?? now();
  await t.db.kysely
    .insertInto('piece_reviews')
    .values({
      id,
      workspace_id: workspaceId,
      piece_id: r.pieceId,
      reviewer_member_id: r.reviewerId,
      requested_by: null,
      requested_at: at,
      version: r.version ?? 1,
      decision: r.decision,
      comment: r.comment ?? null,
      decided_at: r.decision === 'pending' ? null : at,
    })
    .execute();
  return id;
}
