// Request and response schemas for marketing pieces, their sales review and the publishing gate (SPEC S3; issue 12).
// Shared with the web client.
import { z } from 'zod';
import { PageQuery, pageOf, SearchText } from '../../../shared/page.js';
import { ANALYZE_MAX_BYTES, AnalysisView, PainMatchView } from '../analyzer/schemas.js';
import { PieceCitationsView } from '../pains/schemas.js';
import { PIECE_STATUSES } from './domain/piece-status.js';

export const PIECE_CHANNELS = ['blog', 'email', 'landing_page', 'ad', 'one_pager', 'case_study', 'webinar', 'social', 'deck'] as const;
export const PieceChannel = z.enum(PIECE_CHANNELS).describe('Where the piece runs: blog · email · landing page · ad · one-pager · case study · webinar · social · deck');
export const PieceStatus = z.enum(PIECE_STATUSES).describe('draft → in_review → approved | changes_requested → published → archived');
export const PainBand = z.enum(['pain_based', 'mixed', 'feature_led']).describe('pain_based: at or above the workspace threshold; mixed; feature_led');

export const TITLE_MAX = 200;
/** The body's limit in UTF-8 bytes (100 KB): the most one analysis reads. */
export const BODY_MAX_BYTES = ANALYZE_MAX_BYTES;
export const OVERRIDE_REASON_MIN = 10;

const kb = (bytes: number) => `${Math.ceil(bytes / 1024).toLocaleString('en-US')} KB`;

const IdParam = z.string().min(1).max(100);
export const PieceIdParams = z.strictObject({ id: IdParam });

const Title = z
  .string()
  .trim()
  .min(1, { message: 'The title is empty: give the piece a title.' })
  .max(TITLE_MAX, { error: (iss) => `The title can be at most ${TITLE_MAX} characters; it has ${String(iss.input).trim().length.toLocaleString('en-US')}.` });
const Body = z
  .string()
  .refine((s) => s.trim().length > 0, { message: 'The body is empty: write the piece before saving it.' })
  .refine((s) => Buffer.byteLength(s, 'utf8') <= BODY_MAX_BYTES, { error: (iss) => `The body can be at most 100 KB; it has ${kb(Buffer.byteLength(String(iss.input), 'utf8'))}.` })
  .describe('Markdown, at most 100 KB');

export const PieceCreateInput = z.strictObject({
  title: Title,
  channel: PieceChannel,
  body: Body,
  authorMemberId: IdParam.optional().describe('The author: an active member of this workspace; you when left out'),
});

export const PieceUpdateInput = z
  .strictObject({
    title: Title.optional(),
    channel: PieceChannel.optional(),
    body: Body.optional(),
    authorMemberId: IdParam.optional(),
    baseVersion: z.number().int().min(1).optional().describe('The version the editor started from: when someone saved a newer one meanwhile, the save is refused (409) instead of overwriting it'),
  })
  .refine((b) => b.title !== undefined || b.channel !== undefined || b.body !== undefined || b.authorMemberId !== undefined, { message: 'Nothing to change: send a title, channel, body or author.' });

export const PieceListQuery = PageQuery.extend({
  status: PieceStatus.optional(),
  channel: PieceChannel.optional(),
  author: IdParam.optional().describe("Only this member's pieces"),
  q: SearchText.optional().describe('Text anywhere in the title'),
});

export const ReviewRequestInput = z
  .strictObject({
    reviewerIds: z.array(IdParam).max(20).default([]).describe('Sales members of this workspace, by member id'),
    reviewerEmails: z.array(z.string().trim().max(320)).max(20).default([]).describe('Sales members of this workspace, by email'),
  })
  .refine((b) => b.reviewerIds.length + b.reviewerEmails.length > 0, { message: 'Choose at least one sales member to review the piece.' });

export const SentenceComment = z.strictObject({
  sentenceIndex: z.number().int().min(0).nullable().default(null).describe('The sentence the comment is about, as the analysis numbers them (0 first); null for the whole piece'),
  body: z.string().trim().min(1, { message: 'The comment is empty.' }).max(2000),
});

export const CommentInput = SentenceComment.extend({
  version: z.number().int().min(1).describe('The version the comment was written on (its sentences are that version\'s)'),
});

export const DecisionInput = z.strictObject({
  decision: z.enum(['approved', 'changes_requested']),
  version: z.number().int().min(1).describe('The version the reviewer read: a newer one saved meanwhile refuses the decision (409)'),
  comment: z.string().trim().max(2000).optional().describe('The overall comment with the decision'),
  comments: z.array(SentenceComment).max(50).default([]).describe('Comments anchored to sentences'),
});

export const PublishInput = z.strictObject({
  version: z.number().int().min(1).optional().describe('The version the publisher read: a newer one saved meanwhile refuses the publication (409)'),
  overrideReason: z
    .string()
    .trim()
    .min(OVERRIDE_REASON_MIN, { message: `The reason for publishing past the gate must say why in at least ${OVERRIDE_REASON_MIN} characters.` })
    .max(2000)
    .optional()
    .describe("A leader's written reason to publish although the gate is shut; logged and shown on the piece"),
});


const PersonRef = z.object({ id: z.string(), name: z.string() });

export const PieceSummaryView = z.object({
  id: z.string(),
  title: z.string(),
  channel: PieceChannel,
  status: PieceStatus,
  version: z.number().int(),
  score: z.number().int().nullable(),
  band: PainBand.nullable(),
  author: PersonRef.nullable(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  overridden: z.boolean().describe('Published past the gate by a leader'),
  pendingReviews: z.number().int().describe('Reviews of the current version nobody has decided yet'),
});
export const PiecesPageView = pageOf(PieceSummaryView);

export const MatchedPainView = PainMatchView.extend({
  statement: z.string(),
  evidenceCount: z.number().int().describe('Evidence entries linked to the pain'),
  sampleQuote: z.string().nullable().describe('The newest buyer quote logged for the pain'),
});

/** The analyzer's answer (POST /messaging/analyze) with what the editor shows of each matched pain. */
export const PieceAnalysisView = AnalysisView.extend({ matchedPains: z.array(MatchedPainView).describe('The pains the text addresses, the most similar first') });

export const ReviewView = z.object({
  id: z.string(),
  reviewer: PersonRef,
  version: z.number().int(),
  decision: z.enum(['pending', 'approved', 'changes_requested']),
  comment: z.string().nullable(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
});

export const CommentView = z.object({
  id: z.string(),
  author: PersonRef.nullable(),
  version: z.number().int(),
  sentenceIndex: z.number().int().nullable(),
  sentenceText: z.string().nullable(),
  body: z.string(),
  reviewId: z.string().nullable(),
  createdAt: z.string(),
});

export const GateView = z.object({
  open: z.boolean(),
  reasons: z.array(z.string()).describe('Why publishing is refused, in words; empty when the gate is open'),
  approvedBy: z.array(z.string()),
});

export const PieceView = PieceSummaryView.extend({
  body: z.string(),
  createdAt: z.string(),
  analyzedAt: z.string().nullable(),
  publishedBy: PersonRef.nullable(),
  override: z.object({ reason: z.string(), by: PersonRef.nullable(), at: z.string() }).nullable().describe("A leader's reason for publishing past the gate"),
  threshold: z.number().int(),
  gate: GateView,
  analysis: PieceAnalysisView.describe('The analysis of the current version'),
  reviews: z.array(ReviewView).describe('Every review, newest version first'),
  comments: z.array(CommentView).describe('Every comment, oldest first'),
  citedBySales: PieceCitationsView.describe('The evidence that names this piece as the one that helped (decision 056): how often, and the latest entries'),
  can: z
    .object({ edit: z.boolean(), requestReview: z.boolean(), decide: z.boolean(), publish: z.boolean().describe('You publish it once the gate is open'), override: z.boolean().describe('You may publish it past the gate with a reason'), archive: z.boolean(), comment: z.boolean() })
    .describe('What you may do with it now'),
});

export const ReviewerView = z.object({ id: z.string(), name: z.string(), email: z.string(), function: z.string() });
export const ReviewersView = pageOf(ReviewerView);
export const ReviewersQuery = PageQuery.extend({ q: SearchText.optional().describe('Text anywhere in the name or email') });
