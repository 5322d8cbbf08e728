// Request and response schemas of the pain analyzer over HTTP (SPEC S3): POST /messaging/analyze and
// POST /messaging/pains/suggest. Shared with the web client and with the pieces' views.
import { z } from 'zod';

/** The most text one analysis reads: a long piece is ~10,000 words, some 60 KB. */
export const ANALYZE_MAX_BYTES = 100 * 1024;

const AnalyzedText = z
  .string({ error: (iss) => (iss.input === undefined ? 'The text is missing: send the copy to analyse as "text".' : 'The text must be a string of copy to analyse.') })
  .refine((t) => t.trim().length > 0, { message: 'The text is empty: paste the copy to analyse.' })
  .refine((t) => Buffer.byteLength(t, 'utf8') <= ANALYZE_MAX_BYTES, {
    message: `The text is over 100 KB; analyse a piece of at most ${ANALYZE_MAX_BYTES.toLocaleString('en-US')} bytes (about 15,000 words) at a time.`,
  })
  .describe('The copy to analyse: plain text or markdown, at most 100 KB');

export const AnalyzeInput = z.strictObject({ text: AnalyzedText });

export const SuggestInput = z.strictObject({
  text: AnalyzedText.describe("The buyer's words the rep is typing"),
  limit: z.number().int().min(1).max(10).default(5).describe('How many pains to suggest, 1–10 (5 by default)'),
});

export const PainMatchView = z.object({
  painId: z.string(),
  similarity: z.number().describe('0–1: how close the text is to the pain, through its statement, synonyms and evidence quotes'),
  matchedOn: z.array(z.string()).describe("The text's words the pain matched on, the weightiest first"),
  viaQuotes: z.number().int().describe('How many evidence quotes of the pain contributed'),
});

export const AnalysisView = z.object({
  score: z.number().int().describe('0–100: the sum of the parts'),
  band: z.enum(['pain_based', 'mixed', 'feature_led']).describe('pain_based at or above the threshold, mixed up to 25 points below, feature_led further below'),
  threshold: z.number().int().describe("The workspace's pain threshold"),
  parts: z
    .array(
      z.object({
        key: z.enum(['problem', 'buyer_focus', 'feature_hype', 'evidence_match']),
        label: z.string(),
        points: z.number().int(),
        max: z.number().int(),
        explanation: z.string().describe('How the points came about, with the numbers'),
      }),
    )
    .describe('Buyer-problem language (35), buyer focus (20), feature and hype language (20), match to evidence-backed pains (25)'),
  matchedPains: z.array(PainMatchView).describe('The pains the text addresses, the most similar first (at most 5)'),
  flagged: z
    .array(
      z.object({
        index: z.number().int().describe('The sentence, counted from 0 in `sentences`'),
        start: z.number().int().describe('Character offset into the text'),
        end: z.number().int(),
        text: z.string(),
        kind: z.enum(['feature', 'hype', 'self_focus']),
        hint: z.string().describe('What to write instead'),
      }),
    )
    .describe('Sentences that read as feature-speak, hype or talk about the seller'),
  sentences: z.array(z.object({ start: z.number().int(), end: z.number().int(), text: z.string() })).describe('The sentences as the analysis and comment anchors count them'),
  words: z.number().int(),
});

export const SuggestView = z.object({
  matches: z.array(
    PainMatchView.extend({
      statement: z.string(),
      evidenceCount: z.number().int().describe('Evidence entries linked to the pain'),
      sampleQuote: z.string().nullable().describe("A buyer's words from its evidence, the closest to the text"),
    }),
  ),
});
