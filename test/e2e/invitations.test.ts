// Adding a person who already uses Lockstep (issue #7), in Chromium: the admin adds them on Settings → Members
// and sees them as invited, with only what the admin typed; the person finds the invitation in their workspace
// menu, joins, and lands in the workspace; the admin then sees them active under their own name.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { E2E_PASSWORD, useE2eSuite } from './helpers/suite.js';

const suite = useE2eSuite();

async function expectHeading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

describe('invitations, in the browser', () => {
  it('an admin adds someone who already uses Lockstep; they accept from their workspace menu', async () => {
    const adminApi = new ApiSession(suite.server.url);
    await adminApi.signUp({ email: 'iris@harbor.example', name: 'Iris Harbor', password: E2E_PASSWORD, workspaceName: 'Harbor Freight Co', timeZone: 'Europe/Paris' });
    const guestApi = new ApiSession(suite.server.url);
    await guestApi.signUp({ email: 'gus@elsewhere.example', name: 'Gus Guest', password: E2E_PASSWORD, workspaceName: 'Elsewhere Inc', timeZone: 'Asia/Tokyo' });

    // The admin adds Gus, typing a name of her own for him.
    const admin = await suite.personFor(adminApi, 'Europe/Paris');
    await admin.page.goto('/settings/members');
    await expectHeading(admin.page, 'Settings');
    await admin.page.getByRole('button', { name: 'Add member' }).click();
    const dialog = admin.page.getByRole('dialog', { name: 'Add a member' });
    await dialog.getByRole('textbox', { name: 'Name', exact: false }).fill('Gustavo (sales)');
    await dialog.getByRole('textbox', { name: 'Email', exact: false }).fill('gus@elsewhere.example');
    await dialog.getByRole('button', { name: 'Add member' }).click();
    const added = admin.page.getByRole('dialog', { name: 'Member added' });
    await added.getByText('is invited to the sales team').waitFor();
    expect(await added.getByTestId('setup-link').inputValue()).toMatch(new RegExp(`^${suite.server.url}/invite/`));
    await shot(admin.page, 'invitations-01-member-added');
    await added.getByRole('button', { name: 'Done' }).click();
    const row = admin.page.getByRole('row', { name: /^Gustavo \(sales\)/ });
    await row.waitFor();
    expect(await row.textContent()).toContain('Invited');
    expect(await row.textContent()).not.toContain('Gus Guest');
    await shot(admin.page, 'invitations-02-invited-row');

    // Gus sees the invitation in his workspace menu and joins.
    const guest = await suite.personFor(guestApi, 'Asia/Tokyo');
    await guest.page.goto('/');
    await expectHeading(guest.page, 'Elsewhere Inc');
    // axe on the page with the waiting invitation, closed and with the workspace menu open.
    await expectNoSeriousA11y(guest.page, 'dashboard with an invitation waiting');
    await guest.page.getByRole('button', { name: 'Switch workspace (invitations waiting)' }).click();
    const invitation = guest.page.getByRole('menuitem', { name: 'Join Harbor Freight Co' });
    await invitation.waitFor();
    await guest.page.getByRole('menuitem', { name: 'Decline Harbor Freight Co' }).waitFor();
    await expectNoSeriousA11y(guest.page, 'the workspace menu with an invitation waiting');
    await shot(guest.page, 'invitations-03-workspace-menu');
    await invitation.click();
    await expectHeading(guest.page, 'Harbor Freight Co');
    await guest.page.getByText('You joined Harbor Freight Co.').waitFor();
    // Now a member of both, and nothing waits any more.
    await guest.page.getByRole('button', { name: 'Switch workspace', exact: true }).click();
    await guest.page.getByRole('menuitem', { name: 'Elsewhere Inc' }).waitFor();
    await guest.page.getByRole('menuitem', { name: 'Harbor Freight Co' }).waitFor();
    expect(await guest.page.getByTestId('invitation').count()).toBe(0);
    await guest.page.keyboard.press('Escape');

    // The admin sees Gus active, under the name he chose.
    await admin.page.reload();
    const joined = admin.page.getByRole('row', { name: /^Gus Guest/ });
    await joined.waitFor();
    expect(await joined.textContent()).toContain('Active');

    admin.expectNoErrors();
    guest.expectNoErrors();
  });
});
