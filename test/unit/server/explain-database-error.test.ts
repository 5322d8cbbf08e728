// The safety net's table (src/server/errors.ts): which driver errors a request caused, and what the person
// reads. The API tests (hostile-input-rules) produce the real errors on both databases; this covers the
// SQLSTATEs that are hard to provoke on purpose (races, deadlocks, limits).
import { describe, expect, it } from 'vitest';
import { explainDatabaseError, isTransactionRace, SAME_MOMENT } from '../../../src/server/errors.js';

/** As pg's DatabaseError arrives: an Error named 'error' with the server's severity and SQLSTATE. */
const pgError = (code: string) => Object.assign(new Error(`insert into "kpis" ... failed (${code})`), { name: 'error', severity: 'ERROR', code });
/** As better-sqlite3's SqliteError arrives. */
const sqliteError = (code: string) => Object.assign(new Error('UNIQUE constraint failed: users.email'), { name: 'SqliteError', code });

describe('explainDatabaseError', () => {
  it.each([
    ['23505', 409, 'conflict', 'Someone else made the same change at the same moment; reload and try again.'],
    ['23503', 409, 'conflict', 'This refers to something that was just removed, or something else still depends on it; reload and try again.'],
    ['40001', 409, 'conflict', SAME_MOMENT],
    ['40P01', 409, 'conflict', SAME_MOMENT],
    ['22003', 400, 'bad_request', 'A number in the request is too large or too small to store.'],
    ['22P02', 400, 'bad_request', 'A value in the request is not in the form its field takes.'],
    ['22001', 400, 'bad_request', 'A text in the request is too long to store.'],
    ['54000', 400, 'bad_request', 'A text in the request is too long to store.'],
    ['22007', 400, 'bad_request', 'A date or time in the request is not a valid date or time.'],
    ['22008', 400, 'bad_request', 'A date or time in the request is not a valid date or time.'],
    ['22021', 400, 'bad_request', 'The request contains characters that cannot be stored.'],
    ['22P05', 400, 'bad_request', 'The request contains characters that cannot be stored.'],
    ['2200H', 400, 'bad_request', 'A value in the request cannot be stored.'],
  ])('PostgreSQL %s answers %i %s', (code, status, errorCode, message) => {
    const e = explainDatabaseError(pgError(code));
    expect(e).toMatchObject({ status, code: errorCode, message });
    expect(e?.cause).toBeInstanceOf(Error);
  });

  it.each([
    ['SQLITE_CONSTRAINT_UNIQUE', 409],
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 409],
    ['SQLITE_CONSTRAINT_FOREIGNKEY', 409],
    ['SQLITE_TOOBIG', 400],
    ['SQLITE_MISMATCH', 400],
  ])('SQLite %s answers %i', (code, status) => {
    expect(explainDatabaseError(sqliteError(code))?.status).toBe(status);
  });

  it('leaves errors that are ours to fix alone (they stay 500): syntax, missing column, not-null, busy, others', () => {
    for (const e of [pgError('42601'), pgError('42703'), pgError('23502'), sqliteError('SQLITE_ERROR'), sqliteError('SQLITE_BUSY'), sqliteError('SQLITE_CONSTRAINT_NOTNULL')]) {
      expect(explainDatabaseError(e)).toBeNull();
    }
  });

  it('is not fooled by errors that only look like database errors', () => {
    expect(explainDatabaseError(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toBeNull();
    expect(explainDatabaseError(Object.assign(new Error('five chars'), { code: '23505' }))).toBeNull();
    expect(explainDatabaseError(Object.assign(new Error('not sqlite'), { code: 'SQLITE_CONSTRAINT_UNIQUE' }))).toBeNull();
    for (const v of [null, undefined, 'error', 42, {}]) expect(explainDatabaseError(v)).toBeNull();
  });
});

describe('isTransactionRace', () => {
  it('is true for PostgreSQL serialization failures and deadlocks only', () => {
    expect(isTransactionRace(pgError('40001'))).toBe(true);
    expect(isTransactionRace(pgError('40P01'))).toBe(true);
    expect(isTransactionRace(pgError('23505'))).toBe(false);
    expect(isTransactionRace(sqliteError('SQLITE_BUSY'))).toBe(false);
    expect(isTransactionRace(new Error('40001'))).toBe(false);
  });
});
