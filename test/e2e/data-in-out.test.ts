// Data in and out (SPEC S7, issue 11) in Chromium against the real app, in the demo workspace: an admin imports
// KPI values from a CSV on the KPIs page (the preview lists the bad row by number, she records the good ones, the
// KPI page shows the value), makes the webhook signing secret on Settings → API tokens (shown once), and every
// table offers its Download CSV. Screenshots at 1440×900 and at a phone's width: test-results/e2e/data-*.png.
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { useE2eSuite } from './helpers/suite.js';

const DEMO_PASSWORD = 'lockstep-demo';
const suite = useE2eSuite({ demo: true });

/** Last month as YYYY-MM (the demo's monthly KPIs take a month). */
function lastMonth(): string {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - 1);
  return d.toISOString().slice(0, 7);
}

describe('data in and out', () => {
  it('imports KPI values from a CSV, makes the signing secret, and offers Download CSV on the tables', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('priya@northwind.example', DEMO_PASSWORD);
    const kpis = await api.get<{ items: Array<{ id: string; name: string; period: string; dataSource: string; unit: string }> }>('/api/v1/goals/kpis?team=marketing&limit=200');
    const kpi = kpis.items.find((k) => k.period === 'month' && k.dataSource !== 'deals' && k.unit === 'count');
    if (!kpi) throw new Error('the demo has no monthly marketing count KPI');
    const priya = await suite.personFor(api, 'America/New_York');
    const page = priya.page;
    await page.setViewportSize({ width: 1440, height: 900 });

    await page.goto('/goals/kpis');
    await page.getByRole('heading', { level: 1, name: 'Manage KPIs' }).waitFor();
    await page.getByRole('link', { name: 'Download the marketing KPIs as CSV' }).waitFor();
    await page.getByRole('button', { name: 'Import values (CSV)' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import KPI values from a CSV' });
    await dialog.waitFor();
    const csv = `kpi,period,value,note\r\n${kpi.name},${lastMonth()},"1,234",From the e2e test\r\nNo such KPI,${lastMonth()},5,\r\n`;
    await dialog.locator('input[type="file"]').setInputFiles({ name: 'values.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByText('1 value ready', { exact: true }).waitFor();
    await dialog.getByText('1 row with problems', { exact: true }).waitFor();
    await dialog.getByRole('cell', { name: /^No such KPI: "No such KPI"/ }).waitFor();
    await expectNoSeriousA11y(page, 'KPI values import dialog');
    expect(await dialog.getByRole('button', { name: 'Record 1 value' }).isDisabled()).toBe(true);
    await dialog.getByRole('radio', { name: /Record the 1 good row/ }).check();
    await shot(page, 'data-kpi-values-import');
    await dialog.getByRole('button', { name: 'Record 1 value, skip 1 row' }).click();
    await page.getByText('Recorded 1 value for 1 KPI.').waitFor();

    await page.goto(`/goals/kpis/${kpi.id}`);
    await page.getByRole('cell', { name: 'From the e2e test' }).waitFor();
    await page.getByRole('link', { name: `Download every value of ${kpi.name} as CSV` }).waitFor();

    // The signing secret is the admin's: Dana.
    const danaApi = new ApiSession(suite.server.url);
    await danaApi.signIn('dana@northwind.example', DEMO_PASSWORD);
    const dana = await suite.personFor(danaApi, 'America/New_York');
    const admin = dana.page;
    await admin.setViewportSize({ width: 1440, height: 900 });
    await admin.goto('/settings/tokens');
    const card = admin.getByRole('region', { name: 'Webhook signing secret' });
    await card.getByRole('button', { name: 'Create signing secret' }).click();
    await card.getByTestId('webhook-secret').waitFor();
    expect(await card.getByTestId('webhook-secret').inputValue()).toMatch(/^whsec_/);
    await expectNoSeriousA11y(admin, 'API tokens with the signing secret');
    await shot(admin, 'data-webhook-secret');

    await admin.getByRole('tab', { name: 'Members' }).click();
    const download = admin.getByRole('link', { name: 'Download the people list as CSV' });
    await download.waitFor();
    expect(await download.getAttribute('href')).toBe('/api/v1/members.csv');
    await admin.getByRole('tab', { name: 'Workspace' }).click();
    await admin.getByRole('region', { name: 'Export and import' }).getByRole('link', { name: 'Download workspace (JSON)' }).waitFor();
    await shot(admin, 'data-workspace-export');
    dana.expectNoErrors();

    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/goals/kpis');
    await page.getByRole('button', { name: 'Import values (CSV)' }).click();
    await page.getByRole('dialog', { name: 'Import KPI values from a CSV' }).waitFor();
    await shot(page, 'data-kpi-values-import-phone');
    priya.expectNoErrors();
  });
});
