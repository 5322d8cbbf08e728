export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  member_id: string;
  name: string;
  /** SHA-256 of the token; the token itself is shown once. */
  token_hash: string;
  /** First characters of the token, to recognise it in the list. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}
