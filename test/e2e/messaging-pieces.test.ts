// A marketer's piece from first draft to publication (issue 12), in Chromium: a feature-led draft scores low with its
// sentences marked and hints beside them; rewritten in the buyer's words the live analysis rises as she types; she
// asks a sales member for review, who approves the version with a comment on a sentence; then she publishes. The
// Publish button stays disabled with the gate's reasons until then. Shot at 1440×900 and 390×844 into
// test-results/e2e/messaging-piece-*.png, and checked with axe.
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newId } from '../../src/server/ids.js';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, SCREENSHOT_DIR, shot } from './helpers/browser.js';
import { E2E_PASSWORD, useE2eSuite } from './helpers/suite.js';
import { pick } from './helpers/ui.js';

const suite = useE2eSuite();

const FEATURE_LED =
  'Our AI-powered platform is the best-in-class revenue solution. We integrate seamlessly with every CRM. Our robust dashboards offer cutting-edge analytics and next-generation automation. We are the industry leader.';
const PAIN_BASED =
  '## Leads that wait go cold\n\nYour inbound leads go cold before anyone calls them back. When a rep calls back two days later, the buyer has already booked a demo with someone else. You stop losing those leads: every new lead gets a call within five minutes, so your reps spend the day talking to buyers who still want to talk.';

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
    await pick(sp, samReview.getByRole('combobox', { name: 'Comment on a sentence' }), /^2\. Your inbound leads go cold/);
    await samReview.getByLabel('What should change in it?').fill('This is exactly what buyers tell us.');
    await samReview.getByRole('button', { name: 'Add' }).click();
    await samReview.getByLabel('Overall comment').fill('Reads like our calls. Approved.');
    await both(sp, 'reviewer');
    await samReview.getByRole('button', { name: 'Approve version 2' }).click();
    await samReview.getByText('Approved', { exact: true }).waitFor();
    await samReview.getByText('This is exactly what buyers tell us.').waitFor();

    // Back to the writer: the heading reads as a heading, not as "## …", and the sentence Sam commented on is marked,
    // his comment one click on its button away.
    await page.reload();
    const readsNow = page.getByRole('region', { name: 'How it reads to a buyer' });
    await readsNow.getByRole('heading', { name: 'Leads that wait go cold' }).waitFor();
    expect(await readsNow.getByText('##').count()).toBe(0);
    const commented = readsNow.locator('mark[data-commented]');
    expect((await commented.allInnerTexts()).join('')).toBe('Your inbound leads go cold before anyone calls them back.');
    await readsNow.getByRole('button', { name: /^Sentence 2: 1 review comment$/ }).click();
    const about = page.getByRole('dialog', { name: 'Sentence 2: 1 review comment' });
    await about.getByText('This is exactly what buyers tell us.').waitFor();
    await about.getByText('Sam Seller').waitFor();
    await page.keyboard.press('Escape');
    await about.waitFor({ state: 'hidden' });

    // The gate is open, she publishes.
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

describe('the highlight view of a markdown piece', () => {
  const BODY = [
    '# Inbound leads go cold while they wait',
    '',
    'Your reps call back **two days later**, and by then the buyer has booked a demo with someone else.',
    '',
    '## What changes for your team',
    '',
    '- Every new lead gets a call within *five minutes*.',
    '- No more spreadsheets of who called whom: see [the field guide](https://example.com/guide).',
    '- Our AI-powered platform offers best-in-class dashboards and cutting-edge analytics.',
    '',
    'Write to `leads@example.com` to start. <script>window.__xss = 1</script>',
    '',
    '<img src="x" onerror="window.__xss = 2">',
  ].join('\n');

  it('reads as rendered text with the flagged and the commented sentences marked, in light and dark, and runs none of its HTML', async () => {
    const admin = new ApiSession(suite.server.url);
    await admin.signUp({ email: 'ada@markdown.example', name: 'Ada Admin', password: E2E_PASSWORD, workspaceName: 'Markdown Works', timeZone: 'America/New_York' });
    const writer = await suite.join(admin, { name: 'Mia Marketer', email: 'mia@markdown.example', role: 'member', team: 'marketing' });
    const seller = await suite.join(admin, { name: 'Sam Seller', email: 'sam@markdown.example', role: 'member', team: 'sales' });
    const piece = await writer.api.post<{ id: string; version: number; analysis: { sentences: Array<{ text: string }>; flagged: Array<{ text: string }> } }>('/api/v1/messaging/pieces', { title: 'Leads that wait', channel: 'blog', body: BODY });
    expect(piece.analysis.flagged.map((f) => f.text)).toContain('Our AI-powered platform offers best-in-class dashboards and cutting-edge analytics.');
    const commentedIndex = piece.analysis.sentences.findIndex((s) => s.text.startsWith('Your reps call back'));
    expect(commentedIndex).toBeGreaterThan(-1);
    await writer.api.post(`/api/v1/messaging/pieces/${piece.id}/review-requests`, { reviewerIds: [seller.memberId] });
    await seller.api.post(`/api/v1/messaging/pieces/${piece.id}/decisions`, { decision: 'changes_requested', version: piece.version, comments: [{ sentenceIndex: commentedIndex, body: 'Buyers say "two days" on every call: keep it.' }] });

    const mia = await suite.personFor(writer.api);
    const page = mia.page;
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`/messaging/pieces/${piece.id}`);
    const reads = page.getByRole('region', { name: 'How it reads to a buyer' });
    await reads.getByRole('heading', { name: 'Inbound leads go cold while they wait' }).waitFor();
    await reads.getByRole('heading', { name: 'What changes for your team' }).waitFor();
    expect(await reads.locator('li').count()).toBe(3);
    expect(await reads.locator('strong').innerText()).toBe('two days later');
    expect(await reads.getByRole('link', { name: 'the field guide' }).getAttribute('href')).toBe('https://example.com/guide');
    expect(await reads.locator('code').innerText()).toBe('leads@example.com');
    const prose = reads.getByTestId('piece-as-read');
    expect(await prose.innerText()).not.toMatch(/##|\*\*|\]\(/);

    // The body's HTML is text: shown as written, never run.
    await prose.getByText('<script>window.__xss = 1</script>', { exact: false }).waitFor();
    await prose.getByText('<img src="x" onerror="window.__xss = 2">').waitFor();
    expect(await reads.locator('img, script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();

    // The flag and the comment, each on its sentence, in their own styles.
    expect((await reads.locator('mark[data-flagged]').allInnerTexts()).join('')).toBe('Our AI-powered platform offers best-in-class dashboards and cutting-edge analytics.');
    expect((await reads.locator('mark[data-commented]').allInnerTexts()).join('')).toBe('Your reps call back two days later, and by then the buyer has booked a demo with someone else.');

    // Keyboard: the flagged sentence's button takes focus and Enter opens its hint; Escape closes it.
    const flagButton = reads.getByRole('button', { name: /^Sentence \d+: 1, (feature-speak|hype|about us, not the buyer)$/ });
    await flagButton.focus();
    await page.keyboard.press('Enter');
    const hint = page.getByRole('dialog', { name: /^Sentence \d+: 1, (feature-speak|hype|about us, not the buyer)$/ });
    await hint.waitFor();
    expect(await hint.innerText()).toMatch(/1\. (Feature-speak|Hype|About us, not the buyer)/i);
    await page.keyboard.press('Escape');
    await hint.waitFor({ state: 'hidden' });

    // The comment's button opens what the reviewer said, and who.
    await reads.getByRole('button', { name: `Sentence ${commentedIndex + 1}: 1 review comment` }).click();
    const said = page.getByRole('dialog', { name: `Sentence ${commentedIndex + 1}: 1 review comment` });
    await said.getByText('Buyers say "two days" on every call: keep it.').waitFor();
    await said.getByText('Sam Seller').waitFor();
    await shot(page, 'messaging-piece-markdown-comment-open-light');
    await page.getByRole('region', { name: 'Sales review' }).getByText(`Sentence ${commentedIndex + 1}: “Your reps call back two days later, and by then`).waitFor();
    await page.keyboard.press('Escape');
    await said.waitFor({ state: 'hidden' });

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.reload();
      await reads.getByRole('heading', { name: 'What changes for your team' }).waitFor();
      await expectNoSeriousA11y(page, `a markdown piece with a flag and a comment (${scheme})`);
      await shot(page, `messaging-piece-markdown-${scheme}`);
      await reads.screenshot({ path: resolve(SCREENSHOT_DIR, `messaging-piece-markdown-highlights-${scheme}.png`) });
      await reads.getByRole('button', { name: `Sentence ${commentedIndex + 1}: 1 review comment` }).click();
      await page.getByRole('dialog', { name: `Sentence ${commentedIndex + 1}: 1 review comment` }).waitFor();
      await expectNoSeriousA11y(page, `a markdown piece with a comment open (${scheme})`);
      await page.keyboard.press('Escape');
    }
    mia.expectNoErrors();
  });
});
