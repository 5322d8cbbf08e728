// What every browser test file sets up the same way: one server (with the demo workspace) and one
// Chromium for the file, a browser context per person, people who join through an invite, and the
// README's screenshots (refreshed only when UPDATE_DOC_SCREENSHOTS=1, so a test run leaves the tree clean).
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { ApiSession, signInContext } from './api.js';
import { launchBrowser, newPerson, type Person } from './browser.js';
import { startServer, type E2eServer, type E2eServerOptions } from './server.js';

export const E2E_PASSWORD = 'correct-horse-battery';
const DOCS = resolve(fileURLToPath(new URL('../../../docs/screenshots', import.meta.url)));

export interface E2eSuite {
  readonly server: E2eServer;
  readonly browser: Browser;
  /** A new person with a browser context of their own. */
  person(timezoneId?: string): Promise<Person>;
  /** A browser context for someone already signed in through the API. */
  personFor(api: ApiSession, timezoneId?: string): Promise<Person>;
  /** Someone who joins the admin's workspace through an invite; their API session and member id. */
  join(admin: ApiSession, who: { name: string; email: string; role: 'leader' | 'member'; team: 'sales' | 'marketing' }): Promise<{ api: ApiSession; memberId: string }>;
}

export function useE2eSuite(options: E2eServerOptions = {}): E2eSuite {
  let server: E2eServer | undefined;
  let browser: Browser | undefined;
  const people: Person[] = [];
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(options), launchBrowser()]);
  });
  afterAll(async () => {
    await Promise.all(people.map((p) => p.close().catch(() => undefined)));
    await browser?.close();
    await server?.close();
  });
  const suite: E2eSuite = {
    get server() {
      if (!server) throw new Error('The e2e server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('The browser is not launched yet');
      return browser;
    },
    async person(timezoneId) {
      const p = await newPerson(suite.browser, suite.server.url, timezoneId ? { timezoneId } : {});
      people.push(p);
      return p;
    },
    async personFor(api, timezoneId) {
      const p = await suite.person(timezoneId);
      await signInContext(p.context, api);
      return p;
    },
    async join(admin, who) {
      const invite = await admin.post<{ token: string }>('/api/v1/invites', { role: who.role, team: who.team });
      const api = new ApiSession(suite.server.url);
      const me = await api.post<{ member: { id: string } | null }>(`/api/v1/invites/accept/${invite.token}`, { name: who.name, email: who.email, password: E2E_PASSWORD });
      if (!me.member) throw new Error(`${who.name} joined no workspace`);
      return { api, memberId: me.member.id };
    },
  };
  return suite;
}

/** Copies a screenshot to docs/screenshots/<name> when asked to (UPDATE_DOC_SCREENSHOTS=1). */
export function saveDocScreenshot(png: string, name: string): void {
  if (process.env.UPDATE_DOC_SCREENSHOTS !== '1') return;
  mkdirSync(DOCS, { recursive: true });
  copyFileSync(png, resolve(DOCS, name));
}
