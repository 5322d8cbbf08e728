// The wins of the demo workspace (SPEC S8, issue 13 "a year of wins, a third collaborative, reactions and
// comments"): every week of the year has wins, about a third credited to sales and marketing together, with reactions
// and kudos; most before a held check-in were celebrated together in it; a few proposals wait; and the job gathering
// again proposes nothing the demo already holds as a win.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/lockstep.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { expectStatus, type Client } from '../helpers/client.js';
import { allPages } from '../factories.js';
import { gather, type ProposalView, type SummaryView, type WinDetailView, type WinView } from './wins-fixtures.js';

let t: TestApp;
let dana: Client;

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db);
  dana = t.client();
  expectStatus(await dana.signIn('dana@northwind.example', 'lockstep-demo'), 200);
});
afterAll(async () => {
  await t?.close();
});

describe('the demo workspace’s wins', () => {
  it('holds a year of wins, a third collaborative, with reactions, kudos and celebrations', async () => {
    const wins = await allPages<WinView>(dana, '/api/v1/wins');
    expect(wins.length).toBeGreaterThan(100);
    const together = wins.filter((w) => w.collaborative).length / wins.length;
    expect(together).toBeGreaterThan(0.25);
    expect(together).toBeLessThan(0.45);
    expect(new Set(wins.map((w) => w.kind)).size).toBe(6);
    expect(wins.filter((w) => w.reactions.some((r) => r.count > 0)).length / wins.length).toBeGreaterThan(0.5);
    expect(wins.filter((w) => w.commentCount > 0).length).toBeGreaterThan(20);
    const celebrated = wins.filter((w) => w.celebrated?.meetingId);
    expect(celebrated.length / wins.length).toBeGreaterThan(0.5);
    expect(celebrated[0]!.celebrated!.meetingTitle).toMatch(/^Weekly sales & marketing check-in, /);
    expect(wins.some((w) => w.source?.kind === 'deal')).toBe(true);
    const first = expectStatus(await dana.get<WinDetailView>(`/api/v1/wins/${wins.find((w) => w.commentCount > 0)!.id}`), 200);
    expect(first.comments.length).toBe(first.commentCount);

    const s = expectStatus(await dana.get<SummaryView>('/api/v1/wins/summary?weeks=52'), 200);
    expect(s.weeks.filter((w) => w.wins > 0).length).toBeGreaterThan(45);
    expect(s.byTeam.collaborative).toBeGreaterThan(0);
  });

  it('has a few proposals waiting, and gathering again proposes no deal a win already stands for', async () => {
    const open = await allPages<ProposalView>(dana, '/api/v1/wins/proposals');
    expect(open.length).toBeGreaterThan(0);
    expect(open.length).toBeLessThan(10);
    const keysBefore = await t.db.kysely.selectFrom('win_proposals').select('key').execute();
    await gather(t);
    const after = await t.db.kysely.selectFrom('win_proposals').select(['key', 'status']).execute();
    // Nothing already proposed is proposed twice (the keys are unique), and the deals confirmed stay confirmed.
    expect(after.length).toBeGreaterThanOrEqual(keysBefore.length);
    expect(new Set(after.map((r) => r.key)).size).toBe(after.length);
    const winsOnDeals = await t.db.kysely.selectFrom('win_deals').innerJoin('wins', 'wins.id', 'win_deals.win_id').select('win_deals.deal_id').where('wins.source_kind', '=', 'deal').execute();
    const openKeys = new Set(after.filter((r) => r.status === 'open').map((r) => r.key));
    for (const d of winsOnDeals) expect(openKeys.has(`deal:${d.deal_id}`)).toBe(false);
  });
});
