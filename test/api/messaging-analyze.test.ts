// The pain analyzer through HTTP (SPEC S3, issue 12): POST /messaging/analyze and POST /messaging/pains/suggest.
// Pains and evidence are written straight to their tables here, as another instance, an import or the pains
// routes would: the analyzer must see them on its next answer without a restart or a rebuild.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PainIndex, type Analysis, type PainDoc, type PainMatch } from '../../src/capabilities/messaging/analyzer/index.js';
import { painIndexFor } from '../../src/capabilities/messaging/pain-index.js';
import { newId } from '../../src/server/ids.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import type { ApiResponse, Client } from '../helpers/client.js';
import { addMember, makeWorkspace, type TestWorkspace } from '../factories.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t?.close();
});

interface SuggestView {
  matches: Array<PainMatch & { statement: string; evidenceCount: number; sampleQuote: string | null }>;
}

const daysAgo = (n: number): string => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
/** A timestamp a little later each call, as successive writes get. */
let tick = Date.now();
const stamp = (): string => new Date((tick += 5)).toISOString();

async function insertPain(ws: TestWorkspace, statement: string, synonyms: string[] = [], status: 'active' | 'retired' = 'active'): Promise<string> {
  const id = newId();
  const at = stamp();
  await t.db.kysely
    .insertInto('pains')
    .values({ id, workspace_id: ws.id, statement, persona: 'Sales leader', segment: 'Mid-market', severity: 4, emotion: 'frustrated', synonyms: JSON.stringify(synonyms), status, created_by: null, created_at: at, updated_at: at, retired_at: status === 'retired' ? at : null })
    .execute();
  return id;
}

async function insertEvidence(ws: TestWorkspace, painId: string | null, quote: string, date = daysAgo(10)): Promise<string> {
  const id = newId();
  const at = stamp();
  await t.db.kysely
    .insertInto('evidence')
    .values({ id, workspace_id: ws.id, pain_id: painId, member_id: null, date, account: 'Northwind', deal_id: null, deal_external_id: null, amount: 1_200_000, outcome: 'won', quote, notes: null, created_at: at, updated_at: at })
    .execute();
  return id;
}

const analyze = (c: Client, body: unknown): Promise<ApiResponse<Analysis>> => c.post<Analysis>('/api/v1/messaging/analyze', body);
const suggest = (c: Client, body: unknown): Promise<ApiResponse<SuggestView>> => c.post<SuggestView>('/api/v1/messaging/pains/suggest', body);

function ok<T>(res: ApiResponse<T>): T {
  expect(res.status, res.text).toBe(200);
  return res.body as T;
}

function expect400(res: ApiResponse<unknown>, message: RegExp): void {
  expect(res.status, res.text).toBe(400);
  expect(res.error?.message).toMatch(message);
  expect(res.error?.message).toMatch(/^[A-Z].*[.!?]$/);
}

const PAIN_BASED =
  'Your inbound leads go cold before anyone calls them. By the time a rep calls back two days later, the buyer has signed with someone else. ' +
  'Reach every new lead within five minutes, so you stop losing deals you already paid for.';
const FEATURE_LED = 'Our AI-powered platform features a drag-and-drop dashboard, real-time analytics and 200 integrations. We are the industry-leading solution.';

describe('POST /messaging/analyze', () => {
  let ws: TestWorkspace;
  let slow: string;
  let reporting: string;

  beforeAll(async () => {
    ws = await makeWorkspace(t);
    slow = await insertPain(ws, 'Slow first response to new leads', ['leads wait too long for a reply']);
    reporting = await insertPain(ws, 'Month-end reporting is done by hand in spreadsheets', ['copying numbers into slides']);
    await insertEvidence(ws, slow, 'Our reps call back two days later and by then the lead has gone cold.', daysAgo(20));
    await insertEvidence(ws, slow, 'Demo requests sit in a queue over the weekend and nobody calls them.', daysAgo(60));
    await insertEvidence(ws, slow, 'We lose deals because someone else calls first.', daysAgo(5));
    await insertEvidence(ws, reporting, 'My analyst loses three days every month pasting exports into a deck.', daysAgo(15));
  });

  it('answers the score, band, parts, matched pains and flagged sentences of pain-based copy', async () => {
    const a = ok(await analyze(ws.admin, { text: PAIN_BASED }));
    expect(a.threshold).toBe(60);
    expect(a.band).toBe('pain_based');
    expect(a.score).toBeGreaterThanOrEqual(60);
    expect(a.score).toBe(a.parts.reduce((s, p) => s + p.points, 0));
    expect(a.parts.map((p) => p.key)).toEqual(['problem', 'buyer_focus', 'feature_hype', 'evidence_match']);
    expect(a.matchedPains[0]).toMatchObject({ painId: slow });
    expect(a.matchedPains[0]!.viaQuotes).toBeGreaterThanOrEqual(2);
    expect(a.parts[3]!.explanation).toMatch(/Slow first response to new leads/);
    expect(a.sentences).toHaveLength(3);
    expect(a.flagged).toEqual([]);
    expect(a.words).toBeGreaterThan(30);
  });

  it('scores feature-led copy low and flags its sentences with hints at their offsets', async () => {
    const a = ok(await analyze(ws.admin, { text: FEATURE_LED }));
    expect(a.band).toBe('feature_led');
    expect(a.flagged.map((f) => f.kind)).toEqual(['feature', 'hype']);
    for (const f of a.flagged) expect(FEATURE_LED.slice(f.start, f.end)).toBe(f.text);
    expect(a.flagged[0]!.hint).toMatch(/say what problem it removes for the buyer/);
  });

  it("reads the workspace's threshold each time", async () => {
    const other = await makeWorkspace(t);
    const painId = await insertPain(other, 'Slow first response to new leads');
    await insertEvidence(other, painId, 'Our reps call back two days later.');
    const before = ok(await analyze(other.admin, { text: PAIN_BASED }));
    await t.db.kysely.updateTable('workspaces').set({ pain_threshold: 100 }).where('id', '=', other.id).execute();
    const after = ok(await analyze(other.admin, { text: PAIN_BASED }));
    expect(after.threshold).toBe(100);
    expect(after.score).toBe(before.score);
    expect(after.band).not.toBe('pain_based');
  });

  it('lets every member analyse, viewers too, and nobody signed out', async () => {
    const viewer = await addMember(t, ws, { role: 'viewer', team: 'marketing' });
    expect(ok(await analyze(viewer.client, { text: PAIN_BASED })).matchedPains[0]?.painId).toBe(slow);
    const rep = await addMember(t, ws, { role: 'member', team: 'sales' });
    ok(await suggest(rep.client, { text: 'reps call back too late' }));
    expect((await analyze(t.client(), { text: PAIN_BASED })).status).toBe(401);
    expect((await suggest(t.client(), { text: PAIN_BASED })).status).toBe(401);
  });

  it('refuses an empty, missing, oversize or mistyped text with a sentence, for both routes', async () => {
    for (const send of [analyze, suggest]) {
      expect400(await send(ws.admin, {}), /text is missing/i);
      expect400(await send(ws.admin, { text: '' }), /empty/);
      expect400(await send(ws.admin, { text: ' \n\t ' }), /empty/);
      expect400(await send(ws.admin, { text: 42 }), /text/i);
      expect400(await send(ws.admin, { text: ['a'] }), /text/i);
      expect400(await send(ws.admin, { text: null }), /text/i);
      expect400(await send(ws.admin, { text: 'word '.repeat(21_000) }), /over 100 KB/);
      expect400(await send(ws.admin, { text: 'ok', extra: true }), /does not take/);
    }
    // 100 KB counted in bytes: 40,000 three-byte characters are 120 KB.
    expect400(await analyze(ws.admin, { text: '€'.repeat(40_000) }), /over 100 KB/);
    // Just under the limit is analysed.
    expect(ok(await analyze(ws.admin, { text: 'Your leads go cold. '.repeat(5_000) })).sentences.length).toBe(5_000);
    for (const limit of [0, 11, 2.5, '3', null]) expect((await suggest(ws.admin, { text: 'leads', limit })).status).toBe(400);
  });

  it("never matches or shows another workspace's pains", async () => {
    const other = await makeWorkspace(t);
    const theirs = await insertPain(other, 'Inbound leads go cold before anyone calls them', ['slow lead response']);
    await insertEvidence(other, theirs, 'Nobody calls our inbound leads back for days.');
    const fresh = await makeWorkspace(t);
    const a = ok(await analyze(fresh.admin, { text: PAIN_BASED }));
    expect(a.matchedPains).toEqual([]);
    expect(a.parts[3]!.explanation).toMatch(/library is empty/);
    expect(ok(await suggest(fresh.admin, { text: PAIN_BASED })).matches).toEqual([]);
    const mine = ok(await analyze(ws.admin, { text: PAIN_BASED }));
    expect(mine.matchedPains.map((m) => m.painId)).not.toContain(theirs);
    expect(JSON.stringify(ok(await suggest(ws.admin, { text: PAIN_BASED, limit: 10 })))).not.toContain(theirs);
  });
});

describe('the index follows the database without a rebuild', () => {
  it('a new evidence entry changes the next match; an edited one, a retired pain and a new pain too', async () => {
    const ws = await makeWorkspace(t);
    const shipping = await insertPain(ws, 'Shipping labels are printed one by one');
    const returns = await insertPain(ws, 'Returns pile up without a reason code');
    await insertEvidence(ws, shipping, 'Our packers print every label by hand.');
    const text = 'Stop paying your warehouse pickers overtime to count stock.';
    expect(ok(await suggest(ws.admin, { text })).matches.map((m) => m.painId)).not.toContain(returns);

    // Inserted straight into the table (another instance, an import): the next answer uses it.
    const entry = await insertEvidence(ws, returns, 'Pickers work overtime every Friday counting stock nobody returned properly.', daysAgo(1));
    const next = ok(await suggest(ws.admin, { text }));
    expect(next.matches[0]).toMatchObject({ painId: returns, evidenceCount: 1, sampleQuote: 'Pickers work overtime every Friday counting stock nobody returned properly.' });
    expect(next.matches[0]!.matchedOn).toEqual(expect.arrayContaining(['overtime']));

    // Edited to other words: the old words no longer match it.
    await t.db.kysely.updateTable('evidence').set({ quote: 'Customers send parcels back with no note.', updated_at: stamp() }).where('id', '=', entry).execute();
    expect(ok(await suggest(ws.admin, { text })).matches.map((m) => m.painId)).not.toContain(returns);

    // A retired pain stops matching; a new one matches at once.
    await t.db.kysely.updateTable('pains').set({ status: 'retired', retired_at: stamp(), updated_at: stamp() }).where('id', '=', shipping).execute();
    expect(ok(await suggest(ws.admin, { text: 'printing labels by hand' })).matches.map((m) => m.painId)).not.toContain(shipping);
    const counting = await insertPain(ws, 'Counting stock eats the pickers overtime');
    expect(ok(await suggest(ws.admin, { text })).matches[0]?.painId).toBe(counting);

    // A deleted entry is noticed by its count.
    await t.db.kysely.deleteFrom('evidence').where('workspace_id', '=', ws.id).execute();
    const after = ok(await suggest(ws.admin, { text: 'customers send parcels back with no note' }));
    expect(after.matches.find((m) => m.painId === returns)?.evidenceCount ?? 0).toBe(0);
  });

  it('two requests racing after a new entry add it once', async () => {
    const ws = await makeWorkspace(t);
    const pain = await insertPain(ws, 'Invoices are chased by email');
    ok(await suggest(ws.admin, { text: 'chasing invoices' }));
    await insertEvidence(ws, pain, 'Finance chases every invoice by email on Fridays.');
    const answers = await Promise.all([suggest(ws.admin, { text: 'chasing invoices' }), analyze(ws.admin, { text: 'Stop chasing invoices by email.' }), suggest(ws.admin, { text: 'chasing invoices' })]);
    for (const a of answers) expect(a.status, a.text).toBe(200);
    expect((answers[0]!.body as SuggestView).matches[0]).toMatchObject({ painId: pain, evidenceCount: 1 });
    expect((answers[2]!.body as SuggestView).matches[0]).toMatchObject({ painId: pain, evidenceCount: 1 });
    expect(ok(await suggest(ws.admin, { text: 'chasing invoices' })).matches[0]!.evidenceCount).toBe(1);
  });

  it('builds a library read a page at a time as one read of all of it would, and then follows it without a rebuild', async () => {
    const ws = await makeWorkspace(t);
    const pains = [
      await insertPain(ws, 'Slow first response to new leads', ['leads wait too long']),
      await insertPain(ws, 'Month-end reporting is done by hand', ['copying numbers into slides']),
      await insertPain(ws, 'Retired: the old CRM loses notes', [], 'retired'),
      await insertPain(ws, 'Forecasts are argued about every week'),
    ];
    const words = ['leads', 'reps', 'call', 'back', 'reporting', 'spreadsheet', 'forecast', 'pipeline', 'notes', 'slides', 'weekend', 'quota', 'deck', 'export', 'CRM'];
    // 4,500 entries on two dates only, so the build's pages (2,000 rows) end inside a run of equal dates; some linked
    // to no pain or to the retired one.
    const rows = Array.from({ length: 4_500 }, (_, i) => {
      const at = stamp();
      return {
        id: newId(),
        workspace_id: ws.id,
        pain_id: i % 9 === 0 ? null : pains[i % pains.length]!,
        member_id: null,
        date: i % 3 === 0 ? daysAgo(30) : daysAgo(200),
        account: 'Northwind',
        deal_id: null,
        deal_external_id: null,
        amount: 1_000,
        outcome: 'won' as const,
        quote: `Our ${words[i % words.length]} and ${words[(i * 7) % words.length]} take ${i % 11} days, quote ${i}.`,
        notes: null,
        created_at: at,
        updated_at: at,
      };
    });
    for (let i = 0; i < rows.length; i += 500) await t.db.kysely.insertInto('evidence').values(rows.slice(i, i + 500)).execute();

    const index = await painIndexFor(t.db.kysely, ws.id);
    // The same library from one read of every row, in the order the build adds them.
    const painRows = await t.db.kysely.selectFrom('pains').select(['id', 'statement', 'synonyms', 'status']).where('workspace_id', '=', ws.id).execute();
    const docs = new Map<string, PainDoc>(painRows.filter((p) => p.status === 'active').map((p) => [p.id, { id: p.id, statement: p.statement, synonyms: JSON.parse(p.synonyms) as string[], quotes: [] }]));
    const all = await t.db.kysely.selectFrom('evidence').select(['pain_id', 'quote', 'date']).where('workspace_id', '=', ws.id).where('pain_id', 'is not', null).orderBy('date').orderBy('id').execute();
    for (const e of all) docs.get(e.pain_id!)?.quotes.push({ text: e.quote, date: e.date });
    const reference = PainIndex.build([...docs.values()]);

    expect(index.size).toBe(3);
    for (const p of pains) {
      expect(index.evidence(p)).toEqual(reference.evidence(p));
      expect(index.sampleQuote(p, 'reps call back after the weekend')).toBe(reference.sampleQuote(p, 'reps call back after the weekend'));
    }
    expect(index.evidence(pains[0]!).quotes).toBe(rows.filter((r) => r.pain_id === pains[0]).length);
    for (const text of ['Reps call back leads after the weekend.', 'Reporting by hand in a spreadsheet deck, every export.', 'The forecast and pipeline, 3 days of quota.']) {
      expect(index.match(text)).toEqual(reference.match(text));
    }

    // Every row was seen, linked or not: a new entry is added to the same index, not by a rebuild.
    await insertEvidence(ws, pains[1]!, 'Copying the forecast into slides takes all Monday.', daysAgo(1));
    const next = await painIndexFor(t.db.kysely, ws.id);
    expect(next).toBe(index);
    expect(next.evidence(pains[1]!).quotes).toBe(reference.evidence(pains[1]!).quotes + 1);
  });
});
