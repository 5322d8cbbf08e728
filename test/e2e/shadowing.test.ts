// Shadow days in the browser (SPEC S4, issue 15). A leader opens this quarter's program for a new workspace (two
// sellers, two marketers), generates the pairs, pins one and swaps the hosts of two; a host accepts the date the guest
// proposed; the guest, once the day has passed, writes the reflection, and the progress of the guest's team moves from
// 0 to 1 completed. A viewer reads it all with no control to change anything. The demo's program (the past three
// quarters completed, the current one half done) renders at 1440×900 and 390×844, light and dark, with no serious axe
// violation, with the dialogs open. Screenshots go to test-results/e2e/shadowing-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { E2E_PASSWORD, useE2eSuite } from './helpers/suite.js';
import { clickAndToast } from './helpers/ui.js';

const suite = useE2eSuite({ demo: true });
const POLL = { timeout: 10_000 };

interface Member {
  id: string;
  name: string;
}
interface Pair {
  id: string;
  direction: 'marketing_shadows_sales' | 'sales_shadows_marketing';
  guest: Member;
  host: Member;
  pinned: boolean;
  date: string | null;
  status: string;
  proposal: { date: string; by: Member } | null;
  reflection: { misconception: string; writtenAt: string } | null;
}
interface Program {
  id: string;
  quarter: { key: string; label: string; startDate: string; endDate: string };
  pairs: Pair[];
  checkinWeekday: number | null;
  progress: { teams: Array<{ team: 'sales' | 'marketing'; participants: number; completed: number }> };
  participantsList: Array<{ member: Member; capacity: number; unavailableDates: string[] }>;
}

const addDays = (date: string, n: number): string => {
  const [y = 1970, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};
const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const todayUtc = (): string => new Date().toISOString().slice(0, 10);

/** A workday of the quarter after `after`, not the check-in day and not `not`: a day the guest may propose. */
function laterWorkday(p: Program, after: string, not: string | null): string | null {
  for (let d = addDays(after, 1); d < p.quarter.endDate; d = addDays(d, 1)) {
    const w = weekday(d);
    if (w !== 0 && w !== 6 && w !== p.checkinWeekday && d !== not) return d;
  }
  return null;
}

async function programOf(api: ApiSession, id: string): Promise<Program> {
  return api.get<Program>(`/api/v1/shadowing/programs/${id}`);
}

async function heading(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

describe('shadow days', () => {
  it('a leader opens the quarter, generates, pins and swaps; a host accepts a date; the guest reflects and progress moves', async () => {
    const admin = new ApiSession(suite.server.url);
    await admin.signUp({ email: 'lee@shadow.example', name: 'Lee Leader', password: E2E_PASSWORD, workspaceName: 'Shadow Works', timeZone: 'UTC' });
    const sellers = [
      await suite.join(admin, { name: 'Sara Seller', email: 'sara@shadow.example', role: 'member', team: 'sales' }),
      await suite.join(admin, { name: 'Sid Seller', email: 'sid@shadow.example', role: 'member', team: 'sales' }),
    ];
    const marketers = [
      await suite.join(admin, { name: 'Mia Marketer', email: 'mia@shadow.example', role: 'member', team: 'marketing' }),
      await suite.join(admin, { name: 'Max Marketer', email: 'max@shadow.example', role: 'member', team: 'marketing' }),
    ];
    const lee = await suite.personFor(admin, 'UTC');
    const page = lee.page;

    // (1) No program yet: the leader opens this quarter's.
    await page.goto('/shadowing');
    await heading(page, 'Shadowing');
    const { current } = await admin.get<{ current: { key: string; label: string } }>('/api/v1/shadowing/programs');
    await page.getByRole('heading', { level: 2, name: `No shadow-day program for ${current.label} yet` }).waitFor();
    await shot(page, 'shadowing-01-no-program');
    await clickAndToast(page, page.getByRole('button', { name: `Open ${current.label}`, exact: true }), `The ${current.label} program is open`);
    const participants = page.getByRole('region', { name: 'Participants' });
    await participants.getByText('4 taking part', { exact: false }).waitFor();
    expect(await page.title()).toBe(`Shadowing ${current.label} · Shadow Works · Lockstep`);

    // (2) Generate: both directions, every member placed (each host takes up to 2).
    await clickAndToast(page, page.getByRole('button', { name: 'Generate pairs' }), '4 pairs generated.');
    const pairsCard = page.getByRole('region', { name: 'Pairs' });
    await pairsCard.getByRole('region', { name: 'Marketing shadows sales · 2' }).waitFor();
    await pairsCard.getByRole('region', { name: 'Sales shadows marketing · 2' }).waitFor();
    const programId = (await admin.get<{ currentProgram: { id: string } | null }>('/api/v1/shadowing/programs')).currentProgram?.id;
    if (!programId) throw new Error('The program opened is not the current one');
    const generated = await programOf(admin, programId);
    expect(generated.pairs).toHaveLength(4);
    // Each pair's cost is explained in words.
    const [first, second] = generated.pairs.filter((p) => p.direction === 'marketing_shadows_sales');
    if (!first || !second) throw new Error('Two marketers should shadow sellers');
    const firstRow = pairsCard.getByRole('article', { name: `${first.guest.name} shadows ${first.host.name}` });
    await firstRow.waitFor();
    await shot(page, 'shadowing-02-generated');
    await expectNoSeriousA11y(page, '/shadowing after generating');

    // (3) Pin a pair: the button is pressed, and the server kept it.
    const pinFirst = firstRow.getByRole('button', { name: `Pin ${first.guest.name} shadows ${first.host.name}` });
    expect(await pinFirst.getAttribute('aria-pressed')).toBe('false');
    await pinFirst.click();
    await expect.poll(() => pinFirst.getAttribute('aria-pressed'), POLL).toBe('true');
    expect((await programOf(admin, programId)).pairs.find((p) => p.id === first.id)?.pinned).toBe(true);

    // (4) Swap two of the same direction: one of the other direction keeps the button off and says why.
    const other = generated.pairs.find((p) => p.direction === 'sales_shadows_marketing');
    if (!other) throw new Error('Sellers should shadow marketers');
    const swapButton = pairsCard.getByRole('button', { name: 'Swap hosts' });
    await pairsCard.getByRole('checkbox', { name: `Pick ${first.guest.name} shadows ${first.host.name} to swap` }).check();
    await pairsCard.getByRole('checkbox', { name: `Pick ${other.guest.name} shadows ${other.host.name} to swap` }).check();
    await pairsCard.getByText('These pairs go in different directions').waitFor();
    expect(await swapButton.isDisabled()).toBe(true);
    await pairsCard.getByRole('checkbox', { name: `Pick ${other.guest.name} shadows ${other.host.name} to swap` }).uncheck();
    await pairsCard.getByRole('checkbox', { name: `Pick ${second.guest.name} shadows ${second.host.name} to swap` }).check();
    await pairsCard.getByText(`Swap ${first.host.name}’s and ${second.host.name}’s guests.`).waitFor();
    await clickAndToast(page, swapButton, 'Hosts swapped; both pairs are pinned.');
    await pairsCard.getByRole('article', { name: `${first.guest.name} shadows ${second.host.name}` }).waitFor();
    await pairsCard.getByRole('article', { name: `${second.guest.name} shadows ${first.host.name}` }).waitFor();
    const swapped = await programOf(admin, programId);
    const mine = swapped.pairs.find((p) => p.guest.id === first.guest.id);
    expect(mine?.host.id).toBe(second.host.id);
    expect(swapped.pairs.filter((p) => p.direction === 'marketing_shadows_sales').every((p) => p.pinned)).toBe(true);
    await shot(page, 'shadowing-03-swapped');

    // (5) The guest proposes another day; the host accepts it in the browser.
    if (!mine) throw new Error('The first guest lost their pair');
    const guest = [...sellers, ...marketers].find((m) => m.memberId === mine.guest.id);
    const host = [...sellers, ...marketers].find((m) => m.memberId === mine.host.id);
    if (!guest || !host) throw new Error('The pair is not of the people who joined');
    const proposed = laterWorkday(swapped, todayUtc(), mine.date);
    if (!proposed) throw new Error(`No workday is left in ${swapped.quarter.label} after today to propose`);
    await guest.api.post(`/api/v1/shadowing/pairs/${mine.id}/propose-date`, { date: proposed });
    const hostPerson = await suite.personFor(host.api, 'UTC');
    await hostPerson.page.goto('/shadowing');
    const myDay = hostPerson.page.getByRole('region', { name: 'Your shadow day' });
    // The host first sets what they can take: three guests, and a day they cannot host, on the date picker.
    await myDay.getByRole('button', { name: 'Set availability' }).click();
    const availability = hostPerson.page.getByRole('dialog', { name: 'Your availability' });
    await availability.getByRole('textbox', { name: 'Guests you can host this quarter' }).fill('3');
    const [yy = '1970', mm = '01', dd = '01'] = proposed.split('-');
    const dayLabel = `${Number(dd)} ${new Date(Date.UTC(Number(yy), Number(mm) - 1, 1)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' })} ${yy}`;
    const offDay = laterWorkday(swapped, proposed, null);
    if (offDay && offDay.slice(0, 7) === proposed.slice(0, 7)) {
      const [, , od = '01'] = offDay.split('-');
      await availability.getByRole('button', { name: dayLabel.replace(/^\d+/, String(Number(od))), exact: true }).click();
      await availability.getByText('1 unavailable:', { exact: false }).waitFor();
    }
    await expectNoSeriousA11y(hostPerson.page, '/shadowing with the availability dialog open');
    await shot(hostPerson.page, 'shadowing-04-availability');
    await clickAndToast(hostPerson.page, availability.getByRole('button', { name: 'Save availability' }), 'Your availability is saved.');
    const saved = (await programOf(admin, programId)).participantsList.find((p) => p.member.id === mine.host.id);
    expect(saved?.capacity).toBe(3);
    expect(saved?.unavailableDates).toEqual(offDay && offDay.slice(0, 7) === proposed.slice(0, 7) ? [offDay] : []);
    const hosted = myDay.getByRole('article', { name: `${mine.guest.name} shadows you` });
    await hosted.getByText(`${mine.guest.name} proposed`, { exact: false }).waitFor();
    await shot(hostPerson.page, 'shadowing-05-proposal');
    // The host's own dialogs pass axe too: proposing another day, and sitting the quarter out (both left unsent).
    for (const [button, title] of [
      ['Propose another date', 'Propose another date'],
      ['Opt out', `Sit ${swapped.quarter.label} out`],
    ] as const) {
      await myDay.getByRole('button', { name: button, exact: true }).first().click();
      const opened = hostPerson.page.getByRole('dialog', { name: title });
      await opened.waitFor();
      await expectNoSeriousA11y(hostPerson.page, `/shadowing with "${title}" open`);
      await hostPerson.page.keyboard.press('Escape');
      await opened.waitFor({ state: 'hidden' });
    }
    await clickAndToast(hostPerson.page, hosted.getByRole('button', { name: /^Accept / }), 'the invite is sent again');
    await expect.poll(async () => (await programOf(admin, programId)).pairs.find((p) => p.id === mine.id)?.date, POLL).toBe(proposed);
    hostPerson.expectNoErrors();

    // (6) The day passes (set through the database: no UI makes a day in the past) and the guest writes the reflection.
    const before = (await programOf(admin, programId)).progress.teams.find((t) => t.team === 'marketing');
    expect(before?.completed).toBe(0);
    const past = addDays(todayUtc(), -1) >= swapped.quarter.startDate ? addDays(todayUtc(), -1) : todayUtc();
    await suite.server.app.ctx.db.kysely.updateTable('shadow_pairs').set({ date: past }).where('id', '=', mine.id).execute();
    const guestPerson = await suite.personFor(guest.api, 'UTC');
    await guestPerson.page.goto('/shadowing');
    const ownDay = guestPerson.page.getByRole('region', { name: 'Your shadow day' }).getByRole('article', { name: `You shadow ${mine.host.name}` });
    await ownDay.getByText('Reflection due').waitFor();
    await ownDay.getByRole('button', { name: 'Write your reflection' }).click();
    const dialog = guestPerson.page.getByRole('dialog', { name: 'Write your reflection' });
    await dialog.getByRole('button', { name: 'Save reflection' }).click();
    await dialog.getByText('Say what surprised you.').waitFor();
    await dialog.getByLabel('What surprised you').fill('Half the calls end on pricing before anyone sees a demo.');
    await dialog.getByLabel('A misconception you had').fill('I thought reps read our nurture emails before calls.');
    await dialog.getByLabel('One idea to take back').fill('A one-pager answering the three pricing questions.');
    await dialog.getByText('4', { exact: true }).click();
    await expectNoSeriousA11y(guestPerson.page, '/shadowing with the reflection dialog open');
    await shot(guestPerson.page, 'shadowing-06-reflection');
    await clickAndToast(guestPerson.page, dialog.getByRole('button', { name: 'Save reflection' }), 'Reflection saved');
    await ownDay.getByText('Done', { exact: true }).waitFor();
    const progress = guestPerson.page.getByRole('region', { name: 'Progress' });
    await progress.getByRole('group', { name: /^Marketing: 1 of 2 completed/ }).waitFor();
    const reflections = guestPerson.page.getByRole('region', { name: 'Reflections' });
    await reflections.getByRole('article', { name: `${mine.guest.name}’s reflection` }).getByText('A one-pager answering the three pricing questions.').waitFor();
    await shot(guestPerson.page, 'shadowing-07-progress');
    guestPerson.expectNoErrors();
    const after = (await programOf(admin, programId)).progress.teams.find((t) => t.team === 'marketing');
    expect(after?.completed).toBe(1);

    // (7) A viewer reads the program and can change nothing.
    const invite = await admin.post<{ token: string }>('/api/v1/invites', { role: 'viewer', team: 'leadership' });
    const viewerApi = new ApiSession(suite.server.url);
    await viewerApi.post(`/api/v1/invites/accept/${invite.token}`, { name: 'Vic Viewer', email: 'vic@shadow.example', password: E2E_PASSWORD });
    const vic = await suite.personFor(viewerApi, 'UTC');
    await vic.page.goto('/shadowing');
    await vic.page.getByRole('region', { name: 'Pairs' }).getByRole('article', { name: `${mine.guest.name} shadows ${mine.host.name}` }).waitFor();
    expect(await vic.page.getByRole('main').getByRole('button').count()).toBe(0);
    expect(await vic.page.getByRole('main').getByRole('checkbox').count()).toBe(0);
    vic.expectNoErrors();
    lee.expectNoErrors();
  });

  it('the demo program renders on a desktop and a phone, light and dark, with its dialogs open', async () => {
    const api = new ApiSession(suite.server.url);
    await api.signIn('dana@northwind.example', 'lockstep-demo');
    const dana = await suite.personFor(api);
    const page = dana.page;
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const [width, height, name] of [
        [1440, 900, 'desktop'],
        [390, 844, 'phone'],
      ] as const) {
        await page.setViewportSize({ width, height });
        await page.goto('/shadowing');
        await heading(page, 'Shadowing');
        await page.getByRole('region', { name: 'Pairs' }).getByRole('article').first().waitFor();
        await page.getByRole('region', { name: 'Reflections' }).getByRole('article').first().waitFor();
        await page.getByRole('region', { name: 'Quarters' }).getByRole('link').first().waitFor();
        await page.waitForLoadState('networkidle');
        await shot(page, `shadowing-demo-${name}-${scheme}`);
        await expectNoSeriousA11y(page, `/shadowing demo (${name}, ${scheme})`);
      }
    }
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: 'light' });
    // The leader's dialogs: the affinity table and a participant's availability.
    await page.getByRole('button', { name: 'Affinity table' }).click();
    const affinity = page.getByRole('dialog', { name: 'Affinity table' });
    await affinity.getByRole('group', { name: 'Rule 1' }).waitFor();
    await expectNoSeriousA11y(page, '/shadowing with the affinity table open');
    await shot(page, 'shadowing-demo-affinity');
    await page.keyboard.press('Escape');
    await affinity.waitFor({ state: 'hidden' });
    // From a reflection: a pain candidate in messaging's library (prefilled, the source picked), and an item on the
    // next check-in's agenda.
    const demoProgram = (await api.get<{ currentProgram: { id: string } | null }>('/api/v1/shadowing/programs')).currentProgram;
    if (!demoProgram) throw new Error('The demo has no program this quarter');
    const shown = await programOf(api, demoProgram.id);
    const newest = shown.pairs.filter((p) => p.reflection).sort((a, b) => (b.reflection?.writtenAt ?? '').localeCompare(a.reflection?.writtenAt ?? ''))[0];
    if (!newest?.reflection) throw new Error('The demo quarter has no reflection');
    const reflection = page.getByRole('region', { name: 'Reflections' }).getByRole('article', { name: `${newest.guest.name}’s reflection` });
    await reflection.getByRole('button', { name: 'Make it a pain candidate' }).click();
    const painDialog = page.getByRole('dialog', { name: 'Make it a pain candidate' });
    await painDialog.getByText('Misconception', { exact: true }).click();
    const statement = painDialog.getByRole('textbox', { name: "The pain, in the buyer's words" });
    await expect.poll(() => statement.inputValue(), POLL).toBe(newest.reflection.misconception.slice(0, 300));
    await expectNoSeriousA11y(page, '/shadowing with the pain candidate dialog open');
    await statement.fill('Reps get leads with no idea which content the buyer read');
    await clickAndToast(page, painDialog.getByRole('button', { name: 'Add pain' }), 'is in the pain library');
    const pains = await api.get<{ items: Array<{ statement: string }> }>('/api/v1/messaging/pains?q=content%20the%20buyer%20read');
    expect(pains.items.map((p) => p.statement)).toContain('Reps get leads with no idea which content the buyer read');
    await clickAndToast(page, reflection.getByRole('button', { name: 'Add to the check-in agenda' }), 'On the agenda of the check-in on');
    await reflection.getByRole('button', { name: 'On the agenda' }).waitFor();
    const upcoming = await api.get<{ items: Array<{ id: string; state: string }> }>('/api/v1/checkins/meetings?when=upcoming&limit=4');
    const nextMeeting = upcoming.items.find((m) => m.state === 'upcoming');
    const meeting = await api.get<{ customItems: Array<{ title: string; note: string }> }>(`/api/v1/checkins/meetings/${nextMeeting?.id ?? ''}`);
    const item = meeting.customItems.find((i) => i.title === `Shadow day: ${newest.guest.name} with ${newest.host.name}`);
    expect(item?.note).toContain('Idea to take back:');
    // A past quarter: its own page, closed, its reflections.
    const { programs } = await api.get<{ programs: Array<{ status: string; quarter: { label: string } }> }>('/api/v1/shadowing/programs');
    const closed = programs.filter((p) => p.status === 'closed');
    expect(closed.length).toBeGreaterThanOrEqual(3);
    await page.getByRole('region', { name: 'Quarters' }).getByRole('link', { name: closed[0]?.quarter.label ?? '', exact: true }).click();
    await page.waitForURL(/\/shadowing\/programs\/[^/]+$/);
    await page.getByRole('region', { name: 'Progress' }).getByText('has ended', { exact: false }).waitFor();
    await shot(page, 'shadowing-demo-past-quarter');
    await expectNoSeriousA11y(page, 'a past quarter of the demo');
    dana.expectNoErrors();
  });
});
