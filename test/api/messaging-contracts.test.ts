// The messaging room through the contracts (issue 12, SPEC S2 and S6): its check-in agenda section (new pains, the
// evidence logged since the last meeting, the messaging gap), its alignment signals (pieces that passed the gate
// with sales approval, coverage of the top pains, evidence in the last 30 days) and each person's to-dos (reviews
// asked of them, pieces sent back to them) — read through HTTP on both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { AlignmentSignalsView, TodosView } from '../../src/server/contract-routes.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { addMember, changedInDb, getMeeting, makeKeyPlayers, makeWeeklySeries, makeWorkspace, markHeldInDb, meetingsAround, utcDate, type TestMember, type TestWorkspace } from '../factories.js';
import { insertEvidence, insertMatch, insertPain, insertPiece, insertReview } from '../factories-messaging-rows.js';

type Signals = z.infer<typeof AlignmentSignalsView>;
type Todos = z.infer<typeof TodosView>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const signalsOf = async (c: Client) => expectStatus(await c.get<Signals>('/api/v1/alignment/signals'), 200).signals.filter((s) => s.strategy === 'messaging');
const signal = (s: Signals['signals'], key: string) => {
  const found = s.find((x) => x.key === key);
  if (!found) throw new Error(`no signal ${key} in ${s.map((x) => x.key).join(', ')}`);
  return found;
};
const todosOf = async (c: Client) => expectStatus(await c.get<Todos>('/api/v1/me/todos'), 200).todos.filter((x) => x.room === 'messaging');

describe('alignment signals', () => {
  it('an empty workspace reports the three messaging signals, none with a score, each with a next step', async () => {
    const ws = await makeWorkspace(t);
    const s = await signalsOf(ws.admin);
    expect(s.map((x) => x.key)).toEqual(['messaging.gate_passed', 'messaging.top_pains_covered', 'messaging.evidence_logged']);
    for (const x of s) {
      expect(x.score, x.key).toBeNull();
      expect(x.nextStep?.href, x.key).toMatch(/^\/(messaging|settings)/);
    }
  });

  it('scores from the pieces, reviews, evidence and matches', async () => {
    const ws = await makeWorkspace(t);
    const seller = await addMember(t, ws, { role: 'member', team: 'sales' });
    await addMember(t, ws, { role: 'member', team: 'sales' });
    await addMember(t, ws, { role: 'viewer', team: 'sales' }); // viewers log nothing: not counted
    const w = ws.id;
    // Published in the last 90 days: approved (passes), overridden though approved (does not), never approved
    // (does not), approved but of an older version (does not). One published 100 days ago is outside the window.
    const passed = await insertPiece(t, w, { title: 'Call leads back in minutes', status: 'published', publishedAt: ago(10) });
    await insertReview(t, w, { pieceId: passed, reviewerId: seller.member.id, decision: 'approved' });
    const overridden = await insertPiece(t, w, { title: 'Launch week', status: 'published', publishedAt: ago(5), overrideReason: 'The launch date is fixed' });
    await insertReview(t, w, { pieceId: overridden, reviewerId: seller.member.id, decision: 'approved' });
    await insertPiece(t, w, { title: 'Never reviewed', status: 'archived', publishedAt: ago(20) });
    const stale = await insertPiece(t, w, { title: 'Edited after approval', status: 'published', version: 2, publishedAt: ago(1) });
    await insertReview(t, w, { pieceId: stale, reviewerId: seller.member.id, decision: 'approved', version: 1 });
    const old = await insertPiece(t, w, { title: 'Last spring', status: 'published', publishedAt: ago(100) });
    await insertReview(t, w, { pieceId: old, reviewerId: seller.member.id, decision: 'approved' });
    // Three heard pains: the heaviest covered by `passed`, the other two not.
    const cold = await insertPain(t, w, { statement: 'Leads go cold' });
    const reports = await insertPain(t, w, { statement: 'Reports take days' });
    const trust = await insertPain(t, w, { statement: 'Nobody trusts the numbers' });
    await insertEvidence(t, w, { painId: cold, date: utcDate(0), count: 3 });
    await insertEvidence(t, w, { painId: reports, date: utcDate(-2), count: 2 });
    await insertEvidence(t, w, { painId: trust, date: utcDate(-200), count: 2, createdAt: ago(200) });
    await insertMatch(t, w, { pieceId: passed, painId: cold, similarity: 0.8 });
    await changedInDb(t);

    const s = await signalsOf(ws.admin);
    expect(signal(s, 'messaging.gate_passed')).toMatchObject({ score: 0.25, nextStep: { href: '/messaging/pieces' } });
    expect(signal(s, 'messaging.gate_passed').detail).toBe("1 of 4 pieces published in the last 90 days passed the gate with sales approval (25%); one was published by a leader's override.");
    expect(signal(s, 'messaging.top_pains_covered').score).toBeCloseTo(1 / 3, 10);
    expect(signal(s, 'messaging.top_pains_covered').detail).toBe('1 of the 3 pains sales hears most is covered by a published piece (33%); the heaviest not covered is "Reports take days" (2 quotes).');
    // Five entries logged in 30 days (the two from 200 days ago are not), against 4 × 2 sellers.
    expect(signal(s, 'messaging.evidence_logged')).toMatchObject({ score: 5 / 8 });
    expect(signal(s, 'messaging.evidence_logged').detail).toBe('5 entries of evidence logged in the last 30 days, against 8 expected (4 from each of 2 sales members).');

    // Another workspace sees none of it.
    const other = await makeWorkspace(t);
    expect((await signalsOf(other.admin)).every((x) => x.score === null)).toBe(true);
  });
});

describe('my to-dos', () => {
  let ws: TestWorkspace;
  let reviewer: TestMember;
  let author: TestMember;
  let viewer: TestMember;

  beforeAll(async () => {
    ws = await makeWorkspace(t);
    reviewer = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Sam Seller' });
    author = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Mia Marketing' });
    viewer = await addMember(t, ws, { role: 'viewer', team: 'sales' });
  });

  it('a pending review of the current version is the reviewer’s; an old one, a decided one or one of a draft is not', async () => {
    const w = ws.id;
    const piece = await insertPiece(t, w, { title: 'Stop losing inbound leads', status: 'in_review', authorId: author.member.id, version: 2, score: 74 });
    const review = await insertReview(t, w, { pieceId: piece, reviewerId: reviewer.member.id, decision: 'pending', version: 2, requestedAt: ago(5) });
    await insertReview(t, w, { pieceId: piece, reviewerId: reviewer.member.id, decision: 'pending', version: 1, requestedAt: ago(9) });
    const draft = await insertPiece(t, w, { title: 'Pulled back to draft', status: 'draft', authorId: author.member.id });
    await insertReview(t, w, { pieceId: draft, reviewerId: reviewer.member.id, decision: 'pending' });
    const decided = await insertPiece(t, w, { title: 'Already approved', status: 'approved', authorId: author.member.id });
    await insertReview(t, w, { pieceId: decided, reviewerId: reviewer.member.id, decision: 'approved' });
    await changedInDb(t);

    const mine = await todosOf(reviewer.client);
    expect(mine).toEqual([
      {
        key: `messaging:review:${review}`,
        room: 'messaging',
        title: 'Review “Stop losing inbound leads”',
        detail: 'Mia Marketing asked for your sales review 5 days ago; its pain score is 74. Approve it or request changes, so it can be published.',
        href: `/messaging/pieces/${piece}`,
        due: null,
        priority: 'high',
      },
    ]);
    expect(await todosOf(author.client)).toEqual([]);
    expect(await todosOf(viewer.client)).toEqual([]);

    await t.db.kysely.updateTable('piece_reviews').set({ decision: 'approved', decided_at: new Date().toISOString() }).where('id', '=', review).execute();
    await changedInDb(t);
    expect(await todosOf(reviewer.client)).toEqual([]);
  });

  it('a piece sent back is its author’s to revise, with what the reviewer asked', async () => {
    const w = ws.id;
    const piece = await insertPiece(t, w, { title: 'Board reports in an hour', status: 'changes_requested', authorId: author.member.id });
    await insertReview(t, w, { pieceId: piece, reviewerId: reviewer.member.id, decision: 'changes_requested', comment: 'Buyers say "board pack", not "executive dashboard".' });
    await changedInDb(t);
    const mine = await todosOf(author.client);
    expect(mine.map((x) => [x.key, x.title, x.detail, x.href, x.priority])).toEqual([
      [`messaging:revise:${piece}`, 'Revise “Board reports in an hour”', 'Sam Seller requested changes: “Buyers say "board pack", not "executive dashboard".”', `/messaging/pieces/${piece}`, 'normal'],
    ]);
    // Another workspace sees none of the first one’s to-dos.
    const other = await makeWorkspace(t);
    expect(await todosOf(other.admin)).toEqual([]);
  });
});

describe('the check-in agenda', () => {
  it('lists the pains added and evidence logged since the last check-in, then the messaging gap', async () => {
    const ws = await makeWorkspace(t, { timeZone: 'UTC' });
    const lead = await addMember(t, ws, { role: 'leader', team: 'sales' });
    const marketer = await addMember(t, ws, { role: 'leader', team: 'marketing' });
    await makeKeyPlayers(ws, [lead.member.id, marketer.member.id]);
    await makeWeeklySeries(ws.admin, { weeksBack: 1 });
    const { past, upcoming } = await meetingsAround(ws.admin);
    await markHeldInDb(t, past[past.length - 1]!.id);
    const w = ws.id;
    const cold = await insertPain(t, w, { statement: 'Inbound leads go cold', createdAt: ago(30) });
    const fresh = await insertPain(t, w, { statement: 'Renewals surprise us' });
    await insertEvidence(t, w, { painId: cold, date: utcDate(0), count: 2, quote: 'Our reps call back two days later.', account: 'Cedar Health', outcome: 'lost' });
    await insertEvidence(t, w, { painId: cold, date: utcDate(-3), count: 4, createdAt: ago(3) }); // before the last check-in
    await insertEvidence(t, w, { painId: fresh, date: utcDate(0), count: 1, quote: 'We found out about the churn from the invoice.', account: 'Lumen Retail', outcome: 'open' });
    await insertEvidence(t, w, { painId: null, date: utcDate(0), count: 3 });
    const covering = await insertPiece(t, w, { title: 'Renewals without surprises', status: 'published' });
    await insertMatch(t, w, { pieceId: covering, painId: fresh, similarity: 0.9 });
    await changedInDb(t);

    const view = await getMeeting(lead.client, upcoming[0]!.id);
    const section = view.agenda.sections.find((s) => s.key === 'evidence');
    expect(section).toMatchObject({ title: 'New sales evidence and pains', order: 4, error: null });
    expect(section!.items.map((i) => [i.id, i.text, i.detail, i.href, i.tone])).toEqual([
      [`pain:${fresh}`, 'New pain: “Renewals surprise us”', 'RevOps lead · Mid-market', `/messaging/pains/${fresh}`, 'neutral'],
      [`evidence:${cold}`, '2 new quotes on “Inbound leads go cold”', '“Our reps call back two days later.” — Cedar Health (lost)', `/messaging/pains/${cold}`, 'good'],
      [`evidence:${fresh}`, '1 new quote on “Renewals surprise us”', '“We found out about the churn from the invoice.” — Lumen Retail (open deal)', `/messaging/pains/${fresh}`, 'good'],
      ['evidence:unassigned', '3 new quotes not tied to a pain yet', 'Confirm the pain each one shows, or add the pain, so it counts toward the gap.', '/messaging/evidence', 'warning'],
      [`gap:${cold}`, 'Messaging gap: “Inbound leads go cold”', 'No published piece covers it: 6 quotes, 6 in the last 90 days.', '/messaging', 'warning'],
    ]);

    // Another workspace's agenda has none of it.
    const other = await makeWorkspace(t, { timeZone: 'UTC' });
    const otherLead = await addMember(t, other, { role: 'leader', team: 'sales' });
    const otherMarketer = await addMember(t, other, { role: 'leader', team: 'marketing' });
    await makeKeyPlayers(other, [otherLead.member.id, otherMarketer.member.id]);
    await makeWeeklySeries(other.admin, { weeksBack: 1 });
    const next = (await meetingsAround(other.admin)).upcoming[0]!;
    const otherSection = (await getMeeting(otherLead.client, next.id)).agenda.sections.find((s) => s.key === 'evidence');
    expect(otherSection?.items ?? []).toEqual([]);
  });
});
