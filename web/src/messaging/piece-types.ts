// The pieces API's shapes (SPEC S3; issue 12), inferred from the server's Zod schemas. Type-only: no server code reaches the bundle.
import type { z } from 'zod';
import type {
  CommentView as CommentViewSchema,
  DecisionInput as DecisionInputSchema,
  PieceAnalysisView as PieceAnalysisViewSchema,
  PieceChannel as PieceChannelSchema,
  PieceCreateInput as PieceCreateInputSchema,
  PieceStatus as PieceStatusSchema,
  PieceSummaryView as PieceSummaryViewSchema,
  PieceUpdateInput as PieceUpdateInputSchema,
  PieceView as PieceViewSchema,
  PainBand as PainBandSchema,
  ReviewerView as ReviewerViewSchema,
} from '../../../src/capabilities/messaging/pieces/schemas.js';

export type PieceChannel = z.infer<typeof PieceChannelSchema>;
export type PieceStatus = z.infer<typeof PieceStatusSchema>;
export type PainBand = z.infer<typeof PainBandSchema>;
export type PieceSummaryView = z.infer<typeof PieceSummaryViewSchema>;
export type PieceView = z.infer<typeof PieceViewSchema>;
export type PieceAnalysisView = z.infer<typeof PieceAnalysisViewSchema>;
export type CommentView = z.infer<typeof CommentViewSchema>;
export type ReviewerView = z.infer<typeof ReviewerViewSchema>;
export type PieceCreateInput = z.input<typeof PieceCreateInputSchema>;
export type PieceUpdateInput = z.input<typeof PieceUpdateInputSchema>;
export type DecisionInput = z.input<typeof DecisionInputSchema>;
