// The weekly check-in (SPEC S2). Instants are UTC ISO strings; due dates are 'YYYY-MM-DD'.
export interface CheckinSeriesTable {
  id: string;
  workspace_id: string;
  title: string;
  /** RFC 5545 RRULE (weekly), expanded in local time of time_zone. */
  rrule: string;
  time_zone: string;
  /** The first local date the series may occur on. */
  start_date: string;
  /** Local wall-clock start, 'HH:MM'. */
  local_time: string;
  duration_minutes: number;
  location: string;
  /** JSON quorum rule. */
  quorum: string;
  /** Bumped on every change, for calendar clients (ICS SEQUENCE). */
  sequence: number;
  active: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CheckinAttendeesTable {
  series_id: string;
  workspace_id: string;
  member_id: string;
}

export interface MeetingsTable {
  id: string;
  workspace_id: string;
  series_id: string;
  starts_at: string;
  ends_at: string;
  /** Stored state; the live state comes from meetingState() (upcoming/in progress/ended are derived). */
  status: 'scheduled' | 'held' | 'missed' | 'cancelled';
  held_at: string | null;
  /** Whether the attendance when it was marked held met the quorum rule. */
  quorum_met: number;
  cancelled_at: string | null;
  /** When the leaders were alerted that it was missed (once). */
  missed_alerted_at: string | null;
  /** Markdown. */
  notes: string;
  /** JSON agenda as last generated (frozen once the meeting starts). */
  agenda: string;
  agenda_refreshed_at: string | null;
  sequence: number;
  created_at: string;
  updated_at: string;
}

export interface MeetingAttendanceTable {
  meeting_id: string;
  workspace_id: string;
  member_id: string;
  present: number;
}

export interface AgendaItemsTable {
  id: string;
  workspace_id: string;
  meeting_id: string;
  member_id: string | null;
  title: string;
  note: string;
  created_at: string;
}

export interface DecisionsTable {
  id: string;
  workspace_id: string;
  meeting_id: string;
  text: string;
  created_by: string | null;
  created_at: string;
}

export interface ActionItemsTable {
  id: string;
  workspace_id: string;
  meeting_id: string;
  title: string;
  owner_member_id: string;
  due_date: string;
  status: 'open' | 'done' | 'dropped';
  /** When it was done or dropped. */
  closed_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface CalendarFeedsTable {
  id: string;
  workspace_id: string;
  member_id: string;
  /** SHA-256 of the secret in the feed URL; the URL is shown when made. */
  token_hash: string;
  created_at: string;
  last_fetched_at: string | null;
  revoked_at: string | null;
}
