// Sales sign-off is a second person's (SPEC S3 "a piece can be published only after a sales member approved it"):
// a sales leader who writes a piece — naming a marketer as its author — or rewrites someone else's cannot approve that
// version themselves and publish it alone. Found by review; on SQLite and PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus } from '../helpers/client.js';
import { addMember, makeWorkspace, type TestMember, type TestWorkspace } from '../factories.js';
import { decide, getPiece, makePiece, requestReview, setThreshold, type PieceView } from '../factories-pieces.js';

let t: TestApp;
let ws: TestWorkspace;
let writer: TestMember;
let seller: TestMember;
let salesLead: TestMember;

beforeAll(async () => {
  t = await createTestApp();
  ws = await makeWorkspace(t);
  writer = await addMember(t, ws, { role: 'member', team: 'marketing', name: 'Wren Writer' });
  seller = await addMember(t, ws, { role: 'member', team: 'sales', name: 'Sam Seller' });
  salesLead = await addMember(t, ws, { role: 'leader', team: 'sales', name: 'Sal Lead' });
  await setThreshold(ws, 0);
});
afterAll(async () => {
  await t?.close();
});

const approve = (by: TestMember, p: Pick<PieceView, 'id' | 'version'>) => by.client.post(`/api/v1/messaging/pieces/${p.id}/decisions`, { decision: 'approved', version: p.version });

describe('sales sign-off is a second person’s', () => {
  it('a sales leader who wrote the piece under a marketer’s name cannot approve it', async () => {
    const p = await makePiece(salesLead.client, { title: 'Written by the sales lead', authorMemberId: writer.member.id });
    await requestReview(salesLead.client, p.id, [seller.member.id]);
    const res = await approve(salesLead, p);
    expect(res.status).toBe(403);
    expect(res.error?.message).toMatch(/another sales member approves it/);
    expect((await getPiece(ws.admin, p.id)).status).toBe('in_review');
    // Another sales member signs it off.
    expect((await decide(seller.client, p, 'approved')).status).toBe('approved');
  });

  it('a sales leader who rewrote someone else’s piece cannot approve the version they saved', async () => {
    const p = await makePiece(writer.client, { title: 'Written by the marketer' });
    await requestReview(writer.client, p.id, [seller.member.id]);
    const edited = expectStatus(await salesLead.client.patch<PieceView>(`/api/v1/messaging/pieces/${p.id}`, { body: 'Your reps lose a day to the forecast spreadsheet every week. Get it back.', baseVersion: p.version }), 200);
    const res = await approve(salesLead, edited);
    expect(res.status).toBe(403);
    expect((await decide(seller.client, edited, 'approved')).status).toBe('approved');
  });

  it('asking for changes to a version you saved is still allowed', async () => {
    const p = await makePiece(salesLead.client, { title: 'Second thoughts', authorMemberId: writer.member.id });
    await requestReview(salesLead.client, p.id, [seller.member.id]);
    expect((await decide(salesLead.client, p, 'changes_requested', { comment: 'On second thought, the opening is weak.' })).status).toBe('changes_requested');
  });
});
