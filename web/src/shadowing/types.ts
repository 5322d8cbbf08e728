// The Shadowing room's API shapes (SPEC S4; issue 15), inferred from the server's Zod schemas. Type-only: no server
// code reaches the bundle (the form limits are in format.ts, the same numbers as the schemas').
import type { z } from 'zod';
import type {
  AffinityInput as AffinityInputSchema,
  AffinityView as AffinityViewSchema,
  MemberRef as MemberRefSchema,
  PairView as PairViewSchema,
  ParticipantInput as ParticipantInputSchema,
  ParticipantView as ParticipantViewSchema,
  ProgramsView as ProgramsViewSchema,
  ProgramSummaryView as ProgramSummaryViewSchema,
  ProgramView as ProgramViewSchema,
  QuarterView as QuarterViewSchema,
  ReflectionInput as ReflectionInputSchema,
  ReflectionView as ReflectionViewSchema,
  UnplacedView as UnplacedViewSchema,
} from '../../../src/capabilities/shadowing/schemas.js';

export type ShadowMember = z.infer<typeof MemberRefSchema>;
export type QuarterView = z.infer<typeof QuarterViewSchema>;
export type PairView = z.infer<typeof PairViewSchema>;
export type PairStatus = PairView['status'];
export type Direction = PairView['direction'];
export type ReflectionView = z.infer<typeof ReflectionViewSchema>;
export type ParticipantView = z.infer<typeof ParticipantViewSchema>;
export type UnplacedView = z.infer<typeof UnplacedViewSchema>;
export type ProgramSummaryView = z.infer<typeof ProgramSummaryViewSchema>;
export type ProgramView = z.infer<typeof ProgramViewSchema>;
export type ProgramsView = z.infer<typeof ProgramsViewSchema>;
export type AffinityView = z.infer<typeof AffinityViewSchema>;
export type AffinityRule = AffinityView['rules'][number];
// Request bodies as sent.
export type ParticipantInput = z.input<typeof ParticipantInputSchema>;
export type ReflectionInput = z.input<typeof ReflectionInputSchema>;
export type AffinityInput = z.input<typeof AffinityInputSchema>;
