// GET /messaging/coverage (issue 12) on a seeded workspace: the heat map's rows and columns, the messaging gap
// weighted to recent evidence, the off-message list, the in-progress view, bad queries, roles, another workspace,
// and reads racing a write. Rows are written straight to the tables (the maths is what is under test).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { CoverageView } from '../../src/capabilities/messaging/coverage-schemas.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { addMember, changedInDb, makeWorkspace, utcDate, type TestWorkspace } from '../factories.js';
import { insertEvidence, insertMatch, insertPain, insertPiece } from '../factories-messaging-rows.js';

type Coverage = z.infer<typeof CoverageView>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

const coverageOf = async (c: Client, query = '') => expectStatus(await c.get<Coverage>(`/api/v1/messaging/coverage${query}`), 200);

describe('coverage of a seeded workspace', () => {
  let ws: TestWorkspace;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ws = await makeWorkspace(t, { timeZone: 'UTC' });
    const w = ws.id;
    ids.cold = await insertPain(t, w, { statement: 'Inbound leads go cold before anyone calls them', severity: 5 });
    ids.reports = await insertPain(t, w, { statement: 'Board reports take a week to pull together', severity: 4 });
    ids.trust = await insertPain(t, w, { statement: 'Nobody trusts the pipeline numbers', severity: 4 });
    ids.quiet = await insertPain(t, w, { statement: 'Onboarding new reps takes a quarter' });
    ids.retired = await insertPain(t, w, { statement: 'Spreadsheets crash', status: 'retired' });
    // 4 today on "cold" (weight 4); 6 half a year ago on "reports" (weight 3); 10 two years ago on "trust" (≈ 0.6).
    await insertEvidence(t, w, { painId: ids.cold, date: utcDate(0), count: 4 });
    await insertEvidence(t, w, { painId: ids.reports, date: utcDate(-180), count: 6 });
    await insertEvidence(t, w, { painId: ids.trust, date: utcDate(-730), count: 10 });
    await insertEvidence(t, w, { painId: ids.retired, date: utcDate(0), count: 9 });
    await insertEvidence(t, w, { painId: null, date: utcDate(0), count: 2 });

    ids.speed = await insertPiece(t, w, { title: 'Call every lead in five minutes', status: 'published', version: 2 });
    ids.features = await insertPiece(t, w, { title: 'Our AI-powered platform', status: 'published', score: 20 });
    ids.old = await insertPiece(t, w, { title: 'Pipeline you can trust', status: 'archived' });
    ids.draft = await insertPiece(t, w, { title: 'The board pack in an hour', status: 'in_review' });
    await insertMatch(t, w, { pieceId: ids.speed, painId: ids.cold, similarity: 0.82, version: 2 });
    // What version 1 matched no longer counts.
    await insertMatch(t, w, { pieceId: ids.speed, painId: ids.reports, similarity: 0.9, version: 1 });
    await insertMatch(t, w, { pieceId: ids.features, painId: ids.trust, similarity: 0.12 });
    await insertMatch(t, w, { pieceId: ids.features, painId: ids.retired, similarity: 0.8 });
    await insertMatch(t, w, { pieceId: ids.old, painId: ids.trust, similarity: 0.7 });
    await insertMatch(t, w, { pieceId: ids.draft, painId: ids.reports, similarity: 0.78 });
    await changedInDb(t);
  });

  it('ranks active pains by recent weighted evidence, and says what covers each', async () => {
    const c = await coverageOf(ws.admin);
    expect(c).toMatchObject({ asOf: utcDate(0), halfLifeDays: 180, coversAt: 0.75, view: 'published', painsTotal: 4, piecesTotal: 2 });
    expect(c.pains.map((p) => [p.statement, p.weight, p.evidenceCount, p.recentCount])).toEqual([
      ['Inbound leads go cold before anyone calls them', 4, 4, 4],
      ['Board reports take a week to pull together', 3, 6, 0],
      ['Nobody trusts the pipeline numbers', Math.round(10 * 0.5 ** (730 / 180) * 10) / 10, 10, 0],
      ['Onboarding new reps takes a quarter', 0, 0, 0],
    ]);
    expect(c.pains[0]?.coveredBy).toEqual([{ id: ids.speed, title: 'Call every lead in five minutes', status: 'published', similarity: 0.82 }]);
    expect(c.pains[1]?.coveredBy).toEqual([]);
    expect(c.pains[1]?.inProgress.map((p) => [p.id, p.status])).toEqual([[ids.draft, 'in_review']]);
    expect(c.summary).toMatchObject({ activePains: 4, painsWithEvidence: 3, coveredPains: 1, publishedPieces: 2, inProgressPieces: 1 });
    expect(c.summary.coveredWeightShare).toBeCloseTo(4 / (4 + 3 + 10 * 0.5 ** (730 / 180)), 6);
  });

  it('the gap is the heard pains no published piece covers, heaviest first; off-message is the piece that covers none', async () => {
    const c = await coverageOf(ws.admin);
    expect(c.gap.map((g) => g.id)).toEqual([ids.reports, ids.trust]);
    expect(c.gapTotal).toBe(2);
    expect(c.offMessage.map((p) => [p.id, p.closest])).toEqual([[ids.features, { painId: ids.trust, statement: 'Nobody trusts the pipeline numbers', similarity: 0.12 }]]);
    expect(c.offMessageTotal).toBe(1);
  });

  it('the heat map: published columns, most pains covered first, and the cells between them', async () => {
    const c = await coverageOf(ws.admin);
    expect(c.pieces.map((p) => [p.id, p.painsCovered])).toEqual([
      [ids.speed, 1],
      [ids.features, 0],
    ]);
    expect(c.cells).toEqual(
      expect.arrayContaining([
        { painId: ids.cold, pieceId: ids.speed, similarity: 0.82, covers: true },
        { painId: ids.trust, pieceId: ids.features, similarity: 0.12, covers: false },
      ]),
    );
    expect(c.cells).toHaveLength(2);
  });

  it('the in-progress view shows the pieces being written; the gap stays that of published pieces', async () => {
    const c = await coverageOf(ws.admin, '?view=in_progress');
    expect(c.pieces.map((p) => [p.id, p.status])).toEqual([[ids.draft, 'in_review']]);
    expect(c.cells).toEqual([{ painId: ids.reports, pieceId: ids.draft, similarity: 0.78, covers: true }]);
    expect(c.gap.map((g) => g.id)).toEqual([ids.reports, ids.trust]);
  });

  it('limits rows and columns as asked, with the totals', async () => {
    const c = await coverageOf(ws.admin, '?pains=1&pieces=1');
    expect(c.pains.map((p) => p.id)).toEqual([ids.cold]);
    expect(c.pieces.map((p) => p.id)).toEqual([ids.speed]);
    expect(c).toMatchObject({ painsTotal: 4, piecesTotal: 2 });
    expect(c.cells.every((x) => x.painId === ids.cold && x.pieceId === ids.speed)).toBe(true);
  });

  it('refuses a bad query with a sentence, never a 500', async () => {
    for (const q of ['?view=everything', '?pains=0', '?pains=201', '?pains=2.5', '?pieces=abc', '?colour=red', `?pains=${'9'.repeat(400)}`]) {
      const res = await ws.admin.get(`/api/v1/messaging/coverage${q}`);
      expect(res.status, q).toBe(400);
      expect(res.error?.message, q).toMatch(/[a-z] /);
    }
  });

  it('every role reads it; without a session it is 401', async () => {
    const viewer = await addMember(t, ws, { role: 'viewer', team: 'leadership' });
    const rep = await addMember(t, ws, { role: 'member', team: 'sales' });
    expect((await coverageOf(viewer.client)).gap).toHaveLength(2);
    expect((await coverageOf(rep.client)).gap).toHaveLength(2);
    expect((await t.client().get('/api/v1/messaging/coverage')).status).toBe(401);
  });

  it('another workspace sees none of it', async () => {
    const other = await makeWorkspace(t);
    const c = await coverageOf(other.admin);
    expect(c).toMatchObject({ pains: [], pieces: [], cells: [], gap: [], offMessage: [], painsTotal: 0, piecesTotal: 0 });
    expect(c.summary).toMatchObject({ activePains: 0, publishedPieces: 0 });
  });

  it('reads racing a new match all answer 200, and the next read shows the pain covered', async () => {
    const write = (async () => {
      await insertMatch(t, ws.id, { pieceId: ids.features!, painId: ids.reports!, similarity: 0.8 });
      await changedInDb(t);
    })();
    const reads = await Promise.all([ws.admin.get<Coverage>('/api/v1/messaging/coverage'), ws.admin.get<Coverage>('/api/v1/messaging/coverage?view=in_progress'), write.then(() => null)]);
    for (const r of reads.slice(0, 2)) expect(r?.status).toBe(200);
    const c = await coverageOf(ws.admin);
    expect(c.gap.map((g) => g.id)).toEqual([ids.trust]);
    expect(c.offMessage).toEqual([]);
  });
});
