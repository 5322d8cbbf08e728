// Marketing pieces against the wrong people, other workspaces, hostile input and races (SPEC S0, S3, S9; issue 12):
// every refusal is a 4xx in words with nothing half-written, never a 500 — on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { addMember, makeWorkspace, type TestMember, type TestWorkspace } from '../factories.js';
import { countOf, expectOnly } from '../factories-concurrency.js';
import { decide, FEATURE_LED, getPiece, makePiece, PAIN_BASED, requestReview, setThreshold, type PieceView } from '../factories-pieces.js';

let t: TestApp;
let ws: TestWorkspace;
let other: TestWorkspace;
let writer: TestMember;
let otherWriter: TestMember;
let marketingLead: TestMember;
let seller: TestMember;
let salesLead: TestMember;
let salesViewer: TestMember;
let viewer: TestMember;
let outsider: TestMember;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t);
  other = await makeWorkspace(t);
  writer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Wren Writer' });
  otherWriter = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Otto Other' });
  marketingLead = await addMember(t, ws, { role: 'leader', team: 'marketing', name: 'Mara Lead' });
  seller = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Sam Seller' });
  salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sal Lead' });
  salesViewer = await addMember(t, ws, { role: 'viewer', team: 'sales', name: 'Vera Viewer' });
  viewer = await addMember(t, ws, { role: 'viewer', team: 'marketing', name: 'Vic Viewer' });
  outsider = await addMember(t, other, { role: 'member', team: 'sales', name: 'Oz Outsider' });
  await setThreshold(ws, 0);
});
afterAll(async () => {
  await t?.close();
});

const url = (id: string, rest = '') => `/api/v1/messaging/pieces/${id}${rest}`;
const piecesInDb = async (workspaceId: string) => (await t.db.kysely.selectFrom('pieces').select('id').where('workspace_id', '=', workspaceId).execute()).length;

describe('who may do what', () => {
  it('marketing members and leaders write pieces; sales members and viewers do not', async () => {
    for (const m of [seller, viewer, salesViewer]) {
      const res = await m.client.post('/api/v1/messaging/pieces', { title: 'x', channel: 'blog', body: PAIN_BASED });
      expect(res.status).toBe(403);
      expect(res.error?.message).toBe('Only marketing members, leaders and admins write pieces.');
    }
    await makePiece(salesLead.client, { title: 'Written by the sales lead' });
    await makePiece(ws.admin, { title: 'Written by the admin' });
  });

  it('the author, marketing leads and leaders edit; another marketer and viewers read only', async () => {
    const p = await makePiece(writer.client);
    for (const m of [otherWriter, seller, viewer]) {
      const res = await m.client.patch(url(p.id), { title: 'Taken over' });
      expect(res.status).toBe(403);
      expect(res.error?.message).toBe('Only the author, marketing leads and leaders edit this piece.');
    }
    expect((await getPiece(viewer.client, p.id)).title).toBe('Stop losing inbound leads');
    expectStatus(await marketingLead.client.patch(url(p.id), { title: 'Edited by the lead' }), 200);
    expect((await otherWriter.client.post(url(p.id, '/review-requests'), { reviewerIds: [seller.member.id] })).status).toBe(403);
    expect((await viewer.client.post(url(p.id, '/comments'), { version: 2, body: 'Hi' })).status).toBe(403);
    expect((await viewer.client.post(url(p.id, '/archive'))).status).toBe(403);
  });

  it('only sales members decide a review — not viewers, not marketing, not on their own piece', async () => {
    const p = await makePiece(writer.client);
    await requestReview(writer.client, p.id, [seller.member.id]);
    for (const m of [writer, marketingLead, salesViewer, viewer]) {
      const res = await m.client.post(url(p.id, '/decisions'), { decision: 'approved', version: 1 });
      expect(res.status, m.member.team).toBe(403);
      expect(res.error?.message).toBe('Only sales members approve pieces or ask for changes.');
    }
    const own = await makePiece(salesLead.client, { title: 'The sales lead writes' });
    const self = await salesLead.client.post(url(own.id, '/review-requests'), { reviewerIds: [salesLead.member.id] });
    expect(self.status).toBe(400);
    expect(self.error?.message).toBe('Sal Lead wrote this piece: choose another sales member to review it.');
    await requestReview(salesLead.client, own.id, [seller.member.id]);
    const selfApprove = await salesLead.client.post(url(own.id, '/decisions'), { decision: 'approved', version: 1 });
    expect(selfApprove.status).toBe(403);
    expect(selfApprove.error?.message).toBe('You wrote this piece: another sales member reviews it.');
    // A sales member who was not asked may still review.
    expect((await decide(salesLead.client, p, 'approved')).status).toBe('approved');
  });

  it('only the author, marketing leads and leaders publish; sales members and other marketers do not', async () => {
    const p = await makePiece(writer.client);
    await requestReview(writer.client, p.id, [seller.member.id]);
    await decide(seller.client, p, 'approved');
    for (const m of [seller, otherWriter, viewer]) {
      const res = await m.client.post(url(p.id, '/publish'), {});
      expect(res.status).toBe(403);
      expect(res.error?.message).toBe('Only the author, marketing leads and leaders publish this piece.');
    }
    expect((await getPiece(writer.client, p.id)).status).toBe('approved');
    expectStatus(await marketingLead.client.post(url(p.id, '/publish'), {}), 200);
  });

  it('a draft is not decided before anyone asks; an archived piece takes nothing more', async () => {
    const p = await makePiece(writer.client);
    const early = await seller.client.post(url(p.id, '/decisions'), { decision: 'approved', version: 1 });
    expect(early.status).toBe(409);
    expect(early.error?.message).toBe('This piece is a draft: nobody has asked for a review yet.');
    expectStatus(await writer.client.post(url(p.id, '/archive')), 200);
    for (const [path, body] of [['/publish', {}], ['/review-requests', { reviewerIds: [seller.member.id] }], ['/archive', undefined]] as const) {
      expect((await writer.client.post(url(p.id, path), body)).status, path).toBe(409);
    }
    expect((await writer.client.patch(url(p.id), { title: 'Again' })).status).toBe(409);
  });
});

describe('another workspace', () => {
  it("cannot read, change, review or publish a piece of this one (404), nor see it in its list", async () => {
    const p = await makePiece(writer.client);
    const outsiders = [other.admin, outsider.client];
    for (const c of outsiders) {
      expect((await c.get(url(p.id))).status).toBe(404);
      expect((await c.patch(url(p.id), { title: 'Mine now' })).status).toBe(404);
      expect((await c.post(url(p.id, '/decisions'), { decision: 'approved', version: 1 })).status).toBe(404);
      expect((await c.post(url(p.id, '/publish'), { overrideReason: 'Publishing it from elsewhere.' })).status).toBe(404);
      expect((await c.post(url(p.id, '/comments'), { version: 1, body: 'Hi' })).status).toBe(404);
      expect((await c.post(url(p.id, '/archive'))).status).toBe(404);
      expect((await c.post(url(p.id, '/review-requests'), { reviewerIds: [outsider.member.id] })).status).toBe(404);
      const list = expectStatus(await c.get<{ items: Array<{ id: string }> }>('/api/v1/messaging/pieces'), 200);
      expect(list.items.map((i) => i.id)).not.toContain(p.id);
    }
    expect((await getPiece(writer.client, p.id))).toMatchObject({ title: 'Stop losing inbound leads', status: 'draft', reviews: [] });
  });

  it("cannot be asked to review — by member id or by email — and is named back like an unknown person", async () => {
    const p = await makePiece(writer.client);
    const byId = await writer.client.post(url(p.id, '/review-requests'), { reviewerIds: [outsider.member.id] });
    expect(byId.status).toBe(400);
    expect(byId.error?.message).toBe(`"${outsider.member.id}" is not a sales member of this workspace who can review; choose sales members from the list.`);
    const byEmail = await writer.client.post(url(p.id, '/review-requests'), { reviewerEmails: [outsider.email], reviewerIds: [seller.member.id] });
    expect(byEmail.status).toBe(400);
    expect(byEmail.error?.message).toBe(`"${outsider.email}" is not a sales member of this workspace who can review; choose sales members from the list.`);
    const marketer = await writer.client.post(url(p.id, '/review-requests'), { reviewerIds: [otherWriter.member.id] });
    expect(marketer.status).toBe(400);
    expect((await getPiece(writer.client, p.id))).toMatchObject({ status: 'draft', reviews: [] });
    // The author named on a piece must be of this workspace too.
    const foreignAuthor = await writer.client.post('/api/v1/messaging/pieces', { title: 'x', channel: 'blog', body: PAIN_BASED, authorMemberId: outsider.member.id });
    expect(foreignAuthor.status).toBe(400);
    expect(foreignAuthor.error?.message).toBe('The author must be an active member of this workspace.');
    const reviewers = expectStatus(await writer.client.get<{ items: Array<{ id: string; name: string }> }>('/api/v1/messaging/pieces/reviewers'), 200);
    expect(reviewers.items.map((r) => r.name)).toEqual(['Sal Lead', 'Sam Seller']);
  });
});

describe('hostile input', () => {
  it('an empty, blank or over-100-KB body, a long title or an unknown channel is a 400 in words, nothing written', async () => {
    const before = await piecesInDb(ws.id);
    const cases: Array<[unknown, string | RegExp]> = [
      [{ title: 'x', channel: 'blog', body: '' }, 'The body is empty: write the piece before saving it.'],
      [{ title: 'x', channel: 'blog', body: ' \n\t ' }, 'The body is empty: write the piece before saving it.'],
      [{ title: 'x', channel: 'blog', body: 'a'.repeat(100 * 1024 + 1) }, 'The body can be at most 100 KB; it has 101 KB.'],
      [{ title: 'x', channel: 'blog', body: 'é'.repeat(60 * 1024) }, 'The body can be at most 100 KB; it has 120 KB.'],
      [{ title: 't'.repeat(201), channel: 'blog', body: PAIN_BASED }, 'The title can be at most 200 characters; it has 201.'],
      [{ title: '   ', channel: 'blog', body: PAIN_BASED }, 'The title is empty: give the piece a title.'],
      [{ title: 'x', channel: 'billboard', body: PAIN_BASED }, /channel/i],
      [{ title: 5, channel: 'blog', body: PAIN_BASED }, /title/i],
      [{ title: 'x', channel: 'blog', body: ['not', 'text'] }, /body/i],
      [{ title: 'x', channel: 'blog', body: PAIN_BASED, status: 'published' }, /status/i],
    ];
    for (const [body, message] of cases) {
      const res = await writer.client.post('/api/v1/messaging/pieces', body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      if (typeof message === 'string') expect(res.error?.message).toBe(message);
      else expect(res.error?.message).toMatch(message);
    }
    const ok = await writer.client.post('/api/v1/messaging/pieces', { title: 'x', channel: 'blog', body: `${PAIN_BASED} `.repeat(Math.floor((100 * 1024) / (PAIN_BASED.length + 1))) });
    expect(ok.status).toBe(201);
    expect(await piecesInDb(ws.id)).toBe(before + 1);
  });

  it('an edit with an empty or oversize body, or nothing at all, changes nothing', async () => {
    const p = await makePiece(writer.client);
    for (const body of [{ body: '' }, { body: 'b'.repeat(100 * 1024 + 10) }, {}, { baseVersion: 0, title: 'x' }]) {
      const res = await writer.client.patch(url(p.id), body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
    }
    expect(await getPiece(writer.client, p.id)).toMatchObject({ version: 1, body: PAIN_BASED });
  });

  it('unknown ids are 404 on every route; a decision on a sentence that is not there writes nothing', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await writer.client.get(url(unknown))).status).toBe(404);
    expect((await writer.client.patch(url(unknown), { title: 'x' })).status).toBe(404);
    expect((await writer.client.post(url(unknown, '/publish'), {})).status).toBe(404);
    expect((await seller.client.post(url(unknown, '/decisions'), { decision: 'approved', version: 1 })).status).toBe(404);
    expect((await writer.client.post(url(unknown, '/review-requests'), { reviewerIds: [seller.member.id] })).status).toBe(404);
    const p = await makePiece(writer.client);
    const unknownReviewer = await writer.client.post(url(p.id, '/review-requests'), { reviewerIds: [unknown] });
    expect(unknownReviewer.status).toBe(400);
    expect((await writer.client.post(url(p.id, '/review-requests'), { reviewerIds: [] })).error?.message).toBe('Choose at least one sales member to review the piece.');
    await requestReview(writer.client, p.id, [seller.member.id]);
    const bad = await seller.client.post(url(p.id, '/decisions'), { decision: 'approved', version: 1, comments: [{ sentenceIndex: 0, body: 'Good' }, { sentenceIndex: 500, body: 'Where?' }] });
    expect(bad.status).toBe(400);
    expect(bad.error?.message).toMatch(/^Comment 2 is on sentence 501, but this version has \d+ sentences\.$/);
    for (const body of [{ decision: 'maybe', version: 1 }, { decision: 'approved' }, { decision: 'approved', version: 'one' }]) {
      expect((await seller.client.post(url(p.id, '/decisions'), body)).status).toBe(400);
    }
    expect(await getPiece(writer.client, p.id)).toMatchObject({ status: 'in_review', comments: [], reviews: [expect.objectContaining({ decision: 'pending' })] });
    expect((await writer.client.post('/api/v1/messaging/pieces/analysis', { text: '' })).status).toBe(400);
    expect((await writer.client.get('/api/v1/messaging/pieces?cursor=not-a-cursor')).status).toBe(400);
    expect((await writer.client.get('/api/v1/messaging/pieces?status=lost')).status).toBe(400);
  });
});

describe('races', () => {
  it('two publishes at once: one publishes, the other is told it is published already', async () => {
    const p = await makePiece(writer.client);
    await requestReview(writer.client, p.id, [seller.member.id]);
    await decide(seller.client, p, 'approved');
    const answers = await Promise.all([writer.client.post(url(p.id, '/publish'), {}), marketingLead.client.post(url(p.id, '/publish'), {}), salesLead.client.post(url(p.id, '/publish'), { overrideReason: 'Publishing it right now anyway.' })]);
    expectOnly(answers, [200, 403, 409]);
    expect(countOf(answers, 200)).toBe(1);
    const published = await t.db.kysely.selectFrom('audit_log').select('id').where('entity_id', '=', p.id).where('action', 'like', 'piece.published%').execute();
    expect(published).toHaveLength(1);
  });

  it('an edit racing an approval: either the approval is for the version it read, or it is refused — never an approved new version', async () => {
    for (let round = 0; round < 4; round++) {
      const p = await makePiece(writer.client, { body: FEATURE_LED });
      await requestReview(writer.client, p.id, [seller.member.id]);
      const [edit, approval] = await Promise.all([writer.client.patch<PieceView>(url(p.id), { body: `${PAIN_BASED} (${round})` }), seller.client.post<PieceView>(url(p.id, '/decisions'), { decision: 'approved', version: 1 })]);
      expectOnly([edit, approval], [200, 409]);
      expect(edit.status).toBe(200);
      const now = await getPiece(writer.client, p.id);
      expect(now).toMatchObject({ version: 2, status: 'in_review' });
      expect(now.gate.open).toBe(false);
      if (approval.status === 200) expect(now.reviews.find((r) => r.version === 1)?.decision).toBe('approved');
      else expect(now.reviews.every((r) => r.decision === 'pending')).toBe(true);
    }
  });

  it('two saves from the same version: one saves version 2, the other is told to reload', async () => {
    const p = await makePiece(writer.client);
    const answers = await Promise.all([writer.client.patch(url(p.id), { body: `${PAIN_BASED} One.`, baseVersion: 1 }), marketingLead.client.patch(url(p.id), { body: `${PAIN_BASED} Two.`, baseVersion: 1 })]);
    expectOnly(answers, [200, 409]);
    expect(countOf(answers, 200)).toBe(1);
    expect((await getPiece(writer.client, p.id)).version).toBe(2);
  });
});
