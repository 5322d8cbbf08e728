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
  created_at: string;
  updated_at: string;
}
