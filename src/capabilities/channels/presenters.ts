// What the channels routes answer: a channel without its secret, a delivery without its payload.
import { parseEvents } from '../../server/outbound/announce.js';
import { parseChannelSettings, type ChannelSettings } from '../../server/outbound/settings.js';
import { SecretKeyMismatchError, type SecretBox } from '../../server/secrets.js';
import type { ChannelView } from './schemas.js';
import type { ChannelRecord, DeliveryRow } from './store.js';

/** The channel's settings opened, or the sentence saying why they cannot be. */
export function openSettings(box: SecretBox, c: Pick<ChannelRecord, 'kind' | 'config_encrypted'>): { settings: ChannelSettings } | { problem: string } {
  try {
    return { settings: parseChannelSettings(c.kind, box.open(c.config_encrypted)) };
  } catch (err) {
    if (err instanceof SecretKeyMismatchError) return { problem: err.message };
    return { problem: "this channel's settings could not be read; enter them again" };
  }
}

export function presentChannel(box: SecretBox, c: ChannelRecord): ChannelView {
  let smtp: ChannelView['smtp'] = null;
  let settingsProblem: string | null = null;
  // Slack and Teams settings are the secret URL alone: nothing to open for the view but whether it can be.
  const opened = openSettings(box, c);
  if ('problem' in opened) settingsProblem = opened.problem;
  else if (opened.settings.kind === 'email') {
    const s = opened.settings;
    smtp = { host: s.host, port: s.port, security: s.security, user: s.user, from: s.from, passwordSaved: !!s.password };
  }
  return {
    id: c.id,
    kind: c.kind,
    name: c.name,
    hint: c.config_hint,
    events: parseEvents(c.events),
    enabled: c.enabled === 1,
    status: c.status,
    consecutiveFailures: c.consecutive_failures,
    lastError: c.last_error,
    lastErrorAt: c.last_error_at,
    lastSentAt: c.last_sent_at,
    smtp,
    settingsProblem,
    createdAt: c.created_at,
    updatedAt: c.updated_at,
  };
}

/** A rendered payload's title: Slack's fallback text, the Teams card's heading, the email's subject. */
function summaryOf(kind: DeliveryRow['channel_kind'], payload: string): string {
  try {
    const p = JSON.parse(payload) as { text?: unknown; subject?: unknown; attachments?: Array<{ content?: { body?: Array<{ style?: string; text?: unknown }> } }> };
    if (kind === 'email' && typeof p.subject === 'string') return p.subject;
    if (kind === 'slack' && typeof p.text === 'string') return p.text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const heading = p.attachments?.[0]?.content?.body?.find((b) => b.style === 'heading')?.text;
    if (typeof heading === 'string') return heading;
  } catch {
    // fall through
  }
  return '(message)';
}

export function presentDelivery(d: DeliveryRow) {
  return {
    id: d.id,
    channelId: d.channel_id,
    channelName: d.channel_name,
    channelKind: d.channel_kind,
    summary: summaryOf(d.channel_kind, d.payload),
    recipient: d.channel_kind === 'email' ? d.target : null,
    status: d.status,
    attempts: d.attempts,
    lastError: d.last_error,
    nextAttemptAt: d.status === 'pending' ? d.next_attempt_at : null,
    createdAt: d.created_at,
    sentAt: d.sent_at,
  };
}
