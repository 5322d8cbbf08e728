// A person talking to the API through app.server.inject: a cookie jar of their own, an optional API
// token, and the same-origin Origin header a browser sends on mutations. Each client also gets its own
// client address (x-forwarded-for; the test app trusts 127.0.0.1, app.inject's address, as its proxy), so
// per-address rate limits such as the sign-up limit apply per person, as they would in real use.
import type { Server } from '../../src/server/context.js';
import type { MeView } from './views.js';

/** testConfig().publicUrl: a browser on the app sends this Origin. */
export const SAME_ORIGIN = 'http://localhost:3000';

export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export interface SetCookie {
  name: string;
  value: string;
  path?: string;
  maxAge?: number;
  expires?: Date;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: string;
}

export interface ApiResponse<T> {
  status: number;
  /** The parsed JSON body (undefined when the body is not JSON). */
  body: T;
  /** body.error when the answer is an error. */
  error: ErrorBody | null;
  headers: Record<string, string | string[] | number | undefined>;
  cookies: SetCookie[];
  text: string;
}

export interface RequestOptions {
  body?: unknown;
  /** Sent as is, instead of JSON. */
  rawBody?: string | Buffer;
  headers?: Record<string, string>;
  /** Override the Origin header; null sends none. */
  origin?: string | null;
}

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';

let addressCounter = 0;
function nextAddress(): string {
  addressCounter++;
  return `127.${process.pid % 250}.${Math.floor(addressCounter / 250) % 250}.${(addressCounter % 250) + 1}`;
}

export class Client {
  readonly address: string;
  private readonly jar = new Map<string, string>();
  /** Set after signUp/signIn, so factories and tests can sign the person in again. */
  email: string | null = null;
  password: string | null = null;

  constructor(
    private readonly server: Server,
    private readonly token: string | null = null,
    address?: string,
  ) {
    this.address = address ?? nextAddress();
  }

  /** The same person calling with an API token instead of the cookie. */
  withToken(token: string): Client {
    return new Client(this.server, token, this.address);
  }

  /** The same session in a second tab: a copy of the cookie jar. */
  clone(): Client {
    const c = new Client(this.server, this.token, this.address);
    for (const [k, v] of this.jar) c.jar.set(k, v);
    c.email = this.email;
    c.password = this.password;
    return c;
  }

  /** Another person at the same client address (same office, same NAT), with an empty cookie jar. */
  neighbour(): Client {
    return new Client(this.server, null, this.address);
  }

  /** A new, anonymous person. */
  stranger(): Client {
    return new Client(this.server);
  }

  cookie(name: string): string | undefined {
    return this.jar.get(name);
  }

  setCookie(name: string, value: string): void {
    this.jar.set(name, value);
  }

  async request<T = unknown>(method: Method, url: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'x-forwarded-for': this.address };
    if (method !== 'GET') {
      const origin = opts.origin === undefined ? SAME_ORIGIN : opts.origin;
      if (origin !== null) headers.origin = origin;
    } else if (opts.origin) {
      headers.origin = opts.origin;
    }
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (this.jar.size > 0) headers.cookie = [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | Buffer | undefined;
    if (opts.rawBody !== undefined) {
      payload = opts.rawBody;
    } else if (opts.body !== undefined) {
      payload = JSON.stringify(opts.body);
      headers['content-type'] = 'application/json';
    }
    Object.assign(headers, opts.headers);
    const res = await this.server.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
    const cookies = res.cookies as SetCookie[];
    for (const c of cookies) {
      const expired = (c.maxAge !== undefined && c.maxAge <= 0) || (c.expires !== undefined && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    let body: unknown;
    try {
      body = res.body.length > 0 ? (JSON.parse(res.body) as unknown) : undefined;
    } catch {
      body = undefined;
    }
    const error = isErrorBody(body) ? body.error : null;
    return { status: res.statusCode, body: body as T, error, headers: res.headers, cookies, text: res.body };
  }

  get<T = unknown>(url: string, opts?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('GET', url, opts);
  }
  post<T = unknown>(url: string, body?: unknown, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.request<T>('POST', url, { ...opts, body });
  }
  patch<T = unknown>(url: string, body?: unknown, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', url, { ...opts, body });
  }
  delete<T = unknown>(url: string, opts?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', url, opts);
  }

  async signUp(input: { email: string; password: string; name: string; workspaceName: string; timeZone?: string; team?: string }): Promise<ApiResponse<MeView>> {
    const res = await this.post<MeView>('/api/v1/auth/signup', input);
    if (res.status === 201) {
      this.email = input.email.toLowerCase();
      this.password = input.password;
    }
    return res;
  }

  async signIn(email: string, password: string): Promise<ApiResponse<MeView>> {
    const res = await this.post<MeView>('/api/v1/auth/signin', { email, password });
    if (res.status === 200) {
      this.email = email.toLowerCase();
      this.password = password;
    }
    return res;
  }

  signOut(): Promise<ApiResponse<{ ok: true }>> {
    return this.post<{ ok: true }>('/api/v1/auth/signout');
  }

  /** GET /me, throwing unless it answers 200. */
  async me(): Promise<MeView> {
    return expectStatus(await this.get<MeView>('/api/v1/me'), 200);
  }
}

function isErrorBody(body: unknown): body is { error: ErrorBody } {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const e = (body as { error: unknown }).error;
  return typeof e === 'object' && e !== null && 'code' in e && 'message' in e;
}

/** Returns the body, or throws with the status and error when the status is not the expected one. */
export function expectStatus<T>(res: ApiResponse<T>, status: number): T {
  if (res.status !== status) {
    throw new Error(`Expected HTTP ${status}, got ${res.status}: ${res.text.slice(0, 500)}`);
  }
  return res.body;
}
