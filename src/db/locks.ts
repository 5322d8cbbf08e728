// Transaction-scoped locks that make concurrent writers of one thing (a team's ranks, a member's
// expectations, a meeting's attendance) wait for each other at the start, in one order, instead of
// taking row locks in whatever order their scans meet the rows — which on PostgreSQL deadlocks (two
// transactions each holding a row the other needs) or lets both pass a check and write twice.
// See docs/decisions/015-lock-order.md.
// - PostgreSQL: pg_advisory_xact_lock on a 64-bit hash of the key, held until the transaction commits or
//   rolls back. An advisory lock blocks only other takers of the same key: no table or row is locked, so
//   readers and foreign-key checks (FOR KEY SHARE on a workspace row) carry on. Two keys that hash alike
//   only wait for each other a little longer.
// - SQLite: nothing to do. One connection is one writer, and Kysely runs its transactions one at a time.
import { sql } from 'kysely';
import { databaseErrorCode, isTransactionRace } from '../server/errors.js';
import type { Dialect, Tx } from './database.js';

/**
 * Locks the keys until the transaction ends. Take every lock a transaction needs in ONE call and FIRST,
 * before reading what the locks protect: keys are taken in sorted order, so two transactions wanting
 * the same keys never wait for each other in a cycle, and a read made after the lock sees every write
 * committed before it was granted (READ COMMITTED reads each statement afresh).
 */
export async function lockForUpdate(tx: Tx, dialect: Dialect, ...keys: string[]): Promise<void> {
  // Outside a transaction an xact lock would end with its own statement: a caller bug, not a lock.
  if (!tx.isTransaction) throw new Error('lockForUpdate needs a transaction: the lock lasts until it ends.');
  if (keys.length === 0) throw new Error('lockForUpdate needs at least one key.');
  if (dialect !== 'postgres') return;
  for (const key of [...new Set(keys)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(tx);
  }
}

/** A lock key from its parts: lockKey('goals', 'ranks', workspaceId) → 'goals:ranks:<id>'. */
export function lockKey(...parts: string[]): string {
  return parts.join(':');
}

/**
 * Whether a database error is a lost race rather than a bug: a unique-constraint violation (PostgreSQL
 * 23505, SQLite SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY), a serialization failure (40001) or a deadlock
 * (40P01). Routes that take their locks should not see these; when one still happens it is answered as a
 * 409 that says what collided, never a 500.
 */
export function isLostRace(err: unknown): boolean {
  return isTransactionRace(err) || ['23505', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_CONSTRAINT_PRIMARYKEY'].includes(databaseErrorCode(err)?.code ?? '');
}
