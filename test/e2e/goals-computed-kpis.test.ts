// A KPI computed from deals on its page (issue 11, decision 039), in Chromium against the demo workspace: the admin
// sees where its values come from, with links to the deals and their import, and no form to type a value; a KPI
// entered by hand keeps "Record a value" and "Paste values"; the edit form says what switching to deals does. Shot at
// 1440×900 and 390×844 into test-results/e2e/goals-computed-*.png, and checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { useE2eSuite } from './helpers/suite.js';
import { pick } from './helpers/ui.js';

const DEMO_PASSWORD = 'lockstep-demo';
const suite = useE2eSuite({ demo: true });

async function both(page: Page, name: string): Promise<void> {
  await shot(page, `goals-computed-${name}-1440`);
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await shot(page, `goals-computed-${name}-390`);
  } finally {
    await page.setViewportSize(wide);
  }
}

describe('a KPI computed from deals, on its page', () => {
  it('shows where its values come from instead of the value forms; a manual KPI keeps them; the form explains the source', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', DEMO_PASSWORD);
    const list = async (team: string) => (await api.get<{ items: Array<{ id: string; name: string; kind: string; dataSource: string }> }>(`/api/v1/goals/kpis?team=${team}&limit=200`)).items;
    const revenue = (await list('sales')).find((k) => k.kind === 'revenue_closed' && k.dataSource === 'deals');
    const manual = (await list('marketing')).find((k) => k.dataSource === 'manual');
    if (!revenue || !manual) throw new Error('the demo has no deals revenue KPI or no manual marketing KPI');
    const dana = await suite.personFor(api, 'America/New_York');
    const page = dana.page;
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.goto(`/goals/kpis/${revenue.id}`);
    const computed = page.getByRole('region', { name: 'Where the values come from' });
    await computed.waitFor();
    await computed.getByText(/Each quarter: sum of the amounts of deals won with a close date in the quarter/).waitFor();
    expect(await computed.getByRole('link', { name: 'See the deals' }).getAttribute('href')).toBe('/deals');
    expect(await computed.getByRole('link', { name: 'Import deals' }).getAttribute('href')).toBe('/deals/import');
    // The values are there (computed), the forms are not.
    await page.getByRole('cell', { name: 'Computed from deals' }).first().waitFor();
    expect(await page.getByRole('heading', { name: 'Record a value' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Paste values' }).count()).toBe(0);
    await expectNoSeriousA11y(page, 'a KPI computed from deals');
    await both(page, 'deals-kpi');

    await page.goto(`/goals/kpis/${manual.id}`);
    await page.getByRole('heading', { name: 'Record a value' }).waitFor();
    await page.getByRole('heading', { name: 'Paste values' }).waitFor();
    expect(await page.getByRole('region', { name: 'Where the values come from' }).count()).toBe(0);
    await both(page, 'manual-kpi');

    // Switching the manual KPI's source to deals: the form says the typed values would be replaced — and its kind
    // (not one the deals measure) is refused before anything is sent.
    await page.getByRole('button', { name: 'Edit KPI' }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${manual.name}` });
    await dialog.waitFor();
    await pick(page, dialog.getByRole('combobox', { name: 'Data source' }), 'Computed from deals');
    await dialog.getByText(/The deals don’t measure .*: pick another data source\./).waitFor();
    await both(page, 'edit-form-refused');
    // A kind the deals measure: the help says what saving would do to the values typed so far.
    await pick(page, dialog.getByRole('combobox', { name: 'Kind' }), /^Marketing-sourced pipeline/, 'Marketing-sourced');
    await dialog.getByText('Filled in from imported deals after every import; values can’t be typed. Saving replaces the values typed so far with the computed ones.').waitFor();
    await expectNoSeriousA11y(page, 'the KPI form switching to deals');
    await both(page, 'edit-form');
  });
});
