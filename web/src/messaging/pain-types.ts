// The pain library's and the evidence's API shapes (issue 12), inferred from the server's Zod schemas. Type-only.
import type { z } from 'zod';
import type {
  EvidenceInput as EvidenceInputSchema,
  EvidencePageView as EvidencePageViewSchema,
  EvidenceUpdateInput as EvidenceUpdateInputSchema,
  EvidenceView as EvidenceViewSchema,
  PainInput as PainInputSchema,
  PainsPageView as PainsPageViewSchema,
  PainUpdateInput as PainUpdateInputSchema,
  PainView as PainViewSchema,
  ReasonView as ReasonViewSchema,
  WhyView as WhyViewSchema,
} from '../../../src/capabilities/messaging/pains/schemas.js';
import type { SuggestView as SuggestViewSchema } from '../../../src/capabilities/messaging/analyzer/schemas.js';

export type PainView = z.infer<typeof PainViewSchema>;
export type PainsPageView = z.infer<typeof PainsPageViewSchema>;
export type PainInput = z.input<typeof PainInputSchema>;
export type PainUpdateInput = z.input<typeof PainUpdateInputSchema>;
export type EvidenceView = z.infer<typeof EvidenceViewSchema>;
export type EvidencePageView = z.infer<typeof EvidencePageViewSchema>;
export type EvidenceInput = z.input<typeof EvidenceInputSchema>;
export type EvidenceUpdateInput = z.input<typeof EvidenceUpdateInputSchema>;
export type WhyView = z.infer<typeof WhyViewSchema>;
export type ReasonView = z.infer<typeof ReasonViewSchema>;
export type Outcome = EvidenceView['outcome'];

/** A pain suggested for a text as the rep types (POST /messaging/pains/suggest, the analyzer's). */
export type PainSuggestion = z.infer<typeof SuggestViewSchema>['matches'][number];
