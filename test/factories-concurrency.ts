// Helpers for concurrency tests: the same request sent by several people (or tabs) at once, and what the
// answers may be. Requests go through app.server.inject, so they interleave at every database await, as
// they would on one instance under load; on PostgreSQL each transaction runs on its own pooled connection.
import { expect } from 'vitest';
import type { ApiResponse } from './helpers/client.js';

/** How many requests race each other in a concurrency test. */
export const PARALLEL = 8;

/** Sends `count` requests at once; the answers in the order they were sent. */
export function burst<T>(count: number, send: (i: number) => Promise<ApiResponse<T>>): Promise<Array<ApiResponse<T>>> {
  return Promise.all(Array.from({ length: count }, (_, i) => send(i)));
}

/** `streams` parallel streams, each sending `perStream` requests one after another; every answer. */
export async function inParallelStreams<T>(streams: number, perStream: number, send: (stream: number, i: number) => Promise<ApiResponse<T>>): Promise<Array<ApiResponse<T>>> {
  const runs = await Promise.all(
    Array.from({ length: streams }, async (_, stream) => {
      const out: Array<ApiResponse<T>> = [];
      for (let i = 0; i < perStream; i++) out.push(await send(stream, i));
      return out;
    }),
  );
  return runs.flat();
}

/** "200×7, 409×1" and the first error message of each status, for assertion messages. */
export function tally(responses: ReadonlyArray<ApiResponse<unknown>>): string {
  const counts = new Map<number, { n: number; message: string | null }>();
  for (const r of responses) {
    const c = counts.get(r.status) ?? { n: 0, message: r.error ? `${r.error.code}: ${r.error.message}` : null };
    c.n++;
    counts.set(r.status, c);
  }
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, c]) => `${status}×${c.n}${c.message ? ` (${c.message})` : ''}`)
    .join(', ');
}

/**
 * Every answer is one of `allowed` (never a 5xx), and every refusal says in words what happened: a 409 is
 * a `conflict` with a sentence, not a database error passed through.
 */
export function expectOnly(responses: ReadonlyArray<ApiResponse<unknown>>, allowed: readonly number[]): void {
  const summary = tally(responses);
  for (const r of responses) {
    expect(allowed, summary).toContain(r.status);
    if (r.status >= 400) {
      expect((r.error?.message ?? '').split(' ').length, summary).toBeGreaterThan(2);
      expect(r.error?.message ?? '', summary).not.toMatch(/duplicate key|deadlock|violates|SQLITE_|constraint/i);
    }
  }
}

/** How many answers had `status`. */
export const countOf = (responses: ReadonlyArray<ApiResponse<unknown>>, status: number): number => responses.filter((r) => r.status === status).length;
