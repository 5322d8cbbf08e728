// The channel transports (docs/decisions/050): Slack and Teams POST the row's rendered payload to the channel's
// webhook URL, email sends it with nodemailer through the channel's SMTP server to the row's recipient. The row
// names the channel, never the secret: each send reads the channel and opens its sealed settings then, so an
// admin's new URL or password applies to what is still waiting. Errors never carry the URL or the password.
import nodemailer from 'nodemailer';
import type { Database } from '../../db/database.js';
import type { ChannelKind } from '../../db/schema/channels.js';
import { PermanentDeliveryError, webhookTransport, type DeliveryContext, type Outbox, type Transport } from '../outbox.js';
import { SecretKeyMismatchError, type SecretBox } from '../secrets.js';
import type { EmailMessage } from './email.js';
import { parseChannelSettings, type ChannelSettings, type SmtpSettings } from './settings.js';

/** The channel's settings, opened; a channel gone, of another kind or sealed under another key gives up at once. */
async function settingsOf(db: Database, box: SecretBox, kind: ChannelKind, row: DeliveryContext): Promise<ChannelSettings> {
  if (!row.channelId || !row.workspaceId) throw new PermanentDeliveryError('The message names no channel.');
  const channel = await db.kysely
    .selectFrom('channels')
    .select(['kind', 'config_encrypted'])
    .where('id', '=', row.channelId)
    .where('workspace_id', '=', row.workspaceId)
    .executeTakeFirst();
  if (!channel || channel.kind !== kind) throw new PermanentDeliveryError('The channel was deleted.');
  try {
    return parseChannelSettings(kind, box.open(channel.config_encrypted));
  } catch (err) {
    if (err instanceof SecretKeyMismatchError) throw new PermanentDeliveryError(err.message);
    throw new PermanentDeliveryError("The channel's settings could not be read; enter them again.");
  }
}

/** An error's words with every secret taken out (fetch's "Failed to parse URL from …" would quote the URL). */
function scrubbed(err: unknown, secrets: readonly string[]): Error {
  const wrap = (text: string) => secrets.reduce((t, s) => (s ? t.split(s).join('[hidden]') : t), text);
  const message = wrap(err instanceof Error ? err.message : String(err));
  const cause = err instanceof Error && err.cause instanceof Error && err.cause.name !== 'TimeoutError' ? wrap(err.cause.message) : null;
  const text = cause && !message.includes(cause) ? `${message}: ${cause}` : message;
  return err instanceof PermanentDeliveryError ? new PermanentDeliveryError(text) : new Error(text);
}

function webhookChannelTransport(db: Database, box: SecretBox, kind: 'slack' | 'teams'): Transport {
  return {
    async send(_target, payload, row) {
      const settings = await settingsOf(db, box, kind, row);
      if (settings.kind === 'email') throw new PermanentDeliveryError('The channel is not a webhook.');
      try {
        await webhookTransport.send(settings.url, payload, row);
      } catch (err) {
        throw scrubbed(err, [settings.url, new URL(settings.url).pathname]);
      }
    },
  };
}

/** nodemailer's options for a channel's SMTP settings: implicit TLS, STARTTLS required, or none (never downgraded silently). */
export function smtpOptions(s: SmtpSettings) {
  return {
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    ...(s.user ? { auth: { user: s.user, pass: s.password ?? '' } } : {}),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  };
}

function emailTransport(db: Database, box: SecretBox): Transport {
  return {
    async send(target, payload, row) {
      const settings = await settingsOf(db, box, 'email', row);
      if (settings.kind !== 'email') throw new PermanentDeliveryError('The channel is not an SMTP server.');
      const message = payload as EmailMessage;
      const transporter = nodemailer.createTransport(smtpOptions(settings));
      try {
        await transporter.sendMail({
          from: settings.from,
          to: target,
          subject: message.subject,
          text: message.text,
          html: message.html,
          ...(message.attachments ? { attachments: message.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, content: a.content })) } : {}),
        });
      } catch (err) {
        const code = (err as { responseCode?: unknown }).responseCode;
        // A 5xx reply (mailbox unknown, authentication refused) will not get better by retrying; 4xx and network errors may.
        const permanent = typeof code === 'number' && code >= 500 && code < 600;
        const clean = scrubbed(err, settings.password ? [settings.password] : []);
        throw permanent ? new PermanentDeliveryError(clean.message) : clean;
      } finally {
        transporter.close();
      }
    },
  };
}

/** Registers the Slack, Teams and email transports on the outbox (the channels capability does, at start). */
export function registerChannelTransports(outbox: Outbox, db: Database, box: SecretBox): void {
  outbox.register('slack', webhookChannelTransport(db, box, 'slack'));
  outbox.register('teams', webhookChannelTransport(db, box, 'teams'));
  outbox.register('email', emailTransport(db, box));
}
