// One error shape for every failure: { error: { code, message, details? } } (issue #2).
export type ErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.status = STATUS[code];
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError('bad_request', message, details);
export const forbidden = (message = 'Your role does not allow this.') => new AppError('forbidden', message);
export const conflict = (message: string) => new AppError('conflict', message);
/** Unknown ids and other workspaces' ids answer the same way, so ids leak nothing (SPEC S0). */
export const notFound = (what: string) => new AppError('not_found', `${what} not found.`);
export const unauthenticated = (message = 'Sign in to continue.') => new AppError('unauthenticated', message);

export const SAME_MOMENT = 'Someone changed this at the same moment; reload and try again.';

/** A driver's error as both drivers shape it: pg's DatabaseError (a SQLSTATE) or better-sqlite3's SqliteError. */
export function databaseErrorCode(err: unknown): { dialect: 'postgres' | 'sqlite'; code: string } | null {
  if (typeof err !== 'object' || err === null) return null;
  const { code, name } = err as { code?: unknown; name?: unknown };
  if (typeof code !== 'string') return null;
  if (name === 'SqliteError' && code.startsWith('SQLITE_')) return { dialect: 'sqlite', code };
  // pg's DatabaseError carries the server's severity next to the five-character SQLSTATE.
  if ('severity' in err && /^[0-9A-Z]{5}$/.test(code)) return { dialect: 'postgres', code };
  return null;
}

/** PostgreSQL gave up on a transaction that raced another one (serialization_failure, deadlock_detected). */
export function isTransactionRace(err: unknown): boolean {
  const e = databaseErrorCode(err);
  return e?.dialect === 'postgres' && (e.code === '40001' || e.code === '40P01');
}

/**
 * The safety net under capability code: a database error that the request caused (a race on a unique key,
 * a number too large for the column, text PostgreSQL cannot store) as an answer a person can act on,
 * never the SQL. Null for errors that are ours to fix (they stay 500 and are logged).
 */
export function explainDatabaseError(err: unknown): AppError | null {
  const e = databaseErrorCode(err);
  if (!e) return null;
  const because = { cause: err };
  const answer = (code: ErrorCode, message: string) => new AppError(code, message, undefined, because);
  switch (e.code) {
    case '23505':
    case 'SQLITE_CONSTRAINT_UNIQUE':
    case 'SQLITE_CONSTRAINT_PRIMARYKEY':
      return answer('conflict', 'Someone else made the same change at the same moment; reload and try again.');
    case '23503':
    case 'SQLITE_CONSTRAINT_FOREIGNKEY':
      return answer('conflict', 'This refers to something that was just removed, or something else still depends on it; reload and try again.');
    case '40001':
    case '40P01':
      return answer('conflict', SAME_MOMENT);
    case '22003':
      return answer('bad_request', 'A number in the request is too large or too small to store.');
    case '22P02':
    case 'SQLITE_MISMATCH':
      return answer('bad_request', 'A value in the request is not in the form its field takes.');
    case '22001':
    case '54000':
    case 'SQLITE_TOOBIG':
      return answer('bad_request', 'A text in the request is too long to store.');
    case '22007':
    case '22008':
      return answer('bad_request', 'A date or time in the request is not a valid date or time.');
    case '22021':
    case '22P05':
      return answer('bad_request', 'The request contains characters that cannot be stored.');
  }
  // Any other data exception (SQLSTATE class 22) is about a value the request carried.
  if (e.dialect === 'postgres' && e.code.startsWith('22')) return answer('bad_request', 'A value in the request cannot be stored.');
  return null;
}
