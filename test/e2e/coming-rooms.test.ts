// The rooms that were still to come (issue 10) have opened: Wins (issue 13) and Shadowing (issue 15). Their pages are
// the rooms themselves, no longer the "is coming" page that said what they would do.
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { useE2eSuite } from './helpers/suite.js';

const suite = useE2eSuite({ demo: true });

const OPENED = [
  { path: '/wins', title: 'Wins', section: 'Feed' },
  { path: '/shadowing', title: 'Shadowing', section: 'Pairs' },
];

describe('rooms that were to come', () => {
  it('Wins and Shadowing are no longer coming: each page is the room itself', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', 'lockstep-demo');
    const person = await suite.personFor(api);
    const page = person.page;
    for (const room of OPENED) {
      await page.goto(room.path);
      await page.getByRole('heading', { level: 1, name: room.title, exact: true }).waitFor();
      await page.getByRole('heading', { level: 2, name: room.section }).waitFor();
      expect(await page.getByText('Not built yet', { exact: true }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: `${room.title} is coming` }).count()).toBe(0);
    }
    person.expectNoErrors();
  });
});
