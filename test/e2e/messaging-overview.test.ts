// The Messaging overview (issue 12) in Chromium against the demo workspace: the messaging gap first, each pain with its
// evidence weight and a way to write for it; the coverage heat map of published pieces and of those in progress; the
// off-message list; the room's sub-navigation. Checked with axe; shot at 1440×900 and 390×844 into
// test-results/e2e/messaging-overview-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { useE2eSuite } from './helpers/suite.js';

const suite = useE2eSuite({ demo: true });

async function both(page: Page, name: string): Promise<void> {
  await shot(page, `messaging-overview-${name}-1440`);
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await shot(page, `messaging-overview-${name}-390`);
  } finally {
    await page.setViewportSize(wide);
  }
}

describe('the Messaging overview', () => {
  it('shows the gap, the heat map and the off-message pieces of the demo, and switches to the pieces in progress', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', 'lockstep-demo');
    const dana = await suite.personFor(api, 'America/New_York');
    const page = dana.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/messaging');
    await page.getByRole('heading', { level: 1, name: 'Messaging' }).waitFor();

    const nav = page.getByRole('navigation', { name: 'Messaging sections' });
    expect(await nav.getByRole('link', { name: 'Overview' }).getAttribute('aria-current')).toBe('page');
    expect(await nav.getByRole('link', { name: 'Pains' }).getAttribute('href')).toBe('/messaging/pains');

    const gap = page.getByRole('region', { name: 'Messaging gap' });
    await gap.getByRole('listitem').first().waitFor();
    await gap.getByText(/^Weight \d+\.\d$/).first().waitFor();
    const write = gap.getByRole('link', { name: /^Write a piece for “/ }).first();
    expect(await write.getAttribute('href')).toBe('/messaging/pieces');

    const map = page.getByRole('region', { name: 'Coverage heat map' });
    const table = map.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('rowheader').count()).toBeGreaterThan(10);
    expect(await table.getByRole('img', { name: /covers it$/ }).count()).toBeGreaterThan(0);

    const off = page.getByRole('region', { name: 'Off-message' });
    await off.getByRole('listitem').first().waitFor();

    // The heaviest five first; the rest a click away.
    expect(await gap.getByRole('listitem').count()).toBe(5);
    await gap.getByRole('button', { name: /^Show all \d+ pains not covered$/ }).click();
    expect(await gap.getByRole('listitem').count()).toBeGreaterThan(5);
    await gap.getByRole('button', { name: 'Show the heaviest five' }).click();

    await expectNoSeriousA11y(page, '/messaging');
    await both(page, 'published');
    await map.screenshot({ path: 'test-results/e2e/messaging-overview-heat-map-1440.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/e2e/messaging-overview-top-390.png' });
    await map.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/e2e/messaging-overview-heat-map-390.png' });
    await page.setViewportSize({ width: 1440, height: 900 });

    await map.getByText(/^In progress/).click();
    await map.getByText('each column a piece being written or reviewed', { exact: false }).waitFor();
    await table.getByRole('columnheader').nth(1).waitFor();
    await both(page, 'in-progress');

    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11y(page, '/messaging (dark)');
    await shot(page, 'messaging-overview-dark-1440');
    dana.expectNoErrors();
  });

  it('shows each piece’s band in full in the pieces list at 1440, never cut short', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', 'lockstep-demo');
    const page = (await suite.personFor(api, 'America/New_York')).page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/messaging/pieces');
    const table = page.getByRole('table');
    await table.getByText('PAIN-BASED', { exact: false }).first().waitFor();
    // Each band badge's label is as wide as its text: an ellipsis ("PAIN-BAS…") would show less than it holds.
    const cut = await table.locator('.mantine-Badge-label').evaluateAll((labels) =>
      labels.filter((l) => /PAIN-BASED|MIXED|FEATURE-LED/i.test(l.textContent ?? '') && l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent),
    );
    expect(await table.locator('.mantine-Badge-label', { hasText: /pain-based|feature-led|mixed/i }).count()).toBeGreaterThan(5);
    expect(cut).toEqual([]);
  });
});
