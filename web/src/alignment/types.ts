// The alignment room's API shapes (SPEC S6; issue 14), inferred from the server's Zod schemas. Type-only: no server code
// reaches the bundle (the strategies' order and labels come in the view itself).
import type { z } from 'zod';
import type {
  AlignmentHistoryWeek as AlignmentHistoryWeekSchema,
  AlignmentNextAction as AlignmentNextActionSchema,
  AlignmentStrategyView as AlignmentStrategyViewSchema,
  AlignmentView as AlignmentViewSchema,
  AlignmentWeightsInput as AlignmentWeightsInputSchema,
} from '../../../src/capabilities/alignment/schemas.js';

export type AlignmentView = z.infer<typeof AlignmentViewSchema>;
export type StrategyView = z.infer<typeof AlignmentStrategyViewSchema>;
export type StrategyKey = StrategyView['strategy'];
export type NextAction = z.infer<typeof AlignmentNextActionSchema>;
export type HistoryWeek = z.infer<typeof AlignmentHistoryWeekSchema>;
export type Weights = z.input<typeof AlignmentWeightsInputSchema>;

// GET /shadowing/programs (the shadowing room's contract): only what the dashboard reads of it.
export interface ShadowQuarter {
  key: string;
  label: string;
  startDate: string;
  endDate: string;
}
export interface ShadowProgramSummary {
  id: string;
  quarter: ShadowQuarter;
  status: 'open' | 'closed';
  participants: number;
  completed: number;
  pairs: number;
}
export interface ShadowProgramsView {
  current: ShadowQuarter;
  currentProgram: ShadowProgramSummary | null;
}
export interface ShadowProgress {
  teams: Array<{ team: string; participants: number; completed: number; expectedByNow: number }>;
  overdue: Array<{ member: { id: string; name: string }; why: string }>;
}
export interface ShadowProgramView extends ShadowProgramSummary {
  progress: ShadowProgress;
}
