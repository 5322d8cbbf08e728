// The pain library and why people buy on the demo workspace (issue 12): a year of Northwind's evidence reads plainly —
// every pain with its interval and trend, the most-heard pain's chart, the ranked reasons from the demo deals' CRM
// reasons and the evidence. Screenshots: test-results/e2e/demo-pains-*.png, demo-why-*.png.
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { useE2eSuite } from './helpers/suite.js';

const suite = useE2eSuite({ demo: true });

describe('pains on the demo workspace', () => {
  it('the library, a pain and why people buy read plainly with a year of evidence', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', 'lockstep-demo');
    const pains = await api.get<{ items: Array<{ id: string; statement: string; evidence: { count: number; winRate: unknown } }>; total: number }>('/api/v1/messaging/pains?limit=200');
    expect(pains.total).toBeGreaterThanOrEqual(20);
    const most = [...pains.items].sort((a, b) => b.evidence.count - a.evidence.count)[0]!;
    expect(most.evidence.winRate).not.toBeNull();
    const page = (await suite.personFor(api)).page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/messaging/pains');
    await page.getByRole('link', { name: most.statement }).waitFor();
    await shot(page, 'demo-pains-1440');
    await expectNoSeriousA11y(page, 'Pains (demo)');
    await page.goto(`/messaging/pains/${most.id}`);
    await page.getByRole('heading', { level: 2, name: 'Evidence by month' }).waitFor();
    await page.getByRole('img', { name: /^Evidence per month/ }).locator('.recharts-surface').first().waitFor();
    await shot(page, 'demo-pain-1440');
    await page.goto('/messaging/why');
    await page.getByRole('heading', { level: 2, name: 'Why we win' }).waitFor();
    await page.getByText('CRM reason').first().waitFor();
    await shot(page, 'demo-why-1440');
    await expectNoSeriousA11y(page, 'Why people buy (demo)');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/messaging/why');
    await page.getByRole('heading', { level: 2, name: 'Why we win' }).waitFor();
    await shot(page, 'demo-why-390');
  });
});
