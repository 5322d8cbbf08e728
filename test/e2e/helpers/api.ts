// Seeding for the browser tests: one person talking to the running server with fetch, as the web app would
// (JSON, the session cookie, the same-origin Origin header on mutations). Hand the session to a browser
// context with signInContext, so a test starts signed in without going through the sign-in form.
import type { BrowserContext } from 'playwright-core';

const SESSION_COOKIE = 'lockstep_session';

export class ApiSession {
  private cookie: string | null = null;

  constructor(readonly baseUrl: string) {}

  /** The session cookie's value, once signed up or in. */
  get session(): string | null {
    return this.cookie;
  }

  async request<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = {};
    if (method !== 'GET') headers.origin = this.baseUrl;
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = `${SESSION_COOKIE}=${this.cookie}`;
    const res = await fetch(this.baseUrl + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      if (pair.slice(0, eq).trim() !== SESSION_COOKIE) continue;
      const value = pair.slice(eq + 1).trim();
      this.cookie = value === '' || /max-age=0\b/i.test(line) ? null : value;
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  signUp(input: { email: string; name: string; password: string; workspaceName: string; timeZone?: string }): Promise<unknown> {
    return this.post('/api/v1/auth/signup', input);
  }

  signIn(email: string, password: string): Promise<unknown> {
    return this.post('/api/v1/auth/signin', { email, password });
  }
}

/** Put this API session's cookie into a browser context: its pages are then signed in as that person. */
export async function signInContext(context: BrowserContext, api: ApiSession): Promise<void> {
  if (!api.session) throw new Error('The API session is not signed in');
  await context.addCookies([{ name: SESSION_COOKIE, value: api.session, url: api.baseUrl, httpOnly: true, sameSite: 'Lax' }]);
}
