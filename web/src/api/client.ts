// The web app's only way to the server: JSON over fetch with the session cookie, errors as ApiError.
// Every failure answers `{ error: { code, message } }` (SPEC S9), so the message is one a person can act on.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** For validation errors: each field's problem, keyed by the field's path (e.g. body.password). */
    readonly details: unknown = undefined,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const isUnauthenticated = (err: unknown): boolean => err instanceof ApiError && err.status === 401;

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

function isErrorBody(body: unknown): body is { error: { code: string; message: string; details?: unknown } } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && typeof (e as { message?: unknown }).message === 'string';
}

async function request<T>(method: Method, path: string, body?: unknown, file?: { data: Blob; type: string }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (file) headers['Content-Type'] = file.type;
  else if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}`, {
      method,
      credentials: 'same-origin',
      headers,
      body: file ? file.data : body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'Lockstep could not reach the server. Check your connection and try again.');
  }
  const text = await res.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!res.ok) {
    if (isErrorBody(parsed)) throw new ApiError(res.status, String(parsed.error.code), parsed.error.message, parsed.error.details);
    // A body over the server's limit can be refused by a proxy before the app answers.
    if (res.status === 413) throw new ApiError(413, 'payload_too_large', 'The file is too large for the server; split it into smaller files.');
    throw new ApiError(res.status, 'http_error', `The server answered ${res.status} ${res.statusText}.`.trim());
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
  /** POSTs a file as it is (a CSV, an export), not wrapped in JSON or a form: the server streams or checks it whole. */
  postFile: <T>(path: string, file: Blob, type: string) => request<T>('POST', path, undefined, { data: file, type }),
};

/** A message for any error thrown by a query or mutation. */
export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  return 'Something went wrong.';
}

/** The server's words for one field of the request body (e.g. 'password'), when it refused that field. */
export function fieldError(err: unknown, field: string): string | null {
  if (!(err instanceof ApiError) || !Array.isArray(err.details)) return null;
  for (const d of err.details as Array<{ path?: unknown; message?: unknown }>) {
    if (d.path === `body.${field}` && typeof d.message === 'string') return d.message;
  }
  return null;
}
