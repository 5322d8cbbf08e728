// Types of the weekly check-in domain (SPEC S2): the series and its occurrences, meetings and their
// state, quorum, the agenda and its section providers, action items, compliance and the calendar feed.
// Conventions (as in goals/domain): instants are ISO-8601 strings or Date; calendar dates are
// 'YYYY-MM-DD' and wall-clock times 'HH:MM', both local to the workspace time zone.
import type { Instant } from '../../../shared/calendar/index.js';
import type { AgendaItem, AgendaSectionKey } from '../../../shared/contracts/agenda.js';
import type { Team } from '../../../shared/vocabulary.js';

// ---------------------------------------------------------------------------------------------
// Series and occurrences

/** RFC 5545 weekday codes, Monday first (as RRULE writes them). */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

/** The recurrence a check-in series keeps: one weekday, every week or every other week. */
export interface WeeklyRecurrence {
  weekday: WeekdayCode;
  /** 1 = every week, 2 = every other week. */
  interval: number;
  /** COUNT, when the series ends after a number of meetings. */
  count: number | null;
  /** UNTIL as written in the rule ('20261231' or '20261231T235959Z'); null when open-ended. */
  until: string | null;
  /** WKST; matters only for INTERVAL=2 (which weeks count as "every other"). Monday by default. */
  weekStart: WeekdayCode;
}

/** A check-in series as the domain needs it (the store maps rows to this). */
export interface CheckinSeries {
  /** RRULE value, e.g. 'FREQ=WEEKLY;INTERVAL=1;BYDAY=TU' (a leading 'RRULE:' is accepted). */
  rrule: string;
  /** First local date the series may meet on (the DTSTART date); occurrences start on or after it. */
  startDate: string;
  /** Local wall-clock start, 'HH:MM' (24 h), kept across daylight-saving changes. */
  localTime: string;
  /** IANA time zone of the workspace. */
  timeZone: string;
  durationMinutes: number;
}

/** One meeting the series schedules. */
export interface CheckinOccurrence {
  /** Local date of the meeting: the occurrence's stable key within its series. */
  localDate: string;
  /** The series' local time ('HH:MM'). */
  localTime: string;
  /** Local time it actually starts: differs from `localTime` only in a spring-forward gap. */
  startsAtLocalTime: string;
  /** True when `localTime` did not exist that day and the start moved forward out of the gap. */
  shifted: boolean;
  /** UTC ISO-8601 instants. */
  start: string;
  end: string;
}

/** A field-level problem, worded for the person who can fix it. */
export interface CheckinProblem {
  field: string;
  message: string;
}

export interface CheckinValidationResult {
  ok: boolean;
  problems: CheckinProblem[];
}

// ---------------------------------------------------------------------------------------------
// Meetings, attendance and quorum

/** A meeting as the state and compliance rules need it. */
export interface CheckinMeeting {
  id: string;
  start: Instant;
  end: Instant;
  /** When someone marked it held; null while not marked. */
  heldAt: Instant | null;
  /** Whether the attendance recorded when it was marked held met the quorum rule. */
  quorumMet: boolean;
  /** When it was cancelled; null unless cancelled. */
  cancelledAt: Instant | null;
}

export type MeetingState = 'upcoming' | 'in_progress' | 'ended' | 'held' | 'missed' | 'cancelled';

/** One requirement of a quorum rule: at least `min` (key players, if `keyPlayersOnly`) from `team` present. */
export interface QuorumRequirement {
  team: Team;
  min: number;
  keyPlayersOnly: boolean;
}

export interface QuorumRule {
  requirements: QuorumRequirement[];
}

/** One person's attendance at a meeting, with what quorum needs to know about them. */
export interface AttendanceEntry {
  memberId: string;
  team: Team;
  keyPlayer: boolean;
  present: boolean;
}

export interface QuorumShortfall {
  team: Team;
  keyPlayersOnly: boolean;
  needed: number;
  attended: number;
}

export interface QuorumResult {
  met: boolean;
  /** One sentence: why it is met, or what is missing. */
  reason: string;
  shortfalls: QuorumShortfall[];
}

/** A workspace member as the attendee defaults need them. */
export interface CheckinMember {
  id: string;
  name: string;
  team: Team;
  keyPlayer: boolean;
  active: boolean;
}

// ---------------------------------------------------------------------------------------------
// Agenda

/** The last section: items attendees added themselves. */
export const ATTENDEE_ITEMS_KEY = 'attendee_items';

/** What one provider returned: its items, or why it could not build them. */
export type AgendaSectionResult = { key: AgendaSectionKey; items: AgendaItem[] } | { key: AgendaSectionKey; error: string };

/** An item an attendee added to the agenda. */
export interface CustomAgendaItem {
  id: string;
  text: string;
  detail?: string | null;
  addedById: string;
  addedByName: string;
  addedAt: Instant;
}

export interface AgendaSection {
  key: AgendaSectionKey | typeof ATTENDEE_ITEMS_KEY;
  title: string;
  order: number;
  items: AgendaItem[];
  /** Shown when `items` is empty (and why, when the provider failed); null when there are items. */
  emptyText: string | null;
  /** The provider's failure, kept apart so the UI can say "couldn't load" rather than "nothing new". */
  error: string | null;
}

export interface Agenda {
  sections: AgendaSection[];
  itemCount: number;
}

// ---------------------------------------------------------------------------------------------
// Action items

export const ACTION_ITEM_STATUSES = ['open', 'done', 'dropped'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export interface ActionItem {
  id: string;
  title: string;
  ownerId: string;
  /** Local date it is due; null when none was set. */
  dueDate: string | null;
  status: ActionItemStatus;
  /** The meeting it was agreed in; null when added outside a meeting. */
  meetingId: string | null;
  createdAt: Instant;
  /** When it was done or dropped; null while open. */
  closedAt: Instant | null;
}

export interface CarriedOverItem extends ActionItem {
  /** Due before the meeting's local date. */
  overdue: boolean;
  /** Days past due at the meeting (0 when not overdue or no due date). */
  daysOverdue: number;
}

// ---------------------------------------------------------------------------------------------
// Compliance

export interface CheckinCompliance {
  /** How many past check-ins the share is over (12). */
  window: number;
  /** Decided check-ins counted (held or missed, most recent `window`); fewer than `window` early on. */
  counted: number;
  held: number;
  /** held / counted; null when none is counted yet. */
  share: number | null;
  /** Consecutive held check-ins, counting back from the most recent decided one. */
  streak: number;
  /** Missed check-ins in the window, most recent first. */
  missed: { id: string; start: string }[];
  summary: string;
}

export interface WeightedCompliance {
  /** Weighted share held, 0–1; null when none is counted yet. */
  score: number | null;
  /** The weight each counted check-in got, most recent first. */
  weights: number[];
}

// ---------------------------------------------------------------------------------------------
// Calendar feed

export type FeedEventStatus = 'CONFIRMED' | 'CANCELLED';

export interface FeedEvent {
  /** Stable across feed refreshes; see feedUid. */
  uid: string;
  start: Instant;
  end: Instant;
  summary: string;
  description: string;
  location?: string | null;
  url?: string | null;
  /** RFC 5545 SEQUENCE: the caller bumps it on each change a calendar should pick up. */
  sequence: number;
  status: FeedEventStatus;
  /** Makes this a recurring event: an RRULE value, and local starts it skips (EXDATE). */
  recurrence?: { rrule: string; exclude?: Instant[] } | null;
  /** Makes this an override of one occurrence of the recurring event with the same uid. */
  recurrenceId?: Instant | null;
  /** IANA zone of this event; the feed's zone when omitted. */
  timeZone?: string | null;
  lastModified?: Instant | null;
  /** Makes this an all-day event on that local date ('YYYY-MM-DD', e.g. a shadow day); start and end are then its bounds. */
  allDay?: string | null;
}

export interface CalendarFeedInput {
  calendarName: string;
  /** IANA zone the feed's times are written in (DTSTART;TZID=…), with a VTIMEZONE for it. */
  timeZone: string;
  events: FeedEvent[];
  /** DTSTAMP of every event; pass it for byte-stable output (defaults to now). */
  generatedAt?: Instant;
  /** How often clients should refresh, in minutes (REFRESH-INTERVAL, X-PUBLISHED-TTL); 60 by default. */
  refreshMinutes?: number;
}
