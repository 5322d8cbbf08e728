// The database's change feed on PostgreSQL (docs/decisions/030): one LISTEN connection per server instance that
// hears, from triggers (migration 2026-12-05T0900-change-notify), every read-version bump and every change to
// sessions, API tokens and members, whichever instance, job or CLI command made it. The in-process credentials
// cache (src/server/auth-cache.ts) trusts what it holds only while this feed is connected: a dropped connection
// may have missed a notification, so losing it empties the cache and the feed reconnects before trusting again.
//
// Notifications are per database, not per schema, so each carries its schema and others are ignored (the test
// suite runs many schemas in one database).
import pg from 'pg';

export const CHANGE_CHANNEL = 'lockstep_changes';

export type Change = { kind: 'version'; scope: string; version: number } | { kind: 'credentials' };

export interface ChangeFeedOptions {
  url: string;
  schema?: string | undefined;
  onChange(change: Change): void;
  /** Called when the feed stops being trustworthy (lost connection) and when it (re)connects. */
  onReset(): void;
  onError?(err: unknown): void;
}

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

export class ChangeFeed {
  private client: pg.Client | null = null;
  private schema = '';
  private closed = false;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly waiting = new Map<string, () => void>();
  private sentinels = 0;
  /** True while LISTEN is in place on a live connection: only then may anything be served from what it told. */
  connected = false;

  constructor(private readonly options: ChangeFeedOptions) {}

  /** Connects and listens; resolves once listening (or after the first failure, retrying in the background). */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `lockstep change feed ${this.options.schema ?? ''}`.trim().slice(0, 63),
      ...(this.options.schema ? { options: `-c search_path=${this.options.schema}` } : {}),
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (msg) => {
      if (msg.channel === CHANGE_CHANNEL && msg.payload !== undefined) this.receive(msg.payload);
    });
    try {
      await client.connect();
      const rows = (await client.query<{ s: string }>('select current_schema() as s')).rows;
      this.schema = rows[0]?.s ?? 'public';
      await client.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (err) {
      this.options.onError?.(err);
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.scheduleRetry();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.retryMs = RETRY_MIN_MS;
    // Whatever was learnt before this connection may have missed changes: start from nothing.
    this.options.onReset();
    this.connected = true;
  }

  private lost(client: pg.Client, err: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.connected = false;
    this.options.onReset();
    if (err) this.options.onError?.(err);
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    for (const wake of this.waiting.values()) wake();
    this.waiting.clear();
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  /** Payloads: `<schema> v <scope> <version>`, `<schema> c`, `<schema> s <sentinel>`. */
  private receive(payload: string): void {
    const parts = payload.split(' ');
    if (parts[0] !== this.schema) return;
    if (parts[1] === 'v' && parts.length === 4) {
      const version = Number(parts[3]);
      if (Number.isSafeInteger(version)) this.options.onChange({ kind: 'version', scope: parts[2]!, version });
    } else if (parts[1] === 'c') {
      this.options.onChange({ kind: 'credentials' });
    } else if (parts[1] === 's' && parts[2]) {
      this.waiting.get(parts[2])?.();
      this.waiting.delete(parts[2]);
    }
  }

  /**
   * Resolves once every change committed before the call has been heard (PostgreSQL delivers notifications in
   * commit order, so hearing our own later sentinel means hearing all before it). For tests and for callers that
   * must read another instance's write at once.
   */
  async caughtUp(timeoutMs = 5_000): Promise<boolean> {
    const client = this.client;
    if (!client || !this.connected) return false;
    const id = `${process.pid}-${++this.sentinels}`;
    const heard = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        resolve(false);
      }, timeoutMs);
      this.waiting.set(id, () => {
        clearTimeout(timer);
        resolve(this.connected);
      });
    });
    await client.query('select pg_notify($1, $2)', [CHANGE_CHANNEL, `${this.schema} s ${id}`]);
    return heard;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    this.connected = false;
    if (client) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
    }
    for (const wake of this.waiting.values()) wake();
    this.waiting.clear();
  }
}
