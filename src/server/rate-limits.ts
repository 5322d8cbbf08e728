// Rate limits counted in the database (table rate_limits), so a limit holds however many instances serve
// the app (SPEC S9, docs/decisions/013). Two ways in:
// - routes: `config.rateLimit` on a route, counted by @fastify/rate-limit through databaseRateLimitStore;
// - handlers: consumeRateLimit(db, key, max, windowMs) for a second limit a route cannot express, such as
//   tries per account whatever the address (`signin-account:<email>`).
// Windows are fixed: the first try opens one of windowMs, later tries count in it, the first try after
// it opens the next. Passed windows are deleted hourly by the rate-limits.sweep job.
import { sql } from 'kysely';
import type { Db } from '../db/database.js';
import { AppError } from './errors.js';
import type { Job } from './jobs.js';

export interface RateLimitHit {
  /** Tries in the current window, this one included. */
  count: number;
  /** When the current window ends (ISO-8601). */
  resetAt: string;
}

/**
 * Counts one try against key, in one statement that both databases run atomically: two instances
 * counting the same key at once get 1 and 2, never 1 and 1.
 */
export async function hitRateLimit(db: Db, key: string, windowMs: number, now = new Date()): Promise<RateLimitHit> {
  const at = now.toISOString();
  // ISO-8601 instants of the same form compare as text, on both databases.
  const passed = sql<boolean>`rate_limits.reset_at <= ${at}`;
  const row = await db
    .insertInto('rate_limits')
    .values({ key, count: 1, reset_at: new Date(now.getTime() + windowMs).toISOString() })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when ${passed} then 1 else rate_limits.count + 1 end`,
        reset_at: sql<string>`case when ${passed} then excluded.reset_at else rate_limits.reset_at end`,
      }),
    )
    .returning(['count', 'reset_at'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), resetAt: row.reset_at };
}

/** "30 seconds", "1 minute", "15 minutes", "2 hours": how long to wait, in words. */
function waitInWords(seconds: number): string {
  const [n, unit] = seconds < 60 ? [seconds, 'second'] : seconds < 5400 ? [Math.ceil(seconds / 60), 'minute'] : [Math.ceil(seconds / 3600), 'hour'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

/**
 * Counts a try against key and throws 429 rate_limited once more than max were made in the window.
 * Call it with the database, not inside a transaction: a try must count even when the request then
 * fails (a wrong password), and a rolled-back transaction would take the count back with it.
 */
export async function consumeRateLimit(db: Db, key: string, max: number, windowMs: number): Promise<void> {
  const now = new Date();
  const hit = await hitRateLimit(db, key, windowMs, now);
  if (hit.count <= max) return;
  const retryAfterSeconds = Math.max(1, Math.ceil((Date.parse(hit.resetAt) - now.getTime()) / 1000));
  throw new AppError('rate_limited', `Too many attempts. Try again in ${waitInWords(retryAfterSeconds)}.`, { retryAfterSeconds });
}

/** Deletes the windows that have ended; returns how many. */
export async function sweepRateLimits(db: Db, now = new Date()): Promise<number> {
  const result = await db.deleteFrom('rate_limits').where('reset_at', '<=', now.toISOString()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export const rateLimitSweepJob: Job = {
  name: 'rate-limits.sweep',
  period: 'hour',
  async run({ db, now }) {
    await sweepRateLimits(db.kysely, now);
  },
};

type StoreCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What @fastify/rate-limit passes to a store's constructor and child(): its settings, with the route's. */
interface StoreOptions {
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * A store for @fastify/rate-limit (its `store` option) over rate_limits. The plugin makes one per route
 * through child(); each counts under its route's method and URL, so routes keep separate counts for the
 * same address, as the plugin's own in-memory store does. It honours max and timeWindow, not
 * continueExceeding or exponentialBackoff (no route uses them).
 */
export function databaseRateLimitStore(db: Db) {
  return class DatabaseRateLimitStore {
    private readonly scope: string;

    constructor(options: StoreOptions = {}) {
      const route = options.routeInfo;
      const method = Array.isArray(route?.method) ? route.method.join(',') : route?.method;
      this.scope = method && route?.url ? `${method} ${route.url}` : 'global';
    }

    incr(key: string, callback: StoreCallback, timeWindow: number): void {
      const now = new Date();
      hitRateLimit(db, `${this.scope}|${key}`, timeWindow, now).then(
        (hit) => callback(null, { current: hit.count, ttl: Math.max(0, Date.parse(hit.resetAt) - now.getTime()) }),
        (err: unknown) => callback(err instanceof Error ? err : new Error(String(err))),
      );
    }

    child(routeOptions: unknown): DatabaseRateLimitStore {
      return new DatabaseRateLimitStore(routeOptions as StoreOptions);
    }
  };
}
