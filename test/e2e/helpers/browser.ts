// Chromium for the browser tests, driven by playwright-core: one browser per test file, a fresh context
// (its own cookies) per person, full-page screenshots into test-results/e2e/, and axe for accessibility.
// Every person's page records page errors and console errors; `person.expectNoErrors()` fails on any of
// them except the 401 the signed-out pages get from GET /api/v1/me (that is how the app learns nobody is
// signed in).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';

export const SCREENSHOT_DIR = resolve(fileURLToPath(new URL('../../../test-results/e2e', import.meta.url)));
const CHROMIUM = process.env.LOCKSTEP_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  try {
    return await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new Error(`Could not start Chromium at ${CHROMIUM} (apt-get install -y chromium): ${why}`, { cause: err });
  }
}

export interface Person {
  context: BrowserContext;
  page: Page;
  /** Page errors and unexpected console errors seen so far, newest last. */
  problems: string[];
  /** Fails with every problem seen on this person's pages, but those matching `allow` (known, reported ones). */
  expectNoErrors(allow?: RegExp[]): void;
  close(): Promise<void>;
}

export interface PersonOptions {
  /** The browser's time zone (sign-up and invite forms default to it). */
  timezoneId?: string;
}

/** Signed-out pages ask GET /api/v1/me who is signed in; the 401 answer is expected, not a fault. */
function isExpected401(msg: ConsoleMessage): boolean {
  const url = msg.location().url;
  return /status of 401/.test(msg.text()) && /\/api\/v1\/me(\?|$)/.test(url);
}

/** A new person: a browser context of their own (no shared cookies or storage) with one page. */
export async function newPerson(browser: Browser, baseURL: string, opts: PersonOptions = {}): Promise<Person> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 1280, height: 800 },
    locale: 'en-US',
    timezoneId: opts.timezoneId ?? 'America/New_York',
    colorScheme: 'light',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const problems: string[] = [];
  const page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`page error on ${page.url()}: ${err.stack ?? err.message}`));
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || isExpected401(msg)) return;
    const where = msg.location().url;
    problems.push(`console error on ${page.url()}: ${msg.text()}${where ? ` (${where})` : ''}`);
  });
  return {
    context,
    page,
    problems,
    expectNoErrors(allow: RegExp[] = []) {
      const unexpected = problems.filter((p) => !allow.some((re) => re.test(p)));
      if (unexpected.length > 0) throw new Error(`The browser reported ${unexpected.length} problem(s):\n${unexpected.join('\n')}`);
    },
    close: () => context.close(),
  };
}

/**
 * A full-page PNG at test-results/e2e/<name>.png. A long page is shot by growing the viewport to the page's
 * height rather than with `fullPage`, so the app shell's fixed header and navbar span the whole picture
 * instead of stopping at the first screen.
 */
export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = resolve(SCREENSHOT_DIR, `${name}.png`);
  const viewport = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (viewport && height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height: Math.min(height, 6000) });
    try {
      await page.screenshot({ path, fullPage: true, animations: 'disabled' });
    } finally {
      await page.setViewportSize(viewport);
    }
  } else {
    await page.screenshot({ path, fullPage: true, animations: 'disabled' });
  }
  return path;
}

/**
 * Runs axe on the page as it is now and fails on any 'serious' or 'critical' violation, listing each. Every rule
 * runs; two settings only cut the cost of a run (about 2.7 s to 0.85 s on a demo page; the a11y file runs it 114
 * times): legacy mode runs axe.run in the page itself, where the default opens a blank page per run to inject axe
 * into it again and merge the frames' results there (the app has no iframes; same-origin ones are still checked),
 * and resultTypes leaves out the nodes of the rules that pass, which nothing here reads (violations come in full).
 */
export async function expectNoSeriousA11y(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length === 0) return;
  const lines = bad.flatMap((v) => [
    `- [${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})`,
    ...v.nodes.slice(0, 5).map((n) => `    at ${n.target.join(' ')}: ${(n.failureSummary ?? '').replace(/\s+/g, ' ').trim()}`),
    ...(v.nodes.length > 5 ? [`    … and ${v.nodes.length - 5} more`] : []),
  ]);
  throw new Error(`Accessibility (axe) found ${bad.length} serious or critical violation(s) on ${label}:\n${lines.join('\n')}`);
}
