// The Deals view (SPEC S7, issue 11) end to end, in Chromium against the real app, on the demo workspace: the summary
// and the marketing-source rule read plainly; the list narrows as a person types a search and picks a status and an
// owner; "Download CSV" gives exactly the filtered list (every row, not the page shown), checked against the API;
// a deal opens in a drawer with its reason; a deal that sales evidence names lists it in the drawer (newest first,
// the buyer's words, who logged it) and its link opens the evidence's pain; an admin changes the rule and the list's
// marketing badges follow; a workspace with no deals leads to the import; phone width works. Screenshots:
// test-results/e2e/deals-*.png.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatKpiValue } from '../../src/capabilities/goals/domain/format-kpi-value.js';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, SCREENSHOT_DIR, shot } from './helpers/browser.js';
import { E2E_PASSWORD, useE2eSuite } from './helpers/suite.js';
import { pick } from './helpers/ui.js';

const suite = useE2eSuite({ demo: true });

interface Deal {
  id: string;
  externalId: string;
  name: string;
  status: string;
  marketingSourced: boolean;
  owner: { memberId: string | null; memberName: string | null; name: string | null };
}

async function allDeals(api: ApiSession, query: string): Promise<Deal[]> {
  const out: Deal[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: Deal[]; nextCursor: string | null } = await api.get(`/api/v1/deals?${query}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    out.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return out;
}

/** The first screen only, as a person sees it on arrival (shot() takes the whole page). */
const firstScreen = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });

/** The rows the table shows now: the deal names of its first column. */
const tableNames = (page: Page) => page.getByRole('table').locator('tbody tr td:first-child button').allInnerTexts();

/** Waits until the table shows exactly `names` (in order) — the list refetches after each filter. */
async function expectRows(page: Page, names: string[]): Promise<void> {
  await expect.poll(() => tableNames(page), { timeout: 10_000 }).toEqual(names);
}

/** The Status filter is a segmented control: its options are labels over hidden radios. */
async function statusFilter(page: Page, label: 'All' | 'Open' | 'Won' | 'Lost'): Promise<void> {
  await page.locator('.mantine-SegmentedControl-root label').filter({ hasText: new RegExp(`^${label}$`) }).click();
  await expect.poll(() => page.getByRole('radio', { name: label }).isChecked()).toBe(true);
}

describe('deals, in the browser', () => {
  it('search, filters, the CSV of exactly the filtered list, a deal in the drawer, the rule', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', 'lockstep-demo');
    const dana = await suite.personFor(api);
    const page = dana.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/deals');
    await page.getByRole('heading', { level: 1, name: 'Deals', exact: true }).waitFor();
    await page.getByText('A deal is marketing-sourced when its source is one of: Organic Search, Paid Search').waitFor();
    await page.getByText('Open pipeline', { exact: true }).waitFor();
    await page.getByText(/^Win rate, FY\d{4} Q\d$/).waitFor();
    const first = await allDeals(api, '');
    await expectRows(page, first.slice(0, 50).map((d) => d.name));
    await shot(page, 'deals-1440');
    await firstScreen(page, 'deals-1440-first-screen');
    await expectNoSeriousA11y(page, 'Deals');

    // Search as you type, then status and owner: the table shows the API's answer for the same filters.
    await page.getByRole('textbox', { name: 'Search' }).fill('Summit');
    await statusFilter(page, 'Won');
    await pick(page, page.getByRole('combobox', { name: 'Owner' }), /^Elena Petrova \(/, 'Elena');
    const elena = first.find((d) => d.owner.memberName === 'Elena Petrova')!.owner.memberId!;
    const want = await allDeals(api, `q=Summit&status=won&owner=${elena}`);
    expect(want.length).toBeGreaterThan(0);
    await expectRows(page, want.slice(0, 50).map((d) => d.name));

    // Download CSV: every row of the filtered list, in its order, money as amounts.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the filtered deals as CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^deals-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = parse(readFileSync((await download.path())!, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r['CRM id'])).toEqual(want.map((d) => d.externalId));
    expect(rows.every((r) => r.Status === 'won' && r['Owner (member)'] === 'Elena Petrova' && /^\d+\.\d{2}$/.test(r.Amount ?? ''))).toBe(true);

    // The whole won list is longer than a page: the CSV still has all of it.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await statusFilter(page, 'Won');
    const won = await allDeals(api, 'status=won');
    expect(won.length).toBeGreaterThan(50);
    await expectRows(page, won.slice(0, 50).map((d) => d.name));
    const [all] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the filtered deals as CSV' }).click()]);
    expect((parse(readFileSync((await all.path())!, 'utf8'), { columns: true, bom: true }) as unknown[]).length).toBe(won.length);
    await page.getByRole('button', { name: 'Load more' }).click();
    await expectRows(page, won.slice(0, 100).map((d) => d.name));

    // A deal in the drawer, with its reason; its address opens it again.
    await page.getByRole('table').getByRole('button', { name: won[0]!.name, exact: true }).first().click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('Why we won').waitFor();
    await drawer.getByRole('heading', { name: won[0]!.name }).waitFor();
    expect(new URL(page.url()).searchParams.get('deal')).toBe(won[0]!.id);
    await firstScreen(page, 'deals-drawer');
    await page.keyboard.press('Escape');

    // The admin adds Direct Traffic to the rule: the marketing-sourced filter then finds those deals.
    await page.getByRole('button', { name: 'Change the rule' }).click();
    const modal = page.getByRole('dialog', { name: 'Which sources count as marketing?' });
    await modal.getByRole('checkbox', { name: 'Direct Traffic' }).check();
    await firstScreen(page, 'deals-rule');
    await Promise.all([page.getByRole('alert').filter({ hasText: /deals are marketing-sourced now/ }).first().waitFor(), modal.getByRole('button', { name: 'Save the rule' }).click()]);
    await page.getByText(/A deal is marketing-sourced when its source is one of: .*Direct Traffic/).waitFor();
    const direct = await allDeals(api, 'source=Direct%20Traffic');
    expect(direct.length).toBeGreaterThan(0);
    expect(direct.every((d) => d.marketingSourced)).toBe(true);

    // The goals pages show the computed values with no change there: Revenue closed this quarter is the summary's.
    const summary: { quarter: { revenueClosed: number } } = await api.get('/api/v1/deals/summary');
    const kpis: { items: Array<{ id: string; kind: string }> } = await api.get('/api/v1/goals/kpis?team=sales&limit=200');
    const revenue = kpis.items.find((k) => k.kind === 'revenue_closed')!;
    await page.goto(`/goals/kpis/${revenue.id}`);
    await page.getByText('Data source: Computed from deals').waitFor();
    await page.getByRole('cell', { name: formatKpiValue(summary.quarter.revenueClosed, 'currency'), exact: true }).first().waitFor();
    await firstScreen(page, 'deals-kpi-detail');
    await page.goto('/goals');
    await page.getByRole('heading', { level: 1, name: 'Goals', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Sales top three' }).getByRole('heading', { level: 3, name: '#1 Revenue closed' }).waitFor();
    await firstScreen(page, 'deals-goals');
    dana.expectNoErrors();
  });

  it("a deal that sales evidence cites lists it in the drawer, and the evidence's link opens its pain", async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', 'lockstep-demo');
    // The demo's evidence names deals: of the newest 200 entries, one with a confirmed pain on the deal named most often.
    interface Evidence { id: string; date: string; account: string; quote: string; deal: { id: string; name: string } | null; pain: { id: string; statement: string } | null; memberName: string | null }
    const evidence: { items: Evidence[] } = await api.get('/api/v1/messaging/evidence?limit=200');
    const named = new Map<string, number>();
    for (const e of evidence.items) if (e.deal) named.set(e.deal.id, (named.get(e.deal.id) ?? 0) + 1);
    const withPain = evidence.items.filter((e) => e.deal !== null && e.pain !== null);
    const cited = withPain.sort((a, b) => (named.get(b.deal!.id) ?? 0) - (named.get(a.deal!.id) ?? 0))[0]!;
    expect(cited, 'a demo evidence entry with a deal and a pain').toBeDefined();
    const deal: { citedBy: { items: Array<{ id: string; kind: string; title: string; href: string }>; total: number } } = await api.get(`/api/v1/deals/${cited.deal!.id}`);
    expect(deal.citedBy.items.map((c) => c.id)).toContain(cited.id);

    const dana = await suite.personFor(api);
    const page = dana.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/deals?deal=${encodeURIComponent(cited.deal!.id)}`);
    const drawer = page.getByRole('dialog');
    await drawer.getByRole('heading', { name: cited.deal!.name }).waitFor();
    const citedBy = drawer.getByRole('region', { name: 'Cited by' });
    const entries = citedBy.getByRole('listitem');
    await expect.poll(() => entries.count(), { timeout: 10_000 }).toBe(deal.citedBy.items.length);
    const entry = entries.filter({ hasText: cited.quote }).first();
    await entry.getByText(`Pain: ${cited.pain!.statement}`, { exact: false }).waitFor();
    if (cited.memberName) await entry.getByText(`logged by ${cited.memberName}`, { exact: false }).waitFor();
    await expectNoSeriousA11y(page, 'Deal drawer with what cites it');
    await firstScreen(page, 'deals-drawer-cited-by');
    await drawer.screenshot({ path: `${SCREENSHOT_DIR}/deals-drawer-cited-by-panel.png` });

    // The link opens the pain page the evidence belongs to.
    await entry.getByRole('link', { name: cited.account }).click();
    await page.waitForURL((u) => u.pathname === `/messaging/pains/${cited.pain!.id}`);
    await page.getByRole('heading', { level: 1, name: cited.pain!.statement }).waitFor();
    dana.expectNoErrors();
  });

  it('at phone width the deals read as a list; a workspace with no deals is led to the import', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('tom@northwind.example', 'lockstep-demo');
    const tom = await suite.personFor(api);
    const page = tom.page;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/deals');
    await page.getByRole('list', { name: 'Deals' }).getByRole('listitem').first().waitFor();
    // A member reads the rule but has no control to change it.
    await page.getByText('A deal is marketing-sourced when its source is one of:').waitFor();
    expect(await page.getByRole('button', { name: 'Change the rule' }).count()).toBe(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'deals-390');
    await firstScreen(page, 'deals-390-first-screen');

    const stamp = Date.now().toString(36);
    const fresh = new ApiSession(suite.server.url);
    await fresh.signUp({ email: `ada-${stamp}@acme.example`, name: 'Ada Admin', password: E2E_PASSWORD, workspaceName: 'Acme Rockets', timeZone: 'America/New_York' });
    const ada = await suite.personFor(fresh);
    await ada.page.setViewportSize({ width: 1440, height: 900 });
    await ada.page.goto('/deals');
    await ada.page.getByRole('heading', { name: 'No deals yet' }).waitFor();
    await shot(ada.page, 'deals-empty');
    await ada.page.getByRole('main').getByRole('link', { name: 'Import deals' }).last().click();
    await ada.page.waitForURL((u) => u.pathname === '/deals/import');
    tom.expectNoErrors();
    ada.expectNoErrors();
  });
});
