// The alignment room's API shapes (SPEC S6; issue 14), and what the dashboard reads of the shadowing room's, inferred
// from the servers' Zod schemas. Type-only: no server code reaches the bundle (the strategies' labels come in the view).
import type { z } from 'zod';
import type {
  AlignmentHistoryWeek as AlignmentHistoryWeekSchema,
  AlignmentNextAction as AlignmentNextActionSchema,
  AlignmentStrategyView as AlignmentStrategyViewSchema,
  AlignmentView as AlignmentViewSchema,
  AlignmentWeightsInput as AlignmentWeightsInputSchema,
} from '../../../src/capabilities/alignment/schemas.js';
import type { ProgramsView as ProgramsViewSchema, ProgramView as ProgramViewSchema } from '../../../src/capabilities/shadowing/schemas.js';

export type AlignmentView = z.infer<typeof AlignmentViewSchema>;
export type StrategyView = z.infer<typeof AlignmentStrategyViewSchema>;
export type StrategyKey = StrategyView['strategy'];
export type NextAction = z.infer<typeof AlignmentNextActionSchema>;
export type HistoryWeek = z.infer<typeof AlignmentHistoryWeekSchema>;
export type Weights = z.input<typeof AlignmentWeightsInputSchema>;

// What the dashboard reads of the shadowing room: GET /shadowing/programs, then the current programme's progress.
export type ShadowProgramsView = z.infer<typeof ProgramsViewSchema>;
export type ShadowProgramView = z.infer<typeof ProgramViewSchema>;
export type ShadowProgress = ShadowProgramView['progress'];
