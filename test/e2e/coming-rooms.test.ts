// The rooms still to come (issue 10): Shadowing says plainly that it is coming and what it will do, offers no
// button that goes nowhere, and links to what a person can do today (Goals, Check-ins) — in light and dark mode,
// with no serious axe violation. Screenshots go to test-results/e2e/coming-*.png. Wins has opened (issue 13): its page
// no longer says it is coming.
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { useE2eSuite } from './helpers/suite.js';

const suite = useE2eSuite({ demo: true });

const ROOMS = [
  { path: '/shadowing', title: 'Shadowing', links: { 'Take the awareness quiz': '/goals/quiz', 'Go to Check-ins': '/checkins' } },
];

describe('rooms still to come', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`say they are coming, what they will do and what to do today (${scheme})`, async () => {
      const api = new ApiSession(suite.server.url);
      await api.signIn('dana@northwind.example', 'lockstep-demo');
      const person = await suite.personFor(api);
      const page = person.page;
      await page.emulateMedia({ colorScheme: scheme });
      for (const room of ROOMS) {
        await page.goto(room.path);
        await page.getByRole('heading', { level: 1, name: room.title, exact: true }).waitFor();
        await page.getByRole('heading', { level: 2, name: `${room.title} is coming` }).waitFor();
        await page.getByText('Not built yet', { exact: true }).waitFor();
        await page.getByText('When it opens, it will:').waitFor();
        expect(await page.getByText(/No (pains|shadow-day program).* yet/).count()).toBe(0);
        const today = page.getByRole('region', { name: 'What you can do today' });
        for (const [name, href] of Object.entries(room.links)) expect(await today.getByRole('link', { name }).getAttribute('href')).toBe(href);
        // The only buttons in the page's main area are those links: nothing that promises what the room cannot do.
        expect(await page.getByRole('main').getByRole('button').count()).toBe(0);
        await shot(page, `coming-${room.title.toLowerCase()}-${scheme}`);
        await expectNoSeriousA11y(page, `${room.path} (${scheme})`);
      }
      // A link leads somewhere real.
      await page.getByRole('region', { name: 'What you can do today' }).getByRole('link', { name: 'Go to Check-ins' }).click();
      await page.waitForURL((url) => url.pathname === '/checkins');
      person.expectNoErrors();
    });
  }

  it('Wins is no longer coming: its page is the room itself', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', 'lockstep-demo');
    const person = await suite.personFor(api);
    const page = person.page;
    await page.goto('/wins');
    await page.getByRole('heading', { level: 1, name: 'Wins', exact: true }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Feed' }).waitFor();
    expect(await page.getByText('Not built yet', { exact: true }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Wins is coming' }).count()).toBe(0);
    person.expectNoErrors();
  });
});
