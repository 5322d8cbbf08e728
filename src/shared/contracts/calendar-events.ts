// The calendar-events contract (SPEC S2 calendar feed, S4 shadow days): each room reports the dated events it
// owns — a check-in meeting, a shadow day — so a member's private calendar feed carries all of them, and a room
// that plans days (shadowing) can keep off the days another room has taken (the check-in), without reaching in.
import type { Id, LocalDate } from '../vocabulary.js';

export interface CalendarEvent {
  /** Stable across refreshes and unique across rooms, e.g. `shadow-<pairId>@lockstep`. */
  uid: string;
  /** The room that reports it (its Capability name). */
  room: string;
  summary: string;
  description: string;
  /** Timed events: UTC ISO-8601 instants. All-day events (a shadow day) set `date` and leave these the day's bounds. */
  start: string;
  end: string;
  /** Set for an all-day event: the local date it is on, in the workspace's zone. */
  date: LocalDate | null;
  /** Where it takes place, as the room knows it (a check-in's room or video link); null when it has none. */
  location: string | null;
  /** Where to see it in the app (an absolute URL made from PUBLIC_URL). */
  url: string;
  /** RFC 5545 SEQUENCE: bumped on each change a calendar should pick up (a new date, a cancellation). */
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  lastModified: string | null;
}

export interface CalendarEventContext {
  workspaceId: Id;
  /** Whose calendar: only the events this member takes part in; null for every event of the workspace. */
  memberId: Id | null;
  /** The window asked for: events that overlap [from, until), UTC ISO-8601. */
  from: string;
  until: string;
  now: Date;
}

export interface CalendarEventProvider {
  room: string;
  events(ctx: CalendarEventContext): Promise<CalendarEvent[]>;
}
