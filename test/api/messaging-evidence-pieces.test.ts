// Evidence names the piece that helped (issue 13, decision 056), on SQLite and PostgreSQL: a sales member cites a
// published piece of the workspace when logging, editing or importing evidence; anything else — a draft, another
// workspace's piece, an unknown id — is refused with one sentence and nothing written; the list filters by it, and
// the piece's answer carries "cited by sales" — the count and the latest quotes — for this workspace only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { changedInDb } from '../factories.js';
import { dayFromToday, logEvidence, makeMessagingTeam, type EvidenceView } from '../factories-pains.js';
import { insertPiece } from '../factories-messaging-rows.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const url = '/api/v1/messaging/evidence';
const REFUSED = 'Only a published piece of this workspace can be cited: pick one from the published pieces, or leave it empty.';

interface CitedBy {
  count: number;
  latest: EvidenceView[];
}
type PieceAnswer = { id: string; citedBySales: CitedBy };

async function makeTeam() {
  const team = await makeMessagingTeam(t);
  const playbook = await insertPiece(t, team.ws.id, { title: 'Speed-to-lead playbook', status: 'published', authorId: team.marketer.member.id, publishedAt: `${dayFromToday(-20)}T09:00:00.000Z` });
  const caseStudy = await insertPiece(t, team.ws.id, { title: 'Contoso case study', status: 'published', authorId: team.marketer.member.id, publishedAt: `${dayFromToday(-15)}T09:00:00.000Z` });
  const draft = await insertPiece(t, team.ws.id, { title: 'Unfinished webinar', status: 'draft', authorId: team.marketer.member.id });
  await changedInDb(t);
  return { ...team, playbook, caseStudy, draft };
}

const citedBy = async (by: Client, pieceId: string) => expectStatus(await by.get<PieceAnswer>(`/api/v1/messaging/pieces/${pieceId}`), 200).citedBySales;
const pieceOf = async (evidenceId: string) => (await t.db.kysely.selectFrom('evidence').select('piece_id').where('id', '=', evidenceId).executeTakeFirstOrThrow()).piece_id;

describe('citing a piece in evidence', () => {
  it('logs evidence with the piece that helped, lists it by piece, and counts it on the piece', async () => {
    const { seller, seller2, viewer, playbook, caseStudy } = await makeTeam();
    const first = await logEvidence(seller.client, null, { pieceId: playbook, date: dayFromToday(-5), account: 'Contoso', quote: 'Your playbook is why we called them back in an hour.' });
    expect(first.piece).toEqual({ id: playbook, title: 'Speed-to-lead playbook', status: 'published' });
    const second = await logEvidence(seller2.client, null, { pieceId: playbook, date: dayFromToday(-2), account: 'Fabrikam', quote: 'The playbook got us a second meeting.' });
    const other = await logEvidence(seller.client, null, { pieceId: caseStudy, date: dayFromToday(-1) });
    const none = await logEvidence(seller.client, null, {});
    expect(none.piece).toBeNull();

    const list = expectStatus(await viewer.client.get<{ items: EvidenceView[] }>(`${url}?pieceId=${playbook}`), 200);
    expect(list.items.map((e) => e.id)).toEqual([second.id, first.id]);
    expect(list.items[0]!.piece?.title).toBe('Speed-to-lead playbook');
    const cited = await citedBy(viewer.client, playbook);
    expect(cited.count).toBe(2);
    expect(cited.latest.map((e) => [e.quote, e.account, e.memberName])).toEqual([
      ['The playbook got us a second meeting.', 'Fabrikam', 'Sue Seller'],
      ['Your playbook is why we called them back in an hour.', 'Contoso', 'Sam Seller'],
    ]);
    expect((await citedBy(viewer.client, caseStudy)).latest.map((e) => e.id)).toEqual([other.id]);
    const audit = await t.db.kysely.selectFrom('audit_log').select('after').where('entity_id', '=', first.id).where('action', '=', 'evidence.created').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after!)).toMatchObject({ pieceId: playbook });
  });

  it('changes the piece on an edit, clears it with null, and keeps an unchanged one that was archived since', async () => {
    const { ws, seller, playbook, caseStudy } = await makeTeam();
    const e = await logEvidence(seller.client, null, { pieceId: playbook });
    const moved = expectStatus(await seller.client.patch<EvidenceView>(`${url}/${e.id}`, { pieceId: caseStudy }), 200);
    expect(moved.piece?.id).toBe(caseStudy);
    const audit = await t.db.kysely.selectFrom('audit_log').select(['before', 'after']).where('entity_id', '=', e.id).where('action', '=', 'evidence.changed').executeTakeFirstOrThrow();
    expect([JSON.parse(audit.before!), JSON.parse(audit.after!)]).toEqual([{ pieceId: playbook }, { pieceId: caseStudy }]);
    // Archived after it was cited: an edit of something else keeps it; the view says so.
    await t.db.kysely.updateTable('pieces').set({ status: 'archived', archived_at: new Date().toISOString() }).where('id', '=', caseStudy).where('workspace_id', '=', ws.id).execute();
    await changedInDb(t);
    const kept = expectStatus(await seller.client.patch<EvidenceView>(`${url}/${e.id}`, { account: 'Northwind', pieceId: caseStudy }), 200);
    expect(kept.piece).toEqual({ id: caseStudy, title: 'Contoso case study', status: 'archived' });
    const cleared = expectStatus(await seller.client.patch<EvidenceView>(`${url}/${e.id}`, { pieceId: null }), 200);
    expect(cleared.piece).toBeNull();
    expect(await pieceOf(e.id)).toBeNull();
    // Citing the archived piece anew is refused.
    const again = await seller.client.patch(`${url}/${e.id}`, { pieceId: caseStudy });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: { message: REFUSED } });
  });

  it('refuses a draft, another workspace\'s piece and an unknown id with one sentence, writing nothing', async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const before = await t.db.kysely.selectFrom('evidence').select('id').where('workspace_id', 'in', [a.ws.id, b.ws.id]).execute();
    for (const pieceId of [a.draft, b.playbook, 'no-such-piece']) {
      const r = await a.seller.client.post(url, { date: dayFromToday(-1), account: 'Contoso', outcome: 'open', quote: 'We lose leads overnight.', pieceId });
      expect(r.status, pieceId).toBe(400);
      expect(r.body, pieceId).toMatchObject({ error: { message: REFUSED } });
    }
    // Evidence of B citing A's piece: refused the same way.
    const crossed = await b.seller.client.post(url, { date: dayFromToday(-1), account: 'Contoso', outcome: 'open', quote: 'We lose leads overnight.', pieceId: a.playbook });
    expect(crossed.status).toBe(400);
    expect(crossed.body).toMatchObject({ error: { message: REFUSED } });
    expect(await t.db.kysely.selectFrom('evidence').select('id').where('workspace_id', 'in', [a.ws.id, b.ws.id]).execute()).toEqual(before);

    const e = await logEvidence(a.seller.client, null, { pieceId: a.playbook });
    for (const pieceId of [a.draft, b.playbook, 'no-such-piece']) {
      const r = await a.seller.client.patch(`${url}/${e.id}`, { pieceId });
      expect(r.status, pieceId).toBe(400);
      expect(r.body, pieceId).toMatchObject({ error: { message: REFUSED } });
    }
    expect(await pieceOf(e.id)).toBe(a.playbook);
    // B reads nothing of A's piece: the piece is a 404, and B's list filtered by it is empty.
    expect((await b.seller.client.get(`/api/v1/messaging/pieces/${a.playbook}`)).status).toBe(404);
    expect(expectStatus(await b.seller.client.get<{ items: EvidenceView[] }>(`${url}?pieceId=${a.playbook}`), 200).items).toEqual([]);
    expect((await citedBy(a.viewer.client, a.playbook)).count).toBe(1);
    for (const bad of [{ pieceId: 42 }, { pieceId: '' }, { pieceId: 'x'.repeat(101) }]) {
      const r = await a.seller.client.patch(`${url}/${e.id}`, bad);
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
  });
});

describe('the evidence CSV names the piece', () => {
  const send = (by: Client, csv: string, query = '') => by.request<{ logged: number; invalid: number; errors: Array<{ row: number; column: string; message: string }> }>('POST', `${url}/import${query}`, { rawBody: csv, headers: { 'content-type': 'text/csv' } });

  it('has a piece column in the template, and reads a published piece by id or exact title (any case)', async () => {
    const { ws, seller, playbook, caseStudy } = await makeTeam();
    const template = await seller.client.get(`${url}/template.csv`);
    expect(template.text.split('\r\n')[0]).toBe('date,account,outcome,amount,deal,pain,piece,quote,notes');
    const d = dayFromToday(-3);
    const csv = `date,account,piece,quote\n${d},Contoso,speed-to-lead PLAYBOOK,The playbook helped us call back fast.\n${d},Fabrikam,${caseStudy},The case study convinced the CFO.\n${d},Tailspin,,No piece here.\n`;
    const r = expectStatus(await send(seller.client, csv), 200);
    expect(r).toMatchObject({ logged: 3, invalid: 0 });
    const rows = await t.db.kysely.selectFrom('evidence').select(['account', 'piece_id']).where('workspace_id', '=', ws.id).orderBy('account').execute();
    expect(rows).toEqual([
      { account: 'Contoso', piece_id: playbook },
      { account: 'Fabrikam', piece_id: caseStudy },
      { account: 'Tailspin', piece_id: null },
    ]);
  });

  it('refuses a row naming a draft, another workspace\'s piece or no piece at all, by row and column', async () => {
    const a = await makeTeam();
    const b = await makeTeam();
    const d = dayFromToday(-3);
    const csv = `date,account,piece,quote\n${d},Contoso,Unfinished webinar,Words one.\n${d},Contoso,${b.playbook},Words two.\n${d},Contoso,No such piece,Words three.\n${d},Contoso,${a.playbook},Words four.\n`;
    const all = await send(a.seller.client, csv);
    expect(all.status).toBe(400);
    const partial = expectStatus(await send(a.seller.client, csv, '?mode=valid_rows'), 200);
    expect(partial).toMatchObject({ logged: 1, invalid: 3 });
    expect(partial.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'piece'],
      [3, 'piece'],
      [4, 'piece'],
    ]);
    for (const e of partial.errors) expect(e.message).toMatch(/^Only a published piece of this workspace can be cited: no published piece is "/);
    const rows = await t.db.kysely.selectFrom('evidence').select(['quote', 'piece_id']).where('workspace_id', 'in', [a.ws.id, b.ws.id]).execute();
    expect(rows).toEqual([{ quote: 'Words four.', piece_id: a.playbook }]);
  });
});
