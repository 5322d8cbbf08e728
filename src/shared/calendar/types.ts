// Types of the workspace calendar (../shared/SPEC.md S0: a workspace's time zone, week start day,
// fiscal-quarter start month and public holidays; S1 periods; S2 local times of check-ins).
// Conventions: instants are ISO-8601 strings or Date (ms since the epoch inside the module); calendar
// dates are 'YYYY-MM-DD' and times of day 'HH:MM', both local to a time zone named by its IANA id.

/** An instant: an ISO-8601 string with a time and offset, or a Date. */
export type Instant = string | Date;

export const PERIOD_KINDS = ['week', 'month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** Workspace settings that shape periods (SPEC S0). */
export interface PeriodOptions {
  /** IANA time zone of the workspace, e.g. 'America/New_York'. */
  timeZone: string;
  /** First day of the week: 0 = Sunday … 6 = Saturday. */
  weekStart: number;
  /** First month of the fiscal year: 1 = January … 12 = December. */
  fiscalYearStartMonth: number;
}

export interface Period {
  kind: PeriodKind;
  timeZone: string;
  /** First instant of the period (UTC ISO-8601). */
  start: string;
  /** First instant after the period (exclusive, UTC ISO-8601). */
  end: string;
  /** First local calendar day of the period. */
  startDate: string;
  /** First local calendar day after the period (exclusive). */
  endDate: string;
  /** Sortable within a kind: 'W2026-11-23', '2026-11', 'FY2027-Q1'. */
  key: string;
  /** For people: 'Week of 23 Nov 2026', 'Nov 2026', 'FY2027 Q1'. */
  label: string;
}

/** A public holiday as the workspace settings hold it (SPEC S0). */
export interface Holiday {
  date: string;
  name: string;
}

/** What makes a day a workday: not a weekend day, not a holiday. */
export interface WorkdayOptions {
  holidays: readonly Holiday[];
  /** Days of the week that are not worked, 0 = Sunday … 6 = Saturday; Saturday and Sunday when left out. */
  weekend?: readonly number[];
}

/** Every calendar setting of a workspace (SPEC S0), as the rooms pass them to this module. */
export type CalendarSettings = PeriodOptions & WorkdayOptions;

/** The wall-clock fields of an instant in a time zone. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** A change of a time zone's UTC offset. */
export interface ZoneTransition {
  /** The first instant (ms) the new offset applies. */
  atMs: number;
  offsetFromMs: number;
  offsetToMs: number;
}

/** An ISO-8601 week: weeks start on Monday, and week 1 is the one holding the year's first Thursday. */
export interface IsoWeek {
  /** The ISO week-numbering year, which differs from the calendar year around New Year. */
  year: number;
  /** 1–53. */
  week: number;
  /** '2026-W53', sortable (the form the job scheduler keys weekly runs by). */
  key: string;
  /** The Monday the week starts on. */
  startDate: string;
  /** The Monday after (exclusive). */
  endDate: string;
}
