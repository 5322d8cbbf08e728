// Request and response schemas for published goals (SPEC S1). Shared with the web client.
import { z } from 'zod';
import { PERIOD_KINDS } from '../../shared/calendar/index.js';
import { PageQuery, pageOf, QueryFlag, SearchText } from '../../shared/page.js';
import { COMP_WEIGHT_MAX, COMP_WEIGHT_MIN, compWeightProblem } from './domain/kpi-input-rules.js';
import { KPI_DATA_SOURCES, KPI_DIRECTIONS, KPI_UNITS } from './domain/types.js';

export const GoalTeam = z.enum(['sales', 'marketing']).describe('KPIs belong to sales or marketing');
export const KpiUnit = z.enum(KPI_UNITS);
export const KpiDirection = z.enum(KPI_DIRECTIONS).describe('higher: more is better (win rate); lower: less is better (CAC)');
export const KpiDataSource = z.enum(KPI_DATA_SOURCES);
export const PeriodKind = z.enum(PERIOD_KINDS);
const IdParam = z.string().min(1).max(100);
const DateString = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
/**
 * A KPI target, baseline or value in stored units (cents for money). Its unit's domain (≥ 0, percents 0–100, a sane
 * maximum) depends on the KPI, so the handler checks it with domain/kpi-input-rules.ts and answers in the unit's words.
 */
const Measure = z
  .number({ error: (iss) => (iss.code === 'invalid_type' && iss.input !== undefined ? 'must be a number' : undefined) })
  .describe("In the KPI's unit (cents for money): money, counts, days, hours and ratios are ≥ 0, percents 0–100");
/** Refused, never cut: a weight outside 0–100 or with decimals answers the domain's sentence. */
const CompWeight = z
  .number()
  .int({ error: (iss) => compWeightProblem(iss.input) ?? undefined })
  .min(COMP_WEIGHT_MIN, { error: (iss) => compWeightProblem(iss.input) ?? undefined })
  .max(COMP_WEIGHT_MAX, { error: (iss) => compWeightProblem(iss.input) ?? undefined })
  .describe('Percent of variable pay, a whole number from 0 to 100');

export const KpiKindView = z.object({
  id: z.string(),
  name: z.string(),
  unit: KpiUnit,
  direction: KpiDirection,
  defaultTeam: z.string(),
  measuredAs: z.string(),
  builtIn: z.boolean(),
});
export const KpiKindInput = z.strictObject({
  name: z.string().trim().min(2).max(80),
  unit: KpiUnit,
  direction: KpiDirection,
  description: z.string().trim().max(500).default(''),
});

export const PeriodView = z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() });
const KpiPeriodStatusView = z.object({
  status: z.enum(['on_track', 'at_risk', 'off_track', 'no_data', 'no_target']),
  actual: z.number().nullable(),
  projected: z.number().nullable(),
  target: z.number().nullable(),
  attainment: z.number().nullable(),
  explanation: z.string(),
  period: PeriodView,
});
export const KpiStatusView = KpiPeriodStatusView.extend({
  lastClosed: KpiPeriodStatusView.nullable().describe('While this period has no value yet (status no_data): how the last closed period ended, when it had values'),
});

export const KpiView = z.object({
  id: z.string(),
  team: GoalTeam,
  name: z.string(),
  kind: z.string(),
  kindName: z.string(),
  unit: KpiUnit,
  direction: KpiDirection,
  measurement: z.string().describe('How it is measured'),
  dataSource: KpiDataSource,
  period: PeriodKind.describe('The period the target is for'),
  target: z.number().nullable(),
  baseline: z.number().nullable(),
  ownerMemberId: z.string().nullable(),
  ownerName: z.string().nullable(),
  compensated: z.boolean(),
  compWeight: z.number().int(),
  rank: z.number().int().nullable(),
  shared: z.boolean(),
  sharedProposedByTeam: GoalTeam.nullable().describe('Set while a proposal to share this KPI waits for the other team'),
  current: KpiStatusView,
  updatedAt: z.string(),
});
export type KpiView = z.infer<typeof KpiView>;

const KpiFields = {
  name: z.string().trim().min(2).max(80),
  kind: z.string().min(1).max(80).describe('A catalog kind id, e.g. mqls, win_rate'),
  measurement: z.string().trim().max(1000).describe('How it is measured; required before it can be ranked'),
  dataSource: KpiDataSource,
  period: PeriodKind,
  target: Measure.nullable(),
  baseline: Measure.nullable(),
  ownerMemberId: IdParam.nullable(),
  compensated: z.boolean(),
  compWeight: CompWeight,
  rank: z.number().int().nullable().describe('1–3 when in the top three'),
};
export const KpiCreateInput = z.strictObject({
  team: GoalTeam,
  ...KpiFields,
  measurement: KpiFields.measurement.default(''),
  dataSource: KpiFields.dataSource.default('manual'),
  period: KpiFields.period.default('month'),
  target: KpiFields.target.default(null),
  baseline: KpiFields.baseline.default(null),
  ownerMemberId: KpiFields.ownerMemberId.default(null),
  compensated: KpiFields.compensated.default(false),
  compWeight: KpiFields.compWeight.default(0),
  rank: KpiFields.rank.default(null),
});
export const KpiUpdateInput = z.strictObject(KpiFields).partial();

export const TopThreeInput = z.strictObject({
  team: GoalTeam,
  kpiIds: z.array(IdParam).max(3, { message: 'the top three has at most three KPIs' }).describe('In rank order: #1 first'),
});

export const KpiValueView = z.object({ id: z.string(), date: z.string(), value: z.number(), source: z.string(), note: z.string().nullable() });
export const TrendPointView = z.object({ period: PeriodView, actual: z.number().nullable(), target: z.number().nullable(), status: KpiStatusView.shape.status });
export const KpiValuesPageView = pageOf(KpiValueView);
export const KpiDetailView = z.object({
  kpi: KpiView,
  values: KpiValuesPageView.describe('Its values, newest first: the first page (50); GET /goals/kpis/{id}/values pages on'),
  trend: z.array(TrendPointView).describe('The last 12 periods'),
});
export const KpiValuesQuery = PageQuery.extend({
  from: DateString.optional().describe('Only values on or after this date'),
  to: DateString.optional().describe('Only values on or before this date'),
});

export const KpiValuesInput = z.strictObject({
  values: z
    .array(z.strictObject({ date: DateString, value: Measure, note: z.string().trim().max(500).nullable().default(null) }))
    .min(1)
    .max(1000),
});
export const KpiValuesPasteInput = z.strictObject({
  text: z.string().min(1).max(100_000).describe('Lines of `YYYY-MM-DD,value`; a header line is allowed'),
});
export const ValuesRecordedView = z.object({ recorded: z.number().int(), kpi: KpiView });

export const PublicationChangeView = z.object({ type: z.string(), kpiId: z.string(), message: z.string() });
export const PublishedKpiView = z.object({
  kpiId: z.string(),
  rank: z.number().int(),
  name: z.string(),
  kindId: z.string().nullable(),
  unit: KpiUnit,
  direction: KpiDirection,
  measurement: z.string(),
  dataSource: z.string(),
  target: z.number().nullable(),
  targetPeriod: PeriodKind,
  compensated: z.boolean(),
  compWeight: z.number().nullable(),
  shared: z.boolean(),
});
export const PublicationView = z.object({
  id: z.string(),
  team: GoalTeam,
  number: z.number().int(),
  publishedAt: z.string(),
  publishedByName: z.string().nullable(),
  onBehalfOf: GoalTeam.nullable().describe('The team it was published for by an admin or leadership leader who does not lead it; null when a lead of the team published'),
  byline: z.string().describe('Who published it, as people read it: "by Dana Whitfield", or "by Dana Whitfield for Sales" on the team\'s behalf'),
  note: z.string().nullable(),
  items: z.array(PublishedKpiView),
  changes: z.array(PublicationChangeView),
});
export const PublishInput = z.strictObject({ team: GoalTeam, note: z.string().trim().max(1000).optional() });

export const ExpectationItemInput = z
  .strictObject({ kind: z.string().min(1).max(80).optional(), text: z.string().trim().min(2).max(120).optional() })
  .refine((i) => i.kind !== undefined || i.text !== undefined, { message: 'give a catalog kind or a text' });
export const ExpectationsInput = z.strictObject({
  aboutTeam: GoalTeam.optional().describe('Needed for leadership members; sales is about marketing and vice versa'),
  items: z.array(ExpectationItemInput).max(5, { message: 'name at most five priorities' }).describe('Ranked: most important first'),
});
export const ExpectationsView = z.object({
  aboutTeam: GoalTeam.nullable(),
  items: z.array(z.object({ rank: z.number().int(), kind: z.string().nullable(), kindName: z.string().nullable(), text: z.string() })),
});
export const ExpectationGapView = z.object({
  rows: z.array(
    z.object({
      holderTeam: z.string(),
      aboutTeam: z.string(),
      kindId: z.string().nullable(),
      label: z.string(),
      holders: z.number().int(),
      teamSize: z.number().int(),
      inTopThree: z.boolean(),
      matched: z.boolean().describe('It names a catalog kind or a top-three KPI; false for free text waiting for someone to choose the KPI it means'),
      sentence: z.string(),
    }),
  ).describe('The 50 most held expectations of each kind (not in the top three, in it, not matched to a KPI), most held first'),
  gaps: z.number().int().describe('How many different expectations are matched to a KPI not in the top three (rows holds the 50 most held)'),
  met: z.number().int().describe('How many different expectations are in the top three (rows holds the 50 most held)'),
  unmatched: z.number().int().describe('How many different expectations are not matched to a KPI yet (rows holds the 50 most held)'),
  held: z
    .object({ met: z.number().int(), gaps: z.number().int(), unmatched: z.number().int() })
    .describe("Held expectations (one member's one priority) in each list: what the headline and the lists count"),
  shareMet: z.number().nullable().describe('held.met ÷ (held.met + held.gaps); null while no held expectation is matched to a KPI'),
  summary: z.string().describe('The headline, in held expectations: "8 of 17 expectations held are in the other team\'s top three (47%); …"'),
});
export const ExpectationMatchInput = z.strictObject({
  holderTeam: z.enum(['sales', 'marketing', 'leadership']).describe('The team whose members wrote it'),
  aboutTeam: GoalTeam,
  text: z.string().trim().min(2).max(120).describe('The words as the gap shows them; every expectation with the same words (after normalising) is matched'),
  kind: z.string().min(1).max(80).describe('The catalog kind it means'),
});
export const ExpectationMatchView = z.object({ matched: z.number().int().describe('How many held expectations now name the kind'), kind: z.string(), kindName: z.string() });

export const QuizInput = z.strictObject({
  aboutTeam: GoalTeam.optional().describe('Needed for leadership members'),
  kinds: z.array(z.string().min(1).max(80)).min(1).max(3, { message: 'name at most three KPIs' }),
});
export const QuizResultView = z.object({
  aboutTeam: GoalTeam,
  correct: z.number().int(),
  outOf: z.number().int(),
  answer: z.array(z.object({ kind: z.string(), name: z.string(), correct: z.boolean() })),
  topThree: z.array(z.object({ rank: z.number().int(), name: z.string(), kindId: z.string().nullable() })),
});
export const AwarenessView = z.array(
  z.object({ team: z.string(), aboutTeam: z.string(), answered: z.number().int(), teamSize: z.number().int(), participation: z.number().nullable(), score: z.number().nullable() }),
);
export const CompAlignmentView = z.object({
  teams: z.array(
    z.object({ team: z.string(), paidKpis: z.number().int().describe('KPIs marked compensated; 0: its pay plan is not entered'), totalWeight: z.number(), sharedWeight: z.number(), sharedShare: z.number().nullable() }),
  ),
  sharedKeys: z.array(z.string()),
  flags: z.array(z.object({ id: z.string(), severity: z.enum(['high', 'medium', 'low']), message: z.string() })),
  summary: z
    .object({
      flags: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int(), total: z.number().int() }),
      payPlans: z.enum(['none', 'some', 'all']).describe("Whose pay plans are entered; no verdict while 'none'"),
      headline: z.string().describe('The same sentence on every page: "3 comp flags: 1 high, 2 medium or low."'),
    })
    .describe('The one count of comp flags every page shows'),
});

export const TeamGoalsView = z.object({
  team: GoalTeam,
  freshness: z.object({ state: z.enum(['unpublished', 'fresh', 'stale']), ageDays: z.number().nullable() }),
  latest: PublicationView.nullable(),
  topThree: z.array(z.object({ item: PublishedKpiView, current: KpiStatusView.nullable() })),
  unpublishedChanges: z.boolean().describe("The team's current ranked KPIs differ from its latest publication"),
  hasLead: z.boolean().describe('The team has a lead of its own (an active, joined member of it with role leader or admin)'),
  you: z
    .object({
      canEdit: z.boolean().describe("You may create and change the team's KPIs and top three"),
      canPublish: z.boolean().describe("You may publish the team's top three"),
      onBehalf: z.boolean().describe('What you change or publish is recorded as done for the team, on its behalf (you do not lead it)'),
    })
    .describe('What the signed-in member may do for this team (the server enforces the same rules)'),
});
export const GoalsOverviewView = z.object({
  teams: z.array(TeamGoalsView),
  shared: z.array(KpiView),
  awareness: AwarenessView,
  comp: CompAlignmentView,
  gap: ExpectationGapView,
});

export const KpiListQuery = PageQuery.extend({
  team: GoalTeam.optional(),
  includeArchived: QueryFlag.optional(),
  q: SearchText.optional().describe('Only KPIs whose name contains this text (any case)'),
});
export const KpisPageView = pageOf(KpiView).extend({ total: z.number().int().describe('How many KPIs match the filters, on every page') });
export const CatalogQuery = PageQuery.extend({ q: SearchText.optional().describe('Only kinds whose name, id or a common alias contains this text (any case)') });
export const CatalogPageView = pageOf(KpiKindView);
export const PublicationListQuery = PageQuery.extend({ team: GoalTeam.optional() });
export const PublicationsPageView = pageOf(PublicationView);
export const IdParams = z.strictObject({ id: IdParam });
