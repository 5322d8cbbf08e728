// Request and response schemas for the weekly check-in (SPEC S2). Shared with the web client.
import { z } from 'zod';
import { PageQuery, pageOf } from '../../shared/page.js';
import { Team, TimeZone } from '../../shared/schemas.js';
import { WEEKDAY_CODES } from './domain/types.js';

const IdParam = z.string().min(1).max(100);
const DateString = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a time as HH:MM (24-hour)' });
export const Weekday = z.enum(WEEKDAY_CODES).describe('RFC 5545 weekday: MO TU WE TH FR SA SU');

export const QuorumRuleSchema = z.strictObject({
  requirements: z
    .array(z.strictObject({ team: Team, min: z.number().int().min(1).max(50), keyPlayersOnly: z.boolean() }))
    .min(1, { message: 'a quorum needs at least one requirement' })
    .max(6),
});

export const SeriesInput = z.strictObject({
  title: z.string().trim().min(2).max(120).default('Weekly sales & marketing check-in'),
  rrule: z.string().min(5).max(300).optional().describe('An RFC 5545 weekly RRULE, e.g. FREQ=WEEKLY;BYDAY=TU. Give this or weekday.'),
  weekday: Weekday.optional(),
  localTime: LocalTime.describe('Start time in the time zone, HH:MM'),
  timeZone: TimeZone.optional().describe("Defaults to the workspace's time zone"),
  startDate: DateString.optional().describe('First date the series may meet on; defaults to today. From two years back to one year ahead (the date a series already has is kept)'),
  durationMinutes: z.number().int().default(30),
  location: z.string().trim().max(300).default(''),
  attendeeIds: z.array(IdParam).max(200).optional().describe('Required attendees; defaults to the key players of both teams'),
  quorum: QuorumRuleSchema.optional().describe('Defaults to one key player from sales and one from marketing. The required attendees must be able to meet it, or the series is refused'),
});

export const AttendeeView = z.object({ memberId: z.string(), name: z.string(), team: Team, keyPlayer: z.boolean() });
export const SeriesView = z.object({
  id: z.string(),
  title: z.string(),
  rrule: z.string(),
  weekday: Weekday,
  localTime: z.string(),
  timeZone: z.string(),
  startDate: z.string(),
  durationMinutes: z.number().int(),
  location: z.string(),
  quorum: QuorumRuleSchema,
  quorumText: z.string(),
  attendees: z.array(AttendeeView),
  next: z.object({ meetingId: z.string().nullable(), start: z.string(), end: z.string() }).nullable(),
  sequence: z.number().int(),
});
export const MaybeSeriesView = z.object({ series: SeriesView.nullable() });

export const MeetingState = z.enum(['upcoming', 'in_progress', 'ended', 'held', 'missed', 'cancelled']);
export const MeetingSummaryView = z.object({
  id: z.string(),
  start: z.string(),
  end: z.string(),
  state: MeetingState,
  heldAt: z.string().nullable(),
  attended: z.number().int(),
  actionItems: z.number().int(),
});

export const AgendaItemView = z.object({
  id: z.string(),
  text: z.string(),
  detail: z.string().nullable().optional(),
  href: z.string().nullable().optional(),
  tone: z.enum(['celebrate', 'good', 'neutral', 'warning', 'alert']).optional(),
  ref: z.object({ type: z.string(), id: z.string() }).nullable().optional(),
});
export const AgendaView = z.object({
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      order: z.number(),
      items: z.array(AgendaItemView),
      emptyText: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
  itemCount: z.number().int(),
  refreshedAt: z.string().nullable(),
  frozen: z.boolean().describe('True once the meeting has started: the agenda no longer refreshes'),
});

export const ActionItemView = z.object({
  id: z.string(),
  title: z.string(),
  ownerId: z.string(),
  ownerName: z.string(),
  dueDate: z.string(),
  status: z.enum(['open', 'done', 'dropped']),
  meetingId: z.string(),
  meetingStart: z.string(),
  overdue: z.boolean(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const DecisionView = z.object({ id: z.string(), text: z.string(), createdByName: z.string().nullable(), createdAt: z.string() });
export const AttendanceView = z.object({ memberId: z.string(), name: z.string(), team: Team, keyPlayer: z.boolean(), required: z.boolean(), present: z.boolean() });

export const MeetingView = MeetingSummaryView.extend({
  seriesId: z.string(),
  title: z.string(),
  timeZone: z.string(),
  location: z.string(),
  notes: z.string(),
  agenda: AgendaView,
  attendance: z.array(AttendanceView),
  quorum: z.object({ met: z.boolean(), reason: z.string() }),
  canMarkHeld: z.object({ ok: z.boolean(), reason: z.string().nullable() }),
  decisions: z.array(DecisionView),
  actionItems: z.array(ActionItemView).describe('Action items agreed in this meeting'),
  customItems: z.array(z.object({ id: z.string(), title: z.string(), note: z.string(), addedById: z.string().nullable(), addedByName: z.string().nullable(), createdAt: z.string() })),
  you: z.object({ canRun: z.boolean(), canAddAgendaItem: z.boolean() }).describe('What the signed-in member may do with this meeting'),
  previousMeetingId: z.string().nullable(),
  nextMeetingId: z.string().nullable(),
});

export const MeetingsQuery = PageQuery.extend({
  when: z
    .enum(['upcoming', 'past'])
    .default('upcoming')
    .describe('upcoming: meetings not yet started, soonest first (cancelled ones too); past: meetings that have started, most recent first (not cancelled ones)'),
});
export const MeetingsView = pageOf(MeetingSummaryView);

export const NotesInput = z.strictObject({ notes: z.string().max(50_000) });
export const AttendanceInput = z.strictObject({ present: z.array(IdParam).max(200).describe('Member ids present; everyone else is recorded absent') });
export const CustomItemInput = z.strictObject({ title: z.string().trim().min(2).max(200), note: z.string().trim().max(2000).default('') });
export const DecisionInput = z.strictObject({ text: z.string().trim().min(2).max(2000) });
const DueDate = DateString.describe("On or after the meeting's date and at most two years ahead");
export const ActionItemInput = z.strictObject({ title: z.string().trim().min(2).max(200), ownerId: IdParam, dueDate: DueDate });
export const ActionItemUpdateInput = z
  .strictObject({ title: z.string().trim().min(2).max(200), ownerId: IdParam, dueDate: DueDate, status: z.enum(['open', 'done', 'dropped']) })
  .partial();
export const ActionItemsQuery = PageQuery.extend({
  owner: z.enum(['me', 'anyone']).default('me'),
  status: z.enum(['open', 'done', 'dropped', 'all']).default('open'),
});
export const ActionItemsPageView = pageOf(ActionItemView);

export const ComplianceView = z.object({
  window: z.number().int(),
  counted: z.number().int(),
  held: z.number().int(),
  share: z.number().nullable(),
  weighted: z.number().nullable(),
  streak: z.number().int(),
  missed: z.array(z.object({ id: z.string(), start: z.string() })),
  summary: z.string(),
});

export const FeedView = z.object({
  active: z.boolean(),
  createdAt: z.string().nullable(),
  lastFetchedAt: z.string().nullable(),
  url: z.string().nullable().describe('Shown only when the feed is created or regenerated'),
});

export const IdParams = z.strictObject({ id: IdParam });
export const Ok = z.object({ ok: z.literal(true) });
