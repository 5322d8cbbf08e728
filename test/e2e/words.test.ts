// Words a person reads (issue 10): every tab names its page and workspace, and user-written text with a long unbroken
// word wraps inside its card — "How it's measured", a decision, the notes, an agenda item and a saved expectation.
// Screenshots: test-results/e2e/words-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { shot } from './helpers/browser.js';
import { useE2eSuite } from './helpers/suite.js';

const suite = useE2eSuite({ demo: true });
const DEMO_PASSWORD = 'lockstep-demo';
/** A word as long as each field takes, up to 300 characters. */
const word = (n: number, letter: string) => `${letter.toUpperCase()}${letter.repeat(n - 1)}`;

/** Nothing on the page runs wider than the window: no horizontal scrolling, no text out of its card. */
async function expectNoOverflow(page: Page, text: string, label: string): Promise<void> {
  await page.getByText(text.slice(0, 40), { exact: false }).first().waitFor();
  const overflow = await page.evaluate((needle) => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth}px)`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.textContent?.includes(needle)) continue;
      const el = n.parentElement!;
      const card = el.closest('.mantine-Card-root, .mantine-Paper-root, main') ?? document.body;
      const box = el.getBoundingClientRect();
      const frame = card.getBoundingClientRect();
      if (box.right > frame.right + 1) out.push(`${el.tagName} runs ${Math.round(box.right - frame.right)}px out of its card`);
    }
    return out;
  }, text.slice(0, 40));
  expect(overflow, label).toEqual([]);
}

describe('words a person reads', () => {
  it('each tab is titled with its page and workspace', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', DEMO_PASSWORD);
    const page = (await suite.personFor(api)).page;
    const titles: Array<[string, string]> = [
      ['/', 'Northwind Analytics · Lockstep'],
      ['/goals', 'Goals · Northwind Analytics · Lockstep'],
      ['/goals/kpis', 'Manage KPIs · Northwind Analytics · Lockstep'],
      ['/checkins', 'Check-ins · Northwind Analytics · Lockstep'],
      ['/settings/audit', 'Audit log · Settings · Northwind Analytics · Lockstep'],
    ];
    for (const [path, title] of titles) {
      await page.goto(path);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await expect.poll(() => page.title(), { message: path }).toBe(title);
      if (path === '/') await shot(page, 'words-dashboard');
    }
    const out = await suite.person();
    await out.page.goto('/signin');
    await expect.poll(() => out.page.title()).toBe('Sign in · Lockstep');
  });

  it('a 300-character word wraps inside its card everywhere user text is shown', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('marcus@northwind.example', DEMO_PASSWORD);
    const marcus = await suite.personFor(api);
    const page = marcus.page;
    const call = async (method: 'POST' | 'PUT' | 'PATCH', path: string, data: unknown) => {
      const res = await page.request.fetch(`/api/v1${path}`, { method, data });
      expect(res.status(), `${method} ${path}: ${await res.text()}`).toBeLessThan(300);
      return (await res.json()) as Record<string, unknown>;
    };
    const measured = word(300, 'm');
    const kpi = (await call('POST', '/goals/kpis', { team: 'sales', name: 'Long words', kind: 'sqls', measurement: measured })) as { id: string };
    const expectation = word(120, 'e');
    await call('PUT', '/goals/expectations/mine', { items: [{ text: expectation }] });
    const meetings = (await (await page.request.get('/api/v1/checkins/meetings?limit=200')).json()) as { items: Array<{ id: string; state: string }> };
    const meeting = meetings.items.find((m) => m.state === 'upcoming')!;
    const agenda = word(200, 'a');
    const decision = word(300, 'd');
    const notes = word(300, 'n');
    await call('POST', `/checkins/meetings/${meeting.id}/agenda-items`, { title: agenda, note: word(300, 'x') });
    await call('POST', `/checkins/meetings/${meeting.id}/decisions`, { text: decision });
    await call('PATCH', `/checkins/meetings/${meeting.id}`, { notes });

    await page.goto(`/goals/kpis/${kpi.id}`);
    await expectNoOverflow(page, measured, "the KPI's How it's measured");
    await shot(page, 'words-kpi-measurement');
    await page.goto('/goals/kpis');
    await expectNoOverflow(page, measured, 'Manage KPIs');
    await page.goto('/goals/expectations');
    await expectNoOverflow(page, expectation, 'saved expectations');
    await shot(page, 'words-expectations');
    await page.goto(`/checkins/meetings/${meeting.id}`);
    for (const [text, where] of [
      [agenda, 'an agenda item'],
      [decision, 'a decision'],
      [notes, 'the notes'],
    ] as const) {
      await expectNoOverflow(page, text, where);
    }
    await shot(page, 'words-meeting');
    marcus.expectNoErrors();
  });

  it('the audit log reads as sentences with names, filters by kind, and opens the raw record for an admin', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', DEMO_PASSWORD);
    await api.post('/api/v1/tokens', { name: 'CRM sync' });
    const dana = await suite.personFor(api);
    const page = dana.page;
    await page.goto('/settings/audit');
    const log = page.getByRole('table');
    await log.getByText("Dana Whitfield created the API token 'CRM sync'").waitFor();
    expect(await log.getByText(/[a-z]+_[a-z]+\.[a-z]+|[0-9a-f]{8}-[0-9a-f]{4}-/).count()).toBe(0);
    await shot(page, 'words-audit-log');
    await page.getByRole('textbox', { name: 'Kind' }).or(page.getByRole('combobox', { name: 'Kind' })).first().click();
    await page.getByRole('option', { name: 'API token' }).click();
    await expect.poll(() => log.getByRole('row').count()).toBe(2);
    await page.getByRole('button', { name: 'Show the record' }).click();
    await log.getByText('"action": "api_token.created"', { exact: false }).waitFor();
    await shot(page, 'words-audit-log-record');
    dana.expectNoErrors();
  });
});
