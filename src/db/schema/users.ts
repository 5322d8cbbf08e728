export interface UsersTable {
  id: string;
  email: string; // lower-cased
  name: string;
  /** argon2id hash; null until the person sets a password (added by an admin, not yet claimed). */
  password_hash: string | null;
  time_zone: string;
  /** The workspace whose admin added this person before they had a password: only its link may set the first one. */
  setup_workspace_id: string | null;
  /** Where the person lands when they sign in (the workspace they used last). */
  last_workspace_id: string | null;
  created_at: string;
}
