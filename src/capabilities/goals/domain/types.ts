// Types of the published-goals domain (SPEC S1): KPI catalog, KPIs, periods, values and status,
// publications and their diff, expectations, the awareness quiz and comp alignment.
// Conventions: money is integer cents; percent values are percentage points (22 means 22 %);
// instants are ISO-8601 strings or Date; calendar dates are 'YYYY-MM-DD' in the workspace time zone.
import type { Instant, Period, PeriodKind } from '../../../shared/calendar/index.js';
import type { Team } from '../../../shared/vocabulary.js';

export type { Team };

export const KPI_UNITS = ['count', 'currency', 'percent', 'days', 'hours', 'ratio'] as const;
export type KpiUnit = (typeof KPI_UNITS)[number];

export const KPI_DIRECTIONS = ['higher', 'lower'] as const;
/** Which way is better: `higher` (win rate) or `lower` (sales cycle length, CAC). */
export type KpiDirection = (typeof KPI_DIRECTIONS)[number];

/**
 * How a period's value is formed from the values logged in it:
 * `sum` for flows (MQLs, revenue: each value adds to the period), `latest` for levels and rates
 * (win rate, CAC: the most recent reading stands for the period), `average` for the mean of the readings.
 */
export type KpiAggregation = 'sum' | 'latest' | 'average';

export const KPI_DATA_SOURCES = ['manual', 'csv', 'webhook', 'deals'] as const;
export type KpiDataSource = (typeof KPI_DATA_SOURCES)[number];

/** A kind of KPI in the catalog (built in, or added by a workspace). */
export interface KpiKind {
  /** Stable id, snake_case: 'mqls', 'win_rate'. */
  id: string;
  name: string;
  unit: KpiUnit;
  direction: KpiDirection;
  aggregation: KpiAggregation;
  /** The team that usually owns it; a workspace may still give it to the other team. */
  defaultTeam: Team;
  /** A suggested "how it is measured", shown when a KPI of this kind is created. */
  measuredAs: string;
  /** Words people use for it in free text ("lead gen", "bookings"); matched after normalising, in any order. */
  aliases: readonly string[];
  /** Everyday words that name it only when they are all a text says ("leads" is MQLs; "cost per lead" is not). */
  broadAliases?: readonly string[];
  builtIn: boolean;
}

/** A team's KPI as the domain needs it (the store maps rows to this). */
export interface Kpi {
  id: string;
  team: Team;
  name: string;
  kindId: string | null;
  unit: KpiUnit;
  direction: KpiDirection;
  /** How it is measured — required before the KPI can be ranked. */
  measurement: string;
  dataSource: KpiDataSource;
  /** Target per `targetPeriod`, in the KPI's unit (cents for currency); null when not set. */
  target: number | null;
  targetPeriod: PeriodKind;
  baseline: number | null;
  /** Whether it is in the team's pay plan, and with what weight (percent of variable pay, 0–100). */
  compensated: boolean;
  compWeight: number | null;
  /** 1–3 when it is one of the team's top three; null otherwise. */
  rank: number | null;
  /** Both teams agreed it as a shared goal. */
  shared: boolean;
}

/** One logged value. `date` is a local calendar date 'YYYY-MM-DD' or an instant. */
export interface KpiValuePoint {
  date: string | Date;
  value: number;
}

export type KpiStatus = 'on_track' | 'at_risk' | 'off_track' | 'no_data' | 'no_target';

export interface KpiStatusInput {
  unit: KpiUnit;
  direction: KpiDirection;
  /** Defaults from the unit: count and currency sum, the others take the latest value. */
  aggregation?: KpiAggregation;
  target: number | null;
  values: readonly KpiValuePoint[];
  period: Period;
  now: Instant;
  /** ISO 4217 code for currency explanations; 'USD' when omitted. */
  currency?: string;
}

export interface KpiStatusResult {
  status: KpiStatus;
  /** The period-to-date value (sum, latest or average); null without values. */
  actual: number | null;
  /** The value projected to the period end; equals `actual` for non-summed KPIs. */
  projected: number | null;
  target: number | null;
  /** projected / target; null when either is missing or the target is 0. */
  attainment: number | null;
  /** Share of the period's days elapsed, counting today (0–1). */
  elapsedFraction: number;
  valueCount: number;
  /** One plain sentence saying why. */
  explanation: string;
}

export interface KpiTrendPoint {
  period: Period;
  result: KpiStatusResult;
}

/** One KPI as frozen in a publication. */
export interface PublishedKpi {
  kpiId: string;
  rank: number;
  name: string;
  kindId: string | null;
  unit: KpiUnit;
  direction: KpiDirection;
  measurement: string;
  dataSource: KpiDataSource;
  target: number | null;
  targetPeriod: PeriodKind;
  compensated: boolean;
  compWeight: number | null;
  shared: boolean;
}

/** An immutable, numbered snapshot of a team's top three. */
export interface PublicationSnapshot {
  team: Team;
  number: number;
  publishedAt: string;
  /** ISO 4217 code that currency targets are in. */
  currency: string;
  items: PublishedKpi[];
}

export type PublicationChangeType =
  | 'added'
  | 'removed'
  | 'replaced'
  | 'moved'
  | 'renamed'
  | 'target_changed'
  | 'measurement_changed'
  | 'data_source_changed'
  | 'now_compensated'
  | 'no_longer_compensated'
  | 'comp_weight_changed'
  | 'now_shared'
  | 'no_longer_shared';

export interface PublicationChange {
  type: PublicationChangeType;
  /** The KPI the change is about (for `replaced`, the incoming one). */
  kpiId: string;
  message: string;
}

export type PublicationFreshnessState = 'unpublished' | 'fresh' | 'stale';

export interface PublicationFreshness {
  state: PublicationFreshnessState;
  /** Whole days since the latest publication; null when never published. */
  ageDays: number | null;
}

export interface ValidationProblem {
  code:
    | 'rank_out_of_range'
    | 'rank_taken'
    | 'measurement_missing'
    | 'comp_weight_out_of_range'
    | 'comp_weight_over_100'
    | 'wrong_team'
    | 'nothing_ranked';
  kpiIds: string[];
  message: string;
}

export interface ValidationResult {
  ok: boolean;
  problems: ValidationProblem[];
}

/** What one member expects the other team's top priorities to be. */
export interface MemberExpectation {
  memberId: string;
  team: Team;
  /** The team the expectation is about; defaults to the other of sales/marketing. */
  aboutTeam?: Team;
  /** Ranked items: a catalog kind id, or free text. */
  items: readonly { rank: number; kindId?: string | null; text?: string | null }[];
}

/** A KPI of a team's latest published top three, as the gap and quiz need it. */
export interface TopThreeItem {
  kindId: string | null;
  name: string;
}

export interface ExpectationGapRow {
  holderTeam: Team;
  aboutTeam: Team;
  /** The catalog kind the expectation names, or null for free text that names none. */
  kindId: string | null;
  /** Catalog name for a kind; the text as first written otherwise. */
  label: string;
  holders: number;
  teamSize: number;
  inTopThree: boolean;
  /** It names a catalog kind or a top-three KPI; free text that names neither waits for someone to choose one. */
  matched: boolean;
  sentence: string;
}

/** Held expectations (one member's one priority) by where they stand; the headline and the lists count these. */
export interface HeldExpectations {
  met: number;
  gaps: number;
  unmatched: number;
}

export interface ExpectationGapReport {
  rows: ExpectationGapRow[];
  held: HeldExpectations;
  /** held.met ÷ (held.met + held.gaps): the share of held expectations matched to a KPI that the top three meets; null without any. */
  shareMet: number | null;
}

export interface AwarenessAnswer {
  memberId: string;
  team: Team;
  answeredAt: Instant;
  /** Up to three catalog kind ids; order does not matter. */
  kindIds: readonly string[];
}

export interface AwarenessMemberScore {
  memberId: string;
  correct: number;
  score: number;
}

export interface AwarenessTeamScore {
  team: Team;
  aboutTeam: Team;
  answered: number;
  teamSize: number;
  /** answered / team size (0–1); null for an empty team. */
  participation: number | null;
  /** Mean member score (0–1); null when nobody answered or the other team has not published. */
  score: number | null;
  members: AwarenessMemberScore[];
}

export type FlagSeverity = 'high' | 'medium' | 'low';

export interface CompAlignmentFlag {
  id: string;
  severity: FlagSeverity;
  message: string;
}

export interface TeamCompShare {
  team: Team;
  /** How many of its KPIs are marked compensated; 0 means its pay plan is not entered. */
  paidKpis: number;
  /** Sum of comp weights of the team's compensated KPIs (percent). */
  totalWeight: number;
  /** The part of it on KPIs shared by both teams. */
  sharedWeight: number;
  /** sharedWeight / totalWeight; null when nothing is compensated. */
  sharedShare: number | null;
}

export interface CompAlignmentReport {
  teams: TeamCompShare[];
  /** Kind ids (or normalised names) both teams have marked shared. */
  sharedKeys: string[];
  flags: CompAlignmentFlag[];
}

export interface CompAlignmentSummary {
  flags: { high: number; medium: number; low: number; total: number };
  /** Whose pay plans are entered (a team with a KPI marked compensated): none, some or all of both teams. */
  payPlans: 'none' | 'some' | 'all';
  /** One sentence, the same on every page: "3 comp flags: 1 high, 2 medium or low.", "No pay plans entered yet: …". */
  headline: string;
}
