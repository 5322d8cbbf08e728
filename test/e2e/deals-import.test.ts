// Importing deals in the browser (issue 11), against the real app: a sales lead uploads a HubSpot export with one bad
// row (the upload slowed down so its progress bar shows), reads the error report, imports the valid rows, and the
// KPI computed from deals on the Goals page changes. Then a file from another CRM goes through the column-mapping
// step. Every step is shot at 1440×900 and 390×844 into test-results/e2e/deals-import-*.png, and checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { E2E_PASSWORD, useE2eSuite } from './helpers/suite.js';
import { pick } from './helpers/ui.js';

const TIME_ZONE = 'America/New_York';
const suite = useE2eSuite();

/** Today as YYYY-MM-DD in the workspace's zone: deals created today count in this month's pipeline. */
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

const HEADER = 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline,Original Source Type,Closed Won Reason,Closed Lost Reason';

/**
 * Two deals created today ($12,500 and $4,000: this month's pipeline is $16,500), one with no amount and an
 * impossible close date (row 3), and older deals that fill the file out to a few hundred kilobytes.
 */
function hubspotExport(owner: string): string {
  const lines = [
    HEADER,
    `5001,Acme platform,Closed Won,"$12,500.00",${today()},${today()},${owner},Sales Pipeline,Paid Search,Fast rollout,`,
    `5002,Broken row,Closed Won,,2026-02-31,${today()},${owner},Sales Pipeline,Paid Search,,`,
    `5003,Beta pilot,Appointment Scheduled,"4,000",2031-01-15,${today()},${owner},Sales Pipeline,Organic Search,,`,
  ];
  for (let i = 0; i < 4000; i++) lines.push(`${60000 + i},Archived deal number ${i} from the old pipeline,Closed Lost,"1,000",2019-06-15,2019-03-01,${owner},Sales Pipeline,Offline Sources,,Went dark`);
  return `${lines.join('\r\n')}\r\n`;
}

async function both(page: Page, name: string): Promise<void> {
  await shot(page, `deals-import-${name}-1440`);
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await shot(page, `deals-import-${name}-390`);
  } finally {
    await page.setViewportSize(wide);
  }
}

describe('importing deals, in the browser', () => {
  it('upload with a bad row → progress → error report → import the valid rows → the computed KPI on Goals changes', async () => {
    const stamp = Date.now().toString(36);
    const admin = new ApiSession(suite.server.url);
    await admin.signUp({ email: `ada-${stamp}@acme.example`, name: 'Ada Admin', password: E2E_PASSWORD, workspaceName: 'Acme Rockets', timeZone: TIME_ZONE });
    const { api: leadApi } = await suite.join(admin, { name: 'Sam Saleslead', email: `sam-${stamp}@acme.example`, role: 'leader', team: 'sales' });
    // The sales top three: pipeline generated, computed from deals, published.
    await leadApi.post('/api/v1/goals/kpis', { team: 'sales', name: 'Pipeline generated', kind: 'pipeline_generated', dataSource: 'deals', measurement: 'Sum of the amounts of deals created in the month.', period: 'month', target: 5_000_000, rank: 1 });
    await leadApi.post('/api/v1/goals/publications', { team: 'sales' });

    const lead = await suite.personFor(leadApi, TIME_ZONE);
    const page = lead.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/goals');
    const column = page.getByRole('region', { name: 'Sales top three' });
    await column.getByRole('heading', { level: 3, name: '#1 Pipeline generated' }).waitFor();
    expect(await column.innerText()).not.toMatch(/\$16[,.]5/);
    await shot(page, 'deals-import-00-goals-before');

    await page.goto('/deals/import');
    await page.getByRole('heading', { level: 1, name: 'Import deals' }).waitFor();
    await page.getByRole('heading', { name: 'Recent imports' }).waitFor();
    await page.getByText('No imports yet.').waitFor();
    await expectNoSeriousA11y(page, 'import page, empty');
    await both(page, '01-choose');

    // Slow the upload down (about 200 KB/s) so its progress bar is there to see.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 200 * 1024 });
    await page.getByLabel('Deals export (CSV)').setInputFiles({ name: 'hubspot-deals.csv', mimeType: 'text/csv', buffer: Buffer.from(hubspotExport('Sam Saleslead')) });
    const uploadBar = page.getByRole('progressbar', { name: /^Upload: \d+%$/ });
    await uploadBar.waitFor();
    await page.getByRole('heading', { name: 'Uploading hubspot-deals.csv' }).waitFor();
    await both(page, '02-uploading');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

    // The check's result: the format, the counts, the error report with row 3.
    const summary = page.getByRole('region', { name: 'hubspot-deals.csv' });
    await summary.getByText('HubSpot deals export').waitFor({ timeout: 30_000 });
    expect(await summary.innerText()).toMatch(/Rows\s*4,003[\s\S]*Valid\s*4,002[\s\S]*With errors\s*1/i);
    const report = page.getByRole('region', { name: 'Error report' });
    await report.getByRole('cell', { name: '3', exact: true }).first().waitFor();
    const reportText = await report.innerText();
    expect(reportText).toMatch(/Amount|Close Date/);
    const download = report.getByRole('link', { name: 'Download error report (CSV)' });
    expect(await download.getAttribute('href')).toMatch(/^\/api\/v1\/deals\/imports\/[^/]+\/errors\.csv$/);
    await expectNoSeriousA11y(page, 'import page, checked');
    await both(page, '03-checked');

    await page.getByRole('button', { name: 'Import the 4,002 valid rows and skip 1' }).click();
    const done = page.getByRole('heading', { name: '4,002 new, 0 updated' });
    await done.waitFor({ timeout: 60_000 });
    await expectNoSeriousA11y(page, 'import page, done');
    await both(page, '04-done');
    await page.getByRole('region', { name: 'Recent imports' }).getByText('Imported').waitFor();

    // The computed KPI: this month's pipeline is the two deals created today.
    await page.getByRole('link', { name: 'See the goals' }).click();
    await page.waitForURL((u) => u.pathname === '/goals');
    await expect.poll(async () => column.innerText(), { timeout: 15_000 }).toMatch(/\$16[,.]5/);
    await shot(page, 'deals-import-05-goals-after');
    lead.expectNoErrors();
  });

  it('a file from another CRM goes through the column-mapping step, saved as a preset', async () => {
    const stamp = Date.now().toString(36);
    const admin = new ApiSession(suite.server.url);
    await admin.signUp({ email: `mo-${stamp}@acme.example`, name: 'Mo Admin', password: E2E_PASSWORD, workspaceName: 'Mapped Co', timeZone: TIME_ZONE });
    const person = await suite.personFor(admin, TIME_ZONE);
    const page = person.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/deals/import');
    const csv = ['Deal Ref,Title,Phase,Value (USD),Won On,Opened On,Rep', 'P-1,Acme,Closed Won,"1,000",2026-03-02,2026-01-05,Mo Admin', 'P-2,Beta,Open,"2,500",2026-04-10,2026-02-05,Jordan Smith'].join('\n');
    await page.getByLabel('Deals export (CSV)').setInputFiles({ name: 'pipedrive.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const mapping = page.getByRole('region', { name: 'Map the columns of pipedrive.csv' });
    await mapping.waitFor({ timeout: 30_000 });
    for (const [field, header] of [
      ['Record ID', 'Deal Ref'],
      ['Deal name', 'Title'],
      ['Stage', 'Phase'],
      ['Amount', 'Value (USD)'],
      ['Close date', 'Won On'],
      ['Created date', 'Opened On'],
      ['Deal owner', 'Rep'],
    ] as const) {
      // Each column is offered with a sample value from the file's first rows.
      await pick(page, mapping.getByRole('combobox', { name: `Column for ${field}`, exact: true }), new RegExp(`^${header.replace(/[()]/g, '\\$&')}( · e\\.g\\. .+)?$`));
    }
    await mapping.getByRole('listitem').filter({ hasText: 'Record ID' }).getByText('e.g. P-1', { exact: true }).waitFor();
    await mapping.getByLabel('Save as a preset (optional)').fill('Pipedrive deals');
    await expectNoSeriousA11y(page, 'import page, mapping');
    await both(page, '06-mapping');
    await mapping.getByRole('button', { name: 'Check the file with this mapping' }).click();

    const summary = page.getByRole('region', { name: 'pipedrive.csv' });
    await summary.getByText('CSV with columns mapped by hand').waitFor({ timeout: 30_000 });
    // Jordan Smith is nobody here: listed to map.
    const owners = page.getByRole('region', { name: 'Owners Lockstep could not match' });
    await owners.getByText('Jordan Smith', { exact: true }).waitFor();
    await both(page, '07-owners');
    // Mapped to a member here: remembered, and the owner is no longer listed.
    await pick(page, owners.getByRole('combobox', { name: 'Member for Jordan Smith' }), /^Mo Admin/, 'Mo');
    await owners.getByRole('button', { name: 'Remember this owner' }).click();
    await owners.waitFor({ state: 'detached' });
    const remembered = await admin.get<{ items: Array<{ ownerName: string }> }>('/api/v1/deals/owner-mappings');
    expect(remembered.items.map((m) => m.ownerName)).toEqual(['jordan smith']);
    await page.getByRole('button', { name: 'Import 2 deals' }).click();
    await page.getByRole('heading', { name: '2 new, 0 updated' }).waitFor({ timeout: 30_000 });
    const presets = await admin.get<{ items: Array<{ name: string }> }>('/api/v1/deals/column-presets');
    expect(presets.items.map((p) => p.name)).toEqual(['Pipedrive deals']);
    person.expectNoErrors();
  });
});
