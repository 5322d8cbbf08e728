// Marketing pieces through HTTP (SPEC S3; issue 12): write, edit (a new version, analysed and stored), the sales review
// with comments on sentences, the publishing gate the server enforces and a leader's override, re-review after an
// edit, and the audit entries — on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import type { AuditEntryView } from '../helpers/views.js';
import { addMember, allPages, makeWorkspace, type TestMember, type TestWorkspace } from '../factories.js';
import { decide, FEATURE_LED, getPiece, makePiece, PAIN_BASED, requestReview, seedLeadPain, setThreshold, type PieceSummaryView, type PieceView } from '../factories-pieces.js';

let t: TestApp;
let ws: TestWorkspace;
let writer: TestMember;
let otherWriter: TestMember;
let seller: TestMember;
let closer: TestMember;
let leader: TestMember;
let painId: string;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t);
  writer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Wren Writer' });
  otherWriter = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Otto Other' });
  seller = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Sam Seller' });
  closer = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Cleo Closer' });
  leader = await addMember(t, ws, { role: 'leader', team: 'leadership', name: 'Lee Leader' });
  painId = await seedLeadPain(t, ws.id);
});
afterAll(async () => {
  await t?.close();
});

const matchesInDb = (pieceId: string) => t.db.kysely.selectFrom('piece_pain_matches').selectAll().where('piece_id', '=', pieceId).execute();
const audit = async (pieceId: string) => (await allPages<AuditEntryView>(ws.admin, '/api/v1/audit')).filter((e) => e.entityId === pieceId);

describe('writing and editing a piece', () => {
  it('a new piece is a draft, analysed at once: score, band, parts, and what it matched stored for version 1', async () => {
    const p = await makePiece(writer.client);
    expect(p).toMatchObject({ status: 'draft', version: 1, channel: 'blog', title: 'Stop losing inbound leads', author: { id: writer.member.id, name: 'Wren Writer' } });
    expect(p.score).toBeGreaterThanOrEqual(0);
    expect(p.score).toBeLessThanOrEqual(100);
    expect(p.band).toBe(p.analysis.band);
    expect(p.score).toBe(p.analysis.score);
    expect(p.analysis.parts.map((x) => x.key).sort()).toEqual(['buyer_focus', 'evidence_match', 'feature_hype', 'problem']);
    expect(p.analysis.sentences.length).toBeGreaterThan(2);
    const matched = p.analysis.matchedPains.find((m) => m.painId === painId);
    expect(matched).toMatchObject({ statement: 'Slow first response to new leads', evidenceCount: 6 });
    expect(matched?.sampleQuote).toEqual(expect.any(String));
    const stored = await matchesInDb(p.id);
    expect(stored.map((m) => [m.pain_id, Number(m.version)])).toEqual(p.analysis.matchedPains.map((m) => [m.painId, 1]));
    expect(p.can).toMatchObject({ edit: true, requestReview: true, decide: false, publish: true, override: false });
    expect(p.gate.open).toBe(false);
  });

  it('a new title or body is a new version with its own score; a channel alone is not', async () => {
    const p = await makePiece(writer.client, { body: FEATURE_LED, title: 'Platform tour' });
    const channelOnly = expectStatus(await writer.client.patch<PieceView>(`/api/v1/messaging/pieces/${p.id}`, { channel: 'email' }), 200);
    expect(channelOnly).toMatchObject({ version: 1, channel: 'email' });
    const rewritten = expectStatus(await writer.client.patch<PieceView>(`/api/v1/messaging/pieces/${p.id}`, { body: PAIN_BASED, baseVersion: 1 }), 200);
    expect(rewritten.version).toBe(2);
    expect(rewritten.score).toBeGreaterThan(p.score ?? 100);
    expect((await matchesInDb(p.id)).every((m) => Number(m.version) === 2)).toBe(true);
    const retitled = expectStatus(await writer.client.patch<PieceView>(`/api/v1/messaging/pieces/${p.id}`, { title: 'Call every lead in five minutes' }), 200);
    expect(retitled).toMatchObject({ version: 3, score: rewritten.score });
    const stale = await writer.client.patch(`/api/v1/messaging/pieces/${p.id}`, { body: FEATURE_LED, baseVersion: 2 });
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toBe('Someone saved a newer version of this piece (version 3; you read version 2). Reload it and read it again first.');
    expect((await getPiece(writer.client, p.id)).body).toBe(PAIN_BASED);
  });

  it('the list pages newest first and filters by status, channel, author and title', async () => {
    const ad = await makePiece(otherWriter.client, { title: 'Zebra ad for leads', channel: 'ad' });
    const first = expectStatus(await writer.client.get<{ items: PieceSummaryView[]; nextCursor: string | null }>('/api/v1/messaging/pieces?limit=1'), 200);
    expect(first.items.map((i) => i.id)).toEqual([ad.id]);
    expect(first.nextCursor).toEqual(expect.any(String));
    const all = await allPages<PieceSummaryView>(writer.client, '/api/v1/messaging/pieces', 1);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect((await allPages<PieceSummaryView>(writer.client, '/api/v1/messaging/pieces?channel=ad')).map((i) => i.id)).toEqual([ad.id]);
    expect((await allPages<PieceSummaryView>(writer.client, `/api/v1/messaging/pieces?author=${otherWriter.member.id}`)).map((i) => i.id)).toEqual([ad.id]);
    expect((await allPages<PieceSummaryView>(writer.client, '/api/v1/messaging/pieces?q=zebra')).map((i) => i.id)).toEqual([ad.id]);
    expect((await allPages<PieceSummaryView>(writer.client, '/api/v1/messaging/pieces?status=published'))).toEqual([]);
    expect(all[0]).toMatchObject({ author: { name: 'Otto Other' }, status: 'draft', pendingReviews: 0, overridden: false });
  });

  it('the analysis the editor shows as the author types names each matched pain with its evidence', async () => {
    const a = expectStatus(await writer.client.post<PieceView['analysis']>('/api/v1/messaging/pieces/analysis', { text: PAIN_BASED }), 200);
    expect(a.matchedPains.find((m) => m.painId === painId)).toMatchObject({ statement: 'Slow first response to new leads', evidenceCount: 6 });
    const feature = expectStatus(await writer.client.post<PieceView['analysis']>('/api/v1/messaging/pieces/analysis', { text: FEATURE_LED }), 200);
    expect(feature.score).toBeLessThan(a.score);
    expect(feature.flagged.length).toBeGreaterThan(0);
    for (const f of feature.flagged) expect(FEATURE_LED.slice(f.start, f.end)).toBe(f.text);
  });
});

describe('the sales review and the publishing gate', () => {
  it('review → approval → publish, with comments on sentences and each step in the audit log', async () => {
    await setThreshold(ws, 0);
    const p = await makePiece(writer.client);
    const asked = await requestReview(writer.client, p.id, [seller.member.id], [closer.email.toUpperCase()]);
    expect(asked).toMatchObject({ status: 'in_review', pendingReviews: 2 });
    expect(asked.reviews.map((r) => [r.reviewer.name, r.decision, r.version]).sort()).toEqual([
      ['Cleo Closer', 'pending', 1],
      ['Sam Seller', 'pending', 1],
    ]);
    expect(asked.gate).toMatchObject({ open: false, reasons: ['No sales member has approved it yet.'] });
    const publishEarly = await writer.client.post(`/api/v1/messaging/pieces/${p.id}/publish`, {});
    expect(publishEarly.status).toBe(409);
    expect(publishEarly.error?.message).toBe('Publishing is refused: No sales member has approved it yet. A leader may publish it past the gate with a written reason.');

    const second = asked.analysis.sentences[1]!;
    const approved = await decide(seller.client, asked, 'approved', { comment: 'Reads like our buyers.', comments: [{ sentenceIndex: 1, body: 'This is exactly what we hear.' }] });
    expect(approved).toMatchObject({ status: 'approved', gate: { open: true, reasons: [], approvedBy: ['Sam Seller'] } });
    expect(approved.comments).toEqual([expect.objectContaining({ sentenceIndex: 1, sentenceText: second.text, body: 'This is exactly what we hear.', author: { id: seller.member.id, name: 'Sam Seller' }, version: 1 })]);
    // The reviewer's view says they do not publish it; the author's that they do, the gate being open.
    expect(approved.can.publish).toBe(false);
    expect((await getPiece(writer.client, p.id)).can).toMatchObject({ publish: true, override: false, decide: false });

    const published = expectStatus(await writer.client.post<PieceView>(`/api/v1/messaging/pieces/${p.id}/publish`, { version: 1 }), 200);
    expect(published).toMatchObject({ status: 'published', publishedBy: { name: 'Wren Writer' }, override: null, can: { edit: false, publish: false } });
    const again = await writer.client.post(`/api/v1/messaging/pieces/${p.id}/publish`, {});
    expect(again.status).toBe(409);
    expect(again.error?.message).toBe('This piece is published already.');
    const edit = await writer.client.patch(`/api/v1/messaging/pieces/${p.id}`, { body: FEATURE_LED });
    expect(edit.status).toBe(409);
    const entries = await audit(p.id);
    expect(entries.map((e) => e.action).sort()).toEqual(['piece.approved', 'piece.created', 'piece.published', 'piece.review_requested']);
    // The log reads as sentences with names, never ids (COVERAGE wires the describer into the room).
    const summary = (action: string) => entries.find((e) => e.action === action)?.summary;
    expect(summary('piece.review_requested')).toMatch(/^Wren Writer asked (Sam Seller and Cleo Closer|Cleo Closer and Sam Seller) to review version 1 of 'Stop losing inbound leads'$/);
    expect(summary('piece.approved')).toBe("Sam Seller approved version 1 of 'Stop losing inbound leads': 'Reads like our buyers.'");
    expect(summary('piece.published')).toBe(`Wren Writer published version 1 of 'Stop losing inbound leads' (pain score ${p.score}, threshold 0), approved by Sam Seller`);
    expect(entries.find((e) => e.action === 'piece.published')?.kind).toBe('Marketing piece');
  });

  it('a score below the threshold shuts the gate even when approved; a leader publishes past it with a reason, logged and shown', async () => {
    await setThreshold(ws, 100);
    const p = await makePiece(writer.client, { body: FEATURE_LED, title: 'Feature tour' });
    await requestReview(writer.client, p.id, [seller.member.id]);
    const approved = await decide(seller.client, p, 'approved');
    expect(approved.status).toBe('approved');
    expect(approved.gate.open).toBe(false);
    expect(approved.gate.reasons).toEqual([`Its pain score is ${approved.score}, below the workspace's threshold of 100.`]);
    const refused = await writer.client.post(`/api/v1/messaging/pieces/${p.id}/publish`, {});
    expect(refused.status).toBe(409);
    expect(refused.error?.message).toContain(`Its pain score is ${approved.score}, below the workspace's threshold of 100.`);
    // The author is no leader: a reason does not open the gate for them.
    const notLeader = await writer.client.post(`/api/v1/messaging/pieces/${p.id}/publish`, { overrideReason: 'The launch date is fixed by our partner.' });
    expect(notLeader.status).toBe(403);
    expect(notLeader.error?.message).toBe('Only leaders publish past the gate, with a written reason.');
    const short = await leader.client.post(`/api/v1/messaging/pieces/${p.id}/publish`, { overrideReason: '  because ' });
    expect(short.status).toBe(400);
    expect(short.error?.message).toBe('The reason for publishing past the gate must say why in at least 10 characters.');
    expect((await getPiece(writer.client, p.id)).status).toBe('approved');

    const over = expectStatus(await leader.client.post<PieceView>(`/api/v1/messaging/pieces/${p.id}/publish`, { overrideReason: 'The launch date is fixed by our partner.' }), 200);
    expect(over).toMatchObject({ status: 'published', overridden: true, override: { reason: 'The launch date is fixed by our partner.', by: { name: 'Lee Leader' } } });
    const entry = (await audit(p.id)).find((e) => e.action === 'piece.published_past_gate');
    expect(entry?.actorName).toBe('Lee Leader');
    expect(entry?.summary).toBe(`Lee Leader published version 1 of 'Feature tour' past the gate (pain score ${approved.score}, threshold 100): 'The launch date is fixed by our partner.'`);
    const row = await t.db.kysely.selectFrom('pieces').select(['override_reason', 'override_by']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ override_reason: 'The launch date is fixed by our partner.', override_by: leader.member.id });
  });

  it('a leader overrides a piece nobody approved; an open gate publishes without recording an override', async () => {
    await setThreshold(ws, 0);
    const draft = await makePiece(writer.client);
    const over = expectStatus(await leader.client.post<PieceView>(`/api/v1/messaging/pieces/${draft.id}/publish`, { overrideReason: 'Sales is at the conference all week; approved on the call.' }), 200);
    expect(over.override?.reason).toBe('Sales is at the conference all week; approved on the call.');
    const p = await makePiece(writer.client);
    await requestReview(writer.client, p.id, [seller.member.id]);
    await decide(seller.client, p, 'approved');
    const plain = expectStatus(await leader.client.post<PieceView>(`/api/v1/messaging/pieces/${p.id}/publish`, { overrideReason: 'No need, but here is a reason.' }), 200);
    expect(plain).toMatchObject({ status: 'published', override: null, overridden: false });
  });

  it('editing an approved piece sends it back to review: the approval was for the earlier version', async () => {
    await setThreshold(ws, 0);
    const p = await makePiece(writer.client);
    await requestReview(writer.client, p.id, [seller.member.id, closer.member.id]);
    const approved = await decide(seller.client, p, 'approved');
    expect(approved.status).toBe('approved');
    const edited = expectStatus(await writer.client.patch<PieceView>(`/api/v1/messaging/pieces/${p.id}`, { body: `${PAIN_BASED} Ask us how.` }), 200);
    expect(edited).toMatchObject({ status: 'in_review', version: 2, pendingReviews: 2 });
    expect(edited.gate.reasons).toEqual(['No sales member has approved version 2 yet: the approval was for an earlier version, before the last edit.']);
    // Both reviewers are asked about version 2: the undecided request moved to it, the approver was asked again.
    expect(edited.reviews.filter((r) => r.version === 2).map((r) => [r.reviewer.name, r.decision]).sort()).toEqual([
      ['Cleo Closer', 'pending'],
      ['Sam Seller', 'pending'],
    ]);
    expect(edited.reviews.filter((r) => r.version === 1).map((r) => [r.reviewer.name, r.decision])).toEqual([['Sam Seller', 'approved']]);
    expect((await writer.client.post(`/api/v1/messaging/pieces/${p.id}/publish`, {})).status).toBe(409);
    const stale = await seller.client.post(`/api/v1/messaging/pieces/${p.id}/decisions`, { decision: 'approved', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.error?.message).toMatch(/newer version of this piece \(version 2; you read version 1\)/);
    const changes = await decide(closer.client, edited, 'changes_requested', { comments: [{ sentenceIndex: 0, body: 'Lead with the cost of a cold lead.' }] });
    expect(changes).toMatchObject({ status: 'changes_requested', gate: { open: false } });
    expect(changes.gate.reasons[0]).toBe('Cleo Closer asked for changes to this version.');
    // One approval does not outvote a request for changes on the same version.
    const both = await decide(seller.client, edited, 'approved');
    expect(both.status).toBe('changes_requested');
    const v3 = expectStatus(await writer.client.patch<PieceView>(`/api/v1/messaging/pieces/${p.id}`, { body: `A cold lead costs you the deal. ${PAIN_BASED}` }), 200);
    expect(v3).toMatchObject({ status: 'changes_requested', version: 3 });
    const asked = await requestReview(writer.client, p.id, [closer.member.id]);
    expect(asked).toMatchObject({ status: 'in_review', pendingReviews: 1 });
    const ok = await decide(closer.client, asked, 'approved');
    expect(ok).toMatchObject({ status: 'approved', gate: { open: true, approvedBy: ['Cleo Closer'] } });
  });

  it('a comment on the current version anchors to its sentence; members comment, the sentence must exist', async () => {
    const p = await makePiece(writer.client);
    const c = expectStatus(await seller.client.post<PieceView['comments'][number]>(`/api/v1/messaging/pieces/${p.id}/comments`, { version: 1, sentenceIndex: 0, body: 'Strong opener.' }), 201);
    expect(c).toMatchObject({ sentenceIndex: 0, sentenceText: p.analysis.sentences[0]!.text, reviewId: null });
    const whole = expectStatus(await writer.client.post<PieceView['comments'][number]>(`/api/v1/messaging/pieces/${p.id}/comments`, { version: 1, body: 'Thanks!' }), 201);
    expect(whole).toMatchObject({ sentenceIndex: null, sentenceText: null });
    const outside = await seller.client.post(`/api/v1/messaging/pieces/${p.id}/comments`, { version: 1, sentenceIndex: 99, body: 'Where?' });
    expect(outside.status).toBe(400);
    expect(outside.error?.message).toMatch(/^Comment 1 is on sentence 100, but this version has \d+ sentences\.$/);
    expect((await getPiece(writer.client, p.id)).comments).toHaveLength(2);
  });
});

describe('the gate reads the evidence as it is when publishing', () => {
  it('evidence logged after the save lifts the score: the piece shows it and publishes, and the new score is stored', async () => {
    const other = await makeWorkspace(t);
    const author = await addMember(t, other, { role: 'member', team: 'marketing', name: 'Ana Author' });
    const rep = await addMember(t, other, { role: 'member', team: 'sales', name: 'Rey Rep' });
    const p = await makePiece(author.client);
    expect(p.analysis.matchedPains).toEqual([]);
    await setThreshold(other, Math.min(100, (p.score ?? 0) + 1));
    await requestReview(author.client, p.id, [rep.member.id]);
    const approved = await decide(rep.client, p, 'approved');
    expect(approved.gate.reasons).toEqual([`Its pain score is ${p.score}, below the workspace's threshold of ${(p.score ?? 0) + 1}.`]);
    // Sales logs evidence of the pain the piece is about: the same text now matches it and scores higher.
    await seedLeadPain(t, other.id);
    const now = await getPiece(author.client, p.id);
    expect(now.analysis.score).toBeGreaterThan(p.score ?? 100);
    expect(now.score).toBe(now.analysis.score);
    expect(now.gate).toMatchObject({ open: true, reasons: [] });
    const published = expectStatus(await author.client.post<PieceView>(`/api/v1/messaging/pieces/${p.id}/publish`, {}), 200);
    expect(published).toMatchObject({ status: 'published', score: now.analysis.score, override: null });
    const row = await t.db.kysely.selectFrom('pieces').select(['score', 'version']).where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(Number(row.score)).toBe(now.analysis.score);
    expect((await matchesInDb(p.id)).map((m) => m.pain_id)).toHaveLength(1);
  });
});
