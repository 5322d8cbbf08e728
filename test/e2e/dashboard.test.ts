// The leader's dashboard (issue 14, SPEC S6) in the browser. The demo's: the alignment score as GET /alignment gives it,
// the five strategies (a strategy with no score says why, never 0) with their reasons on demand and a link to act, the
// next actions best first with their points, and every room's panel (what you owe, the next check-in and its agenda,
// both top threes, the latest wins, this quarter's shadow days, the messaging gap, the teams), axe-clean in light and
// dark at 1440×900 and 390×844; the weights editor refuses all zeros in words and saves. A fresh workspace: posting
// its first win moves the score on the next load, and a member sees the score with no weights editor.
// Screenshots: test-results/e2e/dashboard-*.png (the first screen at 1440×900 is the README's, with UPDATE_DOC_SCREENSHOTS=1).
import { resolve } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AlignmentView } from '../../web/src/alignment/types.js';
import { formatPoints, notScoredLabel } from '../../web/src/alignment/format.js';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, SCREENSHOT_DIR, shot } from './helpers/browser.js';
import { E2E_PASSWORD, saveDocScreenshot, useE2eSuite } from './helpers/suite.js';

const suite = useE2eSuite({ demo: true });
const DEMO_PASSWORD = 'lockstep-demo';

const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/** The score card's line for one strategy. */
const strategyRow = (page: Page, label: string): Locator =>
  page.getByRole('list', { name: 'The five strategies' }).getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name: label, exact: true }) });

/** The overall score as the card reads it to a screen reader: "79 out of 100", or "Not scored yet". */
async function overallText(page: Page): Promise<string> {
  const card = page.getByRole('region', { name: 'Alignment score' });
  await card.getByRole('list', { name: 'The five strategies' }).waitFor();
  const text = (await card.getByTestId('overall-score').textContent()) ?? '';
  return text.replace('/100', '').replace(/\s+/g, ' ').trim();
}

/** Every panel has drawn its content (not a skeleton). */
async function panelsLoaded(page: Page): Promise<void> {
  await page.getByRole('list', { name: 'The five strategies' }).waitFor();
  await page.getByRole('region', { name: 'Next actions' }).getByRole('listitem').first().waitFor();
  await page.getByRole('region', { name: /^(Next check-in|Check-in happening now)$/ }).getByRole('link', { name: 'Open agenda' }).waitFor();
  await page.getByRole('region', { name: 'Top three' }).getByRole('heading', { level: 3, name: 'Marketing' }).waitFor();
  await page.getByRole('region', { name: 'Latest wins' }).locator('a[href^="/wins/"]').first().waitFor();
  await page.getByRole('region', { name: 'Messaging gap' }).locator('a[href^="/messaging/pains/"]').first().waitFor();
  await page.getByRole('region', { name: 'Shadow days' }).getByText(/shadow days done|No shadow programme|have not started/).waitFor();
  await page.getByRole('region', { name: 'Teams' }).getByText('Led by Marcus Chen and Tom Okafor').waitFor();
  await page.waitForLoadState('networkidle');
}

describe('the leader’s dashboard', () => {
  it('shows the demo’s score, strategies, next actions and every room’s panel, in light and dark, at desk and phone widths', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', DEMO_PASSWORD);
    const dana = await suite.personFor(api);
    const page = dana.page;
    const view = await api.get<AlignmentView>('/api/v1/alignment');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/');
    await panelsLoaded(page);

    // The overall score is the server's, said in words with its band.
    expect(await overallText(page)).toBe(view.overall.score === null ? 'Not scored yet' : `${view.overall.score} out of 100`);
    // The five strategies in order; a scored one shows its number, one without a score says why and shows no number.
    const headings = page.getByRole('list', { name: 'The five strategies' }).getByRole('heading', { level: 3 });
    expect(await headings.allTextContents()).toEqual(['Goals', 'Cadence', 'Messaging', 'Shadowing', 'Celebration']);
    for (const s of view.strategies) {
      const row = strategyRow(page, s.label);
      await row.getByText(s.summary, { exact: true }).first().waitFor();
      await expect.poll(() => row.getByRole('link', { name: /^Open / }).getAttribute('href')).toBe(s.href);
      if (s.score === null) {
        await row.getByText(notScoredLabel(s.status), { exact: true }).waitFor();
        expect(await row.getByText(/^\d+$/).count(), `${s.label} shows no number`).toBe(0);
      } else {
        await row.getByText(String(s.score), { exact: true }).waitFor();
      }
    }
    // The trend: a line named in words, and each strategy's move since the first stored week, against its score now.
    if (view.history.some((w) => w.score !== null)) {
      await page.getByRole('img', { name: /^Alignment score by week since / }).waitFor();
      const moves = page.getByRole('table', { name: /^Each strategy since / });
      expect(await moves.getByRole('row').count()).toBe(6); // the header and the five
      for (const s of view.strategies) {
        const now = moves.getByRole('row', { name: new RegExp(`^${s.label} `) }).getByRole('cell').nth(2);
        expect(await now.textContent(), `${s.label} now`).toBe(s.score === null ? '—' : String(s.score));
      }
    }
    // Reasons on demand: "Why" opens the list of points lost, each in the server's words.
    const withReasons = view.strategies.find((s) => s.reasons.length > 0);
    expect(withReasons, 'the demo loses points somewhere').toBeDefined();
    if (withReasons) {
      const row = strategyRow(page, withReasons.label);
      const why = row.getByRole('button', { name: /^Why/ });
      expect(await why.getAttribute('aria-expanded')).toBe('false');
      // By keyboard, as well as by pointer.
      await why.focus();
      await page.keyboard.press('Enter');
      expect(await why.getAttribute('aria-expanded')).toBe('true');
      for (const r of withReasons.reasons) await row.getByRole('list').getByText(r.text).first().waitFor();
    }
    // The next actions, best first, each with its points and a link to where it is done.
    const actions = page.getByRole('region', { name: 'Next actions' }).getByRole('listitem');
    expect(await actions.count()).toBe(view.nextActions.length);
    for (const [i, a] of view.nextActions.entries()) {
      await actions.nth(i).getByText(formatPoints(a.points), { exact: true }).waitFor();
      expect(await actions.nth(i).getByRole('link', { name: a.text }).getAttribute('href')).toBe(a.href);
    }
    // This quarter's shadow days say what the shadowing room holds: its progress, no programme yet, or not open.
    const shadow = page.getByRole('region', { name: 'Shadow days' });
    const programs = await page.request.get('/api/v1/shadowing/programs');
    if (programs.status() === 404) await shadow.getByText('Shadow days have not started in this workspace.', { exact: false }).waitFor();
    else {
      const list = (await programs.json()) as { current: { label: string }; currentProgram: { participants: number; completed: number } | null };
      if (!list.currentProgram) await shadow.getByText(`No shadow programme for ${list.current.label} yet.`, { exact: false }).waitFor();
      else await shadow.getByText(`${list.currentProgram.completed} of ${list.currentProgram.participants} shadow days done this quarter.`).waitFor();
    }
    expect(await shadow.getByRole('link', { name: /Shadowing/ }).first().getAttribute('href')).toBe('/shadowing');

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [width, height] of [
        [1440, 900],
        [390, 844],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto('/');
        await panelsLoaded(page);
        // Nothing runs wider than the window at either width.
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), `${width}px ${scheme}: no sideways scroll`).toBe(true);
        await expectNoSeriousA11y(page, `the dashboard at ${width}×${height} (${scheme})`);
        await shot(page, `dashboard-${width}-${scheme}`);
        if (width === 1440 && scheme === 'light') {
          // What a leader sees first, without scrolling: the README's picture.
          const fold = resolve(SCREENSHOT_DIR, 'dashboard-1440-light-fold.png');
          await page.screenshot({ path: fold, animations: 'disabled' });
          saveDocScreenshot(fold, 'dashboard.png');
        }
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1440, height: 900 });
    dana.expectNoErrors(programs.status() === 404 ? [/status of 404/] : []);
  });

  it('lets an admin weigh the strategies: all zeros are refused in words, a saved weight recomputes the score', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', DEMO_PASSWORD);
    const dana = await suite.personFor(api);
    const page = dana.page;
    await page.goto('/');
    await page.getByRole('list', { name: 'The five strategies' }).waitFor();
    await page.getByRole('button', { name: 'Edit weights' }).click();
    const dialog = page.getByRole('dialog', { name: 'Weights of the alignment score' });
    await dialog.waitFor();
    await expectNoSeriousA11y(page, 'the weights dialog');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectNoSeriousA11y(page, 'the weights dialog (dark)');
    await page.emulateMedia({ colorScheme: 'light' });
    for (const label of ['Goals', 'Cadence', 'Messaging', 'Shadowing', 'Celebration']) await dialog.getByRole('textbox', { name: label }).fill('0');
    await dialog.getByRole('button', { name: 'Save weights' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Give at least one strategy a weight above 0' }).waitFor();
    await dialog.getByRole('textbox', { name: 'Goals' }).fill('60');
    await dialog.getByRole('textbox', { name: 'Cadence' }).fill('40');
    await shot(page, 'dashboard-weights');
    await dialog.getByRole('button', { name: 'Save weights' }).click();
    await page.getByRole('alert').filter({ hasText: 'Weights saved' }).first().waitFor();
    await dialog.waitFor({ state: 'hidden' });
    const saved = await api.get<AlignmentView>('/api/v1/alignment');
    expect(saved.weights).toEqual({ goals: 60, checkins: 40, messaging: 0, shadowing: 0, wins: 0 });
    // The card shows the shares the server now weighs by, and the score it recomputed.
    await strategyRow(page, 'Messaging').getByText('Weight 0: not counted').waitFor();
    expect(await overallText(page)).toBe(saved.overall.score === null ? 'Not scored yet' : `${saved.overall.score} out of 100`);
    dana.expectNoErrors([/status of 404/]);
  });

  it('in a fresh workspace, posting the first win moves the score on the next load; a member sees it with no weights editor', async () => {
    const admin = new ApiSession(suite.server.url);
    await admin.signUp({ email: 'fran@fresh.example', name: 'Fran Founder', password: E2E_PASSWORD, workspaceName: 'Fresh Co', timeZone: 'America/New_York' });
    const seller = await suite.join(admin, { name: 'Sam Seller', email: 'sam@fresh.example', role: 'member', team: 'sales' });
    const marketer = await suite.join(admin, { name: 'Mia Marketer', email: 'mia@fresh.example', role: 'member', team: 'marketing' });
    const fran = await suite.personFor(admin);
    const page = fran.page;
    await page.goto('/');
    // A new workspace opens on Getting started, then the score.
    await page.getByRole('region', { name: 'Getting started' }).waitFor();
    const before = await overallText(page);
    const celebration = strategyRow(page, 'Celebration');
    await celebration.getByText('No data yet', { exact: true }).waitFor();
    await shot(page, 'dashboard-fresh-before');

    await seller.api.post('/api/v1/wins', { kind: 'deal_won', title: 'Globex signed', story: 'Closed together.', wonOn: yesterday(), creditedMemberIds: [seller.memberId, marketer.memberId] });
    const after = await admin.get<AlignmentView>('/api/v1/alignment');
    const wins = after.strategies.find((s) => s.strategy === 'wins');
    expect(wins?.score).not.toBeNull();
    await page.reload();
    await celebration.getByText(String(wins?.score), { exact: true }).waitFor();
    const moved = await overallText(page);
    expect(moved).toBe(after.overall.score === null ? 'Not scored yet' : `${after.overall.score} out of 100`);
    expect(moved).not.toBe(before);
    await shot(page, 'dashboard-fresh-after');
    fran.expectNoErrors([/status of 404/]);

    // A member reads the same score; only leaders and admins weigh it.
    const sam = await suite.personFor(seller.api);
    await sam.page.goto('/');
    expect(await overallText(sam.page)).toBe(moved);
    expect(await sam.page.getByRole('button', { name: 'Edit weights' }).count()).toBe(0);
  });
});
