// The alignment score (SPEC S6, issue 14): a workspace's strategy weights (0–100 each) and its weekly history.
// Scores are whole numbers 0–100, null when not scored that week.

export interface AlignmentWeightsTable {
  workspace_id: string;
  goals: number;
  checkins: number;
  messaging: number;
  shadowing: number;
  wins: number;
  updated_by: string | null;
  updated_at: string;
}

export interface AlignmentScoresTable {
  id: string;
  workspace_id: string;
  /** The Monday (YYYY-MM-DD, UTC) of the ISO week the row stands for. */
  week_start: string;
  score: number | null;
  goals: number | null;
  checkins: number | null;
  messaging: number | null;
  shadowing: number | null;
  wins: number | null;
  computed_at: string;
}
