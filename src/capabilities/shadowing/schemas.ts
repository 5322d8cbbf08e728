// Request and response schemas of the Shadowing room (SPEC S4, issue 15; the HTTP contract is /tmp/lk/shadowing-api.md,
// shared with the web app). Quarters are fiscal quarters keyed as periodOf('quarter') keys them ("FY2027-Q1"); dates
// YYYY-MM-DD, instants ISO.
import { z } from 'zod';

const Id = z.string().min(1).max(100);
const DateString = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

export const SHADOW_DIRECTIONS = ['marketing_shadows_sales', 'sales_shadows_marketing'] as const;
export const PAIR_STATUSES = ['unscheduled', 'scheduled', 'date_proposed', 'awaiting_reflection', 'done'] as const;
export const SHADOW_LIMITS = { capacityMax: 10, capacityDefault: 2, reason: 500, reflection: 2000, unavailableDates: 92, bonusMax: 10, rules: 200, functionName: 60 } as const;

export const DirectionEnum = z.enum(SHADOW_DIRECTIONS).describe('marketing_shadows_sales: a marketer spends the day with a seller; sales_shadows_marketing: the other way');
export const PairStatusEnum = z.enum(PAIR_STATUSES);
export const ShadowTeamEnum = z.enum(['sales', 'marketing']);

export const QuarterKey = z
  .string()
  .regex(/^FY\d{4}-Q[1-4]$/, { message: 'must be a fiscal quarter such as FY2027-Q1' })
  .describe('A fiscal quarter, keyed like FY2027-Q1');

// ---- inputs -------------------------------------------------------------------------------------------------------------
export const ProgramParams = z.strictObject({ id: Id });
/** The participant is named by their member id (the path parameter is named apart from other rooms' member ids). */
export const ParticipantParams = z.strictObject({ id: Id, participantId: Id });
export const PairParams = z.strictObject({ pairId: Id });

export const ProgramInput = z.strictObject({ quarter: QuarterKey });
export type ProgramInput = z.infer<typeof ProgramInput>;

export const OptOutInput = z.strictObject({
  reason: z
    .string({ message: 'Say why you sit this quarter out, in 3 to 500 characters.' })
    .trim()
    .min(3, { message: 'Say why you sit this quarter out, in 3 to 500 characters.' })
    .max(SHADOW_LIMITS.reason, { message: 'The reason can be at most 500 characters.' }),
});

export const ParticipantInput = z
  .strictObject({
    optedOut: OptOutInput.nullable().optional().describe('An object with the reason to opt out; null to opt back in'),
    capacity: z
      .number({ message: 'The capacity must be a whole number of guests from 0 to 10.' })
      .int({ message: 'The capacity must be a whole number of guests from 0 to 10.' })
      .min(0, { message: 'The capacity must be a whole number of guests from 0 to 10.' })
      .max(SHADOW_LIMITS.capacityMax, { message: 'The capacity must be a whole number of guests from 0 to 10.' })
      .optional()
      .describe('How many guests this member hosts this quarter, 0 to 10 (2 by default)'),
    unavailableDates: z
      .array(DateString, { message: 'The unavailable dates must be a list of dates as YYYY-MM-DD.' })
      .max(SHADOW_LIMITS.unavailableDates, { message: 'At most 92 unavailable dates: a quarter has no more days.' })
      .optional()
      .describe('Days within the quarter this member cannot host; replaces the list'),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Say what to change: opting out, the capacity or the unavailable dates.' });
export type ParticipantInput = z.infer<typeof ParticipantInput>;

export const GenerateInput = z.strictObject({});
export const PinInput = z.strictObject({ pinned: z.boolean({ message: 'pinned must be true or false' }) });
export const SwapInput = z.strictObject({
  pairIds: z
    .tuple([Id, Id], { message: 'Name exactly two pairs to swap: pairIds as [a, b].' })
    .refine(([a, b]) => a !== b, { message: 'Name two different pairs to swap.' }),
});
export const ProposeDateInput = z.strictObject({ date: DateString.describe('The day proposed instead, within the quarter') });
export const EmptyInput = z.strictObject({});

const reflectionText = (label: string) =>
  z
    .string({ message: `${label} is needed, 1 to 2,000 characters.` })
    .trim()
    .min(1, { message: `${label} is needed, 1 to 2,000 characters.` })
    .max(SHADOW_LIMITS.reflection, { message: `${label} can be at most 2,000 characters.` });
export const ReflectionInput = z.strictObject({
  surprised: reflectionText('What surprised you'),
  misconception: reflectionText('A misconception you had'),
  idea: reflectionText('One idea to take back'),
  rating: z
    .number({ message: 'The rating must be a whole number from 1 to 5.' })
    .int({ message: 'The rating must be a whole number from 1 to 5.' })
    .min(1, { message: 'The rating must be a whole number from 1 to 5.' })
    .max(5, { message: 'The rating must be a whole number from 1 to 5.' }),
});
export type ReflectionInput = z.infer<typeof ReflectionInput>;

const FunctionName = z.string().trim().min(1, { message: 'A function name is needed.' }).max(SHADOW_LIMITS.functionName, { message: 'A function name can be at most 60 characters.' });
export const AffinityRule = z.strictObject({
  salesFunction: FunctionName,
  marketingFunction: FunctionName,
  bonus: z
    .number({ message: 'The bonus must be a whole number from 0 to 10.' })
    .int({ message: 'The bonus must be a whole number from 0 to 10.' })
    .min(0, { message: 'The bonus must be a whole number from 0 to 10.' })
    .max(SHADOW_LIMITS.bonusMax, { message: 'The bonus must be a whole number from 0 to 10.' })
    .describe('How well the two functions match, 0 (no match) to 10'),
});
export type AffinityRule = z.infer<typeof AffinityRule>;
export const AffinityInput = z.strictObject({
  rules: z.array(AffinityRule, { message: 'rules must be a list' }).max(SHADOW_LIMITS.rules, { message: 'At most 200 affinity rules.' }),
});
export type AffinityInput = z.infer<typeof AffinityInput>;

// ---- views --------------------------------------------------------------------------------------------------------------
export const MemberRef = z.object({ id: z.string(), name: z.string(), team: ShadowTeamEnum, function: z.string().describe('May be empty') });
export type MemberRef = z.infer<typeof MemberRef>;

export const QuarterView = z.object({
  key: z.string().describe('FY2027-Q1'),
  label: z.string().describe('FY2027 Q1'),
  startDate: z.string(),
  endDate: z.string().describe('Exclusive'),
});
export type QuarterView = z.infer<typeof QuarterView>;

export const ReflectionView = z.object({ surprised: z.string(), misconception: z.string(), idea: z.string(), rating: z.number().int(), writtenAt: z.string() });
export type ReflectionView = z.infer<typeof ReflectionView>;

export const PairView = z.object({
  id: z.string(),
  direction: DirectionEnum,
  guest: MemberRef,
  host: MemberRef,
  pinned: z.boolean(),
  cost: z.number(),
  costReasons: z.array(z.string()).describe('The pair\'s cost in words, e.g. "First time together"'),
  date: z.string().nullable(),
  proposal: z.object({ date: z.string(), by: MemberRef, at: z.string() }).nullable(),
  status: PairStatusEnum,
  reflection: ReflectionView.nullable(),
});
export type PairView = z.infer<typeof PairView>;

export const ParticipantView = z.object({
  member: MemberRef,
  optedOut: z.object({ reason: z.string(), at: z.string() }).nullable(),
  capacity: z.number().int(),
  unavailableDates: z.array(z.string()),
  pairAsGuest: z.string().nullable(),
  guestsHosted: z.number().int(),
});
export type ParticipantView = z.infer<typeof ParticipantView>;

export const ProgressView = z.object({
  teams: z.array(
    z.object({
      team: ShadowTeamEnum,
      participants: z.number().int().describe('Not opted out'),
      completed: z.number().int().describe('Day passed and reflection written'),
      expectedByNow: z.number().describe('Pro-rated by workdays elapsed in the quarter, one decimal'),
    }),
  ),
  overdue: z.array(z.object({ member: MemberRef, why: z.enum(['No date yet', 'Day passed, no reflection']) })),
});
export type ProgressView = z.infer<typeof ProgressView>;

export const UnplacedView = z.object({ member: MemberRef, direction: DirectionEnum, reason: z.string() });
export type UnplacedView = z.infer<typeof UnplacedView>;

export const ProgramSummaryView = z.object({
  id: z.string(),
  quarter: QuarterView,
  status: z.enum(['open', 'closed']).describe('Closed once the quarter ended'),
  participants: z.number().int(),
  completed: z.number().int(),
  pairs: z.number().int(),
});
export type ProgramSummaryView = z.infer<typeof ProgramSummaryView>;

export const ProgramView = ProgramSummaryView.omit({ pairs: true }).extend({
  pairs: z.array(PairView),
  participantsList: z.array(ParticipantView),
  unplaced: z.array(UnplacedView),
  progress: ProgressView,
  generatedAt: z.string().nullable(),
  checkinWeekday: z.number().int().min(0).max(6).nullable().describe('0 Sunday … 6 Saturday: the day check-ins meet, never a shadow day'),
  me: z.object({ memberId: z.string(), isParticipant: z.boolean(), canManage: z.boolean() }),
});
export type ProgramView = z.infer<typeof ProgramView>;

export const ProgramsView = z.object({
  current: QuarterView,
  currentProgram: ProgramSummaryView.nullable(),
  programs: z.array(ProgramSummaryView).describe('Newest first'),
});
export type ProgramsView = z.infer<typeof ProgramsView>;

export const AffinityView = z.object({
  rules: z.array(z.object({ salesFunction: z.string(), marketingFunction: z.string(), bonus: z.number().int() })),
  functions: z.object({ sales: z.array(z.string()), marketing: z.array(z.string()) }).describe('The functions members of each team have now'),
});
export type AffinityView = z.infer<typeof AffinityView>;
