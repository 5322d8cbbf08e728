// Pain-based messaging (SPEC S3, issue 12): the pains buyers have in their own words, the evidence sales hears,
// marketing pieces with their sales review, and what each piece version matched. Money in cents (bigint on
// PostgreSQL), dates 'YYYY-MM-DD', timestamps ISO.

export type PainStatus = 'active' | 'retired';
export type EvidenceOutcome = 'won' | 'lost' | 'open';
export type PieceChannel = 'blog' | 'email' | 'landing_page' | 'ad' | 'one_pager' | 'case_study' | 'webinar' | 'social' | 'deck';
export type PieceStatus = 'draft' | 'in_review' | 'approved' | 'changes_requested' | 'published' | 'archived';
export type ReviewDecision = 'pending' | 'approved' | 'changes_requested';

export interface PainsTable {
  id: string;
  workspace_id: string;
  /** In the buyer's words: "Inbound leads go cold before anyone calls them". */
  statement: string;
  persona: string;
  segment: string;
  /** 1–5. */
  severity: number;
  emotion: string;
  /** JSON string[]: other ways buyers say it. */
  synonyms: string;
  status: PainStatus;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
}

export interface EvidenceTable {
  id: string;
  workspace_id: string;
  /** The pain the rep confirmed; null while none is confirmed (the suggestion is not stored as a choice). */
  pain_id: string | null;
  /** The sales member who heard it. */
  member_id: string | null;
  date: string;
  account: string;
  deal_id: string | null;
  /** The CRM id the rep typed when the deal is not imported (yet). */
  deal_external_id: string | null;
  amount: number | null;
  outcome: EvidenceOutcome;
  /** The buyer's own words. */
  quote: string;
  notes: string | null;
  /** The published marketing piece that helped (decision 056); null when none is named or it was deleted. Optional, so rows written
   * before it (the demo's) need not name it; a read always has it (null or an id). */
  piece_id?: string | null;
  created_at: string;
  updated_at: string;
}

export interface PiecesTable {
  id: string;
  workspace_id: string;
  title: string;
  channel: PieceChannel;
  /** Markdown. */
  body: string;
  author_member_id: string | null;
  /** Who saved the current version (wrote it or last changed its text): they cannot also be the one who approves it. */
  saved_by: string | null;
  status: PieceStatus;
  /** Counts edits of title or body: an approval is for one version; editing an approved piece returns it to review. */
  version: number;
  /** The analysis of the current version, stored at save (0–100) with its band; null before the first analysis. */
  score: number | null;
  band: string | null;
  analyzed_at: string | null;
  published_at: string | null;
  published_by: string | null;
  /** A leader's written reason for publishing past the gate (logged, and shown on the piece). */
  override_reason: string | null;
  override_by: string | null;
  override_at: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface PieceReviewsTable {
  id: string;
  workspace_id: string;
  piece_id: string;
  /** The sales member asked to review. */
  reviewer_member_id: string;
  requested_by: string | null;
  requested_at: string;
  /** The piece version this review is for. */
  version: number;
  decision: ReviewDecision;
  /** The reviewer's overall comment with the decision. */
  comment: string | null;
  decided_at: string | null;
}

export interface PieceCommentsTable {
  id: string;
  workspace_id: string;
  piece_id: string;
  review_id: string | null;
  member_id: string | null;
  version: number;
  /** The sentence the comment is anchored to: its index in the version's sentences and its text then. */
  sentence_index: number | null;
  sentence_text: string | null;
  body: string;
  created_at: string;
}

/** What a piece version matched, stored at save so coverage reads rows instead of analysing every piece. */
export interface PiecePainMatchesTable {
  workspace_id: string;
  piece_id: string;
  pain_id: string;
  version: number;
  /** 0–1 similarity. */
  similarity: number;
}
