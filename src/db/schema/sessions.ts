export interface SessionsTable {
  /** SHA-256 of the cookie value; the raw value is never stored. */
  id: string;
  user_id: string;
  workspace_id: string | null;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}
