// The wins feed over HTTP (issue 13), on SQLite and PostgreSQL: post a win (collaborative when sales and marketing
// are credited), the contract's validation in words, who may do what, reactions and comments, "celebrated together"
// in a check-in, the team-level summary, the announcement to channels, and another workspace seeing and touching
// nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { addMember, allPages, makeWeeklySeries, makeWorkspace, meetingsAround } from '../factories.js';
import { burst, expectOnly, PARALLEL } from '../factories-concurrency.js';
import { day, insertChannel, makeWinsTeam, postWin, type CommentView, type SummaryView, type WinDetailView, type WinView } from './wins-fixtures.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const url = '/api/v1/wins';

describe('posting a win', () => {
  it('credits people with their teams, is collaborative across sales and marketing, and shows every reaction at 0', async () => {
    const { seller, marketer, exec } = await makeWinsTeam(t);
    const win = expectStatus(
      await seller.client.post<WinView>(url, { kind: 'deal_won', title: '  Globex signed the platform deal  ', story: 'The ROI case study did it.', wonOn: day(-2), creditedMemberIds: [seller.member.id, marketer.member.id, seller.member.id, exec.member.id] }),
      201,
    );
    expect(win).toMatchObject({ kind: 'deal_won', title: 'Globex signed the platform deal', story: 'The ROI case study did it.', wonOn: day(-2), collaborative: true, teams: ['sales', 'marketing'], source: null, commentCount: 0, celebrated: null, canEdit: true });
    expect(win.credited).toEqual([
      { memberId: seller.member.id, name: 'Sam Seller', team: 'sales' },
      { memberId: marketer.member.id, name: 'Mia Marketer', team: 'marketing' },
      { memberId: exec.member.id, name: 'Cy Exec', team: 'leadership' },
    ]);
    expect(win.postedBy).toEqual({ memberId: seller.member.id, name: 'Sam Seller', team: 'sales' });
    expect(win.reactions).toEqual(['tada', 'clap', 'rocket', 'heart', 'raised_hands'].map((emoji) => ({ emoji, count: 0, mine: false })));

    // Leadership counts as neither team; one team alone is not collaborative.
    const alone = await postWin(seller.client, [seller.member.id, exec.member.id]);
    expect(alone).toMatchObject({ collaborative: false, teams: ['sales'] });
    const onlyExec = await postWin(exec.client, [exec.member.id], { kind: 'milestone', story: undefined });
    expect(onlyExec).toMatchObject({ collaborative: false, teams: [], story: '' });

    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'after']).where('entity_id', '=', win.id).execute();
    expect(audit.map((a) => a.action)).toEqual(['win.posted']);
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ title: 'Globex signed the platform deal', creditedMemberIds: [seller.member.id, marketer.member.id, exec.member.id] });
  });

  it('keeps the team a person had when credited: a later change of team does not change the win', async () => {
    const { ws, seller, marketer } = await makeWinsTeam(t);
    const win = await postWin(seller.client, [seller.member.id, marketer.member.id]);
    expectStatus(await ws.admin.patch(`/api/v1/members/${marketer.member.id}`, { team: 'sales' }), 200);
    const again = expectStatus(await seller.client.get<WinView>(`${url}/${win.id}`), 200);
    expect(again).toMatchObject({ collaborative: true, teams: ['sales', 'marketing'] });
    expect(again.credited[1]).toMatchObject({ memberId: marketer.member.id, team: 'marketing' });
  });

  it('refuses bad input with a sentence: title, story, kind, date, people credited', async () => {
    const { seller, marketer } = await makeWinsTeam(t);
    const other = await makeWorkspace(t);
    const outsider = await addMember(t, other, { team: 'marketing' });
    const base = { kind: 'deal_won', title: 'Globex', wonOn: day(-1), creditedMemberIds: [seller.member.id] };
    const cases: Array<[string, Record<string, unknown>, RegExp]> = [
      ['an empty title', { title: '' }, /title is required/i],
      ['a blank title', { title: '   ' }, /title is required/i],
      ['a title of 161 characters', { title: 'x'.repeat(161) }, /title can be at most 160 characters; it has 161/i],
      ['a story of 5,001 characters', { story: 'x'.repeat(5001) }, /story can be at most 5,000 characters/i],
      ['an unknown kind', { kind: 'bonus' }, /kind must be one of/i],
      ['a date that is not a date', { wonOn: '2026-02-30' }, /date/i],
      ['a date two days ahead', { wonOn: day(3) }, /at most a day ahead of today/],
      ['a date eleven years back', { wonOn: day(-366 * 11) }, /at most 10 years back/],
      ['nobody credited', { creditedMemberIds: [] }, /Credit at least one person/],
      ['31 people credited', { creditedMemberIds: Array.from({ length: 31 }, (_, i) => `m-${i}`) }, /Credit at most 30 people/],
      ['an unknown member', { creditedMemberIds: [seller.member.id, 'nobody-like-this'] }, /^Nobody with that id is a member of this workspace/],
      ['a member of another workspace', { creditedMemberIds: [outsider.member.id] }, /^Nobody with that id is a member of this workspace/],
      ['an unknown field', { points: 5 }, /does not take/],
    ];
    const messages = new Map<string, string>();
    for (const [what, patch, message] of cases) {
      const res = await seller.client.post(url, { ...base, ...patch });
      expect(res.status, what).toBe(400);
      expect(res.error?.message, what).toMatch(message);
      messages.set(what, res.error!.message);
    }
    // Another workspace's member and an id that exists nowhere read the same.
    expect(messages.get('a member of another workspace')).toBe(messages.get('an unknown member'));
    // A day ahead is fine (a win late in the evening further east).
    expectStatus(await seller.client.post(url, { ...base, wonOn: day(1), creditedMemberIds: [marketer.member.id] }), 201);
    expect(await t.db.kysely.selectFrom('wins').select('id').where('title', '=', 'x'.repeat(161)).execute()).toEqual([]);
  });
});

describe('who may do what', () => {
  it('lets everyone but viewers post, react, comment and celebrate; only the poster or an admin edits or deletes', async () => {
    const { ws, seller, marketer, salesLead, viewer } = await makeWinsTeam(t);
    const refused = await viewer.client.post(url, { kind: 'other', title: 'Mine', wonOn: day(), creditedMemberIds: [viewer.member.id] });
    expect(refused.status).toBe(403);
    expect(refused.error?.message).toMatch(/Viewers read wins/);
    const win = await postWin(seller.client, [seller.member.id, marketer.member.id]);
    expect(expectStatus(await viewer.client.get<WinView>(`${url}/${win.id}`), 200).canEdit).toBe(false);
    for (const [method, path, body] of [
      ['PUT', `${url}/${win.id}/reactions/tada`, undefined],
      ['DELETE', `${url}/${win.id}/reactions/tada`, undefined],
      ['POST', `${url}/${win.id}/comments`, { body: 'Nice' }],
      ['PUT', `${url}/${win.id}/celebrated`, {}],
      ['DELETE', `${url}/${win.id}/celebrated`, undefined],
      ['PATCH', `${url}/${win.id}`, { title: 'Viewer was here' }],
      ['DELETE', `${url}/${win.id}`, undefined],
    ] as const) {
      expect((await viewer.client.request(method, path, body === undefined ? {} : { body })).status, `${method} ${path}`).toBe(403);
    }
    // A leader who did not post it cannot change it; the poster and an admin can.
    const lead = await salesLead.client.patch(`${url}/${win.id}`, { title: 'Taken over' });
    expect(lead.status).toBe(403);
    expect(lead.error?.message).toMatch(/Only the person who posted this win, or an admin/);
    expect((await marketer.client.request('DELETE', `${url}/${win.id}`)).status).toBe(403);
    expect(expectStatus(await seller.client.patch<WinView>(`${url}/${win.id}`, { title: 'Globex, all signed', creditedMemberIds: [seller.member.id] }), 200)).toMatchObject({ title: 'Globex, all signed', collaborative: false, teams: ['sales'] });
    expect(expectStatus(await ws.admin.patch<WinView>(`${url}/${win.id}`, { kind: 'milestone' }), 200)).toMatchObject({ kind: 'milestone', canEdit: true });
    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'before', 'after']).where('entity_id', '=', win.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['win.posted', 'win.changed', 'win.changed']);
    expect(JSON.parse(audit[1]!.after!)).toEqual({ title: 'Globex, all signed', creditedMemberIds: [seller.member.id] });
    const del = await ws.admin.request('DELETE', `${url}/${win.id}`);
    expect(del.status).toBe(204);
    expect(del.text).toBe('');
    expect((await seller.client.get(`${url}/${win.id}`)).status).toBe(404);
    expect(await t.db.kysely.selectFrom('win_credits').select('member_id').where('win_id', '=', win.id).execute()).toEqual([]);
  });

  it('keeps a person who has left on the wins they made: an edit may keep them, not add them anew', async () => {
    const { ws, seller, marketer, salesLead } = await makeWinsTeam(t);
    const win = await postWin(seller.client, [seller.member.id, marketer.member.id]);
    const other = await postWin(seller.client, [seller.member.id]);
    expectStatus(await ws.admin.patch(`/api/v1/members/${marketer.member.id}`, { active: false }), 200);
    const kept = expectStatus(await seller.client.patch<WinView>(`${url}/${win.id}`, { creditedMemberIds: [marketer.member.id, seller.member.id, salesLead.member.id] }), 200);
    expect(kept.credited.map((c) => c.memberId)).toEqual([marketer.member.id, seller.member.id, salesLead.member.id]);
    expect(kept.collaborative).toBe(true);
    const added = await seller.client.patch(`${url}/${other.id}`, { creditedMemberIds: [seller.member.id, marketer.member.id] });
    expect(added.status).toBe(400);
    expect(added.error?.message).toMatch(/^Nobody with that id is a member of this workspace/);
  });

  it('edits refuse what a post refuses, and an edit that changes nothing records nothing', async () => {
    const { seller } = await makeWinsTeam(t);
    const win = await postWin(seller.client, [seller.member.id]);
    for (const body of [{}, { title: ' ' }, { wonOn: day(5) }, { creditedMemberIds: [] }, { creditedMemberIds: ['nope'] }, { kind: 'x' }]) {
      const res = await seller.client.patch(`${url}/${win.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.error?.message.split(' ').length).toBeGreaterThan(3);
    }
    expectStatus(await seller.client.patch(`${url}/${win.id}`, { title: win.title }), 200);
    expect((await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', win.id).execute()).length).toBe(1);
  });
});

describe('reactions and comments', () => {
  it('reacts once per person and emoji, takes a reaction back, and counts everyone', async () => {
    const { seller, marketer, salesLead } = await makeWinsTeam(t);
    const win = await postWin(seller.client, [seller.member.id]);
    const one = expectStatus(await marketer.client.request<WinView>('PUT', `${url}/${win.id}/reactions/tada`), 200);
    expect(one.reactions[0]).toEqual({ emoji: 'tada', count: 1, mine: true });
    expectStatus(await marketer.client.request('PUT', `${url}/${win.id}/reactions/tada`), 200);
    expectStatus(await salesLead.client.request('PUT', `${url}/${win.id}/reactions/tada`), 200);
    const heart = expectStatus(await salesLead.client.request<WinView>('PUT', `${url}/${win.id}/reactions/heart`), 200);
    expect(heart.reactions.filter((r) => r.count > 0)).toEqual([
      { emoji: 'tada', count: 2, mine: true },
      { emoji: 'heart', count: 1, mine: true },
    ]);
    const back = expectStatus(await marketer.client.request<WinView>('DELETE', `${url}/${win.id}/reactions/tada`), 200);
    expect(back.reactions[0]).toEqual({ emoji: 'tada', count: 1, mine: false });
    expectStatus(await marketer.client.request('DELETE', `${url}/${win.id}/reactions/tada`), 200);
    const bad = await marketer.client.request('PUT', `${url}/${win.id}/reactions/thumbsup`);
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/emoji must be one of "tada"/);
  });

  it('keeps one reaction when eight identical ones arrive at once', async () => {
    const { seller, marketer } = await makeWinsTeam(t);
    const win = await postWin(seller.client, [seller.member.id]);
    const answers = await burst(PARALLEL, () => marketer.client.request('PUT', `${url}/${win.id}/reactions/rocket`));
    expectOnly(answers, [200]);
    expect(await t.db.kysely.selectFrom('win_reactions').select('member_id').where('win_id', '=', win.id).execute()).toEqual([{ member_id: marketer.member.id }]);
  });

  it('adds kudos comments; their author or an admin deletes them', async () => {
    const { ws, seller, marketer, salesLead } = await makeWinsTeam(t);
    const win = await postWin(seller.client, [seller.member.id]);
    const c = expectStatus(await marketer.client.post<CommentView>(`${url}/${win.id}/comments`, { body: '  Huge, well done!  ' }), 201);
    expect(c).toMatchObject({ body: 'Huge, well done!', author: { memberId: marketer.member.id, name: 'Mia Marketer', team: 'marketing' }, canDelete: true });
    const c2 = expectStatus(await salesLead.client.post<CommentView>(`${url}/${win.id}/comments`, { body: 'Next one!' }), 201);
    for (const body of ['', '   ']) expect((await marketer.client.post(`${url}/${win.id}/comments`, { body })).error?.message).toMatch(/body is required/);
    expect((await marketer.client.post(`${url}/${win.id}/comments`, { body: 'x'.repeat(2001) })).status).toBe(400);
    const detail = expectStatus(await seller.client.get<WinDetailView>(`${url}/${win.id}`), 200);
    expect(detail.commentCount).toBe(2);
    expect(detail.comments.map((x) => [x.body, x.canDelete])).toEqual([
      ['Huge, well done!', false],
      ['Next one!', false],
    ]);
    expect((await seller.client.request('DELETE', `${url}/${win.id}/comments/${c.id}`)).status).toBe(403);
    expect((await marketer.client.request('DELETE', `${url}/${win.id}/comments/${c.id}`)).status).toBe(204);
    expect((await ws.admin.request('DELETE', `${url}/${win.id}/comments/${c2.id}`)).status).toBe(204);
    expect((await ws.admin.request('DELETE', `${url}/${win.id}/comments/${c2.id}`)).status).toBe(404);
    expect(expectStatus(await seller.client.get<WinDetailView>(`${url}/${win.id}`), 200).comments).toEqual([]);
  });
});

describe('celebrated together', () => {
  it('marks a win celebrated in a check-in of the workspace, names the check-in, and takes it back', async () => {
    const { ws, seller, marketer } = await makeWinsTeam(t);
    await makeWeeklySeries(ws.admin, { weeksBack: 1, quorum: { requirements: [{ team: 'leadership', min: 1, keyPlayersOnly: false }] } });
    const { past } = await meetingsAround(ws.admin);
    const win = await postWin(seller.client, [seller.member.id, marketer.member.id]);
    const marked = expectStatus(await marketer.client.request<WinView>('PUT', `${url}/${win.id}/celebrated`, { body: { meetingId: past[0]!.id } }), 200);
    expect(marked.celebrated).toMatchObject({ meetingId: past[0]!.id, by: { memberId: marketer.member.id, name: 'Mia Marketer' } });
    expect(marked.celebrated?.meetingTitle).toMatch(/, [A-Z][a-z]{2} \d{1,2}, \d{4}$/);
    const plain = expectStatus(await seller.client.request<WinView>('PUT', `${url}/${win.id}/celebrated`, { body: {} }), 200);
    expect(plain.celebrated).toMatchObject({ meetingId: null, meetingTitle: null });
    // No body at all reads as no check-in.
    expect(expectStatus(await seller.client.request<WinView>('PUT', `${url}/${win.id}/celebrated`), 200).celebrated).toMatchObject({ meetingId: null });
    expect((await seller.client.request('PUT', `${url}/${win.id}/celebrated`, { body: { meetingId: 5 } })).status).toBe(400);
    // Another workspace's check-in, or none at all, is not found.
    const other = await makeWorkspace(t);
    await makeWeeklySeries(other.admin, { weeksBack: 1, quorum: { requirements: [{ team: 'leadership', min: 1, keyPlayersOnly: false }] } });
    const theirs = (await meetingsAround(other.admin)).past[0]!;
    for (const meetingId of [theirs.id, 'no-such-meeting']) {
      const res = await seller.client.request('PUT', `${url}/${win.id}/celebrated`, { body: { meetingId } });
      expect(res.status).toBe(404);
      expect(res.error?.message).toBe('Check-in not found.');
    }
    expect(expectStatus(await seller.client.request<WinView>('DELETE', `${url}/${win.id}/celebrated`), 200).celebrated).toBeNull();
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('entity_id', '=', win.id).orderBy('at').execute();
    expect(audit.map((a) => a.action)).toEqual(['win.posted', 'win.celebrated', 'win.celebrated', 'win.celebrated', 'win.uncelebrated']);
  });
});

describe('the feed and the summary', () => {
  it('pages newest day first and filters by team, kind, collaborative and words', async () => {
    const { seller, marketer, exec } = await makeWinsTeam(t);
    const together = await postWin(seller.client, [seller.member.id, marketer.member.id], { wonOn: day(-3), title: 'Together on Initech' });
    const sales = await postWin(seller.client, [seller.member.id], { wonOn: day(-1), title: 'Sales alone' });
    const marketing = await postWin(marketer.client, [marketer.member.id], { wonOn: day(-2), kind: 'campaign_launched', title: 'Webinar launched', story: 'Three hundred signups for the Initech webinar' });
    const execs = await postWin(exec.client, [exec.member.id], { wonOn: day(-1), kind: 'milestone', title: 'Board approved' });
    const ids = async (q: string) => expectStatus(await seller.client.get<{ items: WinView[] }>(`${url}${q}`), 200).items.map((w) => w.id);
    const all = await allPages<WinView>(seller.client, url, 1);
    expect(all.map((w) => w.id)).toEqual([execs.id, sales.id, marketing.id, together.id].sort((a, b) => {
      const byDay = (x: string) => [execs, sales, marketing, together].find((w) => w.id === x)!;
      return byDay(b).wonOn.localeCompare(byDay(a).wonOn) || byDay(b).createdAt.localeCompare(byDay(a).createdAt) || b.localeCompare(a);
    }));
    expect(await ids('?team=sales')).toEqual([sales.id, together.id]);
    expect(await ids('?team=marketing')).toEqual([marketing.id, together.id]);
    expect(await ids('?collaborative=true')).toEqual([together.id]);
    expect((await ids('?collaborative=false')).sort()).toEqual([sales.id, marketing.id, execs.id].sort());
    expect(await ids('?kind=campaign_launched')).toEqual([marketing.id]);
    expect(await ids('?q=initech')).toEqual([marketing.id, together.id]);
    for (const q of ['?team=leadership', '?collaborative=yes', '?kind=x', '?limit=0', '?cursor=abc']) expect((await seller.client.get(`${url}${q}`)).status, q).toBe(400);
  });

  it('counts wins per week and per team, the last four weeks’ shares, and nothing per person', async () => {
    const { seller, marketer } = await makeWinsTeam(t);
    const a = await postWin(seller.client, [seller.member.id, marketer.member.id], { wonOn: day(-2) });
    await postWin(seller.client, [seller.member.id], { wonOn: day(-9) });
    await postWin(marketer.client, [marketer.member.id], { wonOn: day(-40) });
    await postWin(marketer.client, [marketer.member.id], { wonOn: day(-200) });
    expectStatus(await seller.client.request('PUT', `${url}/${a.id}/celebrated`, { body: {} }), 200);
    const s = expectStatus(await seller.client.get<SummaryView>(`${url}/summary`), 200);
    expect(s.weeks).toHaveLength(12);
    expect(s.weeks.reduce((n, w) => n + w.wins, 0)).toBe(3);
    expect(s.weeks.reduce((n, w) => n + w.collaborative, 0)).toBe(1);
    expect(s.last4Weeks).toEqual({ wins: 2, perWeek: 0.5, collaborativeShare: 0.5, celebratedShare: 0.5 });
    expect(s.byTeam).toEqual({ sales: 2, marketing: 2, collaborative: 1 });
    const year = expectStatus(await seller.client.get<SummaryView>(`${url}/summary?weeks=52`), 200);
    expect(year.weeks).toHaveLength(52);
    expect(year.byTeam).toEqual({ sales: 2, marketing: 3, collaborative: 1 });
    // No person anywhere in it: no member id, no name.
    const text = JSON.stringify(year);
    for (const who of [seller.member.id, marketer.member.id, 'Sam Seller', 'Mia Marketer', 'memberId', 'name']) expect(text).not.toContain(who);
    for (const q of ['?weeks=3', '?weeks=53', '?weeks=x']) expect((await seller.client.get(`${url}/summary${q}`)).error?.message).toMatch(/whole number from 4 to 52/);
    const empty = await makeWinsTeam(t);
    expect(expectStatus(await empty.seller.client.get<SummaryView>(`${url}/summary`), 200).last4Weeks).toEqual({ wins: 0, perWeek: 0, collaborativeShare: null, celebratedShare: null });
  });
});

describe('announcing a win', () => {
  it('writes an outbox row for each channel subscribed to wins, in the transaction of the post, once', async () => {
    const { ws, seller, marketer } = await makeWinsTeam(t);
    const slack = await insertChannel(t, ws.id, ['wins']);
    const other = await insertChannel(t, ws.id, ['kpi_publications']);
    const win = await postWin(seller.client, [seller.member.id, marketer.member.id], { title: 'Northwind closed' });
    const rows = await t.db.kysely.selectFrom('outbox').select(['idempotency_key', 'channel_id', 'payload']).where('workspace_id', '=', ws.id).execute();
    expect(rows.map((r) => [r.idempotency_key, r.channel_id])).toEqual([[`win:${win.id}:${slack}`, slack]]);
    expect(rows.some((r) => r.channel_id === other)).toBe(false);
    const payload = rows[0]!.payload;
    expect(payload).toContain('Northwind closed — sales and marketing together');
    expect(payload).toContain(`http://localhost:3000/wins/${win.id}`);
    // A refused post writes nothing.
    expect((await seller.client.post(url, { kind: 'deal_won', title: 'Nope', wonOn: day(), creditedMemberIds: ['nobody'] })).status).toBe(400);
    expect((await t.db.kysely.selectFrom('outbox').select('id').where('workspace_id', '=', ws.id).execute()).length).toBe(1);
  });
});

describe('another workspace', () => {
  it('answers 404 on every route of a win it does not own, and its feed never shows one', async () => {
    const a = await makeWinsTeam(t);
    const b = await makeWinsTeam(t);
    const win = await postWin(a.seller.client, [a.seller.member.id, a.marketer.member.id], { title: 'Only for A' });
    const comment = expectStatus(await a.marketer.client.post<CommentView>(`${url}/${win.id}/comments`, { body: 'Only A' }), 201);
    const them = b.ws.admin;
    for (const [method, path, body] of [
      ['GET', `${url}/${win.id}`, undefined],
      ['PATCH', `${url}/${win.id}`, { title: 'B was here' }],
      ['DELETE', `${url}/${win.id}`, undefined],
      ['PUT', `${url}/${win.id}/reactions/tada`, undefined],
      ['DELETE', `${url}/${win.id}/reactions/tada`, undefined],
      ['POST', `${url}/${win.id}/comments`, { body: 'B' }],
      ['DELETE', `${url}/${win.id}/comments/${comment.id}`, undefined],
      ['PUT', `${url}/${win.id}/celebrated`, {}],
      ['DELETE', `${url}/${win.id}/celebrated`, undefined],
    ] as const) {
      const res = await them.request(method, path, body === undefined ? {} : { body });
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    // B's own win cannot take A's comment either.
    const theirs = await postWin(b.seller.client, [b.seller.member.id]);
    expect((await them.request('DELETE', `${url}/${theirs.id}/comments/${comment.id}`)).status).toBe(404);
    // Crediting A's member from B reads as an unknown id.
    const cross = await b.seller.client.post(url, { kind: 'other', title: 'x', wonOn: day(), creditedMemberIds: [a.seller.member.id] });
    expect(cross.error?.message).toMatch(/^Nobody with that id is a member of this workspace/);
    expect((await allPages<WinView>(them, url)).map((w) => w.id)).toEqual([theirs.id]);
    expect(JSON.stringify(expectStatus(await them.get(`${url}/summary?weeks=52`), 200))).not.toContain(win.id);
    const still = expectStatus(await a.seller.client.get<WinDetailView>(`${url}/${win.id}`), 200);
    expect(still).toMatchObject({ title: 'Only for A', commentCount: 1, celebrated: null });
    expect(still.reactions.every((r) => r.count === 0)).toBe(true);
  });
});
