// The foundation issue end to end, in Chromium against the real app: a company signs up, invites a
// colleague who joins through the link, people move between workspaces and sign out; the demo workspace
// shows its teams; deep links survive a reload; the API docs render. Screenshots of each step go to
// test-results/e2e/, and axe checks the main pages.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiSession, signInContext } from './helpers/api.js';
import { expectNoSeriousA11y, shot, type Person } from './helpers/browser.js';
import { useE2eSuite } from './helpers/suite.js';

const DEMO_EMAIL = 'dana@northwind.example';
const DEMO_PASSWORD = 'lockstep-demo';

const suite = useE2eSuite({ demo: true });

const person = (timezoneId?: string): Promise<Person> => suite.person(timezoneId);

const atPath = (path: string) => (url: URL) => url.pathname === path;

/** The page's title: every signed-in page and every signed-out card has exactly one h1. */
async function expectHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

async function openSettingsTab(page: Page, tab: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Settings' }).click();
  await expectHeading(page, 'Settings');
  await page.getByRole('tab', { name: tab }).click();
  await page.waitForURL(atPath(`/settings/${tab.toLowerCase()}`));
  await page.getByRole('tab', { name: tab, selected: true }).waitFor();
}

async function switchWorkspace(page: Page, to: string): Promise<void> {
  await page.getByRole('button', { name: 'Switch workspace', exact: true }).click();
  await page.getByRole('menuitem', { name: to }).click();
  await expectHeading(page, to);
}

describe('foundation, in the browser', () => {
  it('a company signs up, invites a colleague who joins, both switch workspaces, and the admin signs out', async () => {
    // (1) Ada signs up through the form and lands on her workspace's dashboard.
    const ada = await person('America/New_York');
    const page = ada.page;
    await page.goto('/signup');
    await expectHeading(page, 'Create your workspace');
    await page.getByRole('textbox', { name: 'Your name', exact: false }).fill('Ada Lovelace');
    await page.getByRole('textbox', { name: 'Work email', exact: false }).fill('ada@acme.example');
    await page.getByLabel('Password', { exact: false }).fill('analytical-engine-1843');
    await page.getByRole('textbox', { name: 'Company name', exact: false }).fill('Acme Rockets');
    const timeZone = page.getByRole('combobox', { name: 'Time zone', exact: false });
    await expect.poll(() => timeZone.inputValue()).toBe('America/New York'); // the browser's zone is the default
    await timeZone.click();
    await timeZone.fill('Berlin');
    await page.getByRole('option', { name: 'Europe/Berlin' }).click();
    await expect.poll(() => timeZone.inputValue()).toBe('Europe/Berlin');
    await shot(page, '01-signup-filled');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(atPath('/'));
    await expectHeading(page, 'Acme Rockets');
    await page.getByText('Hi Ada.').waitFor();
    // Getting started (test/e2e/onboarding.test.ts walks it): the calendar counts as confirmed once the settings are saved.
    await page.getByText('Time zone Europe/Berlin; the fiscal year starts in January. Save the workspace settings to confirm them.').waitFor();
    await page.getByText(/^0 of \d+ done$/).waitFor();
    await shot(page, '02-dashboard-new-workspace');

    // (2) Settings → Invites: an open link for the marketing team.
    await openSettingsTab(page, 'Invites');
    await page.getByText('No invites yet').waitFor();
    await page.getByRole('button', { name: 'Invite', exact: true }).click();
    const inviteDialog = page.getByRole('dialog', { name: 'Invite someone' });
    await inviteDialog.waitFor();
    await inviteDialog.getByRole('combobox', { name: 'Team' }).click();
    await page.getByRole('option', { name: 'Marketing' }).click();
    await inviteDialog.getByRole('textbox', { name: 'Function' }).fill('Demand gen');
    await shot(page, '03-invite-form');
    await inviteDialog.getByRole('button', { name: 'Create link' }).click();
    const ready = page.getByRole('dialog', { name: 'Invite link ready' });
    await ready.waitFor();
    const link = await ready.getByTestId('invite-link').inputValue();
    expect(link).toMatch(new RegExp(`^${suite.server.url}/invite/[A-Za-z0-9_-]{20,}$`));
    await shot(page, '04-invite-link');
    await ready.getByRole('button', { name: 'Done' }).click();
    await ready.waitFor({ state: 'hidden' });
    const inviteRow = page.getByRole('row').filter({ hasText: 'Anyone with the link' });
    await inviteRow.waitFor();
    expect(await inviteRow.textContent()).toContain('Marketing');
    expect(await inviteRow.textContent()).toContain('Pending');

    // (3) Bob opens the link in his own browser, joins, and lands in Acme Rockets.
    const bob = await person('Europe/London');
    await bob.page.goto(link);
    await expectHeading(bob.page, 'Join Acme Rockets on Lockstep');
    await bob.page.getByText('Ada Lovelace invited you to join as a member of the marketing team.').waitFor();
    await bob.page.getByRole('textbox', { name: 'Your name', exact: false }).fill('Bob Marley');
    await bob.page.getByRole('textbox', { name: 'Email', exact: false }).fill('bob@acme.example');
    await bob.page.getByLabel('Choose a password', { exact: false }).fill('three-little-birds');
    await shot(bob.page, '05-invite-accept');
    await bob.page.getByRole('button', { name: 'Join Acme Rockets' }).click();
    await bob.page.waitForURL(atPath('/'));
    await expectHeading(bob.page, 'Acme Rockets');
    await bob.page.getByText('Hi Bob.').waitFor();
    await shot(bob.page, '06-joined-dashboard');

    // The admin reloads the invite list (lists are cached for 15 s, so an open page does not update by itself):
    // the link is used, and Bob is on Settings → Members, in marketing.
    await page.reload();
    await page.getByRole('row').filter({ hasText: 'Anyone with the link' }).filter({ hasText: 'Accepted' }).waitFor();
    await openSettingsTab(page, 'Members');
    const bobRow = page.getByRole('row', { name: /^Bob Marley/ });
    await bobRow.waitFor();
    const bobText = await bobRow.textContent();
    expect(bobText).toContain('bob@acme.example');
    expect(bobText).toContain('Marketing');
    expect(bobText).toContain('Demand gen');
    await shot(page, '07-settings-members');

    // (4) Bob also has a workspace of his own (made through the API, which switches his session to it).
    const created = await bob.context.request.post(`${suite.server.url}/api/v1/workspaces`, {
      data: { name: 'Bob Side Project', timeZone: 'Europe/London' },
      headers: { origin: suite.server.url },
    });
    expect(created.status()).toBe(201);
    await bob.page.reload();
    await expectHeading(bob.page, 'Bob Side Project');
    await bob.page.getByRole('button', { name: 'Switch workspace', exact: true }).click();
    await bob.page.getByRole('menuitem', { name: 'Acme Rockets' }).waitFor();
    await shot(bob.page, '08-workspace-switcher');
    await bob.page.getByRole('menuitem', { name: 'Acme Rockets' }).click();
    await expectHeading(bob.page, 'Acme Rockets');
    await bob.page.getByText('Switched to Acme Rockets.').waitFor();
    await switchWorkspace(bob.page, 'Bob Side Project');
    // The switch is the session's: a reload stays in the chosen workspace.
    await bob.page.reload();
    await expectHeading(bob.page, 'Bob Side Project');

    // Ada makes a second workspace through the workspace menu, then switches back.
    await page.getByRole('button', { name: 'Switch workspace', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Create workspace' }).click();
    const createDialog = page.getByRole('dialog', { name: 'Create a workspace' });
    await createDialog.getByRole('textbox', { name: 'Workspace name', exact: false }).fill('Acme Labs');
    await createDialog.getByRole('button', { name: 'Create workspace' }).click();
    await page.waitForURL(atPath('/'));
    await expectHeading(page, 'Acme Labs');
    await switchWorkspace(page, 'Acme Rockets');
    await page.getByText('Hi Ada.').waitFor();

    // (5) Signing out ends the session: the sign-in page, and the app stays closed after a reload.
    await page.getByRole('button', { name: /Account menu/ }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL(atPath('/signin'));
    await expectHeading(page, 'Sign in to Lockstep');
    await page.goto('/');
    await page.waitForURL(atPath('/signin'));
    await expectHeading(page, 'Sign in to Lockstep');
    await shot(page, '09-signed-out');

    ada.expectNoErrors();
    bob.expectNoErrors();
  });

  it('the demo workspace: Dana signs in and sees Northwind Analytics and its teams; the main pages pass axe', async () => {
    const dana = await person();
    const page = dana.page;
    await page.goto('/');
    await page.waitForURL(atPath('/signin'));
    await expectHeading(page, 'Sign in to Lockstep');
    await expectNoSeriousA11y(page, 'the sign-in page');
    await shot(page, 'signin');
    await page.getByRole('textbox', { name: 'Email' }).fill(DEMO_EMAIL);
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(atPath('/'));
    await expectHeading(page, 'Northwind Analytics');
    await page.getByText('Hi Dana.').waitFor();
    await page.getByText('Demo data', { exact: true }).waitFor();
    const teams = page.getByRole('region', { name: 'Teams' });
    for (const team of ['Sales', 'Marketing', 'Leadership']) await teams.getByRole('heading', { level: 3, name: team }).waitFor();
    // The team cards have loaded their people (not skeletons): leads and key players by name.
    await teams.getByText('Led by Marcus Chen and Tom Okafor').waitFor();
    await teams.getByText('Liam Fischer').waitFor();
    await expectNoSeriousA11y(page, 'the dashboard');
    await shot(page, 'dashboard');

    await openSettingsTab(page, 'Members');
    await page.getByRole('row', { name: /^Ruth Gallagher/ }).waitFor();
    expect(await page.getByRole('row').count()).toBe(16); // the header and 15 people
    await expectNoSeriousA11y(page, 'Settings → Members');
    await shot(page, 'settings-members');

    await openSettingsTab(page, 'Invites');
    await page.getByRole('button', { name: 'Invite', exact: true }).waitFor();
    await expectNoSeriousA11y(page, 'Settings → Invites');
    dana.expectNoErrors();
  });

  it('deep links load and reload through the SPA fallback, and a signed-out deep link comes back after sign-in', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn(DEMO_EMAIL, DEMO_PASSWORD);
    const dana = await person();
    await signInContext(dana.context, api);
    const page = dana.page;

    const res = await page.goto('/settings/members');
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-type']).toMatch(/text\/html/);
    await expectHeading(page, 'Settings');
    await page.getByRole('row', { name: /^Dana Whitfield/ }).waitFor();
    await page.getByRole('tab', { name: 'Members', selected: true }).waitFor();
    await page.reload();
    await expectHeading(page, 'Settings');
    await page.getByRole('row', { name: /^Dana Whitfield/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/settings/members');

    // An unknown address inside the app: the app's own not-found page, not a server 404.
    const missing = await page.goto('/no-such-page');
    expect(missing?.status()).toBe(200);
    await expectHeading(page, 'This page does not exist');
    // An unknown API address stays a JSON 404.
    const apiMissing = await dana.context.request.get(`${suite.server.url}/api/v1/no-such-route`);
    expect(apiMissing.status()).toBe(404);
    expect(((await apiMissing.json()) as { error: { code: string } }).error.code).toBe('not_found');

    // Signed out, the deep link sends the person to sign in, then back where they were going.
    const visitor = await person();
    await visitor.page.goto('/settings/members');
    await visitor.page.waitForURL(atPath('/signin'));
    await visitor.page.getByRole('textbox', { name: 'Email' }).fill('marcus@northwind.example');
    await visitor.page.getByLabel('Password').fill(DEMO_PASSWORD);
    await visitor.page.getByRole('button', { name: 'Sign in' }).click();
    await visitor.page.waitForURL(atPath('/settings/members'));
    await visitor.page.getByRole('row', { name: /^Dana Whitfield/ }).waitFor();

    dana.expectNoErrors();
    visitor.expectNoErrors();
  });

  it('/api/docs renders the Swagger UI under the CSP', async () => {
    const reader = await person();
    const page = reader.page;
    const res = await page.goto('/api/docs');
    expect(res?.ok()).toBe(true);
    await page.getByRole('heading', { level: 1, name: /^Lockstep API/ }).waitFor();
    // The operations list rendered too, not only the title.
    await page.locator('.opblock-summary-path').filter({ hasText: '/api/v1/auth/signup' }).first().waitFor();
    await shot(page, 'api-docs');
    // The docs page's CSP allows the inline styles swagger-ui sets, so the console stays clean.
    reader.expectNoErrors();
  });
});
