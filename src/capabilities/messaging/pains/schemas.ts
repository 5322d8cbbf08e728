// Request and response schemas of the pain library, sales evidence and why people buy (SPEC S3, issue 12).
// Shared with the web client (type-only).
import { z } from 'zod';
import { PageQuery, pageOf, SearchText } from '../../../shared/page.js';
import { PIECE_STATUSES } from '../pieces/domain/piece-status.js';
import { EVIDENCE_LIMITS as E, PAIN_LIMITS as P } from './limits.js';

const Id = z.string().min(1).max(100);
const DateString = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

export const IdParams = z.strictObject({ id: Id });

export const PainStatus = z.enum(['active', 'retired']);
export const Outcome = z.enum(['won', 'lost', 'open']).describe('won · lost · open');

const Synonyms = z
  .array(z.string().trim().min(1, { message: 'A synonym cannot be empty.' }).max(P.synonym, { message: `A synonym can be at most ${P.synonym} characters.` }))
  .max(P.synonyms, { message: `A pain can have at most ${P.synonyms} synonyms.` })
  .describe('Other ways buyers say it (at most 20, each at most 100 characters); duplicates are dropped.');

const painFields = {
  statement: z.string().trim().min(3).max(P.statement).describe('The pain in the buyer\'s words: "Inbound leads go cold before anyone calls them".'),
  persona: z.string().trim().max(P.persona).describe('Who says it ("VP Sales", "RevOps manager").'),
  segment: z.string().trim().max(P.segment).describe('The market segment it is heard in ("Mid-market SaaS").'),
  severity: z.number().int().min(1).max(5).describe('How much it hurts, 1 (mild) to 5 (critical).'),
  emotion: z.string().trim().max(P.emotion).describe('The feeling it carries ("frustrated", "anxious").'),
  synonyms: Synonyms,
};

export const PainInput = z.strictObject({
  ...painFields,
  persona: painFields.persona.default(''),
  segment: painFields.segment.default(''),
  emotion: painFields.emotion.default(''),
  synonyms: Synonyms.default([]),
});
export type PainInput = z.infer<typeof PainInput>;

export const PainUpdateInput = z
  .strictObject({
    statement: painFields.statement.optional(),
    persona: painFields.persona.optional(),
    segment: painFields.segment.optional(),
    severity: painFields.severity.optional(),
    emotion: painFields.emotion.optional(),
    synonyms: Synonyms.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Say what to change: statement, persona, segment, severity, emotion or synonyms.' });
export type PainUpdateInput = z.infer<typeof PainUpdateInput>;

export const PainsQuery = PageQuery.extend({
  status: z.enum(['active', 'retired', 'all']).default('active').describe('active (the default), retired, or all'),
  q: SearchText.optional().describe('Words in the statement, persona, segment or synonyms'),
});

export const IntervalView = z.object({
  rate: z.number().describe('wins ÷ (wins + losses), 0–1'),
  low: z.number().describe('Lower end of the Wilson 95% interval, 0–1'),
  high: z.number().describe('Upper end of the Wilson 95% interval, 0–1'),
});

export const TrendMonthView = z.object({
  month: z.string().describe('YYYY-MM'),
  count: z.number().int(),
  weight: z.number().describe('How much the month counts: 1 this month, halving every 6 months back'),
  weighted: z.number(),
});

export const EvidenceFiguresView = z.object({
  count: z.number().int().describe('Evidence entries'),
  amount: z.number().describe('Total deal amount in cents, each deal counted once'),
  deals: z.object({ won: z.number().int(), lost: z.number().int(), open: z.number().int() }).describe('Deals (or entries without a deal) by outcome; a linked deal\'s CRM status wins over the entry\'s'),
  winRate: IntervalView.nullable().describe('Null while no deal is won or lost'),
  lastDate: z.string().nullable(),
  trend: z.object({
    months: z.array(TrendMonthView).describe('The last 12 months, oldest first'),
    weightedCount: z.number().describe('Σ count × weight'),
    direction: z.enum(['rising', 'falling', 'steady']).describe('The last 3 months against the 3 before'),
  }),
});

export const PainView = z.object({
  id: z.string(),
  statement: z.string(),
  persona: z.string(),
  segment: z.string(),
  severity: z.number().int(),
  emotion: z.string(),
  synonyms: z.array(z.string()),
  status: PainStatus,
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  retiredAt: z.string().nullable(),
  evidence: EvidenceFiguresView,
  you: z.object({ canEdit: z.boolean(), canRetire: z.boolean() }),
});
export const PainsPageView = pageOf(PainView).extend({ total: z.number().int().describe('How many pains match the filters') });

export const EvidenceInput = z
  .strictObject({
    date: DateString.describe('The day it was heard; not in the future'),
    account: z.string().trim().min(1).max(E.account).describe('The buyer\'s company'),
    dealId: Id.nullish().describe('A deal of this workspace (from the CRM import)'),
    dealExternalId: z.string().trim().max(E.dealExternalId).nullish().describe('The CRM id when the deal is not imported (yet); linked at once when an imported deal has it'),
    amount: z.number().min(0).max(1e12).nullish().describe('The deal amount in currency units (e.g. 42000.50); stored in cents'),
    outcome: Outcome,
    quote: z.string().trim().min(3).max(E.quote).describe('The buyer\'s own words'),
    notes: z.string().trim().max(E.notes).nullish(),
    painId: Id.nullish().describe('An active pain of this workspace; leave out with newPain, or for none yet'),
    newPain: PainInput.optional().describe('A new pain to create and confirm in the same request, instead of painId'),
    pieceId: Id.nullish().describe('The marketing piece that helped: a published piece of this workspace (optional)'),
  })
  .refine((v) => !(v.painId && v.newPain), { message: 'Give either painId or newPain, not both.', path: ['newPain'] });
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const EvidenceUpdateInput = z
  .strictObject({
    date: DateString.optional(),
    account: z.string().trim().min(1).max(E.account).optional(),
    dealId: Id.nullish(),
    dealExternalId: z.string().trim().max(E.dealExternalId).nullish(),
    amount: z.number().min(0).max(1e12).nullish(),
    outcome: Outcome.optional(),
    quote: z.string().trim().min(3).max(E.quote).optional(),
    notes: z.string().trim().max(E.notes).nullish(),
    painId: Id.nullish().describe('Another active pain, or null for none'),
    pieceId: Id.nullish().describe('Another published piece of this workspace that helped, or null for none (an unchanged one stays, even if it is no longer published)'),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Say what to change.' });
export type EvidenceUpdateInput = z.infer<typeof EvidenceUpdateInput>;

export const EvidenceQuery = PageQuery.extend({
  painId: Id.optional(),
  pieceId: Id.optional().describe('Only the evidence that cites this piece'),
  outcome: Outcome.optional(),
  from: DateString.optional().describe('On or after this date'),
  to: DateString.optional().describe('On or before this date'),
});

export const EvidenceView = z.object({
  id: z.string(),
  date: z.string(),
  account: z.string(),
  deal: z.object({ id: z.string(), name: z.string(), status: Outcome, amount: z.number().nullable() }).nullable(),
  dealExternalId: z.string().nullable(),
  amount: z.number().nullable().describe('Cents'),
  outcome: Outcome,
  quote: z.string(),
  notes: z.string().nullable(),
  pain: z.object({ id: z.string(), statement: z.string(), status: PainStatus }).nullable(),
  piece: z.object({ id: z.string(), title: z.string(), status: z.enum(PIECE_STATUSES) }).nullable().describe('The marketing piece the rep said helped'),
  memberId: z.string().nullable(),
  memberName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  you: z.object({ canChange: z.boolean() }),
});
export const EvidencePageView = pageOf(EvidenceView);
export const PieceCitationsView = z.object({
  count: z.number().int().describe('Evidence entries that cite the piece'),
  latest: z.array(EvidenceView).describe('The latest of them, the most recent day first'),
});

export const WhyQuery = z.strictObject({
  from: DateString.optional().describe('Default: a year before to'),
  to: DateString.optional().describe("Default: today in the workspace's time zone"),
  segment: z.string().trim().max(100).optional().describe('Only evidence of pains in this segment (CRM reasons carry no segment and are left out)'),
});

export const ReasonView = z.object({
  key: z.string(),
  label: z.string(),
  source: z.enum(['deal_reason', 'pain']).describe('deal_reason: the CRM win/loss reason; pain: won or lost evidence of a pain'),
  count: z.number().int(),
  amount: z.number().describe('Cents'),
  share: z.number().describe('Of the reasons counted in this list, 0–1'),
  byQuarter: z.array(z.number().int()).describe('Counts per quarter, in the order of quarters'),
});

export const WhyView = z.object({
  from: z.string(),
  to: z.string(),
  segment: z.string().nullable(),
  quarters: z.array(z.string()).describe('Calendar quarters, oldest first'),
  totals: z.object({ wonDeals: z.number().int(), lostDeals: z.number().int(), wonWithReason: z.number().int(), lostWithReason: z.number().int(), wonEvidence: z.number().int(), lostEvidence: z.number().int() }),
  wins: z.array(ReasonView),
  losses: z.array(ReasonView),
  segments: z.array(z.object({ segment: z.string(), wins: z.array(ReasonView), losses: z.array(ReasonView) })).describe("Evidence by the pains' segments"),
  segmentOptions: z.array(z.string()),
});

export const Ok = z.object({ ok: z.literal(true) });
