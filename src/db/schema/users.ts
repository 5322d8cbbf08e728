export interface UsersTable {
  id: string;
  email: string; // lower-cased
  name: string;
  /** argon2id hash; null until the person sets a password (added by an admin, not yet claimed). */
  password_hash: string | null;
  time_zone: string;
  created_at: string;
}
