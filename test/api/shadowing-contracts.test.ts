// What the Shadowing room gives the rest of the product (issue 15), on SQLite and PostgreSQL: the invite email with
// its ICS through the outbox to a local SMTP server, the day on both people's calendar feeds, the day-before reminder
// sent once however often the job runs, the reflections agenda section, the to-dos, the signals (null without a
// program), the getting-started step and the digest section.
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlignmentSignalsView, GettingStartedView, TodosView } from '../../src/server/contract-routes.js';
import { sendReminders } from '../../src/capabilities/shadowing/reminders.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { changedInDb, makeWorkspace } from '../factories.js';
import { mimePart, smtpReceiver, type SmtpReceiver } from './channels-receivers.js';
import { base, currentQuarter, generate, makeShadowTeam, openNextQuarter, utcDay, type ProgramView } from './shadowing-fixtures.js';

let t: TestApp;
let smtp: SmtpReceiver;
beforeAll(async () => {
  t = await createTestApp();
  smtp = await smtpReceiver();
});
afterAll(async () => {
  await smtp?.close();
  await t?.close();
});

async function addEmailChannel(admin: Client): Promise<void> {
  expectStatus(
    await admin.post('/api/v1/channels', {
      kind: 'email',
      name: 'Shadow-day mail',
      events: ['shadow_days'],
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: 'lockstep-bot', password: 'smtp-Pa55word-for-shadow-days', from: 'Lockstep <lockstep@example.test>' },
    }),
    201,
  );
}

describe('invites, feeds and reminders', () => {
  it('emails host and guest an ICS of the day; the day is on both feeds; the reminder goes once', async () => {
    const team = await makeShadowTeam(t);
    await addEmailChannel(team.ws.admin);
    const program = await openNextQuarter(team.ws.admin);
    const before = smtp.received.length;
    const g = await generate(team.ws.admin, program.id);
    expect(await t.app.ctx.outbox.deliverDue(new Date())).toBe(12);
    const mails = smtp.received.slice(before);
    const pair = g.pairs.find((p) => p.guest.id === team.demandGen.member.id)!;
    const toPair = mails.filter((m) => mimePart(m.raw, 'text/calendar')?.includes(`UID:shadow-day-${pair.id}@lockstep`));
    expect(toPair.map((m) => m.to[0]).sort()).toEqual([team.demandGen.email, [team.sdr, team.ae, team.salesLead].find((x) => x.member.id === pair.host.id)!.email].sort());
    const ics = mimePart(toPair[0]!.raw, 'text/calendar')!;
    expect(ics).toContain(`DTSTART;VALUE=DATE:${pair.date!.replaceAll('-', '')}`);
    expect(ics).toContain('SEQUENCE:1');
    expect(ics).toContain('SUMMARY:Shadow day: Mia Marketer with ');

    // Both people's private feeds carry it as an all-day event; someone else's does not.
    const host = [team.sdr, team.ae, team.salesLead].find((x) => x.member.id === pair.host.id)!;
    for (const [who, has] of [[team.demandGen, true], [host, true], [team.content, false]] as const) {
      const feed = expectStatus(await who.client.post<{ url: string }>('/api/v1/checkins/feed'), 201);
      const text = (await who.client.stranger().get(new URL(feed.url).pathname)).text;
      expect(text.includes(`UID:shadow-day-${pair.id}@lockstep`), who.member.id).toBe(has);
      if (has) expect(text).toContain(`DTSTART;VALUE=DATE:${pair.date!.replaceAll('-', '')}`);
    }

    // A new day accepted sends the invite again, SEQUENCE 2, to both.
    const busy = new Set(g.pairs.filter((p) => [p.guest.id, p.host.id].some((id) => id === pair.guest.id || id === pair.host.id)).map((p) => p.date));
    const day = new Date(`${program.quarter.startDate}T12:00:00Z`);
    while ([0, 6].includes(day.getUTCDay()) || busy.has(day.toISOString().slice(0, 10))) day.setUTCDate(day.getUTCDate() + 1);
    const moved = day.toISOString().slice(0, 10);
    expectStatus(await team.demandGen.client.post(`${base}/pairs/${pair.id}/propose-date`, { date: moved }), 200);
    expectStatus(await host.client.post(`${base}/pairs/${pair.id}/accept-date`, {}), 200);
    const sent = smtp.received.length;
    expect(await t.app.ctx.outbox.deliverDue(new Date())).toBe(2);
    const again = smtp.received.slice(sent).map((m) => mimePart(m.raw, 'text/calendar')!);
    expect(again.every((x) => x.includes('SEQUENCE:2') && x.includes(`DTSTART;VALUE=DATE:${moved.replaceAll('-', '')}`))).toBe(true);

    // Tomorrow's day gets its reminder once, however often the job runs.
    await t.db.kysely.updateTable('shadow_pairs').set({ date: utcDay(1) }).where('id', '=', pair.id).execute();
    expect(await sendReminders(t.db, t.app.ctx.config.publicUrl, new Date())).toBe(1);
    expect(await sendReminders(t.db, t.app.ctx.config.publicUrl, new Date())).toBe(0);
    const reminders = await t.db.kysely.selectFrom('outbox').select('idempotency_key').where('workspace_id', '=', team.ws.id).where('idempotency_key', 'like', 'shadow-day-reminder:%').execute();
    expect(reminders).toHaveLength(2);
  });
});

describe('contracts', () => {
  it('signals say there is no program yet; then the step, to-dos, agenda and digest read the current quarter', async () => {
    const team = await makeShadowTeam(t);
    const signals = expectStatus(await team.viewer.client.get<z.infer<typeof AlignmentSignalsView>>('/api/v1/alignment/signals'), 200);
    const mine = signals.signals.filter((s) => s.strategy === 'shadowing');
    expect(mine.map((s) => [s.key, s.score, s.detail])).toEqual([
      ['shadowing.completed_vs_expected', null, 'No shadow program this quarter yet.'],
      ['shadowing.reflections_written', null, 'No shadow program this quarter yet.'],
    ]);
    const step = async () => expectStatus(await team.ws.admin.get<z.infer<typeof GettingStartedView>>('/api/v1/me/getting-started'), 200).steps.find((s) => s.key === 'shadowing.first_quarter')!;
    expect(await step()).toMatchObject({ order: 120, done: false, href: '/shadowing' });

    const current = await currentQuarter(team.ws.admin);
    const program = expectStatus(await team.ws.admin.post<ProgramView>(`${base}/programs`, { quarter: current.key }), 201);
    const g = await generate(team.ws.admin, program.id);
    expect(await step()).toMatchObject({ done: true, detail: `${current.label} is paired: every member spends a day with the other team.` });

    // The SDR's day was yesterday and has no reflection: a high to-do; the host has a proposal to answer.
    const pair = g.pairs.find((p) => p.guest.id === team.sdr.member.id)!;
    await t.db.kysely.updateTable('shadow_pairs').set({ date: utcDay(-1) }).where('id', '=', pair.id).execute();
    await t.db.kysely.insertInto('shadow_date_proposals').values({ id: `prop-${pair.id}`, workspace_id: team.ws.id, pair_id: pair.id, date: utcDay(3), proposed_by: team.sdr.member.id, proposed_at: new Date().toISOString(), status: 'open', answered_by: null, answered_at: null }).execute();
    await changedInDb(t);
    const todos = expectStatus(await team.sdr.client.get<z.infer<typeof TodosView>>('/api/v1/me/todos'), 200).todos.filter((x) => x.room === 'shadowing');
    expect(todos.map((x) => [x.key, x.priority])).toEqual([[`shadowing:reflection:${pair.id}`, 'high']]);
    const hostClient = [team.demandGen, team.content, team.marketingLead].find((m) => m.member.id === pair.host.id)!.client;
    const hostTodos = expectStatus(await hostClient.get<z.infer<typeof TodosView>>('/api/v1/me/todos'), 200).todos.filter((x) => x.room === 'shadowing');
    expect(hostTodos.map((x) => x.key)).toContain(`shadowing:proposal:prop-${pair.id}`);

    const signals2 = expectStatus(await team.viewer.client.get<z.infer<typeof AlignmentSignalsView>>('/api/v1/alignment/signals'), 200);
    // Yesterday's day without a reflection is a to-do, not yet a miss: a reflection is late a week after the day.
    expect(signals2.signals.find((s) => s.key === 'shadowing.reflections_written')).toMatchObject({ score: null, detail: `No shadow day of ${current.label} is past its week for a reflection yet.` });

    // The reflection reaches the agenda of the next check-in (written since the last one) and the digest shows the week.
    await t.db.kysely.deleteFrom('shadow_date_proposals').where('pair_id', '=', pair.id).execute();
    expectStatus(await team.sdr.client.request('PUT', `${base}/pairs/${pair.id}/reflection`, { body: { surprised: 'The campaign calendar.', misconception: 'MQLs are random.', idea: 'Share call notes weekly.', rating: 5 } }), 200);
    // Signals are judged at the instant asked for: a minute ago the reflection was not written yet (and yesterday's
    // day was not late yet, so no verdict then).
    const provider = t.app.ctx.alignmentSignals.find((p) => p.room === 'shadowing')!;
    const written = async (now: Date) => (await provider.signals({ workspaceId: team.ws.id, now })).find((s) => s.key === 'shadowing.reflections_written')!.score;
    expect(await written(new Date())).toBe(1);
    expect(await written(new Date(Date.now() - 60_000))).toBeNull();
    const section = t.app.ctx.agendaSections.find((s) => s.key === 'reflections')!;
    const since = new Date(Date.now() - 7 * 86_400_000).toISOString();
    const until = new Date(Date.now() + 60_000).toISOString();
    const items = await section.build({ workspaceId: team.ws.id, meetingId: 'm', since, until, timeZone: 'UTC', now: new Date().toISOString() });
    expect(items).toEqual([expect.objectContaining({ id: `reflection:${pair.id}`, text: expect.stringMatching(/^Sam Seller shadowed .+: “Share call notes weekly\.”$/) as unknown, ref: { type: 'shadow_pair', id: pair.id } })]);
    const other = await makeWorkspace(t);
    expect(await section.build({ workspaceId: other.id, meetingId: 'm', since, until, timeZone: 'UTC', now: new Date().toISOString() })).toEqual([]);
    const digest = t.app.ctx.digestSections.find((s) => s.key === 'shadow_days')!;
    const week = await digest.build({ workspaceId: team.ws.id, memberId: team.sdr.member.id, since: new Date(Date.now() - 3 * 86_400_000).toISOString(), until: new Date(Date.now() + 86_400_000).toISOString(), timeZone: 'UTC', now: new Date() });
    expect(week[0]).toMatchObject({ id: `shadow-day:${pair.id}`, text: expect.stringMatching(/^Your shadow day with .+: \d{1,2} \w+ \d{4}$/) as unknown });
  });
});
