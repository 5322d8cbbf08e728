export interface OutboxTable {
  id: string;
  workspace_id: string | null;
  /** Transport name: 'webhook', 'slack', 'teams', 'email' … */
  channel: string;
  /** Where to: a webhook URL or an email address. */
  target: string;
  /** JSON body handed to the transport. */
  payload: string;
  status: 'pending' | 'sending' | 'sent' | 'dead';
  attempts: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}
