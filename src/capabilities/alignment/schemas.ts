// Request and response schemas of the alignment room (SPEC S6, issue 14; the HTTP contract is /tmp/lk/alignment-api.md,
// shared with the web app). Scores are whole numbers 0–100 (null when there is nothing to judge); points are overall
// points with one decimal.
import { z } from 'zod';

export const STRATEGIES = ['goals', 'checkins', 'messaging', 'shadowing', 'wins'] as const;
export const StrategyEnum = z.enum(STRATEGIES);
export type StrategyKey = (typeof STRATEGIES)[number];

export const STRATEGY_LABELS: Record<StrategyKey, string> = {
  goals: 'Goals',
  checkins: 'Cadence',
  messaging: 'Messaging',
  shadowing: 'Shadowing',
  wins: 'Celebration',
};
export const STRATEGY_HREFS: Record<StrategyKey, string> = {
  goals: '/goals',
  checkins: '/checkins',
  messaging: '/messaging',
  shadowing: '/shadowing',
  wins: '/wins',
};

const Score = z.number().int().min(0).max(100);

const Weight = z
  .number({ message: 'must be a whole number from 0 to 100' })
  .int({ message: 'must be a whole number from 0 to 100' })
  .min(0, { message: 'must be a whole number from 0 to 100' })
  .max(100, { message: 'must be a whole number from 0 to 100' });

export const AlignmentWeightsInput = z
  .strictObject({ goals: Weight, checkins: Weight, messaging: Weight, shadowing: Weight, wins: Weight })
  .refine((w) => STRATEGIES.some((s) => w[s] > 0), {
    message: 'Give at least one strategy a weight above 0: the score needs something to weigh.',
  })
  .describe('Each strategy’s weight in the overall score, 0–100; at least one above 0.');
export type AlignmentWeightsInput = z.infer<typeof AlignmentWeightsInput>;

export const AlignmentWeights = z.object({ goals: Weight, checkins: Weight, messaging: Weight, shadowing: Weight, wins: Weight });
export type AlignmentWeights = z.infer<typeof AlignmentWeights>;

export const AlignmentSignalView = z.object({
  key: z.string(),
  label: z.string(),
  score: z.number().min(0).max(1).nullable(),
  detail: z.string(),
  href: z.string().nullable(),
});

export const AlignmentReasonView = z.object({
  key: z.string().describe('The signal key'),
  text: z.string().describe("Plain words with the numbers (the signal's detail)"),
  pointsLost: z.number().describe('Overall points lost, one decimal'),
});

export const AlignmentStrategyView = z.object({
  strategy: StrategyEnum,
  label: z.enum(['Goals', 'Cadence', 'Messaging', 'Shadowing', 'Celebration']),
  weight: Weight,
  score: Score.nullable(),
  status: z.enum(['scored', 'no_data', 'unavailable']),
  summary: z.string(),
  href: z.string(),
  signals: z.array(AlignmentSignalView),
  reasons: z.array(AlignmentReasonView),
});
export type AlignmentStrategyView = z.infer<typeof AlignmentStrategyView>;

export const AlignmentNextAction = z.object({
  key: z.string(),
  strategy: StrategyEnum,
  text: z.string(),
  href: z.string(),
  points: z.number().describe('Overall points it would add, one decimal'),
});
export type AlignmentNextAction = z.infer<typeof AlignmentNextAction>;

export const AlignmentHistoryWeek = z.object({
  weekStart: z.string().describe('YYYY-MM-DD, the Monday of the week'),
  score: Score.nullable(),
  strategies: z.object({
    goals: Score.nullable(),
    checkins: Score.nullable(),
    messaging: Score.nullable(),
    shadowing: Score.nullable(),
    wins: Score.nullable(),
  }),
});
export type AlignmentHistoryWeek = z.infer<typeof AlignmentHistoryWeek>;

export const AlignmentView = z.object({
  computedAt: z.string(),
  overall: z.object({
    score: Score.nullable().describe('null only when no strategy is scored'),
    scoredStrategies: z.number().int(),
    totalStrategies: z.number().int(),
  }),
  strategies: z.array(AlignmentStrategyView).describe('Always the five, in order: goals, checkins, messaging, shadowing, wins'),
  nextActions: z.array(AlignmentNextAction).describe('Best first, at most 8'),
  history: z.array(AlignmentHistoryWeek).describe('The last 26 weeks stored, oldest first; may be shorter'),
  weights: AlignmentWeights,
  unavailable: z.array(z.object({ room: z.string(), message: z.string() })),
});
export type AlignmentView = z.infer<typeof AlignmentView>;
