// The one way a room sends something out (issue 13): announce an event inside the transaction that makes the
// change, and every enabled channel of the workspace subscribed to the event's kind gets one outbox row, rendered
// now for that channel (Slack Block Kit, Teams Adaptive Card, email per recipient). The outbox delivers it after
// commit with retries (src/server/outbox.ts); the idempotency key makes a second announce of the same event a no-op.
import type { Db } from '../../db/database.js';
import { inChunks } from '../../db/insert-in-chunks.js';
import type { ChannelKind } from '../../db/schema/channels.js';
import { newId, nowIso } from '../ids.js';
import { emailMessage } from './email.js';
import { slackMessage } from './slack.js';
import { teamsMessage } from './teams.js';

export type OutboundEventKind = 'wins' | 'kpi_publications' | 'missed_checkins' | 'weekly_digest' | 'shadow_days';
export interface OutboundEvent {
  kind: OutboundEventKind;
  /** Stable per event ("win:<id>"): announcing the same event twice sends it once per channel/recipient. */
  key: string;
  /** Plain text, one line ("Northwind closed: $120,000 — sales and marketing together"). */
  title: string;
  /** Plain text paragraphs (no markdown), what happened in a few sentences. */
  text: string;
  fields?: Array<{ label: string; value: string }>;
  /** A path inside the app ("/wins/abc"); made absolute with config.publicUrl. */
  link: string;
  linkLabel?: string;
  /** 'celebrate' marks a collaborative win (highlighted in every channel); 'warning' a missed check-in. */
  accent?: 'celebrate' | 'warning' | 'info';
  /** Email only: the members who get it (each their own message). Absent: every active joined member. */
  recipientMemberIds?: string[];
  /** Only these kinds of channel (absent: every kind); a personal message (the weekly digest) goes to email only. */
  channelKinds?: readonly ChannelKind[];
  /** Email only, e.g. an ICS invite. */
  attachments?: Array<{ filename: string; contentType: string; content: string }>;
}

/** One outbox row as announce and the test message write it. */
export interface ChannelRow {
  /** The transport: the channel's kind. */
  channel: ChannelKind;
  channelId: string;
  /** Slack/Teams: the channel id (the webhook URL is a secret, read at send time). Email: the recipient's address. */
  target: string;
  payload: unknown;
  idempotencyKey: string;
}

/** The event rendered for one channel's kind (email: the same message for every recipient). */
export function renderFor(kind: ChannelKind, event: OutboundEvent, publicUrl: string): unknown {
  if (kind === 'slack') return slackMessage(event, publicUrl);
  if (kind === 'teams') return teamsMessage(event, publicUrl);
  return emailMessage(event, publicUrl);
}

/** The channel's subscribed events, from its JSON column (an unreadable value subscribes to nothing). */
export function parseEvents(json: string): OutboundEventKind[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((k): k is OutboundEventKind => typeof k === 'string') : [];
  } catch {
    return [];
  }
}

/** Email recipients: the listed members, or every active joined member, with their address. */
export async function emailRecipients(db: Db, workspaceId: string, memberIds?: readonly string[]): Promise<Array<{ memberId: string; email: string }>> {
  if (memberIds && memberIds.length === 0) return [];
  let q = db
    .selectFrom('members')
    .innerJoin('users', 'users.id', 'members.user_id')
    .select(['members.id as memberId', 'users.email as email'])
    .where('members.workspace_id', '=', workspaceId)
    .where('members.active', '=', 1)
    .where('members.joined_at', 'is not', null);
  if (memberIds) q = q.where('members.id', 'in', [...new Set(memberIds)]);
  return q.orderBy('members.id').execute();
}

/** Writes rows, skipping those whose idempotency key the workspace already has; returns how many were written. */
export async function writeChannelRows(db: Db, workspaceId: string, rows: readonly ChannelRow[]): Promise<number> {
  const now = nowIso();
  let written = 0;
  for (const part of inChunks(rows, 200)) {
    const result = await db
      .insertInto('outbox')
      .values(
        part.map((r) => ({
          id: newId(),
          workspace_id: workspaceId,
          channel: r.channel,
          target: r.target,
          payload: JSON.stringify(r.payload),
          status: 'pending' as const,
          attempts: 0,
          next_attempt_at: now,
          claimed_until: null,
          last_error: null,
          created_at: now,
          sent_at: null,
          idempotency_key: r.idempotencyKey,
          channel_id: r.channelId,
        })),
      )
      .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
      .executeTakeFirst();
    written += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return written;
}

/** Call inside the transaction that makes the change: one outbox row per enabled channel subscribed to
 *  event.kind (email: per recipient), rendered now for its channel; returns how many rows were written. */
export async function announce(db: Db, ctx: { publicUrl: string }, workspaceId: string, event: OutboundEvent): Promise<number> {
  const channels = await db
    .selectFrom('channels')
    .select(['id', 'kind', 'events'])
    .where('workspace_id', '=', workspaceId)
    .where('enabled', '=', 1)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const subscribed = channels.filter((c) => parseEvents(c.events).includes(event.kind) && (!event.channelKinds || event.channelKinds.includes(c.kind)));
  if (subscribed.length === 0) return 0;
  const rows: ChannelRow[] = [];
  let recipients: Array<{ memberId: string; email: string }> | null = null;
  for (const c of subscribed) {
    const payload = renderFor(c.kind, event, ctx.publicUrl);
    if (c.kind === 'email') {
      recipients ??= await emailRecipients(db, workspaceId, event.recipientMemberIds);
      for (const r of recipients) rows.push({ channel: 'email', channelId: c.id, target: r.email, payload, idempotencyKey: `${event.key}:${c.id}:${r.memberId}` });
    } else {
      rows.push({ channel: c.kind, channelId: c.id, target: c.id, payload, idempotencyKey: `${event.key}:${c.id}` });
    }
  }
  return writeChannelRows(db, workspaceId, rows);
}
