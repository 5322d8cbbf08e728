// Request and response schemas of the Wins room (SPEC S5, issue 13; the contract is /tmp/lk/wins-contract.md, shared
// with the web app). Money in cents, dates YYYY-MM-DD, instants ISO.
import { z } from 'zod';
import { PageQuery, pageOf, QueryFlag, SearchText } from '../../shared/page.js';
import { WIN_KINDS } from '../../shared/contracts/win-candidates.js';
import { WIN_EMOJIS } from './domain/reactions.js';
import { WIN_LIMITS as L } from './domain/limits.js';

const Id = z.string().min(1).max(100);
const DateString = z.iso.date({ message: 'must be a date as YYYY-MM-DD' });

export const WinKindEnum = z.enum(WIN_KINDS).describe('deal_won · campaign_launched · kpi_target_hit · content_helped_sales · milestone · other');
export const EmojiEnum = z.enum(WIN_EMOJIS).describe('tada 🎉 · clap 👏 · rocket 🚀 · heart ❤️ · raised_hands 🙌');
export const TeamEnum = z.enum(['sales', 'marketing', 'leadership']);

export const IdParams = z.strictObject({ id: Id });
export const ReactionParams = z.strictObject({ id: Id, emoji: EmojiEnum });
export const CommentParams = z.strictObject({ id: Id, commentId: Id });

const Credited = z
  .array(Id, { message: 'must be a list of member ids' })
  .min(1, { message: 'Credit at least one person: the people who made the win happen.' })
  .max(L.credited, { message: `Credit at most ${L.credited} people on one win.` })
  .describe(`The members credited (1 to ${L.credited}), active members of this workspace; repeats count once.`);

const winFields = {
  kind: WinKindEnum,
  title: z.string().trim().min(1).max(L.title).describe(`One line, at most ${L.title} characters.`),
  story: z.string().trim().max(L.story).describe(`What happened, plain text, at most ${L.story.toLocaleString('en-US')} characters.`),
  wonOn: DateString.describe('The day it happened: at most a day ahead of today and at most ten years back.'),
  creditedMemberIds: Credited,
};

export const WinInput = z.strictObject({ ...winFields, story: winFields.story.default('') });
export type WinInput = z.infer<typeof WinInput>;

export const WinUpdateInput = z
  .strictObject({
    kind: winFields.kind.optional(),
    title: winFields.title.optional(),
    story: winFields.story.optional(),
    wonOn: winFields.wonOn.optional(),
    creditedMemberIds: Credited.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'Say what to change: kind, title, story, date or the people credited.' });
export type WinUpdateInput = z.infer<typeof WinUpdateInput>;

export const WinsQuery = PageQuery.extend({
  team: z.enum(['sales', 'marketing']).optional().describe('Only wins crediting someone of this team'),
  kind: WinKindEnum.optional(),
  collaborative: QueryFlag.optional().describe('true: only wins crediting sales and marketing together; false: only the others'),
  q: SearchText.optional().describe('Words in the title or story'),
});

export const SummaryQuery = z.strictObject({
  weeks: z.coerce.number({ message: 'must be a whole number from 4 to 52' }).int({ message: 'must be a whole number from 4 to 52' }).min(4, { message: 'must be a whole number from 4 to 52' }).max(52, { message: 'must be a whole number from 4 to 52' }).default(12).describe('How many weeks back, 4 to 52 (12 when left out)'),
});

export const PersonRef = z.object({ memberId: z.string(), name: z.string(), team: TeamEnum });
export const WinSourceView = z.object({
  kind: z.enum(['deal', 'kpi', 'piece', 'small_deals']),
  id: z.string().nullable(),
  label: z.string(),
  href: z.string().nullable().describe('Where it is in the app'),
});

export const ReactionView = z.object({ emoji: EmojiEnum, count: z.number().int(), mine: z.boolean() });

export const WinView = z.object({
  id: z.string(),
  kind: WinKindEnum,
  title: z.string(),
  story: z.string(),
  wonOn: z.string(),
  collaborative: z.boolean().describe('The people credited span sales and marketing (leadership counts as neither)'),
  teams: z.array(z.enum(['sales', 'marketing'])).describe('The teams credited'),
  credited: z.array(PersonRef),
  postedBy: PersonRef.nullable(),
  source: WinSourceView.nullable().describe('Set when the win came from a confirmed proposal'),
  reactions: z.array(ReactionView).describe('All five emoji, in order, counts may be 0'),
  commentCount: z.number().int(),
  celebrated: z
    .object({ at: z.string(), meetingId: z.string().nullable(), meetingTitle: z.string().nullable(), by: PersonRef.nullable() })
    .nullable()
    .describe('Marked celebrated together, optionally in a check-in'),
  canEdit: z.boolean().describe('The reader posted it or is an admin'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const WinsPageView = pageOf(WinView);

export const CommentView = z.object({ id: z.string(), body: z.string(), author: PersonRef.nullable(), createdAt: z.string(), canDelete: z.boolean() });
export const WinDetailView = WinView.extend({ comments: z.array(CommentView).describe(`The comments, oldest first (at most ${L.commentsShown})`) });

export const CommentInput = z.strictObject({ body: z.string().trim().min(1).max(L.comment).describe(`Kudos, plain text, 1 to ${L.comment.toLocaleString('en-US')} characters`) });

export const CelebratedInput = z.strictObject({ meetingId: Id.nullish().describe('The check-in it was celebrated in; leave out or null for none') });

export const SummaryView = z.object({
  weeks: z.array(z.object({ weekStart: z.string(), wins: z.number().int(), collaborative: z.number().int() })).describe("Oldest first, weeks as the workspace's week start begins them"),
  last4Weeks: z.object({
    wins: z.number().int(),
    perWeek: z.number(),
    collaborativeShare: z.number().nullable().describe('0–1; null without wins'),
    celebratedShare: z.number().nullable().describe('0–1; null without wins'),
  }),
  byTeam: z.object({ sales: z.number().int(), marketing: z.number().int(), collaborative: z.number().int() }).describe('Wins in the weeks shown crediting each team, and both together: team-level only, never per person'),
});

export const ProposalView = z.object({
  id: z.string(),
  kind: WinKindEnum,
  title: z.string(),
  story: z.string(),
  wonOn: z.string(),
  suggestedCredits: z.array(PersonRef),
  source: WinSourceView,
  createdAt: z.string(),
  amountCents: z.number().nullable(),
  dealCount: z.number().int().nullable().describe('How many deals a small-deals batch holds'),
});
export const ProposalsPageView = pageOf(ProposalView);

export const ConfirmInput = z.strictObject({
  title: winFields.title.optional(),
  story: winFields.story.optional(),
  creditedMemberIds: Credited.optional().describe('Who to credit instead of the suggestion'),
});

export const SettingsView = z.object({ smallDealThresholdCents: z.number().int() });
export const SettingsInput = z.strictObject({
  smallDealThresholdCents: z
    .number({ message: 'must be a whole number of cents' })
    .int({ message: 'must be a whole number of cents' })
    .min(0, { message: 'The small-deal threshold cannot be negative: 0 turns batching off.' })
    .max(L.maxThresholdCents, { message: 'The small-deal threshold can be at most $100,000,000.' })
    .describe('Won deals below this amount (cents) are proposed together, one win a week; 0 turns batching off'),
});
