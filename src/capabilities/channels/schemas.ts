// Zod schemas of the channels routes (issue 13): Slack and Teams incoming webhooks and SMTP servers, which events
// each gets, the test message, and the deliveries with their dead letters. Secrets are write-only: no view has them.
import { z } from 'zod';
import { OUTBOUND_EVENT_KINDS } from '../../server/outbound/event.js';
import type { OutboundEventKind } from '../../server/outbound/announce.js';
import { PageQuery, pageOf } from '../../shared/page.js';

const IdParam = z.string().min(1).max(100);
export const IdParams = z.strictObject({ id: IdParam });
export const NoContent = z.null().describe('No content');

export const ChannelKindSchema = z.enum(['slack', 'teams', 'email']).describe('slack: a Slack incoming webhook; teams: a Microsoft Teams webhook; email: an SMTP server');
export const EventKindSchema = z
  .enum(OUTBOUND_EVENT_KINDS as [OutboundEventKind, ...OutboundEventKind[]], {
    message: `must be one of ${OUTBOUND_EVENT_KINDS.join(', ')}`,
  })
  .describe('wins, kpi_publications, missed_checkins, weekly_digest or shadow_days (shadow-day invites and reminders)');
const Events = z
  .array(EventKindSchema)
  .max(OUTBOUND_EVENT_KINDS.length * 2)
  .describe('Which events are sent to this channel');
const Name = z.string().trim().min(1, { message: 'cannot be empty' }).max(80, { message: 'can be at most 80 characters' }).describe('What the channel is called in settings ("#wins", "Sales team in Teams")');
const Url = z.string().trim().min(1, { message: 'cannot be empty' }).max(2000, { message: 'can be at most 2,000 characters' }).describe('The incoming webhook URL (https). Write-only: never answered back.');
const SmtpSecuritySchema = z.enum(['starttls', 'tls', 'none']).describe('starttls: plain connection upgraded with STARTTLS, required (587); tls: TLS from the start (465); none: no encryption (a relay on the same host)');

const SmtpInput = z.strictObject({
  host: z.string().trim().min(1, { message: 'cannot be empty' }).max(253, { message: 'can be at most 253 characters' }).describe('The SMTP server, e.g. smtp.example.com'),
  port: z.number().int({ message: 'must be a whole number from 1 to 65535' }).min(1, { message: 'must be a whole number from 1 to 65535' }).max(65535, { message: 'must be a whole number from 1 to 65535' }).describe('587 for STARTTLS, 465 for TLS'),
  security: SmtpSecuritySchema.default('starttls'),
  user: z.string().max(320, { message: 'can be at most 320 characters' }).nullable().optional().describe('The user name to sign in with; none: the server takes mail without signing in'),
  password: z.string().max(1000, { message: 'can be at most 1,000 characters' }).nullable().optional().describe('Write-only: never answered back. On a change, leave it out to keep the saved one, null to remove it.'),
  from: z.string().trim().min(3, { message: 'must be an email address' }).max(320, { message: 'can be at most 320 characters' }).describe('The sender: "lockstep@example.com" or "Lockstep <lockstep@example.com>"'),
});

export const ChannelCreateInput = z.strictObject({
  kind: ChannelKindSchema,
  name: Name,
  events: Events.default([]),
  enabled: z.boolean().default(true).describe('A disabled channel gets nothing until enabled again'),
  url: Url.optional().describe('Slack and Teams: the incoming webhook URL (https). Write-only.'),
  smtp: SmtpInput.optional().describe('Email: the SMTP server'),
});
export type ChannelCreateInput = z.infer<typeof ChannelCreateInput>;

export const ChannelPatchInput = z.strictObject({
  name: Name.optional(),
  events: Events.optional(),
  enabled: z.boolean().optional(),
  url: Url.optional().describe('Slack and Teams: a new webhook URL; leave it out to keep the saved one'),
  smtp: SmtpInput.partial().strict().optional().describe('Email: the fields to change; a password left out is kept'),
});
export type ChannelPatchInput = z.infer<typeof ChannelPatchInput>;

export const ChannelView = z.object({
  id: z.string(),
  kind: ChannelKindSchema,
  name: z.string(),
  hint: z.string().describe('Where it goes, without the secret: "hooks.slack.com/…/a1B2", "smtp.example.com:587 as ana@…"'),
  events: z.array(EventKindSchema),
  enabled: z.boolean(),
  status: z.enum(['ok', 'failing']).describe('failing after repeated failed deliveries or a dead letter, until one succeeds'),
  consecutiveFailures: z.number().int(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  lastSentAt: z.string().nullable(),
  smtp: z
    .object({ host: z.string(), port: z.number().int(), security: SmtpSecuritySchema, user: z.string().nullable(), from: z.string(), passwordSaved: z.boolean() })
    .nullable()
    .describe('Email: the server settings, without the password (passwordSaved says whether one is saved)'),
  settingsProblem: z.string().nullable().describe('Why the saved settings cannot be read (saved under another LOCKSTEP_SECRET_KEY); enter them again'),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ChannelView = z.infer<typeof ChannelView>;
export const ChannelListView = z.object({ items: z.array(ChannelView) });

export const TestResultView = z.object({
  deliveryId: z.string(),
  delivered: z.boolean(),
  status: z.enum(['sent', 'pending', 'dead', 'sending']).describe('sent; pending: it failed and will be retried; dead: it will not be retried'),
  error: z.string().nullable().describe('What the receiver or server answered when it failed'),
  recipient: z.string().nullable().describe('Email: the address the test went to (yours)'),
  channel: ChannelView,
});

export const DeliveryStatus = z.enum(['pending', 'sending', 'sent', 'dead']);
export const DeliveriesQuery = PageQuery.extend({
  status: DeliveryStatus.optional().describe('Only deliveries in this state (dead: the dead letters)'),
  channelId: IdParam.optional().describe('Only this channel\'s deliveries'),
});
export const DeliveryView = z.object({
  id: z.string(),
  channelId: z.string(),
  channelName: z.string(),
  channelKind: ChannelKindSchema,
  summary: z.string().describe("The message's title or subject"),
  recipient: z.string().nullable().describe('Email: the recipient; null for Slack and Teams'),
  status: DeliveryStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.string().nullable().describe('When it is tried again (pending only)'),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export const DeliveriesPageView = pageOf(DeliveryView);
