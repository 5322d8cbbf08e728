// The durable outbox (SPEC S7): every outgoing message (webhook, Slack, Teams, email) is a row written in
// the same transaction as the change that caused it, then delivered with retries and exponential backoff.
// A claimed row carries a lease (claimed_until): if the process dies mid-send, the row is claimed again
// once the lease has passed, so a restart loses nothing. A row may carry an idempotency key (unique per
// workspace: enqueueing it again writes nothing) and the channel it goes out through (docs/decisions/050):
// each delivery's outcome keeps that channel's health (ok, or failing with its last error).
import { sql } from 'kysely';
import type { Database, Db } from '../db/database.js';
import { newId, nowIso } from './ids.js';
import type { Logger } from './logger.js';

/** Which row a transport is delivering: channel transports read their channel's settings by it. */
export interface DeliveryContext {
  id: string;
  workspaceId: string | null;
  channelId: string | null;
}

export interface Transport {
  /** Delivers one message; throws to retry later, throws PermanentDeliveryError to give up at once. */
  send(target: string, payload: unknown, row: DeliveryContext): Promise<void>;
}

export class PermanentDeliveryError extends Error {}

export interface OutboxMessage {
  workspaceId: string | null;
  channel: string;
  target: string;
  payload: unknown;
  /** Unique per workspace: a second message with the same key is not written (its first one's id is answered). */
  idempotencyKey?: string | null;
  /** The channel (channels.id) it goes out through, whose health its outcome updates. */
  channelId?: string | null;
}

export const MAX_ATTEMPTS = 8;
/** Failed attempts in a row (across its messages) after which a channel shows as failing; a dead letter does it at once. */
export const FAILING_AFTER = 3;
/** How many targets (channels, webhook URLs) are delivered to side by side in one pass. */
const PARALLEL_TARGETS = 4;
const LEASE_MS = 60_000;

/** Delay before attempt n+1: 30 s, 1 min, 2 min … capped at 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** Writes a message; call it with the transaction that makes the change it reports. */
export async function enqueueMessage(db: Db, m: OutboxMessage): Promise<string> {
  const id = newId();
  const now = nowIso();
  const result = await db
    .insertInto('outbox')
    .values({
      id,
      workspace_id: m.workspaceId,
      channel: m.channel,
      target: m.target,
      payload: JSON.stringify(m.payload),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      claimed_until: null,
      last_error: null,
      created_at: now,
      sent_at: null,
      idempotency_key: m.idempotencyKey ?? null,
      channel_id: m.channelId ?? null,
    })
    .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1 || !m.idempotencyKey) return id;
  let q = db.selectFrom('outbox').select('id').where('idempotency_key', '=', m.idempotencyKey);
  q = m.workspaceId === null ? q.where('workspace_id', 'is', null) : q.where('workspace_id', '=', m.workspaceId);
  return (await q.executeTakeFirstOrThrow()).id;
}

/** What became of one delivery attempt. */
export interface DeliveryOutcome {
  status: 'sent' | 'pending' | 'dead' | 'sending';
  attempts: number;
  error: string | null;
  /** False when the row was not claimable (sent already, another instance is sending it, not due yet). */
  attempted: boolean;
}

/** POSTs the payload as JSON to the target URL: the base of the Slack and Teams transports. */
export const webhookTransport: Transport = {
  async send(target, payload) {
    let res: Response;
    try {
      res = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(payload),
        signal: AbortSignal.timeout(10_000),
        // Never followed: a receiver could send the message (and its next ones) somewhere the URL checks did not allow.
        redirect: 'manual',
      });
    } catch (err) {
      if (err instanceof Error && err.name === 'TimeoutError') throw new Error('The receiver did not answer within 10 seconds.', { cause: err });
      throw err;
    }
    if (res.ok) return;
    if (res.status >= 300 && res.status < 400) throw new PermanentDeliveryError(`HTTP ${res.status}: the receiver answered with a redirect, which is not followed; check the webhook URL.`);
    const text = (await res.text().catch(() => '')).slice(0, 200);
    const message = `HTTP ${res.status}${text ? `: ${text}` : ''}`;
    // 4xx other than 408/429 will not get better by retrying.
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentDeliveryError(message);
    throw new Error(message);
  },
};

/** An error's message with its cause's ("fetch failed: connect ECONNREFUSED 127.0.0.1:9"), which says what went wrong. */
function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // A timeout's cause ("The operation was aborted due to timeout") adds nothing to our sentence.
  const cause = err.cause instanceof Error && err.cause.name !== 'TimeoutError' ? err.cause.message : null;
  return cause && !err.message.includes(cause) ? `${err.message}: ${cause}` : err.message;
}

export class Outbox {
  private readonly transports = new Map<string, Transport>([['webhook', webhookTransport]]);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  register(channel: string, transport: Transport): void {
    this.transports.set(channel, transport);
  }

  /**
   * Delivers what is due now; returns how many messages were sent. Safe to call from several instances.
   * Rows are grouped by where they go (a channel, or a webhook URL): groups go side by side, a group's rows one
   * after another, and a group stops at its first failure this pass, so one slow or failing receiver neither
   * holds up the others nor is hammered (its rows stay due for the next pass).
   */
  async deliverDue(now = new Date(), limit = 50): Promise<number> {
    const at = now.toISOString();
    const due = await this.db.kysely
      .selectFrom('outbox')
      .select(['id', 'channel_id', 'target'])
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', at)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const groups = new Map<string, string[]>();
    for (const r of due) {
      const key = r.channel_id ? `channel:${r.channel_id}` : `target:${r.target}`;
      const ids = groups.get(key);
      if (ids) ids.push(r.id);
      else groups.set(key, [r.id]);
    }
    const queue = [...groups.values()];
    let sent = 0;
    const worker = async () => {
      for (let ids = queue.shift(); ids; ids = queue.shift()) {
        for (const [i, id] of ids.entries()) {
          const outcome = await this.deliverOne(id, now);
          if (outcome.status === 'sent' && outcome.attempted) sent++;
          else if (outcome.attempted) {
            // The rest of this target's due rows wait with it (not tried, attempts unchanged): left due, they would
            // fill the next passes' batches and starve every other channel's messages.
            await this.defer(ids.slice(i + 1), at, new Date(now.getTime() + backoffMs(outcome.status === 'pending' ? outcome.attempts : 1)));
            break;
          }
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL_TARGETS, queue.length) }, worker));
    return sent;
  }

  private async defer(ids: readonly string[], at: string, until: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.kysely
      .updateTable('outbox')
      .set({ next_attempt_at: until.toISOString() })
      .where('id', 'in', [...ids])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .execute();
  }

  /**
   * Delivers one message now if it can be claimed (pending, or sending with its lease passed), whatever its
   * next_attempt_at: the channels' "send test message" waits for its answer. Answers what became of it.
   */
  async deliverNow(id: string, now = new Date()): Promise<DeliveryOutcome> {
    return this.deliverOne(id, now, true);
  }

  private async deliverOne(id: string, now: Date, ignoreSchedule = false): Promise<DeliveryOutcome> {
    const at = now.toISOString();
    const claim = await this.db.kysely
      .updateTable('outbox')
      .set({ status: 'sending', claimed_until: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          ignoreSchedule ? eb('status', '=', 'pending') : eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', at)]),
        ]),
      )
      // The claimed row itself, in the same statement (both dialects have RETURNING).
      .returningAll()
      .executeTakeFirst();
    if (!claim) {
      const row = await this.db.kysely.selectFrom('outbox').select(['status', 'attempts', 'last_error']).where('id', '=', id).executeTakeFirst();
      return { status: row?.status ?? 'dead', attempts: row?.attempts ?? 0, error: row?.last_error ?? null, attempted: false };
    }
    const row = claim;
    const transport = this.transports.get(row.channel);
    const attempts = row.attempts + 1;
    try {
      if (!transport) throw new Error(`No transport for channel "${row.channel}"`);
      await transport.send(row.target, JSON.parse(row.payload), { id: row.id, workspaceId: row.workspace_id, channelId: row.channel_id });
      const sentAt = nowIso();
      await this.db.kysely
        .updateTable('outbox')
        .set({ status: 'sent', attempts, sent_at: sentAt, claimed_until: null, last_error: null })
        .where('id', '=', id)
        .execute();
      if (row.channel_id) {
        await this.db.kysely
          .updateTable('channels')
          .set({ status: 'ok', consecutive_failures: 0, last_sent_at: sentAt })
          .where('id', '=', row.channel_id)
          .execute();
      }
      return { status: 'sent', attempts, error: null, attempted: true };
    } catch (err) {
      const message = describeError(err).slice(0, 500);
      const dead = err instanceof PermanentDeliveryError || attempts >= MAX_ATTEMPTS;
      this.log.warn({ outboxId: id, channel: row.channel, channelId: row.channel_id, attempts, dead, error: message }, 'outbox delivery failed');
      await this.db.kysely
        .updateTable('outbox')
        .set({
          status: dead ? 'dead' : 'pending',
          attempts,
          last_error: message,
          claimed_until: null,
          next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
        })
        .where('id', '=', id)
        .execute();
      if (row.channel_id) {
        // One statement, so two instances failing at once both count.
        await this.db.kysely
          .updateTable('channels')
          .set({
            consecutive_failures: sql<number>`consecutive_failures + 1`,
            status: dead ? 'failing' : sql<'ok' | 'failing'>`case when consecutive_failures + 1 >= ${FAILING_AFTER} then 'failing' else status end`,
            last_error: message,
            last_error_at: nowIso(),
          })
          .where('id', '=', row.channel_id)
          .execute();
      }
      return { status: dead ? 'dead' : 'pending', attempts, error: message, attempted: true };
    }
  }

  /** Asks for a delivery pass soon (called after a transaction that enqueued something commits). */
  wake(): void {
    if (!this.timer || this.running) return;
    setImmediate(() => this.tick());
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.deliverDue()
      .catch((err: unknown) => {
        this.log.error({ err }, 'outbox pass failed');
        return 0;
      })
      .finally(() => {
        this.running = null;
      });
  }

  start(intervalMs = 5_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tick(), intervalMs);
    this.timer.unref();
    this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
