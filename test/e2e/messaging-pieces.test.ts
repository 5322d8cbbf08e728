// A marketer's piece from first draft to publication (issue 12), in Chromium: a feature-led draft scores low with its
// sentences marked and hints beside them; rewritten in the buyer's words the live analysis rises as she types; she
// asks a sales member for review, who approves the version with a comment on a sentence; then she publishes. The
// Publish button stays disabled with the gate's reasons until then. Shot at 1440×900 and 390×844 into
// test-results/e2e/messaging-piece-*.png, and checked with axe.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/server/ids.js';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { E2E_PASSWORD, useE2eSuite } from './helpers/suite.js';
import { pick } from './helpers/ui.js';

const suite = useE2eSuite();

const FEATURE_LED =
  'Our AI-powered platform is the best-in-class revenue solution. We integrate seamlessly with every CRM. Our robust dashboards offer cutting-edge analytics and next-generation automation. We are the industry leader.';
const PAIN_BASED =
  'Your inbound leads go cold before anyone calls them back. When a rep calls back two days later, the buyer has already booked a demo with someone else. You stop losing those leads: every new lead gets a call within five minutes, so your reps spend the day talking to buyers who still want to talk.';

async function both(page: Page, name: string): Promise<void> {
  await shot(page, `messaging-piece-${name}-1440`);
  const wide = page.viewportSize()!;
  await page.setViewportSize({ width: 390, height: 844 });
  try {
    await shot(page, `messaging-piece-${name}-390`);
  } finally {
    await page.setViewportSize(wide);
  }
}

/** The score the analysis panel shows now. */
async function scoreOn(page: Page): Promise<number> {
  const label = await page.getByLabel(/^Pain score \d+ of 100$/).getAttribute('aria-label');
  return Number(/\d+/.exec(label ?? '')?.[0]);
}

async function seedPain(workspaceId: string): Promise<void> {
  const db = suite.server.app.ctx.db.kysely;
  const now = new Date().toISOString();
  const painId = newId();
  await db
    .insertInto('pains')
    .values({ id: painId, workspace_id: workspaceId, statement: 'Slow first response to new leads', persona: 'Head of sales', segment: 'Mid-market', severity: 4, emotion: 'frustrated', synonyms: JSON.stringify(['leads go cold', 'slow follow-up']), status: 'active', created_by: null, created_at: now, updated_at: now, retired_at: null })
    .execute();
  const quotes = ['Our reps call back two days later and the lead has gone cold.', 'Inbound leads sit in a queue until someone gets to them.', 'By the time we call, they already booked a demo with someone else.'];
  await db
    .insertInto('evidence')
    .values(quotes.map((quote, i) => ({ id: newId(), workspace_id: workspaceId, pain_id: painId, member_id: null, date: now.slice(0, 10), account: `Account ${i + 1}`, deal_id: null, deal_external_id: null, amount: 1_200_000, outcome: 'won' as const, quote, notes: null, created_at: now, updated_at: now })))
    .execute();
}

describe('a piece from feature-led draft to publication', () => {
  it('scores low with highlights, rises when rewritten, is approved by sales and published', async () => {
    const admin = new ApiSession(suite.server.url);
    const me = await admin.signUp({ email: 'ada@pieces.example', name: 'Ada Admin', password: E2E_PASSWORD, workspaceName: 'Harbor Freight Software', timeZone: 'America/New_York' });
    const workspaceId = (me as { workspace: { id: string } }).workspace.id;
    await admin.request('PATCH', '/api/v1/workspace', { painThreshold: 50 });
    const writer = await suite.join(admin, { name: 'Wren Writer', email: 'wren@pieces.example', role: 'member', team: 'marketing' });
    const seller = await suite.join(admin, { name: 'Sam Seller', email: 'sam@pieces.example', role: 'member', team: 'sales' });
    await seedPain(workspaceId);

    const wren = await suite.personFor(writer.api);
    const page = wren.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto('/messaging/pieces');
    await page.getByText('No pieces yet').waitFor();
    await page.getByRole('button', { name: 'New piece' }).click();
    const dialog = page.getByRole('dialog', { name: 'New piece' });
    await dialog.getByLabel('Title').fill('Meet the revenue platform');
    await pick(page, dialog.getByRole('combobox', { name: 'Channel' }), 'Landing page');
    await dialog.getByLabel('First draft').fill(FEATURE_LED);
    await dialog.getByRole('button', { name: 'Save draft' }).click();

    // The editor, with the analysis of the saved draft beside it: a low score and the sentences to rework.
    await page.getByRole('heading', { name: 'Meet the revenue platform' }).waitFor();
    await page.getByRole('region', { name: 'Pain analysis' }).waitFor();
    const low = await scoreOn(page);
    expect(low).toBeLessThan(50);
    const reads = page.getByRole('region', { name: 'How it reads to a buyer' });
    await reads.getByText(/sentences? to rework/).waitFor();
    expect(await reads.locator('mark').count()).toBeGreaterThan(0);
    const publishCard = page.getByRole('region', { name: 'Publish' });
    await publishCard.getByText('Publishing is refused until:').waitFor();
    expect(await publishCard.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    await expectNoSeriousA11y(page, 'a feature-led draft');
    await both(page, 'feature-led');

    // Rewritten in the buyer's words: the live analysis follows the typing, before anything is saved.
    await page.getByRole('textbox', { name: 'Body' }).fill(PAIN_BASED);
    await page.getByText('Of the text as you type it (not saved yet)').waitFor();
    await expect.poll(() => scoreOn(page), { timeout: 10_000 }).toBeGreaterThan(low);
    await page.getByText('Pains it speaks to').waitFor();
    await page.getByText('Slow first response to new leads', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Save version 2' }).click();
    await page.getByText(/^Version 2 saved/).waitFor();
    const high = await scoreOn(page);
    expect(high).toBeGreaterThan(low);
    await both(page, 'rewritten');

    // Review by a sales member of this workspace.
    const review = page.getByRole('region', { name: 'Sales review' });
    await review.getByRole('combobox', { name: 'Ask sales members to review' }).click();
    await page.getByRole('option', { name: 'Sam Seller' }).click();
    await review.getByRole('button', { name: 'Request review' }).click();
    await review.getByText('Waiting').waitFor();

    const sam = await suite.personFor(seller.api);
    const sp = sam.page;
    await sp.setViewportSize({ width: 1440, height: 900 });
    await sp.goto(page.url().replace(suite.server.url, ''));
    const samReview = sp.getByRole('region', { name: 'Sales review' });
    await pick(sp, samReview.getByRole('combobox', { name: 'Comment on a sentence' }), /^1\. Your inbound leads go cold/);
    await samReview.getByLabel('What should change in it?').fill('This is exactly what buyers tell us.');
    await samReview.getByRole('button', { name: 'Add' }).click();
    await samReview.getByLabel('Overall comment').fill('Reads like our calls. Approved.');
    await both(sp, 'reviewer');
    await samReview.getByRole('button', { name: 'Approve version 2' }).click();
    await samReview.getByText('Approved', { exact: true }).waitFor();
    await samReview.getByText('This is exactly what buyers tell us.').waitFor();

    // Back to the writer: the gate is open, she publishes.
    await page.reload();
    const ready = page.getByRole('region', { name: 'Publish' });
    await ready.getByText(/ready to publish/).waitFor();
    await both(page, 'approved');
    await ready.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('heading', { name: 'Published', exact: true }).waitFor();
    await page.getByText('This piece is published, so it is no longer edited.').waitFor();
    await expectNoSeriousA11y(page, 'a published piece');
    await both(page, 'published');

    await page.goto('/messaging/pieces');
    const row = page.getByRole('row', { name: /Meet the revenue platform/ });
    await row.getByText('Published').waitFor();
    await both(page, 'list');
    wren.expectNoErrors();
    sam.expectNoErrors();
  });
});

describe("a leader's override", () => {
  it('publishes an approved piece whose score is below the threshold, with a reason shown on the piece', async () => {
    const admin = new ApiSession(suite.server.url);
    await admin.signUp({ email: 'lee@override.example', name: 'Lee Leader', password: E2E_PASSWORD, workspaceName: 'Override Works', timeZone: 'America/New_York' });
    const seller = await suite.join(admin, { name: 'Sam Seller', email: 'sam@override.example', role: 'member', team: 'sales' });
    const piece = await admin.post<{ id: string; version: number }>('/api/v1/messaging/pieces', { title: 'Partner launch announcement', channel: 'email', body: FEATURE_LED });
    await admin.post(`/api/v1/messaging/pieces/${piece.id}/review-requests`, { reviewerIds: [seller.memberId] });
    await seller.api.post(`/api/v1/messaging/pieces/${piece.id}/decisions`, { decision: 'approved', version: piece.version, comment: 'Partner wording, agreed on the call.' });

    const lee = await suite.personFor(admin);
    const page = lee.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/messaging/pieces/${piece.id}`);
    const card = page.getByRole('region', { name: 'Publish' });
    await card.getByText(/Its pain score is \d+, below the workspace's threshold of 60\./).waitFor();
    expect(await card.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    await card.getByRole('button', { name: 'Publish past the gate…' }).click();
    const reason = card.getByRole('textbox', { name: 'Why publish it past the gate?' });
    await reason.fill('Too short');
    expect(await card.getByRole('button', { name: 'Publish past the gate', exact: true }).isDisabled()).toBe(true);
    await reason.fill('The partner fixed this wording in the contract; we publish it as agreed.');
    await both(page, 'override');
    await card.getByRole('button', { name: 'Publish past the gate', exact: true }).click();
    await page.getByText('Published past the gate by Lee Leader').waitFor();
    await page.getByText('“The partner fixed this wording in the contract; we publish it as agreed.”').waitFor();
    await expectNoSeriousA11y(page, 'a piece published past the gate');
    await both(page, 'overridden');
    lee.expectNoErrors();
  });
});
