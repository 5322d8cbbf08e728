// Shadow days (SPEC S4, issue 15). Quarter dates 'YYYY-MM-DD' in the workspace's calendar (end exclusive),
// instants ISO, booleans 0/1, lists as JSON text.

export type ShadowDirection = 'marketing_shadows_sales' | 'sales_shadows_marketing';

export interface ShadowProgramsTable {
  id: string;
  workspace_id: string;
  /** 'FY2027-Q1', as periodOf('quarter') keys it. */
  quarter_key: string;
  quarter_label: string;
  start_date: string;
  end_date: string;
  generated_at: string | null;
  generating_until: string | null;
  /** JSON array of { memberId, direction, reason }: who the last pairing could not place. */
  unplaced: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface ShadowParticipantsTable {
  program_id: string;
  workspace_id: string;
  member_id: string;
  /** The member's team when they joined the program: the direction they shadow in. */
  team: 'sales' | 'marketing';
  capacity: number;
  opted_out_reason: string | null;
  opted_out_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ShadowUnavailableDatesTable {
  program_id: string;
  workspace_id: string;
  member_id: string;
  date: string;
}

export interface ShadowPairsTable {
  id: string;
  workspace_id: string;
  program_id: string;
  direction: ShadowDirection;
  guest_id: string;
  host_id: string;
  pinned: number;
  cost: number;
  /** JSON array of sentences. */
  cost_reasons: string;
  date: string | null;
  sequence: number;
  /** The date the day-before reminder was sent for (a new date sends a new one). */
  reminder_sent_for: string | null;
  created_at: string;
  updated_at: string;
}

export interface ShadowDateProposalsTable {
  id: string;
  workspace_id: string;
  pair_id: string;
  date: string;
  proposed_by: string | null;
  proposed_at: string;
  status: 'open' | 'accepted' | 'declined' | 'withdrawn';
  answered_by: string | null;
  answered_at: string | null;
}

export interface ShadowReflectionsTable {
  pair_id: string;
  workspace_id: string;
  guest_id: string;
  surprised: string;
  misconception: string;
  idea: string;
  rating: number;
  written_at: string;
  updated_at: string;
}

export interface ShadowAffinityRulesTable {
  workspace_id: string;
  sales_function: string;
  marketing_function: string;
  bonus: number;
}
