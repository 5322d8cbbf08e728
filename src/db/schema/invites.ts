export interface InvitesTable {
  id: string;
  workspace_id: string;
  token_hash: string;
  email: string | null;
  role: 'admin' | 'leader' | 'member' | 'viewer';
  team: 'sales' | 'marketing' | 'leadership';
  function: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}
