// A channel's settings (issue 13): what is sealed in channels.config_encrypted, the rules a webhook URL and an
// SMTP server must meet (each refusal a sentence), and the hint settings show instead of the secret.
import { isIP } from 'node:net';
import { z } from 'zod';
import type { ChannelKind } from '../../db/schema/channels.js';

export type SmtpSecurity = 'starttls' | 'tls' | 'none';
export interface SmtpSettings {
  kind: 'email';
  host: string;
  port: number;
  security: SmtpSecurity;
  user: string | null;
  password: string | null;
  from: string;
}
export interface WebhookSettings {
  kind: 'slack' | 'teams';
  url: string;
}
export type ChannelSettings = WebhookSettings | SmtpSettings;

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
export const isLoopbackHost = (host: string): boolean => LOOPBACK.has(host.toLowerCase());

/** Why a webhook URL is refused for this kind of channel, or null when it will do. */
export function webhookUrlProblem(kind: 'slack' | 'teams', text: string, production: boolean): string | null {
  const name = kind === 'slack' ? 'Slack' : 'Microsoft Teams';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `The webhook URL is not a web address; paste the whole URL ${name} gave you, starting with https://.`;
  }
  const loopback = isLoopbackHost(url.hostname) && !production;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return `The webhook URL must start with https:// (http:// is only accepted for localhost while developing).`;
  }
  if (url.username || url.password) return 'The webhook URL cannot carry a user name or password.';
  if (loopback) return null;
  const host = url.hostname.toLowerCase();
  if (kind === 'slack' && host !== 'hooks.slack.com') {
    return 'A Slack incoming webhook URL starts with https://hooks.slack.com/ (Slack shows it under Incoming Webhooks).';
  }
  if (kind === 'teams' && !(host.endsWith('.webhook.office.com') || host.endsWith('.logic.azure.com'))) {
    return 'A Microsoft Teams webhook URL is on *.webhook.office.com or, for a Workflows webhook, *.logic.azure.com.';
  }
  if (url.pathname.length <= 1) return `The webhook URL has no path; paste the whole URL ${name} gave you.`;
  return null;
}

const Email = z.email();

/** The address in "ana@example.com" or "Lockstep <ana@example.com>", or null when there is none. */
export function addressOf(from: string): string | null {
  const m = /^\s*(?:"?([^"<>]*)"?\s*)?<([^<>\s]+)>\s*$/.exec(from);
  const address = m ? m[2]! : from.trim();
  return Email.safeParse(address).success ? address : null;
}

/** Why SMTP settings are refused, or null when they will do. */
export function smtpProblem(s: Omit<SmtpSettings, 'kind'>, production: boolean): string | null {
  const host = s.host.trim();
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (!(isIP(bare) !== 0 || /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)*$/.test(host)) || host.length > 253) {
    return 'The SMTP host must be a server name or address, like smtp.example.com, without a port or http://.';
  }
  if (!Number.isInteger(s.port) || s.port < 1 || s.port > 65535) return 'The SMTP port must be a whole number from 1 to 65535 (587 for STARTTLS, 465 for TLS).';
  if (!addressOf(s.from)) return 'The sender (from) must be an email address, like lockstep@example.com or "Lockstep <lockstep@example.com>".';
  if (s.password && !s.user) return 'Give the SMTP user name that goes with the password.';
  if (production && s.security === 'none' && s.password && !isLoopbackHost(host)) {
    return 'Without TLS the password would cross the network in the clear; choose STARTTLS or TLS.';
  }
  return null;
}

/** The settings as sealed: JSON of the settings without their kind. */
export function sealableSettings(s: ChannelSettings): string {
  if (s.kind === 'email') return JSON.stringify({ host: s.host, port: s.port, security: s.security, user: s.user, password: s.password, from: s.from });
  return JSON.stringify({ url: s.url });
}

/** Reads opened settings back; throws when they are not of this kind. */
export function parseChannelSettings(kind: ChannelKind, json: string): ChannelSettings {
  const v = JSON.parse(json) as Record<string, unknown>;
  if (kind === 'email') {
    if (typeof v.host !== 'string' || typeof v.port !== 'number' || typeof v.from !== 'string') throw new Error('not SMTP settings');
    const security: SmtpSecurity = v.security === 'tls' || v.security === 'none' ? v.security : 'starttls';
    return { kind, host: v.host, port: v.port, security, user: typeof v.user === 'string' ? v.user : null, password: typeof v.password === 'string' ? v.password : null, from: v.from };
  }
  if (typeof v.url !== 'string') throw new Error('not webhook settings');
  return { kind, url: v.url };
}

/** What settings show instead of the secret: "hooks.slack.com/…/a1B2", "smtp.example.com:587 as ana@…". */
export function settingsHint(s: ChannelSettings): string {
  if (s.kind === 'email') {
    const who = s.user ?? addressOf(s.from) ?? s.from;
    const at = who.indexOf('@');
    const shown = at >= 0 ? `${who.slice(0, at + 1)}…` : who;
    return `${s.host}:${s.port} as ${shown}`;
  }
  const url = new URL(s.url);
  const tail = url.pathname.replace(/\/+$/, '').slice(-4);
  return `${url.host}/…/${tail}`;
}
