// The goals API's shapes (SPEC S1), inferred from the server's Zod schemas. Type-only: no server code reaches the bundle.
import type { z } from 'zod';
import type {
  AwarenessView as AwarenessViewSchema,
  CompAlignmentView as CompAlignmentViewSchema,
  ExpectationGapView as ExpectationGapViewSchema,
  ExpectationMatchInput as ExpectationMatchInputSchema,
  ExpectationMatchView as ExpectationMatchViewSchema,
  ExpectationsInput as ExpectationsInputSchema,
  ExpectationsView as ExpectationsViewSchema,
  GoalsOverviewView as GoalsOverviewViewSchema,
  GoalTeam as GoalTeamSchema,
  KpiCreateInput as KpiCreateInputSchema,
  KpiDetailView as KpiDetailViewSchema,
  KpiKindInput as KpiKindInputSchema,
  KpiKindView as KpiKindViewSchema,
  KpiStatusView as KpiStatusViewSchema,
  KpiUnit as KpiUnitSchema,
  KpiUpdateInput as KpiUpdateInputSchema,
  KpiValuesInput as KpiValuesInputSchema,
  KpiView as KpiViewSchema,
  KpisPageView as KpisPageViewSchema,
  KpiValueView as KpiValueViewSchema,
  PeriodKind as PeriodKindSchema,
  PublicationView as PublicationViewSchema,
  PublishedKpiView as PublishedKpiViewSchema,
  QuizInput as QuizInputSchema,
  QuizResultView as QuizResultViewSchema,
  TeamGoalsView as TeamGoalsViewSchema,
  ValuesRecordedView as ValuesRecordedViewSchema,
} from '../../../src/capabilities/goals/schemas.js';

export type GoalTeam = z.infer<typeof GoalTeamSchema>;
export type KpiUnit = z.infer<typeof KpiUnitSchema>;
export type PeriodKind = z.infer<typeof PeriodKindSchema>;
export type KpiKindView = z.infer<typeof KpiKindViewSchema>;
export type KpiStatusView = z.infer<typeof KpiStatusViewSchema>;
export type KpiStatus = KpiStatusView['status'];
export type KpiView = z.infer<typeof KpiViewSchema>;
export type KpisPageView = z.infer<typeof KpisPageViewSchema>;
export type KpiValueView = z.infer<typeof KpiValueViewSchema>;
export type KpiDetailView = z.infer<typeof KpiDetailViewSchema>;
export type PublicationView = z.infer<typeof PublicationViewSchema>;
export type PublishedKpiView = z.infer<typeof PublishedKpiViewSchema>;
export type TeamGoalsView = z.infer<typeof TeamGoalsViewSchema>;
export type GoalsOverviewView = z.infer<typeof GoalsOverviewViewSchema>;
export type AwarenessView = z.infer<typeof AwarenessViewSchema>;
export type CompAlignmentView = z.infer<typeof CompAlignmentViewSchema>;
export type ExpectationGapView = z.infer<typeof ExpectationGapViewSchema>;
export type ExpectationsView = z.infer<typeof ExpectationsViewSchema>;
export type ExpectationMatchView = z.infer<typeof ExpectationMatchViewSchema>;
export type QuizResultView = z.infer<typeof QuizResultViewSchema>;
export type ValuesRecordedView = z.infer<typeof ValuesRecordedViewSchema>;
// Request bodies as sent (before the server applies defaults).
export type KpiCreateInput = z.input<typeof KpiCreateInputSchema>;
export type KpiUpdateInput = z.input<typeof KpiUpdateInputSchema>;
export type KpiKindInput = z.input<typeof KpiKindInputSchema>;
export type KpiValuesInput = z.input<typeof KpiValuesInputSchema>;
export type ExpectationsInput = z.input<typeof ExpectationsInputSchema>;
export type ExpectationMatchInput = z.input<typeof ExpectationMatchInputSchema>;
export type QuizInput = z.input<typeof QuizInputSchema>;

export const GOAL_TEAMS: GoalTeam[] = ['sales', 'marketing'];
