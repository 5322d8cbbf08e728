// Accessibility with everything open (issue 10): every page of the demo workspace, in light and in dark mode, passes
// axe with no serious or critical violation as it loads, with each of its menus open, and with each of its dialogs
// open. A menu is any button that says it opens one (aria-haspopup="menu"): the shell's on the first page, each page's
// own on every page; the dialogs are listed per page by the button that opens them. Screenshots of each page with the
// user menu open go to test-results/e2e/a11y-*.png.
import type { Page } from 'playwright-core';
import { describe, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { useE2eSuite } from './helpers/suite.js';

const suite = useE2eSuite({ demo: true });
const DEMO_PASSWORD = 'lockstep-demo';

interface PageCheck {
  path: string;
  name: string;
  /** Buttons on the page that open a dialog, by their accessible name. */
  dialogs: string[];
}

const PAGES: PageCheck[] = [
  { path: '/', name: 'dashboard', dialogs: ['Edit weights'] },
  { path: '/goals', name: 'goals', dialogs: [] },
  { path: '/goals/kpis', name: 'kpis', dialogs: ['Import values (CSV)', 'Add KPI kind', 'Set top three', 'New KPI'] },
  { path: '/goals/expectations', name: 'expectations', dialogs: [] },
  { path: '/goals/quiz', name: 'quiz', dialogs: [] },
  { path: '/checkins', name: 'checkins', dialogs: ['Edit'] },
  { path: '/deals', name: 'deals', dialogs: [] },
  { path: '/deals/import', name: 'deals-import', dialogs: [] },
  { path: '/messaging', name: 'messaging', dialogs: [] },
  { path: '/messaging/pains', name: 'messaging-pains', dialogs: [] },
  { path: '/messaging/evidence', name: 'messaging-evidence', dialogs: [] },
  { path: '/messaging/why', name: 'messaging-why', dialogs: [] },
  { path: '/messaging/pieces', name: 'messaging-pieces', dialogs: [] },
  { path: '/wins', name: 'wins', dialogs: ['Post a win'] },
  { path: '/shadowing', name: 'shadowing', dialogs: ['Affinity table'] },
  { path: '/settings/workspace', name: 'settings-workspace', dialogs: [] },
  { path: '/settings/members', name: 'settings-members', dialogs: ['Add member'] },
  { path: '/settings/invites', name: 'settings-invites', dialogs: ['Invite'] },
  { path: '/settings/tokens', name: 'settings-tokens', dialogs: ['Create token'] },
  { path: '/settings/audit', name: 'settings-audit', dialogs: [] },
];

/** The page has drawn its heading and nothing is still loading. */
async function settled(page: Page): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  await page.waitForLoadState('networkidle');
}

/**
 * Opens each menu in `scope` in turn and runs axe with it open. The shell's menus (workspace switcher, account menu)
 * are the same on every page, so they are checked on the first page only and the other pages' in their <main>.
 */
async function withMenusOpen(page: Page, label: string, scope: 'page' | 'main'): Promise<void> {
  const triggers = (scope === 'page' ? page : page.locator('main')).locator('[aria-haspopup="menu"]:visible');
  const n = await triggers.count();
  for (let i = 0; i < n; i++) {
    const trigger = triggers.nth(i);
    await trigger.click();
    await page.getByRole('menu').waitFor();
    await expectNoSeriousA11y(page, `${label} with menu ${i + 1} of ${n} open`);
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'hidden' });
  }
}

async function withDialogOpen(page: Page, label: string, opener: () => Promise<void>): Promise<void> {
  await opener();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await expectNoSeriousA11y(page, label);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
}

describe('accessibility with menus and dialogs open', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`every page passes axe in ${scheme} mode, closed and with each menu and dialog open`, async () => {
      const api = new ApiSession(suite.server.url);
      await api.signIn('dana@northwind.example', DEMO_PASSWORD);
      const dana = await suite.personFor(api);
      const page = dana.page;
      await page.emulateMedia({ colorScheme: scheme });
      for (const [i, p] of PAGES.entries()) {
        await page.goto(p.path);
        await settled(page);
        const label = `${p.path} (${scheme})`;
        await expectNoSeriousA11y(page, label);
        await withMenusOpen(page, label, i === 0 ? 'page' : 'main');
        for (const name of p.dialogs) {
          await withDialogOpen(page, `${label} with "${name}" open`, () => page.getByRole('button', { name, exact: true }).first().click());
        }
      }
      // A win's page (the demo's newest win), as it loads and with its Edit dialog open.
      await page.goto('/wins');
      await settled(page);
      await page.getByRole('article').first().getByRole('heading', { level: 3 }).getByRole('link').click();
      await page.waitForURL(/\/wins\/[^/]+$/);
      await settled(page);
      await expectNoSeriousA11y(page, `a win's page (${scheme})`);
      await withDialogOpen(page, `a win's page with "Edit" open (${scheme})`, () => page.getByRole('button', { name: 'Edit', exact: true }).click());
      // The account menu's own dialogs, and a screenshot with the menu open.
      await page.goto('/');
      await settled(page);
      for (const item of ['Profile', 'Change password']) {
        await withDialogOpen(page, `the ${item} dialog (${scheme})`, async () => {
          await page.getByRole('button', { name: /Account menu/ }).click();
          await page.getByRole('menuitem', { name: item }).click();
        });
      }
      await page.getByRole('button', { name: /Account menu/ }).click();
      await page.getByRole('menu').waitFor();
      await shot(page, `a11y-user-menu-${scheme}`);
      dana.expectNoErrors();
      // Every page of every room in one scheme: about 50 s on a quiet 2-core machine, 55-65 s beside a benchmark
      // (axe's 57 runs are most of it; see expectNoSeriousA11y).
    }, 900_000);
  }
});
