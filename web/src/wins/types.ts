// The Wins room's API shapes (SPEC S5; issue 13), as the room's HTTP contract fixes them between the server
// (src/capabilities/wins) and this app. Type-only, like every room's types: no server code reaches the bundle.
export const WIN_KINDS = ['deal_won', 'campaign_launched', 'kpi_target_hit', 'content_helped_sales', 'milestone', 'other'] as const;
export type WinKind = (typeof WIN_KINDS)[number];

/** The five reactions, in the order every win lists them. */
export const EMOJIS = ['tada', 'clap', 'rocket', 'heart', 'raised_hands'] as const;
export type Emoji = (typeof EMOJIS)[number];

export type PersonTeam = 'sales' | 'marketing' | 'leadership';
export type WinTeam = 'sales' | 'marketing';

export interface PersonRef {
  memberId: string;
  name: string;
  team: PersonTeam;
}

export interface WinSource {
  kind: 'deal' | 'kpi' | 'piece' | 'small_deals';
  id: string | null;
  label: string;
  href: string | null;
}

export interface ReactionView {
  emoji: Emoji;
  count: number;
  mine: boolean;
}

export interface CelebratedView {
  at: string;
  meetingId: string | null;
  meetingTitle: string | null;
  by: PersonRef | null;
}

export interface WinView {
  id: string;
  kind: WinKind;
  title: string;
  /** Plain text, may be ''. */
  story: string;
  /** YYYY-MM-DD */
  wonOn: string;
  /** The people credited span sales and marketing (leadership counts as neither). */
  collaborative: boolean;
  teams: WinTeam[];
  credited: PersonRef[];
  postedBy: PersonRef | null;
  /** Set when the win came from a confirmed proposal. */
  source: WinSource | null;
  reactions: ReactionView[];
  commentCount: number;
  celebrated: CelebratedView | null;
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface WinCommentView {
  id: string;
  body: string;
  author: PersonRef | null;
  createdAt: string;
  canDelete: boolean;
}

export type WinDetailView = WinView & { comments: WinCommentView[] };

export interface ProposalView {
  id: string;
  kind: WinKind;
  title: string;
  story: string;
  wonOn: string;
  suggestedCredits: PersonRef[];
  source: WinSource;
  createdAt: string;
  amountCents: number | null;
  /** A small-deals batch: how many deals it gathers. */
  dealCount: number | null;
}

export interface WinsSummaryView {
  weeks: Array<{ weekStart: string; wins: number; collaborative: number }>;
  last4Weeks: { wins: number; perWeek: number; collaborativeShare: number | null; celebratedShare: number | null };
  byTeam: { sales: number; marketing: number; collaborative: number };
}

export interface WinInput {
  kind: WinKind;
  title: string;
  story?: string;
  wonOn: string;
  creditedMemberIds: string[];
}

export interface ConfirmProposalInput {
  title?: string;
  story?: string;
  creditedMemberIds?: string[];
}

/** The feed's filters, as the URL's query keeps them. */
export interface WinFilters {
  team: WinTeam | null;
  kind: WinKind | null;
  collaborative: 'true' | 'false' | null;
  q: string;
}
