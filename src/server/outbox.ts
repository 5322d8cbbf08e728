// The durable outbox (SPEC S7): every outgoing message (webhook, Slack, Teams, email) is a row written in
// the same transaction as the change that caused it, then delivered with retries and exponential backoff.
// A claimed row carries a lease (claimed_until): if the process dies mid-send, the row is claimed again
// once the lease has passed, so a restart loses nothing.
import type { Database, Db } from '../db/database.js';
import { newId, nowIso } from './ids.js';
import type { Logger } from './logger.js';

export interface Transport {
  /** Delivers one message; throws to retry later, throws PermanentDeliveryError to give up at once. */
  send(target: string, payload: unknown): Promise<void>;
}

export class PermanentDeliveryError extends Error {}

export interface OutboxMessage {
  workspaceId: string | null;
  channel: string;
  target: string;
  payload: unknown;
}

export const MAX_ATTEMPTS = 8;
const LEASE_MS = 60_000;

/** Delay before attempt n+1: 30 s, 1 min, 2 min … capped at 6 h. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 6 * 3_600_000);
}

/** Writes a message; call it with the transaction that makes the change it reports. */
export async function enqueueMessage(db: Db, m: OutboxMessage): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
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
    })
    .execute();
  return id;
}

/** POSTs the payload as JSON to the target URL: the base of the Slack and Teams transports. */
export const webhookTransport: Transport = {
  async send(target, payload) {
    const res = await fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
      signal: AbortSignal.timeout(10_000),
    });
    if (res.ok) return;
    const text = (await res.text().catch(() => '')).slice(0, 200);
    const message = `HTTP ${res.status}${text ? `: ${text}` : ''}`;
    // 4xx other than 408/429 will not get better by retrying.
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) throw new PermanentDeliveryError(message);
    throw new Error(message);
  },
};

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

  /** Delivers what is due now; returns how many messages were sent. Safe to call from several instances. */
  async deliverDue(now = new Date(), limit = 50): Promise<number> {
    const at = now.toISOString();
    const due = await this.db.kysely
      .selectFrom('outbox')
      .select(['id'])
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', at)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute();
    let sent = 0;
    for (const { id } of due) {
      if (await this.deliverOne(id, now)) sent++;
    }
    return sent;
  }

  private async deliverOne(id: string, now: Date): Promise<boolean> {
    const at = now.toISOString();
    const claim = await this.db.kysely
      .updateTable('outbox')
      .set({ status: 'sending', claimed_until: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', '=', id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', at)]),
        ]),
      )
      .executeTakeFirst();
    if (Number(claim.numUpdatedRows) !== 1) return false;
    const row = await this.db.kysely.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const transport = this.transports.get(row.channel);
    const attempts = row.attempts + 1;
    try {
      if (!transport) throw new Error(`No transport for channel "${row.channel}"`);
      await transport.send(row.target, JSON.parse(row.payload));
      await this.db.kysely
        .updateTable('outbox')
        .set({ status: 'sent', attempts, sent_at: nowIso(), claimed_until: null, last_error: null })
        .where('id', '=', id)
        .execute();
      return true;
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const dead = err instanceof PermanentDeliveryError || attempts >= MAX_ATTEMPTS;
      this.log.warn({ outboxId: id, channel: row.channel, attempts, dead, error: message }, 'outbox delivery failed');
      await this.db.kysely
        .updateTable('outbox')
        .set({
          status: dead ? 'dead' : 'pending',
          attempts,
          last_error: message.slice(0, 500),
          claimed_until: null,
          next_attempt_at: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
        })
        .where('id', '=', id)
        .execute();
      return false;
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
