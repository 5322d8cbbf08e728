// How pieces, their analysis, reviews and comments are answered (SPEC S3; issue 12). Never a raw row.
import type { z } from 'zod';
import type { Analysis } from '../analyzer/index.js';
import type { GateAnswer } from './domain/publishing-gate.js';
import type { PieceAnalysisView, PieceSummaryView, PieceView } from './schemas.js';
import type { CommentRow, PainFacts, PieceRow, ReviewRow } from './store.js';

type Band = z.infer<typeof PieceSummaryView>['band'];

const person = (id: string | null, name: string | null) => (id ? { id, name: name ?? 'A former member' } : null);

export function presentPieceSummary(r: PieceRow): z.infer<typeof PieceSummaryView> {
  return {
    id: r.id,
    title: r.title,
    channel: r.channel,
    status: r.status,
    version: r.version,
    score: r.score,
    band: (r.band as Band) ?? null,
    author: person(r.author_member_id, r.author_name),
    updatedAt: r.updated_at,
    publishedAt: r.published_at,
    overridden: r.override_at !== null,
    pendingReviews: r.pending_reviews,
  };
}

/** The analysis with each matched pain's statement, evidence count and newest quote; a pain no longer in the workspace is left out. */
export function presentAnalysis(a: Analysis, facts: Map<string, PainFacts>): z.infer<typeof PieceAnalysisView> {
  return {
    score: a.score,
    band: a.band,
    threshold: a.threshold,
    parts: a.parts.map((p) => ({ key: p.key, label: p.label, points: p.points, max: p.max, explanation: p.explanation })),
    matchedPains: a.matchedPains.flatMap((m) => {
      const f = facts.get(m.painId);
      return f ? [{ painId: m.painId, statement: f.statement, similarity: m.similarity, matchedOn: m.matchedOn, viaQuotes: m.viaQuotes, evidenceCount: f.evidenceCount, sampleQuote: f.sampleQuote }] : [];
    }),
    flagged: a.flagged.map((f) => ({ index: f.index, start: f.start, end: f.end, text: f.text, kind: f.kind, hint: f.hint })),
    sentences: a.sentences.map((s) => ({ start: s.start, end: s.end, text: s.text })),
    words: a.words,
  };
}

export const presentReview = (r: ReviewRow) => ({
  id: r.id,
  reviewer: { id: r.reviewer_member_id, name: r.reviewer_name },
  version: r.version,
  decision: r.decision,
  comment: r.comment,
  requestedAt: r.requested_at,
  decidedAt: r.decided_at,
});

export const presentComment = (c: CommentRow) => ({
  id: c.id,
  author: person(c.member_id, c.member_name),
  version: c.version,
  sentenceIndex: c.sentence_index,
  sentenceText: c.sentence_text,
  body: c.body,
  reviewId: c.review_id,
  createdAt: c.created_at,
});

export function presentPiece(
  r: PieceRow,
  extra: { threshold: number; gate: GateAnswer; analysis: z.infer<typeof PieceAnalysisView>; reviews: ReviewRow[]; comments: CommentRow[]; citedBySales: z.infer<typeof PieceView>['citedBySales']; can: z.infer<typeof PieceView>['can'] },
): z.infer<typeof PieceView> {
  return {
    ...presentPieceSummary(r),
    body: r.body,
    createdAt: r.created_at,
    analyzedAt: r.analyzed_at,
    publishedBy: person(r.published_by, r.published_by_name),
    override: r.override_reason && r.override_at ? { reason: r.override_reason, by: person(r.override_by, r.override_by_name), at: r.override_at } : null,
    threshold: extra.threshold,
    gate: extra.gate,
    analysis: extra.analysis,
    reviews: extra.reviews.map(presentReview),
    comments: extra.comments.map(presentComment),
    citedBySales: extra.citedBySales,
    can: extra.can,
  };
}
