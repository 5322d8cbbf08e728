// Request and response schemas of the coverage view (issue 12): the pain × piece heat map, the messaging gap and
// the off-message list. Shared with the web client.
import { z } from 'zod';

const between = (max: number) => `must be a whole number from 1 to ${max}`;
const count = (max: number, fallback: number, what: string) =>
  z.coerce
    .number({ message: between(max) })
    .int({ message: between(max) })
    .min(1, { message: between(max) })
    .max(max, { message: between(max) })
    .default(fallback)
    .describe(`${what}: 1 to ${max}; ${fallback} when left out.`);

export const CoverageQuery = z.strictObject({
  view: z
    .enum(['published', 'in_progress'])
    .default('published')
    .describe('The heat map\'s columns: the published pieces (what buyers see today) or the pieces being written and reviewed (what is coming). The gap and the off-message list are always of published pieces.'),
  pains: count(200, 30, 'How many pains (rows) the heat map shows, heaviest evidence first'),
  pieces: count(200, 40, 'How many pieces (columns) the heat map shows, those covering the most pains first'),
});

const PieceStatus = z.enum(['draft', 'in_review', 'approved', 'changes_requested', 'published', 'archived']);
const PieceRef = z.object({ id: z.string(), title: z.string(), status: PieceStatus, similarity: z.number().describe('0–1, what the current version matched') });

export const CoveragePainView = z.object({
  id: z.string(),
  statement: z.string(),
  persona: z.string(),
  segment: z.string(),
  severity: z.number().int(),
  weight: z.number().describe('Σ ½^(age in days ÷ half-life) over its evidence: an entry from today weighs 1, one a half-life old ½ (one decimal)'),
  evidenceCount: z.number().int(),
  recentCount: z.number().int().describe('Evidence entries in the last 90 days'),
  lastHeard: z.string().nullable().describe('The date of its latest evidence'),
  coveredBy: z.array(PieceRef).describe('Published pieces whose current version covers it, best first'),
  inProgress: z.array(PieceRef).describe('Pieces being written or reviewed that would cover it'),
});

export const CoveragePieceView = z.object({
  id: z.string(),
  title: z.string(),
  channel: z.string(),
  status: PieceStatus,
  score: z.number().nullable(),
  band: z.string().nullable(),
  publishedAt: z.string().nullable(),
  painsCovered: z.number().int().describe('Active pains it covers (similarity at or above coversAt)'),
});

export const OffMessageView = CoveragePieceView.extend({
  closest: z
    .object({ painId: z.string(), statement: z.string(), similarity: z.number() })
    .nullable()
    .describe('Its best match to an active pain, below coversAt; null when it matched none'),
});

export const CoverageView = z.object({
  asOf: z.string().describe("Today in the workspace's time zone: the date evidence ages from"),
  halfLifeDays: z.number().int().describe('An evidence entry weighs half as much every this many days'),
  coversAt: z.number().describe("A piece covers a pain when its current version matched it at or above this similarity"),
  view: z.enum(['published', 'in_progress']),
  summary: z.object({
    activePains: z.number().int(),
    painsWithEvidence: z.number().int(),
    coveredPains: z.number().int().describe('Active pains at least one published piece covers'),
    coveredWeightShare: z.number().nullable().describe('The share of the evidence weight on active pains that published pieces cover; null without evidence'),
    publishedPieces: z.number().int(),
    inProgressPieces: z.number().int(),
  }),
  pains: z.array(CoveragePainView).describe('The heat map\'s rows: active pains, heaviest evidence first'),
  painsTotal: z.number().int(),
  pieces: z.array(CoveragePieceView).describe("The heat map's columns, those covering the most pains first"),
  piecesTotal: z.number().int(),
  cells: z.array(z.object({ painId: z.string(), pieceId: z.string(), similarity: z.number(), covers: z.boolean() })).describe('The matches between the rows and columns shown'),
  gap: z.array(CoveragePainView).describe('The messaging gap: active pains with evidence that no published piece covers, heaviest first (at most 25)'),
  gapTotal: z.number().int(),
  offMessage: z.array(OffMessageView).describe('Published pieces that cover no active pain, latest published first (at most 50)'),
  offMessageTotal: z.number().int(),
});
