// A collaborative win from the browser to Slack (issue 13): a marketer posts a win crediting a seller through the
// "Post a win" dialog; it appears at the top of the feed marked "Sales × Marketing"; a reaction toggles (aria-pressed,
// its count), the filters live in the URL, kudos are added on the win's page, the dashboard lists it and a viewer sees
// it all with no control to change it; and the
// workspace's Slack channel — a local receiver started here, subscribed to wins through the
// channels API — gets one Block Kit message naming the win and marking it collaborative, delivered by the outbox's own
// delivery loop (the e2e server runs no jobs, so the test starts that loop, polling every 100 ms). Screenshots go to
// test-results/e2e/wins-*.png; axe checks the page with the dialog open and after posting.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { ApiSession } from './helpers/api.js';
import { expectNoSeriousA11y, shot } from './helpers/browser.js';
import { E2E_PASSWORD, useE2eSuite } from './helpers/suite.js';
import { pick, wallClock } from './helpers/ui.js';

const suite = useE2eSuite();

interface Received {
  path: string;
  body: unknown;
}

/** Stands in for Slack's incoming webhook: records every POST and answers 200 "ok", as Slack does. */
async function slackReceiver(): Promise<{ url: string; received: Received[]; next(): Promise<Received>; close(): Promise<void> }> {
  const received: Received[] = [];
  const waiting: Array<(r: Received) => void> = [];
  const read = (req: IncomingMessage) =>
    new Promise<string>((resolve, reject) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => (text += chunk));
      req.on('end', () => resolve(text));
      req.on('error', reject);
    });
  const server: Server = createServer((req, res) => {
    void read(req).then((text) => {
      const r = { path: req.url ?? '', body: JSON.parse(text) as unknown };
      received.push(r);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      waiting.shift()?.(r);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('The receiver has no port');
  return {
    url: `http://127.0.0.1:${address.port}/services/T000/B000/lockstep-e2e`,
    received,
    next: () =>
      new Promise<Received>((resolve, reject) => {
        const already = received[waiting.length];
        if (already) return resolve(already);
        const timer = setTimeout(() => reject(new Error('The Slack receiver got nothing within 15 s')), 15_000);
        waiting.push((r) => {
          clearTimeout(timer);
          resolve(r);
        });
      }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A PUT as the web app sends it (the e2e ApiSession has no PUT). */
async function putJson(api: ApiSession, path: string, body: unknown): Promise<void> {
  const res = await fetch(api.baseUrl + path, {
    method: 'PUT',
    headers: { origin: api.baseUrl, 'content-type': 'application/json', cookie: `lockstep_session=${api.session ?? ''}` },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`PUT ${path} answered ${res.status}: ${await res.text()}`);
}

let receiver: Awaited<ReturnType<typeof slackReceiver>> | undefined;
afterAll(async () => {
  await receiver?.close();
});

describe('a collaborative win', () => {
  it('is posted, shows highlighted, takes a reaction, and reaches Slack', async () => {
    receiver = await slackReceiver();
    const admin = new ApiSession(suite.server.url);
    await admin.signUp({ email: 'ada@wins.example', name: 'Ada Admin', password: E2E_PASSWORD, workspaceName: 'Tidewater Labs', timeZone: 'America/New_York' });
    const marketer = await suite.join(admin, { name: 'Mona Marketer', email: 'mona@wins.example', role: 'member', team: 'marketing' });
    const seller = await suite.join(admin, { name: 'Sam Seller', email: 'sam@wins.example', role: 'member', team: 'sales' });
    // The workspace's Slack channel, subscribed to wins (an http URL is allowed for localhost outside production).
    await admin.post('/api/v1/channels', { kind: 'slack', name: 'Wins in Slack', url: receiver.url, events: ['wins'] });
    // The outbox's delivery loop, as `lockstep start` runs it with jobs on (every 5 s there; 100 ms here).
    suite.server.app.ctx.outbox.start(100);

    const mona = await suite.personFor(marketer.api);
    const page = mona.page;
    await page.goto('/wins');
    await page.getByRole('heading', { level: 1, name: 'Wins' }).waitFor();
    await page.getByText('No wins yet').waitFor();
    expect(await page.title()).toBe('Wins · Tidewater Labs · Lockstep');

    // Post a win: Mona is credited already; she adds Sam from sales, and the picker says it is collaborative.
    await page.getByRole('button', { name: 'Post a win' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Post a win' });
    await dialog.waitFor();
    await dialog.getByLabel('Kind').click();
    await page.getByRole('option', { name: 'Deal won', exact: true }).click();
    const title = 'Harbor Logistics signed after the ROI webinar';
    await dialog.getByLabel('Title').fill(title);
    await dialog.getByLabel('Story').fill('Sam brought the webinar deck to the final call; the CFO said the ROI section settled it.');
    expect(await dialog.getByText('Mona Marketer · Marketing').count()).toBe(1);
    await dialog.getByText(/Only marketing is credited/).waitFor();
    await pick(page, dialog.getByRole('combobox', { name: 'People credited' }), /^Sam Seller/, 'Sam');
    await page.keyboard.press('Escape');
    await dialog.getByText('Collaborative: sales and marketing are both credited.').waitFor();
    await expectNoSeriousA11y(page, '/wins with "Post a win" open');
    await shot(page, 'wins-post-dialog');
    await dialog.getByRole('button', { name: 'Post win' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // It is the first win of the feed, highlighted: the badge says so in words.
    const card = page.getByRole('article', { name: title });
    await card.waitFor();
    await card.getByText('Sales × Marketing').waitFor();
    expect(await card.getByText('Sam Seller · Sales').count()).toBe(1);
    expect(await card.evaluate((el) => getComputedStyle(el, '::before').backgroundImage)).toContain('linear-gradient');

    // React: the toggle is pressed and counts one; pressing again takes it back.
    const tada = card.getByRole('button', { name: /^Party popper, / });
    expect(await tada.getAttribute('aria-pressed')).toBe('false');
    await tada.click();
    await card.getByRole('button', { name: 'Party popper, 1 reaction' }).waitFor();
    expect(await tada.getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'wins-feed-posted');
    await expectNoSeriousA11y(page, '/wins after posting');

    // Slack got one message for the win: its title, and the collaborative mark.
    const message = await receiver.next();
    expect(message.path).toBe('/services/T000/B000/lockstep-e2e');
    const body = message.body as { text: string; blocks: Array<{ type: string; text?: { text: string }; elements?: Array<{ text: string | { text: string }; url?: string }> }> };
    const [header, accent] = body.blocks;
    expect(header?.type).toBe('header');
    expect(header?.text?.text.startsWith(title)).toBe(true);
    expect(body.text).toContain(title);
    // Collaborative: the accent line every channel shows for it, right under the header.
    expect(accent).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '*🤝 Sales and marketing together*' }] });
    const button = body.blocks.find((b) => b.type === 'actions')?.elements?.[0];
    expect(button?.url).toMatch(new RegExp(`^${suite.server.url}/wins/[^/]+$`));
    // A reaction announces nothing: still one message.
    expect(receiver.received).toHaveLength(1);

    // The filters live in the URL: a link to "one team only" leaves the win out, "collaborative, sales" keeps it.
    await page.goto('/wins?collaborative=false');
    await page.getByText('No win matches these filters').waitFor();
    await page.goto('/wins?collaborative=true&team=sales');
    await page.getByRole('article', { name: title }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Collaborative' }).inputValue()).toBe('Collaborative only');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => url.pathname === '/wins' && url.search === '');

    // The reaction is saved: the win's own page, read fresh, shows it pressed; kudos are added there.
    await page.getByRole('article', { name: title }).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(await page.title()).toBe(`${title} · Tidewater Labs · Lockstep`);
    expect(await page.getByRole('button', { name: 'Party popper, 1 reaction' }).getAttribute('aria-pressed')).toBe('true');
    await page.getByLabel('Add kudos').fill('The ROI section was Sam’s idea — great teamwork.');
    await page.getByRole('button', { name: 'Post kudos' }).click();
    await page.getByRole('heading', { level: 2, name: 'Kudos (1)' }).waitFor();
    await page.getByText('The ROI section was Sam’s idea — great teamwork.').waitFor();
    await shot(page, 'wins-win-page');
    await expectNoSeriousA11y(page, "a win's page with kudos");

    // The dashboard's Latest wins shows it, marked collaborative, linking to its page.
    await page.goto('/');
    const latest = page.getByRole('region', { name: 'Latest wins' });
    await latest.getByRole('link', { name: title }).waitFor();
    await latest.getByText('Sales × Marketing').waitFor();
    await shot(page, 'wins-dashboard');
    mona.expectNoErrors();

    // A viewer reads the same win with no control to change anything: the reaction is a count, not a button.
    const invite = await admin.post<{ token: string }>('/api/v1/invites', { role: 'viewer', team: 'leadership' });
    const viewerApi = new ApiSession(suite.server.url);
    await viewerApi.post(`/api/v1/invites/accept/${invite.token}`, { name: 'Vera Viewer', email: 'vera@wins.example', password: E2E_PASSWORD });
    const vera = await suite.personFor(viewerApi);
    await vera.page.goto('/wins');
    const seen = vera.page.getByRole('article', { name: title });
    await seen.getByText('Sales × Marketing').waitFor();
    await seen.getByText('Party popper:').waitFor();
    expect(await vera.page.getByRole('main').getByRole('button', { name: /Post a win|Party popper|Confirm|Dismiss/ }).count()).toBe(0);
    await seen.getByRole('link', { name: title, exact: true }).click();
    await vera.page.getByRole('heading', { level: 2, name: 'Kudos (1)' }).waitFor();
    expect(await vera.page.getByRole('main').getByRole('button').count()).toBe(0);
    expect(await vera.page.getByLabel('Add kudos').count()).toBe(0);
    vera.expectNoErrors();
    // The poster edits the story; only what changed is sent, and the page shows it.
    await page.goto('/wins');
    await page.getByRole('article', { name: title }).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const edit = page.getByRole('dialog', { name: 'Edit win' });
    const patched = page.waitForRequest((r) => r.method() === 'PATCH' && /\/api\/v1\/wins\/[^/]+$/.test(r.url()));
    await edit.getByLabel('Story').fill('Sam brought the webinar deck to the final call; the CFO said the ROI section settled it. Signed for three years.');
    await edit.getByRole('button', { name: 'Save' }).click();
    expect((await patched).postDataJSON()).toEqual({ story: 'Sam brought the webinar deck to the final call; the CFO said the ROI section settled it. Signed for three years.' });
    await page.getByText('Signed for three years.', { exact: false }).waitFor();
    mona.expectNoErrors();
    // The next check-in's agenda opens with the win; Mona marks it celebrated together there, and the win says where.
    for (const m of [marketer, seller]) await admin.request('PATCH', `/api/v1/members/${m.memberId}`, { keyPlayer: true });
    const tomorrow = wallClock(new Date(Date.now() + 86_400_000), 'America/New_York');
    await putJson(admin, '/api/v1/checkins/series', { weekday: tomorrow.weekday, localTime: '10:00', timeZone: 'America/New_York' });
    const next = (await admin.get<{ items: Array<{ id: string }> }>('/api/v1/checkins/meetings?limit=1')).items[0];
    if (!next) throw new Error('The series has no upcoming meeting');
    await page.goto(`/checkins/meetings/${next.id}`);
    const winsOnAgenda = page.locator('section').filter({ has: page.getByRole('heading', { level: 3, name: 'Wins since the last check-in' }) });
    await winsOnAgenda.getByRole('link', { name: new RegExp(title) }).waitFor();
    await winsOnAgenda.getByRole('button', { name: new RegExp(`^Mark celebrated together: .*${title}`) }).click();
    await page.getByRole('button', { name: /^Undo: / }).waitFor();
    await winsOnAgenda.getByText('Celebrated together', { exact: true }).first().waitFor();
    await expectNoSeriousA11y(page, 'the check-in with a win marked celebrated together');
    await shot(page, 'wins-agenda-celebrated');
    await page.goto('/wins');
    await page.getByRole('article', { name: title }).getByText('Celebrated together', { exact: true }).waitFor();
    await page.getByRole('article', { name: title }).getByRole('link', { name: title, exact: true }).click();
    const celebratedCard = page.getByRole('region', { name: 'Celebrated together' });
    expect(await celebratedCard.getByRole('link').getAttribute('href')).toBe(`/checkins/meetings/${next.id}`);
    mona.expectNoErrors();
    // Reactions, kudos, edits and celebrations announce nothing: Slack still has the one message of the post.
    expect(receiver.received).toHaveLength(1);
  }, 120_000);
});
