// The alignment score's weekly job (SPEC S6, issue 14), on SQLite and PostgreSQL: two instances on one database
// store each workspace's week once (and a rerun writes nothing twice), and each member's weekly digest arrives in a
// local SMTP server — wins first, then the coming check-in and the to-dos, and never more disconnects than wins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/lockstep.js';
import { createApp } from '../../src/lockstep.js';
import { sweepCheckins } from '../../src/capabilities/checkins/jobs.js';
import { periodKey } from '../../src/server/jobs.js';
import { isoWeekOf } from '../../src/shared/calendar/index.js';
import type { AlignmentView } from '../../src/capabilities/alignment/schemas.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { caughtUp, changedInDb, makeWeeklySeries, sameSessionOn } from '../factories.js';
import { mimePart, smtpReceiver, type SmtpReceiver } from './channels-receivers.js';
import { day, insertChannel, makeWinsTeam, postWin } from './wins-fixtures.js';

let t: TestApp;
let second: App;
let smtp: SmtpReceiver;

beforeAll(async () => {
  t = await createTestApp({ shareable: true });
  second = await createApp(t.config);
  smtp = await smtpReceiver();
});
afterAll(async () => {
  await smtp?.close();
  await second?.close();
  await t?.close();
});

const quorum = { requirements: [{ team: 'leadership' as const, min: 1, keyPlayersOnly: false }] };
/** An email channel of the workspace subscribed to the weekly digest, sending to the local SMTP server. */
const addDigestChannel = async (admin: Client) =>
  expectStatus(
    await admin.post<{ id: string }>('/api/v1/channels', {
      kind: 'email',
      name: `Digest mail ${Math.random().toString(36).slice(2, 8)}`,
      events: ['weekly_digest'],
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'bot', password: 'smtp-secret-for-the-digest', from: 'Lockstep <lockstep@example.test>' },
    }),
    201,
  );
const weeklyJob = (app: App) => app.ctx.jobs.list().find((j) => j.name === 'alignment.weekly')!;

describe('the weekly job', () => {
  it('stores the week once across two instances and reruns, and sends each member a digest that opens with wins', async () => {
    const team = await makeWinsTeam(t);
    const channel = await addDigestChannel(team.ws.admin);
    const slack = await insertChannel(t, team.ws.id, ['weekly_digest']);
    // Two check-ins missed this week (the series began two weeks ago, nobody came) and one win: the digest names
    // one disconnect only.
    await makeWeeklySeries(team.ws.admin, { weeksBack: 2, quorum });
    await sweepCheckins(t.db.kysely, new Date());
    const win = await postWin(team.seller.client, [team.seller.member.id, team.marketer.member.id], { title: 'Initech signed together', wonOn: day(-1) });
    await changedInDb(t);

    const now = new Date();
    const ran = await Promise.all([t.app.ctx.jobs.runDue(now), second.ctx.jobs.runDue(now)]);
    expect(ran.flat().filter((n) => n === 'alignment.weekly')).toHaveLength(1);
    // A rerun of the job on either instance writes nothing twice.
    for (const app of [t.app, second]) await weeklyJob(app).run({ db: app.ctx.db, log: app.ctx.log, now, periodKey: periodKey('week', now) });

    const weekStart = isoWeekOf(now.toISOString().slice(0, 10)).startDate;
    const rows = await t.db.kysely.selectFrom('alignment_scores').selectAll().where('workspace_id', '=', team.ws.id).execute();
    expect(rows.map((r) => r.week_start)).toEqual([weekStart]);
    const digests = await t.db.kysely.selectFrom('outbox').select(['target', 'idempotency_key']).where('channel_id', '=', channel.id).execute();
    const members = [team.ws.admin, team.seller.client, team.marketer.client, team.salesLead.client, team.marketingLead.client, team.exec.client, team.viewer.client];
    expect(digests).toHaveLength(members.length);
    expect(new Set(digests.map((d) => d.target)).size).toBe(members.length);
    // The channel gets the week once, without anyone's to-dos or shadow days.
    const posted = await t.db.kysely.selectFrom('outbox').select(['payload', 'idempotency_key']).where('channel_id', '=', slack).execute();
    expect(posted.map((p) => p.idempotency_key)).toEqual([`digest:${periodKey('week', now)}:${slack}`]);
    expect(posted[0]!.payload).toContain('Wins this week');
    expect(posted[0]!.payload).not.toContain('Your to-dos');

    // The dashboard's history shows the stored week, matching the score now.
    await changedInDb(t);
    const view = expectStatus(await team.ws.admin.get<AlignmentView>('/api/v1/alignment'), 200);
    expect(view.history).toHaveLength(1);
    expect(view.history[0]).toMatchObject({ weekStart, score: rows[0]!.score });
    expect(view.history[0]!.strategies.wins).toBe(rows[0]!.wins);

    const before = smtp.received.length;
    await t.app.ctx.outbox.deliverDue(new Date(Date.now() + 1000), 100);
    const got = smtp.received.slice(before);
    expect(got).toHaveLength(members.length);
    const mine = got.find((g) => g.to.includes(team.seller.email))!;
    const text = mimePart(mine.raw, 'text/plain')!;
    const at = (s: string) => text.indexOf(s);
    expect(at('Wins this week')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('Together: Initech signed together');
    expect(text).toContain(`/wins/${win.id}`);
    expect(at('Disconnects to talk about')).toBeGreaterThan(at('Wins this week'));
    for (const later of ['The coming check-in', 'Your to-dos']) if (at(later) >= 0) expect(at(later)).toBeGreaterThan(at('Wins this week'));
    expect(at('Wins this week')).toBeLessThan(at('Disconnects to talk about'));
    const disconnects = text.slice(at('Disconnects to talk about')).split('\n').filter((l) => l.startsWith('•'));
    const wins = text.slice(at('Wins this week'), text.indexOf('\n\n', at('Wins this week'))).split('\n').filter((l) => l.startsWith('•'));
    expect(wins).toHaveLength(1);
    expect(disconnects.length).toBeLessThanOrEqual(wins.length);
    expect(disconnects[0]).toContain('was missed');
    expect(text).toContain('Alignment score:');
  });

  it('without wins, the digest still opens with the wins section and says so, and lists the disconnects', async () => {
    const team = await makeWinsTeam(t);
    await makeWeeklySeries(team.ws.admin, { weeksBack: 2, quorum });
    const now = new Date();
    await sweepCheckins(t.db.kysely, now);
    await t.db.kysely.deleteFrom('job_runs').where('job', '=', 'alignment.weekly').execute();
    const channel = await addDigestChannel(team.ws.admin);
    await weeklyJob(t.app).run({ db: t.app.ctx.db, log: t.app.ctx.log, now, periodKey: periodKey('week', now) });
    const row = await t.db.kysely.selectFrom('outbox').select('payload').where('channel_id', '=', channel.id).where('target', '=', team.seller.email).executeTakeFirstOrThrow();
    const mail = JSON.parse(row.payload) as { subject: string; text: string };
    const text = mail.text;
    expect(mail.subject).toMatch(/^Your week in Lockstep \(\d{4}-W\d{2}\): 0 wins, alignment/);
    expect(text.indexOf('Wins this week')).toBeLessThan(text.indexOf('Disconnects to talk about'));
    expect(text).toContain('No win was posted this week');
    expect(text.match(/was missed/g)?.length).toBeGreaterThanOrEqual(1);
  });
});

describe('the score now, on two instances', () => {
  it('a win posted on one instance moves the score the other answers at once (its memo checks the read versions)', async () => {
    const team = await makeWinsTeam(t);
    const onSecond = sameSessionOn(second, team.ws.admin);
    const wins = async (c: Client) => expectStatus(await c.get<AlignmentView>('/api/v1/alignment'), 200).strategies.find((s) => s.strategy === 'wins')!;
    expect((await wins(onSecond)).status).toBe('no_data');
    await postWin(team.seller.client, [team.seller.member.id, team.marketer.member.id], { wonOn: day(-1) });
    // On PostgreSQL the second instance hears of the write through its change feed, as the read cache does (decision 030).
    await caughtUp(second);
    const after = await wins(onSecond);
    expect(after.status).toBe('scored');
    expect(after.score).toBeGreaterThan(0);
  });
});
