// Outbound channels (issue 13): where a workspace's announcements go. Settings are encrypted (src/server/secrets.ts).
import type { ColumnType } from 'kysely';

export type ChannelKind = 'slack' | 'teams' | 'email';

export interface ChannelsTable {
  id: string;
  workspace_id: string;
  kind: ChannelKind;
  name: string;
  /** AES-256-GCM of the settings JSON (webhook URL; SMTP host, port, security, user, password, from). */
  config_encrypted: string;
  /** What settings show instead of the secret ("hooks.slack.com/…/a1B2", "smtp.example.com:587 as ana@…"). */
  config_hint: string;
  /** JSON array of the event kinds sent here (OutboundEventKind). */
  events: string;
  enabled: ColumnType<number, number | undefined, number>;
  status: 'ok' | 'failing';
  consecutive_failures: ColumnType<number, number | undefined, number>;
  last_error: string | null;
  last_error_at: string | null;
  last_sent_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}
