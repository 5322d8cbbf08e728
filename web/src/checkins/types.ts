// The check-ins API's shapes (SPEC S2), inferred from the server's Zod schemas. Type-only: no server code reaches the bundle.
import type { z } from 'zod';
import type {
  ActionItemInput as ActionItemInputSchema,
  ActionItemUpdateInput as ActionItemUpdateInputSchema,
  ActionItemView as ActionItemViewSchema,
  AgendaItemView as AgendaItemViewSchema,
  AgendaView as AgendaViewSchema,
  AttendanceView as AttendanceViewSchema,
  ComplianceView as ComplianceViewSchema,
  DecisionView as DecisionViewSchema,
  FeedView as FeedViewSchema,
  MaybeSeriesView as MaybeSeriesViewSchema,
  MeetingState as MeetingStateSchema,
  MeetingSummaryView as MeetingSummaryViewSchema,
  MeetingsView as MeetingsViewSchema,
  MeetingView as MeetingViewSchema,
  SeriesInput as SeriesInputSchema,
  SeriesView as SeriesViewSchema,
  Weekday as WeekdaySchema,
} from '../../../src/capabilities/checkins/schemas.js';

export type Weekday = z.infer<typeof WeekdaySchema>;
export type SeriesView = z.infer<typeof SeriesViewSchema>;
export type MaybeSeriesView = z.infer<typeof MaybeSeriesViewSchema>;
export type MeetingState = z.infer<typeof MeetingStateSchema>;
export type MeetingSummaryView = z.infer<typeof MeetingSummaryViewSchema>;
export type MeetingsView = z.infer<typeof MeetingsViewSchema>;
export type MeetingView = z.infer<typeof MeetingViewSchema>;
export type AgendaView = z.infer<typeof AgendaViewSchema>;
export type AgendaSection = AgendaView['sections'][number];
export type AgendaItemView = z.infer<typeof AgendaItemViewSchema>;
export type AttendanceView = z.infer<typeof AttendanceViewSchema>;
export type DecisionView = z.infer<typeof DecisionViewSchema>;
export type ActionItemView = z.infer<typeof ActionItemViewSchema>;
export type ComplianceView = z.infer<typeof ComplianceViewSchema>;
export type FeedView = z.infer<typeof FeedViewSchema>;
// Request bodies as sent (before the server applies defaults).
export type SeriesInput = z.input<typeof SeriesInputSchema>;
export type ActionItemInput = z.input<typeof ActionItemInputSchema>;
export type ActionItemUpdateInput = z.input<typeof ActionItemUpdateInputSchema>;
