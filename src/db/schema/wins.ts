// Celebrate wins (SPEC S5, issue 13). Dates 'YYYY-MM-DD' in the workspace's calendar, instants ISO, money in cents
// (bigint on PostgreSQL), booleans 0/1, lists of ids as JSON text.

export type WinKind = 'deal_won' | 'campaign_launched' | 'kpi_target_hit' | 'content_helped_sales' | 'milestone' | 'other';
export type WinEmoji = 'tada' | 'clap' | 'rocket' | 'heart' | 'raised_hands';
export type WinSourceKind = 'deal' | 'kpi' | 'piece' | 'small_deals';
export type WinProposalStatus = 'open' | 'confirmed' | 'dismissed';

export interface WinsTable {
  id: string;
  workspace_id: string;
  kind: WinKind;
  title: string;
  /** Plain text; '' when none was written. */
  story: string;
  won_on: string;
  /** The credited people span sales and marketing (their teams when credited); leadership counts as neither. */
  collaborative: number;
  has_sales: number;
  has_marketing: number;
  posted_by: string | null;
  /** Set when the win came from a confirmed proposal: what it was proposed from. */
  source_kind: WinSourceKind | null;
  source_id: string | null;
  source_label: string | null;
  source_href: string | null;
  /** Marked "celebrated together" (SPEC S5), optionally in a check-in. */
  celebrated_at: string | null;
  celebrated_meeting_id: string | null;
  celebrated_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WinCreditsTable {
  win_id: string;
  workspace_id: string;
  member_id: string;
  /** The member's team when they were credited. */
  team: 'sales' | 'marketing' | 'leadership';
  /** The order they were credited in. */
  position: number;
}

export interface WinReactionsTable {
  win_id: string;
  workspace_id: string;
  member_id: string;
  emoji: WinEmoji;
  created_at: string;
}

export interface WinCommentsTable {
  id: string;
  workspace_id: string;
  win_id: string;
  member_id: string | null;
  body: string;
  created_at: string;
}

/** The deals a win stands for (a won deal's, or every deal of a small-deals week), for the deals room's drawer. */
export interface WinDealsTable {
  win_id: string;
  workspace_id: string;
  deal_id: string;
}

export interface WinProposalsTable {
  id: string;
  workspace_id: string;
  /** Stable per thing proposed ('deal:<id>', 'kpi:<kpiId>:<period>', 'small-deals:<ISO week>'): unique per workspace. */
  key: string;
  kind: WinKind;
  title: string;
  story: string;
  won_on: string;
  /** JSON string[]: the members suggested as credited. */
  credited_member_ids: string;
  amount_cents: number | null;
  /** How many deals a small-deals batch holds; null otherwise. */
  deal_count: number | null;
  /** JSON string[]: the deals behind it. */
  deal_ids: string;
  source_kind: WinSourceKind;
  source_id: string | null;
  source_label: string;
  source_href: string | null;
  status: WinProposalStatus;
  decided_by: string | null;
  decided_at: string | null;
  /** The win it became, once confirmed. */
  win_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface WinSettingsTable {
  workspace_id: string;
  small_deal_threshold_cents: number;
  updated_by: string | null;
  updated_at: string;
}
