// The web app's figures (issue 9), in headless Chromium against the built server: for the dashboard and the
// Goals page, the JavaScript a browser fetches to render the route (recorded as Chromium fetches it, then
// gzipped here, since the server itself sends it uncompressed) and the time from navigation to the route's
// content being visible. Each visit is a fresh browser context — no cache, the bench's session cookie — so
// every one is a first visit; one unmeasured visit per route comes first.
import { gzipSync } from 'node:zlib';
import type { Browser, Response } from 'playwright-core';
import { launchBrowser } from '../test/e2e/helpers/browser.js';
import type { StartedServer } from './built-server.js';
import { judgeBundle, WEB_ROUTES, type Verdict, type WebRoute } from './targets.js';

export interface ScriptFile {
  /** The path the browser fetched: "/assets/index-CAwjrfGD.js". */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface WebRouteResult {
  label: string;
  path: string;
  /** What "visible" means for this route, in words. */
  visibleWhen: string;
  /** Every script fetched before the route's content was visible, on the first measured visit. */
  scripts: ScriptFile[];
  gzipBytes: number;
  bytes: number;
  /** Milliseconds from navigation start (the page's performance.timeOrigin) to the content being visible, one per visit. */
  visibleMs: number[];
  medianVisibleMs: number;
  verdict: Verdict;
}

export interface WebResult {
  chromium: string;
  visits: number;
  routes: WebRouteResult[];
}

/** The session cookie the bench signed in with ("lockstep_session=…"), for a browser context. */
function sessionCookie(server: StartedServer): { name: string; value: string; url: string } {
  const at = server.cookie.indexOf('=');
  return { name: server.cookie.slice(0, at), value: server.cookie.slice(at + 1), url: server.baseUrl };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

/** One first visit: the scripts fetched before the content showed, and when it showed. */
async function visit(browser: Browser, server: StartedServer, route: WebRoute): Promise<{ visibleMs: number; scripts: ScriptFile[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US', timezoneId: 'America/New_York', colorScheme: 'light', reducedMotion: 'reduce' });
  try {
    await context.addCookies([sessionCookie(server)]);
    const page = await context.newPage();
    let visible = false;
    const scripts = new Map<string, Promise<ScriptFile>>();
    const record = (res: Response) => {
      const url = new URL(res.url());
      if (visible || url.origin !== server.baseUrl || !/javascript/.test(res.headers()['content-type'] ?? '') || scripts.has(url.pathname)) return;
      scripts.set(
        url.pathname,
        res.body().then((body) => ({ path: url.pathname, bytes: body.length, gzipBytes: gzipSync(body).length })),
      );
    };
    page.on('response', record);
    await page.goto(`${server.baseUrl}${route.path}`, { waitUntil: 'commit' });
    // Evaluated in the page on every animation frame, so the time is the frame's, not the harness's.
    const handle = await page.waitForFunction(route.visible, undefined, { polling: 'raf', timeout: 60_000 }).catch(async (e: unknown) => {
      const h1 = await page.locator('h1').first().textContent({ timeout: 1000 }).catch(() => null);
      throw new Error(`${route.label} did not show ${route.visibleWhen} within 60 s (its heading: ${h1 ?? 'none'}): ${e instanceof Error ? e.message : String(e)}`, { cause: e });
    });
    const visibleMs = Number(await handle.jsonValue());
    visible = true;
    page.off('response', record);
    return { visibleMs, scripts: await Promise.all(scripts.values()) };
  } finally {
    await context.close();
  }
}

export async function measureWeb(server: StartedServer, visits: number): Promise<WebResult> {
  const browser = await launchBrowser();
  try {
    const routes: WebRouteResult[] = [];
    for (const route of WEB_ROUTES) {
      await visit(browser, server, route);
      const seen = [];
      for (let i = 0; i < visits; i++) seen.push(await visit(browser, server, route));
      const scripts = (seen[0]?.scripts ?? []).sort((a, b) => b.gzipBytes - a.gzipBytes);
      const gzipBytes = scripts.reduce((n, s) => n + s.gzipBytes, 0);
      const visibleMs = seen.map((s) => Math.round(s.visibleMs));
      routes.push({
        label: route.label,
        path: route.path,
        visibleWhen: route.visibleWhen,
        scripts,
        gzipBytes,
        bytes: scripts.reduce((n, s) => n + s.bytes, 0),
        visibleMs,
        medianVisibleMs: median(visibleMs),
        verdict: judgeBundle(gzipBytes),
      });
    }
    return { chromium: browser.version(), visits, routes };
  } finally {
    await browser.close();
  }
}
