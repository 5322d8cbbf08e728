// A brand-new customer's first value (issue 10 "Onboarding"), in Chromium against the real app, using only what the
// UI offers: a founder signs up (setting up both teams), adds a sales and a marketing member who join through
// their links, marks them key players, confirms the workspace calendar, creates three KPIs for each team with how
// each is measured and ranks them, publishes both top threes on the teams' behalf (neither has a lead yet), sets up
// the weekly check-in and holds the meeting of today — the one that started ten minutes ago, since the UI lets a
// meeting be marked held once it has started — and the dashboard's Getting started reads 7 of 7 and can be put
// away. Screenshots of each step go to test-results/e2e/onboarding-*.png.
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { shot } from './helpers/browser.js';
import { E2E_PASSWORD, useE2eSuite } from './helpers/suite.js';
import { clickAndToast, meetingThatStartedTenMinutesAgo, pick } from './helpers/ui.js';

const suite = useE2eSuite();

const POLL = { timeout: 10_000 };

async function expectHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** The dashboard's Getting started card. */
const gettingStarted = (page: Page) => page.getByRole('region', { name: 'Getting started' });

/** Opens the dashboard and waits for Getting started to read "n of 7 done". */
async function dashboardAt(page: Page, done: number): Promise<Locator> {
  await page.getByRole('link', { name: 'Dashboard' }).first().click();
  const card = gettingStarted(page);
  await card.getByText(`${done} of 7 done`, { exact: true }).waitFor();
  return card;
}

const KPIS = {
  sales: [
    { kind: 'Win rate', search: 'Win rate', name: 'Win rate', measured: 'Deals won ÷ deals closed (won + lost), trailing 90 days, from the CRM.', target: '30' },
    { kind: 'SQLs', search: 'SQL', name: 'SQLs', measured: 'Opportunities an AE accepts after discovery, counted on the day of acceptance.', target: '40' },
    { kind: 'Lead response time', search: 'response', name: 'Lead response time', measured: 'Median hours from MQL hand-over to the first call or email.', target: '4' },
  ],
  marketing: [
    { kind: 'MQLs', search: 'MQL', name: 'MQLs', measured: 'Leads reaching a score of 65 for the first time in the month.', target: '400' },
    { kind: 'MQL→SAL acceptance rate', search: 'acceptance', name: 'MQL→SAL acceptance rate', measured: 'MQLs an SDR accepts within 5 working days ÷ MQLs handed over.', target: '70' },
    { kind: 'Content engagement', search: 'engagement', name: 'Content engagement', measured: 'Engaged sessions on posts, case studies and webinars, from GA4.', target: '10000' },
  ],
} as const;

describe('onboarding, in the browser', () => {
  it('a new sign-up reaches a published top three for both teams and a held check-in, with Getting started walking along', async () => {
    const when = meetingThatStartedTenMinutesAgo();
    const stamp = Date.now().toString(36);
    const founder = await suite.person(when.timeZone);
    const page = founder.page;

    // (1) Sign-up: the founder sets up both teams (leadership, the default).
    await page.goto('/signup');
    await page.getByRole('textbox', { name: 'Your name' }).fill('Dana Whitfield');
    await page.getByRole('textbox', { name: 'Work email' }).fill(`dana-${stamp}@harbor.example`);
    await page.getByLabel('Password', { exact: false }).fill(E2E_PASSWORD);
    await page.getByRole('textbox', { name: 'Company name' }).fill('Harbor Analytics');
    const both = page.getByRole('radio', { name: 'Both: I set up sales and marketing (leadership)' });
    expect(await both.isChecked()).toBe(true);
    await shot(page, 'onboarding-01-sign-up');
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await expectHeading(page, 'Harbor Analytics');
    const card = gettingStarted(page);
    await card.getByText('0 of 7 done', { exact: true }).waitFor();
    expect(await card.getByRole('link').allTextContents()).toEqual([
      'Add or invite people',
      'Choose key players',
      'Review workspace settings',
      'Open Manage KPIs',
      'Open Goals',
      'Open Check-ins',
      'Open Check-ins',
    ]);
    await shot(page, 'onboarding-02-dashboard-new');

    // (2) Invite both teams: add a sales and a marketing member; each joins through the link the dialog shows.
    await card.getByRole('link', { name: 'Add or invite people' }).click();
    await expectHeading(page, 'Settings');
    for (const who of [
      { name: 'Sam Seller', email: `sam-${stamp}@harbor.example`, team: 'Sales' },
      { name: 'Mara Marketer', email: `mara-${stamp}@harbor.example`, team: 'Marketing' },
    ]) {
      await page.getByRole('button', { name: 'Add member' }).click();
      const dialog = page.getByRole('dialog', { name: 'Add a member' });
      await dialog.getByRole('textbox', { name: 'Name', exact: false }).fill(who.name);
      await dialog.getByRole('textbox', { name: 'Email', exact: false }).fill(who.email);
      await pick(page, dialog.getByRole('combobox', { name: 'Team' }), who.team);
      await dialog.getByRole('button', { name: 'Add member' }).click();
      const added = page.getByRole('dialog', { name: 'Member added' });
      const link = await added.getByTestId('setup-link').inputValue();
      if (who.team === 'Sales') await shot(page, 'onboarding-03-member-added');
      await added.getByRole('button', { name: 'Done' }).click();
      await added.waitFor({ state: 'hidden' });
      const member = await suite.person(when.timeZone);
      await member.page.goto(link);
      await member.page.getByRole('textbox', { name: 'Your name' }).fill(who.name);
      await member.page.getByLabel('Choose a password').fill(E2E_PASSWORD);
      await member.page.getByRole('button', { name: 'Join Harbor Analytics' }).click();
      await expectHeading(member.page, 'Harbor Analytics');
      await member.close();
    }
    await page.reload();
    await page.getByRole('row', { name: /^Sam Seller/ }).waitFor();
    await dashboardAt(page, 1);

    // (3) Mark key players, from the members list.
    await gettingStarted(page).getByRole('link', { name: 'Choose key players' }).click();
    for (const name of ['Sam Seller', 'Mara Marketer']) {
      const toggle = page.getByRole('switch', { name: `${name} is a key player` });
      await toggle.click();
      await expect.poll(() => toggle.isChecked(), POLL).toBe(true);
    }
    await shot(page, 'onboarding-04-key-players');
    await dashboardAt(page, 2);

    // (4) Confirm the workspace calendar: saving the settings as they are is enough (the bug: it stayed undone).
    await gettingStarted(page).getByRole('link', { name: 'Review workspace settings' }).click();
    await clickAndToast(page, page.getByRole('button', { name: 'Save settings' }), 'Workspace settings saved.');
    await dashboardAt(page, 3);
    await shot(page, 'onboarding-05-dashboard-3-of-7');

    // (5) Each team's top three, created by the founder on the team's behalf, each with how it is measured.
    await gettingStarted(page).getByRole('link', { name: 'Open Manage KPIs' }).click();
    await expectHeading(page, 'Manage KPIs');
    for (const team of ['sales', 'marketing'] as const) {
      const label = team === 'sales' ? 'Sales' : 'Marketing';
      const region = page.getByRole('region', { name: `${label} KPIs` });
      await region.getByText(`you change these on the ${team} team's behalf`, { exact: false }).waitFor();
      for (const [i, kpi] of KPIS[team].entries()) {
        await region.getByRole('button', { name: 'New KPI' }).click();
        const form = page.getByRole('dialog', { name: `New ${team} KPI` });
        await pick(page, form.getByRole('combobox', { name: 'Kind' }), new RegExp(`^${kpi.kind}`), kpi.search);
        await expect.poll(() => form.getByRole('textbox', { name: 'Name' }).inputValue(), POLL).toBe(kpi.name);
        await form.getByRole('textbox', { name: "How it's measured" }).fill(kpi.measured);
        await form.getByRole('textbox', { name: /^Target per/ }).fill(kpi.target);
        await pick(page, form.getByRole('combobox', { name: 'Rank in the top three' }), `#${i + 1}`);
        if (team === 'sales' && i === 0) await shot(page, 'onboarding-06-new-kpi');
        await clickAndToast(page, form.getByRole('button', { name: 'Create KPI' }), `${kpi.name} created.`);
        await form.waitFor({ state: 'hidden' });
      }
      await region.getByText(`3 active · 3 in the top three`, { exact: false }).waitFor();
    }
    await shot(page, 'onboarding-07-kpis');
    await dashboardAt(page, 4);

    // (6) Publish each team's top three: neither team has a lead yet, so the founder publishes for it.
    await gettingStarted(page).getByRole('link', { name: 'Open Goals' }).click();
    await page.waitForURL((url) => url.pathname === '/goals');
    await expectHeading(page, 'Goals');
    for (const label of ['Sales', 'Marketing']) {
      const column = page.getByRole('region', { name: `${label} top three` });
      await column.getByRole('button', { name: 'Publish top three' }).click();
      const publish = page.getByRole('dialog', { name: `Publish the ${label.toLowerCase()} top three` });
      await publish.getByText('This publishes publication #1', { exact: false }).waitFor();
      if (label === 'Sales') await shot(page, 'onboarding-08-publish');
      await publish.getByRole('button', { name: 'Publish', exact: true }).click();
      const published = page.getByRole('dialog', { name: 'Published #1' });
      await published.getByRole('button', { name: 'Done' }).click();
      await published.waitFor({ state: 'hidden' });
      // The publication says on whose behalf it was made.
      await column.getByText(new RegExp(`^Published .+ by Dana Whitfield for ${label}$`)).waitFor();
    }
    await shot(page, 'onboarding-09-published');
    await dashboardAt(page, 5);

    // (7) Set up the weekly check-in: this weekday, ten minutes ago, 45 minutes; the key players attend.
    await gettingStarted(page).getByRole('link', { name: 'Open Check-ins' }).first().click();
    await expectHeading(page, 'Check-ins');
    await page.getByRole('heading', { level: 2, name: 'Set up the weekly check-in' }).waitFor();
    await pick(page, page.getByRole('combobox', { name: 'Every' }), when.weekdayLong);
    await page.getByLabel('Starts at').fill(when.time);
    await pick(page, page.getByRole('combobox', { name: 'Duration' }), '45 minutes');
    await shot(page, 'onboarding-10-check-in-form');
    await clickAndToast(page, page.getByRole('button', { name: 'Set up the weekly check-in' }), 'The weekly check-in is set up.');
    await page.getByRole('heading', { level: 2, name: 'Happening now' }).waitFor();
    await dashboardAt(page, 6);

    // (8) Hold the first check-in: the meeting of today, started ten minutes ago (a meeting in the past is not
    // something the UI can make; marking held is allowed once a meeting has started).
    await gettingStarted(page).getByRole('link', { name: 'Open Check-ins' }).click();
    await page.getByRole('link', { name: 'Run the meeting' }).click();
    await page.waitForURL((url) => /^\/checkins\/meetings\/[^/]+$/.test(url.pathname));
    for (const name of ['Sam Seller', 'Mara Marketer']) {
      const box = page.getByRole('checkbox', { name: new RegExp(`^${name}`) });
      await box.click();
      await expect.poll(() => box.isChecked(), POLL).toBe(true);
      await expect.poll(() => box.isEnabled(), POLL).toBe(true);
    }
    const markHeld = page.getByRole('button', { name: 'Mark held' });
    await expect.poll(() => markHeld.getAttribute('aria-disabled'), POLL).toBe('false');
    await clickAndToast(page, markHeld, 'Check-in held');
    await page.getByText('Held with quorum', { exact: true }).waitFor();
    await shot(page, 'onboarding-11-held');

    // (9) Every step done: the checklist says so, and the founder puts it away (for themself).
    const done = await dashboardAt(page, 7);
    await shot(page, 'onboarding-12-all-done');
    await done.getByRole('button', { name: 'Dismiss' }).click();
    await done.waitFor({ state: 'hidden' });
    await page.reload();
    await expectHeading(page, 'Harbor Analytics');
    await page.getByRole('heading', { name: 'What you owe' }).waitFor();
    expect(await gettingStarted(page).count()).toBe(0);
    await shot(page, 'onboarding-13-dismissed');
    founder.expectNoErrors();
  });
});
