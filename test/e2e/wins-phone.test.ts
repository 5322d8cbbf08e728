// The Wins page at phone width (found looking at screenshots: four filters took a screen's height, and the proposals
// waiting for someone came below a year of feed): the proposals come first and show two until asked for the rest, the
// filters fold behind one button that says how many are on, and the feed follows. Screenshots go to
// test-results/e2e/wins-phone-*.png.
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { useE2eSuite } from './helpers/suite.js';

const suite = useE2eSuite({ demo: true });

describe('wins on a phone', () => {
  it('puts two proposals first, folds the filters behind one button, and the feed follows', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', 'lockstep-demo');
    const dana = await suite.personFor(api);
    const page = dana.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/wins');
    const proposals = page.getByRole('region', { name: 'Proposed wins' });
    await proposals.getByRole('button', { name: /^Confirm: / }).first().waitFor();
    await expect.poll(() => proposals.getByRole('button', { name: /^Confirm: / }).count()).toBe(2);
    // The proposals come before the feed on the page.
    const feedTop = await page.getByRole('heading', { name: 'Feed' }).boundingBox();
    const proposalsTop = await proposals.boundingBox();
    expect(proposalsTop!.y).toBeLessThan(feedTop!.y);
    // The filters are folded: the Kind select is hidden until "Filters" opens them.
    const filters = page.getByRole('button', { name: 'Filters', exact: true });
    expect(await filters.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByPlaceholder('Any kind').isVisible()).toBe(false);
    await shot(page, 'wins-phone-folded');
    await filters.click();
    await page.getByPlaceholder('Any kind').waitFor();
    await page.locator('#wins-filters').getByText('Marketing', { exact: true }).click();
    await page.waitForURL(/team=marketing/);
    await page.getByRole('button', { name: 'Filters (1 on)' }).waitFor();
    await expectNoSeriousA11y(page, 'wins at phone width with the filters open');
    await shot(page, 'wins-phone-filters');
    // The rest of the proposals on request.
    await proposals.getByRole('button', { name: /^Show (more|the other \d+) proposed wins$/ }).click();
    await expect.poll(() => proposals.getByRole('button', { name: /^Confirm: / }).count()).toBeGreaterThan(2);
    dana.expectNoErrors();
  });
});
