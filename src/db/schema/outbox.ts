import type { ColumnType } from 'kysely';

export interface OutboxTable {
  id: string;
  workspace_id: string | null;
  /** Transport name: 'webhook', 'slack', 'teams', 'email' … */
  channel: string;
  /** Where to: a webhook URL, a channel id (Slack, Teams: the URL is a secret, read at send time) or an email address. */
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
  /** Unique per workspace: enqueueing the same key again writes nothing (announce: "<event key>:<channel>[:<member>]"). */
  idempotency_key: ColumnType<string | null, string | null | undefined, string | null>;
  /** The channel (Slack, Teams, email) the row goes out through; null for the generic webhook rows. */
  channel_id: ColumnType<string | null, string | null | undefined, string | null>;
}
