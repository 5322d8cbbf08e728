import type { ColumnType } from 'kysely';
export interface MembersTable {
  id: string;
  workspace_id: string;
  user_id: string;
  role: 'admin' | 'leader' | 'member' | 'viewer';
  team: 'sales' | 'marketing' | 'leadership';
  function: string;
  manager_id: string | null;
  key_player: number;
  active: number;
  /** When the person accepted the membership; null while it is an invitation waiting for them. */
  joined_at: string | null;
  /** The name the admin typed when adding the person, shown until they join. */
  invited_name: string | null;
  /** When the member put away the Getting started checklist (once every step was done); null while it shows. */
  getting_started_dismissed_at: ColumnType<string | null, string | null | undefined, string | null>;
  created_at: string;
  updated_at: string;
}
