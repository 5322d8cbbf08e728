// Request and response schemas of the Deals view and the marketing-source rule (SPEC S7, issue 11). Shared with the
// web client. Money in cents, dates 'YYYY-MM-DD' as the CRM export gave them.
import { z } from 'zod';
import { DEAL_CITATION_KINDS, DEAL_CITATIONS_PER_DEAL } from '../../shared/contracts/deal-citations.js';
import { PageQuery, pageOf, QueryFlag, SearchText } from '../../shared/page.js';

export const DealStatus = z.enum(['open', 'won', 'lost']).describe('open, won (closed-won) or lost (closed-lost)');
const IdParam = z.string().min(1).max(100);
const DateString = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });
const Cents = z.coerce
  .number({ message: 'must be a whole number of cents' })
  .int({ message: 'must be a whole number of cents' })
  .min(0, { message: 'must be 0 or more (cents)' })
  .max(1e15, { message: 'must be at most 10 trillion (in cents)' });
/** One value or the parameter repeated (`?stage=Closed%20Won&stage=Closed%20Lost`). */
const OneOrMany = z.union([z.string().trim().min(1).max(200), z.array(z.string().trim().min(1).max(200)).max(50, { message: 'can be given at most 50 times' })]);

export const DealFilters = z.strictObject({
  q: SearchText.optional().describe("Words anywhere in the deal's name, its CRM id or its owner's name (as exported)"),
  stage: OneOrMany.optional().describe('Only deals in these stages, exactly as the CRM names them; repeat the parameter for several'),
  owner: IdParam.optional().describe("Only the deals of this member (a member id), or `unmatched`: deals whose owner matches no member"),
  source: z.string().trim().min(1).max(200).optional().describe('Only deals with this source value, exactly as exported'),
  status: DealStatus.optional(),
  marketingSourced: QueryFlag.optional().describe("true: only deals the workspace's marketing-source rule counts as marketing; false: only the others"),
  closedFrom: DateString.optional().describe('Only deals with a close date on or after this day'),
  closedTo: DateString.optional().describe('Only deals with a close date on or before this day'),
  closedIn: z
    .string()
    .trim()
    .max(20)
    .optional()
    .describe("Only deals closing in this period: a fiscal quarter as `2026-Q3` or `FY2026-Q3` (the fiscal year named by the year it ends in, as the workspace's calendar names it) or a month as `2026-07`"),
  amountMin: Cents.optional().describe('Only deals of at least this amount, in cents'),
  amountMax: Cents.optional().describe('Only deals of at most this amount, in cents'),
});
export type DealFilters = z.infer<typeof DealFilters>;
export const DealListQuery = PageQuery.extend(DealFilters.shape);

const OwnerView = z.object({
  name: z.string().nullable().describe('The owner as the CRM export named them'),
  memberId: z.string().nullable().describe('The member they were matched to (by email, name or a remembered mapping); null when unmatched'),
  memberName: z.string().nullable().describe("The matched member's name as the workspace shows it"),
});

export const DealView = z.object({
  id: z.string(),
  externalId: z.string().describe("The CRM's record id (HubSpot Record ID, Salesforce Opportunity ID)"),
  name: z.string(),
  stage: z.string().describe('As the CRM names it'),
  status: DealStatus,
  amount: z.number().int().nullable().describe('Cents; null when the export had none'),
  currency: z.string().nullable(),
  closeDate: z.string().nullable(),
  createdDate: z.string().nullable(),
  owner: OwnerView,
  pipeline: z.string().nullable(),
  source: z.string().nullable().describe('The lead / original source value as exported'),
  marketingSourced: z.boolean().describe("Whether the workspace's marketing-source rule counts its source as marketing"),
  winReason: z.string().nullable(),
  lossReason: z.string().nullable(),
  origin: z.string().describe('hubspot, salesforce, mapped (a CSV mapped by hand), webhook or demo'),
  updatedAt: z.string(),
});
export type DealView = z.infer<typeof DealView>;
export const DealsPageView = pageOf(DealView);

export const DealCitationView = z.object({
  kind: z.enum(DEAL_CITATION_KINDS).describe('evidence (a sales evidence entry naming the deal) or win (a win recorded on it)'),
  id: z.string().describe("The citing entry's id in its room"),
  room: z.string().describe('The room it comes from (messaging, wins)'),
  title: z.string().describe('The account the evidence was heard from, or the win’s title'),
  excerpt: z.string().nullable().describe('Its own words, cut to 240 characters: the buyer’s quote, the win’s story'),
  about: z.string().nullable().describe('What it is about: the pain the evidence shows; null when none is confirmed'),
  date: z.string().describe('The day it happened (YYYY-MM-DD)'),
  who: z.string().nullable().describe('Who logged it; null when no member is linked'),
  href: z.string().describe('Where it is shown in the app (for evidence: its pain’s page, or the evidence list)'),
});

export const DealCitedByView = z
  .object({
    items: z.array(DealCitationView).describe(`Newest first, at most ${DEAL_CITATIONS_PER_DEAL}`),
    total: z.number().int().describe('How many cite the deal in all (more than listed when above the cap)'),
    unavailable: z
      .array(z.object({ room: z.string(), message: z.string() }))
      .describe('Rooms that could not answer this time; the rest of the list stands without them.'),
  })
  .describe('The evidence (and, with the wins room, the wins) that cite this deal');

export const DealDetailView = DealView.extend({
  lastImport: z
    .object({ id: z.string(), filename: z.string(), finishedAt: z.string().nullable() })
    .nullable()
    .describe('The import that last wrote this deal; null for demo or webhook deals'),
  citedBy: DealCitedByView,
});

const FacetCount = z.object({ value: z.string(), deals: z.number().int() });
export const DealFacetsView = z.object({
  stages: z.array(FacetCount).describe('Every stage in use, most deals first (at most 200)'),
  owners: z
    .array(z.object({ memberId: z.string().nullable(), name: z.string(), deals: z.number().int() }))
    .describe('Matched owners by member, most deals first (at most 200); memberId null is every unmatched owner together'),
  sources: z.array(FacetCount.extend({ marketing: z.boolean() })).describe('Every source value in use, most deals first (at most 200)'),
  total: z.number().int().describe('Deals in the workspace'),
});

export const MarketingSources = z
  .array(z.string().trim().min(1, { message: 'a source cannot be empty' }).max(100, { message: 'a source can be at most 100 characters' }), {
    error: (iss) => (iss.code === 'invalid_type' ? 'must be a list of source values' : undefined),
  })
  .max(100, { message: 'can hold at most 100 sources' })
  .describe('Source values that count as marketing; compared trimmed and ignoring case; repeats are kept once');

export const DealSettingsInput = z.strictObject({ marketingSources: MarketingSources });

export const DealSettingsView = z.object({
  marketingSources: z.array(z.string()).describe('A deal is marketing-sourced when its source is one of these (trimmed, ignoring case)'),
  isDefault: z.boolean().describe('True until an admin sets the rule: the HubSpot and Salesforce marketing channels'),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});

export const DealSettingsChangedView = DealSettingsView.extend({
  marketingSourcedDeals: z.number().int().describe('Deals the rule now counts as marketing-sourced'),
  kpisRecomputed: z.number().int().describe('KPIs computed from deals whose values were recomputed'),
});

export const DealSourcesView = z.object({
  items: z
    .array(z.object({ source: z.string(), deals: z.number().int(), marketing: z.boolean() }))
    .describe('Distinct source values of the workspace’s deals, most deals first (at most 500), and whether the rule counts each'),
  withoutSource: z.number().int().describe('Deals with no source value (never marketing-sourced)'),
  distinct: z.number().int().describe('How many distinct source values there are (more than listed when above 500)'),
});

export const DealSummaryView = z.object({
  currency: z.string(),
  total: z.number().int().describe('Deals in the workspace'),
  openPipeline: z.object({ amount: z.number().int().describe('Cents'), deals: z.number().int() }).describe('Deals still open, whatever their close date'),
  quarter: z
    .object({
      key: z.string(),
      label: z.string(),
      revenueClosed: z.number().describe('Cents won with a close date this fiscal quarter: the revenue closed KPI’s formula'),
      won: z.number().int(),
      lost: z.number().int(),
      winRate: z.number().nullable().describe('Percent; null when nothing closed yet this quarter: the win rate KPI’s formula'),
    })
    .describe('This fiscal quarter, computed as the KPIs are'),
});

export const IdParams = z.strictObject({ id: IdParam });
