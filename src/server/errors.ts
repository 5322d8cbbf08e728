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
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export const badRequest = (message: string, details?: unknown) => new AppError('bad_request', message, details);
export const forbidden = (message = 'Your role does not allow this.') => new AppError('forbidden', message);
export const conflict = (message: string) => new AppError('conflict', message);
/** Unknown ids and other workspaces' ids answer the same way, so ids leak nothing (SPEC S0). */
export const notFound = (what: string) => new AppError('not_found', `${what} not found.`);
export const unauthenticated = (message = 'Sign in to continue.') => new AppError('unauthenticated', message);
